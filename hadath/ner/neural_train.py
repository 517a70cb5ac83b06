"""Train the BiLSTM-CRF tagger with PyTorch (``pip install hadath[train]``) and export it to numpy.

Only training needs torch; the exported ``bilstm.npz`` runs with
:mod:`hadath.ner.neural`.  Training is seeded (torch, numpy, batch order) and
runs on CUDA when present, else on the CPU (``torch.set_num_threads(threads)``;
cuDNN's LSTM is not bit-exact, so GPU runs differ slightly).  Word dropout
(``UNK`` for a share of the word ids) teaches the network to tag names it has no
vector for from their characters and context.  The epoch kept is the one with
the best micro F1 on the development block (the last 10% of ANERcorp's training
part, :func:`hadath.ner.devtune.contiguous_split`; never the test split); with
``refit`` the block is trained on too and the last epoch is kept.  Optional
self-training (``teachers``, ``silver``) adds SaudiNewsNet sentences labelled by
teacher BiLSTMs (:mod:`hadath.ner.selftrain`).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from hadath.ner import datasets as ds
from hadath.ner.evaluate import score
from hadath.ner.features import load_gazetteer
from hadath.ner.neural import MAX_CHARS, PAD, SHAPES, UNK, Encoder, NeuralModel

__all__ = ["NeuralOptions", "train_neural", "save_neural", "run_neural", "dev_split", "test_scores",
           "corpora", "silver", "model_of", "drop_gazetteer"]

TAGS = ("O", *(f"{p}-{label}" for label in ds.LABELS for p in ("B", "I")))


@dataclass(frozen=True)
class NeuralOptions:
    seed: int = 13
    epochs: int = 16  # the best epoch on the dev block is kept
    batch: int = 32
    lr: float = 2e-3
    hidden: int = 128
    char_dim: int = 32
    char_filters: int = 64
    dropout: float = 0.3  # dev block, with word dropout 0.25: 0.3 > 0.5
    tune_embeddings: bool = True  # fine-tune the SaudiNewsNet vectors (measured: frozen is worse)
    gazetteer: bool = True
    threads: int = 1  # one thread: OpenMP spin-waiting makes 2 threads slower on a shared CPU
    refit: bool = False  # train on all of ANERcorp train (dev included) and keep the last epoch
    word_dropout: float = 0.25  # share of word/stem ids replaced by UNK while training (dev: 0 < .1-.4)
    lr_decay: float = 1.0  # learning rate × this after each epoch
    vocab: int = 40_000  # SaudiNewsNet word vectors kept (most frequent words)
    device: str = "auto"  # torch device: auto = CUDA when present, else CPU
    teachers: int = 0  # self-training: BiLSTMs (other seeds) that label SaudiNewsNet sentences first
    silver: int = 0  # self-training: SaudiNewsNet sentences sampled for the teachers to label
    silver_threshold: float = 0.9  # keep a silver sentence when its least sure token is this sure
    workers: int = 1  # processes labelling the silver sentences
    gazetteer_dropout: float = 0.0  # share of tokens whose gazetteer features are zeroed (not yet measured)
    newsfane: bool = False  # add NewsFANE (glued; no 6-gram with test/dev; misc_words); not yet measured

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _network(torch: Any, n_words: int, dim: int, n_chars: int, n_feats: int, o: NeuralOptions) -> Any:
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_emb = nn.Embedding(n_words, dim, padding_idx=PAD)
            self.char_emb = nn.Embedding(n_chars, o.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(o.char_dim, o.char_filters, 3, padding=1)
            self.drop = nn.Dropout(o.dropout)
            self.lstm = nn.LSTM(2 * dim + o.char_filters + n_feats, o.hidden, batch_first=True,
                                bidirectional=True)
            self.out = nn.Linear(2 * o.hidden, len(TAGS))
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def forward(self, words, stems, chars, feats, lengths):  # noqa: ANN001, ANN202
            uniq, where = chars  # character ids of the batch's distinct tokens, token -> row
            conv = torch.relu(self.conv(self.char_emb(uniq).transpose(1, 2)))
            cvec = conv.masked_fill(~(uniq > 0).unsqueeze(1), 0.0).max(dim=2).values[where]
            t = words.shape[1]
            x = torch.cat([self.word_emb(words), self.word_emb(stems), cvec, feats], dim=2)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
            return self.out(self.drop(h))

    return Net()


def _crf_nll(torch: Any, net: Any, em: Any, tags: Any, mask: Any, lengths: Any) -> Any:
    """Mean negative log-likelihood of the gold paths under the linear-chain CRF."""
    b, t, _ = em.shape
    gold = net.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
    alpha = net.start + em[:, 0]
    for i in range(1, t):
        step = net.trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(1, tags[:, i : i + 1]).squeeze(1)
        gold = gold + step * mask[:, i]
        nxt = torch.logsumexp(alpha.unsqueeze(2) + net.trans.unsqueeze(0) + em[:, i].unsqueeze(1), dim=1)
        alpha = torch.where(mask[:, i].unsqueeze(1) > 0, nxt, alpha)
    gold = gold + net.end[tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)]
    return (torch.logsumexp(alpha + net.end, dim=1) - gold).mean()


def _tensors(torch: Any, encoded: Sequence[list[tuple]], tag_ids: Sequence[list[int]]) -> tuple:
    b, t = len(encoded), max(len(s) for s in encoded)
    words = np.zeros((b, t), dtype=np.int64)
    stems = np.zeros((b, t), dtype=np.int64)
    where = np.zeros((b, t), dtype=np.int64)
    feats = np.zeros((b, t, len(encoded[0][0][3])), dtype=np.float32)
    tags = np.zeros((b, t), dtype=np.int64)
    rows: dict[tuple[int, ...], int] = {(): 0}
    for i, sent in enumerate(encoded):
        for j, (w, s, ch, f) in enumerate(sent):
            words[i, j], stems[i, j], feats[i, j] = w, s, f
            where[i, j] = rows.setdefault(tuple(ch or [UNK]), len(rows))
        tags[i, : len(sent)] = tag_ids[i]
    uniq = np.zeros((len(rows), max(len(k) for k in rows) or 1), dtype=np.int64)
    for key, row in rows.items():
        uniq[row, : len(key)] = key
    lengths = torch.tensor([len(s) for s in encoded])
    mask = (torch.arange(t).unsqueeze(0) < lengths.unsqueeze(1)).float()
    chars = (torch.from_numpy(uniq), torch.from_numpy(where))
    return (torch.from_numpy(words), torch.from_numpy(stems), chars, torch.from_numpy(feats),
            torch.from_numpy(tags), mask, lengths)


def _export(net: Any, encoder: Encoder, info: dict[str, Any]) -> dict[str, np.ndarray]:
    p = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    return {
        "word_emb": p["word_emb.weight"].astype(np.float16), "char_emb": p["char_emb.weight"],
        "conv_w": p["conv.weight"], "conv_b": p["conv.bias"],
        "fw_w_ih": p["lstm.weight_ih_l0"], "fw_w_hh": p["lstm.weight_hh_l0"],
        "fw_b": p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"],
        "bw_w_ih": p["lstm.weight_ih_l0_reverse"], "bw_w_hh": p["lstm.weight_hh_l0_reverse"],
        "bw_b": p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"],
        "out_w": p["out.weight"], "out_b": p["out.bias"],
        "trans": p["trans"], "start": p["start"], "end": p["end"],
        "words": np.array(list(encoder.words)), "chars": np.array(list(encoder.chars)),
        "classes": np.array(list(encoder.classes)), "info": np.array(json.dumps(info, ensure_ascii=False)),
    }


def _numpy_model(arrays: dict[str, np.ndarray], encoder: Encoder) -> NeuralModel:
    weights = {k: v for k, v in arrays.items() if k not in ("words", "chars", "classes", "info")}
    return NeuralModel(weights, encoder, json.loads(str(arrays["info"])))


def _f1(model: NeuralModel, sentences: Sequence[ds.TaggedSentence]) -> float:
    pred = model.tag_many([[tok for tok, _ in s] for s in sentences])
    return score([[tag for _, tag in s] for s in sentences], pred).micro.f1


def _device(torch: Any, name: str) -> Any:
    """``auto``: CUDA when present, else the CPU."""
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(name)


def _prepare(torch: Any, train: Sequence[ds.TaggedSentence], words: list[str], vectors: np.ndarray,
             options: NeuralOptions) -> tuple[Encoder, Any, list[tuple]]:
    """The encoder (character list from ``train``), the network with its word vectors set, and the
    training batches (sentences of similar length) as tensors."""
    gazetteer = load_gazetteer() if options.gazetteer else None
    classes = sorted({c for v in gazetteer.entries.values() for c in v}) if gazetteer else []
    char_counts: dict[str, int] = {}
    for sent in train:
        for tok, _ in sent:
            for ch in tok[:MAX_CHARS]:
                char_counts[ch] = char_counts.get(ch, 0) + 1
    chars = sorted(c for c, n in char_counts.items() if n >= 2)
    encoder = Encoder(words, chars, classes, gazetteer)
    tag_index = {t: i for i, t in enumerate(TAGS)}
    encoded = [[encoder.encode(tok) for tok, _ in s] for s in train]
    tag_ids = [[tag_index.get(tag, 0) for _, tag in s] for s in train]
    net = _network(torch, len(words) + 2, vectors.shape[1], len(chars) + 2, encoder.n_features, options)
    with torch.no_grad():
        net.word_emb.weight[2:] = torch.from_numpy(vectors)
        net.word_emb.weight[:2] = 0.0
    net.word_emb.weight.requires_grad = options.tune_embeddings
    order = sorted(range(len(train)), key=lambda i: len(train[i]))
    batches = [order[k : k + options.batch] for k in range(0, len(order), options.batch)]
    tensors = [_tensors(torch, [encoded[i] for i in ids], [tag_ids[i] for i in ids]) for ids in batches]
    return encoder, net, tensors


def _to(device: Any, batch: tuple) -> tuple:
    w, s, (uniq, where), f, t, m, lengths = batch  # lengths stay on the CPU (pack_padded_sequence)
    return (w.to(device), s.to(device), (uniq.to(device), where.to(device)), f.to(device), t.to(device),
            m.to(device), lengths)


def drop_gazetteer(torch: Any, feats: Any, share: float) -> Any:
    """``feats`` (batch, time, shapes + gazetteer classes) with the gazetteer part zeroed for a random
    ``share`` of the tokens (the shape one-hot is kept), so that the network does not lean on the
    gazetteer alone."""
    n = len(SHAPES)
    keep = (torch.rand(feats.shape[:2], device=feats.device) >= share).unsqueeze(2).to(feats.dtype)
    return torch.cat([feats[..., :n], feats[..., n:] * keep], dim=2)


def _epoch(torch: Any, net: Any, optim: Any, batches: list[tuple], rng: random.Random,
           options: NeuralOptions) -> float:
    """One pass over the shuffled batches; word dropout replaces a share of the word and stem ids by
    ``UNK`` so that the network learns to tag from characters and context (unseen names)."""
    net.train()
    total = 0.0
    keys = list(range(len(batches)))
    rng.shuffle(keys)
    for key in keys:
        w, s, c, f, t, m, lengths = batches[key]
        if options.word_dropout > 0:
            drop = (torch.rand(w.shape, device=w.device) < options.word_dropout) & (m > 0)
            w, s = w.masked_fill(drop, UNK), s.masked_fill(drop, UNK)
        if options.gazetteer_dropout > 0:
            f = drop_gazetteer(torch, f, options.gazetteer_dropout)
        loss = _crf_nll(torch, net, net(w, s, c, f, lengths), t, m, lengths.to(w.device))
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        optim.step()
        total += float(loss.detach())
    return total / max(1, len(batches))


def train_neural(train: Sequence[ds.TaggedSentence], dev: Sequence[ds.TaggedSentence],
                 words: list[str], vectors: np.ndarray, options: NeuralOptions,
                 log: Any = print) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Train on ``train``, keep the best epoch on ``dev``; returns (npz arrays, training record)."""
    import torch

    torch.manual_seed(options.seed)
    random.seed(options.seed)
    torch.set_num_threads(options.threads)
    device = _device(torch, options.device)
    encoder, net, batches = _prepare(torch, train, words, vectors, options)
    net.to(device)
    batches = [_to(device, b) for b in batches]
    optim = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=options.lr)
    decay = torch.optim.lr_scheduler.ExponentialLR(optim, gamma=options.lr_decay)
    rng = random.Random(options.seed)
    info = {"tags": list(TAGS), "options": options.as_dict()}
    best: tuple[float, int, dict[str, np.ndarray]] = (-1.0, 0, {})
    history = []
    for epoch in range(1, options.epochs + 1):
        began = time.perf_counter()
        loss = _epoch(torch, net, optim, batches, rng, options)
        decay.step()
        net.eval()
        arrays = _export(net, encoder, info)
        dev_f1 = _f1(_numpy_model(arrays, encoder), dev) if dev else 0.0
        history.append({"epoch": epoch, "loss": round(loss, 3), "dev_f1": round(dev_f1, 4),
                        "seconds": round(time.perf_counter() - began, 1)})
        log(json.dumps(history[-1]))
        if dev_f1 > best[0] or options.refit:  # refit: dev is in the training data, keep the last epoch
            best = (dev_f1, epoch, arrays)
    record = {"best_epoch": best[1], "dev_f1": round(best[0], 4), "history": history, "device": str(device)}
    arrays = best[2]
    arrays["info"] = np.array(json.dumps({**info, **record}, ensure_ascii=False))
    return arrays, record


