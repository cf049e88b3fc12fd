"""The model's TF-IDF arithmetic and the rules' cache: fast paths equal to plain ones."""

import math
from collections import Counter
from importlib import resources

import numpy as np
import pytest

import newslab as nl
from newslab import stance as st
from newslab.stance import model as M
from newslab.stance.rules import _rules, rules_score


def _plain_tfidf(docs, index, idf, n_max):
    out = np.zeros((len(docs), len(idf)))
    for r, d in enumerate(docs):
        c = Counter(t for t in M._ngrams(d, n_max) if t in index)
        for t, k in c.items():
            out[r, index[t]] = (1 + math.log(k)) * idf[index[t]]
        n = np.sqrt((out[r] ** 2).sum())
        if n:
            out[r] /= n
    return out


def test_tfidf_matches_the_plain_formula_with_empty_rows():
    docs = ["the cat sat on the mat", "", "a dog, a cat and a bird", "nothing known here",
            "the the the cat", ""]
    vocab, idf = M._fit_vocab(docs[:3] + docs[4:], 2, 1)
    index = {t: i for i, t in enumerate(vocab)}
    got = M._tfidf(docs, index, idf, 2).toarray()
    assert got.shape == (6, len(vocab))
    assert np.allclose(got, _plain_tfidf(docs, index, idf, 2), atol=1e-12)
    assert not got[1].any() and not got[5].any() and not got[3].any()
    assert M._tfidf(["", ""], index, idf, 2).nnz == 0


def _plain_windows(text, start, end):
    """The lexicon sums of ``target_features`` as a plain loop over every token."""
    from newslab.sentiment import get_analyzer
    from newslab.stance.clauses import NEG, _analysed
    from newslab.stance.features import NEGATED, WINDOWS
    lex = get_analyzer("news").lexicon
    toks = _analysed(text)[0]
    tgt = [i for i, (s, e, _) in enumerate(toks) if s < end and e > start]
    ti, tj = (tgt[0], tgt[-1]) if tgt else (0, 0)
    sums, win = [0.0, 0.0, 0.0, 0.0], {}
    for i, (_, _, w) in enumerate(toks):
        val = lex.get(w)
        if not val or ti <= i <= tj:
            continue
        d = (ti - i) if i < ti else (i - tj)
        k = 0 if i < ti else 2
        sums[k] += max(val, 0) / (1.0 + 0.3 * d)
        sums[k + 1] += max(-val, 0) / (1.0 + 0.3 * d)
        if d <= WINDOWS[-1]:
            if any(toks[j][2] in NEG for j in range(max(0, i - 3), i)):
                val *= NEGATED
            for n in WINDOWS:
                if d <= n:
                    key = f"win{n}_{'left' if i < ti else 'right'}_{'pos' if val > 0 else 'neg'}"
                    win[key] = win.get(key, 0.0) + abs(val) / 4
    return [x / 4 for x in sums], win


def test_lexicon_windows_equal_a_plain_loop_over_every_token():
    from newslab.stance.features import target_features
    for text, target in [("Sadly, the brave Maria Lopez did not win the awful vote.", "Maria Lopez"),
                         ("Tom Berg praised the good plan, never a bad one, and won.", "Tom Berg"),
                         ("A great day: they said Ruritania hates no one.", "Ruritania")]:
        s = text.index(target)
        f = target_features(text, s, s + len(target))
        sums, win = _plain_windows(text, s, s + len(target))
        got = [f["lex_left_pos"], f["lex_left_neg"], f["lex_right_pos"], f["lex_right_neg"]]
        assert np.allclose(got, sums, rtol=0, atol=1e-12) and any(sums)
        assert {k: v for k, v in f.items() if k.startswith("win")} == pytest.approx(win)
        assert win


