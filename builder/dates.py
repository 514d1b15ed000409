"""Date: the page's own publication date, not the dates of its related-article list, footer or crawl.

Every date in the page is a candidate; its place decides: a labelled date (발표시간, 发布时间 …) above the body
wins, dates in bullet lists, after a related-articles heading or in the footer lose. A date before 1990 or after
the fetch time (or today) is not a publication date. China has kept UTC+8 all year since 1991, so a fixed offset
stands for Asia/Shanghai.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from datatrove.data import Document

from builder.extract import DATE_LINE, HTML_META, INFO, ROLES
from builder.lines import DATE_LABEL, UPDATE_LABEL, LineInfo, date_matches
from builder.stage import Stage

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
EARLIEST = dt.date(1990, 1, 1)


@dataclass
class DateFound:
    date: dt.date
    time: dt.datetime | None
    line: int | None
    score: int


def _value(m) -> tuple[dt.date, dt.datetime | None] | None:
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"] is None:
        return day, None
    try:
        clock = dt.time(int(m["H"]), int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return day, None
    return day, dt.datetime.combine(day, clock, SHANGHAI)


def _plausible(day: dt.date, latest: dt.date) -> bool:
    return EARLIEST <= day <= latest


def publication_date(infos: list[LineInfo], latest: dt.date) -> DateFound | None:
    prose = [i for i, info in enumerate(infos) if info.prose]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (len(infos), len(infos))
    related_from = next((i for i, info in enumerate(infos) if info.related_heading and i > first_prose), len(infos))
    best: DateFound | None = None
    for i, info in enumerate(infos):
        if not info.has_date or info.boilerplate in ("copyright", "registration"):
            continue
        for m in date_matches(info.text):
            value = _value(m)
            if value is None or not _plausible(value[0], latest):
                continue
            before = info.text[:m.start()]
            score = 3 * bool(DATE_LABEL.search(before)) - 2 * bool(UPDATE_LABEL.search(before))
            score += (value[1] is not None) + 2 * (i < first_prose)
            score -= 4 * (info.bullet and i > first_prose) + 4 * (i >= related_from) + (i > last_prose)
            if best is None or score > best.score:
                best = DateFound(value[0], value[1], i, score)
    return best


class PublicationDateStage(Stage):
    name = "date"

    def process(self, doc: Document) -> None:
        meta = doc.metadata
        fetched = meta.get("fetched_at")
        latest = (fetched.astimezone(SHANGHAI).date() if fetched else dt.date.today()) + dt.timedelta(days=1)
        found = publication_date(meta[INFO], latest)
        html_date = (meta.get(HTML_META) or {}).get("date")
        if found is None and html_date:
            day = dt.date.fromisoformat(html_date[:10])
            found = DateFound(day, None, None, 0) if _plausible(day, latest) else None
        meta["date"] = found.date if found else None
        meta["published_at"] = found.time if found else None
        meta[DATE_LINE] = found.line if found else None
        if found and found.line is not None:
            meta[ROLES].setdefault(found.line, "dateline")
