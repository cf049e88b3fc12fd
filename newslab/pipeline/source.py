"""The input side of a run: the files under PATH (the run's own ``--out`` left out) and the
batches of articles read from them, through the loader (:mod:`newslab.load`)."""

from __future__ import annotations

from pathlib import Path

from ..load import batches as _batches
from ..load import skipped_frame, walk as _walk


def walk(path, *, exclude=()) -> tuple[list[Path], list[dict]]:
    """``(files, problems)`` under ``path``, leaving out the folders in ``exclude`` (the
    run's own ``--out``, even when reached through a symlink); problems are skipped rows for
    what could not be read or followed."""
    excl = [Path(e).expanduser().resolve() for e in exclude]
    files, problems = _walk(path, exclude=tuple(excl))
    keep = []
    for f in files:
        try:
            r = Path(f).resolve()
        except (OSError, RuntimeError):
            keep.append(f)
            continue
        if not any(r == e or e in r.parents for e in excl):
            keep.append(f)
    return keep, list(problems)


def batches(files, *, batch_size, columns=None, repair_dashes=None, on_progress=None,
            problems=()):
    """``(index, articles, skipped)`` batches over ``files`` (the loader's batcher), the
    walk's ``problems`` in the first batch's skipped rows; ``repair_dashes=None`` leaves the
    loader's default."""
    kw = {"batch_size": batch_size, "columns": columns, "problems": list(problems)}
    if repair_dashes is not None:
        kw["repair_dashes"] = repair_dashes
    if on_progress is not None:
        kw["on_progress"] = on_progress
    return _batches(files, **kw)


__all__ = ["batches", "skipped_frame", "walk"]
