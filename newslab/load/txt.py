"""The seed's plain-text format, one article per ``.txt`` file.

Line 1 the title, line 2 the date (``YYYYMMDD`` or another common spelling), line 3 the URL,
then one paragraph per line. Liberal: a missing date or URL line is tolerated and the body
starts earlier. A date line is recognised by its place as well as by its spelling: when the
line after it is the URL, line 2 is the date line even if it cannot be parsed, and so is a
line shaped like a date that is not a valid one (``20211131``, ``2021-13-45``); the date is
then ``NaT`` and the line is kept in ``date_raw``, so a date never turns into body text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pandas as pd

from .dates import parse_date
from .decode import FileProblem, iter_lines
from .skipped import RowProblem

#: Each article is the whole file; its header has no fixed columns.
FIXED_COLUMNS = False
_URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.I)
_SEED_DATE = re.compile(r"^\d{8}$")
# Shaped like a date even when it is not a valid one (20211131, 2021-13-45)
_DATE_SHAPE = re.compile(r"^(\d{8}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}([T ][\d:.]+Z?)?)$")


def parse_seed_text(text: str) -> tuple[dict | None, str]:
    """Parse the seed format into ``{title, date, url, paragraphs, seed_format}``, or
    ``(None, reason)``. ``seed_format`` is True for the full seed header (a ``YYYYMMDD``
    date line and a URL line), the files whose lost dashes may be repaired."""
    return parse_seed_lines(text.split("\n"))


def parse_seed_lines(lines: list[str]) -> tuple[dict | None, str]:
    lines = [ln.strip() for ln in lines]
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    if i == len(lines):
        return None, "empty file"
    title = lines[i]
    rest = lines[i + 1:]
    date = url = None
    if rest and _URL.match(rest[0]):
        url, rest = rest[0], rest[1:]
    elif len(rest) > 1 and rest[0] and len(rest[0]) <= 100 and _URL.match(rest[1]):
        date, url, rest = rest[0], rest[1], rest[2:]
    elif rest and rest[0] and len(rest[0]) <= 40 and (_DATE_SHAPE.match(rest[0]) or
                                                      not pd.isna(parse_date(rest[0]))):
        date, rest = rest[0], rest[1:]
        if rest and _URL.match(rest[0]):
            url, rest = rest[0], rest[1:]
    paragraphs = [ln for ln in rest if ln]
    if not paragraphs:
        return None, "no body text (only a header)"
    seed = bool(date and _SEED_DATE.match(date) and url)
    return {"title": title, "date": date, "url": url, "paragraphs": paragraphs,
            "seed_format": seed}, ""


def rows(path: Path) -> Iterator[tuple[int | None, dict | RowProblem, int]]:
    """The file's one article as ``(None, row, bytes read)``."""
    lines, pos = [], 0
    for line, pos in iter_lines(path):
        lines.append(line.rstrip("\n"))
    row, why = parse_seed_lines(lines)
    if row is None:
        raise FileProblem(why)
    yield None, row, pos
