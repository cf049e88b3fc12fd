"""Corpus-level tables out of core: computed over the Parquet parts (a batch of whole articles
each), never over whole tables, and row for row what the whole tables give.

The corpus is written here (sentences made up for these tests), in outlet sub-folders, over
three months, with exact duplicates and clauses repeated across articles (so that evidence
ties and deduplication cross the parts)."""

import json

import numpy as np
import pandas as pd
import pytest

from newslab import stats
from newslab.keywords.stage import keywords_stage
from newslab.pipeline import analyze, read_table
from newslab.pipeline.corpus import StageTables
from newslab.stance import aggregate

#: Sentences with a country acting on another, a speaker of a country, or a plain mention.
SENTENCES = [
    "France praised Germany for its generous aid.",
    "The United States condemned Russia over the attack on the port.",
    "Chinese officials said Japan threatened regional peace.",
    "Britain welcomed the agreement with India.",
    "German Chancellor Olaf Scholz said France was a trusted partner.",
    "Russian Foreign Minister Sergei Lavrov said Ukraine had provoked the crisis.",
    "Brazil thanked Argentina for the help with the floods.",
    "Canada criticised China over the detention of two citizens.",
    "Kenya and Ethiopia signed a trade deal on Tuesday.",
    "The talks in Norway ended without an agreement.",
    "Italy praised Spain for its handling of the migrant boats.",
    "Turkey accused Greece of violating its airspace.",
]
OUTLETS = ("north-gazette", "south-times", "east-wire")


def corpus(folder, n=36):
    """``n`` articles of three to five paragraphs (JSON Lines, one file per outlet
    sub-folder); every seventh article repeats an earlier one's text (a duplicate)."""
    rows = {o: [] for o in OUTLETS}
    texts = []
    for k in range(n):
        if k % 7 == 6:
            text = texts[k - 5]
        else:
            paras = []
            for p in range(3 + k % 3):
                picks = [SENTENCES[(k * 5 + p * 3 + j) % len(SENTENCES)] for j in range(2)]
                paras.append(" ".join(picks))
            text = "\n\n".join(paras)
        texts.append(text)
        rows[OUTLETS[k % 3]].append({"id": f"art-{k:03d}", "title": f"Report {k}",
                                     "date": f"2024-{1 + k % 3:02d}-{1 + k % 27:02d}",
                                     "text": text})
    for o, rs in rows.items():
        (folder / o).mkdir(parents=True, exist_ok=True)
        with open(folder / o / "items.jsonl", "w") as fh:
            for r in rs:
                fh.write(json.dumps(r) + "\n")
    return folder


CORPUS_TABLES = ("attention", "attention_by_month", "attention_by_outlet", "tone",
                 "tone_by_month", "tone_by_outlet", "country_stance", "stance_dyads",
                 "country_stance_by_month", "stance_dyads_by_month",
                 "country_stance_by_outlet", "stance_dyads_by_outlet", "keywords",
                 "keyness_by_month", "keyness_by_outlet")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("outofcore")
    c = corpus(tmp / "c")
    written = analyze(c, tmp / "o", jobs=1, batch_size=4, by=["month", "outlet"], quiet=True)
    memory = analyze(c, None, write=False, batch_size=4, by=["month", "outlet"], quiet=True)
    return tmp / "o", written, memory


def test_every_corpus_table_is_written_in_parts_and_none_skipped(runs):
    out, res, _ = runs
    for t in CORPUS_TABLES:
        assert t in res.counts, t
    assert res.counts["country_stance"] > 5 and res.counts["stance_dyads"] > 3
    assert res.counts["keywords"] == 20 * res.counts["articles"]
    assert not [n for n in res.notes if "not run" in n or "failed" in n]
    assert len(list((out / "stance").glob("part-*.parquet"))) == 9   # 36 articles / 4


def test_out_of_core_equals_in_memory_row_for_row(runs):
    """The written run (parts streamed) and the in-memory run (each table whole, one piece)
    give the same corpus tables, row for row."""
    out, _, mem = runs
    for t in CORPUS_TABLES:
        got = read_table(out, t)
        want = mem.tables[t]
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                      check_dtype=False, obj=t)


