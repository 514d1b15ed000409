"""The build: two datatrove passes over the raw pages, then the dataset folder.

Pass 1 reads, decodes and lays out every page, finds its source, records its lines for the template-line count
(template lines are only visible across pages) and saves the page state. Pass 2 takes the saved pages through the
template, date, title, clean and language stages and writes one record per page. The writer then deduplicates, sorts and
writes the dataset into a staging folder that is renamed into place at the end, unless the destination holds a
version the build does not reproduce (builder.release).
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass

from datatrove.executor import LocalPipelineExecutor

from builder.checkpoint import checkpoint_reader, checkpoint_writer
from builder.clean import CleanStage
from builder.dates import PublicationDateStage
from builder.decode import DecodeStage
from builder.extract import PageStructureStage
from builder.language import LanguageStage
from builder.read import RawPageReader, file_sha256, input_files
from builder.release import WRITTEN, check_version, place_version, refuse_unreproducible
from builder.source import SourceStage
from builder.templates import TemplateLineCounter, TemplateLineStage, frequent_lines
from builder.title import TitleStage
from builder.write import read_records, record_writer, write_dataset

PROGRESS_MIN_FILES = 50  # smaller builds finish before a bar says anything


@dataclass
class BuildResult:
    output: pathlib.Path
    manifest: dict
    stats: list  # datatrove's per-step statistics of both passes (time per stage …)
    status: str = WRITTEN  # or REPRODUCED (the existing folder, left as it was) or REPLACED (--force)


def build(input_dir: str | pathlib.Path, output_dir: str | pathlib.Path, *, version: str, workers: int = 1,
          registry_files: tuple[str, ...] = (), sidecar: str | None = None, verbose: bool = False,
          force: bool = False) -> BuildResult:
    """Build version `version` into `output_dir`. An existing version there is reproduced or, unless `force`,
    refused (release.VersionExists)."""
    check_version(version)
    root, output = pathlib.Path(input_dir).resolve(), pathlib.Path(output_dir).resolve()
    files = input_files(root)
    if not files:
        raise FileNotFoundError(f"no input files under {root}")
    file_hashes = {f: file_sha256(root / f) for f in files}
    if not force:
        refuse_unreproducible(output, version, file_hashes)
    tasks = max(1, min(workers, len(files)))
    output.parent.mkdir(parents=True, exist_ok=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="builder-"))
    staging = output.with_name(f".{output.name}.partial-{os.getpid()}")
    try:
        counts, pages, records, progress = (work / name for name in ("line_counts", "pages", "records", "progress"))
        progress.mkdir()
        with _progress_bar(progress, len(files)):
            stats = _run([RawPageReader(str(root), sidecar, str(progress)), DecodeStage(), PageStructureStage(),
                          SourceStage(registry_files), TemplateLineCounter(str(counts)), checkpoint_writer(str(pages))],
                         tasks, work / "logs-pass1", verbose)
        template_file = work / "template_lines.json"
        template_file.write_text(json.dumps(frequent_lines(counts), ensure_ascii=False), encoding="utf-8")
        stats += _run([checkpoint_reader(str(pages)), TemplateLineStage(str(template_file)), PublicationDateStage(),
                       TitleStage(), CleanStage(), LanguageStage(), record_writer(str(records))],
                      tasks, work / "logs-pass2", verbose)
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
        manifest = write_dataset(read_records(records), staging, version=version, files=files,
                                 file_hashes=file_hashes)
        return BuildResult(output, manifest, stats, place_version(staging, output, force=force))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def _run(pipeline: list, tasks: int, logging_dir: pathlib.Path, verbose: bool) -> list:
    executor = LocalPipelineExecutor(pipeline, tasks=tasks, workers=tasks, logging_dir=str(logging_dir),
                                     skip_completed=False)
    with contextlib.nullcontext() if verbose else _stderr_to(logging_dir.with_suffix(".log")):
        executor.run()
    return json.loads((logging_dir / "stats.json").read_text(encoding="utf-8"))


@contextlib.contextmanager
def _stderr_to(path: pathlib.Path):
    """datatrove logs every task to stderr; keep the terminal for the summary and send that log to a file."""
    sys.stderr.flush()
    saved = os.dup(2)
    with path.open("ab") as log:
        os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


@contextlib.contextmanager
def _progress_bar(progress_dir: pathlib.Path, total: int):
    """The readers write how many files they have done; a thread turns that into a bar on long runs."""
    if total < PROGRESS_MIN_FILES:
        yield
        return
    from tqdm import tqdm

    done = threading.Event()
    terminal = os.fdopen(os.dup(2), "w")

    def poll():
        with tqdm(total=total, unit="file", file=terminal, disable=None) as bar:
            while not done.wait(0.5):
                bar.n = sum(int(p.read_text() or 0) for p in progress_dir.iterdir())
                bar.refresh()
            bar.n = total
            bar.refresh()

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        terminal.close()
