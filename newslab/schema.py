"""The tidy tables newslab passes between stages, and their columns: documented once, here.

Every table is a pandas DataFrame keyed by ``article_id`` (and ``sentence_id`` below the
article). Offsets (``start``, ``end``) are character offsets into ``articles.text``.
``newslab analyze`` writes each table under its name. Later stages add their tables to
:data:`TABLES`; ``tests/test_schema.py`` checks that what the code produces matches, column
for column and type for type.

A column's entry is its meaning, or a ``(meaning, type)`` pair: the type codes are those of
:data:`DTYPES` (``str`` when not given), which holds the types of entries written as plain
meanings; a stage owner may write new columns either way (one place per column).
Helpers: :func:`columns`, :func:`dtypes`, :func:`describe`, :func:`empty`, :func:`require`,
:func:`cast`, :func:`grouped_columns`, :func:`data_dictionary` (``DIR/README.md``).
"""

TABLES: dict[str, dict[str, "str | tuple[str, str]"]] = {
    "articles": {
        "article_id": "stable id: the input's id column, else a hash of url, title and text "
                      "(a repeat gets -2, -3, ...)",
        "title": "headline (empty string when the source has none)",
        "date": "publication date (datetime64; NaT when missing, unparseable or outside "
                "1677-2262, with a warning)",
        "date_raw": "the date as written in the input (text), or None: kept when date is NaT",
        "url": "source URL, or None",
        "outlet": "the input's outlet column, else the URL's domain without www. "
                  "(nbcnews.com), else the first part of source, else None",
        "source": "the input's source column, else the file's sub-folder relative to the "
                  "folder loaded (bbc/2021), else None",
        "dateline": "the dateline place that opens a paragraph (WASHINGTON), or None",
        "text": "the article body as given: paragraphs joined by newlines (blank lines and "
                "the spaces around paragraphs dropped; lost dashes put back only in files "
                "with the seed's signature, see n_repairs)",
        "paragraphs": "list of the paragraph strings, in stored order",
        "n_paragraphs": "number of paragraphs",
        "n_repairs": "lost dashes put back in the text (0 for text as given; "
                     "newslab.load.dashes)",
        "path": "the file the article came from (bytes of a name that are not UTF-8 as \\xNN)",
        "line": "line (CSV, JSON Lines, JSON) or row (Parquet) in that file; <NA> for .txt",
        "duplicate_of": "article_id of the first article with the same URL or the same text, "
                        "or None",
        # Extra input columns (section, author, category, language, any) follow these, under
        # their own names (input_<name> when the name is taken), typed by their values;
        # nested values are JSON text, bytes UTF-8 or base64 (newslab.load.records).
    },
    "skipped": {
        "path": "a file, folder or the file of a row that could not be used",
        "line": "the bad row's line number, or <NA> for a whole file",
        "reason": "why it was skipped, in words",
    },
    "sentences": {
        "article_id": "the article",
        "paragraph_id": "paragraph number in the article, from 0",
        "sentence_id": "sentence number in the article, from 0, across paragraphs",
        "start": "offset of the sentence's first character in the article text",
        "end": "offset one past its last character: text[start:end] is the sentence",
        "text": "the sentence",
    },
    "tokens": {
        "article_id": "the article",
        "sentence_id": "the sentence",
        "token_id": "token number in the sentence, from 0",
        "start": "offset in the article text",
        "end": "offset one past the token's end",
        "token": "the token as written",
        "lower": "lower-case form, curly apostrophes straightened",
        "is_stop": "in scikit-learn's English stop-word list",
        "is_alpha": "made of letters (inner hyphens and apostrophes allowed)",
    },
    "mentions": {
        "article_id": "the article",
        "sentence_id": "the sentence the mention is in",
        "start": "offset of the mention's first character in the article text",
        "end": "offset one past its last character: text[start:end] is the surface",
        "surface": "the mention as written (Russia's -> Russia, U.S., the Kremlin -> Kremlin)",
        "iso3": "ISO 3166-1 alpha-3 code (XKX for Kosovo); for organizations their short "
                "code (NATO, EU, UN, OSCE, ...)",
        "country": "canonical English name of the country (or organization)",
        "kind": "name, demonym, capital, institution, leader (a head of state or "
                "government in office acting for the state), person (a leader not acting for "
                "the state, or another official: iso3 is their country) or organization; "
                "organizations and persons are not countries: newslab.countries.countries_only",
    },
    "gazetteer": {
        "surface": "a surface form as written in the data files (the matcher also looks for "
                   "its spelling variants: newslab.countries.variants)",
        "iso3": "ISO alpha-3 code (organizations: their short code; blockers: empty)",
        "country": "canonical name of the country or organization",
        "kind": "name, demonym, capital, institution, leader, organization, person (extra "
                "rows: never the country), or none (a blocker: matched, wins overlaps, then "
                "dropped)",
        "rule": "the context rule the hit must pass (newslab.countries.context.RULES), or ''",
        "leader": "leaders: the office holder's full name",
        "role": "leaders: the office",
        "start": "leaders: first day in office (inclusive), NaT = always",
        "end": "leaders: day the term ended (exclusive), NaT = still in office",
        "source": "the data file (or 'extra') the row comes from",
    },
    "attention": {
        "iso3": "the country (with by=: the group column first)",
        "country": "its name",
        "n_articles": "articles mentioning the country (duplicates left out unless "
                      "--include-duplicates)",
        "n_mentions": "its mentions in those articles (countries only: organizations and "
                      "persons left out)",
        "share_articles": "n_articles / all counted articles (of the group), 0..1",
    },
    "sentence_sentiment": {
        "article_id": "the article",
        "sentence_id": "the sentence",
        "neg": "VADER: share of the sentence's sentiment mass that is negative (0..1)",
        "neu": "VADER: share that is neutral (0..1)",
        "pos": "VADER: share that is positive (0..1)",
        "compound": "VADER compound score, -1 (most negative) .. +1 (most positive)",
        "label": "negative (compound <= -0.05), positive (>= 0.05) or neutral "
                 "(newslab.sentiment.NEG_THRESHOLD, POS_THRESHOLD)",
    },
    "paragraph_sentiment": {
        "article_id": "the article",
        "paragraph_id": "the paragraph",
        "n_sentences": "number of sentences in the paragraph",
        "neg": "VADER neg of the paragraph: its sentences' valences taken together (each "
               "sentence scored with its own rules; whole_text=True: VADER on the "
               "paragraph's text)",
        "neu": "VADER neu of the paragraph (same)",
        "pos": "VADER pos of the paragraph (same)",
        "compound": "VADER compound of the paragraph (same)",
        "mean_compound": "mean of the paragraph's sentence compounds",
        "label": "label of mean_compound (same cut-offs as sentences)",
    },
    "article_sentiment": {
        "article_id": "the article",
        "n_sentences": "number of sentences",
        "n_words": "number of words (whitespace tokens with a letter or digit)",
        "compound": "VADER compound of all the article's sentence valences at once (each "
                    "sentence with its own rules; whole_text=True: VADER on the whole "
                    "text); saturates on long texts, for comparison only",
        "mean_compound": "mean sentence compound (the usual article tone)",
        "share_positive": "share of sentences labelled positive",
        "share_negative": "share of sentences labelled negative",
        "pos_word_pct": "percentage of words with a positive lexicon valence",
        "neg_word_pct": "percentage of words with a negative lexicon valence",
        "gdelt_tone": "GDELT-style tone: pos_word_pct - neg_word_pct",
        "label": "label of mean_compound (same cut-offs as sentences)",
    },
    "tone": {
        "n_articles": "articles with a sentiment row (duplicates left out unless "
                      "--include-duplicates; with by=: the group column first)",
        "mean_compound": "mean over articles of article_sentiment.mean_compound",
        "compound_ci_low": "95% bootstrap interval of that mean over articles, lower end "
                           "(newslab.stats, seed 0)",
        "compound_ci_high": "upper end",
        "mean_gdelt_tone": "mean over articles of article_sentiment.gdelt_tone",
        "gdelt_ci_low": "95% bootstrap interval of that mean over articles, lower end",
        "gdelt_ci_high": "upper end",
        "label": "negative / positive when the whole compound interval lies beyond the VADER "
                 "cut-offs (-0.05, 0.05), neutral when inside them, else uncertain; "
                 "uncertain below 3 articles (newslab.stats.interval_label)",
    },
    "attribution": {
        "article_id": "the article",
        "sentence_id": "an attributed sentence (sentences without a speaker have no row)",
        "speaker": "the speaker phrase as written (Psaki; a State Department spokesperson; "
                   "a pronoun is followed by whom it resolved to in brackets)",
        "speaker_iso3": "the speaker's country (ISO alpha-3), or None when unknown",
        "speaker_country": "the speaker's country name, or None",
        "cue": "the attributing verb (said, told, added, according to, accused, ...)",
        "how": "cue (in the sentence), quote (inside a quotation attributed elsewhere), "
               "pronoun (he/she/the official, resolved to the previous speaker)",
        "speaker_start": "offset of the speaker phrase in the article text (<NA> for quote)",
        "speaker_end": "offset one past its end (<NA> for quote)",
    },
    "stance": {
        "article_id": "the article",
        "sentence_id": "the sentence holding the mention",
        "start": "offset of the mention in the article text",
        "end": "offset one past its end",
        "surface": "the mention as written",
        "iso3": "the country mentioned (ISO alpha-3)",
        "country": "its canonical name",
        "kind": "the mention's kind (name, demonym, capital, institution, leader)",
        "score": "stance toward the country in this mention, -1 (negative) .. +1 (positive)",
        "label": "negative / neutral / positive (rules: |score| >= 0.05; sentence: VADER "
                 "cut-offs; trained: the model's most probable class)",
        "method": "sentence, rules or trained",
        "rule": "what decided the score (rules: newslab.stance.rules.RULES, e.g. verb-agent, "
                "noun-object, location, origin, procedural, no-evaluation, + negation/hedge/"
                "contrast; sentence and trained: '')",
        "trigger": "the act or evaluative word that decided it (newslab/data/"
                   "stance_verbs.csv, stance_words.csv), the preposition of a location, or ''",
        "role": "the target's role: agent, object, subject, speaker, party, owner, "
                "described, location, origin, topic, dateline, possessor, listed, mention "
                "('' for sentence and trained)",
        "reason": "why, in words (\"doer of 'invaded' (unfavourable act)\", \"after 'in': "
                  "place ...\"; trained: the class probabilities)",
        "clause": "the clause the score was read from (the evidence)",
        "speaker": "who says the sentence (newslab.attribution), or None",
        "source_iso3": "the speaker's country, or None (also None when the mention is "
                       "inside the speaker phrase itself)",
    },
    "stance_targets": {
        "score": "stance toward the target, -1 .. +1 (newslab.stance.score_targets: one row "
                 "per target given by offsets; the stance table's per-mention columns)",
        "label": "negative / neutral / positive",
        "method": "sentence, rules or trained",
        "rule": "what decided it (rules), else ''",
        "trigger": "the act or evaluative word, or ''",
        "role": "the target's role (rules), else ''",
        "reason": "why, in words",
        "clause": "the clause (rules) or the sentence the score was read from",
    },
    "stance_gold": {
        "text": "the sentence (read from the gold file, or resolved from a reference into "
                "../shared; newslab.evaluation.stance.read_gold)",
        "target": "the mention being judged",
        "start": "offset of the target in text",
        "end": "offset one past its end",
        "label": "the gold label: negative, neutral or positive (any other keys of the "
                 "file's lines follow as extra columns)",
    },
    "article_stance": {
        "article_id": "the article",
        "iso3": "the country",
        "country": "its name",
        "n_mentions": "mentions of the country in the article",
        "mean_score": "mean of their scores",
        "ci_low": "95% interval of the mean from resampling the article's sentences "
                  "(newslab.stats.cluster_bootstrap, 1000 resamples, seed 0), lower end",
        "ci_high": "upper end",
        "label": "negative/positive when the whole interval lies beyond -/+0.05, neutral "
                 "when it lies inside, else uncertain (newslab.stats.interval_label)",
        "n_negative": "mentions labelled negative",
        "n_neutral": "mentions labelled neutral",
        "n_positive": "mentions labelled positive",
        "evidence": "the 3 strongest polar mentions, one per distinct clause: 'score reason: "
                    "clause | ...' (all of them: newslab.stance.evidence)",
    },
    "country_stance": {
        "iso3": "the country",
        "country": "its name",
        "n_articles": "articles mentioning it (duplicates left out unless "
                      "--include-duplicates)",
        "n_mentions": "mentions of it in those articles",
        "mean_score": "mean score over the mentions",
        "ci_low": "95% interval of the mean from resampling articles (newslab.stats, 1000 "
                  "resamples, seed 0), lower end",
        "ci_high": "upper end",
        "label": "negative/positive only when the whole interval lies beyond -/+0.05 and at "
                 "least 3 articles stand behind it (newslab.stance.MIN_ARTICLES), neutral "
                 "when it lies inside, else uncertain",
        "n_negative": "mentions labelled negative",
        "n_neutral": "mentions labelled neutral",
        "n_positive": "mentions labelled positive",
        "n_duplicates": "mentions in articles flagged as duplicates, left out (0 when they "
                        "are included)",
        "evidence": "the 3 strongest polar mentions, one per distinct clause, each with its "
                    "reason",
    },
    "stance_dyads": {
        "source_iso3": "the country of the speaker (newslab.attribution)",
        "target_iso3": "the country spoken about",
        "target_country": "its name",
        "n_mentions": "mentions of the target in sentences said by the source's speakers",
        "n_articles": "articles they come from",
        "mean_score": "mean stance score of those mentions",
        "ci_low": "95% interval from resampling articles, lower end (seed 0)",
        "ci_high": "upper end",
        "label": "as in country_stance: uncertain unless the interval and 3 articles allow "
                 "more",
        "n_negative": "mentions labelled negative",
        "n_neutral": "mentions labelled neutral",
        "n_positive": "mentions labelled positive",
        "display": "True when at least 2 articles stand behind the dyad "
                   "(newslab.stance.MIN_DYAD_ARTICLES): show only these",
        "n_duplicates": "mentions in duplicate articles, left out",
        "evidence": "the 2 strongest, one per distinct clause: 'speaker: score reason: "
                    "clause | ...'",
    },
    "keywords": {
        "article_id": "the article",
        "method": "tfidf (words, newslab.keywords.tfidf) or phrases (key phrases, "
                  "newslab.keywords.key_phrases)",
        "term": "the keyword or key phrase, lower case",
        "score": "the method's score (higher = more key)",
        "rank": "rank within the article and method, from 1",
    },
    # written as keyness_by_<key> (newslab analyze --by KEY), the group under the key first
    "keyness": {
        "term": "a term (lower case) whose share of articles differs between the group and "
                "the other articles (newslab.keywords.document_keyness)",
        "score": "-log10 p, signed: + when more of the group's articles use the term",
        "rank": "rank within the group, from 1 (the strongest evidence for the group); the "
                "top 20 each way among terms with q < 0.05",
        "n_articles_target": "articles of the group that contain the term",
        "n_articles_reference": "other articles that contain it",
        "share_target": "share of the group's articles that contain it (0..1)",
        "share_reference": "share of the other articles that contain it (0..1)",
        "log_odds_ratio": "effect size: log odds ratio of the two shares (0.5 added to each "
                          "cell of the 2 x 2 table)",
        "n_target": "occurrences of the term in the group's articles",
        "n_reference": "occurrences in the other articles",
        "p": "two-sided p of the article counts ('N - 1' chi-squared; Fisher's exact test "
             "when an expected count is below 1); articles, not words, are the unit",
        "q": "Benjamini-Hochberg q over the terms tested for the group (read this, not p)",
        "key_for": "target (the group uses it more) or reference (the others do)",
    },
}


