"""Publication dates: parsed liberally, never a crash, the raw value always kept.

:func:`parse_date` reads ``20211130``, ISO 8601 (time zones converted to UTC and dropped),
``Nov 30, 2021``, ``30 November 2021``, ``2021/11/30``, Unix times and datetime values.
Unix times are read by size: up to 10^10 as seconds, 10^11 to 10^14 as milliseconds,
10^14 to 10^17 as microseconds, above as nanoseconds (10^10 to 10^11 fits none and is NaT).
Dates outside pandas' nanosecond range (before 1677-09-22 or after 2262-04-11: year 1,
far-future placeholders) are ``NaT``; the loader keeps the value as written in
``articles.date_raw``, so nothing is lost.
"""

from __future__ import annotations

import datetime as _dt
import json
import re

import pandas as pd

_YYYYMMDD = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
#: ISO 8601 calendar dates, the commonest form, read without dateutil (which gives the same)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LO, _HI = pd.Timestamp.min, pd.Timestamp.max
# Unix times by magnitude: (upper bound, unit)
_UNITS = [(1e10, "s"), (1e11, None), (1e14, "ms"), (1e17, "us"), (float("inf"), "ns")]


def _in_range(ts) -> pd.Timestamp:
    """``ts`` as a nanosecond Timestamp, or NaT when it does not fit."""
    try:
        ts = pd.Timestamp(ts)
        if ts is pd.NaT:
            return pd.NaT
        if ts.tzinfo is not None:
            ts = ts.tz_convert("UTC").tz_localize(None)
        return ts.as_unit("ns")
    except (ValueError, OverflowError, TypeError, pd.errors.OutOfBoundsDatetime):
        return pd.NaT


def _from_number(v) -> pd.Timestamp:
    if v != v or v in (float("inf"), float("-inf")):
        return pd.NaT
    iv = int(v)
    m = _YYYYMMDD.match(str(iv)) if iv == v else None
    if m and 1000 < int(m[1]) < 2300:
        return _ymd(m)
    for bound, unit in _UNITS:
        if abs(v) < bound:
            if unit is None:
                return pd.NaT
            try:
                return _in_range(pd.Timestamp(iv if unit == "ns" else v, unit=unit))
            except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
                return pd.NaT
    return pd.NaT


def _ymd(m) -> pd.Timestamp:
    try:
        return _in_range(_dt.datetime(int(m[1]), int(m[2]), int(m[3])))
    except ValueError:
        return pd.NaT


def parse_date(value) -> pd.Timestamp:
    """A date as a nanosecond ``Timestamp`` (UTC, no time zone), or ``NaT`` when missing,
    unparseable or out of range (see the module docstring)."""
    if value is None or value is pd.NaT:
        return pd.NaT
    if isinstance(value, bool):
        return pd.NaT
    if isinstance(value, (_dt.datetime, _dt.date, pd.Timestamp)):
        return _in_range(value)
    if isinstance(value, (int, float)):
        return _from_number(value)
    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iuf":
        return _from_number(value.item())
    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "M":
        return _in_range(value)
    s = str(value).strip()
    if not s or len(s) > 100:
        return pd.NaT
    m = _YYYYMMDD.match(s)
    if m:
        return _ymd(m)
    if re.fullmatch(r"-?\d{9,19}(\.\d+)?", s):
        return _from_number(float(s) if "." in s else int(s))
    m = _ISO_DAY.fullmatch(s)
    if m:
        try:
            return _in_range(_dt.datetime(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:         # (no such day: dateutil says what it says)
            pass
    from dateutil import parser as dparser
    try:
        return _in_range(dparser.parse(s))
    except (ValueError, OverflowError, TypeError, dparser.ParserError):
        return pd.NaT


def raw_date(value) -> str | None:
    """The date value as written, as a string (None when there is none)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (_dt.datetime, _dt.date, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    s = str(value).strip()
    return s or None
