"""The base of every pipeline stage: one job per document, rejections instead of crashes.

A stage is a datatrove `PipelineStep`, so any datatrove executor (local, Slurm, Ray) can run it. Each document carries
its row fields in `doc.metadata` under the schema's field names; keys starting with `_` are working data that never
reach the dataset (raw bytes, page lines, ...). A document that a stage cannot use is not dropped: it is marked
rejected with a reason and passed on, so the writer records it and every input ends as a row or a rejection.
"""

from __future__ import annotations

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

REJECTION = "_rejection"


def reject(doc: Document, reason: str, detail: str = "") -> None:
    """Mark `doc` rejected; `reason` is a short stable code (`empty`, `binary`, ...), `detail` free text."""
    doc.metadata[REJECTION] = {"reason": reason, "detail": detail}


def rejection(doc: Document) -> dict | None:
    return doc.metadata.get(REJECTION)


class Stage(PipelineStep):
    """A per-document step: subclasses implement `process(doc)`, which edits the document in place.

    Rejected documents pass through untouched. An exception in `process` rejects that document with the reason
    `error:<stage>` and the exception as detail: one bad page never stops a build, and the summary shows it.
    """

    type = "builder"

    def process(self, doc: Document) -> None:
        raise NotImplementedError

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            if rejection(doc) is None:
                with self.track_time():
                    try:
                        self.process(doc)
                    except Exception as exc:  # noqa: BLE001 - turned into a recorded rejection, see docstring
                        reject(doc, f"error:{self.name}", f"{type(exc).__name__}: {exc}")
                self.stat_update("rejected" if rejection(doc) else "passed")
            yield doc
