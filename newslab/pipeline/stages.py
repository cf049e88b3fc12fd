"""The declared stage table: which function makes which tables, from what, and within what.

A stage is a plain function ``fn(tables, **options) -> {table: DataFrame}``. Its row here
says everything the runner needs to know about it; the function carries no settings.

- ``kind``: ``"batch"`` runs once per batch of articles, in a worker (it must be a pure
  function of its input tables); ``"corpus"`` runs once, after the batches, over the tables
  read back from the Parquet parts.
- ``needs``: ``{table: [columns] or None}``, the tables (and for corpus stages the columns)
  it reads; the runner passes exactly these. A needed table is made by an earlier stage,
  and ``--stages NAME`` runs the stages NAME needs too.
- ``produces``: the tables it returns (each may also come broken down as
  ``<table>_by_<key>``, for the ``by`` keys).
- ``options``: the names of :func:`newslab.analyze` options passed to it as keywords
  (``by``, ``duplicates``, ``method``, ``model``, ``whole_text``); an option given to ``analyze`` that no
  selected stage takes is an error.
- ``max_articles``: for a corpus stage that holds tables in memory: ``None`` (no limit), a
  number, or :class:`PerArticle` (a limit derived from the memory this machine has). The
  built-in corpus stages stream the big tables part by part (out of core) and have none.
- ``workers``: a corpus stage that spreads its own work over the run's worker processes
  (``tables.map_parts``, as ``keywords``).
- ``side``: a corpus stage that may run in one more process while a ``workers`` stage
  runs here (``jobs`` > 1, up to ``corpus.SIDE_MAX_ARTICLES`` articles): it reads only
  its ``tables``, needs no state of this process (a setting changed at run time), uses
  no workers, and returns small tables (they come back through a pipe). The built-in
  attention, tone and stance_corpus are; a stage is not unless it says so.

To add a stage, add one line to :data:`DEFAULT_STAGES`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Mapping

from .. import countries, keywords, sentiment, stance, tokenize

KINDS = ("batch", "corpus")
#: The options ``analyze`` can pass to stages that declare them.
OPTIONS = ("by", "duplicates", "method", "model", "whole_text")


@dataclass(frozen=True)
class PerArticle:
    """A memory-derived article limit: the stage needs about ``bytes`` per article at its
    peak (measured with ``benchmarks/bench_pipeline.py --memory``, see ``measured``); it runs
    while that fits in :data:`MEMORY_SHARE` of the memory available to this process."""

    bytes: int
    measured: str = ""

    def limit(self, available: int | None = None) -> int:
        avail = available_memory() if available is None else available
        return max(1, int(avail * MEMORY_SHARE) // max(1, self.bytes))


#: The share of available memory a corpus stage may plan to use.
MEMORY_SHARE = 0.6


@dataclass(frozen=True)
class Stage:
    """One row of the stage table (see the module docstring)."""

    name: str
    fn: Callable
    kind: str = "batch"
    needs: Mapping[str, tuple | None] = field(default_factory=dict)
    produces: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    max_articles: int | PerArticle | None = None
    #: tables made only broken down by a ``by`` key (``keyness`` -> ``keyness_by_outlet``)
    breakdowns: tuple[str, ...] = ()
    #: a corpus stage that uses the run's worker processes itself (see the docstring)
    workers: bool = False
    #: a corpus stage that may run in the corpus phase's side process (see the docstring)
    side: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"stage {self.name}: kind must be one of {KINDS}")
        if not callable(self.fn):
            raise TypeError(f"stage {self.name}: fn must be a function")
        if self.side and (self.workers or self.kind != "corpus"):
            raise ValueError(f"stage {self.name}: side=True is for a corpus stage that "
                             "uses no workers (a side stage runs in one process beside "
                             "the workers stage)")
        bad = [o for o in self.options if o not in OPTIONS]
        if bad:
            raise ValueError(f"stage {self.name}: unknown option(s) {bad} (known: {OPTIONS})")
        needs = self.needs
        if not isinstance(needs, Mapping):  # a list of table names
            needs = {n: None for n in needs}
        object.__setattr__(self, "needs", {t: (c if c is None or c in (METADATA, GROUPING)
                                               else tuple(c))
                                           for t, c in needs.items()})
        object.__setattr__(self, "produces", tuple(self.produces))
        object.__setattr__(self, "options", tuple(self.options))
        object.__setattr__(self, "breakdowns", tuple(self.breakdowns))

    def limit(self, available: int | None = None) -> int | None:
        """The most articles this stage runs on (None: no limit)."""
        m = self.max_articles
        return m.limit(available) if isinstance(m, PerArticle) else m

    def makes(self, table: str) -> bool:
        """Whether ``table`` is one of the stage's declared tables (or a breakdown of one)."""
        return table in self.produces or any(
            table.startswith(f"{p}_by_") and len(table) > len(p) + 4
            for p in (*self.produces, *self.breakdowns))


