"""Sentence sentiment against labelled sentences: the gold readers and ``evaluate``.

``newslab evaluate sentiment GOLD [--lexicon vader|news] [--format ...]`` calls
:func:`read_gold` then :func:`evaluate`. Formats: the project's JSON Lines, Financial
PhraseBank, NewsMTSC (codes from :data:`newslab.evaluation.formats.NEWSMTSC_LABELS`) and
per-target JSON Lines.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import NewslabError
from ..sentiment import (NEG_THRESHOLD, POS_THRESHOLD, Analyzer, get_analyzer,
                         label_from_compound)
from .formats import NEWSMTSC_LABELS
from .metrics import LABELS, classification_metrics, read_jsonl

#: the gold formats :func:`read_gold` reads
FORMATS = ("auto", "jsonl", "phrasebank", "newsmtsc", "targets")


def read_gold(path, *, format: str = "auto") -> pd.DataFrame:
    """Labelled sentences as a table (text, label), from:

    - ``jsonl``: one ``{"text": ..., "label": "negative"|"neutral"|"positive"}`` per line;
    - ``phrasebank``: Financial PhraseBank's ``sentence@label`` lines (split on the last
      ``@``; UTF-8, falling back to Latin-1 as the 50/66/75 files need);
    - ``newsmtsc``: NewsMTSC JSON Lines. Its labels are per *target* (a person or group in
      the sentence), not per sentence; a sentence is kept only when all its targets share
      one polarity, which then stands as the sentence's label (2 negative, 4 neutral,
      6 positive). This is an approximation: it measures whether sentence sentiment agrees
      with how the sentence treats the people in it.
    - ``targets``: JSON Lines of per-target labels, ``{"text", "target", "label"}`` (the
      project's ``data/annotations/stance_gold.jsonl``): like NewsMTSC, a sentence is kept
      when all its targets share one label, which stands as the sentence's label;
    - ``auto``: ``.txt`` -> phrasebank; ``.jsonl`` with ``sentence_normalized`` ->
      newsmtsc; with ``target`` -> targets; other ``.jsonl`` -> jsonl.
    """
    p = Path(path)
    if not p.is_file():
        raise NewslabError(f"gold file not found: {path}")
    if format not in FORMATS:
        raise NewslabError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if format == "auto":
        if p.suffix.lower() == ".txt":
            format = "phrasebank"
        else:
            with p.open(encoding="utf-8-sig", errors="replace") as fh:
                first = next((ln for ln in fh if ln.strip()), "")
            format = ("newsmtsc" if '"sentence_normalized"' in first
                      else "targets" if '"target"' in first else "jsonl")
    if format == "phrasebank":
        raw = p.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        rows = []
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            sent, at, lab = line.rpartition("@")
            lab = lab.strip()
            if not at or lab not in LABELS:
                raise NewslabError(f"{p.name}:{i}: expected 'sentence@label' with label "
                                   f"negative, neutral or positive")
            rows.append((sent.strip(), lab))
        if not rows:
            raise NewslabError(f"gold file is empty: {path}")
        return pd.DataFrame(rows, columns=["text", "label"])
    if format == "newsmtsc":
        rows = []
        for i, obj in enumerate(read_jsonl(p, required=("sentence_normalized", "targets")), 1):
            pols = {NEWSMTSC_LABELS.get(float(t.get("polarity", 0))) for t in obj["targets"]}
            if len(pols) == 1 and None not in pols:
                rows.append((obj["sentence_normalized"], pols.pop()))
        return pd.DataFrame(rows, columns=["text", "label"])
    objs = read_jsonl(p, required=("text", "label"))
    df = pd.DataFrame({"text": [str(o["text"]) for o in objs],
                       "label": [str(o["label"]).strip().lower() for o in objs]})
    bad = sorted(set(df["label"]) - set(LABELS))
    if bad:
        raise NewslabError(f"{p.name}: unknown label(s) {', '.join(bad)}; expected "
                           f"{', '.join(LABELS)}")
    if format == "targets":
        agree = df.groupby("text", sort=False)["label"].agg(
            lambda s: s.iloc[0] if s.nunique() == 1 else None)
        df = agree.dropna().reset_index()[["text", "label"]]
    return df


def evaluate(gold: pd.DataFrame, *, lexicon="news") -> dict:
    """Classification metrics (see ``newslab.evaluation.classification_metrics``) of the
    labels :func:`label_from_compound` gives ``gold.text`` against ``gold.label``.

    ``lexicon``: a lexicon name (see :func:`get_analyzer`) or an :class:`Analyzer`."""
    an = lexicon if isinstance(lexicon, Analyzer) else get_analyzer(lexicon)
    ps = an.polarity_scores
    pred = [label_from_compound(ps(t)["compound"]) for t in gold["text"]]
    m = classification_metrics(gold["label"].tolist(), pred)
    m.update(lexicon=an.name, pos_threshold=POS_THRESHOLD, neg_threshold=NEG_THRESHOLD)
    return m
