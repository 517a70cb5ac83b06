"""Self-training: label unlabelled news with a teacher ensemble, keep its confident sentences.

:func:`news_sentences` cuts unlabelled text (SaudiNewsNet) into token lists
shaped like ANERcorp's (words with their clitics, punctuation apart) and takes
a seeded sample.  :func:`silver_labels` tags them with the mean tag posteriors
of several taggers (BiLSTM-CRFs of different seeds, or ensembles with the CRF),
decodes the best BIO-valid path and keeps the sentences whose least certain
token is at least ``threshold`` sure and that hold a name.  The student
(the shipped-size BiLSTM) then trains on gold + silver
(:func:`hadath.ner.neural_train.run_neural`): the ensemble's accuracy carried
into one small model, at no cost at run time.

>>> news_sentences(["زار الرئيس بكين. ثم عاد إلى باريس يوم 5 أيار."], limit=5, seed=1, min_tokens=3)
[['زار', 'الرئيس', 'بكين', '.'], ['ثم', 'عاد', 'إلى', 'باريس', 'يوم', '5', 'أيار', '.']]
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from hadath.arabic.normalize import strip_diacritics
from hadath.ner.ensemble import bio_transitions
from hadath.ner.neural import blas_one_thread, marginals, viterbi

__all__ = ["news_sentences", "silver_labels", "silver_labels_parallel", "teacher_posteriors"]

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_END = frozenset(".!?؟")


def news_sentences(texts: Iterable[str], limit: int, seed: int, min_tokens: int = 6,
                   max_tokens: int = 60) -> list[list[str]]:
    """A seeded sample of at most ``limit`` sentences (token lists) of ``texts``, in text order."""
    found: list[list[str]] = []
    for text in texts:
        for line in strip_diacritics(text).split("\n"):
            sentence: list[str] = []
            for token in _TOKEN.findall(line):
                sentence.append(token)
                if token in _END:
                    if min_tokens <= len(sentence) <= max_tokens:
                        found.append(sentence)
                    sentence = []
            if min_tokens <= len(sentence) <= max_tokens:
                found.append(sentence)
    if len(found) > limit:
        keep = sorted(random.Random(seed).sample(range(len(found)), limit))
        found = [found[i] for i in keep]
    return found


def teacher_posteriors(models: Sequence[Any],
                       sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Mean tag posteriors ``(batch, time, tags)`` of ``models`` (all with the same tag list) and the
    lengths: an ensemble's own ``posteriors``, a BiLSTM-CRF's forward-backward marginals."""
    total, lengths = None, None
    for model in models:
        if hasattr(model, "posteriors"):
            probs, lengths = model.posteriors(sentences)
        else:
            scores, lengths = model.emissions(sentences)
            w = model.w
            probs = marginals(scores, lengths, w["trans"], w["start"], w["end"])
        total = probs if total is None else total + probs
    return total / len(models), lengths


def silver_labels(models: Sequence[Any], sentences: Sequence[Sequence[str]], threshold: float = 0.9,
                  batch: int = 64) -> list[list[tuple[str, str]]]:
    """The sentences the teachers tag with a name and with every token's posterior ≥ ``threshold``,
    as (token, BIO tag) lists."""
    tags = list(models[0].tags)
    trans = bio_transitions(tags)
    start = np.array([-1e4 if t.startswith("I-") else 0.0 for t in tags])
    out: list[list[tuple[str, str]]] = []
    with blas_one_thread():
        for k in range(0, len(sentences), batch):
            chunk = [s for s in sentences[k : k + batch] if s]
            if not chunk:
                continue
            probs, lengths = teacher_posteriors(models, chunk)
            paths = viterbi(np.log(probs + 1e-9), lengths, trans, start, np.zeros(len(tags)))
            for b, (tokens, path) in enumerate(zip(chunk, paths, strict=True)):
                sure = probs[b, np.arange(len(path)), path].min()
                if sure >= threshold and any(path):
                    out.append([(tok, tags[p]) for tok, p in zip(tokens, path, strict=True)])
    return out


_POOL_MODELS: list[Any] = []  # the teachers, inherited by forked workers


def _label_chunk(args: tuple[list[list[str]], float]) -> list[list[tuple[str, str]]]:
    return silver_labels(_POOL_MODELS, args[0], args[1])


def silver_labels_parallel(models: Sequence[Any], sentences: Sequence[Sequence[str]], threshold: float,
                           workers: int, chunk: int = 2_000) -> list[list[tuple[str, str]]]:
    """:func:`silver_labels` over ``workers`` forked processes (one: in this process), in order."""
    if workers <= 1:
        return silver_labels(models, sentences, threshold)
    import multiprocessing

    _POOL_MODELS[:] = list(models)
    parts = [(list(sentences[k : k + chunk]), threshold) for k in range(0, len(sentences), chunk)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return [s for part in pool.map(_label_chunk, parts) for s in part]
    finally:
        _POOL_MODELS.clear()
