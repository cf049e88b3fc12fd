"""Pipeline stages of the countries package (declared by the runner, ``newslab.pipeline``).

- :func:`mentions_stage` (per batch): ``sentences`` (+ ``articles`` for dates) -> ``mentions``;
- :func:`attention_stage` (whole corpus): ``mentions`` + ``articles`` -> ``attention``, and
  ``attention_by_<key>`` for every ``by`` key (``newslab.groups``); reads the mentions part
  by part when the tables offer ``iter_parts`` (out of core).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import groups, schema
from .mentions import countries_only, find_mentions


def mentions_stage(tables: dict) -> dict:
    """``{"mentions": find_mentions(sentences, articles)}``."""
    return {"mentions": find_mentions(tables["sentences"], tables.get("articles"))}


def _attention(counts: pd.DataFrame, n_total, keys: list[str]) -> pd.DataFrame:
    """Per (keys, country): articles mentioning it, mentions, share of the group's articles.
    ``counts``: n_articles and n_mentions per (keys, iso3, country), groups in order of
    first appearance; ``n_total``: the number of counted articles (a scalar, or a Series
    indexed by the key)."""
    cols = [*keys, *schema.columns("attention")]
    if counts is None or counts.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    out = counts.reset_index()
    total = (out[keys[0]].map(n_total).to_numpy(dtype=float) if keys
             else np.full(len(out), float(n_total)))
    out["share_articles"] = np.where(total > 0, out["n_articles"] / np.where(total > 0, total, 1),
                                     0.0).round(6)
    out["n_articles"] = out["n_articles"].astype(np.int64)
    out["n_mentions"] = out["n_mentions"].astype(np.int64)
    out = out.sort_values([*keys, "n_articles", "n_mentions", "iso3"],
                          ascending=[True] * len(keys) + [False, False, True], kind="stable")
    return out[cols].reset_index(drop=True)


def _counts(mm: pd.DataFrame, keys: list[str]):
    """A piece's articles and mentions per (keys, iso3, country), or None."""
    if mm.empty:
        return None
    g = mm.groupby([*keys, "iso3", "country"], sort=False)
    return pd.DataFrame({"n_articles": g["article_id"].nunique(), "n_mentions": g.size()})


def _summed(counts: list):
    """The pieces' counts added up: a piece holds whole articles, so its distinct articles
    add up; groups in order of first appearance."""
    counts = [c for c in counts if c is not None]
    if not counts:
        return None
    both = pd.concat(counts)
    return both.groupby(level=list(range(both.index.nlevels)), sort=False).sum()


def attention_stage(tables: dict, *, by=(), duplicates: bool = False) -> dict:
    """How much of the corpus each country gets: ``attention`` (per country: articles that
    mention it, its mentions, and the share of all counted articles that mention it) and
    ``attention_by_<key>`` per ``by`` key (shares within each group's articles).

    Counts are of countries only (organizations, and leaders acting as persons, left out:
    :func:`countries_only`); duplicates (``articles.duplicate_of``) are left out unless
    ``duplicates=True``; the share's denominator is every counted article, mentioning a
    country or not. When ``tables`` offers ``iter_parts`` (the pipeline's Parquet parts,
    each of whole articles), the mentions are read a part at a time and only the counts
    are kept: the same table as from the whole table at once."""
    articles = tables["articles"]
    schema.require(articles, ["article_id"], "attention_stage")
    keys = groups.check_keys(by)
    counted = groups.aggregate_articles(articles, duplicates=duplicates)
    ids = pd.Index(counted["article_id"].unique())
    per_key = {}
    for key in keys:
        gt = groups.group_table(counted.drop_duplicates("article_id"), key)
        per_key[key] = (pd.Index(gt["article_id"]), gt[key].array,
                        gt.groupby(key, sort=True).size())
    cols = ["article_id", "iso3", "country", "kind"]
    parts = getattr(tables, "iter_parts", None)
    pieces = parts("mentions", cols) if callable(parts) else [tables["mentions"]]
    acc = {k: [] for k in [None, *keys]}
    for mentions in pieces:
        schema.require(mentions, cols, "attention_stage")
        mm = countries_only(mentions)
        mm = mm[ids.get_indexer(mm["article_id"]) >= 0]
        acc[None].append(_counts(mm, []))
        for key in keys:
            idx, vals, _ = per_key[key]
            pos = idx.get_indexer(mm["article_id"])
            mk = mm[pos >= 0].assign(**{key: vals[pos[pos >= 0]]})
            acc[key].append(_counts(mk, [key]))
    out = {"attention": _attention(_summed(acc[None]), len(ids), [])}
    for key in keys:
        out[groups.grouped_name("attention", key)] = _attention(_summed(acc[key]),
                                                               per_key[key][2], [key])[
            schema.grouped_columns("attention", key)]
    return out