def _old_style(stance, articles, keys, cluster="article_id", n_ev=3, speaker=False):
    """The aggregate of the whole table the direct way: per group, every row's score, the
    cluster bootstrap over its articles, the evidence lines of all its rows."""
    rows = []
    for k, g in stance.groupby(keys, sort=True):
        mean, lo, hi = stats.cluster_bootstrap(g["score"].to_numpy(float),
                                               g[cluster].to_numpy())
        # rounded as the tables round (pandas' round, numpy's: x * 10**4 rounded half to
        # even), not Python's correctly rounded round(): the two differ on a value such as
        # 0.18835 (binary 0.188349999...), which numpy rounds up and Python down
        rows.append((*k, len(g), g[cluster].nunique(), *np.round([mean, lo, hi], 4).tolist(),
                     aggregate._evidence_lines(g, n_ev, speaker=speaker)))
    return pd.DataFrame(rows, columns=[*keys, "n_mentions", "n_articles", "mean_score",
                                       "ci_low", "ci_high", "evidence"])


def test_stance_aggregates_match_a_direct_computation(runs):
    out, _, _ = runs
    stance = read_table(out, "stance")
    arts = read_table(out, "articles")
    counted = stance[stance["article_id"].isin(arts.loc[arts["duplicate_of"].isna(),
                                                        "article_id"])]
    assert len(counted) < len(stance)                # duplicates are left out
    months = pd.to_datetime(arts["date"]).dt.to_period("M").astype(str)
    with_month = counted.merge(pd.DataFrame({"article_id": arts["article_id"],
                                             "month": months}), on="article_id")
    for table, df, keys in (("country_stance", counted, ["iso3", "country"]),
                            ("country_stance_by_month", with_month,
                             ["month", "iso3", "country"])):
        got = read_table(out, table)
        want = _old_style(df, arts, keys)
        m = got.merge(want, on=keys, suffixes=("", "_want"))
        assert len(m) == len(got) == len(want), table
        for c in ("n_mentions", "n_articles", "mean_score", "ci_low", "ci_high", "evidence"):
            assert m[c].tolist() == m[f"{c}_want"].tolist(), (table, c)
    d = counted[counted["source_iso3"].notna()].rename(
        columns={"iso3": "target_iso3", "country": "target_country"})
    keys = ["source_iso3", "target_iso3", "target_country"]
    got = read_table(out, "stance_dyads")
    want = _old_style(d, arts, keys, n_ev=2, speaker=True)
    m = got.merge(want, on=keys, suffixes=("", "_want"))
    assert len(m) == len(got) == len(want)
    for c in ("n_mentions", "n_articles", "mean_score", "ci_low", "ci_high", "evidence"):
        assert m[c].tolist() == m[f"{c}_want"].tolist(), c
    dups = stance[~stance["article_id"].isin(counted["article_id"])]
    cs = read_table(out, "country_stance").set_index("iso3")
    assert cs["n_duplicates"].sum() == len(dups)


def test_stance_pieces_of_any_size_give_the_same_tables(runs):
    """Pieces of one, two or five articles, in order: the same tables as the whole."""
    out, _, _ = runs
    stance = read_table(out, "stance")
    arts = read_table(out, "articles")
    whole = aggregate.corpus_aggregates(stance, arts, by=["outlet", "month"])
    codes = pd.factorize(stance["article_id"])[0]
    for size in (1, 2, 5):
        pieces = (stance[(codes >= lo) & (codes < lo + size)]
                  for lo in range(0, codes.max() + 1, size))
        got = aggregate.corpus_aggregates(pieces, arts, by=["outlet", "month"])
        assert list(got) == list(whole)
        for t in whole:
            pd.testing.assert_frame_equal(got[t], whole[t], obj=f"{t} in pieces of {size}")


