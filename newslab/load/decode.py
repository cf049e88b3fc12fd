"""Bytes to text, by one set of rules for a whole file and for a file read in pieces.

The rules, in order:

1. A UTF-16 byte-order mark: the file is UTF-16 (a bad sequence makes the rest unreadable).
2. NUL bytes, or more than 5% control characters, in the first 8 KiB: a binary file.
3. Otherwise UTF-8 (a UTF-8 BOM is dropped), and only the bytes that are not valid UTF-8 are
   read as Windows-1252 (the five bytes Windows-1252 leaves undefined as Latin-1). One stray
   byte changes one character, never the rest of the file: "Türkiye" in UTF-8 stays
   "Türkiye" next to a Windows-1252 curly quote.
4. Line ends ``\\r\\n`` and ``\\r`` become ``\\n``.

Rule 3 works byte sequence by byte sequence, so decoding a file whole or line by line (as
:func:`iter_lines` does, for files of any size) gives the same text.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import Iterator

#: The name of the codec error handler that reads invalid UTF-8 bytes as Windows-1252.
ERRORS = "newslab-cp1252"
HEAD_BYTES = 8192
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _cp1252_byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: undefined in Windows-1252
        return chr(b)


_CP1252 = [_cp1252_byte(b) for b in range(256)]


def _fallback(err: UnicodeError):
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start:err.end]
    return "".join(_CP1252[b] for b in bad), err.end


codecs.register_error(ERRORS, _fallback)


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file say it is not text, or None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    head = head[:HEAD_BYTES]
    if b"\x00" in head:
        return "binary file (NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls > 0.05 * len(head):
        return "binary file (control characters)"
    return None


def decode_text(data: bytes) -> str:
    """Rule 3 and 4 on a piece of a (non-UTF-16) file: UTF-8, Windows-1252 byte by byte."""
    text = data.decode("utf-8", errors=ERRORS)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode a whole file's bytes: ``(text, "")`` or ``(None, reason)`` (see the rules)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, "undecodable: bad UTF-16"
        return text.replace("\r\n", "\n").replace("\r", "\n"), ""
    why = binary_reason(data[:HEAD_BYTES])
    if why:
        return None, why
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    return decode_text(data), ""


class FileProblem(Exception):
    """A whole file cannot be used; the message is the reason recorded in ``skipped``."""


def iter_lines(path: Path) -> Iterator[tuple[str, int]]:
    """``(line, bytes read so far)`` for each line of a text file, ``\\n`` kept at the end.

    Raises :class:`FileProblem` for a binary file or bad UTF-16. Memory stays at one line.
    """
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
        why = binary_reason(head)
        if why:
            raise FileProblem(why)
        fh.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            reader = io.TextIOWrapper(fh, encoding="utf-16", errors="strict", newline=None)
            try:
                for line in reader:
                    yield line, fh.tell()
            except UnicodeDecodeError:
                raise FileProblem("undecodable: bad UTF-16") from None
            return
        pos = 0
        for raw in fh:
            if pos == 0 and raw.startswith(codecs.BOM_UTF8):
                pos, raw = 3, raw[3:]
            pos += len(raw)
            text = decode_text(raw)
            if "\n" in text[:-1]:  # "\r" line ends (old Mac files) inside one raw line
                parts = text.split("\n")
                for p in parts[:-1]:
                    yield p + "\n", pos
                if parts[-1]:
                    yield parts[-1], pos
            else:
                yield text, pos
