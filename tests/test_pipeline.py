"""End to end: build the bundled pages, load the dataset four ways, check rows, bad inputs, reproducibility."""

import json
import pathlib
import shutil

import datasets
import pyarrow.parquet as pq
import pytest

from builder import schema
from builder.pipeline import build
from builder.read import file_sha256
from conftest import RAW, seed

EXPECTED = {  # raw page -> (language, script, source, date)
    "000": ("ko", "Hang", "zoglo.net", "2023-12-06"),
    "001": ("ko", "Hang", "jlcxwb.com.cn", "2021-09-01"),
    "002": ("ko", "Hang", "iybrb.com", "2026-03-02"),
    "003": ("zh", "Hant", "muchs.cn", None),
    "004": ("ko", "Hang", "hljxinwen.cn", "2024-05-21"),
}


def _check_rows(rows):
    by_page = {r["raw_path"][:3]: r for r in rows}
    assert sorted(by_page) == sorted(EXPECTED)
    for page, (language, script, source, date) in EXPECTED.items():
        row = by_page[page]
        assert (row["language"], row["script"], row["source"]) == (language, script, source), page
        assert (str(row["date"]) if row["date"] else None) == date, page
        assert row["text"] and "\n" in row["text"]


def test_folder_load_gives_schema_features_and_expected_rows(seed_build):
    ds = datasets.load_dataset(str(seed_build.output), split="train")
    assert ds.features == schema.features()
    _check_rows(list(ds))
    for row in ds:
        assert schema.validate(dict(row)) == [], row["raw_path"]


def test_each_language_config_holds_its_rows(seed_build):
    ko = datasets.load_dataset(str(seed_build.output), "ko", split="train")
    zh = datasets.load_dataset(str(seed_build.output), "zh", split="train")
    assert set(ko["language"]) == {"ko"} and len(ko) == 4
    assert set(zh["language"]) == {"zh"} and len(zh) == 1
    assert ko.features == zh.features == schema.features()


def test_streaming_load(seed_build):
    stream = datasets.load_dataset(str(seed_build.output), split="train", streaming=True)
    rows = list(stream)
    assert stream.features == schema.features()
    _check_rows(rows)


def test_bare_parquet_keeps_types(seed_build):
    files = sorted(str(p) for p in seed_build.output.glob("data/*/*.parquet"))
    ds = datasets.load_dataset("parquet", data_files=files, split="train")
    assert ds.features == schema.features()
    table = pq.read_table(files[0])
    assert table.schema.field("published_at").type.tz == "Asia/Shanghai"
    assert str(table.schema.field("date").type) == "date32[day]"
    import pandas as pd
    df = pd.concat(pd.read_parquet(f) for f in files)
    assert len(df) == 5 and list(df.columns) == schema.names()


def test_ids_are_stable_hashes(seed_build):
    rows = list(datasets.load_dataset(str(seed_build.output), split="train"))
    by_page = {r["raw_path"][:3]: r for r in rows}
    import hashlib
    assert by_page["003"]["id"] == hashlib.sha256(b"http://muchs.cn/article12/sdeogc.html").hexdigest()[:32]
    assert by_page["000"]["id"] == by_page["000"]["raw_sha256"][:32]


def test_manifest_counts_and_hashes(seed_build):
    out = seed_build.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [i["path"] for i in manifest["inputs"]] == sorted(p.name for p in RAW.iterdir())
    assert all(i["outcome"] == "row" for i in manifest["inputs"])
    assert manifest["counts"]["rows"] == {"default": 5, "ko": 4, "zh": 1}
    for entry in manifest["outputs"]:
        assert file_sha256(out / entry["path"]) == entry["sha256"]


def test_bad_inputs_become_rejections_and_counts_add_up(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (raw / "gbk_page.txt").write_bytes(seed("003").encode("gbk"))
    shutil.copy(next(RAW.glob("002_*.txt")), raw / "good.txt")
    result = build(raw, tmp_path / "out", version="0.1.0")
    manifest = result.manifest
    outcomes = {i["path"]: (i["outcome"], i.get("reason")) for i in manifest["inputs"]}
    assert outcomes == {"empty.txt": ("rejected", "empty"), "image.txt": ("rejected", "binary"),
                        "gbk_page.txt": ("row", None), "good.txt": ("row", None)}
    counts = manifest["counts"]
    assert counts["rows"]["default"] + sum(counts["rejected"].values()) == counts["inputs"] == 4
    rejects = [json.loads(line) for line in (tmp_path / "out" / "rejects.jsonl").read_text().splitlines()]
    assert sorted(r["reason"] for r in rejects) == ["binary", "empty"]
    gbk = [r for r in datasets.load_dataset(str(tmp_path / "out"), split="train") if r["raw_path"] == "gbk_page.txt"]
    assert gbk[0]["language"] == "zh" and gbk[0]["source"] == "muchs.cn"
    assert "金壯龍指出,制造強,企業必須強。" in gbk[0]["text"]


def test_duplicate_pages_keep_one_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    page = next(RAW.glob("001_*.txt"))
    shutil.copy(page, raw / "a.txt")
    shutil.copy(page, raw / "b.txt")
    manifest = build(raw, tmp_path / "out", version="0.1.0").manifest
    assert manifest["counts"]["rows"]["default"] == 1
    assert manifest["counts"]["rejected"] == {"duplicate_id": 1}


def test_two_builds_are_byte_identical(seed_build, tmp_path):
    again = build(RAW, tmp_path / "again", version="0.1.0", workers=1)
    first = {p.relative_to(seed_build.output): file_sha256(p) for p in seed_build.output.rglob("*") if p.is_file()}
    second = {p.relative_to(again.output): file_sha256(p) for p in again.output.rglob("*") if p.is_file()}
    assert first == second


def test_a_failed_build_leaves_the_previous_dataset_untouched(seed_build, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(seed_build.output, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr("builder.pipeline.write_dataset", broken)
    with pytest.raises(RuntimeError):  # forced: replacing the existing version is allowed, failing must not harm it
        build(RAW, out, version="0.2.0", force=True)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind
