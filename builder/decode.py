"""Decode: raw bytes -> text. UTF-8 when the bytes are UTF-8, else charset-normalizer's guess, checked against the
East Asian multi-byte encodings this corpus is written in. Empty and binary inputs are rejected.

Pages found in the wild declare wrong charsets and carry a few corrupt bytes. A single-byte code page (cp1251 …)
decodes any bytes without an error, so when charset-normalizer answers with one, the declared charset and GB18030,
Big5-HKSCS and CP949 are tried too: one that decodes with almost no errors wins (the few corrupt bytes are dropped).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes
from datatrove.data import Document

from builder.read import RAW
from builder.stage import Stage, reject

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # text has tabs and newlines, not other control characters
MAX_CHAOS = 0.3  # charset-normalizer's mess ratio above which the "text" is noise in any encoding
EAST_ASIAN = ("gb18030", "big5hkscs", "cp949")
# Supersets: pages labelled gb2312 use GBK characters, big5 pages use HKSCS ones, euc-kr pages use CP949 ones.
SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "euc_kr": "cp949"}
MAX_ERROR_SHARE = 0.02  # of the non-ASCII characters: a few corrupt bytes, not a wrong encoding
_DECLARED = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _codec(name: str | None) -> str | None:
    try:
        canonical = codecs.lookup(name).name.replace("-", "_") if name else None
    except LookupError:
        return None
    return SUPERSET.get(canonical, canonical)


def _error_share(raw: bytes, encoding: str) -> tuple[float, str]:
    text = raw.decode(encoding, errors="replace")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return text.count("\ufffd") / max(1, non_ascii), text


def east_asian_decoding(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) for the declared or East Asian encoding that decodes with the fewest errors, if few."""
    declared = _codec(m.group(1).decode("ascii")) if (m := _DECLARED.search(raw[:4096])) else None
    candidates = dict.fromkeys(c for c in (declared, *EAST_ASIAN) if c and c != "utf_8")
    scored = [(*_error_share(raw, c), c) for c in candidates]
    share, text, encoding = min(scored, key=lambda s: s[0])  # min() keeps the first of equals: declared first
    return (text.replace("\ufffd", ""), encoding) if share <= MAX_ERROR_SHARE else None


def _is_east_asian(encoding: str) -> bool:
    return _codec(encoding) in EAST_ASIAN or encoding.startswith(("gb", "big5", "cp9", "euc", "shift_jis", "iso2022"))


def decode_bytes(raw: bytes) -> tuple[str | None, str, str]:
    """(text, encoding, rejection reason); text is None when rejected."""
    if not raw.strip():
        return None, "", "empty"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16", ""
    if b"\x00" in raw[:SNIFF_BYTES]:
        return None, "", "binary"
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is not None and best.chaos <= MAX_CHAOS and _is_east_asian(best.encoding):
            text, encoding = str(best), best.encoding
        elif found := east_asian_decoding(raw):
            text, encoding = found
        elif best is not None and best.chaos <= MAX_CHAOS:
            text, encoding = str(best), best.encoding
        else:
            return None, "", "undecodable"
    if _control_share(text[:SNIFF_BYTES]) > MAX_CONTROL_SHARE:
        return None, encoding, "binary"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding, ""


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / max(1, len(text))


class DecodeStage(Stage):
    name = "decode"

    def process(self, doc: Document) -> None:
        text, encoding, reason = decode_bytes(doc.metadata.pop(RAW))
        if text is None:
            reject(doc, reason, f"encoding guess: {encoding}" if encoding else "")
            return
        doc.text = text
        doc.metadata["_encoding"] = encoding
