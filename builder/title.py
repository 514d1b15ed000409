"""Title: the headline (a headline printed over several lines is joined) and the decks between it and the body.

A news page prints its headline just above its dateline; without a dateline, the headline is the heading block
nearest above the body. Repeats of the headline in the page are marked so that the text does not hold it again.
For HTML, the headline trafilatura read from the markup (og:title, <h1>, <title>) is preferred.
"""

from __future__ import annotations

import re

from datatrove.data import Document

from builder.extract import DATE_LINE, HTML_META, INFO, LINES, ROLES
from builder.lines import DUMP_LABEL, LineInfo, body_start, squash
from builder.stage import Stage

MIN_TITLE_CHARS = 6
BETWEEN_HEADLINE_AND_DATELINE = ("no_letters", "dump_label", "image")  # an image and its label may sit between
# `headline - site name`, `headline_site name`, `headline | site name` in HTML <title>s.
_TITLE_SUFFIX = re.compile(r"\s*(?:[-_|｜–—]|_{2,}|\s{2,})\s*")
# `headline_channel_site`: separators that, unlike hyphens and dashes, headlines do not use.
_CHANNEL_SEPARATOR = re.compile(r"\s*[_|｜]\s*")


def _usable(info: LineInfo, i: int, roles: dict) -> bool:
    return info.heading_like and i not in roles


def _block_ending_at(infos: list[LineInfo], end: int, roles: dict) -> list[int]:
    """The run of consecutive heading lines that ends at `end` (inclusive)."""
    block = []
    i = end
    while i >= 0 and _usable(infos[i], i, roles):
        block.insert(0, i)
        i -= 1
    return block


def headline_lines(infos: list[LineInfo], roles: dict, dateline: int | None) -> list[int]:
    if dateline is not None:
        i = dateline - 1
        while i >= 0 and (not infos[i].text or infos[i].boilerplate in BETWEEN_HEADLINE_AND_DATELINE):
            i -= 1
        block = _block_ending_at(infos, i, roles) if i >= 0 else []
        # the dateline must sit above the body; a headline ending in "?" reads as a sentence, so it is no paragraph
        if block and dateline <= body_start(infos, {*roles, *block}):
            return block
    body_from = body_start(infos, roles)
    for end in range(body_from - 1, -1, -1):
        block = _block_ending_at(infos, end, roles)
        if block and sum(len(infos[j].text) for j in block) >= MIN_TITLE_CHARS:
            return block
    return []


# A headline printed with its image's labels: `[X] [singtao] X`.
_IMAGE_NAME = re.compile(r"\[[A-Za-z0-9_-]+\]")


def without_dump_labels(headline: str) -> str:
    """The headline without the dump's bracketed labels: image names always, other labels when there are several
    (a single bracketed tag such as `[수필]` belongs to the headline); unchanged if too little would be left."""
    labels = DUMP_LABEL if len(DUMP_LABEL.findall(headline)) >= 2 else _IMAGE_NAME
    rest = " ".join(labels.sub(" ", headline).split())
    return rest if len(rest) >= MIN_TITLE_CHARS else headline


def html_headline(title: str | None, sitename: str | None) -> str | None:
    """The headline part of an HTML title: the longest part when the title also names the site or channel. Any
    separator counts next to the site's name; without it only those headlines do not use themselves (`_`, `|`)."""
    if not title or (sitename and squash(title) == squash(sitename)):  # a title that is only the site's name
        return None
    parts = [p for p in _TITLE_SUFFIX.split(title) if p]
    if sitename and len(parts) > 1 and any(sitename in p or p in sitename for p in parts):
        return max([p for p in parts if sitename not in p and p not in sitename] or parts, key=len)
    parts = [p for p in _CHANNEL_SEPARATOR.split(title) if p]
    return max(parts, key=len) if len(parts) > 1 else title.strip()


def is_repeat(line: str, title: str) -> bool:
    a, b = squash(line), squash(title)
    return bool(a) and (a == b or (len(a) >= 0.8 * len(b) and a in b) or (len(b) >= 0.8 * len(a) and b in a))


class TitleStage(Stage):
    name = "title"

    def process(self, doc: Document) -> None:
        meta = doc.metadata
        lines, infos, roles = meta[LINES], meta[INFO], meta[ROLES]
        html = meta.get(HTML_META) or {}
        block = headline_lines(infos, roles, meta.get(DATE_LINE))
        printed = without_dump_labels(" ".join(lines[i] for i in block)) or None
        # the markup's title is the better witness, unless the headline printed on the page is part of it (then the
        # printed one is exact: the <title> adds site and channel names, joined by separators that headlines use too)
        marked = html_headline(html.get("title"), html.get("sitename") or meta.get("source_name"))
        confirmed = printed and html.get("title") and squash(printed) in squash(html["title"])
        title = printed if confirmed else (marked or printed)
        for i in block:
            roles[i] = "title"
        if title:
            for i, line in enumerate(lines):
                if i not in roles and is_repeat(line, title):
                    roles[i] = "title"
        meta["title"] = title
        body = body_start(infos, roles)
        # decks follow the headline (or its repeat) above the body; a repeat in a list below does not count
        start = max((i for i, role in roles.items() if role == "title" and i < body), default=-1) + 1
        decks = [i for i in range(start, body) if _usable(infos[i], i, roles)]
        for i in decks:
            roles[i] = "subtitle"
        meta["subtitle"] = "\n".join(lines[i] for i in decks) or None
