"""The ``newslab`` command.

``newslab analyze PATH [--out DIR]``
    run the pipeline on a corpus and write its tables (see ``newslab.pipeline``).
``newslab evaluate TASK ...``
    evaluate a method against human labels; each task's module registers its own options
    through two functions, ``add_evaluate_arguments(parser)`` and ``evaluate_command(args)``
    (the latter returns the exit code), listed in :data:`EVALUATORS`.
``newslab train-stance LABELLED.jsonl --out MODEL``
    train the stance model (registered from ``newslab.stance`` when present).

A user error (missing path, no articles, bad gold file) prints one line,
``newslab: error: ...``, and exits 2; no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings

from .errors import NewslabError

#: evaluate sub-commands: task name -> module that implements it.
EVALUATORS = {
    "countries": "newslab.countries",
    "sentiment": "newslab.sentiment",
    "keywords": "newslab.keywords",
    "stance": "newslab.stance",
}
#: other sub-commands provided by modules: name -> (module, help).
EXTRA_COMMANDS = {
    "train-stance": ("newslab.stance", "train the stance model from labelled examples"),
}


def _columns_arg(values: list[str] | None) -> dict | None:
    if not values:
        return None
    mapping = {}
    for v in values:
        if "=" not in v:
            raise NewslabError(f"--column takes SOURCE=FIELD (e.g. body=text), not {v!r}")
        src, std = v.split("=", 1)
        mapping[src] = std
    return mapping


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslab", description="Analyse how news covers countries.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    an = sub.add_parser("analyze", help="run the pipeline on a corpus and write its tables",
                        description="Load every article under PATH (a file or a folder), "
                                    "run the pipeline, write the tables to DIR.")
    an.add_argument("path", help="a file or a folder of articles (.txt, .csv, .jsonl, .parquet)")
    an.add_argument("--out", default="results", metavar="DIR",
                    help="folder for the tables (default: results/)")
    an.add_argument("--column", action="append", metavar="SOURCE=FIELD",
                    help="map a column of CSV/JSONL/Parquet input to title, date, url, text "
                         "or id (repeatable), e.g. --column body=text")
    an.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                    help="worker processes (default: all cores; 1 runs in this process)")
    an.add_argument("--engine", choices=["processes", "dask"], default="processes",
                    help="run the batches in local processes (default) or on Dask")
    an.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the address of a running Dask scheduler "
                         "(tcp://host:8786); default: a local cluster on 127.0.0.1")
    an.add_argument("--resume", action="store_true",
                    help="keep the batches an interrupted run with the same options "
                         "already finished in DIR")
    an.add_argument("--stages", metavar="NAMES",
                    help="comma-separated batch stages to run (default: all)")
    an.add_argument("--csv", dest="csv", action="store_true", default=None,
                    help="also write DIR/TABLE.csv whatever the corpus size "
                         "(default: only up to 10,000 articles)")
    an.add_argument("--no-csv", dest="csv", action="store_false",
                    help="write Parquet only")
    an.add_argument("--corpus-max-articles", type=int, default=None, metavar="N",
                    help="run the corpus-level stages (keywords, stance aggregates), which "
                         "hold whole tables in memory, only up to N articles (default: "
                         "each stage's own limit, else 10,000)")
    an.add_argument("--batch-size", type=int, default=500, metavar="N",
                    help="articles per batch (default: 500)")
    an.add_argument("--quiet", action="store_true",
                    help="print nothing but errors (no summary, no progress bar)")
    an.set_defaults(func=_cmd_analyze)

    ev = sub.add_parser("evaluate", help="evaluate a method against human labels")
    evsub = ev.add_subparsers(dest="task", metavar="TASK")
    evsub.required = True
    for task, modname in EVALUATORS.items():
        mod = _optional_module(modname)
        if mod is None or not hasattr(mod, "add_evaluate_arguments"):
            continue
        p = evsub.add_parser(task, help=(mod.__doc__ or "").strip().split("\n")[0])
        mod.add_evaluate_arguments(p)
        p.set_defaults(func=mod.evaluate_command)

    for name, (modname, helptext) in EXTRA_COMMANDS.items():
        mod = _optional_module(modname)
        fn = name.replace("-", "_")
        if mod is None or not hasattr(mod, f"add_{fn}_arguments"):
            continue
        p = sub.add_parser(name, help=helptext)
        getattr(mod, f"add_{fn}_arguments")(p)
        p.set_defaults(func=getattr(mod, f"{fn}_command"))
    return parser


def _optional_module(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name == name:
            return None
        raise


def _cmd_analyze(args) -> int:
    from .pipeline import analyze
    analyze(args.path, args.out, columns=_columns_arg(args.column),
            batch_size=args.batch_size, jobs=args.jobs, engine=args.engine,
            scheduler=args.scheduler, resume=args.resume, stages=args.stages, csv=args.csv,
            corpus_max_articles=args.corpus_max_articles, quiet=args.quiet)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            if getattr(args, "quiet", False):
                warnings.simplefilter("ignore")
            return int(args.func(args) or 0)
    except NewslabError as e:
        print(f"newslab: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newslab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
