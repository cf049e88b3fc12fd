"""Sentiment: same scores as the reference VADER, the news extension, tables, evaluation."""

import json

import numpy as np
import pandas as pd
import pytest

from newslab import schema, sentiment
from newslab.evaluation import sentiment as ev
from newslab.sentiment import lexicons, vader
from newslab.cli import main
from newslab.errors import NewslabError
from newslab.sentiment import (NEG_THRESHOLD, POS_THRESHOLD, article_tone, get_analyzer,
                               label_from_compound, score_paragraphs, score_sentences)

# Sentences exercising each of VADER's rules (written for these tests).
VARIED = [
    "The talks were good.",
    "The talks were not good.",
    "The talks were never so good!",
    "The talks weren't bad at all.",
    "Without a doubt, an excellent result.",
    "The deal was good, but the terms are poor and the timing is not great.",
    "Officials were VERY pleased, but the mood in Kyiv was GRIM.",
    "The ceasefire is kind of fragile.",
    "The economy is sort of recovering, kinda.",
    "It was the least successful summit in years.",
    "At least it wasn't a disaster.",
    "Is this really a crisis?? Really???",
    "Outrageous!!!! Shameful!!",
    "No agreement, no progress, no peace.",
    "There is no hope or trust left.",
    "The minister was extremely angry and deeply disappointed.",
    "The offer was barely acceptable and slightly insulting.",
    "He said it would be a mistake, a grave mistake.",
    "Sales rose 5% but costs rose faster; the loss narrowed.",
    "good good but good good bad bad",  # the reference's list.index quirk after "but"
    "They are not happy, nor are they sad, despite the good news.",
    "Supporters cheered; opponents jeered.",
    "a", "", "   ", "!!!", "?? ??",
    "Catch emoji such as \U0001F498 and \U0001F601 in a tweet",
    "\u201cWe will respond decisively,\u201d she said \u2014 a clear warning.",
    "The bomb squad said the bus stop was safe; the kiss of death for the plan.",
    # idioms and booster phrases around a lexicon word three or more words in
    "Critics of the tour said the show was the bomb, a night to die for, really fun.",
    "Officials in the end said yeah right, great, the aid was just enough and kind of good.",
    "Many in the city felt the mood was sort of hopeful, a beating heart of calm.",
]


@pytest.fixture(scope="module")
def reference():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def test_same_scores_as_reference_vader(reference, seed_sentences):
    ours = get_analyzer("vader")
    texts = VARIED + seed_sentences["text"].tolist()
    for t in texts:
        a, b = reference.polarity_scores(t), ours.polarity_scores(t)
        assert set(b) == {"neg", "neu", "pos", "compound"}
        for k in a:
            assert abs(a[k] - b[k]) < 1e-6, (t, k, a[k], b[k])
    # and the cases are not all trivial: rules fire
    assert len({ours.polarity_scores(t)["compound"] for t in VARIED}) > 20


def test_lexicon_comes_from_the_installed_package(reference):
    lex = sentiment.vader_lexicon()
    assert lex == reference.lexicon and len(lex) > 7000
    assert get_analyzer("vader").lexicon == lex
    assert get_analyzer("vader") is get_analyzer("vader")  # cached


def test_no_download_needed(monkeypatch):
    import nltk
    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download called"))
    lexicons._ANALYZERS.clear()
    assert get_analyzer("news").polarity_scores("a brutal invasion")["compound"] < -0.5


