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
# # 02 · Sentiment: VADER, made fit for news
#
# **Question.** How negative or positive is the language of these articles, sentence by
# sentence and article by article, and how far can a word-list method be trusted on news?
#
# **After this notebook you can**
# - score sentences, paragraphs and articles with VADER and read its `compound` score and labels;
# - explain why a lexicon built for social media misreads news, and what newslab's news
#   extension changes;
# - choose between the common definitions of an article's tone (mean compound, shares,
#   GDELT-style tone);
# - say where sentiment stops being useful: it is tone, not stance.
#
# **VADER** (Hutto & Gilbert 2014) is a rule-based scorer: a lexicon of about 7,500 words
# rated from -4 to +4 by people, plus rules for negation ("not good"), boosters ("very
# good"), "but", capitals and exclamation marks. News differs from social media in two ways:
# **missing words** (no entry for *invasion*, *sanctions*, *ceasefire*, *refugees*, nor the
# verbs of economic news, *rose*, *fell*) and **wrong senses** (*United* +1.8 as in the
# United States, *interest* +2.0 as in interest rates, *crude* -2.7 as in crude oil).
# newslab therefore scores with VADER's rules plus a **news extension** of the lexicon
# (`newslab/data/vader_news.tsv`; `lexicon="vader"` for plain VADER).
#
# Set `CORPUS` to run on your own articles; every sentence about the corpus is computed.

# %% tags=["parameters"]
# Parameters: the corpus to load (a file or a folder; .txt, .csv, .jsonl or .parquet)
CORPUS = "../seeds"

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

import newslab as nl
from newslab import plots, schema, sentiment as st, stats
from newslab.notebook import load_or_stop, show

pd.set_option("display.max_colwidth", 100)
pd.set_option("display.precision", 3)
pd.set_option("display.width", 120)


# %% [markdown]
# ## 1. Sentence scores
#
# `score_sentences` takes the `sentences` table and returns one row per sentence: VADER's
# `neg`, `neu` and `pos` (the shares of the sentence's sentiment that are negative, neutral
# and positive), the `compound` score in [-1, 1], and a `label`.

# %%
# nothing to analyse: one line, no traceback, and the notebook stops here
articles = load_or_stop(CORPUS)
sents = nl.sentences(articles)
scores = st.score_sentences(sents)            # lexicon="news" is the default
print(f"{len(scores):,} sentences in {len(articles):,} article(s)")
print(schema.describe("sentence_sentiment"))

# %% [markdown]
# The label comes from the compound score with the cut-offs VADER's authors recommend:

# %%
print(f"positive: compound >= {st.POS_THRESHOLD}   negative: compound <= {st.NEG_THRESHOLD}"
      "   neutral: in between")
scores["label"].value_counts().reindex(["negative", "neutral", "positive"], fill_value=0)

# %% [markdown]
# The sentences of one article, the first of the corpus:

# %%
first = articles["article_id"].iloc[0]
print(articles.loc[articles.article_id == first, "title"].iloc[0])
view = (sents[["article_id", "paragraph_id", "sentence_id", "text"]]
        .merge(scores, on=["article_id", "sentence_id"]))
one = view[view.article_id == first].drop(columns="article_id")
one[["paragraph_id", "sentence_id", "text", "neg", "neu", "pos", "compound", "label"]].head(12)

# %% [markdown]
# ### The most negative and the most positive sentences of the corpus
#
# Read them before trusting any average: which words carry each score, and is the
# sentiment the outlet's, a quoted speaker's, or just the topic's?

# %%
view.nsmallest(5, "compound")[["article_id", "sentence_id", "compound", "text"]]

# %%
view.nlargest(5, "compound")[["article_id", "sentence_id", "compound", "text"]]

# %% [markdown]
# ### Distribution
#
# Plain VADER and the news lexicon on the same sentences. The bins are aligned with the
# neutral band (shaded), so a bar never mixes neutral and polar sentences; the legend says
# how many sentences score exactly 0, i.e. contain no sentiment word at all.

