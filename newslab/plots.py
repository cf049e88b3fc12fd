"""Charts of newslab's tables, in one visual language (matplotlib; data first, Axes returned).

Conventions every chart here follows, so that a reader learns them once:

- **One diverging palette for stance and tone**: :data:`DIVERGING` (ColorBrewer's ``RdBu``),
  red for negative, blue for positive, a light middle for neutral, on the fixed scale
  [-1, 1] (:data:`SCALE`). RdBu is one of ColorBrewer's colour-blind-safe diverging schemes:
  red and blue stay apart under deuteranopia, protanopia and tritanopia and in greyscale
  (lightness runs dark-light-dark), which a red-green map does not. Categories (countries,
  outlets, kinds of mention) use the Okabe-Ito palette (:data:`CATEGORICAL`), also safe.
- **n on every aggregate**: bars and cells say how many mentions or articles stand behind
  them, and means carry their interval (``ci_low``..``ci_high``: the article-level cluster
  bootstrap of :mod:`newslab.stats`).
- **Minimum n**: heatmap cells with fewer than ``min_n`` observations are masked (grey) and
  the chart says so; points of a time series below ``min_n`` are drawn hollow.
- **One row per country**: per-country charts take per-country tables (``country_stance``),
  never per-article rows (a country would appear once per article).
- **Readable dates**: time axes use matplotlib's concise date formatter.
- **Legends off the data**: outside the axes, on the right.
- **Alt text**: every function sets ``fig.alt_text``, one sentence describing what the chart
  shows, computed from the data; :func:`alt_text` reads it back (the notebooks print it
  under each figure).

Functions: :func:`plot_counts`, :func:`plot_mention_counts`, :func:`plot_country_stance`,
:func:`plot_over_time` (:func:`plot_stance_over_time`), :func:`plot_dyads`, :func:`plot_shares`, :func:`plot_diverging_bars`,
:func:`plot_compound_hist`; aggregation behind time charts: :func:`period_means`,
:func:`period_key`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import groups, stats
from .errors import NewslabError

#: The diverging colour map for stance and tone, everywhere.
DIVERGING = "RdBu"
#: Stance scores and VADER compounds live on [-1, 1]; the colour scale is fixed to it.
SCALE = (-1.0, 1.0)
#: Okabe & Ito (2008) colour-blind-safe qualitative palette (black left out).
CATEGORICAL = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
               "#999999"]
#: Colour of masked heatmap cells and of "other" in shares.
MASKED = "#d9d9d9"
#: Fewest observations behind a heatmap cell before it is coloured.
MIN_N = 3


def _ax(ax, figsize=(7, 4)):
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _cmap():
    import matplotlib
    return matplotlib.colormaps[DIVERGING]


def diverging_colors(values, scale: tuple[float, float] | None = SCALE):
    """RGBA colours of ``values`` on the diverging map, on ``scale`` (None: symmetric around
    0 up to the largest absolute value)."""
    v = np.asarray(values, dtype=float)
    if scale is None:
        m = float(np.nanmax(np.abs(v))) if len(v) and np.isfinite(v).any() else 1.0
        scale = (-(m or 1.0), m or 1.0)
    lo, hi = scale
    return _cmap()((np.clip(v, lo, hi) - lo) / (hi - lo))


def _set_alt(ax, text: str):
    ax.figure.alt_text = text
    return ax


def alt_text(obj) -> str:
    """The one-sentence description a chart of this module set on its figure (Axes or
    Figure), or an empty string."""
    fig = getattr(obj, "figure", obj)
    return getattr(fig, "alt_text", "")


def _legend_outside(ax, **kw):
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
                  fontsize="small", frameon=False, **kw)


def _listing(names, values, fmt="{}", k=3) -> str:
    return ", ".join(f"{n} ({fmt.format(v)})" for n, v in list(zip(names, values))[:k])


def plot_counts(table: pd.DataFrame, label: str, value: str, *, ax=None, top: int = 20,
                title: str | None = None, xlabel: str = "count", what: str = "items"):
    """Horizontal bars of ``value`` per ``label`` (one row each), largest on top, every bar
    annotated with its count."""
    if table[label].duplicated().any():
        raise NewslabError(f"plot_counts: one row per {label} expected")
    t = table.sort_values(value, ascending=False, kind="stable").head(top)
    ax = _ax(ax, (7, max(2.0, 0.3 * len(t) + 1)))
    r = t.iloc[::-1]
    ax.barh(r[label].astype(str), r[value], color=CATEGORICAL[0])
    for y, v in enumerate(r[value]):
        ax.text(v, y, f" {v:,}", va="center", fontsize="small")
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    if title:
        ax.set_title(title)
    total = int(table[value].sum())
    _set_alt(ax, f"Bar chart of the {len(t)} most frequent {what} out of {len(table):,} "
                 f"({total:,} in all); largest: {_listing(t[label], t[value], '{:,}')}.")
    return ax


def plot_mention_counts(mentions: pd.DataFrame, *, ax=None, top: int = 15):
    """Bars: mentions per country, stacked by kind (name, demonym, leader, ...), the total
    at the end of each bar; legend outside the axes."""
    t = mentions.groupby(["country", "kind"]).size().unstack(fill_value=0)
    totals = t.sum(axis=1).sort_values(ascending=True, kind="stable")
    t = t.loc[totals.index[-top:]]
    ax = _ax(ax, (8, max(2.0, 0.35 * len(t) + 1)))
    left = np.zeros(len(t))
    for i, kind in enumerate(t.columns):
        ax.barh(t.index, t[kind], left=left, label=kind,
                color=CATEGORICAL[i % len(CATEGORICAL)])
        left += t[kind].to_numpy()
    for y, v in enumerate(left):
        ax.text(v, y, f" {int(v):,}", va="center", fontsize="small")
    ax.set_xlabel("mentions")
    ax.margins(x=0.1)
    _legend_outside(ax, title="kind")
    desc = t.sum(axis=1).iloc[::-1]
    _set_alt(ax, f"Stacked bars of country mentions by kind for the {len(t)} most mentioned "
                 f"of {mentions['country'].nunique()} countries or organizations "
                 f"({len(mentions):,} mentions); most: {_listing(desc.index, desc, '{:,}')}.")
    return ax


def plot_country_stance(table: pd.DataFrame, *, ax=None, top: int = 15, label: str = "country",
                        n: str = "n_mentions"):
    """Mean stance per country (one row per country: ``country_stance`` or the rows of one
    article of ``article_stance``), most mentioned on top, with its interval as error bars,
    coloured on the diverging scale; each label carries n (mentions, and articles when the
    table has ``n_articles``)."""
    if table[label].duplicated().any():
        raise NewslabError(f"plot_country_stance: one row per {label} expected (got repeats: "
                           f"pass country_stance(...), not per-article rows)")
    t = table.sort_values(n, ascending=False, kind="stable").head(top).iloc[::-1]
    ax = _ax(ax, (7, max(2.5, 0.45 * len(t) + 1)))
    y = np.arange(len(t))
    mean = t["mean_score"].to_numpy(dtype=float)
    err = np.vstack([mean - t["ci_low"].to_numpy(dtype=float),
                     t["ci_high"].to_numpy(dtype=float) - mean])
    ax.barh(y, mean, color=diverging_colors(mean), edgecolor="#444444", linewidth=0.6,
            xerr=np.clip(err, 0, None), capsize=3, ecolor="#333333")
    arts = t["n_articles"] if "n_articles" in t else None
    names = [f"{c} (n={k:,}" + (f", {int(a):,} art." if arts is not None else "") + ")"
             for c, k, a in zip(t[label], t[n], arts if arts is not None else t[n])]
    ax.set_yticks(y, names)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlim(*SCALE)
    ax.set_xlabel("mean stance score, 95% interval (red negative, blue positive)")
    d = t.iloc[::-1]
    _set_alt(ax, f"Bar chart of the mean stance toward {len(t)} countries with 95% intervals "
                 f"on a scale from -1 to +1; most mentioned: "
                 + ", ".join(f"{c} {m:+.2f} [{lo:+.2f}, {hi:+.2f}], n={k}" for c, m, lo, hi, k
                             in list(zip(d[label], d["mean_score"], d["ci_low"], d["ci_high"],
                                         d[n]))[:3]) + ".")
    return ax


def _to_time(labels) -> pd.Series:
    """Period labels (``2021-11``, ``2021-11-29``, ``2021Q4``, ``2021-11-29/2021-12-05``)
    as the timestamps of their starts."""
    out = []
    for x in pd.Series(labels).astype(str):
        try:
            out.append(pd.Period(x.split("/")[0]).start_time)
        except (ValueError, TypeError):
            out.append(pd.to_datetime(x.split("/")[0], errors="coerce"))
    return pd.Series(out, dtype="datetime64[ns]")


def period_key(articles: pd.DataFrame) -> str | None:
    """The date period that suits the corpus's span: ``day`` up to two months, ``week`` up
    to a year, ``month`` beyond; None when fewer than two distinct days are dated."""
    d = pd.to_datetime(articles["date"], errors="coerce").dropna() if "date" in articles else []
    if len(d) == 0 or d.dt.normalize().nunique() < 2:
        return None
    span = (d.max() - d.min()).days
    return "day" if span <= 62 else "week" if span <= 366 else "month"


def period_means(values: pd.DataFrame, articles: pd.DataFrame, key: str, value: str, *,
                 group: str | None = None, duplicates: bool = False) -> pd.DataFrame:
    """Mean of ``value`` per ``key`` group of the articles (a period or a metadata column:
    :mod:`newslab.groups`), and per ``group`` column of ``values`` when given, with the
    article-level cluster bootstrap interval of :mod:`newslab.stats`.

    ``values`` has one row per observation (an article's tone, a mention's score) and an
    ``article_id``. Returns ``key, [group,] n, n_articles, mean, ci_low, ci_high``; articles
    without a value for the key are left out, duplicates too unless ``duplicates``."""
    arts = groups.aggregate_articles(articles, duplicates=duplicates)
    g = groups.group_table(arts, key)
    v = values.merge(g, on="article_id", how="inner")
    keys = [key] + ([group] if group else [])
    out = stats.grouped_cluster_bootstrap(v, keys, value)
    return out.rename(columns={"n_clusters": "n_articles"})


def plot_over_time(table: pd.DataFrame, *, time: str, value: str = "mean", group=None,
                   n: str = "n", low: str = "ci_low", high: str = "ci_high", ax=None,
                   top: int = 5, min_n: int = MIN_N, ylabel: str = "mean",
                   what: str = "mean", scale: tuple[float, float] | None = SCALE):
    """Lines of ``value`` over ``time`` (period labels or dates), one per ``group`` (the
    ``top`` with most n), with interval bands (``low``/``high`` columns; None for none);
    points with fewer than ``min_n`` are hollow; concise date labels; legend outside, each
    entry with its n. ``scale`` fixes the y range (None: free, for counts and rates)."""
    import matplotlib.dates as mdates
    ax = _ax(ax, (8, 3.8))
    t = table.copy()
    t["_t"] = _to_time(t[time]).to_numpy()
    if group is None:
        t["_g"] = "all"
        group = "_g"
    keep = (t.groupby(group)[n].sum().sort_values(ascending=False, kind="stable")
            .head(top).index)
    for i, gname in enumerate(keep):
        g = t[t[group] == gname].sort_values("_t")
        color = CATEGORICAL[i % len(CATEGORICAL)]
        lab = f"{gname} (n={int(g[n].sum()):,})" if group != "_g" else f"n={int(g[n].sum()):,}"
        ax.plot(g["_t"], g[value], color=color, lw=1.5, label=lab)
        small = g[n] < min_n
        ax.scatter(g.loc[~small, "_t"], g.loc[~small, value], color=color, s=18, zorder=3)
        ax.scatter(g.loc[small, "_t"], g.loc[small, value], facecolors="white",
                   edgecolors=color, s=18, zorder=3)
        if low is not None and high is not None:
            ax.fill_between(g["_t"], g[low].astype(float), g[high].astype(float),
                            color=color, alpha=0.15, lw=0)
    if scale is not None:
        ax.axhline(0, color="black", lw=0.8)
        ax.set_ylim(*scale)
    ax.set_ylabel(ylabel)
    loc = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    _legend_outside(ax)
    note = ("bands: 95% interval\n" if low is not None else "") + f"hollow: n < {min_n}"
    ax.text(1.01, 0.0, note, transform=ax.transAxes, fontsize="x-small", va="bottom",
            color="#555555")
    span = f"{t['_t'].min():%Y-%m-%d} to {t['_t'].max():%Y-%m-%d}" if len(t) else "no dates"
    _set_alt(ax, f"Line chart of the {what} per {time} from {span} for {len(keep)} "
                 f"series ({', '.join(map(str, keep[:6]))})"
                 + (", with 95% interval bands" if low is not None else "")
                 + (f", on a scale from {scale[0]:g} to {scale[1]:+g}." if scale else "."))
    return ax


def plot_stance_over_time(table: pd.DataFrame, *, time: str = "month", ax=None, top: int = 5,
                          min_n: int = MIN_N):
    """:func:`plot_over_time` for ``country_stance(..., by=time)``: mean stance per country
    over ``time``, with interval bands and n per country."""
    return plot_over_time(table, time=time, value="mean_score", group="country",
                          n="n_mentions", ax=ax, top=top, min_n=min_n,
                          ylabel="mean stance score", what="mean stance")


def plot_dyads(dyads: pd.DataFrame, *, ax=None, min_n: int = MIN_N, n: str = "n_mentions",
               top: int = 12):
    """Heatmap of mean stance: rows the source country (the speaker's), columns the target,
    on the diverging scale; each cell shows the mean and n; cells with fewer than ``min_n``
    (``n`` column) are masked in grey and show only their n. The ``top`` sources and targets
    by n are kept."""
    d = dyads[dyads["source_iso3"] != dyads["target_iso3"]]
    src = d.groupby("source_iso3")[n].sum().sort_values(ascending=False, kind="stable")
    tgt = d.groupby("target_iso3")[n].sum().sort_values(ascending=False, kind="stable")
    src, tgt = list(src.index[:top]), list(tgt.index[:top])
    d = d[d["source_iso3"].isin(src) & d["target_iso3"].isin(tgt)]
    mean = d.pivot(index="source_iso3", columns="target_iso3", values="mean_score")
    cnt = d.pivot(index="source_iso3", columns="target_iso3", values=n)
    mean, cnt = mean.reindex(index=src, columns=tgt), cnt.reindex(index=src, columns=tgt)
    ax = _ax(ax, (1.0 * max(len(tgt), 1) + 3, 0.7 * max(len(src), 1) + 1.8))
    m = mean.to_numpy(dtype=float)
    c = cnt.to_numpy(dtype=float)
    shown = np.where(c >= min_n, m, np.nan)
    masked = np.isfinite(m) & ~np.isfinite(shown)
    ax.imshow(np.where(masked, 1.0, np.nan), cmap="Greys", vmin=0, vmax=6.5, aspect="auto")
    im = ax.imshow(np.ma.masked_invalid(shown), cmap=DIVERGING, vmin=SCALE[0], vmax=SCALE[1],
                   aspect="auto")
    ax.set_xticks(range(len(tgt)), tgt, rotation=90 if len(tgt) > 6 else 0)
    ax.set_yticks(range(len(src)), src)
    ax.set_xlabel("target (spoken about)")
    ax.set_ylabel("source (speaker's country)")
    for i in range(len(src)):
        for j in range(len(tgt)):
            if np.isfinite(shown[i, j]):
                ax.text(j, i, f"{shown[i, j]:+.2f}\nn={int(c[i, j])}", ha="center",
                        va="center", fontsize=8,
                        color="white" if abs(shown[i, j]) > 0.6 else "black")
            elif masked[i, j]:
                ax.text(j, i, f"n={int(c[i, j])}", ha="center", va="center", fontsize=7,
                        color="#555555")
    ax.figure.colorbar(im, ax=ax, label="mean stance", shrink=0.8)
    n_masked, n_shown = int(masked.sum()), int(np.isfinite(shown).sum())
    unit = n.replace("n_", "")
    ax.set_title(f"n = {unit}; grey: fewer than {min_n} {unit} ({n_masked} of "
                 f"{n_masked + n_shown} pairs)", fontsize="small", loc="left")
    _set_alt(ax, f"Heatmap of mean stance from {len(src)} source countries (rows) toward "
                 f"{len(tgt)} target countries (columns); {n_shown} pairs with at least "
                 f"{min_n} {n.replace('n_', '')} are coloured from red (negative) to blue "
                 f"(positive), {n_masked} with fewer are grey.")
    return ax


def plot_shares(counts: pd.DataFrame, *, ax=None, top: int = 6, what: str = "mentions"):
    """Stacked horizontal bars of shares: ``counts`` is wide (rows = outlets or periods,
    columns = categories, cells = counts). The ``top`` categories overall keep their colour,
    the rest are pooled as "other", so that every bar reaches 1; n at the end of each bar."""
    total = counts.sum(axis=0).sort_values(ascending=False, kind="stable")
    keep = list(total.index[:top])
    wide = counts[keep].copy()
    rest = counts.drop(columns=keep).sum(axis=1)
    if (rest > 0).any():
        wide["other"] = rest
    n_row = counts.sum(axis=1)
    share = wide.div(n_row.where(n_row > 0), axis=0).fillna(0)
    ax = _ax(ax, (8, 1.2 + 0.5 * len(share)))
    left = np.zeros(len(share))
    for i, col in enumerate(share.columns):
        color = MASKED if col == "other" else CATEGORICAL[i % len(CATEGORICAL)]
        ax.barh(share.index.astype(str), share[col], left=left, label=str(col), color=color)
        left += share[col].to_numpy()
    for y, k in enumerate(n_row):
        ax.text(1.0, y, f" n={int(k):,}", va="center", fontsize="small")
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of {what}")
    _legend_outside(ax)
    if ax.get_legend() is not None:
        ax.get_legend().set_bbox_to_anchor((1.12, 1.0))
    _set_alt(ax, f"Stacked bars of the share of {what} in each of {len(share)} rows "
                 f"({', '.join(map(str, share.index[:4]))}) among {', '.join(map(str, keep))}"
                 + (" and other" if "other" in share else "") + "; every bar sums to 1.")
    return ax


def plot_diverging_bars(table: pd.DataFrame, label: str, value: str, *, ax=None,
                        scale: tuple[float, float] | None = None, xlabel: str = "",
                        title: str | None = None, vertical: bool = False,
                        what: str = "items"):
    """Bars of a signed score (keyness z, a paragraph's tone) coloured on the diverging
    palette, red below 0 and blue above; ``scale`` None means symmetric around 0."""
    t = table if vertical else table.sort_values(value, kind="stable")
    ax = _ax(ax, (7, 3.5) if vertical else (7, max(2.5, 0.3 * len(t) + 1)))
    v = t[value].to_numpy(dtype=float)
    colors = diverging_colors(v, scale)
    if vertical:
        ax.bar(t[label].astype(str), v, color=colors, edgecolor="#444444", linewidth=0.5)
        ax.axhline(0, color="black", lw=0.8)
        ax.set_ylabel(xlabel)
        if scale is not None:
            ax.set_ylim(*scale)
    else:
        ax.barh(t[label].astype(str), v, color=colors, edgecolor="#444444", linewidth=0.5)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title)
    hi = t.sort_values(value, ascending=False, kind="stable")
    _set_alt(ax, f"Bar chart of {xlabel or value} for {len(t)} {what}, red below zero and "
                 f"blue above; highest: {_listing(hi[label], hi[value], '{:+.2f}')}; lowest: "
                 f"{_listing(hi[label][::-1], hi[value][::-1], '{:+.2f}', 2)}.")
    return ax


def compound_bins(neg: float, pos: float, width: float = 0.1) -> np.ndarray:
    """Histogram edges on [-1, 1] with one bin exactly the neutral band [neg, pos]."""
    left = np.arange(neg, -1.0, -width)[::-1]
    right = np.arange(pos, 1.0, width)
    return np.round(np.concatenate([[-1.0], left[left > -1.0 + 1e-9], right, [1.0]]), 6)


def plot_compound_hist(scores: dict, *, neg: float, pos: float, ax=None):
    """Histogram of compound scores (``{"name": Series}``, side by side) with bins aligned to
    the neutral band [neg, pos] (shaded), so no bin straddles a label boundary; the share of
    scores that are exactly 0 (no sentiment word at all) is given in the legend."""
    ax = _ax(ax, (7, 3.5))
    bins = compound_bins(neg, pos)
    ax.axvspan(neg, pos, color=MASKED, alpha=0.6, zorder=0, label="neutral band")
    names = list(scores)
    colors = ["#999999" if len(names) > 1 and i == 0 else CATEGORICAL[i % len(CATEGORICAL)]
              for i in range(len(names))]
    labels = [f"{k} (n={len(v):,}; {100 * float((np.asarray(v) == 0).mean()):.0f}% exactly 0)"
              for k, v in scores.items()]
    ax.hist([np.asarray(v, dtype=float) for v in scores.values()], bins=bins, label=labels,
            color=colors)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("compound score")
    ax.set_ylabel("sentences")
    _legend_outside(ax)
    parts = []
    for k, v in scores.items():
        a = np.asarray(v, dtype=float)
        parts.append(f"{k}: {100 * float((a <= neg).mean()):.0f}% negative, "
                     f"{100 * float((a >= pos).mean()):.0f}% positive")
    _set_alt(ax, "Histogram of sentence compound scores from -1 to +1 with the neutral band "
                 f"from {neg} to {pos} shaded; " + "; ".join(parts) + ".")
    return ax
