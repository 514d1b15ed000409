import signal

from builder.cli import main

# Guarded: datatrove's worker pool (forkserver) re-imports the main module in each worker.
if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `diff OLD NEW | head` ends quietly, as shell tools do
    raise SystemExit(main())
