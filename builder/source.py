"""Source: which outlet published the page, what it credits as the original, who wrote it, and the page's URL.

Order of evidence: registry signatures in the page (minus credited names), then the URL (the page's own, its
canonical link, or the domain its links point to), then the HTML's site name.
"""

from __future__ import annotations

import re

from datatrove.data import Document

from builder.extract import HTML_META, INFO, LINES, ROLES
from builder.lines import EMAIL, LineInfo
from builder.registry import Outlet, Registry, default_registry, registrable_domain
from builder.stage import Stage

UNKNOWN = "unknown"
# A URL the page gives for itself (re-posting sites print it in their footer).
_PAGE_URL = re.compile(r"(網頁網址|网页网址|本文地址|本文链接|本文鏈接|原文链接|原文鏈接|原文地址|文章地址|url)\s*[:：]\s*"
                       r"(?P<url>https?://[^\s<>\"']+/[^\s<>\"']+)", re.IGNORECASE)
_REPORTER_SUFFIX = re.compile(r"\s*(기자|记者|記者|특약기자|통신원)$")


def page_url(lines: list[str]) -> str | None:
    return next((m["url"] for line in lines if (m := _PAGE_URL.search(line))), None)


def credits(infos: list[LineInfo]) -> tuple[list[int], str | None, str | None]:
    """Indices of credit lines, the first credited original and the first author."""
    indices = [i for i, info in enumerate(infos) if info.credit]
    origin = next((infos[i].credit.origin for i in indices if infos[i].credit.origin), None)
    author = next((infos[i].credit.author for i in indices if infos[i].credit.author), None)
    return indices, origin, author


def clean_author(author: str, registry: Registry) -> str | None:
    for name in sorted(registry.names_in(author), key=len, reverse=True):
        author = author.replace(name, " ")
    author = _REPORTER_SUFFIX.sub("", " ".join(author.split()))
    return author or None


# A line that is only the outlet's name, maybe with "logo"/"home": the masthead or its image's alt text.
_MASTHEAD_SUFFIX = r"\s*(로고|logo|홈|首页|首頁|主页|主頁)?"


def mark_outlet_lines(lines: list[str], outlet: Outlet, roles: dict) -> None:
    """The outlet's masthead lines, and its known template lines and injected adverts from the registry."""
    masthead = re.compile("^(" + "|".join(map(re.escape, outlet.names)) + ")" + _MASTHEAD_SUFFIX + "$", re.IGNORECASE)
    for i, line in enumerate(lines):
        if masthead.match(line) or any(p.search(line) for p in outlet.template_lines):
            roles.setdefault(i, "template")
        elif any(p.search(line) for p in outlet.ad_lines):
            roles.setdefault(i, "ad")


class SourceStage(Stage):
    name = "source"

    def __init__(self, registry_files: tuple[str, ...] = ()):
        super().__init__()
        self.registry_files = tuple(registry_files)
        self._registry: Registry | None = None

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry.load(*self.registry_files) if self.registry_files else default_registry()
        return self._registry

    def process(self, doc: Document) -> None:
        meta = doc.metadata
        lines, infos = meta[LINES], meta[INFO]
        credit_lines, origin, author = credits(infos)
        for i in credit_lines:
            meta[ROLES].setdefault(i, "credit")
        meta["original_source"] = self.registry.canonical_name(origin) if origin else None
        meta["author"] = clean_author(author, self.registry) if author else None
        html = meta.get(HTML_META) or {}
        meta["url"] = meta.get("url") or page_url(lines) or html.get("url")

        page = "\n".join([*lines, html.get("title") or "", meta["url"] or ""])
        if origin:  # the original's name is not the publisher's
            page = page.replace(origin, " ")
        # an address names the mail provider of whoever wrote it (readers sign comments with @163.com), not the outlet
        page = EMAIL.sub(" ", page)
        outlet, _ = self.registry.identify(page)
        domain = registrable_domain(meta["url"]) if meta["url"] else html.get("link_domain")
        outlet = outlet or self.registry.by_domain(domain)
        if outlet is not None:
            meta["source"], meta["source_name"] = outlet.domain, outlet.name
            mark_outlet_lines(lines, outlet, meta[ROLES])
        elif domain:
            meta["source"], meta["source_name"] = domain, html.get("sitename") or domain
        else:
            meta["source"], meta["source_name"] = UNKNOWN, html.get("sitename") or UNKNOWN
