"""Extraction benchmark: builds each labelled dev set and scores it beside anchors measured on the same pages.

    .venv/bin/python benchmarks/extraction.py [--dev ../shared/dev] [--sets daniel-dev-textdump ...] [--workers 2]

Per set it prints, for the builder and for each anchor, text precision / recall / F1 on character 5-grams and the
accuracy of date, language, script, title, source, url, exactly as `../shared/acceptance/score_set.py` computes them
(the script is imported, not copied). Anchors:
  - do nothing: the raw page as the text (HTML: lxml's text_content), score_set's own baseline;
  - trafilatura alone (HTML sets): `trafilatura.bare_extraction(favor_precision=True)` on the raw bytes (its own
    decoding), text, title and date;
  - C4 line rules (text dumps): C4's line filter, with CJK terminal punctuation since Chinese has no spaces to
    count words by (datatrove's C4QualityFilter would drop every Chinese line).
The dev data is read where it lies and never copied into the project.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import importlib.util
import json
import pathlib
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from builder.decode import decode_bytes  # noqa: E402
from builder.pipeline import build  # noqa: E402

DEFAULT_SETS = ("daniel-dev-textdump", "daniel-dev-html", "cwce-zh-dev", "yanbian-dev")
FIELDS = ("date", "language", "script", "title", "source", "url")
C4_TERMINAL = (".", "?", "!", '"', "'", "。", "！", "？", "”", "」", "』")


def load_score_set(dev: pathlib.Path):
    path = dev.parent / "acceptance" / "score_set.py"
    spec = importlib.util.spec_from_file_location("score_set", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def builder_rows(set_dir: pathlib.Path, workers: int) -> tuple[list[dict], float]:
    import datasets

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = build(set_dir / "raw", pathlib.Path(tmp) / "ds", version="0.0.0", workers=workers)
        seconds = time.perf_counter() - start
        rows = [dict(r) for r in datasets.load_dataset(str(result.output), split="train")]
    for row in rows:
        row["raw_path"] = f"{set_dir.name}/raw/{row['raw_path']}"
    return rows, seconds


def raw_pages(set_dir: pathlib.Path):
    for path in sorted((set_dir / "raw").iterdir()):
        text, _, _ = decode_bytes(path.read_bytes())
        yield path, text or ""


def trafilatura_rows(set_dir: pathlib.Path) -> list[dict]:
    import trafilatura

    rows = []
    for path in sorted((set_dir / "raw").iterdir()):
        doc = trafilatura.bare_extraction(path.read_bytes(), favor_precision=True, with_metadata=True)
        rows.append({"raw_path": str(path), "text": (doc.text if doc else "") or "",
                     "title": doc.title if doc else None, "date": doc.date if doc else None})
    return rows


def c4_rows(set_dir: pathlib.Path) -> list[dict]:
    """C4's line rules (terminal punctuation, no 'javascript', no policy lines, citations removed)."""
    from datatrove.pipeline.filters.c4_filters import CITATION_REGEX, POLICY_SUBSTRINGS

    rows = []
    for path, text in raw_pages(set_dir):
        kept = []
        for line in text.splitlines():
            line = CITATION_REGEX.sub("", line.strip())
            lower = line.lower()
            if (line.endswith(C4_TERMINAL) and not line.endswith("...") and "javascript" not in lower
                    and not any(p in lower for p in POLICY_SUBSTRINGS)):
                kept.append(line)
        rows.append({"raw_path": str(path), "text": "\n".join(kept)})
    return rows


def date_misses(set_dir: pathlib.Path, rows: list[dict]) -> collections.Counter:
    """Why dates differ from the gold: DAnIEL's gold is the day the page was collected, not the one it prints."""
    gold = [json.loads(line) for line in (set_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    by_name = {r["raw_path"].rsplit("/", 1)[-1]: r for r in rows}
    why = collections.Counter()
    for g in gold:
        row = by_name.get(g["file"], {})
        if not g.get("date") or len(g["date"]) < 10 or not row.get("date") or str(row["date"]) == g["date"]:
            continue
        lag = (dt.date.fromisoformat(g["date"]) - row["date"]).days
        utc = row.get("published_at") and str(row["published_at"].astimezone(dt.timezone.utc).date()) == g["date"]
        why["the gold is the UTC day of the printed time" if utc else
            f"the page prints a date {lag} day(s) before the gold" if 0 < lag <= 2 else "other"] += 1
    return why


def figures(score_set, set_dir: pathlib.Path, rows: list[dict]) -> dict:
    return score_set.score_set(set_dir, score_set.index_rows(rows))


def row_of(label: str, res: dict, seconds: float | None = None) -> str:
    t = res["text"]
    cells = [label, f"{t['F1']:.3f}", f"{t['P']:.3f}", f"{t['R']:.3f}"]
    for field in FIELDS:
        v = res["fields"].get(field, {})
        cells.append(f"{v['acc']:.3f}" if v.get("n") and v.get("acc") is not None else "–")
    cells.append(f"{res['found']}/{res['gold_lines']}")
    cells.append(f"{seconds:.1f}" if seconds is not None else "")
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", default=str(REPO.parent / "shared" / "dev"), help="folder of labelled dev sets")
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    dev = pathlib.Path(args.dev)
    score_set = load_score_set(dev)

    print("| set / method | text F1 | P | R | " + " | ".join(FIELDS) + " | pages | build s |")
    print("|---|---|---|---|" + "---|" * len(FIELDS) + "---|---|")
    dated, misses = [0, 0], []
    for name in args.sets:
        set_dir = dev / name
        rows, seconds = builder_rows(set_dir, args.workers)
        ours = figures(score_set, set_dir, rows)
        print(row_of(f"**{name}**: builder", ours, seconds))
        misses.extend(f"{name}: {n} × {why}" for why, n in sorted(date_misses(set_dir, rows).items()))
        if ours["fields"]["date"]["n"] and name != "yanbian-dev":
            dated[0] += round(ours["fields"]["date"]["acc"] * ours["fields"]["date"]["n"])
            dated[1] += ours["fields"]["date"]["n"]
        print(row_of(f"{name}: do nothing", figures(score_set, set_dir, score_set.baseline_rows(set_dir))))
        is_html = any(p.suffix in (".html", ".htm") for p in (set_dir / "raw").iterdir())
        if is_html:
            print(row_of(f"{name}: trafilatura alone", figures(score_set, set_dir, trafilatura_rows(set_dir))))
        else:
            print(row_of(f"{name}: C4 line rules", figures(score_set, set_dir, c4_rows(set_dir))))
    if dated[1]:
        print(f"\npublication date right on {dated[0]}/{dated[1]} = {dated[0] / dated[1]:.3f} of the pages with a "
              f"gold date in the DAnIEL and CWCE sets")
    if misses:
        print("date misses (day-precision gold):\n  " + "\n  ".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