# The stance summaries by group (newslab.groups; the automatic keys are outlet and month)
# have the table's columns, the group first.
for _key, _desc in {"outlet": "the outlet (articles.outlet)",
                    "month": "the month of articles.date (YYYY-MM; undated articles are "
                             "left out)"}.items():
    for _t in ("country_stance", "stance_dyads"):
        TABLES[f"{_t}_by_{_key}"] = {_key: _desc, **TABLES[_t],
                                     "n_articles": f"articles of that {_key} behind the row"}


#: Column types that are not plain text (``str``: Python strings or None, pandas ``object``).
#: ``int``/``float``/``bool``: numpy int64/float64/bool; ``Int``: nullable Int64 (<NA>);
#: ``datetime``: datetime64[ns] (NaT when missing); ``list``: a list of strings per row.
DTYPES: dict[str, dict[str, str]] = {
    "articles": {"date": "datetime", "paragraphs": "list", "n_paragraphs": "int", "n_repairs": "int",
                 "line": "Int"},
    "skipped": {"line": "Int"},
    "sentences": {"paragraph_id": "int", "sentence_id": "int", "start": "int", "end": "int"},
    "tokens": {"sentence_id": "int", "token_id": "int", "start": "int", "end": "int",
               "is_stop": "bool", "is_alpha": "bool"},
    "mentions": {"sentence_id": "int", "start": "int", "end": "int"},
    "sentence_sentiment": {"sentence_id": "int", "neg": "float", "neu": "float",
                           "pos": "float", "compound": "float"},
    "paragraph_sentiment": {"paragraph_id": "int", "n_sentences": "int", "neg": "float",
                            "neu": "float", "pos": "float", "compound": "float",
                            "mean_compound": "float"},
    "article_sentiment": {"n_sentences": "int", "n_words": "int", "compound": "float",
                          "mean_compound": "float", "share_positive": "float",
                          "share_negative": "float", "pos_word_pct": "float",
                          "neg_word_pct": "float", "gdelt_tone": "float"},
    "attribution": {"sentence_id": "int", "speaker_start": "Int", "speaker_end": "Int"},
    "stance": {"sentence_id": "int", "start": "int", "end": "int", "score": "float"},
    "article_stance": {"n_mentions": "int", "mean_score": "float", "ci_low": "float",
                       "ci_high": "float", "n_negative": "int", "n_neutral": "int",
                       "n_positive": "int"},
    "country_stance": {"n_articles": "int", "n_mentions": "int", "mean_score": "float",
                       "ci_low": "float", "ci_high": "float", "n_negative": "int",
                       "n_neutral": "int", "n_positive": "int", "n_duplicates": "int"},
    "stance_dyads": {"n_mentions": "int", "n_articles": "int", "mean_score": "float",
                     "ci_low": "float", "ci_high": "float", "n_negative": "int",
                     "n_neutral": "int", "n_positive": "int", "n_duplicates": "int",
                     "display": "bool"},
    "keywords": {"score": "float", "rank": "int"},
    "attention": {"n_articles": "int", "n_mentions": "int", "share_articles": "float"},
    "tone": {"n_articles": "int", "mean_compound": "float", "compound_ci_low": "float",
             "compound_ci_high": "float", "mean_gdelt_tone": "float", "gdelt_ci_low": "float",
             "gdelt_ci_high": "float"},
}

