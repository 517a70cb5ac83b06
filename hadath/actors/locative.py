"""Locative contexts: when a place name is a place ("في النيجر", "لنيامي") rather than an actor or a word.

A name is in a locative context when

* it carries the proclitic ب or ل (بنيامي, لنيامي);
* the word before (quotes and brackets aside) is a preposition of place (في، إلى، من،
  نحو، باتجاه…), a place noun (مدينة، محافظة، منطقة، العاصمة، ريف…, also with و/ب/ل/ال:
  بمحافظة، لمدينة), a direction (شمال، جنوبي…) or a noun whose complement is a place
  (سكان، أهالي، مطار، محافظ، تراث، أركان، مستشفيات، مهرجان، ومقرها);
* the two words before are a place noun and a nisba adjective (العاصمة الليبية طرابلس);
* a plural or dual place noun is among the three words before (مدن مثل تكريت), or opens a
  comma-separated list of two items or more that it is in (مناطق الكورة، المنية، صيدا);
* it opens the text as a dateline (واس- جدة، بنغازي (ليبيا)), or, anywhere, a bracketed
  country follows it (أنجامينا (تشاد));
* it is coordinated with و to a city in such a context or to a plural place noun, through
  a short list (في الرمادي والفلوجة، محافظتي الضالع وتعز، بمكة المكرمة والطائف).

A GeoNames city, which unlike a country or capital is never an actor, is also a place
after بين, after a control or attack word and على (السيطرة على عدن), in apposition
(زنجبار عاصمة أبين، داماتورو مركز ولاية يوبي) and coordinated to one (بين اجدابيا وطبرق):
``city_strength``.

``locative_strength`` grades the evidence (a bare clitic, a word, a place noun) so that
``Places.accepts`` can ask more population of a city named on weaker evidence.

``LOCATIVE`` holds the words of the second rule (normalised, with their clitic forms):
``lexicon.py`` also reads it to tell a preposition or place noun before the name.

>>> from hadath.arabic.tokens import tokenize
>>> toks = tokenize("وصل إلى نيامي")
>>> has_locative_context(toks, 2, ""), has_locative_context(toks, 1, "")
(True, False)
>>> toks = tokenize("قرب العاصمة الليبية طرابلس وفي الرمادي والفلوجة")
>>> [has_locative_context(toks, i, c) for i, c in ((3, ""), (5, ""), (6, "و"))]
[True, True, True]
>>> has_locative_context(tokenize("وقال علي والحكومة"), 2, "و")
False
"""

from __future__ import annotations

from collections.abc import Sequence

from hadath.arabic.normalize import normalize
from hadath.model import Token

__all__ = [
    "LOCATIVE",
    "PLACE_NOUNS",
    "CLITIC",
    "WORD",
    "PLACE_NOUN",
    "city_strength",
    "direct_locative",
    "has_locative_context",
    "locative_strength",
    "state_context",
    "HOST",
    "SOURCE",
]

# How strong the evidence is that a name is a place (see ``locative_strength``).
CLITIC, WORD, PLACE_NOUN = 1, 2, 3

# Words after which a name is a place. source: own (general Arabic news usage).
_PREPOSITIONS = "في إلى الى داخل نحو قرب من عبر باتجاه فوق"
_DIRECTIONS = "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي شمالا جنوبا شرقا غربا"
_PLACE_NOUNS = (
    "مدينة مدينتي مدن بلدة بلدتي بلدات قرية قريتي قرى عاصمة محافظة محافظتي محافظات ولاية ولايتي ولايات"
    " إقليم منطقة منطقتي مناطق مديرية مديريات مقاطعة ناحية قضاء ريف ضواحي أنحاء أطراف مشارف مداخل"
    " مخارج محيط أرجاء"
)
# nouns whose genitive complement is a place (سكان الرقة، مطار عدن، محافظ أملج, تراث تمبكتو،
# أركان ليبيا، مستشفيات كراتشي، مهرجان أملج, ومقرها لندن "headquartered in London")
_PLACE_HEADS = (
    "سكان أهالي مطار ميناء محافظ بلدية أمانة أحياء شوارع تراث آثار أركان مستشفى مستشفيات مهرجان مقرها مقره"
)
# Contexts that make a GeoNames city (never a country or capital, which are also actors) a
# place. source: own.  "بين اجدابيا وطبرق"; "تسيطر على عدن", "الهجوم على زنجبار".
_CITY_PREPOSITIONS = "بين"
_CONTROL = "سيطرة السيطرة تسيطر يسيطر سيطرت يسيطرون الاستيلاء استولت استعادة هجوم الهجوم هجوما زحف الزحف"
# a city in apposition: "زنجبار عاصمة أبين", "داماتورو مركز ولاية يوبي", "عدن، كبرى مدن الجنوب"
_APPOSITION = "عاصمة مركز كبرى أكبر ثاني ثالث"


