"""Robustness, interrupts and concurrency: a lock on ``--out``, Ctrl-C and kill -9 followed
by ``--resume`` give the same tables as a clean run (5 of 5 each), workers die with the run,
a stale lock from a killed run does not block the next."""

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from newslab.errors import NewslabError
from newslab.pipeline import LOCK, RunFolder, Stage, analyze, read_table, stage_named

from ..conftest import ROOT
from ..test_pipeline import make_corpus

pytestmark = [pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc: Linux"),
              pytest.mark.slow]


def slow_stage(tables):
    """Per article its token count; sleeps NEWSLAB_TEST_SLEEP seconds per batch."""
    time.sleep(float(os.environ.get("NEWSLAB_TEST_SLEEP", "0")))
    t = tables["tokens"]
    n = t.groupby("article_id", sort=False).size()
    a = tables["articles"]
    return {"slow": pd.DataFrame({"article_id": a["article_id"].to_numpy(),
                                  "n_tokens": a["article_id"].map(n).fillna(0).astype("int64")
                                  .to_numpy()})}


STAGES = (stage_named("sentences"), stage_named("tokens"),
          Stage("slow", slow_stage, needs={"articles": None, "tokens": None},
                produces=("slow",)))

# Ctrl-C in a terminal: SIGINT raises KeyboardInterrupt in the run, even when the suite itself
# was started with SIGINT ignored (as a shell's background job is), which the child inherits
SCRIPT = """
import signal
import sys
signal.signal(signal.SIGINT, signal.default_int_handler)
from newslab.pipeline import analyze
from tests.robustness.test_runner_interrupts import STAGES
try:
    analyze(sys.argv[1], sys.argv[2], stages=STAGES, batch_size=2, jobs=int(sys.argv[3]),
            resume=sys.argv[4] == "1", engine=sys.argv[5], quiet=True)
except KeyboardInterrupt:
    sys.exit(130)
"""


def start(corpus, out, *, jobs=1, resume=False, sleep=0.1, engine="processes"):
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWSLAB_TEST_SLEEP=str(sleep))
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(corpus), str(out), str(jobs),
                             "1" if resume else "0", engine], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finished(out) -> int:
    try:
        lines = (out / "_manifest.jsonl").read_text().splitlines()
    except OSError:
        return 0
    n = 0
    for x in lines:
        try:
            n += "rows" in json.loads(x)
        except ValueError:
            pass
    return n


def wait_for(cond, timeout=60.0):
    t0 = time.monotonic()
    while not cond():
        if time.monotonic() - t0 > timeout:
            raise AssertionError("timed out")
        time.sleep(0.02)


def tables(out):
    info = json.loads((out / "_run.json").read_text())
    assert info["status"] == "complete"
    return {n: read_table(out, n) for n in info["tables"]}


def same(a, b):
    assert list(a) == list(b)
    for n in a:  # row for row, in order: no sorting
        pd.testing.assert_frame_equal(a[n], b[n], obj=n)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    make_corpus(d / "c", n=20)
    ref = d / "ref"
    analyze(d / "c", ref, stages=STAGES, batch_size=2, jobs=1, quiet=True)
    return d / "c", tables(ref)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("k", range(5))
def test_interrupt_then_resume_is_identical(tmp_path, corpus, sig, k):
    src, ref = corpus
    out = tmp_path / "o"
    p = start(src, out, jobs=2 if k == 1 else 1, sleep=0.1)
    wait_for(lambda: finished(out) >= 1 + k % 3)
    p.send_signal(sig)
    code = p.wait(timeout=60)
    assert code != 0
    assert json.loads((out / "_run.json").read_text())["status"] in ("running", "incomplete")
    os.environ["NEWSLAB_TEST_SLEEP"] = "0"
    try:
        res = analyze(src, out, stages=STAGES, batch_size=2, jobs=1, resume=True, quiet=True)
    finally:
        os.environ.pop("NEWSLAB_TEST_SLEEP")
    assert res.n_batches_resumed >= 1 + k % 3
    same(tables(out), ref)
    assert not (out / LOCK).exists()
    assert not [f for f in out.rglob("*.tmp")]


def test_a_second_run_into_the_same_out_refuses(tmp_path, corpus):
    src, ref = corpus
    out = tmp_path / "o"
    p = start(src, out, jobs=1, sleep=0.1)
    wait_for(lambda: finished(out) >= 1)
    before = (out / "_run.json").read_text()
    with pytest.raises(NewslabError, match=rf"another newslab run \(pid {p.pid}\) is writing"):
        analyze(src, out, stages=STAGES, batch_size=2, jobs=1, quiet=True)
    with pytest.raises(NewslabError, match="another newslab run"):
        analyze(src, out, stages=STAGES, batch_size=2, jobs=1, resume=True, quiet=True)
    assert p.wait(timeout=60) == 0, p.stderr.read().decode()
    assert before.startswith("{")  # the second run did not touch the records
    same(tables(out), ref)
    assert not (out / LOCK).exists()


def test_two_cli_runs_one_refuses(tmp_path):
    make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "o"
    out.mkdir()
    holder = RunFolder(out)
    holder.lock()
    try:
        r = subprocess.run([sys.executable, "-m", "newslab.cli", "analyze", str(tmp_path / "c"),
                            "--out", str(out), "--stages", "tokens"], capture_output=True,
                           text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    finally:
        holder.unlock()
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (f"newslab: error: another newslab run (pid {os.getpid()}) is "
                                f"writing to {out}: wait for it to finish, or choose another "
                                "--out")
    assert sorted(p.name for p in out.iterdir()) == []


@pytest.mark.parametrize("pid", ["999999999", "", "garbage", str(os.getpid())])
def test_a_stale_lock_does_not_block(tmp_path, pid):
    """A lock file left by a killed run (its flock gone with it) is taken over."""
    make_corpus(tmp_path / "c", n=4, bad=False)
    out = tmp_path / "o"
    out.mkdir()
    (out / LOCK).write_text(pid)
    res = analyze(tmp_path / "c", out, stages=STAGES, jobs=1, quiet=True)
    assert res.counts["articles"] == 4 and not (out / LOCK).exists()


def _descendants(pid):
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = open(f"/proc/{d}/stat").read()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def _alive(pid):
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


@pytest.mark.parametrize("engine", ["processes", "dask"])
def test_workers_die_with_the_run(tmp_path, corpus, engine):
    if engine == "dask":
        pytest.importorskip("distributed")
    src, _ = corpus
    out = tmp_path / "o"
    p = start(src, out, jobs=2, sleep=1.0, engine=engine)
    wait_for(lambda: len(_descendants(p.pid)) >= 3, timeout=120)  # server + 2 workers
    wait_for(lambda: finished(out) >= 1, timeout=120)
    kids = _descendants(p.pid)
    p.kill()
    p.wait(timeout=30)
    wait_for(lambda: not any(_alive(k) for k in kids), timeout=15)