def test_cached_rules_equal_the_uncached_ones():
    ref = resources.files("newslab").joinpath("data/stance_verbs.csv")
    texts = [("Russia invaded Ukraine.", "Ukraine"), ("Talks on Syria ended.", "Syria"),
             ("Critics call Maria Lopez a corrupt fraud.", "Maria Lopez")]
    with resources.as_file(ref) as path:
        for text, target in texts:
            s = text.index(target)
            a = rules_score(text, s, s + len(target))
            assert a == rules_score(text, s, s + len(target))  # from the cache
            assert a == _rules(text, s, s + len(target), str(path))


def test_clauses_end_the_reported_clause_at_a_final_attribution():
    from newslab.stance.clauses import clauses, tokenize, trailing_attribution
    toks = tokenize("Moldova invaded its neighbour, local officials said on Monday.")
    comma = [t[2] for t in toks].index(",")
    assert trailing_attribution(toks) == comma
    ids, openers = clauses(toks)
    assert ids[comma - 1] == 0 and ids[comma] == 1 and openers[1] == "said"
    assert trailing_attribution(tokenize("Moldova, Peru and Chile met.")) == -1
    assert trailing_attribution(tokenize('He left, "they said".')) == -1


def test_negation_scope_turns_a_lexicon_word_round_near_the_target():
    from newslab.stance.features import target_features
    text = "Maria Lopez was praised by the board."
    f = target_features(text, 0, 11)
    assert f.get("win3_right_pos", 0) > 0 and not f.get("win3_right_neg")
    g = target_features("Maria Lopez was not praised by the board.", 0, 11)
    assert g.get("win3_right_neg", 0) > 0 and not g.get("win3_right_pos")
    # beyond eight words a word is in neither window, only in the distance-weighted sums
    far = target_features("Maria Lopez met the tall man from the north on the day of a great "
                          "parade.", 0, 11)
    assert not any(k.startswith("win") for k in far) and far["lex_right_pos"] > 0
    # the sides' and the clause's polarity are also crossed with the target's role
    assert any(k.startswith("role=") and k.endswith(":sent_compound") for k in f)


def test_the_target_block_learns_who_the_target_is():
    import pandas as pd
    texts = ["Maria Lopez spoke on Monday.", "Tom Berg spoke on Monday."] * 6
    X = pd.DataFrame({"text": texts, "start": [0] * 12,
                      "end": [11 if t.startswith("Maria") else 8 for t in texts]})
    y = ["positive" if t.startswith("Maria") else "negative" for t in texts]
    m = M.StanceModel(C=10.0, min_df=1).fit(X, y)
    assert "lopez" in m.vocabulary_["target"] and "maria lopez" in m.vocabulary_["target"]
    # the sentences differ only in the target: only its own words tell them apart
    assert list(m.predict(X.iloc[:2])) == ["positive", "negative"]


@pytest.mark.evaldata
def test_training_rows_of_rounds_4_and_5_are_official_statements_only(shared_eval):
    """The official-statement rows of rounds 4 and 5 join the shipped model's training
    data; their BBC rows never do (BBC text may not be trained on), nor round 6."""
    import importlib.util
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "train_stance_model", root / "scripts" / "train_stance_model.py")
    tsm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tsm)
    if not (shared_eval.parent / "corpora" / "official_statements").is_dir():
        pytest.skip("the official statements corpus is not beside the project")
    for name, split in ((tsm.REAL4, "test4"), (tsm.REAL5, "test5")):
        rows = tsm.official_rows(shared_eval.parent, name)
        assert len(rows) == 200 and set(rows["source"]) == {"state.gov", "en.kremlin.ru"}
        assert not rows["file"].str.contains("bbc", case=False).any()
        assert set(rows["split"]) == {split}
    assert all("6" not in name for name in (*tsm.REAL, tsm.REAL4, tsm.REAL5))


def test_trained_rows_read_the_model_probabilities_exactly():
    import pandas as pd
    from newslab.stance.score import _trained_rows, shipped_model
    m = shipped_model()
    texts = ["Ruritania praised its neighbour for the deal.", "Tom Berg lost the awful vote.",
             "Talks with Ruritania ended."]
    starts, ends = [0, 0, 11], [9, 8, 20]
    p = m.predict_proba(pd.DataFrame({"text": texts, "start": starts, "end": ends}))
    rows = _trained_rows(m, texts, starts, ends)
    c = [str(x) for x in m.classes_]
    for row, pr in zip(rows, p):
        assert row[0] == float(pr[c.index("positive")] - pr[c.index("negative")])
        assert row[1] == c[int(pr.argmax())] and row[-1] == float(pr.max())
        assert row[5] == "model: " + ", ".join(f"p({k})={x:.2f}" for k, x in zip(c, pr))


