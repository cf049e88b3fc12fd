"""``newslab evaluate stance`` and ``newslab train-stance`` on malformed input (issue 15).

Every case is generated: a bad gold file or a bad option. The contract: exit status 2, one
line on stderr, ``newslab: error: ...`` naming the file (and the line for a bad line), no
traceback, nothing written."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslab import cli

ROOT = Path(__file__).resolve().parents[2]
GOOD = {"text": "Chile praised Peru for its help.", "target": "Peru", "label": "positive",
        "start": 14, "end": 18}
GOOD2 = {"text": "Chile condemned Bolivia.", "target": "Bolivia", "label": "negative"}


def _lines(*objs) -> bytes:
    return ("\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs) +
            "\n").encode("utf-8")


def _with(**kw):
    d = dict(GOOD)
    for k, v in kw.items():
        if v is KeyError:
            d.pop(k, None)
        else:
            d[k] = v
    return d


# (case id, file bytes, expected words in the message, expected line number or None)
BAD_FILES = [
    ("bare-number", b"42\n", "expected a JSON object", 1),
    ("bare-string", _lines(GOOD, '"just text"'), "expected a JSON object", 2),
    ("nested-list", _lines(GOOD, [[GOOD]]), "expected a JSON object", 2),
    ("null-line", _lines("null"), "expected a JSON object", 1),
    ("truncated-json", _lines(GOOD, '{"text": "Chile'), "invalid JSON", 2),
    ("utf16", json.dumps(GOOD).encode("utf-16"), "UTF-16", None),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary", None),
    ("latin1-byte", _lines(GOOD) + b'{"text": "Caf\xe9 in Peru", "target": "Peru", '
                                     b'"label": "neutral"}\n', "not UTF-8", 2),
    ("empty", b"", "empty", None),
    ("blank-lines", b"\n\n  \n", "empty", None),
    ("no-label", _lines(_with(label=KeyError)), "missing key", 1),
    ("no-text", _lines(GOOD2, _with(text=KeyError)), "missing key text", 2),
    ("null-text", _lines(_with(text=None)), "text must be a string, not null", 1),
    ("list-text", _lines(_with(text=["Chile", "Peru"])), "text must be a string", 1),
    ("number-text", _lines(_with(text=12)), "text must be a string", 1),
    ("empty-text", _lines(_with(text="   ", start=KeyError, end=KeyError)), "text is empty", 1),
    ("unknown-label", _lines(_with(label="favourable")), "unknown label", 1),
    ("number-label", _lines(_with(label=1)), "unknown label", 1),
    ("null-label", _lines(_with(label=None)), "unknown label", 1),
    ("text-offsets", _lines(_with(start="14")), "start must be a whole number", 1),
    ("float-offsets", _lines(_with(end=17.5)), "end must be a whole number", 1),
    ("bool-offsets", _lines(_with(start=True)), "start must be a whole number", 1),
    ("negative-offsets", _lines(_with(start=-3)), "outside the text", 1),
    ("reversed-offsets", _lines(_with(start=18, end=14)), "outside the text", 1),
    ("offsets-past-end", _lines(_with(end=999)), "outside the text", 1),
    ("only-start", _lines(_with(end=KeyError)), "both start and end", 1),
    ("offsets-on-space", _lines(_with(start=13, end=14)), "cover no word", 1),
    ("target-not-found", _lines(_with(target="Chad", start=KeyError, end=KeyError)),
     "not found in the text", 1),
    ("null-target", _lines(_with(target=None)), "target must be a string", 1),
    ("mtsc-bad-polarity", _lines({"sentence_normalized": "Smith met Jones.",
                                  "targets": [{"from": 0, "to": 5, "polarity": 3.0}]}),
     "unknown polarity", 1),
    ("mtsc-string-polarity", _lines({"sentence_normalized": "Smith met Jones.",
                                     "targets": [{"from": 0, "to": 5, "polarity": "2.0"}]}),
     "unknown polarity", 1),
    ("mtsc-targets-not-list", _lines({"sentence_normalized": "Smith met Jones.",
                                      "targets": {"from": 0}}), "targets must be", 1),
    ("mtsc-target-missing-keys", _lines({"sentence_normalized": "Smith met Jones.",
                                         "targets": [{"from": 0}]}), "needs from, to", 1),
    ("mtsc-bad-span", _lines({"sentence_normalized": "Smith met Jones.",
                              "targets": [{"from": 0, "to": 99, "polarity": 2.0}]}),
     "outside the text", 1),
    ("ref-missing-file", _lines({"file": "corpora/nowhere.txt", "sent_start": 0,
                                 "sent_end": 10, "start": 0, "end": 3, "label": "neutral"}),
     "not found under", 1),
    ("ref-escapes-shared", _lines({"file": "../../etc/passwd", "sent_start": 0,
                                   "sent_end": 10, "start": 0, "end": 3, "label": "neutral"}),
     "inside the shared folder", 1),
    ("ref-text-offsets", _lines({"file": "x.txt", "sent_start": "0", "sent_end": 10,
                                 "start": 0, "end": 3, "label": "neutral"}),
     "sent_start/sent_end must be whole numbers", 1),
]


def _run(args, capsys):
    code = cli.main(args)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.mark.parametrize("name,data,words,line", BAD_FILES, ids=[c[0] for c in BAD_FILES])
@pytest.mark.parametrize("command", ["evaluate", "train"])
def test_bad_gold_file_is_one_line(tmp_path, capsys, name, data, words, line, command):
    f = tmp_path / f"{name}.jsonl"
    f.write_bytes(data)
    (tmp_path / "x.txt").write_text("Chile met Peru in Lima on Monday.", encoding="utf-8")
    out = tmp_path / "model.npz"
    args = (["evaluate", "stance", str(f), "--method", "rules", "--shared", str(tmp_path)]
            if command == "evaluate" else
            ["train-stance", str(f), "--out", str(out), "--shared", str(tmp_path)])
    code, _, err = _run(args, capsys)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newslab: error: "), err
    assert "Traceback" not in err and words in lines[0], lines[0]
    assert f.name in lines[0] or str(f) in lines[0]
    if line is not None:
        assert f"{f.name}:{line}:" in lines[0]
    assert not out.exists()


def _good(tmp_path) -> Path:
    f = tmp_path / "good.jsonl"
    f.write_bytes(_lines(GOOD, GOOD2))
    return f


@pytest.mark.parametrize("extra,words", [
    (["--C", "0"], "positive number"),
    (["--C", "-1"], "positive number"),
    (["--C", "nan"], "positive number"),
    (["--C", "inf"], "positive number"),
    (["--C", "abc"], "not a number"),
], ids=["C-0", "C-negative", "C-nan", "C-inf", "C-text"])
def test_bad_train_options(tmp_path, capsys, extra, words):
    out = tmp_path / "m.npz"
    with pytest.raises(SystemExit) as e:
        cli.main(["train-stance", str(_good(tmp_path)), "--out", str(out), *extra])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and not out.exists()


def test_out_is_a_folder(tmp_path, capsys):
    code, _, err = _run(["train-stance", str(_good(tmp_path)), "--out", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err and len(err.strip().splitlines()) == 1


def test_one_label_only(tmp_path, capsys):
    f = tmp_path / "one.jsonl"
    f.write_bytes(_lines(GOOD, _with(text="Chile thanked Peru.", start=14, end=18)))
    code, _, err = _run(["train-stance", str(f), "--out", str(tmp_path / "m.npz")], capsys)
    assert code == 2 and "two different labels" in err


@pytest.mark.parametrize("args,words", [
    (["--model", "{missing}"], "not found"),
    (["--model", "{folder}"], "is a folder"),
    (["--model", "{good}"], "not a newslab stance model"),
    (["--method", "sentence", "--model", "{npz}"], "goes with --method trained"),
    (["--split", "test"], "no split column"),
], ids=["model-missing", "model-folder", "model-is-gold", "model-with-sentence",
        "split-without-column"])
def test_bad_evaluate_options(tmp_path, capsys, args, words):
    good = _good(tmp_path)
    npz = tmp_path / "m.npz"
    assert cli.main(["train-stance", str(good), "--out", str(npz)]) == 0
    capsys.readouterr()
    sub = {"missing": str(tmp_path / "nope.npz"), "folder": str(tmp_path), "good": str(good),
           "npz": str(npz)}
    args = [a.format(**sub) for a in args]
    code, _, err = _run(["evaluate", "stance", str(good), *args], capsys)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err


def test_gold_path_is_a_folder_or_missing(tmp_path, capsys):
    for p in (tmp_path, tmp_path / "none.jsonl"):
        code, _, err = _run(["evaluate", "stance", str(p)], capsys)
        assert code == 2 and len(err.strip().splitlines()) == 1


def test_through_the_real_command(tmp_path):
    """The installed entry point, in a fresh process: no traceback on a bare number."""
    f = tmp_path / "n.jsonl"
    f.write_text("7\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "newslab.cli", "evaluate", "stance", str(f)],
                       capture_output=True, text=True, cwd=ROOT,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 2 and r.stderr.startswith("newslab: error: n.jsonl:1:")
    assert "Traceback" not in r.stderr
