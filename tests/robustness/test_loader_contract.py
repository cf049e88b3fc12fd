"""The loader's contract, checked on every generated case of ``tests/robustness/test_loader*``.

:func:`check` loads a generated file or folder and asserts: no exception but a one-line
:class:`NewslabError`; every input unit (article or bad row) is an article or a skipped row
with a reason; each article's text is exactly the text the file holds (after the documented
paragraph rule: lines stripped, blank lines dropped), nothing inserted; the whole load and
the streamed batches give identical tables; the tables can be written to Parquet (the
pipeline's format). Cases are small and fast; big ones are in
``benchmarks/bench_robustness_loader.py``.
"""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from newslab import NewslabError
from newslab.load import batches, read_corpus, walk


def paragraph_rule(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(p.strip() for p in lines if p.strip())


def load(path, **kw):
    """``read_corpus`` without the no-articles error and with warnings recorded."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = read_corpus(path, require_articles=False, **kw)
    res.warnings = [str(w.message) for w in caught]
    return res


def check(path, *, units: int, texts=None, skipped: int | None = None, repairs_ok=False,
          **kw):
    """Assert the contract (see the module docstring); return the load result."""
    res = load(path, **kw)
    a, s = res.articles, res.skipped
    assert len(a) + len(s) == units, (len(a), s.to_dict("records"))
    if skipped is not None:
        assert len(s) == skipped, s.to_dict("records")
    assert all(isinstance(r, str) and r for r in s["reason"]), s.to_dict("records")
    if texts is not None:
        assert sorted(a["text"]) == sorted(paragraph_rule(t) for t in texts)
    if not repairs_ok:
        assert (a["n_repairs"] == 0).all()
    # the streamed path gives the same tables
    files, problems = walk(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        size = 2 if units <= 50 else units // 4  # several batches, a few ms each
        got = list(batches(files, batch_size=size, problems=problems, **kw))
    if got:
        arts = pd.concat([x for _, x, _ in got], ignore_index=True)
        skips = pd.concat([y for _, _, y in got], ignore_index=True)
        pd.testing.assert_frame_equal(arts, a)
        pd.testing.assert_frame_equal(skips, s)
    # everything can be written as the pipeline writes it
    for df in (a, s):
        df.to_parquet(io.BytesIO())
    json.dumps(s.to_dict("records"))
    return res


def texts_of(res) -> list[str]:
    return res.articles["text"].tolist()


# --- the checker itself fails on a broken contract ---------------------------------------


def test_check_notices_a_lost_unit(tmp_path):
    (tmp_path / "a.txt").write_text("T\nBody.\n")
    with pytest.raises(AssertionError):
        check(tmp_path, units=2)


def test_check_notices_changed_text(tmp_path):
    (tmp_path / "a.txt").write_text("T\nBody.\n")
    with pytest.raises(AssertionError):
        check(tmp_path, units=1, texts=["Other body."])


def test_missing_path_is_one_line_error(tmp_path):
    with pytest.raises(NewslabError, match="does not exist"):
        load(tmp_path / "nope")


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
