"""Titles of works with a country word inside: the country word names the work, not the
country (``names.not_the_country`` asks these).

- A short quoted title ("an episode of "Married by America"", "the song "Hello Peru""):
  the country word opens or closes a short Title Case span in quotes.
- An unquoted title right after a lower-case word for a work ("the long-running show
  American Bandstand", "the animated series American Dad", "his song Irish Son"): the
  country word is followed by a capitalized word (checked by the caller) and preceded by
  one of :data:`WORK_NOUNS`. Not "play France's Olivier Patience" nor "called Kenyan
  President Kenyatta": "play" and "called" are left out (a sport, a phone call).
"""

from __future__ import annotations

import re

from .context import _title_case

OPEN_QUOTES = frozenset('"\u201c')
CLOSE_QUOTES = frozenset('"\u201d')
_SMALL = frozenset({"by", "of", "the", "a", "an", "in", "on", "and", "to", "for", "from",
                    "with", "at"})
#: a short quoted title in Title Case: capitalized words and small function words
_QUOTED_TITLE = re.compile(r"(?:(?:[A-Z][\w'’.-]*|" + "|".join(sorted(_SMALL)) + r")\s){1,5}"
                           r"[A-Z][\w'’.-]*")


def in_quoted_title(text: str, start: int, end: int, bounds) -> bool:
    """The hit opens or closes a short quoted title of a work ("Married by America", "Peru
    at Night"): two to six words, each capitalized or a small function word, in quotes,
    closed by the hit or holding a small word; not a lone quoted country word, nor quoted
    speech ("Thank you, America")."""
    s0, s1 = bounds(start)
    if text[start - 1:start] in OPEN_QUOTES:
        a = start
        b = min((i for i in (text.find('"', end, s1), text.find("\u201d", end, s1)) if i > 0),
                default=-1)
    else:
        b = end
        a = max(text.rfind('"', s0, start), text.rfind("\u201c", s0, start)) + 1
    if a <= 0 or b < 0 or b - a > 60:
        return False
    span = text[a:b]
    if not _QUOTED_TITLE.fullmatch(span) or _title_case(text, s0, s1):
        return False
    words = span.split()
    # the country word closes the title, or the title has a small word ("Burma's Path to
    # Genocide"); not "a \"UK Las Vegas\"" (a figure of the country's own Las Vegas)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 2 and \
        words[0] not in _SMALL and (b == end or any(w in _SMALL for w in words))


#: lower-case words for a work, right before its title (not "shows" nor "single": "the
#: video shows Chinese President ...", "not a single American soldier" are a verb and an
#: adjective)
WORK_NOUNS = ("song", "songs", "show", "series", "drama", "dramas", "sitcom", "film",
              "films", "movie", "movies", "album", "albums", "novel", "novels", "documentary",
              "musical", "soap", "cartoon")
_WORK_BEFORE = re.compile(r"\b(?:" + "|".join(WORK_NOUNS) + r") $")
#: words that open the work noun's phrase ("the long-running show", "his song")
_DETERMINERS = frozenset("the a an his her its their our my your this that".split())
_POSSESSIVE = re.compile(r"[A-Z][\w.-]*['’]s?")
#: the capitalized word after the country word
_NEXT_WORD = re.compile(r" ([A-Z][\w'’-]*)")
_APOSTROPHE_S = re.compile(r"['’]s?$")


def work_title(text: str, start: int, end: int, plain) -> bool:
    """A lower-case word for a work right before the hit, after a determiner or possessive
    (past at most two words that describe it: "the long-running show", "the animated
    series", "his song", "the BBC film"), and a plain capitalized word after the hit (the
    caller has checked that a capitalized word follows): "the show American Bandstand",
    "his song Irish Son". Not "Polls show British Prime Minister ..." (no determiner), "the
    photos show US troops" (a plural noun before "show": a verb's subject), nor "the film
    Russian President Putin banned" (an office after the hit: no title follows).
    ``plain(word)``: :func:`context.plain_word` with the matcher's words."""
    if not (text[start - 1:start] == " " and text[start - 2:start - 1].islower()) or \
            _WORK_BEFORE.search(text, max(0, start - 14), start) is None:
        return False
    n = _NEXT_WORD.match(text, end, end + 40)
    if n is None or not plain(_APOSTROPHE_S.sub("", n.group(1)).lower()):
        return False
    before = text[max(0, start - 60):start].split()[-4:-1]     # the words before the noun
    for i, w in enumerate(reversed(before)):
        if w.lower() in _DETERMINERS or _POSSESSIVE.fullmatch(w):
            return True
        # a word that describes the work: no plural noun ("the videos show"), function
        # word ("the BBC will film") nor title
        if i == 2 or (w.islower() and w[-1:] == "s" and w[-2:] != "ss" and w != "news") or \
                not plain(w.lower().strip(",;:")) or w[-1:] in ",;:":
            return False
    return False
