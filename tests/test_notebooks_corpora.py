"""Every notebook runs on real corpora, not only on the seed its stored outputs come from.

papermill executes each notebook (in a fresh kernel, from notebooks/, into a temporary
folder: nothing is written back, so no text of ../shared ever reaches a stored notebook) on

- the official statements corpus (``../shared/corpora/official_statements/articles``:
  .txt files of two outlets in sub-folders, dated 2021-2022);
- AG News's test split as one CSV with no dates (``../shared/eval/ag_news/test.csv``,
  title and description columns; the loader maps ``description`` to the text);
- an empty folder, where each notebook must stop at its loading cell with one clear line
  and no traceback.

and checks the outputs: no error, the expected sections computed (not skipped), no
seed-only wording. Runs two notebooks at a time (each in its own kernel process); skipped
cleanly when ../shared is absent."""

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import eval_dir

papermill = pytest.importorskip("papermill")
nbformat = pytest.importorskip("nbformat")

pytestmark = [pytest.mark.evaldata, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
SHARED = eval_dir().parent
CORPORA = {
    "official": SHARED / "corpora" / "official_statements" / "articles",
    "ag_news": SHARED / "eval" / "ag_news" / "test.csv",
}
#: wording that describes the seed, never true of another corpus
SEED_ONLY = re.compile(r"the seed|seed article|single NBC|Biden.Putin call", re.I)
#: text every run must compute (a section that ran, not one that said it cannot), by
#: notebook and corpus
EXPECTED = {
    ("01_load_and_tokenize.ipynb", "official"): ["This corpus: **2,594 article(s)**",
                                                 "outlet(s) (en.kremlin.ru, state.gov)",
                                                 "country mentions of"],
    ("01_load_and_tokenize.ipynb", "ag_news"): ["This corpus: **7,600 article(s)**",
                                                "with no dates", "no .txt files"],
    ("02_sentiment.ipynb", "official"): ["news lexicon's 95% interval runs from",
                                         "Histogram of sentence compound"],
    ("02_sentiment.ipynb", "ag_news"): ["news lexicon's 95% interval runs from",
                                        "rank correlation of the three measures"],
    ("03_keywords.ipynb", "official"): ["by outlet: 2 groups", "Random halves of 2,594",
                                        "permutation p ="],
    ("03_keywords.ipynb", "ag_news"): ["one outlet and at most one month",
                                       "Random halves of 7,600", "permutation p ="],
    ("04_stance_by_country.ipynb", "official"): ["The most mentioned country",
                                                 "Line chart of the mean stance per month",
                                                 "Heatmap of mean stance"],
    ("04_stance_by_country.ipynb", "ag_news"): ["The most mentioned country",
                                                "no time series to draw",
                                                "one outlet: no comparison"],
    ("05_corpus_trends.ipynb", "official"): ["counted per month",
                                             "Line chart of the mentions per article",
                                             "Line chart of the mean article tone",
                                             "Line chart of the mean stance",
                                             "Heatmap of mean stance",
                                             "differences between 2 outlets"],
    ("05_corpus_trends.ipynb", "ag_news"): ["no dates, so no time charts",
                                            "change over time: no dates",
                                            "source → target pairs"],
}


def _texts(nb, *, skip: str | None = None) -> list[str]:
    """Text of the outputs, leaving out cells whose source contains ``skip``."""
    out = []
    for c in nb.cells:
        if skip and skip in c.get("source", ""):
            continue
        for o in c.get("outputs", []):
            if o.get("output_type") == "stream":
                out.append(o.get("text", ""))
            elif o.get("output_type") in ("display_data", "execute_result"):
                d = o.get("data", {})
                out.append(d.get("text/markdown", "") + "\n" + d.get("text/plain", ""))
    return out


def _errors(nb) -> list[tuple[int, dict]]:
    return [(i, o) for i, c in enumerate(nb.cells) for o in c.get("outputs", [])
            if o.get("output_type") == "error"]


def _run(name: str, corpus: str, path: Path, tmp: Path):
    out_dir = tmp / corpus
    out_dir.mkdir(parents=True, exist_ok=True)
    params = {"CORPUS": str(path)}
    if name.startswith("05_"):
        params.update(OUT=str(out_dir / "analyze"), JOBS=1)
    target = out_dir / name
    try:
        # no cwd= here: papermill's cwd changes the process's working folder and puts back
        # the one it found, so two threads racing could leave it in notebooks/ (nbval then
        # failed to find notebooks/sanitize.cfg); the fixture sets it once for all threads
        papermill.execute_notebook(str(NOTEBOOKS / name), str(target), parameters=params,
                                   kernel_name="python3", progress_bar=False,
                                   log_output=False)
        failed = None
    except papermill.PapermillExecutionError as e:
        failed = e
    return nbformat.read(target, as_version=4), failed


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    missing = [str(p) for p in CORPORA.values() if not p.exists()]
    if missing:
        pytest.skip(f"shared corpora not found: {', '.join(missing)}")
    tmp = tmp_path_factory.mktemp("nbruns")
    empty = tmp / "empty_corpus"
    empty.mkdir()
    corpora = {**CORPORA, "empty": empty}
    jobs = [(n, c, p) for c, p in corpora.items() for n in NAMES]
    env = {"MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    cwd = os.getcwd()
    os.chdir(NOTEBOOKS)  # the kernels start here (notebooks/), as in JupyterLab
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = list(pool.map(lambda j: _run(*j, tmp), jobs))
    finally:
        os.chdir(cwd)
        for k, v in old.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    return {(n, c): r for (n, c, _), r in zip(jobs, done)}


@pytest.mark.parametrize("corpus", ["official", "ag_news"])
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_on_a_real_corpus(runs, name, corpus):
    nb, failed = runs[(name, corpus)]
    errs = _errors(nb)
    assert failed is None and not errs, (
        f"{name} on {corpus}: " + "; ".join(f"cell {i}: {o['ename']}: {o['evalue']}"
                                            for i, o in errs))
    text = "\n".join(_texts(nb))
    for expected in EXPECTED.get((name, corpus), []):
        assert expected in text, f"{name} on {corpus}: {expected!r} not in the outputs"
    # the data dictionary (schema.describe) names the seed as an example, on purpose
    seed = SEED_ONLY.search("\n".join(_texts(nb, skip="schema.describe")))
    assert seed is None, f"{name} on {corpus}: seed-only wording {seed.group(0)!r}"
    assert "Empty DataFrame" not in text.replace(_skipped_table(nb), ""), (
        f"{name} on {corpus}: an expected table came out empty")
    assert "Nothing to analyse" not in text


def _skipped_table(nb) -> str:
    """The skipped-rows table of notebook 01, which may rightly be empty."""
    for c in nb.cells:
        if c.get("cell_type") == "code" and c.get("source", "").startswith("skipped.head"):
            return "\n".join(_texts(nbformat.v4.new_notebook(cells=[c])))
    return "\0"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_on_an_empty_folder_stops_with_one_line(runs, name):
    nb, failed = runs[(name, "empty")]
    assert failed is not None, f"{name} ran through on an empty corpus"
    errs = _errors(nb)
    assert len(errs) == 1
    cell, err = errs[0]
    assert err["ename"] == "NewslabError"
    assert len(err["traceback"]) == 1, "a traceback, not one line"
    assert err["traceback"][0].startswith("Nothing to analyse in ")
    assert "no files found" in err["traceback"][0]
    assert "_or_stop(CORPUS" in nb.cells[cell]["source"]       # the loading cell
    later = [c for c in nb.cells[cell + 1:] if c.get("cell_type") == "code"]
    assert all(c.get("execution_count") is None for c in later)
