"""UPOS comes from the tagger, features from the morphologizer.

The tagger learns UPOS (stored in ``tag_``) from every treebank, silver included;
the morphologizer learns features only from gold-feature treebanks and so sees less
data. The attribute ruler copies the tagger's UPOS into ``pos_``.
"""

from __future__ import annotations

from spacy.util import registry

UPOS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM"] + [
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
]


@registry.misc("lagebild.upos_from_tag_patterns.v1")
def upos_from_tag_patterns() -> list[dict]:
    """Attribute-ruler patterns that set POS to the UPOS tag."""
    return [{"patterns": [[{"TAG": tag}]], "attrs": {"POS": tag}} for tag in UPOS]
