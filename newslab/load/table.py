"""Records -> an ``articles`` DataFrame with fixed dtypes, extra columns typed by a rule.

Documented columns (``newslab.schema``) come first with their dtypes (``date``
datetime64[ns], ``line`` Int64, counts int64); extra input columns follow in the order
first seen, each typed by its values: all booleans -> ``boolean``, all integers -> ``Int64``,
integers and floats -> float64, all dates -> datetime64[ns] (text when out of range),
strings -> object; a column that mixes types is kept as text (object of str), so every
batch can be written to Parquet. Missing values are None / <NA> / NaN / NaT.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd

from .records import ARTICLE_COLUMNS

_INT64 = (-(2**63), 2**63 - 1)


def _typed(values: list) -> pd.Series:
    present = [v for v in values if v is not None and not (isinstance(v, float) and v != v)]
    kinds = set()
    for v in present:
        if isinstance(v, bool):
            kinds.add("bool")
        elif isinstance(v, int):
            kinds.add("int" if _INT64[0] <= v <= _INT64[1] else "bigint")
        elif isinstance(v, float):
            kinds.add("float")
        elif isinstance(v, (_dt.datetime, _dt.date)):
            kinds.add("date")
        else:
            kinds.add("str")
    clean = [None if v is None or (isinstance(v, float) and v != v) else v for v in values]
    if not kinds:
        return pd.Series(clean, dtype=object)
    if kinds == {"bool"}:
        return pd.Series(clean, dtype="boolean")
    if kinds == {"int"}:
        return pd.Series(clean, dtype="Int64")
    if kinds <= {"int", "float"}:
        return pd.Series([np.nan if v is None else float(v) for v in clean], dtype="float64")
    if kinds == {"date"}:
        try:
            return pd.Series(pd.to_datetime(clean)).astype("datetime64[ns]")
        except (ValueError, OverflowError, TypeError, pd.errors.OutOfBoundsDatetime):
            pass
    if kinds == {"str"}:
        return pd.Series(clean, dtype=object)
    return pd.Series([None if v is None else
                      (v.isoformat() if isinstance(v, (_dt.datetime, _dt.date)) else str(v))
                      for v in clean], dtype=object)


def frame(records: list[dict]) -> pd.DataFrame:
    """The ``articles`` table of a list of records."""
    extras: dict[str, None] = {}
    for r in records:
        if len(r) > len(ARTICLE_COLUMNS):
            for k in r:
                if k not in extras and k not in _DOCUMENTED:
                    extras[k] = None
    data = {c: [r.get(c) for r in records] for c in ARTICLE_COLUMNS}
    data["n_repairs"] = [v or 0 for v in data["n_repairs"]]
    df = pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in data.items()},
                      columns=ARTICLE_COLUMNS)
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    df["line"] = df["line"].astype("Int64")
    df["n_paragraphs"] = df["n_paragraphs"].astype("int64")
    df["n_repairs"] = df["n_repairs"].astype("int64")
    for k in extras:
        s = _typed([r.get(k) for r in records])
        s.index = df.index
        df[k] = s
    return df


_DOCUMENTED = set(ARTICLE_COLUMNS)
