"""Scoring: one interface over the three methods, per target and per mention.

:func:`score_target` / :func:`score_targets` score targets given by offsets in a text;
:func:`score_mentions` builds the ``stance`` table from the sentences and mentions tables;
:func:`analyze_stance` runs everything for a corpus in memory.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ..errors import NewslabError
from .clauses import given_tokens
from .rules import label_of, rules_score

#: the methods :func:`score_target` knows
METHODS = ("sentence", "rules", "trained", "combined")
#: ``combined``: the model's polar label replaces the rules' "no evaluation" only when its
#: probability is at least this (5-fold cross-validation by article on the real train rows
#: of both rounds, NewsMTSC train and stance_gold always in the training folds, and the dev
#: set agree: 0.5 / 0.6 / 0.7 / 0.8 give 0.670 / 0.668 / 0.680 / 0.684 there and 0.685 /
#: 0.707 / 0.731 / 0.713 on dev)
COMBINED_MIN_PROB = 0.7
#: the method analyze, evaluate and the notebooks use unless told otherwise: the best mean
#: of macro-F1 on ../shared/eval/country_stance/dev.jsonl and 5-fold cross-validated by
#: article on the real train rows of both rounds (see the package doc)
DEFAULT_METHOD = "combined"
#: the model that ships with newslab (``trained`` without ``model=``): see its card
MODEL_FILE = "data/stance_model.npz"


@lru_cache(maxsize=1)
def shipped_model() -> StancePredictor:
    """The model that ships with newslab (``newslab/data/stance_model.npz``), as a
    :class:`~newslab.stance.predictor.StancePredictor` (scoring, no scikit-learn; a
    :class:`~newslab.stance.model.StanceModel` to refit: ``load_model`` on the same file)."""
    from .predictor import load_predictor  # (SciPy's sparse matrices: when a model is used)
    ref = resources.files("newslab").joinpath(MODEL_FILE)
    if not ref.is_file():
        raise NewslabError("method 'trained' needs a model and this newslab ships none: train "
                           "one with `newslab train-stance LABELLED.jsonl --out MODEL` and "
                           "pass --model MODEL")
    with resources.as_file(ref) as p:
        return load_predictor(p)


def _resolve(method, model):
    """(method, model) with defaults filled in: ``method=None`` is :data:`DEFAULT_METHOD`
    (``trained`` when a model is given); ``trained`` without a model is the shipped one."""
    from .predictor import StancePredictor, load_predictor
    model = load_predictor(model) if isinstance(model, (str, Path)) else model
    if method is None:
        method = "trained" if model is not None else DEFAULT_METHOD
    if method not in METHODS:
        raise NewslabError(f"unknown stance method {method!r}: use one of {', '.join(METHODS)}")
    if model is not None and method not in ("trained", "combined"):
        raise NewslabError(f"a model goes with method 'trained', not {method!r}")
    if method in ("trained", "combined") and model is None:
        model = shipped_model()
    if model is not None and not isinstance(model, StancePredictor):
        raise NewslabError(f"model must be a StanceModel or a model file, not "
                           f"{type(model).__name__}")
    return method, model


def score_target(text: str, start: int, end: int, *, method: str | None = None,
                 model=None) -> dict:
    """Stance toward the target ``text[start:end]``: a dict with score in [-1, 1], label,
    method, rule (what decided it), trigger (the act word), role (agent/object) and clause."""
    return score_targets([text], [start], [end], method=method, model=model).iloc[0].to_dict()


def score_targets(texts, starts, ends, *, method: str | None = None, model=None) -> pd.DataFrame:
    """:func:`score_target` for many targets at once: a table with score, label, method,
    rule, trigger, role, clause (one row per target, in order). ``model``: a
    :class:`StanceModel`, a ``StancePredictor`` or the path of a saved model (it implies
    ``method="trained"``); ``trained`` and ``combined`` without a model use the shipped one."""
    method, model = _resolve(method, model)
    texts, starts, ends = list(texts), [int(s) for s in starts], [int(e) for e in ends]
    for t, s, e in zip(texts, starts, ends):
        if not (0 <= s < e <= len(t)):
            raise NewslabError(f"target offsets {s}:{e} outside the text ({len(t)} characters)")
    from ..sentiment import get_analyzer, label_from_compound
    an = get_analyzer("news")
    if not texts:
        rows = []
    elif method == "sentence":
        cache = {}
        rows = []
        for t in texts:
            if t not in cache:
                cache[t] = an.polarity_scores(t)["compound"]
            rows.append((cache[t], label_from_compound(cache[t]), "sentence", "", "",
                         "the whole sentence's VADER compound", t))
    elif method == "rules":
        rows = []
        for t, s, e in zip(texts, starts, ends):
            r = rules_score(t, s, e, analyzer=an)
            rows.append((r.score, label_of(r.score), r.rule, r.trigger, r.role, r.reason,
                         r.clause))
    elif method == "trained":
        rows = [r[:-1] for r in _trained_rows(model, texts, starts, ends)]
    else:
        rows = _combined_rows(model, texts, starts, ends, an)
    df = pd.DataFrame(rows, columns=[c for c in schema.columns("stance_targets")
                                     if c != "method"])
    df["score"] = df["score"].astype(float).round(4)
    df.insert(2, "method", method)
    return df


def _trained_rows(model, texts, starts, ends) -> list[tuple]:
    """Rows of the ``trained`` method, each with the model's top probability last."""
    X = pd.DataFrame({"text": texts, "start": starts, "end": ends})
    proba = model.predict_proba(X)
    classes = [str(c) for c in model.classes_]
    col = {c: proba[:, i] for i, c in enumerate(classes)}
    zero = np.zeros(len(texts))
    sc = col.get("positive", zero) - col.get("negative", zero)
    labels = [classes[i] for i in proba.argmax(axis=1).tolist()]
    # Python floats (the same values) format faster than NumPy's
    why = "model: " + ", ".join(f"p({c})={{:.2f}}" for c in classes)
    return [(x, lab, "", "", "", why.format(*pr), t, max(pr))
            for x, lab, t, pr in zip(sc.tolist(), labels, texts, proba.tolist())]


