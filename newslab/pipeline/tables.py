"""Reading a run's tables back: one lazy table mapping, :func:`read_table`, and what
:func:`newslab.analyze` returns."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import schema
from ..errors import NewslabError

PART = re.compile(r"^part-(\d+)\.parquet$")


def part_path(out, name: str, index: int) -> Path:
    """Where batch ``index`` of table ``name`` is written."""
    return Path(out) / name / f"part-{index:05d}.parquet"


def part_files(out, name: str) -> list[Path]:
    """The Parquet parts of a table, in input order."""
    d = Path(out) / name
    if not d.is_dir():
        return []
    return sorted(f for f in d.iterdir() if PART.match(f.name) and f.is_file())


def read_table(out, name: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """Read table ``name`` of a run written to ``out`` (all its parts, in input order)."""
    files = part_files(out, name)
    if not files:
        raise NewslabError(f"no table '{name}' in {out}")
    import pyarrow.parquet as pq
    if len(files) == 1:
        df = pd.read_parquet(files[0], columns=columns)
    else:
        df = pq.read_table([str(f) for f in files], columns=columns,
                           use_pandas_metadata=True).to_pandas()
    if name == "skipped" and "line" in df.columns:
        df["line"] = df["line"].astype("Int64")
    return df


def read_part(path, columns=None, dictionary=()) -> pd.DataFrame:
    """One Parquet part; the string columns named in ``dictionary`` (those it has) come as
    pandas Categoricals (Arrow's dictionary decoding: one Python string per distinct value,
    codes for the rows), the same values as a plain read."""
    if not dictionary:
        return pd.read_parquet(path, columns=columns)
    if columns is None:
        import pyarrow.parquet as pq
        names = pq.read_schema(path).names
    else:
        names = columns  # the columns asked for: no second opening of the file for its schema
    dic = [c for c in dictionary if c in names]
    return pd.read_parquet(path, columns=columns, read_dictionary=dic or None)


class Tables(MutableMapping):
    """Tables by name: those written to ``out`` are read from Parquet when first asked for
    (so a large corpus is never loaded unasked); others are held in memory as set."""

    def __init__(self, out=None, names=(), data=None):
        self.out = None if out is None else Path(out)
        self._names = list(dict.fromkeys(names))
        self._cache: dict[str, pd.DataFrame] = {}
        for k, v in (data or {}).items():
            self[k] = v

    def __getitem__(self, name):
        if name not in self._cache:
            if name not in self._names or self.out is None:
                raise KeyError(name)
            self._cache[name] = read_table(self.out, name)
        return self._cache[name]

    def __setitem__(self, name, df):
        self._cache[name] = df
        if name not in self._names:
            self._names.append(name)

    def __delitem__(self, name):
        self._cache.pop(name, None)
        self._names.remove(name)

    def __contains__(self, name):
        return name in self._names

    def __iter__(self):
        return iter(list(self._names))

    def __len__(self):
        return len(self._names)

    def column_names(self, name: str) -> list[str]:
        """A table's columns (from the Parquet schema when not yet loaded)."""
        if name in self._cache or self.out is None:
            return list(self[name].columns)
        import pyarrow.parquet as pq
        return list(pq.read_schema(part_files(self.out, name)[0]).names)

    def columns(self, name: str, cols) -> pd.DataFrame:
        """Only ``cols`` of a table (read just those from Parquet when not yet loaded)."""
        if name in self._cache or self.out is None:
            df = self[name]
            return df[[c for c in cols if c in df.columns]]
        have = set(self.column_names(name))
        return read_table(self.out, name, columns=[c for c in cols if c in have])

    def iter_parts(self, name: str, columns=None, *, dictionary=()):
        """The table piece by piece, in input order: one DataFrame per Parquet part (each
        holds whole articles: a batch), with only ``columns`` (those the table has); a
        table held in memory comes as one piece. Never loads the table whole.
        ``dictionary``: string columns read from Parquet as pandas Categoricals
        (:func:`read_part`)."""
        if name in self._cache or self.out is None:
            yield self[name] if columns is None else self.columns(name, columns)
            return
        if name not in self._names:
            raise KeyError(name)
        have = set(self.column_names(name))
        cols = None if columns is None else [c for c in columns if c in have]
        for f in part_files(self.out, name):
            yield read_part(f, cols, dictionary)

    def written(self, name: str) -> None:
        """Note that table ``name`` was (re)written to ``out``: read it from there."""
        self._cache.pop(name, None)
        if name not in self._names:
            self._names.append(name)

    def sql(self, query: str, params=None, *, memory_limit: str | None = None,
            threads: int | None = None) -> pd.DataFrame:
        """Run a DuckDB query over the written tables, out of core: each table is a view
        of its part files (only those: other files in its folder are never read), so
        ``SELECT iso3, count(*) FROM mentions GROUP BY iso3`` streams the parts without
        loading the table. Needs the ``duckdb`` package (``pip install duckdb``)."""
        try:
            import duckdb
        except ImportError:
            raise NewslabError("Tables.sql needs the duckdb package (pip install duckdb)"
                               ) from None
        if self.out is None:
            raise NewslabError("Tables.sql reads written tables: this run kept them in memory")
        con = duckdb.connect()
        try:
            if memory_limit:
                con.execute(f"SET memory_limit = '{memory_limit}'")
            if threads:
                con.execute(f"SET threads = {int(threads)}")
            for name in self._names:
                files = part_files(self.out, name)
                if files and name.isidentifier():
                    paths = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
                    con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{paths}])')
            return con.execute(query, params or []).df()
        finally:
            con.close()

    def loaded(self) -> dict[str, pd.DataFrame]:
        """Every table, in memory."""
        return {n: self[n] for n in self._names}

    def __repr__(self):
        return f"Tables({', '.join(self._names)})"


