"""The output folder's own records: the lock, ``_run.json``, the append-only manifest, and
the only way files are ever deleted.

``DIR/_manifest.jsonl`` gets a line when a batch starts (the files it will write) and one
when it is complete (its row counts); the last line for a batch wins. ``DIR/_run.json`` says
whether the run is running or complete, with what options, and lists every file it wrote.
Together they are the list of files newslab owns in ``DIR``: only those are ever deleted,
only inside ``DIR``, and only files of the shapes newslab writes (``<table>/part-N.parquet``,
``<table>.csv``, ``README.md`` and their temporary files). A foreign or edited ``_run.json``
therefore cannot make newslab delete anything else; user files and folders in ``DIR`` stay,
even when named like a table.

``DIR/_lock`` holds the pid of the run writing to ``DIR`` (an ``flock`` on it, released by
the system when that process ends, however it ends); a second run refuses to start.
"""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

from ..errors import NewslabError

MANIFEST = "_manifest.jsonl"
RUN_INFO = "_run.json"
LOCK = "_lock"
README = "README.md"

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_SHAPES = [re.compile(rf"^{_NAME}/part-\d+\.parquet$"), re.compile(rf"^{_NAME}\.csv$"),
           re.compile(r"^README\.md$")]
_TMP = re.compile(r"^\.(part-\d+\.parquet|[A-Za-z0-9_]+\.csv|README\.md)\.(\d+\.)?tmp$")
TABLE_NAME = re.compile(rf"^{_NAME}$")


