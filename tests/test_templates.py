from datatrove.data import Document

from builder.extract import LINES
from builder.lines import squash
from builder.templates import TemplateLineCounter, frequent_lines

MENU = "新聞首頁 政治要聞 財經產業 股市金融"
SHARED = "外交部发言人表示，中方对此表示严重关切。"


def pages(n: int, shared_on: int) -> list[Document]:
    docs = []
    for i in range(n):
        lines = [MENU, f"第{i}篇文章的正文，内容各不相同。"] + ([SHARED] if i < shared_on else [])
        docs.append(Document(text="", id=str(i), metadata={"source": "chinatimes.com", LINES: lines}))
    return docs


def counted(tmp_path, docs) -> dict:
    list(TemplateLineCounter(str(tmp_path)).run(iter(docs[::2]), rank=0))
    list(TemplateLineCounter(str(tmp_path)).run(iter(docs[1::2]), rank=1))
    return frequent_lines(tmp_path)


def test_lines_on_many_pages_of_a_source_are_template(tmp_path):
    frequent = counted(tmp_path, pages(20, shared_on=2))["chinatimes.com"]
    assert squash(MENU) in frequent
    assert squash(SHARED) not in frequent  # a sentence two articles share is not template


def test_a_tiny_source_has_no_template_lines(tmp_path):
    assert counted(tmp_path, pages(2, shared_on=2))["chinatimes.com"] == []
