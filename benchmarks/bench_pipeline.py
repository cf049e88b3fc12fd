"""``newslab analyze`` (the full pipeline) against the pipeline a student writes first.

Corpus: the 2,225 real BBC News articles of ../shared/eval/bbc_news/ repeated with varied ids
up to ``--n`` articles, as JSON Lines shards of 1,000 (``benchmarks/make_corpus.py``), generated
at run time into ``benchmarks/out/`` (git-ignored; never committed).

Measured in one process tree, one run, each side in its own child process (wall time of the
child, interpreter start included; peak memory of the child and all its descendants, sampled
every 100 ms with psutil: the sum of PSS, and the sum of RSS, which counts the pages forked
workers share once per process and so overstates):

- naive: read the shards with ``json``, NLTK Punkt (untrained, newslab's abbreviations) for
  sentences, NLTK's ``NLTKWordTokenizer`` (``word_tokenize``'s engine) for words, and NLTK's
  VADER ``polarity_scores`` on every sentence, with the VADER lexicon read from the
  vaderSentiment package (NLTK's own copy would need ``nltk.download``). It keeps nothing.
- newslab: ``newslab analyze CORPUS --out DIR --no-csv --quiet --jobs J`` for J = 1 and 2:
  load, sentences, tokens and every registered batch stage (listed in the output), all
  tables written as Parquet, plus the corpus-level stages (out of core at any size).

Words per second = whitespace-separated words of the article texts / wall seconds, the same
numerator for every side; words per CPU-second divides by the user + system time of the
whole process tree instead (sampled with psutil), which depends less on other load.

    python benchmarks/bench_pipeline.py                  # 2,000 articles, about 2 minutes
    python benchmarks/bench_pipeline.py --n 10000
    python benchmarks/bench_pipeline.py --memory 10000,100000 --jobs 2   # newslab only
    python benchmarks/bench_pipeline.py --memory 1000000 --stages tokens  # load+tokenize only
    python benchmarks/bench_pipeline.py --stage-memory 10000   # each corpus stage's peak memory
    # the full pipeline at 10^4, 10^5, 10^6 (every table, by month and by outlet):
    python benchmarks/bench_pipeline.py --memory 10000,100000,1000000 --jobs 2 \
        --by month --by outlet --include-duplicates --log-every 60
    python benchmarks/bench_pipeline.py --memory 10000 --jobs 2 --engine dask   # 2 workers

``--by``, ``--include-duplicates``, ``--engine`` and ``--resume`` are passed to newslab
analyze (``--resume --keep``: a run done in two parts, the batches then the corpus stages).
The corpus copies are flagged as duplicates of the first 2,225 articles: with
``--include-duplicates`` the corpus-level answers count every article, the heaviest case.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus  # noqa: E402

OUT = ROOT / "benchmarks" / "out"


# ---------------------------------------------------------------------------------------
# the naive baseline (runs in a child: bench_pipeline.py --naive CORPUS)


def naive_vader():
    """NLTK's VADER with the lexicon of the vaderSentiment package.

    NLTK 3.10's constructor loads its lexicon through ``nltk.data.load``, which wants NLTK's
    own data (a download) and refuses arbitrary paths; so the analyzer is built without it and
    given the same lexicon text and constants its constructor would set.
    """
    from importlib import resources

    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants
    sia = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    sia.lexicon_file = resources.files("vaderSentiment").joinpath(
        "vader_lexicon.txt").read_text(encoding="utf-8")
    sia.lexicon = sia.make_lex_dict()
    sia.constants = VaderConstants()
    return sia


def run_naive(corpus: Path) -> dict:
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from newslab.tokenize import news_abbreviations
    params = PunktParameters()
    params.abbrev_types = set(news_abbreviations())
    punkt = PunktSentenceTokenizer(params)
    wt = NLTKWordTokenizer()
    sia = naive_vader()
    n_a = n_s = n_t = 0
    compound = 0.0
    for f in sorted(corpus.rglob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                n_a += 1
                for para in text.split("\n"):
                    if not para.strip():
                        continue
                    for sent in punkt.tokenize(para):
                        n_s += 1
                        n_t += len(wt.tokenize(sent))
                        compound += sia.polarity_scores(sent)["compound"]
    return {"articles": n_a, "sentences": n_s, "tokens": n_t}


# ---------------------------------------------------------------------------------------
# measuring a child process tree


def measure(cmd: list[str], *, report=None, every: float = 0) -> dict:
    """Run ``cmd``: its wall time and the peak memory of its process tree, as the sum of
    resident sizes (RSS; counts pages shared by forked workers once per process, so an
    upper bound) and as the sum of proportional sizes (PSS; shared pages split between the
    processes sharing them: the memory the tree really uses). With ``every`` > 0,
    ``report(seconds, peak_pss_mb, peak_rss_mb)`` is called that often while it runs."""
    import psutil
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"rss": 0, "pss": 0}
    cpu: dict[int, float] = {}  # pid -> user + system seconds, last seen
    stop = threading.Event()

    def sample():
        try:
            p = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        last = time.perf_counter()
        while not stop.is_set():
            if every and report and time.perf_counter() - last >= every:
                last = time.perf_counter()
                report(last - t0, peak["pss"] / 2**20, peak["rss"] / 2**20)
            rss = pss = 0
            try:
                for q in [p] + p.children(recursive=True):
                    try:
                        m = q.memory_full_info()
                        rss += m.rss
                        pss += getattr(m, "pss", m.rss)
                        c = q.cpu_times()
                        cpu[q.pid] = c.user + c.system
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        pass
            except psutil.NoSuchProcess:
                break
            peak["rss"] = max(peak["rss"], rss)
            peak["pss"] = max(peak["pss"], pss)
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode != 0:
        sys.exit(f"bench_pipeline: {' '.join(cmd)} failed:\n{err}")
    return {"seconds": seconds, "rss_mb": peak["rss"] / 2**20, "pss_mb": peak["pss"] / 2**20,
            "cpu": sum(cpu.values()), "stdout": out}


def corpus_words(corpus: Path) -> tuple[int, int]:
    n = words = 0
    for f in sorted(corpus.rglob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                words += len(json.loads(line)["text"].split())
                n += 1
    return n, words


#: The newslab CLI in a child process: ``-P`` keeps the current folder off ``sys.path`` (the
#: newslab imported is the one PYTHONPATH or the installation names, wherever this runs).
NEWSLAB = [sys.executable, "-P", "-m", "newslab.cli"]
CORPUS_LIMIT: list[str] = []  # --corpus-max-articles N, passed through
ANALYZE_ARGS: list[str] = []  # --by KEY, --include-duplicates, --resume, --engine: passed through
BY: list[str] = []  # the --by keys (for --one-stage too)
DUPLICATES = [False]  # --include-duplicates
ONLY: list[str] = []  # with --corpus-phase: --stages, the corpus stages to run


def newslab_cmd(corpus: Path, out: Path, jobs: int, stages: str | None) -> list[str]:
    cmd = [*NEWSLAB, "analyze", str(corpus), "--out", str(out),
           "--no-csv", "--quiet", "--jobs", str(jobs), *CORPUS_LIMIT, *ANALYZE_ARGS]
    if stages is not None:
        cmd += ["--stages", stages]
    return cmd


def run_info(out: Path) -> dict:
    return json.loads((out / "_run.json").read_text())


def line(name: str, r: dict, words: int) -> str:
    return (f"{name:<22} {r['seconds']:7.1f} s {words / r['seconds']:>8,.0f} words/s | "
            f"CPU {r['cpu']:6.1f} s {words / max(r['cpu'], 1e-9):>8,.0f} words/CPU-s | "
            f"peak PSS {r['pss_mb']:5,.0f} MB (RSS sum {r['rss_mb']:5,.0f} MB)")


def ran(info: dict) -> str:
    """The stages a finished run used (from its ``_run.json``)."""
    return ", ".join(n for n, _ in info["options"]["stages"]) or "none"


def stage_names(stages: str | None) -> str:
    """What newslab will run (the corpus stages with their article limits here)."""
    from newslab.pipeline import DEFAULT_STAGES, select_stages
    picked = select_stages(DEFAULT_STAGES, stages)
    batch = [s.name for s in picked if s.kind == "batch"]
    corpus = [s for s in picked if s.kind == "corpus"]

    def limit(s):
        if CORPUS_LIMIT:
            return CORPUS_LIMIT[1]
        n = s.limit()
        return "no limit" if n is None else f"{n:,} articles"
    return (f"batch stages: {', '.join(batch)}; corpus stages: "
            + (", ".join(f"{s.name} (up to {limit(s)})" for s in corpus) or "none"))


def side_by_side(n: int, stages: str | None, keep: bool) -> None:
    corpus = make_corpus(n, OUT / f"corpus_{n}")
    n_art, words = corpus_words(corpus)
    print(f"corpus: {n_art:,} articles, {words:,} words (BBC News repeated), "
          f"{os.cpu_count()} cores")
    print("newslab " + stage_names(stages))
    naive = measure([sys.executable, __file__, "--naive", str(corpus)])
    res = {}
    runs = [(1, stages), (2, stages)]
    if stages is None:  # and the naive pipeline's work only: sentences, tokens, sentiment
        runs.append(("1s", "sentiment"))
    for key, st in runs:
        jobs = 1 if key == "1s" else key
        out = OUT / f"analyze_{n}_j{key}"
        res[key] = measure(newslab_cmd(corpus, out, jobs, st))
        info = run_info(out)
        res[key].update(rows=info["rows"], ran=ran(info), timings=info.get("timings", {}))
        if not keep:
            shutil.rmtree(out, ignore_errors=True)
    counts = json.loads(naive["stdout"])
    print(line("naive (NLTK, 1 core)", naive, words)
          + f"   {counts['sentences']:,} sentences, {counts['tokens']:,} tokens")
    for jobs in (1, 2):
        rows = res[jobs]["rows"]
        print(line(f"newslab --jobs {jobs}", res[jobs], words) + "   "
              + ", ".join(f"{k} {v:,}" for k, v in rows.items()))
        print(" " * 23 + "phases (s): " + ", ".join(
            f"{k} {v:.1f}" for k, v in res[jobs]["timings"].items()))
    print(f"newslab batch stages run: {res[1]['ran']}")
    if "1s" in res:
        print(line("newslab, naive's work", res["1s"], words)
              + "   --jobs 1 --stages sentiment: sentences, tokens, sentiment tables")
        print(f"same work, 1 core: newslab / naive = "
              f"{naive['seconds'] / res['1s']['seconds']:.2f}x wall, "
              f"{naive['cpu'] / res['1s']['cpu']:.2f}x CPU")
    r1 = naive["seconds"] / res[1]["seconds"]
    r2 = naive["seconds"] / res[2]["seconds"]
    print(f"newslab / naive throughput: {r1:.2f}x on 1 core (goal >= 3x; "
          f"{naive['cpu'] / res[1]['cpu']:.2f}x per CPU-second), {r2:.2f}x with 2 jobs")
    print(f"newslab 2 jobs / 1 job: {res[1]['seconds'] / res[2]['seconds']:.2f}x (goal ~2x)")
    try:
        load = os.getloadavg()[0]
        print(f"load average at the end: {load:.1f} on {os.cpu_count()} cores (wall times "
              "are only comparable on an otherwise idle machine; CPU seconds less affected)")
    except OSError:
        pass


def finished_batches(out: Path) -> int:
    """Batches the run in ``out`` has finished, as newslab's own resume reads its manifest
    (``RunFolder.finished_batches``: one per batch, lines cut short left out)."""
    from newslab.pipeline.manifest import RunFolder  # here: the parent stays light
    return len(RunFolder(out).finished_batches())


def memory_scaling(sizes: list[int], jobs: int, stages: str | None, keep: bool,
                   log_every: float = 0) -> None:
    print("newslab " + stage_names(stages) + f"; --jobs {jobs}")
    for n in sizes:
        corpus = make_corpus(n, OUT / f"corpus_{n}")
        n_art, words = corpus_words(corpus)
        out = OUT / f"analyze_{n}_j{jobs}"

        def report(sec, pss, rss, out=out, n=n):
            done = finished_batches(out)
            print(f"  ... {sec:7.0f} s: {done} batches of {-(-n // 500)} done, peak so far "
                  f"PSS {pss:,.0f} MB (RSS sum {rss:,.0f} MB)", flush=True)

        r = measure(newslab_cmd(corpus, out, jobs, stages), report=report, every=log_every)
        info = run_info(out)
        rows = info["rows"]
        print(line(f"{n_art:,} articles", r, words) + f"   {rows.get('tokens', 0):,} tokens;"
              f" stages run: {ran(info)}", flush=True)
        print(" " * 23 + "phases (s): " + ", ".join(
            f"{k} {v:.1f}" for k, v in info.get("timings", {}).items()), flush=True)
        print(" " * 23 + f"{len(rows)} tables: " + ", ".join(
            f"{k} {v:,}" for k, v in rows.items()), flush=True)
        for note in info.get("notes", []):
            print(" " * 23 + "note: " + note, flush=True)
        if not keep:
            shutil.rmtree(out, ignore_errors=True)


def one_stage(name: str, out: Path) -> dict:
    """In a child: read a corpus stage's declared tables and columns from a finished run in
    ``out``, run the stage, and report the peak resident memory (ru_maxrss) above what the
    process held before reading: the input tables and the stage's own working memory."""
    import resource

    import pandas as pd

    from newslab.pipeline import DEFAULT_STAGES, Tables
    stage = {s.name: s for s in DEFAULT_STAGES}[name]
    info = json.loads((out / "_run.json").read_text())
    tables = Tables(out, info["tables"])
    pd.DataFrame({"x": [1]}).to_parquet(OUT / ".probe.parquet")  # import pyarrow's writer
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    from newslab.pipeline.corpus import run_one
    opts = {"by": BY} if BY else {}
    new = run_one(stage, tables, opts)   # the runner's way: big tables streamed by part
    rows = {}
    for k, v in new.items():             # pieces handed over are counted, then dropped
        rows[k] = len(v) if isinstance(v, pd.DataFrame) else sum(len(p) for p in v)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"stage": name, "input_bytes": 0, "peak_bytes": peak - base,
            "read_s": 0.0, "run_s": time.perf_counter() - t0, "rows": rows}


