"""Keywords, key phrases, keyness, collocations, terms near countries; evaluation."""

import json
import math
import zipfile

import numpy as np
import pandas as pd
import pytest

from newslab import keywords as kw
from newslab import sentences, tokens
from newslab.evaluation import keywords as kev
from newslab.cli import main
from newslab.errors import NewslabError
from newslab.schema import columns


def make_articles(texts: dict) -> pd.DataFrame:
    rows = []
    for aid, text in texts.items():
        paras = [p for p in text.split("\n") if p.strip()]
        rows.append({"article_id": aid, "title": "", "text": "\n".join(paras),
                     "paragraphs": paras, "n_paragraphs": len(paras)})
    return pd.DataFrame(rows)


def toks(texts: dict):
    s = sentences(make_articles(texts))
    return tokens(s), s


CORPUS = {
    "a": "Russia\u2019s army moved. Russia denied it. The army of Russia is large.\n"
         "Sanctions on Russia were discussed by the White House.",
    "b": "The White House said sanctions would follow. The White House spoke again.",
    "c": "Ukraine asked for help. Ukraine's allies met in Brussels.",
}


# --------------------------------------------------------------------------- preprocessing


def test_possessives_and_curly_apostrophes_count_with_the_word():
    t, _ = toks(CORPUS)
    res = kw.tfidf(t, top=None)
    a = res[res["group"].eq("a")].set_index("term")
    assert a.loc["russia", "n"] == 4          # Russia's (curly), Russia, Russia, Russia
    assert "'s" not in set(res["term"]) and "the" not in set(res["term"])
    c = res[res["group"].eq("c")].set_index("term")
    assert c.loc["ukraine", "n"] == 2


# --------------------------------------------------------------------------- TF-IDF


def test_tfidf_matches_scikit_learn_over_articles():
    from sklearn.feature_extraction.text import TfidfVectorizer
    t, _ = toks(CORPUS)
    res = kw.tfidf(t, top=None)
    tm = kw.term_mask(t)
    docs = t[tm].groupby("article_id", sort=False)["lower"].apply(list)
    vec = TfidfVectorizer(analyzer=lambda x: x)
    x = vec.fit_transform(docs.tolist()).toarray()
    vocab = vec.get_feature_names_out()
    for i, aid in enumerate(docs.index):
        got = res[res["group"].eq(aid)].set_index("term")["score"]
        want = pd.Series(x[i], index=vocab)
        want = want[want > 0]
        assert set(got.index) == set(want.index)
        np.testing.assert_allclose(got.sort_index().to_numpy(), want.sort_index().to_numpy())


