"""The speed work changes how results are computed, never what they are: each faster path
gives exactly what the plain one gives, on text written for these tests."""

import re

import numpy as np
import pandas as pd

from newslab import attribution as A
from newslab.tokenize import sentences as split_articles

#: hand-written news-like paragraphs: titles, appositives, quotes, cues, administrations
TEXT = [
    "State Department spokesperson Ned Price said the talks would resume on Monday.",
    ("Yury Ushakov, an aide to Putin, told reporters that nothing had been agreed. "
     '"We are not in a hurry," he added. The impressive Ned Price declined to comment.'),
    ("Officials of the Biden administration warned that sanctions were ready, according to "
     "a senior administration official. Foreign Minister Annalena Baerbock praised the deal."),
    ('"This is a provocation. We will answer it," said Kremlin spokesman Dmitry Peskov. '
     "The prime minister, the defence secretary and the chancellor met in Berlin."),
    ("He says so. They said nothing; she insists, and the council accused nobody. "
     "Nobody resaid it, nobody unsaid it, sayings are not cues, says-so is one."),
    "",
    "The Chief Adviser of the Prime Minister Boris Johnson replied. McDonald Smith stated it.",
]


def _articles(texts=TEXT, n=3):
    rows = []
    for k in range(n):
        paras = [t for t in texts[k % len(texts):] + texts[:k % len(texts)]]
        rows.append({"article_id": f"a{k}", "paragraphs": paras, "text": "\n".join(paras),
                     "date": pd.Timestamp("2022-02-01") + pd.Timedelta(days=30 * k)})
    return pd.DataFrame(rows)


def test_cue_trie_matches_the_flat_alternation():
    flat = re.compile(r"\b(" + "|".join(sorted(A.SPEECH_VERBS)) + r")\b|\baccording to\b")
    text = " ".join(TEXT) + " " + " ".join(sorted(A.SPEECH_VERBS)) + " sayss sai d saysaid"
    assert [(m.span(), m.group(0)) for m in A._CUE.finditer(text)] == \
        [(m.span(), m.group(0)) for m in flat.finditer(text)]
    assert re.fullmatch(A._trie_pattern(["ab", "abc", "b"]), "abc")
    assert [w for w in ["a", "ab", "abc", "abcd", "b", "ba"]
            if re.fullmatch(A._trie_pattern(["ab", "abc", "b"]), w)] == ["ab", "abc", "b"]


def test_look_ahead_prefilters_keep_the_matches():
    # the patterns as they were before their look-aheads were added
    titled = re.compile(A._TITLED.pattern[A._TITLED.pattern.index(")") + 1:])
    appos = re.compile(A._APPOSITIVE.pattern[len("(?=[A-Z])"):])
    assert titled.pattern.startswith("((?:[A-Z]") and appos.pattern.startswith("([A-Z]")
    text = "\n".join(TEXT) + " impress Ned Price; of Tony Blair; spokeswoman Jen Psaki"
    for new, old in ((A._TITLED, titled), (A._APPOSITIVE, appos)):
        got = [m.groups() for m in new.finditer(text)]
        assert got and got == [m.groups() for m in old.finditer(text)]


def test_attribution_is_the_same_for_any_row_order():
    arts = _articles(n=6)
    s = split_articles(arts)
    want = A.attribute_sentences(s, articles=arts)
    assert len(want) >= 8 and want["speaker_iso3"].notna().any()
    assert set(want["how"]) >= {"cue", "pronoun"}
    first = pd.factorize(s["article_id"])[0]
    rng = np.random.default_rng(0)
    for _ in range(3):  # shuffled within articles, articles kept in first-appearance order
        shuffled = s.iloc[np.lexsort((rng.random(len(s)), first))]
        assert not (shuffled.index == s.index).all()
        pd.testing.assert_frame_equal(A.attribute_sentences(shuffled, articles=arts), want)


def test_article_sentences_groups_like_groupby():
    s = pd.DataFrame({"article_id": ["b", "a", "b", None, "a", "c"],
                      "sentence_id": [1, 0, 0, 0, 1, 0], "start": [9, 0, 0, 0, 5, 0],
                      "text": ["y", "p", "x", "n", "q", None]})
    got = [(aid, [r[0] for r in recs], [r[2] for r in recs])
           for aid, recs in A._article_sentences(s)]
    assert got == [("b", [0, 1], ["x", "y"]), ("a", [0, 1], ["p", "q"]), ("c", [0], ["None"])]
    assert list(A._article_sentences(s.iloc[:0])) == []


