"""Stance: each rule on its own, the gold set through the CLI, the trained model, tables."""

import json

import numpy as np
import pandas as pd
import pytest

from newslab import cli
from newslab.errors import NewslabError
from newslab import stance as st

from .conftest import ANNOTATIONS

GOLD = ANNOTATIONS / "stance_gold.jsonl"


def score(text, target, occurrence=0, **kw):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(target, start + 1)
    return st.score_target(text, start, start + len(target), **kw)


# --- one test per rule ------------------------------------------------------------------------

def test_verb_agent_and_object_active():
    r = score("Russia invaded Ukraine.", "Russia")
    assert r["label"] == "negative" and r["rule"] == "verb-agent" and r["trigger"] == "invaded"
    r = score("Russia invaded Ukraine.", "Ukraine")
    assert r["label"] == "neutral" and r["rule"] == "verb-object"


def test_passive_voice():
    r = score("Ukraine was invaded by Russia.", "Ukraine")
    assert (r["rule"], r["label"]) == ("passive-object", "neutral")
    r = score("Ukraine was invaded by Russia.", "Russia")
    assert (r["rule"], r["label"]) == ("passive-agent", "negative")
    r = score("Belarus was condemned for forcing a passenger jet to land.", "Belarus")
    assert (r["rule"], r["label"]) == ("passive-object", "negative")


def test_contrast_splits_clauses():
    s = "Germany praised Poland for its welcome of refugees while condemning Belarus."
    assert score(s, "Poland")["label"] == "positive"
    b = score(s, "Belarus")
    assert b["label"] == "negative" and "contrast:while" in b["rule"]
    assert score(s, "Germany")["label"] == "neutral"
    # whole-sentence sentiment gives all three the same label
    labels = {score(s, t, method="sentence")["label"] for t in ("Poland", "Belarus", "Germany")}
    assert len(labels) == 1


def test_noun_phrases():
    s = "Russia's invasion of Ukraine has killed thousands of civilians."
    assert score(s, "Russia")["rule"] == "noun-agent"
    assert score(s, "Russia")["label"] == "negative"
    assert (score(s, "Ukraine")["rule"], score(s, "Ukraine")["label"]) == ("noun-object",
                                                                            "neutral")
    s = "The United States reiterated its unwavering support for Ukraine."
    assert score(s, "Ukraine")["label"] == "positive"
    assert score("They countered Russian aggression.", "Russian")["label"] == "negative"


def test_negation_reverses():
    r = score("Inspectors concluded that Russia has not violated the treaty.", "Russia")
    assert "negation" in r["rule"] and r["label"] == "positive"
    r = score("Russia did not honour its commitment.", "Russia")
    assert "negation" in r["rule"] and r["label"] == "negative"


def test_hedge_keeps_direction_weaker():
    plain = score("Russia will invade Ukraine.", "Russia")["score"]
    hedged = score("Officials fear that Russia might invade Ukraine.", "Russia")
    assert "hedge" in hedged["rule"] and plain < hedged["score"] < 0


def test_tone_alone_never_makes_a_mention_polar():
    r = score("Haiti has been plunged into chaos.", "Haiti")
    assert r["label"] == "neutral" and r["role"] == "subject"
    r = score("Nigeria is Africa's most populous country.", "Nigeria")
    assert r["label"] == "neutral"
    r = score("The terrible floods in Kenya killed dozens of people.", "Kenya")
    assert (r["label"], r["role"], r["rule"]) == ("neutral", "location", "location")


@pytest.mark.parametrize("text,target,role", [
    ("NAIROBI, Kenya \u2014 The rains came early this year.", "Kenya", "dateline"),
    ("A Brazilian company won the contract.", "Brazilian", "origin"),
    ("Shares of the Japanese carmaker fell sharply.", "Japanese", "origin"),
    ("Talks on Syria ended without a deal.", "Syria", "location"),
    ("Aid to Haiti arrived by ship.", "Haiti", "object"),
    ("The list included France, Germany and Italy.", "Germany", "listed"),
    ("The Canadian minister met her counterpart in Oslo.", "Canadian", "agent"),
    ("Chile said the vote would go ahead.", "Chile", "speaker"),
    ("Missiles struck Kharkiv, Ukraine, overnight.", "Ukraine", "object"),
    ("Officials in Peru announced a new tax.", "Peru", "location"),
])
def test_neutral_is_decided_with_a_role(text, target, role):
    r = score(text, target)
    assert r["label"] == "neutral" and r["role"] == role, r
    assert r["reason"]


