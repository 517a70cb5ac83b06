"""bare(): a leading conjunction و/ف is stripped, but not from words that begin with و."""

from hadath.arabic.tokens import tokenize
from hadath.events.syntax import bare, load_frames


def _bare(text: str) -> list[str]:
    return [bare(t) for t in tokenize(text)]


def test_waw_initial_nouns_keep_their_waw():
    assert _bare("وزير الخارجية") == ["وزير", "الخارجيه"]
    assert _bare("وفد وكالة وزارة") == ["وفد", "وكاله", "وزاره"]


def test_conjunction_is_still_stripped():
    assert _bare("وقال ووزير فقال") == ["قال", "وزير", "قال"]
    assert _bare("والحكومة") == ["الحكومه"]


def test_wa_ila_is_not_taken_for_a_noun():
    assert "والي" not in load_frames().words["waw_initial"]
