"""``newslab analyze`` at scale: Parquet parts, identical results whatever --jobs, resume,
bad files and failing batches accounted for, corpus stages, CSV threshold."""

import json

import numpy as np
import pandas as pd
import pytest

from newslab.cli import main
from newslab.errors import NewslabError, NewslabWarning
from newslab.pipeline import DEFAULT_STAGES, Stage, analyze, read_table, stage_named

from .conftest import SEEDS

#: Test controls for in-process runs (jobs=1): fail or interrupt on an article, log batches.
CONTROL: dict = {}


def flag_stage(tables):
    """A batch stage for the tests: per article, its token count, a text column that is all
    missing in some batches and an integer column with gaps in others."""
    a = tables["articles"]
    ids = a["article_id"].tolist()
    if CONTROL.get("interrupt_on") in ids:
        raise KeyboardInterrupt
    if CONTROL.get("fail_on") in ids:
        raise ValueError("boom")
    if "log" in CONTROL:
        CONTROL["log"].append(ids[0])
    n = tables["tokens"].groupby("article_id", sort=False).size()
    k = np.array([int(i[1:]) if i[1:].isdigit() else 0 for i in ids])
    return {"flags": pd.DataFrame({
        "article_id": a["article_id"].to_numpy(),
        "n_tokens": a["article_id"].map(n).fillna(0).astype("int64").to_numpy(),
        "note": pd.Series(["first half" if x % 8 < 4 else None for x in k], dtype=object),
        "score": pd.Series([int(x) if x % 16 < 8 else None for x in k]),  # int64 or null
    })}


def corpus_stage(tables):
    """A corpus stage for the tests: tokens per outlet over the whole corpus."""
    t = tables["tokens"].merge(tables["articles"][["article_id", "outlet"]], on="article_id")
    return {"outlet_tokens": t.groupby("outlet").size().rename("n").reset_index()}


#: The core stages and one cheap batch stage: what most tests here run (the real stages
#: are tested in their own files).
CORE_STAGES = (stage_named("sentences"), stage_named("tokens"))
FLAGS = Stage("flags", flag_stage, needs={"articles": None, "tokens": None},
              produces=("flags",))
TEST_STAGES = (*CORE_STAGES, FLAGS)
OUTLET_TOKENS = Stage("outlet_tokens", corpus_stage, kind="corpus",
                      needs={"articles": None, "tokens": None}, produces=("outlet_tokens",))


def run(path, out, **kw):
    """analyze with the test stages (unless others are given)."""
    kw.setdefault("stages", TEST_STAGES)
    kw.setdefault("quiet", True)
    return analyze(path, out, **kw)