@pytest.mark.parametrize("text,target,label,rule", [
    ("Missiles fired by Russia struck the city.", "Russia", "negative", "passive-agent"),
    ("The brave Ukrainian forces held the line.", "Ukrainian", "positive", "evaluative-word"),
    ("Critics denounced the authoritarian Belarusian regime.", "Belarusian", "negative",
     "evaluative-word"),
    ("The Kremlin denied any involvement in the hacking.", "Kremlin", "negative",
     "predicate"),
    ("Chile and Peru signed a fruitful partnership agreement.", "Chile", "positive",
     "verb-agent"),
    ("Ministers praised the close ties between Norway and Iceland.", "Iceland", "positive",
     "relation"),
    ("Argentina is the largest donor of food aid in the region.", "Argentina", "positive",
     "predicate-noun"),
    ("The economy of Italy grew weaker last year.", "Italy", "negative", "predicate"),
    ("Should Iran attack its neighbour, the region would suffer.", "Iran", "negative",
     "verb-agent+hedge"),
    ("Egypt will continue to support the peace process.", "Egypt", "positive", "verb-agent"),
    ("We are grateful to Japan for its help.", "Japan", "positive", "evaluative-word"),
    ("Opposition leaders took a swipe at France over its pension plan.", "France", "negative",
     "evaluative-word"),
    ("Voters were disappointed with Germany after the summit.", "Germany", "negative",
     "evaluative-word"),
])
def test_polar_needs_evidence_tied_to_the_target(text, target, label, rule):
    r = score(text, target)
    assert (r["label"], r["rule"]) == (label, rule), r


def test_criticism_aimed_at_needs_a_criticism_word():
    """"a swipe at X" is criticism of X; "at X" after anything else stays a place."""
    assert score("The talks were held at Geneva.", "Geneva")["label"] == "neutral"
    assert score("Shells fell at Ukrainian positions near the river.",
                 "Ukrainian")["label"] == "neutral"


def test_a_demonym_naming_one_person_is_not_the_state():
    """"the Frenchman", "the Italian was sent off": one person's origin (neutral), while
    "the Italian government was criticised" still judges the state."""
    for text, target in [("The Frenchman was booked for a late tackle.", "Frenchman"),
                         ("The Italian was sent off in the final minute.", "Italian")]:
        r = score(text, target)
        assert (r["label"], r["rule"]) == ("neutral", "origin"), r
    assert score("The Italian government was criticised.", "Italian")["label"] == "negative"


@pytest.mark.parametrize("text,label", [("British exports rose sharply.", "positive"),
                                        ("British output fell in November.", "negative"),
                                        ("British prices rose again.", "neutral"),
                                        ("Prices in Britain fell again.", "neutral")])
def test_own_results_up_or_down_follow_rule_6(text, label):
    """Codebook rule 6: the country's own results (its exports, output) rose / fell;
    prices in or of a country are not its conduct."""
    target = "British" if "British" in text else "Britain"
    assert score(text, target)["label"] == label


def test_the_seeds_two_errors_are_gone():
    """Issue 11: "grow" read as a favourable act in "officials grow increasingly concerned",
    and the US read as the object of sanctions in "in addition to sanctions, the U.S. would
    provide ..." (sentences written for this test in the seed's shape)."""
    r = score("U.S. officials grow increasingly concerned about the troop build-up.", "U.S.")
    assert r["label"] == "neutral" and "linking verb" in r["reason"]
    r = score("In addition to sanctions, the U.S. would provide more weapons to its partners.",
              "U.S.")
    assert r["role"] != "object" and "sanction" not in r["trigger"]


