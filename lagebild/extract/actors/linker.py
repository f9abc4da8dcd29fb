"""The registered spaCy component "lagebild_actors": who the entities and role phrases are.

It runs after "ner" (and after "lagebild_times"), reads `Doc._.published` and sets
`Span._.actor` (an `ActorRef`) on every entity; role phrases and other actor mentions
outside entities ("der US-Präsident", "die russische Regierung", "Nato-Osterweiterung",
a "Kreml" the recogniser missed) go into ``doc.spans["actor_refs"]`` with their
`_.actor`. Role phrases resolve to the office holder at the publication date; without a
date they keep country and role only.

Where the text gives no country word, the country comes from context the text gives, never
from a guess: a bare role phrase ("die Regierung", "der Präsident", "ein Beamter") acts for
the state named last in its sentence, else the state the article names most often; a place
the knowledge base does not know lies in the state its sentence names; "Bundes-" bodies
belong to the German-speaking state of the context ("die österreichische Bundesregierung");
"Brüssel" is the EU only in an article that names the EU. Roles are given in the record's
vocabulary (`[record]` in roles.toml).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.extract.actors.build import ACTOR_KINDS
from lagebild.extract.actors.kb import Entry, KnowledgeBase, day_of, entry_ref
from lagebild.extract.actors.normalize import fold
from lagebild.extract.actors.persons import (
    Clue,
    Person,
    group_persons,
    mentions_in_doc,
    resolve_person,
    title_clue,
)
from lagebild.extract.actors.phrases import RolePhrase, find_role_phrases, role_noun
from lagebild.extract.actors.refs import ACTOR_REFS, register_extensions
from lagebild.record import ActorRef


@Language.factory(
    "lagebild_actors",
    default_config={"kb_path": None, "spans_key": ACTOR_REFS},
    requires=["doc.ents"],
    assigns=["span._.actor", "doc.spans"],
)
def make_actor_linker(nlp: Language, name: str, kb_path: str | None, spans_key: str) -> ActorLinker:
    """Registered so that a config lists it after "ner"; `kb_path` None reads the packaged knowledge base."""
    return ActorLinker(KnowledgeBase.load(kb_path), spans_key)


class ActorLinker:
    """Links the actors of one document; holds nothing but the shared knowledge base."""

    def __init__(self, kb: KnowledgeBase, spans_key: str = ACTOR_REFS) -> None:
        register_extensions()
        self.kb = kb
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        _Document(doc, self.kb).link(self.spans_key)
        return doc


class _Document:
    """The linking of one document: its entities, persons and role phrases."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.day = day_of(doc._.published)
        self.entity_of: dict[int, Span] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.entries: dict[tuple[int, int], Entry | None] = {}
        self.refs: list[Span] = []

    def link(self, spans_key: str) -> None:
        phrases = find_role_phrases(self.doc, self.kb, self.entity_of.get, self._entry_for)
        persons = group_persons(mentions_in_doc(self.doc, self.kb), self.kb)
        person_of = {(m.start, m.end): person for person in persons for m in person.mentions}
        names = {
            (ent.start, ent.end): self._link_name(ent) for ent in self.doc.ents if (ent.start, ent.end) not in person_of
        }
        home = self._home_entry(Counter(ref.country for key, ref in names.items() if not self._is_home_body(key)))
        self._place_seats_of_unnamed_organisations(names)
        context = _StateContext(self.doc, self.kb, names)
        home_keys = tuple(f"cty:{code}" for code in self.kb.home)
        for key, ref in names.items():
            if self._is_home_body(key) and home is not None:
                # "die österreichische Bundesregierung", "Schüssel in Wien … die Bundesregierung".
                local = self._nationality_before(key[0]) or context.last_in_sentence(key[0], home_keys) or home
                names[key] = replace(ref, country=local.country)
        self._attach_appositions(persons, phrases)
        for phrase in phrases:
            if phrase.entry is None and phrase.word.home:
                phrase.entry, phrase.assumed_home = home, True
            elif phrase.entry is None and phrase.person is None:
                phrase.entry, phrase.assumed_home = context.state_at(phrase.start, phrase.word.organ), True
            if phrase.person is not None and (phrase.person.start, phrase.person.end) in person_of:
                person_of[(phrase.person.start, phrase.person.end)].clues.append(self._clue(phrase))
        self._add_text_clues(persons)
        for person in persons:
            person.ref = resolve_person(person, self.kb, self.day)
        for ent in self.doc.ents:
            key = (ent.start, ent.end)
            ent._.actor = replace(person_of[key].ref, text=ent.text) if key in person_of else names[key]
            ref = ent._.actor
            if ref.country is None and ref.actor is None and ent.label_ == "LOC":
                state = context.sentence_state(ent)
                if state is not None:
                    ent._.actor = replace(ref, country=state.country)
        self._link_phrases(phrases, person_of)
        self._link_loose_mentions(persons)
        for span in (*self.doc.ents, *self.refs):
            ref = span._.actor
            if ref is not None and ref.role is not None:
                span._.actor = replace(ref, role=self.kb.record_role(ref.country, ref.role))
        self.doc.spans[spans_key] = sorted(self.refs, key=lambda span: (span.start, span.end))

    # --- clues to persons ----------------------------------------------------------

    def _clue(self, phrase: RolePhrase) -> Clue:
        return Clue(phrase.entry.country if phrase.entry else None, phrase.role, weak=phrase.assumed_home)

    def _attach_appositions(self, persons: list[Person], phrases: list[RolePhrase]) -> None:
        """ "Gérard Araud, der frühere französische Botschafter in Washington, Donald Trump …":
        a role phrase right after "NAME ," describes that name, not the one after it."""
        starts = {phrase.start: phrase for phrase in phrases}
        for mention in (mention for person in persons for mention in person.mentions):
            if mention.end + 1 < len(self.doc) and self.doc[mention.end].text == ",":
                phrase = starts.get(mention.end + 1)
                if phrase is not None and (phrase.person is None or phrase.person.start > phrase.end):
                    phrase.person = mention

    def _add_text_clues(self, persons: list[Person]) -> None:
        """Titles inside the entity ("US-Präsident Joe Biden") and a party in brackets ("Olaf Scholz (SPD)")."""
        for person in persons:
            for mention in person.mentions:
                clue = title_clue(mention, self.kb)
                if clue is not None:
                    person.clues.append(clue)
                after = self.doc[mention.end : mention.end + 3]
                if len(after) == 3 and after[0].text == "(" and after[2].text == ")":
                    party = self.kb.entry_named(after[1].text)
                    if party is not None and party.kind == "body" and party.country:
                        person.clues.append(Clue(party.country, None))

    # --- entities that are not persons ------------------------------------------------

    def _entry_for(self, ent: Span) -> Entry | None:
        """What a non-person entity names; the recogniser may have left out an adjective
        ("des Weissen | Hauses") or taken in an article."""
        key = (ent.start, ent.end)
        if key not in self.entries:
            texts = [ent.text, _without_article(ent), self._without_nationality(ent)]
            before = self.doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and (before.pos_ == "ADJ" or before.is_title) and before.i not in self.entity_of:
                texts.append(self.doc[before.i : ent.end].text)
            self.entries[key] = next(filter(None, map(self.kb.entry_named, texts)), None)
        return self.entries[key]

    def _without_nationality(self, ent: Span) -> str:
        """ "Deutschen Bundeswehr" → "Bundeswehr"."""
        return ent[1:].text if len(ent) > 1 and ent[0].lower_ in self.kb.adjectives else ent.text

    def _link_name(self, ent: Span) -> ActorRef:
        entry = self._entry_for(ent)
        if entry is not None:
            return entry_ref(ent.text, entry)
        compound = self._compound(ent.text)
        if compound is not None:
            return compound
        region = self.kb.region_of(ent.text)
        if region is not None:
            return ActorRef(text=ent.text, name=ent.text, country=region.country)
        if ent.text.lower() in self.kb.demonyms:
            return entry_ref(ent.text, self.kb.entries[self.kb.demonyms[ent.text.lower()]])
        nationality = self.kb.adjectives.get(ent[0].lower_)
        if nationality is not None and len(ent) > 1 and self.kb.entries[nationality].kind == "state":
            # "Russische Akademie der Wissenschaften" is Russian, whatever else it is.
            return ActorRef(
                text=ent.text, name=_nominative(ent) or ent.text, country=self.kb.entries[nationality].country
            )
        state = self.kb.entry_named(ent[-1].text) if len(ent) > 2 and ent[-1].text.endswith("s") else None
        if state is not None and state.kind == "state" and ent.label_ == "ORG":
            # "Sozialistische Partei Venezuelas", "Kommunistische Partei Chinas": the state's.
            return ActorRef(text=ent.text, name=_nominative(ent) or ent.text, country=state.country)
        return ActorRef(text=ent.text, name=_nominative(ent) or self._base_name(ent.text))

    def _base_name(self, text: str) -> str:
        """ "Europas" is "Europa" when the article also writes "Europa"."""
        stem = text[:-1] if text.endswith("s") else text
        return stem if stem != text and any(ent.text == stem for ent in self.doc.ents) else text

    def _compound(self, text: str) -> ActorRef | None:
        """ "Nato-Osterweiterung" mentions NATO, "US-Regierung" is the US government; "EU-Indien-Gipfel"
        is an event between two actors, no one's."""
        if "-" not in text or " " in text:
            return None
        first, _, rest = text.partition("-")
        # A linking "s" is no part of the name: "Unions-Wahlprogramm" mentions the Union.
        key = self.kb.prefixes.get(fold(first)) or (
            self.kb.prefixes.get(fold(first[:-1])) if first.endswith("s") else None
        )
        if key is None or any(fold(part) in self.kb.prefixes for part in rest.split("-")[:-1]):
            return None
        noun = role_noun(self.kb, rest.lower())
        role = noun.word.role if noun and noun.word.collective else None
        return entry_ref(text, self.kb.entries[key], role)

    # --- role phrases -----------------------------------------------------------------

    def _link_phrases(self, phrases: list[RolePhrase], person_of: dict[tuple[int, int], Person]) -> None:
        last_of_role: dict[str, ActorRef] = {}
        for phrase in phrases:
            span = self.doc[phrase.start : phrase.end]
            if phrase.person is not None and (phrase.person.start, phrase.person.end) in person_of:
                ref = person_of[(phrase.person.start, phrase.person.end)].ref or ActorRef(text=span.text)
                ref = replace(ref, text=span.text, role=phrase.role, country=ref.country or _country(phrase.entry))
            else:
                ref = self._describe(phrase, span.text, last_of_role)
            if ref.name and phrase.role and not phrase.plural:
                last_of_role[phrase.role] = ref
            span._.actor = ref
            self.refs.append(span)
            if not phrase.assumed_home:
                self._lend_to_entities(span, ref)

    def _lend_to_entities(self, span: Span, ref: ActorRef) -> None:
        """An unknown entity inside a role phrase is what the phrase says ("das iranische | Außenministerium")."""
        for index in range(span.start, span.end):
            ent = self.entity_of.get(index)
            if ent is not None and ent.label_ != "PER" and ent._.actor.country is None and ref.country:
                ent._.actor = replace(ref, text=ent.text, name=_nominative(ent) or ent.text, actor=None)

    def _describe(self, phrase: RolePhrase, text: str, last_of_role: dict[str, ActorRef]) -> ActorRef:
        """A role phrase without a name: the state or body for a collective, else the holder at the date."""
        entry = phrase.entry
        word = phrase.word
        if word.collective:
            return entry_ref(text, entry, phrase.role) if entry else ActorRef(text=text, role=phrase.role)
        if entry is None:
            earlier = last_of_role.get(phrase.role or "")
            if earlier is not None and phrase.resolves_to_holder:
                return replace(earlier, text=text)
            return ActorRef(text=text, role=phrase.role)
        if phrase.resolves_to_holder and entry.kind in ACTOR_KINDS and self.day is not None and entry.country:
            holder = self.kb.holder(entry.country, phrase.role, self.day)
            if holder is None and word.fallback:
                holder = self.kb.holder(entry.country, word.fallback, self.day)
            if holder is not None:
                return ActorRef(
                    text=text, name=holder.name, actor=holder.actor, country=entry.country, role=phrase.role
                )
        # An unnamed official ("ein Sprecher des Weißen Hauses") is named by the body they act
        # for; an office whose holder is unknown names nobody.
        name = None if phrase.resolves_to_holder else entry.name
        return ActorRef(text=text, name=name, country=entry.country, role=phrase.role)

    def _nationality_before(self, index: int) -> Entry | None:
        key = self.kb.adjectives.get(self.doc[index - 1].lower_) if index > 0 else None
        return self.kb.entries[key] if key else None

    def _is_home_body(self, key: tuple[int, int]) -> bool:
        entry = self.entries.get(key)
        return entry is not None and entry.home

    def _place_seats_of_unnamed_organisations(self, names: dict[tuple[int, int], ActorRef]) -> None:
        """ "Brüssel" stands for the EU where the article names the EU; elsewhere it is the
        Belgian capital (the place of the same name)."""
        seats = {key for key in names if (entry := self.entries.get(key)) is not None and entry.kind == "seat"}
        named = {ref.country for key, ref in names.items() if key not in seats}
        for key in seats:
            seat = self.entries[key]
            place = self.kb.entries.get(f"loc:{seat.key.partition(':')[2]}")
            if place is not None and seat.country not in named:
                names[key] = entry_ref(names[key].text, place)

    def _home_entry(self, mentioned: Counter[str | None]) -> Entry | None:
        """The country of "Bundeskanzler", "Bundesregierung" and other "Bundes-" offices: the
        one of Germany, Austria and Switzerland the article names most often; Germany if none."""
        counts = [(mentioned[code], -rank, code) for rank, code in enumerate(self.kb.home)]
        home = max(counts)[2] if any(count for count, _, _ in counts) else self.kb.home[0]
        return self.kb.entries.get(f"cty:{home}")

    # --- mentions outside entities -----------------------------------------------------

    def _link_loose_mentions(self, persons: list[Person]) -> None:
        """Seats, organisations, states and office holders the recogniser missed, compounds
        ("US-Truppen"), demonyms."""
        covered = set(self.entity_of) | {i for span in self.refs for i in range(span.start, span.end)}
        doc = self.doc
        for token in doc:
            if token.i in covered or not token.text[:1].isupper() or token.lower_ in self.kb.adjectives:
                continue
            entry, end = self._loose_entry(token.i)
            if entry is not None:
                span = doc[token.i : end]
                span._.actor = entry_ref(span.text, entry)
            elif "-" in token.text and token.text.rpartition("-")[2][:1].isupper():
                compound = self._compound(token.text)
                if compound is None:
                    continue
                span = doc[token.i : token.i + 1]
                span._.actor = compound
            elif token.lower_ in self.kb.demonyms and token.pos_ in ("NOUN", "PROPN"):
                span = doc[token.i : token.i + 1]
                span._.actor = entry_ref(token.text, self.kb.entries[self.kb.demonyms[token.lower_]])
            elif token.pos_ == "PROPN" and (ref := self._loose_person(token.text, persons)) is not None:
                span = doc[token.i : token.i + 1]
                span._.actor = ref
            else:
                continue
            self.refs.append(span)
            covered.update(range(span.start, span.end))

    def _loose_person(self, text: str, persons: list[Person]) -> ActorRef | None:
        """A surname the recogniser missed: a person of the article, or an office holder of the time."""
        words = fold(text).split()
        person = next((p for p in reversed(persons) if p.ref and p.words[-len(words) :] == words), None)
        if person is not None:
            return replace(person.ref, text=text)
        if " ".join(words) not in self.kb.surnames:
            return None
        ref = resolve_person(Person(words, text), self.kb, self.day)
        return replace(ref, text=text) if ref.actor else None

    def _loose_entry(self, index: int) -> tuple[Entry | None, int]:
        """A known actor name of one or two words starting at `index` ("Kreml", "Weißen Haus")."""
        doc = self.doc
        if index + 1 < len(doc) and doc[index + 1].text[:1].isupper() and index + 1 not in self.entity_of:
            entry = self.kb.entry_named(doc[index : index + 2].text)
            if entry is not None and entry.kind in ACTOR_KINDS:
                return entry, index + 2
        entry = self.kb.entry_named(doc[index].text)
        if entry is not None and entry.kind in ACTOR_KINDS:
            return entry, index + 1
        return None, index


