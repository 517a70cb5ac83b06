"""Named-entity recognition: the lexicon recogniser (``hadath.ner.lexicon``) and a trained tagger."""