def test_seed_evidence_shows_neither_error(seed_stance):
    s = seed_stance["stance"]
    usa = s[s["iso3"] == "USA"]
    bad_grow = usa[usa["clause"].str.contains("grow increasingly concerned", regex=False)]
    assert (bad_grow["label"] == "neutral").all() and len(bad_grow)
    bad_sanctions = usa[usa["clause"].str.contains("in addition to sanctions", case=False)]
    assert len(bad_sanctions) and (bad_sanctions["role"] != "object").all()
    ev = " | ".join(seed_stance["country_stance"]["evidence"]) + " | ".join(
        seed_stance["article_stance"]["evidence"])
    assert "grow increasingly concerned" not in ev


def test_victim_is_not_negative():
    s = "Russia has massed troops on the Ukrainian border, prompting fears of an invasion."
    assert score(s, "Russia")["label"] == "negative"
    assert score(s, "Ukrainian")["label"] == "neutral"


def test_lexicon_file_is_valid_and_explained():
    lex = st.verb_lexicon()
    assert len(lex) > 150 and lex["note"].str.len().gt(0).all()
    assert lex["agent"].between(-1, 1).all() and lex["object"].between(-1, 1).all()
    row = lex[(lex.lemma == "invade") & (lex.pos == "verb")].iloc[0]
    assert row.agent < 0 and row.object == 0
    assert set(st.rules_explained()["rule"]) >= {"verb-agent", "negation", "hedge", "contrast"}


def test_bad_offsets_and_method():
    with pytest.raises(NewslabError):
        st.score_target("Russia", 3, 20)
    with pytest.raises(NewslabError):
        st.score_target("Russia invaded.", 0, 6, method="nope")
    with pytest.raises(NewslabError, match="goes with method 'trained'"):
        st.score_target("Russia invaded.", 0, 6, method="rules", model=st.shipped_model())


# --- the gold set, through the CLI ------------------------------------------------------------

def _cli_json(capsys, *args):
    assert cli.main(["evaluate", "stance", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_gold_set_is_well_formed():
    rows = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 200
    for r in rows:
        assert r["text"][r["start"]:r["end"]] == r["target"]
        assert r["label"] in ("negative", "neutral", "positive")


def test_rules_beat_sentence_on_gold(capsys):
    rules = _cli_json(capsys, str(GOLD), "--method", "rules")
    sent = _cli_json(capsys, str(GOLD), "--method", "sentence")
    assert rules["n"] == sent["n"] >= 200
    assert rules["macro_f1"] >= 0.75
    assert rules["macro_f1"] - sent["macro_f1"] >= 0.10


def test_evaluate_finds_target_without_offsets(tmp_path, capsys):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps({"text": "Russia invaded Ukraine.", "target": "Russia",
                             "label": "negative"}) + "\n" +
                 json.dumps({"text": "Germany praised Poland.", "target": "Poland",
                             "label": "positive"}) + "\n", encoding="utf-8")
    m = _cli_json(capsys, str(p))
    assert m["n"] == 2 and m["accuracy"] == 1.0
    assert cli.main(["evaluate", "stance", str(p)]) == 0
    assert "macro-F1" in capsys.readouterr().out


def test_evaluate_bad_input(tmp_path, capsys):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps({"text": "Russia invaded.", "target": "Chile",
                             "label": "negative"}) + "\n", encoding="utf-8")
    assert cli.main(["evaluate", "stance", str(p)]) == 2
    assert "not found in the text" in capsys.readouterr().err
    assert cli.main(["evaluate", "stance", str(tmp_path / "none.jsonl")]) == 2
    with pytest.raises(SystemExit):
        cli.main(["evaluate", "stance", str(GOLD), "--method", "nope"])


# --- the trained model ------------------------------------------------------------------------

