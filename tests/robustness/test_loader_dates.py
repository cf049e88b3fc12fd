"""Dates: out of pandas' range, odd types, old valid dates: never a crash, never a lost
article; NaT with the raw value in ``date_raw``, or the right date."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from .test_loader_contract import check, write

NAT = None
# (raw value in the input, expected date or NAT, expected date_raw)
VALUES = [
    (1638316800000, "2021-12-01", "1638316800000"),             # epoch milliseconds
    (1638316800, "2021-12-01", "1638316800"),                   # epoch seconds
    (1638316800000000, "2021-12-01", "1638316800000000"),       # epoch microseconds
    ("1638316800000", "2021-12-01", "1638316800000"),           # epoch ms as text
    (-86400, "1969-12-31", "-86400"),                           # before 1970
    (50_000_000_000, NAT, "50000000000"),                       # fits no unit
    (10**30, NAT, str(10**30)),                                 # absurd
    ("9999-12-31", NAT, "9999-12-31"),                          # far future placeholder
    ("0001-01-01", NAT, "0001-01-01"),                          # year 1
    ("0001-01-01T00:00:00Z", NAT, "0001-01-01T00:00:00Z"),
    ("1600-01-01", NAT, "1600-01-01"),                          # before 1677
    ("1700-01-01", "1700-01-01", "1700-01-01"),                 # old but valid: kept
    ("1850-06-15", "1850-06-15", "1850-06-15"),
    ("18500615", "1850-06-15", "18500615"),
    ("2262-04-12", NAT, "2262-04-12"),                          # just past the range
    ("2021-02-30", NAT, "2021-02-30"),                          # no such day
    ("not a date", NAT, "not a date"),
    ("", NAT, None),
    (None, NAT, None),
    (True, NAT, "True"),
    ({"$date": "2021-01-01"}, NAT, '{"$date": "2021-01-01"}'),  # nested: JSON text
    (float("inf"), NAT, "inf"),
]


def _expect(res, date, raw):
    a = res.articles
    assert len(a) == 1
    if date is NAT:
        assert pd.isna(a.date[0])
    else:
        assert a.date[0] == pd.Timestamp(date)
    assert a.date_raw[0] == raw
    assert a.date.dtype == "datetime64[ns]"


@pytest.mark.parametrize("value,date,raw", VALUES, ids=[repr(v[0])[:24] for v in VALUES])
def test_jsonl_dates(tmp_path, value, date, raw):
    if isinstance(value, float) and value == float("inf"):
        line = '{"text": "Body.", "date": Infinity}'
    else:
        line = json.dumps({"text": "Body.", "date": value})
    write(tmp_path / "a.jsonl", line + "\n")
    _expect(check(tmp_path, units=1, texts=["Body."]), date, raw)


CSV_VALUES = [v for v in VALUES if isinstance(v[0], str)]


@pytest.mark.parametrize("value,date,raw", CSV_VALUES, ids=[v[0][:24] for v in CSV_VALUES])
def test_csv_dates(tmp_path, value, date, raw):
    write(tmp_path / "a.csv", f"text,date\nBody.,{value}\n")
    _expect(check(tmp_path, units=1, texts=["Body."]), date, raw)


@pytest.mark.parametrize("value,date", [("20211130", "2021-11-30"), ("17000101", "1700-01-01"),
                                        ("00010101", NAT), ("99991231", NAT)])
def test_txt_date_lines(tmp_path, value, date):
    write(tmp_path / "a.txt", f"Title\n{value}\nhttps://example.org/a\nBody.\n")
    _expect(check(tmp_path, units=1, texts=["Body."]), date, value)


PARQUET = [
    ("timestamp[ms] year 1", pa.array([dt.datetime(1, 1, 1)], pa.timestamp("ms")), NAT,
     "0001-01-01T00:00:00"),
    ("timestamp[us] year 9999", pa.array([dt.datetime(9999, 12, 31)], pa.timestamp("us")), NAT,
     "9999-12-31T00:00:00"),
    ("timestamp[ns] valid", pa.array([pd.Timestamp("2021-11-30")], pa.timestamp("ns")),
     "2021-11-30", "2021-11-30T00:00:00"),
    ("timestamp tz", pa.array([dt.datetime(2021, 11, 30, 12)], pa.timestamp("s", tz="+02:00")),
     "2021-11-30 12:00", "2021-11-30T14:00:00+02:00"),  # as written; date in UTC
    ("date32 1700", pa.array([dt.date(1700, 1, 1)], pa.date32()), "1700-01-01", "1700-01-01"),
    ("date32 year 1", pa.array([dt.date(1, 1, 1)], pa.date32()), NAT, "0001-01-01"),
    ("int64 epoch ms", pa.array([1638316800000], pa.int64()), "2021-12-01", "1638316800000"),
    ("string", pa.array(["Nov 30, 2021"]), "2021-11-30", "Nov 30, 2021"),
]


@pytest.mark.parametrize("name,arr,date,raw", PARQUET, ids=[p[0] for p in PARQUET])
def test_parquet_dates(tmp_path, name, arr, date, raw):
    pq.write_table(pa.table({"text": ["Body."], "date": arr}), tmp_path / "a.parquet")
    _expect(check(tmp_path, units=1, texts=["Body."]), date, raw)


def test_out_of_range_date_warns_once_per_article(tmp_path):
    write(tmp_path / "a.jsonl", "".join(json.dumps({"text": f"B{k}.", "date": "0001-01-01"})
                                        + "\n" for k in range(3)))
    res = check(tmp_path, units=3)
    assert sum("date_raw" in w for w in res.warnings) == 3
