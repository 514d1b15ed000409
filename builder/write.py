"""Write: per-task records (one per input page: a row or a rejection), then the dataset folder from all of them.

The dataset folder is written complete into a staging folder beside the destination and renamed into place only at
the end, so an interrupted build never leaves a folder that looks complete. Rows are sorted by id and written with
fixed Parquet settings and no timestamps: the same inputs, builder, configuration and library versions give the
same bytes, and the manifest records all four.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import importlib.metadata
import json
import pathlib
import platform
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
from datatrove.pipeline.writers.jsonl import JsonlWriter
from packaging.requirements import Requirement

from builder import __version__, schema
from builder.card import PLOT_DEPENDENCIES, changelog_entry, write_card
from builder.config import DATA_DIR, dataset_config
from builder.dedup import deduplicate
from builder.read import file_sha256
from builder.stage import rejection

MANIFEST = "manifest.json"
REJECTS = "rejects.jsonl"
REJECT_FIELDS = ("raw_path", "raw_record", "raw_sha256", "reason", "detail", "url")
DISTRIBUTION = "chinanews-corpus-builder"  # pyproject.toml's project name


def row_id(url: str | None, raw_sha256: str) -> str:
    """Stable across rebuilds: from the URL when the page has one, else from its bytes."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] if url else raw_sha256[:32]


def page_record(writer, doc) -> dict:
    """The intermediate record of one page (a JsonlWriter adapter)."""
    meta = doc.metadata
    record = {k: meta.get(k) for k in ("raw_path", "raw_record", "raw_sha256")}
    if (rejected := rejection(doc)) is not None:
        return {**record, "outcome": "rejected", **rejected, "url": meta.get("url")}
    row = {name: meta.get(name) for name in schema.names()}
    row["text"], row["id"] = doc.text, row_id(meta.get("url"), meta["raw_sha256"])
    return {**record, "outcome": "row", "row": row}


def record_writer(folder: str) -> JsonlWriter:
    return JsonlWriter(folder, output_filename="${rank}.jsonl", compression=None, adapter=page_record)


