"""Shared fixtures: the bundled raw pages and one build of them for the end-to-end tests."""

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
RAW = REPO / "raw"


def seed(prefix: str) -> str:
    """A bundled raw page's text, by its number (000 … 004)."""
    return next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The bundled raw pages built once, with two workers as a user would."""
    from builder.pipeline import build

    out = tmp_path_factory.mktemp("build") / "dataset"
    return build(RAW, out, version="0.1.0", workers=2)
