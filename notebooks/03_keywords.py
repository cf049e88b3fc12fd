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
# **Question.** What is an article about, and what sets one part of a corpus (an outlet, a
# period, the sentences about one country) apart from another?
#
# **After this notebook you can**
# - extract keywords and key phrases of an article with TF-IDF, keyness against English,
#   and phrase scorers, and say when to prefer each;
# - find collocations (word pairs that belong together);
# - compare parts of a corpus with keyness (log-odds z and G2);
# - explain why word-count p-values overstate significance between groups of documents, and
#   check it on your own corpus.
#
# | method | question it answers | function |
# | --- | --- | --- |
# | TF-IDF | which words are frequent here and rare elsewhere in *this corpus*? | `tfidf` |
# | keyness vs English | which words does this text use far more than general English? | `keyness(..., reference="english")`, `article_keyness` |
# | keyness vs the rest | which words set a group apart from the rest? | `keyness`, `keyness_by`, `country_terms` |
# | key phrases | which multi-word phrases name the topic? | `key_phrases` (default), `yake_like`, `rake` |
# | collocations | which word pairs occur together more than chance? | `collocations` |
#
# Every function returns a tidy table with `group, term, score, rank` (higher score = more
# key, rank 1 = best), plus its own columns. A term is a token's `lower` form, alphabetic or
# an abbreviation such as *u.s.*, not a stop word, two letters or more; the possessive *'s* is
# a token of its own, so *Russia's* counts as *russia*.
#
# Set `CORPUS` to run it on your own articles; the per-article views use the first article.

# %% tags=["parameters"]
# Parameters: the corpus to load (a file or a folder; .txt, .csv, .jsonl or .parquet)
CORPUS = "../seeds"

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

import newslab as nl
from newslab import keywords as kw, plots
from newslab.notebook import load_or_stop, show

pd.set_option("display.max_colwidth", 80)
pd.set_option("display.precision", 2)
pd.set_option("display.width", 120)


# nothing to analyse: one line, no traceback, and the notebook stops here
articles = load_or_stop(CORPUS)
sents = nl.sentences(articles)
toks = nl.tokens(sents)
first = articles["article_id"].iloc[0]
one = toks[toks["article_id"].eq(first)]
one_s = sents[sents["article_id"].eq(first)]
print(f"{len(articles):,} article(s), {len(sents):,} sentences, {len(toks):,} tokens, "
      f"{int(kw.term_mask(toks).sum()):,} of them terms")
print(f"first article ({len(one):,} tokens):", articles["title"].iloc[0])

# %% [markdown]
# ## 1. Preprocessing: what counts as a term
#
# The tokens of the first article that are not terms, by reason, and the most frequent words
# that come right before a possessive *'s* (counted with their bare form):

# %%
mask = kw.term_mask(one)
reason = np.select([one["is_stop"], ~one["is_alpha"] & ~one["lower"].str.contains(r"\w\.")],
                   ["stop word", "number or punctuation"], "short or other")
print(pd.Series(reason[~mask]).value_counts().to_string())
before = one["lower"].shift()[one["lower"].eq("'s")]
print("before 's:", ", ".join(f"{w} ({n})" for w, n in before.value_counts().head(5).items())
      or "no possessive in this article")

# %% [markdown]
# ## 2. Keywords of the article, method by method
#
# - **TF-IDF** weights a word's count in the article by its inverse document frequency over
#   the corpus's articles; with one article, the idf comes from its *paragraphs*
#   (`unit="auto"`), so a word in every paragraph is discounted.
# - **Keyness vs English**: the log-odds z-score (Monroe et al. 2008) of the article's count
#   against the word's frequency in general English (`wordfreq`, read offline).
# - **phrases** (newslab's default): TF-IDF over candidate phrases of 1-3 terms, divided by
#   their length; with fewer than 20 articles the "idf" is the words' rarity in English.
# - **YAKE-style** and **RAKE**: the two classic single-document phrase scorers.
#
# Typically, keyness vs English promotes rare names (general English almost never uses
# them); TF-IDF keeps frequent reporting words when they are spread unevenly; YAKE-style
# scoring prefers short, early, capitalised phrases; RAKE rewards long runs of content words
# and so ranks one-off strings first, its known weakness on news.

