"""Arabic text: normalisation, clitics, sentences and tokens."""

from hadath.arabic.clitics import stems, strip_article
from hadath.arabic.normalize import normalize, strip_diacritics
from hadath.arabic.tokens import split_sentences, tokenize

__all__ = ["normalize", "strip_diacritics", "stems", "strip_article", "split_sentences", "tokenize"]
