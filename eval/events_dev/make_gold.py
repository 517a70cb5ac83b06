"""Build eval/events_dev/gold.jsonl from annotations.txt (run from the repository root).

``annotations.txt`` holds the hand annotation without any article text: an ``@`` line names
a SaudiNewsNet article (id, zip, URL, optional document part) and each event line gives the
sentence number and trigger token numbers in the cleaned, segmented text
(``hadath.clean`` + ``Segmenter``), the PLOVER type with modes, actor > recipient codes,
flags and a short English note::

    @ a01 2015-08-09.zip http://...
    s0 t0 ASSAULT AFG.REB>AFG.CVL | 21 killed in a Taliban attack
    s3 t10-12 ASSAULT/suicide-attack ->- | suicide bomber blew himself up
    s5 t2 REQUEST USA.LEG>USA.GOV hyp | members ask the president to wait

A party is ``-`` (none), ``CODE`` (no sector), ``CODE.SECTOR`` or ``-.SECTOR``. Flags: ``neg``,
``hyp``. This script turns sentence/token numbers into character offsets plus sha1 checksums
(the article's ``content``, each sentence) so the evaluator can tell when the cleaner or the
segmenter has moved the text; then the annotation must be re-checked with ``--show``.

    .venv/bin/python eval/events_dev/make_gold.py [--shared ../shared] [--show a01]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from hadath.evaluate.devset import DevArticle, _Archive, cleaned_document, dataset_dir  # noqa: E402
from hadath.events.ontology import QUAD  # noqa: E402
from hadath.pipeline import Segmenter  # noqa: E402


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def party(text: str) -> dict | None:
    if text == "-":
        return None
    code, _, sector = text.partition(".")
    return {"code": None if code == "-" else code, "sector": sector or None}


def parse(path: Path) -> list[dict]:
    """Articles with their raw event lines, in file order."""
    articles: list[dict] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            _, aid, zip_name, url, *part = line.split()
            articles.append({"id": aid, "zip": zip_name, "url": url, "part": int(part[0]) if part else 0,
                             "events": []})
            continue
        spec, _, note = line.partition("|")
        sent, trig, kind, who, *flags = spec.split()
        event, _, modes = kind.partition("/")
        if event not in QUAD:
            raise SystemExit(f"line {number}: unknown PLOVER type {event}")
        actor, recipient = who.split(">")
        lo, _, hi = trig[1:].partition("-")
        articles[-1]["events"].append({
            "line": number, "sentence": int(sent[1:]), "tokens": (int(lo), int(hi or lo)),
            "event": event, "mode": [m for m in modes.split(",") if m],
            "actor": party(actor), "recipient": party(recipient),
            "negated": "neg" in flags, "hypothetical": "hyp" in flags, "note": note.strip(),
        })
    return articles


def build(spec: dict, archive: _Archive) -> tuple[dict, list[dict], object]:
    raw = archive.get(spec["zip"], spec["url"])
    if raw is None:
        raise SystemExit(f"{spec['id']}: {spec['url']} not in {spec['zip']}")
    article = DevArticle(spec["id"], spec["zip"], spec["url"], raw["source"], sha1(raw["content"]),
                         spec["part"], ())
    doc = cleaned_document(article, archive)
    if isinstance(doc, str):
        raise SystemExit(doc)
    doc = Segmenter()(doc)
    head = {"kind": "article", "id": spec["id"], "zip": spec["zip"], "url": spec["url"],
            "outlet": raw["source"], "content_sha1": article.content_sha1, "part": spec["part"],
            "date": doc.date, "sentences": len(doc.sentences), "doc_id": doc.doc_id}
    events = []
    for n, ev in enumerate(spec["events"], 1):
        lo, hi = ev["tokens"]
        if ev["sentence"] >= len(doc.sentences) or hi >= len(doc.sentences[ev["sentence"]].tokens):
            raise SystemExit(f"annotations.txt line {ev['line']}: no such sentence/token; check with --show")
        sent = doc.sentences[ev["sentence"]]
        t_start, t_end = sent.tokens[lo].start, sent.tokens[hi].end
        events.append({
            "kind": "event", "id": f"{spec['id']}-{n:02d}", "article": spec["id"],
            "sentence": {"index": ev["sentence"], "start": sent.start, "end": sent.end,
                         "sha1": sha1(sent.text)},
            "trigger": {"start": t_start, "end": t_end, "sha1": sha1(doc.text[t_start:t_end])},
            **{k: ev[k] for k in ("event", "mode", "actor", "recipient", "negated", "hypothetical", "note")},
        })
    return head, events, doc


def show(doc) -> None:
    for k, sent in enumerate(doc.sentences):
        print(f"s{k}: " + " ".join(f"{j}:{t.text}" for j, t in enumerate(sent.tokens)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", help="print the numbered sentences of this article id and stop")
    args = parser.parse_args()
    archive = _Archive(dataset_dir(args.shared))
    records: list[dict] = []
    types: Counter = Counter()
    outlets: Counter = Counter()
    for spec in parse(HERE / "annotations.txt"):
        head, events, doc = build(spec, archive)
        if args.show == spec["id"]:
            show(doc)
            return
        records += [head, *events]
        types.update(e["event"] for e in events)
        outlets[head["outlet"]] += 1
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {sum(outlets.values())} articles, {sum(types.values())} events to {HERE / 'gold.jsonl'}")
    print("outlets:", dict(outlets.most_common()))
    print("types:", dict(types.most_common()))


if __name__ == "__main__":
    main()