# %%
side = {}
for m in kw.METHODS:
    res = kw.keywords(toks, method=m, top=10, sentences=sents)
    side[m] = res[res["article_id"].eq(first)]["term"].tolist()
side = pd.DataFrame({m: pd.Series(v, dtype=object) for m, v in side.items()})
side.index = np.arange(1, len(side) + 1)
side

# %%
agree = set(side["phrases"].dropna()) & set(side["tfidf"].dropna()) & set(side["keyness"].dropna())
display(Markdown(
    f"TF-IDF, keyness and the default agree on {len(agree)} of their top 10 terms for this "
    "article" + (f": *{'*, *'.join(sorted(agree))}*." if agree else ".")))

# %% [markdown]
# The TF-IDF table has the counts behind the scores (`n`, `df` = the units with the word):

# %%
kw.tfidf(one, sentences=one_s, top=8)

# %% [markdown]
# ## 3. Key phrases
#
# Candidates are runs of terms, split at stop words, punctuation, numbers and sentence ends
# (`candidate_phrases`): "Secretary of State Antony Blinken" gives *secretary* and *state
# antony blinken*, never *secretary state*. The multi-word phrases of the default method and
# of the YAKE-style scorer (near-duplicates with the same Porter stems are dropped); a short
# article may have fewer than ten:

# %%
ph = kw.key_phrases(one, top=None)
yk = kw.yake_like(one, top=None)
lists = {"phrases (default)": ph[ph["n_words"] > 1]["term"].head(10).tolist(),
         "yake-style": yk[yk["n_words"] > 1]["term"].head(10).tolist()}
phrases = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in lists.items()})
phrases.index = np.arange(1, len(phrases) + 1)
phrases if len(phrases) else print("no multi-word phrase in this article")

# %% [markdown]
# ## 4. Collocations
#
# NLTK's bigram collocation finder over the sentences (bigrams with a stop word or
# punctuation filtered out). The likelihood ratio favours frequent pairs; PMI favours
# exclusive ones and ties all pairs seen exactly as often as their words, so it needs a
# higher minimum count.

# %%
MIN_FREQ = 2 if len(articles) < 20 else 5
lr = kw.collocations(toks, measure="likelihood_ratio", min_freq=MIN_FREQ, top=10)
pmi = kw.collocations(toks, measure="pmi", min_freq=MIN_FREQ, top=10)
print(f"bigrams seen at least {MIN_FREQ} times in the corpus")
pd.concat([lr[["term", "n", "score"]].add_prefix("LR ").reset_index(drop=True),
           pmi[["term", "n", "score"]].add_prefix("PMI ").reset_index(drop=True)], axis=1)

# %% [markdown]
# ## 5. Keyness: the article against general English
#
# `keyness` returns both measures for every term: the log-likelihood **G2** (signed: positive
# when the article uses the word more) with its p-value, and the **weighted log-odds** with
# its **z-score** (`score` by default). Positive scores are the article's keywords; negative
# ones are words it uses *less* than English does (English's most common terms are compared
# too, so that words the article never uses can appear).

# %%
key = kw.keyness(one, [first], reference="english", min_count=1, top=12)
key[["term", "score", "rank", "n_target", "per_million_target", "per_million_reference",
     "G2", "log_odds", "key_for"]]

# %%
ax = plots.plot_diverging_bars(key, "term", "score", what="terms",
                               xlabel="log-odds z-score (Monroe et al. 2008)",
                               title="The first article vs general English: blue = more in the article")
ax.figure.set_size_inches(7, 6)
plt.tight_layout()
show(ax)

# %% [markdown]
# ## 6. Keywords in context
#
# A keyword list says *what*; KWIC (`nl.kwic`) says *how*. The top three terms of the default
# method in the first article:

# %%
for term in kw.key_phrases(one, top=3)["term"].tolist():
    k = nl.kwic(one, term, window=6, articles=articles)
    print(f"== {term}: {len(k)} occurrences")
    for _, r in k.head(4).iterrows():
        print(f"  {r['left'][-45:]:>45} [{r['keyword']}] {r['right'][:45]}")

