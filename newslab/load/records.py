"""One record builder: a row of any reader -> an ``articles`` record, or a skipped row.

Columns are matched per row (each JSON object on its own keys), case-insensitively, against
the synonyms in :data:`COLUMN_SYNONYMS`; ``columns={"SRC": "FIELD"}`` maps a column to any
field: one of :data:`FIELDS` (``article_id`` means ``id``), or any other name, which then
becomes that extra column. Every input column that is not one of the fields is kept as an
extra ``articles`` column under its own name (``input_<name>`` when the name is one of the
documented columns), after the documented ones.

Values are flattened by one rule (:func:`flat`): strings, numbers, booleans and dates keep
their type; lists and objects (nested JSON, Parquet list/struct columns) become JSON text;
bytes become their UTF-8 text, or base64 when they are not UTF-8.

``outlet`` is the outlet field, else the URL's domain (without ``www.``), else the first
part of ``source``; ``source`` is the source field, else the file's sub-folder relative to
the folder loaded (``bbc/2021`` for ``corpus/bbc/2021/x.txt``), else None.
"""

from __future__ import annotations

import base64
import datetime as _dt
import decimal
import hashlib
import json
import re
import warnings
from urllib.parse import urlparse

import pandas as pd

from .. import schema
from ..errors import NewslabError
from . import dashes
from .dates import parse_date, raw_date
from .duplicates import State
from .skipped import RowProblem, display_path

ARTICLE_COLUMNS = schema.columns("articles")

# Synonyms for the fields, matched case-insensitively, first match wins.
COLUMN_SYNONYMS = {
    "id": ["id", "article_id", "doc_id", "docid", "uid"],
    "title": ["title", "headline", "heading", "head", "name"],
    "date": ["date", "published", "publish_date", "published_at", "pubdate", "pub_date",
             "datetime", "timestamp", "time", "seendate"],
    "url": ["url", "link", "source_url", "uri", "href"],
    "text": ["text", "body", "content", "article", "full_text", "fulltext", "maintext",
             "story", "description"],
    "outlet": ["outlet", "publisher", "publication", "newspaper", "media_outlet"],
    "source": ["source"],
}
#: The fields a column can be mapped to by name (others become extra columns).
FIELDS = list(COLUMN_SYNONYMS)
#: Documented columns the loader computes: no input column can be mapped to them.
COMPUTED = [c for c in ARTICLE_COLUMNS
            if c not in ("article_id", "title", "date", "url", "outlet", "source", "text")]
_SPLIT = re.compile(r"\r\n|\r|\n")


def check_columns(columns: dict | None) -> None:
    """Raise :class:`NewslabError` for a mapping to a column the loader computes."""
    for src, field in (columns or {}).items():
        if not isinstance(field, str) or not field.strip():
            raise NewslabError(f"columns: map {src!r} to a field name, not {field!r}")
        if field in COMPUTED:
            raise NewslabError(
                f"columns: '{field}' is computed by the loader; map {src!r} to one of "
                f"{', '.join(FIELDS)} or to a new column name")


def column_mapping(names, columns: dict | None) -> dict:
    """``{source column: field or extra column name}`` for every column of a row."""
    names = list(names)
    mapping = {}
    fields_taken = set()
    for src, field in (columns or {}).items():
        if src in names:
            field = "id" if field == "article_id" else field
            mapping[src] = field
            fields_taken.add(field)
    lower = {}
    for n in names:
        lower.setdefault(str(n).lower().strip(), n)
    for field, synonyms in COLUMN_SYNONYMS.items():
        if field in fields_taken:
            continue
        for syn in synonyms:
            if syn in lower and lower[syn] not in mapping:
                mapping[lower[syn]] = field
                fields_taken.add(field)
                break
    for n in names:
        if n not in mapping:
            name = str(n).strip() or "column"
            mapping[n] = f"input_{name}" if name in ARTICLE_COLUMNS or name in FIELDS else name
    return mapping


def flat(v):
    """One value by the flattening rule (see the module docstring)."""
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, float):
        return None if v != v else v
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v
    if isinstance(v, (bytes, bytearray, memoryview)):
        b = bytes(v)
        try:
            return b.decode("utf-8")
        except UnicodeDecodeError:
            return base64.b64encode(b).decode("ascii")
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, (dict, list, tuple)):
        return json.dumps(v, ensure_ascii=False, default=_json_default)
    if hasattr(v, "tolist"):  # numpy scalars and arrays
        return flat(v.tolist())
    return str(v)


def _json_default(v):
    if isinstance(v, (bytes, bytearray)):
        return flat(v)
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v.isoformat()
    if hasattr(v, "tolist"):
        return v.tolist()
    return str(v)


