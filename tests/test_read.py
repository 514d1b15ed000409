import datetime as dt
import io

import datasets
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from builder.pipeline import build
from builder.read import RawPageReader, input_files, load_sidecar
from conftest import seed


def html_page(text: str, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    return f'<html><head><meta charset="{charset}"><title>page</title></head><body>{body}</body></html>'


def warc_bytes(pages: list[tuple[str, str, str]]) -> bytes:
    """A gzipped WARC with one response record per (url, fetch date, html), plus a request record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, date, html in pages:
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                      http_headers=headers, warc_headers_dict={"WARC-Date": date}))
    return out.getvalue()


def test_input_files_are_sorted_and_skip_hidden(tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt", "sub/c.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert input_files(tmp_path) == ["a.txt", "b.txt", "sub/c.html"]


def test_sidecar_csv_and_jsonl(tmp_path):
    csv_file = tmp_path / "s.csv"
    csv_file.write_text("file,url,fetched_at\na.txt,http://www.iybrb.com/a.html,2024-05-01T10:00:00Z\n")
    jsonl = tmp_path / "s.jsonl"
    jsonl.write_text('{"file": "a.txt", "url": "http://x.cn/1.html"}\n')
    assert load_sidecar(csv_file)["a.txt"] == {"url": "http://www.iybrb.com/a.html",
                                                "fetched_at": "2024-05-01T10:00:00Z"}
    assert load_sidecar(jsonl)["a.txt"]["url"] == "http://x.cn/1.html"


def test_warc_pages_become_rows_with_their_urls(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "crawl.warc.gz").write_bytes(warc_bytes([
        ("http://www.iybrb.com/news/2026-03/02/1.html", "2026-03-05T02:00:00Z", html_page(seed("002"))),
        ("http://www.hljxinwen.cn/news/2024/1.html", "2024-05-22T00:00:00Z", html_page(seed("004"))),
        # fetched before the date the page prints: that date cannot be its publication date
        ("http://www.zoglo.net/board/1.html", "2023-01-01T00:00:00Z", html_page(seed("000"))),
    ]))
    manifest = build(raw, tmp_path / "out", version="0.1.0").manifest
    assert manifest["inputs"] == [{"path": "crawl.warc.gz", "sha256": manifest["inputs"][0]["sha256"],
                                   "outcome": "pages", "rows": 3, "rejected": 0}]
    rows = {r["source"]: r for r in datasets.load_dataset(str(tmp_path / "out"), split="train")}
    assert rows["iybrb.com"]["url"] == "http://www.iybrb.com/news/2026-03/02/1.html"
    assert rows["iybrb.com"]["raw_format"] == "warc" and rows["iybrb.com"]["raw_record"].startswith("<urn:uuid:")
    assert rows["iybrb.com"]["date"] == dt.date(2026, 3, 2)
    assert rows["iybrb.com"]["fetched_at"] == dt.datetime(2026, 3, 5, 2, 0, tzinfo=dt.timezone.utc)
    assert rows["hljxinwen.cn"]["date"] == dt.date(2024, 5, 21)
    assert rows["zoglo.net"]["date"] is None  # 2023-12-06 is after the fetch: not a publication date
    assert "습근평 총서기" in rows["iybrb.com"]["text"]


def test_a_damaged_warc_is_a_rejection_not_a_crash(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    good = warc_bytes([("http://a.cn/1.html", "2024-01-01T00:00:00Z", html_page(seed("002")))])
    (raw / "torn.warc.gz").write_bytes(good[:200])
    middle = len(good) // 2
    (raw / "scrambled.warc.gz").write_bytes(good[:middle] + bytes(64) + good[middle + 64:])
    docs = list(RawPageReader(str(raw)).run())
    assert [d.metadata["raw_path"] for d in docs] == ["scrambled.warc.gz", "torn.warc.gz"]
    assert all(d.metadata["_rejection"]["reason"].startswith("warc_") for d in docs)


def test_sidecar_gives_dumps_their_url_and_fetch_time(tmp_path):
    import hashlib
    import shutil

    from conftest import RAW

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(next(RAW.glob("002_*.txt")), raw / "page.txt")
    sidecar = tmp_path / "sidecar.csv"
    sidecar.write_text("file,url,fetched_at\npage.txt,http://www.iybrb.com/news/1.html,2026-03-03T00:00:00Z\n")
    build(raw, tmp_path / "out", version="0.1.0", sidecar=str(sidecar))
    [row] = datasets.load_dataset(str(tmp_path / "out"), split="train")
    assert row["url"] == "http://www.iybrb.com/news/1.html"
    assert row["id"] == hashlib.sha256(b"http://www.iybrb.com/news/1.html").hexdigest()[:32]
    assert row["fetched_at"] == dt.datetime(2026, 3, 3, tzinfo=dt.timezone.utc)
