"""Stance gold files and the stance evaluation (``newslab evaluate stance``).

Formats (:func:`read_gold`, ``format="auto"`` tells them apart by the first line):

``jsonl``
    the project's lines ``{"text", "target", "label"}`` with optional ``"start"``/``"end"``
    offsets of the target in ``text`` (without them the target is found in the text: the
    string itself, else any surface form of the same country). Extra keys (uid, split,
    coder labels, source) are kept as columns.
``newsmtsc``
    NewsMTSC's JSON Lines (Hamborg & Donnay 2021, MIT), one row per target; polarity codes
    from ``newslab.evaluation.formats.NEWSMTSC_LABELS``.
``refs``
    lines without text that point into the read-only data beside the project
    (``../shared``, ``--shared DIR``): ``{"file", "sent_start", "sent_end", "start", "end",
    "label", ...}`` (``newslab.evaluation.references``: ``file`` under the shared folder,
    the sentence's offsets in its raw content, the target's offsets in the sentence). The
    text is read at run time, never stored in the project; a ``target`` given with a
    reference must be what the offsets cover.

Every malformed input is a :class:`NewslabError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .. import schema
from ..errors import NewslabError
from .formats import NEWSMTSC_LABELS
from .metrics import LABELS, classification_metrics, read_jsonl
from .references import resolve, shared_dir

#: gold formats :func:`read_gold` knows
FORMATS = ("auto", "jsonl", "newsmtsc", "refs")


def _find_target(text: str, target: str) -> tuple[int, int] | None:
    """Where ``target`` is in ``text``: the exact string (case-insensitive, on word
    boundaries), else any surface form of the same country (via ``newslab.countries``)."""
    m = re.search(r"(?<!\w)" + re.escape(target) + r"(?!\w)", text, flags=re.IGNORECASE)
    if m:
        return m.start(), m.end()
    from ..countries import mentions_in_text
    want = {str(x.get("iso3")) for x in _records(mentions_in_text(target))}
    if not want:
        return None
    for x in _records(mentions_in_text(text)):
        if str(x.get("iso3")) in want:
            return int(x["start"]), int(x["end"])
    return None


def _records(obj) -> list[dict]:
    if isinstance(obj, pd.DataFrame):
        return obj.to_dict("records")
    return [o if isinstance(o, dict) else o._asdict() if hasattr(o, "_asdict") else vars(o)
            for o in obj]


def _int(obj: dict, key: str, where: str) -> int:
    v = obj[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or \
            (isinstance(v, float) and not v.is_integer()):
        raise NewslabError(f"{where}: {key} must be a whole number, not {json.dumps(v)[:40]}")
    return int(v)


def _str(obj: dict, key: str, where: str) -> str:
    v = obj[key]
    if not isinstance(v, str):
        kind = "null" if v is None else type(v).__name__
        raise NewslabError(f"{where}: {key} must be a string, not {kind}")
    return v


def _label(v, where: str) -> str:
    if not isinstance(v, str) or v.strip().lower() not in LABELS:
        raise NewslabError(f"{where}: unknown label {json.dumps(v)[:40]}; expected "
                           f"{', '.join(LABELS)}")
    return v.strip().lower()


def _span(text: str, obj: dict, target: str | None, where: str) -> tuple[int, int]:
    if "start" in obj or "end" in obj:
        if "start" not in obj or "end" not in obj:
            raise NewslabError(f"{where}: give both start and end, or neither")
        s, e = _int(obj, "start", where), _int(obj, "end", where)
        if not (0 <= s < e <= len(text)):
            raise NewslabError(f"{where}: start/end {s}:{e} outside the text "
                               f"({len(text)} characters)")
        if not text[s:e].strip():
            raise NewslabError(f"{where}: start/end {s}:{e} cover no word of the text")
        return s, e
    if not target or not target.strip():
        raise NewslabError(f"{where}: no target (give target, or start and end)")
    span = _find_target(text, target)
    if span is None:
        raise NewslabError(f"{where}: target {target!r} not found in the text "
                           "(give start and end offsets)")
    return span


def resolve_reference(obj: dict, shared: Path, where: str) -> str:
    """The sentence a reference line points to (``newslab.evaluation.references``), with
    the file and line in any error."""
    try:
        return resolve(obj, shared)
    except NewslabError as e:
        raise NewslabError(f"{where}: {e}") from None


def _sniff(p: Path) -> str:
    head = p.open("rb").read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return "binary"
    first = next((ln for ln in head.decode("utf-8", "replace").splitlines() if ln.strip()), "")
    if '"sentence_normalized"' in first:
        return "newsmtsc"
    if '"text"' not in first and '"sent_start"' in first:
        return "refs"
    return "jsonl"


def read_gold(path, *, format: str = "auto", shared=None) -> pd.DataFrame:
    """A stance gold file as a table: text, target, start, end, label (then any extra keys
    of the project's format). ``shared``: the shared data folder for reference lines
    (default: ``../shared`` beside the repository)."""
    p = Path(path)
    if format not in FORMATS:
        raise NewslabError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if not p.is_file():
        raise NewslabError(f"gold file not found: {path}" if not p.exists() else
                           f"gold file {path} is not a file")
    if format == "auto":
        format = _sniff(p)
        if format == "binary":
            format = "jsonl"  # read_jsonl names the problem
    shared = shared_dir(shared)
    rows, extra = [], []
    if format == "newsmtsc":
        for i, obj in read_jsonl(p, required=("sentence_normalized", "targets"),
                                 numbered=True):
            where = f"{p.name}:{i}"
            text = _str(obj, "sentence_normalized", where)
            if not isinstance(obj["targets"], list) or not obj["targets"]:
                raise NewslabError(f"{where}: targets must be a non-empty list")
            for t in obj["targets"]:
                if not isinstance(t, dict) or not {"from", "to", "polarity"} <= set(t):
                    raise NewslabError(f"{where}: each target needs from, to and polarity")
                pol = t["polarity"]
                lab = NEWSMTSC_LABELS.get(pol) if isinstance(pol, (int, float)) and \
                    not isinstance(pol, bool) else None
                if lab is None:
                    raise NewslabError(f"{where}: unknown polarity {json.dumps(pol)[:40]}; "
                                       "expected 2.0, 4.0 or 6.0")
                s, e = _span(text, {"start": t["from"], "end": t["to"]}, None, where)
                rows.append((text, str(t.get("mention", text[s:e])), s, e, lab))
                extra.append({})
    else:
        need = ("label",)
        for i, obj in read_jsonl(p, required=need, numbered=True):
            where = f"{p.name}:{i}"
            if "text" in obj:
                text = _str(obj, "text", where)
            elif "sent_start" in obj:
                text = resolve_reference(obj, shared, where)
            else:
                raise NewslabError(f"{where}: missing key text (or a reference: file, "
                                   "sent_start, sent_end)")
            if not text.strip():
                raise NewslabError(f"{where}: text is empty")
            target = _str(obj, "target", where) if "target" in obj else None
            lab = _label(obj["label"], where)
            s, e = _span(text, obj, target, where)
            if target is not None and "start" in obj and "sent_start" in obj and \
                    text[s:e] != target:
                raise NewslabError(f"{where}: the reference gives {text[s:e]!r}, not the "
                                   f"target {target!r} (is --shared the right folder?)")
            rows.append((text, target if target is not None else text[s:e], s, e, lab))
            extra.append({k: v for k, v in obj.items() if k not in schema.columns("stance_gold")
                          and isinstance(v, (str, int, float, bool, type(None)))})
    if not rows:
        raise NewslabError(f"no labelled targets in {path}")
    df = pd.DataFrame(rows, columns=schema.columns("stance_gold"))
    if any(extra):
        ex = pd.DataFrame(extra, index=df.index)
        df = pd.concat([df, ex.drop(columns=[c for c in ex.columns if c in df.columns])],
                       axis=1)
    return df


def evaluate(gold: pd.DataFrame, *, method: str | None = None, model=None) -> dict:
    """Classification metrics of a stance method on a gold table (:func:`read_gold`): n,
    accuracy, macro_f1, per_class, confusion, labels, method; and ``predictions`` (one
    label per gold row, in order)."""
    from ..stance.score import score_targets
    pred = score_targets(gold["text"], gold["start"], gold["end"], method=method, model=model)
    m = classification_metrics(gold["label"].tolist(), pred["label"].tolist())
    m["method"] = str(pred["method"].iloc[0]) if len(pred) else str(method)
    m["predictions"] = pred["label"].tolist()
    return m


def split(gold: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of one ``split`` (train/test) of a gold table that has a split column."""
    if "split" not in gold.columns:
        raise NewslabError("this gold file has no split column")
    out = gold[gold["split"].astype(str) == name].reset_index(drop=True)
    if out.empty:
        raise NewslabError(f"no rows with split {name!r}")
    return out


def sources(gold: pd.DataFrame, names: str) -> pd.DataFrame:
    """The rows whose ``source`` is one of the comma-separated ``names`` (``bbc`` also takes
    ``bbc/politics``, ``bbc/sport``, ...): a file's BBC rows apart from its official ones."""
    want = [n.strip() for n in str(names).split(",") if n.strip()]
    if "source" not in gold.columns:
        raise NewslabError("this gold file has no source column")
    src = gold["source"].astype(str)
    keep = pd.Series(False, index=gold.index)
    for n in want:
        keep |= (src == n) | src.str.startswith(n + "/")
    out = gold[keep].reset_index(drop=True)
    if out.empty:
        raise NewslabError(f"no rows with source {names!r} (sources here: "
                           f"{', '.join(sorted(set(src)))[:200]})")
    return out