def test_the_l2_rows_are_scikit_learns_bit_for_bit():
    """tf-idf's row normalisation, without importing scikit-learn, gives exactly its
    values (random sparse matrices: empty rows, one-term rows, long rows)."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    from newslab.keywords.tfidf import normalize_rows_l2
    rng = np.random.default_rng(7)
    for trial in range(60):
        n, m = int(rng.integers(1, 40)), int(rng.integers(1, 2000))
        x = sparse.random(n, m, density=float(rng.uniform(0, 0.4)), format="csr",
                          random_state=trial, dtype=np.float64)
        x.data *= rng.uniform(0.01, 100, size=len(x.data))
        want = normalize(x.copy(), norm="l2", copy=False).tocsr()
        got = normalize_rows_l2(x.copy())
        assert (got.indptr == want.indptr).all() and (got.indices == want.indices).all()
        assert (got.data.view(np.int64) == want.data.view(np.int64)).all(), trial
    assert normalize_rows_l2(sparse.csr_matrix((3, 4))).nnz == 0


def test_scoring_keywords_imports_no_scikit_learn():
    from tests.conftest import python_prints
    code = ("import sys; import pandas as pd; "
            "from newslab import keywords as kw, sentences, tokens; "
            "texts = ['A small town voted on a new bridge. The bridge opened.', "
            "'The river town kept its old ferry.']; "
            "a = pd.DataFrame({'article_id': ['a', 'b'], 'title': '', 'text': texts, "
            "'paragraphs': [[t] for t in texts], 'n_paragraphs': 1}); "
            "assert len(kw.tfidf(tokens(sentences(a)), top=3)); "
            "print('sklearn' in sys.modules)")
    assert python_prints(code) == "False"


def test_tfidf_ranks_and_top_k():
    t, _ = toks(CORPUS)
    res = kw.tfidf(t, top=2)
    assert list(res.columns) == ["group", "term", "score", "rank", "n", "df", "idf"]
    assert res.groupby("group")["rank"].apply(list).to_dict() == {"a": [1, 2], "b": [1, 2],
                                                                   "c": [1, 2]}
    assert res[res["group"].eq("a")].iloc[0]["term"] == "russia"
    assert (res.groupby("group")["score"].apply(lambda s: s.is_monotonic_decreasing)).all()


def test_tfidf_single_article_uses_paragraphs():
    t, s = toks({"x": "Ukraine talks. Ukraine waits.\nSanctions loom. Ukraine again.\n"
                      "Sanctions and more sanctions."})
    res = kw.tfidf(t, sentences=s, top=None).set_index("term")
    # ukraine: in 2 of 3 paragraphs; sanctions: in 2 of 3 too; talks: in 1 of 3
    assert res.loc["talks", "df"] == 1 and res.loc["ukraine", "df"] == 2
    assert res.loc["talks", "idf"] > res.loc["ukraine", "idf"]
    with pytest.raises(NewslabError, match="sentences"):
        kw.tfidf(t, unit="paragraph")
    assert kw.tfidf(t, top=None, unit="sentence").set_index("term").loc["ukraine", "df"] == 3


# --------------------------------------------------------------------------- keyness


def test_g2_and_log_odds_by_hand():
    # target 10 of 100 words, reference 10 of 1000
    k = kw.keyness_arrays([10], [10], 100, 1000, prior_size=0.0)
    e1, e2 = 100 * 20 / 1100, 1000 * 20 / 1100
    g2 = 2 * (10 * math.log(10 / e1) + 10 * math.log(10 / e2))
    assert k["G2"][0] == pytest.approx(g2)
    assert k["p"][0] < 0.001
    assert k["log_odds"][0] == pytest.approx(math.log(10 / 90) - math.log(10 / 990))
    assert k["z"][0] == pytest.approx(k["log_odds"][0] / math.sqrt(1 / 10 + 1 / 10))
    # swapping the two sides flips log-odds and z, G2 stays
    k2 = kw.keyness_arrays([10], [10], 1000, 100, prior_size=0.0)
    assert k2["G2"][0] == pytest.approx(g2)
    assert k2["z"][0] == pytest.approx(-k["z"][0])
    # the prior shrinks the log-odds towards 0
    k3 = kw.keyness_arrays([10], [10], 100, 1000)
    assert 0 < k3["log_odds"][0] < k["log_odds"][0]


def test_keyness_target_vs_rest():
    t, _ = toks(CORPUS)
    res = kw.keyness(t, ["a"], min_count=1)
    assert res.iloc[0]["term"] == "russia" and res.iloc[0]["key_for"] == "target"
    assert res.iloc[0]["rank"] == 1 and res.iloc[0]["n_target"] == 4
    assert res.iloc[-1]["key_for"] == "reference"
    assert res.set_index("term").loc["house", "score"] < 0
    g2 = kw.keyness(t, ["a"], min_count=1, measure="g2").set_index("term")
    assert g2.loc["russia", "score"] == pytest.approx(g2.loc["russia", "G2"])
    assert g2.loc["house", "score"] == pytest.approx(-g2.loc["house", "G2"])
    # a boolean mask works like the ids
    mask = t["article_id"].eq("a").to_numpy()
    pd.testing.assert_frame_equal(kw.keyness(t, mask, min_count=1), res)
    top = kw.keyness(t, ["a"], min_count=1, top=2)
    assert len(top) == 4 and top["key_for"].tolist() == ["target"] * 2 + ["reference"] * 2
    with pytest.raises(NewslabError, match="no terms"):
        kw.keyness(t, ["nope"])
    with pytest.raises(NewslabError, match="measure"):
        kw.keyness(t, ["a"], measure="chi2")


def test_keyness_against_english():
    t, _ = toks(CORPUS)
    res = kw.keyness(t, ["a"], reference="english", min_count=1)
    top = res.iloc[0]["term"]
    assert top in {"russia", "army"}
    neg = res[res["key_for"].eq("reference")]
    assert len(neg) and set(neg["term"]) <= set(kw.common_english()) | set(res["term"])
    assert neg.iloc[-1]["n_target"] == 0 and neg.iloc[-1]["term"] in kw.common_english()[:50]
    art = kw.article_keyness(t, top=3)
    assert set(art["group"]) == {"a", "b", "c"}
    assert (art["score"] > 0).all() and art[art["group"].eq("c")].iloc[0]["term"] == "ukraine"
    f = kw.english_frequencies(["the", "sanctions", "zzqxjv", "de-escalate"])
    assert f[0] > f[1] > f[2] > 0 and f[3] > f[2]


def test_keyness_by_groups():
    t, _ = toks(CORPUS)
    res = kw.keyness_by(t, {"a": "russia desk", "b": "us desk", "c": "us desk"},
                        min_count=1, top=3)
    assert set(res["group"]) == {"russia desk", "us desk"}
    r = res[res["group"].eq("russia desk")]
    assert r.iloc[0]["term"] == "russia"
    # two groups: each group's z is the other's, negated
    u = res[res["group"].eq("us desk")].set_index("term")
    assert u.loc["russia", "score"] == pytest.approx(-r.set_index("term").loc["russia", "score"])
    with pytest.raises(NewslabError, match="two groups"):
        kw.keyness_by(t, {"a": "x"})


# --------------------------------------------------------------------------- key phrases


def test_candidates_split_at_stop_words_punctuation_and_sentences():
    t, _ = toks({"x": "Secretary of State Antony Blinken spoke. Strategic stability talks, "
                      "nuclear arms."})
    c = kw.candidate_phrases(t, max_words=3, maximal=True)
    assert c["phrase"].tolist() == ["secretary", "strategic stability talks", "nuclear arms"]
    assert c["n_words"].tolist() == [1, 3, 2] and c["sentence_id"].tolist() == [0, 1, 1]
    runs = kw.candidate_phrases(t, max_words=None, maximal=True)["phrase"].tolist()
    assert runs == ["secretary", "state antony blinken spoke", "strategic stability talks",
                    "nuclear arms"]
    grams = set(kw.candidate_phrases(t, max_words=2)["phrase"])
    assert {"state antony", "antony blinken", "nuclear arms", "talks"} <= grams
    assert "spoke strategic" not in grams and "talks nuclear" not in grams
    assert "secretary state" not in grams


def test_rake_scores_degree_over_frequency():
    t, _ = toks({"x": "Deep learning models. Deep learning works. Models fail."})
    res = kw.rake(t, top=None).set_index("term")
    # deep: deg 4 / freq 2 = 2; learning 2; models: deg (2 + 1) / 2; works 1; fail: 2/1? no
    # runs: "deep learning models" (3), "deep learning works" (3), "models fail" (2)
    # deep: (3+3)/2 = 3, learning 3, models (3+2)/2 = 2.5, works 3/1, fail 2/1
    assert res.loc["deep learning models", "score"] == pytest.approx(3 + 3 + 2.5)
    assert res.loc["models fail", "score"] == pytest.approx(2.5 + 2)
    assert res.iloc[0].name in {"deep learning models", "deep learning works"}


def test_yake_like_prefers_frequent_early_capitalised_words_and_dedups():
    text = ("Gazprom raised gas prices. Gazprom said demand rose. Analysts said gas "
            "prices may rise. Winter is near. Gazprom exports gas.")
    t, _ = toks({"x": text})
    res = kw.yake_like(t, top=None)
    uni = res[res["n_words"].eq(1)]
    assert uni.iloc[0]["term"] == "gazprom"
    assert uni.set_index("term").loc["gazprom", "S"] < uni.set_index("term").loc["winter", "S"]
    assert (res["S"].diff().dropna() >= 0).all()      # lower S = better = earlier
    assert np.allclose(res["score"], -np.log(res["S"]))
    stems = kw.stem_phrases(res["term"])
    assert len(stems) == len(set(stems))                # "prices"/"price" would count once


def test_key_phrases_background_and_length_discount():
    t, _ = toks(CORPUS)
    res = kw.key_phrases(t, top=None, background="corpus")
    a = res[res["group"].eq("a")].set_index("term")
    assert a.loc["russia", "rank"] == 1
    b = res[res["group"].eq("b")].set_index("term")
    assert b.loc["white house", "score"] == pytest.approx(
        b.loc["white house", "n"] * b.loc["white house", "idf"] / 2)
    eng = kw.key_phrases(t, top=None, background="english")
    assert eng.set_index(["group", "term"]).loc[("a", "russia"), "idf"] == pytest.approx(
        -math.log10(kw.english_frequencies(["russia"])[0]))
    # auto: English for a small corpus
    pd.testing.assert_frame_equal(kw.key_phrases(t, top=None), eng)
    with pytest.raises(NewslabError, match="background"):
        kw.key_phrases(t, background="web")


def test_phrase_methods_give_the_same_result_in_chunks():
    t, _ = toks(CORPUS)
    for fn, kwargs in ((kw.key_phrases, {"background": "corpus"}),
                       (kw.key_phrases, {"background": "english"}), (kw.yake_like, {}),
                       (kw.rake, {})):
        whole = fn(t, top=None, chunk_articles=None, **kwargs)
        pieces = fn(t, top=None, chunk_articles=1, **kwargs)
        pd.testing.assert_frame_equal(whole, pieces)


def test_keywords_one_shape_for_every_method(seed_tokens, seed_sentences):
    for m in kw.METHODS:
        res = kw.keywords(seed_tokens, method=m, top=5, sentences=seed_sentences)
        assert list(res.columns) == kw.KEYWORD_COLUMNS, m
        assert len(res) == 5 and res["rank"].tolist() == [1, 2, 3, 4, 5], m
        assert res["score"].is_monotonic_decreasing, m
    top = kw.keywords(seed_tokens, top=5)["term"].tolist()
    assert {"russia", "ukraine", "biden", "putin"} <= set(top)
    with pytest.raises(NewslabError, match="unknown keyword method"):
        kw.keywords(seed_tokens, method="textrank")


# --------------------------------------------------------------------------- collocations


def test_collocations_nltk_measures():
    t, _ = toks(CORPUS)
    lr = kw.collocations(t, min_freq=2)
    assert lr.iloc[0]["term"] == "white house" and lr.iloc[0]["n"] == 3
    assert list(lr.columns) == ["group", "term", "score", "rank", "n", "measure"]
    assert all(" of " not in x for x in lr["term"])
    pmi = kw.collocations(t, min_freq=1, measure="pmi", top=None)
    assert (pmi["n"] >= 1).all() and pmi["score"].is_monotonic_decreasing
    assert "russia army" not in set(pmi["term"])      # "Russia's army": 's breaks the pair
    by = kw.collocations(t, min_freq=1, by="article_id", top=None)
    assert set(by["group"]) <= {"a", "b", "c"}
    assert kw.collocations(t, min_freq=9).empty
    with pytest.raises(NewslabError, match="measure"):
        kw.collocations(t, measure="dice")


# --------------------------------------------------------------------------- countries


def hand_mentions(t: pd.DataFrame, s: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for (aid, sid), g in t.groupby(["article_id", "sentence_id"], sort=False):
        for _, r in g.iterrows():
            if r["lower"] in ("russia", "ukraine"):
                iso, name = ("RUS", "Russia") if r["lower"] == "russia" else ("UKR", "Ukraine")
                rows.append((aid, sid, r["start"], r["end"], r["token"], iso, name, "name"))
            if r["lower"] == "nato":
                rows.append((aid, sid, r["start"], r["end"], r["token"], "NATO", "NATO",
                             "organization"))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "surface",
                                       "iso3", "country", "kind"])


def test_country_terms_with_a_hand_made_mentions_table():
    texts = {"a": "Russia moved tanks to the border. Russia moved troops. Weather was mild. "
                  "Markets were calm. NATO met.",
             "b": "Ukraine asked for weapons. Ukraine wants weapons quickly. Markets rose."}
    t, s = toks(texts)
    m = hand_mentions(t, s)
    res = kw.country_terms(t, m, min_count=1, top=3)
    assert set(res["group"]) == {"RUS", "UKR"}          # NATO is an organization
    rus = res[res["group"].eq("RUS")]
    assert rus.iloc[0]["country"] == "Russia" and rus.iloc[0]["n_sentences"] == 2
    assert rus.iloc[0]["term"] == "moved"
    assert "russia" not in set(res["term"])            # the mention itself is not counted
    ukr = res[res["group"].eq("UKR")]
    assert ukr.iloc[0]["term"] == "weapons"
    assert set(ukr[ukr["key_for"].eq("reference")]["term"]) & {"moved", "markets"}
    kept = kw.country_terms(t, m, min_count=1, top=None, drop_mentions=False)
    assert "russia" in set(kept[kept["group"].eq("RUS")]["term"])
    orgs = kw.country_terms(t, m, min_count=1, organizations=True)
    assert "NATO" in set(orgs["group"])
    people = m.assign(kind=np.where(m["iso3"].eq("UKR"), "person", m["kind"]))
    assert set(kw.country_terms(t, people, min_count=1, top=3)["group"]) == {"RUS"}
    assert "UKR" in set(kw.country_terms(t, people, min_count=1, top=3, persons=True)["group"])
    with pytest.raises(NewslabError, match="mentions"):
        kw.country_terms(t, m.drop(columns=["iso3"]))
    assert kw.country_terms(t, m.iloc[0:0]).empty


def test_country_terms_with_the_real_mentions(seed_articles, seed_sentences, seed_tokens):
    countries = pytest.importorskip("newslab.countries")
    m = countries.find_mentions(seed_sentences, seed_articles)
    res = kw.country_terms(seed_tokens, m, top=5)
    assert {"RUS", "UKR", "USA"} <= set(res["group"])
    assert not {"russia", "russian", "ukraine"} & set(res[res["group"].eq("RUS")]["term"])


# --------------------------------------------------------------------------- pipeline


def test_keywords_stage_matches_the_schema(seed_tokens, seed_sentences):
    out = kw.keywords_stage({"tokens": seed_tokens, "sentences": seed_sentences})
    df = out["keywords"]
    assert list(df.columns) == columns("keywords")
    assert set(df["method"]) == {"tfidf", "phrases"}
    assert df.groupby("method").size().to_dict() == {"phrases": 10, "tfidf": 10}
    needs = {"tokens": ["article_id", "sentence_id", "token_id", "lower", "is_stop",
                        "is_alpha"],
             "sentences": ["article_id", "sentence_id", "paragraph_id"]}
    assert not hasattr(kw.keywords_stage, "needs")      # the runner declares the stage
    small = kw.keywords_stage({n: tab[needs[n]] for n, tab in
                               (("tokens", seed_tokens), ("sentences", seed_sentences))})
    pd.testing.assert_frame_equal(small["keywords"], df)


def test_keywords_stage_is_registered():
    import newslab.pipeline as pipeline
    from pathlib import Path
    where = Path(pipeline.__file__)
    files = sorted(where.parent.glob("*.py")) if where.name == "__init__.py" else [where]
    assert any("keywords_stage" in f.read_text(encoding="utf-8") for f in files)


# --------------------------------------------------------------------------- evaluation


def test_normalisation_and_prf_at_k():
    assert kw.normalize_phrase("Russia\u2019s Troops") == kw.normalize_phrase("russia's troop")
    assert kw.normalize_phrase("  Sanctions,  ") == "sanction"
    gold = {"d1": ["Sanctions", "White House", "Ukraine"], "d2": ["Putin"]}
    pred = {"d1": ["sanction", "sanctions", "white house", "kremlin"], "d2": []}
    m = kev.prf_at_k(gold, pred, 2)
    # d1: first 2 distinct = sanction, white house -> 2 correct: P 1, R 2/3, F1 0.8; d2: 0
    assert m["precision"] == pytest.approx(0.5) and m["recall"] == pytest.approx(1 / 3)
    assert m["f1"] == pytest.approx(0.4) and m["n"] == 2
    assert m["micro_precision"] == pytest.approx(1.0)
    assert m["micro_recall"] == pytest.approx(0.5)


def write_benchmark(tmp_path):
    docs, keys = tmp_path / "docs", tmp_path / "keys"
    docs.mkdir()
    keys.mkdir()
    texts = {"d1": "Sanctions on Russia. Russia rejects sanctions. Russia waits.",
             "d2": "The White House spoke. The White House spoke about Ukraine.",
             "d3": "Football scores. Football fans cheered the football team."}
    gold = {"d1": ["sanctions", "Russia"], "d2": ["White House", "Ukraine"],
            "d3": ["football"]}
    for k, v in texts.items():
        (docs / f"{k}.txt").write_text(v, encoding="utf-8")
        (keys / f"{k}.key").write_text("\n".join(gold[k]) + "\n", encoding="utf-8")
    return docs, keys


def test_evaluate_keywords_cli(tmp_path, capsys):
    docs, keys = write_benchmark(tmp_path)
    assert main(["evaluate", "keywords", str(docs), str(keys), "--k", "2", "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert {"n", "precision", "recall", "f1"} <= set(m) and m["n"] == 3
    assert 0.5 < m["f1"] <= 1.0 and m["method"] == "phrases"
    assert main(["evaluate", "keywords", str(docs), str(keys), "--method", "rake"]) == 0
    out = capsys.readouterr().out
    assert "method rake" in out and "F1" in out
    assert main(["evaluate", "keywords", str(tmp_path / "nope"), str(keys)]) == 2
    assert "documents folder not found" in capsys.readouterr().err
    assert main(["evaluate", "keywords", str(docs), str(docs)]) == 2
    assert "no .key file" in capsys.readouterr().err
    assert main(["evaluate", "keywords", str(docs), str(keys), "--k", "0"]) == 2


@pytest.mark.evaldata
def test_500n_kpcrowd_beats_yake_reported(shared_eval, tmp_path):
    z = shared_eval / "keyphrase_500N-KPCrowd" / "500N-KPCrowd-v1.1.zip"
    if not z.is_file():
        pytest.skip("500N-KPCrowd not found")
    with zipfile.ZipFile(z) as zf:
        zf.extractall(tmp_path)
    root = tmp_path / "500N-KPCrowd-v1.1"
    m = kev.evaluate_keyphrases(root / "docsutf8", root / "keys", k=10)
    assert m["n"] == 500
    assert m["f1"] >= 0.18


def test_evaluation_lives_in_newslab_evaluation_and_old_names_still_work():
    assert kw.prf_at_k is kev.prf_at_k and kw.evaluate_keyphrases is kev.evaluate_keyphrases
    assert kw.read_documents is kev.read_documents
    with pytest.raises(AttributeError):
        kw.no_such_name  # noqa: B018


# --------------------------------------------------------------------------- document keyness


def bursty_tokens(n_articles=300, vocab=1500, seed=1) -> pd.DataFrame:
    """A generated tokens table (made-up letter words): every article draws background words
    from a Zipf law and a few topic words that it repeats many times, as news does."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = np.array(["".join(letters[rng.integers(0, 26, 6)]) for _ in range(vocab)])
    weights = 1.0 / np.arange(1, vocab + 1)
    weights /= weights.sum()
    rows = []
    for i in range(n_articles):
        background = rng.choice(vocab, size=rng.integers(40, 160), p=weights)
        topics = rng.choice(vocab, size=4, p=weights)
        burst = np.repeat(topics, rng.poisson(8, size=4) + 1)
        ws = words[np.concatenate([background, burst])]
        rng.shuffle(ws)
        rows.append(pd.DataFrame({"article_id": f"g{i:04d}",
                                  "sentence_id": np.arange(len(ws)) // 20,
                                  "lower": ws, "is_stop": False, "is_alpha": True}))
    return pd.concat(rows, ignore_index=True)


