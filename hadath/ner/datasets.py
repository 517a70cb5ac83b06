"""Training and test sets from ``../shared/data``, mapped to ANERcorp's classes.

The tagger's own label set is ANERcorp's (``PERS``, ``LOC``, ``ORG``,
``MISC``), so that the standard benchmark can be scored as published.  Other
corpora are mapped onto it:

* ANERcorp: training part = the first :data:`ANER_TRAIN_TOKENS` lines of the
  original file (the CAMeL Lab test split is its tail); the original has no
  sentence breaks, so sentences end at sentence-final punctuation tokens.
* Wojood sample: nested; of the spans whose type maps to ours, the outermost
  one wins (so an ORG inside an OCC title is kept, the OCC dropped).
* NewsFANE Gold: ~50 fine classes mapped by :data:`NEWSFANE_MAP`; every
  sentence sharing a word 6-gram with the ANERcorp test is dropped, because
  NewsFANE reuses ANERcorp text.

>>> word_ngrams(["قال", "،", "الرئيس"], 2)
{('قال', 'الرييس')}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hadath.arabic.normalize import normalize
from hadath.ner.conll import Row, bio_spans, parse_conll, read_conll, spans_to_bio

__all__ = [
    "ANER_TRAIN_TOKENS", "ANER_FULL", "ANER_TEST", "LABELS", "Corpus", "TaggedSentence",
    "default_shared_dir", "anercorp_train", "anercorp_test", "anercorp_tail_agreement",
    "wojood", "newsfane", "attach_clitics", "misc_words", "word_ngrams", "corpus_ngrams",
    "NEWSFANE_MAP", "WOJOOD_MAP",
]

ANER_TRAIN_TOKENS = 125_305
ANER_FULL = "anercorp/ANERCorp_original_full.txt"
ANER_TEST = "anercorp/ANERCorp_CamelLab_test.txt"
WOJOOD_DIR = "wojood-sample"
NEWSFANE = "newsfane-gold/NewsFANE_Gold_2014_170K.txt"
LABELS = ("PERS", "LOC", "ORG", "MISC")
SENTENCE_END = frozenset(".!?؟")
NGRAM = 6

TaggedSentence = list[tuple[str, str]]  # (token, BIO tag)

_PER = "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer Engineer Police"
_ORG = ("Non-Governmental Sports Government Media Commercial Educational Religious_ORG Entertainment"
        " Medical-Science")
_LOC = "Nation Population-Center State-or-Province GPE-Cluster Continent County-or-District Water-Body"
_LOC2 = "Land-Region-Natural Celestial"
_MISC = "Building-Grounds Airport Path Subarea-Facility Book Movie Software Hardware Food Drug"
NEWSFANE_MAP: dict[str, str] = {
    **{k: "PERS" for k in _PER.split()},
    **{k: "ORG" for k in _ORG.split()},
    **{k: "LOC" for k in (_LOC + " " + _LOC2).split()},
    **{k: "MISC" for k in _MISC.split()},
}  # Group (العرب), vehicles and weapons are O: ANERcorp does not tag them
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
              "EVENT": "MISC", "PRODUCT": "MISC", "CURR": "MISC"}


@dataclass(frozen=True)
class Corpus:
    """Tagged sentences with where they came from (for provenance)."""

    name: str
    sentences: list[TaggedSentence]
    files: tuple[str, ...]
    notes: dict[str, int] = field(default_factory=dict)

    @property
    def tokens(self) -> int:
        return sum(len(s) for s in self.sentences)


def default_shared_dir() -> Path:
    """``../shared/data`` next to the repository that holds this package."""
    return Path(__file__).resolve().parents[3] / "shared" / "data"


def _require(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: pass --shared pointing at the shared data folder")
    return path


def _aner_rows(data_dir: Path) -> list[Row]:
    with open(_require(data_dir / ANER_FULL), encoding="utf-8") as handle:
        return [tuple(line.split()) for line in handle]


def _split_at_punctuation(rows: Iterable[Row]) -> list[TaggedSentence]:
    out: list[TaggedSentence] = []
    current: TaggedSentence = []
    for row in rows:
        if len(row) < 2:  # an empty token line
            continue
        current.append((row[0], row[-1]))
        if row[0] in SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def anercorp_train(data_dir: Path) -> Corpus:
    """The first :data:`ANER_TRAIN_TOKENS` lines of the original ANERcorp, split into sentences."""
    rows = _aner_rows(data_dir)[:ANER_TRAIN_TOKENS]
    return Corpus("anercorp-train", _split_at_punctuation(rows), (ANER_FULL,))


def anercorp_test(data_dir: Path) -> Corpus:
    """The CAMeL Lab ANERcorp test split (its own sentence breaks)."""
    sents = [[(r[0], r[-1]) for r in s] for s in read_conll(_require(data_dir / ANER_TEST))]
    return Corpus("anercorp-test", sents, (ANER_TEST,))


def anercorp_tail_agreement(data_dir: Path, start: int = ANER_TRAIN_TOKENS) -> float:
    """Share of the CAMeL test's token lines equal to the original's lines from ``start`` on.

    About 0.96 at the split point (the CAMeL file differs only at sentence starts), near 0 elsewhere.
    """
    full = _aner_rows(data_dir)
    test = [r for s in anercorp_test(data_dir).sentences for r in s]
    if len(full) - start != len(test):
        return 0.0
    same = sum(1 for a, b in zip(full[start:], test, strict=True) if a and (a[0], a[-1]) == b)
    return same / len(test)


def _nested_spans(rows: Sequence[Row], mapping: dict[str, str]) -> list[tuple[str, int, int]]:
    """Outermost non-overlapping spans of mapped types in a nested (multi-tag) sentence."""
    spans = []
    for kind in mapping:
        tags = []
        for row in rows:
            found = [t for t in row[1:] if t[2:] == kind]
            tags.append(found[0] if found else "O")
        spans += [(mapping[kind], s, e) for _, s, e in bio_spans(tags)]
    spans.sort(key=lambda sp: (-(sp[2] - sp[1]), sp[1]))
    kept: list[tuple[str, int, int]] = []
    for span in spans:
        if all(span[2] <= k[1] or span[1] >= k[2] for k in kept):
            kept.append(span)
    return kept


def wojood(data_dir: Path, split: str) -> Corpus:
    """A Wojood sample split (``train``, ``val``, ``test``) mapped to ANERcorp classes."""
    name = f"{WOJOOD_DIR}/{split}.txt"
    sents = []
    for rows in read_conll(_require(data_dir / name)):
        tags = spans_to_bio(_nested_spans(rows, WOJOOD_MAP), len(rows))
        sents.append(list(zip((r[0] for r in rows), tags, strict=True)))
    return Corpus(f"wojood-{split}", sents, (name,))


def word_ngrams(tokens: Sequence[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    """Normalised ``n``-grams of the word tokens (punctuation skipped, so tokenisation
    differences do not hide overlap)."""
    words = [normalize(t) for t in tokens if any(ch.isalnum() for ch in t)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def corpus_ngrams(test: Corpus, n: int = NGRAM) -> set[tuple[str, ...]]:
    """All word ``n``-grams of a test corpus, across its sentence breaks."""
    return word_ngrams([tok for s in test.sentences for tok, _ in s], n)


def _newsfane_tag(tag: str) -> str:
    prefix, _, kind = tag.partition("-")
    label = NEWSFANE_MAP.get(kind)
    return f"{prefix}-{label}" if label and prefix in ("B", "I") else "O"


# NewsFANE splits clitics off (ATB style: "و" 6% of its tokens, 0.15% of ANERcorp's); ANERcorp
# writes them attached, so they are glued back (own rule, not from the data).
PROCLITICS = frozenset("وفبل")
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ني", "ي"})


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def attach_clitics(rows: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Glue split proclitics (و ف ب ل) to the next word and enclitics (ه ها هم ...) to the previous
    one, as ANERcorp writes them; the host word's tag is kept (ل + ال → لل).

    >>> attach_clitics([("و", "O"), ("ل", "O"), ("العراق", "B-LOC"), ("و", "O"), ("زير", "O"), ("ه", "O")])
    [('وللعراق', 'B-LOC'), ('وزيره', 'O')]
    >>> attach_clitics([("د", "B-ORG"), ("ب", "I-ORG"), ("ا", "I-ORG")])  # an abbreviation, not a clitic
    [('د', 'B-ORG'), ('ب', 'I-ORG'), ('ا', 'I-ORG')]
    """
    out: list[tuple[str, str]] = []
    prefix = ""
    for token, tag in rows:
        if token in PROCLITICS and tag == "O":
            prefix += token
            continue
        if prefix and _is_word(token):
            glued = token[1:] if prefix.endswith("ل") and token.startswith("ال") else token
            out.append((prefix + glued, tag))
        elif token in ENCLITICS and tag == "O" and out and _is_word(out[-1][0]) and not prefix:
            out[-1] = (out[-1][0] + token, out[-1][1])
        else:
            out += [(ch, "O") for ch in prefix] + [(token, tag)]
        prefix = ""
    out += [(ch, "O") for ch in prefix]
    return out