class RunFolder:
    """``DIR`` as newslab sees it: what it owns there, its lock and its records."""

    def __init__(self, out):
        self.out = Path(out)
        self._lock_fd = None
        self._manifest = None

    # ---- the lock -------------------------------------------------------------------

    def lock(self) -> None:
        """Take ``DIR/_lock`` or refuse (another live run holds it)."""
        import fcntl
        path = self.out / LOCK
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                pid = _read_pid(fd)
                os.close(fd)
                raise NewslabError(
                    f"another newslab run{f' (pid {pid})' if pid else ''} is writing to "
                    f"{self.out}: wait for it to finish, or choose another --out") from None
            # no flock here (some network file systems): fall back to the pid in the file
            pid = _read_pid(fd)
            if pid and pid != os.getpid() and _alive(pid):
                os.close(fd)
                raise NewslabError(f"another newslab run (pid {pid}) is writing to "
                                   f"{self.out}: wait for it, or choose another --out") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd = fd

    def unlock(self) -> None:
        if self._lock_fd is None:
            return
        try:
            (self.out / LOCK).unlink(missing_ok=True)
        finally:
            os.close(self._lock_fd)
            self._lock_fd = None

    # ---- records --------------------------------------------------------------------

    def info(self) -> dict | None:
        """The previous run's ``_run.json`` (None when absent or unreadable)."""
        try:
            info = json.loads((self.out / RUN_INFO).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return info if isinstance(info, dict) else None

    def write_info(self, info: dict) -> None:
        p = self.out / RUN_INFO
        tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
        os.replace(tmp, p)

    def entries(self) -> list[dict]:
        """The manifest's lines (those cut short by an interruption left out)."""
        out = []
        try:
            fh = open(self.out / MANIFEST, encoding="utf-8")
        except OSError:
            return out
        with fh:
            for line in fh:
                try:
                    e = json.loads(line)
                    e["batch"] = int(e["batch"])
                except (ValueError, KeyError, TypeError):
                    continue
                if isinstance(e, dict):
                    out.append(e)
        return out

    def finished_batches(self) -> dict[int, dict]:
        """batch -> its last complete entry."""
        done = {}
        for e in self.entries():
            if "rows" in e and isinstance(e["rows"], dict):
                done[e["batch"]] = e
            elif e["batch"] in done and "start" in e:
                del done[e["batch"]]  # started again after it finished: not finished now
        return done

    def open_manifest(self, *, fresh: bool) -> None:
        if fresh:
            (self.out / MANIFEST).write_text("", encoding="utf-8")
        self._manifest = open(self.out / MANIFEST, "a", encoding="utf-8")

    def append(self, entry: dict) -> None:
        self._manifest.write(json.dumps(entry, sort_keys=True) + "\n")
        self._manifest.flush()

    def close(self) -> None:
        if self._manifest is not None:
            self._manifest.close()
            self._manifest = None

    # ---- ownership ------------------------------------------------------------------

    def safe(self, rel) -> Path | None:
        """``DIR/rel`` when ``rel`` names a file of a shape newslab writes, inside ``DIR``
        and not through a symbolic link; else None."""
        if not isinstance(rel, str) or "\\" in rel or not any(s.match(rel) for s in _SHAPES):
            return None
        p = self.out / rel
        if p.parent != self.out and (p.parent.is_symlink() or not p.parent.is_dir()):
            return None
        if p.is_symlink() or (p.exists() and not p.is_file()):
            return None
        return p

    def owned(self) -> set[str]:
        """Files (relative to ``DIR``) that newslab's own records say it wrote here."""
        rels: set[str] = set()
        info = self.info() or {}
        files = info.get("files")
        if isinstance(files, list):
            rels.update(f for f in files if isinstance(f, str))
        elif isinstance(info.get("tables"), list):  # a run of an older newslab
            for t in info["tables"]:
                if isinstance(t, str) and TABLE_NAME.match(t):
                    d = self._table_dir(t)
                    if d is not None:
                        rels.update(f"{t}/{f.name}" for f in d.iterdir()
                                    if re.match(r"^part-\d+\.parquet$", f.name))
                    rels.add(f"{t}.csv")
        for e in self.entries():
            rels.update(f for f in e.get("files", []) if isinstance(f, str))
        return {r for r in rels if self.safe(r) is not None}

    def created_dirs(self) -> set[str]:
        info = self.info() or {}
        dirs = info.get("dirs", [])
        return {d for d in dirs if isinstance(d, str) and TABLE_NAME.match(d)} if isinstance(
            dirs, list) else set()

    def delete(self, rels, *, dirs=()) -> None:
        """Delete the owned files ``rels`` (checked again), their temporary files, and then
        the folders in ``dirs`` (that newslab made) if they are left empty."""
        tables = set()
        for rel in rels:
            p = self.safe(rel)
            if p is None:
                continue
            p.unlink(missing_ok=True)
            if p.parent != self.out:
                tables.add(p.parent.name)
        self.clean_tmp(tables | set(dirs))
        for t in dirs:
            d = self._table_dir(t)
            if d is not None:
                try:
                    d.rmdir()
                except OSError:
                    pass  # not empty: someone else's files are in it
        _remove_tmp(self.out)

    def _table_dir(self, t: str):
        """``DIR/t`` when it is a real folder with a table's name (never through a symlink)."""
        d = self.out / t
        return d if TABLE_NAME.match(t) and not d.is_symlink() and d.is_dir() else None

    def clean_tmp(self, tables) -> None:
        """Remove newslab's temporary files (``.part-N.parquet.PID.tmp``, left by a run that
        was killed while writing) from the folders of ``tables``; only the lock holder does
        this, so no other run is writing them."""
        for t in tables:
            d = self._table_dir(t)
            if d is not None:
                _remove_tmp(d)

    def foreign_parts(self, table: str, owned: set[str]) -> list[str]:
        """Part files in ``DIR/table`` that newslab did not write (a user's, or another
        program's): a run never writes over them."""
        d = self.out / table
        if not d.exists() and not d.is_symlink():
            return []
        if d.is_symlink() or not d.is_dir():
            return [table]
        return sorted(f.name for f in d.iterdir()
                      if re.match(r"^part-\d+\.parquet$", f.name)
                      and f"{table}/{f.name}" not in owned)


def _read_pid(fd) -> int | None:
    try:
        os.lseek(fd, 0, 0)
        return int(os.read(fd, 32).decode().strip() or 0) or None
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_tmp(folder) -> None:
    """Delete newslab's temporary part files directly in ``folder`` (regular files only)."""
    for f in folder.iterdir():
        if _TMP.match(f.name) and f.is_file() and not f.is_symlink():
            f.unlink(missing_ok=True)
