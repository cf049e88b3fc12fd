"""Robustness, security and ownership: newslab deletes only files its own records list,
only inside ``--out`` and only of the shapes it writes; user files and folders in ``--out``
stay, even named like a table; ``--out`` inside the input is never read back; two corpora
never mix in one ``--out``; CSV cells cannot run as spreadsheet formulas."""

import csv
import json
import os

import pandas as pd
import pytest

from newslab.errors import NewslabError
from newslab.pipeline import analyze, read_table

from ..test_pipeline import TEST_STAGES, make_corpus


def run(src, out, **kw):
    kw.setdefault("stages", TEST_STAGES)
    kw.setdefault("jobs", 1)
    kw.setdefault("quiet", True)
    kw.setdefault("batch_size", 4)
    return analyze(src, out, **kw)


@pytest.fixture
def victim(tmp_path):
    """Files outside --out that a run must never touch."""
    v = tmp_path / "victim"
    (v / "tokens").mkdir(parents=True)
    (v / "part-00000.parquet").write_text("precious")
    (v / "tokens" / "part-00000.parquet").write_text("precious")
    (v / "victim.csv").write_text("precious")
    (v / "README.md").write_text("precious")
    return v


def _untouched(v):
    assert (v / "part-00000.parquet").read_text() == "precious"
    assert (v / "tokens" / "part-00000.parquet").read_text() == "precious"
    assert (v / "victim.csv").read_text() == "precious"
    assert (v / "README.md").read_text() == "precious"


TAMPERED = {
    "tables-dotdot": lambda v: {"tables": ["../victim", "../victim/tokens", "..", "/"]},
    "files-dotdot": lambda v: {"files": ["../victim/part-00000.parquet", "../victim/victim.csv",
                                         "tokens/../../victim/victim.csv"]},
    "files-absolute": lambda v: {"files": [str(v / "victim.csv"), str(v / "README.md"),
                                           str(v / "tokens" / "part-00000.parquet")]},
    "files-backslash": lambda v: {"files": ["..\\victim\\victim.csv"]},
    "files-symlink": lambda v: {"files": ["link/part-00000.parquet", "link.csv"]},
    "tables-symlink": lambda v: {"tables": ["link"]},
    "dirs": lambda v: {"dirs": ["../victim", "link", str(v)], "files": []},
    "not-a-dict": lambda v: ["../victim"],
    "wrong-types": lambda v: {"files": {"a": 1}, "tables": "../victim", "dirs": 3},
}


@pytest.mark.parametrize("kind", list(TAMPERED))
@pytest.mark.parametrize("resume", [False, True], ids=["fresh", "resume"])
def test_a_tampered_run_json_deletes_nothing_outside(tmp_path, victim, kind, resume):
    make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "o"
    run(tmp_path / "c", out)
    (out / "link").symlink_to(victim, target_is_directory=True)
    os.symlink(victim / "victim.csv", out / "link.csv")
    fake = TAMPERED[kind](victim)
    if resume and isinstance(fake, dict):  # the real options, so that --resume goes ahead
        real = json.loads((out / "_run.json").read_text())
        fake = {**{k: real[k] for k in ("options", "options_hash", "source")}, **fake}
    (out / "_run.json").write_text(json.dumps(fake))
    with open(out / "_manifest.jsonl", "a") as fh:
        fh.write(json.dumps({"batch": 9, "start": "x", "files": [
            "../victim/victim.csv", str(victim / "README.md"), "link/part-00000.parquet"]}) + "\n")
    res = run(tmp_path / "c", out, resume=resume)
    _untouched(victim)
    assert (out / "link").is_symlink() and (out / "link.csv").is_symlink()
    assert res.counts["articles"] == 6


def test_a_symlinked_table_folder_is_not_written_through(tmp_path, victim):
    make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "o"
    out.mkdir()
    (out / "tokens").symlink_to(victim / "tokens", target_is_directory=True)
    with pytest.raises(NewslabError, match="holds files that newslab did not write"):
        run(tmp_path / "c", out)
    _untouched(victim)
    assert sorted(p.name for p in (victim / "tokens").iterdir()) == ["part-00000.parquet"]


USER_FILES = {
    "tokens/notes.txt": "my notes",
    "mentions/mine.parquet": "mine",
    "flags/keep.md": "keep",
    "notes/plan.txt": "plan",
    "keywords.csv": "mine,too",
    "flags.csv": "user,csv",
    "README.md": "# my own readme",
    "results.xlsx": "binary-ish",
}


@pytest.mark.parametrize("rel", list(USER_FILES))
def test_user_files_in_out_are_never_removed(tmp_path, rel):
    make_corpus(tmp_path / "c", n=6, bad=False)
    make_corpus(tmp_path / "c2", n=3, bad=False)
    out = tmp_path / "o"
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    (out / rel).write_text(USER_FILES[rel])
    res = run(tmp_path / "c", out)
    assert (out / rel).read_text() == USER_FILES[rel]
    if rel in ("flags.csv", "README.md"):
        assert any("was not written by newslab" in n for n in res.notes)
    run(tmp_path / "c", out, resume=True)
    run(tmp_path / "c2", out)  # another corpus, no resume: replaces only newslab's files
    run(tmp_path / "c2", out, only="tokens")  # fewer tables: the others' files go, not rel
    assert (out / rel).read_text() == USER_FILES[rel]
    assert not (out / "flags" / "part-00000.parquet").exists()


