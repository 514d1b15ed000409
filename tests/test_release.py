"""Versions: valid version strings, rebuilds that reproduce or are refused, diff between versions, verify."""

import copy
import json
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builder import release
from builder.card import CARD, PLOT
from builder.diff import diff, diff_rows, format_diff, row_fingerprints
from builder.pipeline import build
from builder.read import sha256
from builder.verify import verify
from builder.read import file_sha256
from builder.write import MANIFEST
from conftest import REPO, RAW, seed


def cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "builder", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout)


def hashes(folder):
    return {str(p.relative_to(folder)): file_sha256(p) for p in folder.rglob("*") if p.is_file()}


def reseal(folder):
    """Make the manifest agree with the files again after a test changed one (to reach the checks behind it)."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for entry in manifest["outputs"]:
        entry |= {"sha256": file_sha256(folder / entry["path"]), "bytes": (folder / entry["path"]).stat().st_size}
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def article(title: list[str], date: str, body: list[str]) -> str:
    """A page laid out as seed 002 (iybrb.com: headline, dateline, paragraphs, its footer) with another body."""
    footer = seed("002").splitlines()[15:]  # from the byline on
    lines = [*title, "", date, ""] + [line for paragraph in body for line in (paragraph, "")]
    return "\n".join(lines + footer) + "\n"


def lines(text: str, first: int, last: int) -> list[str]:
    return [line for line in text.splitlines()[first - 1:last] if line.strip()]


NEW_PAGES = {  # real news lines from seeds 001 and 004, in seed 002's layout: two new articles
    "005_new.txt": article(lines(seed("001"), 3, 3), "2021-09-03 10:20:00", lines(seed("001"), 17, 29)),
    "006_new.txt": article(lines(seed("004"), 5, 5), "2024-05-22 08:30:00", lines(seed("004"), 17, 31)),
}


@pytest.fixture(scope="module")
def v020(tmp_path_factory):
    """Version 0.2.0: the seeds plus the two new pages."""
    raw = tmp_path_factory.mktemp("raw020") / "raw"
    shutil.copytree(RAW, raw)
    for name, text in NEW_PAGES.items():
        (raw / name).write_text(text, encoding="utf-8")
    return build(raw, tmp_path_factory.mktemp("build020") / "dataset", version="0.2.0", workers=2)


# ------------------------------------------------------------------------------------------------ versions
@pytest.mark.parametrize("version", ["0.1.0", "1.20.3", "10.0.0"])
def test_semantic_versions_pass(version):
    assert release.check_version(version) == version


@pytest.mark.parametrize("version", ["0.1", "1.2.3.4", "v1.2.3", "01.2.3", "1.2.3-rc1", "1.2.x", ""])
def test_other_version_strings_are_refused(version, tmp_path):
    with pytest.raises(ValueError, match="not a semantic version"):
        build(RAW, tmp_path / "ds", version=version)


def test_rebuilding_a_version_reproduces_it_or_is_refused(seed_build, tmp_path):
    out = tmp_path / "ds"
    shutil.copytree(seed_build.output, out)
    assert {MANIFEST, CARD, PLOT, "data/ko/train-00000-of-00001.parquet"} <= hashes(out).keys()
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    # another process, another staging folder: "reproduced" means the sha256 of every file is the seed build's
    again = cli("build", "--input", RAW, "--output", out, "--version", "0.1.0")
    assert again.returncode == 0, again.stderr
    assert "0.1.0 reproduced byte for byte" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before  # left as it was
    assert hashes(out) == hashes(seed_build.output)

    fewer = tmp_path / "raw"
    fewer.mkdir()
    for page in sorted(RAW.iterdir())[:4]:
        shutil.copy(page, fewer)
    refused = cli("build", "--input", fewer, "--output", out, "--version", "0.1.0")
    assert refused.returncode == 1
    assert "already holds dataset version 0.1.0" in refused.stderr and "inputs differ (0 added, 1 removed" in \
        refused.stderr and "--force" in refused.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before

    forced = build(fewer, out, version="0.1.0", force=True)
    assert forced.status == release.REPLACED and forced.manifest["counts"]["inputs"] == 4
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["counts"]["inputs"] == 4


def test_a_rebuild_whose_files_differ_is_refused_after_building(seed_build, tmp_path):
    """Same inputs and settings but other bytes (a reproducibility bug) is caught by comparing the files."""
    existing, staging = tmp_path / "existing", tmp_path / "staging"
    shutil.copytree(seed_build.output, existing)
    shutil.copytree(seed_build.output, staging)
    assert release.place_version(staging, existing, force=False) == release.REPRODUCED
    (staging / "rejects.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(release.VersionExists, match="files differ: rejects.jsonl"):
        release.place_version(staging, existing, force=False)
    assert (existing / "rejects.jsonl").read_bytes() == b""
    assert release.place_version(staging, existing, force=True) == release.REPLACED
    assert (existing / "rejects.jsonl").read_text() == "{}\n" and not staging.exists()


def test_obstacles_name_what_differs(seed_build):
    manifest = seed_build.manifest
    hashes_now = {i["path"]: i["sha256"] for i in manifest["inputs"]}
    assert release.rebuild_obstacles(manifest, "0.1.0", hashes_now) == []
    old = json.loads(json.dumps(manifest))
    old["dependencies"]["pyarrow"] = "1.0.0"
    old["config"]["parquet"]["compression_level"] = 3
    reasons = release.rebuild_obstacles(old, "0.1.0", hashes_now)
    assert any(r.startswith("config differs (parquet:") for r in reasons)
    assert any(r.startswith("dependencies differs (pyarrow: 1.0.0 → ") for r in reasons)


# ------------------------------------------------------------------------------------------------ diff
def test_diff_reports_exactly_the_two_added_rows(seed_build, v020):
    new_ids = sorted(sha256(text.encode("utf-8"))[:32] for text in NEW_PAGES.values())  # pages without a URL
    d = diff(seed_build.output, v020.output)
    assert d.versions == ("0.1.0", "0.2.0")
    assert d.ids == {"added": new_ids, "removed": [], "changed": []}
    assert d.by_group[("iybrb.com", "ko")] == {"added": 2, "unchanged": 1}
    assert sum(c["unchanged"] for c in d.by_group.values()) == 5

    printed = cli("diff", seed_build.output, v020.output)
    assert printed.returncode == 0, printed.stderr
    assert "0.1.0 → 0.2.0: 2 added, 0 removed, 0 changed, 5 unchanged" in printed.stdout
    assert "| iybrb.com | ko | 2 | 0 | 0 | 1 |" in printed.stdout
    assert all(f"  {i}" in printed.stdout for i in new_ids)


def test_diff_reports_removed_and_changed_rows(seed_build):
    old = row_fingerprints(seed_build.output)
    new = copy.deepcopy(old)
    changed, removed = sorted(new)[:2]
    new[changed]["text"] = "another text"
    del new[removed]
    d = diff_rows(old, new)
    assert d.ids == {"added": [], "removed": [removed], "changed": [changed]}
    assert d.changed_fields == {"text": 1}
    assert "changed fields: text (1)" in format_diff(d)


# ------------------------------------------------------------------------------------------------ verify
def test_both_versions_verify(seed_build, v020):
    assert verify(seed_build.output) == []
    assert verify(v020.output) == []


def test_a_flipped_byte_in_a_shard_fails_verify(v020, tmp_path):
    out = tmp_path / "ds"
    shutil.copytree(v020.output, out)
    shard = out / "data/ko/train-00000-of-00001.parquet"
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 0x01
    shard.write_bytes(bytes(data))
    problems = verify(out)
    assert len(problems) == 1 and problems[0].startswith("data/ko/train-00000-of-00001.parquet: sha256 ")
    done = cli("verify", out, timeout=120)
    assert done.returncode == 1 and "FAILS verify" in done.stderr and "the manifest says" in done.stderr


def test_verify_finds_unlisted_files_counts_and_schema(seed_build, tmp_path):
    out = tmp_path / "ds"
    shutil.copytree(seed_build.output, out)
    (out / "notes.txt").write_text("stray", encoding="utf-8")
    assert verify(out) == ["notes.txt: not in the manifest"]
    (out / "notes.txt").unlink()

    card = (out / CARD).read_text(encoding="utf-8")
    (out / CARD).write_text(card.replace("num_examples: 4", "num_examples: 3", 1), encoding="utf-8")
    reseal(out)
    assert verify(out) == ["rows of config 'ko': manifest 4, card 3, Parquet files 4"]
    (out / CARD).write_text(card, encoding="utf-8")

    shard = out / "data/zh/train-00000-of-00001.parquet"
    table = pq.read_table(shard)
    pq.write_table(table.cast(pa.schema([f.with_nullable(True) for f in table.schema])), shard)
    reseal(out)
    problems = verify(out)
    assert len(problems) == 1 and problems[0].startswith("data/zh/train-00000-of-00001.parquet: Parquet schema")


def test_a_folder_without_manifest_is_not_a_dataset(tmp_path):
    assert verify(tmp_path) == [f"{tmp_path}: no {MANIFEST}: not a dataset folder"]


def test_a_folder_that_is_not_a_dataset_is_never_replaced(tmp_path):
    import pytest

    from builder.pipeline import build
    from builder.release import NotADataset
    from conftest import RAW

    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete")
    with pytest.raises(NotADataset):
        build(RAW, precious, version="0.1.0")
    assert (precious / "thesis.txt").read_text() == "do not delete"
