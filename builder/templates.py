"""Template lines across pages: lines that recur on many pages of one source are its template (menus, footers,
promos), whatever their wording. The first pass counts, per source, on how many pages each line occurs; the clean
stage drops the frequent ones. The same cross-page idea as CCNet's and dolma's paragraph deduplication, but per
outlet, and with a floor of MIN_PAGES pages so that a sentence two articles share is never taken for template.
"""

from __future__ import annotations

import collections
import functools
import json
import pathlib

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from builder.extract import LINES, ROLES
from builder.lines import squash
from builder.stage import Stage, rejection

MIN_PAGES = 3
MIN_SHARE = 0.05  # of the source's pages
PAGES = "_pages"


class TemplateLineCounter(PipelineStep):
    """Counts, per source, the pages each distinct line occurs on; writes `<rank>.json` into `output_dir`."""

    name = "count template lines"
    type = "builder"

    def __init__(self, output_dir: str):
        super().__init__()
        self.output_dir = output_dir

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for doc in data:
            if rejection(doc) is None:
                source = doc.metadata["source"]
                counts[source][PAGES] += 1
                counts[source].update({squash(line) for line in doc.metadata[LINES]} - {""})
            yield doc
        out = pathlib.Path(self.output_dir)
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{rank:05d}.json").write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")


def frequent_lines(counts_dir: str | pathlib.Path) -> dict[str, list[str]]:
    """Per source, the (squashed) lines found on at least max(MIN_PAGES, MIN_SHARE of its pages) pages."""
    total: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in sorted(pathlib.Path(counts_dir).glob("*.json")):
        for source, counter in json.loads(path.read_text(encoding="utf-8")).items():
            total[source].update(counter)
    frequent = {}
    for source, counter in sorted(total.items()):
        floor = max(MIN_PAGES, MIN_SHARE * counter.pop(PAGES, 0))
        frequent[source] = sorted(line for line, n in counter.items() if n >= floor)
    return frequent


@functools.cache
def _load(path: str) -> dict[str, frozenset[str]]:
    return {source: frozenset(lines) for source, lines in json.loads(pathlib.Path(path).read_text("utf-8")).items()}


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
            if line and squash(line) in frequent:
                roles.setdefault(i, "template")
