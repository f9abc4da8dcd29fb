"""The article record: the public output contract (see docs/architecture.md).

Each concept has one dataclass here, used by extraction, store, CLI and API alike. The
JSON Schema is derived from these classes, so the two cannot drift apart.
"""

from __future__ import annotations

import hashlib
import re
import types
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

_WHITESPACE = re.compile(r"\s+")

Label = Literal["PER", "ORG", "LOC", "OTH"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EventStatus = Literal["occurred", "planned", "alleged", "denied", "hypothetical"]
# PLOVER types in which neither side acts on the other: "Biden spoke with Putin" and
# "Putin spoke with Biden" are the same call.
UNDIRECTED = frozenset({"CONSULT", "COOPERATE"})
# Where Meta.published came from, in the order they are trusted: the user's --published,
# the input's own field (JSON, CSV, feed), the page's metadata, the URL, a dateline.
PublishedSource = Literal["user", "input", "page", "url", "dateline"]


@dataclass(frozen=True)
class ActorRef:
    """Who says or does something: the words in the text plus what they resolve to."""

    text: str
    name: str | None = None
    actor: str | None = None
    country: str | None = None
    role: str | None = None


def actor_key(actor: ActorRef) -> str:
    """What identifies an actor across mentions and articles: its id, else its country,
    else its name.

    Coarse on purpose: outlets name one person differently, and a country is what two
    reports that resolved "der Kreml" and "Moskau" have in common.
    """
    return actor.actor or actor.country or " ".join((actor.name or actor.text).casefold().split())


@dataclass(frozen=True)
class Entity:
    """A named entity mention; offsets are characters in Record.text, end exclusive."""

    start: int
    end: int
    text: str
    label: Label
    name: str | None = None
    actor: str | None = None
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3 time expression, its value resolved against Meta.published."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str


@dataclass(frozen=True)
class Quote:
    """A reported statement; sentence is an index into Record.sentences."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str
    speaker: ActorRef | None
    sentence: int


@dataclass(frozen=True)
class Event:
    """A PLOVER event and where the article reports it.

    sentence is the index (into Record.sentences) of the sentence it was read from, and
    evidence that sentence's text; mentions lists every sentence that reports the same
    event (the article may tell of one call twice), the first being `sentence`.
    """

    type: EventType
    mode: str | None
    source: ActorRef
    target: ActorRef | None
    date: str | None
    location: str | None
    status: EventStatus
    negated: bool
    confidence: float = field(metadata={"minimum": 0, "maximum": 1})
    sentence: int
    trigger: str
    evidence: str
    mentions: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Dateline:
    """Where (and when, through which agency) a report was filed: "Zürich, 29.12.2021 –".

    Split off the body so that the first sentence reads as a sentence.
    """

    text: str
    place: str
    date: str | None = field(default=None, metadata={"pattern": r"^\d{4}-\d{2}-\d{2}$"})
    agency: str | None = None


@dataclass(frozen=True)
class Meta:
    """Where the article comes from and what cleaning found around its body.

    source_id is the input's own id, if it had one; captions are the photo captions
    taken out of the body; truncated marks a page that showed only a teaser (paywall);
    duplicate_of is the id of an earlier record with (nearly) the same text, which
    counts and timelines use instead of this one.
    """

    title: str | None
    url: str | None
    outlet: str | None
    published: str | None = field(metadata={"pattern": r"^\d{4}-\d{2}-\d{2}"})
    language: str
    source: str | None
    source_id: str | None = None
    published_source: PublishedSource | None = None
    author: str | None = None
    site_name: str | None = None
    dateline: Dateline | None = None
    captions: list[str] = field(default_factory=list)
    truncated: bool = False
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Record:
    """One analysed article: cleaned text plus everything read from it."""

    id: str
    meta: Meta
    text: str
    sentences: list[tuple[int, int]]
    entities: list[Entity]
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, the shape `record_schema()` describes."""
        return _plain(self)


def record_id(text: str, url: str | None) -> str:
    """A stable id: the same article text from the same address always gets the same id.

    Whitespace is collapsed first so that re-wrapped copies of an article match.
    """
    key = f"{url or ''}\n{_WHITESPACE.sub(' ', text).strip()}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def _plain(value: Any) -> Any:
    # Not dataclasses.asdict: it deep-copies and keeps tuples, which JSON Schema
    # validators do not accept as arrays.
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Record.to_dict()`."""
    definitions: dict[str, Any] = {}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lagebild article record",
        **_object_schema(Record, definitions),
    }
    schema["$defs"] = definitions
    return schema


def _object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties = {f.name: {**_type_schema(hints[f.name], definitions), **f.metadata} for f in fields(cls)}
    # Every key is always written, defaults included, so every key is required.
    return {
        "description": (cls.__doc__ or "").strip(),
        "type": "object",
        "properties": properties,
        "required": list(properties),
    }


def _type_schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin, args = get_origin(hint), get_args(hint)
    if is_dataclass(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = _object_schema(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        options = [_type_schema(arg, definitions) for arg in args]
        if all(option.keys() == {"type"} for option in options):
            return {"type": [option["type"] for option in options]}
        return {"anyOf": options}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if origin is tuple:
        items = [_type_schema(arg, definitions) for arg in args]
        return {"type": "array", "prefixItems": items, "items": False, "minItems": len(items)}
    if hint is type(None):
        return {"type": "null"}
    return {"type": _JSON_TYPES[hint]}