# %%
plain = st.score_sentences(sents, lexicon="vader")
ax = plots.plot_compound_hist({"VADER": plain["compound"], "VADER + news": scores["compound"]},
                              neg=st.NEG_THRESHOLD, pos=st.POS_THRESHOLD)
ax.set_title("Sentence sentiment")
plt.tight_layout()
show(ax)

# %%
moved = (plain["compound"] != scores["compound"]).mean()
display(Markdown(
    f"The news lexicon changes the score of {100 * moved:.0f}% of the sentences; "
    f"{100 * (plain['label'] == 'negative').mean():.0f}% are negative with plain VADER and "
    f"{100 * (scores['label'] == 'negative').mean():.0f}% with the news lexicon "
    f"({100 * (plain['label'] == 'positive').mean():.0f}% and "
    f"{100 * (scores['label'] == 'positive').mean():.0f}% positive)."))

# %% [markdown]
# ## 2. Tone by paragraph
#
# `score_paragraphs` gives each paragraph VADER run on the paragraph as one unit (`compound`)
# and the mean of its sentences' compounds (`mean_compound`, which the label follows). On a
# long paragraph the whole-paragraph `compound` grows with length, because VADER sums word
# valences before normalising; the mean does not. Paragraphs are in stored order, which is
# not always reading order (notebook 01).

# %%
paras = st.score_paragraphs(sents, sentence_scores=scores)
p1 = paras[paras.article_id == first].drop(columns="article_id")
p1.head(20)

# %%
ax = plots.plot_diverging_bars(p1.head(40), "paragraph_id", "mean_compound", vertical=True,
                               scale=plots.SCALE, xlabel="mean sentence compound",
                               what="paragraphs", title="Tone by paragraph, first article")
ax.set_xlabel("paragraph (stored order)")
plt.tight_layout()
show(ax)

# %% [markdown]
# ## 3. Article tone, in the forms researchers compare
#
# There is no single "tone of an article". `article_tone` returns the common definitions:
#
# | column | definition | used by |
# |---|---|---|
# | `mean_compound` | mean of the sentences' compound scores (the `label` follows it) | most VADER studies |
# | `share_positive`, `share_negative` | shares of sentences labelled positive / negative | sentence-counting designs |
# | `pos_word_pct`, `neg_word_pct` | % of words with a positive / negative lexicon valence | GDELT's PositiveScore / NegativeScore |
# | `gdelt_tone` | `pos_word_pct - neg_word_pct` | GDELT's Tone (about -10..+10 for news) |
# | `compound` | VADER on the whole text at once | comparison only: it saturates near ±1 on long texts |
#
# The GDELT-style measures count lexicon words without VADER's rules, as GDELT does.

# %%
tones = {lx: st.article_tone(sents, lexicon=lx) for lx in ("vader", "news")}
pd.concat({lx: t.set_index("article_id").loc[first] for lx, t in tones.items()}, axis=1)

# %% [markdown]
# Over the corpus: the mean article tone with a 95% bootstrap interval over articles
# (`newslab.stats`), and the share of articles each lexicon labels negative.

# %%
rows = {}
for lx, t in tones.items():
    mean, lo, hi = stats.cluster_bootstrap(t["mean_compound"], t["article_id"])
    rows[lx] = {"articles": len(t), "mean tone": mean, "ci_low": lo, "ci_high": hi,
                "share negative": (t["label"] == "negative").mean(),
                "mean gdelt_tone": t["gdelt_tone"].mean()}
corpus_tone = pd.DataFrame(rows).T
corpus_tone

# %%
v, n = corpus_tone.loc["vader"], corpus_tone.loc["news"]
display(Markdown(
    f"Over {int(n['articles']):,} article(s), the mean tone is {v['mean tone']:+.3f} with plain "
    f"VADER and {n['mean tone']:+.3f} with the news lexicon; "
    + ("the single article's interval is the value itself: one article is no sample."
       if n["articles"] < 2 else
       f"the news lexicon's 95% interval runs from {n['ci_low']:+.3f} to {n['ci_high']:+.3f}.")))

