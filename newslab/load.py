"""Load news articles from files and folders into an ``articles`` table.

One call, :func:`load_articles`, reads a file or a folder (recursively) and returns one row
per article. Every file is accounted for: it is loaded, or it is listed in the ``skipped``
table with its reason (and the line, for a bad row of a CSV or JSON Lines file).

Formats (chosen by file extension):

``.txt``
    The seed format: line 1 title, line 2 date (``YYYYMMDD`` or another common spelling),
    line 3 URL, then one paragraph per line. Liberal: a missing date or URL line is
    tolerated, the body then starts earlier.
``.csv`` / ``.tsv``
    One article per row with title/date/url/text columns.
``.jsonl`` / ``.ndjson`` / ``.json``
    One JSON object per line (``.json`` may also hold a list of objects).
``.parquet``
    One article per row, as for CSV.

Column names are matched case-insensitively against common synonyms (``headline`` for
title, ``body`` or ``content`` for text, ``published`` for date, ``link`` for url); pass
``columns={"my_name": "text", ...}`` to map others. An ``id`` column, when present,
becomes the ``article_id``.

The ``articles`` table (see ``newslab.schema`` for every table's columns):
``article_id, title, date, url, outlet, dateline, text, paragraphs, n_paragraphs,
path, line, duplicate_of``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

import pandas as pd

from .errors import NewslabError

TEXT_SUFFIXES = {".txt"}
CSV_SUFFIXES = {".csv", ".tsv"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | CSV_SUFFIXES | JSON_SUFFIXES | PARQUET_SUFFIXES

# Synonyms for the four fields, matched case-insensitively, first match wins.
COLUMN_SYNONYMS = {
    "id": ["id", "article_id", "doc_id", "docid", "uid"],
    "title": ["title", "headline", "heading", "head", "name"],
    "date": ["date", "published", "publish_date", "published_at", "pubdate", "pub_date",
             "datetime", "timestamp", "time", "seendate"],
    "url": ["url", "link", "source_url", "uri", "href"],
    "text": ["text", "body", "content", "article", "full_text", "fulltext", "maintext",
             "story", "description"],
}

ARTICLE_COLUMNS = ["article_id", "title", "date", "url", "outlet", "dateline", "text",
                   "paragraphs", "n_paragraphs", "path", "line", "duplicate_of"]
SKIPPED_COLUMNS = ["path", "line", "reason"]

# Two spaces between two non-space characters: where the source lost a dash
# ("two paths for Putin  diplomacy", "WASHINGTON  President").
# Not after sentence punctuation, where a doubled space is only old typing habit.
_LOST_DASH = re.compile(r"(?<=[^\s.!?:;\"'\u201d\u2019)]) {2}(?=\S)")
# A dateline opening a paragraph: an upper-case place name, optionally ", State", then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.](?:, [A-Z][A-Za-z. ]{1,20})?)"
    r"(?:\s*\([^)]{1,30}\))?\s+[—–-]+\s")
_YYYYMMDD = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.I)


@dataclass
class LoadResult:
    """What :func:`read_corpus` returns: the articles and the files or rows skipped."""

    articles: pd.DataFrame
    skipped: pd.DataFrame
    n_files: int = 0

    def summary(self) -> str:
        n_dup = int(self.articles["duplicate_of"].notna().sum()) if len(self.articles) else 0
        s = (f"{len(self.articles)} articles loaded from {self.n_files} file(s), "
             f"{len(self.skipped)} skipped")
        if n_dup:
            s += f", {n_dup} flagged as duplicates"
        return s


@dataclass
class _State:
    """Book-keeping across files and batches: ids and duplicate detection."""

    seen_ids: set = field(default_factory=set)
    first_by_url: dict = field(default_factory=dict)
    first_by_text: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# public API


def load_articles(path, *, columns: dict | None = None, repair_dashes: bool = True,
                  verbose: bool = True) -> pd.DataFrame:
    """Load a file or a folder of articles into the ``articles`` table.

    The skipped files and rows are in ``articles.attrs["skipped"]`` (a list of dicts) and,
    as a table, from :func:`skipped_table`. With ``verbose`` a one-line summary is printed.
    Raises :class:`NewslabError` when the path does not exist or holds no article.
    """
    result = read_corpus(path, columns=columns, repair_dashes=repair_dashes)
    if verbose:
        print(result.summary())
    articles = result.articles
    articles.attrs["skipped"] = result.skipped.to_dict("records")
    return articles


def skipped_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The files and rows that :func:`load_articles` could not use, with their reasons."""
    return pd.DataFrame(articles.attrs.get("skipped", []), columns=SKIPPED_COLUMNS)


