"""Every notebook is a jupytext pair: ``notebooks/NN_*.ipynb`` (cells and stored outputs,
tested by nbval) and its ``py:percent`` twin ``notebooks/NN_*.py`` (the same cells as plain
Python, for review and editing). This test fails when a pair is out of sync: a cell added,
removed, edited, re-typed or re-tagged on one side only.

Fix a failure with ``jupytext --sync notebooks/NN_*.ipynb`` (the newer file wins), or edit
the .py and run ``jupytext --to ipynb --update notebooks/NN_*.py`` (keeps the outputs)."""

import subprocess
import sys
from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
IPYNB = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
TWINS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
FORMATS = "ipynb,py:percent"
#: cell metadata that the pair must agree on (tags drive papermill, nbval and the course's
#: exercise/solution cells; "jupyter" holds source_hidden for collapsed solutions)
KEPT_METADATA = ("tags", "jupyter")


def cells(nb) -> list[tuple]:
    """What a pair must share, cell by cell: type, source and the kept metadata."""
    out = []
    for c in nb.cells:
        meta = {k: c.metadata[k] for k in KEPT_METADATA if k in c.metadata}
        out.append((c.cell_type, c.source.rstrip("\n"), repr(sorted(meta.items()))))
    return out


def differences(ipynb_nb, py_nb) -> list[str]:
    """Readable differences between a notebook and its twin (empty when in sync)."""
    a, b = cells(ipynb_nb), cells(py_nb)
    diffs = []
    if len(a) != len(b):
        diffs.append(f"{len(a)} cells in the .ipynb, {len(b)} in the .py")
    for i, (x, y) in enumerate(zip(a, b)):
        for what, u, v in zip(("type", "source", "metadata"), x, y):
            if u != v:
                diffs.append(f"cell {i}: {what} differs: ipynb {u[:60]!r} vs py {v[:60]!r}")
                break
    return diffs


def test_there_are_notebooks():
    assert len(IPYNB) >= 5


def test_every_notebook_has_its_twin_and_no_twin_is_orphaned():
    assert [p.stem for p in IPYNB] == [p.stem for p in TWINS]


@pytest.mark.parametrize("path", IPYNB, ids=lambda p: p.stem)
def test_notebook_declares_its_pairing(path):
    nb = jupytext.read(path)
    assert nb.metadata.get("jupytext", {}).get("formats") == FORMATS
    twin = jupytext.read(path.with_suffix(".py"))
    assert twin.metadata.get("jupytext", {}).get("formats") == FORMATS


@pytest.mark.parametrize("path", IPYNB, ids=lambda p: p.stem)
def test_pair_in_sync(path):
    diffs = differences(jupytext.read(path), jupytext.read(path.with_suffix(".py")))
    assert not diffs, (f"{path.name} and its .py twin are out of sync "
                       f"(run `jupytext --sync {path.relative_to(ROOT)}`):\n"
                       + "\n".join(diffs[:10]))


@pytest.mark.parametrize("path", IPYNB, ids=lambda p: p.stem)
def test_jupytext_itself_sees_the_pair_equal(path):
    from jupytext.compare import compare_notebooks
    compare_notebooks(jupytext.read(path.with_suffix(".py")), jupytext.read(path),
                      fmt="py:percent")


def test_the_check_catches_edits_on_either_side(tmp_path):
    nb = jupytext.read(IPYNB[0])
    twin_text = IPYNB[0].with_suffix(".py").read_text(encoding="utf-8")
    code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")

    edited = tmp_path / "edited.py"       # a line changed in the .py only
    edited.write_text(twin_text.replace('CORPUS = "../seeds"', 'CORPUS = "elsewhere"', 1),
                      encoding="utf-8")
    assert differences(nb, jupytext.read(edited))

    retagged = jupytext.reads(twin_text, fmt="py:percent")   # a tag dropped
    first_tagged = next(c for c in retagged.cells if c.metadata.get("tags"))
    first_tagged.metadata["tags"] = []
    assert differences(nb, retagged)

    shorter = jupytext.reads(twin_text, fmt="py:percent")    # a cell removed
    del shorter.cells[code]
    assert differences(nb, shorter)

    assert not differences(nb, jupytext.reads(twin_text, fmt="py:percent"))


def test_pytest_never_collects_the_twins_as_test_modules():
    """`pytest notebooks/0*` names the .py twins on the command line: nothing of them may
    be imported or run (notebooks/conftest.py)."""
    r = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                        "-p", "no:cacheprovider", *map(str, TWINS)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "error" not in r.stdout.lower(), r.stdout[-2000:]
    assert "no tests collected" in r.stdout, r.stdout[-2000:]
