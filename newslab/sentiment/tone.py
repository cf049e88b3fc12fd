"""Article tone: the measures researchers compare, side by side (mean sentence compound,
shares of positive and negative sentences, GDELT's word-count tone, whole-text VADER)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from .lexicons import get_analyzer
from .scoring import _need, _score_texts, _sentence_scores, label_from_compound


def article_tone(sentences: pd.DataFrame, *, lexicon: str = "news",
                 sentence_scores: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article, with the tone measures researchers compare, side by side:

    - ``mean_compound``: mean of the sentences' VADER compound scores (the usual choice; the
      ``label`` follows it);
    - ``share_positive`` / ``share_negative``: shares of sentences labelled positive /
      negative;
    - ``gdelt_tone``: GDELT's tone, percentage of positive words minus percentage of
      negative words (``pos_word_pct - neg_word_pct``), from the lexicon alone, no rules;
    - ``compound``: VADER run on the whole article at once. It saturates towards -1 or +1
      on long texts (VADER sums valences before normalising), so it is shown for
      comparison only.
    """
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    ss = _sentence_scores(sentences, sentence_scores, lexicon)
    if sentences.empty:
        return pd.DataFrame({c: [] for c in schema.columns("article_sentiment")})
    an = get_analyzer(lexicon)
    keyed = sentences[["article_id", "sentence_id", "text"]].merge(
        ss[["article_id", "sentence_id", "compound", "label"]],
        on=["article_id", "sentence_id"], how="left", sort=False)
    counts = np.array([an.word_polarity(t) for t in keyed["text"]], dtype=float)
    keyed["n_words"], keyed["npos"], keyed["nneg"] = counts[:, 0], counts[:, 1], counts[:, 2]
    keyed["is_pos"] = keyed["label"].eq("positive")
    keyed["is_neg"] = keyed["label"].eq("negative")
    g = keyed.groupby("article_id", sort=False)
    art = g.agg(n_sentences=("sentence_id", "size"), n_words=("n_words", "sum"),
                npos=("npos", "sum"), nneg=("nneg", "sum"),
                mean_compound=("compound", "mean"), share_positive=("is_pos", "mean"),
                share_negative=("is_neg", "mean"), text=("text", " ".join)).reset_index()
    art["compound"] = _score_texts(art["text"].tolist(), lexicon)[:, 3]
    words = art["n_words"].where(art["n_words"] > 0)
    art["pos_word_pct"] = (100 * art["npos"] / words).fillna(0.0).round(3)
    art["neg_word_pct"] = (100 * art["nneg"] / words).fillna(0.0).round(3)
    art["gdelt_tone"] = (art["pos_word_pct"] - art["neg_word_pct"]).round(3)
    art["n_words"] = art["n_words"].astype(int)
    art["mean_compound"] = art["mean_compound"].round(4)
    art["share_positive"] = art["share_positive"].astype(float).round(4)
    art["share_negative"] = art["share_negative"].astype(float).round(4)
    art["label"] = label_from_compound(art["mean_compound"].to_numpy())
    return art[schema.columns("article_sentiment")].reset_index(drop=True)
