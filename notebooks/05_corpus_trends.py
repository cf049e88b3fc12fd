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
# **Question.** Across a whole corpus: which countries get the attention, in which outlets
# and when; is the coverage of a country getting darker; who is reported as saying what about
# whom?
#
# **After this notebook you can**
# - run `newslab analyze` over a folder of articles and read its tables back with pandas;
# - chart attention, tone and stance per period and per outlet with n and intervals;
# - read a source → target dyad heatmap and its minimum-n mask;
# - say what a given corpus can and cannot show before reading its charts.
#
# Point `CORPUS` at a folder of your own (or run `papermill 05_corpus_trends.ipynb out.ipynb
# -p CORPUS /path/to/corpus`): every sentence below about the corpus is computed from the run.
# Sections that need something the corpus lacks (dates, several outlets, attributed quotes)
# say so in one line and move on.

# %% tags=["parameters"]
# Parameters
CORPUS = "../seeds"           # a file or folder of articles (.txt, .csv, .jsonl, .parquet)
OUT = "results/05_corpus"     # where the tables go (relative to this notebook; not committed)
JOBS = None                   # worker processes (None: all cores)
TOP = 6                       # countries shown in the charts

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

from newslab import groups, plots
from newslab.countries import countries_only
from newslab.notebook import analyze_or_stop, show
from newslab.pipeline import read_table

pd.set_option("display.precision", 3)
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 120)
plt.rcParams["figure.dpi"] = 80


# %% [markdown]
# ## 1. Running newslab over the corpus
#
# `nl.analyze` is the `newslab analyze` command. It streams the corpus in batches through
# every pipeline stage, on all cores, and writes one folder of Parquet files per table under
# `OUT`. On a large corpus, pass `resume=True` when you re-run this cell after an
# interruption. From a terminal the same run is:
#
# ```
# newslab analyze CORPUS --out OUT            # add --jobs N, --resume, --quiet, --by month
# ```

# %%
# nothing to analyse: one line, no traceback, and the notebook stops here
run = analyze_or_stop(CORPUS, OUT, jobs=JOBS)
print(run.summary())

# %% [markdown]
# Every input is accounted for: the `articles` rows plus the `skipped` rows (files or rows
# newslab could not use, with the reason) equal what was read. The tables written:

# %%
pd.Series(run.counts, name="rows").to_frame()

# %% [markdown]
# ## 2. Reading the tables back
#
# Each table is a folder of Parquet parts, one per batch, in input order. pandas reads a
# folder as one table; on a large corpus, read only the columns you need (DuckDB and
# `dask.dataframe.read_parquet` read the same folders without loading them whole).
# `read_table(OUT, name)` is `pd.read_parquet` with the right dtypes. Which tables exist
# depends on the stages that ran: the cells below check.

# %%
def load(name, columns=None):
    """A table of the run, or None when no stage of this run made it."""
    return read_table(OUT, name, columns=columns) if name in run.tables else None


articles = load("articles", columns=["article_id", "title", "date", "outlet", "duplicate_of"])
mentions = load("mentions", columns=["article_id", "iso3", "country", "kind"])
tone = load("article_sentiment", columns=["article_id", "mean_compound", "gdelt_tone"])
stance = load("stance", columns=["article_id", "sentence_id", "iso3", "country", "kind",
                                 "score", "label", "rule", "clause", "speaker", "source_iso3"])
dyads = load("stance_dyads")
for name, df in [("mentions", mentions), ("article_sentiment", tone), ("stance", stance),
                 ("stance_dyads", dyads)]:
    print(f"{name:18} {'not made by this run' if df is None else f'{len(df):,} rows'}")
articles.head(10)

# %% [markdown]
# Trends need a time unit. The corpus's date span decides it (`plots.period_key`): days for a
# span of up to two months, weeks up to a year, months beyond; periods are the keys of
# `newslab.groups`. Articles without a date are left out of the time charts and counted;
# duplicates are left out of every aggregate.

# %%
arts = groups.aggregate_articles(articles)
KEY = plots.period_key(arts)
n_dated = int(arts["date"].notna().sum())
OUTLETS = arts["outlet"].dropna().nunique()
NO_TIME = "fewer than two dated days" if n_dated else "no dates"
if KEY is None:
    print(f"{n_dated:,} of {len(arts):,} articles dated: {NO_TIME}, "
          "so no time charts for this corpus")
