"""The BiLSTM-CRF tagger's inputs and its numpy inference (no torch at run time).

A token is encoded as (word id, stem id, character ids, feature vector):

* word id: the normalised form in the word list (SaudiNewsNet vectors, see
  :mod:`hadath.ner.embeddings`), else ``UNK``;
* stem id: the shortest clitic-stripped stem (:func:`hadath.arabic.clitics.stems`)
  found in the word list, else ``UNK``;
* characters of the raw token (first :data:`MAX_CHARS`), for a character CNN;
* features: the token shape and its gazetteer classes (:func:`hadath.ner.features.load_gazetteer`).

The network (trained by :mod:`hadath.ner.neural_train` with PyTorch) is
embeddings + char-CNN (max-pooled) → one BiLSTM layer → linear → CRF.  Its
weights ship as ``bilstm.npz``; :class:`NeuralModel` runs it in numpy, batched
over sentences, with a numpy Viterbi.

>>> encoder = Encoder(["زار", "بكين"], list("زاربكين"), ["CITY"])
>>> encoder.encode("وبكين")[0] == encoder.word_index["بكين"], encoder.encode("وبكين")[1]
(False, 3)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from hadath.arabic.clitics import stems as clitic_stems
from hadath.arabic.normalize import normalize
from hadath.ner.features import Gazetteer, _shape

__all__ = ["Encoder", "NeuralModel", "load_neural", "viterbi", "NEURAL_FILE", "SHAPES", "MAX_CHARS"]

NEURAL_FILE = "bilstm.npz"
SHAPES = ("D", "A", "LU", "LC", "L", "DX", "P")
MAX_CHARS = 20
PAD, UNK = 0, 1
_CACHE_LIMIT = 20_000  # cached input projections: 20k × 4 kB at most


@dataclass
class Encoder:
    """Token → ids and features, from the model's word, character and gazetteer-class lists.

    Index 0 of the word and character lists is padding, 1 is unknown (both are added here)."""

    words: Sequence[str]
    chars: Sequence[str]
    classes: Sequence[str]
    gazetteer: Gazetteer | None = None
    word_index: dict[str, int] = field(init=False)
    char_index: dict[str, int] = field(init=False)
    class_index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.word_index = {w: i + 2 for i, w in enumerate(self.words)}
        self.char_index = {c: i + 2 for i, c in enumerate(self.chars)}
        self.class_index = {c: i for i, c in enumerate(self.classes)}

    @property
    def n_features(self) -> int:
        return len(SHAPES) + len(self.classes)

    def encode(self, token: str) -> tuple[int, int, list[int], np.ndarray]:
        norm = normalize(token) or token
        shape = _shape(token)
        forms = clitic_stems(token) if shape == "A" else (norm,)
        word = self.word_index.get(norm, UNK)
        stem = next((self.word_index[f] for f in reversed(forms) if f in self.word_index), UNK)
        chars = [self.char_index.get(c, UNK) for c in token[:MAX_CHARS]]
        feats = np.zeros(self.n_features, dtype=np.float32)
        feats[SHAPES.index(shape)] = 1.0
        if self.gazetteer is not None:
            for cls in self.gazetteer.classes(forms):
                if cls in self.class_index:
                    feats[len(SHAPES) + self.class_index[cls]] = 1.0
        return word, stem, chars, feats


def viterbi(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[list[int]]:
    """Best tag index paths for a batch of emission scores ``(batch, time, tags)``.

    >>> e = np.array([[[0.0, 2.0], [1.0, 0.0]]])
    >>> viterbi(e, np.array([2]), np.zeros((2, 2)), np.zeros(2), np.zeros(2))
    [[1, 0]]
    """
    batch, steps, _ = emissions.shape
    score = start + emissions[:, 0]
    back = np.zeros(emissions.shape, dtype=np.int64)
    for t in range(1, steps):
        cand = score[:, :, None] + trans[None]
        best = cand.argmax(axis=1)
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + emissions[:, t]
        live = (t < lengths)[:, None]
        score = np.where(live, new, score)
        back[:, t] = best
    score = score + end
    paths = []
    for b in range(batch):
        tag = int(score[b].argmax())
        path = [tag]
        for t in range(int(lengths[b]) - 1, 0, -1):
            tag = int(back[b, t, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _lstm(gates_in: np.ndarray, lengths: np.ndarray, w_hh: np.ndarray, reverse: bool) -> np.ndarray:
    """One LSTM direction over right-padded inputs (``gates_in`` = x W_ih + b, PyTorch gate order)."""
    batch, steps, four_h = gates_in.shape
    hidden = four_h // 4
    h = np.zeros((batch, hidden), dtype=np.float32)
    c = np.zeros((batch, hidden), dtype=np.float32)
    out = np.zeros((batch, steps, hidden), dtype=np.float32)
    order = range(steps - 1, -1, -1) if reverse else range(steps)
    full = int(lengths.min())
    for t in order:
        g = gates_in[:, t] + h @ w_hh
        g[:, : 2 * hidden] = _sigmoid(g[:, : 2 * hidden])
        g[:, 3 * hidden :] = _sigmoid(g[:, 3 * hidden :])
        c = g[:, hidden : 2 * hidden] * c + g[:, :hidden] * np.tanh(g[:, 2 * hidden : 3 * hidden])
        h = g[:, 3 * hidden :] * np.tanh(c)
        if reverse and t >= full:  # padding positions (t >= length) must not feed the backward state
            live = (t < lengths)[:, None]
            c, h = np.where(live, c, 0.0), np.where(live, h, 0.0)
        out[:, t] = h
    return out


class NeuralModel:
    """The numpy BiLSTM-CRF: ``tag(tokens)`` and batched ``tag_many(sentences)``."""

    def __init__(self, weights: dict[str, np.ndarray], encoder: Encoder, info: dict[str, Any]):
        self.w = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype.kind == "f"}
        self.encoder = encoder
        self.info = info
        self.tags: list[str] = list(info["tags"])
        self._cache: dict[str, np.ndarray] = {}
        self._w_ih = np.concatenate([self.w["fw_w_ih"], self.w["bw_w_ih"]], axis=0).T.copy()
        self._b_ih = np.concatenate([self.w["fw_b"], self.w["bw_b"]])
        self._fw_hh, self._bw_hh = self.w["fw_w_hh"].T.copy(), self.w["bw_w_hh"].T.copy()
        self._out_w = self.w["out_w"].T.copy()

    def _char_vectors(self, char_lists: list[list[int]]) -> np.ndarray:
        width = self.w["conv_w"].shape[2]
        longest = max(len(c) for c in char_lists) + width - 1
        pad = (width - 1) // 2
        ids = np.zeros((len(char_lists), longest), dtype=np.int64)
        for k, chars in enumerate(char_lists):
            ids[k, pad : pad + len(chars)] = chars
        emb = self.w["char_emb"][ids]  # (n, L, c)
        n_pos = longest - width + 1
        windows = np.concatenate([emb[:, j : j + n_pos] for j in range(width)], axis=2)
        kernel = self.w["conv_w"].transpose(2, 1, 0).reshape(-1, self.w["conv_w"].shape[0])
        conv = windows @ kernel + self.w["conv_b"]
        lengths = np.array([len(c) for c in char_lists])
        mask = np.arange(n_pos)[None, :] < lengths[:, None]
        conv = np.where(mask[:, :, None], conv, -1e4)
        return np.maximum(conv.max(axis=1), 0.0)

    def _token_gates(self, tokens: set[str]) -> None:
        """Cache each new token's LSTM input projection (x W_ih + b, both directions)."""
        new = [t for t in tokens if t not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) > _CACHE_LIMIT:
            self._cache.clear()
            new = list(tokens)
        encoded = [self.encoder.encode(t) for t in new]
        emb = self.w["word_emb"]
        words = emb[[e[0] for e in encoded]]
        stems = emb[[e[1] for e in encoded]]
        chars = self._char_vectors([e[2] or [UNK] for e in encoded])
        feats = np.stack([e[3] for e in encoded])
        gates = np.concatenate([words, stems, chars, feats], axis=1) @ self._w_ih + self._b_ih
        self._cache.update(zip(new, gates, strict=True))

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Tag scores ``(batch, time, tags)`` and lengths for non-empty sentences."""
        self._token_gates({t for s in sentences for t in s})
        lengths = np.array([len(s) for s in sentences])
        steps, width = int(lengths.max()), self._w_ih.shape[1]
        live = np.arange(steps)[None, :] < lengths[:, None]
        gates = np.zeros((len(sentences), steps, width), dtype=np.float32)
        gates[live] = np.stack([self._cache[t] for s in sentences for t in s])
        half = width // 2
        fw = _lstm(gates[:, :, :half], lengths, self._fw_hh, reverse=False)
        bw = _lstm(gates[:, :, half:], lengths, self._bw_hh, reverse=True)
        hidden = np.concatenate([fw, bw], axis=2)
        flat = hidden.reshape(-1, hidden.shape[2]) @ self._out_w + self.w["out_b"]
        return flat.reshape(len(sentences), steps, -1), lengths

    def tag_many(self, sentences: Sequence[Sequence[str]], batch: int = 64) -> list[list[str]]:
        """BIO tags (ANERcorp classes) for many sentences, batched by length."""
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for k in range(0, len(order), batch):
            ids = order[k : k + batch]
            scores, lengths = self.emissions([sentences[i] for i in ids])
            paths = viterbi(scores, lengths, self.w["trans"], self.w["start"], self.w["end"])
            for i, path in zip(ids, paths, strict=True):
                out[i] = [self.tags[p] for p in path]
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (ANERcorp classes) for one sentence of token strings."""
        return self.tag_many([tokens])[0] if tokens else []


