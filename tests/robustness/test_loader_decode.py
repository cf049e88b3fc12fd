"""Decoding: one bad byte changes one character, never the whole file; the streamed
(line by line) decoding is the same as decoding the file whole."""

from __future__ import annotations

import json

import pytest

from newslab.load import decode_bytes
from newslab.load.decode import iter_lines

from .test_loader_contract import check, write

UTF8 = "Türkiye and Côte d’Ivoire — “quoted”."


def with_bad_byte(fmt: str) -> tuple[bytes, str]:
    """A UTF-8 file with one stray Windows-1252 byte (0x92, a curly apostrophe)."""
    body = UTF8.encode("utf-8") + b" It\x92s here."
    expected = UTF8 + " It\u2019s here."
    if fmt == "txt":
        return b"Title\n" + body + b"\n", expected
    if fmt == "csv":
        return b"title,text\nT,\"" + body + b"\"\n", expected
    return b'{"text": "' + body + b'"}\n', expected


@pytest.mark.parametrize("fmt", ["txt", "csv", "jsonl"])
def test_one_bad_byte_changes_one_character(tmp_path, fmt):
    data, expected = with_bad_byte(fmt)
    write(tmp_path / f"a.{fmt}", data)
    check(tmp_path, units=1, texts=[expected])


@pytest.mark.parametrize("fmt", ["txt", "csv", "jsonl"])
def test_bad_byte_in_one_row_leaves_the_other_rows_alone(tmp_path, fmt):
    if fmt == "txt":
        write(tmp_path / "a.txt", "T\n" + UTF8 + "\n")
        write(tmp_path / "b.txt", b"T\nCaf\xe9.\n")
        texts = [UTF8, "Café."]
    elif fmt == "csv":
        write(tmp_path / "a.csv", ("text\n" + UTF8 + "\n").encode() + b"Caf\xe9.\n")
        texts = [UTF8, "Café."]
    else:
        write(tmp_path / "a.jsonl", (json.dumps({"text": UTF8}, ensure_ascii=False) + "\n")
              .encode() + b'{"text": "Caf\xe9."}\n')
        texts = [UTF8, "Café."]
    check(tmp_path, units=2, texts=texts)


ENCODINGS = [
    ("cp1252", "“Quoted” — text, naïve."), ("latin-1", "Señor café, ¿qué?"),
    ("utf-8-sig", UTF8), ("utf-16", UTF8), ("utf-16-le-bom", UTF8), ("utf-16-be-bom", UTF8),
]


@pytest.mark.parametrize("enc,text", ENCODINGS, ids=[e[0] for e in ENCODINGS])
@pytest.mark.parametrize("fmt", ["txt", "csv", "jsonl"])
def test_whole_file_encodings(tmp_path, enc, text, fmt):
    content = {"txt": f"Title\n{text}\n", "csv": f"title,text\nT,\"{text}\"\n",
               "jsonl": json.dumps({"text": text}, ensure_ascii=False) + "\n"}[fmt]
    if enc == "utf-16-le-bom":
        data = b"\xff\xfe" + content.encode("utf-16-le")
    elif enc == "utf-16-be-bom":
        data = b"\xfe\xff" + content.encode("utf-16-be")
    else:
        data = content.encode(enc)
    write(tmp_path / f"a.{fmt}", data)
    check(tmp_path, units=1, texts=[text])


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_line_endings(tmp_path, ending):
    write(tmp_path / "a.txt", ending.join(["Title", "20211130", "https://a.org/x", "One.",
                                           "Two.", ""]).encode())
    a = check(tmp_path, units=1, texts=["One.\nTwo."]).articles
    assert a.url[0] == "https://a.org/x"


SAMPLES = [b"plain ascii\nlines\n", "Türkiye\n".encode() + b"\x92bad\xe9\n\x81\x8d\n",
           b"\xef\xbb\xbfbom first\r\nthen crlf\r\n", b"mac\rold\rstyle\r",
           b"no final newline \xc3\xa9", b"split \xe2\x80\n\x94 sequence\n"]


@pytest.mark.parametrize("data", SAMPLES, ids=range(len(SAMPLES)))
def test_streamed_decoding_equals_whole_file_decoding(tmp_path, data):
    p = write(tmp_path / "a.txt", data)
    whole, why = decode_bytes(data)
    assert why == ""
    assert "".join(line for line, _ in iter_lines(p)) == whole


def test_a_truncated_utf8_sequence_is_one_character_each(tmp_path):
    text, _ = decode_bytes(b"ok \xe2\x80 end")
    assert text == "ok \u00e2\u20ac end"


def test_bad_utf16_is_reported(tmp_path):
    write(tmp_path / "a.txt", b"\xff\xfe" + "Title\nBody\n".encode("utf-16-le") + b"\x00\xd8")
    res = check(tmp_path, units=1, skipped=1)
    assert "UTF-16" in res.skipped.reason[0]


@pytest.mark.parametrize("data,reason", [(b"\x00\x01\x02" * 50, "binary file (NUL bytes)"),
                                         (bytes(range(1, 32)) * 20, "binary file (control")])
def test_binary_files_are_reported(tmp_path, data, reason):
    write(tmp_path / "a.csv", data)
    assert check(tmp_path, units=1, skipped=1).skipped.reason[0].startswith(reason)
