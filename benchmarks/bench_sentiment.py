"""Sentence scoring speed: NLTK's VADER, the reference vaderSentiment, and newslab.

All four scorers run in this one process on the same sentences, each with a fresh object
(newslab's token cache starts empty), best of ``--repeat`` runs:

- ``nltk``: ``nltk.sentiment.vader.SentimentIntensityAnalyzer`` (its lexicon taken from the
  installed vaderSentiment package, since NLTK ships none and ``nltk.download`` is not
  allowed);
- ``vaderSentiment``: the reference implementation by VADER's authors (the baseline);
- ``newslab (vader)``: ``newslab.sentiment.get_analyzer("vader")``, same scores as the
  reference;
- ``newslab (news)``: with the news extension and its rule.

It then scores one long text (about 10,000 words, as when a whole document is scored at
once), where the reference's quadratic "but" rule shows, and prints how often each agrees
with the reference to 1e-6, and where NLTK spends its time (cProfile on a sample): the
answer to "why is NLTK's port about 2-3x slower?".

Sentences: Financial PhraseBank (50% agreement file), NewsMTSC and BBC News sentences from
../shared/eval when present (read at run time, never copied), else the seed article's
sentences, repeated up to ``--n``.

    python benchmarks/bench_sentiment.py [--n 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import sys
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# ../shared/eval beside the repository, or $NEWSLAB_EVAL_DIR (the tests' variable)
EVAL = Path(os.environ.get("NEWSLAB_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def load_sentences(n: int) -> tuple[list[str], str]:
    texts, sources = [], []
    fpb = EVAL / "financial_phrasebank" / "Sentences_50Agree.txt"
    if fpb.is_file():
        texts += [ln.rpartition("@")[0] for ln in
                  fpb.read_bytes().decode("latin-1").splitlines() if ln.strip()]
        sources.append("Financial PhraseBank")
    mtsc = EVAL / "newsmtsc" / "train.jsonl"
    if mtsc.is_file():
        with mtsc.open(encoding="utf-8") as fh:
            texts += [json.loads(ln)["sentence_normalized"] for ln in fh if ln.strip()]
        sources.append("NewsMTSC")
    bbc = EVAL / "bbc_news" / "bbc_news.jsonl"
    if bbc.is_file() and len(texts) < n:
        with bbc.open(encoding="utf-8") as fh:
            for ln in fh:
                body = json.loads(ln)["text"]
                texts += [s for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()]
                if len(texts) >= n:
                    break
        sources.append("BBC News")
    if not texts:
        from newslab import load_articles, sentences
        texts = sentences(load_articles(ROOT / "seeds", verbose=False))["text"].tolist()
        sources.append("the seed article")
    out = (texts * (n // len(texts) + 1))[:n]
    return out, ", ".join(sources)


def nltk_analyzer():
    from nltk.sentiment import vader as nv
    a = nv.SentimentIntensityAnalyzer.__new__(nv.SentimentIntensityAnalyzer)
    a.lexicon_file = resources.files("vaderSentiment").joinpath(
        "vader_lexicon.txt").read_text("utf-8").rstrip("\n")
    a.lexicon = a.make_lex_dict()
    a.constants = nv.VaderConstants()
    return a


def reference_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def newslab_analyzer(lexicon):
    def make():
        from newslab import sentiment
        from newslab.sentiment import lexicons
        lexicons._ANALYZERS.pop(lexicon, None)  # fresh object, empty token cache
        return sentiment.get_analyzer(lexicon)
    return make


def timed(make, texts, repeat):
    best, scores = float("inf"), None
    for _ in range(repeat):
        ps = make().polarity_scores
        t0 = time.perf_counter()
        out = [ps(t) for t in texts]
        best = min(best, time.perf_counter() - t0)
        scores = out
    return best, scores


def nltk_profile(texts) -> str:
    a = nltk_analyzer()
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        a.polarity_scores(t)
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    total = st.total_tt
    rows = {}
    for (fname, _line, func), (_cc, _nc, _tt, ct, _callers) in st.stats.items():
        if "nltk" in fname and func in ("_words_plus_punc", "_words_and_emoticons",
                                        "sentiment_valence", "__init__", "score_valence",
                                        "_but_check"):
            key = "SentiText (tokenizing)" if func == "__init__" else func
            rows[key] = rows.get(key, 0) + ct
    return (f"NLTK profile on {len(texts)} sentences (cumulative share of run time): "
            + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in
                        sorted(rows.items(), key=lambda kv: -kv[1])))


def long_text(texts, words: int = 10_000) -> None:
    """One long text (sentences joined up to ``words`` words, with "but" in it), as when a
    whole article or document is scored at once: the reference's "but" rule is quadratic."""
    parts, n = [], 0
    for t in texts:
        parts.append(t)
        n += len(t.split())
        if n >= words:
            break
    text = " ".join(parts + ["but it is fine."])
    line = []
    for name, make in [("nltk", nltk_analyzer), ("vaderSentiment", reference_analyzer),
                       ("newslab (vader)", newslab_analyzer("vader"))]:
        ps = make().polarity_scores
        t0 = time.perf_counter()
        ps(text)
        dt = time.perf_counter() - t0
        line.append(f"{name} {dt:.3f} s")
    print(f"one text of {len(text.split()):,} words: " + ", ".join(line))


