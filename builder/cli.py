"""Command line: `python -m builder build [--input RAW_DIR] [--output OUT_DIR] [--version X.Y.Z]`."""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

from builder.config import dataset_config

DEFAULT_INPUT = "raw"
DEFAULT_OUTPUT_ROOT = "dist"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the dataset from a folder of raw pages")
    build.add_argument("--input", default=DEFAULT_INPUT, help="folder of raw pages (default: raw/)")
    build.add_argument("--output", help="dataset folder to write (default: dist/<name>-<version>)")
    build.add_argument("--version", help="dataset version X.Y.Z (default: builder/dataset.yaml)")
    build.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parallel tasks (default: cores)")
    build.add_argument("--registry", action="append", default=[], help="extra source registry YAML (repeatable)")
    build.add_argument("--sidecar", help="CSV/JSONL mapping input files to url and fetched_at")
    build.add_argument("--verbose", action="store_true", help="show datatrove's task logs")
    return parser


def summary(result) -> str:
    counts = result.manifest["counts"]
    per_config = ", ".join(f"{c}: {n}" for c, n in counts["rows"].items() if c != "default")
    rejected = ", ".join(f"{r}: {n}" for r, n in counts["rejected"].items()) or "none"
    return "\n".join([
        f"input files read: {counts['inputs']} ({counts['pages']} pages)",
        f"rows written:     {counts['rows']['default']} ({per_config})",
        f"rejected:         {sum(counts['rejected'].values())} ({rejected})",
        f"dataset:          {result.output}",
    ])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from builder.pipeline import build  # heavy imports only once the arguments are fine

    config = dataset_config()
    version = args.version or config["version"]
    output = pathlib.Path(args.output or pathlib.Path(DEFAULT_OUTPUT_ROOT) / f"{config['name']}-{version}")
    try:
        result = build(args.input, output, version=version, workers=args.workers,
                       registry_files=tuple(args.registry), sidecar=args.sidecar, verbose=args.verbose)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary(result))
    return 0
