"""Actors: the knowledge base of names and roles, and the ActorCoder component."""

from hadath.actors.coder import ActorCoder
from hadath.actors.kb import KnowledgeBase, load_default

__all__ = ["ActorCoder", "KnowledgeBase", "load_default"]
