from builder.dedup import deduplicate


def test_same_id_or_same_text_keeps_the_first():
    rows = [{"id": "a", "text": "본문 하나."}, {"id": "a", "text": "다른 본문."}, {"id": "b", "text": "본문  하나!"},
            {"id": "c", "text": "셋째 본문."}]
    kept, dropped = deduplicate(rows)
    assert [r["id"] for r in kept] == ["a", "c"]
    assert [(r["id"], reason, first) for r, reason, first in dropped] == [("a", "duplicate_id", "a"),
                                                                         ("b", "duplicate_text", "a")]