def test_punkt_with_plain_re_finds_nltks_sentences():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from newslab import tokenize as T
    params = PunktParameters()
    params.abbrev_types = set(T.news_abbreviations())
    nltk_own = PunktSentenceTokenizer(params)  # NLTK's patterns, through the regex module
    ours = T.sentence_splitter()
    assert ours._Token is T._Token
    paras = [*TEXT, "Gen. Milley met the U.S. envoy on Jan. 10. He said: \u201cNo.\u201d Then",
             "Prices rose 5.2%... Really? Yes! -- 1,000.5 units. (See p. 4.) 'Quoted.' Done",
             "A.B. Smith arrived at 9 a.m. on Sept. 3rd, 2021. ...and left.  Two  spaces.",
             "Mr. and Mrs. Jones... the Rev. J. Doe. \u00abGuillemets.\u00bb \u2018Single.\u2019 End",
             "  leading and trailing spaces.   ", "no end punctuation at all", "...", "a. b. c."]
    for p in paras:
        assert T.split_sentences(p) == list(nltk_own.span_tokenize(p)), p


def test_plain_sentence_ends_answered_as_punkt_does():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from newslab import tokenize as T
    params = PunktParameters()
    params.abbrev_types = set(T.news_abbreviations())
    plain = PunktSentenceTokenizer(params, lang_vars=T._LanguageVars(), token_cls=T._Token)
    fast = T.sentence_splitter()
    assert isinstance(fast, T._Splitter)
    paras = ["He said. The talks ended. Gen. Smith left at 5 p.m. Then it rained.",
             "The vote was close. the rest waited. Mr. Jones and Dr. No met. J. Doe came.",
             "It rose 3.5%. It fell in 2005. Then? Yes. (It did.) She spoke. \u201cNo.\u201d",
             "Acme Corp. said so. The U.S.-led talks. Then etc. and more. Co. Ltd. Inc. ok.",
             "Words.  Two spaces.\tA tab. Ends with a word. Last", "Über. Ça va. Fin."]
    contexts = []
    for p in paras:
        assert list(fast.span_tokenize(p)) == list(plain.span_tokenize(p)), p
        contexts += [c for _, c in plain._match_potential_end_contexts(p)]
    taken = [c for c in contexts if T._PLAIN_END.match(c)]
    assert len(taken) >= 10 and len(taken) < len(contexts)   # both ways are exercised
    for c in contexts:
        assert fast.text_contains_sentbreak(c) == plain.text_contains_sentbreak(c), c


def test_spreadsheet_safe_checks_distinct_values_like_every_cell():
    from newslab.pipeline.export import FORMULA_START, spreadsheet_safe
    cells = ["=SUM(A1)", "-", "+", "-5", "+x", "@home", "\tx", "\rx", "ok", "", "a=b", None,
             float("nan"), 3, "=SUM(A1)", "-"]
    df = pd.DataFrame({"t": cells, "n": range(len(cells)), "none": [None] * len(cells),
                       "s": pd.array([c if isinstance(c, str) else None for c in cells],
                                     dtype="string")})
    got = spreadsheet_safe(df)
    for c in ("t", "s"):  # the rule applied cell by cell, as before
        hit = df[c].map(lambda v: isinstance(v, str) and FORMULA_START.match(v) is not None)
        want = df[c].where(~hit, "'" + df[c].astype(str))
        pd.testing.assert_series_equal(got[c], want.astype(df[c].dtype))
    assert got["t"].tolist()[:6] == ["'=SUM(A1)", "-", "+", "'-5", "'+x", "'@home"]
    pd.testing.assert_frame_equal(got[["n", "none"]], df[["n", "none"]])
    assert spreadsheet_safe(df.iloc[:0]).empty


def test_plain_word_shortcut_keeps_the_tokens():
    from newslab import tokenize as T
    plain = re.compile(T.TOKEN_PATTERN_TEMPLATE.replace("{abbreviations}",
                                                        T._abbreviation_alternative()))
    assert T.token_regex().pattern.startswith(T.PLAIN_WORD + "|")
    text = " ".join(TEXT) + (
        " don't can\u2019t O'Brien D\u2019Souza Russia's U.S. e.g. Gen. Jan. 10 http://x.org/a"
        " www.bbc.co.uk mail+tag@example.com de-escalate co\u2010operate COVID-19 G7 9/11"
        " 5.2% $3 \u00a3100,000 caf\u00e9 na\u00efve x_y abc123 ... -- well-\u2011known"
        " she'll they're I'M Mr.Smith end. ok: wait+ a@ http https: www")
    got = [m.span() for m in T.token_regex().finditer(text)]
    assert got == [m.span() for m in plain.finditer(text)] and len(got) > 150