def make_corpus(folder, n=22, *, bad=True):
    """``n`` articles made from the seed's paragraphs (rotated, so texts differ), as JSON
    Lines, plus (with ``bad``) a binary file, a broken JSON line and a bad Parquet file."""
    seed = (SEEDS / "000_03c2884dc4598a19.txt").read_text().split("\n")
    paras = [p for p in seed[3:] if p.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for k in range(n):
        r = k % len(paras)
        body = paras[r:] + paras[:r]
        rows.append({"id": f"a{k:03d}", "title": f"Story {k}",
                     "date": f"2021-11-{1 + k % 28:02d}",
                     "url": f"https://www.outlet{k % 3}.com/{k}",
                     "text": "\n\n".join(body[:3 + k % 5])})
    half = n // 2
    with open(folder / "a.jsonl", "w") as fh:
        for r in rows[:half]:
            fh.write(json.dumps(r) + "\n")
        if bad:
            fh.write("{broken json\n")
    with open(folder / "b.jsonl", "w") as fh:
        for r in rows[half:]:
            fh.write(json.dumps(r) + "\n")
    n_bad = 0
    if bad:
        (folder / "c.txt").write_bytes(b"\x00\x01\x02 binary junk" * 10)
        (folder / "d.parquet").write_bytes(b"PAR1 not really parquet")
        n_bad = 3
    return n, n_bad


def all_tables(out):
    info = json.loads((out / "_run.json").read_text())
    return {name: read_table(out, name) for name in info["tables"]}


def assert_same_tables(a, b):
    assert list(a) == list(b)
    for name in a:
        x, y = a[name], b[name]
        if name != "skipped":
            keys = [c for c in ("article_id", "sentence_id", "token_id") if c in x.columns]
            x = x.sort_values(keys, kind="mergesort").reset_index(drop=True)
            y = y.sort_values(keys, kind="mergesort").reset_index(drop=True)
        pd.testing.assert_frame_equal(x, y, check_like=False, obj=name)


@pytest.fixture(autouse=True)
def with_test_stage():
    """Clears the test controls around each test."""
    CONTROL.clear()
    yield
    CONTROL.clear()


def test_seeds_parquet_and_csv(tmp_path):
    res = analyze(SEEDS, tmp_path, quiet=True)
    stage_tables = set(res.counts) - {"articles", "skipped", "sentences", "tokens"}
    assert stage_tables >= {t for s in DEFAULT_STAGES for t in s.produces} - {
        "articles", "skipped", "sentences", "tokens"}, stage_tables
    for name in stage_tables:
        assert (tmp_path / f"{name}.csv").is_file()
        assert len(pd.read_parquet(tmp_path / name)) == res.counts[name]
    assert res.counts["articles"] == 1 and res.counts["sentences"] == 33
    for name in ("articles", "skipped", "sentences", "tokens"):
        assert (tmp_path / name / "part-00000.parquet").is_file()
        assert (tmp_path / f"{name}.csv").is_file()
    toks = pd.read_parquet(tmp_path / "tokens")
    assert len(toks) == res.counts["tokens"]
    csv = pd.read_csv(tmp_path / "tokens.csv", keep_default_na=False)
    assert csv["token"].tolist() == toks["token"].tolist()
    arts = pd.read_parquet(tmp_path / "articles")
    assert list(arts["paragraphs"].iloc[0]) == arts["text"].iloc[0].split("\n")
    assert "paragraphs" not in pd.read_csv(tmp_path / "articles.csv").columns
    pd.testing.assert_frame_equal(res.tables["sentences"], pd.read_parquet(tmp_path / "sentences"))
    import gc
    assert gc.get_freeze_count() == 0        # the corpus phase's freeze is undone


@pytest.mark.slow
def test_same_results_whatever_jobs(tmp_path, with_test_stage):
    n, n_bad = make_corpus(tmp_path / "c")
    one = run(tmp_path / "c", tmp_path / "o1", jobs=1, batch_size=4, quiet=True)
    two = run(tmp_path / "c", tmp_path / "o2", jobs=2, batch_size=4, quiet=True)
    assert one.n_batches == two.n_batches == 6
    t1, t2 = all_tables(tmp_path / "o1"), all_tables(tmp_path / "o2")
    assert list(t1) == ["articles", "skipped", "sentences", "tokens", "flags"]
    assert_same_tables(t1, t2)
    # row order too: parts are numbered in input order
    assert t1["articles"]["article_id"].tolist() == [f"a{k:03d}" for k in range(n)]
    # a different batch size changes nothing either
    big = run(tmp_path / "c", tmp_path / "o3", jobs=1, batch_size=100, quiet=True)
    assert big.n_batches == 1
    assert_same_tables(t1, all_tables(tmp_path / "o3"))
    # every input accounted for
    assert len(t1["articles"]) + len(t1["skipped"]) == n + n_bad
    # the same as the in-memory tokenizer on the same articles
    from newslab import load_articles, sentences, tokens
    arts = load_articles(tmp_path / "c", verbose=False)
    pd.testing.assert_frame_equal(t1["tokens"], tokens(sentences(arts)))


def test_worker_pools_are_recycled_with_the_same_results(tmp_path, monkeypatch):
    """The process engine replaces its pool every RECYCLE_BATCHES batches (the workers'
    memory goes back to the system); the tables are the same as with one pool."""
    from newslab.pipeline import engines
    n, _ = make_corpus(tmp_path / "c")
    one = run(tmp_path / "c", tmp_path / "o1", jobs=2, batch_size=4)
    pools = []
    start = engines.ProcessEngine._start

    def counted(self):
        start(self)
        pools.append(self.pool)
    monkeypatch.setattr(engines, "RECYCLE_BATCHES", 1)   # per worker: 2 batches a pool
    monkeypatch.setattr(engines.ProcessEngine, "_start", counted)
    two = run(tmp_path / "c", tmp_path / "o2", jobs=2, batch_size=4)
    assert one.n_batches == two.n_batches == 6
    assert len(pools) == 3 and len(set(map(id, pools))) == 3   # 2 batches per pool
    assert_same_tables(all_tables(tmp_path / "o1"), all_tables(tmp_path / "o2"))
    assert two.counts == one.counts


def test_parts_share_one_schema(tmp_path, with_test_stage):
    make_corpus(tmp_path / "c", bad=False)
    run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, quiet=True)
    import pyarrow.parquet as pq
    files = sorted((tmp_path / "o" / "flags").glob("part-*.parquet"))
    schemas = {str(pq.read_schema(f).remove_metadata()) for f in files}
    assert len(schemas) == 1, schemas
    flags = pd.read_parquet(tmp_path / "o" / "flags")
    assert flags["note"].isna().sum() == 10 and flags["note"].notna().sum() == 12
    assert flags["score"].dtype == "float64" and flags["score"].isna().sum() == 8
    skipped = pd.read_parquet(tmp_path / "o" / "skipped")
    assert skipped.empty and list(skipped.columns) == ["path", "line", "reason"]


