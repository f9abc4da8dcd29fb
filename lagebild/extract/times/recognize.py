"""Finding time expressions in text: every rule's matches, then the longest that do not overlap."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.extract.times.lexicon import Lexicon, Rule

# How far back from a core its prefix and preposition are looked for.
_LOOK_BACK = 40


@dataclass(frozen=True)
class Mention:
    """A recognised expression: its text span (the preposition before it left out) and its parts.

    `groups` holds the text of every named group that matched, `lead` (the preposition) among them.
    """

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]

    @property
    def kind(self) -> str:
        return self.rule.kind


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """The expressions in `text`, in text order: of overlapping ones the longest, then the earlier rule's."""
    candidates: list[tuple[int, int, Mention]] = []
    for order, rule in enumerate(lexicon.rules):
        for reach, mention in _rule_mentions(text, rule, rule.lead or lexicon.lead):
            candidates.append((mention.end - reach, order, mention))
    candidates.sort(key=lambda candidate: (-candidate[0], candidate[1], candidate[2].start))
    taken: list[Mention] = []
    for *_, mention in candidates:
        if all(mention.end <= other.start or other.end <= mention.start for other in taken):
            taken.append(mention)
    return sorted(taken, key=lambda mention: mention.start)


def _rule_mentions(text: str, rule: Rule, lead: re.Pattern[str]) -> list[tuple[int, Mention]]:
    """A rule's mentions, each with where its preposition (or else the mention) starts.

    `lead` finds the preposition before a mention; where the rule names its own, it is required.
    """
    found = []
    position = 0
    while match := rule.core.search(text, position):
        start = match.start()
        if start and _inside_word(text, start):
            position = start + 1
            continue
        position = match.end()
        groups = _groups(match)
        if rule.prefix:
            prefix = rule.prefix.search(text, max(0, start - _LOOK_BACK), start)
            if prefix is None:
                continue
            groups |= _groups(prefix)
            start = prefix.start()
        if any(name.startswith("veto") for name in groups):
            continue
        if rule.veto_before and rule.veto_before.search(text, max(0, start - _LOOK_BACK), start):
            continue
        preposition = lead.search(text, max(0, start - _LOOK_BACK), start)
        if preposition:
            groups["lead"] = preposition["prep"]
        elif rule.lead:
            continue
        reach = preposition.start() if preposition else start
        found.append((reach, Mention(start, match.end(), rule, groups)))
    return found


def _inside_word(text: str, start: int) -> bool:
    # "nun" in "Kanun"; a lower-case word after a hyphen ends a compound: "Russland-aktuell".
    before = text[start - 1]
    return before.isalnum() or before == "_" or (before == "-" and text[start].islower())


def _groups(match: re.Match[str]) -> dict[str, str]:
    return {name: value for name, value in match.groupdict().items() if value is not None}
