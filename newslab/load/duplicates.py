"""Ids and duplicates across a whole corpus, in input order.

An article's id is the input's id, else a hash of its URL, title and text; a repeated id
gets ``-2``, ``-3``, ... An article whose URL or text was seen before is flagged with the
first one's id in ``duplicate_of`` (flagged, never dropped). Only 8-byte digests are kept,
not the strings, so that memory stays small on a million-article corpus.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def _digest(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "big")


@dataclass
class State:
    """Book-keeping across files and batches."""

    seen_ids: set = field(default_factory=set)
    first_by_url: dict = field(default_factory=dict)
    first_by_text: dict = field(default_factory=dict)

    def assign(self, aid: str, url: str | None, text: str) -> tuple[str, str | None]:
        """``(unique id, duplicate_of)`` for the next article."""
        aid = str(aid)
        base, k = aid, 2
        while aid in self.seen_ids:
            aid = f"{base}-{k}"
            k += 1
        self.seen_ids.add(aid)
        dup = None
        if url:
            dup = self.first_by_url.setdefault(_digest(url), aid)
        first_text = self.first_by_text.setdefault(_digest(text), aid)
        if dup is None or dup == aid:
            dup = first_text
        return aid, (None if dup == aid else dup)
