"""The gazetteer: every surface form of every country, from the data files.

``newslab/data/countries/*.csv`` (plain CSV a researcher can read and extend):
``canonical.csv`` display names and extra entities; ``names.csv`` news spellings,
abbreviations and former names; ``demonyms.csv``; ``capitals.csv``; ``institutions.csv``;
``organizations.csv``; ``leaders.csv`` (iso3, name, surfaces separated by ``|``, role, start,
end); ``blockers.csv``. Names and codes of every ISO 3166-1 entity come from pycountry.
:func:`gazetteer` combines them into one table (columns: ``schema.columns("gazetteer")``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import pycountry

from .. import schema
from ..errors import NewslabError

KINDS = ("name", "demonym", "capital", "institution", "leader", "organization", "person")
#: kind of a blocker row: matched, wins overlaps, then dropped.
BLOCK = "none"
_DATA = "data/countries"
#: names whose "-s" form is another word (see context._rule_lost_apostrophe)
_NO_LOST_APOSTROPHE = frozenset("France America Guinea Jordan Chad Turkey Jersey Guernsey "
                                "Panama Chile Georgia Cuba Malta Niger".split())


def _read_csv(name: str) -> pd.DataFrame:
    with resources.files("newslab").joinpath(f"{_DATA}/{name}").open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """iso3 -> canonical English name (pycountry, with ``canonical.csv`` overriding)."""
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    for r in _read_csv("canonical.csv").itertuples():
        names[r.iso3] = r.country
    return names


def _pycountry_surfaces(iso3_names: dict[str, str]) -> list[dict]:
    rows = []
    for c in pycountry.countries:
        forms = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                 iso3_names.get(c.alpha_3)]
        out = []
        for f in forms:
            if not f or "," in f:           # "Korea, Republic of": not how anyone writes it
                continue
            f = re.sub(r"^the ", "", f)
            m = re.match(r"^(.*?) \((.*)\)$", f)  # "Holy See (Vatican City State)"
            if m:
                out += [m.group(1), m.group(2)]
            else:
                out.append(f)
        for f in list(out):
            if f.startswith("Saint "):
                out += ["St. " + f[6:], "St " + f[6:]]
        for f in dict.fromkeys(out):
            rows.append({"surface": f, "iso3": c.alpha_3, "kind": "name",
                         "source": "pycountry"})
    return rows


def _plural(word: str) -> str | None:
    """English plural of a demonym noun, or None when it has none of its own."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"(s|sh|ch|ese|ic|x|z|men)$", word):
        return None
    return word + "s"


@lru_cache(maxsize=1)
def _base_gazetteer() -> pd.DataFrame:
    names = country_names()
    rows: list[dict] = []

    def add(df: pd.DataFrame, kind: str, source: str) -> None:
        for r in df.to_dict("records"):
            rows.append({"surface": r["surface"], "iso3": r["iso3"], "kind": kind,
                         "rule": r.get("rule", ""), "source": source})

    add(_read_csv("names.csv"), "name", "names.csv")
    rows.extend(_pycountry_surfaces(names))
    for r in _read_csv("canonical.csv").itertuples():
        rows.append({"surface": r.country, "iso3": r.iso3, "kind": "name",
                     "source": "canonical.csv"})
    add(_read_csv("capitals.csv"), "capital", "capitals.csv")
    add(_read_csv("institutions.csv"), "institution", "institutions.csv")
    dem = _read_csv("demonyms.csv")
    add(dem, "demonym", "demonyms.csv")
    for r in dem.to_dict("records"):
        p = _plural(r["surface"])
        if p:
            # a plural names people, never a language ("killed three Somalis.")
            rows.append({"surface": p, "iso3": r["iso3"], "kind": "demonym",
                         "rule": ("brits" if p == "Brits" else
                                  "" if r["rule"] in ("language", "pole") else r["rule"]),
                         "source": "demonyms.csv (plural)"})
    for iso3, name in names.items():
        # "Russias tax ministry": a possessive whose apostrophe was lost (context rule)
        if (" " not in name and len(name) >= 4 and not name.endswith(("s", "x", "z", "sh"))
                and name not in _NO_LOST_APOSTROPHE):
            rows.append({"surface": name + "s", "iso3": iso3, "kind": "name",
                         "rule": "lost_apostrophe", "source": "lost apostrophe"})
    for r in _read_csv("leaders.csv").to_dict("records"):
        for s in r["surfaces"].split("|"):
            s = s.strip()
            if s:
                rows.append({"surface": s, "iso3": r["iso3"], "kind": "leader",
                             "rule": "person" if " " not in s else "", "leader": r["name"],
                             "role": r["role"], "start": r["start"], "end": r["end"],
                             "source": "leaders.csv"})
    for r in _read_csv("organizations.csv").to_dict("records"):
        rows.append({"surface": r["surface"], "iso3": r["code"], "country": r["name"],
                     "kind": "organization", "source": "organizations.csv"})
    for r in _read_csv("blockers.csv").to_dict("records"):
        rows.append({"surface": r["surface"], "iso3": "", "country": "", "kind": BLOCK,
                     "rule": "", "source": f"blockers.csv ({r['note']})"})
    return _finish(pd.DataFrame(rows), names)


