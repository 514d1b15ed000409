"""Page structure: the decoded page as a list of normalised lines, whatever its format.

A text dump is already lines. An HTML page (file or WARC record) is laid out as text by inscriptis, one block per
line, so it goes through the same line rules as a dump; trafilatura reads its metadata: title, site name, author,
canonical URL."""

from __future__ import annotations

import collections
import re

from datatrove.data import Document

from builder.lines import classify
from builder.registry import registrable_domain
from builder.stage import Stage, reject
from builder.textnorm import normalize_line, strip_pinyin_glosses

LINES = "_lines"  # the page's normalised lines
INFO = "_line_info"  # lines.LineInfo per line
ROLES = "_roles"  # line index -> role a stage gave it (title, subtitle, dateline …)
DATE_LINE = "_date_line"  # index of the line the publication date was read from
HTML_META = "_html_meta"
HTML_SOURCE = "_html"  # kept for the date stage's htmldate fallback


def page_lines(text: str) -> list[str]:
    return strip_pinyin_glosses([normalize_line(line) for line in text.split("\n")])


def html_metadata(html: str, url: str | None) -> dict:
    """Title, site name, author and canonical URL from the markup, via trafilatura's metadata extraction. Its
    exhaustive date search is the slow part and mostly wasted (the page text usually prints its date), so it is
    left out here; the date stage runs htmldate only on pages whose text gives no date."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(html, default_url=url, extensive=False)
    return {key: getattr(found, key, None) for key in ("title", "sitename", "author", "url", "hostname")}


def html_rendered_text(html: str) -> str:
    """The page as a browser lays it out, one block per line: the form the line rules are made for. trafilatura's
    own main-text choice drops too much on portal pages (short paragraphs, text in tables), so it only supplies
    metadata here."""
    from inscriptis import get_text

    return get_text(html)


_ABSOLUTE_HREF = re.compile(r"""href\s*=\s*["']?https?://([^/"'\s>:?#]+)""", re.IGNORECASE)
MIN_LINK_SHARE = 0.3
MIN_LINKS = 3


def link_domain(html: str) -> str | None:
    """The registrable domain most of the page's absolute links point to: a site links to itself far more than to
    anyone else, so this names the site when the page carries no URL of its own."""
    domains = collections.Counter(d for host in _ABSOLUTE_HREF.findall(html) if (d := registrable_domain(host)))
    if not domains:
        return None
    domain, count = domains.most_common(1)[0]
    return domain if count >= MIN_LINKS and count >= MIN_LINK_SHARE * sum(domains.values()) else None


# Web corpora store each page inside an element of their own whose attributes say where it was fetched:
# `<text id="http://…" title=… encoding=…>` (CWCE-style collections), `<doc url="http://…">` (Sketch Engine's and
# SpiderLing's vertical files). The first tag of such a file is not an HTML one and carries an absolute URL.
_WRAPPER_TAG = re.compile(r"^\ufeff?\s*<(?P<tag>[a-z][\w:-]*)(?P<attrs>\s[^>]*)>", re.IGNORECASE)
_URL_ATTR = re.compile(r"""\b(?:id|url|uri|href|src|source)\s*=\s*["'](?P<url>https?://[^"'\s]+)["']""", re.IGNORECASE)
_DOCUMENT_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head)[\s>]", re.IGNORECASE | re.DOTALL)
HTML_TAGS = ("html", "head", "body", "meta", "title", "link", "script", "style", "div", "table", "p", "a")


def unwrap(page: str) -> tuple[str, str | None]:
    """(the page inside a corpus wrapper element, the URL the wrapper records); (page, None) for a page that starts
    as HTML. The wrapper goes: HTML tools would take it for the document's root and find no <head>."""
    m = _WRAPPER_TAG.match(page)
    if m is None or m["tag"].lower() in HTML_TAGS:
        return page, None
    found = _URL_ATTR.search(m["attrs"])
    if found is None:
        return page, None
    inner = page[m.end():]
    closing = re.search(rf"</{re.escape(m['tag'])}>\s*$", inner, re.IGNORECASE)
    inner = inner[:closing.start()] if closing else inner
    if not _DOCUMENT_START.match(inner):  # a bare fragment (scripts first) would be parsed into <head> whole
        inner = f"<html><body>{inner}</body></html>"
    return inner, found["url"]


class PageStructureStage(Stage):
    name = "structure"

    def process(self, doc: Document) -> None:
        text = doc.text
        if doc.metadata["raw_format"] in ("html", "warc"):
            text, recorded_url = unwrap(text)
            doc.metadata["url"] = doc.metadata.get("url") or recorded_url
            meta = html_metadata(text, doc.metadata.get("url")) | {"link_domain": link_domain(text)}
            doc.metadata[HTML_SOURCE] = text
            text = html_rendered_text(text)
            doc.metadata[HTML_META] = meta
        lines = page_lines(text)
        if not any(lines):
            reject(doc, "no_text", "the page holds no text")
            return
        doc.metadata[LINES] = lines
        doc.metadata[INFO] = classify(lines)
        doc.metadata[ROLES] = {}