def test_article_test_matches_fisher_and_the_n_minus_1_chi_squared():
    from scipy.stats import chi2_contingency, fisher_exact

    from newslab.keywords.documents import article_test
    # a (target articles with the term) of n1 = 30; df articles with it of N = 100
    a, df = np.array([0, 3, 12, 25, 2]), np.array([5, 20, 20, 40, 3])
    t = article_test(a, 30, df, 100)
    for i in range(len(a)):
        table = [[a[i], 30 - a[i]], [df[i] - a[i], 70 - (df[i] - a[i])]]
        if t["exact"][i]:
            one = min(fisher_exact(table, alternative="less")[1],
                      fisher_exact(table, alternative="greater")[1])
            assert t["p"][i] == pytest.approx(min(1.0, 2 * one), rel=1e-9)
        else:
            stat = chi2_contingency(table, correction=False)[0] * 99 / 100
            from scipy.stats import chi2
            assert t["p"][i] == pytest.approx(chi2.sf(stat, 1), rel=1e-9)
    assert t["exact"].tolist() == [False, False, False, False, True]   # 3 * 30 / 100 < 1
    assert (t["direction"] == [-1, -1, 1, 1, 1]).all()
    # no underflow: an extreme table still has a finite log p
    big = article_test(np.array([5000.0]), 5000, np.array([5000.0]), 10_000)
    assert big["p"][0] == 0.0 and np.isfinite(big["log10_p"][0]) and big["log10_p"][0] < -300


