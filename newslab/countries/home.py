"""The outlet's own state: its bodies named without the country (the article-level rule).

A government's own releases name its bodies without saying whose they are: the State
Department writes "the Department", "the President", "the Bureau of ...", the Kremlin "the
President". Read alone such a phrase names no country, but in an article whose outlet is that
government's own site the reading is unambiguous: the outlet's own state. So these phrases
count as a mention of the outlet's country (``kind="institution"``) **only** in articles of
an outlet listed in ``outlets.csv`` (an exact outlet, or a sub-domain of one: ``x.state.gov``);
in every other article (a news outlet) they are left alone, since whose department or
president is meant depends on the story. Phrases (each with the reason it is safe there):

- "the Department" (capitalised), not followed by "of"/"for" (a named department may be
  another state's: "the Department of Foreign Affairs of ...");
- "the President" not followed by "of" ("the President of the foundation"), a hyphen ("the
  President-elect" is not yet in office) nor a capitalised name ("the President Ruto": a
  named president is the leader table's job);
- a capitalised "Bureau" not followed by "of the" ("the Bureau of Consular Affairs" is the
  state's, "the Bureau of the UN Commission ..." a UN body's), nor by a capitalized word
  (session 24: "the Senior Bureau Official", "the Asian Affairs Bureau Director General X"
  are posts' titles, persons, and the bureau may be another state's), nor after a
  capitalized word other than "The", an acronym or a possessive when no "of" follows ("the
  National Anti-Corruption Bureau" has a name of its own; "the Department of State's Bureau
  of ...", "the State Department Bureau of ...", "the USAID Bureau" stay).
Only sites whose "President" is their own state's are listed: on a parliamentary state's
site (gov.uk) "the President" is another state's, so it is not in the table.

A hit that overlaps a mention the matcher already found is dropped (the matcher's reading
wins).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .data import _read_csv, country_names

_HOME_PHRASES = re.compile(
    r"\b[Tt]he Department\b(?!\s+(?:of|for)\b)"
    r"|\b[Tt]he President\b(?!\s+of\b|\s+[A-Z]|-)"
    # (review) a post's title follows on the same line, not a weekday ("the Bureau Monday
    # said") nor the next line's first word
    r"|\bBureau\b(?!\s+of\s+the\b|[ \t]+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b)[A-Z])")


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """outlet (a domain as in ``articles.outlet``) -> iso3 of the state whose own site it is."""
    return {r.outlet.strip().lower(): r.iso3 for r in _read_csv("outlets.csv").itertuples()}


def home_country(outlet) -> str | None:
    """The iso3 of the state whose own site ``outlet`` is (``outlets.csv``), else None."""
    if not isinstance(outlet, str) or not outlet:
        return None
    o = outlet.strip().lower()
    if o.startswith("www."):
        o = o[4:]
    table = outlets()
    while o:
        if o in table:
            return table[o]
        o = o.partition(".")[2] if "." in o else ""
    return None


class HomeEntry:
    """What a home-phrase hit reports (the matcher's entries have the same fields)."""
    __slots__ = ("iso3", "country", "kind")

    def __init__(self, iso3: str):
        self.iso3 = iso3
        self.country = country_names().get(iso3, iso3)
        self.kind = "institution"


@lru_cache(maxsize=64)
def _entry(iso3: str) -> HomeEntry:
    return HomeEntry(iso3)


def home_hits(text: str, iso3: str, start: int = 0, end: int | None = None) -> list:
    """``(start, end, entry)`` for every home phrase in ``text[start:end]`` (offsets into
    ``text``), all of country ``iso3``."""
    ent = _entry(iso3)
    return [(m.start(), m.end(), ent)
            for m in _HOME_PHRASES.finditer(text, start, len(text) if end is None else end)
            if text[m.start():m.start() + 1] != "B" or text.startswith(" of ", m.end()) or
            not _named_bureau(text, max(start, m.start() - 30), m.start())]


#: the words before "Bureau" in the site's own bureaus' short names (review: "the Consular
#: Affairs Bureau", "our Africa Bureau" on state.gov are the state's; not after a
#: "Ministry" or "Foreign": "the Foreign Ministry's Asian Affairs Bureau" is another state's)
_OWN_BUREAU_WORDS = frozenset("Affairs Africa Europe Asia Hemisphere Consular "
                              "Counterterrorism".split())


def _named_bureau(text: str, start: int, end: int) -> bool:
    """A name of its own right before "Bureau" at ``end`` (:data:`_NAMED_BEFORE`), unless
    a short name of the site's own bureaus (:data:`_OWN_BUREAU_WORDS`)."""
    m = _NAMED_BEFORE.search(text, start, end)
    if m is None:
        return False
    return m.group(0).strip() not in _OWN_BUREAU_WORDS or \
        "Ministry" in text[max(0, end - 60):end] or "Foreign" in text[max(0, end - 60):end]


#: a capitalized word right before "Bureau" (not "The", an acronym or a possessive), and no
#: "of" after it: the bureau has a name of its own, which may be another state's ("the
#: National Anti-Corruption Bureau" in a Kremlin text is Ukraine's, "the Narcotics Control
#: Bureau, India"; session 24); "the State Department Bureau of ...", "the USAID Bureau"
#: stay
_NAMED_BEFORE = re.compile(r"(?<![\w'’-])(?!The )[A-Z][a-z][\w-]* $")


def merge_hits(hits: list, extra: list) -> list:
    """``hits`` (sorted, not overlapping) plus the ``extra`` hits that overlap none of them,
    sorted by start."""
    if not extra:
        return hits
    from bisect import bisect_right
    starts = [h[0] for h in hits]
    keep = []
    for h in extra:
        i = bisect_right(starts, h[0]) - 1
        if i >= 0 and hits[i][1] > h[0]:
            continue
        if i + 1 < len(hits) and hits[i + 1][0] < h[1]:
            continue
        keep.append(h)
    return sorted(hits + keep, key=lambda h: h[0]) if keep else hits
