"""The warm-up of the process engine's forkserver (``engines.start_forkserver``): the
built-in batch stages run once, in the server, on one made-up article, so that what they
load on first use (tokenizers, gazetteer, lexicons, the stance model) is loaded once there
and every worker forked from it starts with it (pages shared) instead of loading its own
(about 0.25 CPU-s per worker). Nothing is written; a failure only leaves the workers to
load what they need themselves.

The server imports this module last of its preloaded ones, for its effect: the warm-up
runs on that import only where :data:`FORKSERVER_ENV` is set, which newslab sets in the
environment of the server it starts, and nowhere else (it removes it there, so the workers
never see it). A plain import (documentation tools, ``pkgutil.walk_packages``) runs
nothing; :func:`warm` runs it on demand."""

from __future__ import annotations

import os

from ..prestart import FORKSERVER_ENV  # noqa: F401  (set to "1" only in the environment
# of the forkserver newslab starts)
#: Whether :func:`warm` ran to the end in this process (in a worker: in its forkserver).
WARMED = False

#: The made-up article (a sentence per paragraph, country names, a speaker, a quote).
TEXT = ("The foreign minister of France said on Monday that Germany had been a reliable "
        "partner.\n\nOfficials in Kenya criticised the new tariffs, calling them \"a mistake\"."
        "\n\nThe talks will continue next week in Geneva.")


def warm(*, strict: bool = False) -> None:
    """Run the built-in batch stages on :data:`TEXT` (``strict``: let an error through)."""
    global WARMED
    try:
        import tempfile

        from ..load.batcher import read_file
        from ..load.table import frame
        from .batches import process_batch
        from .stages import DEFAULT_STAGES
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "warm.txt")
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(TEXT)
            recs, _ = read_file(p)
        process_batch(frame(recs), [s for s in DEFAULT_STAGES if s.kind == "batch"])
        WARMED = True
    except (Exception, KeyboardInterrupt):  # (the workers load what they
        if strict:                          # need themselves; a Ctrl-C ends the run anyway)
            raise


def _in_the_forkserver() -> None:
    """On the forkserver's import: the warm-up, then Python's own Ctrl-C handler back
    (the server started with SIGINT ignored, ``engines._start_server``; the workers it
    forks get this handler, as they would have without the warm-up)."""
    if os.environ.pop(FORKSERVER_ENV, None) != "1":
        return
    try:
        warm()
    finally:
        import signal
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.default_int_handler)


_in_the_forkserver()