def test_benjamini_hochberg_by_hand():
    from newslab.keywords.documents import benjamini_hochberg
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    # sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, 0.06->min(0.06,0.0533)=0.0533, 0.0533, 0.5
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])


def test_random_groupings_are_significant_at_the_nominal_rate():
    t = bursty_tokens()
    arts = t["article_id"].unique()
    doc_rates, g2_rates, any_q = [], [], 0
    for seed in range(10):
        lab = np.random.default_rng(seed).permutation(np.r_[np.zeros(150), np.ones(150)])
        groups = dict(zip(arts, np.where(lab > 0, "A", "B")))
        res = kw.document_keyness(t, groups, top=None)
        a = res[res["group"].eq("A")]
        assert len(a) > 300                                   # terms tested
        doc_rates.append((a["p"] < 0.05).mean())
        any_q += int((a["q"] < 0.05).any())
        g2 = kw.keyness_by(t, groups, top=None, measure="g2")
        g2_rates.append((g2[g2["group"].eq("A")]["p"] < 0.05).mean())
    assert np.mean(doc_rates) <= 0.06 and max(doc_rates) <= 0.10
    assert any_q <= 1                                         # BH: about 5% of null splits
    assert np.mean(g2_rates) > 0.2                           # words cluster: G2 is fooled