def read_corpus(path, *, columns: dict | None = None, repair_dashes: bool = True,
                require_articles: bool = True) -> LoadResult:
    """Read every article under ``path``; see the module docstring for formats."""
    files = list_files(path)
    state = _State()
    frames, skipped = [], []
    for f in files:
        recs, skips = read_file(f, columns=columns, repair_dashes=repair_dashes, state=state)
        if recs:
            frames.append(recs)
        skipped.extend(skips)
    articles = _frame([r for recs in frames for r in recs])
    skipped_df = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
    if require_articles and articles.empty:
        reasons = "; ".join(f"{Path(s['path']).name}: {s['reason']}" for s in skipped[:3])
        raise NewslabError(f"no articles found in {path}" + (f" ({reasons})" if reasons else ""))
    return LoadResult(articles, skipped_df, n_files=len(files))


def iter_batches(path, *, batch_size: int = 500, columns: dict | None = None,
                 repair_dashes: bool = True) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Stream ``(articles, skipped)`` tables of at most ``batch_size`` articles each.

    Files are read in sorted order and ids and duplicate flags are the same as
    :func:`read_corpus` gives, so streaming changes nothing but memory use.
    """
    state = _State()
    pending, skipped = [], []
    for f in list_files(path):
        recs, skips = read_file(f, columns=columns, repair_dashes=repair_dashes, state=state)
        pending.extend(recs)
        skipped.extend(skips)
        while len(pending) >= batch_size:
            yield _frame(pending[:batch_size]), pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
            pending, skipped = pending[batch_size:], []
    if pending or skipped:
        yield _frame(pending), pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)


def list_files(path) -> list[Path]:
    """The files under ``path`` (itself, if a file), sorted, hidden ones left out."""
    p = Path(path).expanduser()
    if not p.exists():
        raise NewslabError(f"path does not exist: {path}")
    if p.is_file():
        return [p]
    files = sorted(f for f in p.rglob("*")
                   if f.is_file() and not any(part.startswith(".") for part in
                                              f.relative_to(p).parts))
    if not files:
        raise NewslabError(f"no files found in folder {path}")
    return files


def read_file(path, *, columns: dict | None = None, repair_dashes: bool = True,
              state: _State | None = None) -> tuple[list[dict], list[dict]]:
    """Read one file: a list of article records and a list of skipped ``{path, line, reason}``."""
    path = Path(path)
    state = state or _State()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [_skip(path, f"unsupported file type '{suffix or '(none)'}'")]
    try:
        if suffix in PARQUET_SUFFIXES:
            raw_rows = _parquet_rows(path)
        else:
            data = path.read_bytes()
            if not data.strip():
                return [], [_skip(path, "empty file")]
            text, why = decode_bytes(data)
            if text is None:
                return [], [_skip(path, why)]
            if suffix in TEXT_SUFFIXES:
                rec, why = parse_seed_text(text)
                if rec is None:
                    return [], [_skip(path, why)]
                raw_rows = [(None, rec)]
            elif suffix in CSV_SUFFIXES:
                raw_rows = _csv_rows(text, "\t" if suffix == ".tsv" else None)
            else:
                raw_rows = _json_rows(text, suffix)
    except _FileProblem as e:
        return [], [_skip(path, str(e))]
    except Exception as e:  # a reader failed: report it, never lose the file silently
        return [], [_skip(path, f"could not be read: {type(e).__name__}: {e}")]

    records, skipped = [], []
    tabular = suffix not in TEXT_SUFFIXES
    mapping = None
    for line, row in raw_rows:
        if isinstance(row, _RowProblem):
            skipped.append(_skip(path, row.reason, line))
            continue
        if tabular:
            if mapping is None:
                mapping = _column_mapping(row.keys(), columns)
                if "text" not in mapping.values():
                    return [], [_skip(path, "no text column (columns: "
                                      + ", ".join(map(str, row.keys())) + ")")]
            row = {std: row.get(src) for src, std in mapping.items()}
            row = _tabular_record(row)
            if row is None:
                skipped.append(_skip(path, "no body text", line))
                continue
        rec = _finish(row, path, line if tabular else None, repair_dashes, state)
        records.append(rec)
    if tabular and not records and not skipped:
        skipped.append(_skip(path, "no rows"))
    return records, skipped


# ---------------------------------------------------------------------------------------
# decoding and parsing


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode bytes liberally: BOMs, UTF-8, UTF-16, then Windows-1252 / Latin-1.

    Returns ``(text, "")`` or ``(None, reason)`` for binary data.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            return None, "undecodable: bad UTF-16"
    head = data[:8192]
    if b"\x00" in head:
        return None, "binary file (NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > 0.05 * len(head):
        return None, "binary file (control characters)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n"), ""


def parse_date(value) -> pd.Timestamp:
    """Parse a date liberally (``20211130``, ISO 8601, ``Nov 30, 2021``, ``30 November 2021``,
    ``2021/11/30``, Unix seconds). Time zones are converted to UTC and dropped.

    Returns ``NaT`` for a missing or unparseable value (the caller warns).
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NaT
    if isinstance(value, pd.Timestamp):
        ts = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        v = int(value)
        m = _YYYYMMDD.match(str(v))
        ts = (pd.Timestamp(int(m[1]), int(m[2]), int(m[3])) if m and 1800 < int(m[1]) < 2200
              else pd.Timestamp(v, unit="s"))
    else:
        s = str(value).strip()
        if not s:
            return pd.NaT
        m = _YYYYMMDD.match(s)
        try:
            if m:
                ts = pd.Timestamp(int(m[1]), int(m[2]), int(m[3]))
            else:
                from dateutil import parser as dparser
                ts = pd.Timestamp(dparser.parse(s))
        except (ValueError, OverflowError, TypeError):
            return pd.NaT
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.as_unit("ns") if hasattr(ts, "as_unit") else ts


