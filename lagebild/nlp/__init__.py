"""German NLP: tokenizer, registered components and the pipeline loader.

Importing this package registers everything the pipeline's config names:
``lagebild.news_tokenizer.v1``, the ``sentence_guard``, ``lexicon_lookup`` and
``gazetteer`` factories and the functions used when training
(``lagebild.upos_from_tag_patterns.v1``, ``lagebild.gazetteer_entries.v1``,
``lagebild.lexicon_table.v1``), and the `Doc._.published` extension.
"""

from lagebild.nlp import extensions, gazetteer, lexicon, sentence_guard, tokenizer, upos

__all__ = ["extensions", "gazetteer", "lexicon", "sentence_guard", "tokenizer", "upos"]
