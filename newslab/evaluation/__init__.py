"""Evaluation against human labels: metrics and the readers of every gold format.

- ``metrics``: classification metrics (accuracy, macro-F1, per class, confusion), set
  metrics (micro precision/recall/F1), the shared JSON Lines reader;
- ``formats``: label codes of formats that several tasks read (NewsMTSC);
- ``references``: gold rows that point into ``../shared`` (file and offsets, no text),
  resolved at run time (``shared_dir``, ``resolve``);
- one module per task (``countries``, ``sentiment``, ``keywords``, ``stance``): its gold
  readers and its ``evaluate`` function, which ``newslab evaluate TASK`` calls.
"""

from .formats import NEWSMTSC_LABELS
from .metrics import (LABELS, classification_metrics, format_classification, read_jsonl,
                      set_metrics)

__all__ = ["LABELS", "NEWSMTSC_LABELS", "classification_metrics", "format_classification",
           "read_jsonl", "set_metrics"]
