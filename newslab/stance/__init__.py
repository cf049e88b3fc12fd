"""Stance toward each country: how each sentence presents each country it mentions.

The construct (annotation guideline; ``../shared/STANCE_CODEBOOK.md``). The unit is one
mention of a country in one sentence: its name, demonym, capital used for its government,
an institution (the Kremlin, the State Department) or its leader in office. The question:

    Does this sentence present this country (its state, government, forces, officials, or
    the country as an actor) favourably, unfavourably, or neither?

This is stance toward the country, not the mood of the news: bad things happening in or to
a country are not by themselves an unfavourable portrayal.

- negative: an aggressor, a threat, the doer of a harmful, illegal, deceptive act;
  accused, criticised, condemned, blamed, sanctioned (even while denying it); failing
  through its own conduct (defeat, a shrinking economy); a negative evaluative word
  attached ("the authoritarian regime").
- positive: helping, giving, cooperating, defending, keeping its word; praised, thanked,
  supported as legitimate; succeeding through its own conduct; a positive evaluative word
  attached ("brave Ukrainian defenders").
- neutral: location, dateline, origin, topic ("in Kenya", "a Brazilian company", "talks on
  Syria"); procedural acts (met, said, announced, visited, voted, held talks); a victim of
  another actor or of nature (the attacker is negative); receiving aid, visits or
  statements; mixed or unclear; a list with nothing said about its members.
- Hard cases: quoted words count; each mention is judged for its own country; imposing
  sanctions or demands is neutral for the imposer, being warned against an act is negative;
  hedged wrongdoing ("should Russia invade") is negative; a country that merely speaks about
  another is neutral, the one spoken about takes the evaluation; economic and sports
  results follow the country's own performance; when torn, neutral.

Methods (``METHODS``; every one answers that question): ``rules`` (neutral is decided first
from the mention's role, polarity only from evidence tied to it; ``newslab.stance.rules``;
a target that is a person, not a country or its leader in office, is judged by the
evaluative words near it where no neutral cue applies: ``newslab.stance.persons``),
``trained`` (the shipped model, trained on NewsMTSC train and the project's own labels;
``newslab/data/stance_model.md``), ``combined`` (the default, ``DEFAULT_METHOD``: the rules
first; where they found no evaluation and decided no neutral role, the model's polar label
when it is at least ``COMBINED_MIN_PROB`` = 0.7 sure), ``sentence`` (the whole sentence's
tone: the baseline). The default is chosen on
``../shared/eval/country_stance/dev.jsonl`` (200 real mentions, never trained on) and
checked by 5-fold cross-validation by article on the project's 1,260 real rows of rounds
1-3 (``data/annotations/stance_real*.jsonl``, train and test splits: round 6 is the
untouched test set; ``scripts/train_stance_model.py --cv 5``): dev / CV (session 21)
combined 0.736 / 0.647, rules 0.718 / 0.644, trained 0.679 / 0.675, sentence 0.388 / 0.364 (in CV the model
alone is best; on dev ``combined`` keeps neutral recall and both polar precisions at 1.00).
On the untouched round-2 test rows of
official statements (197) all methods fall to 0.50-0.53 (sentence 0.30): there the polar
mentions (18%) are mostly favourable diplomatic wording without an act verb, and the
coders split on stated commitments and praised partnerships. Where it fails: polar
mentions without an act or evaluative word tied to the country (recall of the polar
classes about 0.3-0.5), sports and economic performance told without a performance verb,
sarcasm and implication.

What lives where:

- ``clauses``: tokens, word classes, clauses; ``lexicon``: the verb-role lexicon
  ``newslab/data/stance_verbs.csv``, the evaluative words ``stance_words.csv``, demonyms;
- ``rules``: the target's role and the rules of the ``rules`` method; ``weights``: their
  weights and the list of rules (:func:`rules_explained`); ``persons``: what a target is
  (:func:`target_kind`) and the rules' path for persons;
- ``features``: the trained model's features of one target;
- ``predictor``: ``StancePredictor``, a trained model's answers without scikit-learn (what
  scoring and :func:`shipped_model` use), ``load_predictor``;
- ``model``: :class:`StanceModel` (a scikit-learn estimator built on it) and its plain-data
  file format;
- ``score``: :func:`score_target`, :func:`score_targets`, :func:`score_mentions`,
  :func:`analyze_stance`; ``METHODS``, ``DEFAULT_METHOD``, :func:`shipped_model`;
- ``aggregate``: per article, per country, dyads, evidence, by groups (honest intervals);
- ``stage``: the pipeline's ``stance_stage`` and ``stance_corpus_stage``.

Gold readers and ``evaluate`` live in ``newslab.evaluation.stance`` (re-exported here).
"""

from .aggregate import (MIN_ARTICLES, MIN_DYAD_ARTICLES, article_stance, bootstrap_ci,
                        country_stance, dyads, evidence)
from .lexicon import Trigger, verb_lexicon
from .persons import target_kind
from .rules import RULES_THRESHOLD, rules_explained, rules_score
from .score import (DEFAULT_METHOD, METHODS, analyze_stance, score_mentions, score_target,
                    score_targets, shipped_model)
from .stage import stance_corpus_stage, stance_stage

LABELS = ("negative", "neutral", "positive")

#: re-exported from ``newslab.evaluation.stance`` on first use (it imports scikit-learn's
#: metrics, which scoring never needs)
_FROM_EVALUATION = ("FORMATS", "evaluate", "read_gold")
#: from ``newslab.stance.model`` on first use (it imports scikit-learn, about 1.2 CPU-s,
#: which scoring never needs: it uses ``newslab.stance.predictor``)
_FROM_MODEL = ("StanceModel", "load_model", "train_model")


def __getattr__(name):
    if name in _FROM_MODEL:
        from . import model as _model
        source = _model
    elif name in _FROM_EVALUATION:
        from ..evaluation import stance as source
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(source, name)
    return value


def __dir__():
    return sorted(set(globals()) | set(_FROM_EVALUATION) | set(_FROM_MODEL))

__all__ = ["DEFAULT_METHOD", "FORMATS", "LABELS", "METHODS", "MIN_ARTICLES",
           "MIN_DYAD_ARTICLES", "RULES_THRESHOLD", "StanceModel", "Trigger", "analyze_stance",
           "article_stance", "bootstrap_ci", "country_stance", "dyads", "evaluate", "evidence",
           "load_model", "read_gold", "rules_explained", "rules_score", "score_mentions",
           "score_target", "score_targets", "shipped_model", "stance_corpus_stage",
           "stance_stage", "target_kind", "train_model", "verb_lexicon"]