def save_neural(path: Path, arrays: dict[str, np.ndarray]) -> None:
    np.savez_compressed(path, **arrays)


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def dev_split(sentences: Sequence[ds.TaggedSentence], seed: int) -> tuple[list, list]:
    """(train, dev): a seeded 10% of ``sentences`` is the development set (as in ``--variants``)."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    dev_ids = set(order[: len(sentences) // 10])
    return ([s for i, s in enumerate(sentences) if i not in dev_ids],
            [s for i, s in enumerate(sentences) if i in dev_ids])


def test_scores(model: Any, tests: Sequence[ds.Corpus], window: int | None = None) -> dict[str, Any]:
    """Scores per type and micro, plus micro over PERS/ORG/LOC (``shared``), per test corpus;
    with ``window``, after label consistency over that many neighbouring sentences."""
    from hadath.ner.consistency import propagate_windows

    out = {}
    for corpus in tests:
        gold = [[tag for _, tag in s] for s in corpus.sentences]
        tokens = [[tok for tok, _ in s] for s in corpus.sentences]
        pred = model.tag_many(tokens)
        if window is not None:
            pred = propagate_windows(tokens, pred, window)
        out[corpus.name] = score(gold, pred).as_dict()
        out[corpus.name]["shared PERS/ORG/LOC"] = score(_shared(gold), _shared(pred)).micro.as_dict()
    return out


def _shared(sentences: list[list[str]]) -> list[list[str]]:
    return [[t if t.endswith(("PERS", "ORG", "LOC")) else "O" for t in tags] for tags in sentences]


def model_of(arrays: dict[str, np.ndarray]) -> NeuralModel:
    """The numpy tagger of exported ``arrays`` (as :func:`hadath.ner.neural.load_neural` loads it)."""
    classes = [str(c) for c in arrays["classes"]]
    encoder = Encoder([str(w) for w in arrays["words"]], [str(c) for c in arrays["chars"]], classes,
                      load_gazetteer() if classes else None)
    return _numpy_model(arrays, encoder)


def corpora(data_dir: Path, options: NeuralOptions) -> tuple[list, list, list[ds.Corpus]]:
    """(train, dev, source corpora): ANERcorp train minus its last 10% (the contiguous dev block of
    :mod:`hadath.ner.devtune`, whole documents like the test; all of it with ``refit``) + Wojood train."""
    from hadath.ner.devtune import contiguous_split

    aner, wojood = ds.anercorp_train(data_dir), ds.wojood(data_dir, "train")
    train, dev = contiguous_split(aner.sentences)
    train = (list(aner.sentences) if options.refit else train) + wojood.sentences
    if not options.newsfane:
        return train, dev, [aner, wojood]
    banned = ds.corpus_ngrams(ds.anercorp_test(data_dir))
    if not options.refit:
        banned |= ds.corpus_ngrams(ds.Corpus("dev", dev, ()))
    news = ds.newsfane(data_dir, banned, misc=ds.misc_words(train))
    return train + news.sentences, dev, [aner, wojood, news]


def silver(data_dir: Path, train: list, dev: list, words: list[str], vectors: np.ndarray,
           options: NeuralOptions, log: Any = print) -> tuple[list, dict[str, Any]]:
    """Self-training data: ``options.teachers`` BiLSTMs (seeds after ``options.seed``) label a seeded
    sample of ``options.silver`` SaudiNewsNet sentences (none sharing a word 6-gram with the ANERcorp
    test); their confident sentences come back."""
    from hadath.ner.selftrain import news_sentences, silver_labels_parallel

    teachers, dev_f1 = [], []
    for k in range(1, options.teachers + 1):
        arrays, record = train_neural(train, dev, words, vectors,
                                      replace(options, seed=options.seed + k, teachers=0), log)
        teachers.append(model_of(arrays))
        dev_f1.append(record["dev_f1"])
    banned = ds.corpus_ngrams(ds.anercorp_test(data_dir))  # no news sentence sharing a 6-gram with the test
    sentences = [s for s in news_sentences(ds.saudinewsnet_texts(data_dir), options.silver, options.seed)
                 if not ds.word_ngrams(s) & banned]
    labelled = silver_labels_parallel(teachers, sentences, options.silver_threshold, options.workers)
    log(f"silver: {len(labelled)} of {len(sentences)} sentences kept")
    return labelled, {"teachers": options.teachers, "teacher_dev_f1": dev_f1, "sampled": len(sentences),
                      "kept": len(labelled), "threshold": options.silver_threshold}


def _vectors_record(data_dir: Path, options: NeuralOptions) -> dict[str, Any]:
    zips = sorted((data_dir / ds.SAUDINEWSNET).glob("*.zip"))
    method = f"PPMI + randomised SVD (hadath.ner.embeddings), {options.vocab // 1000}k words, 100 dims"
    return {"method": method,
            "licence": "SaudiNewsNet CC BY-NC-SA 4.0: research use only",
            "built_from": [{"file": str(z.relative_to(data_dir)), "sha256": _sha256(z)} for z in zips]}


def _ensemble_record(out_dir: Path, tests: list[ds.Corpus]) -> dict[str, Any]:
    from hadath.ner.commands import CONSISTENCY_WINDOW
    from hadath.ner.crf import ENSEMBLE_WEIGHT, load_model

    ensemble = load_model(out_dir)
    return {"with": "crf.model", "weight": ENSEMBLE_WEIGHT, "scores": test_scores(ensemble, tests),
            "consistency": {"module": "hadath.ner.consistency", "window": CONSISTENCY_WINDOW,
                            "scores": test_scores(ensemble, tests, CONSISTENCY_WINDOW)}}


def run_neural(data_dir: Path, out_dir: Path, options: NeuralOptions, command: str,
               log: Any = print) -> dict[str, Any]:
    """Build SaudiNewsNet vectors, train on ANERcorp train (minus dev) + Wojood train (+ silver news
    sentences with ``options.teachers``), write ``bilstm.npz`` and ``bilstm.json`` (provenance, scores
    on the ANERcorp and Wojood tests)."""
    import torch

    from hadath.ner.embeddings import build_vectors
    from hadath.ner.neural import load_neural

    began = time.perf_counter()
    words, vectors = build_vectors(ds.saudinewsnet_texts(data_dir), options.seed, vocab=options.vocab)
    log(f"vectors: {len(words)} words in {time.perf_counter() - began:.0f} s")
    train, dev, sources = corpora(data_dir, options)
    extra, self_training = [], {}
    if options.teachers:
        extra, self_training = silver(data_dir, train, dev, words, vectors, options, log)
    arrays, record = train_neural(train + extra, dev, words, vectors, options, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "bilstm.npz"
    save_neural(path, arrays)
    tests = [ds.anercorp_test(data_dir), ds.wojood(data_dir, "test")]
    scores = test_scores(load_neural(path, load_gazetteer() if options.gazetteer else None), tests)
    files = sorted({f for c in [*sources, *tests] for f in c.files})
    info = {
        "model": path.name, "model_bytes": path.stat().st_size, "model_sha256": _sha256(path),
        "kind": "bilstm-crf", "labels": list(ds.LABELS), "command": command,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "torch": torch.__version__,
        **options.as_dict(), "train_seconds": round(time.perf_counter() - began, 1),
        "data": [{"file": f, "sha256": _sha256(data_dir / f)} for f in files],
        "word_vectors": _vectors_record(data_dir, options),
        "train_corpora": [{"name": "anercorp-train" + (" (all: refit)" if options.refit else " minus dev"),
                           "sentences": len(train) - sum(len(c.sentences) for c in sources[1:])},
                          {"name": "anercorp-dev block (epoch choice)", "sentences": len(dev)},
                          *({"name": c.name, "sentences": len(c.sentences), **c.notes} for c in sources[1:]),
                          {"name": "saudinewsnet silver", "sentences": len(extra)}],
        "self_training": self_training, **record, "scores": scores,
    }
    if (out_dir / "crf.model").exists():
        info["ensemble"] = _ensemble_record(out_dir, tests)
    path.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    return info
