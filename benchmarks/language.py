"""Measure the language stage on the labelled dev sets: accuracy per length bucket, variant rates, speed, determinism.

    .venv/bin/python benchmarks/language.py [--dev ../shared/dev]

Reads `lid-dev/items.jsonl` (Korean UD sentences from South Korea, the same Chinese sentences in Traditional and
Simplified) and `yanbian-dev/gold.jsonl` (연변일보 articles, Korean written in China) from the dev folder, which stays
outside the project. Prints markdown tables: per set and length bucket, the accuracy of language, script and
language+script for the stage (script first, then a detector) and for each detector alone; the variant rates; the
stage's speed on one core; whether two runs and a pool of two worker processes give identical results.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import pathlib
import sys
import time
from collections import defaultdict

from datatrove.data import Document

from builder.language import LanguageStage, identify
from builder.language_backends import DEFAULT_DETECTOR, DETECTORS, Detection, Detector

REPO = pathlib.Path(__file__).resolve().parents[1]
BUCKETS = ((10, "≤10"), (30, "11–30"), (100, "31–100"), (float("inf"), ">100"))


# Candidate detectors measured here but not used by the builder: benchmarked when installed.
class Cld2Detector:
    name = "pycld2"

    def detect(self, text: str) -> Detection | None:
        import pycld2

        try:
            reliable, _, details = pycld2.detect(text)
        except pycld2.error:
            return None
        code, percent = details[0][1], details[0][2]
        if code == "un":
            return None
        # CLD2 gives no probability: the share of the text in its top language, halved when it flags the answer
        # unreliable, stands in for one.
        return Detection(code.split("-")[0], percent / 100 * (1 if reliable else 0.5))


class Py3langidDetector:
    name = "py3langid"

    def __init__(self):
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str) -> Detection | None:
        language, probability = self._identifier.classify(text)
        return Detection(language, float(probability))


def available_detectors() -> list[Detector]:
    found = [make() for make in DETECTORS.values()]
    for module, make in (("pycld2", Cld2Detector), ("py3langid", Py3langidDetector)):
        try:
            __import__(module)
        except ImportError:
            print(f"({module} not installed: not measured)", file=sys.stderr)
            continue
        found.append(make())
    return found


def bucket(text: str) -> str:
    return next(name for limit, name in BUCKETS if len(text) <= limit)


def load_sets(dev: pathlib.Path) -> dict[str, list[dict]]:
    lid = [json.loads(line) for line in (dev / "lid-dev" / "items.jsonl").open(encoding="utf-8")]
    articles = [json.loads(line) for line in (dev / "yanbian-dev" / "gold.jsonl").open(encoding="utf-8")]
    paragraphs = [
        {"text": p, "language": a["language"], "script": a["script"]}
        for a in articles
        for p in a["text"].split("\n")
        if p.strip()
    ]
    return {"lid-dev": lid, "yanbian-dev paragraphs": paragraphs, "yanbian-dev articles": articles}


def script_ok(item: dict, script: str | None) -> bool:
    # Sentences without a character that differs between the two Chinese systems are labelled `script_either`.
    if item.get("script_either") and item["language"] == "zh":
        return script in ("Hans", "Hant")
    return script == item["script"]


def accuracy(sets: dict[str, list[dict]], detectors: list[Detector]) -> dict:
    """{(set, bucket, method): [items, language right, script right, both right]}; bucket "all" too."""
    tally = defaultdict(lambda: [0, 0, 0, 0])
    for set_name, items in sets.items():
        for detector in detectors:
            for item in items:
                result = identify(item["text"], detector)
                detection = detector.detect(item["text"])
                for method, language, script in ((f"script + {detector.name}", result.language, result.script),
                                                 (f"{detector.name} alone", detection and detection.language, None)):
                    ok_language, ok_script = language == item["language"], script_ok(item, script)
                    for key in (bucket(item["text"]), "all"):
                        t = tally[set_name, key, method]
                        t[0] += 1
                        t[1] += ok_language
                        t[2] += ok_script
                        t[3] += ok_language and ok_script
    return tally


def accuracy_table(sets: dict[str, list[dict]], detectors: list[Detector], tally: dict) -> str:
    staged = [f"script + {d.name}" for d in detectors]
    alone = [f"{d.name} alone" for d in detectors]
    header = ["set", "length", "items"]
    header += [f"{part} ({method})" for method in staged for part in ("language", "script")]
    header += [f"language ({method})" for method in alone]
    rows = []
    for set_name in sets:
        for key in [name for _, name in BUCKETS] + ["all"]:
            if (set_name, key, staged[0]) not in tally:
                continue
            n = tally[set_name, key, staged[0]][0]
            row = [set_name, key, str(n)]
            row += [_pct(tally[set_name, key, m][i], n) for m in staged for i in (1, 2)]
            row += [_pct(tally[set_name, key, m][1], n) for m in alone]
            rows.append(row)
    return table(header, rows)


def variants(sets: dict[str, list[dict]], detectors: list[Detector]) -> dict:
    """{(set, method): [items, ko-CN, ko-KR, undecided]} for the Korean sets."""
    south = [i for i in sets["lid-dev"] if i["language"] == "ko"]  # all UD_Korean-GSD: South Korean sentences
    found = {}
    for name, items in (("yanbian-dev articles (ko-CN)", sets["yanbian-dev articles"]),
                        ("yanbian-dev paragraphs (ko-CN)", sets["yanbian-dev paragraphs"]),
                        ("lid-dev Korean: UD, South Korean (ko-KR)", south)):
        for detector in detectors:
            labels = [identify(i["text"], detector).variant for i in items]
            found[name, f"script + {detector.name}"] = [len(labels), labels.count("ko-CN"), labels.count("ko-KR"),
                                                        labels.count(None)]
    return found


def variant_table(found: dict) -> str:
    rows = [[name, method, str(n), _pct(cn, n), _pct(kr, n), _pct(none, n)]
            for (name, method), (n, cn, kr, none) in found.items()]
    return table(["set", "method", "items", "ko-CN", "ko-KR", "undecided"], rows)


def speed_rows(articles: list[dict], repeats: int = 5) -> list[list[str]]:
    """The stage on the yanbian articles (one document each), in this process: one core."""
    stage = LanguageStage()
    texts = [a["text"] for a in articles]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    paragraphs = sum(t.count("\n") + 1 for t in texts)
    stage.process(Document(text=texts[0], id="warm-up"))  # tables and patterns are built once per process
    start = time.process_time()
    for _ in range(repeats):
        for i, text in enumerate(texts):
            stage.process(Document(text=text, id=str(i)))
    seconds = (time.process_time() - start) / repeats
    return [["LanguageStage on yanbian-dev articles", f"{megabytes:.2f}", str(paragraphs),
             f"{paragraphs / seconds:,.0f}", f"{megabytes / seconds:.1f}"]]


def detector_speed_rows(items: list[dict], detectors: list[Detector]) -> list[list[str]]:
    texts = [i["text"] for i in items]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rows = []
    for detector in detectors:
        detector.detect(texts[0])  # load the model outside the timing
        start = time.process_time()
        for text in texts:
            detector.detect(text)
        seconds = time.process_time() - start
        rows.append([f"{detector.name} alone on lid-dev", f"{megabytes:.2f}", str(len(texts)),
                     f"{len(texts) / seconds:,.0f}", f"{megabytes / seconds:.2f}"])
    return rows


def _labels(text: str) -> tuple:
    r = identify(text)
    return r.language, r.score, r.script, r.variant, r.variant_score


def determinism_rows(texts: list[str]) -> list[list[str]]:
    first = [_labels(t) for t in texts]
    second = [_labels(t) for t in texts]
    # spawn: fresh interpreters, with their own hash seeds and their own detector state
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pooled = pool.map(_labels, texts, chunksize=64)
    return [["two runs in one process", str(len(texts)), "yes" if first == second else "NO"],
            ["pool of 2 spawned worker processes", str(len(texts)), "yes" if first == pooled else "NO"]]


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f} %" if whole else "–"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def build_share_rows(dev: pathlib.Path, set_names=("yanbian-dev", "daniel-dev-textdump")) -> tuple[list, float]:
    """The language stage's share of whole builds (one worker), from datatrove's per-step time statistics."""
    import tempfile
    import time

    from builder.pipeline import build

    rows, stage_total, wall_total = [], 0.0, 0.0
    for name in set_names:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = build(dev / name / "raw", pathlib.Path(tmp) / "ds", version="0.0.0", workers=1)
            wall = time.perf_counter() - start
        stage = sum(s["time_stats"]["total"] for s in result.stats if s["name"] == "builder: language")
        rows.append([name, f"{wall:.2f}", f"{stage:.3f}", _pct(stage, wall)])
        stage_total, wall_total = stage_total + stage, wall_total + wall
    rows.append(["both", f"{wall_total:.2f}", f"{stage_total:.3f}", _pct(stage_total, wall_total)])
    return rows, 100 * stage_total / wall_total


def targets_table(tally: dict, found: dict, stage_speed: float, identical: bool, build_share: float) -> str:
    default = f"script + {DEFAULT_DETECTOR}"

    def share(set_name: str, buckets: tuple[str, ...]) -> float:
        n = sum(tally[set_name, b, default][0] for b in buckets)
        return 100 * sum(tally[set_name, b, default][3] for b in buckets) / n

    cn = found["yanbian-dev articles (ko-CN)", default]
    kr = found["lid-dev Korean: UD, South Korean (ko-KR)", default]
    checks = [
        ("lid-dev language+script, >30 chars", "≥ 99.5 %", share("lid-dev", ("31–100", ">100")), 99.5, True),
        ("lid-dev language+script, 11–30 chars", "≥ 97 %", share("lid-dev", ("11–30",)), 97.0, True),
        ("yanbian-dev articles called ko-CN", "≥ 98 %", 100 * cn[1] / cn[0], 98.0, True),
        ("lid-dev South Korean sentences called ko-CN", "≤ 2 %", 100 * kr[1] / kr[0], 2.0, False),
        ("stage speed on news paragraphs, one core", "≥ 10 MB/s", stage_speed, 10.0, True),
        ("language stage share of the yanbian-dev + daniel-dev-textdump builds", "≤ 10 %", build_share, 10.0, False),
    ]
    rows = [[what, goal, f"{value:.2f}", "yes" if (value >= bound if at_least else value <= bound) else "NO"]
            for what, goal, value, bound, at_least in checks]
    rows.append(["same labels and scores: two runs, 2 worker processes", "identical", "", "yes" if identical else "NO"])
    return table(["target", "goal", "measured", "met"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=pathlib.Path, default=REPO.parent / "shared" / "dev",
                        help="the dev-set folder (default: ../shared/dev from the repository root)")
    args = parser.parse_args()
    shares, build_share = build_share_rows(args.dev)  # first: a fresh process pays the model load, as a worker does
    sets = load_sets(args.dev)
    detectors = available_detectors()

    tally = accuracy(sets, detectors)
    print("## Language and script accuracy\n")
    print(accuracy_table(sets, detectors, tally))
    found = variants(sets, detectors)
    print("\n## Korean variant\n")
    print(variant_table(found))
    speeds = speed_rows(sets["yanbian-dev articles"]) + detector_speed_rows(sets["lid-dev"], detectors)
    print("\n## Speed (one core, CPU time)\n")
    print(table(["what", "MB", "paragraphs", "paragraphs/s", "MB/s"], speeds))
    texts = [i["text"] for i in sets["lid-dev"]] + [a["text"] for a in sets["yanbian-dev articles"]]
    determinism = determinism_rows(texts)
    print("\n## Determinism (language, score, script, variant, variant score)\n")
    print(table(["check", "texts", "identical"], determinism))
    print("\n## Language stage in whole builds (one worker, wall time, model load included)\n")
    print(table(["set", "build s", "language stage s", "share"], shares))
    print("\n## Targets\n")
    print(targets_table(tally, found, float(speeds[0][-1]), all(row[-1] == "yes" for row in determinism),
                        build_share))


if __name__ == "__main__":
    main()
