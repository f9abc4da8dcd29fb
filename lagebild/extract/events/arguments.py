"""Who did it, to whom, and where: the arguments of a trigger, read from the parse.

Source: the subject, the "von"/"durch" agent of a passive, a noun's genitive or
possessive ("Russlands Truppenaufmarsch"), or the subject of the verb that governs a
nominal event ("übte Kritik"). Target: the slots the lexicon lists for the trigger, in
order. "zwischen X und Y" gives both. Coordinated actors are each an argument of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from lagebild.extract.events.triggers import NOUNS, Match
from lagebild.record import UNDIRECTED

SUBJECT = frozenset({"nsubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass"})
PASSIVE_AUX = "aux:pass"
OBJECT = frozenset({"obj"})
DATIVE = frozenset({"iobj", "obl:arg"})
PHRASE = frozenset({"obl", "obl:arg", "nmod"})
GENITIVE = frozenset({"nmod", "nmod:poss", "det:poss"})
COORDINATED = "conj"
# What an argument's words leave out: other conjuncts, clauses about it, punctuation.
_NOT_IN_PHRASE = frozenset({"conj", "cc", "case", "punct", "acl", "acl:relcl", "parataxis"})
# A verb without a subject of its own takes the one of the verb it depends on:
# "weigerte sich, … teilzunehmen", "dementierte, … angegriffen zu haben".
_CLIMB = frozenset({"xcomp", "ccomp", "conj"})
# From a verb inside a relative clause up to the clause's head verb.
_CLAUSE_LINKS = frozenset({"xcomp", "aux"})
_AGENT = frozenset({"von", "durch"})
_HELPERS = frozenset({"aux", "aux:pass", "cop"})
_BETWEEN = "zwischen"
# The target slot of a verb whose target is the actor its clause is about.
CONTENT = "content"
OBJECT_SLOT = "obj"
_CONTENT_CLAUSES = frozenset({"ccomp", "xcomp"})
_CONTENT_ROLES = frozenset({"obj", "nsubj", "nsubj:pass", "iobj"})
_WITH = "mit"
_OF = "von"


@dataclass(frozen=True)
class Arguments:
    """The heads of the source and target phrases (several when coordinated) and the place."""

    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    place: Token | None


def arguments(match: Match, place_prepositions: frozenset[str], governor: bool = True) -> Arguments:
    """Source, target and place of one trigger. Without `governor`, a nominal event's
    source is only its own genitive or agent, never the subject of the verb above it
    (for an event named inside another: "verurteilte den Angriff")."""
    head, trigger = match.head, match.trigger
    holders = [head, match.noun] if match.noun is not None else [head]
    # A preposition that introduces the trigger's target ("Angriff auf") puts it nowhere.
    place_prepositions = place_prepositions - set(trigger.targets)
    between = _between(holders)
    if between:
        return Arguments(between[:1], between[1:2], _place(holders, place_prepositions, between))
    if match.attributive:
        return _attributive(match, place_prepositions)
    source = _nominal_source(head, governor) if match.nominal else _verbal_source(head)
    passive = not match.nominal and _is_passive(head)
    # The first slot that names an actor, else the first filled one: "feuerte Raketen auf
    # Israel" is aimed at Israel, not at the rockets.
    filled = [found for slot in trigger.targets if (found := _slot(holders, slot, passive, match.noun))]
    filled = [found for found in filled if found is not source]
    first = next((found for found in filled if _mentioned(found)), filled[0] if filled else None)
    targets: tuple[Token, ...] = conjuncts(first) if first is not None else ()
    if not targets and match.nominal and trigger.type in UNDIRECTED and source is not None:
        # "Macron wurde deutlich beim Antrittsbesuch Johnsons": the host is the subject (of
        # the verb, or of the noun itself where the parser reads a copula).
        governed = head.dep_ in PHRASE and head.head.pos_ in ("VERB", "AUX")
        host = (
            _verbal_source(head.head)
            if governed
            else next((child for child in head.children if child.dep_ in SUBJECT), None)
        )
        targets = conjuncts(host) if host is not None and host != source else ()
    if trigger.subject_is_target and not match.nominal:
        targets = conjuncts(source) if source is not None else ()
        source = _agent(head)
    sources = _members(source) if source is not None else ()
    return Arguments(sources, targets, _place(holders, place_prepositions, (*sources, *targets)))


def _attributive(match: Match, place_prepositions: frozenset[str]) -> Arguments:
    """ "die von Iran aufgebrachten Frachter": the noun undergoes what a transitive verb
    does (its agent is the "von" phrase); "die zurückgetretene Ministerin" is its doer."""
    participle, noun = match.head, match.head.head
    agent = _agent(participle)
    if OBJECT_SLOT in match.trigger.targets:
        sources, targets = (_members(agent) if agent is not None else ()), conjuncts(noun)
    else:
        sources = conjuncts(noun)
        filled = (_slot([participle], slot, False, None) for slot in match.trigger.targets)
        found = next((token for token in filled if token is not None), None)
        targets = conjuncts(found) if found is not None else ()
    return Arguments(sources, targets, _place([participle], place_prepositions, (*sources, *targets)))


def _members(token: Token) -> tuple[Token, ...]:
    """The actors a phrase names: its conjuncts, or the coordinated names a noun is of
    ("die Außenminister Frankreichs und Deutschlands", "die Regierungen von Hugo Chávez
    und Rafael Correa" → one each)."""
    found = conjuncts(token)
    if len(found) == 1 and token.pos_ == "NOUN":
        for child in token.children:
            named = conjuncts(child)
            coordinated = len(named) > 1 and all(member.pos_ == "PROPN" for member in named)
            owner = (child.dep_ in GENITIVE and preposition(child) is None) or preposition(child) == _OF
            if owner and coordinated:
                return named
    return found


def conjuncts(token: Token) -> tuple[Token, ...]:
    """A phrase head and the heads coordinated with it ("USA und Russland" → both)."""
    found = [token]
    for child in token.children:
        if child.dep_ == COORDINATED and child.pos_ in NOUNS | {"PRON"}:
            found.extend(conjuncts(child))
    return tuple(found)


def phrase_span(token: Token, without: Token | None = None) -> Span:
    """The words of the phrase `token` heads, without coordinated phrases and clauses (and
    without the dependent `without`: the participle in "den von Iran aufgebrachten Frachter")."""
    words = [token]
    for child in token.children:
        if child.dep_ not in _NOT_IN_PHRASE and child != without:
            words.extend(child.subtree)
    if without is not None and without.i < token.i:
        # A span is contiguous: it starts after the participle's phrase.
        words = [word for word in words if word.i > without.right_edge.i]
    start = min(word.i for word in words)
    end = max(word.i for word in words) + 1
    return token.doc[start:end]


def preposition(token: Token) -> str | None:
    """The preposition a noun phrase is governed by, contracted forms resolved ("vom" → "von")."""
    for child in token.children:
        if child.dep_ == "case":
            return child.lemma_.lower().split()[0]
    return None


def _verbal_source(verb: Token) -> Token | None:
    # The parser sometimes hangs the subject on the auxiliary: "Die USA haben … geführt".
    helpers = [child for child in verb.children if child.dep_ in _HELPERS]
    for child in [grandchild for holder in [verb, *helpers] for grandchild in holder.children]:
        if child.dep_ in SUBJECT:
            return _relative_antecedent(child)
    if _is_passive(verb):
        return _agent(verb)
    if verb.dep_ in _CLIMB and verb.head.i != verb.i:
        return _verbal_source(verb.head)
    return None


def _nominal_source(noun: Token, governor_acts: bool = True) -> Token | None:
    for child in noun.children:
        if child.dep_ in GENITIVE and preposition(child) is None and _genitive(child):
            # "Mehrere Minister haben ihren Rücktritt angekündigt": a possessive in the object
            # is the clause's subject.
            subject = _verbal_source(noun.head) if _is_possessive(child) and noun.dep_ in OBJECT else None
            return subject or child
    for child in noun.children:
        if child.dep_ in PHRASE and preposition(child) in _AGENT:
            return child
    # "ordneten die Mobilisierung an": the object's event is the subject's doing; an event
    # in a prepositional phrase ("zieht wegen der Proteste Neuwahlen in Betracht") is not.
    # A meeting "mit" someone in a phrase is the subject's all the same: "Merkel sagte in der
    # Pressekonferenz mit Johnson".
    governor = noun.head
    if not governor_acts or governor.i == noun.i or governor.pos_ not in ("VERB", "AUX"):
        return None
    partner = any(preposition(child) == _WITH for child in noun.children if child.dep_ in PHRASE)
    if noun.dep_ in OBJECT or (partner and noun.dep_ in PHRASE):
        return _verbal_source(governor)
    return None


def _is_possessive(token: Token) -> bool:
    return "Yes" in token.morph.get("Poss")


def _genitive(token: Token) -> bool:
    """A genitive attribute or a possessive: "Russlands", "des Präsidenten", "seine"."""
    if token.dep_ == "det:poss" or "Yes" in token.morph.get("Poss") or "Gen" in token.morph.get("Case"):
        return True
    # The tagger misreads a noun's case more often than its article's: "des … Präsidenten".
    return any(child.dep_ == "det" and "Gen" in child.morph.get("Case") for child in token.children)


def _agent(verb: Token) -> Token | None:
    """The "von"/"durch" phrase of a verb or of its object ("erhält Hilfe von der EU")."""
    objects = [child for child in verb.children if child.dep_ in OBJECT]
    for child in [grandchild for holder in [verb, *objects] for grandchild in holder.children]:
        if child.dep_ in PHRASE and preposition(child) in _AGENT:
            return child
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ == PASSIVE_AUX or child.dep_ in PASSIVE_SUBJECT for child in verb.children)