def test_document_keyness_finds_a_planted_difference_and_its_shape():
    t = bursty_tokens(seed=2)
    arts = t["article_id"].unique()
    groups = {a: ("A" if i % 2 else "B") for i, a in enumerate(arts)}
    extra = pd.DataFrame({"article_id": [a for i, a in enumerate(arts) if i % 2][:90],
                          "sentence_id": 99, "lower": "plantedword", "is_stop": False,
                          "is_alpha": True})
    res = kw.document_keyness(pd.concat([t, extra], ignore_index=True), groups, top=5)
    a = res[res["group"].eq("A")]
    assert a.iloc[0]["term"] == "plantedword" and a.iloc[0]["q"] < 1e-20
    assert a.iloc[0]["n_articles_target"] == 90 and a.iloc[0]["share_target"] == 0.6
    assert a.iloc[0]["rank"] == 1 and a.iloc[0]["key_for"] == "target"
    b = res[res["group"].eq("B")]
    assert "plantedword" in set(b[b["key_for"].eq("reference")]["term"])
    assert list(res.columns[:4]) == ["group", "term", "score", "rank"]
    assert {"log_odds_ratio", "p", "q", "share_reference", "n_target"} <= set(res.columns)
    only = kw.document_keyness(pd.concat([t, extra], ignore_index=True), groups, top=None,
                               alpha=0.05)
    assert (only["q"] < 0.05).all() and "plantedword" in set(only["term"])
    with pytest.raises(NewslabError, match="two groups"):
        kw.document_keyness(t, {a: "A" for a in arts})
    with pytest.raises(NewslabError, match="column"):
        kw.document_keyness(t.drop(columns=["lower"]), groups)


def official_statements():
    from .conftest import eval_dir
    root = eval_dir().parent / "corpora" / "official_statements" / "articles"
    if not root.is_dir():
        pytest.skip(f"official statements corpus not found at {root}")
    return root


@pytest.mark.evaldata
@pytest.mark.slow
def test_official_statements_random_split_vs_outlets():
    """600 of the 2,594 texts (a fixed random subsample, to keep CI in seconds): ten random
    splits give about 5% of terms at p < 0.05 and at most one has any q < 0.05; the outlets
    (the sub-folders state.gov and en.kremlin.ru) differ in hundreds of terms."""
    from pathlib import Path

    from newslab import load_articles
    arts = load_articles(official_statements(), verbose=False)
    arts = arts[arts["duplicate_of"].isna()]
    arts = arts.iloc[np.sort(np.random.default_rng(0).choice(len(arts), 600, replace=False))]
    outlet = arts["path"].map(lambda p: Path(p).parent.name)
    assert set(outlet) == {"state.gov", "en.kremlin.ru"}
    t = tokens(sentences(arts))
    real = kw.document_keyness(t, dict(zip(arts["article_id"], outlet)), top=None)
    r = real[real["group"].eq("state.gov")]
    assert (r["q"] < 0.05).sum() >= 300
    top = set(real[real["group"].eq("en.kremlin.ru")].head(10)["term"])
    assert {"putin", "russia"} <= top
    rates, with_q = [], 0
    for seed in range(10):
        lab = np.random.default_rng(100 + seed).permutation(outlet.to_numpy(dtype=object))
        res = kw.document_keyness(t, dict(zip(arts["article_id"], lab)), top=None)
        s = res[res["group"].eq("state.gov")]
        rates.append((s["p"] < 0.05).mean())
        with_q += int((s["q"] < 0.05).any())
    assert np.mean(rates) <= 0.055 and max(rates) <= 0.09
    assert with_q <= 1        # BH: a null split has some q < 0.05 about one time in twenty


# --------------------------------------------------------------------------- stage in pieces


def outlet_corpus(n=48, seed=3):
    """Generated articles (self-written word lists) from two outlets, one of which talks
    about harbours and ferries more often; a date per article."""
    rng = np.random.default_rng(seed)
    common = ("minister talks budget council vote river market school winter railway "
              "museum festival hospital farmers court bridge police weather").split()
    north = "harbour ferries fishing fleet storm".split()
    rows = []
    for i in range(n):
        outlet = "north.example" if i % 2 else "south.example"
        paras = []
        for _ in range(rng.integers(2, 5)):
            words = list(rng.choice(common, size=rng.integers(6, 14)))
            if outlet == "north.example" and rng.random() < 0.7:
                words += list(rng.choice(north, size=2))
            paras.append(" ".join(words).capitalize() + ". The " + " ".join(
                rng.choice(common, size=5)) + " again.")
        rows.append({"article_id": f"art{i:03d}", "title": "", "text": "\n".join(paras),
                     "paragraphs": paras, "n_paragraphs": len(paras), "outlet": outlet,
                     "date": pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(i) * 9),
                     "duplicate_of": None})
    return pd.DataFrame(rows)


