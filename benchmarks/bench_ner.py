"""Speed of the CRF tagger: model load time and tokens per second on one core.

Run: python benchmarks/bench_ner.py [--conll FILE] (default: the ANERcorp test split in ../shared).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from hadath.ner import datasets as ds
from hadath.ner.conll import read_conll
from hadath.ner.crf import load_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conll", type=Path, default=ds.default_shared_dir() / ds.ANER_TEST)
    args = parser.parse_args()
    began = time.perf_counter()
    model = load_model()
    load_s = time.perf_counter() - began
    sentences = [[r[0] for r in s] for s in read_conll(args.conll)]
    tokens = sum(len(s) for s in sentences)
    began = time.perf_counter()
    for sentence in sentences:
        model.tag(sentence)
    cold = time.perf_counter() - began
    began = time.perf_counter()
    for sentence in sentences:
        model.tag(sentence)
    warm = time.perf_counter() - began
    print(f"model load: {load_s:.2f} s")
    print(f"tagging (cold feature cache): {tokens / cold:,.0f} tokens/s ({tokens} tokens)")
    print(f"tagging (warm feature cache): {tokens / warm:,.0f} tokens/s")


if __name__ == "__main__":
    main()
