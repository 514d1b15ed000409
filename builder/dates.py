"""Date: the page's own publication date, not the dates of its related-article list, footer or crawl.

Every date in the page is a candidate; its place decides: a labelled date (발표시간, 发布时间 …) above the body
wins, dates in bullet lists, after a related-articles heading or in the footer lose. A date before 1990 or after
the fetch time (or today) is not a publication date. For HTML whose text prints no date, htmldate reads the markup.
China has kept UTC+8 all year since 1991, so a fixed offset stands for Asia/Shanghai.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from datatrove.data import Document

from builder.extract import DATE_LINE, HTML_SOURCE, INFO, ROLES
from builder.lines import DATE_LABEL, META_CONTEXT, UPDATE_LABEL, LineInfo, body_start
from builder.stage import Stage

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
EARLIEST = dt.date(1990, 1, 1)
AFTERNOON = ("PM", "오후", "下午")


@dataclass
class DateFound:
    date: dt.date
    time: dt.datetime | None
    precision: str  # day or month: `date` is the month's first day when that is all the page says
    line: int | None
    score: int


def slash_order(infos: list[LineInfo]) -> str:
    """Whether the page writes a/b/year month first ("md") or day first ("dm"): a number above 12 tells, and so does
    a 12-hour clock (US style); without evidence day first, as most of the world writes it."""
    slashes = [m for info in infos for m in info.dates if "a" in m.groupdict()]
    if any(int(m["a"]) > 12 for m in slashes):
        return "dm"
    if any(int(m["b"]) > 12 or m["ampm"] for m in slashes):
        return "md"
    return "dm"


def _value(m, order: str = "dm") -> tuple[dt.date, dt.datetime | None, str] | None:
    groups = m.groupdict()
    if "a" in groups:
        groups["m"], groups["d"] = (groups["a"], groups["b"]) if order == "md" else (groups["b"], groups["a"])
    try:
        day = dt.date(int(groups["y"]), int(groups["m"]), int(groups.get("d") or 1))
    except ValueError:
        return None
    precision = "day" if groups.get("d") else "month"
    if groups.get("H") is None:
        return day, None, precision
    hour = int(groups["H"])
    if groups.get("ampm"):  # 12-hour clock: 12 AM is 0 h, 1 PM (오후 1시, 下午1点) is 13 h
        hour = hour % 12 + (12 if groups["ampm"].upper() in AFTERNOON else 0)
    try:
        clock = dt.time(hour, int(groups["M"]), int(groups["S"] or 0))
    except ValueError:
        return day, None, precision
    return day, dt.datetime.combine(day, clock, SHANGHAI), precision


def _plausible(day: dt.date, latest: dt.date) -> bool:
    return EARLIEST <= day <= latest


def publication_date(infos: list[LineInfo], latest: dt.date) -> DateFound | None:
    prose = [i for i, info in enumerate(infos) if info.prose]
    body_from, last_prose = body_start(infos), (prose[-1] if prose else len(infos))
    related_from = next((i for i, info in enumerate(infos) if info.related_heading and i > body_from), len(infos))
    order = slash_order(infos)
    best: DateFound | None = None
    for i, info in enumerate(infos):
        if info.boilerplate in ("copyright", "registration", "dated_item"):
            continue
        for m in info.dates:
            value = _value(m, order)
            if value is None or not _plausible(value[0], latest):
                continue
            before = info.text[:m.start()]
            score = 3 * bool(DATE_LABEL.search(before)) - 2 * bool(UPDATE_LABEL.search(before))
            score += (value[1] is not None) + 2 * (i < body_from) + bool(META_CONTEXT.search(info.text))
            score -= 4 * (info.bullet and i > body_from) + 4 * (i >= related_from) + (i > last_prose)
            score -= 3 * (value[2] != "day")  # a bare month only when the page gives no full date
            if best is None or score > best.score:
                best = DateFound(value[0], value[1], value[2], i, score)
    return best


def html_date(html: str, latest: dt.date) -> DateFound | None:
    """htmldate's original (not updated) publication date from the markup: meta tags, time elements, URL."""
    from htmldate import find_date

    found = find_date(html, original_date=True, min_date=EARLIEST.isoformat(), max_date=latest.isoformat())
    day = dt.date.fromisoformat(found[:10]) if found else None
    # htmldate answers 1 January when all it found is a year, usually a copyright line's: not a publication date
    if day is None or (day.month, day.day) == (1, 1):
        return None
    return DateFound(day, None, "day", None, 0)


class PublicationDateStage(Stage):
    name = "date"

    def process(self, doc: Document) -> None:
        meta = doc.metadata
        fetched = meta.get("fetched_at")
        latest = (fetched.astimezone(SHANGHAI).date() if fetched else dt.date.today()) + dt.timedelta(days=1)
        found = publication_date(meta[INFO], latest)
        if found is None and meta.get(HTML_SOURCE):
            found = html_date(meta[HTML_SOURCE], latest)
        meta["date"] = found.date if found else None
        meta["date_precision"] = found.precision if found else None
        meta["published_at"] = found.time if found else None
        meta[DATE_LINE] = found.line if found else None
        if found and found.line is not None:
            meta[ROLES].setdefault(found.line, "dateline")
