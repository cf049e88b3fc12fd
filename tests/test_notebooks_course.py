"""The notebooks as a course: each opens with its question and learning objectives, ends with
exercises and worked solutions (solutions collapsed in JupyterLab), a glossary and a reading
list; none speaks of internal matters, and no stored output holds text from ../shared."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
INTERNAL = re.compile(r"\bthe issue\b|\bissue \d+|\bengineer\b|\bbranch\b", re.I)


def read(path):
    return nbformat.read(path, as_version=4)


def tagged(nb, tag):
    return [c for c in nb.cells if tag in c.metadata.get("tags", [])]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_opens_with_question_and_objectives(path):
    head = read(path).cells[0]
    assert head.cell_type == "markdown"
    assert "**Question.**" in head.source
    assert "**After this notebook you can**" in head.source
    assert len(re.findall(r"^- ", head.source, re.M)) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercises_with_collapsed_worked_solutions(path):
    nb = read(path)
    ex, sol = tagged(nb, "exercise"), tagged(nb, "solution")
    assert 2 <= len(ex) <= 4 and len(sol) == len(ex)
    for c in ex:
        assert c.cell_type == "markdown" and "**Exercise" in c.source
    for c in sol:
        assert c.cell_type == "code" and c.source.strip()
        assert c.metadata.get("jupyter", {}).get("source_hidden") is True
        assert c.get("outputs"), "a worked solution shows its result"
    # each exercise is followed by its solution
    idx = {id(c): i for i, c in enumerate(nb.cells)}
    for e, s in zip(ex, sol):
        assert idx[id(s)] == idx[id(e)] + 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_ends_with_glossary_and_reading_list(path):
    text = "\n".join(c.source for c in read(path).cells if c.cell_type == "markdown")
    assert "## Glossary" in text and "## Reading list" in text
    glossary = text.split("## Glossary")[1].split("## Reading list")[0]
    assert len(re.findall(r"^- \*\*", glossary, re.M)) >= 6
    reading = text.split("## Reading list")[1]
    assert len(re.findall(r"^- .*\(\d{4}\)", reading, re.M)) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_internal_matters(path):
    nb = read(path)
    for c in nb.cells:
        m = INTERNAL.search(c.source)
        assert m is None, f"cell mentions {m.group(0)!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_outputs_come_from_the_seed_only(path):
    """The stored outputs are the default CORPUS's; nothing from ../shared is stored."""
    nb = read(path)
    params = tagged(nb, "parameters")
    assert len(params) == 1 and 'CORPUS = "../seeds"' in params[0].source
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    import json
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])   # sources may cite paths
    assert "shared/" not in outputs and "official_statements" not in outputs
    assert "ag_news" not in outputs and "kremlin" not in outputs.lower()


def test_solution_cells_are_hidden_in_the_twins_too():
    for path in NOTEBOOKS:
        twin = path.with_suffix(".py").read_text(encoding="utf-8")
        n = len(tagged(read(path), "solution"))
        assert twin.count('tags=["solution"] jupyter={"source_hidden": true}') == n