def test_word_spans_are_the_tokens_tables_and_nltks():
    from newslab import tokenize as T
    text = " ".join(TEXT) + " don't O'Brien U.S. 5.2% http://x.org co-operate \u201cQuoted\u201d"
    spans = T.word_spans(text)
    assert spans == list(T.word_tokenizer().span_tokenize(text)) and len(spans) > 100
    sents = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [7],
                          "text": [text]})
    tok = T.tokens(sents)
    assert list(zip(tok["start"] - 7, tok["end"] - 7)) == spans


def test_stance_summaries_vectorised_equal_per_group():
    from newslab.stance import aggregate as agg
    rng = np.random.default_rng(1)
    n = 3000
    df = pd.DataFrame({
        "article_id": [f"a{i}" for i in rng.integers(0, 400, n)],
        "iso3": rng.choice(["RUS", "USA", "FRA", "UKR"], n),
        "month": rng.choice(["2022-01", "2022-02", "2021-12"], n),
        "score": np.round(rng.choice([-0.8, -0.3, 0.0, 0.02, 0.3, 0.8], n)
                          + rng.normal(0, 0.01, n) * (rng.random(n) < 0.5), 2),
        "label": rng.choice(["negative", "neutral", "positive", "other"], n),
        "rule": rng.choice(["verb-agent", "", "lexicon"], n),
        "reason": rng.choice(["agent of 'praised'", "", None], n),
        "clause": rng.choice(["Talks failed", "talks  FAILED", "A deal was praised", "x"], n),
        "speaker": rng.choice(["Lavrov", None], n),
    })
    df["country"] = df["iso3"].str.lower()
    df["sentence_id"] = rng.integers(0, 40, n)
    df["_sent"] = df["article_id"] + "\x00" + df["sentence_id"].astype(str)
    sizes = set()
    for keys, cluster in ((["article_id", "iso3", "country"], "_sent"),
                          (["iso3", "country"], "article_id"),
                          (["month", "iso3", "country"], "article_id"),
                          (["iso3"], "_sent")):
        for speaker in (False, True):
            got = agg._summaries(df, keys, cluster, 3, 3, speaker=speaker)
            want = agg._summaries_per_group(df, keys, cluster, 3, 3, speaker=speaker)
            pd.testing.assert_frame_equal(got, want, check_exact=True)
            sizes.update(got["n_clusters"].tolist())
    assert 1 in sizes and max(sizes) > 128  # one cluster, few, and many (numpy's sum blocks)
    old_cells = agg._BOOT_CELLS
    try:  # the bootstrap in chunks of a few groups gives the same intervals
        agg._BOOT_CELLS = 5000
        pd.testing.assert_frame_equal(agg._summaries(df, ["iso3"], "article_id", 3, 3),
                                      agg._summaries_per_group(df, ["iso3"], "article_id", 3, 3),
                                      check_exact=True)
    finally:
        agg._BOOT_CELLS = old_cells
    with_na = df.assign(iso3=df["iso3"].where(rng.random(n) > 0.1))
    pd.testing.assert_frame_equal(agg._summaries(with_na, ["iso3"], "article_id", 3, 3),
                                  agg._summaries_per_group(with_na, ["iso3"], "article_id", 3, 3))


def _tokens_per_sentence(sents):
    """The tokens table the plain way: one ``finditer`` per sentence, offsets from the
    match objects."""
    from newslab import tokenize as T
    rows = []
    for aid, sid, s0, text in zip(sents["article_id"], sents["sentence_id"], sents["start"],
                                  sents["text"]):
        for tid, m in enumerate(T.token_regex().finditer(text)):
            rows.append((aid, sid, tid, s0 + m.start(), s0 + m.end(), m.group()))
    return rows


