"""newslab.notebook: what every notebook calls (load or stop in one line, charts with alt text)."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from newslab import NewslabError  # noqa: E402
from newslab.notebook import analyze_or_stop, load_or_stop, show  # noqa: E402

from .conftest import SEEDS  # noqa: E402


def test_load_or_stop_reads_a_corpus():
    assert len(load_or_stop(SEEDS)) == 1


@pytest.mark.parametrize("make", ["empty", "only_bad"])
def test_nothing_to_analyse_is_one_line(tmp_path, make):
    if make == "only_bad":
        (tmp_path / "x.csv").write_text("title,body\n")
    with pytest.raises(NewslabError) as e:
        load_or_stop(tmp_path)
    lines = e.value._render_traceback_()
    assert len(lines) == 1 and lines[0].startswith(f"Nothing to analyse in {str(tmp_path)!r}: ")
    with pytest.raises(NewslabError, match="Nothing to analyse"):
        analyze_or_stop(tmp_path / "missing", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_show_displays_the_alt_text(monkeypatch):
    import IPython.display
    import matplotlib.pyplot as plt
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj.data))
    fig, ax = plt.subplots()
    fig.alt_text = "A bar chart of three countries."
    show(ax)
    assert shown == ["*Alt text: A bar chart of three countries.*"]