def stage_tables(repeat: int) -> None:
    """The whole sentiment stage (sentence, paragraph and article tables) on BBC articles
    (or the seed): paragraphs and articles combined from their sentences' valences (the
    default, one pass over the words) against VADER run again on each paragraph's and
    article's text (``whole_text=True``, what newslab did before)."""
    import pandas as pd

    import newslab as nl
    from newslab.sentiment import lexicons, sentiment_stage
    bbc = EVAL / "bbc_news" / "bbc_news.jsonl"
    if bbc.is_file():
        with bbc.open(encoding="utf-8") as fh:
            bodies = [json.loads(ln)["text"] for ln in fh if ln.strip()]
        where = f"{len(bodies)} BBC News articles"
    else:
        seed = (ROOT / "seeds" / "000_03c2884dc4598a19.txt").read_text(encoding="utf-8")
        bodies = ["\n".join(seed.splitlines()[3:])] * 200
        where = "the seed article x 200"
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))],
                         "text": bodies})
    arts["paragraphs"] = arts["text"].str.split("\n")
    sents = nl.sentences(arts)
    words = int(sents["text"].str.split().str.len().sum())
    best = {}
    for _ in range(repeat):
        for whole in (True, False):       # alternating, a fresh analyzer each time
            lexicons._ANALYZERS.clear()
            t0 = time.perf_counter()
            sentiment_stage({"sentences": sents}, whole_text=whole)
            best[whole] = min(best.get(whole, float("inf")), time.perf_counter() - t0)
    print(f"sentiment stage on {where} ({len(sents):,} sentences, {words:,} words), "
          f"best of {repeat}:")
    for whole, label in ((True, "whole_text=True (paragraphs, articles re-scored)"),
                         (False, "default (combined from sentences)")):
        print(f"  {label:<50}{best[whole]:>7.2f} s {words / best[whole]:>12,.0f} words/s")
    print(f"  speed-up: {best[True] / best[False]:.2f}x\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="sentences (default 20000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per scorer; best is kept")
    args = ap.parse_args(argv)
    texts, source = load_sentences(args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} sentences ({words / len(texts):.1f} words on average) from {source}; "
          f"best of {args.repeat}")
    scorers = [("nltk", nltk_analyzer), ("vaderSentiment (reference)", reference_analyzer),
               ("newslab (vader)", newslab_analyzer("vader")),
               ("newslab (news)", newslab_analyzer("news"))]
    results = {}
    for name, make in scorers:
        results[name] = timed(make, texts, args.repeat)
    base_t, base_scores = results["vaderSentiment (reference)"]
    print(f"\n{'scorer':<28}{'sentences/s':>13}{'x reference':>13}{'same scores':>13}")
    for name, (t, scores) in results.items():
        same = sum(all(abs(a[k] - b[k]) < 1e-6 for k in a)
                   for a, b in zip(base_scores, scores)) / len(texts)
        print(f"{name:<28}{len(texts) / t:>13,.0f}{base_t / t:>13.2f}{100 * same:>12.1f}%")
    print("(same scores: share of sentences whose four scores match the reference to 1e-6; "
          "the news lexicon is meant to differ)\n")
    long_text(texts)
    stage_tables(args.repeat)
    print(nltk_profile(texts[:2000]))
    print("_words_plus_punc builds two dicts of every word joined with each of NLTK's 17 "
          "punctuation strings, for every sentence.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