def test_bad_files_are_skipped_with_reasons(tmp_path, with_test_stage):
    n, n_bad = make_corpus(tmp_path / "c")
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=5, quiet=True)
    sk = read_table(tmp_path / "o", "skipped")
    assert len(sk) == n_bad == res.counts["skipped"]
    why = {p.rsplit("/", 1)[-1]: r for p, r in zip(sk["path"], sk["reason"])}
    assert why["c.txt"].startswith("binary file")
    assert why["a.jsonl"].startswith("invalid JSON")
    assert why["d.parquet"].startswith("not a readable Parquet file")
    assert sk.loc[sk["path"].str.endswith("a.jsonl"), "line"].tolist() == [n // 2 + 1]
    assert res.counts["articles"] + res.counts["skipped"] == n + n_bad


def test_failing_batch_is_skipped_and_run_goes_on(tmp_path, with_test_stage):
    n, n_bad = make_corpus(tmp_path / "c")
    CONTROL["fail_on"] = "a005"  # in the second batch of 4
    with pytest.warns(NewslabWarning, match=r"batch 1 \(4 articles\) failed"):
        res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, quiet=False)
    arts = read_table(tmp_path / "o", "articles")
    assert "a005" not in set(arts["article_id"]) and len(arts) == n - 4
    sk = read_table(tmp_path / "o", "skipped")
    failed = sk[sk["reason"].str.contains("ValueError: boom")]
    assert len(failed) == 4 and failed["line"].tolist() == [5, 6, 7, 8]
    assert res.counts["articles"] + res.counts["skipped"] == n + n_bad
    assert len(read_table(tmp_path / "o", "flags")) == n - 4
    # once the cause is fixed, --resume tries the failed batch again, and only that one
    CONTROL.clear()
    CONTROL["log"] = []
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, resume=True,
                  quiet=True)
    assert CONTROL["log"] == ["a004"]
    assert res.counts["articles"] == n and res.counts["skipped"] == n_bad
    assert len(read_table(tmp_path / "o", "flags")) == n


