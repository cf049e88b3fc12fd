# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Corpus trends: attention, tone and stance over time and by outlet
#
# The earlier notebooks look inside articles. A researcher's questions are usually about a
# whole corpus: *which countries get the attention, in which outlets, when; is the coverage
# of a country getting darker; who is reported as saying what about whom.* This notebook shows
# the workflow for that:
#
# 1. run `newslab analyze` over a folder of your own articles (the `parameters` cell);
# 2. read the tables it writes (Parquet) back with pandas;
# 3. chart **attention** (country mentions per period and per outlet), **tone** (article
#    sentiment per period), **stance** toward countries per period, and the
#    **source → target dyads** (which country is quoted about which).
#
# The default corpus is the project's seed, a *single* article: every cell still runs, and
# section 6 says plainly what such a corpus can and cannot show. Point `CORPUS` at a folder of
# your own (or run `papermill 05_corpus_trends.ipynb out.ipynb -p CORPUS /path/to/corpus`) to
# get real trends.

# %% tags=["parameters"]
# Parameters
CORPUS = "../seeds"           # a file or folder of articles (.txt, .csv, .jsonl, .parquet)
OUT = "results/05_corpus"     # where the tables go (relative to this notebook; not committed)
JOBS = None                   # worker processes: None = all cores
TOP = 8                       # countries shown in the charts

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import newslab as nl
from newslab.pipeline import read_table

pd.set_option("display.precision", 3)
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 120)
plt.rcParams["figure.dpi"] = 80

# %% [markdown]
# ## 1. Running newslab over the corpus
#
# `nl.analyze` is the `newslab analyze` command. It streams the corpus in batches of 500
# articles through every pipeline stage, on all cores, and writes one folder of Parquet files
# per table under `OUT` (plus CSV files for corpora of up to 10,000 articles). On a large
# corpus, pass `resume=True` when you re-run this cell after an interruption: the batches
# already finished are kept, and only what is left is done. From a terminal the same run is:
#
# ```
# newslab analyze CORPUS --out OUT            # add --jobs N, --resume, --quiet, --engine dask
# ```

# %%
run = nl.analyze(CORPUS, OUT, jobs=JOBS, quiet=True)
print(run.summary())

# %% [markdown]
# Every input is accounted for: the `articles` rows plus the `skipped` rows (files or rows
# newslab could not use, with the reason) equal what was in the folder. The tables written,
# with their number of rows:

# %%
pd.Series(run.counts, name="rows").to_frame()


# %% [markdown]
# ## 2. Reading the tables back
#
# Each table is a folder of Parquet parts (`OUT/mentions/part-00000.parquet`, ...), one per
# batch, in input order. pandas reads a folder as one table; on a large corpus, read only the
# columns you need (DuckDB, `SELECT ... FROM 'OUT/mentions/*.parquet'`, and
# `dask.dataframe.read_parquet` read the same folders without loading them whole).
# `read_table(OUT, name)` is `pd.read_parquet` plus the right type for `skipped.line`.
#
# Which tables exist depends on the stages installed: the cells below check, and say so when
# one is missing.

# %%
def load(name, columns=None):
    """A table of the run, or None when this newslab has no stage that makes it."""
    return read_table(OUT, name, columns=columns) if name in run.tables else None


articles = load("articles", columns=["article_id", "title", "date", "outlet"])
mentions = load("mentions", columns=["article_id", "iso3", "country", "kind"])
tone = load("article_sentiment", columns=["article_id", "mean_compound", "gdelt_tone"])
stance = load("stance", columns=["article_id", "iso3", "kind", "score", "source_iso3"])
dyads = load("stance_dyads")
for name, df in [("mentions", mentions), ("article_sentiment", tone), ("stance", stance),
                 ("stance_dyads", dyads)]:
    print(f"{name:18} {'missing (stage not installed)' if df is None else f'{len(df)} rows'}")
articles

# %% [markdown]
# Trends need a time unit. The corpus's date span decides it: days for a span of up to two
# months, weeks up to a year, months beyond. Articles without a date (`NaT`) are left out of
# the time charts and counted.

# %%
dated = articles.dropna(subset=["date"])
span = (dated["date"].max() - dated["date"].min()).days if len(dated) else 0
FREQ, UNIT = ("D", "day") if span <= 62 else ("W", "week") if span <= 366 else ("MS", "month")
articles["period"] = articles["date"].dt.to_period(FREQ[0]).dt.start_time
print(f"{len(dated)} of {len(articles)} articles dated, spanning {span} days: "
      f"counted per {UNIT}; {articles['outlet'].nunique()} outlet(s)")

# %% [markdown]
# ## 3. Attention: which countries are mentioned, when, and where
#
# A mention is one occurrence of a country, its capital, its leader or its people ("Kyiv",
# "Putin", "Ukrainians") in the `mentions` table (notebook 03 shows how they are found and how
# well: `newslab evaluate countries`); mentions of organizations (NATO, the OSCE) are left out
# here. Attention to a country in a period is its number of
# mentions then; dividing by the number of articles of the period corrects for a period simply
# having more news.