def _clitic_forms(words: str, article: bool) -> set[str]:
    """Normalised words with the proclitics و/ف/ب/ل (and ال when ``article``)."""
    out: set[str] = set()
    for word in words.split():
        base = normalize(word)
        forms = {base} | ({"ال" + base, "بال" + base, "لل" + base, "وال" + base} if article else set())
        for form in list(forms):
            forms |= {p + form for p in ("و", "ف", "ب", "ل", "وب", "ول") if not form.startswith("ال")}
        out |= forms
    return out


PLACE_NOUNS = frozenset(_clitic_forms(_PLACE_NOUNS, article=True))
_DIRECTION_WORDS = frozenset(normalize(w) for w in _DIRECTIONS.split())
LOCATIVE = frozenset(
    _clitic_forms(_PREPOSITIONS, article=False)
    | _clitic_forms(_DIRECTIONS, article=False)
    | PLACE_NOUNS
    | _clitic_forms(_PLACE_HEADS, article=False)
)
_CITY_LOCATIVE = frozenset(_clitic_forms(_CITY_PREPOSITIONS, article=False))
_CONTROL_WORDS = frozenset(_clitic_forms(_CONTROL, article=False))
_APPOSITION_WORDS = frozenset(normalize(w) for w in _APPOSITION.split())
_COMMAS = frozenset("،,")
_ALA = normalize("على")
_CAPITAL = normalize("عاصمة")
_MAX_LIST = 24  # tokens walked back over a comma-separated list of places
_PREP_CLITICS = ("ب", "ل")
_TRANSPARENT = frozenset("\"«»“”('")
_DATELINE_CHARS = 40  # a dateline name starts within this many characters of the text
_MAX_CHAIN = 5  # tokens walked back over a coordinated list
# dual and plural place nouns that head a list of names (محافظتي الضالع وتعز)
_LIST_HEADS = frozenset(
    _clitic_forms("مدينتي مدن بلدتي بلدات قريتي قرى محافظتي محافظات ولايتي ولايات منطقتي مناطق مديريات", True)
)


def _is_nisba(token: Token) -> bool:
    """An adjective like الليبية / التشادية / العراقي (ال + …ي / …يه)."""
    norm = token.norm
    return norm.startswith("ال") and len(norm) > 4 and norm.endswith(("يه", "ي"))


def _before(tokens: Sequence[Token], i: int, k: int = 1) -> Token | None:
    """The ``k``-th token before ``i``, not counting quotes and brackets (مدينة "طرابلس")."""
    j = i - 1
    while j >= 0:
        if tokens[j].norm not in _TRANSPARENT:
            k -= 1
            if k == 0:
                return tokens[j]
        j -= 1
    return None


def _after_list_head(tokens: Sequence[Token], i: int) -> bool:
    """A plural place noun among the three words before (مدن مثل تكريت، ثماني مدن، منها الموصل),
    or opening a comma-separated list that ``i`` is in (مناطق الكورة، المنية، زغرتا، صيدا)."""
    if any((tok := _before(tokens, i, k)) is not None and tok.norm in _LIST_HEADS for k in (1, 2, 3)):
        return True
    return i > 0 and tokens[i - 1].norm in _COMMAS and _in_comma_list(tokens, i)


def _in_comma_list(tokens: Sequence[Token], i: int) -> bool:
    """Whether the words before ``i`` are at least two items of at most three words separated
    by commas, back to a plural place noun (one comma is a clause: "المدن لاجتذاب السياح، وأن")."""
    group = commas = 0
    for j in range(i - 1, max(-1, i - 1 - _MAX_LIST), -1):
        norm = tokens[j].norm
        if norm in _LIST_HEADS:
            return commas >= 2
        if norm in _COMMAS:
            group, commas = 0, commas + 1
            continue
        group += 1
        if group > 3 or not tokens[j].text[:1].isalpha():
            return False
    return False


def _dateline(tokens: Sequence[Token], i: int) -> bool:
    """A dateline at the start of the text: an agency dash before the name (واس- جدة:) or its
    country in brackets after it (بنغازي (ليبيا)) — not "إيران: ..." (a statement by Iran).
    Anywhere in the text a name followed by a bracketed country ("أنجامينا (تشاد)") is a place."""
    if _country_in_brackets(tokens, i):
        return True
    if i > 3 or tokens[i].start >= _DATELINE_CHARS:
        return False
    dash = i > 0 and tokens[i - 1].norm == "-"
    bracket = i + 1 < len(tokens) and tokens[i + 1].norm == "("
    return dash or bracket


