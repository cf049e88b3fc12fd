"""Grouping keys and cluster-bootstrap intervals (newslab.groups, newslab.stats)."""

import numpy as np
import pandas as pd
import pytest

from newslab import groups, stats
from newslab.errors import NewslabError


def _articles():
    return pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                         "date": pd.to_datetime(["2021-01-05", None, "2021-02-01", "2021-02-03"]),
                         "outlet": ["x", None, "", "y"],
                         "duplicate_of": [None, None, None, "a"]})


def test_periods_and_columns():
    arts = _articles()
    assert groups.group_table(arts, "month").to_dict("list") == {
        "article_id": ["a", "c", "d"], "month": ["2021-01", "2021-02", "2021-02"]}
    assert groups.group_table(arts, "outlet")["outlet"].tolist() == ["x", "y"]
    with pytest.raises(NewslabError, match="no column 'section'"):
        groups.group_table(arts, "section")
    with pytest.raises(NewslabError):
        groups.check_keys(["outlet; drop"])
    assert groups.check_keys("outlet") == ["outlet"]


def test_duplicates_left_out_by_default():
    arts = _articles()
    assert groups.aggregate_articles(arts)["article_id"].tolist() == ["a", "b", "c"]
    assert len(groups.aggregate_articles(arts, duplicates=True)) == 4


def test_cluster_bootstrap_is_wider_than_mention_bootstrap():
    # ten articles, each repeating its own value five times: the mention-level spread
    # understates the uncertainty, the article-level one does not
    rng = np.random.default_rng(1)
    per_article = rng.normal(0, 1, 10)
    values = np.repeat(per_article, 5)
    clusters = np.repeat(np.arange(10), 5)
    mean, lo, hi = stats.cluster_bootstrap(values, clusters)
    naive = stats.cluster_bootstrap(values, np.arange(50))
    assert mean == pytest.approx(values.mean())
    assert (hi - lo) > 1.5 * (naive[2] - naive[1])
    assert stats.cluster_bootstrap(values, clusters) == (mean, lo, hi)  # seeded


def test_grouped_matches_single_and_labels():
    df = pd.DataFrame({"iso3": ["USA"] * 5 + ["RUS"] * 3,
                       "article_id": list("aabcd") + list("xyz"),
                       "score": [1, .5, 0, -1, .2, -1, -.5, -.2]})
    g = stats.grouped_cluster_bootstrap(df, ["iso3"], "score")
    assert g["iso3"].tolist() == ["RUS", "USA"]
    assert g["n"].tolist() == [3, 5] and g["n_clusters"].tolist() == [3, 4]
    assert g["mean"].iloc[1] == pytest.approx(0.14)
    assert stats.interval_label(0.1, -0.1, 0.3, 5) == "uncertain"
    assert stats.interval_label(-0.5, -0.8, -0.2, 5) == "negative"
    assert stats.interval_label(-0.5, -0.8, -0.2, 2) == "uncertain"   # too few articles
    assert list(stats.interval_label([0.4, 0.01], [0.2, -0.02], [0.6, 0.03], [9, 9],
                                     threshold=0.05)) == ["positive", "neutral"]


def test_a_groups_interval_does_not_depend_on_the_other_groups():
    df = pd.DataFrame({"iso3": ["USA"] * 5 + ["RUS"] * 3,
                       "article_id": list("aabcd") + list("xyz"),
                       "score": [1, .5, 0, -1, .2, -1, -.5, -.2]})
    both = stats.grouped_cluster_bootstrap(df, ["iso3"], "score").set_index("iso3")
    alone = stats.grouped_cluster_bootstrap(df[df["iso3"] == "USA"], ["iso3"], "score")
    assert alone.set_index("iso3").loc["USA"].equals(both.loc["USA"])
    single = stats.cluster_bootstrap(df["score"][:5], df["article_id"][:5])
    assert single == pytest.approx(tuple(both.loc["USA", ["mean", "ci_low", "ci_high"]]))
