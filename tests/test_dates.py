import datetime as dt

from builder.dates import publication_date, slash_order
from builder.lines import classify
from builder.textnorm import normalize_line
from conftest import seed

TODAY = dt.date(2026, 11, 22)


def found(text: str, latest=TODAY):
    return publication_date(classify([normalize_line(line) for line in text.split("\n")]), latest)


def test_own_date_beats_related_list_dates():
    hit = found(seed("000"))
    assert (hit.date, hit.time.strftime("%H:%M"), hit.precision) == (dt.date(2023, 12, 6), "11:46", "day")


def test_labelled_date_in_a_meta_line():
    assert found(seed("001")).date == dt.date(2021, 9, 1)


def test_no_year_no_date():
    assert found(seed("003")) is None  # 4月14日至17日 is an event, not a publication date


def test_dates_after_the_fetch_or_before_1990_are_not_publication_dates():
    assert found(seed("004"), latest=dt.date(2024, 1, 1)) is None
    assert found("기사\n1989-06-01\n본문이 여기 있습니다. 충분히 긴 문장입니다.") is None


def test_footer_and_related_dates_lose_to_the_header_date():
    page = "\n".join(["제목", "2024-05-21 13:57:16", "본문 문장이 여기에 있습니다. 아주 긴 본문 문장입니다.",
                      "관련 기사", "• 발표시간: 2024-06-01 10:00 다른 기사", "Copyright 2024-06-30"])
    assert found(page).date == dt.date(2024, 5, 21)


def test_slash_dates_follow_the_page_order():
    rfi = classify(["发表时间： 06/02/2022 - 13:48", "13/02/2022"])
    asp = classify(["发布日期： 9/17/2004 5:54:13 AM"])
    assert (slash_order(rfi), slash_order(asp)) == ("dm", "md")
    assert publication_date(rfi, TODAY).date == dt.date(2022, 2, 6)
    hit = publication_date(asp, TODAY)
    assert hit.date == dt.date(2004, 9, 17) and hit.time.hour == 5


def test_a_magazine_month_has_month_precision():
    hit = found("文章正文在这里，很长的一段话。\n——《北京之春》1998年3月号")
    assert (hit.date, hit.precision) == (dt.date(1998, 3, 1), "month")


def test_afternoon_times_on_a_12_hour_clock():
    for line in ("입력 2024년 5월 21일 오후 3시 20분", "发布时间：2024年5月21日 下午3:20", "5/21/2024 3:20:00 PM"):
        hit = publication_date(classify([line]), TODAY)
        assert (hit.date, hit.time.hour, hit.time.minute) == (dt.date(2024, 5, 21), 15, 20), line
    assert publication_date(classify(["2024년 5월 21일 오전 12시 5분"]), TODAY).time.hour == 0
