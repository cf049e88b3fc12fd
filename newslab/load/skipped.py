"""The ``skipped`` table: every file, folder or row the loader could not use, with why.

Paths are shown as text: bytes of a file name that are not UTF-8 appear as ``\\xNN``
(``os.fsencode(path).decode("utf-8", "backslashreplace")``), so every path can be written
to Parquet and printed, and two different names never look the same.
"""

from __future__ import annotations

import os

import pandas as pd

from .. import schema

SKIPPED_COLUMNS = schema.columns("skipped")


class RowProblem:
    """A row that cannot be used (a reader yields it in place of the row)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


def display_path(path) -> str:
    """``path`` as a printable string (see the module docstring)."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        return s.decode("utf-8", "backslashreplace")
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")


def skip(path, reason: str, line=None) -> dict:
    """One ``skipped`` row."""
    return {"path": display_path(path), "line": line, "reason": reason}


def skipped_frame(records) -> pd.DataFrame:
    """A ``skipped`` table with fixed column types (``line`` is ``Int64``)."""
    if isinstance(records, pd.DataFrame):
        df = records.reindex(columns=SKIPPED_COLUMNS).reset_index(drop=True)
    else:
        df = pd.DataFrame(list(records), columns=SKIPPED_COLUMNS)
    df["path"] = df["path"].astype(object)
    df["line"] = df["line"].astype("Int64")
    df["reason"] = df["reason"].astype(object)
    return df
