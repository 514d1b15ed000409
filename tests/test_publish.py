"""Publish: the plan (files, commit, tag) without network, refusals, and the upload's calls to a recording HfApi.
No test reaches the Hub: the live upload is untested here."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from huggingface_hub import CommitOperationAdd, CommitOperationDelete, HfApi
from huggingface_hub.hf_api import CommitInfo, GitRefInfo, GitRefs

from builder.publish import PublishRefused, format_plan, publish_plan, upload
from builder.read import file_sha256
from builder.write import MANIFEST
from conftest import REPO

REPO_ID = "example-org/chinese-korean-news"
COMMIT_OID = "a" * 40


def folder_files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_plan_lists_every_file_with_its_hash_and_the_tag(seed_build):
    plan = publish_plan(seed_build.output, REPO_ID)
    assert [f.path for f in plan.files] == folder_files(seed_build.output)
    for f in plan.files:
        path = seed_build.output / f.path
        assert (f.bytes, f.sha256) == (path.stat().st_size, file_sha256(path))
    assert (plan.repo_id, plan.version, plan.tag) == (REPO_ID, "0.1.0", "v0.1.0")
    assert plan.commit_message == "chinese-korean-news 0.1.0" and plan.commit_description.startswith("First release")


def test_dry_run_prints_the_plan_and_uploads_nothing(seed_build):
    env = os.environ | {"HF_HUB_OFFLINE": "1"}  # any Hub call would fail
    done = subprocess.run([sys.executable, "-m", "builder", "publish", str(seed_build.output), "--repo-id", REPO_ID,
                           "--dry-run"], cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert f"repository: {REPO_ID}" in done.stdout and "tag:        v0.1.0" in done.stdout
    assert "commit:     'chinese-korean-news 0.1.0'" in done.stdout and "dry run: nothing uploaded" in done.stdout
    manifest_line = f"  {MANIFEST}  {(seed_build.output / MANIFEST).stat().st_size} bytes  sha256 " \
                    f"{file_sha256(seed_build.output / MANIFEST)}"
    assert manifest_line in done.stdout
    assert all(f"  {path}  " in done.stdout for path in folder_files(seed_build.output))


def test_a_folder_failing_verify_is_not_published(seed_build, tmp_path):
    out = tmp_path / "ds"
    shutil.copytree(seed_build.output, out)
    (out / "README.md").write_text("changed", encoding="utf-8")
    with pytest.raises(PublishRefused, match="fails verify"):
        publish_plan(out, REPO_ID)
    done = subprocess.run([sys.executable, "-m", "builder", "publish", str(out), "--repo-id", REPO_ID, "--dry-run"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "README.md: " in done.stderr and "fails verify" in done.stderr


def test_a_version_without_changelog_is_not_published(seed_build, tmp_path):
    out = tmp_path / "ds"
    shutil.copytree(seed_build.output, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8")) | {"changelog": None}
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(PublishRefused, match="no section in CHANGELOG.md"):
        publish_plan(out, REPO_ID)


def test_a_malformed_repo_id_is_refused(seed_build):
    with pytest.raises(ValueError):
        publish_plan(seed_build.output, "not a/repo/id")


class RecordingApi(HfApi):
    """HfApi whose network methods record their calls; the Hub repo holds `remote_files` and `tags`."""

    def __init__(self, remote_files=(), tags=()):
        super().__init__(token="hf_test")
        self.calls, self.remote_files, self.tags = [], list(remote_files), list(tags)

    def create_repo(self, repo_id, **kwargs):
        self.calls.append(("create_repo", repo_id, kwargs))

    def list_repo_refs(self, repo_id, **kwargs):
        self.calls.append(("list_repo_refs", repo_id, kwargs))
        return GitRefs(branches=[], converts=[], tags=[GitRefInfo(name=t, ref=f"refs/tags/{t}", target_commit="b" * 40)
                                                       for t in self.tags])

    def list_repo_files(self, repo_id, **kwargs):
        self.calls.append(("list_repo_files", repo_id, kwargs))
        return self.remote_files

    def create_commit(self, repo_id, operations, **kwargs):
        self.calls.append(("create_commit", repo_id, list(operations), kwargs))
        return CommitInfo(commit_url=f"https://huggingface.co/datasets/{repo_id}/commit/{COMMIT_OID}",
                          commit_message=kwargs["commit_message"], commit_description="", oid=COMMIT_OID)

    def create_tag(self, repo_id, **kwargs):
        self.calls.append(("create_tag", repo_id, kwargs))


def test_upload_commits_every_file_deletes_stale_ones_and_tags_the_commit(seed_build):
    plan = publish_plan(seed_build.output, REPO_ID)
    stale = "data/ko/train-00000-of-00002.parquet"  # a shard of an earlier version
    api = RecordingApi(remote_files=[".gitattributes", "README.md", stale], tags=["v0.0.9"])
    url = upload(plan, seed_build.output, api)
    assert url.endswith(COMMIT_OID)
    assert [c[0] for c in api.calls] == ["create_repo", "list_repo_refs", "list_repo_files", "create_commit",
                                         "create_tag"]
    assert api.calls[0][2] == {"repo_type": "dataset", "exist_ok": True}
    _, repo_id, operations, kwargs = api.calls[3]
    assert repo_id == REPO_ID
    adds = [op for op in operations if isinstance(op, CommitOperationAdd)]
    assert [op.path_in_repo for op in adds] == [f.path for f in plan.files]
    assert [op.upload_info.sha256.hex() for op in adds] == [f.sha256 for f in plan.files]
    assert [op.path_in_repo for op in operations if isinstance(op, CommitOperationDelete)] == [stale]
    assert kwargs["repo_type"] == "dataset" and kwargs["commit_message"] == plan.commit_message
    assert api.calls[4][2] == {"tag": "v0.1.0", "tag_message": plan.commit_message, "revision": COMMIT_OID,
                              "repo_type": "dataset"}


def test_an_existing_tag_is_never_moved(seed_build):
    api = RecordingApi(tags=["v0.1.0"])
    with pytest.raises(PublishRefused, match="already has tag v0.1.0"):
        upload(publish_plan(seed_build.output, REPO_ID), seed_build.output, api)
    assert "create_commit" not in [c[0] for c in api.calls]


def test_format_plan_names_repo_tag_and_files(seed_build):
    text = format_plan(publish_plan(seed_build.output, REPO_ID))
    assert text.splitlines()[0] == f"repository: {REPO_ID} (type dataset; created if missing)"
    assert len([line for line in text.splitlines() if line.startswith("  ")]) == len(folder_files(seed_build.output))