class PartTables(dict):
    """Tables whose tokens come as parts (as the pipeline's Parquet parts), never whole."""

    def __init__(self, parts, **tables):
        super().__init__(**tables)
        self.parts, self.reads = parts, 0

    def iter_parts(self, name, columns=None):
        assert name == "tokens"
        self.reads += 1
        for p in self.parts:
            yield p[columns] if columns else p


def test_keywords_stage_in_pieces_is_identical_to_the_whole_table():
    arts = outlet_corpus(30)
    s = sentences(arts)
    t = tokens(s)
    whole = kw.keywords_stage({"tokens": t, "sentences": s, "articles": arts},
                              by=["outlet", "month"], chunk_articles=None)
    assert set(whole) == {"keywords", "keyness_by_outlet", "keyness_by_month"}
    assert whole["keywords"].groupby("method").size().to_dict() == {"phrases": 300,
                                                                      "tfidf": 300}
    assert len(whole["keyness_by_outlet"]) > 0
    for size in (1, 7):
        pieces = kw.keywords_stage({"tokens": t, "sentences": s, "articles": arts},
                                   by=["outlet", "month"], chunk_articles=size)
        for name in whole:
            pd.testing.assert_frame_equal(pieces[name], whole[name], check_dtype=False)
    # the old whole-table functions agree too
    direct = pd.concat([kw.keywords(t, method="tfidf", top=10),
                        kw.keywords(t, method="phrases", top=10)])
    direct = direct.sort_values(["article_id", "method", "rank"], kind="mergesort")
    pd.testing.assert_frame_equal(whole["keywords"], direct.reset_index(drop=True))
    # parts, as the pipeline would hand them over: read twice, never concatenated
    codes = pd.factorize(t["article_id"])[0]
    parts = [t[(codes >= lo) & (codes < lo + 10)].reset_index(drop=True)
             for lo in range(0, 30, 10)]
    pt = PartTables(parts, sentences=s, articles=arts)
    from_parts = kw.keywords_stage(pt, by=["outlet"], chunk_articles=4)
    assert pt.reads == 2
    pd.testing.assert_frame_equal(from_parts["keywords"], whole["keywords"])
    pd.testing.assert_frame_equal(from_parts["keyness_by_outlet"], whole["keyness_by_outlet"],
                                  check_dtype=False)
    # the output piece by piece: each piece sorted, together the stage's table
    streamed = kw.keywords_parts(PartTables(parts, sentences=s, articles=arts),
                                 chunk_articles=4)
    got = list(streamed["keywords"])
    assert len(got) == 9 and all(g["article_id"].is_monotonic_increasing for g in got)
    together = pd.concat(got, ignore_index=True)
    pd.testing.assert_frame_equal(together, whole["keywords"])


def test_keywords_stage_keyness_by_outlet():
    arts = outlet_corpus()
    s = sentences(arts)
    t = tokens(s)
    out = kw.keywords_stage({"tokens": t, "articles": arts}, by="outlet")
    k = out["keyness_by_outlet"]
    assert list(k.columns) == columns("keyness_by_outlet")
    assert list(k.columns) == ["outlet"] + columns("keyness")
    north = k[k["outlet"].eq("north.example") & k["key_for"].eq("target")]
    assert {"harbour", "ferries"} <= set(north["term"]) and (k["q"] < 0.05).all()
    same = kw.document_keyness(t, dict(zip(arts["article_id"], arts["outlet"])), top=20,
                               alpha=0.05)
    np.testing.assert_allclose(k["p"].to_numpy(), same["p"].to_numpy())
    # duplicates are left out unless asked for; one group only gives an empty table
    dup = arts.assign(duplicate_of=np.where(arts.index % 2 == 1, "art000", None))
    one = kw.keywords_stage({"tokens": t, "articles": dup}, by="outlet")["keyness_by_outlet"]
    assert one.empty and list(one.columns) == columns("keyness_by_outlet")
    both = kw.keywords_stage({"tokens": t, "articles": dup}, by="outlet",
                             duplicates=True)["keyness_by_outlet"]
    pd.testing.assert_frame_equal(both, k)
    with pytest.raises(NewslabError, match="articles"):
        kw.keywords_stage({"tokens": t}, by="outlet")
    with pytest.raises(NewslabError, match="--by"):
        kw.keywords_stage({"tokens": t, "articles": arts}, by="no_such_column")


def test_normalize_phrase_piece_by_piece_equals_the_whole_phrase_rule():
    import re

    from nltk.stem import PorterStemmer
    word = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
    ps = PorterStemmer()

    def by_rule(p):      # the documented rule on the whole phrase at once
        return " ".join(ps.stem(w) for w in word.findall(p.lower().replace("\u2019", "'")))

    for p in ["Russia\u2019s Troops", "  U.S.-led  talks,\tagain ", "ΟΔΟΣ Σ", "e-mail's",
              "--- ' ", "", "co-operation\nagreements", "Ünited_Nations 2022"]:
        assert kw.normalize_phrase(p) == by_rule(p), p
    assert list(kw.stem_phrases(["Sanctions", "white houses"])) == ["sanction", "white hous"]


def test_keywords_stage_on_no_tokens():
    arts = outlet_corpus(4)
    t = tokens(sentences(arts)).iloc[0:0]
    out = kw.keywords_stage({"tokens": t, "articles": arts}, by="outlet")
    assert out["keywords"].empty and list(out["keywords"].columns) == columns("keywords")
    assert out["keyness_by_outlet"].empty
    out = kw.keywords_stage(PartTables([], articles=arts), by="outlet")
    assert out["keywords"].empty and list(out["keywords"].columns) == columns("keywords")


