"""Decode: raw bytes -> text. UTF-8 when the bytes are UTF-8, else charset-normalizer's best guess (GBK, Big5,
EUC-KR …, whatever a page declares: declarations are often wrong). Empty and binary inputs are rejected."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes
from datatrove.data import Document

from builder.read import RAW
from builder.stage import Stage, reject

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # text has tabs and newlines, not other control characters
MAX_CHAOS = 0.3  # charset-normalizer's mess ratio above which the "text" is noise in any encoding


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
        if best is None or best.chaos > MAX_CHAOS:
            return None, "", "undecodable"
        text, encoding = str(best), best.encoding
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
