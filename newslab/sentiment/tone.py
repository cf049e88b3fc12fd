"""Article tone: the measures researchers compare, side by side (mean sentence compound,
shares of positive and negative sentences, GDELT's word-count tone, whole-text VADER)."""

from __future__ import annotations

import pandas as pd

from .. import schema
from .scoring import (STATS, _group_sums, _need, _score_texts, _sentence_scores,
                      combined_scores, label_from_compound, sentence_stats)


def article_tone(sentences: pd.DataFrame, *, lexicon: str = "news",
                 sentence_scores: pd.DataFrame | None = None, whole_text: bool = False,
                 stats: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article, with the tone measures researchers compare, side by side:

    - ``mean_compound``: mean of the sentences' VADER compound scores (the usual choice; the
      ``label`` follows it);
    - ``share_positive`` / ``share_negative``: shares of sentences labelled positive /
      negative;
    - ``gdelt_tone``: GDELT's tone, percentage of positive words minus percentage of
      negative words (``pos_word_pct - neg_word_pct``), from the lexicon alone, no rules;
    - ``compound``: VADER's compound of all the article's valences at once (each sentence
      scored with its own rules; ``whole_text=True``: VADER run again on the whole text). It
      saturates towards -1 or +1 on long texts (VADER sums valences before normalising), so
      it is shown for comparison only.

    ``sentence_scores`` / ``stats``: as in :func:`~newslab.sentiment.score_paragraphs`.
    """
    _need(sentences, ["article_id", "sentence_id", "text"], "sentences")
    if sentences.empty:
        return pd.DataFrame({c: [] for c in schema.columns("article_sentiment")})
    if stats is None:
        stats = sentence_stats(sentences, lexicon=lexicon)
    ss = _sentence_scores(sentences, sentence_scores, stats)
    keyed = stats[["article_id", "sentence_id", *STATS]].merge(
        ss[["article_id", "sentence_id", "compound", "label"]],
        on=["article_id", "sentence_id"], how="left", sort=False)
    keyed["is_pos"] = keyed["label"].eq("positive")
    keyed["is_neg"] = keyed["label"].eq("negative")
    art = _group_sums(keyed, ["article_id"])
    g = keyed.groupby("article_id", sort=False)
    art["mean_compound"] = g["compound"].mean().to_numpy()
    art["share_positive"] = g["is_pos"].mean().to_numpy()
    art["share_negative"] = g["is_neg"].mean().to_numpy()
    if whole_text:
        texts = sentences.groupby("article_id", sort=False)["text"].agg(" ".join)
        art["compound"] = _score_texts(texts.tolist(), lexicon)[:, 3]
    else:
        art["compound"] = combined_scores(art)[:, 3]
    words = art["n_words"].where(art["n_words"] > 0)
    art["pos_word_pct"] = (100 * art["n_pos_words"] / words).fillna(0.0).round(3)
    art["neg_word_pct"] = (100 * art["n_neg_words"] / words).fillna(0.0).round(3)
    art["gdelt_tone"] = (art["pos_word_pct"] - art["neg_word_pct"]).round(3)
    art["n_words"] = art["n_words"].astype(int)
    art["n_sentences"] = art["n_sentences"].astype(int)
    art["mean_compound"] = art["mean_compound"].round(4)
    art["share_positive"] = art["share_positive"].astype(float).round(4)
    art["share_negative"] = art["share_negative"].astype(float).round(4)
    art["label"] = label_from_compound(art["mean_compound"].to_numpy())
    return art[schema.columns("article_sentiment")].reset_index(drop=True)