def test_news_extension_file_is_well_formed():
    ext = sentiment.news_extension()
    assert len(ext) > 150
    assert ext["word"].is_unique
    assert ext["valence"].between(-4, 4).all()
    assert (ext["note"].str.len() > 10).all() and (ext["category"] != "").all()
    known = {"conflict", "humanitarian", "justice", "diplomacy", "economy", "direction-up",
             "direction-down", "quantity-good", "quantity-bad", "news-sense"}
    assert set(ext["category"]) <= known
    # an entry must not turn a VADER modifier into a scored word
    assert not set(ext["word"]) & (set(sentiment.BOOSTER_DICT) | sentiment.NEGATE
                                   | {"least", "but", "no", "kind", "of"})
    # the words the issue names are covered
    for w in ("invasion", "invade", "sanctions", "annex", "occupation", "troops", "famine",
              "refugees", "ceasefire", "escalation", "rose", "fell", "losses", "growth",
              "default"):
        assert w in get_analyzer("news").lexicon, w
    assert get_analyzer("news").lexicon["invasion"] < 0 < get_analyzer("news").lexicon["ceasefire"]


@pytest.mark.parametrize("text, vader_label, news_label", [
    ("a complete rupture of relations", "neutral", "negative"),
    ("Russia has massed 100,000 troops along the Ukrainian border, prompting fears of an "
     "invasion.", "negative", "negative"),
    ("The two sides declared a ceasefire.", "neutral", "positive"),
    ("The United States and Russia will hold talks.", "positive", "neutral"),
    ("Net sales rose by 5.2 % to EUR 205.5 mn.", "neutral", "positive"),
    ("Operating profit fell to EUR 3.2 mn from EUR 5.4 mn.", "positive", "negative"),
    ("The operating loss narrowed to EUR 1.1 mn.", "negative", "positive"),
    ("Costs increased sharply in the quarter.", "positive", "negative"),
    ("Sales did not increase.", "negative", "negative"),
])
def test_news_extension_changes_what_it_should(text, vader_label, news_label):
    v = get_analyzer("vader").polarity_scores(text)["compound"]
    n = get_analyzer("news").polarity_scores(text)["compound"]
    assert label_from_compound(v) == vader_label, v
    assert label_from_compound(n) == news_label, n


def test_invasion_sentence_is_clearly_more_negative_with_news():
    t = ("Russia has massed 100,000 troops along the Ukrainian border, prompting fears of an "
         "invasion as early as next month.")
    assert get_analyzer("news").polarity_scores(t)["compound"] < \
        get_analyzer("vader").polarity_scores(t)["compound"] - 0.3


def test_direction_rule_is_local_and_keeps_agreeing_valence():
    an = get_analyzer("news")
    # no quantity nearby: direction words keep their default sign
    assert an.polarity_scores("Shares of the company rose.")["compound"] > 0
    assert an.polarity_scores("It fell.")["compound"] < 0
    # "violence increased": the noun's own (negative) valence is kept, the change adds to it
    assert an.polarity_scores("Violence increased.")["compound"] < \
        an.polarity_scores("Violence.")["compound"]
    # a quantity 6 words away is out of the window
    far = "Sales in the region of the north of the country rose."
    assert an.polarity_scores(far)["compound"] > 0


def test_label_thresholds_are_documented_constants():
    assert (POS_THRESHOLD, NEG_THRESHOLD) == (0.05, -0.05)
    assert label_from_compound(0.05) == "positive"
    assert label_from_compound(-0.05) == "negative"
    assert label_from_compound(0.0499) == "neutral"
    arr = label_from_compound(np.array([-0.5, 0.0, 0.5]))
    assert list(arr) == ["negative", "neutral", "positive"]


def test_sentence_table(seed_sentences):
    ss = score_sentences(seed_sentences)
    assert list(ss.columns) == schema.columns("sentence_sentiment")
    assert len(ss) == len(seed_sentences)
    assert ss[["article_id", "sentence_id"]].equals(
        seed_sentences[["article_id", "sentence_id"]].reset_index(drop=True))
    assert ss["compound"].between(-1, 1).all()
    np.testing.assert_allclose(ss[["neg", "neu", "pos"]].sum(axis=1), 1, atol=0.0021)
    assert (ss["label"] == label_from_compound(ss["compound"].to_numpy())).all()
    plain = score_sentences(seed_sentences, lexicon="vader")
    assert not plain["compound"].equals(ss["compound"])  # the news lexicon changes things


