"""Diff: what changed between two versions of the dataset. Rows are matched by `id`: added, removed, changed (same
id, some field differs; the text is compared by its SHA-256), counted per source and language."""

from __future__ import annotations

import collections
import hashlib
import pathlib
from dataclasses import dataclass, field

import pyarrow.parquet as pq

from builder.card import config_globs
from builder.release import read_manifest

KINDS = ("added", "removed", "changed", "unchanged")
LISTED = KINDS[:3]  # the kinds whose ids are listed


@dataclass
class Diff:
    ids: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in LISTED})  # kind -> sorted ids
    by_group: dict[tuple[str, str], collections.Counter] = field(  # (source, language) -> kind -> rows
        default_factory=lambda: collections.defaultdict(collections.Counter))
    changed_fields: collections.Counter = field(default_factory=collections.Counter)  # field -> changed rows
    versions: tuple[str | None, str | None] = (None, None)


def row_fingerprints(folder: pathlib.Path) -> dict[str, dict]:
    """id -> the row with its text replaced by the text's SHA-256 (enough to compare, small to hold)."""
    rows = {}
    for path in sorted(folder.glob(config_globs([])["default"])):
        for batch in pq.ParquetFile(path).iter_batches():
            for row in batch.to_pylist():
                row["text"] = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()
                rows[row["id"]] = row
    return rows


def diff_rows(old: dict[str, dict], new: dict[str, dict]) -> Diff:
    d = Diff()
    for row_id in sorted(old.keys() | new.keys()):
        before, after = old.get(row_id), new.get(row_id)
        if before is None:
            kind = "added"
        elif after is None:
            kind = "removed"
        else:
            fields = [k for k in after if before.get(k) != after[k]]
            d.changed_fields.update(fields)
            kind = "changed" if fields else "unchanged"
        row = after or before  # a changed row is counted where it is now
        if kind in LISTED:
            d.ids[kind].append(row_id)
        d.by_group[row["source"], row["language"]][kind] += 1
    return d


def dataset_version(folder: pathlib.Path) -> str | None:
    return (read_manifest(folder) or {}).get("dataset_version")


def diff(old_dir: str | pathlib.Path, new_dir: str | pathlib.Path) -> Diff:
    old_dir, new_dir = pathlib.Path(old_dir), pathlib.Path(new_dir)
    d = diff_rows(row_fingerprints(old_dir), row_fingerprints(new_dir))
    d.versions = (dataset_version(old_dir), dataset_version(new_dir))
    return d


def format_diff(d: Diff) -> str:
    totals = sum(d.by_group.values(), collections.Counter())
    lines = [f"{d.versions[0]} → {d.versions[1]}: " + ", ".join(f"{totals[k]} {k}" for k in KINDS), "",
             "| source | language | " + " | ".join(KINDS) + " |", "|---|---|" + "---|" * len(KINDS)]
    lines += [f"| {source} | {lang} | " + " | ".join(str(c[k]) for k in KINDS) + " |"
              for (source, lang), c in sorted(d.by_group.items())]
    if d.changed_fields:
        lines += ["", "changed fields: " + ", ".join(f"{f} ({n})" for f, n in sorted(d.changed_fields.items()))]
    for kind, ids in d.ids.items():
        lines += [f"\n{kind}:", *(f"  {i}" for i in ids)] if ids else []
    return "\n".join(lines)