def _combined_rows(model, texts, starts, ends, an) -> list[tuple]:
    """``combined``: the rules first; where they found no evaluation and decided no
    neutral role, the shipped model, when it is at least :data:`COMBINED_MIN_PROB` sure."""
    from .features import NEUTRAL_RULES
    rows, ask = [], []
    for i, (t, s, e) in enumerate(zip(texts, starts, ends)):
        r = rules_score(t, s, e, analyzer=an)
        lab = label_of(r.score)
        rows.append((r.score, lab, r.rule, r.trigger, r.role, r.reason, r.clause))
        if lab == "neutral" and r.rule.split("+")[0] not in NEUTRAL_RULES:
            ask.append(i)
    if ask:
        got = _trained_rows(model, [texts[i] for i in ask], [starts[i] for i in ask],
                            [ends[i] for i in ask])
        for i, (sc, lab, _, _, _, why, _, p) in zip(ask, got):
            if lab != "neutral" and p >= COMBINED_MIN_PROB:
                old = rows[i]
                rows[i] = (sc, lab, old[2] + "+model", old[3], old[4],
                           f"{old[5]}; the model: {why[len('model: '):]}", old[6])
    return rows


def _tokens_of(df: pd.DataFrame, tokens: pd.DataFrame) -> dict[str, list]:
    """Sentence text -> [(start, end, lower)] within the sentence, read from the ``tokens``
    table, for the sentences of ``df`` (mentions joined to their sentences: article_id,
    sentence_id, s_start, s_text). A sentence whose tokens are not one whole run of the
    table (token_id 0, 1, ... in a row, inside the text) is left out: it is split again."""
    need = {"article_id", "sentence_id", "token_id", "start", "end", "lower"}
    if not isinstance(tokens, pd.DataFrame) or need - set(tokens.columns) or not len(tokens):
        return {}
    aid = tokens["article_id"].to_numpy(dtype=object)
    sid = tokens["sentence_id"].to_numpy()
    first = np.flatnonzero(np.r_[True, (aid[1:] != aid[:-1]) | (sid[1:] != sid[:-1])])
    last = np.r_[first[1:], len(tokens)]
    runs = dict(zip(zip(aid[first].tolist(), sid[first].tolist()),
                    zip(first.tolist(), last.tolist())))
    if len(runs) != len(first):
        return {}  # a sentence's tokens in several runs: the table is not in order
    tid = tokens["token_id"].to_numpy()
    sent = df.drop_duplicates(["article_id", "sentence_id"])
    picked = []
    for a, s, off, text in zip(sent["article_id"], sent["sentence_id"], sent["s_start"],
                               sent["s_text"]):
        i, j = runs.get((a, s), (0, 0))
        if j > i and tid[i] == 0 and tid[j - 1] == j - 1 - i:
            picked.append((text, int(off), i, j))
    if not picked:
        return {}
    lo = np.array([p[2] for p in picked])
    n = np.array([p[3] - p[2] for p in picked])
    at = np.repeat(lo - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
    shift = np.repeat([p[1] for p in picked], n)
    st = (tokens["start"].to_numpy()[at] - shift).tolist()
    en = (tokens["end"].to_numpy()[at] - shift).tolist()
    low = tokens["lower"].to_numpy(dtype=object)[at].tolist()
    out, k = {}, 0
    for (text, _, i, j) in picked:
        m = k + j - i
        if st[k] >= 0 and en[m - 1] <= len(text):
            out[text] = list(zip(st[k:m], en[k:m], low[k:m]))
        k = m
    return out


def score_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, *,
                   method: str | None = None,
                   model=None, attribution: pd.DataFrame | None = None,
                   organizations: bool = False, persons: bool = False,
                   tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``stance`` table: one row per country mention (organizations left out unless
    ``organizations=True``, and ``kind="person"`` mentions, leaders not acting for the state
    and officials, unless ``persons=True``), scored in its sentence by ``method``; with ``attribution``
    (from ``newslab.attribution.attribute_sentences``) each row also gets the sentence's
    speaker and the speaker's country (``source_iso3``). With ``tokens`` (the tokens table
    of these sentences) the rules read each sentence's words from it instead of splitting
    the sentence again: the same table."""
    need_s = {"article_id", "sentence_id", "start", "text"}
    need_m = {"article_id", "sentence_id", "start", "end", "surface", "iso3", "country", "kind"}
    if not isinstance(sentences, pd.DataFrame) or need_s - set(sentences.columns):
        raise NewslabError("score_mentions needs the sentences table (article_id, "
                           "sentence_id, start, text)")
    if not isinstance(mentions, pd.DataFrame) or need_m - set(mentions.columns):
        raise NewslabError("score_mentions needs the mentions table (newslab.countries."
                           "find_mentions)")
    drop = {k for k, keep in (("organization", organizations), ("person", persons)) if not keep}
    mm = mentions[~mentions["kind"].isin(drop)]
    s = sentences[["article_id", "sentence_id", "start", "text"]].rename(
        columns={"start": "s_start", "text": "s_text"})
    df = mm.merge(s, on=["article_id", "sentence_id"], how="inner", validate="many_to_one")
    if len(df) == 0:
        return schema.empty("stance")
    rel_s = (df["start"] - df["s_start"]).to_numpy()
    rel_e = (df["end"] - df["s_start"]).to_numpy()
    with given_tokens(_tokens_of(df, tokens) if tokens is not None else {}):
        sc = score_targets(df["s_text"], rel_s, rel_e, method=method, model=model)
    out = df[["article_id", "sentence_id", "start", "end", "surface", "iso3", "country",
              "kind"]].reset_index(drop=True)
    for c in schema.columns("stance_targets"):
        out[c] = sc[c].to_numpy()
    out["speaker"] = None
    out["source_iso3"] = None
    if attribution is not None and len(attribution):
        at = attribution[["article_id", "sentence_id", "speaker", "speaker_iso3",
                          "speaker_start", "speaker_end"]]
        j = out[["article_id", "sentence_id", "start"]].merge(
            at, on=["article_id", "sentence_id"], how="left")
        # a mention inside the speaker phrase ("Russian Foreign Minister ...") is the source,
        # not a target of what is said
        inside = (j["speaker_start"].notna() & (j["start"] >= j["speaker_start"].fillna(-1))
                  & (j["start"] < j["speaker_end"].fillna(-1))).to_numpy(dtype=bool)
        out["speaker"] = j["speaker"].where(~inside, None).to_numpy()
        out["source_iso3"] = j["speaker_iso3"].where(~inside, None).to_numpy()
    out["start"] = out["start"].astype(np.int64)
    out["end"] = out["end"].astype(np.int64)
    return out[schema.columns("stance")]


def analyze_stance(articles: pd.DataFrame, *, method: str | None = None, model=None,
                   sentences: pd.DataFrame | None = None,
                   mentions: pd.DataFrame | None = None, by=(),
                   duplicates: bool = False) -> dict[str, pd.DataFrame]:
    """Everything for a corpus in memory: sentences (if not given), mentions (if not given),
    attribution, stance, article_stance, country_stance, stance_dyads (duplicates left out
    unless ``duplicates=True``) and, for each key of ``by``, ``country_stance_by_<key>`` and
    ``stance_dyads_by_<key>``."""
    from ..attribution import attribute_sentences
    from ..tokenize import sentences as _sentences
    from .aggregate import article_stance, corpus_aggregates
    if sentences is None:
        sentences = _sentences(articles)
    if mentions is None:
        from ..countries import find_mentions
        mentions = find_mentions(sentences, articles)
    att = attribute_sentences(sentences, articles=articles)
    st = score_mentions(sentences, mentions, method=method, model=model, attribution=att)
    return {"mentions": mentions, "attribution": att, "stance": st,
            "article_stance": article_stance(st),
            **corpus_aggregates(st, articles, by=by, duplicates=duplicates)}
