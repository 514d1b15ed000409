import hashlib

from datatrove.data import Document

from builder.extract import LINES
from builder.templates import TemplateLineCounter, frequent_lines, line_hash

MENU = "新聞首頁 政治要聞 財經產業 股市金融"
SHARED = "外交部发言人表示，中方对此表示严重关切。"


def pages(n: int, shared_on: int) -> list[Document]:
    docs = []
    for i in range(n):
        lines = [MENU, f"第{i}篇文章的正文，内容各不相同。"] + ([SHARED] if i < shared_on else [])
        docs.append(Document(text="", id=str(i), metadata={"source": "chinatimes.com", LINES: lines, "url": None,
                                                           "raw_sha256": hashlib.sha256(str(i).encode()).hexdigest()}))
    return docs


def counted(tmp_path, docs) -> dict:
    list(TemplateLineCounter(str(tmp_path)).run(iter(docs[::2]), rank=0))
    list(TemplateLineCounter(str(tmp_path)).run(iter(docs[1::2]), rank=1))
    return frequent_lines(tmp_path)


def test_lines_on_many_pages_of_a_source_are_template(tmp_path):
    frequent = counted(tmp_path, pages(20, shared_on=2))["chinatimes.com"]
    assert line_hash(MENU) in frequent
    assert line_hash(SHARED) not in frequent  # a sentence two articles share is not template


def test_a_headline_in_other_pages_lists_is_not_template_on_its_own_page(tmp_path):
    headline = "流感急速升溫 疾管局再籲注意個人衛生"
    docs = pages(20, shared_on=0)
    docs[0].metadata[LINES].insert(0, headline)
    for doc in docs[1:]:
        doc.metadata[LINES].append("• " + headline)  # the "more news" list on the outlet's other pages
    frequent = counted(tmp_path, docs)["chinatimes.com"]
    assert line_hash("• " + headline) in frequent
    assert line_hash(headline) not in frequent


def test_copies_of_one_article_count_once(tmp_path):
    copies = pages(6, shared_on=0)
    for doc in copies:
        doc.metadata["url"] = "http://news.chinatimes.com/1.html"  # one article, crawled six times
    assert counted(tmp_path, copies)["chinatimes.com"] == []


def test_a_tiny_source_has_no_template_lines(tmp_path):
    assert counted(tmp_path, pages(2, shared_on=2))["chinatimes.com"] == []


def test_copies_of_one_article_keep_their_text_and_dedup_keeps_one(tmp_path):
    import shutil

    import datasets

    from builder.pipeline import build
    from conftest import RAW

    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(3):  # a re-crawl: the same article three times
        shutil.copy(next(RAW.glob("002_*.txt")), raw / f"copy{i}.txt")
    page = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8")
    (raw / "copy_plus.txt").write_text(page.replace("회의에서는 또 기타 사항을 연구했다.",
                                                    "회의에서는 또 기타 사항을 연구했다.\n\n회의는 오후에 끝났으며 참가자들은 토론을 이어갔다."),
                                       encoding="utf-8")
    manifest = build(raw, tmp_path / "out", version="0.1.0").manifest
    assert manifest["counts"]["rows"]["default"] == 2 and manifest["counts"]["rejected"] == {"duplicate_id": 2}
    for row in datasets.load_dataset(str(tmp_path / "out"), split="train"):
        assert row["text"].startswith("2월 28일, 성당위 상무위원이며 주당위 서기인 호가복이")
