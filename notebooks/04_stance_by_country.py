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
# # 04 · Stance toward each country: who is portrayed how, by whom, with the evidence
#
# Whole-sentence sentiment cannot say how a sentence treats each country in it. In *"Germany
# praised Poland for its welcome of refugees while condemning Belarus"* the sentence is mixed,
# but Poland is portrayed positively and Belarus negatively; in *"Russia has massed troops on the
# Ukrainian border"* Russia is the actor and Ukraine is not portrayed negatively at all.
#
# `newslab.stance` scores **every country mention** from the part of the text about it, with
# three methods behind one interface (`score_mentions(sentences, mentions, method=...)`):
#
# | method | what it reads |
# |---|---|
# | `sentence` | the whole sentence's VADER compound (the baseline) |
# | `rules` (default) | the mention's clause; agent vs object of an act (active, passive, noun phrases) from the project's verb-role lexicon; negation, hedges, contrast |
# | `trained` | a scikit-learn model you train on labelled targets (`newslab train-stance`) |
#
# `newslab.attribution` then says **who** says each sentence and which country that speaker
# speaks for, so that stance becomes *dyads*: source country → target country.

# %% tags=["parameters"]
# Parameters: the corpus to analyse (a file or a folder)
CORPUS = "../seeds"

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import newslab as nl
from newslab import plots, stance
from newslab.countries import find_mentions

pd.set_option("display.max_colwidth", 80)
pd.set_option("display.width", 140)
pd.set_option("display.precision", 2)

# %% [markdown]
# ## 1. The countries in the corpus
#
# Mentions come from `newslab.countries.find_mentions` (names, demonyms, capitals,
# institutions such as the Kremlin, and leaders by date).

# %%
articles = nl.load_articles(CORPUS, verbose=False)
sentences = nl.sentences(articles)
mentions = find_mentions(sentences, articles)
mentions.groupby(["country", "kind"]).size().unstack(fill_value=0)

# %%
plots.plot_mention_counts(mentions)
plt.title("Country mentions by kind")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## 2. Per-mention scores, with the evidence
#
# `analyze_stance` runs attribution and the `rules` method over every country mention. Each
# row says which rule decided the score, the act word (`trigger`), the target's role, and the
# clause it was read from: a reader can check every number.

# %%
tables = stance.analyze_stance(articles, sentences=sentences, mentions=mentions)
st = tables["stance"]
st[["sentence_id", "surface", "iso3", "score", "label", "rule", "trigger", "role"]].head(20)

# %% [markdown]
# The rules, one line each (the lexicon of acts is `newslab/data/stance_verbs.csv`, each row
# with its rationale):

# %%
stance.rules_explained()

# %%
stance.verb_lexicon().query("lemma in ['invade', 'condemn', 'praise', 'support', 'sanction']")

# %% [markdown]
# The hard cases from the issue, scored by `score_target` on raw text:

# %%
cases = [
    ("Germany praised Poland for its welcome of refugees while condemning Belarus.",
     ["Germany", "Poland", "Belarus"]),
    ("Russia has massed troops on the Ukrainian border, prompting fears of an invasion.",
     ["Russia", "Ukrainian"]),
    ("Ukraine was invaded by Russia.", ["Ukraine", "Russia"]),
    ("Inspectors concluded that Russia has not violated the treaty.", ["Russia"]),
]
rows = []
for text, targets in cases:
    for t in targets:
        i = text.index(t)
        r = stance.score_target(text, i, i + len(t))
        s = stance.score_target(text, i, i + len(t), method="sentence")
        rows.append({"target": t, "rules": r["label"], "rule": r["rule"],
                     "sentence method": s["label"], "text": text[:60]})
pd.DataFrame(rows)

# %% [markdown]
# ## 3. Per article and country: mean, interval, evidence
#
# `article_stance` gives each article × country the number of mentions, the mean score, a 95%
# bootstrap interval (1,000 resamples, fixed seed) and the strongest evidence. With one
# article the intervals are wide: a handful of mentions is weak evidence.

# %%
a = tables["article_stance"]
a.drop(columns=["article_id", "evidence"])

# %%
plots.plot_country_stance(a)
plt.title("Stance per country in the seed article (rules)")
plt.tight_layout()
plt.show()

# %% [markdown]
# Why Russia scores as it does: the mentions behind the score, strongest first.

# %%
stance.evidence(st, iso3="RUS")[["sentence_id", "surface", "score", "rule", "clause"]].head(8)

# %% [markdown]
# With a corpus that spans months or outlets, `country_stance(stance, articles, by="month")`
# (or `by="outlet"`) gives the same summary per period or outlet, and
# `plots.plot_stance_over_time` draws it (`newslab analyze` writes these tables as
# `country_stance_by_month` and `country_stance_by_outlet` when the corpus varies):

# %%
by_month = stance.country_stance(st, articles, by="month")
if by_month["month"].nunique() > 1:
    plots.plot_stance_over_time(by_month, time="month")
    plt.title("Stance over time (rules)")
    plt.show()
else:
    print(f"one month in this corpus ({by_month['month'].iloc[0]}): no time series to draw")

# %% [markdown]
# ## 4. Who says it: attribution and dyads
#
# Each sentence is attributed, where the text allows, to a speaker and the speaker to a
# country: "Psaki said" (White House press secretary, named elsewhere in the article), "a State
# Department spokesperson said", "Ushakov said" (Russian: "Yury Ushakov, an aide to Putin").
# Sentences inside a quotation take the quotation's speaker, also when the seed's quotes are
# unbalanced (the paragraph that opens inside Ushakov's quote, and the one that runs on after
# "Ushakov said.").

