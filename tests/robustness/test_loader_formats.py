"""Seed text, CSV and Parquet edge cases: odd headers, huge fields, binary and list columns;
the text is what the file holds, nothing inserted."""

from __future__ import annotations

import base64

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from .test_loader_contract import check, write

# --- the seed format: the header never leaks into the body -------------------------------


@pytest.mark.parametrize("date_line", ["sometime in spring", "30.11.2021 (local)", "Q4 2021",
                                       "published: yesterday", "??", "2021-13-45"])
def test_unrecognised_date_line_before_a_url_stays_out_of_the_body(tmp_path, date_line):
    write(tmp_path / "a.txt", f"Title\n{date_line}\nhttps://www.site.org/a\nBody one.\nTwo.\n")
    a = check(tmp_path, units=1, texts=["Body one.\nTwo."]).articles
    assert a.url[0] == "https://www.site.org/a" and a.date_raw[0] == date_line
    assert a.outlet[0] == "site.org"


@pytest.mark.parametrize("date_line", ["20211131", "2021-13-45", "2021/02/30", "00000000"])
def test_an_invalid_date_shaped_line_without_url_stays_out_of_the_body(tmp_path, date_line):
    write(tmp_path / "a.txt", f"Title\n{date_line}\nBody one.\n")
    a = check(tmp_path, units=1, texts=["Body one."]).articles
    assert a.date_raw[0] == date_line and a.date.isna().all()


@pytest.mark.parametrize("content,body,date,url", [
    ("Title\nhttps://a.org/x\nBody.\n", "Body.", None, "https://a.org/x"),
    ("Title\n20211130\nBody.\n", "Body.", "20211130", None),
    ("Title\nBody.\nMore.\n", "Body.\nMore.", None, None),
    ("\n\nTitle\n20211130\nhttps://a.org/x\n\nBody.\n\n", "Body.", "20211130",
     "https://a.org/x"),
    ("Title\n  20211130  \n  https://a.org/x \n  Body.  \n", "Body.", "20211130",
     "https://a.org/x"),
])
def test_liberal_headers(tmp_path, content, body, date, url):
    write(tmp_path / "a.txt", content)
    a = check(tmp_path, units=1, texts=[body]).articles
    assert a.date_raw[0] == date and a.url[0] == url


@pytest.mark.parametrize("content,reason", [
    ("", "empty file"), ("\n \n\t\n", "empty file"), ("Title only\n", "no body text"),
    ("Title\n20211130\nhttps://a.org/x\n", "no body text"),
])
def test_txt_without_a_body(tmp_path, content, reason):
    write(tmp_path / "a.txt", content)
    assert check(tmp_path, units=1, skipped=1).skipped.reason[0].startswith(reason)