#: pandas dtype of each type code.
PANDAS_DTYPES = {"str": "object", "list": "object", "int": "int64", "Int": "Int64",
                 "float": "float64", "bool": "bool", "datetime": "datetime64[ns]"}

#: What a reader of a table needs beyond its columns: scales, units, intervals, labels.
NOTES: dict[str, str] = {
    "articles": "One row per article, in input order. Extra input columns (outlet, section, "
                "author, ...) follow the documented ones.",
    "skipped": "Every input unit that is not an article: articles rows + skipped rows = "
               "what the input holds.",
    "sentence_sentiment": "VADER scores: neg/neu/pos are shares (0..1, summing to 1); "
                          "compound runs from -1 to +1. Labels: negative at compound <= "
                          "-0.05, positive at >= 0.05, else neutral.",
    "article_sentiment": "mean_compound (-1..+1) is the article's tone; pos_word_pct and "
                         "neg_word_pct are percentages of words (0..100), so gdelt_tone "
                         "runs from -100 to +100 (GDELT's tone scale).",
    "attention": "share_articles: the share (0..1) of the counted articles (of the group, "
                 "with by=) that mention the country; duplicates are not counted unless "
                 "--include-duplicates.",
    "tone": "mean_compound: mean over articles of the article tone (-1..+1); mean_gdelt_tone "
            "(-100..+100); each with a 95% interval that resamples articles (seed 0); the "
            "label comes from the interval (the label column says the rule).",
    "stance": "score runs from -1 (negative toward the country) to +1 (positive).",
    "article_stance": "mean_score: mean mention score (-1..+1); ci_low/ci_high: its 95% "
                      "bootstrap interval (seed 0); label: from the interval, not the mean "
                      "alone (the label column says the rule; newslab.stats.interval_label).",
    "country_stance": "mean_score: mean mention score (-1..+1) over the corpus; "
                      "ci_low/ci_high: 95% bootstrap interval (seed 0). The label comes from "
                      "the interval (the label column says the rule): read it together with "
                      "n_mentions; 'uncertain' means the data do not settle it.",
    "stance_dyads": "How speakers of one country speak about another: mean_score (-1..+1) "
                    "with a 95% bootstrap interval (seed 0); cells with a few mentions "
                    "are anecdotes.",
    "keywords": "score: TF-IDF weight (tfidf) or key-phrase score (phrases); higher is "
                "more key; rank 1 is the top term of the article.",
}