def load_neural(path: str | Path, gazetteer: Gazetteer | None = None) -> NeuralModel:
    """Load ``bilstm.npz`` (weights, word/char/class lists, info JSON)."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    info = json.loads(str(arrays.pop("info")))
    encoder = Encoder([str(w) for w in arrays.pop("words")], [str(c) for c in arrays.pop("chars")],
                      [str(c) for c in arrays.pop("classes")], gazetteer)
    return NeuralModel(arrays, encoder, info)


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
              end: np.ndarray) -> np.ndarray:
    """Per-token tag posteriors ``(batch, time, tags)`` of the linear-chain CRF (forward-backward).

    >>> m = marginals(np.zeros((1, 2, 2)), np.array([2]), np.zeros((2, 2)), np.zeros(2), np.zeros(2))
    >>> m.round(2).tolist()
    [[[0.5, 0.5], [0.5, 0.5]]]
    """
    batch, steps, tags = emissions.shape
    alpha = np.zeros(emissions.shape)
    beta = np.zeros(emissions.shape)
    alpha[:, 0] = start + emissions[:, 0]
    for t in range(1, steps):
        alpha[:, t] = _logsumexp(alpha[:, t - 1, :, None] + trans[None], axis=1) + emissions[:, t]
    last = lengths - 1
    for t in range(steps - 1, -1, -1):
        after = np.zeros((batch, tags)) if t == steps - 1 else _logsumexp(
            trans[None] + (emissions[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        beta[:, t] = np.where((t == last)[:, None], end[None], np.where((t < last)[:, None], after, 0.0))
    log_z = _logsumexp(alpha[np.arange(batch), last] + end, axis=1)
    return np.exp(alpha + beta - log_z[:, None, None])
