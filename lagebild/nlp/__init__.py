"""German NLP: tokenizer, registered components and the pipeline loader.

Importing this package registers ``lagebild.news_tokenizer.v1`` and the
``sentence_guard`` factory, which the pipeline's config names.
"""

from lagebild.nlp import sentence_guard, tokenizer

__all__ = ["sentence_guard", "tokenizer"]
