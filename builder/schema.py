"""The row schema, read from `schema/row.yaml`: Arrow schema, `datasets.Features`, row validation, card table."""

from __future__ import annotations

import datetime as dt
import functools
import pathlib
from dataclasses import dataclass

import pyarrow as pa
import yaml
from datasets import Features, Value

SCHEMA_FILE = pathlib.Path(__file__).resolve().parents[1] / "schema" / "row.yaml"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    nullable: bool
    description: str


@functools.cache
def fields() -> tuple[Field, ...]:
    spec = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    return tuple(Field(f["name"], f["type"], bool(f["nullable"]), " ".join(f["description"].split()))
                 for f in spec["fields"])


def names() -> list[str]:
    return [f.name for f in fields()]


def features() -> Features:
    return Features({f.name: Value(f.type) for f in fields()})


def arrow_schema() -> pa.Schema:
    """The Parquet schema: the features' Arrow types with our nullability, and the features embedded in the
    metadata (as `datasets` does) so a bare Parquet load still knows the HF types."""
    feats = features()
    base = feats.arrow_schema
    return pa.schema([pa.field(f.name, base.field(f.name).type, nullable=f.nullable) for f in fields()],
                     metadata=base.metadata)


def validate(row: dict) -> list[str]:
    """Problems with `row` against the schema (empty list when it conforms)."""
    problems = [f"unknown field {k!r}" for k in row if k not in names()]
    for f in fields():
        value = row.get(f.name)
        if value is None:
            if not f.nullable:
                problems.append(f"{f.name}: null in a non-nullable field")
            continue
        expected = _PYTHON_TYPES[f.type.split("[")[0]]
        if not isinstance(value, expected):
            problems.append(f"{f.name}: {type(value).__name__} where {f.type} is expected")
        elif f.type.startswith("timestamp") and value.tzinfo is None:
            problems.append(f"{f.name}: timestamp without a time zone")
    return problems


_PYTHON_TYPES = {"string": str, "float32": float, "date32": dt.date, "timestamp": dt.datetime, "int64": int,
                 "int32": int}


def markdown_table() -> str:
    """The card's field table."""
    lines = ["| field | type | nullable | description |", "|---|---|---|---|"]
    lines += [f"| `{f.name}` | {f.type} | {'yes' if f.nullable else 'no'} | {f.description} |" for f in fields()]
    return "\n".join(lines)
