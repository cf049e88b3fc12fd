"""newslab.plots on small hand-made tables (Agg backend): labels, n on every aggregate, the
one diverging palette, masked heatmap cells, legends off the data, alt text."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newslab import plots  # noqa: E402
from newslab.errors import NewslabError  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def texts(ax):
    return [t.get_text() for t in ax.texts]


def legend_outside(ax):
    """The legend's drawn box lies right of the axes' box: it cannot cover data."""
    leg = ax.get_legend()
    assert leg is not None
    fig = ax.figure
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    return leg.get_window_extent(r).x0 >= ax.get_window_extent(r).x1


COUNTRY_STANCE = pd.DataFrame({
    "iso3": ["RUS", "UKR", "USA"], "country": ["Russia", "Ukraine", "United States"],
    "n_articles": [4, 3, 1], "n_mentions": [10, 6, 2], "mean_score": [-0.5, 0.25, 0.0],
    "ci_low": [-0.7, 0.05, -0.2], "ci_high": [-0.3, 0.45, 0.2]})

DYADS = pd.DataFrame({
    "source_iso3": ["USA", "USA", "RUS", "RUS", "UKR"],
    "target_iso3": ["RUS", "UKR", "USA", "UKR", "UKR"],
    "n_mentions": [5, 1, 4, 2, 9], "mean_score": [-0.6, 0.4, -0.2, -0.8, 0.9]})


def test_palette_is_diverging_red_blue_not_red_green():
    assert plots.DIVERGING == "RdBu"
    lo, mid, hi = plots.diverging_colors([-1, 0, 1])
    assert lo[0] > lo[2] and hi[2] > hi[0]          # red at -1, blue at +1
    assert min(mid[:3]) > 0.9                        # a light neutral middle
    assert abs(lo[1] - lo[2]) < 0.2 or lo[1] < lo[0]  # no green end
    assert hi[1] < hi[2]


def test_country_stance_bars_n_intervals_colours_alt():
    ax = plots.plot_country_stance(COUNTRY_STANCE)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Russia (n=10, 4 art.)"     # most mentioned on top
    assert "United States (n=2, 1 art.)" in labels
    bars = ax.patches
    by_label = dict(zip(labels, bars))
    np.testing.assert_allclose(by_label["Russia (n=10, 4 art.)"].get_facecolor(),
                               plots.diverging_colors([-0.5])[0])
    assert ax.get_xlim() == (-1.0, 1.0)
    assert "interval" in ax.get_xlabel()
    from matplotlib.container import ErrorbarContainer
    err = next(c for c in ax.containers if isinstance(c, ErrorbarContainer))
    segs = err.lines[2][0].get_segments()                   # one interval per country
    assert sorted((round(s[0][0], 2), round(s[1][0], 2)) for s in segs) == [
        (-0.7, -0.3), (-0.2, 0.2), (0.05, 0.45)]
    alt = plots.alt_text(ax)
    assert "Russia -0.50 [-0.70, -0.30], n=10" in alt


def test_country_stance_refuses_per_article_rows():
    rows = pd.concat([COUNTRY_STANCE, COUNTRY_STANCE.iloc[:1]])
    with pytest.raises(NewslabError, match="one row per country"):
        plots.plot_country_stance(rows)


def test_dyads_mask_cells_below_min_n_and_say_so():
    ax = plots.plot_dyads(DYADS, min_n=3)
    im = ax.images[-1]
    assert im.get_cmap().name == "RdBu"
    assert im.get_clim() == (-1.0, 1.0)
    src = [t.get_text() for t in ax.get_yticklabels()]
    tgt = [t.get_text() for t in ax.get_xticklabels()]
    arr = im.get_array()
    cell = {(s, t): arr[i, j] for i, s in enumerate(src) for j, t in enumerate(tgt)}
    assert cell[("USA", "RUS")] == pytest.approx(-0.6)
    assert np.ma.is_masked(cell[("USA", "UKR")])    # n=1 < 3
    assert np.ma.is_masked(cell[("RUS", "UKR")])    # n=2 < 3
    assert "UKR" not in src or ("UKR", "UKR") not in cell or np.ma.is_masked(cell[("UKR", "UKR")])
    t = texts(ax)
    assert "-0.60\nn=5" in t and "n=1" in t and "n=2" in t
    assert "fewer than 3" in ax.get_title(loc="left") and "2 of 4 pairs" in ax.get_title(loc="left")
    assert "2 with fewer are grey" in plots.alt_text(ax)


def test_dyads_min_n_one_colours_everything():
    ax = plots.plot_dyads(DYADS, min_n=1)
    assert np.ma.count(ax.images[-1].get_array()) == 4   # self-pair UKR->UKR left out


def test_over_time_concise_dates_hollow_small_n_legend_outside():
    import matplotlib.dates as mdates
    t = pd.DataFrame({"month": ["2021-11", "2021-12", "2022-01"] * 2,
                      "country": ["Russia"] * 3 + ["Ukraine"] * 3,
                      "n": [10, 2, 8, 5, 5, 5], "mean": [-0.3, -0.1, -0.4, 0.2, 0.1, 0.3],
                      "ci_low": [-0.5, -0.4, -0.6, 0.0, -0.1, 0.1],
                      "ci_high": [-0.1, 0.2, -0.2, 0.4, 0.3, 0.5]})
    ax = plots.plot_over_time(t, time="month", group="country", ylabel="mean stance")
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    assert ax.get_ylabel() == "mean stance"
    labels = [x.get_text() for x in ax.get_legend().get_texts()]
    assert labels == ["Russia (n=20)", "Ukraine (n=15)"]
    assert legend_outside(ax)
    hollow = [c for c in ax.collections if hasattr(c, "get_facecolor")
              and len(c.get_offsets()) and np.allclose(c.get_facecolor()[0][:3], 1)]
    assert len(hollow) == 1 and len(hollow[0].get_offsets()) == 1   # Russia, December: n=2
    assert "2021-11-01 to 2022-01-01" in plots.alt_text(ax)


def test_period_means_cluster_by_article():
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "date": pd.to_datetime(["2021-11-01", "2021-11-20", "2021-12-03",
                                                     None])})
    values = pd.DataFrame({"article_id": ["a", "a", "a", "b", "c", "d"],
                           "score": [1.0, 1.0, 1.0, -1.0, 0.5, 0.9]})
    out = plots.period_means(values, articles, "month", "score")
    assert out["month"].tolist() == ["2021-11", "2021-12"]      # undated article left out
    nov = out.iloc[0]
    assert (nov["n"], nov["n_articles"]) == (4, 2)
    assert nov["mean"] == pytest.approx(0.5)
    assert nov["ci_low"] < nov["mean"] < nov["ci_high"]


def test_period_key_follows_the_span():
    d = lambda *s: pd.DataFrame({"date": pd.to_datetime(list(s))})  # noqa: E731
    assert plots.period_key(d("2021-11-30")) is None
    assert plots.period_key(d(None, None)) is None
    assert plots.period_key(pd.DataFrame({"article_id": ["a"]})) is None
    assert plots.period_key(d("2021-11-01", "2021-11-30")) == "day"
    assert plots.period_key(d("2021-01-01", "2021-09-30")) == "week"
    assert plots.period_key(d("2021-01-01", "2022-12-31")) == "month"


def test_shares_reach_one_with_other_and_n():
    counts = pd.DataFrame({"RUS": [5, 1], "UKR": [3, 3], "USA": [2, 0], "FRA": [0, 4]},
                          index=["a.com", "b.org"])
    ax = plots.plot_shares(counts, top=2)
    widths = np.zeros(2)
    for p in ax.patches:
        widths[int(round(p.get_y() + p.get_height() / 2))] += p.get_width()
    np.testing.assert_allclose(widths, [1, 1])
    assert [x.get_text() for x in ax.get_legend().get_texts()] == ["RUS", "UKR", "other"]
    assert " n=10" in texts(ax) and " n=8" in texts(ax)
    assert legend_outside(ax)
    assert "sums to 1" in plots.alt_text(ax)


def test_counts_and_mentions_annotate_n():
    t = pd.DataFrame({"term": ["said", "russia", "biden"], "n": [9, 12, 4]})
    ax = plots.plot_counts(t, "term", "n", what="words")
    assert [x.get_text() for x in ax.get_yticklabels()] == ["biden", "said", "russia"]
    assert texts(ax) == [" 4", " 9", " 12"]
    assert plots.alt_text(ax).startswith("Bar chart of the 3 most frequent words")
    m = pd.DataFrame({"country": ["Russia"] * 3 + ["Ukraine"],
                      "kind": ["name", "leader", "name", "demonym"]})
    ax = plots.plot_mention_counts(m)
    assert " 3" in texts(ax) and " 1" in texts(ax)
    assert legend_outside(ax)
    assert "4 mentions" in plots.alt_text(ax)


def test_diverging_bars_colour_by_sign():
    t = pd.DataFrame({"term": ["war", "talks", "said"], "score": [3.0, -1.5, 0.0]})
    ax = plots.plot_diverging_bars(t, "term", "score", xlabel="z")
    faces = {lab.get_text(): p.get_facecolor() for lab, p in zip(ax.get_yticklabels(),
                                                                 ax.patches)}
    assert faces["war"][2] > faces["war"][0]          # blue: above 0
    assert faces["talks"][0] > faces["talks"][2]      # red: below 0
    assert "highest: war (+3.00)" in plots.alt_text(ax)


def test_compound_hist_bins_align_with_the_neutral_band():
    bins = plots.compound_bins(-0.05, 0.05)
    assert bins[0] == -1 and bins[-1] == 1
    assert -0.05 in bins and 0.05 in bins and not ((bins > -0.05) & (bins < 0.05)).any()
    ax = plots.plot_compound_hist({"VADER": pd.Series([0.0, 0.0, 0.5, -0.6])}, neg=-0.05,
                                  pos=0.05)
    labels = [x.get_text() for x in ax.get_legend().get_texts()]
    assert "VADER (n=4; 50% exactly 0)" in labels
    assert legend_outside(ax)
    assert "25% negative, 25% positive" in plots.alt_text(ax)
