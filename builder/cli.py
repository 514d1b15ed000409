"""Command line: `python -m builder build [--input RAW_DIR] [--output OUT_DIR] [--version X.Y.Z] [--force]`,
`diff OLD NEW`, `verify DIR`, `publish DIR --repo-id ORG/NAME [--dry-run]`."""

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
    build.add_argument("--force", action="store_true",
                       help="replace an existing version at OUT_DIR even when this build does not reproduce it")
    diff = commands.add_parser("diff", help="rows added, removed and changed (by id) between two dataset versions")
    diff.add_argument("old", help="the older dataset folder")
    diff.add_argument("new", help="the newer dataset folder")
    verify = commands.add_parser("verify", help="check a dataset folder against its manifest, card and schema")
    verify.add_argument("folder", help="dataset folder")
    publish = commands.add_parser("publish", help="upload a verified dataset folder to the Hub, tagged v<version>")
    publish.add_argument("folder", help="dataset folder")
    publish.add_argument("--repo-id", required=True, help="Hub dataset repository, ORG/NAME")
    publish.add_argument("--dry-run", action="store_true", help="print the files and the commit plan, upload nothing")
    publish.add_argument("--token", help="Hub token (default: HF_TOKEN or the saved login)")
    return parser


STATUS = {"written": "written", "reproduced": "reproduced byte for byte: the existing folder is left as it was",
          "replaced": "replaced the existing folder (--force)"}


def summary(result) -> str:
    counts = result.manifest["counts"]
    per_config = ", ".join(f"{c}: {n}" for c, n in counts["rows"].items() if c != "default")
    rejected = ", ".join(f"{r}: {n}" for r, n in counts["rejected"].items()) or "none"
    return "\n".join([
        f"input files read: {counts['inputs']} ({counts['pages']} pages)",
        f"rows written:     {counts['rows']['default']} ({per_config})",
        f"rejected:         {sum(counts['rejected'].values())} ({rejected})",
        f"dataset:          {result.output}",
        f"version:          {result.manifest['dataset_version']} {STATUS[result.status]}",
    ] + ([] if result.manifest["changelog"] else [
        f"warning: CHANGELOG.md has no section for {result.manifest['dataset_version']}: not a release"]))


def run_build(args) -> int:
    from builder.pipeline import build  # heavy imports only once the arguments are fine
    from builder.release import NotADataset, VersionError, VersionExists, check_version

    config = dataset_config()
    version = args.version or config["version"]
    output = pathlib.Path(args.output or pathlib.Path(DEFAULT_OUTPUT_ROOT) / f"{config['name']}-{version}")
    try:
        result = build(args.input, output, version=check_version(version), workers=args.workers,
                       registry_files=tuple(args.registry), sidecar=args.sidecar, verbose=args.verbose,
                       force=args.force)
    except (FileNotFoundError, VersionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (VersionExists, NotADataset) as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    print(summary(result))
    return 0


def run_diff(args) -> int:
    from builder.diff import diff, format_diff

    print(format_diff(diff(args.old, args.new)))
    return 0


def run_verify(args) -> int:
    from builder.verify import verify

    if problems := verify(args.folder):
        print(f"{args.folder} FAILS verify:", *(f"  - {p}" for p in problems), sep="\n", file=sys.stderr)
        return 1
    print(f"{args.folder}: verified (files, row counts, schema)")
    return 0


def run_publish(args) -> int:
    from huggingface_hub import HfApi
    from huggingface_hub.utils import HFValidationError

    from builder.publish import PublishRefused, format_plan, publish_plan, upload

    try:
        plan = publish_plan(args.folder, args.repo_id)
        print(format_plan(plan))
        if args.dry_run:
            print("dry run: nothing uploaded")
            return 0
        print(f"published: {upload(plan, args.folder, HfApi(token=args.token))} (tag {plan.tag})")
    except HFValidationError as exc:  # a malformed repo id
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except PublishRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    return 0


COMMANDS = {"build": run_build, "diff": run_diff, "verify": run_verify, "publish": run_publish}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return COMMANDS[args.command](args)
