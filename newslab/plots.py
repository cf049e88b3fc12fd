"""Charts of newslab's tables (matplotlib; each returns the Axes, the data first).

- :func:`plot_country_stance`: mean stance per country with its bootstrap interval
- :func:`plot_dyads`: source country -> target country heatmap of mean stance
- :func:`plot_stance_over_time`: stance per country by date or month
- :func:`plot_mention_counts`: how often each country is mentioned
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _ax(ax, figsize=(7, 4)):
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_country_stance(table: pd.DataFrame, *, ax=None, top: int = 15, label: str = "country"):
    """Horizontal bars of ``mean_score`` with ``ci_low``..``ci_high`` error bars (the
    ``article_stance`` rows of one article, or ``country_stance``), most mentioned first."""
    t = table.sort_values("n_mentions", ascending=False, kind="stable").head(top).iloc[::-1]
    ax = _ax(ax, (7, max(2.5, 0.45 * len(t) + 1)))
    y = np.arange(len(t))
    colors = ["#c0392b" if v <= -0.05 else "#27ae60" if v >= 0.05 else "#7f8c8d"
              for v in t["mean_score"]]
    err = np.vstack([t["mean_score"] - t["ci_low"], t["ci_high"] - t["mean_score"]])
    ax.barh(y, t["mean_score"], color=colors, xerr=err, capsize=3)
    ax.set_yticks(y, [f"{c} (n={n})" for c, n in zip(t[label], t["n_mentions"])])
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean stance score (95% bootstrap interval)")
    return ax


def plot_dyads(dyads: pd.DataFrame, *, ax=None, min_mentions: int = 1):
    """Heatmap: rows source country (the speaker's), columns target country, colour the mean
    stance, each cell annotated with the mean and the number of mentions."""
    d = dyads[dyads["n_mentions"] >= min_mentions]
    mean = d.pivot(index="source_iso3", columns="target_iso3", values="mean_score")
    n = d.pivot(index="source_iso3", columns="target_iso3", values="n_mentions")
    ax = _ax(ax, (1.2 * mean.shape[1] + 2.5, 0.9 * mean.shape[0] + 1.5))
    im = ax.imshow(mean.to_numpy(dtype=float), cmap="RdYlGn", vmin=-1, vmax=1)
    ax.set_xticks(range(mean.shape[1]), mean.columns)
    ax.set_yticks(range(mean.shape[0]), mean.index)
    ax.set_xlabel("target (spoken about)")
    ax.set_ylabel("source (speaker's country)")
    for i in range(mean.shape[0]):
        for j in range(mean.shape[1]):
            v = mean.iat[i, j]
            if pd.notna(v):
                ax.text(j, i, f"{v:+.2f}\nn={int(n.iat[i, j])}", ha="center", va="center",
                        fontsize=9)
    ax.figure.colorbar(im, ax=ax, label="mean stance")
    return ax


def plot_stance_over_time(table: pd.DataFrame, *, time: str = "month", ax=None, top: int = 5):
    """Lines of ``mean_score`` over ``time`` (a column of ``country_stance(..., by=time)``)
    for the ``top`` most mentioned countries, with interval bands."""
    ax = _ax(ax, (8, 4))
    keep = (table.groupby("country")["n_mentions"].sum().sort_values(ascending=False)
            .head(top).index)
    for c in keep:
        g = table[table["country"] == c].sort_values(time)
        x = g[time].astype(str)
        ax.plot(x, g["mean_score"], marker="o", label=c)
        ax.fill_between(x, g["ci_low"], g["ci_high"], alpha=0.15)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_ylim(-1, 1)
    ax.set_ylabel("mean stance score")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_mention_counts(mentions: pd.DataFrame, *, ax=None, top: int = 15):
    """Bars: mentions per country, split by kind (name, demonym, leader, ...)."""
    t = (mentions.groupby(["country", "kind"]).size().unstack(fill_value=0))
    t = t.loc[t.sum(axis=1).sort_values(ascending=True, kind="stable").index[-top:]]
    ax = _ax(ax, (7, max(2.5, 0.4 * len(t) + 1)))
    t.plot.barh(stacked=True, ax=ax, width=0.8)
    ax.set_xlabel("mentions")
    ax.set_ylabel("")
    return ax