def _finish(df: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    cols = schema.columns("gazetteer")
    for col in cols:
        if col not in df:
            df[col] = None
    df = df[cols].copy()
    for col in ("rule", "leader", "role", "source", "country"):
        df[col] = df[col].fillna("").astype(str)
    df["surface"] = df["surface"].astype(str).str.strip()
    df["iso3"] = df["iso3"].fillna("").astype(str).str.strip()
    need = df["country"].eq("") & df["kind"].ne(BLOCK)
    df.loc[need, "country"] = df.loc[need, "iso3"].map(names).fillna("")
    df["start"] = pd.to_datetime(df["start"].replace("", None), errors="raise")
    df["end"] = pd.to_datetime(df["end"].replace("", None), errors="raise")
    # the first row of a (surface, iso3, kind) wins, except that a rule is never lost
    df["_has_rule"] = df["rule"].ne("")
    df["_order"] = np.arange(len(df))
    leaders = df[df["kind"].isin(["leader", "person"])]
    others = df[~df["kind"].isin(["leader", "person"])]
    # (a surface form names one thing: the earliest file wins, extra rows first; when that
    # reading has a context rule, the next one stays for the hits the rule turns down:
    # "Brussels", Belgium's capital as a place, else the EU's seat)
    others = (others.sort_values(["_has_rule", "_order"], ascending=[False, True])
              .drop_duplicates(["surface", "iso3"]).sort_values("_order"))
    nth = others.groupby("surface", sort=False).cumcount()
    ruled = others["surface"].map(others[nth.eq(0)].set_index("surface")["_has_rule"])
    others = others[nth.eq(0) | (nth.eq(1) & ruled)]
    df = pd.concat([others, leaders]).sort_values("_order")
    return df.drop(columns=["_has_rule", "_order"]).reset_index(drop=True)


def gazetteer(*, extra=None) -> pd.DataFrame:
    """The combined surface-form table the matcher uses, one row per surface form.

    Columns: ``surface, iso3, country, kind, rule, leader, role, start, end, source``
    (``start``/``end``/``leader``/``role`` for leaders only; ``kind="none"`` rows are
    blockers). ``extra``: rows to add (a DataFrame or a list of dicts with at least
    ``surface, iso3, kind``; ``country`` is filled in from the code for countries and is
    required for organizations; leaders may have ``start`` and ``end``, and without them
    count on every date).
    """
    base = _base_gazetteer()
    if extra is None:
        return base.copy()
    ext = pd.DataFrame(extra)
    missing = {"surface", "iso3", "kind"} - set(ext.columns)
    if missing:
        raise NewslabError(f"extra gazetteer rows need column(s) {', '.join(sorted(missing))}")
    bad = sorted(set(ext["kind"]) - set(KINDS) - {BLOCK})
    if bad:
        raise NewslabError(f"unknown kind(s) in extra gazetteer rows: {', '.join(bad)}; "
                           f"expected one of {', '.join(KINDS + (BLOCK,))}")
    names = country_names()
    countryish = ext["kind"].isin(set(KINDS) - {"organization"})
    unknown = sorted(set(ext.loc[countryish, "iso3"]) - set(names))
    if unknown:
        raise NewslabError(f"unknown ISO alpha-3 code(s) in extra gazetteer rows: "
                           f"{', '.join(unknown)}")
    if "source" not in ext:
        ext["source"] = "extra"
    if "country" in ext:
        orgs_unnamed = ext["kind"].eq("organization") & ext["country"].fillna("").eq("")
    else:
        orgs_unnamed = ext["kind"].eq("organization")
    if orgs_unnamed.any():
        raise NewslabError("extra organization rows need a 'country' column with the "
                           "organization's name")
    # extra rows come first so that they win over the shipped ones
    return _finish(pd.concat([ext, base], ignore_index=True), names)