def test_train_save_load_predict(tmp_path, capsys):
    out = tmp_path / "m.npz"
    assert cli.main(["train-stance", str(GOLD), "--out", str(out)]) == 0
    assert "trained on" in capsys.readouterr().out
    m = st.load_model(out)
    X = pd.DataFrame({"text": ["Russia invaded Ukraine."], "start": [0], "end": [6]})
    assert m.predict(X)[0] in st.LABELS
    r = st.score_target("Russia invaded Ukraine.", 0, 6, method="trained", model=m)
    assert -1 <= r["score"] <= 1 and r["method"] == "trained"
    res = _cli_json(capsys, str(GOLD), "--model", str(out))
    assert res["accuracy"] > 0.8  # its own training data
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    assert cli.main(["evaluate", "stance", str(GOLD), "--model", str(bad)]) == 2
    assert "not a newslab stance model" in capsys.readouterr().err


def _gold_frame():
    g = st.read_gold(GOLD)
    return g[["text", "start", "end"]], g["label"]


def test_model_is_a_sklearn_estimator():
    from sklearn.base import clone
    from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
    from sklearn.pipeline import Pipeline
    X, y = _gold_frame()
    m = st.StanceModel(C=0.5, min_df=1)
    assert m.get_params()["C"] == 0.5 and clone(m).get_params() == m.get_params()
    assert not hasattr(clone(m.fit(X, y)), "coef_")  # clone: parameters, no learned state
    before = (m.coef_.copy(), list(m.classes_))
    p1 = m.predict_proba(X.iloc[:20])
    assert np.allclose(p1.sum(axis=1), 1.0) and p1.shape == (20, len(m.classes_))
    assert np.array_equal(m.coef_, before[0]) and list(m.classes_) == before[1]
    assert np.allclose(m.predict_proba(X.iloc[:20]), p1)  # predicting changes nothing
    pipe = Pipeline([("stance", st.StanceModel(min_df=1))])
    cv = KFold(3, shuffle=True, random_state=0)
    scores = cross_val_score(pipe, X, y, cv=cv)
    assert len(scores) == 3 and all(0.4 < s <= 1 for s in scores)
    gs = GridSearchCV(st.StanceModel(min_df=1), {"C": [0.3, 3.0]}, cv=cv).fit(X, y)
    assert gs.best_params_["C"] in (0.3, 3.0)
    with pytest.raises(NewslabError, match="DataFrame"):
        m.predict(["Russia invaded Ukraine."])


def test_saved_model_predicts_the_same(tmp_path):
    X, y = _gold_frame()
    m = st.StanceModel(min_df=1).fit(X, y)
    p = m.save(tmp_path / "m.npz", card={"trained_on": ["stance_gold.jsonl"]})
    back = st.load_model(p)
    assert np.allclose(back.predict_proba(X), m.predict_proba(X))
    assert back.get_params() == m.get_params() and back.card_["trained_on"]
    with np.load(p, allow_pickle=False) as z:  # plain arrays only
        assert all(z[k].dtype != object for k in z.files)


def test_a_pickle_given_as_model_runs_nothing(tmp_path, capsys):
    """A file that would run code when unpickled (or loaded by joblib) is refused before
    anything in it runs."""
    import pickle
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for name in ("evil.pkl", "evil.joblib", "evil.npz"):
        f = tmp_path / name
        f.write_bytes(pickle.dumps({"newslab_stance_model": 1, "model": Evil()}))
        assert cli.main(["evaluate", "stance", str(GOLD), "--model", str(f)]) == 2
        err = capsys.readouterr().err
        assert "not a newslab stance model" in err and len(err.strip().splitlines()) == 1
        # an .npz whose member is a pickled object array
        z = tmp_path / ("obj-" + name + ".npz")
        np.savez(z, meta_json=np.array([Evil()], dtype=object))
        assert cli.main(["evaluate", "stance", str(GOLD), "--model", str(z)]) == 2
        capsys.readouterr()
    assert not marker.exists()


@pytest.mark.slow
@pytest.mark.evaldata
def test_trained_on_newsmtsc(shared_eval):
    d = shared_eval / "newsmtsc"
    if not (d / "train.jsonl").is_file():
        pytest.skip("NewsMTSC not available")
    train = st.read_gold(d / "train.jsonl")
    assert len(train) > 8000 and set(train["label"]) == set(st.LABELS)
    model = st.train_model(train.iloc[::3])
    rw = st.read_gold(d / "devtest_rw.jsonl", format="newsmtsc")
    assert st.evaluate(rw, method="trained", model=model)["macro_f1"] >= 0.6