# %% [markdown]
# ## 4. What the news extension changes, and why
#
# The extension is a table inside the package, one row per word with its valence on
# VADER's scale, a category and a note:

# %%
ext = st.news_extension()
summary = ext.groupby("category").agg(words=("word", "size"),
                                      examples=("word", lambda w: ", ".join(w[:6])))
summary.sort_values("words", ascending=False)

# %% [markdown]
# How the entries were chosen (the file's header says the same):
#
# - **Conflict, humanitarian, justice, diplomacy**: the vocabulary of international conflict
#   reporting that VADER lacks, following the event families of the CAMEO/GDELT codebook.
#   Valences are set against VADER's own ratings of neighbouring words: *invasion* sits
#   between *attack* and *war*; *ceasefire* below *peace*.
# - **Economy**: distress and recovery words, and the **direction words** of economic
#   reporting (*rose*, *fell*, *narrowed*). Whether "X rose" is good news depends on X:
#   sales rose is good, costs rose is bad, and "the loss narrowed" is good although both words
#   sound negative (Malo et al. 2014). One rule composes them: a direction word takes its sign
#   from the nearest **quantity word** within 4 words.
# - **News sense**: words whose VADER rating reflects an everyday sense news rarely uses are
#   set to 0 (*United*, *like*, *interest*, *security*, *crude*, *Supreme*, ...).
#
# The entries were written from domain knowledge before any evaluation, not picked from the
# errors on an evaluation set. The sentences of this corpus whose label changes, with the
# words that made the difference (the first 15):

# %%
changes = st.label_changes(sents)
print(f"{len(changes):,} of {len(sents):,} sentences change label")
changes[["sentence_id", "label_vader", "label_news", "compound_vader", "compound_news",
         "words", "text"]].head(15)

# %% [markdown]
# The rule at work, on sentences written for this notebook:

# %%
examples = [
    "Russia has massed 100,000 troops along the Ukrainian border, prompting fears of an invasion.",
    "Putin replied that this could lead to a complete rupture of relations.",
    "The two sides declared a ceasefire.",
    "Net sales rose by 5 % to EUR 205 mn.",
    "Operating profit fell to EUR 3.2 mn from EUR 5.4 mn.",
    "The operating loss narrowed to EUR 1.1 mn.",
    "Costs increased sharply in the quarter.",
    "The United States and Russia will hold talks.",
]
rows = []
for t in examples:
    v = st.polarity_scores(t, lexicon="vader")["compound"]
    n = st.polarity_scores(t, lexicon="news")["compound"]
    rows.append({"text": t, "vader": v, "label_vader": st.label_from_compound(v),
                 "news": n, "label_news": st.label_from_compound(n)})
pd.DataFrame(rows)

# %% [markdown]
# ## 5. How well it agrees with people
#
# `newslab evaluate sentiment GOLD` scores labelled sentences and reports accuracy, macro-F1,
# per-class precision and recall and the confusion matrix (`--lexicon vader` for plain
# VADER). It reads JSON Lines `{"text", "label"}`, per-target JSON Lines, Financial
# PhraseBank and NewsMTSC files in place. The measured figures, on financial news, US
# political news and the project's conflict and diplomacy sentences, are in the README.
#
# ## 6. Limits: sentiment is not stance
#
# - **Tone, not target.** A sentence's score mixes everything in it: "support for Ukraine in
#   the face of Russia's buildup" is positive towards one country and negative towards the
#   other, and VADER gives it one number. Who the sentiment is *about* is stance (notebook 04).
# - **Reported speech.** News quotes people; the negativity of a quote is the speaker's, not
#   the outlet's.
# - **Negativity is the genre.** Conflict coverage is negative whatever the outlet's
#   sympathies; compare tone *between* outlets or over time, not against zero.
# - **A lexicon is a list.** Words out of the lexicon count for nothing, sarcasm and irony are
#   missed, and the direction rule only looks 4 words around a verb.
#
# `newslab analyze CORPUS` writes these tables too: `sentence_sentiment`,
# `paragraph_sentiment` and `article_sentiment`, all with the news lexicon.

