"""The dataset card: Hub-loadable YAML whose configs load, the build's figures, the plot, changelog, citation."""

import datasets
import pyarrow.parquet as pq
import pytest
from huggingface_hub import DatasetCard

from builder import card
from builder.config import dataset_config

HUB_KEYS = ("pretty_name", "license", "language", "task_categories", "size_categories", "configs", "dataset_info")


@pytest.fixture(scope="module")
def seed_card(seed_build):
    return DatasetCard.load(seed_build.output / card.CARD)


@pytest.fixture(scope="module")
def seed_rows(seed_build):
    return [row for p in sorted(seed_build.output.glob("data/*/*.parquet")) for row in pq.read_table(p).to_pylist()]


def test_card_yaml_loads_with_the_hubs_parser_and_has_its_keys(seed_card):
    data = seed_card.data.to_dict()
    assert all(data.get(key) for key in HUB_KEYS), [k for k in HUB_KEYS if not data.get(k)]
    assert data["license"] == dataset_config()["license"] and data["language"] == ["ko", "zh"]
    assert [c["config_name"] for c in data["configs"]] == ["default", "ko", "zh"]
    assert [i["config_name"] for i in data["dataset_info"]] == ["default", "ko", "zh"]


def test_every_config_of_the_card_loads_its_rows(seed_build, seed_card):
    expected = {i["config_name"]: i["splits"][0]["num_examples"] for i in seed_card.data.dataset_info}
    for config in seed_card.data.configs:
        ds = datasets.load_dataset(str(seed_build.output), config["config_name"], split="train")
        assert len(ds) == expected[config["config_name"]]
    assert expected == {"default": 5, "ko": 4, "zh": 1}


def test_card_body_has_every_section(seed_build, seed_card, seed_rows):
    text = seed_card.text
    for heading in ("## How to load", "## Fields", "## Contents", "## Changes", "## Licensing and provenance",
                    "## Known limitations", "## Citation"):
        assert heading in text
    assert "| language | rows | min | p10 | p50 | p90 | max |" in text
    zh = len(next(r["text"] for r in seed_rows if r["language"] == "zh"))  # the one Chinese row
    assert f"| zh | 1 | {zh} | {zh} | {zh} | {zh} | {zh} |" in text
    assert f"]({card.PLOT})" in text and (seed_build.output / card.PLOT).is_file()
    assert "### 0.1.0" in text and "no section" not in text
    assert "@misc{chinese_korean_news_0_1_0," in text and "version      = {0.1.0}," in text
    assert 'revision="v0.1.0"' in text and "streaming=True" in text and "duckdb" in text
    assert "keep their outlets' copyright" in text


def test_percentiles_are_values_of_the_data():
    values = list(range(1, 11))
    assert [card.percentile(values, q) for q in (10, 50, 90, 100)] == [1, 5, 9, 10]
    assert card.text_lengths([{"language": "ko", "text": "가" * n} for n in (3, 1, 2)]).splitlines()[-1] == \
        "| ko | 3 | 1 | 1 | 2 | 3 | 3 |"


def test_plot_bytes_are_reproducible_and_carry_no_metadata(seed_build, seed_rows, tmp_path):
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    card.write_plot(seed_rows, first)
    card.write_plot(list(reversed(seed_rows)), second)
    assert first.read_bytes() == second.read_bytes() == (seed_build.output / card.PLOT).read_bytes()
    png = first.read_bytes()
    assert png.startswith(b"\x89PNG")
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"tIME"):  # no Software line, no date
        assert chunk not in png


def test_plot_of_rows_without_dates(tmp_path):
    card.write_plot([{"source": "zoglo.net", "date": None}], tmp_path / "p.png")
    assert (tmp_path / "p.png").read_bytes().startswith(b"\x89PNG")


def test_months_between_fills_gaps():
    assert card.months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_changelog_sections_up_to_the_version_newest_first(tmp_path, monkeypatch):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 0.10.0\n\nten\n\n## 0.2.0\n\ntwo\n\n## 0.1.0\n\none\n", encoding="utf-8")
    monkeypatch.setattr(card, "CHANGELOG", changelog)
    assert card.changelog_sections("0.2.0") == [("0.2.0", "two"), ("0.1.0", "one")]
    assert card.changelog_entry("0.10.0") == "ten" and card.changelog_entry("0.3.0") is None
    assert card.changelog_markdown("0.3.0").startswith("**Version 0.3.0 has no section")
    assert "### 0.2.0\n\ntwo\n\n### 0.1.0\n\none" in card.changelog_markdown("0.3.0")


def test_the_bundled_changelog_has_the_configured_version():
    assert card.changelog_entry(dataset_config()["version"])
