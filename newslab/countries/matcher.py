"""The matcher: one Aho-Corasick automaton over every spelling of every surface form.

It runs case-sensitively over the text, so case does the first disambiguation ("US" but
never the pronoun "us"); a hit must sit on word boundaries; overlapping hits resolve to the
leftmost longest, blockers take part in that and are then dropped; a hit whose entry has a
context rule (:mod:`newslab.countries.context`) is kept only when the rule agrees, and a
leader only on dates inside a term of office.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick
import pandas as pd

from ..errors import NewslabError
from .context import RULES, _after_us_state
from .data import BLOCK, _base_gazetteer, gazetteer
from .leaders import HEAD_ROLES, WOMEN, acting_for_state
from .inside import inside_name
from .names import acronym_defined_otherwise, institution_in_name, not_the_country

_APOSTROPHES = ("'", "\u2019")
#: kinds whose hits may be part of another name or a currency (names.py)
_PLACE_KINDS = frozenset({"name", "demonym", "capital"})


def variants(surface: str) -> list[str]:
    """The spellings of a surface form the automaton looks for: as written, in capitals
    (datelines, headlines), with every word capitalized (title-case headlines), with either
    apostrophe, with a hyphen written as a space ("Guinea Bissau"), and with one space
    doubled (AG News has many: "the Central  American nation")."""
    forms = {surface}
    for f in list(forms):
        if "-" in f and len(f) > 4:
            forms.add(f.replace("-", " "))
    for f in list(forms):
        for a, b in (_APOSTROPHES, _APOSTROPHES[::-1]):
            if a in f:
                forms.add(f.replace(a, b))
    for f in list(forms):
        forms.add(f.upper())
        forms.add(re.sub(r"(?<![\w'\u2019])([a-z])", lambda m: m.group(1).upper(), f))
    # a doubled space in one gap (AG News: "the Central  American nation", "New  Zealand")
    for f in list(forms):
        gaps = [i for i, c in enumerate(f) if c == " "]
        if len(gaps) <= 4:
            forms.update(f[:i] + " " + f[i:] for i in gaps)
    return sorted(forms)


class _Entry:
    __slots__ = ("surface", "iso3", "country", "kind", "rule", "start", "end", "role",
                 "head", "person", "woman")

    def __init__(self, r, kind=None):
        self.surface = r.surface
        self.iso3 = r.iso3
        self.country = r.country
        self.kind = kind or r.kind
        self.rule = RULES[r.rule] if r.rule else None
        self.start = None if pd.isna(r.start) else r.start.to_datetime64()
        self.end = None if pd.isna(r.end) else r.end.to_datetime64()
        self.role = str(r.role or "")
        # a leader row: head of state or government (leaders.HEAD_ROLES, or no role given)
        self.head = self.kind == "leader" and (not self.role or self.role in HEAD_ROLES)
        self.woman = r.leader in WOMEN
        #: the same entry as a person (kind "person"), for a leader not acting for the state
        self.person = _Entry(r, kind="person") if self.kind == "leader" else self


class Matcher:
    """One Aho-Corasick automaton over every spelling of every surface form of a gazetteer
    (see :func:`gazetteer` and :func:`variants`), matched case-sensitively on the text."""

    def __init__(self, gaz: pd.DataFrame):
        bad = sorted(set(gaz["rule"]) - set(RULES) - {""})
        if bad:
            raise NewslabError(f"unknown rule(s) in the gazetteer: {', '.join(bad)}; "
                               f"known: {', '.join(RULES)}")
        self.gazetteer = gaz
        groups: dict[str, list[_Entry]] = {}
        for r in gaz.itertuples(index=False):
            if not r.surface:
                continue
            ent = _Entry(r)
            forms = variants(r.surface)
            if ent.kind == BLOCK and " " in r.surface:
                # a blocker also with its first word in capitals: AG News writes a lead's
                # first words so ("CLEVELAND Indians righthander ...", "NEW YORK Knicks")
                first, rest = r.surface.split(" ", 1)
                forms.append(f"{first.upper()} {rest}")
            for v in forms:
                lst = groups.setdefault(v, [])
                if ent not in lst:
                    lst.append(ent)
        self.automaton = ahocorasick.Automaton()
        for key, entries in groups.items():
            # non-leaders first (a place outranks a person with the same name), then the
            # most recent office holder first (the choice when the date is unknown)
            entries.sort(key=lambda e: (e.kind in ("leader", "person"), e.start is None,
                                        -(e.start.astype("int64") if e.start is not None
                                          else 0)))
            self.automaton.add_word(key, (len(key), key[0].isalnum(), key[-1].isalnum(),
                                          tuple(entries)))
        self.automaton.make_automaton()
        #: every surface form in lower case (an acronym's spelt-out name: names.py)
        self.surfaces = frozenset(str(x).lower() for x in gaz["surface"])
        #: lower-case one-word surface form -> its kind (context rules use it)
        self.words = {}
        for surf, kind in zip(gaz["surface"], gaz["kind"]):
            if " " not in surf:
                self.words.setdefault(surf.lower(), kind)

    # -- one hit ---------------------------------------------------------------------
    def _accept(self, entries, text, s, e, dates, bounds):
        person = None
        date = None
        for ent in entries:
            if ent.kind in ("leader", "person") and dates is not None:
                date = dates(s)
                if date is not None and (
                        not (ent.start is None or ent.start <= date)
                        or not (ent.end is None or date < ent.end)):
                    continue  # not in office on the article's date
            if ent.kind == "capital" and text[e:e + 1] == "," and ent.iso3 != "GEO" \
                    and _after_us_state(text, e):
                continue
            if ent.rule is not None:
                s0, s1 = bounds(s)
                if not ent.rule(text, s, e, s0, s1, self.words):
                    continue
            if ent.kind in _PLACE_KINDS:
                if not_the_country(text, s, e, ent.kind, bounds, self.words) or \
                        inside_name(text, s, e, ent.kind, bounds, self.words):
                    continue    # a currency, or part of another name (names.py, inside.py)
            elif ent.kind == "institution" and text[e + 1:e + 2].isupper() and \
                    institution_in_name(text, s, e, bounds):
                continue        # "the Moscow Kremlin Museums" (names.py)
            elif ent.kind == "institution" and text[s - 1:s] == "(" and \
                    text[e:e + 1] == ")" and \
                    acronym_defined_otherwise(text, s, e, self.surfaces):
                continue        # "the Acme Developer Forum (ADF)" (names.py)
            if ent.kind == "leader":
                # in office: the country only when acting for the state (leaders.py);
                # else a person, unless another office holder of that name (undated
                # text: "Clinton") reads as the country
                s0, s1 = bounds(s)
                # undated, a name that also held an office below the head's (Gordon Brown,
                # chancellor, then prime minister) counts only with a head's title
                titled_only = date is None and any(x.kind == "leader" and not x.head
                                                   for x in entries)
                if not ent.head or not acting_for_state(text, s, e, s0, s1, ent.role,
                                                        ent.surface, titled_only=titled_only,
                                                        woman=ent.woman, iso3=ent.iso3):
                    person = person or ent.person
                    continue
            elif ent.kind == "person":
                person = person or ent
                continue
            return ent
        return person

    def scan(self, text: str, dates=None, bounds=None):
        """Mentions in ``text``: a list of (start, end, entry), leftmost-longest, blockers
        dropped. ``dates(pos)`` gives the date (numpy datetime64 or None) at a position;
        ``bounds(pos)`` the (start, end) of the sentence around it."""
        if bounds is None:
            def bounds(pos, _n=len(text)):
                return 0, _n
        n = len(text)
        hits = []
        # (session 23) a place name rejected as part of another name takes the shorter
        # names that end with it along: "the Guild of Great Britain" leaves no "Britain"
        # (the automaton yields the longest key first for each end)
        rej_s = rej_e = -1
        for last, (klen, alnum_first, alnum_last, entries) in self.automaton.iter(text):
            s = last - klen + 1
            e = last + 1
            # word boundaries: "Niger" is not in "Nigeria", "Oman" not in "Omani"
            if alnum_first and s and text[s - 1].isalnum():
                continue
            if alnum_last and e < n and text[e].isalnum():
                continue
            if e == rej_e and s > rej_s:
                continue
            ent = self._accept(entries, text, s, e, dates, bounds)
            if ent is not None:
                hits.append((s, e, ent))
            elif " " in text[s:e] and entries[0].kind in _PLACE_KINDS:
                rej_s, rej_e = s, e
        if not hits:
            return hits
        hits.sort(key=lambda h: (h[0], -h[1]))
        out, last_end = [], -1
        for h in hits:
            if h[0] >= last_end:
                last_end = h[1]
                if h[2].kind != BLOCK:
                    out.append(h)
        return out


@lru_cache(maxsize=1)
def _default_matcher() -> Matcher:
    return Matcher(_base_gazetteer())


def matcher(*, extra=None) -> Matcher:
    """The matcher for the shipped gazetteer (cached), or for it plus ``extra`` rows."""
    return _default_matcher() if extra is None else Matcher(gazetteer(extra=extra))