def test_attention_counts_match_a_direct_count(runs):
    out, _, _ = runs
    m = read_table(out, "mentions")
    arts = read_table(out, "articles")
    keep = set(arts.loc[arts["duplicate_of"].isna(), "article_id"])
    m = m[m["article_id"].isin(keep) & ~m["kind"].isin(["organization", "person"])]
    want = m.groupby("iso3").agg(n_articles=("article_id", "nunique"),
                                 n_mentions=("article_id", "size"))
    got = read_table(out, "attention").set_index("iso3")
    assert got["n_articles"].to_dict() == want["n_articles"].to_dict()
    assert got["n_mentions"].to_dict() == want["n_mentions"].to_dict()
    assert np.allclose(got["share_articles"], (got["n_articles"] / len(keep)).round(6))


@pytest.fixture(scope="module")
def whole_keywords(runs):
    """The keywords stage over the run's whole tokens table in memory, by outlet."""
    out, _, _ = runs
    return keywords_stage({"tokens": read_table(out, "tokens"),
                           "articles": read_table(out, "articles")}, chunk_articles=None,
                          by=["outlet"])


def test_keywords_in_input_order_equal_the_whole_table(runs, whole_keywords):
    out, _, _ = runs
    toks = read_table(out, "tokens")
    whole = whole_keywords
    got = read_table(out, "keywords")
    pd.testing.assert_frame_equal(got, whole["keywords"], check_dtype=False)
    assert list(pd.unique(got["article_id"])) == list(pd.unique(toks["article_id"]))
    pd.testing.assert_frame_equal(read_table(out, "keyness_by_outlet"),
                                  whole["keyness_by_outlet"], check_dtype=False)


def test_read_part_dictionary_columns_hold_the_plain_values(runs):
    """read_part gives the string columns named as Categoricals with the plain read's
    values (a column not a string, is_stop, stays as it is)."""
    from newslab.pipeline.tables import part_files, read_part
    out, _, _ = runs
    f = part_files(out, "tokens")[0]
    d = read_part(f, ["article_id", "lower", "is_stop"], ("article_id", "lower", "is_stop"))
    assert isinstance(d["lower"].dtype, pd.CategoricalDtype) and d["is_stop"].dtype == bool
    pd.testing.assert_frame_equal(d.astype({"article_id": object, "lower": object}),
                                  pd.read_parquet(f, columns=["article_id", "lower",
                                                              "is_stop"]))


@pytest.mark.parametrize("chunk", [3, 5, None])
def test_keywords_from_dictionary_encoded_parts_equal_the_whole_table(runs, whole_keywords,
                                                                       chunk):
    """The stage reads article_id and lower from the parts as Categoricals (codes, one
    string per distinct value): pieces cut inside a part (categories left unused), parts
    joined (categories united) or whole give the keywords and keyness of the plain
    in-memory table."""
    from newslab.pipeline import Tables
    from newslab.pipeline.corpus import whole
    from newslab.pipeline.stages import stage_named
    out, res, _ = runs
    st = stage_named("keywords")
    want = whole_keywords
    tables = StageTables(Tables(out, list(res.counts)), st.needs, {"by": ["outlet"]})
    got = {k: whole(v) for k, v in keywords_stage(tables, by=["outlet"],
                                                  chunk_articles=chunk).items()}
    for k in want:
        pd.testing.assert_frame_equal(got[k], want[k], check_dtype=False, obj=k)


@pytest.mark.parametrize("task_parts,worker_tasks,one_pass1_worker",
                         [(16, 8, False), (1, 1, False), (16, 8, True)])
