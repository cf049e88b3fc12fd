"""Pipeline stages of the sentiment package (declared by the runner, ``newslab.pipeline``).

- :func:`sentiment_stage` (per batch): ``sentences`` -> ``sentence_sentiment``,
  ``paragraph_sentiment``, ``article_sentiment``;
- :func:`tone_stage` (whole corpus): ``article_sentiment`` + ``articles`` -> ``tone``, and
  ``tone_by_<key>`` for every ``by`` key (``newslab.groups``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import groups, schema, stats
from ..errors import NewslabError
from .scoring import POS_THRESHOLD, _sentence_table, score_paragraphs, sentence_stats
from .tone import article_tone


def sentiment_stage(tables: dict[str, pd.DataFrame], *, lexicon: str = "news",
                    whole_text: bool = False) -> dict:
    """Sentence, paragraph and article sentiment of a batch (``lexicon``: see
    :func:`~newslab.sentiment.get_analyzer`). One pass over the words: every sentence is
    scored once (:func:`~newslab.sentiment.sentence_stats`) and paragraphs and articles are
    combined from their sentences' valences, unless ``whole_text=True`` asks for VADER run
    again on each paragraph's and article's text."""
    sents = tables["sentences"]
    stats = sentence_stats(sents, lexicon=lexicon)
    ss = _sentence_table(stats)
    return {"sentence_sentiment": ss,
            "paragraph_sentiment": score_paragraphs(sents, lexicon=lexicon, sentence_scores=ss,
                                                    whole_text=whole_text, stats=stats),
            "article_sentiment": article_tone(sents, lexicon=lexicon, sentence_scores=ss,
                                              whole_text=whole_text, stats=stats)}


def _tone_row(part: pd.DataFrame) -> list:
    """n, mean compound and GDELT tone with their article-level bootstrap intervals, label."""
    ids = part["article_id"].to_numpy()
    c, c_lo, c_hi = stats.cluster_bootstrap(part["mean_compound"].to_numpy(float), ids)
    g, g_lo, g_hi = stats.cluster_bootstrap(part["gdelt_tone"].to_numpy(float), ids)
    n = int(part["article_id"].nunique())
    # the label's threshold is VADER's cut-off (symmetric: NEG_THRESHOLD == -POS_THRESHOLD)
    label = stats.interval_label(c, c_lo, c_hi, n, threshold=POS_THRESHOLD)
    return [n, c, c_lo, c_hi, g, g_lo, g_hi, label]


def _tone(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    cols = [*keys, *schema.columns("tone")]
    rows = []
    if keys:
        for gkey, part in df.groupby(keys[0], sort=True):
            rows.append([gkey, *_tone_row(part)])
    else:
        rows.append(_tone_row(df))
    out = pd.DataFrame(rows, columns=cols)
    num = ["mean_compound", "compound_ci_low", "compound_ci_high", "mean_gdelt_tone",
           "gdelt_ci_low", "gdelt_ci_high"]
    out[num] = out[num].astype(float).round(4)
    out["n_articles"] = out["n_articles"].astype(np.int64)
    return out


def tone_stage(tables: dict, *, by=(), duplicates: bool = False) -> dict:
    """The corpus's tone: ``tone`` (one row: the mean over articles of the article mean
    compound and of the GDELT tone, each with a 95% bootstrap interval that resamples
    articles, the number of articles and a label that never claims more than the interval)
    and ``tone_by_<key>`` per ``by`` key (one row per group).

    Every article weighs the same (a long article is one article); duplicates
    (``articles.duplicate_of``) are left out unless ``duplicates=True``."""
    art = tables["article_sentiment"]
    schema.require(art, ["article_id", "mean_compound", "gdelt_tone"], "tone_stage")
    keys = groups.check_keys(by)
    articles = tables.get("articles")
    if articles is not None:
        counted = groups.aggregate_articles(articles, duplicates=duplicates)
        art = art[art["article_id"].isin(counted["article_id"])]
    art = art.drop_duplicates("article_id")
    out = {"tone": _tone(art, [])}
    for key in keys:
        if articles is None:
            raise NewslabError(f"tone_stage by {key!r} needs the articles table")
        gt = groups.group_table(counted.drop_duplicates("article_id"), key)
        out[groups.grouped_name("tone", key)] = _tone(art.merge(gt, on="article_id"), [key])[
            schema.grouped_columns("tone", key)]
    return out