def test_resume_redoes_only_unfinished_batches(tmp_path, with_test_stage):
    n, n_bad = make_corpus(tmp_path / "c")
    out = tmp_path / "o"
    CONTROL["interrupt_on"] = "a013"  # batch 3 of 4-article batches
    with pytest.raises(KeyboardInterrupt):
        run(tmp_path / "c", out, jobs=1, batch_size=4, quiet=True)
    lines = [json.loads(x) for x in (out / "_manifest.jsonl").read_text().split("\n") if x]
    assert [e["batch"] for e in lines if "rows" in e] == [0, 1, 2]
    assert [e["batch"] for e in lines if "start" in e] == [0, 1, 2, 3]  # 3 never finished
    CONTROL.clear()
    CONTROL["log"] = []
    res = run(tmp_path / "c", out, jobs=1, batch_size=4, resume=True, quiet=True)
    assert CONTROL["log"] == ["a012", "a016", "a020"]  # batches 3, 4, 5 only
    assert res.n_batches_resumed == 3 and res.n_batches == 6
    # interrupted again while re-reading: nothing finished before is forgotten
    man = [json.loads(x)["batch"] for x in (out / "_manifest.jsonl").read_text().splitlines()
           if "rows" in json.loads(x)]
    assert sorted(set(man)) == [0, 1, 2, 3, 4, 5]
    assert res.counts["articles"] + res.counts["skipped"] == n + n_bad
    CONTROL["log"] = []
    run(tmp_path / "c", tmp_path / "fresh", jobs=1, batch_size=4, quiet=True)
    assert_same_tables(all_tables(out), all_tables(tmp_path / "fresh"))
    # a finished run resumes to itself without redoing anything
    CONTROL["log"] = []
    run(tmp_path / "c", out, jobs=1, batch_size=4, resume=True, quiet=True)
    assert CONTROL["log"] == []
    # a changed input file is redone from its first changed batch on
    with open(tmp_path / "c" / "b.jsonl", "a") as fh:
        fh.write(json.dumps({"id": "a999", "text": "A late addition about Ukraine."}) + "\n")
    res = run(tmp_path / "c", out, jobs=1, batch_size=4, resume=True, quiet=True)
    assert CONTROL["log"] == ["a020"]
    assert res.counts["articles"] == n + 1


def test_resume_with_other_options_is_refused(tmp_path, with_test_stage):
    make_corpus(tmp_path / "c", bad=False)
    run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, quiet=True)
    with pytest.raises(NewslabError, match="other options .*batch_size"):
        run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=5, resume=True, quiet=True)


def test_rerun_without_resume_starts_clean(tmp_path, with_test_stage):
    make_corpus(tmp_path / "c", n=30, bad=False)
    run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, quiet=True)
    assert (tmp_path / "o" / "tokens" / "part-00007.parquet").exists()
    make_corpus(tmp_path / "c2", n=9, bad=False)
    res = run(tmp_path / "c2", tmp_path / "o", jobs=1, batch_size=4, quiet=True)
    assert sorted(f.name for f in (tmp_path / "o" / "tokens").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert len(pd.read_parquet(tmp_path / "o" / "articles")) == 9 == res.counts["articles"]


def test_corpus_stages_run_below_limit_and_are_skipped_above(tmp_path, with_test_stage):
    stages = (*TEST_STAGES, OUTLET_TOKENS)
    n, _ = make_corpus(tmp_path / "c", bad=False)
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, stages=stages)
    ot = read_table(tmp_path / "o", "outlet_tokens")
    assert ot["n"].sum() == res.counts["tokens"] and len(ot) == 3
    assert (tmp_path / "o" / "outlet_tokens.csv").is_file()
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, stages=stages,
              corpus_max_articles=n - 1)
    assert not (tmp_path / "o" / "outlet_tokens").exists()
    assert "outlet_tokens" not in res.tables
    assert any("corpus-level stage 'outlet_tokens' not run" in x for x in res.notes)
    assert "corpus-level stage 'outlet_tokens' not run" in res.summary()
    assert not (tmp_path / "o" / "outlet_tokens.csv").exists()


