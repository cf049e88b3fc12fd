"""CSV copies of the tables, safe to open in a spreadsheet.

``DIR/<table>.csv`` is written from the table's Parquet parts, one part at a time. List
columns (``articles.paragraphs``) are left out (``text`` holds the same). A text cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with an
apostrophe in front (``'=SUM(A1)``), so that Excel, LibreOffice or Google Sheets show it as
text instead of running it as a formula (OWASP's advice on CSV injection); a cell that is
just ``-`` or ``+`` (a dash token) is no formula and stays as it is. The Parquet tables keep
the text exactly. Rows end with CR LF, as RFC 4180 says, and cells with line breaks are
quoted.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import NewslabError
from .tables import part_files

#: Columns left out of CSV files (lists do not round-trip through CSV; ``text`` holds them).
CSV_DROP = {"articles": ["paragraphs"]}
#: Rows end with CR LF (RFC 4180), so that a cell holding a lone carriage return is quoted
#: (Python's csv module quotes the characters of its line ending) and reads back whole.
LINE_END = "\r\n"
#: Cells starting with one of these are prefixed with an apostrophe in CSV.
FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+\-](?!\Z))")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that a spreadsheet would read as a formula prefixed
    with an apostrophe. Each distinct value is checked once (token columns repeat a small
    vocabulary)."""
    out = None
    for c in df.columns:
        s = df[c]
        if s.dtype != object and not pd.api.types.is_string_dtype(s):
            continue
        hit = _formula_cells(s)
        if hit is not None and hit.any():
            if out is None:
                out = df.copy()
            out.loc[hit, c] = "'" + s[hit].astype(str)
    return df if out is None else out


def _formula_cells(s: pd.Series):
    """Which cells of ``s`` are text that starts like a formula (a boolean array), or None
    when ``s`` holds no text at all."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    uniques = np.asarray(uniques, dtype=object)
    is_text = [isinstance(u, str) for u in uniques]
    if not any(is_text):
        return None if len(s) else np.zeros(0, dtype=bool)
    match = FORMULA_START.match
    u_hit = np.fromiter((t and match(u) is not None for u, t in zip(uniques, is_text)),
                        dtype=bool, count=len(uniques))
    return np.append(u_hit, False)[codes]  # code -1 (a missing value) is no formula


def write_csv(out: Path, name: str, path: Path | None = None) -> Path:
    """``out/<name>.csv`` from the table's Parquet parts, one part at a time."""
    import pyarrow.parquet as pq
    path = path or Path(out) / f"{name}.csv"
    drop = CSV_DROP.get(name, [])
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        header = True
        for f in part_files(out, name):
            df = pq.read_table(f).to_pandas()
            if name == "skipped" and "line" in df.columns:
                df["line"] = df["line"].astype("Int64")
            df = spreadsheet_safe(df.drop(columns=drop, errors="ignore"))
            if header or len(df):
                df.to_csv(fh, index=False, header=header, lineterminator=LINE_END)
                header = False
    os.replace(tmp, path)
    return path


def write_tables(tables: dict[str, pd.DataFrame], out) -> list[Path]:
    """Write in-memory tables as ``out/<name>/part-00000.parquet`` and ``out/<name>.csv``
    (for tables made outside :func:`newslab.analyze`). Only part files are replaced."""
    from .batches import write_part
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewslabError(f"cannot create output folder {out}: {e.strerror}") from None
    files = []
    for name, df in tables.items():
        for f in part_files(out, name):
            f.unlink()
        files.append(write_part(df, out, name, 0))
        p = out / f"{name}.csv"
        spreadsheet_safe(df.drop(columns=CSV_DROP.get(name, []), errors="ignore")).to_csv(
            p, index=False, lineterminator=LINE_END)
        files.append(p)
    return files
