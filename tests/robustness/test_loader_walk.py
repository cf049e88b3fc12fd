"""The folder walk: every folder, entry, symlink and name it cannot read or follow is a
skipped row, never silently dropped; file names that are not UTF-8 load like the rest."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from newslab.load import walk

from .test_loader_contract import check, write

BODY = "T\n20211130\nBody {k}.\n"


def tree(root: Path, n=3):
    for k in range(n):
        write(root / f"d{k}" / f"f{k}.txt", BODY.format(k=k))
    return root


# --- symlinks -----------------------------------------------------------------------------


def test_a_symlink_loop_is_reported_not_followed(tmp_path):
    tree(tmp_path)
    os.symlink(tmp_path, tmp_path / "d0" / "loop")
    res = check(tmp_path, units=4, texts=[f"Body {k}." for k in range(3)], skipped=1)
    assert "symlink" in res.skipped.reason[0] and res.skipped.path[0].endswith("loop")


def test_a_second_path_to_a_folder_is_reported(tmp_path):
    tree(tmp_path)
    os.symlink(tmp_path / "d1", tmp_path / "alias")
    res = check(tmp_path, units=4, skipped=1)
    assert res.articles.path.str.contains("/d1/").sum() == 1  # read under its real path


def test_a_folder_symlink_to_elsewhere_is_followed(tmp_path):
    tree(tmp_path / "corpus")
    write(tmp_path / "other" / "x.txt", BODY.format(k="x"))
    os.symlink(tmp_path / "other", tmp_path / "corpus" / "linked")
    res = check(tmp_path / "corpus", units=4, skipped=0)
    assert res.articles.source.tolist().count("linked") == 1


def test_a_broken_symlink_is_reported(tmp_path):
    tree(tmp_path)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    res = check(tmp_path, units=4, skipped=1)
    assert res.skipped.reason[0] == "broken symlink"


def test_a_file_symlink_is_read(tmp_path):
    write(tmp_path / "elsewhere" / "x.txt", BODY.format(k=1))
    (tmp_path / "c").mkdir()
    os.symlink(tmp_path / "elsewhere" / "x.txt", tmp_path / "c" / "x.txt")
    check(tmp_path / "c", units=1, texts=["Body 1."])


def test_a_fifo_is_reported_and_never_opened(tmp_path):
    tree(tmp_path, 1)
    os.mkfifo(tmp_path / "pipe.txt")
    res = check(tmp_path, units=2, skipped=1)
    assert "not a regular file" in res.skipped.reason[0]


def test_excluded_folders_are_left_out(tmp_path):
    tree(tmp_path)
    files, problems = walk(tmp_path, exclude=[tmp_path / "d1"])
    assert [f.name for f in files] == ["f0.txt", "f2.txt"] and problems == []


def test_hidden_entries_are_left_out_on_purpose(tmp_path):
    tree(tmp_path, 1)
    write(tmp_path / ".git" / "x.txt", BODY.format(k=9))
    write(tmp_path / ".hidden.txt", BODY.format(k=9))
    check(tmp_path, units=1, texts=["Body 0."])


# --- names --------------------------------------------------------------------------------

NAMES = [b"\xff\xfe.txt", b"caf\xe9.txt", b"\x80\x81\x82.txt", b"ok-\xc3\xa9.txt",
         b"new\nline.txt", b"sp ace  .txt", b"-dash.txt", b"per%cent\\back.txt",
         b"\xe2\x80\x8bzero-width.txt", b"x" * 251 + b".txt"]


@pytest.mark.parametrize("name", NAMES, ids=[repr(n)[:20] for n in NAMES])
def test_any_file_name_loads(tmp_path, name):
    write(tmp_path / "good.txt", BODY.format(k=0))
    p = os.path.join(os.fsencode(tmp_path), name)
    with open(p, "wb") as fh:
        fh.write(BODY.format(k=1).encode())
    res = check(tmp_path, units=2, texts=["Body 0.", "Body 1."])
    for path in res.articles.path:
        path.encode("utf-8")  # printable, writable to Parquet
    if b"\xff" in name or b"\xe9" in name:
        assert any("\\x" in p for p in res.articles.path)


def test_a_folder_name_that_is_not_utf8(tmp_path):
    d = os.path.join(os.fsencode(tmp_path), b"outlet-\xe9")
    os.mkdir(d)
    with open(os.path.join(d, b"a.txt"), "wb") as fh:
        fh.write(BODY.format(k=1).encode())
    a = check(tmp_path, units=1, texts=["Body 1."]).articles
    assert a.source[0] == "outlet-\\xe9" and a.outlet[0] == "outlet-\\xe9"


def _deep(root: Path, depth_bytes=4200) -> int:
    """A folder chain longer than PATH_MAX, made with directory descriptors."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    n, name = 0, "d" * 200
    try:
        while n < depth_bytes:
            os.mkdir(name, dir_fd=fd)
            nfd = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd, n = nfd, n + len(name) + 1
        f = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(f, BODY.format(k="deep").encode())
        os.close(f)
    finally:
        os.close(fd)
    return n