class _StateContext:
    """The state a bare role phrase ("die Regierung", "der Präsident", "ein Beamter") acts for,
    as a reader takes it from the text: the state last named in the same sentence, else the
    state of a body or party named there before it ("im Bundestag … die Regierung"), else
    the state the article names most often (the first of them on a tie). Never a state the
    article does not name."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, names: dict[tuple[int, int], ActorRef]) -> None:
        self.doc = doc
        self.kb = kb
        self.sentences = doc.has_annotation("SENT_START")
        self.mentions = sorted(
            (start, ref.actor)
            for (start, _), ref in names.items()
            if ref.actor and ref.actor.startswith(("cty:", "igo:"))
        )
        counts = Counter(actor for _, actor in self.mentions if actor.startswith("cty:"))
        self.main = max(counts, key=counts.__getitem__) if counts else None
        # Bodies and parties of a state ("im Bundestag", "die SPD") say whose government a
        # bare "die Regierung" in their sentence is, when no state is named there.
        self.bodies = sorted(
            (start, f"cty:{ref.country}")
            for (start, _), ref in names.items()
            if ref.country
            and ref.actor
            and not ref.actor.startswith(("cty:", "igo:"))
            and f"cty:{ref.country}" in kb.entries
        )

    def sentence_state(self, span: Span) -> Entry | None:
        """The state a place unknown to the knowledge base lies in, when its sentence names one:
        the state named last before it, else the first after it ("in Afrin im Norden Syriens")."""
        sent = span.sent if self.sentences else self.doc[:]
        states = [(start, actor) for start, actor in self.mentions if actor.startswith("cty:")]
        before = [actor for start, actor in states if sent.start <= start < span.start]
        after = [actor for start, actor in states if span.end <= start < sent.end]
        key = before[-1] if before else next(iter(after), None)
        return self.kb.entries.get(key) if key else None

    def state_at(self, index: int, organ: bool = False) -> Entry | None:
        """The state for a phrase at `index`; an organ ("Kommission") may belong to an organisation too."""
        local = self.last_in_sentence(index, ("cty:", "igo:") if organ else ("cty:",))
        if local is None:
            sentence_start = self.doc[index].sent.start if self.sentences else 0
            recent = [key for start, key in self.bodies if sentence_start <= start < index]
            local = self.kb.entries.get(recent[-1]) if recent else None
        return local or (self.kb.entries.get(self.main) if self.main else None)

    def last_in_sentence(self, index: int, keys: tuple[str, ...]) -> Entry | None:
        """The state or organisation (whose key starts with one of `keys`) named last before `index` in its sentence."""
        sentence_start = self.doc[index].sent.start if self.sentences else 0
        recent = [actor for start, actor in self.mentions if sentence_start <= start < index and actor.startswith(keys)]
        return self.kb.entries.get(recent[-1]) if recent else None


def _country(entry: Entry | None) -> str | None:
    return entry.country if entry else None


# Strong adjective endings of the nominative singular, which a name without article takes:
# "im Persischen Golf" → "Persischer Golf", "der Freien Syrischen Armee" → "Freie Syrische Armee".
_NOMINATIVE_ENDINGS = {"Masc": "er", "Fem": "e", "Neut": "es"}


def _nominative(ent: Span) -> str | None:
    """The display name of an inflected name that the knowledge base does not know: its leading
    adjectives in the nominative, its head noun as its lemma; None where nothing is inflected."""
    adjectives = 0
    while adjectives < len(ent) - 1 and ent[adjectives].pos_ == "ADJ" and ent[adjectives].text.endswith("en"):
        adjectives += 1
    head = ent[adjectives]
    if (
        not adjectives
        or ent.label_ == "PER"
        or head.pos_ not in ("NOUN", "PROPN")
        or head.morph.get("Number") != ["Sing"]
    ):
        return None
    gender = (ent[adjectives - 1].morph.get("Gender") or head.morph.get("Gender") or [""])[0]
    ending = _NOMINATIVE_ENDINGS.get(gender)
    if ending is None:
        return None
    noun = head.lemma_ if head.lemma_ and head.text.startswith(head.lemma_) else head.text
    words = [token.text[:-2] + ending for token in ent[:adjectives]] + [noun]
    return " ".join([*words, *(token.text for token in ent[adjectives + 1 :])])


def _without_article(span: Span) -> str:
    return span[1:].text if len(span) > 1 and span[0].pos_ == "DET" else span.text
