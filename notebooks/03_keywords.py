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
# # 03 · Keywords and key phrases
#
# What is an article about, and what sets one part of a corpus apart from another? This
# notebook runs newslab's keyword methods (`newslab.keywords`) on the seed article and shows
# when to prefer each:
#
# | method | question it answers | function |
# | --- | --- | --- |
# | TF-IDF | which words are frequent here and rare elsewhere in *this corpus*? | `tfidf` |
# | keyness vs English | which words does this text use far more than general English? | `keyness(..., reference="english")`, `article_keyness` |
# | keyness vs the rest | which words set a group (an outlet, a month, the sentences about one country) apart from the rest? | `keyness`, `keyness_by`, `country_terms` |
# | key phrases | which multi-word phrases name the topic? | `key_phrases` (default), `yake_like`, `rake` |
# | collocations | which word pairs occur together more than chance? | `collocations` |
#
# Every function returns a tidy table with `group, term, score, rank` (higher score = more
# key, rank 1 = best), plus its own columns. All share the tokenizer's preprocessing: a term
# is a token's `lower` form (curly apostrophes straightened), alphabetic or an abbreviation
# such as *U.S.*, not a stop word, two letters or more. The possessive *'s* is a token of its
# own, so *Russia's* counts as *russia*.
#
# Set `CORPUS` to run it on your own articles; the per-article views use the first article.

# %% tags=["parameters"]
# Parameters: the corpus to load (a file or a folder; .txt, .csv, .jsonl or .parquet)
CORPUS = "../seeds"

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import newslab as nl
from newslab import keywords as kw

pd.set_option("display.max_colwidth", 80)
pd.set_option("display.precision", 2)
pd.set_option("display.width", 120)

articles = nl.load_articles(CORPUS, verbose=False)
sents = nl.sentences(articles)
toks = nl.tokens(sents)
first = articles["article_id"].iloc[0]
print(f"{len(articles)} article(s), {len(sents)} sentences, {len(toks)} tokens, "
      f"{int(kw.term_mask(toks).sum())} of them terms")
print("first article:", articles["title"].iloc[0])

# %% [markdown]
# ## 1. Preprocessing: what counts as a term
#
# The same article counts *Russia* and *Russia's* (curly apostrophe in the source) together:

# %%
rus = toks[toks["lower"].isin(["russia", "'s"]) & toks["article_id"].eq(first)]
print(rus["token"].value_counts().to_string())
print("terms 'russia' in the first article:",
      int((toks["lower"].eq("russia") & kw.term_mask(toks) & toks["article_id"].eq(first)).sum()))

# %% [markdown]
# ## 2. Keywords of the article, method by method
#
# - **TF-IDF** weights a word's count in the article by its inverse document frequency. With
#   one article there is nothing to compare against, so the idf comes from the article's
#   *paragraphs* (`unit="auto"`): a word in every paragraph is discounted.
# - **Keyness vs English**: the log-odds z-score (Monroe et al. 2008) of the article's count
#   against the word's frequency in general English (`wordfreq`, read offline).
# - **phrases** (newslab's default): TF-IDF over candidate phrases of 1-3 terms, divided by
#   their length; with fewer than 20 articles the "idf" is the words' rarity in English.
# - **YAKE-style** and **RAKE**: the two classic single-document phrase scorers, written here
#   from their papers.

# %%
one = toks[toks["article_id"].eq(first)]
one_s = sents[sents["article_id"].eq(first)]
side = {}
for m in kw.METHODS:
    res = kw.keywords(toks, method=m, top=10, sentences=sents)
    side[m] = res[res["article_id"].eq(first)]["term"].tolist()
side = pd.DataFrame({m: pd.Series(v) for m, v in side.items()})
side.index = range(1, len(side) + 1)
side

