"""The dataset card: YAML front matter made with the Hub's and `datasets`' own helpers, and the body rendered from
`DATASET_CARD.md` (placeholders `${name}`) with the schema's field table, the build's figures, a plot of articles
per month and the changelog up to the built version."""

from __future__ import annotations

import collections
import math
import pathlib
import re
import string

import pyarrow.parquet as pq
from datasets.info import DatasetInfo, DatasetInfosDict
from datasets.splits import SplitDict, SplitInfo
from datasets.utils.metadata import MetadataConfigs
from huggingface_hub import DatasetCard, DatasetCardData

from builder import __version__, schema
from builder.config import DATA_DIR, dataset_config

REPO = pathlib.Path(__file__).resolve().parents[1]
CARD_TEMPLATE = REPO / "DATASET_CARD.md"
CHANGELOG = REPO / "CHANGELOG.md"
CARD = "README.md"
PLOT = "articles_per_month.png"
PLOT_DEPENDENCIES = ("matplotlib", "numpy", "pillow")  # their versions shape the plot's bytes
DEFAULT_CONFIG = "default"
PERCENTILES = (10, 50, 90)


def size_category(n: int) -> str:
    for bound, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
                         (10_000_000, "1M<n<10M")):
        if n < bound:
            return label
    return "n>10M"


def config_globs(configs: list[str]) -> dict[str, str]:
    """data_files per config: the default one reads every language's folder, so no row is stored twice."""
    return {DEFAULT_CONFIG: f"{DATA_DIR}/*/train-*.parquet"} | {c: f"{DATA_DIR}/{c}/train-*.parquet" for c in configs}


def card_data(by_config: dict[str, list[dict]], staging: pathlib.Path) -> DatasetCardData:
    cfg = dataset_config()
    data = DatasetCardData(pretty_name=cfg["pretty_name"], language=sorted(by_config), license=cfg["license"],
                           task_categories=cfg["task_categories"],
                           size_categories=[size_category(sum(map(len, by_config.values())))])
    globs = config_globs(sorted(by_config))
    MetadataConfigs({name: {"data_files": [{"split": "train", "path": glob}], **({"default": True} if
                     name == DEFAULT_CONFIG else {})} for name, glob in globs.items()}).to_dataset_card_data(data)
    infos = {}
    for name, glob in globs.items():
        files = sorted(staging.glob(glob))
        footers = [pq.ParquetFile(f).metadata for f in files]
        n = sum(m.num_rows for m in footers)
        size = sum(f.stat().st_size for f in files)
        in_memory = sum(m.row_group(i).total_byte_size for m in footers for i in range(m.num_row_groups))
        infos[name] = DatasetInfo(features=schema.features(), config_name=name,
                                  splits=SplitDict({"train": SplitInfo("train", num_bytes=in_memory, num_examples=n)}),
                                  download_size=size, dataset_size=in_memory)
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return data


def _table(header: tuple[str, ...], rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])


def percentile(sorted_values: list[int], q: int) -> int:
    """Nearest-rank percentile: always one of the values, so the card shows no float noise."""
    return sorted_values[max(0, math.ceil(q / 100 * len(sorted_values)) - 1)]


def text_lengths(rows: list[dict]) -> str:
    """Characters of `text` per row, per language: min, percentiles, max."""
    by_lang = collections.defaultdict(list)
    for r in rows:
        by_lang[r["language"]].append(len(r["text"]))
    lines = []
    for lang, lengths in sorted(by_lang.items()):
        lengths.sort()
        lines.append((lang, len(lengths), lengths[0], *(percentile(lengths, q) for q in PERCENTILES), lengths[-1]))
    return _table(("language", "rows", "min", *(f"p{q}" for q in PERCENTILES), "max"), lines)


def statistics(rows: list[dict]) -> dict[str, str]:
    by_lang = collections.Counter(r["language"] for r in rows)
    by_source = collections.Counter((r["source"], r["source_name"]) for r in rows)
    by_year = collections.Counter(r["date"].year if r["date"] else "unknown" for r in rows)
    return {
        "rows_by_language": _table(("language", "rows"), sorted(by_lang.items())),
        "rows_by_source": _table(("source", "name", "rows"), [(s, n, c) for (s, n), c in sorted(by_source.items())]),
        "rows_by_year": _table(("year", "rows"), sorted(by_year.items(), key=lambda kv: str(kv[0]))),
        "text_lengths": text_lengths(rows),
    }