def test_corpus_stage_own_limit_and_columns(tmp_path, with_test_stage):
    seen = {}

    def light(tables):
        seen.update({k: list(v.columns) for k, v in tables.items()})
        f = tables["flags"]
        return {"flag_totals": pd.DataFrame({"n_tokens": [int(f["n_tokens"].sum())]})}

    stages = (*TEST_STAGES, Stage("light", light, kind="corpus",
                                  needs={"flags": ["article_id", "n_tokens"], "articles": None},
                                  produces=("flag_totals",), max_articles=10**9))
    make_corpus(tmp_path / "c", bad=False)
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, stages=stages)
    assert res.notes == []
    assert seen["flags"] == ["article_id", "n_tokens"] and "text" in seen["articles"]
    assert set(seen) == {"flags", "articles"}
    assert read_table(tmp_path / "o", "flag_totals")["n_tokens"].item() == res.counts["tokens"]
    # the user's limit overrides the stage's
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, stages=stages,
              corpus_max_articles=5)
    assert res.notes == ["corpus-level stage 'light' not run: 22 articles is above the "
                         "limit of 5 set by --corpus-max-articles"]
    assert "flag_totals" not in res.tables
    # a stage's own limit
    small = tuple(s if s.name != "light" else Stage("light", light, kind="corpus",
                                                      needs=s.needs, produces=s.produces,
                                                      max_articles=5) for s in stages)
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, stages=small)
    assert res.notes == ["corpus-level stage 'light' not run: 22 articles is above its "
                         "in-memory limit of 5 (--corpus-max-articles to change it)"]


def test_csv_only_for_small_corpora(tmp_path):
    make_corpus(tmp_path / "c", bad=False)
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, quiet=True, csv_max_articles=10)
    assert not list((tmp_path / "o").glob("*.csv"))
    assert res.counts["articles"] == len(pd.read_parquet(tmp_path / "o" / "articles"))
    run(tmp_path / "c", tmp_path / "o", jobs=1, quiet=True, csv=True, csv_max_articles=10)
    assert len(pd.read_csv(tmp_path / "o" / "articles.csv")) == res.counts["articles"]


def test_stages_option(tmp_path, with_test_stage):
    res = run(SEEDS, tmp_path / "o", jobs=1, only="tokens")
    assert "flags" not in res.tables and "tokens" in res.tables
    res = run(SEEDS, tmp_path / "o", jobs=1, only="flags")
    assert len(res.tables["flags"]) == 1
    with pytest.raises(NewslabError, match="unknown stage"):
        run(SEEDS, tmp_path / "o", only="nope")
    with pytest.raises(NewslabError, match="at least one stage"):
        run(SEEDS, tmp_path / "o", only="")
    # the stages a named stage needs run too
    res = analyze(SEEDS, tmp_path / "o2", jobs=1, only="stance", quiet=True)
    assert {"mentions", "stance", "article_stance"} <= set(res.tables)
    assert "keywords" not in res.tables and "sentence_sentiment" not in res.tables


@pytest.mark.slow
def test_quiet_run_prints_nothing(tmp_path, capsys):
    make_corpus(tmp_path / "c", bad=False)
    assert main(["analyze", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--jobs", "2",
                 "--batch-size", "5", "--quiet"]) == 0
    cap = capsys.readouterr()
    assert cap.out == "" and cap.err == ""
    assert main(["analyze", str(tmp_path / "c"), "--out", str(tmp_path / "o"),
                 "--batch-size", "5", "--resume"]) == 0  # not a terminal: a summary, no progress bar
    cap = capsys.readouterr()
    assert cap.out.startswith("newslab analyze: 22 articles") and cap.err == ""


@pytest.mark.parametrize("argv, message", [
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--stages", "nope"], "unknown stage(s): nope"),
    (["--batch-size", "0"], "batch size must be at least 1"),
])
def test_cli_usage_errors(tmp_path, capsys, argv, message):
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "o"), *argv]) == 2
    assert message in capsys.readouterr().err