def _base(table: str) -> tuple[str, str | None]:
    """``(documented table, by key)``: ``tone_by_section`` -> ``("tone", "section")`` when
    only the base table is documented."""
    if table in TABLES:
        return table, None
    base, sep, key = table.rpartition("_by_")
    if sep and base in TABLES and key:
        return base, key
    raise KeyError(f"no table '{table}' in newslab.schema")


# Keyness by outlet and by month: keyness's columns, the group first.
for _key, _desc in {"outlet": "the outlet (articles.outlet)",
                    "month": "the month of articles.date (YYYY-MM)"}.items():
    TABLES[f"keyness_by_{_key}"] = {_key: _desc, **TABLES["keyness"]}


def columns(table: str) -> list[str]:
    """The documented columns of a table, in order (``<table>_by_<key>``: the key first)."""
    base, key = _base(table)
    if key is None:
        return list(TABLES[table])
    return grouped_columns(base, key)


def _codes(table: str) -> dict[str, str]:
    """The type code of every documented column of ``table``: from its TABLES entry when
    that is a ``(description, type)`` pair, else from :data:`DTYPES` (a breakdown
    ``<table>_by_<key>`` has its table's types), else ``str``."""
    base, _key = _base(table)
    grouped = base.rpartition("_by_")[0] if base not in DTYPES else base
    codes = dict(DTYPES.get(base) or DTYPES.get(grouped) or {})
    for c, v in TABLES[base].items():
        if isinstance(v, tuple):
            codes[c] = v[1]
    return codes