# %% [markdown]
# ## 7. Keyness between parts of the corpus
#
# `keyness_by` compares every group of articles (here the outlets, or else the months) with
# the rest of the corpus. Log-odds z ranks the terms; its informative prior keeps rare words
# from topping a list on a handful of counts.

# %%
outlets = articles.set_index("article_id")["outlet"].dropna()
months = articles.set_index("article_id")["date"].dropna().dt.strftime("%Y-%m")
if outlets.nunique() >= 2:
    GROUPS, GROUP_NAME = outlets, "outlet"
elif months.nunique() >= 2:
    GROUPS, GROUP_NAME = months, "month"
else:
    GROUPS, GROUP_NAME = None, None
if GROUPS is None:
    print("one outlet and at most one month: no parts of the corpus to compare")
else:
    by_group = kw.keyness_by(toks, GROUPS, top=8)
    keys = GROUPS.value_counts().index[:4]
    print(f"by {GROUP_NAME}: {GROUPS.nunique()} groups; the {len(keys)} largest shown")
    display(by_group[by_group["group"].isin(keys) & by_group["key_for"].eq("target")]
            [["group", "term", "score", "n_target", "n_reference", "G2", "p"]])

# %% [markdown]
# ### Can you trust the p-values?
#
# G2's p-value assumes every word is an independent draw. Words are not: an article that
# uses *sanctions* once tends to use it again, so counts cluster in documents and the
# p-values come out far too small. Test it: split the articles **at random** into two halves,
# where no term can truly differ, and count how many terms come out "significant" at 0.05.
# An honest test would flag about 5%.

# %%
if len(articles) < 20:
    print(f"{len(articles)} article(s): a random split needs at least 20 articles")