def _key_phrases_from_strings(t: pd.DataFrame, top, english: bool) -> pd.DataFrame:
    """key_phrases written the plain way, from candidate_phrases' strings: every candidate
    grouped by (article, phrase), scored, sorted whole (the reference for the coded path)."""
    from newslab.keywords.phrases import _rank_phrases
    c = kw.candidate_phrases(t, max_words=3)
    ph = c.groupby(["article_id", "phrase"], sort=False).agg(
        n=("first", "size"), n_words=("n_words", "first")).reset_index()
    if english:
        words = ph["phrase"].str.split(" ")
        f = {w: -np.log10(kw.english_frequencies([w])[0]) for w in set(words.explode())}
        ph["idf"] = [math.fsum([f[w] for w in ws]) for ws in words] / ph["n_words"]
    else:
        n_docs = t["article_id"].nunique()
        df = ph.groupby("phrase")["article_id"].transform("size").to_numpy()
        ph["idf"] = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    ph["score"] = ph["n"].to_numpy() * ph["idf"].to_numpy() / ph["n_words"].to_numpy()
    return _rank_phrases(ph, top, dedup=True, extra=("idf",))


@pytest.mark.parametrize("top", [None, 1, 3, 10])
def test_coded_key_phrases_equal_the_plain_string_computation(top):
    """key_phrases scores integer-coded n-grams and makes strings only for the candidates
    that can reach an article's best 5 * top; with many tied scores (a small generated
    vocabulary) it keeps exactly the rows, order and scores of the plain computation."""
    t = bursty_tokens(60, vocab=80, seed=3)
    rng = np.random.default_rng(4)
    t = t.assign(is_stop=rng.random(len(t)) < 0.25,
                 token_id=t.groupby(["article_id", "sentence_id"]).cumcount())
    got = kw.key_phrases(t, top=top, background="corpus", chunk_articles=25)
    want = _key_phrases_from_strings(t, top, english=False)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
    got = kw.key_phrases(t, top=top, background="english")
    want = _key_phrases_from_strings(t, top, english=True)
    pd.testing.assert_frame_equal(got[["group", "term", "rank", "n", "n_words"]],
                                  want[["group", "term", "rank", "n", "n_words"]])
    np.testing.assert_allclose(got["score"], want["score"], rtol=1e-12)


def test_distinct_ngrams_and_phrase_hashes():
    """The coded n-grams are candidate_phrases counted per article; a phrase's hash is the
    same from its words in any piece, one per phrase string, and differs between phrases
    (made once per piece)."""
    from newslab.keywords.ngrams import distinct_ngrams
    t, _ = toks(CORPUS)
    ng = distinct_ngrams(t, 3)
    c = kw.candidate_phrases(t, max_words=3)
    want = c.groupby(["article_id", "phrase"]).size()
    got = pd.Series(ng.n, index=pd.MultiIndex.from_arrays([ng.arts[ng.art], ng.phrases()]))
    pd.testing.assert_series_equal(got.sort_index(), want.sort_index(), check_names=False)
    h = ng.hashes()
    assert ng.hashes() is h
    assert len(set(h)) == len(set(ng.phrases())) == len(set(zip(ng.phrases(), h)))
    one = distinct_ngrams(t[t["article_id"].eq("b")].reset_index(drop=True), 3)
    assert (dict(zip(one.phrases(), one.hashes()))
            == {p: x for p, x, a in zip(ng.phrases(), h, ng.arts[ng.art]) if a == "b"})


def test_precut_keeps_each_articles_best_and_only_the_ties_beyond():
    from newslab.keywords.phrases import _precut
    rng = np.random.default_rng(5)
    art = rng.integers(0, 7, 400)
    score = rng.integers(0, 12, 400).astype(float)        # many ties
    for top in (1, 2, 5):
        kept = set(_precut(art, score, top).tolist())
        for a in range(7):
            rows = np.flatnonzero(art == a)
            best = rows[np.argsort(-score[rows], kind="stable")][:5 * top]
            cut = score[best].min() if len(rows) >= 5 * top else -np.inf
            assert set(best.tolist()) <= kept
            assert kept & set(rows.tolist()) == set(rows[score[rows] >= cut].tolist())


def test_article_test_of_repeated_tables_equals_each_table_alone():
    """Fisher's test is computed once per distinct 2 x 2 table: many rare terms share one;
    every term gets exactly the p-value its table gets alone."""
    from newslab.keywords.documents import article_test
    rng = np.random.default_rng(6)
    df = rng.integers(5, 9, 300)
    a = np.minimum(rng.integers(0, 4, 300), df)
    t = article_test(a, 40, df, 2000)
    assert t["exact"].all()
    for i in range(0, 300, 7):
        one = article_test(a[i:i + 1], 40, df[i:i + 1], 2000)
        assert t["p"][i] == one["p"][0] and t["log10_p"][i] == one["log10_p"][0]


@pytest.mark.parametrize("pending", [1, 50, 10**9])
def test_counts_by_row_summed_late_or_early_are_the_same(monkeypatch, pending):
    """CountsByRow holds added pieces and sums them into one sorted matrix when read (or
    when many are pending): the same rows, vocabulary and counts as a direct sum."""
    from scipy import sparse

    from newslab.keywords.terms import CountsByRow
    monkeypatch.setattr(CountsByRow, "PENDING", pending)
    rng = np.random.default_rng(9)
    words = np.array([f"w{i:03d}" for i in range(60)], dtype=object)
    groups = np.array(["east", "north", "south", "west"], dtype=object)
    want = {}
    c = CountsByRow()
    for _ in range(12):
        rows = np.sort(rng.choice(groups, rng.integers(1, 4), replace=False))
        vocab = np.sort(rng.choice(words, rng.integers(1, 20), replace=False))
        m = sparse.random(len(rows), len(vocab), density=0.5, random_state=rng,
                          data_rvs=lambda k: rng.integers(1, 5, k).astype(float))
        c.add(rows, vocab, m)
        d = m.toarray()
        for i, r in enumerate(rows):
            for j, v in enumerate(vocab):
                want[r, v] = want.get((r, v), 0.0) + d[i, j]
        if rng.random() < 0.3:
            assert c.matrix.shape == (len(c.rows), len(c.vocab))     # read in between
    assert list(c.rows) == sorted({r for r, _ in want})
    assert list(c.vocab) == sorted({v for _, v in want})
    got = c.matrix.toarray()
    for (r, v), x in want.items():
        assert got[list(c.rows).index(r), list(c.vocab).index(v)] == x
    assert got.sum() == sum(want.values())


