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
# # 01 · Loading and tokenizing news articles
#
# This is the first notebook of **newslab**. It takes a corpus of news articles from files on
# disk to three tidy tables that every later notebook builds on:
#
# | table | one row per | keyed by |
# |---|---|---|
# | `articles` | article | `article_id` |
# | `sentences` | sentence | `article_id`, `sentence_id` |
# | `tokens` | word or punctuation mark | `article_id`, `sentence_id`, `token_id` |
#
# "Tidy" means one unit per row and ids in columns (as in R's *tidytext* and *quanteda*), so
# every analysis after this is an ordinary pandas operation: filter, group, count, join.
#
# The default corpus is the project's seed: a single NBC News article from 30 November 2021
# about a call between Presidents Biden and Putin over Ukraine. To run this notebook on your
# own corpus, change `CORPUS` in the next cell (or run it with papermill:
# `papermill 01_load_and_tokenize.ipynb out.ipynb -p CORPUS /path/to/corpus`).

# %% tags=["parameters"]
# Parameters: the corpus to load (a file or a folder; .txt, .csv, .jsonl or .parquet)
CORPUS = "../seeds"

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import newslab as nl
from newslab import schema

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.precision", 3)

# %% [markdown]
# ## 1. Loading the corpus
#
# `load_articles` reads a file or a whole folder (recursively) and returns the `articles`
# table. It prints one line saying how many articles it loaded and how many files it had to
# skip: nothing is dropped silently.

# %%
articles = nl.load_articles(CORPUS)
articles[["article_id", "title", "date", "outlet", "dateline", "n_paragraphs"]]

# %% [markdown]
# Every column is documented once, in `newslab.schema`; the same descriptions apply to the
# files that `newslab analyze` writes:

# %%
print(schema.describe("articles"))

# %% [markdown]
# A few things to notice:
#
# - `article_id` is stable: it is a hash of the URL, title and text, so the same article gets
#   the same id on every machine and every run (or it is the `id` column of a CSV/JSON file).
# - `date` is a real datetime (line 2 of the seed file, `20211130`). Missing or unreadable
#   dates become `NaT` with a warning, never a crash.
# - `outlet` is the URL's domain, and `dateline` the place name that opens the story.
#
# Files that could not be used are listed by `skipped_table`, with the reason. For the seeds
# the list is empty:

# %%
nl.skipped_table(articles)

# %% [markdown]
# ## 2. The data's quirks
#
# Real news text is messy, and the seed article shows three typical problems. newslab handles
# each on purpose, and it is worth knowing about them before trusting any count.
#
# **Lost dashes.** Somewhere between the web page and the file, em dashes were deleted and left
# two spaces behind. Here are the raw lines of the file that contain a doubled space:

# %%
from pathlib import Path

files = sorted(Path(CORPUS).rglob("*.txt")) if Path(CORPUS).is_dir() else [Path(CORPUS)]
raw_lines = files[0].read_text(encoding="utf-8").splitlines() if files else []
for line in raw_lines:
    if "  " in line:
        i = line.index("  ")
        print(repr(line[max(0, i - 40): i + 30]))

# %% [markdown]
# The loader puts the dash back (`"Putin — diplomacy"`, `"WASHINGTON — President"`), so that
# sentence splitting and the dateline work, and a reader of the text sees what the author
# wrote. Pass `repair_dashes=False` to keep the text exactly as stored.
#
# **Paragraphs out of order.** The story's real opening, the `WASHINGTON —` dateline
# paragraph, is not the first paragraph of the file:

# %%
first = articles.iloc[0]
for pid, para in enumerate(first.paragraphs):
    if first.dateline and para.startswith(first.dateline):
        print(f"dateline paragraph is paragraph {pid} of {first.n_paragraphs}:")
        print("   ", para[:110], "...")
print("first paragraph in the file:")
print("   ", first.paragraphs[0][:110], "...")

# %% [markdown]
# newslab keeps the stored order (`paragraph_id` counts paragraphs as stored) and does not
# guess the original one. Keep it in mind: "the lead paragraph" or "the first mention" is
# not meaningful for this file.
#
# **Unbalanced quotation marks.** Several paragraphs open a quotation that closes in another
# paragraph, or close one that never opened:

# %%
quotes = pd.DataFrame({
    "paragraph_id": range(first.n_paragraphs),
    "quote_marks": [p.count('"') for p in first.paragraphs],
    "starts_with": [p[:60] for p in first.paragraphs],
})
quotes[quotes.quote_marks % 2 == 1]

# %% [markdown]
# Sentence splitting and tokenization do not depend on quotes being balanced (they are tested
# on exactly these paragraphs). Who is speaking in a quotation is a harder question, which the
# stance notebook (04) takes up.
#
# ## 3. Sentences
#
# `sentences` splits every paragraph into sentences with NLTK's Punkt algorithm. newslab uses
# Punkt **without a trained model**, so it needs no `nltk.download()` and gives the same
# result on every machine, and adds a list of news abbreviations
# (`newslab/data/abbreviations.txt`) so that "Jan. 10", "the U.S." and "Gen. Milley" do not end
# a sentence. Sentences never cross paragraphs.

