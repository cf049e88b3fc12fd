"""The ``newslab`` command.

``newslab analyze PATH [--out DIR]``
    run the pipeline on a corpus and write its tables (see ``newslab.pipeline``).
``newslab evaluate TASK ...``
    evaluate a method against human labels (countries, sentiment, keywords, stance).
``newslab train-stance LABELLED.jsonl --out MODEL``
    train the stance model.

All argument parsing and printing lives here; the library modules compute and return.

A user error (missing path, no articles, bad gold file) prints one line,
``newslab: error: ...``, and exits 2; no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path

from .errors import NewslabError

# sentiment, stance and keywords are imported where they are used (after ``main`` may have
# started the workers' forkserver: ``newslab.prestart``)

#: evaluate sub-commands: task name -> (add its arguments, run it).
EVALUATORS = {
    "countries": ("_add_evaluate_countries", "_cmd_evaluate_countries"),
    "sentiment": ("_add_evaluate_sentiment", "_cmd_evaluate_sentiment"),
    "keywords": ("_add_evaluate_keywords", "_cmd_evaluate_keywords"),
    "stance": ("_add_evaluate_stance", "_cmd_evaluate_stance"),
}
_HELP = {
    "countries": "country mentions against hand-coded sentences (precision, recall, F1)",
    "sentiment": "sentence sentiment against labelled sentences",
    "keywords": "keyword extraction against gold keyphrases (P, R, F1 at k)",
    "stance": "stance toward a target against labelled sentences",
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


def build_parser(*, full: bool = True) -> argparse.ArgumentParser:
    """The command line's parser. ``full=False`` (``main`` for an ``analyze`` call): the
    ``evaluate`` and ``train-stance`` sub-commands without their arguments, whose choices
    import the evaluation modules (scikit-learn's metrics, about half a CPU-second); an
    ``analyze`` call parses the same either way."""
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
                    help="map a column of CSV/JSONL/Parquet input to any field (title, date, "
                         "url, text, id, outlet, source) or a new column name (repeatable), "
                         "e.g. --column body=text")
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
                    help="comma-separated stages to run (default: all; the stages they "
                         "need run too): " + ", ".join(_stage_names()))
    an.add_argument("--by", action="append", metavar="KEY",
                    help="also break every corpus aggregate down by KEY: a column of the "
                         "articles (outlet, section, ...) or a date period (day, week, "
                         "month, quarter, year); repeatable")
    an.add_argument("--include-duplicates", action="store_true",
                    help="count articles flagged as duplicates in the aggregates "
                         "(default: left out)")
    an.add_argument("--stance-method", metavar="NAME",
                    help="the stance method of the stance stage (default: its own)")
    an.add_argument("--model", metavar="PATH",
                    help="a stance model from newslab train-stance, for the stance stage")
    an.add_argument("--whole-text", action="store_true",
                    help="paragraph and article sentiment from VADER on their whole text "
                         "(default: from their sentences' lexicon hits)")
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
    for task, (add, run) in EVALUATORS.items():
        p = evsub.add_parser(task, help=_HELP[task])
        if full:
            globals()[add](p)
        p.set_defaults(func=globals()[run])

    p = sub.add_parser("train-stance", help="train the stance model from labelled examples")
    if full:
        _add_train_stance(p)
    p.set_defaults(func=_cmd_train_stance)
    return parser


def _stage_names() -> list[str]:
    from .pipeline import DEFAULT_STAGES
    return [s.name for s in DEFAULT_STAGES]


def _progress_bar(total: int):
    from tqdm import tqdm
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024,
                desc="newslab analyze", delay=1.0, file=sys.stderr, dynamic_ncols=True)


def _cmd_analyze(args) -> int:
    from .pipeline import analyze
    show = not args.quiet and sys.stderr.isatty()
    res = analyze(args.path, args.out, only=args.stages, by=args.by,
                  duplicates=args.include_duplicates, method=args.stance_method,
                  model=args.model, whole_text=args.whole_text,
                  columns=_columns_arg(args.column),
                  batch_size=args.batch_size, jobs=args.jobs, engine=args.engine,
                  scheduler=args.scheduler, resume=args.resume, csv=args.csv,
                  corpus_max_articles=args.corpus_max_articles, quiet=args.quiet,
                  progress=_progress_bar if show else None)
    if not args.quiet:
        print(res.report())
    return 0


# --- evaluate countries ---------------------------------------------------

def _add_evaluate_countries(parser) -> None:
    """``newslab evaluate countries GOLD.jsonl [--split dev|test] [--shared DIR] [--json]``."""
    parser.description = ("Micro-averaged precision, recall and F1 of the countries found in "
                          "each sentence against hand-coded sets. GOLD.jsonl: one "
                          '{"text": ..., "countries": ["USA", "RUS"]} per line, optionally '
                          'with "date" for dated leaders. Real-text gold (references into '
                          "../shared instead of text, data/annotations/countries_real_*.jsonl) "
                          "is resolved from the shared folder; a file of mention rows "
                          "(correct yes/no per finder mention) gives the finder's precision.")
    parser.add_argument("gold", metavar="GOLD.jsonl", help="hand-coded sentences or mentions")
    parser.add_argument("--split", metavar="NAME", default=None,
                        help="only the rows of this split (dev, test)")
    parser.add_argument("--shared", metavar="DIR", default=None,
                        help="the shared data folder references point into (default: "
                             "$NEWSLAB_SHARED or ../shared beside the repository)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (n, precision, recall, f1, ...)")
    parser.add_argument("--max-errors", type=int, default=50, metavar="N",
                        help="list at most N errors (default 50)")


def _short(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[:n - 3] + "..."


def _print_country_mentions(m: dict, args) -> None:
    print(f"country mentions (precision on a sample of finder mentions): {args.gold}"
          + (f" [split {args.split}]" if args.split else ""))
    print(f"n = {m['n']} sampled mentions   still found {m['n_found']}   right {m['n_right']}"
          f"   precision = {m['precision']:.3f}")
    print(f"no longer found: {m['n_dropped']} (of which {m['n_dropped_right']} refer to a "
          f"country)")
    for src, sm in m["by_source"].items():
        print(f"  {src}: found {sm['n_found']}   precision = {sm['precision']:.3f}")
    _print_coders(m)
    for title, rows in (("wrong", m["errors"]), ("lost (refer to a country, no longer found)",
                                                   m["dropped_right"])):
        if rows:
            print(f"\n{len(rows)} {title}:")
            for e in rows[:args.max_errors]:
                got = f" as {e['pred']}" if "pred" in e else ""
                print(f"- {e['target']!r}{got}, gold {e['gold'] or 'none'}"
                      f"{' (' + e['note'] + ')' if e.get('note') else ''}: {_short(e['text'])}")


def _print_coders(m: dict) -> None:
    if "coders" in m:
        c = m["coders"]
        print(f"two coders on {c['n']} rows: agreement {c['agree']:.3f}   "
              f"Cohen's kappa {c['kappa']:.3f}")


def _cmd_evaluate_countries(args) -> int:
    from .evaluation import countries as ev
    m = ev.evaluate(ev.read_gold(args.gold, split=args.split, shared=args.shared))
    if args.json:
        keys = [k for k in m if k not in ("errors", "dropped_right")]
        out = {k: m[k] for k in keys}
        out["n_errors"] = len(m["errors"])
        out["errors"] = m["errors"][:args.max_errors]
        if "dropped_right" in m:
            out["dropped_right"] = m["dropped_right"][:args.max_errors]
        print(json.dumps(out, ensure_ascii=False))
        return 0
    if m["task"] == "mentions":
        _print_country_mentions(m, args)
        return 0
    print(f"country mentions: {args.gold}" + (f" [split {args.split}]" if args.split else ""))
    print(f"n = {m['n']} sentences   precision = {m['precision']:.3f}   "
          f"recall = {m['recall']:.3f}   F1 = {m['f1']:.3f}   "
          f"(tp {m['tp']}, predicted {m['n_pred']}, gold {m['n_gold']})")
    for field in ("source", "stratum"):
        for v, sm in m.get(f"by_{field}", {}).items():
            print(f"  {field} {v}: n = {sm['n']}   precision = {sm['precision']:.3f}   "
                  f"recall = {sm['recall']:.3f}   F1 = {sm['f1']:.3f}")
    _print_coders(m)
    errs = m["errors"]
    if errs:
        print(f"\n{len(errs)} sentence(s) with errors"
              + (f" (first {args.max_errors})" if len(errs) > args.max_errors else "") + ":")
        for e in errs[:args.max_errors]:
            parts = []
            if e["missed"]:
                parts.append("missed " + ",".join(e["missed"]))
            if e["spurious"]:
                parts.append("spurious " + ",".join(e["spurious"]))
            print(f"- {'; '.join(parts)}: {_short(e['text'])}")
            print(f"    found: {', '.join(e['surfaces']) or '(nothing)'}")
    return 0


# --- evaluate keywords ----------------------------------------------------

def _add_evaluate_keywords(parser: argparse.ArgumentParser) -> None:
    from . import keywords as kw
    parser.description = (
        "Precision, recall and F1 at k of keyword extraction against gold keyphrases. "
        "DOCS_DIR holds one .txt per document; KEYS_DIR one .key file per document (same "
        "name), one gold keyphrase per line. Both sides are lower-cased, split into words "
        "and Porter-stemmed; a prediction is correct when its stemmed form equals a gold "
        "one. P = correct / predictions (at most k), R = correct / gold phrases, F1 per "
        "document, averaged over documents.")
    parser.add_argument("docs_dir", metavar="DOCS_DIR", help="folder of .txt documents")
    parser.add_argument("keys_dir", metavar="KEYS_DIR", help="folder of .key files")
    parser.add_argument("--k", type=int, default=10, help="keyphrases per document (10)")
    parser.add_argument("--method", choices=kw.METHODS, default=kw.DEFAULT_METHOD,
                        help=f"keyword method (default: {kw.DEFAULT_METHOD}, the best)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (n, precision, recall, f1, ...)")


def _cmd_evaluate_keywords(args) -> int:
    from .evaluation.keywords import evaluate_keyphrases
    m = evaluate_keyphrases(args.docs_dir, args.keys_dir, k=args.k, method=args.method)
    if args.json:
        print(json.dumps(m, sort_keys=True))
        return 0
    print(f"keywords: method {m['method']}, {m['n']} documents, k = {m['k']}")
    print(f"  macro  precision {m['precision']:.3f}   recall {m['recall']:.3f}   "
          f"F1 {m['f1']:.3f}")
    print(f"  micro  precision {m['micro_precision']:.3f}   recall {m['micro_recall']:.3f}   "
          f"F1 {m['micro_f1']:.3f}")
    print("  (lower case + Porter stems, exact match; F1 averaged over documents)")
    return 0


# --- evaluate sentiment ---------------------------------------------------

def _add_evaluate_sentiment(parser: argparse.ArgumentParser) -> None:
    from . import sentiment
    parser.description = (
        "Score labelled sentences with VADER (plain or with the news extension) and compare "
        "with the gold labels: accuracy, macro-F1, per-class precision/recall, confusion. "
        f"Labels: compound >= {sentiment.POS_THRESHOLD} positive, <= {sentiment.NEG_THRESHOLD} negative.")
    parser.add_argument("gold", help="gold file: JSON Lines {text, label}, a Financial "
                                     "PhraseBank Sentences_*.txt, or a NewsMTSC .jsonl")
    parser.add_argument("--lexicon", default="news", choices=sentiment.LEXICONS,
                        help="plain VADER or VADER + news extension (default: news)")
    from .evaluation.sentiment import FORMATS
    parser.add_argument("--format", default="auto", choices=FORMATS,
                        help="gold format (default: from the file's name and content)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (n, accuracy, macro_f1, per_class, ...)")


def _cmd_evaluate_sentiment(args) -> int:
    from .evaluation import sentiment as ev
    gold = ev.read_gold(args.gold, format=args.format)
    if gold.empty:
        raise NewslabError(f"no usable labelled sentences in {args.gold}")
    m = ev.evaluate(gold, lexicon=args.lexicon)
    m["gold"] = Path(args.gold).name
    if args.json:
        print(json.dumps(m))
    else:
        from .evaluation import format_classification
        print(format_classification(
            m, f"sentiment ({args.lexicon} lexicon) on {Path(args.gold).name}"))
    return 0


# --- evaluate stance ------------------------------------------------------

def _add_evaluate_stance(parser: argparse.ArgumentParser) -> None:
    from . import stance
    parser.description = (
        "Stance toward a target (a country or any string) in labelled sentences: accuracy, "
        "macro-F1, per-class figures, confusion. Gold lines {text, target, label[, start, "
        "end]}, references into ../shared ({file|bbc_id, sent_start, sent_end, start, end, "
        "label}), or a NewsMTSC .jsonl file (read directly).")
    parser.add_argument("gold", nargs="+",
                        help="gold file(s): JSON Lines {text, target, label[, start, end]}, "
                             "references, or NewsMTSC JSON Lines; several files are pooled")
    parser.add_argument("--method", default=None, choices=stance.METHODS,
                        help=f"sentence, rules, trained or combined (default: "
                             f"{stance.DEFAULT_METHOD}; trained and combined use the shipped "
                             "model unless --model is given)")
    parser.add_argument("--model", metavar="MODEL", help="a model file from newslab "
                                                         "train-stance (implies --method trained)")
    _add_stance_input(parser)
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (n, accuracy, macro_f1, per_class, ...)")


def _add_stance_input(parser: argparse.ArgumentParser) -> None:
    """The options of evaluate stance and train-stance that say how to read gold files."""
    from . import stance
    parser.add_argument("--format", default="auto", choices=stance.FORMATS,
                        help="gold format (default: from the first line of each file)")
    parser.add_argument("--split", metavar="NAME",
                        help="only the rows whose split is NAME (train or test), in files "
                             "that have a split column")
    parser.add_argument("--source", metavar="NAME[,NAME]",
                        help="only the rows whose source is one of these (bbc, state.gov, "
                             "en.kremlin.ru; bbc also takes bbc/politics ...)")
    parser.add_argument("--shared", metavar="DIR",
                        help="the shared data folder that references point into (default: "
                             "../shared beside the repository)")


def _stance_method_and_model(args):
    from . import stance
    from .stance.predictor import load_predictor
    model = load_predictor(args.model) if getattr(args, "model", None) else None
    method = args.method or ("trained" if model is not None else stance.DEFAULT_METHOD)
    if method not in ("trained", "combined") and model is not None:
        raise NewslabError(f"--model goes with --method trained or combined, not {method}")
    return method, model


def _stance_gold(args, path):
    from .evaluation import stance as ev
    gold = ev.read_gold(path, format=args.format, shared=args.shared)
    gold = ev.split(gold, args.split) if args.split else gold
    return ev.sources(gold, args.source) if args.source else gold


def _cmd_evaluate_stance(args) -> int:
    from .evaluation import stance as ev
    method, model = _stance_method_and_model(args)
    import pandas as pd
    gold = pd.concat([_stance_gold(args, f) for f in args.gold], ignore_index=True)
    m = ev.evaluate(gold, method=method, model=model)
    m.pop("predictions", None)
    m["gold"] = " + ".join(Path(f).name for f in args.gold) + \
        (f" (split {args.split})" if args.split else "") + \
        (f" (source {args.source})" if args.source else "")
    if args.json:
        print(json.dumps(m))
    else:
        from .evaluation import format_classification
        print(format_classification(m, f"stance ({method}) on {m['gold']}"))
    return 0


def _positive_float(v: str) -> float:
    try:
        x = float(v)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {v!r}") from None
    if not (x > 0 and x < float("inf")):
        raise argparse.ArgumentTypeError(f"must be a positive number, not {v}")
    return x


def _add_train_stance(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Train the stance model on labelled targets (JSON Lines {text, "
                          "target, label[, start, end]}, references or NewsMTSC; several "
                          "files are pooled) and save it as a plain-data .npz file.")
    parser.add_argument("labelled", nargs="+", help="labelled file(s) (same formats as "
                                                    "evaluate stance)")
    parser.add_argument("--out", required=True, metavar="MODEL",
                        help="the model file to write (.npz)")
    _add_stance_input(parser)
    parser.add_argument("--C", type=_positive_float, default=0.5,
                        help="inverse regularisation strength, > 0 (default: 0.5, as the "
                             "shipped model)")


def _cmd_train_stance(args) -> int:
    import pandas as pd
    from .evaluation import stance as ev
    out = Path(args.out)
    if out.is_dir():
        raise NewslabError(f"--out {args.out} is a folder: give a file name (model.npz)")
    parts = []
    for f in args.labelled:
        g = ev.read_gold(f, format=args.format, shared=args.shared)
        if args.split and "split" in g.columns:
            g = ev.split(g, args.split)
        if args.source:
            g = ev.sources(g, args.source)
        parts.append(g[["text", "start", "end", "label"]])
    gold = pd.concat(parts, ignore_index=True)
    from . import stance
    model = stance.train_model(gold, C=args.C)
    card = {"trained_on": [Path(f).name for f in args.labelled], "n": len(gold),
            "split": args.split, "C": args.C}
    p = model.save(out, card=card)
    counts = gold["label"].value_counts().to_dict()
    print(f"trained on {len(gold)} targets ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))});"
          f" saved to {p}")
    return 0


# ------------------------------------------------------------------------------------------

def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Warnings as one line each: ``newslab: warning: ...``."""
    print(f"newslab: warning: {message}", file=sys.stderr if file is None else file)


def main(argv: list[str] | None = None) -> int:
    from .prestart import maybe_start
    argv = sys.argv[1:] if argv is None else list(argv)
    maybe_start(argv)                      # before the heavy imports
    parser = build_parser(full=not (argv and argv[0] == "analyze"))
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            if getattr(args, "quiet", False):
                warnings.simplefilter("ignore")
            return int(args.func(args) or 0)
    except NewslabError as e:
        print(f"newslab: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newslab: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`newslab evaluate ... | head`): stop quietly, as Unix tools do
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main())