def test_large_files_are_streamed_with_the_same_result(tmp_path, monkeypatch):
    """Every file is read in pieces: pieces of 3 rows give the same articles, same skips."""
    from newslab.load import batcher as load_batches
    n, _ = make_corpus(tmp_path / "c")
    rows = [json.loads(x) for x in (tmp_path / "c" / "b.jsonl").read_text().splitlines()]
    pd.DataFrame(rows).to_csv(tmp_path / "c" / "e.csv", index=False)
    pd.DataFrame(rows).assign(id=lambda d: d["id"] + "p").to_parquet(tmp_path / "c" / "f.parquet")
    (tmp_path / "c" / "g.csv").write_text("title,body\nT,Some text.\nbad,row,here\n")
    whole = run(tmp_path / "c", tmp_path / "o1", jobs=1, batch_size=7, quiet=True)
    monkeypatch.setattr(load_batches, "CHUNK_ROWS", 3)
    streamed = run(tmp_path / "c", tmp_path / "o2", jobs=1, batch_size=7, quiet=True)
    assert streamed.counts == whole.counts
    assert_same_tables(all_tables(tmp_path / "o1"), all_tables(tmp_path / "o2"))
    sk = read_table(tmp_path / "o2", "skipped")
    assert "3 fields where the header has 2" in set(sk["reason"])


def test_by_and_duplicates_reach_the_stages_that_declare_them(tmp_path):
    """The stage list decides: attention and tone take by/duplicates, and a --by breakdown
    comes out as <table>_by_<key> with the key first."""
    from newslab import schema
    from newslab.pipeline.stages import ATTENTION, TONE
    stages = (*CORE_STAGES, stage_named("mentions"), stage_named("sentiment"), ATTENTION, TONE)
    make_corpus(tmp_path / "c", bad=False)
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4, stages=stages,
              by=["outlet", "month"])
    for t in ("attention_by_outlet", "tone_by_outlet", "attention_by_month", "tone_by_month"):
        df = res.tables[t]
        assert list(df.columns) == schema.columns(t), t
    assert set(res.tables["tone_by_outlet"]["outlet"]) == {"outlet0.com", "outlet1.com",
                                                         "outlet2.com"}
    assert res.tables["tone_by_month"]["n_articles"].sum() == 22
    assert "by outlet: attention_by_outlet" in res.report()
    # an option no stage takes is refused before anything is written
    with pytest.raises(NewslabError, match="--by: none of the stages"):
        run(tmp_path / "c", tmp_path / "o2", by="outlet")
    assert not (tmp_path / "o2").exists()
    # a --by key the articles do not have: refused from the first batch, nothing written
    with pytest.raises(NewslabError, match="no column 'section'"):
        run(tmp_path / "c", tmp_path / "o3", stages=stages, by="section")
    assert not (tmp_path / "o3").exists()


def test_sql_over_the_parts_out_of_core(tmp_path):
    """Tables.sql: DuckDB over the part files gives what pandas gives, and reads no other
    file in a table's folder."""
    pytest.importorskip("duckdb")
    make_corpus(tmp_path / "c", bad=False)
    res = run(tmp_path / "c", tmp_path / "o", jobs=1, batch_size=4)
    (tmp_path / "o" / "flags" / "notes.parquet").write_bytes(b"not ours, not parquet")
    got = res.tables.sql("SELECT article_id, n_tokens FROM flags ORDER BY article_id")
    want = read_table(tmp_path / "o", "flags")[["article_id", "n_tokens"]]
    pd.testing.assert_frame_equal(got, want.sort_values("article_id").reset_index(drop=True),
                                  check_dtype=False)
    n = res.tables.sql("SELECT count(*) AS n FROM tokens WHERE article_id = ?", ["a003"])
    assert n["n"].item() == int((read_table(tmp_path / "o", "tokens")["article_id"] == "a003")
                                .sum())


@pytest.mark.parametrize("first, later", [([1, 2], ["x", "y"]), ([True, False], ["a", 3]),
                                          ([1.5, 2.5], ["n/a", "7"])])