# --- tables -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_stance(seed_articles):
    return st.analyze_stance(seed_articles)


def test_tables_match_schema(seed_stance):
    from newslab import schema
    for name in ("attribution", "stance", "article_stance", "country_stance", "stance_dyads"):
        assert list(seed_stance[name].columns) == schema.columns(name), name


def test_seed_per_mention_and_article(seed_stance, seed_articles):
    s = seed_stance["stance"]
    assert s["score"].between(-1, 1).all()
    assert {"USA", "RUS", "UKR"} <= set(s["iso3"])
    a = seed_stance["article_stance"].set_index("iso3")
    assert a.loc["RUS", "mean_score"] < a.loc["UKR", "mean_score"]
    assert (a["ci_low"] <= a["mean_score"]).all() and (a["mean_score"] <= a["ci_high"]).all()
    assert a.loc["RUS", "evidence"].count("|") == 2
    again = st.analyze_stance(seed_articles)  # deterministic, bootstrap included
    pd.testing.assert_frame_equal(again["article_stance"], seed_stance["article_stance"])


def test_seed_dyads(seed_stance):
    d = seed_stance["stance_dyads"]
    pairs = set(zip(d["source_iso3"], d["target_iso3"]))
    assert ("USA", "RUS") in pairs and ("RUS", "USA") in pairs
    usa_rus = d[(d.source_iso3 == "USA") & (d.target_iso3 == "RUS")].iloc[0]
    assert usa_rus["mean_score"] < 0


def test_bootstrap_is_deterministic():
    v = [0.1, -0.5, 0.3, 0.8]
    assert st.bootstrap_ci(v) == st.bootstrap_ci(v)
    assert st.bootstrap_ci([0.4]) == (0.4, 0.4)
    assert all(np.isnan(st.bootstrap_ci([])))


def test_score_mentions_needs_tables():
    with pytest.raises(NewslabError):
        st.score_mentions(pd.DataFrame(), pd.DataFrame())


def test_corpus_stage_by_outlet_and_month(seed_stance, seed_articles):
    from newslab import schema
    arts = pd.concat([seed_articles.assign(outlet="a.com"),
                      seed_articles.assign(article_id="x2", outlet="b.org",
                                           date=pd.Timestamp("2022-02-24"))],
                     ignore_index=True)
    st2 = pd.concat([seed_stance["stance"], seed_stance["stance"].assign(article_id="x2")],
                    ignore_index=True)
    out = st.stance_corpus_stage({"stance": st2, "articles": arts})
    for name, df in out.items():
        assert list(df.columns) == schema.columns(name), name
    assert set(out["country_stance_by_outlet"]["outlet"]) == {"a.com", "b.org"}
    assert set(out["country_stance_by_month"]["month"]) == {"2021-11", "2022-02"}
    one = st.stance_corpus_stage({"stance": seed_stance["stance"], "articles": seed_articles})
    assert set(one) == {"country_stance", "stance_dyads"}


def test_analyze_writes_stance_tables(tmp_path):
    from newslab import schema
    from newslab.pipeline import analyze
    res = analyze(ANNOTATIONS.parents[1] / "seeds", tmp_path, jobs=1, quiet=True)
    for name in ("attribution", "stance", "article_stance", "country_stance", "stance_dyads"):
        assert list(res.tables[name].columns) == schema.columns(name), name
    assert len(res.tables["stance"]) > 50 and len(res.tables["stance_dyads"]) > 0


def test_target_found_by_surface_form(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in [
        {"text": "The Kremlin rejected the claim.", "target": "Russia", "label": "neutral"},
        {"text": "Mr Trump praised the deal.", "target": "Trump", "label": "neutral"},
    ]) + "\n", encoding="utf-8")
    g = st.read_gold(p)
    assert g.loc[0, "text"][g.loc[0, "start"]:g.loc[0, "end"]] == "Kremlin"
    assert g.loc[1, "text"][g.loc[1, "start"]:g.loc[1, "end"]] == "Trump"


