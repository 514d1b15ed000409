"""Verify: a dataset folder is what its manifest says it is. Every file's SHA-256 and size, no file it does not list,
the same row counts in the manifest, the card's YAML and the Parquet files, and every Parquet file on the schema
derived from schema/row.yaml with every row valid against it."""

from __future__ import annotations

import itertools
import pathlib

import pyarrow.parquet as pq
import yaml
from datasets.info import DatasetInfosDict
from huggingface_hub import DatasetCard

from builder import schema
from builder.card import CARD
from builder.release import read_manifest
from builder.read import file_sha256
from builder.write import MANIFEST

MAX_ROW_PROBLEMS = 10  # per file: enough to see what is wrong


def check_files(folder: pathlib.Path, manifest: dict) -> list[str]:
    problems, listed = [], {MANIFEST}
    for entry in manifest["outputs"]:
        path, listed = folder / entry["path"], listed | {entry["path"]}
        if not path.is_file():
            problems.append(f"{entry['path']}: missing")
        elif (size := path.stat().st_size) != entry["bytes"]:
            problems.append(f"{entry['path']}: {size} bytes, the manifest says {entry['bytes']}")
        elif (digest := file_sha256(path)) != entry["sha256"]:
            problems.append(f"{entry['path']}: sha256 {digest}, the manifest says {entry['sha256']}")
    unlisted = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()
                      and str(p.relative_to(folder)) not in listed)
    return problems + [f"{p}: not in the manifest" for p in unlisted]


def config_files(folder: pathlib.Path, card: DatasetCard) -> dict[str, list[pathlib.Path]]:
    """Each config's Parquet files, from the card's own `configs` data_files."""
    return {c["config_name"]: sorted(p for f in c["data_files"] for p in folder.glob(f["path"]))
            for c in card.data.configs}


def check_counts(folder: pathlib.Path, manifest: dict) -> list[str]:
    try:
        card = DatasetCard.load(folder / CARD)
        infos = DatasetInfosDict.from_dataset_card_data(card.data)
    except (yaml.YAMLError, ValueError, TypeError, KeyError) as exc:  # an unreadable card is a finding, not a crash
        return [f"{CARD}: cannot read the card's YAML ({exc})"]
    in_card = {name: info.splits["train"].num_examples for name, info in infos.items()}
    in_files = {name: sum(pq.ParquetFile(f).metadata.num_rows for f in files)
                for name, files in config_files(folder, card).items()}
    in_manifest = manifest["counts"]["rows"]
    return [f"rows of config {name!r}: manifest {in_manifest.get(name)}, card {in_card.get(name)}, "
            f"Parquet files {in_files.get(name)}"
            for name in sorted(in_manifest.keys() | in_card.keys() | in_files.keys())
            if not in_manifest.get(name) == in_card.get(name) == in_files.get(name)]


def check_parquet(path: pathlib.Path, relative: str) -> list[str]:
    expected = schema.arrow_schema()
    if not (found := pq.read_schema(path)).equals(expected, check_metadata=True):
        return [f"{relative}: Parquet schema differs from schema/row.yaml's:\n{found}"]
    problems = (f"{relative}: row {row.get('id')}: {problem}"
                for batch in pq.ParquetFile(path).iter_batches() for row in batch.to_pylist()
                for problem in schema.validate(row))
    return list(itertools.islice(problems, MAX_ROW_PROBLEMS))


def check_ids(paths: list[pathlib.Path]) -> list[str]:
    ids = [i for p in paths for i in pq.read_table(p, columns=["id"]).column("id").to_pylist()]
    return [] if len(ids) == len(set(ids)) else [f"{len(ids) - len(set(ids))} duplicate ids"]


def verify(folder: str | pathlib.Path) -> list[str]:
    """Everything wrong with the dataset folder (empty list: it verifies)."""
    folder = pathlib.Path(folder)
    if (manifest := read_manifest(folder)) is None:
        return [f"{folder}: no {MANIFEST}: not a dataset folder"]
    problems = check_files(folder, manifest)
    if problems:  # counts and schema of files that are not the manifest's would only repeat the finding
        return problems
    parquet = [folder / e["path"] for e in manifest["outputs"] if e["path"].endswith(".parquet")]
    problems = check_counts(folder, manifest) + check_ids(parquet)
    for path in parquet:
        problems += check_parquet(path, str(path.relative_to(folder)))
    return problems