else:
    span = (arts["date"].max() - arts["date"].min()).days
    print(f"{n_dated:,} of {len(arts):,} articles dated, spanning {span:,} days: "
          f"counted per {KEY}")
print(f"{OUTLETS} outlet(s); {len(articles) - len(arts):,} duplicate(s) left out")
periods = groups.group_table(arts, KEY) if KEY else None

# %% [markdown]
# ## 3. Attention: which countries are mentioned, when, and where
#
# A mention is one occurrence of a country, its capital, its leader or its people in the
# `mentions` table (notebook 01); organizations (NATO, the UN) and persons who do not act for
# their state (`countries_only`) are left out. Attention to a
# country in a period is its number of mentions per article of that period, which corrects
# for a period simply having more news.

# %%
m = None if mentions is None else countries_only(
    mentions[mentions["article_id"].isin(arts["article_id"])])   # no organizations, persons
if m is None or m.empty:
    top = []
    print("no country mentions in this corpus: no attention charts")
else:
    top = m["iso3"].value_counts().head(TOP).index.tolist()
    names = m.drop_duplicates("iso3").set_index("iso3")["country"]
    print("most mentioned:", ", ".join(f"{c} = {names[c]} ({n:,})"
                                       for c, n in m["iso3"].value_counts().head(TOP).items()))

# %%
if top and KEY:
    mp = m[m["iso3"].isin(top)].merge(periods, on="article_id")
    n_art = periods.groupby(KEY).size().rename("n")
    attention = (mp.groupby([KEY, "iso3"]).size().rename("mentions").reset_index()
                 .merge(n_art, on=KEY))
    attention["per_article"] = attention["mentions"] / attention["n"]
    display(attention.pivot(index=KEY, columns="iso3", values="per_article")
            .reindex(columns=top).round(2).tail(12))
    ax = plots.plot_over_time(attention, time=KEY, value="per_article", group="iso3",
                              n="n", low=None, high=None, top=TOP, scale=None,
                              ylabel="mentions per article", what="mentions per article")
    ax.set_title(f"Attention per {KEY} (n = articles in the period)")
    plt.tight_layout()
    show(ax)
elif top:
    print(f"{NO_TIME}: attention over time skipped")

# %% [markdown]
# Attention by outlet: each outlet's country mentions shared out between the most mentioned
# countries and all others, so every bar reaches 1 and outlets of different sizes compare.

# %%
if top and OUTLETS:
    by_outlet = (m.merge(arts[["article_id", "outlet"]], on="article_id")
                 .dropna(subset=["outlet"]).groupby(["outlet", "iso3"]).size()
                 .unstack(fill_value=0))
    by_outlet = by_outlet.loc[by_outlet.sum(axis=1).sort_values(ascending=False).index[:10]]
    ax = plots.plot_shares(by_outlet, top=TOP, what="country mentions")
    ax.set_title("Attention by outlet")
    plt.tight_layout()
    show(ax)
elif top:
    print("no outlet in this corpus (no URLs or outlet column): no comparison by outlet")

# %% [markdown]
# ## 4. Tone over time
#
# The tone of an article is the mean VADER compound of its sentences (`article_sentiment.
# mean_compound`, -1 to +1; notebook 02). Per period: the mean over articles with a 95%
# bootstrap interval over articles (`newslab.stats`) and the number of articles behind each
# point, per outlet when there are several.

# %%
if tone is None or tone.empty or not KEY:
    tone_by = None
    print("no article tone" if tone is None or tone.empty else f"{NO_TIME}: no tone over time")
else:
    t = tone.merge(arts[["article_id", "outlet"]], on="article_id")
    tone_by = plots.period_means(t, arts, KEY, "mean_compound",
                                 group="outlet" if OUTLETS > 1 else None)
    display(tone_by.tail(12).round(3))
    ax = plots.plot_over_time(tone_by, time=KEY, group="outlet" if OUTLETS > 1 else None,
                              ylabel="mean sentence compound", what="mean article tone")
    ax.set_title(f"Tone per {KEY}" + (" and outlet" if OUTLETS > 1 else ""))
    plt.tight_layout()
    show(ax)