def parse_seed_text(text: str) -> tuple[dict | None, str]:
    """Parse the seed's plain-text format into ``{title, date, url, paragraphs}``."""
    lines = [ln.strip() for ln in text.split("\n")]
    # drop leading blank lines; keep the rest in order
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return None, "empty file"
    title = lines.pop(0)
    date = None
    if lines and lines[0] and not pd.isna(parse_date(lines[0])) and len(lines[0]) <= 40:
        date = lines.pop(0)
    url = None
    if lines and _URL.match(lines[0] or ""):
        url = lines.pop(0)
    paragraphs = [ln for ln in lines if ln]
    if not paragraphs:
        return None, "no body text (only a header)"
    return {"title": title, "date": date, "url": url, "paragraphs": paragraphs}, ""


class _FileProblem(Exception):
    pass


class _RowProblem:
    def __init__(self, reason):
        self.reason = reason


def _csv_rows(text: str, delimiter: str | None):
    sample = text[:20000]
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise _FileProblem("empty file")
    header = [h.strip() for h in header]
    rows = []
    while True:
        start = reader.line_num + 1  # report the line where a row starts
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            rows.append((start, _RowProblem(f"bad CSV row: {e}")))
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            rows.append((start, _RowProblem(
                f"{len(values)} fields where the header has {len(header)}")))
            continue
        rows.append((start, dict(zip(header, values))))
    return rows


def _json_rows(text: str, suffix: str):
    stripped = text.lstrip()
    if suffix == ".json" and stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as e:
            raise _FileProblem(f"invalid JSON: {e}")
        return [(i + 1, r if isinstance(r, dict) else _RowProblem("not a JSON object"))
                for i, r in enumerate(data)]
    rows = []
    for i, ln in enumerate(text.split("\n"), start=1):
        if not ln.strip():
            continue
        try:
            obj = json.loads(ln)
        except json.JSONDecodeError as e:
            rows.append((i, _RowProblem(f"invalid JSON: {e.msg}")))
            continue
        rows.append((i, obj if isinstance(obj, dict) else _RowProblem("not a JSON object")))
    return rows


