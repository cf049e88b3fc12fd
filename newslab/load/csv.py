"""CSV and TSV files, one article per row, read row by row (any size, any field length).

The delimiter of a ``.csv`` file is sniffed from its first 20,000 characters (comma,
semicolon, tab or bar; comma when unsure); ``.tsv`` is tab-separated. The header names the
columns (blank names become ``column_N``, repeated names get ``_2``, ``_3``). A row with
more or fewer fields than the header is skipped with its line number; blank rows are
ignored. Fields may be of any length (the ``csv`` module's 131,072-character limit is
lifted).
"""

from __future__ import annotations

import csv as _csv
import itertools
from pathlib import Path
from typing import Iterator

from .decode import FileProblem, iter_lines
from .skipped import RowProblem

#: All rows share the header's columns.
FIXED_COLUMNS = True
SNIFF_CHARS = 20_000
_csv.field_size_limit(max(_csv.field_size_limit(), 2**31 - 1))


def header_names(raw: list[str]) -> list[str]:
    """Unique, non-blank column names."""
    names, seen = [], {}
    for k, h in enumerate(raw):
        h = h.strip() or f"column_{k + 1}"
        n = seen.get(h, 0) + 1
        seen[h] = n
        names.append(h if n == 1 else f"{h}_{n}")
    return names


def rows(path: Path, delimiter: str | None = None
         ) -> Iterator[tuple[int, dict | RowProblem, int]]:
    """``(line where the row starts, {column: value} or a problem, bytes read)``."""
    if delimiter is None and path.suffix.lower() == ".tsv":
        delimiter = "\t"
    lines = iter_lines(path)
    pos = [0]

    def text_lines(it):
        for line, p in it:
            pos[0] = p
            yield line

    head, n = [], 0
    if delimiter is None:
        for line, p in lines:
            head.append((line, p))
            n += len(line)
            if n >= SNIFF_CHARS:
                break
        sample = "".join(ln for ln, _ in head)
        try:
            delimiter = _csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except _csv.Error:
            delimiter = ","
    reader = _csv.reader(text_lines(itertools.chain(head, lines)), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise FileProblem("empty file") from None
    except _csv.Error as e:
        raise FileProblem(f"bad CSV header: {e}") from None
    if not any(h.strip() for h in header):
        raise FileProblem("empty file" if not header else "blank CSV header")
    header = header_names(header)
    while True:
        start = reader.line_num + 1  # the line where the row starts
        try:
            values = next(reader)
        except StopIteration:
            break
        except _csv.Error as e:
            yield start, RowProblem(f"bad CSV row: {e}"), pos[0]
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield start, RowProblem(
                f"{len(values)} fields where the header has {len(header)}"), pos[0]
            continue
        yield start, dict(zip(header, values)), pos[0]