# %% [markdown]
# TF-IDF, keyness and the default agree on the core: the two presidents, the two
# countries, *sanctions*. Keyness vs English promotes rare names (*Ushakov*, *Blinken*,
# *Psaki*) because general English almost never uses them; TF-IDF with paragraph idf keeps
# *said*, a reporting verb present in most paragraphs but counted often. YAKE-style scoring
# prefers short phrases made of frequent, early, capitalised words; RAKE rewards long runs
# of content words and so ranks one-off strings ("state department spokesperson said")
# first: its known weakness on news.
#
# The TF-IDF table has the counts behind the scores (`n`, `df` = paragraphs with the word):

# %%
kw.tfidf(one, sentences=one_s, top=8)

# %% [markdown]
# ## 3. Key phrases
#
# Candidates are runs of terms, split at stop words, punctuation, numbers and sentence ends
# (`candidate_phrases`): "Secretary of State Antony Blinken" gives *secretary* and *state
# antony blinken*, never *secretary state*. The multi-word phrases of the default method and
# of the YAKE-style scorer (near-duplicates with the same Porter stems are dropped):

# %%
ph = kw.key_phrases(one, top=None)
yk = kw.yake_like(one, top=None)
pd.DataFrame({
    "phrases (default)": ph[ph["n_words"] > 1]["term"].head(10).tolist(),
    "yake-style": yk[yk["n_words"] > 1]["term"].head(10).tolist(),
}, index=range(1, 11))

# %% [markdown]
# ## 4. Collocations
#
# NLTK's bigram collocation finder over the sentences, bigrams with a stop word or
# punctuation filtered out, at least 2 occurrences (raise `min_freq` on a real corpus).
# The likelihood ratio favours frequent pairs; PMI favours exclusive ones and ties all pairs
# seen exactly as often as their words (hence the many equal scores on one article).

# %%
lr = kw.collocations(one, measure="likelihood_ratio", min_freq=2, top=10)
pmi = kw.collocations(one, measure="pmi", min_freq=2, top=10)
pd.concat([lr[["term", "n", "score"]].add_prefix("LR "),
           pmi[["term", "n", "score"]].add_prefix("PMI ")], axis=1).set_index(lr["rank"])

# %% [markdown]
# ## 5. Keyness: the article against general English
#
# `keyness` returns both measures for every term: the log-likelihood **G2** (signed: positive
# when the article uses the word more) with its p-value, and the **weighted log-odds** with
# its **z-score** (`score` by default). Positive scores are the article's keywords; negative
# ones are words it uses *less* than English does, the "negative keywords" (English's 2,000
# most common terms are compared too, so that words the article never uses can appear).
# Both ends:

# %%
key = kw.keyness(one, [first], reference="english", min_count=1, top=12)
key[["term", "score", "rank", "n_target", "per_million_target", "per_million_reference",
     "G2", "log_odds", "key_for"]]


