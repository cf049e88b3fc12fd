"""References into the read-only data beside the project (``../shared``): the project keeps
file names and offsets, never the text (the convention of ``scripts/sample_gold.py``).

A reference is a dict with ``file`` (a path under the shared folder; a ``seeds/...`` file is
read from the repository's own seeds when the shared folder has none), ``sent_start`` and
``sent_end`` (character offsets of the sentence in the file's raw content), plus ``id`` for
``eval/bbc_news/bbc_news.jsonl`` (that record's ``text``) or ``row`` for
``eval/ag_news/test.csv`` (the ``description`` of data row ``row``, 0-based). Raw content of
any other file: the whole file decoded as UTF-8 exactly as stored (``newline=""``).

:func:`shared_dir` finds the shared folder; :func:`resolve` returns a reference's sentence.
Every problem is one :class:`NewslabError`.
"""

from __future__ import annotations

import csv
import json
import os
from functools import lru_cache
from pathlib import Path

from ..errors import NewslabError

BBC = "eval/bbc_news/bbc_news.jsonl"
AG = "eval/ag_news/test.csv"
_REPO = Path(__file__).resolve().parents[2]


def shared_dir(path=None) -> Path:
    """The shared data folder: ``path`` if given, else ``$NEWSLAB_SHARED``, else the parent
    of ``$NEWSLAB_EVAL_DIR``, else ``../shared`` beside the repository."""
    if path is not None:
        return Path(path)
    if os.environ.get("NEWSLAB_SHARED"):
        return Path(os.environ["NEWSLAB_SHARED"])
    if os.environ.get("NEWSLAB_EVAL_DIR"):
        return Path(os.environ["NEWSLAB_EVAL_DIR"]).parent
    return _REPO.parent / "shared"


def is_reference(row: dict) -> bool:
    """A row that points into shared text instead of holding it."""
    return "file" in row and "sent_start" in row and "sent_end" in row


@lru_cache(maxsize=4)
def _bbc(shared: str) -> dict:
    out = {}
    with open(Path(shared) / BBC, encoding="utf-8", newline="") as f:
        for ln in f:
            if ln.strip():
                r = json.loads(ln)
                out[r["id"]] = r["text"]
    return out


@lru_cache(maxsize=4)
def _ag(shared: str) -> list:
    with open(Path(shared) / AG, encoding="utf-8", newline="") as f:
        return [r["description"] for r in csv.DictReader(f)]


@lru_cache(maxsize=64)
def _file(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def raw_content(ref: dict, shared=None) -> str:
    """The raw content that ``ref``'s offsets index (see the module doc); ``shared``
    defaults to :func:`shared_dir`."""
    root = shared_dir(shared)
    rel = ref.get("file")
    if not isinstance(rel, str) or not rel:
        raise NewslabError("a reference needs a file (a path under the shared folder)")
    if Path(rel).is_absolute() or ".." in Path(rel).parts:
        raise NewslabError(f"reference file must be a path inside the shared folder, "
                           f"not {rel!r}")
    p = root / rel
    if not p.is_file() and rel.startswith("seeds/") and (_REPO / rel).is_file():
        p = _REPO / rel
    if not p.is_file():
        raise NewslabError(f"{rel} not found under {root} (--shared DIR)")
    try:
        if rel == BBC:
            doc = _bbc(str(root.resolve())).get(ref.get("id"))
            if doc is None:
                raise NewslabError(f"id {ref.get('id')!r} not in {BBC}")
            return doc
        if rel == AG:
            rows = _ag(str(root.resolve()))
            row = ref.get("row")
            if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < len(rows):
                raise NewslabError(f"row {row!r} not in {AG} ({len(rows)} rows)")
            return rows[row]
        return _file(str(p.resolve()))
    except UnicodeDecodeError:
        raise NewslabError(f"{rel}: not UTF-8 text") from None
    except (OSError, ValueError, KeyError) as e:
        raise NewslabError(f"cannot read {rel}: {e}") from None


def resolve(ref: dict, shared=None) -> str:
    """The sentence a reference points to: ``raw_content(ref)[sent_start:sent_end]``."""
    doc = raw_content(ref, shared)
    a, b = ref.get("sent_start"), ref.get("sent_end")
    if any(isinstance(x, bool) or not isinstance(x, int) for x in (a, b)):
        raise NewslabError(f"sent_start/sent_end must be whole numbers, not {a!r}/{b!r}")
    if not 0 <= a < b <= len(doc):
        raise NewslabError(f"sent_start/sent_end {a}:{b} outside {ref['file']} "
                           f"({len(doc)} characters)")
    return doc[a:b]


def resolve_prev(ref: dict, shared=None) -> str:
    """The previous sentence of a reference with ``prev_start``/``prev_end`` ("" if none)."""
    if ref.get("prev_start") is None:
        return ""
    return raw_content(ref, shared)[int(ref["prev_start"]):int(ref["prev_end"])]
