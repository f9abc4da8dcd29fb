"""Near-duplicate articles (agency copies across outlets) by MinHash and LSH.

An outlet that runs an agency story adds a headline and trims a paragraph; word
shingles still overlap almost entirely, so the Jaccard similarity of the shingle sets,
estimated by MinHash, finds the copy, and LSH finds candidates without comparing every
pair.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from lagebild.settings import DUPLICATE_SHINGLE_WORDS, DUPLICATE_SIMILARITY, MINHASH_PERMUTATIONS

_WORD = re.compile(r"\w+")


class NearDuplicates:
    """An index of the articles seen so far; `original_of` asks it about the next one."""

    def __init__(self, similarity: float = DUPLICATE_SIMILARITY, permutations: int = MINHASH_PERMUTATIONS) -> None:
        self._permutations = permutations
        self._lsh = MinHashLSH(threshold=similarity, num_perm=permutations)
        self._signatures: dict[str, MinHash] = {}
        self._similarity = similarity

    def add(self, record_id: str, text: str) -> None:
        """Index an article as an original (one already stored, say)."""
        if record_id not in self._signatures and (signature := self._signature(text)) is not None:
            self._register(record_id, signature)

    def original_of(self, record_id: str, text: str) -> str | None:
        """The id of an earlier, different article that this one nearly copies, else None
        (and from then on this article is an original that later ones may copy)."""
        signature = self._signature(text)
        if signature is None or record_id in self._signatures:
            return None
        # LSH candidates can be false positives; the estimated similarity decides.
        matches = [
            (self._signatures[candidate].jaccard(signature), candidate) for candidate in self._lsh.query(signature)
        ]
        best = max(matches, default=None)
        if best is not None and best[0] >= self._similarity:
            return best[1]
        self._register(record_id, signature)
        return None

    def _register(self, record_id: str, signature: MinHash) -> None:
        self._signatures[record_id] = signature
        self._lsh.insert(record_id, signature)

    def _signature(self, text: str) -> MinHash | None:
        words = _WORD.findall(text.lower())
        if len(words) < DUPLICATE_SHINGLE_WORDS:
            return None
        shingles = {
            " ".join(words[start : start + DUPLICATE_SHINGLE_WORDS]).encode("utf-8")
            for start in range(len(words) - DUPLICATE_SHINGLE_WORDS + 1)
        }
        signature = MinHash(num_perm=self._permutations)
        signature.update_batch(shingles)
        return signature
