import pytest

from builder.decode import decode_bytes
from conftest import seed


def test_utf8_page_decodes_as_is():
    raw = seed("000").encode("utf-8")
    text, encoding, reason = decode_bytes(raw)
    assert (text, encoding, reason) == (seed("000"), "utf-8", "")


def test_gbk_page_is_detected_and_decoded():
    page = seed("003")
    text, encoding, reason = decode_bytes(page.encode("gbk"))
    assert reason == ""
    assert encoding in ("gbk", "gb18030", "gb2312", "cp936")
    assert text == page


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
])
def test_unusable_bytes_are_rejected(raw, reason):
    text, _, got = decode_bytes(raw)
    assert text is None and got == reason


def test_utf16_with_bom():
    text, encoding, reason = decode_bytes("길림신문 기사".encode("utf-16"))
    assert (text, encoding, reason) == ("길림신문 기사", "utf-16", "")
