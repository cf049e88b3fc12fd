"""The main job: ``newslab analyze PATH --out DIR``, streamed, in parallel, resumable.

A run, phase by phase (each in its own file):

- ``stages.py``   the declared stage table (:class:`Stage`, :data:`DEFAULT_STAGES`): which
                  function makes which tables from what, per batch or over the corpus;
- ``plan.py``     every argument checked and the stages resolved before a file is written;
- ``manifest.py`` ``DIR``'s lock, ``_run.json`` and the append-only ``_manifest.jsonl``:
                  what newslab owns in ``DIR`` (the only files it ever deletes);
- ``resume.py``   which finished batches a ``--resume`` keeps;
- ``source.py``   the input files (``DIR`` left out) and their batches, via the loader;
- ``engines.py``  where batches run: here, local processes, or Dask (``warm.py``: what
                  the local workers' forkserver preloads, the stages' models);
- ``batches.py``  one batch through the batch stages, written as atomic Parquet parts;
- ``corpus.py``   the corpus stages over the written parts, streamed part by part;
- ``tables.py``   reading tables back (:func:`read_table`, one lazy :class:`Tables` class);
- ``export.py``   spreadsheet-safe CSV copies;
- ``report.py``   what the run found, as text; ``run.py``: :func:`analyze`, the phases.

Reading the results: ``pd.read_parquet("DIR/tokens")``, DuckDB
``SELECT * FROM 'DIR/tokens/*.parquet'``, or ``dask.dataframe.read_parquet("DIR/tokens")``.
Rows are in input order and the same whatever ``batch_size``, ``jobs`` or ``engine``.
``DIR/README.md`` says what every column means. Every input is accounted for: ``articles``
rows + ``skipped`` rows = the articles and bad rows or files in the input.
"""

from ..errors import NewslabError
from .batches import input_order, process_batch, run_batch, write_part
from .corpus import run_corpus_stages
from .engines import ENGINES, default_jobs
from .export import CSV_DROP, spreadsheet_safe, write_csv, write_tables
from .manifest import LOCK, MANIFEST, README, RUN_INFO, RunFolder
from .plan import CSV_MAX_ARTICLES, DEFAULT_BATCH_SIZE, Plan, make_plan, select_stages
from .run import analyze
from .stages import CORE, DEFAULT_STAGES, PerArticle, Stage, available_memory, stage_named
from .tables import AnalyzeResult, ResultTables, Tables, part_path, read_table

__all__ = ["AnalyzeResult", "CORE", "CSV_DROP",
           "CSV_MAX_ARTICLES", "DEFAULT_BATCH_SIZE", "DEFAULT_STAGES", "ENGINES", "LOCK",
           "MANIFEST", "NewslabError", "PerArticle", "Plan", "README", "RUN_INFO",
           "ResultTables", "RunFolder", "Stage", "Tables", "analyze", "available_memory",
           "default_jobs", "input_order", "make_plan", "part_path", "process_batch",
           "read_table", "run_batch", "run_corpus_stages", "select_stages",
           "spreadsheet_safe", "stage_named", "write_csv", "write_part", "write_tables"]
