"""Speed of the NER tagger: model load time and tokens per second on one core.

Run: python benchmarks/bench_ner.py [--conll FILE] [--model PATH]
(default: the bundled model — the BiLSTM-CRF when it ships — on the ANERcorp test split in ../shared).
BLAS is limited to one thread, so the figure is one core's.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from hadath.ner import datasets as ds  # noqa: E402
from hadath.ner.conll import read_conll  # noqa: E402
from hadath.ner.crf import load_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conll", type=Path, default=ds.default_shared_dir() / ds.ANER_TEST)
    parser.add_argument("--model", type=Path, default=None, help="model file or folder")
    args = parser.parse_args()
    began = time.perf_counter()
    model = load_model(args.model)
    load_s = time.perf_counter() - began
    sentences = [[r[0] for r in s] for s in read_conll(args.conll)]
    tokens = sum(len(s) for s in sentences)
    began = time.perf_counter()
    model.tag_many(sentences)
    cold = time.perf_counter() - began
    began = time.perf_counter()
    model.tag_many(sentences)
    warm = time.perf_counter() - began
    began = time.perf_counter()
    for sentence in sentences:
        model.tag(sentence)
    single = time.perf_counter() - began
    print(f"model: {type(model).__name__}; load: {load_s:.2f} s")
    print(f"tagging (cold cache, batched): {tokens / cold:,.0f} tokens/s ({tokens} tokens)")
    print(f"tagging (warm cache, batched): {tokens / warm:,.0f} tokens/s")
    print(f"tagging (warm cache, one sentence at a time): {tokens / single:,.0f} tokens/s")


if __name__ == "__main__":
    main()
