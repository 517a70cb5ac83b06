"""Document-level label consistency (hadath.ner.consistency): spreading names tagged once."""

from hadath.ner.consistency import ConsistencyOptions, name_keys, propagate, propagate_windows


def test_name_tagged_once_is_tagged_again_with_its_label():
    sents = [["زار", "رامسفيلد", "بغداد"], ["وقال", "رامسفيلد", "إن"]]
    tags = [["O", "B-PERS", "B-LOC"], ["O", "O", "O"]]
    assert propagate(sents, tags)[1] == ["O", "B-PERS", "O"]


def test_multi_token_name_spreads_as_a_span_and_keeps_the_majority_label():
    sents = [["حزب", "العمال"], ["حزب", "العمال"], ["عن", "حزب", "العمال"]]
    tags = [["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"], ["O", "O", "O"]]
    assert propagate(sents, tags)[2] == ["O", "B-ORG", "I-ORG"]


def test_clitic_prefixed_occurrence_matches():
    sents = [["في", "واشنطن"], ["وواشنطن", "قالت"]]
    tags = [["O", "B-LOC"], ["O", "O"]]
    assert propagate(sents, tags)[1] == ["B-LOC", "O"]
    assert name_keys(["وواشنطن"])[1] == ("واشنطن",)


def test_existing_spans_are_never_removed_or_relabelled():
    sents = [["أوباما"], ["أوباما"]]
    tags = [["B-PERS"], ["B-ORG"]]
    assert propagate(sents, tags) == [["B-PERS"], ["B-ORG"]]


def test_person_name_parts_spread_only_when_asked():
    sents = [["باراك", "أوباما"], ["قال", "أوباما"]]
    tags = [["B-PERS", "I-PERS"], ["O", "O"]]
    assert propagate(sents, tags)[1] == ["O", "B-PERS"]
    assert propagate(sents, tags, ConsistencyOptions(name_parts=False))[1] == ["O", "O"]


def test_min_share_blocks_names_mostly_left_untagged():
    sents = [["مصر"], ["مصر"], ["مصر"], ["مصر"]]
    tags = [["B-LOC"], ["O"], ["O"], ["O"]]
    assert propagate(sents, tags) == tags  # tagged in 1 of 4 occurrences: below the default 0.34
    assert propagate(sents, tags, ConsistencyOptions(min_share=0.0))[3] == ["B-LOC"]


def test_short_and_non_word_spans_do_not_spread():
    sents = [["في", "5"], ["5", "في"]]
    tags = [["B-PERS", "B-MISC"], ["O", "O"]]
    assert propagate(sents, tags)[1] == ["O", "O"]


def test_windows_limit_the_unit():
    sents = [["رامسفيلد"], ["ثم"], ["ثم"], ["رامسفيلد"]]
    tags = [["B-PERS"], ["O"], ["O"], ["O"]]
    assert propagate_windows(sents, tags, 1)[3] == ["O"]
    assert propagate_windows(sents, tags, 3)[3] == ["B-PERS"]
    assert propagate_windows(sents, tags, -1)[3] == ["B-PERS"]


def test_normalized_tokens_give_the_same_result():
    from hadath.arabic.normalize import normalize

    sents = [["زار", "رامسفيلد", "بغداد"], ["وقال", "رامسفيلد", "إن"]]
    tags = [["O", "B-PERS", "B-LOC"], ["O", "O", "O"]]
    norms = [[normalize(t) or t for t in s] for s in sents]
    assert propagate(norms, tags, normalized=True) == propagate(sents, tags)