def _same_answers(texts, starts, ends):
    """The shipped model read as a StancePredictor (scoring, no scikit-learn) and as the
    scikit-learn StanceModel: equal probabilities, bit for bit."""
    import pandas as pd
    from newslab.stance.model import StanceModel, load_model
    from newslab.stance.predictor import StancePredictor
    from newslab.stance.score import MODEL_FILE
    pred = st.shipped_model()
    assert type(pred) is StancePredictor
    with resources.as_file(resources.files("newslab").joinpath(MODEL_FILE)) as p:
        est = load_model(p)
    assert isinstance(est, StanceModel) and list(est.classes_) == list(pred.classes_)
    X = pd.DataFrame({"text": texts, "start": starts, "end": ends})
    a, b = pred.predict_proba(X), est.predict_proba(X)
    assert a.shape == (len(texts), len(pred.classes_)) and (a == b).all()
    assert (pred.decision_function(X) == est.decision_function(X)).all()
    return a


def test_the_predictor_answers_as_the_estimator(seed_articles):
    texts = ["Ruritania praised its neighbour for the deal.", "Tom Berg lost the awful vote.",
             "Talks with Ruritania ended.", "Ruritania"]
    _same_answers(texts, [0, 0, 11, 0], [9, 8, 20, 9])
    s = st.analyze_stance(seed_articles, method="trained")["stance"]
    sents = nl.sentences(seed_articles).set_index(["article_id", "sentence_id"])
    j = s.join(sents[["start", "text"]].rename(columns={"start": "s0"}),
               on=["article_id", "sentence_id"])
    p = _same_answers(j["text"].tolist(), (j["start"] - j["s0"]).tolist(),
                      (j["end"] - j["s0"]).tolist())
    assert len(p) == len(s) > 50


@pytest.mark.evaldata
def test_the_predictor_answers_as_the_estimator_on_newsmtsc_train(shared_eval):
    """Every NewsMTSC train row; the bits are those of the estimator before the predictor
    was split from it (session 24: sha256 of the probability array)."""
    import hashlib
    g = st.read_gold(shared_eval / "newsmtsc" / "train.jsonl")
    p = _same_answers(g["text"].tolist(), g["start"].tolist(), g["end"].tolist())
    assert hashlib.sha256(np.ascontiguousarray(p).tobytes()).hexdigest() == (
        "de56a544f716ec47bb53ae442a69edd9a21e5edf76a12c22adb78c613bdd4c1e")


def test_repeated_targets_and_windows_score_as_alone():
    """Features once per distinct target, TF-IDF counts once per distinct document, VADER
    once per distinct window: a batch with repeats gives each row what it gets alone."""
    import pandas as pd
    from newslab.sentiment import get_analyzer
    from newslab.stance.features import _vader
    m = st.shipped_model()
    texts = ["Ruritania praised its neighbour for the deal.", "Talks with Ruritania ended.",
             "Ruritania praised its neighbour for the deal.", "Talks with Ruritania ended."]
    starts, ends = [0, 11, 0, 11], [9, 20, 9, 20]
    both = m.predict_proba(pd.DataFrame({"text": texts, "start": starts, "end": ends}))
    for i in range(2):
        alone = m.predict_proba(pd.DataFrame({"text": [texts[i]], "start": [starts[i]],
                                              "end": [ends[i]]}))
        assert (alone[0] == both[i]).all() and (both[i] == both[i + 2]).all()
    s = get_analyzer("news").polarity_scores("Talks with  ended badly.")
    assert _vader("Talks with  ended badly.") == (s["compound"], s["pos"], s["neg"])
