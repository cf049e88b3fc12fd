"""Aggregates of the ``stance`` table: per article, per country, dyads, evidence, by groups.

Honest by construction:

- **duplicates out**: articles flagged as a duplicate of an earlier one
  (``articles.duplicate_of``) are left out of corpus aggregates unless ``duplicates=True``;
  each row counts what it left out (``n_duplicates``);
- **intervals resample articles** (``newslab.stats.grouped_cluster_bootstrap``), not
  mentions: mentions in one article are not independent. Within one article
  (``article_stance``) the unit is the sentence;
- **labels never claim more than their interval** (``newslab.stats.interval_label``):
  negative / positive only when the whole 95% interval lies beyond -/+ :data:`THRESHOLD`
  and at least :data:`MIN_ARTICLES` articles (per article: :data:`MIN_SENTENCES`
  sentences) stand behind it; neutral when it lies inside; else ``uncertain``;
- **dyads** carry n and ``display`` (at least :data:`MIN_DYAD_ARTICLES` articles);
- **evidence** is deduplicated by sentence text and each line gives its reason:
  ``+0.80 agent of 'praised' [verb-agent]: <clause>``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import groups, schema, stats
from ..errors import NewslabError
from .rules import RULES_THRESHOLD

#: |interval| beyond this is polar, inside it neutral (the per-mention cut-off of ``rules``)
THRESHOLD = RULES_THRESHOLD
#: fewest articles behind a corpus-level polar label (newslab.stats.MIN_ARTICLES)
MIN_ARTICLES = stats.MIN_ARTICLES
#: fewest sentences behind an article-level polar label
MIN_SENTENCES = 1
#: fewest articles behind a dyad before it is marked for display
MIN_DYAD_ARTICLES = 2
#: evidence lines per aggregate row
N_EVIDENCE = 3


def _evidence_lines(g: pd.DataFrame, n: int, *, speaker: bool = False) -> str:
    """The ``n`` strongest polar mentions of a group, one per distinct clause, each with
    its reason."""
    if n <= 0 or g.empty:
        return ""
    v = g["score"].to_numpy(dtype=float)
    order = np.argsort(-np.abs(v), kind="stable")
    out, seen = [], set()
    for i in order:
        if abs(v[i]) < THRESHOLD or len(out) >= n:
            break
        r = g.iloc[i]
        clause = str(r["clause"])
        key = " ".join(clause.lower().split())
        if key in seen:
            continue
        seen.add(key)
        why = str(r.get("reason") or r.get("rule") or "")
        who = f"{r['speaker']}: " if speaker and isinstance(r.get("speaker"), str) else ""
        out.append(f"{who}{v[i]:+.2f} {why}: {clause}")
    return " | ".join(out)


def _bootstrap(df: pd.DataFrame, keys: list[str], cluster: str) -> pd.DataFrame:
    """``newslab.stats.cluster_bootstrap`` per group, each group with the same fixed seed,
    so that a group's interval does not depend on which other groups are in the table (a
    batch, a corpus): n, n_clusters, mean, ci_low, ci_high; groups in sorted order."""
    rows = []
    score = df["score"].to_numpy(dtype=float)
    clus = df[cluster].to_numpy()
    for k, ix in sorted(df.groupby(keys, sort=True, dropna=False).indices.items(),
                        key=lambda kv: tuple(map(str, kv[0] if isinstance(kv[0], tuple)
                                                 else (kv[0],)))):
        mean, lo, hi = stats.cluster_bootstrap(score[ix], clus[ix])
        k = k if isinstance(k, tuple) else (k,)
        rows.append((*k, len(ix), len(pd.unique(clus[ix])), mean, lo, hi))
    return pd.DataFrame(rows, columns=[*keys, "n", "n_clusters", "mean", "ci_low", "ci_high"])


def _summaries(df: pd.DataFrame, keys: list[str], cluster: str, min_n: int,
               n_evidence: int, *, speaker: bool = False) -> pd.DataFrame:
    """One row per group of ``keys``: n, n_clusters, mean, interval, label, label counts,
    evidence; groups in sorted key order."""
    df = df.reset_index(drop=True)
    boot = _bootstrap(df, keys, cluster)
    counts = (df.assign(_one=1).pivot_table(index=keys, columns="label", values="_one",
                                            aggfunc="sum", fill_value=0))
    idx = df.groupby(keys, sort=True, dropna=False).indices
    ev = {k: _evidence_lines(df.iloc[ix], n_evidence, speaker=speaker) for k, ix in idx.items()}
    out = boot.copy()
    key_tuples = [tuple(r) if len(keys) > 1 else r[0] for r in boot[keys].itertuples(index=False)]
    for lab in ("negative", "neutral", "positive"):
        col = counts[lab] if lab in counts.columns else pd.Series(0, index=counts.index)
        out[f"n_{lab}"] = [int(col.get(k, 0)) for k in key_tuples]
    out["evidence"] = [ev.get(k, "") for k in key_tuples]
    out["label"] = stats.interval_label(out["mean"].to_numpy(float), out["ci_low"].to_numpy(float),
                                        out["ci_high"].to_numpy(float),
                                        out["n_clusters"].to_numpy(float), min_n=min_n,
                                        threshold=THRESHOLD) if len(out) else []
    for c in ("mean", "ci_low", "ci_high"):
        out[c] = out[c].astype(float).round(4)
    return out


def _check_stance(stance) -> None:
    schema.require(stance, ["article_id", "sentence_id", "iso3", "country", "score", "label",
                            "rule", "clause"], "the stance aggregates")


def article_stance(stance: pd.DataFrame, *, n_evidence: int = N_EVIDENCE) -> pd.DataFrame:
    """Per article x country (rows in article order of first appearance, then the country's
    first mention): n_mentions, mean score with an interval from resampling the article's
    sentences, label, label counts and evidence (all of it: :func:`evidence`)."""
    _check_stance(stance)
    cols = schema.columns("article_stance")
    if len(stance) == 0:
        return schema.empty("article_stance")
    s = stance.reset_index(drop=True)
    s = s.assign(_sent=s["article_id"].astype(str) + "\x00" + s["sentence_id"].astype(str))
    out = _summaries(s, ["article_id", "iso3", "country"], "_sent", MIN_SENTENCES, n_evidence)
    out = out.rename(columns={"n": "n_mentions", "mean": "mean_score"})
    # order: articles as they come, then each article's countries by first mention
    a_order = {a: i for i, a in enumerate(pd.unique(s["article_id"]))}
    first = s.reset_index().groupby(["article_id", "iso3"], sort=False)["index"].min()
    out["_a"] = out["article_id"].map(a_order)
    out["_f"] = [first.get((a, i), 0) for a, i in zip(out["article_id"], out["iso3"])]
    out = out.sort_values(["_a", "_f"], kind="stable").reset_index(drop=True)
    return out[cols]


def evidence(stance: pd.DataFrame, sentences: pd.DataFrame | None = None, *, iso3=None,
             article_id=None, polar_only: bool = False) -> pd.DataFrame:
    """The mentions behind a score, strongest first, one per distinct sentence: article_id,
    sentence_id, surface, iso3, score, label, rule, trigger, role, reason, clause, speaker
    (and the sentence text when ``sentences`` is given)."""
    s = stance
    if iso3 is not None:
        s = s[s["iso3"] == iso3]
    if article_id is not None:
        s = s[s["article_id"] == article_id]
    if polar_only:
        s = s[s["label"] != "neutral"]
    cols = ["article_id", "sentence_id", "surface", "iso3", "score", "label", "rule", "trigger",
            "role", "reason", "clause", "speaker"]
    out = s[[c for c in cols if c in s.columns]]
    if sentences is not None:
        out = out.merge(sentences[["article_id", "sentence_id", "text"]].rename(
            columns={"text": "sentence"}), on=["article_id", "sentence_id"], how="left")
    order = np.argsort(-out["score"].abs().to_numpy(), kind="stable")
    out = out.iloc[order]
    key = out["iso3"].astype(str) + "\x00" + out["clause"].astype(str).str.lower()
    return out[~key.duplicated()].reset_index(drop=True)


def _split_duplicates(stance: pd.DataFrame, articles, duplicates: bool):
    """(the stance rows that count, per-country count of rows left out as duplicates)."""
    if articles is None or duplicates or "duplicate_of" not in articles.columns:
        return stance, None
    keep = set(groups.aggregate_articles(articles, duplicates=False)["article_id"])
    mask = stance["article_id"].isin(keep) | ~stance["article_id"].isin(
        set(articles["article_id"]))
    return stance[mask], stance[~mask]


def _with_groups(stance: pd.DataFrame, articles, key: str | None) -> pd.DataFrame:
    if key is None:
        return stance
    if articles is None:
        raise NewslabError(f"stance by {key!r} needs the articles table")
    gt = groups.group_table(articles, key)
    s = stance.drop(columns=[key], errors="ignore")
    return s.merge(gt, on="article_id", how="inner")


def country_stance(stance: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                   by: str | None = None, duplicates: bool = False,
                   n_evidence: int = N_EVIDENCE) -> pd.DataFrame:
    """Per country (and per ``by`` group of the articles, ``newslab.groups``): articles,
    mentions, mean score with a 95% interval from resampling articles, label
    (``uncertain`` unless the interval and :data:`MIN_ARTICLES` allow more), label counts,
    mentions left out as duplicates, evidence. Rows: most mentioned first."""
    _check_stance(stance)
    name = "country_stance"
    cols = schema.grouped_columns(name, by) if by else schema.columns(name)
    s, dup = _split_duplicates(stance, articles, duplicates)
    s = _with_groups(s, articles, by)
    keys = ([by] if by else []) + ["iso3", "country"]
    if len(s) == 0:
        return pd.DataFrame(columns=cols)
    out = _summaries(s, keys, "article_id", MIN_ARTICLES, n_evidence)
    out = out.rename(columns={"n": "n_mentions", "n_clusters": "n_articles",
                              "mean": "mean_score"})
    out["n_duplicates"] = 0
    if dup is not None and len(dup):
        d = _with_groups(dup, articles, by).groupby(keys, sort=False).size()
        out["n_duplicates"] = [int(d.get(tuple(k) if len(keys) > 1 else k[0], 0))
                               for k in out[keys].itertuples(index=False)]
    out = out.sort_values(([by] if by else []) + ["n_mentions", "iso3"],
                          ascending=[True] * (1 if by else 0) + [False, True], kind="stable")
    return out.reset_index(drop=True)[cols]


def dyads(stance: pd.DataFrame, articles: pd.DataFrame | None = None, *,
          by: str | None = None, duplicates: bool = False,
          n_evidence: int = 2) -> pd.DataFrame:
    """Source country -> target country: mentions of the target in sentences attributed to
    a speaker of the source country (``stance.source_iso3``), with n, articles, mean score,
    interval (resampling articles), label, ``display`` (at least
    :data:`MIN_DYAD_ARTICLES` articles) and evidence ("speaker: score reason: clause")."""
    _check_stance(stance)
    name = "stance_dyads"
    cols = schema.grouped_columns(name, by) if by else schema.columns(name)
    s = stance[stance["source_iso3"].notna()] if "source_iso3" in stance else stance.iloc[:0]
    s, dup = _split_duplicates(s, articles, duplicates)
    s = _with_groups(s, articles, by)
    if len(s) == 0:
        return pd.DataFrame(columns=cols)
    s = s.rename(columns={"iso3": "target_iso3", "country": "target_country"})
    keys = ([by] if by else []) + ["source_iso3", "target_iso3", "target_country"]
    out = _summaries(s, keys, "article_id", MIN_ARTICLES, n_evidence, speaker=True)
    out = out.rename(columns={"n": "n_mentions", "n_clusters": "n_articles",
                              "mean": "mean_score"})
    out["display"] = out["n_articles"] >= MIN_DYAD_ARTICLES
    out["n_duplicates"] = 0
    if dup is not None and len(dup):
        d = _with_groups(dup, articles, by).rename(
            columns={"iso3": "target_iso3", "country": "target_country"}).groupby(
            keys, sort=False).size()
        out["n_duplicates"] = [int(d.get(tuple(k), 0))
                               for k in out[keys].itertuples(index=False)]
    out = out.sort_values(([by] if by else []) + ["n_mentions", "source_iso3", "target_iso3"],
                          ascending=[True] * (1 if by else 0) + [False, True, True],
                          kind="stable")
    return out.reset_index(drop=True)[cols]


def corpus_aggregates(stance: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                      by=(), duplicates: bool = False) -> dict[str, pd.DataFrame]:
    """``country_stance`` and ``stance_dyads``, and for each key of ``by``
    ``country_stance_by_<key>`` and ``stance_dyads_by_<key>``."""
    out = {"country_stance": country_stance(stance, articles, duplicates=duplicates),
           "stance_dyads": dyads(stance, articles, duplicates=duplicates)}
    for k in groups.check_keys(by):
        out[groups.grouped_name("country_stance", k)] = country_stance(
            stance, articles, by=k, duplicates=duplicates)
        out[groups.grouped_name("stance_dyads", k)] = dyads(stance, articles, by=k,
                                                           duplicates=duplicates)
    return out


def bootstrap_ci(values, *, n_boot: int = 1000, level: float = 0.95,
                 seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean treating every value as independent (kept
    for comparison; the aggregates resample articles, ``newslab.stats``)."""
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return float("nan"), float("nan")
    _, lo, hi = stats.cluster_bootstrap(v, np.arange(len(v)), n_boot=n_boot, level=level,
                                        seed=seed)
    return lo, hi
