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


def test_a_comment_time_below_the_article_loses_to_the_date_above_it():
    page = "\n".join(["第四届中国经济学年会会议议程", "2004-12-10 阅读10544次",
                      "第四届中国经济学年会将于2004年12月11日在南开大学举行，会议议程如下。",
                      "12月10日 代表注册，地点在南开大学校内明珠园，请各位代表按时到达。",
                      "相关评论:", "发表人：550", "发表人邮件：skywalker5-x@163.com 发表时间：2004-12-11 9:51:00",
                      "怎样能看到各位学者的论文全文？"])
    assert found(page).date == dt.date(2004, 12, 10)


def test_a_lone_sentence_above_the_body_does_not_start_it():
    # a blog's link to its previous post ends like a sentence; the re-posted article's dateline comes after it
    page = "\n".join(["孩子，夏令营让你得到了什么？- -| 回首页 | 2005年索引 | - -浴室都安全吗?", "拆房屡出命案 管理形同虚设",
                      "本报记者 王燕平 方云凤 柏建斌", "2003-7-24 钱江晚报", "编者按",
                      "为拆一幢房，断送了三条人命。前天的这场惨剧发生得实在太突然，太震惊了。",
                      "三条人命啊，就这样从我们眼前骤然消失。随之毁去的，还有他们的家庭。",
                      "- 作者： 流泉 访问统计： 2005年08月30日, 星期二 13:22 加入博采",
                      "博客手拉手", "[2005-08-21] 为什么总要面对呢，可有谁知道我已经身心疲惫？"])
    assert found(page).date == dt.date(2003, 7, 24)
