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
    col = {c: g[c].to_numpy(dtype=object) if c in g.columns else None
           for c in ("clause", "reason", "rule", "speaker")}
    out, seen = [], set()
    for i in order.tolist():
        if abs(v[i]) < THRESHOLD or len(out) >= n:
            break
        clause = str(col["clause"][i])
        key = " ".join(clause.lower().split())
        if key in seen:
            continue
        seen.add(key)
        reason, rule, spk = (None if col[c] is None else col[c][i]
                             for c in ("reason", "rule", "speaker"))
        why = str(reason or rule or "")
        who = f"{spk}: " if speaker and isinstance(spk, str) else ""
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
    evidence; groups in sorted key order.

    Vectorised over groups (:func:`_group_bootstraps`, :func:`_group_evidence`): the same
    numbers as :func:`_summaries_per_group`, which serves tables with a missing key."""
    df = df.reset_index(drop=True)
    if len(df) == 0 or df[keys].isna().to_numpy().any():
        return _summaries_per_group(df, keys, cluster, min_n, n_evidence, speaker=speaker)
    idx = df.groupby(keys, sort=True, dropna=False).indices
    items = sorted(idx.items(), key=lambda kv: tuple(map(str, kv[0] if isinstance(kv[0], tuple)
                                                        else (kv[0],))))
    gid = np.empty(len(df), dtype=np.int64)
    for g, (_k, ix) in enumerate(items):
        gid[ix] = g
    n_groups = len(items)
    score = df["score"].to_numpy(dtype=float)
    n, k, mean, lo, hi = _group_bootstraps(score, gid, df[cluster].to_numpy(), n_groups)
    key_rows = [k_ if isinstance(k_, tuple) else (k_,) for k_, _ix in items]
    out = pd.DataFrame(key_rows, columns=keys)
    out["n"], out["n_clusters"] = n, k
    out["mean"], out["ci_low"], out["ci_high"] = mean, lo, hi
    lab = df["label"].to_numpy(dtype=object)
    for name in ("negative", "neutral", "positive"):
        out[f"n_{name}"] = np.bincount(gid[lab == name], minlength=n_groups).astype(np.int64)
    out["evidence"] = _group_evidence(df, gid, n_groups, n_evidence, speaker=speaker)
    out["label"] = stats.interval_label(out["mean"].to_numpy(float), out["ci_low"].to_numpy(float),
                                        out["ci_high"].to_numpy(float),
                                        out["n_clusters"].to_numpy(float), min_n=min_n,
                                        threshold=THRESHOLD)
    for c in ("mean", "ci_low", "ci_high"):
        out[c] = out[c].astype(float).round(4)
    return out


#: most floats one vectorised bootstrap step holds (groups x resamples x clusters)
_BOOT_CELLS = stats.GROUP_CELLS


def _group_bootstraps(score, gid, clusters, n_groups):
    """Per group (``gid`` 0..n_groups-1): n, clusters, mean and the interval of
    ``newslab.stats.cluster_bootstrap`` (clusters in order of first appearance, the same
    seeded draws for every group with the same number of clusters), computed for all groups
    with the same number of clusters at once."""
    ccode = pd.factorize(clusters, sort=False)[0].astype(np.int64)
    pair = pd.factorize(gid * (int(ccode.max()) + 1) + ccode, sort=False)[0]
    sums = np.bincount(pair, weights=score)
    counts = np.bincount(pair).astype(float)
    pgid = np.zeros(len(sums), dtype=np.int64)
    pgid[pair] = gid
    order = np.argsort(pgid, kind="stable")  # each group's clusters, first appearance first
    k = np.bincount(pgid, minlength=n_groups)
    n = np.bincount(gid, minlength=n_groups)
    mean, lo, hi = stats.bootstrap_groups(sums[order], counts[order], k,
                                          cells=_BOOT_CELLS)
    return n.astype(int), k.astype(int), mean, lo, hi


def _group_evidence(df, gid, n_groups, n: int, *, speaker: bool = False) -> list[str]:
    """:func:`_evidence_lines` of every group (``gid``), from one sort of the polar rows."""
    out = [""] * n_groups
    if n <= 0:
        return out
    v = df["score"].to_numpy(dtype=float)
    polar = np.flatnonzero(np.abs(v) >= THRESHOLD)
    if not len(polar):
        return out
    polar = polar[np.lexsort((-np.abs(v[polar]), gid[polar]))]  # stable: ties in row order
    g = gid[polar]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    ends = np.r_[starts[1:], len(polar)]
    clause = df["clause"].to_numpy(dtype=object)
    reason = df["reason"].to_numpy(dtype=object) if "reason" in df.columns else None
    rule = df["rule"].to_numpy(dtype=object) if "rule" in df.columns else None
    spk = df["speaker"].to_numpy(dtype=object) if speaker and "speaker" in df.columns else None
    for s, e in zip(starts.tolist(), ends.tolist()):
        lines, seen = [], set()
        for i in polar[s:e].tolist():
            if len(lines) >= n:
                break
            c = str(clause[i])
            key = " ".join(c.lower().split())
            if key in seen:
                continue
            seen.add(key)
            why = str((reason[i] if reason is not None else None)
                      or (rule[i] if rule is not None else None) or "")
            who = f"{spk[i]}: " if spk is not None and isinstance(spk[i], str) else ""
            lines.append(f"{who}{v[i]:+.2f} {why}: {c}")
        out[int(g[s])] = " | ".join(lines)
    return out


def _summaries_per_group(df: pd.DataFrame, keys: list[str], cluster: str, min_n: int,
                         n_evidence: int, *, speaker: bool = False) -> pd.DataFrame:
    """:func:`_summaries` one group at a time (pandas per group): the reference the
    vectorised path is tested against, and the path for tables with a missing key."""
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


LABELS = ("negative", "neutral", "positive")


class _Articles:
    """What the corpus aggregates need to know of each article, looked up for every piece
    of the stance table: whether it counts (``duplicate_of``) and its group under each key."""

    def __init__(self, articles, keys, duplicates: bool):
        self.articles = articles
        self.dedup = (articles is not None and not duplicates
                      and "duplicate_of" in articles.columns)
        if self.dedup:   # an article counts when it is kept, or not in the articles at all
            ids = pd.Index(pd.unique(articles["article_id"].to_numpy(dtype=object)))
            keep = groups.aggregate_articles(articles, duplicates=False)["article_id"]
            self.ids, self.kept = ids, ids.isin(keep.to_numpy(dtype=object))
        self.groups = {}
        for key in keys:
            if key is None:
                continue
            if articles is None:
                raise NewslabError(f"stance by {key!r} needs the articles table")
            gt = groups.group_table(articles, key)
            idx = pd.Index(gt["article_id"].to_numpy(dtype=object))
            self.groups[key] = (gt, idx if idx.is_unique else None,
                                gt[key].to_numpy(dtype=object))

    def counted(self, piece: pd.DataFrame):
        """A boolean mask of the piece's rows that count (None: all of them)."""
        if not self.dedup:
            return None
        pos = self.ids.get_indexer(piece["article_id"].to_numpy(dtype=object))
        return (pos < 0) | self.kept[np.maximum(pos, 0)]

    def with_group(self, s: pd.DataFrame, key):
        """``s`` with the key's group as a column, rows of articles without one left out
        (as an inner merge with ``groups.group_table``, which it equals)."""
        if key is None:
            return s
        gt, idx, vals = self.groups[key]
        s = s.drop(columns=[key], errors="ignore")
        if idx is None:                          # ids repeat: the merge itself
            return s.merge(gt, on="article_id", how="inner")
        pos = idx.get_indexer(s["article_id"].to_numpy(dtype=object))
        ok = pos >= 0
        return s[ok].assign(**{key: vals[pos[ok]]})


