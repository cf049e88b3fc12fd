"""Gold-file formats shared by several tasks, defined once.

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT): JSON Lines, one sentence per line with
``sentence_normalized`` and ``targets[]`` (``from``/``to`` offsets, ``mention``,
``polarity`` 2.0 / 4.0 / 6.0 = negative / neutral / positive).
"""

from __future__ import annotations

from .metrics import LABELS

#: NewsMTSC polarity codes -> newslab labels.
NEWSMTSC_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

__all__ = ["LABELS", "NEWSMTSC_LABELS"]