else:
    rng = np.random.default_rng(0)
    half = set(rng.permutation(articles["article_id"].to_numpy())[: len(articles) // 2])
    rand = kw.keyness(toks, list(half), measure="g2", min_count=10)
    share = float((rand["p"] < 0.05).mean())
    display(Markdown(
        f"Random halves of {len(articles):,} articles, {len(rand):,} terms seen at least 10 "
        f"times: **{100 * share:.0f}%** have G2 p < 0.05 (an honest test: about 5%)."
        + (" G2's p-values are not to be trusted between groups of documents here."
           if share > 0.10 else "")))
    # the document-aware test: articles containing each term, per group
    groups_rand = {a: ("half A" if a in half else "half B") for a in articles["article_id"]}
    doc = kw.document_keyness(toks, groups_rand, top=None)
    doc = doc[doc["group"] == "half A"]
    display(Markdown(
        f"The same random halves with `kw.document_keyness` (it counts the **articles** that "
        f"contain each term): **{100 * float((doc['p'] < 0.05).mean()):.0f}%** of "
        f"{len(doc):,} terms at p < 0.05 and **{int((doc['q'] < 0.05).sum())}** at "
        f"Benjamini-Hochberg q < 0.05."))

# %% [markdown]
# **Recommended between groups of articles: `kw.document_keyness(tokens, {article_id: group})`.**
# It counts, for each term, the articles of the group that contain it against the articles
# of the rest ('N - 1' chi-squared, Fisher's exact test when counts are small), reports the
# log odds ratio as the effect size and a Benjamini-Hochberg `q` for the many terms tested:
# read `q`, not `p`. Validated on random splits of the official statements corpus: about 4%
# of terms at p < 0.05 and none at q < 0.05, against 14-17% for G2, while the real split by
# outlet still yields thousands of terms at q < 0.05. Where it fails: it ignores how often an
# article repeats a term, and dependence above the article (syndicated copies, boilerplate)
# still inflates it. `newslab analyze --by outlet` writes it as `keyness_by_outlet`.

# %% [markdown]
# ## 8. Terms near each country
#
# `country_terms` takes the `mentions` table and, for each country, compares the sentences
# that mention it with all other sentences (log-odds z; G2 in the table too). The mention
# tokens themselves (*Russia*, *Russian*, *Kremlin*...) are not counted, so what remains is
# the vocabulary around the country: the input of the stance notebook (04).

# %%
from newslab.countries import find_mentions

mentions = find_mentions(sents, articles)
near = kw.country_terms(toks, mentions, top=6, min_count=2)
if near.empty:
    main_countries = []
    print("no country with enough mentions for country_terms")
else:
    counts = near.drop_duplicates("group").set_index("group")["n_sentences"]
    main_countries = counts.sort_values(ascending=False, kind="mergesort").index[:3].tolist()
    near_top = near[near["group"].isin(main_countries) & near["key_for"].eq("target")]
    display(near_top[["group", "country", "n_sentences", "term", "score", "n_target",
                      "n_reference", "G2"]])

# %%
if main_countries:
    fig, axes = plt.subplots(1, len(main_countries), figsize=(10, 3.5), sharex=True,
                             squeeze=False)
    for ax, iso in zip(axes[0], main_countries):
        plots.plot_diverging_bars(near[near["group"].eq(iso)], "term", "score", ax=ax,
                                  what="terms", xlabel="z")
        ax.set_title(f"{iso} ({counts[iso]:,} sentences)")
    axes[0][0].set_xlabel("z: near the country (blue) vs elsewhere (red)")
    fig.alt_text = (f"{len(main_countries)} bar chart(s) of the terms most and least typical of the sentences "
                    f"mentioning {', '.join(main_countries)}, blue above zero, red below.")
    plt.tight_layout()
    show(axes[0][0])

# %%
if main_countries:
    n_sent = int(counts[main_countries].max())
    display(Markdown(
        f"The most mentioned country appears in {n_sent:,} sentences. "
        + ("On so few sentences these are weak signals: read them as what the text says "
           "around each country, not as findings." if n_sent < 50 else
           "With this many sentences the lists are informative, but the z-scores still "
           "count words, not articles: check a term's spread over articles (its `n_target` "
           "against the number of articles) before reporting it.")))

# %% [markdown]
# ## 9. Which method when
#
# - **Describing one article** (a label, a search facet): the default `key_phrases`, or
#   `tfidf` for single words. Over a corpus their idf comes from the corpus; on one article
#   they fall back to paragraphs (TF-IDF) or general English (phrases).
# - **Ranking what sets a group apart** (outlets, periods, countries): `keyness_by` /
#   `keyness` / `country_terms` with the **log-odds z** (default).
# - **A significance statement between groups**: not G2's p-value (section 7 shows why).
#   Use `kw.document_keyness`, which counts articles, not words, so that a term must differ
#   across many documents to count, and read its `q`; exercise 3 below builds a permutation
#   check by hand.
# - **One text against the language**: `keyness(..., reference="english")` or
#   `article_keyness`, good at names and jargon; wordfreq's English is web and subtitles, not
#   news, so reporting words look key.
# - **Multi-word names and fixed phrases**: `collocations` over a corpus (likelihood ratio for
#   frequent pairs; PMI only with `min_freq` of 3 or more).
# - **RAKE**: only for short technical texts; on news it ranks long one-off strings first.
#
# How well each method matches human keyphrases (500N-KPCrowd) and how fast they run is
# measured in the README (`newslab evaluate keywords`, `benchmarks/bench_keywords.py`).
# Limits: the methods see words, not meaning (*Kiev* and *Kyiv* are two terms; no
# lemmatisation beyond the stem-based dedup).

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# **Exercise 1.** List the ten TF-IDF keywords of the longest article of the corpus, with
# their counts.

# %% tags=["solution"] jupyter={"source_hidden": true}
longest = toks.groupby("article_id").size().idxmax()
print(articles.loc[articles["article_id"].eq(longest), "title"].iloc[0])
kw.tfidf(toks, sentences=sents, top=10).query("group == @longest")[["term", "n", "score"]]

# %% [markdown] tags=["exercise"]
# **Exercise 2.** Which bigrams are among the top 20 collocations by both the likelihood
# ratio and PMI (same minimum count)? What does the overlap tell you about the measures?

# %% tags=["solution"] jupyter={"source_hidden": true}
both = (set(kw.collocations(toks, measure="likelihood_ratio", min_freq=MIN_FREQ, top=20)["term"])
        & set(kw.collocations(toks, measure="pmi", min_freq=MIN_FREQ, top=20)["term"]))
print(f"{len(both)} bigram(s) in both top 20:", ", ".join(sorted(both)) or "none")
print("LR rewards frequency, PMI exclusivity: " + (
    "on this corpus they mostly agree, because few pairs pass the minimum count"
    if len(both) >= 10 else "on this corpus they pick mostly different pairs"))

# %% [markdown] tags=["exercise"]
# **Exercise 3.** Build a document-aware check by hand: for the term most key for the first
# group of section 7 (or the corpus's most frequent term), compare the share of *articles*
# using it in two groups, and get a p-value by permuting the articles' group labels 1,000
# times (seeded).

# %% tags=["solution"] jupyter={"source_hidden": true}
used = toks[kw.term_mask(toks)].drop_duplicates(["article_id", "lower"])   # article x term
ids = articles["article_id"]
if GROUPS is not None:
    g = GROUPS.reindex(ids)
    a_label = g.value_counts().index[0]
    top_group = by_group[by_group["group"].eq(a_label) & by_group["key_for"].eq("target")]
    term = top_group["term"].iloc[0] if len(top_group) else used["lower"].value_counts().idxmax()
    labels = (g == a_label).to_numpy()
else:
    term = used["lower"].value_counts().idxmax()    # the term most articles use
    labels = np.random.default_rng(1).permutation(np.arange(len(ids)) < len(ids) // 2)
x = ids.isin(used.loc[used["lower"].eq(term), "article_id"]).to_numpy()
if len(x) < 4 or labels.all() or not labels.any():
    print("too few articles for a permutation test")
else:
    observed = x[labels].mean() - x[~labels].mean()
    rng = np.random.default_rng(0)
    perm = np.array([(lambda l: x[l].mean() - x[~l].mean())(rng.permutation(labels))
                     for _ in range(1000)])
    p = (np.abs(perm) >= abs(observed)).mean()
    print(f"{term!r}: used by {x[labels].mean():.0%} vs {x[~labels].mean():.0%} of articles; "
          f"permutation p = {p:.3f}")

# %% [markdown]
# ## Glossary
#
# - **TF-IDF**: term frequency × inverse document frequency, log(N / df): high for words
#   frequent in one document and rare in the others.
# - **keyness**: how much more (or less) often a term occurs in a target than in a reference.
# - **G2** (log-likelihood ratio): a keyness statistic with a χ² p-value under the
#   assumption that every word is drawn independently.
# - **log-odds z** (weighted log-odds with an informative Dirichlet prior, Monroe et al.
#   2008): the difference in log-odds of a term between two corpora divided by its standard
#   error; the prior shrinks rare terms towards zero.
# - **p-value**: the probability of a difference at least this large if there were none;
#   **multiple comparisons**: testing thousands of terms makes some small by chance.
# - **burstiness / document clustering**: a word that occurs once in a document tends to
#   occur again there, which breaks G2's independence assumption.
# - **permutation test**: shuffle group labels (of articles) many times to see how large a
#   difference chance alone gives.
# - **collocation**: a word pair that co-occurs more than chance; **PMI**: pointwise mutual
#   information, log p(x, y) / (p(x) p(y)).
# - **key phrase**: a multi-word term naming a topic; **YAKE**, **RAKE**: classic unsupervised
#   single-document phrase scorers.
#
# ## Reading list
#
# - Monroe, B., Colaresi, M. & Quinn, K. (2008). Fightin' words: Lexical feature selection
#   and evaluation for identifying the content of political conflict. *Political Analysis*
#   16(4).
# - Lijffijt, J. et al. (2016). Significance testing of word frequencies in corpora.
#   *Digital Scholarship in the Humanities* 31(2).
# - Kilgarriff, A. (2001). Comparing corpora. *International Journal of Corpus Linguistics*
#   6(1).
# - Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. *Workshop
#   on Comparing Corpora*, ACL.
# - Campos, R. et al. (2020). YAKE! Keyword extraction from single documents using multiple
#   local features. *Information Sciences* 509.
# - Manning, C. & Schütze, H. (1999). *Foundations of Statistical NLP*, ch. 5 (collocations).
