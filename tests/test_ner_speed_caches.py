"""The per-form caches of the taggers keep frequent forms when full, and tagging runs BLAS on one thread."""

import numpy as np
import pytest

from hadath.ner.neural import FormCache, blas_one_thread


def test_ner_speed_form_cache_keeps_forms_used_since_it_was_last_full():
    cache = FormCache(limit=4)
    assert set(cache.missing({"a", "b"})) == {"a", "b"}
    cache.update(a=1, b=2)
    assert cache.missing({"a"}) == []
    new = cache.missing({"c", "d", "e"})  # would pass the limit: keep only what was used (a, b)
    assert set(new) == {"c", "d", "e"} and set(cache) == {"a", "b"}
    cache.update(c=3, d=4, e=5)
    assert cache.missing({"a", "e"}) == []


def test_ner_speed_form_cache_clears_when_everything_was_used():
    cache = FormCache(limit=2)
    cache.missing({"a", "b"})
    cache.update(a=1, b=2)
    assert set(cache.missing({"c"})) == {"c"} and not cache  # used > limit / 2: start afresh


def test_ner_speed_blas_one_thread_inside_and_restored_after():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    np.ones((2, 2)) @ np.ones((2, 2))  # BLAS loaded
    before = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
    with blas_one_thread():
        inside = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
    after = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
    assert all(n == 1 for n in inside) and after == before