def test_keywords_in_worker_processes_are_the_same(runs, monkeypatch, task_parts,
                                                   worker_tasks, one_pass1_worker):
    """The keywords stage with two worker processes (both passes over the parts in forked
    workers, counts merged) writes the same tables as with one; so it does with one part
    per task and a fresh worker for every task, and with pass 1 in one worker (a corpus
    above ``PASS1_SHARED_MAX_ARTICLES``)."""
    from newslab.keywords import stage as kw_stage
    from newslab.pipeline import Tables, corpus
    from newslab.pipeline.corpus import run_one, whole
    from newslab.pipeline.stages import stage_named
    monkeypatch.setattr(corpus, "TASK_PARTS", task_parts)
    monkeypatch.setattr(corpus, "WORKER_TASKS", worker_tasks)
    out, res, _ = runs
    n_articles = res.counts["articles"]
    if one_pass1_worker:
        monkeypatch.setattr(kw_stage, "PASS1_SHARED_MAX_ARTICLES", n_articles - 1)
    pools = []
    forked = corpus._map_forked
    monkeypatch.setattr(corpus, "_map_forked",
                        lambda fn, runs_, cols, dic, jobs: pools.append(jobs) or
                        forked(fn, runs_, cols, dic, jobs))
    tables = Tables(out, list(res.counts))
    st = stage_named("keywords")
    one = {k: whole(v) for k, v in run_one(st, tables, {"by": ["month"]}, jobs=1,
                                           n_articles=n_articles).items()}
    assert pools == []                           # jobs=1: no worker at all
    got = run_one(st, tables, {"by": ["month"]}, jobs=2, n_articles=n_articles)
    pieces = list(got["keywords"])
    assert pools == [1 if one_pass1_worker else 2, 2]    # pass 1, pass 2
    assert len(pieces) > 1                       # handed over (and written) piece by piece
    two = {**{k: whole(v) for k, v in got.items() if k != "keywords"},
           "keywords": whole(iter(pieces))}
    two = {k: two[k] for k in got}
    assert list(one) == list(two) == ["keywords", "keyness_by_month"]
    for k in one:
        pd.testing.assert_frame_equal(two[k], one[k], obj=k)
    pd.testing.assert_frame_equal(one["keywords"], read_table(out, "keywords"),
                                  check_dtype=False)


def test_keywords_pass1_runs_in_one_worker_above_its_size():
    """The rule: ``jobs`` pass-1 workers up to PASS1_SHARED_MAX_ARTICLES articles (or
    when the size is not known), one above it."""
    from newslab.keywords.stage import PASS1_SHARED_MAX_ARTICLES as lim
    from newslab.keywords.stage import pass1_workers
    assert pass1_workers(2, lim) == 2 and pass1_workers(2, None) == 2
    assert pass1_workers(2, lim + 1) == 1 and pass1_workers(4, 10 * lim) == 1
    assert pass1_workers(1, 10) == 1 and pass1_workers(0, 10) == 1


def test_corpus_stages_never_load_the_big_tables_whole(runs, monkeypatch):
    """Rerun the corpus stages on the written run: tokens, mentions and stance are only
    streamed part by part (StageTables.iter_parts), never read whole."""
    from newslab.pipeline import DEFAULT_STAGES, Tables
    from newslab.pipeline.corpus import run_one
    out, res, _ = runs
    loaded, streamed = [], []
    real_get, real_parts = StageTables.__getitem__, StageTables.iter_parts

    def get(self, name):
        loaded.append(name)
        return real_get(self, name)

    def parts(self, name, columns=None, **kw):
        streamed.append(name)
        return real_parts(self, name, columns, **kw)

    monkeypatch.setattr(StageTables, "__getitem__", get)
    monkeypatch.setattr(StageTables, "iter_parts", parts)
    tables = Tables(out, list(res.counts))
    for st in DEFAULT_STAGES:
        if st.kind == "corpus":
            new = run_one(st, tables, {"by": ["month"]})
            for v in new.values():
                if not isinstance(v, pd.DataFrame):
                    list(v)
    assert not {"tokens", "mentions", "stance", "sentences"} & set(loaded), loaded
    assert {"tokens", "mentions", "stance"} <= set(streamed)


@pytest.mark.parametrize("block", [1, 7, 2**22])
def test_bootstrap_sums_in_blocks_is_the_cluster_bootstrap(monkeypatch, block):
    rng = np.random.default_rng(3)
    for k in (1, 2, 5, 333):
        v = rng.normal(size=3 * k)
        c = rng.integers(0, k, size=3 * k)
        want = stats.cluster_bootstrap(v, c)
        codes, _ = pd.factorize(pd.Series(c))
        sums = np.bincount(codes, weights=v)
        counts = np.bincount(codes).astype(float)
        monkeypatch.setattr(stats, "BLOCK", block)
        assert stats.bootstrap_sums(sums, counts) == want
        assert stats.cluster_bootstrap(v, c) == want
        monkeypatch.undo()


