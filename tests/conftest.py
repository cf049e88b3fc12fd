"""Shared fixtures. Tests that read the public evaluation data in ../shared/eval are marked
``evaldata`` and skip cleanly when it is absent (set NEWSLAB_EVAL_DIR to point elsewhere)."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ANNOTATIONS = ROOT / "data" / "annotations"


def python_prints(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (what it imports, for one)."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()


def fresh_python(code: str, *flags: str):
    """``code`` run in a fresh interpreter (``flags`` before ``-c``) with only this
    repository on its path and a bare environment: the CompletedProcess."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, *flags, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def eval_dir() -> Path:
    return Path(os.environ.get("NEWSLAB_EVAL_DIR", ROOT.parent / "shared" / "eval"))


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    d = eval_dir()
    if not d.is_dir():
        pytest.skip(f"evaluation data not found at {d}")
    return d


@pytest.fixture(scope="session")
def seed_articles():
    from newslab import load_articles
    return load_articles(SEEDS, verbose=False)


@pytest.fixture(scope="session")
def seed_sentences(seed_articles):
    from newslab import sentences
    return sentences(seed_articles)


@pytest.fixture(scope="session")
def seed_tokens(seed_sentences):
    from newslab import tokens
    return tokens(seed_sentences)
