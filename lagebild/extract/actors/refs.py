"""`Span._.actor` and `actor_ref`: the one way later steps (quotes, events) ask who a span is.

The extension keeps the `ActorRef` as a plain tuple in ``doc.user_data``, so documents
still serialise (``Doc.to_bytes``, ``nlp.pipe(n_process=2)``, DocBin); reading it gives
the `ActorRef` back.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from lagebild.record import ActorRef

ACTOR_REFS = "actor_refs"
_KEY = "lagebild.actor"


def register_extensions() -> None:
    """Register `Span._.actor` (and `Doc._.published`, which the times component also registers)."""
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_get_actor, setter=_set_actor)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


def _get_actor(span: Span) -> ActorRef | None:
    value = span.doc.user_data.get((_KEY, span.start_char, span.end_char))
    return ActorRef(*value) if value is not None else None


def _set_actor(span: Span, ref: ActorRef | None) -> None:
    key = (_KEY, span.start_char, span.end_char)
    if ref is None:
        span.doc.user_data.pop(key, None)
    else:
        span.doc.user_data[key] = (ref.text, ref.name, ref.actor, ref.country, ref.role)


def actor_ref(span: Span | None) -> ActorRef | None:
    """Who a span is: its own link, the link of the entity or role phrase it lies in, or the
    best link inside it ("Sprecher Dmitri Peskow" → Dmitri Peskow); `text` is the span's own text.

    None for None and for spans that mention no actor.
    """
    if span is None:
        return None
    ref = span._.actor
    if ref is None:
        linked = [*span.doc.ents, *span.doc.spans.get(ACTOR_REFS, [])]
        around = [s for s in linked if s.start <= span.start and span.end <= s.end]
        inside = [s for s in linked if span.start <= s.start and s.end <= span.end]
        candidates = [s._.actor for s in (around or inside) if s._.actor is not None]
        ref = max(candidates, key=_rank, default=None)
    return replace(ref, text=span.text) if ref is not None else None


def _rank(ref: ActorRef) -> tuple[bool, bool, bool, bool]:
    """A named person first, then anyone with a name and actor, then anything with a country."""
    person = (ref.actor or "").startswith("per:")
    return person, ref.actor is not None, ref.country is not None, ref.name is not None
