"""Static word vectors trained on unlabelled news (numpy only): PPMI + truncated SVD.

Each of the ``vocab`` most frequent normalised words gets a row of
co-occurrence counts with the most frequent words as contexts: the word just
before, the word just after (position-specific) and any word within two
positions.  Counts become positive pointwise mutual information (context
distribution smoothed with exponent 0.75), and a seeded randomised SVD reduces
them to ``dim`` dimensions (rows scaled to unit length).  The vectors
initialise the neural tagger's word embeddings (:mod:`hadath.ner.neural`).

>>> words, vectors = build_vectors(["ت ب ج د", "ب ج د ت", "ج د ت ب"] * 5, seed=1, vocab=4,
...                                contexts=4, dim=2, min_count=1)
>>> sorted(words) == sorted(["ت", "ب", "ج", "د"]), vectors.shape
(True, (4, 2))
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from hadath.arabic.normalize import normalize

__all__ = ["build_vectors", "tokens_of"]

_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


def tokens_of(texts: Iterable[str]) -> list[str]:
    """Normalised word, number and punctuation tokens of ``texts`` (a ``"\\n"`` token between texts)."""
    out: list[str] = []
    cache: dict[str, str] = {}
    for text in texts:
        for raw in _WORD.findall(text):
            w = cache.get(raw)
            out.append(w if w is not None else cache.setdefault(raw, normalize(raw) or raw))
        out.append("\n")
    return out


def _pairs(ids: np.ndarray, ctx: np.ndarray, n_ctx: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) co-occurrence pairs: column blocks = left word, right word, ±2 window."""
    rows, cols = [], []
    for shift, block in ((-1, 0), (1, 1), (-2, 2), (-1, 2), (1, 2), (2, 2)):
        if shift < 0:
            cur, nb = ids[-shift:], ctx[:shift]
        else:
            cur, nb = ids[:-shift], ctx[shift:]
        keep = (cur >= 0) & (nb >= 0)
        rows.append(cur[keep])
        cols.append(nb[keep] + block * n_ctx)
    return np.concatenate(rows), np.concatenate(cols)


def _ppmi(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    keys, counts = np.unique(rows.astype(np.int64) * shape[1] + cols, return_counts=True)
    r, c = keys // shape[1], keys % shape[1]
    counts = counts.astype(np.float64)
    row_sum = np.bincount(r, weights=counts, minlength=shape[0])
    col_sum = np.bincount(c, weights=counts, minlength=shape[1]) ** 0.75
    pmi = np.log(counts * col_sum.sum() / (row_sum[r] * col_sum[c]))
    matrix = np.zeros(shape, dtype=np.float32)
    keep = pmi > 0
    matrix[r[keep], c[keep]] = pmi[keep]
    return matrix


def _randomized_svd(matrix: np.ndarray, dim: int, seed: int, iterations: int = 3) -> np.ndarray:
    """Left singular vectors times singular values (``len(matrix) × dim``)."""
    rng = np.random.default_rng(seed)
    basis = matrix @ rng.standard_normal((matrix.shape[1], dim + 20)).astype(np.float32)
    for _ in range(iterations):
        basis, _ = np.linalg.qr(basis)
        basis, _ = np.linalg.qr(matrix @ (matrix.T @ basis))
    small = basis.T @ matrix
    u, s, _ = np.linalg.svd(small, full_matrices=False)
    return (basis @ u[:, :dim]) * np.sqrt(s[:dim])


def build_vectors(texts: Iterable[str], seed: int, vocab: int = 40_000, contexts: int = 2_000,
                  dim: int = 100, min_count: int = 3) -> tuple[list[str], np.ndarray]:
    """(words, unit-length vectors ``float32``) for the ``vocab`` most frequent words of ``texts``."""
    tokens = tokens_of(texts)
    freq: dict[str, int] = {}
    for w in tokens:
        freq[w] = freq.get(w, 0) + 1
    freq.pop("\n", None)
    ranked = [w for w in sorted(freq, key=lambda w: (-freq[w], w)) if freq[w] >= min_count][:vocab]
    index = {w: i for i, w in enumerate(ranked)}
    ids = np.fromiter((index.get(w, -1) for w in tokens), dtype=np.int64, count=len(tokens))
    ctx = np.where(ids < contexts, ids, -1)
    rows, cols = _pairs(ids, ctx, contexts)
    matrix = _ppmi(rows, cols, (len(ranked), 3 * contexts))
    vectors = _randomized_svd(matrix, min(dim, len(ranked)), seed)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return ranked, vectors.astype(np.float32)