# ------------------------------------------------------------------------------------------------ plot
def months_between(first: str, last: str) -> list[str]:
    """Every `YYYY-MM` from `first` to `last`, so empty months show as gaps."""
    (y, m), (y1, m1) = map(int, first.split("-")), map(int, last.split("-"))
    months = []
    while (y, m) <= (y1, m1):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def write_plot(rows: list[dict], path: pathlib.Path) -> None:
    """Articles per month per source, stacked bars. Agg and no Software/date metadata: the PNG's bytes depend only
    on the rows (and the plotting libraries' versions, which the manifest records)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    counts = collections.Counter((r["source"], r["date"].strftime("%Y-%m")) for r in rows if r["date"])
    fig = Figure(figsize=(9, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    undated = sum(1 for r in rows if not r["date"])
    ax.set_title(f"Articles per month and source (not shown: {undated} rows without a date)", fontsize=10)
    if counts:
        months = months_between(min(m for _, m in counts), max(m for _, m in counts))
        bottom = [0] * len(months)
        for source in sorted({s for s, _ in counts}):
            heights = [counts[source, m] for m in months]
            ax.bar(range(len(months)), heights, bottom=bottom, label=source, width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights)]
        step = max(1, math.ceil(len(months) / 12))  # at most a dozen labels
        ax.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right", fontsize=8)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.legend(fontsize=8, loc="upper left")
    ax.set_ylabel("articles")
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})


# ------------------------------------------------------------------------------------------------ changelog
def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def changelog_sections(version: str) -> list[tuple[str, str]]:
    """(version, text) of CHANGELOG.md's `## X.Y.Z` sections up to `version`, newest first."""
    parts = re.split(r"^## +(\d+\.\d+\.\d+) *$", CHANGELOG.read_text(encoding="utf-8"), flags=re.MULTILINE)
    sections = [(v, text.strip()) for v, text in zip(parts[1::2], parts[2::2])]
    return sorted((s for s in sections if version_key(s[0]) <= version_key(version)),
                  key=lambda s: version_key(s[0]), reverse=True)


def changelog_entry(version: str) -> str | None:
    """This version's own changelog text; None when CHANGELOG.md has no section for it (not a release)."""
    return next((text for v, text in changelog_sections(version) if v == version), None)


def changelog_markdown(version: str) -> str:
    missing = [] if changelog_entry(version) else [(
        f"**Version {version} has no section in the builder's CHANGELOG.md: it is not a release, and `publish` "
        "refuses it.**")]
    return "\n\n".join(missing + [f"### {v}\n\n{text}" for v, text in changelog_sections(version)])


# ------------------------------------------------------------------------------------------------ the card
def render_card(rows: list[dict], by_config: dict[str, list[dict]], staging: pathlib.Path, *, version: str,
                counts: dict) -> str:
    cfg = dataset_config()
    rejected = ", ".join(f"{reason}: {n}" for reason, n in counts["rejected"].items()) or "none"
    values = {"name": cfg["name"], "pretty_name": cfg["pretty_name"], "version": version,
              "builder_version": __version__, "num_rows": len(rows), "num_inputs": counts["inputs"],
              "rejected": rejected, "field_table": schema.markdown_table(),
              "configs": ", ".join(f"`{c}`" for c in sorted(by_config)), "plot": PLOT,
              "changelog": changelog_markdown(version),
              "citation_key": f"{cfg['name']}-{version}".replace("-", "_").replace(".", "_"), **statistics(rows)}
    body = string.Template(CARD_TEMPLATE.read_text(encoding="utf-8")).substitute(values)
    return str(DatasetCard(f"---\n{card_data(by_config, staging).to_yaml()}\n---\n\n{body.lstrip()}"))


def write_card(rows: list[dict], by_config: dict[str, list[dict]], staging: pathlib.Path, *, version: str,
               counts: dict) -> list[pathlib.Path]:
    """The card and the plot it embeds, written into `staging` (after the Parquet files, whose sizes it gives)."""
    write_plot(rows, staging / PLOT)
    (staging / CARD).write_text(render_card(rows, by_config, staging, version=version, counts=counts),
                                encoding="utf-8")
    return [staging / CARD, staging / PLOT]
