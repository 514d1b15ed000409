from datatrove.data import Document

from builder.stage import Stage, reject, rejection


class Exploding(Stage):
    name = "exploding"

    def process(self, doc):
        if doc.id == "bad":
            raise ValueError("cannot parse")
        doc.metadata["seen"] = True


def test_an_exception_rejects_that_page_and_the_others_go_on():
    docs = [Document(text="", id=i, metadata={}) for i in ("ok", "bad", "ok2")]
    out = list(Exploding().run(iter(docs)))
    assert [d.id for d in out] == ["ok", "bad", "ok2"]
    assert rejection(out[1]) == {"reason": "error:exploding", "detail": "ValueError: cannot parse"}
    assert out[0].metadata["seen"] and out[2].metadata["seen"]


def test_rejected_pages_pass_through_untouched():
    doc = Document(text="", id="x", metadata={})
    reject(doc, "empty")
    [out] = list(Exploding().run(iter([doc])))
    assert "seen" not in out.metadata and rejection(out)["reason"] == "empty"
