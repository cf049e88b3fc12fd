"""Robustness, CLI misuse: every bad argument is one line ``newslab: error: ...``, exit 2,
no traceback, and it is found before anything is written (the ``--out`` folder is not even
created)."""

import subprocess
import sys

import pytest

from newslab.cli import main
from newslab.errors import NewslabError
from newslab.pipeline import Stage, analyze, make_plan, stage_named
from newslab.pipeline.stages import ATTENTION, TONE

from ..conftest import ROOT, SEEDS
from ..test_pipeline import TEST_STAGES, make_corpus

#: (extra argv, part of the message): each must fail before a file is written.
BAD_ARGS = [
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--jobs", "-3"], "--jobs must be at least 1"),
    (["--batch-size", "0"], "batch size must be at least 1"),
    (["--batch-size", "-7"], "batch size must be at least 1"),
    (["--stages", ""], "--stages needs at least one stage name"),
    (["--stages", " , ,"], "--stages needs at least one stage name"),
    (["--stages", "nope"], "unknown stage(s): nope"),
    (["--stages", "tokens,Sentiment"], "unknown stage(s): Sentiment"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--column", "body"], "--column takes SOURCE=FIELD"),
    (["--corpus-max-articles", "-1"], "--corpus-max-articles must be 0 or more"),
    (["--by", "not a key"], "--by takes a column name or a period"),
    (["--by", "1month"], "--by takes a column name or a period"),
    (["--stages", "tokens", "--by", "outlet"], "--by: none of the stages run here takes it"),
    (["--stages", "tokens", "--include-duplicates"],
     "--include-duplicates: none of the stages run here takes it"),
    (["--stages", "tokens", "--stance-method", "rules"],
     "--stance-method: none of the stages run here takes it"),
    (["--stages", "tokens", "--model", "nowhere.json"],
     "--model: none of the stages run here takes it"),
    (["--stance-method", "vibes"], "--stance-method 'vibes': choose from"),
    (["--model", "nowhere.npz"], "--model: no such file: nowhere.npz"),
    (["--stance-method", "rules", "--model", "x.npz"], "--model goes with --stance-method "
                                                       "trained"),
    (["--by", "section"], "no column 'section'"),
]


@pytest.mark.parametrize("argv, message", BAD_ARGS, ids=[" ".join(a) or "empty" for a, _ in
                                                         BAD_ARGS])
def test_bad_arguments_fail_before_any_write(tmp_path, capsys, argv, message):
    out = tmp_path / "o"
    assert main(["analyze", str(SEEDS), "--out", str(out), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("newslab: error: ")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()


def test_empty_out_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["analyze", str(SEEDS), "--out", ""]) == 2
    assert "--out needs a folder name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written into the current folder


def test_out_that_is_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "f").write_text("mine")
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "f")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert (tmp_path / "f").read_text() == "mine"


def _input(kind, p):
    """A folder (or path) that holds no usable article."""
    if kind == "missing":
        return p / "missing"
    d = p / kind
    d.mkdir()
    files = {"empty-file": ("x.txt", b""), "unsupported": ("x.bin", b"\0\1"),
             "bad-jsonl": ("x.jsonl", b"{bad\n[1]\n"), "blank-csv": ("x.csv", b"title,text\n"),
             "binary-txt": ("x.txt", b"\0\1\2\3" * 50)}
    if kind in files:
        name, data = files[kind]
        (d / name).write_bytes(data)
    return d


@pytest.mark.parametrize("kind, message", [
    ("missing", "path does not exist"), ("empty-folder", "no files found"),
    ("empty-file", "no articles found"), ("unsupported", "no articles found"),
    ("bad-jsonl", "no articles found"), ("blank-csv", "no articles found"),
    ("binary-txt", "no articles found")])
