"""Phase 1 of a run: check every argument and resolve the stages, before any file is written.

:func:`make_plan` refuses (one-line :class:`newslab.NewslabError`) an empty or unusable
``--out``, bad numbers, unknown stages or engines, options that no selected stage takes, a
``--column`` mapping or a ``--by`` key the input cannot satisfy (checked on the first batch
read), and an input with no article at all. Only then does the run touch ``--out``.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from .. import groups
from ..errors import NewslabError
from . import source
from .engines import ENGINES, default_jobs
from .stages import CORE, OPTIONS, Stage

#: Articles per batch: large enough that per-batch costs (process hand-over, one Parquet file
#: per table) are small, small enough that a worker's tables stay well under 100 MB.
DEFAULT_BATCH_SIZE = 500
#: Corpora with at most this many articles also get ``DIR/<table>.csv``.
CSV_MAX_ARTICLES = 10_000

_FLAGS = {"by": "--by", "duplicates": "--include-duplicates", "method": "--stance-method",
          "model": "--model", "whole_text": "--whole-text"}


@dataclass
class Plan:
    """Everything a run will do, decided before it starts."""

    source: str
    out: Path
    files: list
    problems: list
    batch_stages: tuple
    corpus_stages: tuple
    stage_options: dict
    options_key: dict  # the stage options as they enter the options hash
    jobs: int
    engine: str
    scheduler: str | None
    batch_size: int
    columns: dict | None
    repair_dashes: bool | None
    csv: bool | None
    csv_max_articles: int
    corpus_max_articles: int | None
    input_bytes: int = 0
    notes: list = field(default_factory=list)
    batches: object = None  # the batch iterator, its first batches already read
    bytes_read: int = 0
    on_bytes: object = None  # called with the input bytes read (a progress bar)

    def read_bytes(self, n: int) -> None:
        self.bytes_read += n
        if self.on_bytes is not None:
            self.on_bytes(n)

    @property
    def stages(self) -> tuple:
        return self.batch_stages + self.corpus_stages

    def tables(self) -> list[str]:
        """The tables the plan's stages declare, in order (breakdowns not included)."""
        names = ["articles", "skipped"]
        for st in self.stages:
            names += [t for t in st.produces if t not in names]
        return names


def select_stages(stages, names) -> tuple[Stage, ...]:
    """The stages to run: all of ``stages``, or those named (a comma-separated string or a
    list) with the stages they need and the core ones, in the table's order."""
    stages = tuple(stages)
    for st in stages:
        if not isinstance(st, Stage):
            raise NewslabError(f"stages must be newslab.pipeline.Stage rows, not {st!r}")
    by_name = {s.name: s for s in stages}
    if len(by_name) != len(stages):
        raise NewslabError("two stages share a name")
    if names is None:
        chosen = set(by_name)
    else:
        wanted = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)]
        wanted = [n for n in wanted if n]
        if not wanted:
            raise NewslabError(f"--stages needs at least one stage name (stages: "
                               f"{', '.join(by_name)})")
        unknown = [n for n in wanted if n not in by_name]
        if unknown:
            raise NewslabError(f"unknown stage(s): {', '.join(unknown)} (stages: "
                               f"{', '.join(by_name)})")
        chosen = set(wanted) | {c for c in CORE if c in by_name}
        makers = {t: s.name for s in stages for t in s.produces}
        todo = list(chosen)
        while todo:  # the stages they need, and the stages those need
            for t in by_name[todo.pop()].needs:
                m = makers.get(t)
                if m and m not in chosen:
                    chosen.add(m)
                    todo.append(m)
    picked = tuple(s for s in stages if s.name in chosen)
    made = {"articles"}
    for st in sorted(picked, key=lambda s: s.kind != "batch"):
        missing = [t for t in st.needs if t not in made]
        if missing:
            raise NewslabError(f"stage '{st.name}' needs the table(s) {', '.join(missing)}, "
                               "which no earlier stage makes")
        made.update(st.produces)
    return picked


def stage_options(stages, *, by=None, duplicates=False, method=None, model=None,
                  whole_text=False):
    """The options for the stages, and the same in a form fit for the options hash.
    Refuses an option no selected stage takes."""
    given = {"by": groups.check_keys(by), "duplicates": bool(duplicates), "method": method,
             "model": model, "whole_text": bool(whole_text)}
    used = {o for st in stages for o in st.options}
    opts, key = {}, {}
    for name in OPTIONS:
        v = given[name]
        if v in (None, False, []):
            continue
        if name not in used:
            takers = ", ".join(st.name for st in stages if name in st.options)
            raise NewslabError(f"{_FLAGS[name]}: none of the stages run here takes it"
                               + (f" (it goes to: {takers})" if takers else ""))
        opts[name] = v
        key[name] = v
    if "method" in opts:
        from .. import stance
        if opts["method"] not in stance.METHODS:
            raise NewslabError(f"--stance-method {opts['method']!r}: choose from "
                               f"{', '.join(stance.METHODS)}")
    if "model" in opts:
        if opts.get("method", "trained") != "trained":
            raise NewslabError(f"--model goes with --stance-method trained, not "
                               f"{opts['method']}")
        opts["model"], key["model"] = _load_model(opts["model"])
        opts.setdefault("method", "trained")
        key.setdefault("method", "trained")
    return opts, key


