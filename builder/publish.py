"""Publish: one verified version folder becomes one commit of a Hub dataset repository, tagged `v<version>`, so
`load_dataset(repo_id, revision="v<version>")` gets exactly those files.

The plan (files, commit, tag) is plain data built without any network, so `--dry-run` prints it and the tests check
it. Files of an earlier version that this one does not have are deleted in the same commit (a stale shard would
otherwise join the `data/*/train-*.parquet` glob), and an existing tag is never moved: versions are immutable.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from huggingface_hub import CommitOperationAdd, CommitOperationDelete, HfApi
from huggingface_hub.utils import validate_repo_id

from builder.release import read_manifest
from builder.verify import verify
from builder.read import file_sha256
from builder.write import MANIFEST

REPO_TYPE = "dataset"
KEPT_REMOTE_FILES = {".gitattributes"}  # the Hub's own, not part of a version


class PublishRefused(Exception):
    pass


@dataclass(frozen=True)
class PlannedFile:
    path: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class PublishPlan:
    repo_id: str
    version: str
    tag: str
    commit_message: str
    commit_description: str
    files: tuple[PlannedFile, ...]


def publish_plan(folder: str | pathlib.Path, repo_id: str) -> PublishPlan:
    """What publishing `folder` to `repo_id` does; refuses a folder that fails verify or is not a release."""
    folder = pathlib.Path(folder)
    validate_repo_id(repo_id)
    if problems := verify(folder):
        raise PublishRefused(f"{folder} fails verify, not publishing:\n" + "\n".join(f"  - {p}" for p in problems))
    manifest = read_manifest(folder)
    version = manifest["dataset_version"]
    if not manifest.get("changelog"):
        raise PublishRefused(f"version {version} has no section in CHANGELOG.md: add one and rebuild the version")
    files = [PlannedFile(e["path"], e["bytes"], e["sha256"]) for e in manifest["outputs"]]
    files.append(PlannedFile(MANIFEST, (folder / MANIFEST).stat().st_size, file_sha256(folder / MANIFEST)))
    return PublishPlan(repo_id=repo_id, version=version, tag=f"v{version}",
                       commit_message=f"{manifest['dataset']} {version}", commit_description=manifest["changelog"],
                       files=tuple(sorted(files, key=lambda f: f.path)))


def format_plan(plan: PublishPlan) -> str:
    lines = [f"repository: {plan.repo_id} (type {REPO_TYPE}; created if missing)",
             f"commit:     {plan.commit_message!r} on main; files of other versions deleted",
             f"tag:        {plan.tag} (refused if it exists)", f"files ({len(plan.files)}):"]
    lines += [f"  {f.path}  {f.bytes} bytes  sha256 {f.sha256}" for f in plan.files]
    return "\n".join(lines)


def upload(plan: PublishPlan, folder: str | pathlib.Path, api: HfApi) -> str:
    """Carry out `plan` with `api`; returns the commit's URL."""
    folder = pathlib.Path(folder)
    api.create_repo(plan.repo_id, repo_type=REPO_TYPE, exist_ok=True)
    if plan.tag in {ref.name for ref in api.list_repo_refs(plan.repo_id, repo_type=REPO_TYPE).tags}:
        raise PublishRefused(f"{plan.repo_id} already has tag {plan.tag}: a published version is never replaced; "
                             "bump the version")
    ours = {f.path for f in plan.files}
    stale = sorted(set(api.list_repo_files(plan.repo_id, repo_type=REPO_TYPE)) - ours - KEPT_REMOTE_FILES)
    operations = ([CommitOperationAdd(path_in_repo=f.path, path_or_fileobj=str(folder / f.path)) for f in plan.files]
                  + [CommitOperationDelete(path_in_repo=path) for path in stale])
    commit = api.create_commit(plan.repo_id, operations, commit_message=plan.commit_message,
                               commit_description=plan.commit_description, repo_type=REPO_TYPE)
    api.create_tag(plan.repo_id, tag=plan.tag, tag_message=plan.commit_message, revision=commit.oid,
                   repo_type=REPO_TYPE)
    return commit.commit_url
