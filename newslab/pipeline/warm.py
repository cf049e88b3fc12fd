"""Preloaded by the process engine's forkserver (``engines.start_forkserver``): the built-in
batch stages run once, here, on one made-up article, so that what they load on first use
(tokenizers, gazetteer, lexicons, the stance model) is loaded once in the server and every
worker forked from it starts with it (pages shared) instead of loading its own (about
0.25 CPU-s per worker). Nothing is written; a failure only leaves the workers to load
what they need themselves."""

from __future__ import annotations

#: The made-up article (a sentence per paragraph, country names, a speaker, a quote).
TEXT = ("The foreign minister of France said on Monday that Germany had been a reliable "
        "partner.\n\nOfficials in Kenya criticised the new tariffs, calling them \"a mistake\"."
        "\n\nThe talks will continue next week in Geneva.")


def warm(*, strict: bool = False) -> None:
    """Run the built-in batch stages on :data:`TEXT` (``strict``: let an error through)."""
    try:
        import os
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
    except Exception:  # noqa: BLE001  (the workers load what they need themselves)
        if strict:
            raise


warm()