def test_newsmtsc_reader(tmp_path):
    line = {"primary_gid": "x", "sentence_normalized": "Smith attacked Jones.",
            "targets": [{"Input.gid": "a", "from": 0, "to": 5, "mention": "Smith",
                         "polarity": 2.0},
                        {"Input.gid": "b", "from": 15, "to": 20, "mention": "Jones",
                         "polarity": 4.0}]}
    p = tmp_path / "m.jsonl"
    p.write_text(json.dumps(line) + "\n", encoding="utf-8")
    g = st.read_gold(p)  # auto-detected
    assert g["label"].tolist() == ["negative", "neutral"]
    assert g["target"].tolist() == ["Smith", "Jones"]
    pred = st.score_targets(g["text"], g["start"], g["end"])
    assert pred["label"].tolist() == ["negative", "neutral"]


# --- honest aggregates ------------------------------------------------------------------------

def _toy_stance(n_articles=4, score=-0.8, label="negative"):
    rows = []
    for a in range(n_articles):
        for k in range(2):
            rows.append({"article_id": f"a{a}", "sentence_id": k, "start": 0, "end": 6,
                         "surface": "Russia", "iso3": "RUS", "country": "Russia",
                         "kind": "name", "score": score, "label": label, "method": "rules",
                         "rule": "verb-agent", "trigger": "invaded", "role": "agent",
                         "reason": "agent of 'invaded' (hostile act)",
                         "clause": f"Russia invaded, said article {a}.",
                         "speaker": "Psaki", "source_iso3": "USA"})
    return pd.DataFrame(rows)


def test_labels_say_uncertain_below_min_articles_or_across_zero():
    s = _toy_stance(2)
    assert st.country_stance(s)["label"].iloc[0] == "uncertain"  # 2 < MIN_ARTICLES
    s = _toy_stance(st.MIN_ARTICLES)
    c = st.country_stance(s).iloc[0]
    assert c["label"] == "negative" and c["n_articles"] == st.MIN_ARTICLES
    mixed = pd.concat([_toy_stance(3), _toy_stance(3, 0.8, "positive").assign(
        article_id=lambda d: "b" + d["article_id"])], ignore_index=True)
    c = st.country_stance(mixed).iloc[0]
    assert c["ci_low"] < 0 < c["ci_high"] and c["label"] == "uncertain"
    zero = _toy_stance(4, 0.0, "neutral")
    assert st.country_stance(zero)["label"].iloc[0] == "neutral"


def test_intervals_resample_articles_not_mentions():
    # one article says it ten times, three others once: resampling mentions would be narrow
    s = pd.concat([_toy_stance(1).loc[[0] * 10].assign(sentence_id=range(10))] +
                  [_toy_stance(1, 0.1, "positive").iloc[:1].assign(article_id=f"b{i}")
                   for i in range(3)], ignore_index=True)
    c = st.country_stance(s).iloc[0]
    assert c["n_articles"] == 4 and c["n_mentions"] == 13
    from newslab.stats import cluster_bootstrap
    m, lo, hi = cluster_bootstrap(s["score"], s["article_id"])
    assert (c["ci_low"], c["ci_high"]) == (round(lo, 4), round(hi, 4))
    naive = st.bootstrap_ci(s["score"])
    assert hi - lo > naive[1] - naive[0]


def test_duplicates_left_out_and_counted():
    s = _toy_stance(4)
    arts = pd.DataFrame({"article_id": ["a0", "a1", "a2", "a3"],
                         "duplicate_of": [None, "a0", None, None]})
    c = st.country_stance(s, arts).iloc[0]
    assert (c["n_articles"], c["n_mentions"], c["n_duplicates"]) == (3, 6, 2)
    c = st.country_stance(s, arts, duplicates=True).iloc[0]
    assert (c["n_articles"], c["n_duplicates"]) == (4, 0)
    d = st.dyads(s, arts).iloc[0]
    assert (d["n_articles"], d["n_duplicates"], bool(d["display"])) == (3, 2, True)