@pytest.mark.parametrize("cells", [None, 3000, 10])
def test_bootstrap_groups_is_each_groups_bootstrap_sums(cells):
    """All groups at once (the same draws for every group of k clusters, a few groups per
    step, or one group at a time when a step is too small) give exactly each group's own
    bootstrap_sums."""
    rng = np.random.default_rng(8)
    sizes = np.array([1, 2, 2, 5, 1, 40, 5, 5, 333, 2])
    sums = rng.normal(size=sizes.sum())
    counts = rng.integers(1, 4, size=sizes.sum()).astype(float)
    mean, lo, hi = stats.bootstrap_groups(sums, counts, sizes, cells=cells)
    at = np.r_[0, np.cumsum(sizes)]
    for g in range(len(sizes)):
        want = stats.bootstrap_sums(sums[at[g]:at[g + 1]], counts[at[g]:at[g + 1]])
        assert (mean[g], lo[g], hi[g]) == want


@pytest.mark.slow
def test_jobs_and_dask_give_the_same_corpus_tables(runs, tmp_path):
    """--jobs 2 and --engine dask (a local cluster of two workers) write the same corpus
    tables as --jobs 1, row for row."""
    pytest.importorskip("distributed")
    out, _, _ = runs
    c = out.parent / "c"
    for name, kw in (("j2", {"jobs": 2}), ("dask", {"engine": "dask", "jobs": 2})):
        analyze(c, tmp_path / name, batch_size=4, by=["month", "outlet"], quiet=True, **kw)
        for t in ("articles", "stance", *CORPUS_TABLES):
            pd.testing.assert_frame_equal(read_table(tmp_path / name, t), read_table(out, t),
                                          obj=f"{t} ({name})")


def test_a_table_that_fails_part_way_is_not_left_half_written(tmp_path):
    """A corpus stage that hands a table over in pieces and fails on the third: the run
    goes on, the summary says so, and no part of that table is left."""
    from newslab.pipeline import DEFAULT_STAGES, Stage

    def pieces():
        for i in range(5):
            if i == 2:
                raise ValueError("third piece broke")
            yield pd.DataFrame({"article_id": [f"x{i}"], "n": [i]})

    def stage(tables):
        return {"broken": pieces(), "fine": pd.DataFrame({"n": [1]})}

    broken = Stage("broken", stage, kind="corpus", needs={"articles": None},
                   produces=("broken", "fine"))
    core = [s for s in DEFAULT_STAGES if s.name in ("sentences", "tokens")]
    c = corpus(tmp_path / "c", n=6)
    with pytest.warns(Warning, match="third piece broke"):
        res = analyze(c, tmp_path / "o", jobs=1, stages=[*core, broken], quiet=False)
    assert any("'broken' was written: ValueError: third piece broke" in n for n in res.notes)
    assert not list((tmp_path / "o" / "broken").glob("*.parquet"))
    assert "broken" not in res.counts and res.counts["fine"] == 1


