"""Near-duplicates: syndicated copies, small edits and other boilerplate, found by MinHash/LSH.

Takes an article's text; gives its MinHash signature and the LSH band keys to store, and, given a
DuckDB connection inside the store's write transaction, the stored article it copies. The LSH
index lives in DuckDB (table `article_bands`, one row per band): it persists across runs and a
second ingest writing into the same file sees the first one's articles, which an in-memory index
built at start would not. Signatures are stored beside it (`article_minhash`) so a candidate's
similarity is estimated from the signatures, not by re-reading texts. Choices: docs/design.md.

datasketch is imported on the first signature, not with the module: it loads scipy (about 2 s),
which `dyad events` and the other readers of the store never need.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SCHEME = "minhash.v1"  # shingles, permutations and seed: changing any of them changes every signature
SHINGLE = 3  # words per shingle
NUM_PERM = 128
SEED = 1
PERMUTATION = "affine32"  # datasketch's permutation scheme, named so a later default cannot change stored signatures
LSH_THRESHOLD = 0.3  # Jaccard similarity the LSH bands are tuned to: candidates worth comparing
THRESHOLD = 0.7  # overlap (shared shingles / shingles of the shorter text) at and above which a text is a copy
MIN_SHINGLES = 30  # a shorter text is compared by Jaccard: a one-line lead inside a longer report is no copy
_WORD = re.compile(r"\w+")

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS article_minhash (
        article_id VARCHAR PRIMARY KEY, first_copy VARCHAR, scheme VARCHAR, shingles INTEGER, signature BLOB)""",
    """CREATE TABLE IF NOT EXISTS article_bands (key BIGINT, article_id VARCHAR)""",
    """CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands (key)""",
    """ALTER TABLE articles ADD COLUMN IF NOT EXISTS dup_of VARCHAR""",
    """ALTER TABLE articles ADD COLUMN IF NOT EXISTS dup_similarity DOUBLE""",
]


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash: `values` (NUM_PERM uint64) and how many distinct shingles made it."""

    values: np.ndarray
    shingles: int

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @staticmethod
    def from_bytes(blob: bytes, shingles: int = 0) -> Signature:
        return Signature(np.frombuffer(blob, dtype="<u8"), shingles)

    def jaccard(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.mean(self.values == other.values))

    def overlap(self, other: Signature) -> float:
        """Estimated share of the shorter text's shingles found in the other (containment).

        From Jaccard J and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J). Boilerplate added to a
        copy lowers J but hardly this, and a copy cut short keeps it near 1.

        Texts of fewer than MIN_SHINGLES shingles give their Jaccard similarity instead: two short
        reports in the same formula ("Police arrested 40 protesters in X on Monday") share most
        of their shingles without one being the other.
        """
        if not self.shingles or not other.shingles:
            return 0.0
        j = self.jaccard(other)
        if min(self.shingles, other.shingles) < MIN_SHINGLES:
            return j
        shared = j * (self.shingles + other.shingles) / (1 + j)
        return min(1.0, shared / min(self.shingles, other.shingles))


@dataclass(frozen=True, slots=True)
class Match:
    """The stored first copy an article repeats, with the estimated overlap."""

    first: str
    similarity: float


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word k-shingles of the casefolded text; punctuation and spacing do not count."""
    words = _WORD.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> Signature:
    """The MinHash of a text's shingles (`NUM_PERM` permutations, fixed seed: same text, same signature)."""
    grams = shingles(text)
    minhash = _minhash()
    minhash.update_batch(sorted(grams))
    return Signature(minhash.hashvalues.astype(np.uint64), len(grams))


def _minhash():
    """An empty MinHash sharing the permutations drawn once (drawing them costs more than hashing a text)."""
    from datasketch import MinHash

    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=PERMUTATION).permutations
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=PERMUTATION, permutations=_PERMUTATIONS)


_PERMUTATIONS = None


@lru_cache(maxsize=4)
def bands(threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for the threshold (equal weight to misses and false hits)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(sig: Signature, threshold: float = LSH_THRESHOLD) -> list[int]:
    """One signed 64-bit key per LSH band: two texts share a key when their band's values are all equal."""
    b, r = bands(threshold, len(sig.values))
    keys = []
    for i in range(b):
        digest = hashlib.blake2b(i.to_bytes(2, "little") + sig.values[i * r:(i + 1) * r].astype("<u8").tobytes(),
                                 digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def find_copy(con, sig: Signature, threshold: float | None = None) -> Match | None:
    """The stored article `sig` is a near-copy of: the LSH candidate of largest overlap, at or above `threshold`.

    A candidate that is itself a copy gives its own first copy, so `dup_of` always names a first copy.
    """
    threshold = THRESHOLD if threshold is None else threshold
    if not sig.shingles:
        return None
    # a semi join: one query, and no parameter list as long as a syndicated story's copies
    rows = con.execute(
        "SELECT m.article_id, m.first_copy, m.shingles, m.signature FROM article_minhash m SEMI JOIN "
        "(SELECT article_id FROM article_bands WHERE key IN (SELECT unnest(?))) b ON b.article_id = m.article_id",
        [band_keys(sig)]).fetchall()
    if not rows:
        return None
    rows.sort()
    overlaps = overlap_many(sig, np.stack([np.frombuffer(row[3], dtype="<u8") for row in rows]),
                            np.array([row[2] or 0 for row in rows]))
    best = int(np.argmax(overlaps))  # the first of equal overlaps, as the sorted order gives
    return Match(rows[best][1], float(overlaps[best])) if overlaps[best] >= threshold else None


def overlap_many(sig: Signature, values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """`Signature.overlap` of `sig` with each row of `values` (their shingle counts in `counts`), at once:
    a syndicated story has hundreds of stored copies among the candidates."""
    if not sig.shingles:
        return np.zeros(len(counts))
    j = (values == sig.values).mean(axis=1)
    smaller = np.minimum(counts, sig.shingles)
    contained = np.minimum(1.0, j * (counts + sig.shingles) / (1 + j) / np.maximum(smaller, 1))
    return np.where(counts == 0, 0.0, np.where(smaller < MIN_SHINGLES, j, contained))


def index_article(con, article_id: str, sig: Signature, first_copy: str | None = None) -> None:
    """Store the signature and the LSH band keys of a newly stored article (`first_copy`: the one it copies)."""
    con.execute("INSERT INTO article_minhash VALUES (?, ?, ?, ?, ?)",
                [article_id, first_copy or article_id, SCHEME, sig.shingles, sig.to_bytes()])
    con.execute("INSERT INTO article_bands SELECT unnest(?), ?", [band_keys(sig), article_id])


def mark_copies(con, article_id: str, text: str) -> Match | None:
    """The write hook: index a newly stored article and mark it a copy of an earlier one when it is.

    Runs after the article row is inserted, inside the batch's transaction, so copies within one
    batch are found too.
    """
    sig = signature(text)
    match = find_copy(con, sig)
    index_article(con, article_id, sig, match.first if match else None)
    if match is not None:
        con.execute("UPDATE articles SET dup_of = ?, dup_similarity = ? WHERE id = ?",
                    [match.first, round(match.similarity, 4), article_id])
    return match


def index_unindexed(con) -> list[str]:
    """Index articles stored before near-duplicates were tracked (none of them is marked a copy); gives their ids."""
    rows = con.execute("SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_minhash) "
                       "ORDER BY coded_at, id").fetchall()
    for article_id, text in rows:
        index_article(con, article_id, signature(text or ""))
    return [row[0] for row in rows]
