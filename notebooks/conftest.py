"""pytest in notebooks/: the ``NN_*.py`` files are the notebooks' jupytext twins (the same
cells as ``NN_*.ipynb``, in py:percent form), not test modules. pytest never imports them,
also when they are named on the command line (``pytest notebooks/0*``); the ``.ipynb`` files
are tested with nbval (``pytest --nbval ... notebooks/0*.ipynb``)."""

import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_TWIN = re.compile(r"^\d\d_\w+\.py$")


def is_twin(path) -> bool:
    path = Path(path)
    return bool(_TWIN.match(path.name)) and path.resolve().parent == HERE


class NotebookTwin(pytest.File):
    """A notebook's .py twin: collected as an empty file (its cells run through nbval)."""

    def collect(self):
        return []


def pytest_ignore_collect(collection_path, config):
    return True if is_twin(collection_path) else None


def pytest_pycollect_makemodule(module_path, parent):
    if is_twin(module_path):
        return NotebookTwin.from_parent(parent, path=module_path)
    return None
