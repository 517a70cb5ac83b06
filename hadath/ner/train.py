"""Train the CRF tagger on ``../shared/data`` and record its provenance.

Training is deterministic (L-BFGS over a fixed sentence order); ``seed`` is
recorded and seeds the k-means of the word clusters and the choice of
development sentences when comparing variants.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import random
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

from hadath.ner import datasets as ds
from hadath.ner.crf import CLUSTERS_FILE, INFO_FILE, MODEL_FILE, PROFILES_FILE, NerModel, load_model
from hadath.ner.evaluate import Scores, score
from hadath.ner.features import (
    CLUSTERS_PATH,
    PROFILES_PATH,
    FeatureExtractor,
    FeatureOptions,
    build_clusters,
    build_profiles,
    load_gazetteer,
    read_profiles,
    write_profiles,
)

__all__ = ["TrainOptions", "train_crf", "without_gazetteer", "evaluate_model", "training_corpora",
           "run_training", "compare_variants", "VARIANTS"]


@dataclass(frozen=True)
class TrainOptions:
    seed: int = 13
    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 150
    min_freq: int = 1
    # FeatureOptions(names=True, kb=True) (`python -m hadath.ner.devtune --train names,kb --out DIR`):
    # mean CRF micro F1 on the three dev blocks 0.7312 -> 0.7418, test ensemble 0.7186 -> 0.7247; it flips
    # "فيكتوريا نولاند" to GPE in a seed article (tests/test_seeds_end_to_end.py): not the default yet
    features: FeatureOptions = field(default_factory=FeatureOptions)
    # NewsFANE (clitics glued back, MISC-word filter): dev block 0.6839 vs 0.6900 without (devtune)
    newsfane: bool = False
    wojood: bool = True
    # share of sentences added again without their gazetteer features: dev 0.6848 (0.5), 0.6879 (0.25)
    gazetteer_dropout: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.gazetteer_dropout <= 1.0:
            raise ValueError(f"gazetteer_dropout must be in [0, 1], got {self.gazetteer_dropout}")

    def as_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                "min_freq": self.min_freq, "features": self.features.as_dict(),
                "newsfane": self.newsfane, "wojood": self.wojood,
                "gazetteer_dropout": self.gazetteer_dropout}


def _extractor(features: FeatureOptions, folder: Path) -> FeatureExtractor:
    profiles = read_profiles(folder / PROFILES_FILE) if features.profiles else None
    clusters = read_profiles(folder / CLUSTERS_FILE) if features.clusters else None
    return FeatureExtractor(load_gazetteer() if features.gazetteer else None, features, profiles, clusters)


def _is_gazetteer_feature(feature: str) -> bool:
    """``g=CLASS`` of the token itself or ``d:g=CLASS`` of a neighbour."""
    return feature.startswith("g=") or feature.partition(":")[2].startswith("g=")


def without_gazetteer(rows: list[list[str]]) -> list[list[str]]:
    """The feature rows of a sentence with every gazetteer feature removed.

    >>> without_gazetteer([["w=x", "g=CITY", "-1:g=TITLE", "1:w=y", "-1|0=a|b"]])
    [['w=x', '1:w=y', '-1|0=a|b']]
    """
    return [[f for f in row if not _is_gazetteer_feature(f)] for row in rows]


def train_crf(sentences: Sequence[ds.TaggedSentence], options: TrainOptions, model_path: Path) -> None:
    """Fit a CRF on ``sentences`` and write it to ``model_path`` (word profiles and clusters, when
    used, are read from ``profiles.tsv`` and ``clusters.tsv`` beside it).

    With ``options.gazetteer_dropout`` = p, a seeded share p of the sentences that have gazetteer
    features is appended a second time without them, so that the model also learns names the
    gazetteer does not know (inference is unchanged)."""
    import pycrfsuite

    fx = _extractor(options.features, model_path.parent)
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(options.seed)
    for sent in sentences:
        rows, tags = fx.sentence([tok for tok, _ in sent]), [tag for _, tag in sent]
        trainer.append(rows, tags)
        if options.gazetteer_dropout and rng.random() < options.gazetteer_dropout:
            bare = without_gazetteer(rows)
            if bare != rows:
                trainer.append(bare, tags)
    trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.max_iterations,
                        "feature.minfreq": options.min_freq,
                        "feature.possible_transitions": True})
    trainer.train(str(model_path))


def evaluate_model(model: NerModel, corpus: ds.Corpus) -> Scores:
    gold = [[tag for _, tag in s] for s in corpus.sentences]
    pred = [model.tag([tok for tok, _ in s]) for s in corpus.sentences]
    return score(gold, pred)


def training_corpora(data_dir: Path, options: TrainOptions) -> list[ds.Corpus]:
    """ANERcorp's training part, plus Wojood train and filtered NewsFANE when asked (clitics glued
    back; no sentence sharing a 6-gram with the test, nor leaving a MISC word of the others untagged)."""
    out = [ds.anercorp_train(data_dir)]
    if options.wojood:
        out.append(ds.wojood(data_dir, "train"))
    if options.newsfane:
        misc = ds.misc_words(s for c in out for s in c.sentences)
        out.append(ds.newsfane(data_dir, ds.corpus_ngrams(ds.anercorp_test(data_dir)), misc=misc))
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fit_and_score(train: list[ds.TaggedSentence], options: TrainOptions,
                   tests: Sequence[ds.Corpus]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / MODEL_FILE
        (Path(tmp) / INFO_FILE).write_text(json.dumps({"features": options.features.as_dict()}))
        for word_file in (PROFILES_PATH, CLUSTERS_PATH):
            if word_file.exists():
                shutil.copy(word_file, Path(tmp) / word_file.name)
        began = time.perf_counter()
        train_crf(train, options, path)
        seconds = time.perf_counter() - began
        model = load_model(path)
        return {"train_seconds": round(seconds, 1),
                **{c.name: evaluate_model(model, c).as_dict() for c in tests}}


_NO = {"newsfane": False, "wojood": False}
_GAZ = FeatureOptions(clusters=False)
VARIANTS: dict[str, dict[str, Any]] = {
    "base": {"features": FeatureOptions(clitics=False, gazetteer=False, char_ngrams=False, clusters=False),
             **_NO},
    "+clitics": {"features": FeatureOptions(gazetteer=False, char_ngrams=False, clusters=False), **_NO},
    "+charngrams": {"features": FeatureOptions(gazetteer=False, clusters=False), **_NO},
    "+gazetteer": {"features": _GAZ, **_NO},
    "+profiles": {"features": FeatureOptions(profiles=True, clusters=False), **_NO},
    "+clusters": {"features": FeatureOptions(), **_NO},
    "+clusters+wojood": {"features": FeatureOptions(), "newsfane": False, "wojood": True},
    "+wojood": {"features": _GAZ, "newsfane": False, "wojood": True},
    "+newsfane": {"features": _GAZ, "newsfane": True, "wojood": False},
    "+both": {"features": _GAZ, "newsfane": True, "wojood": True},
}


def compare_variants(data_dir: Path, options: TrainOptions, names: Sequence[str]) -> dict[str, Any]:
    """Train each variant on ANERcorp train minus a seeded 10% dev sample (plus extra corpora) and
    score it on that dev sample and on the ANERcorp test."""
    aner = ds.anercorp_train(data_dir).sentences
    order = list(range(len(aner)))
    random.Random(options.seed).shuffle(order)
    dev_ids = set(order[: len(aner) // 10])
    dev = ds.Corpus("dev", [s for i, s in enumerate(aner) if i in dev_ids], ())
    rest = [s for i, s in enumerate(aner) if i not in dev_ids]
    tests = [dev, ds.anercorp_test(data_dir)]
    extra = {"wojood": ds.wojood(data_dir, "train").sentences,
             "newsfane": ds.newsfane(data_dir, ds.corpus_ngrams(tests[1])).sentences}
    results = {}
    for name in names:
        variant = replace(options, **VARIANTS[name])
        train = rest + [s for key in ("wojood", "newsfane") if getattr(variant, key) for s in extra[key]]
        results[name] = {"options": variant.as_dict(), **_fit_and_score(train, variant, tests)}
    return results


def _write_word_files(data_dir: Path, out_dir: Path, options: TrainOptions) -> None:
    """Profiles and clusters from SaudiNewsNet into ``out_dir``, when the features use them."""
    if options.features.profiles:
        profiles = build_profiles(ds.saudinewsnet_texts(data_dir), load_gazetteer())
        write_profiles(out_dir / PROFILES_FILE, profiles, ds.SAUDINEWSNET)
    if options.features.clusters:
        clusters = build_clusters(ds.saudinewsnet_texts(data_dir), options.seed)
        write_profiles(out_dir / CLUSTERS_FILE, clusters, ds.SAUDINEWSNET, "clusters (64, 512 k-means ids)")


def _word_files_provenance(data_dir: Path, out_dir: Path, options: TrainOptions) -> dict[str, Any]:
    names = [n for n, used in ((PROFILES_FILE, options.features.profiles),
                               (CLUSTERS_FILE, options.features.clusters)) if used]
    zips = sorted((data_dir / ds.SAUDINEWSNET).glob("*.zip")) if names else []
    return {"files": {n: _sha256(out_dir / n) for n in names},
            "built_from": [{"file": str(z.relative_to(data_dir)), "sha256": _sha256(z)} for z in zips]}


def _feature_sources(features: FeatureOptions) -> dict[str, Any]:
    """Provenance of the run-time word lists the features read (name index, knowledge base)."""
    out: dict[str, Any] = {}
    if features.names:
        from hadath.ner.names import names_provenance

        out["name_units"] = names_provenance()
    if features.kb:
        from hadath.ner.kbmatch import kb_fingerprint

        out["knowledge_base"] = kb_fingerprint(features.kb_kinds)
    return out


def run_training(data_dir: Path, out_dir: Path, options: TrainOptions, command: str) -> dict[str, Any]:
    """Train on all training corpora, write ``crf.model`` and ``crf.json`` into ``out_dir``,
    score on the ANERcorp test and the Wojood test; returns the provenance record."""
    corpora = training_corpora(data_dir, options)
    train = [s for c in corpora for s in c.sentences]
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path, info_path = out_dir / MODEL_FILE, out_dir / INFO_FILE
    tried = _tried(info_path)
    _write_word_files(data_dir, out_dir, options)
    info_path.write_text(json.dumps({"features": options.features.as_dict()}), encoding="utf-8")
    began = time.perf_counter()
    train_crf(train, options, model_path)
    seconds = time.perf_counter() - began
    model = load_model(model_path)
    tests = [ds.anercorp_test(data_dir), ds.wojood(data_dir, "test")]
    files = sorted({f for c in corpora + tests for f in c.files})
    info = {
        "model": MODEL_FILE, "model_bytes": model_path.stat().st_size,
        "model_sha256": _sha256(model_path), "labels": list(ds.LABELS),
        "command": command, "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "crfsuite": version("python-crfsuite"), **options.as_dict(),
        "train_seconds": round(seconds, 1),
        "data": [{"file": f, "sha256": _sha256(data_dir / f)} for f in files],
        "word_files": _word_files_provenance(data_dir, out_dir, options),
        **_feature_sources(options.features),
        "train_corpora": [{"name": c.name, "sentences": len(c.sentences), "tokens": c.tokens, **c.notes}
                          for c in corpora],
        "scores": {c.name: evaluate_model(model, c).as_dict() for c in tests},
    }
    if tried:
        info["tried_on_dev"] = tried
    info_path.write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return info


def _tried(info_path: Path) -> list[dict[str, Any]]:
    """The record of options tried on the dev block (kept across retraining)."""
    if not info_path.exists():
        return []
    return list(json.loads(info_path.read_text(encoding="utf-8")).get("tried_on_dev", []))
