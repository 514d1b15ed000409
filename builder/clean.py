"""Clean: the article's main text from the page's lines.

A line is out when a line rule calls it boilerplate, when another stage gave it a role (title, deck, dateline,
credit, the source's template or ad lines), or when it is in another script than the page. The article is the block
of the page richest in prose; a related-articles heading, a comment form or MAX_GAP excluded lines in a row end a
block, and a comment section's block loses to any other. Inside the chosen block, the text runs from its first to
its last prose line, and a paragraph the page repeats is kept once.
"""

from __future__ import annotations

from datatrove.data import Document

from builder.extract import INFO, LINES, ROLES
from builder.lines import LineInfo, foreign_to_page, page_script, squash
from builder.stage import Stage, reject

MAX_GAP = 3  # this many excluded lines in a row end a block
MIN_REPEAT_CHARS = 10  # shorter lines may repeat legitimately (한 줄 captions, "사진")


def excluded_lines(lines: list[str], infos: list[LineInfo], roles: dict) -> set[int]:
    script = page_script([line for i, line in enumerate(lines) if infos[i].prose] or lines)
    return {i for i, (line, info) in enumerate(zip(lines, infos)) if line and (
        i in roles or info.boilerplate or info.bullet or foreign_to_page(line, script))}


def blocks(infos: list[LineInfo], excluded: set[int]) -> list[tuple[list[int], bool]]:
    """The page's blocks, each with whether it is a comment section: a block that closely follows a comment
    heading below the first paragraph (above it, "评论" is a menu's opinion channel)."""
    found, current, gap, after_comment_heading = [], [], 0, False
    first_paragraph = next((i for i, info in enumerate(infos) if info.prose and i not in excluded), len(infos))

    def close():
        nonlocal current, after_comment_heading
        if current:
            found.append((current, after_comment_heading))
            current, after_comment_heading = [], False

    for i, info in enumerate(infos):
        if not info.text:
            continue
        ends_block = info.related_heading or info.boilerplate == "form"
        if i in excluded or ends_block:
            gap += 1
            if ends_block or gap >= MAX_GAP:
                close()
            if info.comment_heading and i > first_paragraph:
                after_comment_heading, gap = True, 0
            elif gap >= MAX_GAP:  # nothing followed the heading closely
                after_comment_heading = False
            continue
        gap = 0
        current.append(i)
    close()
    return found


def main_text_lines(infos: list[LineInfo], excluded: set[int]) -> list[int]:
    def prose_chars(block):
        return sum(len(infos[i].text) for i in block if infos[i].prose)
    found = [(b, comments) for b, comments in blocks(infos, excluded) if prose_chars(b)]
    # readers' comments can outweigh a short post; they are the article only when nothing else is
    candidates = [b for b, comments in found if not comments] or [b for b, _ in found]
    if not candidates:
        return []
    best = max(candidates, key=prose_chars)  # max() keeps the first of equals: the earlier copy of a page
    prose = [i for i in best if infos[i].prose]
    kept, seen = [], set()
    for i in best:
        if not prose[0] <= i <= prose[-1]:
            continue
        key = squash(infos[i].text)
        if len(key) >= MIN_REPEAT_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(i)
    return kept


class CleanStage(Stage):
    name = "clean"

    def process(self, doc: Document) -> None:
        meta = doc.metadata
        lines, infos = meta[LINES], meta[INFO]
        kept = main_text_lines(infos, excluded_lines(lines, infos, meta[ROLES]))
        doc.text = "\n".join(lines[i] for i in kept)
        if not doc.text:
            reject(doc, "no_main_text", "no prose paragraph left after removing boilerplate")
