from builder.cli import main

# Guarded: datatrove's worker pool (forkserver) re-imports the main module in each worker.
if __name__ == "__main__":
    raise SystemExit(main())
