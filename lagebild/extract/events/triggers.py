"""Finding the words that report an event: verbs, light-verb phrases and nouns.

A verb is looked up with its separable particle joined ("kündigte … an" → "ankündigen"),
a noun by its lemma or, for compounds, by the longest listed word it ends with
("Raketenangriff" → "angriff"), unless the lexicon lists the compound as no event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from lagebild.extract.events.lexicon import EventLexicon, Trigger

VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN"})
PARTICLE = "compound:prt"
_MIN_COMPOUND_HEAD = 6
# The infinitive of a participle, from the pipeline's lexicon: "aufgebracht" → "aufbringen".
VerbOf = Callable[[str], str | None]
ATTRIBUTE = "amod"
PARTICIPLES = frozenset({"ADJ", "VERB"})
_SKIPPED_DEPENDENTS = frozenset({"punct", "cc", "case", "mark"})
# Clauses that state what a trigger verb is about: "forderte Russland auf, die Truppen
# abzuziehen" reports a demand, not a withdrawal.
_CONTENT = frozenset({"xcomp", "ccomp", "csubj"})


@dataclass(frozen=True)
class Match:
    """One trigger in a sentence.

    head is the word the arguments hang on (the verb, or the noun of a nominal event);
    noun is the noun of a light-verb phrase ("Kritik" in "übte Kritik an"), whose own
    dependents may name the target; words are all trigger words in text order.
    """

    head: Token
    words: tuple[Token, ...]
    trigger: Trigger
    nominal: bool
    noun: Token | None = None
    # A participle before its noun: "die von Iran aufgebrachten Frachter".
    attributive: bool = False

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def verb_lemma(verb: Token) -> str:
    """The lemma with its separable particle joined: "kündigte … an" → "ankündigen"."""
    return "".join(particle.lower_ for particle in particles(verb)) + verb.lemma_.lower()


def particles(verb: Token) -> list[Token]:
    """The words the parser took for separable particles: "an", "frei", also "scharf"."""
    return [child for child in verb.children if child.dep_ == PARTICLE]


def find_triggers(sentence: Span, lexicon: EventLexicon, verb_of: VerbOf | None = None) -> list[Match]:
    """The event triggers of one sentence, verbs and phrases before the nouns they govern.

    A noun that is the content of a verb trigger ("fordert die Freigabe") is no event of
    its own: the verb's event already covers it. `verb_of` gives the infinitive of a
    participle ("aufgebracht" → "aufbringen"), so that attributive participles count.
    """
    verbal = [
        match
        for token in sentence
        if token.pos_ in VERBS and token.dep_ != ATTRIBUTE and (match := _verb_match(token, lexicon))
    ]
    if verb_of is not None:
        verbal += [match for token in sentence if (match := _participle_match(token, lexicon, verb_of))]
    heads = {match.head.i: match for match in verbal}
    verbal = [match for match in verbal if not _content(match, heads, lexicon)]
    taken = {word.i for match in verbal for word in match.words}
    # Nouns in what a verb trigger is about ("weigerte sich, an der Pressekonferenz
    # teilzunehmen", "forderte die Freigabe") belong to that verb's event.
    governed = {match.head.i for match in verbal}
    governed |= {token.i for match in verbal for token in _content_words(match.head)}
    nominal = [
        Match(head=token, words=(token,), trigger=trigger, nominal=True)
        for token in sentence
        if token.pos_ in NOUNS
        and token.i not in taken
        and token.head.i not in governed
        and (trigger := noun_trigger(token, lexicon))
    ]
    return sorted([*verbal, *nominal], key=lambda match: match.head.i)


def _content(match: Match, heads: dict[int, Match], lexicon: EventLexicon) -> bool:
    """Whether a verb trigger only says what another one is about ("forderte …, die Truppen
    abzuziehen": a demand, not a withdrawal). What a denial denies stays an event (its
    status says denied), and so does what a criticism or praise takes as given
    ("kritisierte, dass die EU Sanktionen verhängt hat")."""
    head = match.head
    while head.dep_ == "conj" and head.head.i != head.i:
        # "forderte, dass … aufgearbeitet wird und dass die Regierung … zurückzieht"
        head = head.head
    above = heads.get(head.head.i) if head.dep_ in _CONTENT else None
    if above is None or above.trigger.type in lexicon.status.factive:
        return False
    return verb_lemma(above.head) not in lexicon.status.denied


def _content_words(verb: Token) -> list[Token]:
    return [token for clause in verb.children if clause.dep_ in _CONTENT for token in clause.subtree]


def _phrase(lexicon: EventLexicon, dependent: str, verb: str) -> Trigger | None:
    """A light-verb phrase, its noun also as the head of a compound ("Baukosten übernehmen")."""
    trigger = lexicon.phrases.get((dependent, verb))
    if trigger is not None or len(dependent) <= _MIN_COMPOUND_HEAD:
        return trigger
    endings = (dependent[start:] for start in range(1, len(dependent) - _MIN_COMPOUND_HEAD + 1))
    return next((lexicon.phrases[(end, verb)] for end in endings if (end, verb) in lexicon.phrases), None)


def noun_trigger(noun: Token, lexicon: EventLexicon) -> Trigger | None:
    """The trigger a noun names, itself or as the head of a compound."""
    lemma = noun.lemma_.lower()
    if lemma in lexicon.not_events:
        return None
    if lemma in lexicon.nouns:
        return lexicon.nouns[lemma]
    # The longest listed word the compound ends with, tried from the longest ending down.
    endings = (lemma[start:] for start in range(1, len(lemma) - _MIN_COMPOUND_HEAD + 1))
    return next((lexicon.nouns[ending] for ending in endings if ending in lexicon.nouns), None)


def _verb_match(verb: Token, lexicon: EventLexicon) -> Match | None:
    lemma = verb_lemma(verb)
    separable = particles(verb)
    for child in verb.children:
        if child.dep_ in _SKIPPED_DEPENDENTS:
            continue
        trigger = _phrase(lexicon, child.lemma_.lower(), lemma)
        if trigger:
            noun = child if child.pos_ in NOUNS else None
            return Match(verb, _ordered(verb, child, *separable), trigger, nominal=False, noun=noun)
    trigger = lexicon.verbs.get(lemma)
    if trigger is None and separable:
        # An adverb the parser took for a particle ("kritisierten China scharf").
        trigger, separable = lexicon.verbs.get(verb.lemma_.lower()), []
    if trigger is None or not _licensed(verb, trigger):
        return None
    return Match(verb, _ordered(verb, *separable), trigger, nominal=False)


def _participle_match(token: Token, lexicon: EventLexicon, verb_of: VerbOf) -> Match | None:
    if token.dep_ != ATTRIBUTE or token.pos_ not in PARTICIPLES or token.head.pos_ not in NOUNS:
        return None
    verb = verb_of(token.lemma_)
    trigger = lexicon.verbs.get(verb.lower()) if verb else None
    if trigger is None or trigger.needs:
        return None
    noun = token.head.lemma_.lower()
    if trigger.objects and not any(noun.endswith(wanted) for wanted in trigger.objects):
        return None
    return Match(token, (token,), trigger, nominal=False, attributive=True)


def _licensed(verb: Token, trigger: Trigger) -> bool:
    if trigger.unless and any(_governed_by(child) & trigger.unless for child in verb.children):
        return False
    if trigger.objects:
        # Compounds count by their last part: "Öltanker" is a "tanker".
        objects = [child.lemma_.lower() for child in verb.children if child.dep_ in ("obj", "nsubj:pass")]
        if not any(noun.endswith(wanted) for noun in objects for wanted in trigger.objects):
            return False
    if trigger.needs:
        return any(token.lower_ in trigger.needs for token in verb.subtree)
    return True


def _governed_by(token: Token) -> set[str]:
    """The word itself and the preposition it is governed by, lower case."""
    return {token.lower_, *(child.lemma_.lower().split()[0] for child in token.children if child.dep_ == "case")}


def _ordered(*words: Token) -> tuple[Token, ...]:
    return tuple(sorted(words, key=lambda word: word.i))
