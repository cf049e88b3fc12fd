"""What a run may keep from the one before it in the same ``--out``.

With ``resume=True`` a batch is kept when the previous run had the same options (hash of
:func:`run_options`), read the same input, finished that batch, and the batch holds the same
articles now (:func:`fingerprint`) and all its parts are still there. A batch a stage failed
on is tried again. Without ``resume``, everything newslab wrote before in ``--out`` (and
only that, see :mod:`newslab.pipeline.manifest`) is removed first.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from ..errors import NewslabError
from .manifest import RunFolder


def run_options(*, version, batch_size, columns, repair_dashes, stages, stage_options) -> dict:
    """The options that change a run's tables (and so must match for ``--resume``)."""
    return {"version": version, "batch_size": batch_size,
            "columns": sorted((columns or {}).items()), "repair_dashes": repair_dashes,
            "stages": [[s.name, f"{s.fn.__module__}:{s.fn.__qualname__}"] for s in stages],
            "stage_options": {k: _plain(v) for k, v in sorted(stage_options.items())}}


def options_hash(options: dict) -> str:
    return hashlib.sha1(json.dumps(options, sort_keys=True, default=str).encode()).hexdigest()


def _plain(v):
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return f"{type(v).__name__}:{getattr(v, 'fingerprint', None) or id(v)}"


def fingerprint(articles: pd.DataFrame, skipped: pd.DataFrame) -> str:
    """What a batch holds: ids and texts of its articles, and its skipped rows."""
    h = hashlib.sha1()
    for aid, text, dup in zip(articles["article_id"], articles["text"],
                              articles["duplicate_of"]):
        h.update(f"{aid}\x00{dup}\x00".encode("utf-8", "surrogatepass"))
        h.update(str(text).encode("utf-8", "surrogatepass"))
        h.update(b"\x01")
    for row in skipped.itertuples(index=False):
        h.update(f"{row.path}\x00{row.line}\x00{row.reason}\x01".encode("utf-8", "replace"))
    return h.hexdigest()


def previous_batches(folder: RunFolder, *, options: dict, digest: str, source: str,
                     resume: bool) -> dict[int, dict]:
    """The batches this run may keep (batch -> manifest entry); empty without ``resume``.
    Refuses a resume over a run of other options or another input."""
    if not resume:
        return {}
    old = folder.info()
    if old is None:
        return {}
    if old.get("options_hash") != digest:
        raise NewslabError(f"--resume: {folder.out} holds a run made with other options "
                           f"({_diff(old.get('options', {}), options)}); use another "
                           "--out, or run without --resume to start again")
    if old.get("source") not in (None, source):
        raise NewslabError(f"--resume: {folder.out} holds a run of another input "
                           f"({old['source']}); use another --out, or run without --resume "
                           "to replace it")
    return folder.finished_batches()


def reusable(entry: dict | None, fp: str, out: Path, part) -> bool:
    """Whether a previous batch entry can stand for the batch with fingerprint ``fp``."""
    return (entry is not None and entry.get("fingerprint") == fp and not entry.get("failed")
            and all(part(out, name, entry["batch"]).is_file() for name in entry["rows"]))


def _diff(a: dict, b: dict) -> str:
    keys = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    return "different " + ", ".join(keys) if keys else "different options"