def test_unusable_input_writes_nothing(tmp_path, capsys, kind, message):
    src = _input(kind, tmp_path)
    out = tmp_path / "o"
    assert main(["analyze", str(src), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("mapping", [["label=outlet"], ["hed=title", "x=nonsense"]])
def test_column_mapping_errors_before_any_write(tmp_path, capsys, mapping):
    """A mapping the loader refuses fails on the first batch, before --out exists; one it
    accepts (metadata columns, once the loader keeps them) runs."""
    c = tmp_path / "c"
    c.mkdir()
    (c / "a.csv").write_text("hed,label,story\nH,Outlet A,Some body text about Peru.\n")
    out = tmp_path / "o"
    code = main(["analyze", str(c), "--out", str(out), "--quiet", "--stages", "tokens",
                 *[x for m in mapping for x in ("--column", m)]])
    err = capsys.readouterr().err
    if code == 2:
        assert err.startswith("newslab: error: ") and len(err.strip().splitlines()) == 1
        assert not out.exists()
    else:
        assert code == 0 and (out / "articles").is_dir()


def test_by_key_checked_on_the_first_batch(tmp_path):
    stages = (*TEST_STAGES, stage_named("mentions"), ATTENTION)
    make_corpus(tmp_path / "c", n=6, bad=False)
    with pytest.raises(NewslabError, match="no column 'section'"):
        analyze(tmp_path / "c", tmp_path / "o", stages=stages, by="section", jobs=1)
    assert not (tmp_path / "o").exists()
    plan = make_plan(tmp_path / "c", tmp_path / "o", stages=stages, by=["outlet", "month"])
    assert plan.stage_options["by"] == ["outlet", "month"] and not (tmp_path / "o").exists()


def test_jobs_capped_at_the_cores(tmp_path):
    from newslab.pipeline import default_jobs
    plan = make_plan(SEEDS, tmp_path / "o", stages=TEST_STAGES, jobs=10_000)
    assert plan.jobs == default_jobs()
    assert any("--jobs 10000 is more than" in n for n in plan.notes)
    res = analyze(SEEDS, tmp_path / "o", stages=TEST_STAGES, jobs=10_000, quiet=True)
    assert any("--jobs 10000" in n for n in res.notes)


def test_a_stage_list_that_cannot_run_is_refused(tmp_path):
    broken = (stage_named("tokens"),)  # tokens needs sentences, which nothing makes
    with pytest.raises(NewslabError, match="needs the table"):
        analyze(SEEDS, tmp_path / "o", stages=broken)
    with pytest.raises(NewslabError, match="share a name"):
        analyze(SEEDS, tmp_path / "o", stages=(*TEST_STAGES, TEST_STAGES[-1]))
    assert not (tmp_path / "o").exists()


def test_an_undeclared_table_fails_the_batch_not_the_run(tmp_path):
    def sneaky(tables):
        return {"not_declared": tables["articles"][["article_id"]]}
    stages = (*TEST_STAGES, Stage("sneaky", sneaky, needs={"articles": None},
                                  produces=("declared",)))
    with pytest.warns(Warning, match="does not declare"):
        with pytest.raises(NewslabError, match="every batch failed"):
            analyze(SEEDS, tmp_path / "o", stages=stages, jobs=1)
    from newslab.pipeline import read_table
    sk = read_table(tmp_path / "o", "skipped")
    assert len(sk) == 1 and "does not declare" in sk["reason"][0]
    assert not (tmp_path / "o" / "not_declared").exists()
    import json
    assert json.loads((tmp_path / "o" / "_run.json").read_text())["status"] == "incomplete"


@pytest.mark.parametrize("argv", [
    ["analyze"], ["analyze", str(SEEDS), "--jobs", "x"], ["analyze", str(SEEDS), "--engine",
                                                           "spark"], ["nope"]])
def test_argparse_errors_exit_2_without_traceback(tmp_path, argv):
    r = subprocess.run([sys.executable, "-m", "newslab.cli", *argv], capture_output=True,
                       text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert r.returncode == 2 and "Traceback" not in r.stderr and "usage:" in r.stderr
    assert list(tmp_path.iterdir()) == []


class _Evil:
    """Unpickling this would create a file (the marker)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("name", ["model.pkl", "model.npz", "model.joblib"])
def test_a_model_file_that_would_run_code_runs_nothing(tmp_path, capsys, name):
    import pickle
    marker = tmp_path / "pwned"
    (tmp_path / name).write_bytes(pickle.dumps(_Evil(str(marker))))
    out = tmp_path / "o"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--model", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslab: error: ") and "Traceback" not in err
    assert not marker.exists() and not out.exists()
