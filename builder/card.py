"""The dataset card: YAML front matter made with the Hub's and `datasets`' own helpers, and the body rendered from
`DATASET_CARD.md` (placeholders `${name}`) with the schema's field table and the build's figures."""

from __future__ import annotations

import collections
import pathlib
import string

import pyarrow.parquet as pq
from datasets.info import DatasetInfo, DatasetInfosDict
from datasets.splits import SplitDict, SplitInfo
from datasets.utils.metadata import MetadataConfigs
from huggingface_hub import DatasetCard, DatasetCardData

from builder import __version__, schema
from builder.config import DATA_DIR, dataset_config

CARD_TEMPLATE = pathlib.Path(__file__).resolve().parents[1] / "DATASET_CARD.md"
DEFAULT_CONFIG = "default"


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
        n = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        size = sum(f.stat().st_size for f in files)
        in_memory = sum(pq.ParquetFile(f).metadata.row_group(i).total_byte_size for f in files
                        for i in range(pq.ParquetFile(f).metadata.num_row_groups))
        infos[name] = DatasetInfo(features=schema.features(), config_name=name,
                                  splits=SplitDict({"train": SplitInfo("train", num_bytes=in_memory, num_examples=n)}),
                                  download_size=size, dataset_size=in_memory)
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return data


def _table(header: tuple[str, ...], rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])


def statistics(rows: list[dict]) -> dict[str, str]:
    by_lang = collections.Counter(r["language"] for r in rows)
    by_source = collections.Counter((r["source"], r["source_name"]) for r in rows)
    by_year = collections.Counter(r["date"].year if r["date"] else "unknown" for r in rows)
    return {
        "rows_by_language": _table(("language", "rows"), sorted(by_lang.items())),
        "rows_by_source": _table(("source", "name", "rows"), [(s, n, c) for (s, n), c in sorted(by_source.items())]),
        "rows_by_year": _table(("year", "rows"), sorted(by_year.items(), key=lambda kv: str(kv[0]))),
    }


def render_card(rows: list[dict], by_config: dict[str, list[dict]], staging: pathlib.Path, *, version: str,
                counts: dict) -> str:
    cfg = dataset_config()
    rejected = ", ".join(f"{reason}: {n}" for reason, n in counts["rejected"].items()) or "none"
    values = {"pretty_name": cfg["pretty_name"], "version": version, "builder_version": __version__,
              "num_rows": len(rows), "num_inputs": counts["inputs"], "rejected": rejected,
              "field_table": schema.markdown_table(), "configs": ", ".join(f"`{c}`" for c in sorted(by_config)),
              **statistics(rows)}
    body = string.Template(CARD_TEMPLATE.read_text(encoding="utf-8")).substitute(values)
    return str(DatasetCard(f"---\n{card_data(by_config, staging).to_yaml()}\n---\n\n{body.lstrip()}"))
