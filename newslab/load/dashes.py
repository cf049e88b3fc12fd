"""Lost dashes: put back only where the seed's signature says a dash was lost.

The seed's scraper dropped every em dash and left its two spaces ("two paths for Putin
diplomacy", "WASHINGTON  President"). Other corpora have double spaces for other reasons
(AG News: "Turner   Newall", "on  Tuesday"), so a repair there would insert false dashes.

With ``repair_dashes=None`` (the default) a file is repaired only when it carries the whole
signature (:func:`has_lost_dash_signature`): it is a seed-format ``.txt`` file (title line,
a ``YYYYMMDD`` date line, a URL line), its body has no dash at all (no em or en dash, no
spaced hyphen: when dashes were lost, all of them were), it has a doubled space between two
words, and no run of three or more spaces or tab anywhere (alignment, not a lost dash).
CSV, JSON Lines and Parquet are never repaired by default. ``repair_dashes=True`` repairs
every file, ``False`` none. Each repaired article has its count in ``articles.n_repairs``.
"""

from __future__ import annotations

import re

# Two spaces between two non-space characters, not after sentence punctuation (where a
# doubled space is only old typing habit).
# (The spaces are matched first and the character before them checked after: the same
# matches as a look-behind first, found much faster.)
LOST_DASH = re.compile(r" {2}(?=\S)(?<=[^\s.!?:;\"'\u201d\u2019)] {2})")
_DASHES = ("\u2014", "\u2013", "\u2012", "\u2015", " - ", " -- ")
_WIDE = ("   ", "\t")
REPLACEMENT = " \u2014 "


def has_lost_dash_signature(paragraphs: list[str]) -> bool:
    """True when a seed-format body looks like the seed's: see the module docstring."""
    text = "\n".join(paragraphs)
    if "  " not in text or any(s in text for s in _DASHES + _WIDE):
        return False
    return LOST_DASH.search(text) is not None


def repair(paragraphs: list[str]) -> tuple[list[str], int]:
    """The paragraphs with each lost dash put back, and how many were."""
    out, n = [], 0
    for p in paragraphs:
        p, k = LOST_DASH.subn(REPLACEMENT, p)
        out.append(p)
        n += k
    return out, n