# ------------------------------------------------------------------------------------------------ final dataset
def read_records(folder: pathlib.Path) -> list[dict]:
    records = [json.loads(line) for path in sorted(folder.glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line]
    return sorted(records, key=lambda r: (r["raw_path"], r["raw_record"] or ""))


def _typed(row: dict) -> dict:
    """JSON values back to the schema's Python types."""
    out = dict(row)
    for f in schema.fields():
        value = out.get(f.name)
        if value is None:
            continue
        if f.type == "date32":
            out[f.name] = dt.date.fromisoformat(value)
        elif f.type.startswith("timestamp"):
            out[f.name] = dt.datetime.fromisoformat(value)
        elif f.type.startswith("float"):
            out[f.name] = float(value)
    return out


def shard_rows(rows: list[dict], max_bytes: int) -> list[list[dict]]:
    shards, current, size = [], [], 0
    for row in rows:
        n = len(row["text"].encode("utf-8"))
        if current and size + n > max_bytes:
            shards.append(current)
            current, size = [], 0
        current.append(row)
        size += n
    return shards + [current] if current else shards


def write_parquet(rows: list[dict], path: pathlib.Path, settings: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    arrow_schema = schema.arrow_schema()
    with pq.ParquetWriter(path, arrow_schema, compression=settings["compression"],
                          compression_level=settings["compression_level"], write_statistics=True,
                          write_page_index=True, use_content_defined_chunking=True) as writer:
        for group in shard_rows(rows, settings["max_row_group_bytes"]):
            writer.write_table(pa.Table.from_pylist(group, schema=arrow_schema))


def dependency_versions() -> dict[str, str]:
    """Installed versions of the builder's requirements (from the installed package's metadata, extras left out)
    and of the plot's libraries."""
    requirements = [Requirement(r) for r in importlib.metadata.requires(DISTRIBUTION) or ()]
    names = {r.name.lower() for r in requirements if not r.marker} | set(PLOT_DEPENDENCIES)
    return {name: importlib.metadata.version(name) for name in sorted(names)}


def provenance(version: str) -> dict:
    """What, besides the inputs, decides a build's bytes. The config is dataset.yaml as used, minus its `version`:
    the version built is `dataset_version` (`--version` may override the file's)."""
    config = {k: v for k, v in dataset_config().items() if k != "version"}
    return {"dataset": dataset_config()["name"], "dataset_version": version, "builder_version": __version__,
            "config": config, "dependencies": dependency_versions(), "python": platform.python_version()}


def input_outcomes(records: list[dict], files: list[str], file_hashes: dict[str, str]) -> list[dict]:
    """One manifest line per input file: its sha256 and what became of it."""
    per_file = collections.defaultdict(list)
    for r in records:
        per_file[r["raw_path"]].append(r)
    lines = []
    for path in files:
        recs = per_file.get(path, [])
        line = {"path": path, "sha256": file_hashes[path]}
        if len(recs) == 1 and recs[0]["raw_record"] is None:
            line["outcome"] = recs[0]["outcome"]
            if recs[0]["outcome"] == "rejected":
                line["reason"] = recs[0]["reason"]
        else:  # a crawl archive: several pages
            outcomes = collections.Counter(r["outcome"] for r in recs)
            line["outcome"] = "pages"
            line["rows"], line["rejected"] = outcomes["row"], outcomes["rejected"]
        lines.append(line)
    return lines


def write_dataset(records: list[dict], staging: pathlib.Path, *, version: str, files: list[str],
                  file_hashes: dict[str, str]) -> dict:
    """Write the whole dataset folder into `staging`; returns the manifest."""
    settings = dataset_config()["parquet"]
    rows, duplicates = deduplicate([_typed(r["row"]) for r in records if r["outcome"] == "row"])
    by_page = {(r["raw_path"], r["raw_record"]): r for r in records}
    for row, reason, kept_id in duplicates:  # the manifest and the rejects show the page as rejected, not a row
        by_page[row["raw_path"], row["raw_record"]].update(outcome="rejected", reason=reason,
                                                           detail=f"same as row {kept_id}", url=row["url"])
    rejects = [{k: r.get(k) for k in REJECT_FIELDS} for r in records if r["outcome"] == "rejected"]

    by_config = collections.defaultdict(list)
    for row in sorted(rows, key=lambda r: r["id"]):
        by_config[row["language"]].append(row)
    outputs = []
    for config, config_rows in sorted(by_config.items()):
        shards = shard_rows(config_rows, settings["max_shard_bytes"])
        for k, shard in enumerate(shards):
            path = staging / DATA_DIR / config / f"train-{k:05d}-of-{len(shards):05d}.parquet"
            write_parquet(shard, path, settings)
            outputs.append(path)
    rejects.sort(key=lambda r: (r["raw_path"], r["raw_record"] or ""))
    (staging / REJECTS).write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rejects),
                                   encoding="utf-8")
    counts = {"inputs": len(files), "pages": len(records), "rows": {"default": len(rows)} | {
        c: len(v) for c, v in sorted(by_config.items())},
              "rejected": dict(sorted(collections.Counter(r["reason"] for r in rejects).items()))}
    outputs += [staging / REJECTS, *write_card(rows, by_config, staging, version=version, counts=counts)]
    manifest = {
        **provenance(version), "changelog": changelog_entry(version),
        "counts": counts, "inputs": input_outcomes(records, files, file_hashes),
        "outputs": [{"path": str(p.relative_to(staging)), "sha256": file_sha256(p), "bytes": p.stat().st_size}
                    for p in sorted(outputs)],
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
    return manifest


def move_into_place(staging: pathlib.Path, destination: pathlib.Path) -> None:
    """Replace `destination` by the finished `staging` folder; the old one is only removed once the new is there."""
    old = destination.with_name(f".{destination.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if destination.exists():
        destination.rename(old)
    staging.rename(destination)
    if old.exists():
        shutil.rmtree(old)