# %%
if mentions is None or mentions.empty:
    print("no country mentions to chart")
else:
    m = mentions[mentions["kind"] != "organization"]  # countries only (NATO, UN... left out)
    m = m.merge(articles[["article_id", "period", "outlet"]], on="article_id")
    names = m.drop_duplicates("iso3").set_index("iso3")["country"]
    top = m["iso3"].value_counts().head(TOP).index.tolist()
    print("countries:", ", ".join(f"{c} = {names[c]}" for c in top))
    per_period = (m[m["iso3"].isin(top)].groupby(["period", "iso3"]).size()
                  .unstack(fill_value=0).reindex(columns=top))
    n_art = articles.groupby("period").size()
    attention = per_period.div(n_art.reindex(per_period.index), axis=0)
    print(f"mentions per article, per {UNIT}, {len(top)} most mentioned countries:")
    display(attention.round(2))

# %%
if mentions is not None and not mentions.empty:
    fig, ax = plt.subplots(figsize=(8, 4))
    if len(attention) > 1:
        attention.plot(ax=ax, marker="o")
        ax.set_xlabel(UNIT)
    else:  # one period: a trend needs at least two
        attention.T.plot.barh(ax=ax, legend=False)
        ax.invert_yaxis()
        ax.set_xlabel(f"mentions per article ({attention.index[0]:%Y-%m-%d}, the only {UNIT})")
    ax.set_title("Attention: country mentions per article")
    plt.tight_layout()
    plt.show()

# %% [markdown]
# Attention by outlet: each outlet's mentions shared out between countries (a row sums to 1
# over all countries, so outlets of different sizes compare).

# %%
if mentions is not None and not mentions.empty:
    by_outlet = m.groupby(["outlet", "iso3"]).size().unstack(fill_value=0)
    share = by_outlet.div(by_outlet.sum(axis=1), axis=0).reindex(columns=top)
    display(share.round(2))
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.5 * len(share)))
    share.plot.barh(stacked=True, ax=ax)
    ax.set_xlabel("share of the outlet's country mentions")
    ax.legend(loc="center left", bbox_to_anchor=(1, 0.5), fontsize="small")
    ax.set_title("Attention by outlet")
    plt.tight_layout()
    plt.show()

# %% [markdown]
# ## 4. Tone over time
#
# The tone of an article is the mean VADER compound of its sentences (`article_sentiment.
# mean_compound`, from -1 to +1; notebook 02 shows the method and its evaluation, `newslab
# evaluate sentiment`). Per period: the mean over articles, with the number of articles, since
# a mean over three articles says little.

# %%
if tone is None or tone.empty:
    print("no article_sentiment table: the sentiment stage is not installed")
else:
    t = tone[["article_id", "mean_compound", "gdelt_tone"]].merge(
        articles[["article_id", "period", "outlet"]], on="article_id")
    tone_by_period = t.groupby("period").agg(
        articles=("article_id", "size"), tone=("mean_compound", "mean"),
        gdelt_tone=("gdelt_tone", "mean"))
    display(tone_by_period.round(3))
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for outlet, g in t.groupby("outlet"):
        s = g.groupby("period")["mean_compound"].mean()
        ax.plot(s.index, s.to_numpy(), marker="o", label=outlet)
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_ylim(-1, 1)
    ax.set_ylabel("mean sentence compound")
    ax.set_title(f"Tone per {UNIT} and outlet")
    ax.legend(fontsize="small")
    plt.tight_layout()
    plt.show()

# %% [markdown]
# ## 5. Stance toward countries, and who speaks about whom
#
# Tone is about a whole article; stance is about one country: each mention gets a score in
# [-1, 1] from the part of the sentence about that country (notebook 04: method and figures,
# `newslab evaluate stance`). Averaging per country and period gives how each country is
# portrayed over time.

# %%
if stance is None or stance.empty:
    print("no stance table: the stance stage is not installed")
else:
    s = stance.merge(articles[["article_id", "period"]], on="article_id")
    s = s[s["kind"] != "organization"]
    top_s = s["iso3"].value_counts().head(TOP).index.tolist()
    stance_by_period = (s[s["iso3"].isin(top_s)]
                        .groupby(["period", "iso3"])["score"].agg(["size", "mean"])
                        .rename(columns={"size": "mentions", "mean": "stance"}))
    display(stance_by_period.round(3))
    wide = stance_by_period["stance"].unstack().reindex(columns=top_s)
    fig, ax = plt.subplots(figsize=(8, 4))
    if len(wide) > 1:
        wide.plot(ax=ax, marker="o")
        ax.set_xlabel(UNIT)
        ax.set_ylabel("mean stance")
    else:
        wide.T.plot.barh(ax=ax, legend=False)
        ax.invert_yaxis()
        ax.set_xlabel(f"mean stance ({wide.index[0]:%Y-%m-%d}, the only {UNIT})")
    if len(wide) > 1:
        ax.axhline(0, color="grey", lw=0.8)
    else:
        ax.axvline(0, color="grey", lw=0.8)
    ax.set_title("Stance toward countries")
    plt.tight_layout()
    plt.show()

