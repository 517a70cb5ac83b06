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

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from hadath.arabic.clitics import stems as clitic_stems
from hadath.arabic.normalize import normalize
from hadath.ner.features import Gazetteer, _shape

__all__ = ["Encoder", "FormCache", "NeuralModel", "load_neural", "viterbi", "marginals", "blas_one_thread",
           "tag_batched", "NEURAL_FILE", "SHAPES", "MAX_CHARS"]

NEURAL_FILE = "bilstm.npz"
SHAPES = ("D", "A", "LU", "LC", "L", "DX", "P")
MAX_CHARS = 20
PAD, UNK = 0, 1
_CACHE_LIMIT = 64_000  # cached input projections: 64k × 4 kB (256 MB) at most


class FormCache(dict):
    """Values computed per token form, at most about ``limit`` of them.  When full it keeps only the
    forms used since it was last full: frequent words stay, while clearing it all made a long run
    recompute them over and over."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.used: set[str] = set()

    def missing(self, forms: set[str]) -> list[str]:
        """The forms of ``forms`` not cached (making room for them), marked as used."""
        new = [f for f in forms if f not in self]
        if new and len(self) + len(new) > self.limit:
            keep = {f: self[f] for f in self.used if f in self} if len(self.used) <= self.limit // 2 else {}
            self.clear()
            self.update(keep)
            self.used = set()
            new = [f for f in forms if f not in self]
        self.used.update(forms)
        return new


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


_BLAS: list = []  # the threadpoolctl controller, made on first use


@contextlib.contextmanager
def blas_one_thread() -> Iterator[None]:
    """BLAS limited to one thread while tagging.  The tagger's matrix products are small: more
    threads only spin, and in worker processes they oversubscribe the cores (measured 3x slower
    on one process, 5x with two workers on two cores).  Without threadpoolctl this does nothing."""
    if not _BLAS:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _BLAS.append(None)
        else:
            _BLAS.append(ThreadpoolController())
    if _BLAS[0] is None:
        yield
        return
    with _BLAS[0].limit(limits=1, user_api="blas"):
        yield


def tag_batched(sentences: Sequence[Sequence[str]], tags: Sequence[str],
                paths: Callable[[Sequence[Sequence[str]]], Sequence[Sequence[int]]],
                batch: int = 64) -> list[list[str]]:
    """Tags of many sentences: the non-empty ones decoded by ``paths`` (tag indices per
    sentence) in batches of similar length, with BLAS on one thread; empty ones get ``[]``."""
    out: list[list[str]] = [[] for _ in sentences]
    order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    with blas_one_thread():
        for k in range(0, len(order), batch):
            ids = order[k : k + batch]
            for i, path in zip(ids, paths([sentences[i] for i in ids]), strict=True):
                out[i] = [tags[p] for p in path]
    return out


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
    live = (np.arange(steps)[:, None] < lengths[None, :])[:, :, None]  # (time, batch, 1)
    for t in range(1, steps):
        cand = score[:, :, None] + trans
        back[:, t] = cand.argmax(axis=1)
        score = np.where(live[t], cand.max(axis=1) + emissions[:, t], score)
    tag = (score + end).argmax(axis=1)
    rows = np.arange(batch)
    path = np.empty((batch, steps), dtype=np.int64)
    for t in range(steps - 1, -1, -1):  # each sequence starts back from its last token
        path[:, t] = tag
        if t:
            tag = np.where(t < lengths, back[rows, t, tag], tag)
    return [path[b, : int(n)].tolist() for b, n in enumerate(lengths)]


def _bilstm(gates: np.ndarray, active: Sequence[int], w_hh: np.ndarray) -> np.ndarray:
    """Both LSTM directions at once over ``gates`` ``(time, 2, batch, 4h)`` (direction 1 holds each
    sequence reversed, so both run forward from a zero state); ``active[t]`` sequences (a prefix:
    the batch is sorted longest first) are still running at step ``t``.

    Gate columns are in the order i, f, o, g with i, f, o pre-scaled by 0.5 (exact in floating
    point), so one ``tanh`` gives all gates: sigmoid(x) = 0.5 * (tanh(x / 2) + 1)."""
    steps, _, batch, four_h = gates.shape
    hidden = four_h // 4
    h = np.zeros((2, batch, hidden), dtype=np.float32)
    c = np.zeros((2, batch, hidden), dtype=np.float32)
    out = np.zeros((steps, 2, batch, hidden), dtype=np.float32)
    for t in range(steps):  # h and c shrink with the running prefix
        n = active[t]
        g = np.matmul(h[:, :n], w_hh)
        g += gates[t, :, :n]
        np.tanh(g, out=g)
        sig = g[:, :, : 3 * hidden]
        sig += 1.0
        sig *= 0.5
        c = g[:, :, hidden : 2 * hidden] * c[:, :n] + g[:, :, :hidden] * g[:, :, 3 * hidden :]
        h = np.multiply(g[:, :, 2 * hidden : 3 * hidden], np.tanh(c), out=out[t, :, :n])
    return out


def _gate_order(hidden: int) -> tuple[np.ndarray, np.ndarray]:
    """Column order i, f, o, g of PyTorch's i, f, g, o gates, and the scale (0.5 on i, f, o)."""
    order = np.concatenate([np.arange(0, 2 * hidden), np.arange(3 * hidden, 4 * hidden),
                            np.arange(2 * hidden, 3 * hidden)])
    scale = np.concatenate([np.full(3 * hidden, 0.5, dtype=np.float32), np.ones(hidden, dtype=np.float32)])
    return order, scale


