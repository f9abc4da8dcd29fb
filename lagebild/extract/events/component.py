"""The `lagebild_events` pipeline component: PLOVER events with actors, date, place, status.

It runs last, after times, actors and quotes, and writes `Doc._.events`: `Event`s in
text order, one per happening (see `merge`). Sentence indices count the sentences of
`lagebild.extract.sentences`, the numbering of the record.
"""

from __future__ import annotations

from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.extract.actors import KnowledgeBase, actor_ref
from lagebild.extract.actors.kb import entry_ref
from lagebild.extract.events.lexicon import EventLexicon, load_event_lexicon
from lagebild.extract.events.reading import EventReader
from lagebild.extract.events.triggers import VerbOf
from lagebild.extract.times import time_of
from lagebild.nlp.lexicon import lookup
from lagebild.record import ActorRef, Event

_KEY = "lagebild.events"
LEXICON_COMPONENT = "lexicon_lookup"
_DATED = frozenset({"DATE", "TIME"})


def _get_events(doc: Doc) -> list[Event] | None:
    stored = doc.user_data.get(_KEY)
    if stored is None:
        return None
    return [_event(fields) for fields in stored]


def _event(fields: tuple) -> Event:
    target = ActorRef(*fields[3]) if fields[3] else None
    return Event(*fields[:2], ActorRef(*fields[2]), target, *fields[4:12], list(fields[12]))


def _set_events(doc: Doc, events: list[Event] | None) -> None:
    # Plain tuples, not dataclasses: documents still serialise (DocBin, nlp.pipe(n_process=2)).
    doc.user_data[_KEY] = None if events is None else [_plain(event) for event in events]


def _plain(event: Event) -> tuple:
    target = _ref(event.target) if event.target else None
    return (
        event.type, event.mode, _ref(event.source), target, event.date, event.location, event.status,
        event.negated, event.confidence, event.sentence, event.trigger, event.evidence, tuple(event.mentions),
    )  # fmt: skip


def _ref(ref: ActorRef) -> tuple:
    return (ref.text, ref.name, ref.actor, ref.country, ref.role)


if not Doc.has_extension("events"):
    Doc.set_extension("events", getter=_get_events, setter=_set_events)


@Language.factory(
    "lagebild_events",
    requires=["token.dep", "token.morph", "doc.ents", "doc._.times"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> EventFinder:
    """Registered for the pipeline config; the triggers come from the package's data file.
    With the pipeline's `lexicon_lookup`, attributive participles count as triggers."""
    return EventFinder(verb_of=_participle_verbs(nlp))


def _participle_verbs(nlp: Language) -> VerbOf | None:
    """The infinitive of a participle from the full-form lexicon the pipeline carries.

    Read at call time: spaCy creates the components before it loads their data."""
    if LEXICON_COMPONENT not in nlp.pipe_names:
        return None
    component = nlp.get_pipe(LEXICON_COMPONENT)
    return lambda form: lookup(getattr(component, "lemmas", {}).get("VERB", {}), form)


class EventFinder:
    """Finds the events of a Doc and writes them to `Doc._.events`."""

    def __init__(
        self, lexicon: EventLexicon | None = None, kb: KnowledgeBase | None = None, verb_of: VerbOf | None = None
    ) -> None:
        self.lexicon = lexicon or load_event_lexicon()
        self.kb = kb or KnowledgeBase.load()
        self.verb_of = verb_of

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, self.lexicon, self.kb, self.verb_of)
        return doc


def find_events(
    doc: Doc, lexicon: EventLexicon | None = None, kb: KnowledgeBase | None = None, verb_of: VerbOf | None = None
) -> list[Event]:
    """The events of a parsed, entity-tagged and time-tagged `doc`."""
    if not doc.has_annotation("DEP"):
        raise ValueError("lagebild_events needs a parsed Doc: add it after the parser")
    kb = kb or KnowledgeBase.load()
    implied = partial(nationality_actor, kb)
    return EventReader(doc, lexicon or load_event_lexicon(), actor_ref, event_date, implied, verb_of).events()


def nationality_actor(kb: KnowledgeBase, head: Token) -> ActorRef | None:
    """The state a phrase names only by a nationality adjective: "eine iranische Drohne" →
    Iran. (Compounds such as "US-Sanktionen" the actors component links itself.)"""
    for child in head.children:
        if child.dep_ == "amod":
            key = kb.adjectives.get(child.lower_)
            entry = kb.entries.get(key) if key else None
            if entry is not None and entry.kind == "state":
                return entry_ref(child.text, entry)
    return None


def event_date(sentence: Span) -> str | None:
    """The calendar value of the time expression that dates the sentence, if it names a day,
    month or year (durations, sets, centuries and "PRESENT_REF" date no event)."""
    time = time_of(sentence)
    if time is None or time.type not in _DATED or not (len(time.value) >= 4 and time.value[:4].isdigit()):
        return None
    return time.value
