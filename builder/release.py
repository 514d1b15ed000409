"""Versions: each build writes one immutable version. Rebuilding a version that exists either reproduces it byte for
byte (and leaves the folder as it is) or is refused, unless forced.

The refusal comes early when the existing manifest already shows the build can't match (other inputs, builder,
config or library versions), and after the build when the files still differ (a reproducibility bug).
"""

from __future__ import annotations

import json
import pathlib
import re

from builder.read import file_sha256
from builder.write import MANIFEST, move_into_place, provenance

SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
WRITTEN, REPRODUCED, REPLACED = "written", "reproduced", "replaced"


class VersionError(ValueError):
    """A version string that is not X.Y.Z."""


class VersionExists(Exception):
    """The output folder holds a version this build would change."""

    def __init__(self, output: pathlib.Path, version: str, reasons: list[str]):
        super().__init__(f"{output} already holds dataset version {version} and this build would not reproduce it:\n"
                         + "".join(f"  - {r}\n" for r in reasons)
                         + "A version is immutable: give this build a new version (builder/dataset.yaml `version:` "
                           "or --version) and its own folder, or pass --force to replace this one.")


def check_version(version: str) -> str:
    if not SEMVER.fullmatch(version):
        raise VersionError(f"dataset version {version!r} is not a semantic version X.Y.Z (e.g. 0.2.0)")
    return version


def read_manifest(folder: pathlib.Path) -> dict | None:
    path = folder / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _change(old, new) -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        keys = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        return ", ".join(f"{k}: {old.get(k)} → {new.get(k)}" for k in keys)
    return f"{old} → {new}"


def rebuild_obstacles(existing: dict, version: str, file_hashes: dict[str, str]) -> list[str]:
    """Why a build of `version` from these inputs can't reproduce the `existing` manifest (empty: it may)."""
    reasons = [f"{key} differs ({_change(existing.get(key), value)})"
               for key, value in provenance(version).items() if existing.get(key) != value]
    old = {i["path"]: i["sha256"] for i in existing.get("inputs", [])}
    if old != file_hashes:
        added, removed = file_hashes.keys() - old.keys(), old.keys() - file_hashes.keys()
        changed = [p for p in old.keys() & file_hashes.keys() if old[p] != file_hashes[p]]
        reasons.append(f"inputs differ ({len(added)} added, {len(removed)} removed, {len(changed)} changed)")
    return reasons


class NotADataset(Exception):
    """The output folder exists, holds files and no manifest: replacing it would delete someone's files."""

    def __init__(self, output: pathlib.Path):
        super().__init__(f"{output} exists and is not a dataset folder (no {MANIFEST}); choose another --output, "
                         "or pass --force to replace it")


def refuse_unreproducible(output: pathlib.Path, version: str, file_hashes: dict[str, str]) -> None:
    """Before building: refuse at once when the existing version's manifest shows the build can't match it, or
    when the output folder holds files that are not a dataset."""
    existing = read_manifest(output)
    if existing is None and output.is_dir() and any(output.iterdir()):
        raise NotADataset(output)
    if existing is not None and (reasons := rebuild_obstacles(existing, version, file_hashes)):
        raise VersionExists(output, existing.get("dataset_version"), reasons)


def folder_hashes(folder: pathlib.Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): file_sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def place_version(staging: pathlib.Path, output: pathlib.Path, *, force: bool) -> str:
    """Move the finished build into place, unless `output` holds a version that differs from it; returns what
    happened. A byte-identical rebuild leaves `output` untouched (the caller removes the staging folder)."""
    existing = read_manifest(output)
    if existing is None or force:
        move_into_place(staging, output)
        return WRITTEN if existing is None else REPLACED
    old, new = folder_hashes(output), folder_hashes(staging)
    if old == new:
        return REPRODUCED
    differing = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    raise VersionExists(output, existing.get("dataset_version"), [f"files differ: {', '.join(differing)}"])
