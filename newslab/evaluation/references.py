"""References into real text beside the repository: a gold row that holds no text.

The real-text gold files under ``data/annotations/`` (see its README) never copy text from
``../shared``; each row points into it instead: ``file`` (a path under the shared folder, plus
``id`` for ``eval/bbc_news/bbc_news.jsonl`` or ``row``, the 0-based ``csv.DictReader`` row,
for ``eval/ag_news/test.csv``) and ``sent_start``/``sent_end``, character offsets into the
raw content (the whole ``.txt`` file read as UTF-8 with ``newline=""``, the BBC record's
``text``, the AG row's ``description``). A ``file`` under ``seeds/`` is read from the
repository's own seeds when the shared folder has none. :func:`resolve` returns the sentence.

The shared folder is ``$NEWSLAB_SHARED``, else the parent of ``$NEWSLAB_EVAL_DIR`` (the
tests' variable, ``<shared>/eval``), else ``../shared`` beside the repository.
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


def shared_dir() -> Path:
    """The shared data folder (it may not exist: callers check)."""
    if os.environ.get("NEWSLAB_SHARED"):
        return Path(os.environ["NEWSLAB_SHARED"])
    if os.environ.get("NEWSLAB_EVAL_DIR"):
        return Path(os.environ["NEWSLAB_EVAL_DIR"]).parent
    return _REPO.parent / "shared"


def is_reference(row: dict) -> bool:
    """A row that points into shared text instead of holding it."""
    return "file" in row and "sent_start" in row and "sent_end" in row


@lru_cache(maxsize=4)
def _bbc_texts(shared: str) -> dict:
    out = {}
    with open(Path(shared) / BBC, encoding="utf-8", newline="") as f:
        for ln in f:
            if ln.strip():
                r = json.loads(ln)
                out[r["id"]] = r["text"]
    return out


@lru_cache(maxsize=4)
def _ag_rows(shared: str) -> list:
    with open(Path(shared) / AG, encoding="utf-8", newline="") as f:
        return [r["description"] for r in csv.DictReader(f)]


@lru_cache(maxsize=256)
def _file_text(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def raw_content(ref: dict, shared=None) -> str:
    """The raw content that ``ref``'s offsets index (see the module docstring)."""
    base = Path(shared) if shared is not None else shared_dir()
    root = str(base.resolve())
    try:
        if ref["file"] == BBC:
            return _bbc_texts(root)[ref["id"]]
        if ref["file"] == AG:
            return _ag_rows(root)[int(ref["row"])]
        path = base / ref["file"]
        if not path.is_file() and str(ref["file"]).startswith("seeds/"):
            path = _REPO / ref["file"]
        return _file_text(str(path))
    except (OSError, KeyError, IndexError, ValueError) as e:
        raise NewslabError(f"cannot resolve reference {ref.get('uid', '')} "
                           f"({ref.get('file')}) under {base}: {e}") from None


def resolve(ref: dict, shared=None) -> str:
    """The sentence a reference points to: ``raw_content(ref)[sent_start:sent_end]``."""
    return raw_content(ref, shared)[int(ref["sent_start"]):int(ref["sent_end"])]


def resolve_prev(ref: dict, shared=None) -> str:
    """The previous sentence of a reference with ``prev_start``/``prev_end`` ("" if none)."""
    if ref.get("prev_start") is None:
        return ""
    return raw_content(ref, shared)[int(ref["prev_start"]):int(ref["prev_end"])]
