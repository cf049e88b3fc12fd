"""Keywords: quality on 500N-KPCrowd (F1@5/10/15 for every method and the ``yake`` package)
and speed on a corpus of >= 10,000 news articles (documents per second per method).

Quality
    ../shared/eval/keyphrase_500N-KPCrowd/500N-KPCrowd-v1.1.zip is extracted to a temporary
    folder (never into the repository) and every newslab method is scored exactly as
    ``newslab evaluate keywords DOCS KEYS --k K --method M`` does (lower case + Porter
    stems, exact match, F1 averaged over the 500 documents). The ``yake`` package (an outside
    baseline, not a dependency of newslab) is scored under the same protocol, with its
    default n=3 and with n=1 and n=2.
Speed
    The BBC News articles (../shared/eval/bbc_news/bbc_news.jsonl, read at run time) are
    repeated with new ids up to ``--size`` articles (default 10,000). Sentences and tokens
    are made once (timed, not counted in the methods); each method then runs over the whole
    corpus. Baselines in the same process: scikit-learn's ``TfidfVectorizer`` on the raw
    texts, and the ``yake`` package on ``--yake-docs`` articles (it is per document).

Memory (``--memory 10000,100000``)
    The same BBC corpus is tokenized 1,000 articles at a time into Parquet parts (as the
    pipeline writes them; not timed); then ``keywords_stage`` (tf-idf + phrases, and
    ``by=["category"]`` for ``keyness_by_category``) runs in a fresh process that reads the
    parts one at a time (``iter_parts``), and, with ``--memory-whole``, in one that loads
    the whole tokens table first and scores it at once (the old way); ``stream`` is the
    same as ``pieces`` with ``keywords_parts``, writing each piece's keywords to Parquet
    as it comes (the output is never held whole). Each prints its seconds and its peak
    resident memory (ru_maxrss) beside the memory after imports.

    python benchmarks/bench_keywords.py                 # quality and speed, under 3 minutes
    python benchmarks/bench_keywords.py --size 100000 --no-quality
    python benchmarks/bench_keywords.py --no-quality --no-speed --memory 10000,100000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslab import keywords as kw  # noqa: E402
from newslab import sentences, tokens  # noqa: E402
from newslab.evaluation import keywords as kev  # noqa: E402

EVAL = Path(os.environ.get("NEWSLAB_EVAL_DIR", ROOT.parent / "shared" / "eval"))
KPCROWD = EVAL / "keyphrase_500N-KPCrowd" / "500N-KPCrowd-v1.1.zip"
BBC = EVAL / "bbc_news" / "bbc_news.jsonl"
KS = (5, 10, 15)


def quality(yake_ns=(3, 1, 2)) -> pd.DataFrame:
    if not KPCROWD.is_file():
        sys.exit(f"bench_keywords: {KPCROWD} not found (set NEWSLAB_EVAL_DIR)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(KPCROWD) as zf:
            zf.extractall(tmp)
        root = Path(tmp) / "500N-KPCrowd-v1.1"
        arts, gold = kev.read_documents(root / "docsutf8", root / "keys")
        sents = sentences(arts)
        toks = tokens(sents)
        for m in kw.METHODS:
            t0 = time.perf_counter()
            df = kw.keywords(toks, method=m, top=max(KS) + 10, sentences=sents)
            secs = time.perf_counter() - t0
            pred = {a: g["term"].tolist() for a, g in df.groupby("article_id", sort=False)}
            rows.append(_row(f"newslab {m}" + (" (default)" if m == kw.DEFAULT_METHOD else ""),
                             gold, pred, secs))
        try:
            import yake
        except ImportError:
            print("(the yake package is not installed: outside baseline skipped)")
            yake = None
        if yake is not None:
            for n in yake_ns:
                ex = yake.KeywordExtractor(lan="en", n=n, top=max(KS) + 10)
                t0 = time.perf_counter()
                pred = {a: [k for k, _ in ex.extract_keywords(text)]
                        for a, text in zip(arts["article_id"], arts["text"])}
                secs = time.perf_counter() - t0
                rows.append(_row(f"yake package n={n}" + (" (its default)" if n == 3 else ""),
                                 gold, pred, secs))
    return pd.DataFrame(rows)


def _row(name, gold, pred, secs) -> dict:
    r = {"method": name}
    for k in KS:
        m = kev.prf_at_k(gold, pred, k)
        r[f"F1@{k}"] = round(m["f1"], 3)
        if k == 10:
            r["P@10"], r["R@10"] = round(m["precision"], 3), round(m["recall"], 3)
    r["docs/s"] = round(len(gold) / secs, 1)
    return r


def bbc_articles(size: int) -> pd.DataFrame:
    if not BBC.is_file():
        sys.exit(f"bench_keywords: {BBC} not found (set NEWSLAB_EVAL_DIR)")
    with open(BBC, encoding="utf-8") as fh:
        src = [json.loads(line) for line in fh if line.strip()]
    rows = []
    for i in range(size):
        r = src[(i * 7919) % len(src)]  # a fixed stride mixes the categories
        paras = [p.strip() for p in r["text"].split("\n") if p.strip()]
        rows.append({"article_id": f"bbc-{i // len(src)}-{r['id'].replace('/', '-')}",
                     "title": r["title"], "text": "\n".join(paras), "paragraphs": paras,
                     "n_paragraphs": len(paras), "category": r["category"]})
    return pd.DataFrame(rows)


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def speed(size: int, yake_docs: int) -> pd.DataFrame:
    arts = bbc_articles(size)
    (sents, s_secs) = timed(lambda: sentences(arts))
    (toks, t_secs) = timed(lambda: tokens(sents))
    print(f"corpus: {len(arts):,} articles, {len(sents):,} sentences, {len(toks):,} tokens "
          f"(sentences + tokens made in {s_secs + t_secs:.1f} s, not counted below)")
    cat = dict(zip(arts["article_id"], arts["category"]))
    rows = []

    def add(name, fn, n_docs=len(arts), note=""):
        out, secs = timed(fn)
        n_out = out.shape[0] if hasattr(out, "shape") else len(out)
        rows.append({"method": name, "docs": n_docs, "seconds": round(secs, 2),
                     "docs/s": round(n_docs / secs, 1), "rows out": n_out, "note": note})

    from sklearn.feature_extraction.text import TfidfVectorizer
    add("baseline: sklearn TfidfVectorizer(stop_words='english') on raw text",
        lambda: TfidfVectorizer(stop_words="english").fit_transform(arts["text"]),
        note="matrix only, no top-k")
    add("tfidf (top 10 per article)", lambda: kw.tfidf(toks, top=10))
    add("keyness: each article vs English (wordfreq)", lambda: kw.article_keyness(toks, top=10))
    add("keyness: 5 categories vs rest (keyness_by)",
        lambda: kw.keyness_by(toks, cat, top=20))
    add("keyness: one target (politics) vs rest",
        lambda: kw.keyness(toks, [a for a, c in cat.items() if c == "politics"], top=20))
    add("phrases (newslab default, top 10)", lambda: kw.key_phrases(toks, top=10))
    add("yake-like (top 10)", lambda: kw.yake_like(toks, top=10))
    add("rake (top 10)", lambda: kw.rake(toks, top=10))
    add("collocations (NLTK, likelihood ratio, min 5)",
        lambda: kw.collocations(toks, min_freq=5, top=50))
    try:
        from newslab.countries import find_mentions
        mentions, m_secs = timed(lambda: find_mentions(sents, arts))
        add("terms near each country", lambda: kw.country_terms(toks, mentions, top=15),
            note=f"mentions table made in {m_secs:.1f} s, not counted")
    except ImportError:
        print("(newslab.countries not available: terms near each country skipped)")
    add("keywords_stage (tfidf + phrases)",
        lambda: kw.keywords_stage({"tokens": toks, "sentences": sents})["keywords"])
    try:
        import yake
        ex = yake.KeywordExtractor(lan="en", n=3, top=10)
        texts = arts["text"].tolist()[:yake_docs]
        add(f"baseline: yake package (n=3), first {len(texts)} articles",
            lambda: [ex.extract_keywords(x) for x in texts], n_docs=len(texts))
    except ImportError:
        pass
    return pd.DataFrame(rows)


PART_ARTICLES = 1000


def bbc_batch(src, lo: int, hi: int) -> pd.DataFrame:
    rows = []
    for i in range(lo, hi):
        r = src[(i * 7919) % len(src)]
        paras = [p.strip() for p in r["text"].split("\n") if p.strip()]
        rows.append({"article_id": f"bbc-{i // len(src)}-{r['id'].replace('/', '-')}",
                     "title": r["title"], "text": "\n".join(paras), "paragraphs": paras,
                     "n_paragraphs": len(paras), "category": r["category"]})
    return pd.DataFrame(rows)


def write_parts(size: int, folder: Path) -> None:
    """Tokens of ``size`` BBC articles as Parquet parts of 1,000 articles, and a small
    articles table (article_id, category, duplicate_of)."""
    from newslab.keywords.stage import STAGE_TOKEN_NEEDS
    with open(BBC, encoding="utf-8") as fh:
        src = [json.loads(line) for line in fh if line.strip()]
    (folder / "tokens").mkdir(parents=True)
    arts = []
    for k, lo in enumerate(range(0, size, PART_ARTICLES)):
        a = bbc_batch(src, lo, min(size, lo + PART_ARTICLES))
        t = tokens(sentences(a))[STAGE_TOKEN_NEEDS]
        t.to_parquet(folder / "tokens" / f"part-{k:05d}.parquet", index=False)
        arts.append(a[["article_id", "category"]].assign(duplicate_of=None))
    pd.concat(arts, ignore_index=True).to_parquet(folder / "articles.parquet", index=False)


class _Parts(dict):
    def __init__(self, folder: Path, **tables):
        super().__init__(**tables)
        self.folder = folder

    def iter_parts(self, name, columns=None):
        for f in sorted((self.folder / name).glob("part-*.parquet")):
            yield pd.read_parquet(f, columns=columns)


def memory_child(folder: Path, mode: str) -> int:
    """Run the stage once in this (fresh) process; print one JSON line."""
    import resource
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    arts = pd.read_parquet(folder / "articles.parquet")
    t0 = time.perf_counter()
    if mode == "pieces":
        out = kw.keywords_stage(_Parts(folder, articles=arts), by=["category"])
    elif mode == "stream":      # keywords_parts: each piece written as it comes
        out = kw.keywords_parts(_Parts(folder, articles=arts), by=["category"])
        (folder / "out-stream-keywords").mkdir()
        n = 0
        for i, part in enumerate(out["keywords"]):
            part.to_parquet(folder / "out-stream-keywords" / f"part-{i:05d}.parquet",
                            index=False)
            n += len(part)
        out["keywords"] = pd.DataFrame()
        n_streamed = n
    else:
        toks = pd.concat(_Parts(folder).iter_parts("tokens"), ignore_index=True)
        out = kw.keywords_stage({"tokens": toks, "articles": arts}, by=["category"],
                                chunk_articles=None)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for name, df in out.items():
        if mode == "stream" and name == "keywords":
            continue
        df.to_parquet(folder / f"out-{mode}-{name}.parquet", index=False)
    rows = {k: len(v) for k, v in out.items()}
    if mode == "stream":
        rows["keywords"] = n_streamed
    print(json.dumps({"mode": mode, "seconds": round(secs, 1), "peak_mb": round(peak),
                      "after_imports_mb": round(base), "rows": rows}))
    return 0


def memory(sizes, whole: bool) -> pd.DataFrame:
    import subprocess
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            t0 = time.perf_counter()
            write_parts(size, folder)
            print(f"{size:,} articles: parts written in {time.perf_counter() - t0:.0f} s "
                  f"(not counted)", flush=True)
            for mode in ("pieces", "stream", "whole") if whole else ("pieces", "stream"):
                r = subprocess.run([sys.executable, __file__, "--memory-child", str(folder),
                                    "--memory-mode", mode], capture_output=True, text=True)
                if r.returncode:
                    sys.exit(r.stderr)
                res = json.loads(r.stdout.strip().splitlines()[-1])
                rows.append({"articles": size, **res})
                print(rows[-1], flush=True)
            if whole:
                same = all(pd.read_parquet(folder / f"out-pieces-{n}.parquet").equals(
                    pd.read_parquet(folder / f"out-whole-{n}.parquet"))
                    for n in ("keywords", "keyness_by_category"))
                print(f"{size:,} articles: pieces and whole identical: {same}", flush=True)
            streamed = pd.read_parquet(folder / "out-stream-keywords")
            streamed = (streamed.sort_values(["article_id", "method", "rank"], kind="mergesort")
                        .reset_index(drop=True))
            same = streamed.equals(pd.read_parquet(folder / "out-pieces-keywords.parquet"))
            print(f"{size:,} articles: streamed parts and pieces identical: {same}", flush=True)
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=10_000, help="articles for the speed part")
    ap.add_argument("--yake-docs", type=int, default=200,
                    help="articles for the yake package speed baseline (default 200)")
    ap.add_argument("--yake-n", default="3,1",
                    help="n-gram sizes to run the yake package with (default 3,1: its "
                         "default and its best here; add 2 for the full table)")
    ap.add_argument("--no-quality", action="store_true", help="skip the 500N-KPCrowd part")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed part")
    ap.add_argument("--memory", default="",
                    help="comma-separated corpus sizes for the memory part (e.g. 10000,100000)")
    ap.add_argument("--memory-whole", action="store_true",
                    help="also run the stage on the whole tokens table (needs much memory)")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    ap.add_argument("--memory-mode", default="pieces", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        return memory_child(Path(args.memory_child), args.memory_mode)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 70)
    if not args.no_quality:
        print("== Quality: 500N-KPCrowd (500 news articles, ~49 gold keyphrases each)")
        print("   lower case + Porter stems, exact match, F1 averaged over documents")
        q = quality(tuple(int(x) for x in args.yake_n.split(",") if x))
        print(q.to_string(index=False))
        best = q[q["method"].str.startswith("newslab")].sort_values("F1@10").iloc[-1]
        yk = q[q["method"].str.startswith("yake")]
        if len(yk):
            y = yk.sort_values("F1@10").iloc[-1]
            print(f"best newslab method: {best['method']} F1@10 {best['F1@10']:.3f}; best yake "
                  f"package setting: {y['method']} F1@10 {y['F1@10']:.3f} (ratio "
                  f"{best['F1@10'] / y['F1@10']:.2f}); YAKE's authors report 0.173")
        print()
    if not args.no_speed:
        print(f"== Speed: BBC News repeated to {args.size:,} articles")
        s = speed(args.size, args.yake_docs)
        print(s.to_string(index=False))
        base = s[s["method"].str.startswith("baseline: sklearn")]["docs/s"].iloc[0]
        print("ratios to the sklearn TfidfVectorizer baseline: "
              + ", ".join(f"{m.split(' (')[0]} {v / base:.2f}" for m, v in
                          zip(s["method"], s["docs/s"]) if not m.startswith("baseline")))
    if args.memory:
        print("== Memory: keywords_stage over Parquet parts of 1,000 articles")
        m = memory([int(x) for x in args.memory.split(",") if x], args.memory_whole)
        print(m.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
