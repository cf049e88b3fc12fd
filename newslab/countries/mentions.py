"""Mentions: the ``mentions`` table of a sentences table, of one text, and counts.

``find_mentions(sentences, articles)`` runs the matcher once over all sentences (joined by
newlines, so no hit spans two sentences); ``mentions_in_text`` and ``countries_in_text`` ask
one string. ``countries_only``, ``count_by_article``, ``count_by_country`` count them.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
import pandas as pd

from .. import schema
from ..errors import NewslabError
from .home import home_country, home_hits, merge_hits
from .matcher import matcher

# between sentences joined for one automaton pass: no surface form contains a newline, so
# no hit spans two sentences.
_SEP = "\n"


def _to_datetime64(value):
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise NewslabError(f"cannot read date {value!r}") from None
    if pd.isna(ts):
        return None
    return ts.tz_localize(None).to_datetime64() if ts.tzinfo else ts.to_datetime64()


def _frame(rows: dict) -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": pd.Series(rows["article_id"], dtype=object),
        "sentence_id": np.asarray(rows["sentence_id"], dtype=np.int64),
        "start": np.asarray(rows["start"], dtype=np.int64),
        "end": np.asarray(rows["end"], dtype=np.int64),
        "surface": pd.Series(rows["surface"], dtype=object),
        "iso3": pd.Series(rows["iso3"], dtype=object),
        "country": pd.Series(rows["country"], dtype=object),
        "kind": pd.Series(rows["kind"], dtype=object),
    }, columns=schema.columns("mentions"))


def find_mentions(sentences: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                  extra=None) -> pd.DataFrame:
    """The ``mentions`` table of a ``sentences`` table (see ``newslab.schema``).

    ``articles`` (optional) supplies ``date`` per ``article_id`` for dated leaders; without
    it, or where the date is NaT, leaders resolve by the most recent office holder; and
    ``outlet``: in an article of a government's own site ("state.gov") its bodies named
    without the country ("the Department") are that country's (``newslab.countries.home``).
    ``extra``: gazetteer rows to add for this call (see :func:`gazetteer`).
    """
    need = {"article_id", "sentence_id", "start", "text"}
    if not isinstance(sentences, pd.DataFrame) or need - set(sentences.columns):
        raise NewslabError("find_mentions needs the sentences table (columns "
                           "article_id, sentence_id, start, text), e.g. from "
                           "newslab.sentences(articles)")
    m = matcher(extra=extra)
    rows = {c: [] for c in schema.columns("mentions")}
    if len(sentences) == 0:
        return _frame(rows)
    texts = sentences["text"].astype(str).tolist()
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts), dtype=np.int64)
    if len(texts) > 1:
        starts[1:] = np.cumsum(lengths + len(_SEP))[:-1]
    big = _SEP.join(texts)
    aids = sentences["article_id"].to_numpy()
    sids = sentences["sentence_id"].to_numpy()
    offs = sentences["start"].to_numpy(dtype=np.int64)

    sent_dates = None
    if articles is not None and "date" in articles.columns and len(articles):
        d = pd.to_datetime(articles["date"], errors="coerce")
        if getattr(d.dt, "tz", None) is not None:
            d = d.dt.tz_localize(None)
        by_article = pd.Series(d.to_numpy(), index=articles["article_id"].to_numpy())
        by_article = by_article[~by_article.index.duplicated()]
        sent_dates = pd.Series(aids).map(by_article).to_numpy(dtype="datetime64[ns]")

    homes = None
    if articles is not None and "outlet" in articles.columns and len(articles):
        by_outlet = {o: home_country(o) for o in articles["outlet"].dropna().unique()}
        if any(by_outlet.values()):
            hm = pd.Series(articles["outlet"].map(by_outlet).to_numpy(),
                           index=articles["article_id"].to_numpy())
            hm = hm[~hm.index.duplicated()]
            homes = pd.Series(aids).map(hm).to_numpy(dtype=object)

    starts_l = starts.tolist()
    ends_l = (starts + lengths).tolist()

    def index_of(pos: int, _bisect=bisect_right) -> int:
        return _bisect(starts_l, pos) - 1

    def bounds(pos: int):
        i = index_of(pos)
        return starts_l[i], ends_l[i]

    dates = None
    if sent_dates is not None:
        def dates(pos: int):
            v = sent_dates[index_of(pos)]
            return None if np.isnat(v) else v

    hits = m.scan(big, dates=dates, bounds=bounds)
    if homes is not None:
        extra_hits = []
        for i in np.flatnonzero(pd.notna(homes)).tolist():
            extra_hits += home_hits(big, homes[i], starts_l[i], ends_l[i])
        hits = merge_hits(hits, extra_hits)
    if not hits:
        return _frame(rows)
    hs = np.fromiter((h[0] for h in hits), dtype=np.int64, count=len(hits))
    he = np.fromiter((h[1] for h in hits), dtype=np.int64, count=len(hits))
    idx = np.searchsorted(starts, hs, side="right") - 1
    local = hs - starts[idx]
    rows["article_id"] = aids[idx].tolist()
    rows["sentence_id"] = sids[idx]
    rows["start"] = offs[idx] + local
    rows["end"] = offs[idx] + local + (he - hs)
    rows["surface"] = [big[h[0]:h[1]] for h in hits]
    rows["iso3"] = [h[2].iso3 for h in hits]
    rows["country"] = [h[2].country for h in hits]
    rows["kind"] = [h[2].kind for h in hits]
    return _frame(rows)


def _scan(text, date, extra, outlet):
    d = _to_datetime64(date)
    hits = matcher(extra=extra).scan(text, dates=(lambda pos: d) if d is not None else None)
    home = home_country(outlet)
    return merge_hits(hits, home_hits(text, home)) if home else hits


def mentions_in_text(text: str, *, date=None, extra=None, article_id=None,
                     sentence_id: int = 0, outlet=None) -> pd.DataFrame:
    """The mentions in one raw string (offsets into ``text``), same columns as
    :func:`find_mentions`; ``date`` (anything pandas reads) resolves dated leaders,
    ``outlet`` (as in ``articles.outlet``) reads a government site's bodies named without
    the country (``newslab.countries.home``), and the whole text counts as one sentence for
    the context rules. Each call builds a DataFrame
    (about 0.3 M words/s on news articles): for a corpus use :func:`find_mentions`, for a
    set of codes :func:`countries_in_text`."""
    if not isinstance(text, str):
        raise NewslabError(f"mentions_in_text needs a string, not {type(text).__name__}")
    hits = _scan(text, date, extra, outlet)
    rows = {"article_id": [article_id] * len(hits), "sentence_id": [sentence_id] * len(hits),
            "start": [h[0] for h in hits], "end": [h[1] for h in hits],
            "surface": [text[h[0]:h[1]] for h in hits], "iso3": [h[2].iso3 for h in hits],
            "country": [h[2].country for h in hits], "kind": [h[2].kind for h in hits]}
    return _frame(rows)


def countries_in_text(text: str, *, date=None, extra=None, persons: bool = False,
                      outlet=None) -> set[str]:
    """The set of ISO alpha-3 codes of the countries ``text`` refers to (no organizations;
    no leaders acting as persons and officials unless ``persons=True``; ``outlet`` as in
    :func:`mentions_in_text`).

    Builds no table, so it is the fast way to ask many short texts (for whole corpora use
    :func:`find_mentions`, one pass over the sentences table)."""
    if not isinstance(text, str):
        raise NewslabError(f"countries_in_text needs a string, not {type(text).__name__}")
    hits = _scan(text, date, extra, outlet)
    drop = ("organization",) if persons else ("organization", "person")
    return {h[2].iso3 for h in hits if h[2].kind not in drop}


def countries_only(mentions: pd.DataFrame, *, persons: bool = False) -> pd.DataFrame:
    """The mentions of countries: organization rows dropped, and ``kind="person"`` rows
    (leaders not acting for the state, officials: ``newslab.countries.leaders``) unless
    ``persons=True``."""
    drop = ["organization"] if persons else ["organization", "person"]
    return mentions[~mentions["kind"].isin(drop)].reset_index(drop=True)


def _counted(mentions, organizations, persons):
    if organizations:
        return mentions if persons else mentions[mentions["kind"].ne("person")]
    return countries_only(mentions, persons=persons)


def count_by_article(mentions: pd.DataFrame, *, organizations: bool = False,
                     persons: bool = False) -> pd.DataFrame:
    """Mentions per article and country: ``article_id, iso3, country, n`` (most first);
    organizations and persons counted only when asked."""
    mm = _counted(mentions, organizations, persons)
    out = (mm.groupby(["article_id", "iso3", "country"], sort=False).size()
           .rename("n").reset_index())
    return (out.sort_values(["article_id", "n", "iso3"], ascending=[True, False, True],
                            kind="stable").reset_index(drop=True))


def count_by_country(mentions: pd.DataFrame, *, organizations: bool = False,
                     persons: bool = False) -> pd.DataFrame:
    """Mentions per country over the corpus: ``iso3, country, n_mentions, n_articles,
    share`` (share of all mentions counted), most mentioned first; organizations and
    persons counted only when asked."""
    mm = _counted(mentions, organizations, persons)
    g = mm.groupby(["iso3", "country"], sort=False)
    out = pd.DataFrame({"n_mentions": g.size(), "n_articles": g["article_id"].nunique()})
    out = out.reset_index()
    total = out["n_mentions"].sum()
    out["share"] = out["n_mentions"] / total if total else 0.0
    return (out.sort_values(["n_mentions", "iso3"], ascending=[False, True], kind="stable")
            .reset_index(drop=True))
