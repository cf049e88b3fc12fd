"""The local workers' forkserver, started before ``newslab analyze`` imports anything heavy.

``newslab analyze --jobs 2`` (or the default, all cores) spends its first second importing
pandas, pyarrow and the stages in the run's process; the workers' forkserver
(``newslab.pipeline.engines.start_forkserver``) then imports the same and loads the
stages' models (``newslab.pipeline.warm``) before the first batch can start. Started here,
from the command line's ``main`` before it builds its parser, the forkserver does that on
the second core while the run's process imports and reads its first batches, and the
workers are ready when the first batch is.

Only this module's few standard-library imports run before it: it must not import the
rest of newslab (``newslab.pipeline`` is what the server preloads). It starts the server
only where the run would (``engines.preloads``: the process engine, more than one job, an
input of more than :data:`PRESTART_BYTES`) with the default stages; anything else
(``--stages``, ``--resume``, ``--engine dask``, arguments it does not understand) leaves
the start to the run, as before. A server started here that the run does not use (the run
then fails its own checks) ends with the run's process.
"""

from __future__ import annotations

import os

#: Set (to "1") only in the environment of the forkserver newslab starts
#: (``newslab.pipeline.warm``: its warm-up runs there only).
FORKSERVER_ENV = "_NEWSLAB_WARM_FORKSERVER"
#: Inputs above this many bytes (about 1,000 news articles: more than one batch) start the
#: workers' forkserver, preloaded, with the first batch to run (``engines.preloads``).
PRESTART_BYTES = 2_000_000
#: What the forkserver preloads for the default stages: ``engines.preload_modules`` of
#: ``DEFAULT_STAGES``' batch stages (a test checks that they agree).
DEFAULT_PRELOAD = ("newslab.countries.stage", "newslab.pipeline", "newslab.pipeline.stages",
                   "newslab.sentiment.stage", "newslab.stance.stage",
                   "newslab.pipeline.warm")
#: Whether newslab started this process's forkserver ("warm": with the batch stages'
#: modules and models) or not (None: none, or the caller's). ``engines._STARTED`` is this.
STARTED: list = [None]


def cores() -> int:
    """All the cores this process may use (also ``engines.default_jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def bytes_above(path, limit: int, *, exclude=None) -> bool:
    """Whether the files under ``path`` (a file or a folder; ``exclude``: a folder left
    out, the run's ``--out``) hold more than ``limit`` bytes; stops counting there."""
    try:
        if os.path.isfile(path):
            return os.path.getsize(path) > limit
        skip = os.path.realpath(exclude) if exclude else None
        total = 0
        for root, dirs, files in os.walk(path, followlinks=True):
            if skip is not None:
                dirs[:] = [d for d in dirs
                           if os.path.realpath(os.path.join(root, d)) != skip]
            for f in files:
                try:
                    total += os.path.getsize(os.path.join(root, f))
                except OSError:
                    continue
                if total > limit:
                    return True
    except OSError:
        return False
    return False


def start_server(preload) -> None:
    """Start this interpreter's forkserver (a no-op when it runs) preloading ``preload``,
    with SIGINT ignored while it starts (Python then installs no KeyboardInterrupt handler
    in it: a Ctrl-C while it imports its preloaded modules leaves it quiet; the run's
    process gets the Ctrl-C) and with :data:`FORKSERVER_ENV` in its environment."""
    import multiprocessing as mp
    import signal
    import threading
    from multiprocessing import forkserver
    mp.get_context("forkserver").set_forkserver_preload(list(preload))
    main = threading.current_thread() is threading.main_thread()  # signal's own rule
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    os.environ[FORKSERVER_ENV] = "1"
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(FORKSERVER_ENV, None)
        if main and old is not None:           # (None: a handler set outside Python)
            signal.signal(signal.SIGINT, old)


def analyze_args(argv) -> dict | None:
    """The arguments of ``newslab analyze`` that decide the early start, or None when
    ``argv`` is not a plain ``analyze`` call this module understands."""
    import argparse
    if not argv or argv[0] != "analyze":
        return None

    class Quiet(argparse.ArgumentParser):
        def error(self, message):       # the real parser says what is wrong, not this one
            raise ValueError(message)

    p = Quiet(add_help=False, allow_abbrev=False)
    p.add_argument("path")
    p.add_argument("--out", default="results")
    p.add_argument("--jobs", "-j", type=int, default=None)
    p.add_argument("--engine", default="processes")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--stages", default=None)
    p.add_argument("--help", "-h", action="store_true")
    for flag in ("--column", "--scheduler", "--by", "--stance-method", "--model",
                 "--corpus-max-articles", "--batch-size"):   # (their values are not the path)
        p.add_argument(flag, action="append")
    try:
        args, _ = p.parse_known_args(list(argv[1:]))
    except (SystemExit, ValueError, TypeError):
        return None
    return vars(args)


def maybe_start(argv) -> bool:
    """Start the forkserver now when ``argv`` is an ``analyze`` run that would start it
    with the default stages (see the module's docstring). Whether it started one."""
    import multiprocessing as mp
    a = analyze_args(argv)
    if (a is None or a["help"] or a["resume"] or a["stages"] is not None
            or a["engine"] != "processes"
            or "forkserver" not in mp.get_all_start_methods()):
        return False
    jobs = cores() if a["jobs"] is None else min(a["jobs"], cores())
    if jobs < 2 or not bytes_above(a["path"], PRESTART_BYTES, exclude=a["out"]):
        return False
    from multiprocessing import forkserver
    if forkserver._forkserver._forkserver_pid is not None:  # the caller's: left alone
        return False
    try:
        start_server(DEFAULT_PRELOAD)
    except Exception:        # the run starts it itself
        return False
    STARTED[0] = "warm"
    return True
