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
