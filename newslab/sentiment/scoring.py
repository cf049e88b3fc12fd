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


#: per-sentence statistics: VADER's sums (Analyzer.sentence_stats) and GDELT's word counts
STATS = ["v_sum", "v_pos", "v_neg", "v_neu", "n_excl", "n_quest", "n_words", "n_pos_words",
         "n_neg_words"]


def sentence_stats(sentences: pd.DataFrame, *, lexicon: str = "news") -> pd.DataFrame:
    """The one pass over the words that every sentiment table is built from: per sentence,
    its keys (``article_id``, ``paragraph_id`` when present, ``sentence_id``) and
    :data:`STATS` (each distinct token is looked up once, ``Analyzer._tok``)."""
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    an = get_analyzer(lexicon)
    st = an.sentence_stats
    texts = sentences["text"].tolist()
    arr = np.array([st(t) for t in texts], dtype=float).reshape(len(texts), 9)
    keys = [c for c in ("article_id", "paragraph_id", "sentence_id") if c in sentences]
    out = pd.DataFrame({c: sentences[c].to_numpy() for c in keys})
    for j, c in enumerate(STATS):
        out[c] = arr[:, j]
    return out


def combined_scores(stats: pd.DataFrame) -> np.ndarray:
    """neg, neu, pos, compound (n x 4) of each row of summed :data:`STATS` (VADER's final
    step, :func:`newslab.sentiment.vader.combine_stats`): for one sentence exactly its VADER
    scores; for a group of sentences the scores of their valences taken together."""
    cols = stats[STATS[:6]].to_numpy(dtype=float)
    return _combine_arrays(*cols.T)


def _combine_arrays(sum_s, pos_sum, neg_sum, neu, ep, qm) -> np.ndarray:
    """:func:`~newslab.sentiment.vader.combine_stats` over arrays: the same arithmetic,
    operation by operation (IEEE, as Python does it), and the same rounding (``round``'s
    exact result wherever scaling and ``rint`` could differ from it: near a half)."""
    ep = np.minimum(ep, 4)
    amp = ep * 0.292
    amp = np.where(qm > 1, amp + np.where(qm <= 3, qm * 0.18, 0.96), amp)
    sum_s = np.where(sum_s > 0, sum_s + amp, np.where(sum_s < 0, sum_s - amp, sum_s))
    with np.errstate(invalid="ignore", divide="ignore"):
        norm = sum_s / np.sqrt((sum_s * sum_s) + 15)
        norm = np.where(norm < -1.0, -1.0, np.where(norm > 1.0, 1.0, norm))
        a_neg = np.abs(neg_sum)
        more, less = pos_sum > a_neg, pos_sum < a_neg
        pos_sum = np.where(more, pos_sum + amp, pos_sum)
        neg_sum = np.where(less, neg_sum - amp, neg_sum)
        total = pos_sum + np.abs(neg_sum) + neu
        zero = total == 0
        safe = np.where(zero, 1.0, total)
        out = np.column_stack([np.abs(neg_sum / safe), np.abs(neu / safe),
                               np.abs(pos_sum / safe), norm])
    for j, nd in enumerate((3, 3, 3, 4)):
        x = out[:, j]
        y = x * 10.0 ** nd
        r = np.rint(y) / 10.0 ** nd
        near = np.abs(np.abs(y - np.trunc(y)) - 0.5) < 1e-6
        if near.any():
            r[near] = [round(v, nd) for v in x[near].tolist()]
        out[:, j] = r
    out[zero] = 0.0
    return out


def _sentence_table(stats: pd.DataFrame) -> pd.DataFrame:
    s = combined_scores(stats)
    out = pd.DataFrame({"article_id": stats["article_id"].to_numpy(),
                        "sentence_id": stats["sentence_id"].to_numpy(),
                        "neg": s[:, 0], "neu": s[:, 1], "pos": s[:, 2], "compound": s[:, 3]})
    out["label"] = label_from_compound(out["compound"].to_numpy())
    return out[schema.columns("sentence_sentiment")]


def score_sentences(sentences: pd.DataFrame, *, lexicon: str = "news") -> pd.DataFrame:
    """One row per sentence: article_id, sentence_id, neg, neu, pos, compound, label.

    ``sentences`` is the sentences table (article_id, sentence_id, text).
    """
    return _sentence_table(sentence_stats(sentences, lexicon=lexicon))


def _sentence_scores(sentences, sentence_scores, stats):
    if sentence_scores is None:
        return _sentence_table(stats)
    _need(sentence_scores, ["article_id", "sentence_id", "compound", "label"],
          "sentence_scores")
    return sentence_scores


def _group_sums(stats: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    g = stats.groupby(keys, sort=False)
    out = g[STATS].sum()
    out["n_sentences"] = g.size()
    return out.reset_index()


def score_paragraphs(sentences: pd.DataFrame, *, lexicon: str = "news",
                     sentence_scores: pd.DataFrame | None = None,
                     whole_text: bool = False, stats: pd.DataFrame | None = None
                     ) -> pd.DataFrame:
    """One row per paragraph: VADER's neg/neu/pos/compound of the paragraph from its
    sentences' valences taken together (each sentence scored with its own rules, so a "but"
    or a negation never reaches into the next sentence), or with ``whole_text=True`` VADER
    run again on the paragraph's text; and the mean of its sentences' compounds, which the
    label follows.

    ``sentence_scores`` (from :func:`score_sentences`) gives the sentence compounds;
    ``stats`` (from :func:`sentence_stats`) saves reading the words again.
    """
    _need(sentences, ["article_id", "paragraph_id", "sentence_id", "text"], "sentences")
    if sentences.empty:
        return pd.DataFrame({c: [] for c in schema.columns("paragraph_sentiment")})
    if stats is None:
        stats = sentence_stats(sentences, lexicon=lexicon)
    ss = _sentence_scores(sentences, sentence_scores, stats)
    keyed = stats[["article_id", "paragraph_id", "sentence_id", *STATS]].merge(
        ss[["article_id", "sentence_id", "compound"]], on=["article_id", "sentence_id"],
        how="left", sort=False)
    par = _group_sums(keyed, ["article_id", "paragraph_id"])
    par["mean_compound"] = keyed.groupby(["article_id", "paragraph_id"], sort=False)[
        "compound"].mean().to_numpy()
    if whole_text:
        texts = sentences.groupby(["article_id", "paragraph_id"], sort=False)["text"].agg(
            " ".join)
        s = _score_texts(texts.tolist(), lexicon)
    else:
        s = combined_scores(par)
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
