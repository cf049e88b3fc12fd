"""The verb-role lexicon: acts with their effect on the agent and on the object.

``newslab/data/stance_verbs.csv`` (provenance in its header): one act per row, ``lemma, pos
(verb|noun), forms, agent, object, note``; read by :func:`verb_lexicon` and indexed by
surface form by :func:`index`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..errors import NewslabError

VERBS_FILE = "data/stance_verbs.csv"


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: an act, its effect on its agent and on its object."""
    lemma: str
    pos: str
    agent: float
    object: float
    note: str


def _read_verbs_text(path=None) -> str:
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise NewslabError(f"verb lexicon not found: {path}")
        return p.read_text(encoding="utf-8")
    return resources.files("newslab").joinpath(VERBS_FILE).read_text(encoding="utf-8")


def verb_lexicon(path=None) -> pd.DataFrame:
    """The verb-role lexicon as a table: lemma, pos, forms, agent, object, note."""
    text = _read_verbs_text(path)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype={"forms": str}, keep_default_na=False)
    need = ["lemma", "pos", "forms", "agent", "object", "note"]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise NewslabError(f"verb lexicon lacks column(s) {', '.join(missing)}")
    df["agent"] = df["agent"].astype(float)
    df["object"] = df["object"].astype(float)
    bad = df[(df["agent"].abs() > 1) | (df["object"].abs() > 1) | ~df["pos"].isin(["verb", "noun"])]
    if len(bad):
        raise NewslabError(f"verb lexicon: bad row for {bad['lemma'].iloc[0]!r} (pos verb|noun, "
                           "effects in [-1, 1])")
    return df


def _verb_forms(lemma: str) -> dict[str, str]:
    """Regular inflections: form -> 'base' | 'participle' | 'ing' | 's'."""
    out = {lemma: "base"}
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        out[lemma + "es"] = "s"
    elif re.search(r"[^aeiou]y$", lemma):
        out[lemma[:-1] + "ies"] = "s"
    else:
        out[lemma + "s"] = "s"
    if lemma.endswith("e"):
        out[lemma + "d"] = "participle"
        out[lemma[:-1] + "ing"] = "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        out[lemma[:-1] + "ied"] = "participle"
        out[lemma + "ing"] = "ing"
    else:
        out[lemma + "ed"] = "participle"
        out[lemma + "ing"] = "ing"
    return out


@lru_cache(maxsize=4)
def index(path=None) -> tuple[dict, dict]:
    """(verb form -> (Trigger, form kind), noun form -> Trigger)."""
    verbs, nouns = {}, {}
    for r in verb_lexicon(path).itertuples(index=False):
        t = Trigger(r.lemma, r.pos, float(r.agent), float(r.object), r.note)
        extra = [f.lower() for f in str(r.forms).split()]
        if r.pos == "verb":
            forms = _verb_forms(r.lemma.lower())
            for f in extra:
                forms[f] = "ing" if f.endswith("ing") else ("s" if f.endswith("s") and
                                                            not f.endswith("ss") else
                                                            "participle")
            for f, kind in forms.items():
                verbs.setdefault(f, (t, kind))
        else:
            lem = r.lemma.lower()
            forms = [lem, lem[:-1] + "ies" if re.search(r"[^aeiou]y$", lem) else lem + "s"]
            for f in forms + extra:
                nouns.setdefault(f, t)
    return verbs, nouns



WORDS_FILE = "data/stance_words.csv"


@lru_cache(maxsize=4)
def evaluative_words(path=None) -> dict[str, tuple[str, float]]:
    """``newslab/data/stance_words.csv``: word -> (pos, polarity) for evaluative adjectives
    and nouns attached to a country ("the authoritarian regime", "Russia's achievements")."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise NewslabError(f"evaluative word list not found: {path}")
        text = p.read_text(encoding="utf-8")
    else:
        text = resources.files("newslab").joinpath(WORDS_FILE).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    df = pd.read_csv(io.StringIO("\n".join(lines)), keep_default_na=False)
    if not {"word", "pos", "polarity", "note"} <= set(df.columns):
        raise NewslabError("evaluative word list needs the columns word, pos, polarity, note")
    return {str(w).lower(): (str(pos), float(v)) for w, pos, v in
            zip(df["word"], df["pos"], df["polarity"])}


@lru_cache(maxsize=1)
def demonyms() -> frozenset:
    """Lower-case demonyms of ``newslab/data/countries/demonyms.csv`` (Russian, British):
    a demonym before a noun names an origin ("a British company") unless the noun is the
    state itself ("the British government")."""
    ref = resources.files("newslab").joinpath("data/countries/demonyms.csv")
    df = pd.read_csv(io.StringIO(ref.read_text(encoding="utf-8")), keep_default_na=False,
                     comment="#")
    col = "surface" if "surface" in df.columns else df.columns[1]
    return frozenset(str(s).lower() for s in df[col] if str(s).strip())