# %%
sents = nl.sentences(articles)
print(f"{len(sents)} sentences in {len(articles)} article(s)")
sents.head(6)

# %% [markdown]
# `start` and `end` are character offsets into the article's `text`, so every sentence can be
# traced back to its place in the article. This holds for every row:

# %%
texts = dict(zip(articles.article_id, articles.text))
all(texts[r.article_id][r.start:r.end] == r.text for r in sents.itertuples())

# %% [markdown]
# Without the abbreviation list, Punkt would cut the very first sentence after "Jan." (try it:
# `nltk.tokenize.punkt.PunktSentenceTokenizer().tokenize(sents.text[0] + " Biden and Putin ...")`).
#
# ## 4. Tokens
#
# `tokens` turns sentences into word tokens, one row each. The rules follow the Penn Treebank
# conventions that matter for counting: "Russia's" becomes `Russia` + `'s` (so it counts with
# "Russia"), "don't" becomes `do` + `n't`, and "U.S.", "de-escalate" and "100,000" stay whole.
# Each token gets its lower-case form, a stop-word flag (scikit-learn's English list) and an
# alphabetic flag.

# %%
toks = nl.tokens(sents)
print(f"{len(toks)} tokens, {toks.lower.nunique()} distinct lower-case forms")
toks.head(8)

# %%
toks[toks.token.isin(["Russia", "'s", "U.S.", "de-escalate", "100,000"])].drop_duplicates("token")

# %% [markdown]
# ## 5. Word frequencies
#
# `term_frequencies` counts the lower-case terms, leaving out stop words and anything that is
# not a word (numbers, punctuation). The seed is about Russia, Biden and Ukraine, and about
# what was *said*: "said" is the fourth most frequent word, a reminder that news is largely
# reported speech.

# %%
freq = nl.term_frequencies(toks)
freq.head(15)

# %%
top = freq.head(20).iloc[::-1]
fig, ax = plt.subplots(figsize=(7, 6))
ax.barh(top.term, top.n, color="#4c72b0")
ax.set_xlabel("occurrences")
ax.set_title("The 20 most frequent words (stop words removed)")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 6. Keyword in context (KWIC)
#
# A frequency says *how often*; a concordance shows *how*. `kwic` lists every occurrence of a
# word or phrase with the words around it (here 6 on each side). Patterns may be phrases
# ("security talks") or use wildcards ("sanction*").

# %%
nl.kwic(toks, "sanction*", window=6, articles=articles)[["sentence_id", "left", "keyword", "right"]]

# %%
nl.kwic(toks, "de-escalate", window=5, articles=articles)[["sentence_id", "left", "keyword", "right"]]

# %% [markdown]
# ## 7. Which countries does the corpus mention?
#
# News rarely writes just "Russia": it writes "Moscow", "the Kremlin", "Russian troops",
# "Putin". `find_mentions` (module `newslab.countries`) finds every reference to a country by
# its name, a news spelling ("U.S."), a demonym ("Ukrainian"), a capital or institution used
# for its government ("Moscow", "the White House") or a leader in office on the article's date
# ("Biden" is the USA in 2021). Organizations such as NATO are found too, but never counted as
# countries. Each mention is one row, with offsets into the article text. On the project's
# hand-coded gold set (`data/annotations/countries_gold.jsonl`, 247 sentences) it reaches
# precision 0.997 and recall 0.994 (0.988 and 0.988 on its 60 held-out sentences):
# `newslab evaluate countries data/annotations/countries_gold.jsonl`.

# %%
from newslab.countries import count_by_country, countries_only, find_mentions

mentions = find_mentions(sents, articles)
mentions.head(8)

# %% [markdown]
# How often each country is referred to, and in what way:

# %%
counts = count_by_country(mentions)
counts

# %%
cm = countries_only(mentions)
pd.crosstab(cm["country"], cm["kind"])

# %%
top = counts.head(10).iloc[::-1]
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.barh(top.country, top.n_mentions, color="#55a868")
ax.set_xlabel("mentions")
ax.set_title("Countries referred to (names, demonyms, capitals, institutions, leaders)")
fig.tight_layout()
plt.show()

# %% [markdown]
# On the seed, the article is about three countries: the United States, Russia and Ukraine.
# It refers to the United States mostly through its officials and institutions (Biden,
# Blinken, the White House), and to Russia almost half the time through Putin, Moscow or the
# adjective "Russian". Counting country names alone would miss much of the coverage. What the article says *about* each of them,
# and who says it, is the subject of notebook 04.
#
# ## 8. The same from the command line
#
# Everything above is also what the main job does. `newslab analyze` loads a corpus, runs the
# pipeline and writes each table as a file named after it (CSV, and Parquet):
#
# ```
# newslab analyze seeds --out results
# ```
#
# Later notebooks add what the pipeline computes on top of these tables: sentiment (02),
# keywords (03), stance toward each country (04), and how to run it all on a large corpus
# (05).
