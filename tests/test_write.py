"""Parquet for download (bounded shards and row groups, page index) and what the manifest records."""

import copy
import importlib.metadata
import json
import platform
import re

import datasets
import pyarrow.parquet as pq

from builder.config import dataset_config
from builder.pipeline import build
from builder.verify import verify
from builder.write import shard_rows
from conftest import RAW

SHARD_NAME = re.compile(r"train-(\d{5})-of-(\d{5})\.parquet")


def test_default_bounds_are_the_hubs():
    parquet = dataset_config()["parquet"]
    assert parquet["max_row_group_bytes"] <= 100_000_000 and parquet["max_shard_bytes"] == 500_000_000


def test_shard_rows_bounds_text_bytes():
    rows = [{"text": "가" * n} for n in (10, 10, 10, 30, 5)]  # 3 bytes per character
    assert [len(s) for s in shard_rows(rows, 60)] == [2, 1, 1, 1]
    assert [len(s) for s in shard_rows(rows, 10_000)] == [5]


def test_small_bounds_give_several_shards_and_row_groups(tmp_path, monkeypatch):
    config = copy.deepcopy(dataset_config())
    config["parquet"] |= {"max_shard_bytes": 15_000, "max_row_group_bytes": 1}  # ~2 Korean articles, 1 row
    monkeypatch.setattr("builder.write.dataset_config", lambda: config)
    out = build(RAW, tmp_path / "ds", version="0.1.0").output

    ko = sorted((out / "data" / "ko").iterdir())
    assert len(ko) > 1
    numbers = [SHARD_NAME.fullmatch(p.name).groups() for p in ko]
    assert numbers == [(f"{k:05d}", f"{len(ko):05d}") for k in range(len(ko))]
    for path in out.glob("data/*/*.parquet"):
        meta = pq.ParquetFile(path).metadata
        assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [1] * meta.num_rows
        assert meta.row_group(0).column(0).has_offset_index and meta.row_group(0).column(0).has_column_index
    assert max(pq.ParquetFile(p).metadata.num_row_groups for p in ko) > 1

    assert len(datasets.load_dataset(str(out), split="train")) == 5
    assert len(datasets.load_dataset(str(out), "ko", split="train")) == 4
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["parquet"]["max_shard_bytes"] == 15_000  # the settings used, not the file's
    assert verify(out) == []


def test_manifest_records_config_dependencies_and_inputs(seed_build):
    manifest = seed_build.manifest
    assert manifest["config"] == {k: v for k, v in dataset_config().items() if k != "version"}
    assert manifest["dataset_version"] == "0.1.0" and manifest["python"] == platform.python_version()
    for name in ("datasets", "pyarrow", "datatrove", "trafilatura", "langdetect", "lingua-language-detector",
                 "huggingface_hub", "matplotlib"):
        assert manifest["dependencies"][name] == importlib.metadata.version(name)
    assert all(re.fullmatch(r"[0-9a-f]{64}", i["sha256"]) for i in manifest["inputs"])
    assert manifest["changelog"].startswith("First release")
