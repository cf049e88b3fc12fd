"""JSON Lines and JSON: each object one article, mapped on its own keys.

``.jsonl`` / ``.ndjson`` / ``.json`` files hold one JSON object per line, read line by line
(any size). A file whose first value does not fit on its first line (a pretty-printed
object, several of them one after the other, or a JSON array ``[{...}, {...}]``) is read as
a JSON document instead: each object of the array, or each top-level object, is one row,
reported at the line where it starts. Documents are parsed value by value from a buffer
(:data:`DOC_CHUNK` characters at a time), so memory stays at about the biggest object. A line or value that is not a JSON object is a
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


#: Characters read at a time by the document reader (memory: about the biggest value).
DOC_CHUNK = 1 << 20


def _document(line, pos, lines, first_line) -> Iterator[tuple[int, dict | RowProblem, int]]:
    """A JSON document: an array of objects, or top-level values one after another, parsed
    value by value from a buffer that holds little more than the value being read."""
    buf, size, eof = line, pos, False
    lineno, counted = first_line, 0  # line number at offset `counted` of buf

    def more(n: int) -> None:
        nonlocal buf, size, eof
        parts, got = [], 0
        for ln, p in lines:
            parts.append(ln)
            got += len(ln)
            size = p
            if got >= n:
                break
        else:
            eof = True
        buf += "".join(parts)

    def skip_ws(i: int) -> int:
        while True:
            i = _WS.match(buf, i).end()
            if i < len(buf) or eof:
                return i
            more(DOC_CHUNK)

    def line_at(k: int) -> int:
        nonlocal lineno, counted
        lineno += buf.count("\n", counted, k)
        counted = k
        return lineno

    i = skip_ws(0)
    in_array = buf.startswith("[", i)
    if in_array:
        i = skip_ws(i + 1)
    while True:
        i = skip_ws(i)
        if i >= len(buf):
            return
        if in_array and buf.startswith("]", i):
            in_array = False
            i += 1
            continue
        at = line_at(i)
        need = DOC_CHUNK
        while True:
            try:
                obj, end = _decoder.raw_decode(buf, i)
                if end < len(buf) or eof:  # a number at the buffer's end may go on
                    break
                more(need)
            except json.JSONDecodeError as e:
                if eof:
                    yield at, RowProblem(f"invalid JSON: {e.msg} (the file is unreadable "
                                         f"from this line on)"), size
                    return
                more(need)
                need *= 2
            except RecursionError:
                yield at, RowProblem("invalid JSON: nested too deeply (the file is "
                                     "unreadable from this line on)"), size
                return
        raw = buf[i:end] if end - i < 1 << 20 else "\\ud800"  # big ones: check them
        if isinstance(obj, list) and not in_array:
            for o in obj:
                yield at, _row(o, raw), size
        else:
            yield at, _row(obj, raw), size
        i = skip_ws(end)
        if in_array and buf.startswith(",", i):
            i = skip_ws(i + 1)
        if i > DOC_CHUNK:  # drop what was read
            line_at(i)
            buf, counted, i = buf[i:], 0, 0
