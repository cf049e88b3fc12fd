"""Robustness, determinism: the tables, row for row and in order, do not depend on
``batch_size`` or ``jobs``; a run's rows follow the input's order; a null text is never
scored as the word "None"."""

import itertools
import json

import numpy as np
import pandas as pd
import pytest

from newslab.pipeline import DEFAULT_STAGES, analyze, input_order, read_table

from ..test_pipeline import make_corpus

SIZES = [1, 7, 500]
JOBS = [1, 2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("det")
    make_corpus(d / "c", n=12)
    return d


def _tables(out):
    info = json.loads((out / "_run.json").read_text())
    return {n: read_table(out, n) for n in info["tables"]}


@pytest.fixture(scope="module")
def reference(corpus):
    analyze(corpus / "c", corpus / "ref", batch_size=500, jobs=1, quiet=True)
    return _tables(corpus / "ref")


@pytest.mark.slow
@pytest.mark.parametrize("batch_size, jobs", [(b, j) for b in SIZES for j in JOBS
                                              if (b, j) != (500, 1)])
def test_tables_do_not_depend_on_batch_size_or_jobs(corpus, reference, batch_size, jobs):
    out = corpus / f"o{batch_size}_{jobs}"
    analyze(corpus / "c", out, batch_size=batch_size, jobs=jobs, quiet=True)
    got = _tables(out)
    assert list(got) == list(reference)
    for name in reference:  # row for row, in order: nothing sorted here
        pd.testing.assert_frame_equal(got[name], reference[name], obj=name)


def test_rows_follow_the_input_order(reference):
    order = {a: i for i, a in enumerate(reference["articles"]["article_id"])}
    for name, df in reference.items():
        if "article_id" in df.columns and name != "keywords":
            pos = df["article_id"].map(order).to_numpy()
            assert (np.diff(pos) >= 0).all(), name


@pytest.mark.parametrize("seed", range(8))
def test_input_order_is_a_stable_sort_by_article(seed):
    rng = np.random.default_rng(seed)
    ids = [f"a{i}" for i in rng.permutation(6)]
    rows = pd.DataFrame({"article_id": rng.choice(ids, 30), "k": np.arange(30)})
    got = input_order(rows, ids)
    pos = got["article_id"].map({a: i for i, a in enumerate(ids)}).to_numpy()
    assert (np.diff(pos) >= 0).all()
    for _, part in got.groupby("article_id"):  # an article's own rows keep their order
        assert part["k"].is_monotonic_increasing
    assert sorted(got["k"]) == list(range(30))


NULL_TEXTS = {
    "jsonl-null": ("a.jsonl", '{"id": "n1", "title": "T", "text": null}\n'
                              '{"id": "ok", "text": "Peru and Chile signed a deal."}\n'),
    "jsonl-missing": ("a.jsonl", '{"id": "ok", "text": "Peru and Chile signed a deal."}\n'
                                 '{"id": "n1", "title": "T"}\n'),
    "csv-empty": ("a.csv", 'id,title,text\nn1,T,\nok,U,Peru and Chile signed a deal.\n'),
    "parquet-none": ("a.parquet", None),
    "parquet-nan": ("a.parquet", float("nan")),
}


@pytest.mark.parametrize("kind", list(NULL_TEXTS))
def test_a_null_text_is_never_scored_as_none(tmp_path, kind):
    name, body = NULL_TEXTS[kind]
    c = tmp_path / "c"
    c.mkdir()
    if name.endswith(".parquet"):
        pd.DataFrame({"id": ["n1", "ok"], "title": ["T", "U"],
                      "text": [body, "Peru and Chile signed a deal."]}).to_parquet(c / name)
    else:
        (c / name).write_text(body)
    res = analyze(c, tmp_path / "o", jobs=1, quiet=True)
    arts = res.tables["articles"]
    assert "None" not in set(arts["text"]) and "nan" not in set(arts["text"])
    sents = res.tables["sentences"]
    assert not sents["text"].isin(["None", "nan"]).any()
    assert (res.counts["articles"], res.counts["skipped"]) in ((1, 1), (2, 0))
    if res.counts["articles"] == 2:  # kept with an empty body: nothing to score
        assert arts.loc[arts["article_id"] == "n1", "text"].item() == ""


def test_the_default_stage_table_declares_what_its_stages_return(reference):
    """Every table of the seed-like run is declared by exactly one stage row."""
    made = [t for s in DEFAULT_STAGES for t in s.produces]
    assert len(made) == len(set(made))
    for name in reference:
        if name in ("articles", "skipped"):
            continue
        assert sum(s.makes(name) for s in DEFAULT_STAGES) == 1, name


@pytest.mark.parametrize("a, b", list(itertools.combinations([1, 3, 5], 2)))
def test_resume_across_batch_sizes_is_refused_not_mixed(corpus, tmp_path, a, b):
    from newslab.errors import NewslabError
    out = tmp_path / "o"
    analyze(corpus / "c", out, batch_size=a, jobs=1, quiet=True, only="tokens")
    with pytest.raises(NewslabError, match="other options"):
        analyze(corpus / "c", out, batch_size=b, jobs=1, quiet=True, only="tokens",
                resume=True)
    assert json.loads((out / "_run.json").read_text())["options"]["batch_size"] == a