class NeuralModel:
    """The numpy BiLSTM-CRF: ``tag(tokens)`` and batched ``tag_many(sentences)``."""

    def __init__(self, weights: dict[str, np.ndarray], encoder: Encoder, info: dict[str, Any]):
        self.w = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype.kind == "f"}
        self.encoder = encoder
        self.info = info
        self.tags: list[str] = list(info["tags"])
        self._cache = FormCache(_CACHE_LIMIT)
        order, scale = _gate_order(self.w["fw_w_hh"].shape[1])
        self._w_ih = np.concatenate([(self.w[f"{d}_w_ih"][order] * scale[:, None]).T for d in ("fw", "bw")],
                                    axis=1)
        self._b_ih = np.concatenate([self.w[f"{d}_b"][order] * scale for d in ("fw", "bw")])
        self._w_hh = np.stack([(self.w[f"{d}_w_hh"][order] * scale[:, None]).T for d in ("fw", "bw")])
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
        new = self._cache.missing(tokens)
        if not new:
            return
        encoded = [self.encoder.encode(t) for t in new]
        emb = self.w["word_emb"]
        words = emb[[e[0] for e in encoded]]
        stems = emb[[e[1] for e in encoded]]
        chars = self._char_vectors([e[2] or [UNK] for e in encoded])
        feats = np.stack([e[3] for e in encoded])
        gates = np.concatenate([words, stems, chars, feats], axis=1) @ self._w_ih + self._b_ih
        self._cache.update(zip(new, gates, strict=True))

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Tag scores ``(batch, time, tags)`` and lengths for non-empty sentences (zero past the end)."""
        self._token_gates({t for s in sentences for t in s})
        lengths = np.array([len(s) for s in sentences])
        order = np.argsort(-lengths, kind="stable")  # longest first: running sequences are a prefix
        steps, four_h = int(lengths.max()), self._w_hh.shape[2]
        # (sorted row, position) of every token, and the same token counted from the sentence end
        rows = np.repeat(np.arange(len(order)), lengths[order])
        pos = np.concatenate([np.arange(n) for n in lengths[order]])
        back = np.repeat(lengths[order], lengths[order]) - 1 - pos
        proj = np.stack([self._cache[t] for i in order for t in sentences[i]])
        gates = np.zeros((steps, 2, len(order), four_h), dtype=np.float32)
        gates[pos, 0, rows] = proj[:, :four_h]
        gates[back, 1, rows] = proj[:, four_h:]
        active = (lengths[:, None] > np.arange(steps)[None]).sum(axis=0).tolist()
        out = _bilstm(gates, active, self._w_hh)
        hidden = np.concatenate([out[pos, 0, rows], out[back, 1, rows]], axis=1)
        scores = np.zeros((len(order), steps, self._out_w.shape[1]), dtype=np.float32)
        scores[order[rows], pos] = hidden @ self._out_w + self.w["out_b"]
        return scores, lengths

    def tag_many(self, sentences: Sequence[Sequence[str]], batch: int = 64) -> list[list[str]]:
        """BIO tags (ANERcorp classes) for many sentences, batched by length."""
        return tag_batched(sentences, self.tags, self._paths, batch)

    def _paths(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        scores, lengths = self.emissions(sentences)
        return viterbi(scores, lengths, self.w["trans"], self.w["start"], self.w["end"])

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


def marginals(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
              end: np.ndarray) -> np.ndarray:
    """Per-token tag posteriors ``(batch, time, tags)`` of the linear-chain CRF (forward-backward).

    Computed in probability space, each step rescaled to sum 1 (as crfsuite does); rows past a
    sentence's end are meaningless.  Several models at once: leading axes before ``batch`` on
    ``emissions`` (e.g. ``(models, batch, time, tags)``) match leading axes of ``trans``,
    ``start`` and ``end`` (``(models, tags, tags)``, ``(models, tags)``).

    >>> m = marginals(np.zeros((1, 2, 2)), np.array([2]), np.zeros((2, 2)), np.zeros(2), np.zeros(2))
    >>> m.round(2).tolist()
    [[[0.5, 0.5], [0.5, 0.5]]]
    """
    steps = emissions.shape[-2]
    em = np.moveaxis(emissions.astype(np.float64), -2, 0)  # (time, ..., batch, tags)
    e = np.exp(em - em.max(axis=-1, keepdims=True))  # scaled per token: the posteriors do not change
    trans = np.asarray(trans, dtype=np.float64)
    t_exp = np.exp(trans - trans.max(axis=(-2, -1), keepdims=True))
    t_back = np.swapaxes(t_exp, -2, -1).copy()
    alpha, beta = np.empty(e.shape), np.empty(e.shape)
    start, end = np.asarray(start, dtype=np.float64), np.asarray(end, dtype=np.float64)
    a = np.exp(start - start.max(axis=-1, keepdims=True))[..., None, :] * e[0]
    alpha[0] = a / a.sum(axis=-1, keepdims=True)
    for t in range(1, steps):
        a = np.matmul(alpha[t - 1], t_exp) * e[t]
        alpha[t] = a / a.sum(axis=-1, keepdims=True)
    done = (lengths - 1)[None, :] <= np.arange(steps)[:, None]  # (time, batch): at or past the end
    last = np.broadcast_to(np.exp(end - end.max(axis=-1, keepdims=True))[..., None, :], e.shape[1:])
    beta[steps - 1] = last
    for t in range(steps - 2, -1, -1):
        b = np.matmul(e[t + 1] * beta[t + 1], t_back)
        beta[t] = np.where(done[t, :, None], last, b / b.sum(axis=-1, keepdims=True))
    out = alpha * beta
    out /= out.sum(axis=-1, keepdims=True)
    return np.moveaxis(out, 0, -2)
