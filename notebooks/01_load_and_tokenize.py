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
# **Question.** What exactly is in a corpus of news articles, and how do we turn files on disk
# into units we can count: articles, sentences, words, and the countries they mention?
#
# **After this notebook you can**
# - load a file or folder of articles into newslab's `articles` table and see what was skipped;
# - recognise the data quirks of scraped news (lost dashes, paragraphs out of order, unbalanced
#   quotes) and how newslab handles them;
# - split text into sentences and tokens whose character offsets lead back to the source;
# - count words, read them in context (KWIC) and find the countries a corpus refers to.
#
# Every table is *tidy*: one unit per row, ids in columns (as in R's *tidytext* and
# *quanteda*), so every analysis after this is an ordinary pandas operation.
#
# | table | one row per | keyed by |
# |---|---|---|
# | `articles` | article | `article_id` |
# | `sentences` | sentence | `article_id`, `sentence_id` |
# | `tokens` | word or punctuation mark | `article_id`, `sentence_id`, `token_id` |
#
# `CORPUS` below defaults to the project's seed folder. Point it at your own corpus (a file or
# a folder) or run `papermill 01_load_and_tokenize.ipynb out.ipynb -p CORPUS /path/to/corpus`:
# every sentence below that describes the corpus is computed from it.

# %% tags=["parameters"]
# Parameters: the corpus to load (a file or a folder; .txt, .csv, .jsonl or .parquet)
CORPUS = "../seeds"

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

import newslab as nl
from newslab import plots, schema
from newslab.notebook import load_or_stop, show

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.precision", 3)


# %% [markdown]
# ## 1. Loading the corpus
#
# `load_articles` reads a file or a whole folder (recursively) and returns the `articles`
# table. Files it cannot use are listed with the reason: nothing is dropped silently. An empty
# or unreadable corpus stops here with one line saying why.

# %%
# nothing to analyse: one line, no traceback, and the notebook stops here
articles = load_or_stop(CORPUS)
skipped = nl.skipped_table(articles)
dated = articles["date"].notna()
first_day, last_day = articles.loc[dated, "date"].min(), articles.loc[dated, "date"].max()
span = ("with no dates" if not dated.any() else f"dated {first_day:%d %B %Y}"
        + ("" if last_day == first_day else f" to {last_day:%d %B %Y}"))
outlets = articles["outlet"].dropna().unique()
display(Markdown(
    f"This corpus: **{len(articles):,} article(s)** from {articles['path'].nunique():,} "
    f"file(s), {dated.sum():,} of them {span}; {len(outlets):,} outlet(s)"
    + (f" ({', '.join(sorted(outlets)[:5])}{', ...' if len(outlets) > 5 else ''})"
       if len(outlets) else "") + f"; {len(skipped):,} file(s) or row(s) skipped."))
articles[["article_id", "title", "date", "outlet", "dateline", "n_paragraphs"]].head(10)

# %% [markdown]
# Every column is documented once, in `newslab.schema`; the same descriptions apply to the
# files that `newslab analyze` writes:

# %%
print(schema.describe("articles"))

# %% [markdown]
# - `article_id` is stable: the input's `id` column, or a hash of URL, title and text, so the
#   same article gets the same id on every machine and run.
# - `date` is a real datetime; missing or unreadable dates become `NaT` with a warning.
# - `outlet` is the URL's domain and `dateline` the place name that opens a story.
# - `duplicate_of` flags an article whose URL or text repeats an earlier one.
#
# What was skipped, and why (the first rows):

# %%
skipped.head(10)

# %% [markdown]
# ## 2. The data's quirks
#
# Scraped news is messy. Three problems are common; here is how often each occurs in this
# corpus, and what newslab does about it. Know them before trusting any count.
#
# **Lost dashes.** Between web page and file, em dashes are often deleted, leaving two spaces
# behind (`Putin  diplomacy`). The loader puts the dash back (`Putin — diplomacy`) so that
# sentence splitting and datelines work; `repair_dashes=False` keeps the text as stored. The
# raw `.txt` lines with a doubled space between two words:

