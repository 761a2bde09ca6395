"""narrative_copied: an achieved text (хүрсэн түвшин) at least 80 % the same as the same
organization's last year, or another organization's same year.

"The same" is the Jaccard similarity of the texts' shingles (runs of three folded words, so
Latin look-alikes, case and spacing do not hide a copy; every number is one and the same
word, so last year's text with this year's figures is still the same text). Candidates come
from MinHash signatures in an LSH index (datasketch), so a text is compared with the few that
may be alike, not with every text of the country; each candidate is then measured exactly on
its shingles, so the figure shown is the true similarity, not an estimate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy
from datasketch import LeanMinHash, MinHash, MinHashLSH

from shudarga.documents.checks.results import Flag
from shudarga.documents.model import Rounding
from shudarga.documents.scoring import round_value
from shudarga.documents.textnorm import fold

SIMILAR = Fraction(8, 10)  # at least 80 % of the shingles shared
MIN_WORDS = 12  # shorter texts ("Хэрэгжээгүй.") are alike by nature, not copied
SHINGLE = 3
NUM_PERM = 128
# The LSH band threshold is the library's float parameter; set below SIMILAR so that texts just
# at 80 % are not lost to the estimate's error; the exact check decides.
_LSH_THRESHOLD = 0.6


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PUNCT = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class TextRef:
    """Where a narrative is: its report, organization, year and measure number; ``name`` is
    the organization's name shown when ``organization`` is its id (the country's check)."""

    report: str
    organization: str
    year: int
    measure: str
    name: str = ""


def shingles(text: str) -> frozenset[str]:
    words = _NUMBER.sub("0", _PUNCT.sub(" ", fold(text))).split()
    if len(words) < MIN_WORDS:
        return frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


# The hashing scheme is pinned: stored signatures are only comparable under the one they had.
_SCHEME = "affine64"


def _signature(parts: frozenset[str]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, scheme=_SCHEME)
    signature.update_batch([p.encode("utf-8") for p in parts])
    return signature


def signature_bytes(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as stored (NUM_PERM little-endian uint64, 1 KiB);
    None for a text too short to be a copy."""
    parts = shingles(text)
    if not parts:
        return None
    return _signature(parts).hashvalues.astype("<u8").tobytes()


def _stored(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=numpy.frombuffer(data, dtype="<u8"), scheme=_SCHEME)


def similarity(text: str, other: str) -> Decimal | None:
    """The exact similarity of two narratives in whole percent (truncated), None below 80 %."""
    mine, theirs = shingles(text), shingles(other)
    if not mine or not theirs:
        return None
    found = Fraction(len(mine & theirs), len(mine | theirs))
    return round_value(found * 100, Rounding.TRUNCATE, 0) if found >= SIMILAR else None


class SignatureIndex:
    """Stored signatures (``signature_bytes``) searchable for candidates: no text is hashed
    again, so the country's narratives of two years are indexed in seconds. The candidates are
    estimates; ``similarity`` on their texts decides."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)

    def add(self, ref: TextRef, signature: bytes) -> None:
        self._lsh.insert(ref, _stored(signature), check_duplication=False)

    def candidates(self, signature: bytes) -> list[TextRef]:
        return self._lsh.query(_stored(signature))


class CopyIndex:
    """Narratives of many reports, searchable for near copies."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._shingles: dict[TextRef, frozenset[str]] = {}
        self._signatures: dict[TextRef, MinHash] = {}

    def __len__(self) -> int:
        return len(self._shingles)

    def add(self, ref: TextRef, text: str) -> None:
        parts = shingles(text)
        if not parts or ref in self._shingles:
            return
        signature = _signature(parts)
        self._lsh.insert(ref, signature)
        self._shingles[ref] = parts
        self._signatures[ref] = signature

    def add_all(self, texts: Iterable[tuple[TextRef, str]]) -> None:
        for ref, text in texts:
            self.add(ref, text)

    def similar(self, text: str) -> list[tuple[TextRef, Decimal]]:
        """The indexed narratives at least 80 % the same as ``text``, most alike first."""
        parts = shingles(text)
        if not parts:
            return []
        found = []
        for ref in self._lsh.query(_signature(parts)):
            other = self._shingles[ref]
            similarity = Fraction(len(parts & other), len(parts | other))
            if similarity >= SIMILAR:
                found.append((ref, round_value(similarity * 100, Rounding.TRUNCATE, 0)))
        return sorted(found, key=lambda f: (-f[1], f[0].report, f[0].measure))


def copied_flags(own: TextRef, text: str, index: CopyIndex) -> list[Flag]:
    """The narrative_copied flag of one measure: the most alike of the same organization's
    last year, else of another organization's same year (one flag at most)."""
    return copy_flag(own, index.similar(text))


def copy_flag(own: TextRef, found: list[tuple[TextRef, Decimal]]) -> list[Flag]:
    """Of the narratives ``found`` alike (most alike first), the one to name: the same
    organization's last year before another organization's same year. The flag's params keep
    the other report's id and year, so a page may link it where its reader may see it."""
    last_year = other_org = None
    for ref, similar in found:
        if ref.report == own.report:
            continue
        if ref.organization == own.organization and ref.year == own.year - 1:
            last_year = last_year or (ref, similar)
        elif ref.organization != own.organization and ref.year == own.year:
            other_org = other_org or (ref, similar)
    if last_year is None and other_org is None:
        return []
    ref, similar = last_year or other_org
    params = {
        "other": ref.measure,
        "similarity": str(similar),
        "report": ref.report,
        "year": str(ref.year),
    }
    if last_year is not None:
        return [Flag("narrative_copied", own.measure, params, variant="last_year")]
    params["organization"] = ref.name or ref.organization
    return [Flag("narrative_copied", own.measure, params, variant="other_org")]