def stage_memory(sizes: list[int], jobs: int, keep: bool) -> None:
    """Peak memory of each corpus stage at each size, per article, each in its own process
    and run as the runner runs it (big tables streamed part by part): the figures behind
    the stages having no article limit (``max_articles`` in newslab/pipeline/stages.py)."""
    from newslab.pipeline import DEFAULT_STAGES
    names = [s.name for s in DEFAULT_STAGES if s.kind == "corpus"]
    for n in sizes:
        corpus = make_corpus(n, OUT / f"corpus_{n}")
        out = OUT / f"stages_{n}"
        cmd = [*NEWSLAB, "analyze", str(corpus), "--out", str(out),
               "--no-csv", "--quiet", "--jobs", str(jobs), "--corpus-max-articles", "0",
               *ANALYZE_ARGS]
        r = measure(cmd)
        print(f"{n:,} articles: batch stages {r['seconds']:.0f} s, peak PSS "
              f"{r['pss_mb']:,.0f} MB", flush=True)
        by = [a for k in BY for a in ("--by", k)]
        for name in names:
            c = measure([sys.executable, __file__, "--one-stage", name, str(out), *by])
            m = json.loads(c["stdout"])
            print(f"  {name:<14} peak {m['peak_bytes'] / 2**20:7,.0f} MB above the start "
                  f"({m['peak_bytes'] / n:8,.0f} B/article), run {m['run_s']:.1f} s; rows: "
                  + ", ".join(f"{k} {v:,}" for k, v in m["rows"].items()), flush=True)
        if not keep:
            shutil.rmtree(out, ignore_errors=True)