def test_tokens_of_joined_sentences_equal_per_sentence_matches():
    from newslab import tokenize as T
    odd = ["", "   ", "a\u00a0b\u2009c\u202fd", "x\x1cy\x1fz\x85w", "\u3000word\u3000\u3001",
           "\U0001F600 smile\U0001F600 \U0001d400bold", "lone \ud800 surrogate",
           "tab\tand\x0bvt\x0cff\r\nend", "Mr.Smith end. U.S.-led talks, don't", "\u4e00\u4e8c"]
    arts = _articles(TEXT + odd, n=4)
    sents = split_articles(arts)
    sents = pd.concat([sents, pd.DataFrame({"article_id": "z", "paragraph_id": 0,
                                            "sentence_id": range(len(odd)),
                                            "start": np.arange(len(odd)) * 3, "text": odd})],
                      ignore_index=True)
    got = T.tokens(sents)
    assert list(got[["article_id", "sentence_id", "token_id", "start", "end", "token"]]
                .itertuples(index=False, name=None)) == _tokens_per_sentence(sents)
    assert len(got) > 300 and got["article_id"].eq("z").sum() > 20
    # a whitespace character above the table is asked one by one
    assert T._token_offsets("a\u3000b", ["a", "b"])[0].tolist() == [0, 2]
    # tokens that do not cover the text: the offsets come from the matches themselves
    a, b = T._token_offsets("ab  c.", ["ab"])
    assert a.tolist() == [0, 4, 5] and b.tolist() == [2, 5, 6]
    empty = T.tokens(sents.iloc[:0])
    assert empty.empty and list(empty.columns) == list(got.columns)


def test_valence_sums_over_the_nonzero_valences_equal_the_full_loop():
    from newslab.sentiment.vader import _valence_sums

    def loop(sentiments):  # VADER's own loop over every token
        pos = neg = 0.0
        neu = 0
        for s in sentiments:
            if s > 0:
                pos += float(s) + 1
            if s < 0:
                neg += float(s) - 1
            if s == 0:
                neu += 1
        return float(sum(sentiments)), pos, neg, neu

    rng = np.random.default_rng(3)
    cases = [[], [0], [0, 0.0, -0.0], [0, 1.5, 0, -2.25, 0.0], [float("nan"), 0, 1.0]]
    cases += [[0] * k + rng.normal(0, 2, m).round(3).tolist() + [0.0] * j
              for k, m, j in rng.integers(0, 6, (40, 3))]
    for c in cases:
        got, want = _valence_sums(list(c)), loop(list(c))
        assert str(got) == str(want), c  # the same floats, nan and signed zeros included


def test_tokens_found_run_by_run_equal_one_findall():
    from newslab import tokenize as T
    text = "\n".join(TEXT) + (
        " word, word; (word) \"word\" \u201cword\u201d word. Jan. U.S.-led x.y@z.org http://a.b/c"
        " don't O'Brien Russia\u2019s 9/11 5.2% $3 --- ... caf\u00e9 \u4e00\u4e8c\u3000\U0001F600x"
        " a\u00a0b tab\tand\x0bvt\x1cy end")
    # runs of letters and one last character, told apart without the pattern
    endings = (" said, said; (said) said! said? said) said\" said\u201d said. Gen. gen. GEN."
               " Sept. Sep. sept.. Jan.. JAN. A. a. I. x. Mr. mr. Mrs. U.S. e.g. U.S. ok.) ok.,"
               " ok!! ok?! ok,, ok,\" , . ; ! ? ) \" x, a. \u00e9. \u00e9, caf\u00e9, Zo\u00eb."
               " said: said' said\u2019 said- said] said_ said1, 1, 1. said.\n\tsaid,")
    for t in (text, endings, text + endings, "", "   ", "plain words only", "!?", "\u00e9",
              ",", "a.", "Gen.", "x,"):
        toks, lengths = T._find_tokens(t)
        want = T.token_regex().findall(t)
        assert toks.tolist() == want, t
        assert lengths.tolist() == [len(w) for w in want]
    assert len(T._find_tokens(text)[0]) > 150


#: sentences with countries in them, written for this test: acts, quotes, curly
#: apostrophes, possessives, abbreviations, lists
STANCE_TEXT = [
    "Russia invaded Ukraine in February, and the U.S. condemned Russia\u2019s attack.",
    ('"We will not accept this," said French President Emmanuel Macron, who praised '
     "Germany's support for Kyiv. China declined to comment."),
    "Talks between India and Pakistan failed; Japan, Brazil and Kenya called for calm.",
    "The Kremlin denied the accusations. Britain's economy shrank 0.3% in Jan. and Feb.",
]