#: Phrase words for the dedup test: forms of a few stems; and stems met by different
#: spellings ("relational", "relate") beside words that only share first letters
#: (``_first_of_stems`` stems only the phrases whose initials clash in an article)
DEDUP_FORMS = (["talk", "talks", "talked", "talking", "vote", "votes", "voted", "summit"],
               ["relational", "relate", "related", "relation", "generalizations", "general",
                "generalize", "dying", "die", "died", "talk", "tables", "tabled", "summits",
                "summing", "sum", "trade", "trades", "traded", "trader"])


@pytest.mark.parametrize("forms", [0, 1])
@pytest.mark.parametrize("top", [1, 2, 4, None])
def test_stem_dedup_of_a_prefix_equals_the_whole_dedup(top, forms):
    """_rank_phrases stems an article's first 2 * top candidates, and more only for the
    articles where fewer than top survive, and of those only the ones whose initials
    clash: the same rows as stemming all of them."""
    from newslab.keywords.phrases import _rank_phrases
    rng = np.random.default_rng(10)
    forms = DEDUP_FORMS[forms]
    rows = []
    for a in range(30):
        k = int(rng.integers(1, 60))
        ph = rng.choice(forms, k) + " " + rng.choice(["", "deal", "deals", "dealer"], k)
        rows.append(pd.DataFrame({"article_id": f"x{a:02d}", "phrase": [p.strip() for p in ph],
                                  "score": rng.integers(0, 5, k).astype(float),
                                  "n": 1, "n_words": 1}))
    rows.append(pd.DataFrame({"article_id": "y", "n": 1, "n_words": 1,  # one stem first
                              "phrase": forms[:4] * 3 + ["vote", "summit"],
                              "score": np.arange(14, 0, -1).astype(float)}))
    df = pd.concat(rows, ignore_index=True).drop_duplicates(["article_id", "phrase"])
    got = _rank_phrases(df, top, dedup=True)
    s = df.sort_values(["article_id", "score", "phrase"], ascending=[True, False, True],
                       kind="mergesort")
    if top is not None:
        s = s[s.groupby("article_id").cumcount() < 5 * top]
    s = s[~pd.DataFrame({"a": s["article_id"].to_numpy(),
                         "k": kw.stem_phrases(s["phrase"])}).duplicated().to_numpy()]
    s = s.assign(rank=s.groupby("article_id").cumcount() + 1)
    if top is not None:
        s = s[s["rank"] <= top]
    assert got["group"].tolist() == s["article_id"].tolist()
    assert got["term"].tolist() == s["phrase"].tolist()
    assert got["rank"].tolist() == s["rank"].tolist()


@pytest.mark.parametrize("pending", [1_000_000, 150, 1])
def test_phrase_frequencies_merge_sorted_hashes_exactly(pending):
    """The same counts whether the pieces wait and are merged together (PENDING) or are
    merged one by one, and whether two counts are merged (merge) or added."""
    from newslab.keywords.phrases import PhraseFrequencies
    rng = np.random.default_rng(11)
    pf, other, want = PhraseFrequencies(), PhraseFrequencies(), {}
    pf.PENDING = other.PENDING = pending
    for i in range(12):
        u = np.unique(rng.integers(0, 500, rng.integers(1, 200)).astype(np.uint64))
        k = rng.integers(1, 9, len(u))
        (pf if i % 3 else other)._add_hashes(u, k)
        for x, c in zip(u.tolist(), k.tolist()):
            want[x] = want.get(x, 0) + c
    pf.merge(other)
    assert pf.keys.tolist() == sorted(want) and pf.counts.dtype == np.int64
    assert pf.counts.tolist() == [want[x] for x in sorted(want)]
    assert pf.lookup_hashes(np.array(sorted(want)[:3], dtype=np.uint64)).tolist() == [
        want[x] for x in sorted(want)[:3]]


def _porter_vocabulary():
    """Invented words: short stems with chains of Porter's suffixes (each step's, the
    irregular forms, the NLTK extensions' special cases) and every short string over a few
    letters."""
    import itertools
    heads = ["".join(p) for n in (1, 2) for p in itertools.product("aeiouysbtl", repeat=n)]
    mids = ["", "ation", "ational", "ization", "ness", "ful", "al", "ance", "ive", "ize",
            "ment", "ement", "li", "alli", "logi", "eli", "bli", "y", "e", "ll", "at", "bl",
            "iz", "ic", "ous", "er"]
    ends = ["", "ed", "ing", "eed", "ied"]
    plural = ["", "s", "es", "ies", "sses"]
    words = {h + m + e + p for h in heads for m in mids for e in ends for p in plural}
    words |= {"".join(p) for n in range(1, 5) for p in itertools.product("aeiouysdlbz",
                                                                          repeat=n)}
    words |= {"".join(p) + e for p in itertools.product("aeiouyst", repeat=2)
              for e in ("ed", "ing", "eds", "ings", "es", "ies", "ied", "ieds")}
    words |= {"dying", "lying", "tying", "skies", "innings", "outings", "cannings", "news",
              "proceed", "exceed", "succeed", "howe", "ies", "ied", "ieds", "sses", "aings", "oeds",
              "\u00e9lanings", "na\u00efvet\u00e9s", "2020s", "covid-19"}
    return sorted(words)


def test_stem_start_is_the_first_two_letters_of_the_porter_stem():
    """stem_start skips stemming for long words: checked against the stemmer itself."""
    from newslab.keywords.normalize import _stem, stem_start
    words = _porter_vocabulary()
    bad = [w for w in words if stem_start(w) != _stem(w)[:2] or not _stem(w)
           or " " in _stem(w)]
    assert not bad, bad[:20]
    assert stem_start("relational") == "re" and stem_start("dying") == "di"
    assert stem_start("aings") == "a" and stem_start("ieds") == "i"


def test_phrase_initials_equal_when_the_stems_are_equal():
    words = _porter_vocabulary()[::7]
    by_stem = {}
    for w in words:
        by_stem.setdefault(kw.normalize_phrase(w), set()).add(w)
    from newslab.keywords.normalize import phrase_initials
    for group in by_stem.values():
        assert len({phrase_initials(w) for w in group}) == 1, group
    assert phrase_initials("Russia\u2019s troops,") == phrase_initials("russia's troop")
    assert phrase_initials("sanctions regime") != phrase_initials("sanction")
