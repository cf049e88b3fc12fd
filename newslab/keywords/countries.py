"""The terms that set apart the sentences mentioning each country (keyness against the
other sentences), from the ``mentions`` table of ``newslab.countries``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from .. import schema
from .keyness import _finish_keyness, _key_table, _preselect, _score
from .terms import _TOKEN_COLS, _counts, _need, term_mask

#: The mentions columns :func:`country_terms` reads (``schema.columns("mentions")`` but the
#: surface form).
MENTION_COLUMNS = tuple(c for c in schema.columns("mentions") if c != "surface")


def country_terms(tokens: pd.DataFrame, mentions: pd.DataFrame, *, measure: str = "log_odds",
                  min_count: int = 2, top: int | None = 15, organizations: bool = False,
                  drop_mentions: bool = True, min_sentences: int = 1,
                  persons: bool = False) -> pd.DataFrame:
    """The terms that set apart the sentences mentioning each country from the other
    sentences of the corpus (keyness, :func:`keyness_arrays`).

    ``mentions``: the table of ``newslab.countries.find_mentions`` (``article_id,
    sentence_id, start, end, surface, iso3, country, kind``). Organization rows are left out
    unless ``organizations=True``, and ``kind="person"`` rows (leaders not acting for the
    state, officials: ``newslab.countries.countries_only``) unless ``persons=True``. With ``drop_mentions`` (default), the tokens inside any
    mention ("Russia", "Russian", "Kremlin") are not counted, so the country's own names do
    not top its list. Countries mentioned in fewer than ``min_sentences`` sentences are
    skipped. ``top`` terms each way per country.

    Columns: ``group`` (iso3), ``country``, ``n_sentences``, then as :func:`keyness`.
    """
    _need(tokens, (*_TOKEN_COLS, "start", "end"), "country_terms")
    _need(mentions, MENTION_COLUMNS, "country_terms (the mentions table)")
    from ..countries import countries_only
    if organizations:
        mm = mentions if persons else mentions[mentions["kind"].ne("person")]
    else:
        mm = countries_only(mentions, persons=persons)
    acodes, anames = pd.factorize(tokens["article_id"])
    width = int(tokens["sentence_id"].max()) + 1 if len(tokens) else 1
    skey = acodes.astype(np.int64) * width + tokens["sentence_id"].to_numpy(dtype=np.int64)
    tm = term_mask(tokens)
    if drop_mentions and len(mentions):
        tm &= ~_inside_mentions(tokens, mentions)
    scodes, skeys = pd.factorize(skey)
    counts, vocab = _counts(scodes[tm], tokens["lower"].to_numpy(dtype=object)[tm],
                            len(skeys))
    empty = pd.DataFrame(columns=["group", "country", "n_sentences", "term", "score", "rank"])
    if len(mm) == 0 or counts.shape[1] == 0:
        return empty
    macodes = pd.Index(anames).get_indexer(mm["article_id"].to_numpy(dtype=object))
    mkey = macodes.astype(np.int64) * width + mm["sentence_id"].to_numpy(dtype=np.int64)
    ms = pd.Index(skeys).get_indexer(mkey)
    ms[macodes < 0] = -1
    ok = ms >= 0
    pairs = pd.DataFrame({"iso3": mm["iso3"].to_numpy()[ok], "s": ms[ok]}).drop_duplicates()
    ccodes, cnames = pd.factorize(pairs["iso3"], sort=True)
    ind = sparse.csr_matrix((np.ones(len(pairs)), (ccodes, pairs["s"].to_numpy())),
                            shape=(len(cnames), len(skeys)))
    by_c = (ind @ counts).tocsr()
    total = np.asarray(counts.sum(axis=0)).ravel()
    n_all = total.sum()
    nsent = np.asarray(ind.sum(axis=1)).ravel().astype(np.int64)
    names = mm.drop_duplicates("iso3").set_index("iso3")["country"]
    parts = []
    for c in range(len(cnames)):
        if nsent[c] < min_sentences:
            continue
        a = by_c[c].toarray().ravel()
        size = a.sum()
        if size == 0 or size == n_all:
            continue
        keep = np.flatnonzero(total >= min_count)
        sc = _score(a[keep], (total - a)[keep], size, n_all - size, measure)
        keep = keep[_preselect(sc, top)]
        df = _key_table(vocab[keep], a[keep], (total - a)[keep], size, n_all - size,
                        measure=measure, group=cnames[c])
        df = _finish_keyness(df, top)
        df.insert(1, "country", names.get(cnames[c], cnames[c]))
        df.insert(2, "n_sentences", nsent[c])
        parts.append(df)
    if not parts:
        return empty
    out = pd.concat(parts, ignore_index=True)
    cols = ["group", "country", "n_sentences", "term", "score", "rank"]
    return out[cols + [c for c in out.columns if c not in cols]]


def _inside_mentions(tokens: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Which tokens overlap a mention span (same article and sentence), vectorised: the
    tokens of the sentences with mentions joined to those mentions."""
    tk = pd.DataFrame({"article_id": tokens["article_id"].to_numpy(dtype=object),
                       "sentence_id": tokens["sentence_id"].to_numpy(),
                       "ts": tokens["start"].to_numpy(), "te": tokens["end"].to_numpy(),
                       "row": np.arange(len(tokens))})
    mm = pd.DataFrame({"article_id": mentions["article_id"].to_numpy(dtype=object),
                       "sentence_id": mentions["sentence_id"].to_numpy(),
                       "ms": mentions["start"].to_numpy(), "me": mentions["end"].to_numpy()})
    j = tk.merge(mm, on=["article_id", "sentence_id"], how="inner")
    hit = j["row"].to_numpy()[(j["ts"].to_numpy() < j["me"].to_numpy())
                              & (j["te"].to_numpy() > j["ms"].to_numpy())]
    out = np.zeros(len(tokens), dtype=bool)
    out[hit] = True
    return out
