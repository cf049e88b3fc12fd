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


def test_clause_tone_fallback_masks_target():
    r = score("Haiti has been plunged into chaos.", "Haiti")
    assert r["rule"].startswith("clause-tone") and r["label"] == "negative"
    r = score("Nigeria is Africa's most populous country.", "Nigeria")
    assert r["label"] == "neutral"


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
    with pytest.raises(NewslabError, match="needs a model"):
        st.score_target("Russia invaded.", 0, 6, method="trained")


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
    assert cli.main(["evaluate", "stance", str(GOLD), "--method", "trained"]) == 2


# --- the trained model ------------------------------------------------------------------------

def test_train_save_load_predict(tmp_path, capsys):
    out = tmp_path / "m.joblib"
    assert cli.main(["train-stance", str(GOLD), "--out", str(out)]) == 0
    assert "trained on" in capsys.readouterr().out
    m = st.load_model(out)
    pred = m.predict(["Russia invaded Ukraine."], [0], [6])
    assert pred[0] in st.LABELS
    r = st.score_target("Russia invaded Ukraine.", 0, 6, method="trained", model=m)
    assert -1 <= r["score"] <= 1 and r["method"] == "trained"
    res = _cli_json(capsys, str(GOLD), "--model", str(out))
    assert res["accuracy"] > 0.8  # its own training data
    bad = tmp_path / "bad.joblib"
    bad.write_bytes(b"not a model")
    assert cli.main(["evaluate", "stance", str(GOLD), "--model", str(bad)]) == 2


@pytest.mark.evaldata
def test_trained_on_newsmtsc(shared_eval):
    d = shared_eval / "newsmtsc"
    if not (d / "train.jsonl").is_file():
        pytest.skip("NewsMTSC not available")
    train = st.read_gold(d / "train.jsonl")
    assert len(train) > 8000 and set(train["label"]) == set(st.LABELS)
    model = st.train_model(train)
    rw = st.read_gold(d / "devtest_rw.jsonl", format="newsmtsc")
    assert st.evaluate(rw, method="trained", model=model)["macro_f1"] >= 0.65
    assert st.evaluate(rw, method="rules")["macro_f1"] > \
        st.evaluate(rw, method="sentence")["macro_f1"]


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
