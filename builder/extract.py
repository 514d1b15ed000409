"""Page structure: the decoded page as a list of normalised lines, whatever its format.

A text dump is already lines. An HTML page (file or WARC record) goes through trafilatura, which removes the
markup-level boilerplate and gives the main text as paragraphs plus metadata (title, date, site name, author);
its lines then go through the same stages as a dump's."""

from __future__ import annotations

from datatrove.data import Document

from builder.lines import classify
from builder.stage import Stage, reject
from builder.textnorm import normalize_line, strip_pinyin_glosses

LINES = "_lines"  # the page's normalised lines
INFO = "_line_info"  # lines.LineInfo per line
ROLES = "_roles"  # line index -> role a stage gave it (title, subtitle, dateline …)
DATE_LINE = "_date_line"  # index of the line the publication date was read from
HTML_META = "_html_meta"


def page_lines(text: str) -> list[str]:
    return strip_pinyin_glosses([normalize_line(line) for line in text.split("\n")])


def html_main_text(html: str, url: str | None) -> tuple[str, dict]:
    """trafilatura's main text (paragraphs separated by blank lines) and the page metadata it finds."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, include_images=False, favor_precision=True,
                                      deduplicate=False)
    if doc is None:
        return "", {}
    meta = {key: getattr(doc, key, None) for key in ("title", "date", "sitename", "author", "url", "hostname")}
    return (doc.text or "").replace("\n", "\n\n"), meta


class PageStructureStage(Stage):
    name = "structure"

    def process(self, doc: Document) -> None:
        text = doc.text
        if doc.metadata["raw_format"] in ("html", "warc"):
            text, meta = html_main_text(text, doc.metadata.get("url"))
            doc.metadata[HTML_META] = meta
        lines = page_lines(text)
        if not any(lines):
            reject(doc, "no_text", "the page holds no text")
            return
        doc.metadata[LINES] = lines
        doc.metadata[INFO] = classify(lines)
        doc.metadata[ROLES] = {}