def test_a_column_of_numbers_then_of_text_becomes_text(tmp_path, first, later):
    """An extra metadata column typed differently by two batches (a messy export) is written
    as text in every part instead of failing the run."""
    c = tmp_path / "c"
    c.mkdir()
    rows = [{"id": f"a{i}", "issue": v, "text": f"Story {i} about Chile."}
            for i, v in enumerate(first + later)]
    (c / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    res = run(c, tmp_path / "o", jobs=1, batch_size=2, only="tokens")
    arts = read_table(tmp_path / "o", "articles")
    assert res.counts["articles"] == 4
    if "issue" in arts.columns:
        assert arts["issue"].tolist() == [str(v) for v in first + later]


def test_whole_text_reaches_the_sentiment_stage(tmp_path):
    from newslab import sentences
    from newslab.load import load_articles
    from newslab.sentiment import sentiment_stage
    res = analyze(SEEDS, write=False, only="sentiment", whole_text=True)
    sents = sentences(load_articles(SEEDS, verbose=False))
    want = sentiment_stage({"sentences": sents}, whole_text=True)["paragraph_sentiment"]
    pd.testing.assert_frame_equal(res.tables["paragraph_sentiment"], want)
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "x"), "--stages", "tokens",
                 "--whole-text"]) == 2  # no stage of that run takes it
    assert not (tmp_path / "x").exists()


def test_bench_progress_counts_each_finished_batch_once(tmp_path):
    """bench_pipeline's progress line: a batch written twice (tried again, resumed) or only
    started is not counted twice or at all."""
    import importlib.util

    from .conftest import ROOT
    spec = importlib.util.spec_from_file_location("bench_pipeline",
                                                  ROOT / "benchmarks" / "bench_pipeline.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    lines = [{"batch": 0, "start": "x", "files": []}, {"batch": 0, "rows": {"articles": 2}},
             {"batch": 1, "start": "y", "files": []},
             {"batch": 1, "rows": {"skipped": 2}, "failed": "boom"},
             {"batch": 1, "rows": {"articles": 2}}, {"batch": 2, "start": "z", "files": []}]
    (tmp_path / "_manifest.jsonl").write_text(
        "".join(json.dumps(x) + "\n" for x in lines) + '{"batch": 3, "ro')
    assert bench.finished_batches(tmp_path) == 2
    assert bench.finished_batches(tmp_path / "missing") == 0
    assert bench.NEWSLAB[1] == "-P"              # the current folder kept off sys.path


def test_the_forkserver_warm_up_runs_every_batch_stage_on_its_article(monkeypatch):
    """newslab.pipeline.warm (what the workers' forkserver preloads) runs the built-in batch
    stages on its made-up article without an error (it swallows errors when preloaded, so
    a broken warm-up would only show as slower workers), and the engine preloads it."""
    import multiprocessing as mp

    from newslab.pipeline import batches, engines, warm
    made = {}
    real = batches.process_batch

    def spy(articles, stages, options=None):
        out = real(articles, stages, options)
        made.update({k: len(v) for k, v in out.items()})
        return out
    monkeypatch.setattr(batches, "process_batch", spy)
    warm.warm(strict=True)
    want = [t for s in DEFAULT_STAGES if s.kind == "batch" for t in s.produces]
    assert made["articles"] == 1 and all(made.get(t, 0) > 0 for t in want), made
    if "forkserver" in mp.get_all_start_methods():
        preload = []
        monkeypatch.setattr(mp.get_context("forkserver"), "set_forkserver_preload",
                            preload.extend)
        from multiprocessing import forkserver
        monkeypatch.setattr(forkserver, "ensure_running", lambda: None)
        engines.start_forkserver([s for s in DEFAULT_STAGES if s.kind == "batch"])
        assert preload[-1] == "newslab.pipeline.warm" and "newslab.pipeline" in preload


def test_a_plain_import_of_the_warm_up_module_runs_no_pipeline(monkeypatch):
    """Documentation tools and ``pkgutil.walk_packages`` import every module: importing
    newslab.pipeline.warm outside newslab's forkserver runs no batch."""
    import importlib
    import sys

    from newslab.pipeline import batches, warm
    calls = []
    monkeypatch.setattr(batches, "process_batch", lambda *a, **k: calls.append(a) or {})
    monkeypatch.delenv(warm.FORKSERVER_ENV, raising=False)
    monkeypatch.delitem(sys.modules, "newslab.pipeline.warm")
    again = importlib.import_module("newslab.pipeline.warm")
    assert again is not warm and calls == [] and not again.WARMED


