"""Quotations and their speakers against gold, for any quote finder (issue #6).

A system is any callable ``(text, published) -> list[Quote]``; it cleans and analyses the
text itself, so its offsets point into its own cleaned text, not into the gold text.
Predictions are therefore placed in the gold text by their words: the quote's words are
searched as a run of words (case-insensitive, punctuation and whitespace ignored), and of
several occurrences the one nearest the quote's own offset wins; when the run is not
there (cleaning changed a word), each word is placed on its own. Speaker and cue words
are placed the same way, nearest the quote but outside it.

Three sets (see `quote_sets`), three measures:

- ``gnq``: a prediction matches a gold quote when the Dice coefficient of their word
  tokens is at least 0.5 (one-to-one, best Dice first). The speaker of a matched quote
  is right when the predicted speaker's text and name share a word with the gold speaker
  span, function words (articles, prepositions, conjunctions) left out, case ignored. So
  a predicted "Er" (name "Patrick Kamanda") is right for gold "Er" and for gold "Patrick
  Kamanda von der Nationalen Umwelt Behörde", and "der Minister" is wrong for gold "der
  Staatsanwalt". Speaker accuracy counts the matched quotes whose gold has a speaker.
- ``spkatt``: a quote is a speech event with cue = its cue words, source = its speaker,
  message = the quote. Predictions pair one-to-one with gold events whose cue they
  overlap or whose message they match (Dice >= 0.5). Each role is scored by token
  overlap over pairs (precision, recall, F1 of the task's tokens); tokens of unpaired
  events count as missed or spurious. The official scorer is not staged, so this is an
  approximation of the task's figures, not a reproduction of them.
- ``dev``: exactly the quote rule of ``shared/tools/score_gold.py`` (reimplemented, as
  that script has it inline in ``main``): a gold quote is found when a predicted quote's
  text contains its ``contains`` (whitespace collapsed, ß as ss, lower case), and right
  when one such quote's speaker text + name contains one of the gold speakers.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tqdm import tqdm

from lagebild.evaluate.prf import PRF
from lagebild.evaluate.quote_sets import WORD, GoldQuote, QuoteDoc, Span
from lagebild.record import ActorRef, Quote

if TYPE_CHECKING:
    from spacy.language import Language

System = Callable[[str, str | None], list[Quote]]
Roles = dict[str, frozenset[int]]
ErrorKind = Literal["missed", "wrong speaker", "spurious"]

MATCH_DICE = 0.5
SPKATT_ROLES = ("cue", "source", "message")
# Neither SOURCE.md nor the staged data lists the shared task's published figures: blank.
SPKATT_PUBLISHED: dict[str, tuple[float | None, float | None]] = {role: (None, None) for role in SPKATT_ROLES}

# Words that two speaker phrases may share without naming the same speaker.
_FUNCTION_WORDS = frozenset(
    {
        *("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"),
        *("und", "oder", "sowie", "von", "vom", "zu", "zur", "zum", "im", "in", "am", "an", "auf", "aus"),
        *("bei", "beim", "mit", "für", "nach", "über", "unter", "vor", "gegen"),
    }
)
_QUOTATION = re.compile(r"„([^“”„\"]+)[“”\"]|»([^«»]+)«|«([^«»]+)»|\"([^\"]+)\"")


@dataclass(frozen=True)
class QuoteError:
    """A gold quote not found, a found one with the wrong speaker, or a prediction matching no gold."""

    doc_id: str
    kind: ErrorKind
    gold: GoldQuote | None
    predicted: Quote | None

    def describe(self) -> str:
        parts = []
        if self.gold:
            said = self.gold.text or f"(no message) cue {self.gold.cue}"
            parts.append(f"gold {_short(said)!r} by {' / '.join(self.gold.speakers) or '?'}")
        if self.predicted:
            parts.append(f"predicted {_short(self.predicted.text)!r} by {speaker_words(self.predicted.speaker) or '?'}")
        return f"{self.doc_id}: {self.kind}: " + "; ".join(parts)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Scores:
    """What every set's scores have: the errors for analysis and the time the system took."""

    errors: list[QuoteError] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, doc: QuoteDoc, predicted: list[Quote]) -> None:
        raise NotImplementedError

    def lines(self) -> list[str]:
        raise NotImplementedError

    def error_lines(self, n: int) -> list[str]:
        """The first ``n`` errors of each kind."""
        by_kind: dict[str, list[QuoteError]] = defaultdict(list)
        for error in self.errors:
            by_kind[error.kind].append(error)
        return [f"  {error.describe()}" for errors in by_kind.values() for error in errors[:n]]


# --- placing predictions in the gold text ---------------------------------------------