def test_pass_one_counts_once_per_piece_equal_the_separate_counts():
    """keywords pass 1 counts each piece once (_PieceCounts) for the document frequencies
    and every by key: the same matrices, vocabularies and sizes as counted separately
    (DocumentFrequencies.add on the piece; group_document_counts on the labelled rows, as
    document_keyness counts), with an article that has no label and one that has no term."""
    from newslab import sentences, tokens
    from newslab.keywords import stage as ks
    from newslab.keywords.terms import with_term_mask

    from .test_keywords import outlet_corpus
    arts = outlet_corpus(6)
    t = tokens(sentences(arts))
    ids = list(pd.unique(t["article_id"]))
    t = t.assign(is_alpha=t["is_alpha"] & ~t["article_id"].eq(ids[5]))   # no term at all
    piece = with_term_mask(t)
    labels = pd.Series(["north", "south", "north", "south", "north"], index=ids[1:],
                       dtype=object)                                      # ids[0]: none
    from newslab.keywords.documents import group_document_counts
    from newslab.keywords.terms import DocumentFrequencies
    a, b = DocumentFrequencies(), ks._Statistics(["k"])
    a.add(piece)
    lab = piece["article_id"].map(labels)
    ok = lab.notna().to_numpy()
    vocab, gnames, df, n, sizes = group_document_counts(piece[ok].reset_index(drop=True),
                                                        lab[ok].reset_index(drop=True))
    pc = ks._PieceCounts(piece)
    pc.add_to(b.term_df)
    compact = ks._Labels(pd.Series(ids, dtype=object), {"k": pd.DataFrame(
        {"article_id": labels.index, "k": labels.to_numpy()})})
    lab_of = compact.of("k", pc.arts)
    assert list(lab_of) == list(pd.Series(pc.arts, dtype=object).map(labels)
                                .astype(object).where(lambda s: s.notna(), None))
    b.by_counts["k"].add_counts(pc, lab_of)
    assert a.n_docs == b.term_df.n_docs == 5
    x, y = a._counts, b.term_df._counts
    assert list(x.rows) == list(y.rows) and list(x.vocab) == list(y.vocab)
    assert (x.matrix != y.matrix).nnz == 0 and x.matrix.dtype == y.matrix.dtype
    for got, want in [(b.by_counts["k"].df, df), (b.by_counts["k"].n, n)]:
        assert list(got.rows) == list(gnames) and list(got.vocab) == list(vocab)
        assert (got.matrix != want).nnz == 0 and got.matrix.dtype == want.dtype
    assert b.by_counts["k"].sizes == dict(zip(gnames, sizes.tolist())) == {"north": 3,
                                                                            "south": 2}


def _pid_stage(tables):
    """A corpus stage that says which process ran it (and warns)."""
    import os
    import warnings

    from newslab.errors import NewslabWarning
    warnings.warn("the pid stage ran", NewslabWarning)
    return {"pid": pd.DataFrame({"pid": [os.getpid()], "n": [len(tables["articles"])]})}


def _own_pid_stage(tables):
    """A corpus stage that does not say it may run in the side process."""
    import os
    return {"own": pd.DataFrame({"pid": [os.getpid()]})}


def _broken_stage(tables):
    raise ValueError("side stage broke")


def test_corpus_stages_beside_keywords_run_in_a_side_process_with_the_same_results(
        tmp_path, monkeypatch):
    """With --jobs 2 the corpus stages that do not use the workers run in a side process
    (from the forkserver) while keywords runs with its workers here; every table, note (a
    stage that fails included), warning and the order of tables and timings are those of
    --jobs 1. Above SIDE_MAX_ARTICLES they run here."""
    import multiprocessing as mp
    import os

    from newslab.errors import NewslabWarning
    from newslab.pipeline import DEFAULT_STAGES, Stage, default_jobs, engines, stage_named
    from newslab.pipeline import corpus as pc
    if default_jobs() < 2 or "forkserver" not in mp.get_all_start_methods():
        pytest.skip("needs two cores and a forkserver")
    monkeypatch.setattr(engines, "PRESTART_BYTES", 0)     # a small corpus here
    core = [s for s in DEFAULT_STAGES if s.name in ("sentences", "tokens")]
    stages = [*core, Stage("pid", _pid_stage, kind="corpus", needs={"articles": None},
                           produces=("pid",), side=True),
              Stage("broken", _broken_stage, kind="corpus", needs={"articles": None},
                    produces=("broken",), side=True),
              Stage("own", _own_pid_stage, kind="corpus", needs={"articles": None},
                    produces=("own",)), stage_named("keywords")]
    c = corpus(tmp_path / "c", n=12)
    got, warned = {}, {}
    for name, jobs, limit in (("j1", 1, 50_000), ("j2", 2, 50_000), ("here", 2, 0)):
        monkeypatch.setattr(pc, "SIDE_MAX_ARTICLES", limit)
        with pytest.warns(NewslabWarning) as rec:
            got[name] = analyze(c, tmp_path / name, jobs=jobs, batch_size=4, stages=stages,
                                quiet=False)
        warned[name] = sorted(str(w.message) for w in rec)
    pids = {n: int(read_table(tmp_path / n, "pid")["pid"][0]) for n in got}
    assert pids["j1"] == pids["here"] == os.getpid() != pids["j2"]
    assert {s.name for s in DEFAULT_STAGES if s.side} == {"attention", "tone",
                                                          "stance_corpus"}
    # a stage that does not opt in (Stage.side) runs here, seeing this process's state
    assert all(read_table(tmp_path / n, "own")["pid"].tolist() == [os.getpid()]
               for n in got)
    for n in ("j2", "here"):
        assert got[n].notes == got["j1"].notes
        assert any("'broken' failed: ValueError: side stage broke" in x for x in got[n].notes)
        assert warned[n] == warned["j1"] and "the pid stage ran" in warned[n]
        assert list(got[n].counts) == list(got["j1"].counts)
        assert list(got[n].timings) == list(got["j1"].timings)
        for t in ("pid", "keywords"):
            want = read_table(tmp_path / "j1", t)
            if t == "pid":
                want = want.assign(pid=pids[n])
            pd.testing.assert_frame_equal(read_table(tmp_path / n, t), want, obj=f"{t} {n}")


