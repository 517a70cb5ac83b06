"""PLOVER event coding from Arabic triggers."""

from hadath.events.classifier import EventFilter, load_filter
from hadath.events.coder import CODER, Candidate, EventCoder
from hadath.events.lexicon import TriggerLexicon, load_default, load_lexicon
from hadath.events.ontology import CONTEXTS, MODES, QUAD

__all__ = ["EventCoder", "Candidate", "CODER", "TriggerLexicon", "load_default", "load_lexicon",
           "QUAD", "MODES", "CONTEXTS", "EventFilter", "load_filter"]
