"""JSON Lines and JSON: each object one article, mapped on its own keys.

``.jsonl`` / ``.ndjson`` / ``.json`` files hold one JSON object per line, read line by line
(any size). A file whose first value does not fit on its first line (a pretty-printed
object, several of them one after the other, or a JSON array ``[{...}, {...}]``) is read as
a JSON document instead: each object of the array, or each top-level object, is one row,
reported at the line where it starts. A line or value that is not a JSON object is a
skipped row with its line. Strings holding a lone surrogate escape (``"\\ud800"``, not valid
Unicode) get U+FFFD in its place, the one change the loader makes to such text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from .decode import FileProblem, iter_lines
from .skipped import RowProblem

#: Every object is mapped on its own keys.
FIXED_COLUMNS = False
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_WS = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


def fix_surrogates(value):
    """``value`` with lone surrogates in its strings replaced by U+FFFD (recursively)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {fix_surrogates(k): fix_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [fix_surrogates(v) for v in value]
    return value


def _row(obj, raw: str):
    if not isinstance(obj, dict):
        return RowProblem("not a JSON object")
    return fix_surrogates(obj) if _SURROGATE_ESCAPE.search(raw) else obj


def rows(path: Path) -> Iterator[tuple[int, dict | RowProblem, int]]:
    """``(line, object or a problem, bytes read)`` for each JSON value."""
    lines = iter_lines(path)
    first = None
    n_blank = 0
    for line, pos in lines:
        if line.strip():
            first = (line, pos)
            break
        n_blank += 1
    if first is None:
        raise FileProblem("empty file")
    line, pos = first
    stripped = line.strip()
    as_document = stripped.startswith("[")
    if not as_document and stripped.startswith("{"):
        try:
            json.loads(stripped)
        except json.JSONDecodeError:
            as_document = True
    if as_document:
        yield from _document(line, pos, lines, n_blank + 1)
        return
    i = n_blank + 1
    yield i, _one(line), pos
    for line, pos in lines:
        i += 1
        if not line.strip():
            continue
        yield i, _one(line), pos


def _one(line: str):
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return RowProblem(f"invalid JSON: {e.msg}")
    except RecursionError:
        return RowProblem("invalid JSON: nested too deeply")
    return _row(obj, line)


def _document(line, pos, lines, first_line) -> Iterator[tuple[int, dict | RowProblem, int]]:
    """A whole JSON document: an array of objects, or top-level values one after another."""
    parts = [line]
    for ln, pos in lines:
        parts.append(ln)
    text = "".join(parts)
    size = pos
    lineno, counted = first_line, 0  # line number at offset `counted`

    def line_at(k):
        nonlocal lineno, counted
        lineno += text.count("\n", counted, k)
        counted = k
        return lineno

    i = _WS.match(text, 0).end()
    in_array = text.startswith("[", i)
    if in_array:
        i = _WS.match(text, i + 1).end()
    while i < len(text):
        if in_array and text.startswith("]", i):
            i = _WS.match(text, i + 1).end()
            in_array = False
            continue
        at = line_at(i)
        try:
            obj, end = _decoder.raw_decode(text, i)
        except (json.JSONDecodeError, RecursionError) as e:
            msg = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            yield at, RowProblem(f"invalid JSON: {msg} (the file is unreadable from this "
                                 f"line on)"), size
            return
        raw = text[i:end] if end - i < 1 << 20 else "\\ud800"  # big ones: check them
        if isinstance(obj, list) and not in_array:
            for o in obj:
                yield at, _row(o, raw), size
        else:
            yield at, _row(obj, raw), size
        i = _WS.match(text, end).end()
        if in_array and text.startswith(",", i):
            i = _WS.match(text, i + 1).end()
