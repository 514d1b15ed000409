"""Dedup: one row per article. The same id (same URL, or the same bytes) or the same clean text twice keeps the
first in input order; the others become rejections naming the row they duplicate."""

from __future__ import annotations

import hashlib

from builder.lines import squash


def text_key(text: str) -> str:
    return hashlib.sha256(squash(text).encode("utf-8")).hexdigest()


def deduplicate(rows: list[dict]) -> tuple[list[dict], list[tuple[dict, str, str]]]:
    """(kept rows, [(duplicate row, reason, id of the kept row)]); `rows` must be in input order."""
    by_id: dict[str, str] = {}
    by_text: dict[str, str] = {}
    kept, duplicates = [], []
    for row in rows:
        key = text_key(row["text"])
        if row["id"] in by_id:
            duplicates.append((row, "duplicate_id", by_id[row["id"]]))
        elif key in by_text:
            duplicates.append((row, "duplicate_text", by_text[key]))
        else:
            by_id[row["id"]] = by_text[key] = row["id"]
            kept.append(row)
    return kept, duplicates