def _relative_antecedent(subject: Token) -> Token:
    """ "die Demonstranten, die protestierten": the relative pronoun stands for its noun."""
    if "Rel" in subject.morph.get("PronType"):
        clause = subject.head
        while clause.dep_ in _CLAUSE_LINKS and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_.startswith("acl"):
            return clause.head
    return subject


def _slot(holders: list[Token], slot: str, passive: bool, phrase_noun: Token | None) -> Token | None:
    if slot == CONTENT:
        return _content_actor(holders[0])
    for holder in holders:
        for child in _dependents(holder):
            if child != phrase_noun and _fills(child, slot, passive):
                return child
    return None


def _content_actor(verb: Token) -> Token | None:
    """Whom the clause a verb introduces is about: "drohte damit, Nordkorea zu zerstören",
    "forderte, dass Iran die Besatzung freilässt", "weigerte sich, an einer Pressekonferenz
    mit Bettel teilzunehmen": its object or subject, else the first name in it."""
    clauses = [clause for clause in verb.children if clause.dep_ in _CONTENT_CLAUSES]
    clauses += [other for clause in clauses for other in clause.children if other.dep_ == "conj"]
    roles = [child for clause in clauses for child in clause.children if child.dep_ in _CONTENT_ROLES]
    roles = [child for child in roles if child.pos_ in NOUNS]
    # "forderte, dass der Einsatz aufgearbeitet wird und dass die Landesregierung …": a
    # named or linked actor before any other noun.
    named = [child for child in roles if _mentioned(child)]
    if named or roles:
        return (named or roles)[0]
    names = (token for clause in clauses for token in clause.subtree if token.pos_ == "PROPN" and token.i > verb.i)
    return next(names, None)