class Words:
    """The word tokens of a text, to find a predicted phrase in it."""

    def __init__(self, text: str) -> None:
        matches = list(WORD.finditer(text))
        self.spans = [m.span() for m in matches]
        self.folded = [m.group().casefold() for m in matches]
        self.positions: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(self.folded):
            self.positions[word].append(i)

    def locate(self, phrase: str, anchor: int, outside: Span | None = None) -> tuple[Span, ...]:
        """Where ``phrase`` is: the run of its words nearest ``anchor``, preferring runs outside ``outside``."""
        words = [w.casefold() for w in WORD.findall(phrase)]
        if not words:
            return ()
        runs = [i for i in self.positions.get(words[0], ()) if self.folded[i : i + len(words)] == words]
        if runs:
            i = min(runs, key=lambda i: self._distance(i, i + len(words), anchor, outside))
            return ((self.spans[i][0], self.spans[i + len(words) - 1][1]),)
        found = []
        for word in words:
            places = self.positions.get(word)
            if places:
                i = min(places, key=lambda i: self._distance(i, i + 1, anchor, outside))
                found.append(self.spans[i])
        return tuple(sorted(set(found)))

    def _distance(self, first: int, end: int, anchor: int, outside: Span | None) -> tuple[bool, int]:
        start, stop = self.spans[first][0], self.spans[end - 1][1]
        inside = outside is not None and start < outside[1] and outside[0] < stop
        return inside, abs(start - anchor)


def units_in(units: Sequence[Span], spans: Collection[Span]) -> frozenset[int]:
    """Indices of the (sorted, disjoint) unit spans that overlap any of ``spans``."""
    starts = [start for start, _ in units]
    ends = [end for _, end in units]
    found: set[int] = set()
    for start, end in spans:
        found.update(range(bisect_right(ends, start), bisect_left(starts, end)))
    return frozenset(found)


def dice(a: Collection[int], b: Collection[int]) -> float:
    return 2 * len(set(a) & set(b)) / (len(a) + len(b)) if a or b else 0.0


