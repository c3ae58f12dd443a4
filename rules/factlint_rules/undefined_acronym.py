"""An acronym used with no spelled-out form earlier in the story.

**What it flags.** The first use of an abbreviation such as ``ICE`` or
``MPD`` when the story has not yet given the full name: neither "Immigration
and Customs Enforcement (ICE)" nor a capitalised phrase whose initials make
the acronym ("Milwaukee Police Department" before "MPD"). Acronyms every
reader knows (AP, FBI, CEO, NATO, TV, ... in ``undefined_acronym.json``) are
allowed; text in capitals, datelines, Roman numerals and links are not
acronyms. When the full name appears only later in the story, the message
says where.

**Why.** News style spells a name out on first reference; a reader who
does not know the abbreviation loses the thread, and an unexplained acronym
often hides a wrong one.

**Example.**

    Clarke wants to turn inmates over to ICE for possible deportation.

**Fix.** Spell it out on first reference:

    Clarke wants to turn inmates over to U.S. Immigration and Customs
    Enforcement, or ICE, for possible deportation.

**Options.** ``allow``: more acronyms your readers know.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

from factlint import Document, DocumentRule, Facts, Finding, Severity


@cache
def allowed_acronyms() -> frozenset[str]:
    from factlint.data import load_data

    return frozenset(str(a) for a in load_data("undefined_acronym.json", __file__)["allowed"])


class UndefinedAcronym(DocumentRule):
    code = "FL501"
    name = "undefined-acronym"
    severity = Severity.INFO
    # Opt-in: wire copy is full of house-allowed abbreviations and company
    # names that are acronyms (IBM, UBS), so it is a checklist aid, not a gate.
    default_enabled = False
    requires = ("acronyms",)
    options: ClassVar[Mapping[str, Any]] = {"allow": ()}

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        allowed = allowed_acronyms() | {str(a) for a in self.settings["allow"]}
        seen: set[str] = set()
        for acronym in facts.get_list("acronyms"):
            if acronym.text in seen or acronym.text in allowed:
                continue
            seen.add(acronym.text)
            expanded_at = acronym.expansion_start
            if expanded_at is not None and expanded_at <= acronym.start:
                continue
            if expanded_at is None:
                message = (
                    f'"{acronym.text}" is not spelled out; give the full name on first reference'
                )
            else:
                line = document.text.count("\n", 0, expanded_at) + 1
                message = (
                    f'"{acronym.text}" is used before its full name "{acronym.expansion}"'
                    f" (line {line}); spell it out here"
                )
            yield self.finding(document, acronym.start, acronym.end, message)


RULE = UndefinedAcronym
