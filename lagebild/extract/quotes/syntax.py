"""What the parse says about reporting: cue verbs, their subjects, their clauses, Konjunktiv.

The rules read the pipeline's dependency labels (UD German) through `Labels`, so the
label names live in the data file with the words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from lagebild.extract.quotes.lexicon import Cues

VERBS = {"VERB", "AUX"}
_FINITE_HELPERS = {"aux", "aux:pass", "cop"}
_NOT_FINITE = {"Inf", "Part"}
_NOT_PARTICLES = {"ADV", "VERB"}


def reporting_words(token: Token, cues: Cues) -> list[Token]:
    """The cue words of a reporting verb in text order ("teilte … mit" → [teilte, mit]),
    or [] when `token` does not report speech, writing or thought."""
    if token.pos_ not in VERBS:
        return []
    lemma = token.lemma_.lower()
    particles = [
        child
        for child in token.children
        if child.dep_ in cues.labels.particle and child.lower_ not in cues.free_particles | cues.correlates
    ]
    joined = "".join(particle.lower_ for particle in particles) + lemma
    if joined in cues.speech_verbs:
        return sorted([token, *particles], key=lambda t: t.i)
    # An adverb or participle the parser took for a particle leaves the verb as it is:
    # "sagte aber, dass …", "nannte die Zahlen «aus der Luft gegriffen»".
    particles = [particle for particle in particles if particle.pos_ not in _NOT_PARTICLES]
    phrase = cues.phrases.get(lemma)
    if phrase:
        words = [child for child in token.children if child.lower_ in phrase]
        if words:
            return sorted([token, *words], key=lambda t: t.i)
    if lemma in cues.speech_verbs and not particles:
        return [token]
    return []


def cue_text(words: list[Token]) -> str:
    """The cue as written, without the words between its parts: "teilte mit"."""
    return " ".join(word.text for word in words)


def subject(verb: Token, cues: Cues) -> Token | None:
    """The speaker slot of a verb: its subject, the agent of a passive ("von der Regierung
    mitgeteilt"), or the subject of the verb it is coordinated with or depends on."""
    labels = cues.labels
    for child in verb.children:
        if child.dep_ in labels.subject:
            return child
    for child in verb.children:
        if child.dep_ in labels.passive_agent:
            return child
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return subject(verb.head, cues)
    return None


def is_konjunktiv(verb: Token, cues: Cues, present_only: bool = False) -> bool:
    """A finite verb in Konjunktiv (I only, with `present_only`) whose subject is not the
    speaker himself ("wie ich es mir wünsche" has the form of a Konjunktiv I).

    Konjunktiv II is taken from the word list only: for weak verbs it has the form of
    the past indicative ("schwenkten"), where the morphology's guess is no evidence.
    """
    if verb.pos_ not in VERBS or set(verb.morph.get("VerbForm")) & _NOT_FINITE:
        return False
    lower = verb.lower_
    present = lower in cues.konjunktiv_i or ("Sub" in verb.morph.get("Mood") and "Past" not in verb.morph.get("Tense"))
    if not present and (present_only or lower not in cues.konjunktiv_ii):
        return False
    clause = verb.head if verb.dep_ in _FINITE_HELPERS else verb
    return not any(child.dep_ in cues.labels.subject and child.lower_ in cues.first_person for child in clause.children)


def is_reportative(verbs: list[Token], cues: Cues) -> bool:
    """ "soll … gewesen sein": a reporting modal with a perfect infinitive."""
    modal = next((verb.i for verb in verbs if verb.lower_ in cues.reportative), None)
    return modal is not None and any(verb.lemma_ in cues.perfect and verb.i > modal for verb in verbs)


def finite_verbs(head: Token) -> list[Token]:
    """The words of a clause that can carry its mood: its head and auxiliaries ("sei gekommen")."""
    return [head, *(child for child in head.children if child.dep_ in _FINITE_HELPERS)]


def is_clause(head: Token) -> bool:
    """Whether `head` heads a clause with a finite verb or a conjunction ("dass", "ob")."""
    if head.pos_ in VERBS and not set(head.morph.get("VerbForm")) & _NOT_FINITE:
        return True
    return any(child.dep_ in _FINITE_HELPERS or child.dep_ == "mark" for child in head.children)


def phrase(head: Token, cues: Cues) -> Span:
    """The noun phrase of `head`: its subtree without relative and other clauses, without
    its preposition ("laut", "zufolge") and without punctuation at the edges
    ("Peskow, der …" → "Peskow")."""
    labels = cues.labels
    excluded = labels.relative_clause | labels.clause | labels.adverbial_clause | {"case"}
    start, end = head.i, head.i + 1
    for child in head.children:
        if child.dep_ in excluded or child.is_punct:
            continue
        start, end = min(start, child.left_edge.i), max(end, child.right_edge.i + 1)
    doc = head.doc
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def clause_of(token: Token) -> Token:
    """The head of the clause a word belongs to: itself, or the nearest clause above it."""
    while not is_clause(token) and token.head.i != token.i:
        token = token.head
    return token


def token_range(token: Token) -> tuple[int, int]:
    """The tokens `token` heads, as a range (start, end exclusive)."""
    return token.left_edge.i, token.right_edge.i + 1


def span_without(outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int]:
    """Token range `outer` with `inner` cut off where it stands at one end of it; a range
    in the middle stays (the quote then includes its interrupting frame)."""
    start, end = outer
    if inner[0] <= start < inner[1]:
        start = inner[1]
    elif inner[0] < end <= inner[1]:
        end = inner[0]
    return start, end


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without punctuation at its edges."""
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end