def test_paragraph_and_article_tables(seed_sentences):
    ss = score_sentences(seed_sentences)
    par = score_paragraphs(seed_sentences, sentence_scores=ss)
    assert list(par.columns) == schema.columns("paragraph_sentiment")
    assert len(par) == seed_sentences.groupby(["article_id", "paragraph_id"]).ngroups
    assert par["n_sentences"].sum() == len(seed_sentences)
    first = par.iloc[0]
    sents = seed_sentences[(seed_sentences.paragraph_id == first.paragraph_id)]
    assert first["compound"] == get_analyzer("news").polarity_scores(
        " ".join(sents["text"]))["compound"]
    assert par.equals(score_paragraphs(seed_sentences))  # same without precomputed scores

    art = article_tone(seed_sentences, sentence_scores=ss)
    assert list(art.columns) == schema.columns("article_sentiment")
    row = art.iloc[0]
    assert row["n_sentences"] == len(ss)
    assert row["mean_compound"] == round(ss["compound"].mean(), 4)
    assert row["share_positive"] == round((ss["label"] == "positive").mean(), 4)
    assert row["share_negative"] == round((ss["label"] == "negative").mean(), 4)
    assert row["gdelt_tone"] == pytest.approx(row["pos_word_pct"] - row["neg_word_pct"],
                                              abs=1e-3)
    assert 600 < row["n_words"] < 900
    assert row["label"] == "negative"  # the seed: threats, sanctions, escalation


def test_gdelt_word_counts():
    an = get_analyzer("news")
    # words: war, and, peace, -- is not a word; war negative, peace positive
    assert an.word_polarity("War and peace --") == (3, 1, 1)


def test_stage_and_empty_input(seed_sentences):
    out = sentiment.sentiment_stage({"sentences": seed_sentences})
    assert set(out) == {"sentence_sentiment", "paragraph_sentiment", "article_sentiment"}
    for name, df in out.items():
        assert list(df.columns) == schema.columns(name)
    empty = seed_sentences.iloc[:0]
    out = sentiment.sentiment_stage({"sentences": empty})
    for name, df in out.items():
        assert df.empty and list(df.columns) == schema.columns(name)


def test_bad_input_is_a_clear_error():
    with pytest.raises(NewslabError, match="DataFrame"):
        score_sentences(["a sentence"])
    with pytest.raises(NewslabError, match="text"):
        score_sentences(pd.DataFrame({"article_id": ["a"], "sentence_id": [0]}))
    with pytest.raises(NewslabError, match="unknown lexicon"):
        get_analyzer("afinn")
    # non-strings score as text, None as empty
    assert get_analyzer("vader").polarity_scores(None)["compound"] == 0.0


