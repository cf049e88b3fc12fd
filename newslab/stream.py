"""Reading a large corpus in batches without holding its text in memory.

:func:`newslab.load.read_file` reads a file whole, which is right for the usual corpus of many
small files. A single large export (a JSON Lines, CSV or Parquet file of a million articles)
is read here instead, a few thousand rows at a time, with the loader's own column mapping,
record building, ids and duplicate detection, so the articles are the same as
:func:`newslab.load.read_corpus` gives (lines are decoded one by one, as UTF-8 or else
Windows-1252, where the loader decodes a whole file at once).

:func:`batches` is what ``newslab analyze`` iterates over: numbered ``(index, articles,
skipped)`` tables of at most ``batch_size`` articles, in input order.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from . import load
from .load import SKIPPED_COLUMNS

#: Files at least this big (and of a format that can be read in pieces) are streamed.
STREAM_MIN_BYTES = 64 * 2**20
#: Rows read at a time from a streamed file.
CHUNK_ROWS = 2000
_STREAMABLE = {".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq"}


def batches(files: list[Path], *, batch_size: int, columns: dict | None = None,
            repair_dashes: bool = True,
            on_progress: Callable[[int], None] = lambda nbytes: None
            ) -> Iterator[tuple[int, pd.DataFrame, pd.DataFrame]]:
    """``(index, articles, skipped)`` batches over ``files``, in order, as
    :func:`newslab.load.iter_batches` but numbered, streaming large files, and calling
    ``on_progress(nbytes)`` as input bytes are consumed."""
    state = load._State()
    pending, skipped, index = [], [], 0
    for f in files:
        for recs, skips, nbytes in read_pieces(f, columns=columns, repair_dashes=repair_dashes,
                                               state=state):
            pending.extend(recs)
            skipped.extend(skips)
            on_progress(nbytes)
            while len(pending) >= batch_size:
                yield index, load._frame(pending[:batch_size]), skipped_frame(skipped)
                pending, skipped, index = pending[batch_size:], [], index + 1
    if pending or skipped:
        yield index, load._frame(pending), skipped_frame(skipped)


def skipped_frame(records) -> pd.DataFrame:
    """A ``skipped`` table with fixed column types."""
    df = pd.DataFrame(records, columns=SKIPPED_COLUMNS)
    df["path"] = df["path"].astype(object)
    df["line"] = df["line"].astype("Int64")
    df["reason"] = df["reason"].astype(object)
    return df


def read_pieces(path: Path, *, columns=None, repair_dashes=True, state=None
                ) -> Iterator[tuple[list[dict], list[dict], int]]:
    """``(records, skipped, bytes read)`` for one file: in one piece for a small file, in
    pieces of :data:`CHUNK_ROWS` rows for a large JSON Lines, CSV or Parquet file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size < STREAM_MIN_BYTES or path.suffix.lower() not in _STREAMABLE:
        recs, skips = load.read_file(path, columns=columns, repair_dashes=repair_dashes,
                                     state=state)
        yield recs, skips, size
        return
    yield from _stream_tabular(path, columns, repair_dashes, state, size)


def _stream_tabular(path, columns, repair_dashes, state, size):
    suffix = path.suffix.lower()
    rows = (_parquet_rows(path) if suffix in (".parquet", ".pq")
            else _csv_rows(path, "\t" if suffix == ".tsv" else None) if suffix in (".csv", ".tsv")
            else _jsonl_rows(path))
    mapping = None
    recs, skips = [], []
    done = n_rows = 0
    try:
        for line, row, pos in rows:
            n_rows += 1
            if isinstance(row, load._RowProblem):
                skips.append(load._skip(path, row.reason, line))
            else:
                if mapping is None:
                    mapping = load._column_mapping(row.keys(), columns)
                    if "text" not in mapping.values():
                        yield [], [load._skip(path, "no text column (columns: "
                                              + ", ".join(map(str, row.keys())) + ")")], size
                        return
                rec = load._tabular_record({std: row.get(src) for src, std in mapping.items()})
                if rec is None:
                    skips.append(load._skip(path, "no body text", line))
                else:
                    recs.append(load._finish(rec, path, line, repair_dashes, state))
            if len(recs) + len(skips) >= CHUNK_ROWS:
                yield recs, skips, pos - done
                done, recs, skips = pos, [], []
    except Exception as e:
        if n_rows == 0:  # not readable at all: the loader says why, in its words
            recs, skips = load.read_file(path, columns=columns, repair_dashes=repair_dashes,
                                         state=state)
            yield recs, skips, size
            return
        # the file broke off: keep what was read, report the rest
        skips.append(load._skip(path, f"could not be read past row {n_rows}: "
                                      f"{type(e).__name__}: {e}"))
    if n_rows == 0 and not skips:
        skips.append(load._skip(path, "no rows"))
    yield recs, skips, max(size - done, 0)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _jsonl_rows(path):
    with open(path, "rb") as fh:
        for i, raw in enumerate(fh, start=1):
            if i == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            ln = _decode(raw).strip()
            if not ln:
                continue
            try:
                obj = json.loads(ln)
            except json.JSONDecodeError as e:
                yield i, load._RowProblem(f"invalid JSON: {e.msg}"), fh.tell()
                continue
            yield i, (obj if isinstance(obj, dict) else load._RowProblem("not a JSON object")), \
                fh.tell()


def _csv_rows(path, delimiter):
    with open(path, "rb") as bfh:
        text = io.TextIOWrapper(bfh, encoding="utf-8-sig", errors="replace", newline="")
        if delimiter is None:
            sample = text.read(20000)
            try:
                delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
            text.seek(0)
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            return
        while True:
            start = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                yield start, load._RowProblem(f"bad CSV row: {e}"), bfh.tell()
                continue
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                yield start, load._RowProblem(
                    f"{len(values)} fields where the header has {len(header)}"), bfh.tell()
                continue
            yield start, dict(zip(header, values)), bfh.tell()


def _parquet_rows(path):
    import pyarrow.parquet as pq
    pf = pq.ParquetFile(path)
    size = path.stat().st_size
    total = max(pf.metadata.num_rows, 1)
    i = 0
    for batch in pf.iter_batches(batch_size=CHUNK_ROWS):
        for row in batch.to_pandas().to_dict("records"):  # as the loader's rows
            i += 1
            yield i, row, int(size * i / total)
