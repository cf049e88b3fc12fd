"""Intervals that respect how news data cluster: mentions and sentences come in articles.

Mentions of a country in one article are not independent (one article that attacks a
country says so several times), so an interval over mentions is too narrow. Every interval
here resamples **articles** (a cluster bootstrap): draw articles with replacement, take
all of each drawn article's values, recompute the statistic. The seed is fixed, so the same
input gives the same interval on every run and machine.

A label never claims more than its interval: :func:`interval_label` says ``uncertain`` when
the interval contains zero or when there are fewer than ``min_n`` articles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Bootstrap resamples and interval level used everywhere.
N_BOOT = 1000
LEVEL = 0.95
SEED = 0
#: Fewest articles behind an aggregate before it gets a polar label.
MIN_ARTICLES = 3


def cluster_bootstrap(values, clusters, *, n_boot: int = N_BOOT, level: float = LEVEL,
                      seed: int = SEED) -> tuple[float, float, float]:
    """Mean of ``values`` and a percentile interval from resampling ``clusters`` (article ids).

    The statistic is the pooled mean (sum of values / number of values) over the drawn
    articles. Returns ``(mean, low, high)``; NaN for no values; the mean itself as both ends
    for a single article."""
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return float("nan"), float("nan"), float("nan")
    codes, _ = pd.factorize(pd.Series(clusters), sort=False)
    k = int(codes.max()) + 1
    sums = np.bincount(codes, weights=v, minlength=k)
    counts = np.bincount(codes, minlength=k).astype(float)
    return bootstrap_sums(sums, counts, n_boot=n_boot, level=level, seed=seed)


#: Resampled values held at once by :func:`bootstrap_sums` (the draws are made in blocks of
#: resamples, so an interval over a million articles needs tens of MB, not 8 GB).
BLOCK = 2**22


def bootstrap_sums(sums, counts, *, n_boot: int = N_BOOT, level: float = LEVEL,
                   seed: int = SEED) -> tuple[float, float, float]:
    """:func:`cluster_bootstrap` from each cluster's sum of values and number of values
    (clusters in order of first appearance): the same ``(mean, low, high)``, from partial
    sums that can be gathered piece by piece (a table never loaded whole).

    The ``n_boot`` resamples are drawn in blocks of rows from one generator; numpy gives
    the same numbers in blocks as in one call, so the interval does not depend on the
    block size (tested)."""
    s = np.asarray(sums, dtype=float)
    c = np.asarray(counts, dtype=float)
    k = len(s)
    if k == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(s.sum() / c.sum())
    if k == 1:
        return mean, mean, mean
    rng = np.random.default_rng(seed)
    step = max(1, BLOCK // k)
    boot = np.empty(n_boot)
    for lo in range(0, n_boot, step):
        m = min(step, n_boot - lo)
        draws = rng.integers(0, k, size=(m, k))
        boot[lo:lo + m] = s[draws].sum(axis=1) / c[draws].sum(axis=1)
    a = (1 - level) / 2
    return mean, float(np.quantile(boot, a)), float(np.quantile(boot, 1 - a))


#: Most floats one vectorised step of :func:`bootstrap_groups` holds (groups x resamples x
#: clusters).
GROUP_CELLS = 4_000_000


def bootstrap_groups(sums, counts, sizes, *, n_boot: int = N_BOOT, level: float = LEVEL,
                     seed: int = SEED, cells: int | None = None):
    """:func:`bootstrap_sums` of many groups at once: group ``g``'s clusters are the next
    ``sizes[g]`` entries of ``sums`` and ``counts`` (groups one after the other, each
    group's clusters in order of first appearance). Returns the arrays ``mean, low, high``,
    equal to :func:`bootstrap_sums` of each group alone (every group with ``k`` clusters
    gets the same seeded draws, so all of them are resampled in one step of at most
    ``cells`` floats; a group too large for one step is drawn on its own, in blocks)."""
    s = np.asarray(sums, dtype=float)
    c = np.asarray(counts, dtype=float)
    k = np.asarray(sizes, dtype=np.int64)
    cells = GROUP_CELLS if cells is None else cells
    first = np.r_[0, np.cumsum(k)[:-1]].astype(np.int64)
    mean = np.full(len(k), np.nan)
    lo, hi = mean.copy(), mean.copy()
    one = np.flatnonzero(k == 1)
    mean[one] = s[first[one]] / c[first[one]]
    lo[one] = hi[one] = mean[one]
    a = (1 - level) / 2
    for size in np.unique(k[k > 1]).tolist():
        gs = np.flatnonzero(k == size)
        cols = first[gs][:, None] + np.arange(size)          # (groups, size)
        S, C = s[cols], c[cols]
        mean[gs] = S.sum(axis=1) / C.sum(axis=1)
        if n_boot * size > cells:                            # per group, drawn in blocks
            for i, g in enumerate(gs.tolist()):
                _, lo[g], hi[g] = bootstrap_sums(S[i], C[i], n_boot=n_boot, level=level,
                                                 seed=seed)
            continue
        draws = np.random.default_rng(seed).integers(0, size, size=(n_boot, size))
        step = max(1, cells // (n_boot * size))
        for i in range(0, len(gs), step):
            boot = S[i:i + step][:, draws].sum(axis=2) / C[i:i + step][:, draws].sum(axis=2)
            q = np.quantile(boot, [a, 1 - a], axis=1)
            lo[gs[i:i + step]], hi[gs[i:i + step]] = q[0], q[1]
    return mean, lo, hi


def grouped_cluster_bootstrap(df: pd.DataFrame, keys: list[str], value: str,
                              cluster: str = "article_id", *, n_boot: int = N_BOOT,
                              level: float = LEVEL, seed: int = SEED) -> pd.DataFrame:
    """:func:`cluster_bootstrap` for every group of ``keys``: one row per group with
    ``n`` (values), ``n_clusters``, ``mean``, ``ci_low``, ``ci_high``; groups in sorted order.

    Vectorised over groups of the same size of cluster: per (group, cluster) sums and counts
    are computed once with a groupby, then each group's clusters are resampled."""
    cols = [*keys, "n", "n_clusters", "mean", "ci_low", "ci_high"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    per = (df.groupby([*keys, cluster], sort=True, dropna=False)[value]
             .agg(["sum", "count"]).reset_index())
    rows = []
    for gkey, g in per.groupby(keys, sort=True, dropna=False):
        gkey = gkey if isinstance(gkey, tuple) else (gkey,)
        s = g["sum"].to_numpy(dtype=float)
        c = g["count"].to_numpy(dtype=float)
        # a generator per group, seeded alike: a group's interval does not depend on
        # which other groups are in the table
        mean, lo, hi = bootstrap_sums(s, c, n_boot=n_boot, level=level, seed=seed)
        rows.append((*gkey, int(c.sum()), len(s), mean, lo, hi))
    return pd.DataFrame(rows, columns=cols)


def interval_label(mean, low, high, n_clusters, *, min_n: int = MIN_ARTICLES,
                   threshold: float = 0.0):
    """``negative`` / ``positive`` only when the whole interval lies below / above
    ``-threshold`` / ``threshold`` and at least ``min_n`` articles stand behind it;
    ``neutral`` when the interval lies inside (-threshold, threshold) with a threshold > 0;
    else ``uncertain``. Works on scalars and arrays."""
    lo = np.asarray(low, dtype=float)
    hi = np.asarray(high, dtype=float)
    n = np.asarray(n_clusters, dtype=float)
    enough = n >= min_n
    out = np.where(enough & (hi < -threshold), "negative",
                   np.where(enough & (lo > threshold), "positive",
                            np.where(enough & (threshold > 0) & (lo > -threshold)
                                     & (hi < threshold), "neutral", "uncertain")))
    return out.item() if out.ndim == 0 else out.astype(object)