def _mentioned(token: Token) -> bool:
    """Whether a word is part of a named entity or a linked role phrase."""
    spans = token.doc.spans.get("actor_refs", [])
    return bool(token.ent_type_) or any(span.start <= token.i < span.end for span in spans)


def _dependents(holder: Token) -> list[Token]:
    """A word's dependents, and those the parser hung on its time expressions instead:
    "telefonierte am Dienstag mit Putin" often reads "mit Putin" as part of "am Dienstag"."""
    children = list(holder.children)
    return children + [grandchild for child in children if _is_time(child) for grandchild in child.children]


def _fills(child: Token, slot: str, passive: bool) -> bool:
    """Whether a dependent stands in a target slot: "obj", "iobj", "gen" or a preposition.

    Reflexive pronouns ("weigerte sich") and time expressions ("am Montag") never do."""
    if "Yes" in child.morph.get("Reflex") or child.ent_type_ == "" and _is_time(child):
        return False
    bare = preposition(child) is None
    if slot == "obj":
        objects = OBJECT | PASSIVE_SUBJECT if passive else OBJECT
        return child.dep_ in objects and child.pos_ in NOUNS | {"PRON"}
    if slot == "iobj":
        return child.dep_ in DATIVE and bare
    if slot == "gen":
        return child.dep_ in GENITIVE and bare and _genitive(child)
    return child.dep_ in PHRASE and preposition(child) == slot


def _is_time(token: Token) -> bool:
    """Whether the token lies in a time expression the times component found."""
    times = token.doc._.times or []
    return any(time.start <= token.idx < time.end for time in times)


def _between(holders: list[Token]) -> tuple[Token, ...]:
    """ "zwischen Biden und Putin": both sides of an undirected event."""
    for holder in holders:
        for child in holder.children:
            if child.dep_ in PHRASE and preposition(child) == _BETWEEN:
                sides = conjuncts(child)
                if len(sides) >= 2:
                    return sides
    return ()


def _place(holders: list[Token], prepositions: frozenset[str], actors: tuple[Token, ...]) -> Token | None:
    """A place name the event hangs on ("in Genf", "vor dem Parlament in Stockholm"), not
    one of its actors ("der Angriff auf die Ukraine")."""
    for holder in holders:
        for child in holder.children:
            if child.dep_ in PHRASE and preposition(child) in prepositions and child not in actors:
                for word in child.subtree:
                    if word.ent_type_ == "LOC":
                        return word
    return None