def corpus_phase_child(out: Path, jobs: int) -> None:
    """In a child: the corpus phase of ``newslab analyze`` (``run_corpus_stages``, what the
    runner calls after the batches) over a finished run in ``out`` whose corpus stages were
    left out (``--corpus-max-articles 0``), one stage after the other, each stage's time
    and rows printed as it ends (one JSON line each)."""
    import dataclasses

    from newslab.pipeline import DEFAULT_STAGES, RunFolder, make_plan
    from newslab.pipeline.corpus import run_corpus_stages
    info = json.loads((out / "_run.json").read_text())
    plan = make_plan(info["source"], out, stages=DEFAULT_STAGES, by=BY or None,
                     duplicates=DUPLICATES[0], jobs=jobs)
    folder = RunFolder(out)
    names = list(info["tables"])
    owned = folder.owned()
    for st in plan.corpus_stages:
        if ONLY and st.name not in ONLY:
            continue
        notes, timings = [], {}
        one = dataclasses.replace(plan, corpus_stages=(st,))
        produced, _ = run_corpus_stages(one, folder, names, info["rows"]["articles"], owned,
                                        notes, timings)
        print(json.dumps({"stage": st.name, "seconds": round(sum(timings.values()), 1),
                          "rows": produced, "notes": notes}), flush=True)