@pytest.mark.parametrize("table", ["tokens", "articles", "flags", "skipped"])
def test_foreign_parts_in_a_table_folder_refuse_the_run(tmp_path, table):
    make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "o"
    (out / table).mkdir(parents=True)
    (out / table / "part-00000.parquet").write_text("someone else's")
    with pytest.raises(NewslabError, match=f"{table} holds files that newslab did not write"):
        run(tmp_path / "c", out)
    assert (out / table / "part-00000.parquet").read_text() == "someone else's"
    assert sorted(p.name for p in out.iterdir()) == [table]  # nothing else written


def test_empty_user_folder_named_like_a_table_stays(tmp_path):
    make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "o"
    (out / "flags").mkdir(parents=True)
    run(tmp_path / "c", out)
    run(tmp_path / "c", out, only="tokens")  # flags no longer made: its parts go, not the folder
    assert (out / "flags").is_dir() and list((out / "flags").iterdir()) == []
    assert not (out / "flags.csv").exists()


@pytest.mark.parametrize("resume", [False, True], ids=["fresh", "resume"])
def test_out_inside_the_input_is_left_out_of_the_walk(tmp_path, resume):
    n, n_bad = make_corpus(tmp_path / "c", n=6)
    out = tmp_path / "c" / "results"
    counts = [run(tmp_path / "c", out, resume=resume).counts["articles"] for _ in range(3)]
    assert counts == [n] * 3
    assert len(read_table(out, "skipped")) == n_bad


def test_two_corpora_never_mix(tmp_path):
    make_corpus(tmp_path / "c1", n=30, bad=False)
    (tmp_path / "c2").mkdir()
    (tmp_path / "c2" / "x.jsonl").write_text(
        "".join(json.dumps({"id": f"z{i}", "text": f"Story {i} about Chile and Peru."}) + "\n"
                for i in range(5)))
    out = tmp_path / "o"
    run(tmp_path / "c1", out)
    res = run(tmp_path / "c2", out)
    run(tmp_path / "c2", tmp_path / "fresh")
    for name in res.tables:
        pd.testing.assert_frame_equal(read_table(out, name), read_table(tmp_path / "fresh",
                                                                         name), obj=name)
    assert sorted(f.name for f in (out / "tokens").iterdir()) == ["part-00000.parquet",
                                                                  "part-00001.parquet"]
    with pytest.raises(NewslabError, match="another input"):
        run(tmp_path / "c1", out, resume=True)
    assert set(read_table(out, "articles")["article_id"]) == {f"z{i}" for i in range(5)}


FORMULAS = ["=1+1", "+41", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"x\")", "-cmd|' /C calc'!A0"]


@pytest.mark.parametrize("title", FORMULAS)
def test_csv_cells_cannot_run_as_formulas(tmp_path, title):
    c = tmp_path / "c"
    c.mkdir()
    (c / "a.jsonl").write_text(json.dumps({"id": "a1", "title": title,
                                           "text": "A plain sentence about Chile."}) + "\n")
    run(c, tmp_path / "o", csv=True)
    with open(tmp_path / "o" / "articles.csv", newline="", encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "'" + title
    assert read_table(tmp_path / "o", "articles")["title"].item() == title  # Parquet exact


@pytest.mark.parametrize("cell", ["\tindent", "\rreturn", "=A1", "@x", "+x", "-x"])
def test_write_tables_is_spreadsheet_safe_too(tmp_path, cell):
    from newslab.pipeline import write_tables
    write_tables({"t": pd.DataFrame({"x": [cell]})}, tmp_path)
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as fh:
        assert next(csv.DictReader(fh))["x"] == "'" + cell
    assert read_table(tmp_path, "t")["x"].item() == cell


@pytest.mark.parametrize("cell", ["-", "+", "plain", "a=b", "", "1-2"])
def test_harmless_cells_are_written_as_they_are(cell):
    from newslab.pipeline import spreadsheet_safe
    df = spreadsheet_safe(pd.DataFrame({"x": [cell], "n": [-1]}))
    assert df["x"].item() == cell and df["n"].item() == -1


@pytest.mark.parametrize("rel", ["articles.csv", "articles/part-00000.parquet"])
def test_an_input_that_is_one_of_our_outputs_is_refused(tmp_path, rel):
    make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "o"
    run(tmp_path / "c", out, csv=True)
    before = (out / rel).read_bytes()
    with pytest.raises(NewslabError, match="is left out of the input"):
        run(out / rel, out)
    assert (out / rel).read_bytes() == before