def test_a_path_longer_than_the_system_limit_is_reported(tmp_path):
    tree(tmp_path, 2)
    _deep(tmp_path)
    res = check(tmp_path, units=3, texts=["Body 0.", "Body 1."], skipped=1)
    assert "too long" in res.skipped.reason[0]


# --- permissions (as an unprivileged user: root reads everything) -------------------------

UNPRIVILEGED = 65534


def _as_user(folder: Path) -> dict:
    """The loader's accounting of ``folder`` as an unprivileged user (root reads anything:
    as root, the effective uid is switched for the call and back)."""
    import dateutil.parser  # noqa: F401 - imported before the switch
    import pyarrow.parquet  # noqa: F401
    from newslab.load import read_corpus
    switched = False
    if os.geteuid() == 0:
        os.setegid(UNPRIVILEGED)
        os.seteuid(UNPRIVILEGED)
        switched = True
    try:
        r = read_corpus(folder, require_articles=False)
    finally:
        if switched:
            os.seteuid(0)
            os.setegid(0)
    return {"texts": r.articles.text.tolist(), "skipped": r.skipped.to_dict("records")}


@pytest.fixture
def open_tmp():
    d = Path(tempfile.mkdtemp(prefix="newslab-perm-"))
    d.chmod(0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        try:
            p.chmod(0o755)
        except OSError:
            pass
    import shutil
    shutil.rmtree(d, ignore_errors=True)


@pytest.mark.parametrize("mode,reason", [(0o000, "folder could not be read"),
                                         (0o300, "folder could not be read"),
                                         (0o444, "could not be examined")])
def test_unreadable_or_unsearchable_folders_are_reported(open_tmp, mode, reason):
    tree(open_tmp, 2)
    for p in open_tmp.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    (open_tmp / "d1").chmod(mode)
    got = _as_user(open_tmp)
    assert got["texts"] == ["Body 0."]
    assert len(got["skipped"]) == 1 and got["skipped"][0]["reason"].startswith(reason)


def test_an_unreadable_file_is_reported(open_tmp):
    tree(open_tmp, 2)
    for p in open_tmp.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    (open_tmp / "d1" / "f1.txt").chmod(0o000)
    got = _as_user(open_tmp)
    assert got["texts"] == ["Body 0."]
    assert got["skipped"][0]["reason"] == "could not be read: Permission denied"


def test_an_unreadable_root_is_a_one_line_error(open_tmp):
    from newslab import NewslabError
    tree(open_tmp, 1)
    (open_tmp / "d0").chmod(0o000)
    with pytest.raises(NewslabError, match="no files found .*folder could not be read"):
        _as_user(open_tmp / "d0")