def _threads_stage(tables):
    """A stage that uses the workers (as keywords) and says which threads this process
    has while it forks them."""
    import threading
    names = sorted(t.name for t in threading.enumerate())
    list(tables.map_parts("articles", lambda parts: sum(len(p) for p in parts)))
    return {"threads": pd.DataFrame({"thread": names})}


def _side_pid_file(tables):
    """``side.pid`` beside the input folder (DIR/outlet/file) (the forkserver may predate this test's
    environment variables)."""
    from pathlib import Path
    return Path(str(tables["articles"]["path"].iloc[0])).parents[2] / "side.pid"


def _sleepy_side_stage(tables):
    import os
    import time
    _side_pid_file(tables).write_text(str(os.getpid()))
    time.sleep(120)
    return {}


def _interrupting_stage(tables):
    """Waits for the side stage to be running, then is interrupted (Ctrl-C)."""
    import time
    p = _side_pid_file(tables)
    for _ in range(600):
        if p.exists() and p.read_text():
            break
        time.sleep(0.1)
    raise KeyboardInterrupt


def _side_run_stages(here, side_fn, side_produces):
    from newslab.pipeline import DEFAULT_STAGES, Stage
    core = [s for s in DEFAULT_STAGES if s.name in ("sentences", "tokens")]
    return [*core, Stage("side", side_fn, kind="corpus", needs={"articles": None},
                         produces=side_produces, side=True),
            Stage("here", here, kind="corpus", needs={"articles": None},
                  produces=("threads",), workers=True)]


def _needs_forkserver():
    import multiprocessing as mp

    from newslab.pipeline import default_jobs
    if default_jobs() < 2 or "forkserver" not in mp.get_all_start_methods():
        pytest.skip("needs two cores and a forkserver")


@pytest.mark.filterwarnings("ignore:the pid stage ran")  # _pid_stage's own warning
def test_no_thread_of_the_side_process_is_left_here_while_map_parts_forks(tmp_path,
                                                                           monkeypatch):
    """The side process is a plain process and a pipe: while a workers stage forks its
    workers, this process has only the threads it had before the run (an executor's
    manager and queue-feeder threads would be copied, mid-work, into every fork)."""
    import threading

    from newslab.pipeline import engines
    _needs_forkserver()
    monkeypatch.setattr(engines, "PRESTART_BYTES", 0)
    before = sorted(t.name for t in threading.enumerate())
    res = analyze(corpus(tmp_path / "c", n=12), tmp_path / "o", jobs=2, batch_size=4,
                  stages=_side_run_stages(_threads_stage, _pid_stage, ("pid",)))
    assert int(read_table(tmp_path / "o", "pid")["pid"][0]) != __import__("os").getpid()
    assert sorted(read_table(tmp_path / "o", "threads")["thread"]) == before, res.notes