def misc_words(sentences: Iterable[TaggedSentence], min_count: int = 2) -> frozenset[str]:
    """Normalised words tagged MISC in most of their (at least ``min_count``) occurrences: ANERcorp's
    MISC (currencies, religions, prizes, events) has no NewsFANE class, so NewsFANE leaves them O.

    >>> sorted(misc_words([[("دولار", "B-MISC"), ("في", "O")], [("دولار", "B-MISC")]]))
    ['دولار']
    """
    seen: dict[str, list[int]] = {}
    for sent in sentences:
        for token, tag in sent:
            counts = seen.setdefault(normalize(token), [0, 0])
            counts[0] += 1
            counts[1] += tag.endswith("MISC")
    return frozenset(w for w, (n, m) in seen.items() if n >= min_count and 2 * m > n)


def newsfane(data_dir: Path, banned: set[tuple[str, ...]], n: int = NGRAM, attach: bool = True,
             misc: frozenset[str] = frozenset()) -> Corpus:
    """NewsFANE Gold mapped to ANERcorp classes, without sentences sharing an ``n``-gram in ``banned``
    (with ``attach``, split clitics glued back: :func:`attach_clitics`) nor sentences where a word of
    ``misc`` (:func:`misc_words`) is untagged (NewsFANE has no class for them)."""
    with open(_require(data_dir / NEWSFANE), encoding="utf-8-sig") as handle:
        sentences = list(parse_conll(handle))
    kept, dropped, untagged = [], 0, 0
    for rows in sentences:
        sent = [(r[0], _newsfane_tag(r[-1])) for r in rows]
        glued = attach_clitics(sent)
        # both forms: split clitics hide 6-grams that the glued text shares with ANERcorp
        if word_ngrams([r[0] for r in rows], n) & banned or word_ngrams([t for t, _ in glued], n) & banned:
            dropped += 1
            continue
        sent = glued if attach else sent
        if misc and any(tag == "O" and normalize(tok) in misc for tok, tag in sent):
            untagged += 1
            continue
        kept.append(sent)
    notes = {"dropped_sentences": dropped, "dropped_untagged_misc": untagged}
    return Corpus("newsfane", kept, (NEWSFANE,), notes)


SAUDINEWSNET = "saudinewsnet/dataset"


def saudinewsnet_texts(data_dir: Path) -> Iterable[str]:
    """Titles and contents of the SaudiNewsNet articles (unlabelled text for word profiles)."""
    import json
    import zipfile

    folder = _require(data_dir / SAUDINEWSNET)
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for article in json.loads(archive.read(name).decode("utf-8")):
                    yield (article.get("title") or "") + "\n" + (article.get("content") or "")