# %% [markdown] tags=["exercise"]
# ## Exercises
#
# **Exercise 1.** Which ten words of the news extension occur most often in this corpus?
# (Hint: the tokens' `lower` column and `st.news_extension()["word"]`.)

# %% tags=["solution"] jupyter={"source_hidden": true}
toks = nl.tokens(sents)
ext_words = set(ext["word"].str.lower())
(toks[toks["lower"].isin(ext_words)]["lower"].value_counts().head(10)
 .rename_axis("word").reset_index(name="n")
 .merge(ext.assign(word=ext["word"].str.lower())[["word", "valence", "category"]],
        on="word", how="left").drop_duplicates("word"))

# %% [markdown] tags=["exercise"]
# **Exercise 2.** Which article is the most negative by `mean_compound` (news lexicon), and
# do the GDELT-style tone and the share of negative sentences agree with that ranking?

# %% tags=["solution"] jupyter={"source_hidden": true}
t = tones["news"].merge(articles[["article_id", "title"]], on="article_id")
ranks = t[["mean_compound", "gdelt_tone", "share_negative"]].rank()
print("rank correlation of the three measures over articles:" if len(t) > 2 else
      "with fewer than three articles, a rank correlation means nothing")
if len(t) > 2:
    display(ranks.corr(method="spearman").round(2))
t.nsmallest(3, "mean_compound")[["article_id", "title", "mean_compound", "gdelt_tone",
                                 "share_negative"]]

# %% [markdown] tags=["exercise"]
# **Exercise 3.** Write three sentences of your own where VADER and the news lexicon
# disagree, and explain each difference with `st.polarity_scores`.

# %% tags=["solution"] jupyter={"source_hidden": true}
mine = ["Interest rates rose again.", "The crude price fell.", "Unemployment declined."]
pd.DataFrame([{"text": t, "vader": st.polarity_scores(t, lexicon="vader")["compound"],
               "news": st.polarity_scores(t, lexicon="news")["compound"]} for t in mine])

# %% [markdown]
# ## Glossary
#
# - **lexicon**: a list of words with a rated sentiment (**valence**), here on VADER's -4..+4.
# - **compound**: VADER's summary score: the sum of valences after rules, normalised to
#   [-1, 1] by x / sqrt(x² + 15).
# - **neg / neu / pos**: the shares of a text's sentiment mass that are negative, neutral,
#   positive.
# - **neutral band**: compound between -0.05 and +0.05, labelled neutral.
# - **negation, booster**: rules that flip ("not good") or scale ("very good") a valence.
# - **GDELT tone**: % positive words minus % negative words, without rules.
# - **bootstrap interval**: resample the units (here articles) with replacement, recompute the
#   statistic many times, and take the middle 95% of the results.
# - **macro-F1**: the F1 score (harmonic mean of precision and recall) of each class,
#   averaged with equal weight per class.
#
# ## Reading list
#
# - Hutto, C. & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
#   analysis of social media text. *ICWSM*.
# - Malo, P. et al. (2014). Good debt or bad debt: Detecting semantic orientations in
#   economic texts. *JASIST* 65(4) (Financial PhraseBank).
# - Young, L. & Soroka, S. (2012). Affective news: The automated coding of sentiment in
#   political texts. *Political Communication* 29(2).
# - Hamborg, F. & Donnay, K. (2021). NewsMTSC: A dataset for (multi-)target-dependent
#   sentiment classification in political news articles. *EACL*.
# - van Atteveldt, W., van der Velden, M. & Boukes, M. (2021). The validity of sentiment
#   analysis: Comparing manual annotation, crowd-coding, dictionary approaches, and machine
#   learning algorithms. *Communication Methods and Measures* 15(2).
