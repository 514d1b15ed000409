import datetime as dt

import pyarrow as pa
import yaml

from builder import schema


def test_features_and_arrow_schema_follow_the_yaml():
    spec = yaml.safe_load(schema.SCHEMA_FILE.read_text(encoding="utf-8"))["fields"]
    assert schema.names() == [f["name"] for f in spec]
    arrow = schema.arrow_schema()
    for f in spec:
        assert arrow.field(f["name"]).nullable == f["nullable"]
    assert arrow.field("date").type == pa.date32()
    assert arrow.field("published_at").type == pa.timestamp("ms", tz="Asia/Shanghai")
    assert arrow.field("language_score").type == pa.float32()
    assert b"huggingface" in arrow.metadata  # the HF features travel with a bare Parquet file


def test_validate_reports_nulls_types_and_unknown_fields():
    row = {name: None for name in schema.names()}
    problems = schema.validate(row | {"extra": 1, "date": "2024-01-01",
                                      "published_at": dt.datetime(2024, 1, 1, 12, 0)})
    assert "unknown field 'extra'" in problems
    assert "text: null in a non-nullable field" in problems
    assert any(p.startswith("date: str") for p in problems)
    assert "published_at: timestamp without a time zone" in problems


def test_markdown_table_lists_every_field():
    table = schema.markdown_table()
    assert all(f"`{name}`" in table for name in schema.names())
