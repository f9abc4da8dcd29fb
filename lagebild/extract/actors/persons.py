"""Persons in one article: which name mentions are one person, and who that person is.

"Joe Biden" … "Biden" … "Bidens" are one person; the longest form names them. The
knowledge base is asked for the full name first, then (with the article's date) for the
surname alone. Role phrases next to a mention ("der ukrainische Aussenminister
Dmytro Kuleba", "Kuleba, der Aussenminister der Ukraine") and a party in brackets
("Olaf Scholz (SPD)") tell country and role; without such a clue and without a
knowledge-base entry, the country stays unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from lagebild.extract.actors.kb import Entry, KnowledgeBase
from lagebild.extract.actors.normalize import fold
from lagebild.extract.actors.phrases import role_noun
from lagebild.record import ActorRef


@dataclass
class Clue:
    """What the text says next to a name: the country (or organisation) and the role.

    A weak clue's country is only assumed ("Bundespräsident": the home country).
    """

    country: str | None
    role: str | None
    weak: bool = False


@dataclass
class Person:
    """The mentions of one person and what they resolve to."""

    words: list[str]
    form: str
    mentions: list[Span] = field(default_factory=list)
    clues: list[Clue] = field(default_factory=list)
    ref: ActorRef | None = None


def name_part(span: Span, kb: KnowledgeBase) -> Span:
    """The name without titles the recogniser took in ("Ex-Kanzler Schröder" → "Schröder")."""
    start = span.start
    while start < span.end - 1 and role_noun(kb, span.doc[start].lower_) is not None:
        start += 1
    return span.doc[start : span.end]


def title_clue(span: Span, kb: KnowledgeBase) -> Clue | None:
    """The role (and country) of titles inside a person entity ("US-Präsident Joe Biden")."""
    for token in span.doc[span.start : name_part(span, kb).start]:
        noun = role_noun(kb, token.lower_)
        if noun is not None:
            country = noun.entries[0].country if noun.entries else noun.word.country
            return Clue(country, None if noun.former or noun.deputy else noun.word.role)
    return None


def group_persons(mentions: list[Span], kb: KnowledgeBase) -> list[Person]:
    """Clusters of mentions of one person, in order of first mention.

    A mention joins the latest person whose name ends like it ("Biden" → "Joe Biden"),
    or whose name it extends ("Merkel" first, "Angela Merkel" later).
    """
    known = {fold(name_part(mention, kb).text) for mention in mentions}
    persons: list[Person] = []
    for mention in mentions:
        form = _base_form(name_part(mention, kb).text, known, kb)
        words = fold(form).split()
        if not words:
            continue
        person = next((p for p in reversed(persons) if _same_person(p, words)), None)
        if person is None:
            person = Person(words, form)
            persons.append(person)
        elif len(words) > len(person.words):
            person.words, person.form = words, form
        person.mentions.append(mention)
    return persons


def _base_form(text: str, known: set[str], kb: KnowledgeBase) -> str:
    """The name without a genitive "s" or apostrophe, when the text or the knowledge base knows that form."""
    text = text.rstrip("'’")
    if text.endswith("s") and len(text) > 3:
        stem = fold(text[:-1])
        # "Volkers" after "Kurt Volker": the stem is the surname of a name in the text.
        if stem in known or stem in kb.persons or stem in kb.surnames or any(n.endswith(f" {stem}") for n in known):
            return text[:-1]
    return text


def _same_person(person: Person, words: list[str]) -> bool:
    """ "Biden" is "Joe Biden"; "Kim" is "Kim Jong-il": a hyphenated last word is a Korean given
    name, after the family name."""
    known = person.words
    korean = "-" in person.form.split()[-1] and len(person.form.split()) == 2
    family_first = korean and len(words) == 1 and known[0] == words[0]
    return family_first or _ends_with(known, words) or _ends_with(words, known)


def _ends_with(words: list[str], tail: list[str]) -> bool:
    return len(tail) <= len(words) and words[len(words) - len(tail) :] == tail


def resolve_person(person: Person, kb: KnowledgeBase, day: int | None) -> ActorRef:
    """Name, actor, country and role of a person, from the knowledge base and the clues."""
    countries = {clue.country for clue in person.clues if clue.country and not clue.weak}
    roles = {clue.role for clue in person.clues if clue.role}
    entry = _kb_person(person, kb, day, countries, roles)
    clue_role = next((clue.role for clue in person.clues if clue.role), None)
    if entry is None:
        ranked = sorted((clue for clue in person.clues if clue.country), key=lambda clue: clue.weak)
        clue_country = ranked[0].country if ranked else None
        return ActorRef(text=person.form, name=person.form, country=clue_country, role=clue_role)
    country, role = kb.standing(entry.key, day)
    if countries and country not in countries:
        # "der spanische Aussenminister Borrell" in an article of his EU years: the text's country.
        held = {term.country for term in kb.terms_of.get(entry.key, ())}
        country = next((clue.country for clue in person.clues if clue.country in held), country)
    if clue_role and (role is None or clue_role in kb.roles_at(entry.key, day)):
        # The text's role where it fits the date; "Frankreichs Ministerpräsident Macron" is a slip.
        role = clue_role
    name = entry.name if entry.curated or len(person.words) < 2 else person.form
    return ActorRef(text=person.form, name=name, actor=entry.actor, country=country, role=role)


def _kb_person(
    person: Person, kb: KnowledgeBase, day: int | None, countries: set[str], roles: set[str]
) -> Entry | None:
    full = " ".join(person.words)
    without_initials = " ".join(word for word in person.words if len(word) > 1)
    exact = kb.persons.get(full) or kb.persons.get(without_initials)
    if exact:
        chosen = kb.choose_person(exact, day, countries, roles, window=False)
        return kb.entries[chosen] if chosen else None
    surnames = [" ".join(person.words[index:]) for index in range(1, len(person.words))] or [full]
    for surname in surnames:
        candidates = kb.surnames.get(surname, [])
        if len(person.words) > 1:
            candidates = [c for c in candidates if kb.same_first_name(c, person.words[0])]
        chosen = kb.choose_person(candidates, day, countries, roles, window=True) if candidates else None
        if chosen:
            return kb.entries[chosen]
    return None


def mentions_in_doc(doc: Doc, kb: KnowledgeBase) -> list[Span]:
    """Person entities (but not a demonym the recogniser took for a name: "Inder"), and
    entities of other labels that are a known person's full name."""
    return [
        ent
        for ent in doc.ents
        if (ent.label_ == "PER" and ent.text.lower() not in kb.demonyms) or fold(ent.text) in kb.persons
    ]