# %% [markdown]
# ## 5. Stance toward countries, and who speaks about whom
#
# Stance is about one country: each mention gets a score in [-1, 1] from the part of the
# sentence about it (notebook 04). Per country and period, `country_stance(..., by=KEY)`
# gives the mean over mentions with an interval that resamples articles (mentions in one
# article are not independent), and a label that never claims more than the interval.

# %%
from newslab import stance as nst

s = None if stance is None else countries_only(stance)
if s is None or s.empty or not KEY:
    print("no stance scores" if s is None or s.empty else f"{NO_TIME}: no stance over time")
else:
    top_s = s["iso3"].value_counts().head(TOP).index.tolist()
    stance_by = nst.country_stance(s[s["iso3"].isin(top_s)], articles, by=KEY)
    display(stance_by.drop(columns=["evidence"]).tail(12).round(3))
    ax = plots.plot_stance_over_time(stance_by, time=KEY, top=TOP)
    ax.set_title(f"Stance toward countries per {KEY}")
    plt.tight_layout()
    show(ax)

# %% [markdown]
# **Dyads.** When a mention sits in a statement attributed to a country (its government, its
# leader, its ministry: "the Kremlin said Ukraine ..."), the stance table records that source
# country in `source_iso3`. The (source → target) pairs are the network of who is reported as
# speaking about whom, and how. The `stance_dyads` table holds them with intervals and
# evidence; it is made by a corpus-level stage that runs up to a corpus size (section 7);
# above it, the next cell computes the pairs from the `stance` table itself.

# %%
if dyads is None and s is not None and not s.empty:  # a large corpus: pair them here
    dyads = nst.dyads(s, articles)
if dyads is None or dyads.empty:
    print("no attributed mentions: no dyads")
else:
    dyads = dyads[dyads["source_iso3"] != dyads["target_iso3"]]
    dyads = dyads.sort_values(["n_mentions", "source_iso3", "target_iso3"],
                              ascending=[False, True, True], kind="stable")
    show_cols = [c for c in ["source_iso3", "target_iso3", "n_mentions", "n_articles",
                             "mean_score", "ci_low", "ci_high", "label"] if c in dyads.columns]
    print(f"{len(dyads):,} source → target pairs (a country speaking of itself left out)")
    display(dyads[show_cols].head(15).round(3).reset_index(drop=True))

# %%
if dyads is not None and len(dyads):
    ax = plots.plot_dyads(dyads, n="n_articles", min_n=nst.MIN_DYAD_ARTICLES)
    plt.tight_layout()
    show(ax)

# %% [markdown]
# ## 6. What this corpus can and cannot show
#
# Computed from the run; read it before reading the charts.

# %%
n_articles = len(arts)
n_periods = periods[KEY].nunique() if KEY else 0
cannot, can = [], ["the tables, and within each article which countries get the attention "
                   "and how each is portrayed, mention by mention"]
if n_periods < 2:
    cannot.append("change over time: " + (f"one {KEY} only" if KEY else NO_TIME))
if OUTLETS < 2:
    cannot.append("differences between outlets: " + ("one outlet" if OUTLETS else "no outlets"))
if n_articles < 30:
    cannot.append(f"patterns of coverage: with {n_articles} article(s), a mean tone or stance "
                  "is a few articles' voice, not a pattern")
if n_periods >= 2 and n_articles >= 30:
    can.append(f"change over time ({n_periods} {KEY}s; check the n behind each point first)")
if OUTLETS >= 2 and n_articles >= 30:
    can.append(f"differences between {OUTLETS} outlets")
display(Markdown(f"**{n_articles:,} article(s), {n_periods} period(s), {OUTLETS} outlet(s).**"
                 "\n\nIt can show:\n" + "\n".join(f"- {x}" for x in can)
                 + ("\n\nIt cannot show:\n" + "\n".join(f"- {x}" for x in cannot)
                    if cannot else "")))

