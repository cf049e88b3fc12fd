"""Every table the pipeline writes is documented in newslab.schema, column for column."""

import pytest

from newslab import schema
from newslab.pipeline import analyze

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    return analyze(SEEDS, tmp_path_factory.mktemp("run"), jobs=1, quiet=True)


def test_every_written_table_is_documented(seed_run):
    undocumented = sorted(set(seed_run.tables) - set(schema.TABLES))
    assert not undocumented, f"tables missing from newslab.schema.TABLES: {undocumented}"


def test_documented_columns_match_what_is_written(seed_run):
    for name in seed_run.tables:
        assert list(seed_run.tables[name].columns) == schema.columns(name), name


def test_core_tables_are_written(seed_run):
    assert {"articles", "skipped", "sentences", "tokens", "mentions", "sentence_sentiment",
            "stance", "keywords"} <= set(seed_run.tables)


def test_describe_lists_every_column():
    for name in schema.TABLES:
        text = schema.describe(name)
        assert all(col in text for col in schema.columns(name))


def test_documented_dtypes_match_what_is_written(seed_run):
    wrong = {}
    for name in seed_run.tables:
        got = {c: str(t) for c, t in seed_run.tables[name].dtypes.items()}
        want = schema.dtypes(name)
        diff = {c: (got.get(c), want.get(c)) for c in {*got, *want} if got.get(c) != want.get(c)}
        if diff:
            wrong[name] = diff
    assert not wrong, f"(written, documented) dtypes differ: {wrong}"


def test_empty_and_cast_follow_the_dtypes():
    import pandas as pd
    e = schema.empty("skipped")
    assert list(e.columns) == ["path", "line", "reason"] and str(e["line"].dtype) == "Int64"
    df = pd.DataFrame({"path": ["a"], "line": [3.0], "reason": ["x"]})
    assert str(schema.cast(df, "skipped")["line"].dtype) == "Int64"
    t = schema.cast(pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [1, None]}),
                    "tokens")
    assert str(t["sentence_id"].dtype) == "Int64"  # gaps: nullable, not a failure


def test_grouped_tables_are_described():
    cols = schema.columns("country_stance_by_author")
    assert cols[0] == "author" and cols[1:] == schema.columns("country_stance")
    with pytest.raises(KeyError):
        schema.columns("no_such_table")


def test_nl_schema_works_as_the_readme_shows():
    import newslab as nl
    text = nl.schema.describe("tokens")
    assert "token_id" in text and "the token as written" in text
    assert "bool" in nl.schema.describe("tokens", types=True)


def test_data_dictionary_beside_the_tables(seed_run):
    text = (seed_run.out / "README.md").read_text()
    for name in seed_run.tables:
        assert f"## {name} (" in text
        for col in schema.columns(name):
            assert f"`{col}`" in text
    assert "95%" in text and "gdelt_tone" in text and "-100 to +100" in text


_COLUMN_LIST = __import__("re").compile(r"^\s*[A-Z_]*_COLUMNS\s*=\s*[\[(]", __import__("re").M)


def test_no_module_keeps_its_own_column_list():
    """Every table's columns come from newslab.schema: no ``*_COLUMNS = [...]`` elsewhere."""
    from pathlib import Path
    root = Path(schema.__file__).parent
    offenders = [f"{p.relative_to(root)}:{text[:m.start()].count(chr(10)) + 1}"
                 for p in sorted(root.rglob("*.py")) if p.name != "schema.py"
                 for text in [p.read_text()] for m in _COLUMN_LIST.finditer(text)]
    assert not offenders, offenders


def test_a_column_may_carry_its_type(monkeypatch):
    monkeypatch.setitem(schema.TABLES, "demo", {"article_id": "the article",
                                                "n": ("a count", "int"), "x": ("a share", "float")})
    assert schema.dtypes("demo") == {"article_id": "object", "n": "int64", "x": "float64"}
    assert schema.describe("demo").splitlines()[1].split(None, 1) == ["n", "a count"]
    assert "| `n` | int | a count |" in schema.data_dictionary(["demo"])
    assert schema.dtypes("demo_by_outlet")["n"] == "int64"
