"""The fast token construction and the cached search keys give exactly what the plain code gives."""

import pickle

from hadath.arabic.search import _ARTICLES, _PREPOSITIONS, _words, index_keys, light_stem
from hadath.arabic.tokens import tokenize
from hadath.model import Token

TEXT = "وقال وزير الخارجية للصحفيين: قصفت الطائرات بغزة 3.2 مليار، والمتظاهرون في الرياض."


def test_tokenize_tokens_equal_dataclass_built_tokens():
    tokens = tokenize(TEXT, 7)
    plain = tuple(Token(t.text, t.start, t.end, t.norm, t.stems) for t in tokens)
    assert tokens == plain and hash(tokens) == hash(plain)
    assert [repr(t) for t in tokens] == [repr(t) for t in plain]
    assert pickle.loads(pickle.dumps(tokens)) == plain
    assert tokens[0].start == 7 and tokens[0].norm == tokens[0].stems[0]


def _plain_index_keys(text: str) -> list[str]:
    keys = []
    for word in _words(text):
        stem = light_stem(word)
        keys.append(stem)
        if word[:1] in _PREPOSITIONS and len(word) >= 4 and not word.startswith(_ARTICLES):
            keys.append(light_stem(word[1:]))
        if stem.endswith("ت") and len(stem) >= 4:
            keys.append(stem[:-1])
    return keys


def test_index_keys_cached_equal_plain():
    for _ in range(2):  # the second time from the cache
        assert index_keys(TEXT) == _plain_index_keys(TEXT)
