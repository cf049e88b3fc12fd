"""Pipeline adapters (declared by the runner in ``newslab.pipeline``): plain functions
``fn(tables, **options) -> tables``; no stage runs another stage."""

from __future__ import annotations

import pandas as pd

from .. import groups
from ..errors import NewslabError
from .aggregate import article_stance, corpus_aggregates
from .score import score_mentions

#: automatic breakdowns when ``by`` is not given: each key whose values vary in the corpus
AUTO_KEYS = ("outlet", "month")


def stance_stage(tables: dict, *, method: str | None = None, model=None) -> dict:
    """Batch stage: needs ``sentences``, ``mentions`` and ``articles``, and reads
    ``tokens`` when given (the rules then take each sentence's words from it instead of
    splitting it again). Returns ``attribution``, ``stance`` (per mention, by ``method``;
    default ``newslab.stance.DEFAULT_METHOD``) and ``article_stance``."""
    from ..attribution import attribute_sentences
    for name in ("sentences", "mentions"):
        if name not in tables:
            raise NewslabError(f"the stance stage needs the {name} table (run the "
                               f"{'mentions' if name == 'mentions' else 'tokenize'} stage "
                               "first)")
    sentences, mentions = tables["sentences"], tables["mentions"]
    att = attribute_sentences(sentences, articles=tables.get("articles"))
    st = score_mentions(sentences, mentions, method=method, model=model, attribution=att,
                        tokens=tables.get("tokens"))
    return {"attribution": att, "stance": st, "article_stance": article_stance(st)}


def _auto_keys(articles: pd.DataFrame | None) -> list[str]:
    if articles is None or articles.empty:
        return []
    keys = []
    for k in AUTO_KEYS:
        if k == "outlet" and "outlet" not in articles.columns:
            continue
        if k == "month" and "date" not in articles.columns:
            continue
        if groups.article_groups(articles, k).dropna().nunique() > 1:
            keys.append(k)
    return keys


def stance_corpus_stage(tables, *, by=(), duplicates: bool = False) -> dict:
    """Corpus stage: needs ``stance`` and ``articles`` (article_id, duplicate_of and the
    ``by`` columns). Returns ``country_stance`` and ``stance_dyads``, and for every key of
    ``by`` ``country_stance_by_<key>`` and ``stance_dyads_by_<key>``. Without ``by`` the keys
    are those of :data:`AUTO_KEYS` whose values vary in the corpus (several outlets, several
    months). Duplicates are left out (counted) unless ``duplicates=True``. When ``tables``
    offers ``iter_parts`` (the pipeline's Parquet parts, each of whole articles) the stance
    table is read a part at a time, never whole (``aggregate_pieces``): the same tables."""
    if "stance" not in tables:
        raise NewslabError("the stance corpus stage needs the stance table")
    parts = getattr(tables, "iter_parts", None)
    st = parts("stance") if callable(parts) else tables["stance"]
    arts = tables["articles"] if "articles" in tables else None
    keys = groups.check_keys(by) if by else _auto_keys(arts)
    return corpus_aggregates(st, arts, by=keys, duplicates=duplicates)