# %%
import re
from pathlib import Path

LOST_DASH = re.compile(r"\w {2}\w")
files = sorted(Path(CORPUS).rglob("*.txt")) if Path(CORPUS).is_dir() else [Path(CORPUS)]
files = [f for f in files if f.suffix == ".txt"]
hits = [(f.name, line) for f in files
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines()
        if LOST_DASH.search(line)]
if not files:
    print("no .txt files in this corpus: raw lines are not shown for other formats")
else:
    print(f"{len(hits):,} line(s) with a lost dash in {len({h[0] for h in hits}):,} of "
          f"{len(files):,} .txt file(s)")
    for name, line in hits[:4]:
        i = LOST_DASH.search(line).start()
        print("   ", repr(line[max(0, i - 35): i + 30]))

# %% [markdown]
# **Paragraphs out of order.** A story's real opening is its dateline paragraph
# (`WASHINGTON — ...`). When that paragraph is not the first one stored, the file's order is
# not the reading order. newslab keeps the stored order (`paragraph_id`) and does not guess;
# "the lead paragraph" or "the first mention" then mean little for those articles.

# %%
def dateline_paragraph(row):
    for pid, para in enumerate(row.paragraphs):
        if row.dateline and para.startswith(row.dateline):
            return pid
    return None


with_dateline = articles[articles["dateline"].notna()]
pos = with_dateline.apply(dateline_paragraph, axis=1)
late = with_dateline[pos.fillna(0) > 0]
print(f"{len(with_dateline):,} article(s) have a dateline; in {len(late):,} of them it is "
      "not the first stored paragraph")
if len(late):
    row = late.iloc[0]
    print(f"e.g. {row.article_id}: dateline paragraph is paragraph {pos[row.name]:.0f} "
          f"of {row.n_paragraphs}:\n    {row.paragraphs[int(pos[row.name])][:100]} ...")

# %% [markdown]
# **Unbalanced quotation marks.** Paragraphs that open a quotation closed in another
# paragraph, or close one never opened. Sentence splitting and tokenization do not depend on
# balanced quotes; *who is speaking* is harder, and notebook 04 takes it up.

# %%
paras = articles[["article_id", "paragraphs"]].explode("paragraphs").dropna()
paras["quote_marks"] = paras["paragraphs"].str.count('"')
odd = paras[paras["quote_marks"] % 2 == 1]
print(f"{len(odd):,} of {len(paras):,} paragraphs have an odd number of straight quotes, "
      f"in {odd['article_id'].nunique():,} article(s)")
odd.assign(starts_with=odd["paragraphs"].str[:60]).drop(columns="paragraphs").head(6)

# %% [markdown]
# ## 3. Sentences
#
# `sentences` splits every paragraph into sentences with NLTK's Punkt algorithm **without a
# trained model** (no `nltk.download()`, the same result on every machine), plus a list of
# news abbreviations (`newslab/data/abbreviations.txt`) so that "Jan. 10", "the U.S." and
# "Gen. Milley" do not end a sentence. Sentences never cross paragraphs.

# %%
sents = nl.sentences(articles)
per_article = sents.groupby("article_id").size()
print(f"{len(sents):,} sentences in {len(articles):,} article(s): "
      f"median {per_article.median():.0f} per article (min {per_article.min()}, "
      f"max {per_article.max()})")
sents.head(6)

# %% [markdown]
# `start` and `end` are character offsets into the article's `text`: every sentence can be
# traced back to its place. This holds for every row:

# %%
texts = dict(zip(articles.article_id, articles.text))
all(texts[r.article_id][r.start:r.end] == r.text for r in sents.itertuples())

# %% [markdown]
# What the abbreviation list changes: newslab's sentences that plain Punkt, which knows no
# abbreviations, would cut in two or more (usually after a title, an initial or a month):

# %%
import nltk