# %% [markdown]
# **Dyads.** When a mention sits in a statement attributed to a country (its government, its
# leader, its ministry: "the Kremlin said Ukraine ..."), the stance table records that source
# country in `source_iso3`. The (source → target) pairs, with their number of mentions and
# mean stance, are the network of who is reported as speaking about whom, and how. The
# `stance_dyads` table holds them with bootstrap intervals and evidence; it is made by a
# corpus-level stage, which holds the whole stance table in memory and so runs only up to a
# corpus size (see section 7); above it, the next cell counts the pairs from the `stance`
# table itself.

# %%
if dyads is None and stance is not None:  # a large corpus: count the pairs here
    d = stance.dropna(subset=["source_iso3"])
    dyads = (d.groupby(["source_iso3", "iso3"])["score"].agg(["size", "mean"]).reset_index()
             .rename(columns={"iso3": "target_iso3", "size": "n_mentions",
                              "mean": "mean_score"}))
if dyads is None:
    print("no stance table: dyads need the stance stage")
else:
    dyads = dyads[dyads["source_iso3"] != dyads["target_iso3"]]
    dyads = dyads.sort_values(["n_mentions", "source_iso3", "target_iso3"],
                              ascending=[False, True, True], kind="stable")
    show = [c for c in ["source_iso3", "target_iso3", "n_mentions", "n_articles", "mean_score",
                        "ci_low", "ci_high", "label"] if c in dyads.columns]
    print(f"{len(dyads)} source → target pairs (a country speaking of itself left out)")
    display(dyads[show].head(15).round(3).reset_index(drop=True))

# %%
if dyads is not None and len(dyads):
    grid = dyads.pivot(index="source_iso3", columns="target_iso3", values="mean_score")
    fig, ax = plt.subplots(figsize=(2.5 + 0.6 * grid.shape[1], 1.5 + 0.5 * grid.shape[0]))
    im = ax.imshow(grid.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1)
    ax.set_xticks(range(grid.shape[1]), grid.columns, rotation=90)
    ax.set_yticks(range(grid.shape[0]), grid.index)
    ax.set_xlabel("target")
    ax.set_ylabel("source")
    fig.colorbar(im, ax=ax, label="mean stance")
    ax.set_title("Source → target stance")
    plt.tight_layout()
    plt.show()

# %% [markdown]
# ## 6. What this corpus can and cannot show
#
# The numbers below are computed from the run; read them before reading the charts.

# %%
n_articles = len(articles)
n_periods = articles["period"].nunique()
n_outlets = articles["outlet"].nunique()
print(f"{n_articles} article(s), {n_periods} {UNIT}(s) with articles, {n_outlets} outlet(s)")
cannot, can = [], ["the tables, and within each article which countries get the attention "
                   "and how each is portrayed, mention by mention"]
if n_periods < 2:
    cannot.append(f"change over time: one {UNIT} only, so each 'trend' is a single point")
if n_outlets < 2:
    cannot.append("differences between outlets: there is one outlet")
if n_articles < 30:
    cannot.append(f"patterns of coverage: with {n_articles} article(s), a mean tone or stance "
                  "per period is an article's, not a pattern")
if n_periods >= 2 and n_articles >= 30:
    can.append("change over time (check the number of articles behind each point first)")
if n_outlets >= 2 and n_articles >= 30:
    can.append("differences between outlets")
print("It can show:\n- " + "\n- ".join(can))
if cannot:
    print("It cannot show:\n- " + "\n- ".join(cannot))

# %% [markdown]
# With the seed as corpus (one NBC News article of 30 November 2021 about a Biden–Putin call
# over Ukraine), every chart is a single point or a single set of bars: attention shows which
# countries *this article* names most, tone is this article's tone, and stance and dyads list
# how this article portrays each country and whom it quotes. None of it is a trend, and nothing
# here compares outlets. On a corpus of thousands of
# articles from several outlets, the same cells draw real time series; see section 7 for
# running at that scale.
#
# ## 7. At scale
#
# - **One machine.** `newslab analyze CORPUS --out OUT` uses all cores (`--jobs N` to choose),
#   never holds the corpus's text in memory (batches of 500 articles), and shows a progress
#   bar in a terminal. Results are identical for any `--jobs`. Stop it at any time and run it
#   again with `--resume`: finished batches are kept.
# - **A cluster.** `newslab analyze CORPUS --out OUT --engine dask --scheduler
#   tcp://HOST:8786` sends the same batches to a running Dask cluster; `OUT` must be a folder
#   that every worker and this machine share. Without `--scheduler`, `--engine dask` starts a
#   local Dask cluster on this machine.
# - **Corpus-level stages** (keywords' TF-IDF, the stance aggregates and dyads) need
#   whole-corpus tables in memory: each runs up to a corpus size it declares (10,000 articles
#   unless it says otherwise) and is skipped above it, with a note in the summary;
#   `--corpus-max-articles N` sets one limit for all of them, to bound memory.
# - **Measured figures** (throughput against a naive NLTK pipeline, memory at 10^4 to 10^6
#   articles) come from `python benchmarks/bench_pipeline.py` and are stated in the README.
