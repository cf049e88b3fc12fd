"""The tidy tables newslab passes between stages, and their columns: documented once, here.

Every table is a pandas DataFrame keyed by ``article_id`` (and ``sentence_id`` below the
article). Offsets (``start``, ``end``) are character offsets into ``articles.text``.
``newslab analyze`` writes each table under its name. Later stages add their tables to
:data:`TABLES`; ``tests/test_schema.py`` checks that what the code produces matches.
"""

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "stable id: the input's id column, else a hash of url, title and text "
                      "(a repeat gets -2, -3, ...)",
        "title": "headline (empty string when the source has none)",
        "date": "publication date (datetime64; NaT when missing or unparseable, with a warning)",
        "url": "source URL, or None",
        "outlet": "the URL's domain without www. (nbcnews.com), or None",
        "dateline": "the dateline place that opens a paragraph (WASHINGTON), or None",
        "text": "the article body: paragraphs joined by newlines (lost dashes repaired)",
        "paragraphs": "list of the paragraph strings, in stored order",
        "n_paragraphs": "number of paragraphs",
        "path": "the file the article came from",
        "line": "line (CSV, JSON Lines) or row (Parquet) in that file; <NA> for .txt",
        "duplicate_of": "article_id of the first article with the same URL or the same text, "
                        "or None",
    },
    "skipped": {
        "path": "a file, or the file of a row, that could not be used",
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
        "kind": "name, demonym, capital, institution, leader or organization "
                "(organizations are never countries: newslab.countries.countries_only)",
    },
    "gazetteer": {
        "surface": "a surface form as written in the data files (the matcher also looks for "
                   "its spelling variants: newslab.countries.variants)",
        "iso3": "ISO alpha-3 code (organizations: their short code; blockers: empty)",
        "country": "canonical name of the country or organization",
        "kind": "name, demonym, capital, institution, leader, organization, or none "
                "(a blocker: matched, wins overlaps, then dropped)",
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
        "neg": "VADER neg of the paragraph's text scored as one unit",
        "neu": "VADER neu of the paragraph's text",
        "pos": "VADER pos of the paragraph's text",
        "compound": "VADER compound of the paragraph's text",
        "mean_compound": "mean of the paragraph's sentence compounds",
        "label": "label of mean_compound (same cut-offs as sentences)",
    },
    "article_sentiment": {
        "article_id": "the article",
        "n_sentences": "number of sentences",
        "n_words": "number of words (whitespace tokens with a letter or digit)",
        "compound": "VADER compound of the whole text at once (saturates on long texts; "
                    "for comparison only)",
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
        "rule": "what decided the score: noun-agent, noun-object, verb-object, verb-agent, "
                "passive-agent, passive-object or clause-tone, + negation/hedge/contrast",
        "trigger": "the act word from newslab/data/stance_verbs.csv that decided it, or ''",
        "role": "agent or object of that act, or ''",
        "clause": "the clause the score was read from (the evidence)",
        "speaker": "who says the sentence (newslab.attribution), or None",
        "source_iso3": "the speaker's country, or None (also None when the mention is "
                       "inside the speaker phrase itself)",
    },
    "article_stance": {
        "article_id": "the article",
        "iso3": "the country",
        "country": "its name",
        "n_mentions": "mentions of the country in the article",
        "mean_score": "mean of their scores",
        "ci_low": "95% percentile bootstrap interval of the mean, lower end (1000 resamples, "
                  "seed 0)",
        "ci_high": "upper end",
        "label": "label of mean_score (|mean| >= 0.05)",
        "n_negative": "mentions labelled negative",
        "n_neutral": "mentions labelled neutral",
        "n_positive": "mentions labelled positive",
        "evidence": "the 3 strongest mentions: 'score [rule] clause | ...' (all of them: "
                    "newslab.stance.evidence)",
    },
    "country_stance": {
        "iso3": "the country (with ``by=``: outlet, date or month columns first)",
        "country": "its name",
        "n_articles": "articles mentioning it",
        "n_mentions": "mentions of it",
        "mean_score": "mean score over the mentions",
        "ci_low": "95% bootstrap interval of the mean, lower end (seed 0)",
        "ci_high": "upper end",
        "label": "label of mean_score",
        "n_negative": "mentions labelled negative",
        "n_neutral": "mentions labelled neutral",
        "n_positive": "mentions labelled positive",
        "evidence": "the 3 strongest mentions in the corpus",
    },
    "stance_dyads": {
        "source_iso3": "the country of the speaker (newslab.attribution)",
        "target_iso3": "the country spoken about",
        "target_country": "its name",
        "n_mentions": "mentions of the target in sentences said by the source's speakers",
        "n_articles": "articles they come from",
        "mean_score": "mean stance score of those mentions",
        "ci_low": "95% bootstrap interval, lower end (seed 0)",
        "ci_high": "upper end",
        "label": "label of mean_score",
        "evidence": "the 2 strongest: 'speaker: score clause | ...'",
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


# The stance summaries by outlet and by month have country_stance's columns, the group first.
for _key, _desc in {"outlet": "the outlet (articles.outlet)",
                    "month": "the month of articles.date (YYYY-MM; 'NaT' for undated "
                             "articles)"}.items():
    TABLES[f"country_stance_by_{_key}"] = {
        _key: _desc, **TABLES["country_stance"], "iso3": "the country",
        "n_articles": f"articles of that {_key} mentioning it",
        "n_mentions": "mentions of it in them", "evidence": "the 3 strongest mentions"}


# Keyness by outlet and by month: keyness's columns, the group first.
for _key, _desc in {"outlet": "the outlet (articles.outlet)",
                    "month": "the month of articles.date (YYYY-MM)"}.items():
    TABLES[f"keyness_by_{_key}"] = {_key: _desc, **TABLES["keyness"]}


def columns(table: str) -> list[str]:
    """The documented columns of a table, in order."""
    return list(TABLES[table])


def describe(table: str) -> str:
    """A table's columns and their meanings, one per line (for notebooks and --help)."""
    cols = TABLES[table]
    width = max(map(len, cols))
    return "\n".join(f"{c:<{width}}  {d}" for c, d in cols.items())


def empty(table: str):
    """An empty DataFrame with a table's documented columns, in order."""
    import pandas as pd
    return pd.DataFrame(columns=columns(table))


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
