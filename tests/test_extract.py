from datatrove.data import Document

from builder.decode import decode_bytes
from builder.extract import HTML_META, PageStructureStage, html_rendered_text, link_domain, page_lines, unwrap
from conftest import seed
from test_read import html_page


def test_gbk_html_with_a_wrong_meta_charset_decodes():
    page = html_page(seed("003"), charset="utf-8")  # declares UTF-8, is GBK
    text, encoding, reason = decode_bytes(page.encode("gbk"))
    assert reason == "" and encoding in ("gb18030", "gbk")
    assert text == page


def test_big5_declared_page_in_gbk_bytes_decodes_as_gbk():
    page = html_page(seed("003"), charset="big5")
    text, encoding, _ = decode_bytes(page.encode("gbk"))
    assert text == page


def test_html_is_laid_out_one_block_per_line():
    lines = [line for line in page_lines(html_rendered_text(html_page(seed("004")))) if line]
    assert "출처:흑룡강일보" in lines
    assert any(line.startswith("5월 20일 오전, 흑룡강성위 서기") for line in lines)


def test_link_domain_names_the_site_its_links_point_to():
    links = "".join(f'<a href="http://news.chinatimes.com/{i}.html">x</a>' for i in range(5))
    assert link_domain(f'{links}<a href="http://www.facebook.com/share">f</a>') == "chinatimes.com"
    assert link_domain('<a href="http://a.com/1">1</a><a href="http://b.com/1">2</a>') is None


def test_page_lines_normalise_space_and_pinyin():
    assert page_lines("調(diào)研\u00a0\u00a0期間\n產(chǎn)業(yè)\n發(fā)展") == ["調研 期間", "產業", "發展"]


def test_a_corpus_wrapper_gives_the_page_its_url_and_is_taken_off():
    page = ('<text id="http://cdp1998.org/details.asp?detailsid=2359" title="谢谢您访问" encoding="gbk">\n'
            '<html><head><title>谢谢您访问</title></head></html>\n</text>\n')
    assert unwrap(page) == ("\n<html><head><title>谢谢您访问</title></head></html>\n", "http://cdp1998.org/details.asp?detailsid=2359")
    fragment = '<script>w("<html>")</script><p>x</p>'
    assert unwrap(f'<doc url="https://example.org/a/1.html" id="12">{fragment}</doc>') == (
        f"<html><body>{fragment}</body></html>", "https://example.org/a/1.html")
    for html in ('<html><head><link href="http://example.org/style.css">', '<!DOCTYPE html><html lang="zh">'):
        assert unwrap(html) == (html, None)


def test_the_wrapper_url_is_the_pages_url_unless_the_crawl_gave_one():
    wrapped = ('<text id="http://cn.cl2000.com/history/1.shtml">\n<html><head><title>艺术史研究</title></head>'
               '<body><p>北大艺术史研究的一篇文章，内容很长。</p></body></html>\n</text>')
    doc = Document(text=wrapped, id="t", metadata={"raw_format": "html"})
    PageStructureStage().process(doc)
    assert doc.metadata["url"] == "http://cn.cl2000.com/history/1.shtml"
    assert doc.metadata[HTML_META]["title"] == "艺术史研究"  # the markup is read without the wrapper
    doc = Document(text=wrapped, id="t", metadata={"raw_format": "warc", "url": "http://crawl.example/1"})
    PageStructureStage().process(doc)
    assert doc.metadata["url"] == "http://crawl.example/1"
