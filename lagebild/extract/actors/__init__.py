"""Actors: who the entities and role phrases of an article are.

- `build_kb` builds the knowledge base (states, organisations, places, office holders)
  from the open sources in the shared data folder and the curated files in ``data/``;
- the spaCy component ``"lagebild_actors"`` (registered on import) links every entity
  and role phrase to it;
- `actor_ref` gives the actor of any span, for quotes and events.
"""

from lagebild.extract.actors.build import build_kb
from lagebild.extract.actors.kb import KnowledgeBase
from lagebild.extract.actors.linker import ActorLinker, make_actor_linker
from lagebild.extract.actors.refs import ACTOR_REFS, actor_ref, register_extensions

__all__ = [
    "ACTOR_REFS",
    "ActorLinker",
    "KnowledgeBase",
    "actor_ref",
    "build_kb",
    "make_actor_linker",
    "register_extensions",
]
