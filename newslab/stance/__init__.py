"""Stance toward each country: how each sentence presents each country it mentions.

What lives where:

- ``lexicon``: the verb-role lexicon ``newslab/data/stance_verbs.csv`` and its readers;
- ``rules``: clauses, the target's role, the rules of the ``rules`` method;
- ``features``: the trained model's features of one target;
- ``model``: :class:`StanceModel` (a scikit-learn estimator) and its plain-data file format;
- ``score``: :func:`score_target`, :func:`score_targets`, :func:`score_mentions`,
  :func:`analyze_stance`; ``METHODS``, ``DEFAULT_METHOD``;
- ``aggregate``: per article, per country, dyads, evidence, by groups;
- ``stage``: the pipeline's ``stance_stage`` and ``stance_corpus_stage``.

Gold readers and ``evaluate`` live in ``newslab.evaluation.stance`` (re-exported here).
"""

from ..evaluation.stance import FORMATS, evaluate, read_gold
from .aggregate import (MIN_ARTICLES, MIN_DYAD_ARTICLES, article_stance, bootstrap_ci,
                        country_stance, dyads, evidence)
from .lexicon import Trigger, verb_lexicon
from .model import StanceModel, load_model, train_model
from .rules import RULES_THRESHOLD, rules_explained, rules_score
from .score import (DEFAULT_METHOD, METHODS, analyze_stance, score_mentions, score_target,
                    score_targets, shipped_model)
from .stage import stance_corpus_stage, stance_stage

LABELS = ("negative", "neutral", "positive")

__all__ = ["DEFAULT_METHOD", "FORMATS", "LABELS", "METHODS", "MIN_ARTICLES",
           "MIN_DYAD_ARTICLES", "RULES_THRESHOLD", "StanceModel", "Trigger", "analyze_stance",
           "article_stance", "bootstrap_ci", "country_stance", "dyads", "evaluate", "evidence",
           "load_model", "read_gold", "rules_explained", "rules_score", "score_mentions",
           "score_target", "score_targets", "shipped_model", "stance_corpus_stage",
           "stance_stage", "train_model", "verb_lexicon"]
