"""Load news articles from files and folders into an ``articles`` table.

Every file is accounted for: it is loaded, or it is listed in the ``skipped`` table with its
reason (and the line, for a bad row of a CSV or JSON Lines file), as is every folder or
entry the walk cannot read or follow. Formats, by file extension: ``.txt`` (the seed
format), ``.csv``/``.tsv``, ``.jsonl``/``.ndjson``/``.json``, ``.parquet``/``.pq``.

What lives where:

- ``folders.py``: the folder walk (:func:`walk`, :func:`list_files`)
- ``decode.py``: bytes -> text (UTF-8, Windows-1252 byte by byte, UTF-16 with a BOM)
- ``txt.py``, ``csv.py``, ``jsonl.py``, ``parquet.py``: one reader per format, each an
  iterator of rows that reads a file of any size in pieces
- ``records.py``: the one record builder (row -> article record or skipped row; column
  mapping, metadata columns, flattening rule, outlet and source)
- ``dates.py``: dates (out of range -> NaT, the raw value kept in ``date_raw``)
- ``dashes.py``: lost-dash repair, only where the seed's signature is unambiguous
- ``duplicates.py``: ids and duplicate flags across the corpus
- ``table.py``: records -> DataFrame with fixed dtypes
- ``batcher.py``: the one batcher (:func:`batches`, :func:`read_pieces`, :func:`read_file`)
- ``corpus.py``: :func:`load_articles` / :func:`read_corpus`: all batches concatenated
- ``skipped.py``: the ``skipped`` table

Columns of ``articles`` and ``skipped`` are documented in ``newslab.schema``.
"""

from .batcher import (CHUNK_ROWS, READERS, SUPPORTED_SUFFIXES, batches, iter_batches,
                      read_file, read_pieces, source_of)
from .corpus import LoadResult, load_articles, read_corpus, skipped_table
from .dates import parse_date, raw_date
from .decode import decode_bytes
from .duplicates import State
from .table import frame
from .records import (ARTICLE_COLUMNS, COLUMN_SYNONYMS, FIELDS, Builder, column_mapping,
                      dateline_of, flat, outlet_of)
from .skipped import SKIPPED_COLUMNS, display_path, skip, skipped_frame
from .txt import parse_seed_text
from .folders import CorpusFile, corpus_files, list_files, walk

#: Older name of :func:`frame` (records -> articles table).
_frame = frame
_State = State

__all__ = ["ARTICLE_COLUMNS", "CHUNK_ROWS", "COLUMN_SYNONYMS", "FIELDS", "READERS",
           "SKIPPED_COLUMNS", "SUPPORTED_SUFFIXES", "Builder", "CorpusFile", "LoadResult",
           "State", "batches", "column_mapping", "corpus_files", "dateline_of",
           "decode_bytes", "display_path", "flat", "frame", "iter_batches", "list_files",
           "load_articles", "outlet_of", "parse_date", "parse_seed_text", "raw_date",
           "read_corpus", "read_file", "read_pieces", "skip", "skipped_frame",
           "skipped_table", "source_of", "walk"]
