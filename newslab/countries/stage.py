"""Pipeline stages of the countries package (declared by the runner, ``newslab.pipeline``).

- :func:`mentions_stage` (per batch): ``sentences`` (+ ``articles`` for dates) -> ``mentions``;
- :func:`attention_stage` (whole corpus): ``mentions`` + ``articles`` -> ``attention``, and
  ``attention_by_<key>`` for every ``by`` key (``newslab.groups``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import groups, schema
from .mentions import countries_only, find_mentions


def mentions_stage(tables: dict) -> dict:
    """``{"mentions": find_mentions(sentences, articles)}``."""
    return {"mentions": find_mentions(tables["sentences"], tables.get("articles"))}


def _attention(mm: pd.DataFrame, n_total, keys: list[str]) -> pd.DataFrame:
    """Per (keys, country): articles mentioning it, mentions, share of the group's articles.
    ``n_total``: the number of counted articles (a scalar, or a Series indexed by the key)."""
    cols = [*keys, *schema.columns("attention")]
    if mm.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    g = mm.groupby([*keys, "iso3", "country"], sort=False)
    out = pd.DataFrame({"n_articles": g["article_id"].nunique(), "n_mentions": g.size()})
    out = out.reset_index()
    total = (out[keys[0]].map(n_total).to_numpy(dtype=float) if keys
             else np.full(len(out), float(n_total)))
    out["share_articles"] = np.where(total > 0, out["n_articles"] / np.where(total > 0, total, 1),
                                     0.0).round(6)
    out["n_articles"] = out["n_articles"].astype(np.int64)
    out["n_mentions"] = out["n_mentions"].astype(np.int64)
    out = out.sort_values([*keys, "n_articles", "n_mentions", "iso3"],
                          ascending=[True] * len(keys) + [False, False, True], kind="stable")
    return out[cols].reset_index(drop=True)


def attention_stage(tables: dict, *, by=(), duplicates: bool = False) -> dict:
    """How much of the corpus each country gets: ``attention`` (per country: articles that
    mention it, its mentions, and the share of all counted articles that mention it) and
    ``attention_by_<key>`` per ``by`` key (shares within each group's articles).

    Counts are of countries only (organizations, and leaders acting as persons, left out:
    :func:`countries_only`); duplicates (``articles.duplicate_of``) are left out unless
    ``duplicates=True``; the share's denominator is every counted article, mentioning a
    country or not."""
    articles = tables["articles"]
    mentions = tables["mentions"]
    schema.require(mentions, ["article_id", "iso3", "country", "kind"], "attention_stage")
    schema.require(articles, ["article_id"], "attention_stage")
    keys = groups.check_keys(by)
    counted = groups.aggregate_articles(articles, duplicates=duplicates)
    ids = pd.Index(counted["article_id"].unique())
    mm = countries_only(mentions)
    mm = mm[mm["article_id"].isin(ids)]
    out = {"attention": _attention(mm, len(ids), [])}
    for key in keys:
        gt = groups.group_table(counted.drop_duplicates("article_id"), key)
        n_per = gt.groupby(key, sort=True).size()
        mk = mm.merge(gt, on="article_id", how="inner")
        out[groups.grouped_name("attention", key)] = _attention(mk, n_per, [key])[
            schema.grouped_columns("attention", key)]
    return out