# %%
att = tables["attribution"].merge(sentences[["article_id", "sentence_id", "text"]])
att[["sentence_id", "speaker", "speaker_iso3", "how", "text"]]

# %%
d = tables["stance_dyads"]
d.drop(columns=["evidence"])

# %%
plots.plot_dyads(d)
plt.title("Source -> target stance in the seed article")
plt.tight_layout()
plt.show()

# %% [markdown]
# US officials' statements about Russia come out negative toward Russia on balance (urged to
# de-escalate, "if Russia further invades", "Russia's military buildup"), though with one
# article the interval includes zero; Russian officials' statements (Ushakov) about the United
# States are mixed: they report Biden's warnings of sanctions, which the rules read as negative
# in tone, next to talk of "common ground".

# %% [markdown]
# ## 5. Comparing the methods on the project's gold set
#
# `data/annotations/stance_gold.jsonl` holds 279 sentence–target pairs about countries (the
# seed's sentences, the hard cases and news-style sentences written for newslab),
# labelled by how the sentence portrays the target (guideline in `data/annotations/README.md`).
# It is in the repository, so the comparison runs live here:

# %%
gold = stance.read_gold("../data/annotations/stance_gold.jsonl")
res = {m: stance.evaluate(gold, method=m) for m in ("sentence", "rules")}
pd.DataFrame({m: {"n": r["n"], "accuracy": round(r["accuracy"], 3),
                  "macro_f1": round(r["macro_f1"], 3),
                  **{f"F1 {k}": round(v["f1"], 3) for k, v in r["per_class"].items()}}
              for m, r in res.items()}).T

# %%
pd.DataFrame(res["rules"]["confusion"], index=[f"gold {x}" for x in stance.LABELS],
             columns=[f"pred {x}" for x in stance.LABELS])

# %% [markdown]
# Same figures from the command line:
# `newslab evaluate stance data/annotations/stance_gold.jsonl --method rules` (and
# `--method sentence`). The gold set was labelled before and independently of the rules, but
# it was written by the same team that wrote the lexicon, and after reading the rules' errors
# on it we made structural fixes (a sentence-final ", officials said" closes the reported
# clause; words whose sense comes from elsewhere, such as "ranked" or "soared", no longer
# decide a role); the labels were not changed. Treat it as a development check, and the
# NewsMTSC figures below as the external measure.
#
#
# **External check: NewsMTSC** (target-dependent sentiment in news; targets are mostly people,
# not countries). Macro-F1 measured with `newslab evaluate stance
# ../shared/eval/newsmtsc/devtest_rw.jsonl --method sentence|rules` and, for `trained`,
# `newslab train-stance ../shared/eval/newsmtsc/train.jsonl --out mtsc.joblib` (8,739 targets,
# about 12 s on 2 CPU cores, features included) then `newslab evaluate stance ... --model mtsc.joblib` (the last column applies that same
# model, trained on people-targets, to the project's country gold set):
#
# | method | devtest_rw | devtest_mt | project gold (279) |
# |---|---|---|---|
# | `sentence` (VADER, news lexicon) | 0.536 | 0.497 | 0.648 |
# | `rules` | 0.568 | 0.509 | 0.866 |
# | `trained` (on NewsMTSC train) | 0.668 | 0.639 | 0.746 |
# | for reference: fine-tuned RoBERTa (GRU-TSC, published) | 0.831 | 0.825 | – |
#
# The rules are built for countries as actors in conflict and diplomacy; on NewsMTSC's
# people-targets they beat the baseline only slightly. The trained model is a linear model on
# target-aware features (target masked, left and right context, lexicon and rule signals): it
# is fast and transparent, but far from fine-tuned transformers. No model trained on outside
# data ships with newslab.

# %% [markdown]
# ## 6. What the method can and cannot see
#
# **It can see**
# - who does what to whom inside one clause, in active and passive voice and in noun phrases
#   ("Russia's invasion of Ukraine", "support for Ukraine", "sanctions on Russia"), for the
#   ~200 acts in its lexicon;
# - negation next to the act ("has not violated", "failed to comply"), hedges ("might
#   invade", "if Russia invades") and contrast clauses (but, while, whereas, despite);
# - named speakers and their countries through titles, institutions and leaders, and quotes
#   that run over several sentences.
#
# **It cannot see**
# - acts outside its lexicon (then it falls back to the clause's tone, which can be about
#   something else: "Russian officials declined to comment" is fine, "Moscow would face severe
#   consequences" counts as negative for Moscow);
# - coreference: "it", "its", "the country" are not linked to a country, so "Venezuela
#   expelled the German ambassador, accusing him of meddling" says nothing of Germany via
#   "him";
# - irony, sarcasm, and implication across sentences ("This time, the White House will go
#   further" assumes the reader knows what happened before);
# - long-distance syntax: without a parser, the agent is the nearest phrase before the verb in
#   its clause, which fails on long subjects and embedded clauses;
# - the speaker's gender or the right antecedent of "she": a pronoun takes the previous
#   speaker in the article (in the seed, the "she added" of Psaki's statement is given to the
#   previous speaker, Biden; the country is still right);
# - how a reader, or an outlet's audience, feels: scores describe portrayal in the text.
#
# On other targets (people, parties: NewsMTSC), the rules are only slightly better than the
# sentence baseline; a model trained on labelled data from your own domain does better.