def test_custom_extension_file(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("word\tvalence\tcategory\tnote\n# a comment\nblorf\t-3\ttest\tinvented\n",
                 encoding="utf-8")
    an = get_analyzer(str(p))
    assert an.lexicon["blorf"] == -3.0 and "invasion" not in an.lexicon
    assert an.polarity_scores("blorf")["compound"] < 0
    p.write_text("blorf\t9\n", encoding="utf-8")
    with pytest.raises(NewslabError, match=r"mine.tsv:1"):
        sentiment.read_lexicon_file(p)
    p.write_text("blorf\t1\nblorf\t2\n", encoding="utf-8")
    with pytest.raises(NewslabError, match="repeats"):
        sentiment.read_lexicon_file(p)


# --- gold readers and the evaluate command ---------------------------------------------------

def _gold_jsonl(tmp_path):
    rows = [{"text": "The invasion was a catastrophe.", "label": "negative"},
            {"text": "Leaders agreed to a ceasefire and welcomed the progress.",
             "label": "positive"},
            {"text": "The meeting is on Tuesday.", "label": "neutral"},
            {"text": "Net sales rose by 8 %.", "label": "positive"}]
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return p


def test_read_gold_formats(tmp_path):
    g = ev.read_gold(_gold_jsonl(tmp_path))
    assert list(g.columns) == ["text", "label"] and len(g) == 4

    pb = tmp_path / "Sentences_Test.txt"  # Latin-1, as three of the PhraseBank files are
    pb.write_bytes("Profit rose to \xa3 3 mn @ the end.@positive\nIt is Tuesday.@neutral\n"
                   .encode("latin-1"))
    g = ev.read_gold(pb)
    assert g["label"].tolist() == ["positive", "neutral"]
    assert g["text"][0] == "Profit rose to \xa3 3 mn @ the end."  # split on the last @

    mt = tmp_path / "mtsc.jsonl"
    recs = [{"sentence_normalized": "A said B is bad.", "targets": [{"polarity": 2.0}]},
            {"sentence_normalized": "Mixed.", "targets": [{"polarity": 2.0},
                                                          {"polarity": 6.0}]},
            {"sentence_normalized": "Both fine.", "targets": [{"polarity": 6.0},
                                                              {"polarity": 6.0}]}]
    mt.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    g = ev.read_gold(mt)  # auto-detected; sentences with mixed targets dropped
    assert g["label"].tolist() == ["negative", "positive"]

    tg = tmp_path / "targets.jsonl"
    recs = [{"text": "A attacked B.", "target": "A", "label": "negative"},
            {"text": "A attacked B.", "target": "B", "label": "neutral"},
            {"text": "C helped D.", "target": "C", "label": "positive"},
            {"text": "C helped D.", "target": "D", "label": "positive"}]
    tg.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    g = ev.read_gold(tg)  # auto-detected: per-target labels, agreeing sentences kept
    assert g.to_dict("records") == [{"text": "C helped D.", "label": "positive"}]
    assert len(ev.read_gold(tg, format="jsonl")) == 4

    bad = tmp_path / "bad.txt"
    bad.write_text("no label here\n", encoding="utf-8")
    with pytest.raises(NewslabError, match="bad.txt:1"):
        ev.read_gold(bad)
    badj = tmp_path / "bad.jsonl"
    badj.write_text('{"text": "x", "label": "happy"}\n', encoding="utf-8")
    with pytest.raises(NewslabError, match="happy"):
        ev.read_gold(badj)


def test_evaluate_command(tmp_path, capsys):
    p = _gold_jsonl(tmp_path)
    assert main(["evaluate", "sentiment", str(p), "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert {"n", "accuracy", "macro_f1", "per_class", "confusion"} <= set(m)
    assert m["n"] == 4 and m["accuracy"] == 1.0 and m["lexicon"] == "news"
    assert main(["evaluate", "sentiment", str(p), "--lexicon", "vader", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] < 1.0
    assert main(["evaluate", "sentiment", str(p)]) == 0
    out = capsys.readouterr().out
    assert "macro-F1" in out and "confusion" in out
    assert main(["evaluate", "sentiment", str(tmp_path / "missing.jsonl")]) == 2
    assert "gold file not found" in capsys.readouterr().err


# --- the public evaluation sets (skipped when ../shared/eval is absent) ----------------------

PHRASEBANK = ["Sentences_AllAgree.txt", "Sentences_75Agree.txt", "Sentences_66Agree.txt",
              "Sentences_50Agree.txt"]


@pytest.mark.evaldata
def test_phrasebank_figures(shared_eval):
    figures = {}
    for name in PHRASEBANK:
        gold = ev.read_gold(shared_eval / "financial_phrasebank" / name)
        figures[name] = {lx: ev.evaluate(gold, lexicon=lx)["macro_f1"]
                         for lx in ("vader", "news")}
    assert figures["Sentences_AllAgree.txt"]["vader"] == pytest.approx(0.487, abs=0.001)
    assert figures["Sentences_AllAgree.txt"]["news"] >= 0.55
    for name, f in figures.items():
        assert f["news"] > f["vader"], name


@pytest.mark.evaldata
def test_newsmtsc_does_not_fall(shared_eval):
    for name in ("devtest_rw.jsonl", "devtest_mt.jsonl"):
        gold = ev.read_gold(shared_eval / "newsmtsc" / name)
        assert len(gold) > 300
        v = ev.evaluate(gold, lexicon="vader")["macro_f1"]
        n = ev.evaluate(gold, lexicon="news")["macro_f1"]
        assert n >= v - 0.005, (name, v, n)


def test_ablation_analyzers():
    full = sentiment.news_analyzer()
    t = "The operating loss narrowed to EUR 1.1 mn."
    assert full.polarity_scores(t) == get_analyzer("news").polarity_scores(t)
    assert sentiment.news_analyzer(rule=False).polarity_scores(t)["compound"] < 0
    no_conflict = sentiment.news_analyzer(exclude=("conflict",))
    assert "invasion" not in no_conflict.lexicon and "ceasefire" in no_conflict.lexicon
    with pytest.raises(NewslabError, match="unknown categor"):
        sentiment.news_analyzer(exclude=("sports",))
    m = ev.evaluate(pd.DataFrame({"text": [t], "label": ["positive"]}), lexicon=full)
    assert m["accuracy"] == 1.0


def test_but_rule_linear_version_equals_the_reference_loop():
    import random
    rng = random.Random(0)
    vals = [0, 0.0, 1.9, 0.95, 2.85, -1.3, -0.65, -1.95, 1.2, 0.6, 1.8, 3.8, 1.425]
    for _ in range(3000):
        n = rng.randint(1, 12)
        s = [rng.choice(vals) for _ in range(n)]
        lows = ["w"] * n
        lows[rng.randrange(n)] = "but"
        assert vader._but_check(lows, list(s)) == \
            vader._but_check_reference(lows, list(s)), (s, lows.index("but"))


def test_project_gold_set_reads(tmp_path):
    from tests.conftest import ANNOTATIONS
    p = ANNOTATIONS / "stance_gold.jsonl"
    if not p.is_file():
        pytest.skip("no stance gold set")
    g = ev.read_gold(p)
    assert 50 < len(g) and g["text"].is_unique


# --- the corpus tone stage ------------------------------------------------------------------

def _tone_tables():
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(6)],
                         "outlet": ["x", "x", "x", "y", "y", "y"],
                         "duplicate_of": [None, None, None, None, None, "a4"]})
    art = pd.DataFrame({"article_id": arts["article_id"],
                        "mean_compound": [0.5, 0.6, 0.4, -0.3, -0.1, -0.9],
                        "gdelt_tone": [2.0, 3.0, 1.0, -1.0, 0.0, -5.0]})
    return arts, art


def test_tone_stage_means_intervals_and_labels():
    from newslab.sentiment import tone_stage
    arts, art = _tone_tables()
    out = tone_stage({"articles": arts, "article_sentiment": art}, by=["outlet"])
    t = out["tone"]
    assert list(t.columns) == schema.columns("tone") and len(t) == 1
    row = t.iloc[0]
    assert row["n_articles"] == 5                       # the duplicate left out
    assert row["mean_compound"] == pytest.approx(np.mean([0.5, 0.6, 0.4, -0.3, -0.1]))
    assert row["mean_gdelt_tone"] == pytest.approx(1.0)
    assert row["compound_ci_low"] <= row["mean_compound"] <= row["compound_ci_high"]
    assert row["label"] == "uncertain"                  # the interval spans the cut-offs
    bo = out["tone_by_outlet"].set_index("outlet")
    assert list(out["tone_by_outlet"].columns) == schema.grouped_columns("tone", "outlet")
    assert bo.loc["x", "label"] == "positive"           # all three well above 0.05
    assert bo.loc["x", "compound_ci_low"] == pytest.approx(0.4)
    assert bo.loc["y", "n_articles"] == 2 and bo.loc["y", "label"] == "uncertain"  # < 3
    dup = tone_stage({"articles": arts, "article_sentiment": art}, duplicates=True)["tone"]
    assert dup.iloc[0]["n_articles"] == 6


def test_tone_stage_same_result_every_run_and_empty_input():
    from newslab.sentiment import tone_stage
    arts, art = _tone_tables()
    a = tone_stage({"articles": arts, "article_sentiment": art})["tone"]
    b = tone_stage({"articles": arts, "article_sentiment": art})["tone"]
    pd.testing.assert_frame_equal(a, b)
    e = tone_stage({"articles": arts, "article_sentiment": art.iloc[:0]})["tone"]
    assert e.iloc[0]["n_articles"] == 0 and e.iloc[0]["label"] == "uncertain"
    with pytest.raises(NewslabError):
        tone_stage({"articles": arts, "article_sentiment": art}, by=["section"])


# --- paragraphs and articles from their sentences' valences (one pass over the words) -------

def test_sentence_stats_give_the_same_scores_as_polarity_scores(reference):
    from newslab.sentiment import combine_stats
    for lexicon in ("vader", "news"):
        an = get_analyzer(lexicon)
        for t in VARIED + ["", "   ", "Nothing here.", "Great!!! Really?? Yes?"]:
            st = an.sentence_stats(t)
            assert combine_stats(*st[:6]) == an.polarity_scores(t), t
            assert tuple(st[6:]) == an.word_polarity(t), t


def test_packed_word_counts_equal_three_separate_counts():
    from newslab.sentiment.vader import _word_counts
    an = get_analyzer("news")
    texts = VARIED + ["", "good good bad!!! ??? 42 -- great, terrible; fine",
                      " ".join(["good"] * 3000 + ["bad"] * 2000 + ["word", "..."] * 500)]
    for t in texts:
        recs = [an._tok[w] for w in t.split()]
        want = (sum(r[9] for r in recs), sum(r[11] for r in recs), sum(r[12] for r in recs))
        assert _word_counts(recs) == want == an.word_polarity(t), t[:40]
    assert an.word_polarity(texts[-1]) == (5500, 3000, 2000)  # "..." is no word


def test_combined_scores_equal_combine_stats_row_by_row_to_the_bit():
    """The array form of VADER's last step gives combine_stats' floats exactly, also at
    the halves where scaling and rint could round otherwise, for ties of positive and
    negative mass, empty rows, clipped emphasis and missing values."""
    import numpy as np

    from newslab.sentiment import STATS, combine_stats, combined_scores
    rng = np.random.default_rng(7)
    n = 20_000
    places = rng.integers(0, 6, size=(3, n))
    rows = pd.DataFrame({
        "v_sum": [round(x, int(d)) for x, d in zip(rng.normal(0, 3, n), places[0])],
        "v_pos": [round(abs(x), int(d)) for x, d in zip(rng.normal(0, 3, n), places[1])],
        "v_neg": [-round(abs(x), int(d)) for x, d in zip(rng.normal(0, 3, n), places[2])],
        "v_neu": rng.integers(0, 40, n).astype(float),
        "n_excl": rng.integers(0, 8, n).astype(float),
        "n_quest": rng.integers(0, 6, n).astype(float)})
    rows.loc[::7, "v_pos"] = rows.loc[::7, "v_neg"].abs()          # positive == |negative|
    rows.loc[::11, ["v_sum", "v_pos", "v_neg", "v_neu"]] = 0.0     # nothing to share out
    # shares that sit exactly on a half at three places: 1/2000 and 1/400 ...
    rows.loc[::17, ["v_pos", "v_neg", "v_neu", "n_excl", "n_quest"]] = [1.0, 0, 1999.0, 0, 0]
    rows.loc[::19, ["v_pos", "v_neg", "v_neu", "n_excl", "n_quest"]] = [0, -1.0, 399.0, 0, 0]
    rows.loc[::23, "v_sum"] = np.nan
    for t in ("Good!!! Bad?? Fine.", "", "It was not bad at all, but terrible."):
        rows.loc[len(rows)] = get_analyzer("news").sentence_stats(t)[:6]
    want = np.array([[d["neg"], d["neu"], d["pos"], d["compound"]] for d in
                     (combine_stats(*r) for r in rows[STATS[:6]].to_numpy(float).tolist())])
    got = combined_scores(rows)
    assert np.array_equal(np.isnan(got), np.isnan(want))
    assert np.array_equal(np.nan_to_num(got).view(np.int64), np.nan_to_num(want).view(np.int64))
    half = ((rows["v_pos"] == 1) & (rows["v_neu"] == 1999)).to_numpy()  # pos share 0.0005
    assert half.sum() > 100 and (got[half, 2] == round(1 / 2000, 3)).all()


def _two_paragraphs():
    text = ["The talks were good. But the deal was bad!", "Nothing happened."]
    arts = pd.DataFrame({"article_id": ["a"], "text": ["\n".join(text)],
                         "paragraphs": [text]})
    import newslab as nl
    return nl.sentences(arts)


def test_paragraphs_combine_their_sentences_rules_stay_inside_a_sentence():
    from newslab.sentiment import combine_stats
    sents = _two_paragraphs()
    an = get_analyzer("news")
    par = score_paragraphs(sents)
    st = [an.sentence_stats(t) for t in sents["text"][sents["paragraph_id"] == 0]]
    summed = [sum(x[k] for x in st) for k in range(6)]
    assert par.loc[0, "compound"] == combine_stats(*summed)["compound"]
    # whole-text VADER lets the second sentence's "but" halve the first sentence's "good"
    whole = score_paragraphs(sents, whole_text=True)
    joined = " ".join(sents["text"][sents["paragraph_id"] == 0])
    assert whole.loc[0, "compound"] == an.polarity_scores(joined)["compound"]
    assert whole.loc[0, "compound"] != par.loc[0, "compound"]
    # a one-sentence paragraph scores as its sentence either way
    assert par.loc[1, "compound"] == whole.loc[1, "compound"] == 0.0
    assert list(par["mean_compound"]) == list(whole["mean_compound"])


def test_article_compound_from_sentences_and_the_stage_reads_words_once():
    from newslab.sentiment import sentiment_stage
    sents = _two_paragraphs()
    art = article_tone(sents)
    whole = article_tone(sents, whole_text=True)
    assert art.drop(columns="compound").equals(whole.drop(columns="compound"))
    an = get_analyzer("news")
    assert whole.loc[0, "compound"] == an.polarity_scores(" ".join(sents["text"]))["compound"]
    out = sentiment_stage({"sentences": sents})
    pd.testing.assert_frame_equal(out["paragraph_sentiment"], score_paragraphs(sents))
    pd.testing.assert_frame_equal(out["article_sentiment"], art)
    pd.testing.assert_frame_equal(out["sentence_sentiment"], score_sentences(sents))
    wt = sentiment_stage({"sentences": sents}, whole_text=True)
    pd.testing.assert_frame_equal(wt["article_sentiment"], whole)


def test_rules_over_the_three_words_before_equal_the_reference_on_mixed_phrases(reference):
    """Boosters, negations, "never so", "without doubt", idioms and capitals in each of the
    three places before a lexicon word (the unrolled loop of ``Analyzer._valences``)."""
    import random
    words = ("very not never so this without doubt kind of no nor least at the bomb yeah "
             "right EXTREMELY sort barely isn't cannot really good bad GREAT horrible "
             "happy war peace hardly quite").split()
    rng = random.Random(7)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
             for _ in range(3000)]
    ours = get_analyzer("vader")
    for t in texts:
        a, b = reference.polarity_scores(t), ours.polarity_scores(t)
        assert all(abs(a[k] - b[k]) < 1e-9 for k in a), (t, a, b)
    assert len({ours.polarity_scores(t)["compound"] for t in texts}) > 300