class _Aggregate:
    """One aggregate table (country_stance or stance_dyads, whole or by one key), summed
    over pieces of the stance table of whole articles: per group, each article's sum and
    number of scores in order of first appearance (what the bootstrap resamples: the same
    interval as from the whole table, ``stats.bootstrap_sums``), its label counts, the rows
    left out as duplicates, and its strongest evidence candidates (the first n distinct
    clauses of a group are among the first n of every piece of it, so keeping those of
    each piece gives the same lines as the whole table)."""

    def __init__(self, keys: list[str], n_evidence: int, speaker: bool):
        self.keys, self.n_evidence, self.speaker = keys, n_evidence, speaker
        self.ids: dict[tuple, int] = {}
        self.pairs: list = []
        self.labels = np.zeros((0, len(LABELS)), dtype=np.int64)
        self.dups: dict[tuple, int] = {}
        self.cand: list = []
        self.n_cand = 0
        self.kept = None
        self.offset = 0

    def _gids(self, df):
        """Each row's group, numbered in order of first appearance, and the global id of
        each of those groups."""
        comb = np.zeros(len(df), dtype=np.int64)
        for c in self.keys:
            k, u = pd.factorize(df[c], sort=False)
            comb = comb * (len(u) + 1) + (k + 1)
        codes, uniq = pd.factorize(comb, sort=False)
        first = np.empty(len(uniq), dtype=np.int64)
        first[codes[::-1]] = np.arange(len(df) - 1, -1, -1)
        vals = [df[c].to_numpy(dtype=object)[first] for c in self.keys]
        gl = np.array([self.ids.setdefault(t, len(self.ids)) for t in zip(*vals)],
                      dtype=np.int64)
        return codes, gl

    def add(self, df: pd.DataFrame) -> None:
        n = len(df)
        if n == 0:
            return
        codes, gl = self._gids(df)
        score = df["score"].to_numpy(dtype=float)
        art = pd.factorize(df["article_id"])[0].astype(np.int64)
        na = int(art.max()) + 1
        pcode, puniq = pd.factorize(codes.astype(np.int64) * na + art)
        self.pairs.append((gl[puniq // na], np.bincount(pcode, weights=score),
                           np.bincount(pcode)))
        if len(self.ids) > len(self.labels):
            grown = np.zeros((2 * len(self.ids), len(LABELS)), dtype=np.int64)
            grown[:len(self.labels)] = self.labels
            self.labels = grown
        lab = df["label"].to_numpy(dtype=object)
        for j, name in enumerate(LABELS):
            self.labels[:, j] += np.bincount(gl[codes[lab == name]],
                                             minlength=len(self.labels))
        polar = np.abs(score) >= THRESHOLD
        if self.n_evidence > 0 and polar.any():
            c = df.loc[polar, [x for x in ("clause", "reason", "rule", "speaker")
                               if x in df.columns]].reset_index(drop=True)
            c["score"] = score[polar]
            c["_gid"] = gl[codes[polar]]
            c["_pos"] = self.offset + np.flatnonzero(polar)
            c["_key"] = [" ".join(str(x).lower().split()) for x in c["clause"]]
            self.cand.append(c)
            self.n_cand += len(c)
            if self.n_cand > 50_000:
                self._reduce()
        self.offset += n

    def add_duplicates(self, df: pd.DataFrame) -> None:
        for k, v in df.groupby(self.keys, sort=False).size().items():
            self.dups[k] = self.dups.get(k, 0) + int(v)

    def _reduce(self) -> None:
        parts = ([self.kept] if self.kept is not None else []) + self.cand
        self.cand, self.n_cand = [], 0
        if not parts:
            return
        c = pd.concat(parts, ignore_index=True)
        order = np.lexsort((c["_pos"].to_numpy(), -np.abs(c["score"].to_numpy(float)),
                            c["_gid"].to_numpy()))
        c = c.iloc[order]
        c = c[~c.duplicated(["_gid", "_key"]).to_numpy()]
        c = c[c.groupby("_gid").cumcount().to_numpy() < self.n_evidence]
        self.kept = c.reset_index(drop=True)

    def summaries(self, min_n: int) -> pd.DataFrame | None:
        """As ``_summaries`` of the whole table: one row per group, groups in sorted key
        order (None: no rows)."""
        if not self.ids:
            return None
        self._reduce()
        gid = np.concatenate([p[0] for p in self.pairs])
        sums = np.concatenate([p[1] for p in self.pairs])
        cnts = np.concatenate([p[2] for p in self.pairs])
        self.pairs = []
        order = np.argsort(gid, kind="stable")
        bounds = np.searchsorted(gid[order], np.arange(len(self.ids) + 1))
        ev = {}
        if self.kept is not None:
            for g, part in self.kept.groupby("_gid", sort=False):
                ev[g] = _evidence_lines(part.sort_values("_pos"), self.n_evidence,
                                        speaker=self.speaker)
        items = sorted(self.ids.items(), key=lambda kv: tuple(map(str, kv[0])))
        gids = np.array([g for _k, g in items], dtype=np.int64)
        sizes = bounds[gids + 1] - bounds[gids]
        ix = np.concatenate([order[bounds[g]:bounds[g + 1]] for g in gids.tolist()])
        mean, lo, hi = stats.bootstrap_groups(sums[ix], cnts[ix].astype(float), sizes,
                                              cells=_BOOT_CELLS)
        out = pd.DataFrame([k for k, _g in items], columns=self.keys)
        out["n"] = np.add.reduceat(cnts[ix], np.r_[0, np.cumsum(sizes)[:-1]]).astype(int)
        out["n_clusters"] = sizes.astype(int)
        out["mean"], out["ci_low"], out["ci_high"] = mean, lo, hi
        for j, lab in enumerate(LABELS):
            out[f"n_{lab}"] = [int(x) for x in self.labels[gids, j]]
        out["evidence"] = [ev.get(g, "") for g in gids]
        out["label"] = stats.interval_label(
            out["mean"].to_numpy(float), out["ci_low"].to_numpy(float),
            out["ci_high"].to_numpy(float), out["n_clusters"].to_numpy(float), min_n=min_n,
            threshold=THRESHOLD)
        for c in ("mean", "ci_low", "ci_high"):
            out[c] = out[c].astype(float).round(4)
        out["n_duplicates"] = [self.dups.get(tuple(k), 0)
                               for k in out[self.keys].itertuples(index=False)]
        return out.rename(columns={"n": "n_mentions", "n_clusters": "n_articles",
                                   "mean": "mean_score"})


_TARGET = {"iso3": "target_iso3", "country": "target_country"}
_EVIDENCE = {"country_stance": N_EVIDENCE, "stance_dyads": 2}


def aggregate_pieces(pieces, articles: pd.DataFrame | None = None, *, by=(),
                     duplicates: bool = False, tables=("country_stance", "stance_dyads"),
                     n_evidence: dict | None = None) -> dict[str, pd.DataFrame]:
    """``country_stance`` and ``stance_dyads`` (whole, and ``_by_<key>`` for each key of
    ``by``) in one pass over ``pieces``: DataFrames of the stance table in order, each
    holding whole articles (the pipeline's Parquet parts), never concatenated. Only small
    per-article partials are kept (each article's score sum and count per group, label
    counts, a few evidence candidates per group), and the result is row for row the one of
    the whole table (tested)."""
    keys = [None, *groups.check_keys(by)]
    info = _Articles(articles, keys, duplicates)
    nev = {**_EVIDENCE, **(n_evidence or {})}
    acc = {}
    for name in tables:
        base = (["iso3", "country"] if name == "country_stance"
                else ["source_iso3", "target_iso3", "target_country"])
        for key in keys:
            acc[name, key] = _Aggregate(([key] if key else []) + base, nev[name],
                                        speaker=name == "stance_dyads")
    for piece in pieces:
        _check_stance(piece)
        piece = piece.reset_index(drop=True)
        counted = info.counted(piece)
        for name in tables:
            s, mask = piece, counted
            if name == "stance_dyads":
                has = (piece["source_iso3"].notna().to_numpy() if "source_iso3" in piece
                       else np.zeros(len(piece), dtype=bool))
                s = piece[has].rename(columns=_TARGET)
                mask = None if counted is None else counted[has]
            keep = s if mask is None else s[mask]
            dup = None if mask is None else s[~mask]
            for key in keys:
                a = acc[name, key]
                a.add(info.with_group(keep, key))
                if dup is not None and len(dup):
                    a.add_duplicates(info.with_group(dup, key))
    out = {}
    for key in keys:
        for name in tables:
            out[groups.grouped_name(name, key) if key else name] = _finish(
                name, key, acc[name, key].summaries(MIN_ARTICLES))
    return out


def _finish(name: str, by, out) -> pd.DataFrame:
    cols = schema.grouped_columns(name, by) if by else schema.columns(name)
    if out is None:
        return pd.DataFrame(columns=cols)
    first = [by] if by else []
    if name == "stance_dyads":
        out["display"] = out["n_articles"] >= MIN_DYAD_ARTICLES
        sort = first + ["n_mentions", "source_iso3", "target_iso3"]
    else:
        sort = first + ["n_mentions", "iso3"]
    out = out.sort_values(sort, ascending=[True] * len(first) + [False] + [True] * (
        len(sort) - len(first) - 1), kind="stable")
    return out.reset_index(drop=True)[cols]


def country_stance(stance: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                   by: str | None = None, duplicates: bool = False,
                   n_evidence: int = N_EVIDENCE) -> pd.DataFrame:
    """Per country (and per ``by`` group of the articles, ``newslab.groups``): articles,
    mentions, mean score with a 95% interval from resampling articles, label
    (``uncertain`` unless the interval and :data:`MIN_ARTICLES` allow more), label counts,
    mentions left out as duplicates, evidence. Rows: most mentioned first."""
    _check_stance(stance)
    name = "country_stance"
    return aggregate_pieces([stance], articles, by=[by] if by else [], duplicates=duplicates,
                            tables=(name,), n_evidence={name: n_evidence}
                            )[groups.grouped_name(name, by) if by else name]


def dyads(stance: pd.DataFrame, articles: pd.DataFrame | None = None, *,
          by: str | None = None, duplicates: bool = False,
          n_evidence: int = 2) -> pd.DataFrame:
    """Source country -> target country: mentions of the target in sentences attributed to
    a speaker of the source country (``stance.source_iso3``), with n, articles, mean score,
    interval (resampling articles), label, ``display`` (at least
    :data:`MIN_DYAD_ARTICLES` articles) and evidence ("speaker: score reason: clause")."""
    _check_stance(stance)
    name = "stance_dyads"
    return aggregate_pieces([stance], articles, by=[by] if by else [], duplicates=duplicates,
                            tables=(name,), n_evidence={name: n_evidence}
                            )[groups.grouped_name(name, by) if by else name]


def corpus_aggregates(stance, articles: pd.DataFrame | None = None, *,
                      by=(), duplicates: bool = False) -> dict[str, pd.DataFrame]:
    """``country_stance`` and ``stance_dyads``, and for each key of ``by``
    ``country_stance_by_<key>`` and ``stance_dyads_by_<key>``. ``stance``: the table, or an
    iterable of its pieces of whole articles (:func:`aggregate_pieces`)."""
    pieces = [stance] if isinstance(stance, pd.DataFrame) else stance
    return aggregate_pieces(pieces, articles, by=by, duplicates=duplicates)


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