def test_evidence_deduplicated_with_reasons():
    s = _toy_stance(3)
    s["clause"] = "Russia invaded Ukraine."  # the same sentence in every article
    ev = st.country_stance(s).iloc[0]["evidence"]
    assert ev.count("|") == 0 and "agent of 'invaded'" in ev
    assert len(st.evidence(s)) == 1
    d = st.dyads(s).iloc[0]["evidence"]
    assert d.startswith("Psaki: -0.80") and "|" not in d


def test_dyads_need_articles_for_display():
    d = st.dyads(_toy_stance(1)).iloc[0]
    assert d["n_mentions"] == 2 and not d["display"] and d["label"] == "uncertain"


def test_article_stance_order_does_not_depend_on_batches(seed_stance):
    s = seed_stance["stance"]
    s2 = pd.concat([s.assign(article_id="z-" + s["article_id"]), s], ignore_index=True)
    whole = st.article_stance(s2)
    parts = pd.concat([st.article_stance(s2.iloc[:len(s)]),
                       st.article_stance(s2.iloc[len(s):])], ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts)
    first = whole[whole["article_id"] == whole["article_id"].iloc[0]]
    order = s.drop_duplicates("iso3")["iso3"].tolist()
    assert first["iso3"].tolist() == order


def test_corpus_stage_by_any_key(seed_stance, seed_articles):
    from newslab import schema
    arts = pd.concat([seed_articles.assign(section="world"),
                      seed_articles.assign(article_id="x2", section="politics")],
                     ignore_index=True)
    st2 = pd.concat([seed_stance["stance"], seed_stance["stance"].assign(article_id="x2")],
                    ignore_index=True)
    out = st.stance_corpus_stage({"stance": st2, "articles": arts}, by=["section", "year"])
    assert {"country_stance_by_section", "stance_dyads_by_section",
            "country_stance_by_year", "stance_dyads_by_year"} <= set(out)
    cs = out["country_stance_by_section"]
    assert list(cs.columns) == schema.grouped_columns("country_stance", "section")
    assert set(cs["section"]) == {"world", "politics"}
    with pytest.raises(NewslabError, match="no column"):
        st.stance_corpus_stage({"stance": st2, "articles": arts}, by=["desk"])


def test_stance_stage_needs_mentions(seed_sentences, seed_articles):
    with pytest.raises(NewslabError, match="mentions"):
        st.stance_stage({"sentences": seed_sentences, "articles": seed_articles})


# --- the shipped model ------------------------------------------------------------------------

def test_shipped_model_is_plain_data_with_a_card():
    from importlib import resources
    ref = resources.files("newslab").joinpath("data/stance_model.npz")
    with np.load(str(ref), allow_pickle=False) as z:
        assert all(z[k].dtype != object for k in z.files)
    m = st.shipped_model()
    card = m.card_
    names = " ".join(s["source"] for s in card["trained_on"])
    assert "NewsMTSC" in names and "stance_real.jsonl split=train" in names
    assert "bbc" not in names.lower() and "country_stance" not in names
    assert "Hamborg" in card["credit"]
    r = st.score_target("Russia invaded Ukraine.", 0, 6, method="trained")
    assert r["method"] == "trained" and r["reason"].startswith("model: p(")


