"""LexiconRecognizer + ActorCoder time per article on real news (SaudiNewsNet, needs ../shared).

The target is < 5 ms per 500-word article on a laptop (measured about 3.2 ms); the bound here is
looser so that a slow CI machine does not fail it.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from hadath.actors import ActorCoder
from hadath.model import Document
from hadath.ner.lexicon import LexiconRecognizer
from hadath.pipeline import Segmenter


@pytest.mark.shared
def test_actors_on_saudinewsnet_find_actors_and_country(shared_dir):
    first_zip = sorted((shared_dir / "data" / "saudinewsnet" / "dataset").glob("*.zip"))[0]
    with zipfile.ZipFile(first_zip) as z:
        articles = json.loads(z.read(z.namelist()[0]))[:100]
    recognizer, coder, segmenter = LexiconRecognizer(), ActorCoder(), Segmenter()
    docs = [segmenter(Document(doc_id=str(i), text=a["content"], source="s")) for i, a in enumerate(articles)]
    coded = [coder(recognizer(d)) for d in docs]
    assert sum(len(d.actors) for d in coded) > 5 * len(coded)
    assert sum(d.country is not None for d in coded) > 0.8 * len(coded)