# --- CSV --------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [131_072, 131_073, 1_000_000])
def test_csv_fields_longer_than_the_csv_module_limit(tmp_path, n):
    body = ("word " * (n // 5 + 1))[:n].strip()
    write(tmp_path / "a.csv", f'title,text\nT,"{body}"\nU,Short.\n')
    check(tmp_path, units=2, texts=[body, "Short."])


def test_csv_duplicate_and_blank_header_names_keep_every_column(tmp_path):
    write(tmp_path / "a.csv", "text,tag,tag,,\nBody.,a,b,c,d\n")
    a = check(tmp_path, units=1, texts=["Body."]).articles
    assert a.tag[0] == "a" and a.tag_2[0] == "b"
    assert a.column_4[0] == "c" and a.column_5[0] == "d"


@pytest.mark.parametrize("content,units,texts", [
    ("text\n\"unclosed quote\nBody.\n", 1, None),                  # runs to the end: one row
    ("text;title\nBody one.;T\nBody two.;U\n", 2, ["Body one.", "Body two."]),
    ("text|title\nBody one.|T\n", 1, ["Body one."]),
    ("title,text\nT,\"Multi\nline\n\nbody\"\n", 1, ["Multi\nline\nbody"]),
    ("title,text\n\n\nT,Body.\n\n", 1, ["Body."]),
    ("title,text\nT,Body.\nU\nV,Body V.,x\n", 3, ["Body.", "Body V."][:1]),
])
def test_csv_shapes(tmp_path, content, units, texts):
    write(tmp_path / "a.csv", content)
    check(tmp_path, units=units, texts=texts)


def test_csv_header_only_is_reported(tmp_path):
    write(tmp_path / "a.csv", "title,text\n")
    assert check(tmp_path, units=1, skipped=1).skipped.reason[0] == "no rows"


def test_csv_nul_byte_after_the_first_8k_stays_in_its_row(tmp_path):
    write(tmp_path / "a.csv", b"title,text\n" + b"T,Good body.\n" * 1000 + b"U,Bad \x00 body.\n")
    res = check(tmp_path, units=1001)
    assert res.articles.text.tolist()[-1] == "Bad \x00 body."


# --- Parquet: binary, list, struct, dictionary columns ---------------------------------


PARQUET_COLUMNS = [
    ("binary utf-8", pa.array([b"caf\xc3\xa9"], pa.binary()), "café"),
    ("binary not utf-8", pa.array([b"\xff\x00\x01"], pa.binary()),
     base64.b64encode(b"\xff\x00\x01").decode()),
    ("list", pa.array([["a", "b"]], pa.list_(pa.string())), '["a", "b"]'),
    ("struct", pa.array([{"k": 1, "s": "x"}], pa.struct([("k", pa.int64()),
                                                         ("s", pa.string())])),
     '{"k": 1, "s": "x"}'),
    ("dictionary", pa.array(["World"]).dictionary_encode(), "World"),
    ("large_string", pa.array(["big"], pa.large_string()), "big"),
    ("decimal", pa.array([__import__("decimal").Decimal("1.50")], pa.decimal128(5, 2)), "1.50"),
    ("map", pa.array([[("a", 1)]], pa.map_(pa.string(), pa.int64())), '[["a", 1]]'),
]


@pytest.mark.parametrize("name,arr,expected", PARQUET_COLUMNS, ids=[c[0] for c in PARQUET_COLUMNS])
def test_parquet_column_types_are_flattened(tmp_path, name, arr, expected):
    pq.write_table(pa.table({"text": ["Body."], "extra": arr}), tmp_path / "a.parquet")
    a = check(tmp_path, units=1, texts=["Body."]).articles
    assert a.extra[0] == expected


def test_parquet_binary_text_column(tmp_path):
    pq.write_table(pa.table({"text": pa.array([b"Body \xc3\xa9.", None], pa.binary())}),
                   tmp_path / "a.parquet")
    res = check(tmp_path, units=2, texts=["Body é."], skipped=1)
    assert res.skipped.line.tolist() == [2]


def test_parquet_without_text_column_is_reported(tmp_path):
    pq.write_table(pa.table({"title": ["T"]}), tmp_path / "a.parquet")
    assert check(tmp_path, units=1, skipped=1).skipped.reason[0].startswith("no text column")


def test_parquet_many_row_groups(tmp_path):
    t = pa.table({"text": [f"Body {k}." for k in range(5000)]})
    pq.write_table(t, tmp_path / "a.parquet", row_group_size=700)
    a = check(tmp_path, units=5000).articles
    assert a.line.tolist() == list(range(1, 5001))


def test_a_truncated_parquet_file_is_reported(tmp_path):
    pq.write_table(pa.table({"text": ["Body."] * 100}), tmp_path / "a.parquet")
    data = (tmp_path / "a.parquet").read_bytes()
    (tmp_path / "a.parquet").write_bytes(data[: len(data) // 2])
    res = check(tmp_path, units=1, skipped=1)
    assert res.skipped.reason[0].startswith("not a readable Parquet file")
