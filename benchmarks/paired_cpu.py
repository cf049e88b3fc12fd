"""Paired runs with exact CPU seconds: the naive pipeline and ``newslab analyze`` of one or
more code trees, alternating, each run in its own child process, several rounds, medians.

``benchmarks/bench_pipeline.py`` samples CPU with psutil every 100 ms from a thread of the
parent; on a loaded machine that thread is late and its last sample can come seconds before
the child ends. Here a child's CPU seconds (user + system, its own and its waited-for
descendants') come from the kernel (``os.wait4``), so they are exact whatever the load; wall
seconds are printed too, and they are only fair on an otherwise idle machine. Worker
processes that newslab does not wait for itself (``--jobs 2``) are reparented to this
process (Linux's child subreaper) and reaped here, so their CPU seconds count too.

The corpus is ``benchmarks/make_corpus.py``'s (BBC News repeated, generated into
``benchmarks/out/``). Sides: ``naive`` (NLTK Punkt + word tokenizer + VADER on every
sentence, ``bench_pipeline.py --naive``) and, for every tree, ``newslab analyze CORPUS --out
DIR --no-csv --quiet --jobs J`` with that tree first on ``PYTHONPATH``. A tree is this
checkout (``.``), a folder, or ``rev:REV`` (``git archive`` of a revision, unpacked into
``benchmarks/out/``).

    python benchmarks/paired_cpu.py --n 2000 --rounds 3 --tree rev:main --tree .
    python benchmarks/paired_cpu.py --n 10000 --rounds 1 --jobs 1,2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus

OUT = ROOT / "benchmarks" / "out"


def tree_path(spec: str) -> Path:
    """The folder of a tree given as ``.``, a path or ``rev:REV``."""
    if not spec.startswith("rev:"):
        return (ROOT if spec == "." else Path(spec)).resolve()
    rev = spec[4:]
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], check=True,
                         capture_output=True, text=True).stdout.strip()
    dest = OUT / f"tree-{sha}"
    if not (dest / "newslab" / "__init__.py").is_file():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "newslab"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def become_subreaper() -> bool:
    """Make orphaned descendants of our children ours (Linux ``PR_SET_CHILD_SUBREAPER``), so
    that :func:`run` can reap them and count their CPU seconds."""
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def run(cmd: list[str], env: dict, cwd) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child and its descendants, stdout)."""
    import tempfile
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        cpu = usage.ru_utime + usage.ru_stime
        while True:  # descendants the child did not wait for (worker processes), reparented
            try:     # to this process (a subreaper): their CPU seconds count too
                _, _, u = os.wait4(-1, 0)
            except ChildProcessError:
                break
            cpu += u.ru_utime + u.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"paired_cpu: {' '.join(cmd)} failed:\n"
                     f"{err.read().decode(errors='replace')}")
        return wall, cpu, out.read().decode()


def words_of(corpus: Path) -> int:
    n = 0
    for f in sorted(corpus.rglob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            n += sum(len(json.loads(line)["text"].split()) for line in fh)
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2,000)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--tree", action="append", default=[],
                    help="a code tree: '.', a folder or rev:REV (repeatable; default '.')")
    ap.add_argument("--jobs", default="1", help="comma-separated --jobs values (default 1)")
    ap.add_argument("--no-naive", action="store_true", help="leave the naive side out")
    args = ap.parse_args(argv)
    if not become_subreaper():
        print("paired_cpu: not Linux: the CPU seconds of worker processes (--jobs > 1) that "
              "newslab does not wait for are not counted")
    trees = [(spec, tree_path(spec)) for spec in (args.tree or ["."])]
    jobs = [int(j) for j in args.jobs.split(",")]
    corpus = make_corpus(args.n, OUT / f"corpus_{args.n}")
    words = words_of(corpus)
    sides = [] if args.no_naive else [("naive", [sys.executable, str(ROOT / "benchmarks" /
                                                                     "bench_pipeline.py"),
                                                 "--naive", str(corpus)], None)]
    for spec, path in trees:
        for j in jobs:
            out = OUT / f"paired_{args.n}_j{j}"
            sides.append((f"newslab {spec} --jobs {j}",
                          [sys.executable, "-m", "newslab.cli", "analyze", str(corpus), "--out",
                           str(out), "--no-csv", "--quiet", "--jobs", str(j)], (path, out)))
    got = {name: [] for name, _, _ in sides}
    for _name, _cmd, extra in sides:  # each side imports the newslab of its own tree
        if extra is not None:
            got_file = subprocess.run(
                [sys.executable, "-c", "import newslab; print(newslab.__file__)"], cwd=extra[0],
                env={**os.environ, "PYTHONPATH": str(extra[0])}, capture_output=True,
                text=True, check=False).stdout.strip()
            if not got_file.startswith(str(extra[0])):
                sys.exit(f"paired_cpu: {extra[0]} does not import its own newslab ({got_file})")
    for r in range(args.rounds):
        for name, cmd, extra in sides:
            env = dict(os.environ)
            cwd = OUT
            if extra is not None:
                # `python -m` puts the working directory first on sys.path: run in the tree
                path, out = extra
                shutil.rmtree(out, ignore_errors=True)
                env["PYTHONPATH"] = os.pathsep.join(
                    p for p in [str(path), env.get("PYTHONPATH", "")] if p)
                cwd = path
            wall, cpu, _ = run(cmd, env, cwd)
            if extra is not None:
                shutil.rmtree(extra[1], ignore_errors=True)
            got[name].append((wall, cpu))
            print(f"round {r + 1}: {name:<34} {wall:7.1f} s wall {cpu:7.1f} s CPU", flush=True)
    print(f"\n{args.n:,} articles, {words:,} words; medians of {args.rounds} round(s); "
          f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
           for k, v in got.items()}
    base = med.get("naive")
    for name, (w, c) in med.items():
        rel = "" if base is None or name == "naive" else (
            f"   vs naive: {base[1] / c:.2f}x per CPU-second, {base[0] / w:.2f}x wall")
        print(f"  {name:<34} {words / c:>9,.0f} words/CPU-s {words / w:>9,.0f} words/s "
              f"(CPU {c:.1f} s, wall {w:.1f} s){rel}")
    for spec, _ in trees:
        if len(jobs) > 1:
            w1 = med[f"newslab {spec} --jobs {jobs[0]}"][0]
            for j in jobs[1:]:
                print(f"  {spec}: --jobs {j} / --jobs {jobs[0]} wall: "
                      f"{w1 / med[f'newslab {spec} --jobs {j}'][0]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