def match(gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]]) -> dict[int, int]:
    """Gold index → predicted index, one-to-one, best Dice first, only pairs with Dice >= 0.5."""
    scored = [(-dice(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted)]
    return one_to_one((i, j) for score, i, j in sorted(scored) if -score >= MATCH_DICE)


def one_to_one(ranked: Iterable[tuple[int, int]]) -> dict[int, int]:
    """(gold, predicted) candidates taken in rank order, each side used once."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, j in ranked:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def speaker_words(speaker: ActorRef | None) -> str:
    return " ".join(part for part in (speaker.text, speaker.name) if part) if speaker else ""


def speaker_right(predicted: ActorRef | None, gold: Sequence[str]) -> bool:
    """The gnq rule: the predicted text + name share a content word with a gold speaker."""
    said = _content_words(speaker_words(predicted))
    return any(said & _content_words(speaker) for speaker in gold)


def _content_words(text: str) -> set[str]:
    return {w for w in (w.casefold() for w in WORD.findall(text)) if w not in _FUNCTION_WORDS}


# --- German news quotations -----------------------------------------------------------


@dataclass
class FormScore:
    """Gold quotes of one form: how many, how many found, and their speakers."""

    gold: int = 0
    found: int = 0
    with_speaker: int = 0
    speaker_correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.with_speaker if self.with_speaker else 0.0


@dataclass
class GnqScores(Scores):
    quotes: PRF = field(default_factory=PRF)
    forms: dict[str, FormScore] = field(
        default_factory=lambda: {form: FormScore() for form in ("direct", "indirect", "free indirect", "reported")}
    )

    @property
    def speaker(self) -> FormScore:
        total = FormScore()
        for form in self.forms.values():
            total.with_speaker += form.with_speaker
            total.speaker_correct += form.speaker_correct
        return total

    def add(self, doc: QuoteDoc, predicted: list[Quote]) -> None:
        words = Words(doc.text)
        predicted_units = [units_in(doc.units, words.locate(q.text, q.start)) for q in predicted]
        pairs = match([units_in(doc.units, g.spans) for g in doc.gold], predicted_units)
        self.quotes.tp += len(pairs)
        self.quotes.fp += len(predicted) - len(pairs)
        self.quotes.fn += len(doc.gold) - len(pairs)
        for i, gold in enumerate(doc.gold):
            form = self.forms[gold.form]
            form.gold += 1
            if i not in pairs:
                self.errors.append(QuoteError(doc.id, "missed", gold, None))
                continue
            form.found += 1
            quote = predicted[pairs[i]]
            if gold.speakers:
                form.with_speaker += 1
                if speaker_right(quote.speaker, gold.speakers):
                    form.speaker_correct += 1
                else:
                    self.errors.append(QuoteError(doc.id, "wrong speaker", gold, quote))
        _add_spurious(self.errors, doc.id, predicted, set(pairs.values()))

    def lines(self) -> list[str]:
        speaker = self.speaker
        lines = [
            f"quotes   P {self.quotes.precision:.3f}  R {self.quotes.recall:.3f}  F1 {self.quotes.f1:.3f}"
            f"  (predicted {self.quotes.tp + self.quotes.fp}, gold {self.quotes.tp + self.quotes.fn};"
            f" match: word Dice >= {MATCH_DICE})",
            f"speaker  accuracy {speaker.speaker_accuracy:.3f}  ({speaker.speaker_correct} of {speaker.with_speaker}"
            " matched quotes with a gold speaker)",
            f"{'form':<14} {'gold':>5} {'found':>6} {'recall':>7} {'speaker acc':>12}",
        ]
        for name, form in self.forms.items():
            lines.append(
                f"{name:<14} {form.gold:>5} {form.found:>6} {form.recall:>7.3f} {form.speaker_accuracy:>12.3f}"
            )
        lines.append(f"targets: quote F1 >= 0.80, speaker accuracy >= 0.85; {self.seconds:.1f} s")
        return lines


def _add_spurious(errors: list[QuoteError], doc_id: str, predicted: list[Quote], paired: set[int]) -> None:
    errors.extend(QuoteError(doc_id, "spurious", None, q) for j, q in enumerate(predicted) if j not in paired)


# --- SpkAtt-2023 Task 1 ---------------------------------------------------------------


@dataclass
class SpkAttScores(Scores):
    roles: dict[str, PRF] = field(default_factory=lambda: {role: PRF() for role in SPKATT_ROLES})
    events: PRF = field(default_factory=PRF)

    def add(self, doc: QuoteDoc, predicted: list[Quote]) -> None:
        words = Words(doc.text)
        gold_roles = [self._gold_roles(doc, gold) for gold in doc.gold]
        predicted_roles = [self._predicted_roles(doc, words, quote) for quote in predicted]
        pairs = pair_events(gold_roles, predicted_roles)
        self.events.tp += len(pairs)
        self.events.fp += len(predicted) - len(pairs)
        self.events.fn += len(doc.gold) - len(pairs)
        empty = dict.fromkeys(SPKATT_ROLES, frozenset())
        for i, gold in enumerate(gold_roles):
            found = predicted_roles[pairs[i]] if i in pairs else empty
            for role, prf in self.roles.items():
                prf.add(found[role], gold[role])
            if i not in pairs and doc.gold[i].spans:
                self.errors.append(QuoteError(doc.id, "missed", doc.gold[i], None))
        paired = set(pairs.values())
        for j, found in enumerate(predicted_roles):
            if j not in paired:
                for role, prf in self.roles.items():
                    prf.fp += len(found[role])
        _add_spurious(self.errors, doc.id, predicted, paired)

    @staticmethod
    def _gold_roles(doc: QuoteDoc, gold: GoldQuote) -> Roles:
        spans = {"cue": gold.cue_spans, "source": gold.speaker_spans, "message": gold.spans}
        return {role: units_in(doc.units, spans[role]) for role in SPKATT_ROLES}

    @staticmethod
    def _predicted_roles(doc: QuoteDoc, words: Words, quote: Quote) -> Roles:
        message = words.locate(quote.text, quote.start)
        around = (message[0][0], message[-1][1]) if message else None
        source = words.locate(quote.speaker.text, quote.start, around) if quote.speaker else ()
        cue = words.locate(quote.cue, quote.start, around)
        spans = {"cue": cue, "source": source, "message": message}
        return {role: units_in(doc.units, spans[role]) for role in SPKATT_ROLES}

    def lines(self) -> list[str]:
        lines = [f"{'role':<8} {'P':>6} {'R':>6} {'F1':>6}   {'published dev F1':>16} {'published test F1':>17}"]
        for role, prf in self.roles.items():
            dev, test = (f"{x:.3f}" if x is not None else "" for x in SPKATT_PUBLISHED[role])
            lines.append(f"{role:<8} {prf.precision:>6.3f} {prf.recall:>6.3f} {prf.f1:>6.3f}   {dev:>16} {test:>17}")
        events = self.events
        lines += [
            f"events   P {events.precision:.3f}  R {events.recall:.3f}  F1 {events.f1:.3f}  (predicted "
            f"{events.tp + events.fp}, gold {events.tp + events.fn} speech events; paired by cue overlap or"
            f" message Dice >= {MATCH_DICE})",
            "roles: token overlap over paired events (the official scorer and the proceedings are not staged;"
            " SOURCE.md lists no published figures, so those columns are blank); "
            f"{self.seconds:.1f} s",
        ]
        return lines


def pair_events(gold: Sequence[Roles], predicted: Sequence[Roles]) -> dict[int, int]:
    """Gold event → predicted event, one-to-one: cue overlap first, then message Dice (>= 0.5 without a shared cue)."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            cue, message = dice(g["cue"], p["cue"]), dice(g["message"], p["message"])
            if cue > 0 or message >= MATCH_DICE:
                candidates.append((-cue, -message, i, j))
    return one_to_one((i, j) for *_, i, j in sorted(candidates))


# --- the project's dev gold, as score_gold.py scores it -------------------------------


@dataclass
class DevScores(Scores):
    gold: int = 0
    found: int = 0
    found_with_speaker: int = 0
    predicted: int = 0

    def add(self, doc: QuoteDoc, predicted: list[Quote]) -> None:
        self.predicted += len(predicted)
        for gold in doc.gold:
            self.gold += 1
            containing = [q for q in predicted if score_gold_norm(gold.text) in score_gold_norm(q.text)]
            right = [q for q in containing if score_gold_speaker(q.speaker, gold.speakers)]
            self.found += bool(containing)
            self.found_with_speaker += bool(right)
            if not containing:
                self.errors.append(QuoteError(doc.id, "missed", gold, None))
            elif not right:
                self.errors.append(QuoteError(doc.id, "wrong speaker", gold, containing[0]))

    def lines(self) -> list[str]:
        recall = self.found_with_speaker / self.gold if self.gold else 0.0
        found = self.found / self.gold if self.gold else 0.0
        return [
            f"quotes_recall (score_gold.py: found with a right speaker) {recall:.3f}  ({self.found_with_speaker}"
            f" of {self.gold}; target >= 0.80)",
            f"quote recall, speaker ignored                          {found:.3f}  ({self.found} of {self.gold})",
            f"predicted quotes {self.predicted}; {self.seconds:.1f} s",
        ]


def score_gold_norm(text: str | None) -> str:
    """score_seed.py's `norm`: whitespace collapsed, ß as ss, lower case."""
    return " ".join((text or "").replace("ß", "ss").split()).lower()


def score_gold_speaker(speaker: ActorRef | None, gold: Sequence[str]) -> bool:
    """score_gold.py's speaker test: a gold speaker is a substring of the speaker's text + name."""
    who = score_gold_norm(" ".join(part or "" for part in ((speaker.text, speaker.name) if speaker else ("", ""))))
    return any(score_gold_norm(name) in who for name in gold)


# --- running a system -------------------------------------------------------------------

SCORES: dict[str, type[Scores]] = {"gnq": GnqScores, "spkatt": SpkAttScores, "dev": DevScores}


def evaluate(set_name: str, docs: Sequence[QuoteDoc], system: System) -> Scores:
    """Run ``system`` on every document of one set and score it; the time taken is part of the result."""
    scores = SCORES[set_name.removesuffix("-train")]()  # a train split is scored like its dev split
    started = time.perf_counter()
    for doc in tqdm(docs, desc=set_name, unit="doc", leave=False):
        scores.add(doc, system(doc.text, doc.published))
    scores.seconds = time.perf_counter() - started
    return scores


def lagebild_quote_system(nlp: Language) -> System:
    """lagebild's quote finder on ``nlp``: clean the text, run the pipeline, read ``Doc._.quotes``.

    The quote component (and the actor linker before it, when present) is added to a
    pipeline that lacks it.
    """
    import lagebild.extract.quotes  # noqa: F401  (registers "lagebild_quotes")
    from lagebild.clean import CleanArticle, CleanOptions, clean_article
    from lagebild.ingest import Article

    if not nlp.has_factory("lagebild_quotes"):
        raise ImportError("lagebild.extract.quotes registers no 'lagebild_quotes' component (yet)")
    try:
        import lagebild.extract.actors  # noqa: F401  (registers "lagebild_actors")
    except ImportError:
        pass
    else:
        if "lagebild_actors" not in nlp.pipe_names:
            nlp.add_pipe("lagebild_actors", before="lagebild_quotes" if "lagebild_quotes" in nlp.pipe_names else None)
    if "lagebild_quotes" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_quotes", last=True)

    def find_quotes(text: str, published: str | None) -> list[Quote]:
        cleaned = clean_article(Article(text=text, published=published), CleanOptions(language="any"))
        if not isinstance(cleaned, CleanArticle):
            return []
        doc = nlp.make_doc(cleaned.text)
        doc._.published = cleaned.meta.published
        return list(nlp(doc)._.quotes)

    return find_quotes


def quotation_mark_system(text: str, published: str | None = None) -> list[Quote]:
    """The trivial baseline: every text in quotation marks is a direct quote, speaker unknown."""
    quotes = []
    for found in _QUOTATION.finditer(text):
        group = next(g for g in range(1, 5) if found.group(g) is not None)
        start, end = found.span(group)
        quotes.append(Quote(start, end, text[start:end], "direct", "", None, 0))
    return quotes
