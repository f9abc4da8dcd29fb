"""Custom attributes on spaCy objects that more than one component reads.

`Doc._.published` is the article's publication date (ISO 8601 string, or None): the
anchor for relative time expressions ("gestern") and the date at which a role
("der US-Präsident") is resolved to its holder. The flow sets it before the pipeline runs.
"""

from spacy.tokens import Doc

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