def test_stance_reads_the_tokens_table_with_the_same_result(seed_articles):
    from newslab import tokenize as T
    from newslab.countries import find_mentions
    from newslab.stance import clauses as C, rules as R
    from newslab.stance.score import _tokens_of, score_mentions
    for arts in (_articles(STANCE_TEXT, n=4), seed_articles):
        sents = T.sentences(arts)
        toks = T.tokens(sents)
        ments = find_mentions(sents, arts)
        assert len(ments) > 10
        C._analysed.cache_clear()
        R._rules_cached.cache_clear()
        want = score_mentions(sents, ments)
        C._analysed.cache_clear()
        R._rules_cached.cache_clear()
        split = T.word_spans
        try:  # with the tokens table no sentence is split again
            T.word_spans = None
            got = score_mentions(sents, ments, tokens=toks)
        finally:
            T.word_spans = split
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert C._GIVEN == {}
        joined = ments.merge(sents.rename(columns={"start": "s_start", "text": "s_text"}),
                             on=["article_id", "sentence_id"])
        given = _tokens_of(joined, toks)
        assert len(given) == joined["s_text"].nunique()
        assert all(given[t] == C.tokenize(t) for t in given)
        # a filtered or shuffled tokens table is not trusted: those sentences are split
        part = _tokens_of(joined, toks[~toks["is_stop"]])
        assert len(part) < len(given) and all(part[t] == given[t] for t in part)
        assert _tokens_of(joined, toks.iloc[::-1]) == {}


def test_speaker_before_from_the_last_words_equals_the_whole_text():
    long_name = " ".join(["State Department Deputy Chief Press Secretary"] * 6)
    texts = [t for t in TEXT if t] + [
        "x" * 150 + " " + long_name + " Ned Price said the talks would go on.",
        "y" * 200 + ", Yury Ushakov, an aide to " + long_name + ", told reporters it.",
        "z " * 100 + "and then he said so.",
        "Words " * 40 + "before, " + "Name " * 30 + "said it.",
        "q" * 300 + " said it.", "a" * 119 + " " + "B" * 5 + " said it.",
    ]
    n = 0
    for text in texts:
        for m in A._CUE.finditer(text):
            whole = A._speaker_before_toks(text, [(w.start(), w.end(), w.group())
                                                  for w in A._WORD.finditer(text, 0, m.start())],
                                           whole=True)
            assert A._speaker_before(text, m.start()) == whole, text
            n += whole is not None and m.start() > A._WINDOW
    assert n >= 2


def test_import_newslab_loads_names_on_first_use():
    import subprocess
    import sys
    from pathlib import Path
    code = ("import sys, newslab as nl; heavy = {'pandas', 'numpy', 'nltk', 'sklearn', 'scipy'}; "
            "print(sorted(heavy & set(sys.modules))); "
            "print(all(getattr(nl, n) is not None for n in nl.__all__)); "
            "from newslab.tokenize import sentences; from newslab.keywords import keywords; "
            "print(nl.sentences is sentences, nl.keywords_table is keywords, "
            "nl.countries is sys.modules['newslab.countries'], 'kwic' in dir(nl))")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert out.stdout.split("\n")[:3] == ["[]", "True", "True True True True"], out.stderr
    import newslab
    try:
        newslab.no_such_name
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_name_memory_is_made_only_for_articles_whose_speakers_need_it(monkeypatch):
    """What an article says of people (titles, appositives) is read only when a speaker's
    own words name no country: the same table as reading it for every article."""
    def arts(texts):
        return pd.DataFrame({"article_id": [f"n{k}" for k in range(len(texts))],
                             "paragraphs": [[t] for t in texts], "text": texts,
                             "date": pd.Timestamp("2022-02-01")})
    texts = ["Russian Foreign Minister Sergei Lavrov said the talks were over.",
             "Ivan Petrov, an aide to Putin, met them. Petrov said nothing was agreed.",
             "The weather was fine.", *[t for t in TEXT if t]]
    articles = arts(texts)
    sents = split_articles(articles)
    made = []
    real = A._name_memory

    def counted(text, date=None):
        made.append(text[:12])
        return real(text, date)
    monkeypatch.setattr(A, "_name_memory", counted)
    got = A.attribute_sentences(sents, articles=articles)
    assert "Russian Fore" not in made and "The weather " not in made and "Ivan Petrov," in made
    assert got.loc[got["article_id"] == "n1", "speaker_iso3"].tolist() == ["RUS"]
    # the reference: every article's memory made first, resolved as before
    eager = []
    for aid, recs in A._article_sentences(sents):
        mem = real(" ".join(r[2] for r in recs), pd.Timestamp("2022-02-01"))
        for sid, speaker in got.loc[(got["article_id"] == aid) & (got["how"] == "cue"),
                                    ["sentence_id", "speaker"]].itertuples(index=False):
            if speaker.lower() not in A._PRONOUNS and not A._GENERIC.match(speaker.lower()):
                c = A._resolve(speaker, mem, pd.Timestamp("2022-02-01"))
                eager.append((aid, sid, c[0] if c else None))
    mine = [(a, s, i) for a, s, i, sp, how in got[["article_id", "sentence_id", "speaker_iso3",
                                                    "speaker", "how"]].itertuples(index=False)
            if how == "cue" and sp.lower() not in A._PRONOUNS
            and not A._GENERIC.match(sp.lower())]
    assert len(eager) >= 5 and mine == eager