plain = nltk.tokenize.punkt.PunktSentenceTokenizer()
checked = sents.head(20_000)
cut = checked[checked["text"].map(lambda t: len(plain.tokenize(t)) > 1)]
print(f"plain Punkt cuts {len(cut):,} of the {len(checked):,} sentences checked")
for t in cut["text"].head(3):
    pieces = plain.tokenize(t)
    print("   ", " || ".join([p[-50:] for p in pieces[:-1]] + [pieces[-1][:30]]))

# %% [markdown]
# ## 4. Tokens
#
# `tokens` turns sentences into word tokens, one row each, following the Penn Treebank
# conventions that matter for counting: "Russia's" becomes `Russia` + `'s` (so it counts with
# "Russia"), "don't" becomes `do` + `n't`, and "U.S.", "de-escalate" and "100,000" stay whole.
# Each token gets its lower-case form, a stop-word flag (scikit-learn's English list) and an
# alphabetic flag.

# %%
toks = nl.tokens(sents)
print(f"{len(toks):,} tokens, {toks['lower'].nunique():,} distinct lower-case forms")
toks.head(8)

# %%
examples = toks[toks["token"].str.contains(r"^'s$|^n't$|\w\.\w\.|\w-\w|\d,\d", regex=True)]
examples.drop_duplicates("token").head(8)

# %% [markdown]
# ## 5. Word frequencies
#
# `term_frequencies` counts lower-case terms, leaving out stop words and anything that is not
# a word (numbers, punctuation).

# %%
freq = nl.term_frequencies(toks)
top_terms = freq["term"].head(5).tolist()
said = freq.index[freq["term"].eq("said")]
display(Markdown(
    f"The most frequent words: *{'*, *'.join(top_terms)}*. "
    + (f"*said* ranks {said[0] + 1}: news is largely reported speech."
       if len(said) else "*said* is not among them: this corpus is not mostly reported speech.")))
freq.head(15)

# %%
ax = plots.plot_counts(freq, "term", "n", top=20, xlabel="occurrences", what="words",
                       title="The 20 most frequent words (stop words removed)")
plt.tight_layout()
show(ax)

# %% [markdown]
# ## 6. Keyword in context (KWIC)
#
# A frequency says *how often*; a concordance shows *how*. `kwic` lists every occurrence of a
# word or phrase with the words around it (here 6 on each side). Patterns may be phrases
# ("security talks") or use wildcards ("sanction*"). The corpus's most frequent word:

# %%
k = nl.kwic(toks, top_terms[0], window=6, articles=articles)
print(f"{len(k):,} occurrences of {top_terms[0]!r}; the first ten:")
k[["article_id", "sentence_id", "left", "keyword", "right"]].head(10)

# %% [markdown]
# ## 7. Which countries does the corpus mention?
#
# News rarely writes just "Russia": it writes "Moscow", "the Kremlin", "Russian troops",
# "Putin". `find_mentions` (`newslab.countries`) finds every reference to a country by its
# name, a news spelling ("U.S."), a demonym ("Ukrainian"), a capital or institution used for
# its government ("the White House") or a leader in office on the article's date. Organizations
# such as NATO are found too, but never counted as countries. Each mention is one row with
# offsets into the article text. How well it works on hand-coded sentences:
# `newslab evaluate countries data/annotations/countries_gold.jsonl`.

# %%
from newslab.countries import count_by_country, countries_only, find_mentions

mentions = find_mentions(sents, articles)
mentions.head(8)

# %%
counts = count_by_country(mentions)
counts.head(15)

# %%
cm = countries_only(mentions)
kinds = pd.crosstab(cm["country"], cm["kind"])
kinds.loc[kinds.sum(axis=1).sort_values(ascending=False, kind="stable").index].head(15)

# %%
if cm.empty:
    print("no country mentions in this corpus: nothing to chart")
else:
    ax = plots.plot_mention_counts(cm, top=10)
    ax.set_title("Countries referred to, by kind of mention")
    plt.tight_layout()
    show(ax)