def run_words(out: Path) -> tuple[int, int]:
    """Articles and whitespace-separated words of the texts of a run's ``articles`` parts."""
    import pandas as pd
    n = words = 0
    for f in sorted((out / "articles").glob("part-*.parquet")):
        t = pd.read_parquet(f, columns=["text"])["text"]
        n += len(t)
        words += int(t.str.split().str.len().sum())
    return n, words


def corpus_phase(n: int, jobs: int, log_every: float, run_dir: Path | None = None) -> None:
    """The corpus phase alone, measured (time, CPU, peak memory of the process tree), over
    the run ``--memory N --keep --corpus-max-articles 0`` left in benchmarks/out (or over
    ``run_dir``: a finished run's batch tables)."""
    out = run_dir or OUT / f"analyze_{n}_j{jobs}"
    n, words = run_words(out)
    print(f"corpus phase over {out}: {n:,} articles, {words:,} words", flush=True)
    args = [a for k in BY for a in ("--by", k)] + ["--include-duplicates"] * DUPLICATES[0]
    if ONLY:
        args += ["--stages", ",".join(ONLY)]

    def report(sec, pss, rss):
        print(f"  ... {sec:7.0f} s: peak so far PSS {pss:,.0f} MB (RSS sum {rss:,.0f} MB)",
              flush=True)

    r = measure([sys.executable, __file__, "--corpus-phase-child", str(out), "--jobs",
                 str(jobs), *args], report=report, every=log_every)
    for row in r["stdout"].splitlines():
        m = json.loads(row)
        print(f"  corpus stage {m['stage']:<14} {m['seconds']:8.1f} s; rows: "
              + ", ".join(f"{k} {v:,}" for k, v in m["rows"].items())
              + "".join(f"; note: {x}" for x in m["notes"]), flush=True)
    print(line(f"corpus phase, {n:,}", r, words), flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2,000)")
    ap.add_argument("--memory", metavar="SIZES",
                    help="comma-separated corpus sizes: newslab's time and peak memory only")
    ap.add_argument("--jobs", type=int, default=2, help="jobs for --memory (default 2)")
    ap.add_argument("--stages", default=None,
                    help="stages for newslab (default: all; 'tokens' for load+tokenize only)")
    ap.add_argument("--keep", action="store_true", help="keep the output tables")
    ap.add_argument("--log-every", type=float, default=0, metavar="SECONDS",
                    help="with --memory: print progress and peak memory this often")
    ap.add_argument("--corpus-max-articles", type=int, default=None, metavar="N",
                    help="passed to newslab analyze: no corpus-level stage runs above N "
                         "articles (0: the batch stages only; default: no limit, the "
                         "built-in corpus stages run out of core at any size)")
    ap.add_argument("--stage-memory", metavar="SIZES",
                    help="comma-separated sizes: peak memory of each corpus stage, per article")
    ap.add_argument("--by", action="append", default=[], metavar="KEY",
                    help="passed to newslab analyze (repeatable)")
    ap.add_argument("--include-duplicates", action="store_true",
                    help="passed to newslab analyze")
    ap.add_argument("--resume", action="store_true",
                    help="passed to newslab analyze (with --keep: a run finished in parts)")
    ap.add_argument("--engine", default=None, help="passed to newslab analyze (dask)")
    ap.add_argument("--corpus-phase", type=int, metavar="N",
                    help="the corpus stages alone over the run that --memory N --keep "
                         "--corpus-max-articles 0 left (time, CPU, peak memory)")
    ap.add_argument("--run-dir", type=Path, default=None, metavar="DIR",
                    help="with --corpus-phase: the run folder (default benchmarks/out/"
                         "analyze_N_jJOBS)")
    ap.add_argument("--corpus-phase-child", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--naive", metavar="CORPUS", help=argparse.SUPPRESS)
    ap.add_argument("--one-stage", nargs=2, metavar=("STAGE", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.corpus_max_articles is not None:
        CORPUS_LIMIT[:] = ["--corpus-max-articles", str(args.corpus_max_articles)]
    BY[:] = args.by
    DUPLICATES[0] = args.include_duplicates
    ONLY[:] = args.stages.split(",") if args.stages and (args.corpus_phase or
                                                         args.corpus_phase_child) else []
    if args.corpus_phase_child:
        corpus_phase_child(Path(args.corpus_phase_child), args.jobs)
        return 0
    if args.corpus_phase:
        corpus_phase(args.corpus_phase, args.jobs, args.log_every, args.run_dir)
        return 0
    ANALYZE_ARGS[:] = ([a for k in args.by for a in ("--by", k)]
                       + ["--include-duplicates"] * args.include_duplicates
                       + ["--resume"] * args.resume
                       + (["--engine", args.engine] if args.engine else []))
    if args.naive:
        print(json.dumps(run_naive(Path(args.naive))))
        return 0
    if args.one_stage:
        print(json.dumps(one_stage(args.one_stage[0], Path(args.one_stage[1]))))
        return 0
    if args.stage_memory:
        stage_memory([int(x) for x in args.stage_memory.split(",")], args.jobs, args.keep)
        return 0
    if args.memory:
        memory_scaling([int(x) for x in args.memory.split(",")], args.jobs, args.stages,
                       args.keep, args.log_every)
    else:
        side_by_side(args.n, args.stages, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
