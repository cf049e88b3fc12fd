"""What a run's main process imports: newslab's CLI and pipeline load neither scikit-learn
nor SciPy's statistics nor NLTK's package (each is imported where it is used), and the
names that come from them on first use are the same objects (fresh interpreters)."""

from .conftest import fresh_python


def _run(code: str) -> None:
    r = fresh_python(code)
    assert r.returncode == 0, r.stderr[-2000:]


def test_cli_and_pipeline_import_nothing_heavy():
    _run("import sys, newslab.cli, newslab.pipeline, newslab.keywords, newslab.stance\n"
         "heavy = [m for m in ('sklearn', 'scipy.stats', 'nltk.classify', 'nltk.corpus')\n"
         "         if m in sys.modules]\n"
         "assert not heavy, heavy")


def test_model_names_on_first_use():
    _run("import sys, newslab.stance as st\n"
         "assert 'sklearn' not in sys.modules\n"
         "from newslab.stance import model\n"
         "assert st.StanceModel is model.StanceModel and st.load_model is model.load_model\n"
         "assert st.train_model is model.train_model and 'StanceModel' in dir(st)\n"
         "from newslab.stance.predictor import StancePredictor\n"
         "assert type(st.shipped_model()) is StancePredictor\n"
         "assert issubclass(st.StanceModel, StancePredictor)\n"
         "from sklearn.base import BaseEstimator; assert issubclass(st.StanceModel, "
         "BaseEstimator)")


def test_a_seed_analyze_run_never_imports_scikit_learn(tmp_path):
    """Scoring with the shipped model (method combined, the default, and trained), the
    keywords' TF-IDF and the CLI's parser (the gold formats) need no scikit-learn: a run
    with --jobs 1 (everything in this one process) never imports it."""
    for method in ("combined", "trained"):
        out = tmp_path / method
        _run("import sys\n"
             "from newslab.cli import main\n"
             f"rc = main(['analyze', 'seeds', '--out', {str(out)!r}, '--jobs', '1', "
             f"'--stance-method', {method!r}])\n"
             "assert rc == 0, rc\n"
             "assert 'sklearn' not in sys.modules, [m for m in sys.modules if 'sklearn' in m][:5]")
        assert (out / "stance").is_dir() and (out / "keywords").is_dir()
