"""JSON Lines and JSON: each object on its own keys, lone surrogates, nested values,
pretty-printed objects and arrays, broken documents: every object an article or a row."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from .test_loader_contract import check, write


def jsonl(tmp_path, objs, name="a.jsonl"):
    return write(tmp_path / name, "".join(json.dumps(o) + "\n" for o in objs))


def test_each_object_is_mapped_on_its_own_keys(tmp_path):
    jsonl(tmp_path, [{"text": "One."},
                     {"id": "x2", "text": "Two.", "date": "2021-01-02", "url": "https://b.org/2"},
                     {"headline": "T3", "body": "Three.", "link": "https://c.org/3"}])
    a = check(tmp_path, units=3, texts=["One.", "Two.", "Three."]).articles
    assert a.article_id[1] == "x2" and a.date[1] == pd.Timestamp("2021-01-02")
    assert a.url.tolist()[1:] == ["https://b.org/2", "https://c.org/3"]
    assert a.title[2] == "T3" and a.outlet[2] == "c.org"


def test_a_first_object_without_text_skips_only_that_row(tmp_path):
    jsonl(tmp_path, [{"title": "no text"}, {"text": "Two."}, {"text": "Three."}])
    res = check(tmp_path, units=3, texts=["Two.", "Three."], skipped=1)
    assert res.skipped.line.tolist() == [1] and "no text" in res.skipped.reason[0]


@pytest.mark.parametrize("escape,where", [
    (r"\ud800", "text"), (r"\udfff", "text"), (r"\ud83d", "title"), (r"\udc00x", "lang"),
    (r"\ud800\ud800", "text"),
])
def test_lone_surrogates_become_replacement_characters(tmp_path, escape, where):
    obj = {"text": "Body A.", "title": "T", "lang": "en"}
    line = json.dumps(obj).replace(f'"{obj[where]}"', f'"{obj[where]}{escape}"')
    write(tmp_path / "a.jsonl", line + "\n" + json.dumps({"text": "Body B."}) + "\n")
    res = check(tmp_path, units=2)
    value = res.articles[where][0]
    assert "\ufffd" in value and value.startswith(obj[where])


def test_a_proper_surrogate_pair_is_one_character(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "Smile \\ud83d\\ude00."}\n')
    assert check(tmp_path, units=1).articles.text[0] == "Smile \U0001F600."


def test_a_lone_surrogate_in_a_key(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "Body.", "k\\udc80": 1}\n')
    a = check(tmp_path, units=1, texts=["Body."]).articles
    assert "k\ufffd" in a.columns


NESTED = [
    ({"tags": ["a", "b"]}, "tags", '["a", "b"]'),
    ({"meta": {"k": 1, "l": [1, 2]}}, "meta", '{"k": 1, "l": [1, 2]}'),
    ({"author": {"name": "Ann Ö"}}, "author", '{"name": "Ann Ö"}'),
    ({"empty": []}, "empty", "[]"),
]


@pytest.mark.parametrize("extra,col,expected", NESTED, ids=[n[1] for n in NESTED])
def test_nested_values_become_json_text(tmp_path, extra, col, expected):
    jsonl(tmp_path, [{"text": "Body.", **extra}])
    assert check(tmp_path, units=1).articles[col][0] == expected


@pytest.mark.parametrize("field", ["text", "title", "id", "url"])
def test_nested_standard_fields_are_json_text(tmp_path, field):
    obj = {"text": "Body.", field: {"value": "x"}}
    jsonl(tmp_path, [obj])
    a = check(tmp_path, units=1).articles
    col = {"id": "article_id"}.get(field, field)
    assert a[col][0] == '{"value": "x"}'


def test_a_pretty_printed_object_is_one_article(tmp_path):
    write(tmp_path / "a.json", json.dumps({"title": "T", "text": "Body.\n\nMore."}, indent=2))
    a = check(tmp_path, units=1, texts=["Body.\nMore."]).articles
    assert a.title[0] == "T" and a.line[0] == 1


def test_pretty_printed_objects_one_after_another(tmp_path):
    write(tmp_path / "a.jsonl", "\n".join(json.dumps({"text": f"B{k}."}, indent=2)
                                          for k in range(3)))
    a = check(tmp_path, units=3, texts=["B0.", "B1.", "B2."]).articles
    assert a.line.tolist() == [1, 4, 7]


def test_a_pretty_printed_array_is_many_articles_with_their_lines(tmp_path):
    write(tmp_path / "a.json", "\n\n" + json.dumps([{"text": "A."}, 5, {"text": "B."}],
                                                     indent=1))
    res = check(tmp_path, units=3, texts=["A.", "B."], skipped=1)
    assert res.articles.line.tolist() == [4, 8]
    assert res.skipped.reason[0] == "not a JSON object"


def test_a_truncated_array_keeps_what_was_read(tmp_path):
    write(tmp_path / "a.json", '[{"text": "A."}, {"text": "B."}, {"text": "C')
    res = check(tmp_path, units=3, texts=["A.", "B."], skipped=1)
    assert "unreadable from this line" in res.skipped.reason[0]


@pytest.mark.parametrize("content,reason", [
    ("5\n", "not a JSON object"), ('"text"\n', "not a JSON object"),
    ("null\n", "not a JSON object"), ("[]", "no rows"), ("\n\n  \n", "empty file"),
    ("{\"text\": \"A.\"\n", "invalid JSON"), ("{\"text\": \"A.\",}\n", "invalid JSON"),
])
def test_odd_documents_are_reported(tmp_path, content, reason):
    write(tmp_path / "a.jsonl", content)
    res = check(tmp_path, units=1, skipped=1)
    assert res.skipped.reason[0].startswith(reason)


def test_an_object_followed_by_junk_keeps_the_object(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "A."} trailing junk\n')
    res = check(tmp_path, units=2, texts=["A."], skipped=1)
    assert res.skipped.reason[0].startswith("invalid JSON")


def test_deep_nesting_is_a_row_not_a_crash(tmp_path):
    deep = "[" * 200_000 + "]" * 200_000
    write(tmp_path / "a.jsonl", '{"text": "A."}\n{"text": "B.", "x": ' + deep + "}\n")
    res = check(tmp_path, units=2, texts=["A."], skipped=1)
    assert res.skipped.line.tolist() == [2]


def test_nan_and_big_numbers(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "A.", "score": NaN, "big": 123456789012345678901234}\n'
                                '{"text": "B.", "score": 1.5, "big": 1}\n')
    a = check(tmp_path, units=2).articles
    assert a.score.dtype == "float64" and pd.isna(a.score[0])
    assert a.big.tolist() == ["123456789012345678901234", "1"]


def test_text_that_is_a_number(tmp_path):
    jsonl(tmp_path, [{"text": 12345}, {"text": True}, {"text": ""}, {"text": None}])
    res = check(tmp_path, units=4, texts=["12345", "True"], skipped=2)
    assert set(res.skipped.reason) == {"no body text"}


def test_utf16_json_lines(tmp_path):
    write(tmp_path / "a.jsonl", ('{"text": "Türkiye."}\n{"text": "Zwei."}\n').encode("utf-16"))
    check(tmp_path, units=2, texts=["Türkiye.", "Zwei."])


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_documents_read_in_small_pieces_give_the_same_rows(tmp_path, monkeypatch, chunk):
    from newslab.load import jsonl as reader
    monkeypatch.setattr(reader, "DOC_CHUNK", chunk)
    objs = [{"text": f"Body {k}. " + "x" * (k * 37 % 300), "n": k * 1234567} for k in range(60)]
    write(tmp_path / "a.json", json.dumps(objs, indent=2))
    a = check(tmp_path, units=60, texts=[o["text"] for o in objs]).articles
    assert a.n.tolist() == [o["n"] for o in objs]  # numbers cut at a piece end read whole
    starts = [k + 1 for k, ln in enumerate(json.dumps(objs, indent=2).split("\n"))
              if ln == "  {"]
    assert a.line.tolist() == starts
