"""The folder walk: every file under a folder, and every entry it could not read or follow.

:func:`walk` returns ``(files, problems)``: the files in sorted path order, and a
``skipped`` row (path, line, reason) for each folder that cannot be listed or searched,
each entry that cannot be examined, each broken symlink, each folder symlink that leads to
a folder already read (a loop, or a second path to the same folder: not followed), each
special file (FIFO, socket, device: never opened) and each path longer than the system
allows. Folder symlinks are followed after the real folders, so a folder reached both ways
is read under its real path. Hidden files and folders (names starting with ``.``) are left
out on purpose, as are the folders in ``exclude`` (a run's own output folder).

Each file knows the folder the walk started from (``file.corpus_root``), from which the loader
takes ``source`` (the sub-folder) and, failing a URL, ``outlet``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import NewslabError
from .skipped import skip


class CorpusFile(type(Path())):
    """A file found by :func:`walk`, with ``corpus_root``: the folder the walk started from."""

    __slots__ = ("corpus_root",)


def _file(path: Path, root: Path | None) -> CorpusFile:
    f = CorpusFile(path)
    f.corpus_root = root
    return f


def _why(e: OSError) -> str:
    return e.strerror or type(e).__name__


def walk(path, *, exclude=()) -> tuple[list[Path], list[dict]]:
    """``(files, problems)`` under ``path`` (see the module docstring).

    Raises :class:`NewslabError` when ``path`` does not exist.
    """
    p = Path(path).expanduser()
    try:
        st = p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            raise NewslabError(f"path is a broken symlink: {path}") from None
        raise NewslabError(f"path does not exist: {path}") from None
    except OSError as e:
        raise NewslabError(f"cannot read {path}: {_why(e)}") from None
    if not stat.S_ISDIR(st.st_mode):
        return [_file(p, None)], []
    excluded = set()
    for x in exclude:
        try:
            xs = os.stat(x)
            excluded.add((xs.st_dev, xs.st_ino))
        except OSError:
            pass
    files, problems = [], []
    seen = set()
    # real folders first, then the folders reached through symlinks: a folder reached both
    # ways is read under its real path, and the symlink is reported
    real, linked = [(p, (st.st_dev, st.st_ino), False)], []
    while real or linked:
        d, key, is_link = real.pop() if real else linked.pop(0)
        if key in seen:
            problems.append(skip(d, "folder symlink to a folder already read (a loop or a "
                                    "second path to it): not followed" if is_link else
                                    "folder already read: not followed"))
            continue
        seen.add(key)
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            problems.append(skip(d, f"folder could not be read: {_why(e)}"))
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            ep = Path(d) / e.name
            is_link = False
            try:
                is_link = e.is_symlink()
                est = os.stat(e.path)  # follows symlinks
            except FileNotFoundError:
                problems.append(skip(ep, "broken symlink" if is_link else "vanished"))
                continue
            except OSError as err:
                problems.append(skip(ep, f"could not be examined: {_why(err)}"))
                continue
            if stat.S_ISDIR(est.st_mode):
                k = (est.st_dev, est.st_ino)
                if k not in excluded:
                    (linked if is_link else real).append((ep, k, is_link))
            elif stat.S_ISREG(est.st_mode):
                files.append(ep)
            else:
                problems.append(skip(ep, "not a regular file (FIFO, socket or device): "
                                         "not read"))
    files.sort()
    problems.sort(key=lambda r: r["path"])
    return [_file(f, p) for f in files], problems


def corpus_files(path, *, exclude=()) -> tuple[list[Path], list[dict]]:
    """:func:`walk`, raising :class:`NewslabError` when no file is found."""
    files, problems = walk(path, exclude=exclude)
    if not files:
        why = f" ({problems[0]['reason']}: {problems[0]['path']})" if problems else ""
        raise NewslabError(f"no files found in folder {path}{why}")
    return files, problems


def list_files(path) -> list[Path]:
    """The files under ``path`` (itself, if a file), sorted, hidden ones left out.

    Raises :class:`NewslabError` when there is none; see :func:`walk` for the problems.
    """
    return corpus_files(path)[0]