def test_an_interrupted_corpus_phase_stops_the_side_process(tmp_path, monkeypatch):
    """Ctrl-C while the side process still works: the run ends at once and the side
    process is gone with it."""
    import os
    import time

    from newslab.pipeline import engines
    _needs_forkserver()
    monkeypatch.setattr(engines, "PRESTART_BYTES", 0)
    pid_file = tmp_path / "side.pid"
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        analyze(corpus(tmp_path / "c", n=12), tmp_path / "o", jobs=2, batch_size=4,
                stages=_side_run_stages(_interrupting_stage, _sleepy_side_stage, ("nap",)))
    assert time.monotonic() - t0 < 100                   # not the side stage's 120 s
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _parent_pid(parts, shared=None):
    """A picklable map_parts task: the rows it read, its parent's pid, ``shared``."""
    import os
    return sum(len(p) for p in parts), os.getppid(), shared


def test_map_parts_passes_shared_and_gives_what_the_serial_run_gives(tmp_path):
    """``shared`` reaches every call (here and in the forked workers), and two workers
    give the serial run's results, in order."""
    import os

    from newslab.pipeline import Tables
    _needs_forkserver()
    analyze(corpus(tmp_path / "c", n=12), tmp_path / "o", jobs=1, batch_size=4,
            stages=["sentences"])
    big = {"labels": list(range(1000))}
    serial = StageTables(Tables(tmp_path / "o", ["articles"]), {"articles": None}, {},
                         jobs=1)
    want = list(serial.map_parts("articles", _parent_pid, shared=big))
    assert len(want) == 3 and all(r[2] == big for r in want)
    two = StageTables(Tables(tmp_path / "o", ["articles"]), {"articles": None}, {}, jobs=2)
    got = list(two.map_parts("articles", _parent_pid, shared=big))
    assert [r[0] for r in got] == [r[0] for r in want] and all(r[2] == big for r in got)
    assert all(r[1] == os.getpid() for r in got)          # forked from here


def _forkserver_stage(tables):
    """A workers stage that says whether a forkserver ran when it started."""
    from newslab.pipeline import engines
    running = engines.forkserver_running()
    n = sum(r[0] for r in tables.map_parts("articles", _parent_pid))
    return {"fs": pd.DataFrame({"running": [running], "n": [n]})}


def test_a_large_corpus_stops_the_warm_forkserver_before_the_corpus_phase(tmp_path,
                                                                         monkeypatch):
    """Above SIDE_MAX_ARTICLES no side process uses the batch workers' (warm) forkserver:
    it is stopped before the corpus stages (its memory back) and starts again with the
    next run's batches."""
    from newslab.pipeline import DEFAULT_STAGES, Stage, engines
    from newslab.pipeline import corpus as corpus_mod
    from multiprocessing import forkserver
    _needs_forkserver()
    engines.stop_forkserver()
    forkserver._forkserver._stop()        # one an earlier test's pool started (not ours)
    monkeypatch.setattr(engines, "PRESTART_BYTES", 0)
    monkeypatch.setattr(corpus_mod, "SIDE_MAX_ARTICLES", 5)
    core = [s for s in DEFAULT_STAGES if s.name in ("sentences", "tokens")]
    stages = [*core, Stage("fs", _forkserver_stage, kind="corpus",
                           needs={"articles": None}, produces=("fs",), workers=True)]
    c = corpus(tmp_path / "c", n=12)
    analyze(c, tmp_path / "o", jobs=2, batch_size=4, stages=stages)
    fs = read_table(tmp_path / "o", "fs")
    assert not bool(fs["running"][0]) and int(fs["n"][0]) == 12
    assert engines._STARTED[0] is None and not engines.forkserver_running()
    monkeypatch.setattr(corpus_mod, "SIDE_MAX_ARTICLES", 50)   # a small run keeps it
    analyze(c, tmp_path / "o2", jobs=2, batch_size=4, stages=stages)
    assert bool(read_table(tmp_path / "o2", "fs")["running"][0])
    assert engines._STARTED[0] == "warm"
