"""Grouping articles for corpus-level answers: by any metadata column or a date period.

Every corpus aggregate (attention, tone, country stance, dyads, keyness) can be broken down
``by`` one key at a time, as ``newslab analyze --by outlet --by month`` or ``by=[...]`` in
Python. A key is either

- a column of the ``articles`` table (``outlet``, ``section``, ``author``, any metadata
  column the input carried), compared as text; or
- a date period of ``articles.date``: ``day``, ``week``, ``month``, ``quarter`` or ``year``
  (labels such as ``2021-11``, ``2021Q4``), unless the articles have a column of that name,
  which then wins.

Articles with no value for the key (no date, no outlet) are left out of that breakdown and
counted (:func:`article_groups` returns them as missing). A grouped table is named
``<table>_by_<key>`` and has the key as its first column, then the table's own columns
(:func:`grouped_name`; ``newslab.schema.grouped_columns``).

Duplicates (``articles.duplicate_of`` set) are left out of aggregates by default:
:func:`aggregate_articles` is the one place that decides which articles count.
"""

from __future__ import annotations

import re

import pandas as pd

from .errors import NewslabError

#: Date periods a ``by`` key can name, and their pandas period codes.
PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_keys(by) -> list[str]:
    """``by`` as a list of keys (a string, a list, or None), each a plain identifier."""
    if by is None:
        return []
    keys = [by] if isinstance(by, str) else list(by)
    out = []
    for k in keys:
        if not isinstance(k, str) or not _KEY.match(k):
            raise NewslabError(f"--by takes a column name or a period "
                               f"({', '.join(PERIODS)}), not {k!r}")
        if k not in out:
            out.append(k)
    return out


def article_groups(articles: pd.DataFrame, key: str) -> pd.Series:
    """The group of every article for one key: a string Series indexed like ``articles``,
    with <NA> where the article has no value (no date for a period, an empty column)."""
    if key in articles.columns:
        col = articles[key]
        if pd.api.types.is_datetime64_any_dtype(col):
            s = col.dt.strftime("%Y-%m-%d")
        else:
            s = col.astype("string")
        s = s.where(s.str.strip().fillna("") != "")
        return s.astype("string")
    if key in PERIODS:
        if "date" not in articles.columns:
            return pd.Series(pd.NA, index=articles.index, dtype="string")
        d = pd.to_datetime(articles["date"], errors="coerce")
        if getattr(d.dt, "tz", None) is not None:
            d = d.dt.tz_localize(None)
        return d.dt.to_period(PERIODS[key]).astype("string").where(d.notna()).astype("string")
    raise NewslabError(f"--by {key}: the articles have no column {key!r} "
                       f"(columns: {', '.join(map(str, articles.columns))}) "
                       f"and it is not a period ({', '.join(PERIODS)})")


def group_table(articles: pd.DataFrame, key: str) -> pd.DataFrame:
    """``article_id`` and the article's group under ``key`` (a column named ``key``), for
    the articles that have one."""
    g = article_groups(articles, key)
    out = pd.DataFrame({"article_id": articles["article_id"].to_numpy(), key: g.to_numpy()})
    return out[out[key].notna()].reset_index(drop=True)


def aggregate_articles(articles: pd.DataFrame, *, duplicates: bool = False) -> pd.DataFrame:
    """The articles that count in aggregates: all of them with ``duplicates=True``, else
    those that are not flagged as a duplicate of an earlier one (``duplicate_of``)."""
    if duplicates or "duplicate_of" not in articles.columns:
        return articles
    return articles[articles["duplicate_of"].isna()]


def grouped_name(table: str, key: str) -> str:
    """The name of ``table`` broken down by ``key``: ``country_stance_by_outlet``."""
    return f"{table}_by_{key}"
