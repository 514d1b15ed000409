"""Template lines across pages: lines that recur on many pages of one source are its template (menus, footers,
promos), whatever their wording. The first pass records, per page, the hashes of its lines; the merge counts, per
source, on how many distinct articles each line occurs; the template stage marks the frequent ones. The same
cross-page idea as CCNet's and dolma's paragraph deduplication, but per outlet, and with a floor of MIN_PAGES
articles so that a sentence two articles share is never taken for template.

Pages are counted once per article id (the row id: URL, else raw bytes), so a crawl holding the same article
several times does not turn the article itself into "template".
"""

from __future__ import annotations

import collections
import functools
import hashlib
import json
import pathlib

import numpy as np
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from builder.extract import LINES, ROLES
from builder.lines import BULLET, squash
from builder.stage import Stage, rejection
from builder.write import row_id

MIN_PAGES = 3
MIN_SHARE = 0.05  # of the source's articles


def line_hash(line: str) -> int:
    """64 bits of the line's letters and digits, and whether it is a list entry: compact enough to keep every line
    of a large crawl. A headline is printed bare on its own page and as an entry in other pages' lists; told
    apart, the lists do not make the headline "template"."""
    key = ("•" if BULLET.match(line) else "") + squash(line)
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


class TemplateLineCounter(PipelineStep):
    """Writes `<rank>.jsonl` into `output_dir`: per page its article id, source and distinct line hashes."""

    name = "count template lines"
    type = "builder"

    def __init__(self, output_dir: str):
        super().__init__()
        self.output_dir = output_dir

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        out = pathlib.Path(self.output_dir)
        out.mkdir(parents=True, exist_ok=True)
        with (out / f"{rank:05d}.jsonl").open("w", encoding="utf-8") as f:
            for doc in data:
                if rejection(doc) is None:
                    meta = doc.metadata
                    hashes = sorted({line_hash(line) for line in meta[LINES] if squash(line)})
                    f.write(json.dumps({"id": row_id(meta.get("url"), meta["raw_sha256"]), "source": meta["source"],
                                        "lines": hashes}) + "\n")
                yield doc


def frequent_lines(counts_dir: str | pathlib.Path) -> dict[str, list[int]]:
    """Per source, the line hashes found on at least max(MIN_PAGES, MIN_SHARE of its articles) distinct articles."""
    pages: dict[str, dict] = {}
    for path in sorted(pathlib.Path(counts_dir).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            page = json.loads(line)
            pages.setdefault(page["id"], page)  # one count per article, however many copies the crawl holds
    by_source: dict[str, list[list[int]]] = collections.defaultdict(list)
    for page in pages.values():
        by_source[page["source"]].append(page["lines"])
    frequent = {}
    for source, line_sets in sorted(by_source.items()):
        hashes, counts = np.unique(np.fromiter((h for s in line_sets for h in s), dtype=np.uint64), return_counts=True)
        floor = max(MIN_PAGES, MIN_SHARE * len(line_sets))
        frequent[source] = [int(h) for h in hashes[counts >= floor]]
    return frequent


@functools.cache
def _load(path: str) -> dict[str, frozenset[int]]:
    return {source: frozenset(hashes) for source, hashes in json.loads(pathlib.Path(path).read_text("utf-8")).items()}


class TemplateLineStage(Stage):
    """Marks the lines that are frequent on the page's source (from `frequent_lines`, saved as JSON) as template,
    before the date, title and clean stages look at the page."""

    name = "template lines"

    def __init__(self, frequent_lines_file: str):
        super().__init__()
        self.frequent_lines_file = frequent_lines_file

    def process(self, doc) -> None:
        frequent = _load(self.frequent_lines_file).get(doc.metadata["source"], frozenset())
        roles = doc.metadata[ROLES]
        for i, line in enumerate(doc.metadata[LINES]):
            if squash(line) and line_hash(line) in frequent:
                roles.setdefault(i, "template")
