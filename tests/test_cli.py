"""The command line: the main job, its tables, and its error messages."""

import subprocess
import sys

import pandas as pd
import pytest

from newslab.cli import main

from .conftest import SEEDS


def run_cli(*args, cwd=None):
    """Run ``newslab`` as a user would, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "newslab.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_analyze_seeds_writes_tables(tmp_path, capsys):
    out = tmp_path / "res"
    assert main(["analyze", str(SEEDS), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "newslab analyze: 1 articles" in printed
    assert f"tables written to {out}/" in printed
    for name in ("articles", "sentences", "tokens", "skipped"):
        assert (out / f"{name}.csv").is_file() or (out / name).is_dir(), name
    arts = pd.read_csv(out / "articles.csv")
    assert arts.article_id.tolist() == ["5122cf9524d50ea1"]
    sents = pd.read_csv(out / "sentences.csv")
    assert len(sents) == 33
    toks = pd.read_csv(out / "tokens.csv", keep_default_na=False)
    assert {"article_id", "sentence_id", "token_id", "token", "lower"} <= set(toks.columns)
    assert len(pd.read_csv(out / "skipped.csv")) == 0


def test_analyze_accounts_for_every_file(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text((SEEDS / "000_03c2884dc4598a19.txt").read_text())
    (corpus / "empty.txt").write_text("")
    (corpus / "rows.jsonl").write_text('{"text": "Fine."}\n{broken\n')
    out = tmp_path / "res"
    assert main(["analyze", str(corpus), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    skipped = pd.read_csv(out / "skipped.csv")
    assert sorted(skipped.reason.str.split(":").str[0]) == ["empty file", "invalid JSON"]
    row = skipped[skipped.reason.str.startswith("invalid JSON")].iloc[0]
    assert row.path.endswith("rows.jsonl") and row.line == 2
    assert len(pd.read_csv(out / "articles.csv")) == 2


def test_missing_path_is_one_line_exit_2(tmp_path):
    r = run_cli("analyze", tmp_path / "nope", "--out", tmp_path / "o")
    assert r.returncode == 2
    assert r.stderr.strip() == f"newslab: error: path does not exist: {tmp_path / 'nope'}"
    assert "Traceback" not in r.stderr


def test_no_articles_is_one_line_exit_2(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "x.txt").write_text("")
    r = run_cli("analyze", tmp_path / "c", "--out", tmp_path / "o")
    assert r.returncode == 2
    assert r.stderr.startswith("newslab: error: no articles found in")
    assert "x.txt: empty file" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_bad_column_mapping_is_one_line(tmp_path):
    r = run_cli("analyze", SEEDS, "--out", tmp_path / "o", "--column", "body")
    assert r.returncode == 2
    assert r.stderr.strip().startswith("newslab: error: --column takes SOURCE=FIELD")


def test_column_mapping(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.csv").write_text("hed,story\nH,Body text here.\n")
    r = run_cli("analyze", tmp_path / "c", "--out", tmp_path / "o", "--column", "hed=title",
                "--column", "story=text", "--quiet")
    assert r.returncode == 0, r.stderr
    assert pd.read_csv(tmp_path / "o" / "articles.csv").title.tolist() == ["H"]


def test_usage_errors_exit_2():
    r = run_cli()
    assert r.returncode == 2 and "usage: newslab" in r.stderr
    r = run_cli("evaluate")
    assert r.returncode == 2


def test_console_script_is_installed():
    r = subprocess.run([sys.executable, "-c",
                        "from importlib.metadata import entry_points as e; "
                        "print([x.value for x in e(group='console_scripts') "
                        "if x.name == 'newslab'])"], capture_output=True, text=True)
    assert "newslab.cli:main" in r.stdout


@pytest.mark.parametrize("table", ["articles", "sentences", "tokens", "skipped"])
def test_documented_columns_match(tmp_path, table):
    from newslab import schema
    from newslab.pipeline import analyze
    res = analyze(SEEDS, tmp_path, write=False, quiet=True)
    assert list(res.tables[table].columns) == schema.columns(table)


def test_analyze_ends_with_what_it_found(tmp_path, capsys):
    out = tmp_path / "res"
    assert main(["analyze", str(SEEDS), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "  dates: 2021-11-30" in printed
    assert "  outlets: 1 (nbcnews.com 1)" in printed
    line = next(x for x in printed.splitlines() if "most-mentioned countries" in x)
    assert "United States" in line and "n=" in line and "95% CI" in line
    import pandas as pd
    cs = pd.read_parquet(out / "country_stance")
    top = cs.sort_values("n_mentions", ascending=False).iloc[0]
    assert f"{top.country} {top.label} (n={top.n_mentions} mentions" in line
    assert f"next: what every column means is in {out / 'README.md'}" in printed
    assert (out / "README.md").read_text().startswith("# Data dictionary")
    assert "not run" not in printed  # nothing skipped on the seed


def test_analyze_prints_warnings_as_one_line(tmp_path, capsys):
    import warnings

    from newslab.cli import _show_warning
    from newslab.errors import NewslabWarning
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        warnings.warn("batch 3 (5 articles) failed", NewslabWarning)
    assert capsys.readouterr().err == "newslab: warning: batch 3 (5 articles) failed\n"


def test_a_closed_pipe_is_not_a_traceback(tmp_path):
    """`newslab evaluate ... | head`: the reader goes away; no traceback reaches the user."""
    import subprocess
    import sys
    gold = tmp_path / "g.jsonl"
    # every sentence wrong, every error listed: far more output than a pipe holds
    gold.write_text("".join(f'{{"text": "Russia and France met {i}.", "countries": ["USA"]}}\n'
                            for i in range(3000)))
    p = subprocess.run(f'"{sys.executable}" -m newslab.cli evaluate countries "{gold}" '
                       f'--max-errors 3000 | head -1',
                       shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr, p.stderr