def _descriptions(table: str) -> dict[str, str]:
    """Column -> meaning (the key of a breakdown first)."""
    base, key = _base(table)
    cols = {c: (v[0] if isinstance(v, tuple) else v) for c, v in TABLES[base].items()}
    if key is not None:
        cols = {key: f"the group (newslab.groups key {key!r})",
                **{c: d for c, d in cols.items() if c != key}}
    return cols


def dtypes(table: str) -> dict[str, str]:
    """The pandas dtype of every documented column of a table."""
    codes = _codes(table)
    return {c: PANDAS_DTYPES[codes.get(c, "str")] for c in columns(table)}


def describe(table: str, *, types: bool = False) -> str:
    """A table's columns and their meanings, one per line (for notebooks and --help); with
    ``types``, each column's type too and the table's note on scales and labels."""
    base, _key = _base(table)
    cols = _descriptions(table)
    width = max(map(len, cols))
    if not types:
        return "\n".join(f"{c:<{width}}  {d}" for c, d in cols.items())
    codes = _codes(table)
    lines = [f"{c:<{width}}  {codes.get(c, 'str'):<8}  {d}" for c, d in cols.items()]
    if base in NOTES:
        lines.append(NOTES[base])
    return "\n".join(lines)


def empty(table: str):
    """An empty DataFrame with a table's documented columns and dtypes, in order."""
    import pandas as pd
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes(table).items()})


