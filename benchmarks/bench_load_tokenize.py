"""Load + tokenize throughput (words per second) and peak memory.

Generates a corpus by repeating real text (the seed article, plus BBC News articles from
../shared/eval/bbc_news when present; read at run time, never copied into the repository)
into a temporary folder of seed-format .txt files with varied titles, then measures in one
process tree:

- newslab: ``load_articles`` + ``sentences`` + ``tokens`` (the tidy tables);
- baseline: the same files read with plain Python, split with NLTK's Punkt (same
  abbreviations) and tokenized with NLTK's ``NLTKWordTokenizer`` (``word_tokenize``'s engine)
  into Python lists: what a student would write first, producing no tables.

Each side runs in a fresh child process so that peak memory (ru_maxrss) is its own.

    python benchmarks/bench_load_tokenize.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def source_texts() -> list[tuple[str, list[str]]]:
    seed = (ROOT / "seeds" / "000_03c2884dc4598a19.txt").read_text(encoding="utf-8").splitlines()
    texts = [(seed[0], seed[3:])]
    bbc = EVAL / "bbc_news" / "bbc_news.jsonl"
    if bbc.is_file():
        for line in bbc.open(encoding="utf-8"):
            r = json.loads(line)
            paras = [p.strip() for p in r["text"].split("\n") if p.strip()]
            texts.append((r["title"], paras))
    return texts


def make_corpus(folder: Path, n: int) -> int:
    texts = source_texts()
    words = 0
    for i in range(n):
        title, paras = texts[i % len(texts)]
        body = "\n".join(paras)
        words += len(body.split())
        (folder / f"{i:07d}.txt").write_text(
            f"{title} ({i})\n20211130\nhttps://example.org/{i}\n{body}\n", encoding="utf-8")
    return words


def run_newslab(folder: str, q) -> None:
    from newslab import load_articles, sentences, tokens
    t0 = time.perf_counter()
    arts = load_articles(folder, verbose=False)
    s = sentences(arts)
    t = tokens(s)
    dt = time.perf_counter() - t0
    q.put({"seconds": dt, "articles": len(arts), "sentences": len(s), "tokens": len(t),
           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def run_baseline(folder: str, q) -> None:
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from newslab.tokenize import news_abbreviations
    params = PunktParameters()
    params.abbrev_types = set(news_abbreviations())
    punkt = PunktSentenceTokenizer(params)
    wt = NLTKWordTokenizer()
    t0 = time.perf_counter()
    n_s = n_t = n_a = 0
    for f in sorted(Path(folder).glob("*.txt")):
        lines = f.read_text(encoding="utf-8").splitlines()
        n_a += 1
        for para in lines[3:]:
            for sent in punkt.tokenize(para):
                n_s += 1
                n_t += len(wt.tokenize(sent))
    dt = time.perf_counter() - t0
    q.put({"seconds": dt, "articles": n_a, "sentences": n_s, "tokens": n_t,
           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def in_child(fn, folder) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=fn, args=(folder, q))
    p.start()
    res = q.get()
    p.join()
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        words = make_corpus(Path(tmp), args.articles)
        src = "seed + BBC News" if (EVAL / "bbc_news").is_dir() else "seed only"
        print(f"corpus: {args.articles} articles, {words:,} words (whitespace-split), "
              f"from {src}")
        res = {"newslab": in_child(run_newslab, tmp), "baseline": in_child(run_baseline, tmp)}
    for name, r in res.items():
        print(f"{name:>9}: {r['seconds']:7.2f} s  {words / r['seconds']:>10,.0f} words/s  "
              f"{r['sentences']:,} sentences  {r['tokens']:,} tokens  "
              f"peak {r['peak_mb']:,.0f} MB")
    ratio = res["baseline"]["seconds"] / res["newslab"]["seconds"]
    print(f"newslab / baseline throughput: {ratio:.2f}x "
          "(newslab also builds the tidy tables with offsets and flags)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
