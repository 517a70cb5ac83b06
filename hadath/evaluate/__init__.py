"""Evaluation commands: each prints its figures and fails below a pinned floor."""
