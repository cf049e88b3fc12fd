"""The workers' forkserver started by the command line before its heavy imports
(``newslab.prestart``), and the lighter parser of an ``analyze`` call."""

from __future__ import annotations

import pytest

from newslab import cli, prestart
from tests.conftest import python_prints


def test_the_early_preload_is_what_the_run_would_preload():
    from newslab.pipeline import DEFAULT_STAGES, engines
    batch = [s for s in DEFAULT_STAGES if s.kind == "batch"]
    assert list(prestart.DEFAULT_PRELOAD) == engines.preload_modules(batch)
    assert engines.PRESTART_BYTES == prestart.PRESTART_BYTES
    assert engines._STARTED is prestart.STARTED


def test_the_prestart_module_imports_no_other_part_of_newslab():
    code = ("import sys, newslab.prestart; "
            "print(sorted(m for m in sys.modules if m.startswith('newslab')), "
            "'pandas' in sys.modules)")
    assert python_prints(code) == "['newslab', 'newslab.errors', 'newslab.prestart'] False"


@pytest.mark.parametrize("argv,want", [
    (["analyze", "corpus", "--jobs", "2"], ("corpus", 2)),
    (["analyze", "--column", "body=text", "corpus", "-j2", "--whole-text"], ("corpus", 2)),
    (["analyze", "--by", "month", "corpus", "--out", "o"], ("corpus", None)),
])
def test_the_analyze_arguments_are_read_before_the_parser(argv, want):
    a = prestart.analyze_args(argv)
    assert (a["path"], a["jobs"]) == want


@pytest.mark.parametrize("argv", [["evaluate", "stance", "x"], ["analyze"], [],
                                  ["analyze", "c", "--jobs", "many"]])
def test_what_the_early_reader_does_not_understand_is_left_to_the_parser(argv, capsys):
    assert prestart.analyze_args(argv) is None
    assert capsys.readouterr() == ("", "")      # the real parser says what is wrong


def test_the_server_starts_early_only_where_the_run_would_start_it(tmp_path, monkeypatch):
    import multiprocessing as mp
    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("needs a forkserver")
    from multiprocessing import forkserver
    started = []
    monkeypatch.setattr(prestart, "start_server", started.append)
    monkeypatch.setattr(prestart, "cores", lambda: 2)
    monkeypatch.setattr(forkserver._forkserver, "_forkserver_pid", None)
    monkeypatch.setattr(prestart, "STARTED", [None])
    monkeypatch.setattr(prestart, "PRESTART_BYTES", 100)
    corpus = tmp_path / "c"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "one.txt").write_text("An invented line about a town.\n" * 2,
                                          encoding="utf-8")
    small = ["analyze", str(corpus), "--jobs", "2"]
    assert not prestart.maybe_start(small) and started == []   # 62 bytes: one batch
    (corpus / "a" / "two.txt").write_text("Another invented line.\n" * 5, encoding="utf-8")
    for no in (["--jobs", "1"], ["--resume"], ["--stages", "sentences"],
               ["--engine", "dask"], ["--out", str(corpus / "a")], ["--help"]):
        assert not prestart.maybe_start(["analyze", str(corpus), *no]), no
    monkeypatch.setattr(prestart, "cores", lambda: 1)
    assert not prestart.maybe_start(small)
    assert started == []
    monkeypatch.setattr(prestart, "cores", lambda: 2)
    assert prestart.maybe_start(small) and started == [prestart.DEFAULT_PRELOAD]
    assert prestart.STARTED == ["warm"]
    assert prestart.maybe_start(["analyze", str(corpus / "a" / "two.txt")])


def test_the_analyze_parser_without_the_evaluate_arguments_parses_the_same():
    argv = ["analyze", "c", "--out", "o", "--by", "month", "-j", "2", "--no-csv",
            "--column", "body=text", "--quiet"]
    full, light = cli.build_parser().parse_args(argv), \
        cli.build_parser(full=False).parse_args(argv)
    assert vars(full) == vars(light)
    assert "evaluate" in cli.build_parser(full=False).format_help()


def test_an_analyze_call_imports_no_evaluation_module():
    """The command line's ``analyze`` does not import scikit-learn's metrics for the
    ``evaluate`` parser's choices (about half a CPU-second each run)."""
    code = ("import sys; from newslab import cli; "
            "p = cli.build_parser(full=False); p.parse_args(['analyze', 'x']); "
            "print(sorted(m for m in sys.modules if m.startswith(('newslab.evaluation', "
            "'sklearn'))))")
    assert python_prints(code) == "[]"
