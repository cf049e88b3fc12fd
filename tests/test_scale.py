"""``newslab analyze --engine dask``: the same batches on a Dask cluster give the same tables,
which pandas and Dask read back from the Parquet parts."""

import pandas as pd
import pytest

from newslab.errors import NewslabError
from newslab.pipeline import read_table

from .conftest import SEEDS
from .test_pipeline import all_tables, assert_same_tables, make_corpus, with_test_stage  # noqa
from .test_pipeline import run as analyze

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    """A small in-process Dask cluster on loopback (one worker, two threads)."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp", host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as c:
        yield c


def test_dask_engine_matches_processes(tmp_path, cluster, with_test_stage):
    n, n_bad = make_corpus(tmp_path / "c")
    analyze(tmp_path / "c", tmp_path / "p", jobs=2, batch_size=4, quiet=True)
    res = analyze(tmp_path / "c", tmp_path / "d", engine="dask",
                  scheduler=cluster.scheduler_address, batch_size=4, quiet=True)
    assert res.n_batches == 6
    assert res.counts["articles"] + res.counts["skipped"] == n + n_bad
    assert_same_tables(all_tables(tmp_path / "p"), all_tables(tmp_path / "d"))


def test_dask_reads_the_parts_back(tmp_path, cluster, with_test_stage):
    import dask
    import dask.dataframe as dd
    make_corpus(tmp_path / "c", bad=False)
    analyze(tmp_path / "c", tmp_path / "d", engine="dask",
            scheduler=cluster.scheduler_address, batch_size=4)
    for name in ("tokens", "flags"):
        pdf = read_table(tmp_path / "d", name)
        with dask.config.set({"dataframe.convert-string": False}):
            ddf = dd.read_parquet(tmp_path / "d" / name)
        assert ddf.npartitions == 6
        got = ddf.compute(scheduler="synchronous").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, pdf, check_dtype=False)


def test_dask_resume(tmp_path, cluster, with_test_stage):
    make_corpus(tmp_path / "c", bad=False)
    analyze(tmp_path / "c", tmp_path / "d", jobs=1, batch_size=4, quiet=True)
    res = analyze(tmp_path / "c", tmp_path / "d", engine="dask", batch_size=4,
                  scheduler=cluster.scheduler_address, resume=True, quiet=True)
    assert res.n_batches_resumed == res.n_batches == 6


def test_dask_local_cluster(tmp_path, with_test_stage):
    """No --scheduler: a LocalCluster of worker processes on 127.0.0.1, closed afterwards."""
    make_corpus(tmp_path / "c", n=10, bad=False)
    res = analyze(tmp_path / "c", tmp_path / "d", engine="dask", jobs=1, batch_size=5,
                  quiet=True)
    ref = analyze(tmp_path / "c", tmp_path / "p", jobs=1, batch_size=5, quiet=True)
    assert res.counts == ref.counts
    assert_same_tables(all_tables(tmp_path / "p"), all_tables(tmp_path / "d"))


def test_unreachable_scheduler_is_one_line(tmp_path):
    import dask
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(NewslabError, match="cannot reach the Dask scheduler"):
            analyze(SEEDS, tmp_path / "o", engine="dask", scheduler="tcp://127.0.0.1:9",
                    quiet=True)