# %% [markdown]
# ## 7. At scale
#
# - **One machine.** `newslab analyze CORPUS --out OUT` uses all cores (`--jobs N` to
#   choose), never holds the corpus's text in memory (batches of articles), and shows a
#   progress bar in a terminal. Results are identical for any `--jobs`. Stop it at any time
#   and run it again with `--resume`: finished batches are kept.
# - **A cluster.** `newslab analyze CORPUS --out OUT --engine dask --scheduler
#   tcp://HOST:8786` sends the same batches to a running Dask cluster; `OUT` must be a folder
#   that every worker and this machine share.
# - **Corpus-level stages** (keywords' TF-IDF, the stance aggregates and dyads) need
#   whole-corpus tables in memory: each runs up to a corpus size it declares and is skipped
#   above it, with a note in the summary; `--corpus-max-articles N` sets one limit for all.
# - Throughput and memory at 10^4 to 10^6 articles (`benchmarks/bench_pipeline.py`) are in
#   the README.

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# **Exercise 1.** For each outlet, which country gets the largest share of its country
# mentions, and how large is that share?

# %% tags=["solution"] jupyter={"source_hidden": true}
if top and OUTLETS:
    shares = by_outlet.div(by_outlet.sum(axis=1), axis=0)
    display(pd.DataFrame({"country": shares.idxmax(axis=1), "share": shares.max(axis=1),
                          "mentions": by_outlet.sum(axis=1)}).round(2))
else:
    print("needs country mentions and at least one outlet")

# %% [markdown] tags=["exercise"]
# **Exercise 2.** Recompute the tone per *month* instead of the automatic period. How many
# articles stand behind the smallest point, and how wide is its interval?

# %% tags=["solution"] jupyter={"source_hidden": true}
if tone is None or tone.empty or not arts["date"].notna().any():
    print("needs article tone and dates")
else:
    monthly = plots.period_means(tone, arts, "month", "mean_compound")
    small = monthly.nsmallest(1, "n_articles").iloc[0]
    print(f"{len(monthly)} month(s); the smallest, {small['month']}, rests on "
          f"{small['n_articles']} article(s), interval width "
          f"{small['ci_high'] - small['ci_low']:.3f}")

# %% [markdown] tags=["exercise"]
# **Exercise 3.** Among the dyads with enough articles behind them to be drawn
# (`stance.MIN_DYAD_ARTICLES`), which is the most negative? Does its interval exclude zero?

# %% tags=["solution"] jupyter={"source_hidden": true}
solid = (dyads[dyads["n_articles"] >= nst.MIN_DYAD_ARTICLES]
         if dyads is not None and len(dyads) else None)
if solid is None or solid.empty:
    print(f"no dyad rests on {nst.MIN_DYAD_ARTICLES} or more articles in this corpus")
else:
    worst = solid.nsmallest(1, "mean_score").iloc[0]
    print(f"{worst['source_iso3']} -> {worst['target_iso3']}: {worst['mean_score']:+.2f} "
          f"[{worst['ci_low']:+.2f}, {worst['ci_high']:+.2f}], {worst['n_articles']} articles; "
          + ("the interval excludes zero" if worst["ci_high"] < 0 else "zero is inside"))

# %% [markdown]
# ## Glossary
#
# - **attention**: how often a country is mentioned, here per article of a period.
# - **period**: a day, week, month, quarter or year of `articles.date` (`newslab.groups`).
# - **tone**: an article's mean sentence compound (notebook 02); **stance**: a mention's
#   portrayal score (notebook 04).
# - **cluster bootstrap**: an interval from resampling whole articles, so that an article
#   with many mentions does not count as many independent observations.
# - **minimum n**: the fewest observations (here articles) behind a cell or point before it is
#   coloured or drawn full.
# - **dyad**: a (source country → target country) pair of attributed statements.
# - **Parquet**: a columnar file format; a table is a folder of parts, one per batch.
# - **duplicate**: an article whose URL or text repeats an earlier one; left out of aggregates.
#
# ## Reading list
#
# - Galtung, J. & Ruge, M. (1965). The structure of foreign news. *Journal of Peace
#   Research* 2(1).
# - Wu, H. D. (2000). Systemic determinants of international news coverage. *Journal of
#   Communication* 50(2).
# - Leetaru, K. & Schrodt, P. (2013). GDELT: Global data on events, location and tone.
#   *ISA Annual Convention*.
# - Boydstun, A. (2013). *Making the News: Politics, the Media, and Agenda Setting*. Chicago UP.
# - Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
