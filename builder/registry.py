"""The source registry (`sources.yaml` plus any user files): outlets, their names, signatures and template lines."""

from __future__ import annotations

import functools
import pathlib
import re
from dataclasses import dataclass, field

import tldextract
import yaml

DEFAULT_REGISTRY = pathlib.Path(__file__).with_name("sources.yaml")
SIGNATURE_POINTS, NAME_POINTS, MIN_POINTS = 3, 1, 3

# Offline: the public-suffix snapshot bundled with tldextract, never fetched at run time.
_extract_domain = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(url_or_host: str) -> str | None:
    """`http://news.sina.com.hk/a` -> `sina.com.hk`; None when there is no registrable domain."""
    parts = _extract_domain(url_or_host.strip())
    return parts.top_domain_under_public_suffix.lower() or None


@dataclass(frozen=True)
class Outlet:
    domain: str | None
    name: str
    names: tuple[str, ...]
    signatures: tuple[re.Pattern, ...] = ()
    template_lines: tuple[re.Pattern, ...] = ()
    ad_lines: tuple[re.Pattern, ...] = ()


@dataclass
class Registry:
    outlets: list[Outlet] = field(default_factory=list)

    @classmethod
    def load(cls, *extra: str | pathlib.Path) -> Registry:
        """The bundled registry, then each extra file; a later entry for the same domain replaces the earlier."""
        by_key: dict[str, Outlet] = {}
        for path in (DEFAULT_REGISTRY, *extra):
            for entry in yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))["outlets"]:
                outlet = _outlet(entry)
                by_key[outlet.domain or outlet.name] = outlet
        return cls(list(by_key.values()))

    def by_domain(self, domain: str | None) -> Outlet | None:
        return next((o for o in self.outlets if domain and o.domain == domain), None)

    def identify(self, text: str) -> tuple[Outlet | None, int]:
        """The outlet whose signatures and names `text` carries most, with its points (None under MIN_POINTS).

        Pass the page without its credit values (출처 …: the original's name is not the publisher's)."""
        best, best_points = None, 0
        for outlet in self.outlets:
            if outlet.domain is None:
                continue
            points = SIGNATURE_POINTS * sum(bool(p.search(text)) for p in outlet.signatures)
            points += NAME_POINTS * sum(name in text for name in outlet.names)
            if points > best_points:
                best, best_points = outlet, points
        return (best, best_points) if best_points >= MIN_POINTS else (None, best_points)

    def canonical_name(self, name: str) -> str:
        """A credited outlet's registry name (来源:延边日报 -> 연변일보); the name as given when unknown."""
        name = name.strip()
        for outlet in self.outlets:
            if name in outlet.names or name == outlet.name:
                return outlet.name
        return name

    def names_in(self, line: str) -> list[str]:
        return [n for o in self.outlets for n in o.names if n in line]


def _outlet(entry: dict) -> Outlet:
    def compiled(key):
        return tuple(re.compile(p) for p in entry.get(key) or ())
    names = tuple(entry.get("names") or ()) or (entry["name"],)
    return Outlet(entry.get("domain"), entry["name"], names, compiled("signatures"), compiled("template_lines"),
                  compiled("ad_lines"))


@functools.cache
def default_registry() -> Registry:
    return Registry.load()
