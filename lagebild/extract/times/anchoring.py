"""Anchoring: which date a relative expression counts from, in two passes over a document.

Every expression is resolved in one of three ways:

- absolute ("29. Dezember 2021", "1989") needs nothing else;
- deictic ("gestern", "am Donnerstag", "im März", "nächste Woche", "vor zwei Wochen")
  counts from the anchor date; weekdays, months, seasons and holidays without a year
  take the occurrence the clause's tense points to (past: the last one, future: the
  next one, present: the nearest; a weekday equal to the anchor's is that day), unless
  a word ("vergangenen") or a preposition ("seit") says which;
- anaphoric ("an diesem Tag", "zwei Wochen zuvor", "am nächsten Tag", "damals",
  "im folgenden Jahr", and clock times or parts of the day without a day) counts from
  the last time the text mentioned, since that is what these words refer to; without
  one, from the anchor. A written date right next to a weekday or a counted time names
  it: "am Montag (27.01.2020)", "Neun Monate zuvor, im Mai 2002".

`anchoring="publication"` makes the publication date the anchor of every deictic
expression. `anchoring="narrative"` follows the text instead: a year, month, season or day
written with its year ("1940", "im Jahr 1941", "Am 3. März 2019 reiste er nach Genf")
becomes the anchor of the deictic expressions after it whose clause is not in the future
tense, and so do the dates resolved from it and the times counted from it ("im folgenden
Jahr", "zwei Tage später", "am nächsten Tag"); months, seasons, holidays and "Ende des
Jahres" then take the narrated year ("Im Mai kam er zurück": May 2019). The anchor
carries across paragraphs; a date that is a heading of its own ("1862") dates its section,
so each paragraph under it starts from it again. Dates after "seit", "bis", "ab" or "vom",
and the second year of "1943–1945", bound a span rather than set the story's time and
anchor nothing. Weekdays keep the publication date, as do future clauses: they speak from
the writer's time; "heute" in a story told years after it happened is PRESENT_REF.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from lagebild.extract.times.context import Context, Resolved
from lagebild.extract.times.lexicon import Lexicon
from lagebild.extract.times.recognize import Mention, find_mentions
from lagebild.extract.times.resolve import has_explicit_year, needs_context, resolve
from lagebild.extract.times.tense import FUTURE, Reading, read_clause
from lagebild.extract.times.timeline import When
from lagebild.record import TimeExpression

ANCHORINGS = ("publication", "narrative")
# Grains precise enough to anchor a narrative: a year places "im Mai", a decade does not.
_NARRATIVE_GRAINS = {"D", "W", "WE", "M", "S", "Q", "H", "Y"}
# "heute" and "gestern" keep the writer's day even in a narrating sentence.
_NARRATIVE_KINDS = {"date", "relative", "offset", "part"}
# A story whose time is further than this from its publication is history, not news.
_HISTORY_DAYS = 2 * 365
# Times counted from the story's time that move it: "im folgenden Jahr", "zwei Tage später",
# "am nächsten Tag".
_NARRATIVE_COUNTED = {"relative", "offset", "anaphor"}


def tag_times(doc: Doc, anchoring: str, lexicon: Lexicon) -> list[TimeExpression]:
    """The resolved time expressions of `doc`, in text order."""
    text = doc.text  # built from the tokens on every access
    mentions = find_mentions(text, lexicon)
    resolution = _Resolution(doc, text, mentions, lexicon, parse_published(doc._.published))
    resolution.resolve_independent(narrative=anchoring == "narrative")
    resolution.resolve_contextual()
    return [
        TimeExpression(mention.start, mention.end, text[mention.start : mention.end], found.type, found.value)
        for mention, found in zip(mentions, resolution.found)
        if found is not None
    ]


class _Resolution:
    """The values of one document's mentions, filled in two passes.

    First the mentions that count from the anchor or from nothing, in text order (the
    narrative anchor moves along); then, in text order again, those that count from
    what the text mentioned before, which by then is known on both sides.
    """

    def __init__(self, doc: Doc, text: str, mentions: list[Mention], lexicon: Lexicon, published: date | None) -> None:
        self.text, self.mentions, self.lexicon, self.published = text, mentions, lexicon, published
        self.found: list[Resolved | None] = [None] * len(mentions)
        self.contextual = [needs_context(mention, lexicon) for mention in mentions]
        self.spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
        self.parsed = doc.has_annotation("DEP")
        # Span.sent checks the whole Doc for boundaries on every call: look them up once.
        starts = [sentence.start_char for sentence in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.sentences = [bisect_right(starts, mention.start) for mention in mentions]

    def resolve_independent(self, narrative: bool) -> None:
        """First pass; in narrative mode the anchor moves along the text, across paragraphs,
        and a period counted from the story's time ("im folgenden Jahr", "zwei Jahre später")
        moves it too, so it is resolved here rather than in the second pass.
        """
        anchor = section = None
        for i, mention in enumerate(self.mentions):
            if self._paragraph_break(i):
                anchor = (section or anchor) if narrative else None
            counted = narrative and self.contextual[i] and self._counted_from(mention, anchor)
            if self.contextual[i] and not counted:
                continue
            context = self._context(i)
            if counted:
                self.contextual[i] = False
                context.reference = anchor
                context.day = anchor if anchor and anchor.grain == "D" else None
            if narrative and anchor and _follows_narrative(mention) and context.reading.direction != FUTURE:
                context.anchor, context.narrative = anchor.start, True
            found = self._present_in_history(mention, anchor) if narrative else None
            found = self.found[i] = found or resolve(mention, context)
            if narrative and found and found.when and self._sets_narrative(mention, found.when, context.narrative):
                anchor = found.when
                section = anchor if self._is_heading(i) else section

    def _counted_from(self, mention: Mention, anchor: When | None) -> bool:
        """Whether a time counted from the story's time is counted from the anchor: a day
        ("am nächsten Tag") only from a day.
        """
        if mention.kind == "anaphor":
            return anchor is not None and anchor.grain == "D"
        return mention.kind in _NARRATIVE_COUNTED

    def _present_in_history(self, mention: Mention, anchor: When | None) -> Resolved | None:
        """ "heute" in a story told years after it happened is the writer's present, not a day:
        "das heutige Vietnam". In a news story, whose dates are near its publication, it is the day.
        """
        groups = mention.groups
        if mention.kind != "dayword" or self.lexicon["dayword"][groups["dayword"]] != 0 or "part" in groups:
            return None
        far = anchor is None or self.published is None or abs((self.published - anchor.start).days) > _HISTORY_DAYS
        return Resolved("DATE", "PRESENT_REF") if anchor and far else None

    def _sets_narrative(self, mention: Mention, when: When, from_narrative: bool) -> bool:
        """Whether a date becomes the narrative's anchor: one precise enough to place the
        expressions after it, written with its year, placed by the narrative or counted from
        it, and not a bound ("seit Januar 2016" says where something began, not when the story
        is; nor does the end of "1943–1945").
        """
        bound = self.lexicon.cue(mention.groups.get("lead", "")) is not None or "first_year" in mention.groups
        placed = has_explicit_year(mention) or from_narrative or mention.kind in _NARRATIVE_COUNTED
        return when.grain in _NARRATIVE_GRAINS and not bound and placed

    def resolve_contextual(self) -> None:
        reference: When | None = None
        last_day: When | None = None
        for i, mention in enumerate(self.mentions):
            named = self._apposition(i)
            if named:
                self.found[i] = named
            elif self.contextual[i]:
                context = self._context(i)
                context.reference = reference
                context.companion = self._in_sentence(i)
                context.day = self._in_sentence(i, days_only=True) or last_day
                self.found[i] = resolve(mention, context)
            found = self.found[i]
            if found and found.when:
                reference = found.when.at("")
                if reference.grain == "D":
                    last_day = reference

    def _context(self, i: int) -> Context:
        return Context(self.lexicon, self.published, clause=lambda: self._reading(i))

    def _reading(self, i: int) -> Reading:
        span = self.spans[i]
        if not self.parsed or span is None:
            return Reading(0)
        return read_clause(span, self.lexicon.tense, self.lexicon.direction_cues)

    def _is_heading(self, i: int) -> bool:
        """Whether mention i is a line of its own, the heading of a section of the story ("1862")."""
        mention = self.mentions[i]
        before = self.text[self.text.rfind("\n", 0, mention.start) + 1 : mention.start]
        line_end = self.text.find("\n", mention.end)
        after = self.text[mention.end : line_end if line_end >= 0 else len(self.text)]
        return not before.strip() and not after.strip()

    def _paragraph_break(self, i: int) -> bool:
        previous_end = self.mentions[i - 1].end if i else 0
        return "\n" in self.text[previous_end : self.mentions[i].start]

    def _apposition(self, i: int) -> Resolved | None:
        """A written date next to a weekday or a counted time names it: "am Montag (27.01.2020)",
        "am 16. Juli (Dienstag)", "Neun Monate zuvor, im Mai 2002".
        """
        mention = self.mentions[i]
        if not (self.contextual[i] or ("weekday" in mention.groups and "day" not in mention.groups)):
            return None
        if i + 1 < len(self.mentions) and self._written(i + 1):
            between = self.text[mention.end : self.mentions[i + 1].start].split()
            if between[:1] in (["("], [","]) and len(between) <= 2:
                return self.found[i + 1]
        if i and self._written(i - 1) and self.text[self.mentions[i - 1].end : mention.start].strip() == "(":
            return self.found[i - 1]
        return None

    def _written(self, i: int) -> bool:
        """Whether mention i is a date with its day, month or year written out, and resolved."""
        found = self.found[i]
        written = {"day", "month", "month_num", "year"} & self.mentions[i].groups.keys()
        return bool(found and found.when and written)

    def _in_sentence(self, i: int, days_only: bool = False) -> When | None:
        """The calendar time (or day) nearest to mention i in its sentence, before or after it."""
        sentence = self.sentences[i]
        best: tuple[int, When] | None = None
        for j, found in enumerate(self.found):
            when = found.when if found and j != i and self.sentences[j] == sentence else None
            if when and (when.grain == "D" or not days_only) and (best is None or abs(j - i) < best[0]):
                best = (abs(j - i), when.at(""))
        return best[1] if best else None


def _follows_narrative(mention: Mention) -> bool:
    # Weekdays keep the writer's week: a narrative that dates its days names them.
    groups = mention.groups
    return mention.kind in _NARRATIVE_KINDS and not ({"weekday", "weekend"} & groups.keys() and "day" not in groups)


def parse_published(published: object) -> date | None:
    """The publication date from `Doc._.published` ("2021-12-29", a datetime string, a date) or None."""
    if isinstance(published, date):
        return published if type(published) is date else published.date()  # type: ignore[attr-defined]
    try:
        return date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        return None
