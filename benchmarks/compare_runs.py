"""Compare two ``newslab analyze`` output folders table by table, row for row.

Every table folder (``DIR/<table>/part-*.parquet``) of either run is read back
(``newslab.read_table``) and compared with the other's: same columns in the same order, same
dtypes, same number of rows, same values (floats exactly, NaN equal to NaN). The first
difference of each table is printed; the exit status is 1 when any table differs.

    python benchmarks/compare_runs.py /tmp/speed/base /tmp/speed/new
    python benchmarks/compare_runs.py A B --tables stance,attribution
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def tables_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()
            if p.is_dir() and not p.name.startswith((".", "_")) and any(p.glob("*.parquet"))}


def read(folder: Path, name: str) -> pd.DataFrame:
    from newslab.pipeline import read_table
    return read_table(folder, name)


def first_difference(a: pd.DataFrame, b: pd.DataFrame) -> str | None:
    """A one-line description of the first difference between ``a`` and ``b``, or None."""
    if list(a.columns) != list(b.columns):
        return f"columns differ: {list(a.columns)} vs {list(b.columns)}"
    if len(a) != len(b):
        return f"{len(a)} rows vs {len(b)} rows"
    for c in a.columns:
        if a[c].dtype != b[c].dtype:
            return f"column {c}: dtype {a[c].dtype} vs {b[c].dtype}"
    for c in a.columns:
        x, y = a[c], b[c]
        na_x, na_y = x.isna().to_numpy(), y.isna().to_numpy()
        diff = na_x != na_y
        both = ~(na_x | na_y)
        xv, yv = x.to_numpy()[both], y.to_numpy()[both]
        if len(xv):
            neq = np.array([not _equal(p, q) for p, q in zip(xv, yv)]) \
                if xv.dtype == object else (xv != yv)
            diff[np.flatnonzero(both)[neq]] = True
        if diff.any():
            i = int(np.flatnonzero(diff)[0])
            return (f"column {c}, row {i} (of {len(a)}; {int(diff.sum())} rows differ): "
                    f"{x.iloc[i]!r} vs {y.iloc[i]!r}")
    return None


def _equal(p, q) -> bool:
    if isinstance(p, np.ndarray) or isinstance(q, np.ndarray):
        return np.array_equal(np.asarray(p, dtype=object), np.asarray(q, dtype=object))
    return bool(p == q)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--tables", help="comma-separated tables (default: every table of either)")
    args = ap.parse_args(argv)
    a, b = Path(args.a), Path(args.b)
    names = (args.tables.split(",") if args.tables
             else sorted(tables_in(a) | tables_in(b)))
    bad = 0
    for name in names:
        if not (a / name).is_dir() or not (b / name).is_dir():
            print(f"{name}: only in {a if (a / name).is_dir() else b}")
            bad += 1
            continue
        d = first_difference(read(a, name), read(b, name))
        if d:
            print(f"{name}: {d}")
            bad += 1
        else:
            print(f"{name}: identical")
    print(f"compare_runs: {len(names) - bad} of {len(names)} tables identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
