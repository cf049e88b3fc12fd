"""Sentence and paragraph sentiment tables, labels, and label changes between lexicons.

Labels come from the compound score with VADER's recommended cut-offs:
``compound >= POS_THRESHOLD`` is positive, ``compound <= NEG_THRESHOLD`` negative, the rest
neutral. Columns of every table: ``newslab.schema``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from ..errors import NewslabError
from .lexicons import get_analyzer

#: compound >= POS_THRESHOLD -> "positive" (VADER's authors' recommended cut-off)
POS_THRESHOLD = 0.05
#: compound <= NEG_THRESHOLD -> "negative"; between the two -> "neutral"
NEG_THRESHOLD = -0.05


def label_from_compound(x) -> str | np.ndarray:
    """negative / neutral / positive from a compound score (or an array of them), with the
    documented cut-offs :data:`POS_THRESHOLD` and :data:`NEG_THRESHOLD`."""
    if np.ndim(x) == 0:
        return "positive" if x >= POS_THRESHOLD else "negative" if x <= NEG_THRESHOLD \
            else "neutral"
    arr = np.asarray(x, dtype=float)
    return np.where(arr >= POS_THRESHOLD, "positive",
                    np.where(arr <= NEG_THRESHOLD, "negative", "neutral")).astype(object)


def _need(df: pd.DataFrame, cols: list[str], what: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise NewslabError(f"{what} must be a DataFrame (the sentences table from "
                           f"newslab.sentences), not {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise NewslabError(f"{what} lacks column(s) {', '.join(missing)}")


def _score_texts(texts, lexicon) -> np.ndarray:
    ps = get_analyzer(lexicon).polarity_scores
    out = np.zeros((len(texts), 4))
    for k, t in enumerate(texts):
        d = ps(t)
        out[k] = (d["neg"], d["neu"], d["pos"], d["compound"])
    return out


def score_sentences(sentences: pd.DataFrame, *, lexicon: str = "news") -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id, neg, neu, pos, compound, label.

    ``sentences`` is the sentences table (article_id, sentence_id, text).
    """
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    s = _score_texts(sentences["text"].tolist(), lexicon)
    out = pd.DataFrame({"article_id": sentences["article_id"].to_numpy(),
                        "sentence_id": sentences["sentence_id"].to_numpy(),
                        "neg": s[:, 0], "neu": s[:, 1], "pos": s[:, 2], "compound": s[:, 3]})
    out["label"] = label_from_compound(out["compound"].to_numpy())
    return out[schema.columns("sentence_sentiment")]


def _sentence_scores(sentences, sentence_scores, lexicon):
    if sentence_scores is None:
        return score_sentences(sentences, lexicon=lexicon)
    _need(sentence_scores, ["article_id", "sentence_id", "compound", "label"],
          "sentence_scores")
    return sentence_scores


def score_paragraphs(sentences: pd.DataFrame, *, lexicon: str = "news",
                     sentence_scores: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per paragraph: VADER on the paragraph's text (its sentences joined) and the
    mean of its sentences' compounds; the label follows ``mean_compound``.

    ``sentence_scores`` (from :func:`score_sentences`) saves scoring the sentences again.
    """
    _need(sentences, ["article_id", "paragraph_id", "sentence_id", "text"], "sentences")
    ss = _sentence_scores(sentences, sentence_scores, lexicon)
    if sentences.empty:
        return pd.DataFrame({c: [] for c in schema.columns("paragraph_sentiment")})
    keyed = sentences[["article_id", "paragraph_id", "sentence_id", "text"]].merge(
        ss[["article_id", "sentence_id", "compound"]], on=["article_id", "sentence_id"],
        how="left", sort=False)
    g = keyed.groupby(["article_id", "paragraph_id"], sort=False)
    par = g.agg(n_sentences=("sentence_id", "size"), mean_compound=("compound", "mean"),
                text=("text", " ".join)).reset_index()
    s = _score_texts(par["text"].tolist(), lexicon)
    par["neg"], par["neu"], par["pos"], par["compound"] = s[:, 0], s[:, 1], s[:, 2], s[:, 3]
    par["mean_compound"] = par["mean_compound"].round(4)
    par["label"] = label_from_compound(par["mean_compound"].to_numpy())
    return par[schema.columns("paragraph_sentiment")].reset_index(drop=True)


def label_changes(sentences: pd.DataFrame, *, before: str = "vader",
                  after: str = "news") -> pd.DataFrame:
    """Sentences whose label differs between two lexicons, with the extension words they
    hold: article_id, sentence_id, text, compound_<before>, compound_<after>,
    label_<before>, label_<after>, words (the sentence's words whose valence differs)."""
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    a = score_sentences(sentences, lexicon=before)
    b = score_sentences(sentences, lexicon=after)
    la, lb = get_analyzer(before).lexicon, get_analyzer(after).lexicon
    out = sentences[["article_id", "sentence_id", "text"]].reset_index(drop=True).copy()
    out[f"compound_{before}"] = a["compound"].to_numpy()
    out[f"compound_{after}"] = b["compound"].to_numpy()
    out[f"label_{before}"] = a["label"].to_numpy()
    out[f"label_{after}"] = b["label"].to_numpy()
    an = get_analyzer(after)

    def changed(text):
        ws = []
        for w in text.split():
            low = an._tok[w][1]
            if la.get(low) != lb.get(low) and low not in ws:
                ws.append(low)
        return ", ".join(ws)
    out["words"] = out["text"].map(changed)
    return out[out[f"label_{before}"] != out[f"label_{after}"]].reset_index(drop=True)