def available_memory() -> int:
    """Bytes this process can still use: the smaller of the system's available memory and
    what its cgroup (a container's limit) leaves."""
    avail = None
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    avail = int(line.split()[1]) * 1024
                    break
    except OSError:
        pass
    if avail is None:
        try:
            avail = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            avail = 4 * 2**30
    for limit_f, used_f in (("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                            ("/sys/fs/cgroup/memory/memory.limit_in_bytes",
                             "/sys/fs/cgroup/memory/memory.usage_in_bytes")):
        try:
            raw = open(limit_f).read().strip()
            if raw != "max" and int(raw) < 2**60:
                avail = min(avail, int(raw) - int(open(used_f).read().strip()))
            break
        except (OSError, ValueError):
            continue
    return max(avail, 2**28)


# --------------------------------------------------------------------------- core stages


def sentences_stage(tables):
    """Sentences of the batch's articles (:func:`newslab.tokenize.sentences`)."""
    return {"sentences": tokenize.sentences(tables["articles"])}


def tokens_stage(tables):
    """Tokens of the batch's sentences (:func:`newslab.tokenize.tokens`)."""
    return {"tokens": tokenize.tokens(tables["sentences"])}


# --------------------------------------------------------------------------- the table

#: Stages every run makes (the tables every other stage reads).
CORE = ("sentences", "tokens")

#: The built-in corpus stages read the big tables part by part and keep per-article
#: partials only, so they have no article limit (peak memory measured with
#: ``benchmarks/bench_pipeline.py --stage-memory``, README "Scale").

#: ``needs={"articles": METADATA}``: every column of ``articles`` but the text
#: (``text``, ``paragraphs``): the metadata a corpus stage groups by, never the bodies.
METADATA = "metadata"
TEXT_FIELDS = ("text", "paragraphs")
#: ``needs={"articles": GROUPING}``: what corpus aggregates group by: ``article_id``,
#: ``duplicate_of``, ``date``, ``outlet`` and the columns of the run's ``by`` keys.
GROUPING = "grouping"

ATTENTION = Stage("attention", countries.attention_stage, kind="corpus",
                  needs={"mentions": ("article_id", "iso3", "country", "kind"),
                         "articles": GROUPING},
                  produces=("attention",), options=("by", "duplicates"), side=True)
TONE = Stage("tone", sentiment.tone_stage, kind="corpus",
             needs={"article_sentiment": ("article_id", "mean_compound", "gdelt_tone"),
                    "articles": GROUPING},
             produces=("tone",), options=("by", "duplicates"), side=True)


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("sentences", sentences_stage, needs={"articles": None}, produces=("sentences",)),
    Stage("tokens", tokens_stage, needs={"sentences": None}, produces=("tokens",)),
    Stage("mentions", countries.mentions_stage, needs={"sentences": None, "articles": None},
          produces=("mentions",)),
    Stage("sentiment", sentiment.sentiment_stage, needs={"sentences": None},
          produces=("sentence_sentiment", "paragraph_sentiment", "article_sentiment"),
          options=("whole_text",)),
    Stage("stance", stance.stance_stage,
          needs={"sentences": None, "tokens": None, "mentions": None, "articles": None},
          produces=("attribution", "stance", "article_stance"), options=("method", "model")),
    ATTENTION,
    TONE,
    Stage("stance_corpus", stance.stance_corpus_stage, kind="corpus",
          needs={"stance": None, "articles": GROUPING},
          produces=("country_stance", "stance_dyads"), options=("by", "duplicates"),
          side=True),
    Stage("keywords", keywords.keywords_stage, kind="corpus",
          needs={"tokens": ("article_id", "sentence_id", "token_id", "lower", "is_stop",
                            "is_alpha"),
                 "sentences": ("article_id", "sentence_id", "paragraph_id"),
                 "articles": GROUPING},
          produces=("keywords",), breakdowns=("keyness",), options=("by", "duplicates"),
          workers=True),
)


def stage_named(name: str, stages=DEFAULT_STAGES) -> Stage:
    """The stage called ``name``."""
    for s in stages:
        if s.name == name:
            return s
    raise KeyError(name)