def _load_model(model):
    if not isinstance(model, (str, Path)):
        return model, f"{type(model).__name__}:{getattr(model, 'fingerprint', '') or 'object'}"
    p = Path(model)
    if not p.is_file():
        raise NewslabError(f"--model: no such file: {model}")
    from ..stance.predictor import load_predictor  # (scoring only: no scikit-learn)
    loaded = load_predictor(p)
    return loaded, f"{p.name}:{hashlib.sha1(p.read_bytes()).hexdigest()}"


def make_plan(path, out, *, stages, select=None, by=None, duplicates=False, method=None,
              model=None, whole_text=False, columns=None, batch_size=DEFAULT_BATCH_SIZE, jobs=None,
              engine="processes", scheduler=None, repair_dashes=None, csv=None,
              csv_max_articles=CSV_MAX_ARTICLES, corpus_max_articles=None,
              write=True) -> Plan:
    """Check the arguments, resolve the stages, find the input and read its first batch
    (``write=False``: no output folder)."""
    if write:
        if out is None or str(out).strip() == "":
            raise NewslabError("--out needs a folder name (it was empty)")
        out = Path(out).expanduser()
        if out.exists() and not out.is_dir():
            raise NewslabError(f"--out {out} is a file, not a folder")
    else:
        out = None
    if engine not in ENGINES:
        raise NewslabError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    if scheduler and engine != "dask":
        raise NewslabError("--scheduler needs --engine dask")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise NewslabError(f"batch size must be at least 1, not {batch_size}")
    for name, v in (("--csv-max-articles", csv_max_articles),
                    ("--corpus-max-articles", corpus_max_articles)):
        if v is not None and v < 0:
            raise NewslabError(f"{name} must be 0 or more, not {v}")
    notes = []
    cores = default_jobs()
    jobs = cores if jobs is None else int(jobs)
    if jobs < 1:
        raise NewslabError(f"--jobs must be at least 1, not {jobs}")
    if jobs > cores and not (engine == "dask" and scheduler):
        notes.append(f"--jobs {jobs} is more than the {cores} core(s) this process may use: "
                     f"ran {cores} worker(s)")
        jobs = cores
    if columns is not None and not isinstance(columns, dict):
        raise NewslabError("columns must map a source column to a field, as {'body': 'text'}")
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise NewslabError("newslab analyze writes Parquet and needs pyarrow "
                           "(pip install pyarrow)") from None
    picked = select_stages(stages, select)
    opts, key = stage_options(picked, by=by, duplicates=duplicates, method=method, model=model,
                              whole_text=whole_text)

    files, problems = source.walk(path, exclude=(out,) if out is not None else ())
    if not files and not problems:
        raise NewslabError(f"no files found in {path} (the output folder {out} is left out "
                           "of the input)")
    plan = Plan(source=str(Path(path).expanduser().resolve()), out=out, files=files,
                problems=problems,
                batch_stages=tuple(s for s in picked if s.kind == "batch"),
                corpus_stages=tuple(s for s in picked if s.kind == "corpus"),
                stage_options=opts, options_key=key, jobs=jobs, engine=engine,
                scheduler=scheduler, batch_size=batch_size, columns=columns,
                repair_dashes=repair_dashes, csv=csv, csv_max_articles=csv_max_articles,
                corpus_max_articles=corpus_max_articles, notes=notes,
                input_bytes=sum(_size(f) for f in files))
    plan.batches = _peek(plan)
    return plan


def _peek(plan: Plan):
    """The batch iterator, with the batches up to the first one holding an article already
    read: a bad ``--column`` mapping or ``--by`` key fails here, before anything is written."""
    it = source.batches(plan.files, batch_size=plan.batch_size, columns=plan.columns,
                        repair_dashes=plan.repair_dashes, on_progress=plan.read_bytes,
                        problems=plan.problems)
    head = []
    for item in it:
        head.append(item)
        if len(item[1]):
            for key in plan.stage_options.get("by", []):
                groups.article_groups(item[1].head(1), key)  # raises for an unknown key
            break
    else:
        skipped = [r for _, _, s in head for r in s.to_dict("records")]
        reasons = "; ".join(f"{Path(str(r['path'])).name}: {r['reason']}" for r in skipped[:3])
        raise NewslabError(f"no articles found in {plan.source}"
                           + (f" ({reasons})" if reasons else ""))
    return itertools.chain(head, it)


def _size(f) -> int:
    try:
        return Path(f).stat().st_size
    except OSError:
        return 0
