"""One batcher: files -> ``(articles, skipped)`` batches, the only way articles are read.

Every file goes through the same steps, whatever its size: its format's reader yields rows
(:mod:`~newslab.load.txt`, :mod:`~newslab.load.csv`, :mod:`~newslab.load.jsonl`,
:mod:`~newslab.load.parquet`; each reads line by line or a few thousand rows at a time), the
record builder (:mod:`~newslab.load.records`) turns each row into an article record or a
skipped row, and :func:`batches` cuts the stream into tables of ``batch_size`` articles.
:func:`newslab.load.read_corpus` and :func:`newslab.load.load_articles` are all batches
concatenated, so the pipeline's streamed path and a whole load give identical tables.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from . import csv, jsonl, parquet, txt
from .decode import FileProblem
from .duplicates import State
from .table import frame
from .records import Builder
from .skipped import RowProblem, display_path, skip, skipped_frame

READERS = {".txt": txt, ".csv": csv, ".tsv": csv, ".jsonl": jsonl, ".ndjson": jsonl,
           ".json": jsonl, ".parquet": parquet, ".pq": parquet}
SUPPORTED_SUFFIXES = set(READERS)
#: Rows gathered before a piece is handed on (memory stays at about this many articles).
CHUNK_ROWS = 2000


def source_of(path: Path, root: Path | None) -> str | None:
    """The file's sub-folder relative to ``root`` (``bbc/2021``), or None at the top."""
    if root is None:
        return None
    try:
        rel = Path(path).parent.relative_to(root)
    except ValueError:
        return None
    s = rel.as_posix()
    return None if s in ("", ".") else display_path(s)


def read_pieces(path: Path, *, columns=None, repair_dashes=None, state=None,
                root: Path | None = None, builder: Builder | None = None
                ) -> Iterator[tuple[list[dict], list[dict], int]]:
    """``(records, skipped, bytes read)`` for one file, in pieces of at most
    :data:`CHUNK_ROWS` rows. Every row ends up as a record or a skipped row; a reader that
    fails part-way keeps what it read and reports the rest."""
    root = root if root is not None else getattr(path, "corpus_root", None)
    path = Path(path)
    builder = builder or Builder(columns=columns, repair_dashes=repair_dashes, state=state)
    source = source_of(path, root)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    if reader is None:
        yield [], [skip(path, f"unsupported file type '{suffix or '(none)'}'")], size
        return
    recs, skips = [], []
    done = n_rows = 0
    fixed_checked = not reader.FIXED_COLUMNS
    try:
        for line, row, pos in reader.rows(path):
            n_rows += 1
            if isinstance(row, RowProblem):
                skips.append(skip(path, row.reason, line))
            elif reader is txt:
                recs.append(builder.seed(row, path, source))
            else:
                if not fixed_checked:
                    fixed_checked = True
                    if "text" not in builder.mapping(row.keys()).values():
                        yield [], [skip(path, "no text column (columns: "
                                        + ", ".join(map(str, row.keys())) + ")")], size
                        return
                rec = builder.tabular(row, path, line, source)
                if isinstance(rec, RowProblem):
                    skips.append(skip(path, rec.reason, line))
                else:
                    recs.append(rec)
            if len(recs) + len(skips) >= CHUNK_ROWS:
                yield recs, skips, max(pos - done, 0)
                done, recs, skips = pos, [], []
    except FileProblem as e:
        skips.append(skip(path, str(e)))
    except (OSError, MemoryError) as e:
        where = f" past row {n_rows}" if n_rows else ""
        why = (e.strerror or type(e).__name__) if isinstance(e, OSError) else "out of memory"
        skips.append(skip(path, f"could not be read{where}: {why}"))
    except Exception as e:  # noqa: BLE001 - a reader failed: report it, never lose the file
        where = f" past row {n_rows}" if n_rows else ""
        skips.append(skip(path, f"could not be read{where}: {type(e).__name__}: {e}"[:500]))
    else:
        if n_rows == 0 and not skips:
            skips.append(skip(path, "no rows"))
    yield recs, skips, max(size - done, 0)


def read_file(path, *, columns: dict | None = None, repair_dashes: bool | None = None,
              state: State | None = None, root: Path | None = None
              ) -> tuple[list[dict], list[dict]]:
    """Read one file: a list of article records and a list of skipped ``{path, line, reason}``."""
    recs, skips = [], []
    for r, s, _ in read_pieces(path, columns=columns, repair_dashes=repair_dashes,
                               state=state, root=root):
        recs.extend(r)
        skips.extend(s)
    return recs, skips


def batches(files: list[Path], *, batch_size: int, columns: dict | None = None,
            repair_dashes: bool | None = None,
            on_progress: Callable[[int], None] = lambda nbytes: None,
            problems: list[dict] | None = None, root: Path | None = None
            ) -> Iterator[tuple[int, pd.DataFrame, pd.DataFrame]]:
    """``(index, articles, skipped)`` batches over ``files``, in order, of at most
    ``batch_size`` articles; ``problems`` (the walk's skipped rows) open the first batch's
    skipped table. ``on_progress(nbytes)`` is called as input bytes are consumed."""
    builder = Builder(columns=columns, repair_dashes=repair_dashes)
    pending, skipped, index = [], list(problems or []), 0
    for f in files:
        for recs, skips, nbytes in read_pieces(f, builder=builder, root=root):
            pending.extend(recs)
            skipped.extend(skips)
            on_progress(nbytes)
            while len(pending) >= batch_size:
                yield index, frame(pending[:batch_size]), skipped_frame(skipped)
                pending, skipped, index = pending[batch_size:], [], index + 1
    if pending or skipped:
        yield index, frame(pending), skipped_frame(skipped)


def iter_batches(path, *, batch_size: int = 500, columns: dict | None = None,
                 repair_dashes: bool | None = None
                 ) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """``(articles, skipped)`` tables of at most ``batch_size`` articles over a file or
    folder (:func:`batches` without the index, over :func:`newslab.load.walk`)."""
    from .folders import corpus_files
    files, problems = corpus_files(path)
    for _, arts, skip_df in batches(files, batch_size=batch_size, columns=columns,
                                    repair_dashes=repair_dashes, problems=problems):
        yield arts, skip_df
