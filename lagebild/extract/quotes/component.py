"""The `lagebild_quotes` pipeline component: direct and indirect speech with its speaker.

It runs last, after the parser, the morphology, the lexicon (Konjunktiv), the entity
recogniser and, when present, `lagebild_actors`, and writes `Doc._.quotes`: a list of
`Quote` in text order (see `reading` for how a document is read). With the actors
component in the pipeline, speakers are linked through its `actor_ref`.
"""

from __future__ import annotations

from dataclasses import astuple

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.extract.quotes.lexicon import Cues, load_cues
from lagebild.extract.quotes.people import Link
from lagebild.extract.quotes.reading import Reading
from lagebild.record import ActorRef, Quote

ACTORS_COMPONENT = "lagebild_actors"
_KEY = "lagebild.quotes"


def _get_quotes(doc: Doc) -> list[Quote] | None:
    stored = doc.user_data.get(_KEY)
    if stored is None:
        return None
    return [Quote(*fields[:5], ActorRef(*fields[5]) if fields[5] else None, fields[6]) for fields in stored]


def _set_quotes(doc: Doc, quotes: list[Quote] | None) -> None:
    # Plain tuples, not dataclasses: documents still serialise (DocBin, nlp.pipe(n_process=2)).
    doc.user_data[_KEY] = None if quotes is None else [_plain(quote) for quote in quotes]


def _plain(quote: Quote) -> tuple:
    speaker = astuple(quote.speaker) if quote.speaker else None
    return (quote.start, quote.end, quote.text, quote.kind, quote.cue, speaker, quote.sentence)


if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=_get_quotes, setter=_set_quotes)


@Language.factory("lagebild_quotes", requires=["token.dep", "token.morph", "doc.ents"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    """Registered for the pipeline config; speakers are linked to actors when the pipeline has them."""
    return QuoteFinder(_actor_link(nlp))


def _actor_link(nlp: Language) -> Link | None:
    """`actor_ref` of the actors package, if the pipeline runs its component before this one."""
    if ACTORS_COMPONENT not in nlp.pipe_names:
        return None
    try:
        from lagebild.extract.actors import actor_ref
    except ImportError:
        return None
    return actor_ref


class QuoteFinder:
    """Finds the quotes of a Doc and writes them to `Doc._.quotes`."""

    def __init__(self, link: Link | None = None, cues: Cues | None = None) -> None:
        self.link = link
        self.cues = cues or load_cues()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.cues, self.link)
        return doc


def find_quotes(doc: Doc, cues: Cues | None = None, link: Link | None = None) -> list[Quote]:
    """The quotes of a parsed `doc`, in text order."""
    if not doc.has_annotation("DEP"):
        raise ValueError("lagebild_quotes needs a parsed Doc: add it after the parser")
    return Reading(doc, cues or load_cues(), link).quotes()
