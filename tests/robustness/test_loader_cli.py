"""Messy inputs through ``newslab analyze``: exit 0, no traceback, every unit accounted for in
the written ``articles`` and ``skipped`` tables, the text as the file holds it."""

from __future__ import annotations

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newslab.cli import main
from newslab.pipeline import read_table

from .test_loader_contract import paragraph_rule, write


def _bad_names(d):
    for k, name in enumerate([b"\xff\xfe.txt", b"caf\xe9.txt", b"ok.txt"]):
        with open(os.path.join(os.fsencode(d), name), "wb") as fh:
            fh.write(f"T{k}\n20211130\nBody {k}.\n".encode())
    return 3, ["Body 0.", "Body 1.", "Body 2."]


def _dates(d):
    pq.write_table(pa.table({"text": ["A.", "B."], "date": pa.array(
        [__import__("datetime").datetime(1, 1, 1), None], pa.timestamp("ms"))}), d / "a.parquet")
    write(d / "b.jsonl", json.dumps({"text": "C.", "date": 1638316800000}) + "\n"
          + json.dumps({"text": "D.", "date": "9999-12-31"}) + "\n")
    return 4, ["A.", "B.", "C.", "D."]


def _surrogates(d):
    write(d / "a.jsonl", '{"text": "Bad \\ud800 one."}\n{"text": "Good.", "k": {"x": [1]}}\n')
    return 2, ["Bad \ufffd one.", "Good."]


def _loop(d):
    write(d / "sub" / "a.txt", "T\n20211130\nBody.\n")
    os.symlink(d, d / "sub" / "loop")
    return 2, ["Body."]


def _long(d):
    long = ("A sentence of words goes here. " * 4000).strip()
    write(d / "a.csv", f'title,text\nT,"{long}"\nU,Short.\n')
    return 2, [long, "Short."]


def _pretty(d):
    write(d / "a.json", json.dumps({"title": "T", "text": "One.\n\nTwo."}, indent=4))
    write(d / "b.json", json.dumps([{"text": "Three."}, {"text": "Four."}], indent=4))
    return 3, ["One.\nTwo.", "Three.", "Four."]


def _bad_bytes(d):
    write(d / "a.csv", "text\nT\u00fcrkiye ok.\n".encode() + b"It\x92s here.\n")
    return 2, ["Türkiye ok.", "It\u2019s here."]


CASES = {"names": _bad_names, "dates": _dates, "surrogates": _surrogates, "loop": _loop,
         "long field": _long, "pretty json": _pretty, "bad bytes": _bad_bytes}


@pytest.mark.parametrize("case", list(CASES))
def test_analyze_accounts_for_every_unit(tmp_path, capsys, case):
    (tmp_path / "in").mkdir()
    units, texts = CASES[case](tmp_path / "in")
    code = main(["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1",
                 "--stages", "tokens", "--quiet"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Traceback" not in err
    arts = read_table(tmp_path / "out", "articles")
    skipped = read_table(tmp_path / "out", "skipped")
    assert len(arts) + len(skipped) == units
    assert sorted(arts.text) == sorted(paragraph_rule(t) for t in texts)
    assert (arts.n_repairs == 0).all()


def test_column_maps_a_label_to_outlet_and_sub_folders_give_outlets(tmp_path, capsys):
    write(tmp_path / "in" / "daily" / "a.txt", "T1\n20211130\nBody one.\n")
    write(tmp_path / "in" / "weekly" / "b.txt", "T2\n20211201\nBody two.\n")
    write(tmp_path / "in" / "c.csv", "label,title,description\n3,T3,Body three.\n")
    code = main(["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1",
                 "--stages", "tokens", "--column", "label=outlet", "--quiet"])
    assert code == 0, capsys.readouterr().err
    arts = read_table(tmp_path / "out", "articles").set_index("title")
    assert arts.outlet.to_dict() == {"T1": "daily", "T2": "weekly", "T3": "3"}
    assert arts.source.to_dict() == {"T1": "daily", "T2": "weekly", "T3": None}