def _fresh(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter importing this tree; its stdout lines."""
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_stance_package_loads_evaluation_on_first_use():
    out = _fresh("import sys, newslab.stance as s; "
                 "print('newslab.evaluation' in sys.modules, 'sklearn.metrics' in sys.modules); "
                 "from newslab.evaluation import stance as e; "
                 "print(s.FORMATS is e.FORMATS, s.evaluate is e.evaluate, "
                 "s.read_gold is e.read_gold, 'evaluate' in dir(s))")
    assert out == ["False False", "True True True True"]
    import newslab.stance
    try:
        newslab.stance.no_such_name
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_batches_run_with_rarer_full_collections_and_restore_them(tmp_path):
    import gc

    from newslab.pipeline import Stage
    from newslab.pipeline.batches import FULL_GC_EVERY, run_batch
    seen = []

    def probe(tables):
        seen.append(gc.get_threshold())
        return {"probe": tables["articles"][["article_id"]]}

    old = gc.get_threshold()
    try:
        gc.set_threshold(old[0], old[1], 7)
        got = run_batch(0, _articles(n=2), str(tmp_path), [Stage("probe", probe,
                                                             needs={"articles": None},
                                                             produces=("probe",))])
        assert got["rows"] == {"articles": 2, "probe": 2}
        assert seen == [(old[0], old[1], FULL_GC_EVERY)]
        assert gc.get_threshold() == (old[0], old[1], 7)
    finally:
        gc.set_threshold(*old)


def _eager_name_memory(text, date=None):
    """The name memory as it was made before it was read on demand: every match at once."""
    mem = {}
    for rx, name_g, desc_g in ((A._APPOSITIVE, 1, 2), (A._TITLED, 2, 1)):
        for m in rx.finditer(text):
            c = A._country_of(m.group(desc_g), date)
            if c is not None:
                name = m.group(name_g)
                for key in (name, name.split()[-1]):
                    mem.setdefault(key, c)
    for m in (A._ADMIN.finditer(text) if "administration" in text else ()):
        c = A._country_of(m.group(1), date)
        if c is not None:
            mem.setdefault("administration", c)
    return mem


def test_name_memory_read_on_demand_equals_reading_every_match():
    extra = ["Russian Foreign Minister Sergei Lavrov met French President Emmanuel Macron; "
             "spokesman Dmitry Peskov (of Russia) and Chinese envoy Wang Yi, Lavrov said.",
             "Ivan Petrov, an aide to Putin, and U.S. Secretary of State Ivan Petrov spoke. "
             "The Biden administration and the Trump administration differ.",
             "German Chancellor Olaf Scholz-Weber, a Merkel ally, and Chancellor Olaf Scholz."]
    date = pd.Timestamp("2022-02-01")
    n = 0
    for text in [*TEXT, *extra, " ".join(TEXT + extra)]:
        eager, lazy = _eager_name_memory(text, date), A._name_memory(text, date)
        keys = {*eager, *re.findall(r"[A-Z][a-z]+", text), "administration", "Nobody Else",
                "Ned Price", "", "Scholz-Weber", "x, y"}
        for k in sorted(keys):
            assert (k in lazy) == (k in eager) and lazy.get(k) == eager.get(k), (text, k)
            if k in eager:
                assert lazy[k] == eager[k]
        n += len(eager)
    assert n >= 8
