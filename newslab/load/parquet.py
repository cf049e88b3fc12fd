"""Parquet files, one article per row, read a few thousand rows at a time (any size).

Values come from pyarrow as Python objects, so no date is ever forced into pandas'
nanosecond range here (out-of-range dates become ``NaT`` later, with ``date_raw`` kept);
binary, list and struct values are flattened later by the record builder's rule
(:func:`newslab.load.records.flat`). A column pyarrow cannot turn into Python objects is
read as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .decode import FileProblem

#: All rows share the file's columns.
FIXED_COLUMNS = True
CHUNK_ROWS = 2000
# the index pandas stores as a column (not an input column)
_PANDAS_INDEX = re.compile(r"__index_level_\d+__")


def _column(col):
    try:
        return col.to_pylist()
    except (ValueError, OverflowError, TypeError):
        import pyarrow as pa
        import pyarrow.compute as pc
        try:
            return pc.cast(col, pa.string()).to_pylist()
        except Exception:  # noqa: BLE001 - reported per value instead of losing the file
            return [None if v is None else repr(v) for v in col]


def rows(path: Path) -> Iterator[tuple[int, dict, int]]:
    """``(row number from 1, {column: value}, bytes read so far, estimated)``."""
    try:
        import pyarrow.parquet as pq
    except ImportError as e:
        raise FileProblem(f"Parquet needs pyarrow: {e}") from None
    try:
        pf = pq.ParquetFile(path)
    except OSError as e:
        if getattr(e, "errno", None) is not None:
            raise
        raise FileProblem(f"not a readable Parquet file: {type(e).__name__}") from None
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise FileProblem(f"not a readable Parquet file: {type(e).__name__}") from None
    size = path.stat().st_size
    total = max(pf.metadata.num_rows, 1)
    names = [str(n) for n in pf.schema_arrow.names]
    keep = [k for k, n in enumerate(names) if not _PANDAS_INDEX.fullmatch(n)]
    names = [names[k] for k in keep]
    i = 0
    for batch in pf.iter_batches(batch_size=CHUNK_ROWS):
        cols = [_column(batch.column(k)) for k in keep]
        for values in zip(*cols):
            i += 1
            yield i, dict(zip(names, values)), int(size * i / total)