def _country_in_brackets(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is followed by ``(`` and a country name (after a direction word) and ``)``:
    "أنجامينا (تشاد)", "زحلة( شرق لبنان)"."""
    from hadath.actors.kb import load_default

    if i + 3 >= len(tokens) or tokens[i + 1].norm != "(":
        return False
    kb = load_default()
    inner = [t for t in tokens[i + 2 : i + 6]]
    close = next((k for k, t in enumerate(inner) if t.norm == ")"), None)
    if close is None or close == 0:
        return False
    words = [t.norm for t in inner[:close]]
    if len(words) > 1 and words[0] in _DIRECTION_WORDS:
        words = words[1:]
    ids = kb.index.get(" ".join(words), ())
    return bool(ids) and kb.entries[ids[0]].kind == "country"


def _strength_here(tokens: Sequence[Token], i: int, clitic: str) -> int:
    """The locative strength from the words right before token ``i`` and its clitic (no lists)."""
    one, two = _before(tokens, i), _before(tokens, i, 2)
    if one is not None and one.norm in PLACE_NOUNS:
        # المنطقة الخضراء: after a definite place noun a definite word is mostly an adjective
        definite = one.norm.startswith(("ال", "بال", "لل", "وال")) and tokens[i].norm.startswith("ال")
        return WORD if definite else PLACE_NOUN
    if two is not None and two.norm in PLACE_NOUNS and _is_nisba(one):
        return PLACE_NOUN
    if _after_list_head(tokens, i):
        return PLACE_NOUN
    if (one is not None and one.norm in LOCATIVE) or _dateline(tokens, i):
        return WORD
    return CLITIC if clitic.lstrip("وف")[:1] in _PREP_CLITICS else 0


def direct_locative(tokens: Sequence[Token], i: int, clitic: str) -> bool:
    """Whether the words right before token ``i`` or its clitic make it a place (no lists)."""
    return _strength_here(tokens, i, clitic) > 0


def _city_clitic(token: Token, names) -> str | None:
    """The proclitics of ``token`` when one of its stems is a city name, else None."""
    for stem in token.stems:
        if stem in names and token.norm.endswith(stem):
            return token.norm[: len(token.norm) - len(stem)]
    return None


def _coordinated(tokens: Sequence[Token], i: int, city: bool = False) -> int:
    """The strength token ``i`` (with و) takes from a list it closes: ``PLACE_NOUN`` under a
    plural place noun (محافظات تيماء وحقل وضباء والوجه، مدينتي الرمادي والفلوجة), ``WORD``
    after a city in a locative context (في الرمادي والفلوجة), else 0."""
    from hadath.actors.geo import load_places

    names = load_places().by_arabic
    for j in range(i - 1, max(-1, i - 1 - _MAX_CHAIN), -1):
        tok = tokens[j]
        if tok.norm in _LIST_HEADS:
            return PLACE_NOUN
        clitic = _city_clitic(tok, names)
        if clitic is None:
            continue
        strength = _strength_here(tokens, j, clitic) or (_city_here(tokens, j) if city else 0)
        if strength > 0:
            return max(strength, WORD)
    return 0


def _city_here(tokens: Sequence[Token], i: int) -> int:
    """``WORD`` when the words around token ``i`` make a city (only) a place: after بين or a
    control/attack word and على, or followed by an apposition (عاصمة أبين، مركز ولاية يوبي)."""
    one, two = _before(tokens, i), _before(tokens, i, 2)
    if one is not None and one.norm in _CITY_LOCATIVE:
        return WORD
    if one is not None and one.norm == _ALA and two is not None and two.norm in _CONTROL_WORDS:
        return WORD
    k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].norm in _COMMAS)
    if k < len(tokens) and tokens[k].norm in _APPOSITION_WORDS:
        if tokens[k].norm == _CAPITAL or (k + 1 < len(tokens) and tokens[k + 1].norm in PLACE_NOUNS):
            return WORD
    return 0


def city_strength(tokens: Sequence[Token], i: int, clitic: str) -> int:
    """``locative_strength`` for a GeoNames city, which is never an actor: also ``WORD`` in the
    contexts of ``_city_here`` and when coordinated to a city in one (بين اجدابيا وطبرق).

    >>> from hadath.arabic.tokens import tokenize
    >>> toks = tokenize("الطريق بين اجدابيا وطبرق ثم السيطرة على عدن")
    >>> [city_strength(toks, i, c) for i, c in ((2, ""), (3, "و"), (7, ""))]
    [2, 2, 2]
    >>> locative_strength(toks, 7, "")
    0
    """
    strength = locative_strength(tokens, i, clitic)
    if strength >= WORD:
        return strength
    here = _city_here(tokens, i)
    if not here and clitic == "و":
        here = _coordinated(tokens, i, city=True)
    return max(strength, here)


def has_locative_context(tokens: Sequence[Token], i: int, clitic: str) -> bool:
    """Whether token ``i`` (with proclitic letters ``clitic``) is in a locative context."""
    return locative_strength(tokens, i, clitic) > 0


def locative_strength(tokens: Sequence[Token], i: int, clitic: str) -> int:
    """0 (no locative context), ``CLITIC`` (only a proclitic ب/ل: بمصراتة), ``WORD`` (a
    preposition, direction or place-taking noun before it, a dateline, or a coordinated list
    whose head has one) or ``PLACE_NOUN`` (مدينة/محافظة… right before it, or before its nisba).

    >>> from hadath.arabic.tokens import tokenize
    >>> toks = tokenize("وصل إلى مدينة سبها ثم بمصراتة")
    >>> [locative_strength(toks, i, c) for i, c in ((1, ""), (3, ""), (5, "ب"))]
    [0, 3, 1]
    """
    strength = _strength_here(tokens, i, clitic)
    if strength < PLACE_NOUN and clitic == "و":
        return max(strength, _coordinated(tokens, i))
    return strength


# A country or capital that is the host of a visit is its government ("يزور وزير الدفاع
# الأمريكي إسرائيل" → ISR GOV; "زيارة إلى قطر", "زيارته لقطر"), and one that a request or aid
# comes from is an actor, not a place ("بناء على طلب من مصر", "مساعدات عسكرية من واشنطن").
# source: own (general Arabic news usage).
_VISIT_VERBS = "يزور تزور زار زارت سيزور ستزور يزوران تزوران زارا يزورها"
_VISIT_NOUNS = "زيارة زيارته زيارتها زيارتهم زيارات جولة جولته جولتها"
_SOURCE_NOUNS = "مساعدات مساعدة معونات معونة دعم تمويل منحة هبة شحنة أسلحة"
# requests: without the article, "الطلب من الصين" is the economists' "demand from China"
_REQUESTS = "طلب طلبا مطالبة دعوة تطلب يطلب ستطلب سيطلب طلبت نطلب طالبت تطالب يطالب نطالب طالب"
_TO = frozenset(normalize(w) for w in ("إلى", "الى", "لى"))
_FROM = normalize("من")
_VISIT_VERB_WORDS = frozenset(_clitic_forms(_VISIT_VERBS, article=False))
_VISIT_NOUN_WORDS = frozenset(_clitic_forms(_VISIT_NOUNS, article=False))
_SOURCE_WORDS = frozenset(
    _clitic_forms(_SOURCE_NOUNS, article=True) | _clitic_forms(_REQUESTS, article=False)
)
_SOURCE_WINDOW = 3  # words between the noun and من (مساعدات عسكرية سنوية من)
_VSO_WINDOW = 6  # words between a visit verb and its object (the visitor's name and title)
_STOPS = frozenset("،,.:؛;()«»\"")
HOST, SOURCE = "host", "source"


def state_context(tokens: Sequence[Token], i: int, clitic: str) -> str | None:
    """``HOST`` when token ``i`` (a country or capital) is the place a visit is to, ``SOURCE``
    when it is what a request or aid comes from, else None.

    >>> from hadath.arabic.tokens import tokenize
    >>> toks = tokenize("يزور وزير الدفاع الأمريكي إسرائيل")
    >>> state_context(toks, 4, "")
    'host'
    >>> toks = tokenize("بزيارة إلى قطر وبناء على طلب من مصر ومساعدات سنوية من واشنطن")
    >>> [state_context(toks, i, "") for i in (2, 7, 11)]
    ['host', 'source', 'source']
    >>> state_context(tokenize("وصل إلى قطر"), 2, "")
    """
    one, two = _before(tokens, i), _before(tokens, i, 2)
    if one is None:
        return None
    if one.norm == _FROM:
        near = (_before(tokens, i, k) for k in range(2, 2 + _SOURCE_WINDOW))
        return SOURCE if any(t is not None and t.norm in _SOURCE_WORDS for t in near) else None
    if (one.norm in _TO and two is not None and two.norm in _VISIT_NOUN_WORDS) or (
        clitic.lstrip("وف") == "ل" and one.norm in _VISIT_NOUN_WORDS
    ):
        return HOST
    if clitic:
        return None
    for j in range(i - 1, max(-1, i - 1 - _VSO_WINDOW), -1):
        norm = tokens[j].norm
        if norm in _STOPS or norm in LOCATIVE:
            return None
        if norm in _VISIT_VERB_WORDS or (j == i - 1 and norm in _VISIT_NOUN_WORDS):
            return HOST
    return None