def _parquet_rows(path: Path):
    try:
        df = pd.read_parquet(path)
    except ImportError as e:
        raise _FileProblem(f"Parquet needs pyarrow: {e}")
    except Exception as e:
        raise _FileProblem(f"not a readable Parquet file: {type(e).__name__}")
    return [(i + 1, r) for i, r in enumerate(df.to_dict("records"))]


def _column_mapping(names: Iterable, columns: dict | None) -> dict:
    """Map source column names to the standard fields."""
    names = list(names)
    mapping = {}
    if columns:
        for src, std in columns.items():
            if std not in COLUMN_SYNONYMS:
                raise NewslabError(f"columns: '{std}' is not one of "
                                   f"{', '.join(COLUMN_SYNONYMS)}")
            if src in names:
                mapping[src] = std
    lower = {str(n).lower().strip(): n for n in names}
    for std, synonyms in COLUMN_SYNONYMS.items():
        if std in mapping.values():
            continue
        for syn in synonyms:
            if syn in lower and lower[syn] not in mapping:
                mapping[lower[syn]] = std
                break
    return mapping


def _clean_value(v):
    if v is None:
        return None
    if isinstance(v, float) and pd.isna(v):
        return None
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def _tabular_record(row: dict) -> dict | None:
    text = _clean_value(row.get("text"))
    if text is None or not str(text).strip():
        return None
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    title = _clean_value(row.get("title"))
    return {"id": _clean_value(row.get("id")), "title": None if title is None else str(title),
            "date": _clean_value(row.get("date")), "url": _clean_value(row.get("url")),
            "paragraphs": paragraphs}


def _finish(row: dict, path: Path, line, repair_dashes: bool, state: _State) -> dict:
    paragraphs = [" ".join(p.split("\t")) for p in row["paragraphs"]]
    if repair_dashes:
        paragraphs = [_LOST_DASH.sub(" — ", p) for p in paragraphs]
    text = "\n".join(paragraphs)
    title = row.get("title") or ""
    url = row.get("url")
    url = None if url is None else str(url)
    date = parse_date(row.get("date"))
    if pd.isna(date) and row.get("date") not in (None, ""):
        warnings.warn(f"{path.name}{'' if line is None else f':{line}'}: "
                      f"unparseable date {row.get('date')!r} set to NaT", stacklevel=3)
    aid = row.get("id")
    if aid is None:
        aid = hashlib.sha1(f"{url}\n{title}\n{text}".encode("utf-8")).hexdigest()[:16]
    aid = str(aid)
    base, k = aid, 2
    while aid in state.seen_ids:
        aid = f"{base}-{k}"
        k += 1
    state.seen_ids.add(aid)
    # Duplicate detection keeps 8-byte digests, not the strings, so that memory stays small
    # on a million-article corpus.
    dup = None
    if url:
        ukey = int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest(), "big")
        dup = state.first_by_url.setdefault(ukey, aid)
    tkey = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    first_text = state.first_by_text.setdefault(tkey, aid)
    if dup is None or dup == aid:
        dup = first_text
    return {
        "article_id": aid,
        "title": title,
        "date": date,
        "url": url,
        "outlet": outlet_of(url),
        "dateline": dateline_of(paragraphs),
        "text": text,
        "paragraphs": paragraphs,
        "n_paragraphs": len(paragraphs),
        "path": str(path),
        "line": line,
        "duplicate_of": None if dup == aid else dup,
    }


def outlet_of(url) -> str | None:
    """The outlet of an article: its URL's domain without ``www.``."""
    if not url:
        return None
    u = str(url).strip()
    if "://" not in u:
        u = "http://" + u
    host = urlparse(u).hostname or ""
    host = host.lower()
    return host[4:] if host.startswith("www.") else (host or None)


def dateline_of(paragraphs: list[str]) -> str | None:
    """The dateline place ("WASHINGTON") of the first paragraph that opens with one."""
    for p in paragraphs:
        m = _DATELINE.match(p)
        if m:
            return m["place"].strip()
    return None


def _skip(path, reason, line=None) -> dict:
    return {"path": str(path), "line": line, "reason": reason}


def _frame(records: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(records, columns=ARTICLE_COLUMNS)
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    df["line"] = df["line"].astype("Int64")
    df["n_paragraphs"] = df["n_paragraphs"].astype("int64")
    return df