def _text_value(v) -> str | None:
    v = flat(v)
    if v is None:
        return None
    if not isinstance(v, str):
        v = v.isoformat() if isinstance(v, (_dt.datetime, _dt.date)) else str(v)
    v = v.strip()
    return v or None


def _meta_value(v):
    v = flat(v)
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


class Builder:
    """Turns rows of one corpus into records; holds the id and duplicate book-keeping."""

    def __init__(self, *, columns: dict | None = None, repair_dashes: bool | None = None,
                 state: State | None = None):
        check_columns(columns)
        self.columns = columns
        self.repair_dashes = repair_dashes
        self.state = state or State()
        self._mappings: dict[tuple, dict] = {}

    def mapping(self, keys) -> dict:
        key = tuple(keys)
        m = self._mappings.get(key)
        if m is None:
            if len(self._mappings) > 10_000:
                self._mappings.clear()
            m = self._mappings[key] = column_mapping(key, self.columns)
        return m

    def tabular(self, row: dict, path, line, source: str | None):
        """A record from a CSV/JSON/Parquet row, or a :class:`RowProblem`."""
        m = self.mapping(row.keys())
        std, extra = {}, {}
        for src, field in m.items():
            if field in COLUMN_SYNONYMS:
                std[field] = row[src]
            else:
                extra[field] = _meta_value(row[src])
        if "text" not in std:
            return RowProblem("no text field (keys: " + ", ".join(map(str, row)) + ")")
        text = _text_value(std["text"])
        if text is None:
            return RowProblem("no body text")
        paragraphs = [p.strip() for p in _SPLIT.split(text)]
        paragraphs = [p for p in paragraphs if p]
        title = _text_value(std.get("title"))
        aid = _text_value(std.get("id"))
        return self._finish(
            paragraphs, path=path, line=line, title=title, aid=aid,
            url=_text_value(std.get("url")), date=std.get("date"),
            outlet=_text_value(std.get("outlet")),
            source=_text_value(std["source"]) if "source" in std else source,
            seed_format=False, extra=extra)

    def seed(self, row: dict, path, source: str | None):
        """A record from a parsed ``.txt`` file (:func:`newslab.load.txt.parse_seed_text`)."""
        return self._finish(row["paragraphs"], path=path, line=None, title=row["title"],
                            aid=None, url=row["url"], date=row["date"], outlet=None,
                            source=source, seed_format=row["seed_format"], extra={})

    def _finish(self, paragraphs, *, path, line, title, aid, url, date, outlet, source,
                seed_format, extra) -> dict:
        n_repairs = 0
        rd = self.repair_dashes
        if rd or (rd is None and seed_format and dashes.has_lost_dash_signature(paragraphs)):
            paragraphs, n_repairs = dashes.repair(paragraphs)
        text = "\n".join(paragraphs)
        title = title or ""
        ts = parse_date(date)
        date_raw = raw_date(date)
        if date_raw is not None and ts is pd.NaT:
            where = display_path(path).rsplit("/", 1)[-1] + ("" if line is None else f":{line}")
            warnings.warn(f"{where}: unparseable date {date_raw[:60]!r} (or out of range) "
                          f"set to NaT, kept in date_raw", stacklevel=4)
        if aid is None:
            aid = hashlib.sha1(f"{url}\n{title}\n{text}".encode("utf-8", "surrogatepass")
                               ).hexdigest()[:16]
        aid, duplicate_of = self.state.assign(aid, url, text)
        rec = {
            "article_id": aid,
            "title": title,
            "date": ts,
            "date_raw": date_raw,
            "url": url,
            "outlet": outlet or outlet_of(url) or (source.split("/", 1)[0] if source else None),
            "source": source,
            "dateline": dateline_of(paragraphs),
            "text": text,
            "paragraphs": paragraphs,
            "n_paragraphs": len(paragraphs),
            "n_repairs": n_repairs,
            "path": display_path(path),
            "line": line,
            "duplicate_of": duplicate_of,
        }
        for k, v in extra.items():
            rec.setdefault(k, v)
        return rec


# A dateline opening a paragraph: an upper-case place name, optionally ", State", then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.](?:, [A-Z][A-Za-z. ]{1,20})?)"
    r"(?:\s*\([^)]{1,30}\))?\s+[—–-]+\s")


def outlet_of(url) -> str | None:
    """The outlet of an article: its URL's domain without ``www.``."""
    if not url:
        return None
    u = str(url).strip()
    if "://" not in u:
        u = "http://" + u
    try:
        host = urlparse(u).hostname or ""
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else (host or None)


def dateline_of(paragraphs: list[str]) -> str | None:
    """The dateline place ("WASHINGTON") of the first paragraph that opens with one."""
    for p in paragraphs:
        m = _DATELINE.match(p)
        if m:
            return m["place"].strip()
    return None
