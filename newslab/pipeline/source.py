"""The input side of a run: the files under PATH (the run's own ``--out`` left out) and the
batches of articles read from them, through the loader (:mod:`newslab.load`)."""

from __future__ import annotations

import inspect
from pathlib import Path

# The loader keeps batches/skipped_frame/list_files/walk in newslab.load; until the package
# lands they live in newslab.stream (this fallback goes once it has).
try:
    from ..load import batches as _batches, skipped_frame  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the loader's branch
    from ..stream import batches as _batches, skipped_frame
from .. import load as _load


def walk(path, *, exclude=()) -> tuple[list[Path], list[dict]]:
    """``(files, problems)`` under ``path``, leaving out the folders in ``exclude`` (the
    run's own ``--out``); problems are skipped rows for what could not be read or followed."""
    excl = [Path(e).resolve() for e in exclude]
    if hasattr(_load, "walk"):
        files, problems = _load.walk(path, exclude=tuple(excl))
    else:
        files, problems = _load.list_files(path), []
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


def batches(files, *, batch_size, columns=None, repair_dashes=None, on_progress=None):
    """``(index, articles, skipped)`` batches over ``files`` (the loader's batcher);
    ``repair_dashes=None`` leaves the loader's default."""
    kw = {"batch_size": batch_size, "columns": columns}
    if repair_dashes is not None:
        kw["repair_dashes"] = repair_dashes
    if on_progress is not None and "on_progress" in inspect.signature(_batches).parameters:
        kw["on_progress"] = on_progress
    for k, item in enumerate(_batches(files, **kw)):
        if len(item) == 2:  # (articles, skipped): number them here
            yield (k, *item)
        else:
            yield item


__all__ = ["batches", "skipped_frame", "walk"]
