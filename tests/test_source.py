from datatrove.data import Document

from builder.extract import PageStructureStage
from builder.source import SourceStage
from conftest import seed


def sourced(text: str, **meta) -> dict:
    doc = Document(text=text, id="t", metadata={"raw_format": "text", **meta})
    PageStructureStage().process(doc)
    SourceStage().process(doc)
    return doc.metadata


def test_seed_outlets_credits_and_authors():
    expected = {"000": ("zoglo.net", "조글로미디어", "길림일보", "황로 왕예박"),
                "001": ("jlcxwb.com.cn", "길림신문", "길림일보", "김영자"),
                "002": ("iybrb.com", "연변일보", "연변일보", "류전국"),
                "004": ("hljxinwen.cn", "흑룡강신문", "흑룡강일보", "남석")}
    for page, want in expected.items():
        meta = sourced(seed(page))
        assert (meta["source"], meta["source_name"], meta["original_source"], meta["author"]) == want, page


def test_a_repost_is_identified_by_the_url_it_prints():
    meta = sourced(seed("003"))
    assert (meta["source"], meta["url"]) == ("muchs.cn", "http://muchs.cn/article12/sdeogc.html")


def test_unknown_page_falls_back_to_its_url_then_unknown():
    text = "어느 신문의 기사 본문입니다. 충분히 긴 문장으로 씁니다."
    assert sourced(text, url="http://news.example-daily.cn/a/1.html")["source"] == "example-daily.cn"
    assert sourced(text)["source"] == "unknown"


def test_an_outlet_serving_from_another_host_is_known_by_its_url():
    text = "허근은 할빈에서 대외개방 협력업무를 조사 연구했다. 충분히 긴 문장입니다."
    assert sourced(text, url="http://hljxinwen.dbw.cn/system/2022/07/04/001469113.shtml")["source"] == "hljxinwen.cn"


def test_a_line_that_is_only_the_outlets_name_is_its_masthead():
    from builder.extract import ROLES

    text = "조글로로고\n기사 제목\n조글로미디어(ZOGLO) 2023년12월6일\n조글로 생활\n본문 문장이 여기에 있습니다. 충분히 깁니다.\nzoglo.net"
    roles = sourced(text)[ROLES]
    assert roles.get(0) == "template"  # 조글로 + 로고
    assert 3 not in roles  # a headline that merely starts with the name stays


def test_a_readers_mail_address_does_not_name_the_outlet():
    text = "发表人邮件：skywalker5-x@163.com 发表时间：2004-12-11 9:51:00\n第四届中国经济学年会在南开大学举行，议程如下。"
    assert sourced(text, url="http://ccer.pku.edu.cn/cn/ReadNews.asp?NewsID=4173")["source"] == "pku.edu.cn"