_SERVER_SCRIPT = '''
import multiprocessing as mp, os, signal, sys, time
from multiprocessing import forkserver


def check(q):
    import newslab.pipeline.warm as w
    q.put((w.WARMED, os.environ.get(w.FORKSERVER_ENV),
           signal.getsignal(signal.SIGINT) is signal.default_int_handler))


if __name__ == "__main__":
    from newslab.pipeline import DEFAULT_STAGES, engines
    engines.start_forkserver([s for s in DEFAULT_STAGES if s.kind == "batch"])
    assert engines.os.environ.get("_NEWSLAB_WARM_FORKSERVER") is None
    time.sleep(0.3)                       # the server is importing its preloaded modules
    os.kill(forkserver._forkserver._forkserver_pid, signal.SIGINT)
    ctx = mp.get_context("forkserver")
    q = ctx.SimpleQueue()
    p = ctx.Process(target=check, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
'''


def test_ctrl_c_while_the_forkserver_starts_gives_no_traceback_and_it_still_warms(tmp_path):
    """A Ctrl-C (SIGINT to the server) while the forkserver imports and warms up leaves
    it quiet (no traceback) and working; the warm-up ran in it, workers forked from it
    see no trace of newslab's environment flag and have Python's own Ctrl-C handler."""
    import multiprocessing as mp
    import subprocess
    import sys
    if "forkserver" not in mp.get_all_start_methods():
        pytest.skip("needs a forkserver")
    script = tmp_path / "server.py"
    script.write_text(_SERVER_SCRIPT, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                       timeout=300, cwd=tmp_path)
    assert "Traceback" not in r.stderr and "KeyboardInterrupt" not in r.stderr, r.stderr
    assert r.stdout.split() == ["(True,", "None,", "True)", "0"], (r.stdout, r.stderr)


def test_the_forkserver_starts_only_when_a_batch_is_to_run(tmp_path, monkeypatch):
    """newslab's (interpreter-global) forkserver starts with the first batch a run does:
    not for a run refused while its input is checked (an unknown --by key), nor for a
    resume with every batch done; and only for what ``engines.preloads`` says."""
    from newslab.pipeline import engines
    started = []
    monkeypatch.setattr(engines, "start_forkserver", lambda stages: started.append(1))
    monkeypatch.setattr(engines, "PRESTART_BYTES", 0)
    c = tmp_path / "c"
    make_corpus(c, n=12, bad=False)
    kw = dict(jobs=2, batch_size=4, stages="sentences", quiet=True)
    with pytest.raises(NewslabError):
        analyze(c, tmp_path / "bad", by="no_such_key", **kw)
    assert started == []
    first = analyze(c, tmp_path / "o", **kw)
    assert started == [1] and first.n_batches > 2
    again = analyze(c, tmp_path / "o", resume=True, **kw)
    assert started == [1] and again.n_batches_resumed == first.n_batches
    monkeypatch.setattr(engines, "preloads", lambda plan: False)
    analyze(c, tmp_path / "p", **kw)
    assert started == [1]
    assert_same_tables(all_tables(tmp_path / "p"), all_tables(tmp_path / "o"))


def test_a_side_stage_that_uses_workers_is_refused_where_it_is_declared():
    """side=True is for a corpus stage without workers: a stage with both (or a batch
    stage with side) is refused when its row is made, not skipped at run time."""
    def fn(tables):
        return {}
    with pytest.raises(ValueError, match="side=True"):
        Stage("both", fn, kind="corpus", side=True, workers=True)
    with pytest.raises(ValueError, match="side=True"):
        Stage("batch_side", fn, kind="batch", side=True)
    assert Stage("ok", fn, kind="corpus", side=True).side
    assert all(not (s.side and s.workers) for s in DEFAULT_STAGES)
