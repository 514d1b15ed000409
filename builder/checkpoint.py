"""The page state between the two passes, so pass 2 does not read, decode and lay out every page again.

Pass 1 writes each page after the source stage (lines, roles, source, credits, HTML metadata, rejection) with
datatrove's JsonlWriter; pass 2 reads it back with its JsonlReader, each task its own file.
"""

from __future__ import annotations

from datatrove.pipeline.readers.jsonl import JsonlReader
from datatrove.pipeline.writers.jsonl import JsonlWriter

from builder.extract import INFO, LINES, ROLES
from builder.lines import classify
from builder.read import RAW, parse_time

# Derived again on reading (INFO) or not needed after the structure stage (RAW: the bytes are decoded by then).
NOT_SAVED = (INFO, RAW)


def _save(writer, doc) -> dict:
    meta = {k: v for k, v in doc.metadata.items() if k not in NOT_SAVED}
    if ROLES in meta:
        meta[ROLES] = {str(i): role for i, role in meta[ROLES].items()}  # JSON keys are strings
    return {"id": doc.id, "metadata": meta}


def _load(reader, data: dict, path: str, id_in_file) -> dict:
    meta = data["metadata"]
    meta["fetched_at"] = parse_time(meta.get("fetched_at"))
    if LINES in meta:
        meta[INFO] = classify(meta[LINES])
        meta[ROLES] = {int(i): role for i, role in meta[ROLES].items()}
    # datatrove's readers skip documents without text, and a rejected page has none: the placeholder keeps every
    # page in the pipeline (the clean stage sets the real text; a rejection's text is never written)
    return {"text": meta["raw_path"], "id": data["id"], "metadata": meta}


def checkpoint_writer(folder: str) -> JsonlWriter:
    return JsonlWriter(folder, output_filename="${rank}.jsonl", compression=None, adapter=_save)


def checkpoint_reader(folder: str) -> JsonlReader:
    return JsonlReader(folder, compression=None, adapter=_load, add_file_path=False, glob_pattern="*.jsonl")