# %%
def keyness_chart(table, title):
    t = table.sort_values("score")
    fig, ax = plt.subplots(figsize=(7, 6))
    colors = ["#b2182b" if s > 0 else "#2166ac" for s in t["score"]]
    ax.barh(t["term"], t["score"], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("log-odds z-score (Monroe et al. 2008)")
    ax.set_title(title)
    fig.tight_layout()
    plt.show()


keyness_chart(key, "The article vs general English: red = more in the article")

# %% [markdown]
# On one article against English the negative side is weak: an article of a few hundred
# terms cannot be *significantly* short of a word, so the z-scores stay below 1. What it
# lacks is telling all the same: the words of conversation (*people*, *just*, *good*,
# *know*, *think*), absent from a wire-style report. The chart gets interesting between two parts of a corpus, such as
# the sentences that mention one country against the others (section 7).
#
# ## 6. Keywords in context
#
# A keyword list says *what*; KWIC (`nl.kwic`) says *how*. The top three terms of the
# default method:

# %%
top3 = kw.key_phrases(one, top=3)["term"].tolist()
for term in top3:
    k = nl.kwic(one, term, window=6, articles=articles)
    print(f"== {term}: {len(k)} occurrences")
    for _, r in k.head(4).iterrows():
        print(f"  {r['left'][-45:]:>45} [{r['keyword']}] {r['right'][:45]}")

# %% [markdown]
# ## 7. Terms near each country
#
# `country_terms` takes the `mentions` table (`newslab.countries.find_mentions`) and, for
# each country, compares the sentences that mention it with all other sentences (log-odds z
# by default; G2 in the table too). The mention tokens themselves (*Russia*, *Russian*,
# *Kremlin*...) are not counted, so what remains is the vocabulary around the country: the
# input of the stance notebook (04).

# %%
from newslab.countries import find_mentions

mentions = find_mentions(sents, articles)
near = kw.country_terms(toks, mentions, top=6, min_count=2)
counts = near.drop_duplicates("group").set_index("group")["n_sentences"]
main_countries = counts.sort_values(ascending=False, kind="mergesort").index[:3].tolist()
near_top = near[near["group"].isin(main_countries) & near["key_for"].eq("target")]
near_top[["group", "country", "n_sentences", "term", "score", "n_target", "n_reference",
          "G2"]]

# %%
fig, axes = plt.subplots(1, max(len(main_countries), 1), figsize=(10, 3.5), sharex=True,
                         squeeze=False)
axes = axes[0]
for ax, iso in zip(axes, main_countries):
    t = near[near["group"].eq(iso)].sort_values("score")
    ax.barh(t["term"], t["score"],
            color=["#b2182b" if s > 0 else "#2166ac" for s in t["score"]])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_title(f"{iso} ({counts[iso]} sentences)")
axes[0].set_xlabel("z: near the country (red) vs elsewhere (blue)")
fig.tight_layout()
plt.show()

# %% [markdown]
# On a single article these are weak signals (z of 1-2 on counts of 2-5: none would survive a
# significance test); they become informative over hundreds of articles. With one article,
# read them as "what the text says around this country", not as findings.
#
# ## 8. How good are these methods? (500N-KPCrowd)
#
# Measured with `newslab evaluate keywords DOCS_DIR KEYS_DIR --k K --method M` on
# 500N-KPCrowd v1.1 (500 English news articles, about 49 crowd-sourced gold keyphrases each;
# ../shared/eval/keyphrase_500N-KPCrowd, extracted to a temporary folder), and with
# `python benchmarks/bench_keywords.py`, which also runs the `yake` package as an outside
# baseline under the same protocol: both sides lower-cased, split into words and
# Porter-stemmed, exact match, P = correct / predictions (at most k), R = correct / gold,
# F1 per document averaged over the 500 documents. Document frequencies come from the 500
# documents themselves.
#
# | method | F1@5 | F1@10 | F1@15 | P@10 |
# | --- | --- | --- | --- | --- |
# | **phrases (newslab default)** | 0.115 | **0.184** | 0.224 | 0.50 |
# | tfidf | 0.116 | 0.183 | 0.222 | 0.50 |
# | keyness vs English (log-odds z) | 0.110 | 0.172 | 0.215 | 0.47 |
# | yake-style (ours) | 0.063 | 0.110 | 0.144 | 0.30 |
# | rake (ours) | 0.030 | 0.057 | 0.084 | 0.15 |
# | `yake` package, n=3 (its default) | 0.045 | 0.080 | 0.112 | 0.22 |
# | `yake` package, n=1 | 0.102 | 0.167 | 0.213 | 0.46 |
# | `yake` package, n=2 (`--yake-n 3,1,2`) | 0.064 | 0.113 | 0.152 | 0.32 |
#
# YAKE's authors report F1@10 = 0.173 for YAKE on this set (0.162 TF-IDF, 0.111 TextRank,
# 0.023 RAKE); the package with single words (n=1) reproduces it within 0.006 under our
# protocol, so the protocols agree. **newslab's default reaches 0.184, above both** (the
# target was 0.18), but only just. Said plainly: the gain is not from a clever phrase scorer.
# Three quarters of the gold keyphrases are single words, so TF-IDF over words is already at
# 0.183,
# and the default's phrases add almost nothing on this set (within noise); our YAKE-style and
# RAKE scorers, which favour multi-word phrases, are weaker here. The design choices (idf from
# the corpus, a length discount for phrases, stem dedup) were made on the even-numbered half
# of the documents and hold on the odd half (F1@10 0.184 and 0.185). The ceiling is low for every
# method: with ~49 gold phrases, recall@10 cannot exceed about 0.2, and many gold phrases are
# common verbs ("told", "make") that no keyword method ranks high.
#
# ## 9. Which method when
#
# - **Describing one article** (a label, a search facet): the default `key_phrases`, or
#   `tfidf` when you want single words. Over a corpus, their idf comes from the corpus, so
#   they adapt to it; on one article they fall back to paragraphs (TF-IDF) or general English
#   (phrases).
# - **Comparing parts of a corpus** (outlets, periods, countries): `keyness_by` /
#   `keyness` / `country_terms`. Use the **log-odds z** (default) for rankings: the prior
#   keeps rare words from topping the list on a handful of counts. Use **G2** with its
#   p-value when you need a significance statement, with a Bonferroni-style threshold
#   because thousands of words are tested.
# - **One text against the language**: `keyness(..., reference="english")` or
#   `article_keyness`, good at names and jargon, but it also promotes any rare word, and
#   wordfreq's English is web and subtitles, not news: *said* and *officials* look key.
# - **Multi-word names and fixed phrases**: `collocations` over a corpus (likelihood ratio
#   for frequent pairs; PMI only with `min_freq` of 3 or more, as it overrates rare pairs).
# - **RAKE**: only for short technical texts; on news it ranks long one-off strings first.
#
# ## 10. Speed, the pipeline, limits
#
# `python benchmarks/bench_keywords.py` times every method on the BBC News articles repeated
# to 10,000 (4.3 million tokens; sentences and tokens made beforehand, 15 s), on the shared
# 2-core machine (timings there vary by up to a factor of 2 from run to run):
#
# | method, 10,000 articles | seconds | documents/s |
# | --- | --- | --- |
# | baseline: scikit-learn `TfidfVectorizer` on the raw texts (matrix only) | 2.0 | 4,941 |
# | `tfidf`, top 10 per article | 1.2 | 8,400 |
# | `article_keyness` (each article vs English) | 1.9 | 5,359 |
# | `keyness_by` (5 categories vs the rest) | 1.2 | 8,489 |
# | `keyness` (one target vs the rest) | 0.6 | 15,908 |
# | `key_phrases` (default) | 10.1 | 986 |
# | `yake_like` | 11.0 | 908 |
# | `rake` | 5.0 | 1,990 |
# | `collocations` (NLTK, likelihood ratio) | 8.6 | 1,159 |
# | `country_terms` | 4.8 | 2,107 |
# | the pipeline stage (tfidf + phrases) | 10.6 | 943 |
# | baseline: `yake` package (n=3), 200 articles | 4.8 | 42 |
#
# TF-IDF and keyness take about a second for the 10,000 articles, as fast as scikit-learn's
# vectorizer alone; newslab's YAKE-style scorer and default phrases are over 20 times faster
# than the `yake` package.
#
# `newslab analyze CORPUS` writes a `keywords` table (`article_id, method, term, score,
# rank`): the top 10 TF-IDF words and the top 10 key phrases of every article. It reads only
# the token and sentence columns it needs and works on sparse matrices and 1,000 articles at
# a time; at 10,000 articles it needs about 200 MB beyond its input, growing linearly, so it
# runs up to 20,000 articles by default (at 100,000 it peaked at 6.4 GB; `--corpus-max-articles N` raises or lowers the limit).
#
# Limits: the methods see words, not meaning (*Kiev* and *Kyiv* are two terms; no
# lemmatisation beyond the stem-based dedup); keyness vs English inherits wordfreq's idea of
# English; single-article figures rest on small counts.
