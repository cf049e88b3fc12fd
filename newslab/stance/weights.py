"""The weights and the list of the ``rules`` method's rules (each explained where it is
written; the rules themselves are in :mod:`newslab.stance.rules`)."""

from __future__ import annotations

import pandas as pd

#: ``rules`` scores >= this are positive, <= -this negative
RULES_THRESHOLD = 0.05
#: negated hostile act ("has not violated"): the act's effect reversed, at half strength
NEG_HOSTILE = -0.5
#: negated favourable act ("did not honour", "failed to comply"): reversed, nearly in full
NEG_FAVOURABLE = -0.8
#: hedged or conditional act ("might invade", "should Russia invade"): kept, at 70 percent
HEDGE = 0.7
#: an act noun as the object of the target's own verb ("launched an attack"): the noun's
#: agent effect at 80 percent (the verb itself may soften it)
PREDICATE_NOUN = 0.8
#: "hold X accountable (for ...)": X blamed
ACCOUNTABLE = -0.6

RULES = {
    "dateline": "a place opening the sentence (KYIV, Ukraine —): neutral",
    "evaluative-word": "an evaluative word attached to the target (brutal, friendly, "
                       "Russia's achievements; newslab/data/stance_words.csv)",
    "noun-agent": "the target owns or modifies an act noun (Russia's invasion, Russian "
                  "aggression, invasion by Russia): the act's agent effect",
    "topic": "a name before an act noun without 's (the Iraq war): the topic, neutral",
    "origin": "a demonym or name describing something that is not the state (a British "
              "company): neutral",
    "noun-object": "the target follows an act or evaluation noun and its preposition "
                   "(sanctions on Russia, support for Ukraine): the act's object effect",
    "relation": "partnership, cooperation, relations with/between the target: the "
                "relation's evaluation (neutral unless favourable or hostile)",
    "location": "after a preposition of place, origin, destination or topic (in Kenya, "
                "aid to Haiti): neutral",
    "verb-object": "the direct object of an act verb (condemning Belarus): the verb's "
                   "object effect (0 for victims and receivers); hold X accountable: blamed",
    "passive-agent": "in the by-phrase of a passive act verb (invaded by Russia): the "
                     "agent effect",
    "verb-agent": "the subject of its own act verb (Russia invaded): the agent effect",
    "passive-object": "the subject of a passive act verb (Belarus was condemned): the "
                      "object effect",
    "predicate": "be/remain/become + an evaluative word (remains committed): its polarity",
    "predicate-noun": "the subject's verb has an act noun as object (launched an attack, "
                      "denied accusations): the noun's effect",
    "speaker": "the subject of a speech verb (said, noted, told), or a person named as the "
               "source (according to X; \", X continued\"): neutral (codebook 5)",
    "punished": "a person acted on by an act that punishes or formally accuses (was "
                "arrested, fired, charged): unfavourable (newslab.stance.persons; persons "
                "only)",
    "standing": "a person leading, ahead, trailing or behind in a sentence about a poll: own "
                "performance (codebook 6; newslab.stance.persons; persons only)",
    "victim": "a person named after a harm noun (the death of X, the killing of X): neutral "
              "(newslab.stance.persons)",
    "procedural": "the subject of a verb not in the lexicon (met, visited, held): neutral",
    "no-evaluation": "nothing in the clause evaluates the target: neutral",
    "negation": "not/never/no/n't or fail/refuse to before the act: effect reversed",
    "hedge": "may/might/could/would/should/if ... before the act: effect times HEDGE",
    "person-words": "a person target that is not a country's leader, left neutral without "
                    "a neutral cue (speaker, accuser, victim, receiver): the evaluative words "
                    "near it (newslab.stance.persons); never for a country",
    "contrast": "the clause opens with but/while/whereas/although/despite: only that clause "
                "is read for a target inside it",
}


def rules_explained() -> pd.DataFrame:
    """The rules of the ``rules`` method, one line each (for notebooks and documentation)."""
    return pd.DataFrame({"rule": list(RULES), "what it does": list(RULES.values())})
