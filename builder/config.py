"""The dataset's identity and writer settings, from `dataset.yaml` (the one place the version is set)."""

from __future__ import annotations

import functools
import pathlib

import yaml

DATASET_CONFIG = pathlib.Path(__file__).with_name("dataset.yaml")
DATA_DIR = "data"


@functools.cache
def dataset_config() -> dict:
    return yaml.safe_load(DATASET_CONFIG.read_text(encoding="utf-8"))
