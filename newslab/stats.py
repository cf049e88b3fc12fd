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
    mean = float(sums.sum() / counts.sum())
    if k == 1:
        return mean, mean, mean
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, k, size=(n_boot, k))
    boot = sums[draws].sum(axis=1) / counts[draws].sum(axis=1)
    a = (1 - level) / 2
    return mean, float(np.quantile(boot, a)), float(np.quantile(boot, 1 - a))


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
    a = (1 - level) / 2
    for gkey, g in per.groupby(keys, sort=True, dropna=False):
        gkey = gkey if isinstance(gkey, tuple) else (gkey,)
        s = g["sum"].to_numpy(dtype=float)
        c = g["count"].to_numpy(dtype=float)
        k = len(s)
        mean = float(s.sum() / c.sum())
        if k == 1:
            lo = hi = mean
        else:
            # a generator per group, seeded alike: a group's interval does not depend on
            # which other groups are in the table
            draws = np.random.default_rng(seed).integers(0, k, size=(n_boot, k))
            boot = s[draws].sum(axis=1) / c[draws].sum(axis=1)
            lo, hi = float(np.quantile(boot, a)), float(np.quantile(boot, 1 - a))
        rows.append((*gkey, int(c.sum()), k, mean, lo, hi))
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