def test_trained_without_model_uses_the_shipped_one(capsys):
    assert cli.main(["evaluate", "stance", str(GOLD), "--method", "trained", "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["method"] == "trained" and m["macro_f1"] > 0.6


@pytest.mark.evaldata
def test_shipped_model_on_newsmtsc(shared_eval):
    rw = st.read_gold(shared_eval / "newsmtsc" / "devtest_rw.jsonl")
    m = st.evaluate(rw, method="trained")
    # 0.679 (the card; C and round 4's official rows chosen by cross-validation, never on
    # this file: 0.691 with the model before, 0.672 before the target block)
    assert m["macro_f1"] >= 0.67
    assert m["macro_f1"] > st.evaluate(rw, method="sentence")["macro_f1"]


@pytest.mark.evaldata
def test_default_method_on_real_dev(shared_eval):
    """The codebook's construct on real text (../shared/eval/country_stance/dev.jsonl, never
    trained on): the default method's figures hold."""
    g = st.read_gold(shared_eval / "country_stance" / "dev.jsonl")
    m = st.evaluate(g)
    assert m["method"] == st.DEFAULT_METHOD
    pc = m["per_class"]
    assert m["macro_f1"] >= 0.70 and pc["neutral"]["recall"] >= 0.80
    assert pc["negative"]["precision"] >= 0.6 and pc["positive"]["precision"] >= 0.6


def test_stance_stages_under_the_runner_with_options(tmp_path):
    """The stage functions honour the runner's contract when the stage table declares their
    options (method/model for stance, by/duplicates for stance_corpus)."""
    import dataclasses
    from newslab.pipeline import analyze
    from newslab.pipeline.stages import DEFAULT_STAGES
    stages = [dataclasses.replace(s, options={"stance": ("method", "model"),
                                              "stance_corpus": ("by", "duplicates")}.get(
                                                  s.name, s.options))
              for s in DEFAULT_STAGES if s.name != "keywords"]
    res = analyze(ANNOTATIONS.parents[1] / "seeds", tmp_path, stages=stages, jobs=1,
                  quiet=True, method="trained", by=["month"])
    st_ = res.tables["stance"]
    assert set(st_["method"]) == {"trained"} and st_["reason"].str.startswith("model:").all()
    assert "country_stance_by_month" in res.tables and "stance_dyads_by_month" in res.tables


def test_combined_keeps_the_rules_decisions():
    """combined: the rules' polar labels and their neutral roles stand; the model speaks only
    where the rules found no evaluation, and says so in the rule and reason."""
    texts = ["Russia invaded Ukraine.", "The terrible floods in Kenya killed dozens.",
             "A Brazilian company lost its licence.",
             "The wonderful, generous and kind people of Ireland welcomed everyone warmly, "
             "happily and proudly."]
    targets = ["Russia", "Kenya", "Brazilian", "Ireland"]
    starts = [t.index(x) for t, x in zip(texts, targets)]
    ends = [s + len(x) for s, x in zip(starts, targets)]
    rules = st.score_targets(texts, starts, ends, method="rules")
    comb = st.score_targets(texts, starts, ends, method="combined")
    assert comb["label"].tolist()[:3] == rules["label"].tolist()[:3] == \
        ["negative", "neutral", "neutral"]
    assert comb["role"].tolist()[1:3] == ["location", "origin"]
    assert rules["label"].iloc[3] == "neutral" and rules["rule"].iloc[3] == "no-evaluation"
    assert comb["label"].iloc[3] == "positive" and comb["rule"].iloc[3].endswith("+model")
    assert "the model: p(" in comb["reason"].iloc[3]
    assert st.DEFAULT_METHOD in st.METHODS


def one_article(text, date="2022-03-01"):
    """(sentences, mentions) of one article with this text (dated, one paragraph)."""
    import newslab as nl
    arts = pd.DataFrame({"article_id": ["a"], "title": [""], "date": [pd.Timestamp(date)],
                         "text": [text]})
    arts["paragraphs"] = arts["text"].map(lambda t: [t])
    sents = nl.sentences(arts)
    return sents, nl.find_mentions(sents, arts)


def test_persons_are_left_out_of_stance_unless_asked():
    """A leader not acting for the state, or a minister, is kind="person": no stance row."""
    sents, m = one_article("Foreign Minister Sergey Lavrov criticised Poland. "
                           "Russia condemned Poland.")
    persons = m[m["kind"] == "person"]
    assert len(persons) >= 1, m
    tab = st.score_mentions(sents, m)
    assert not tab["start"].isin(persons["start"]).any()
    with_persons = st.score_mentions(sents, m, persons=True)
    assert with_persons["start"].isin(persons["start"]).any()