def cast(df, table: str):
    """``df`` with its documented columns cast to the table's dtypes (others untouched); a
    column of whole numbers with gaps becomes nullable ``Int64`` rather than failing."""
    import pandas as pd
    out = df.copy()
    for c, t in dtypes(table).items():
        if c not in out.columns or str(out[c].dtype) == t:
            continue
        if t == "datetime64[ns]":
            out[c] = pd.to_datetime(out[c], errors="coerce")
        elif t == "int64" and out[c].isna().any():
            out[c] = out[c].astype("Int64")
        elif t == "object":
            out[c] = out[c].astype(object).where(out[c].notna(), None)
        else:
            out[c] = out[c].astype(t)
    return out


def data_dictionary(tables, *, title: str = "Data dictionary") -> str:
    """Markdown describing ``tables`` (names, or ``{name: n_rows}``): what each holds, its
    columns with types and meanings, scales and label rules. ``newslab analyze`` writes it
    as ``DIR/README.md``."""
    rows = dict(tables) if hasattr(tables, "items") else {n: None for n in tables}
    out = [f"# {title}", "",
           "Written by newslab from `newslab.schema`. Each table is a folder of Parquet "
           "parts (`pd.read_parquet(\"DIR/<table>\")`, DuckDB `SELECT * FROM "
           "'DIR/<table>/*.parquet'`), and for small corpora also `DIR/<table>.csv`. "
           "Offsets (`start`, `end`) are character offsets into `articles.text`. In the "
           "CSV files a text cell that begins with = + - @ or a tab or carriage return is "
           "prefixed with an apostrophe (') so that spreadsheets do not run it as a formula (a lone - or + stays).",
           ""]
    for name, n in rows.items():
        try:
            base, key = _base(name)
        except KeyError:
            out += [f"## {name}", "", "(not documented in newslab.schema)", ""]
            continue
        head = f"## {name}" + (f" ({n:,} rows)" if n is not None else "")
        out += [head, ""]
        if key is not None:
            out += [f"`{base}` broken down by `{key}` (the first column).", ""]
        if base in NOTES:
            out += [NOTES[base], ""]
        codes = _codes(name)
        out += ["| column | type | meaning |", "|---|---|---|"]
        for c, d in _descriptions(name).items():
            d = d.replace("|", "\\|").replace("\n", " ")
            out.append(f"| `{c}` | {codes.get(c, 'str')} | {d} |")
        out.append("")
    return "\n".join(out)


def require(df, cols, what: str = "this step") -> None:
    """Raise a one-line :class:`newslab.NewslabError` when ``df`` lacks any of ``cols``
    (a table name, meaning its documented columns, or a list of column names)."""
    from .errors import NewslabError
    needed = columns(cols) if isinstance(cols, str) else list(cols)
    if not hasattr(df, "columns"):
        raise NewslabError(f"{what} needs a DataFrame, not {type(df).__name__}")
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise NewslabError(f"{what} needs the column(s) {', '.join(missing)}")


def grouped_columns(table: str, key: str) -> list[str]:
    """Columns of ``table`` broken down by ``key`` (``newslab.groups``): the key first."""
    return [key, *[c for c in columns(table) if c != key]]