#: kept for code that imported the old names
ResultTables = Tables


@dataclass
class AnalyzeResult:
    """What :func:`newslab.analyze` did: row counts, the files written, the tables, and what
    the run found (``findings``, for :mod:`newslab.pipeline.report`).

    ``tables`` maps a table name to its DataFrame; after a written run it reads each table
    back from Parquet when first asked for.
    """

    tables: Tables
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    out: Path | None = None
    n_input_files: int = 0
    n_batches: int = 0
    n_batches_resumed: int = 0
    n_duplicates: int = 0
    skipped_head: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: wall seconds of the run's phases: batches, each corpus stage, csv
    timings: dict[str, float] = field(default_factory=dict)
    findings: dict = field(default_factory=dict)
    csv: bool = False

    def summary(self) -> str:
        """The run in row counts, skipped files and notes."""
        from .report import summary
        return summary(self)

    def report(self) -> str:
        """The summary with what the run found (articles and dates, outlets, the
        most-mentioned countries with their stance, each ``by`` breakdown) and the next
        step: what ``newslab analyze`` prints."""
        from .report import summary
        return summary(self, full=True)

    def __str__(self) -> str:
        return self.report()


def empty_skipped() -> pd.DataFrame:
    return schema.empty("skipped")


def unify_parts(out, name: str) -> None:
    """Make every part of a table share one Arrow schema, so that pandas, DuckDB and Dask
    read the folder as one table (a batch where a column is all missing is typed ``null``,
    one where an integer column has gaps is ``double``...). Rewrites only the odd parts."""
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq
    files = part_files(out, name)
    schemas = [pq.read_schema(f) for f in files]
    if all(s.equals(schemas[0], check_metadata=False) for s in schemas[1:]):
        return
    unified = _unified(schemas)
    target = pa.schema([f.remove_metadata() for f in unified],
                       metadata=_pandas_metadata(schemas[0].metadata, unified))
    for f, s in zip(files, schemas):
        if s.equals(target, check_metadata=False):
            continue
        t = pq.read_table(f)
        cols = [_cast(t[fld.name], fld.type) if fld.name in t.column_names
                else pa.nulls(len(t), fld.type) for fld in target]
        tmp = f.with_name(f".{f.name}.{os.getpid()}.tmp")
        pq.write_table(pa.Table.from_arrays(cols, schema=target), tmp)
        os.replace(tmp, f)


def _unified(schemas):
    """One schema for all parts: Arrow's permissive promotion (null -> any type, int ->
    double, ...), and a column whose types cannot be reconciled (numbers in one batch, text
    in another: a metadata column of a messy corpus) becomes text in every part."""
    import pyarrow as pa
    names = list(dict.fromkeys(n for s in schemas for n in s.names))
    fields = []
    for n in names:
        types = [s.field(n).type for s in schemas if n in s.names]
        try:
            t = pa.unify_schemas([pa.schema([pa.field(n, x)]) for x in types],
                                 promote_options="permissive").field(n).type
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            t = pa.string()
        fields.append(pa.field(n, t))
    return pa.schema(fields)


def _cast(col, typ):
    """``col`` as ``typ``; made text, values are written as Python writes them (1 -> "1",
    2.0 -> "2.0", True -> "True"), as the loader writes a column of mixed values."""
    import pyarrow as pa
    if pa.types.is_string(typ) and not (pa.types.is_string(col.type) or
                                        pa.types.is_null(col.type)):
        return pa.chunked_array([pa.array([None if v is None else str(v)
                                           for v in chunk.to_pylist()], pa.string())
                                 for chunk in col.chunks], pa.string())
    return col.cast(typ)


def _pandas_metadata(meta, schema):
    """The first part's pandas metadata with the dtypes of the columns made text fixed."""
    import json
    if not meta or b"pandas" not in meta:
        return meta
    import pyarrow as pa
    info = json.loads(meta[b"pandas"])
    text = {f.name for f in schema if pa.types.is_string(f.type)}
    for col in info.get("columns", []):
        if col.get("name") in text and col.get("pandas_type") != "unicode":
            col.update(pandas_type="unicode", numpy_type="object", metadata=None)
    return {**meta, b"pandas": json.dumps(info).encode()}
