"""Evaluation of the shipped pipeline on held-out, human-annotated data."""
