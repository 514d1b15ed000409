"""Read: every raw input becomes one document (a WARC file, one per page record), raw bytes kept for decoding."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import pathlib
import zlib

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from builder.stage import reject

RAW = "_raw"
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
WARC_SUFFIXES = (".warc", ".warc.gz")


def input_files(root: pathlib.Path) -> list[str]:
    """Input files under `root`, relative and sorted, so every task sees the same order. Hidden files are skipped."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: pathlib.Path) -> str:
    """A file's SHA-256, read in chunks: crawl archives can be larger than memory."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_sidecar(path: str | pathlib.Path | None) -> dict[str, dict]:
    """A sidecar manifest (CSV with a header, or JSONL): `file` -> {url, fetched_at} for dumps without their URL."""
    if not path:
        return {}
    text = pathlib.Path(path).read_text(encoding="utf-8")
    rows = ([json.loads(line) for line in text.splitlines() if line.strip()] if str(path).endswith(".jsonl")
            else list(csv.DictReader(io.StringIO(text))))
    return {r["file"]: {"url": r.get("url") or None, "fetched_at": r.get("fetched_at") or None} for r in rows}


def parse_time(value: str | None) -> dt.datetime | None:
    """An ISO-8601 / WARC-Date time as an aware datetime (naive values are taken as UTC)."""
    if not value:
        return None
    try:
        t = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


class RawPageReader(PipelineStep):
    """Yields one document per page; task `rank` of `world_size` takes every world_size-th file."""

    name = "read"
    type = "builder"

    def __init__(self, input_root: str, sidecar: str | None = None, progress_dir: str | None = None):
        super().__init__()
        self.input_root = pathlib.Path(input_root)
        self.sidecar = sidecar
        self.progress_dir = pathlib.Path(progress_dir) if progress_dir else None

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        sidecar = load_sidecar(self.sidecar)
        for done, rel in enumerate(input_files(self.input_root)[rank::world_size], start=1):
            self.stat_update("files")
            if rel.lower().endswith(WARC_SUFFIXES):
                yield from self._warc_pages(rel)
            else:
                yield self._page(rel, (self.input_root / rel).read_bytes(), sidecar.get(rel, {}))
            if self.progress_dir:
                (self.progress_dir / f"{rank:05d}").write_text(str(done))

    def _page(self, rel: str, raw: bytes, extra: dict) -> Document:
        suffix = pathlib.PurePath(rel).suffix.lower()
        fmt = "html" if suffix in HTML_SUFFIXES or _looks_like_html(raw) else "text"
        return Document(text="", id=rel, metadata={
            RAW: raw, "raw_path": rel, "raw_record": None, "raw_sha256": sha256(raw), "raw_format": fmt,
            "url": extra.get("url"), "fetched_at": parse_time(extra.get("fetched_at"))})

    def _warc_pages(self, rel: str) -> DocumentsPipeline:
        """Response records of an HTML page, streamed from the archive; a damaged archive yields what it could read
        and one rejection."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        pages = 0
        try:
            with (self.input_root / rel).open("rb") as stream:
                for record in ArchiveIterator(stream):
                    if record.rec_type != "response" or not record.http_headers:
                        continue
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    if "html" not in content_type.lower():
                        continue
                    body = record.content_stream().read()
                    record_id = record.rec_headers.get_header("WARC-Record-ID")
                    pages += 1
                    yield Document(text="", id=f"{rel}#{record_id}", metadata={
                        RAW: body, "raw_path": rel, "raw_record": record_id, "raw_sha256": sha256(body),
                        "raw_format": "warc", "url": record.rec_headers.get_header("WARC-Target-URI"),
                        "fetched_at": parse_time(record.rec_headers.get_header("WARC-Date"))})
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:  # torn or corrupt archives
            yield self._broken(rel, "warc_unreadable", f"{type(exc).__name__}: {exc} (after {pages} pages)")
            return
        if not pages:
            yield self._broken(rel, "warc_without_pages", "no HTML response record")

    def _broken(self, rel: str, reason: str, detail: str) -> Document:
        doc = Document(text="", id=rel, metadata={
            "raw_path": rel, "raw_record": None, "raw_sha256": file_sha256(self.input_root / rel),
            "raw_format": "warc", "url": None, "fetched_at": None})
        reject(doc, reason, detail)
        return doc


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