# %%
if cm.empty:
    display(Markdown("No country is mentioned in this corpus."))
else:
    top3 = cm["country"].value_counts().head(3)
    by_name = cm["kind"].eq("name").groupby(cm["country"]).mean()
    display(Markdown(
        f"{len(cm):,} country mentions of {cm['country'].nunique():,} countries in "
        f"{cm['article_id'].nunique():,} article(s). The most mentioned: "
        + ", ".join(f"**{c}** ({n:,}; {100 * by_name[c]:.0f}% by name)" for c, n in top3.items())
        + f". Overall, {100 * (1 - cm['kind'].eq('name').mean()):.0f}% of mentions are not the "
        "country's name (demonyms, capitals, institutions, leaders): counting names alone "
        "would miss them. What the text says *about* each country is notebook 04's subject."))

# %% [markdown]
# ## 8. The same from the command line
#
# `newslab analyze` loads a corpus, runs the whole pipeline and writes each table as a file
# named after it (CSV and Parquet), with a data dictionary:
#
# ```
# newslab analyze CORPUS --out results
# ```
#
# Later notebooks build on these tables: sentiment (02), keywords (03), stance toward each
# country (04), and trends over a whole corpus (05).

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# **Exercise 1.** Which article has the most sentences, and how many tokens does it have?

# %% tags=["solution"] jupyter={"source_hidden": true}
longest = per_article.idxmax()
print(f"{longest}: {per_article.max()} sentences, "
      f"{int(toks['article_id'].eq(longest).sum()):,} tokens")
articles.loc[articles["article_id"].eq(longest), ["title", "date", "outlet"]]

# %% [markdown] tags=["exercise"]
# **Exercise 2.** Reporting verbs (*said*, *told*, *added*, *says*) dominate news word counts.
# Drop them and list the next ten most frequent words.

# %% tags=["solution"] jupyter={"source_hidden": true}
reporting = {"said", "says", "say", "told", "added", "according"}
freq[~freq["term"].isin(reporting)].head(10)

# %% [markdown] tags=["exercise"]
# **Exercise 3.** Take the most mentioned country and read five of its mentions in context
# with `nl.kwic` (hint: use the surfaces in `mentions`, e.g. its name).

# %% tags=["solution"] jupyter={"source_hidden": true}
if cm.empty:
    print("no country mentions in this corpus")
else:
    top_country = cm["country"].value_counts().index[0]
    surface = cm.loc[cm["country"].eq(top_country), "surface"].value_counts().index[0]
    print(f"{top_country}, written {surface!r}:")
    display(nl.kwic(toks, surface, window=6, articles=articles)[["left", "keyword", "right"]]
            .head(5))

# %% [markdown]
# ## Glossary
#
# - **corpus**: the collection of texts analysed together (here: `CORPUS`).
# - **tidy table**: one observation per row, one variable per column, ids in columns.
# - **token**: one word or punctuation mark as the tokenizer cuts it; **type**: a distinct
#   token form (`lower`).
# - **stop word**: a very frequent function word (*the*, *of*) left out of counts.
# - **Punkt**: NLTK's unsupervised sentence splitter, which learns abbreviations from text;
#   newslab runs it untrained with a fixed abbreviation list.
# - **offset**: a character position in the article text (`start`, `end`).
# - **KWIC** (keyword in context): a concordance listing each occurrence with its neighbours.
# - **dateline**: the place name that opens a news story ("WASHINGTON —").
# - **mention**: one reference to a country by name, demonym, capital, institution or leader.
#
# ## Reading list
#
# - Silge, J. & Robinson, D. (2017). *Text Mining with R: A Tidy Approach*. O'Reilly (ch. 1).
# - Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
#   *Computational Linguistics* 32(4).
# - Bird, S., Klein, E. & Loper, E. (2009). *Natural Language Processing with Python*, ch. 3.
# - Grimmer, J., Roberts, M. & Stewart, B. (2022). *Text as Data*. Princeton UP (ch. 5: the
#   choices of preprocessing).
