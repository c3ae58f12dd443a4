"""Quotations and who said them.

Quotes are found between straight or curly double quotation marks, paired
within a paragraph first (a blank line, or a line break before a line that
opens with a mark, ends a paragraph): an opening mark inside a running quote
re-opens it (BBC copy: "One. "Two."), a stray closing mark is ignored, a
straight mark may close a curly one, and a mark of the other kind opened
inside a quote nests in it. A quote whose paragraph ends without a closing
mark runs on into the next paragraph only when that one opens with a
quotation mark (the multi-paragraph convention); otherwise it ends with its
paragraph and never swallows the next one. Each quote is ``full`` (a
sentence or more), ``partial`` (a few words inside a sentence: "escalated
resistance") or ``title`` (a title in quotation marks: "Born in the
U.S.A.", "Action Plan for the Development of Italy"). A straight mark
before a lone "s" is a possessive typed as a mark ('<Bank>"s manager').

The speaker comes from, in order: an attribution right after the quote on
its own line ("...," Fleming said / said Gov. Walker / explains Karen Holt /
analyst John Ing commented), or any speech verb later in that sentence
("...," said a trader at a large Zurich bank / the report concluded: the
quote is ``attributed`` though no name is given; "the IMF report stated"
names the IMF; a new sentence after a quote ending in a full stop whose
verb takes an object - '"..." The star then recalled an incident' - or a
verb before a colon is no attribution), a verb after a quote
ending in a comma, ? or ! ("..." Hannity pressed), a dash signature ("..." ―
Rosa Diaz) or a bracketed source ("..." [NYT]); one right before it (Walker
said, "..." / Walker said Thursday on Twitter, "..." / Sen. Doe (D-Ill.),
noting ..., said, "..." / a label: Jane Doe, The Daily Ledger: "..." / a
Q:, A: or SPEAKER: paragraph, or an answer whose label was lost (": Well")
/ any speech cue or colon in the sentence before); a
paragraph ending "X wrote the following:"; a sentence just before it that
reports the same speaker ("A spokesman said that ... . "We are ...""); the
quote before it in a split quote or in the paragraph before (AP style: a
quote paragraph after an attributed one continues it, in copy with blank
lines between paragraphs or one paragraph a line); "according to (the) X"
in the sentence; or, in a quote whose closing mark was left out, the ",
said Kessel" it swallowed. A partial quote after "X called (it)" / "X
likened ... to" in its sentence is X's ("what Gilbert called "a
perception problem""). A partial quote with no cue, or a quote whose sentence
has a cue but no name ("Trump called it "rigged"" / "At the debate, Sanders
hit back, saying, "...""), is credited to the person who is the subject of
its sentence (when the sentence has a cue, a capitalised name in the
subject's place will do); a partial quote right after a possessive
("Romney's "47 percent" remark") to its owner. A quote in a new sentence
with a cue of its own, or a partial one, never inherits the speaker of the
quote before it. A speaker after a quote is looked for only on the quote's
own line, never a paragraph below ("Critics say ..."). A pronoun speaker is
resolved to the nearest person named before it. Every pattern runs on a
bounded window, and the cue before a quote only after the quote before it,
so the work stays linear in the story's length.
"""

from __future__ import annotations

import bisect
import functools

from factlint import lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.facts.dates import WEEKDAYS
from factlint.metadata import MONTHS
from factlint.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

VERBS = (
    r"said|says|say|told|tells|wrote|writes|added|adds|asked|asks|explained|noted|stated|states"
    r"|argued|argues|testified|tweeted|posted|announced|declared|insisted|continued|replied"
    r"|responded|warned|claimed|acknowledged|admitted|recalled|according to|wrote the following"
    r"|writes the following|said in a statement|said in an interview|shouted|chanted|urged"
    r"|exclaimed|joked|conceded|pleaded|predicted|promised|vowed|cautioned|observed|remarked"
    r"|explains|reported|reports|tweets|posts|implored|quipped|insists|warns|recalls|jokes"
    r"|commented|concluded|confirmed|asserted|assured|stressed|complained|boasted|countered"
    r"|retorted|interjected|recounted|mused|charged|demanded|agreed|suggested|notes|saying"
    r"|detailed|mumbled|muttered|whispered|alleged|speculated|ruled|added|told reporters"
    r"|sighed|laughed|shrugged|cracked|emphasized|emphasised|elaborated|advised|predicts"
    r"|sang|sings|sung|concludes|responds|continues|adds|echoed|echoes|reiterated|proclaimed"
    r"|proclaims|lamented|laments|wondered|shot back|fired back|hit back|chimed in|quotes"
    r"|put it|puts it|(?:issued|released)(?: the following| a)? statement"
)


@functools.cache
def _verb_words() -> frozenset[str]:
    """The first word of each of the ``VERBS`` ("said", "according", "issued"),
    as a whitespace-separated word may end: bare, or with the comma or
    colon that may follow a verb with no space ("said:")."""
    import re

    # After the start or a "|" (a group's first alternative too: "(?:issued");
    # "(?: the following| a)" open with a space: no verb's first word.
    first = re.findall(r"(?:^|\|)(?:\(\?:)?([a-z]+)", VERBS)
    return frozenset(w + end for w in first for end in ("", ",", ":"))


def _has_verb(text: str) -> bool:
    """Whether ``text`` holds a word that opens one of the ``VERBS``: a
    match of the "before" pattern holds one after white space (``\\s+``, which
    ``str.split`` splits on too) and before white space, a comma, a colon or
    the end, so without one it cannot match."""
    return not _verb_words().isdisjoint(text.split())


#: A cue anywhere in a sentence or paragraph that someone's words are being
#: reported (FL201 asks only whether a quotation is attributed at all).
CUES = (
    rf"(?:{VERBS}|says|explain|report|comment|conclude|confirm|assert|stress|quoted|quoting"
    r"|tweet|tweeted|statement|interview|headline|slogan|motto|memo|letter|message|website"
    r"|wrote|written|writing|arguing|adding|noting|declaring|responding|interjecting"
    r"|reads?|asks?|asking|told|telling|speech|remarks|communique|question"
    r"|put it|chant|answer|published|book|column|article|editorial|quote|ad|poster|sign"
    r"|cited|citing)"
)


@record(frozen=True, slots=True)
class Quote:
    start: int  # from the opening mark
    end: int  # past the closing mark (or the end of the last paragraph)
    text: str  # the words inside the marks, paragraphs joined by spaces
    kind: str  # "full", "partial" or "title"
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None
    cue_start: int | None  # the attribution's span ("Fleming said")
    cue_end: int | None
    how: str  # "after", "before", "colon", "split", "continuation", "according-to", "" if none
    paragraphs: int = 1
    attributed: bool = False  # a cue reaches it even if no speaker is named ("one trader said")


_WORD = r"[\p{Lu}][\p{L}\p{M}'’-]*(?:\.(?=[ \t]+[\p{Lu}]))?"
_NAME = rf"(?:{_WORD}(?:[ \t]+(?:(?:de|la|van|von|der|da|del|bin|al)[ \t]+)?{_WORD}){{0,5}})"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_NOUN_SPEAKER = (
    r"(?:the\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}]+|[Oo]fficials|[Aa]uthorities|[Pp]olice|[Oo]rganizers"
    r"|[\p{Lu}][\p{L}-]*['’]s(?:[ \t]+[\p{Ll}-]+){1,3})"
)
_ROLE_WORDS = r"(?:[\p{Ll}-]+[ \t]+){0,3}"
_SPEAKER = rf"(?P<speaker>{_NAME}|{_PRONOUN}|{_NOUN_SPEAKER})"
#: A full stop inside a clause: an initial or a title ("George W. Bush", "Gov.")
_ABBREVIATION_DOT = (
    r"(?<=\b\p{Lu})\.|(?<=\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Sgt|Capt|Lt|Col|Prof|Rev|St|Jr|Sr"
    r"|Inc|Corp|Co|Ltd|Dept|No|Mt|Ft|vs))\."
)


@functools.cache
def _patterns() -> dict[str, Any]:
    return {
        # ", Fleming said" / ", said Gov. Walker" / ", she said" / "— Fleming said"
        "after": lazy.regex(
            rf"^[\s,—–-]*(?:{_ROLE_WORDS}{_SPEAKER}(?:[ \t]*\([^()\n]{{1,30}}\))?"
            rf"(?:,[^,\n]{{1,120}}?,?)?"
            rf"(?:[ \t]+(?:was|is|has|had|will|would|later|also|then|due|to|going)){{0,3}}"
            rf"\s+(?P<verb>{VERBS})\b"
            rf"|(?P<verb2>said|says|wrote|asked|added|told)\s+{_ROLE_WORDS}"
            rf"(?P<speaker2>{_NAME}|{_PRONOUN}|{_NOUN_SPEAKER}))"
        ),
        # The sentence before a quote reports the same speaker's words:
        # 'A spokesman said that no decisions have been made. "We are ..."'
        "reported": lazy.regex(
            rf"(?:^|[.!?]\s+)(?:[\p{{Lu}}][^.!?]*?\s)?{_SPEAKER}(?:,[^,\n]{{1,60}},)?\s+(?P<verb>{VERBS})\b[^.!?\"“”]*[.!?]\s*$"
        ),
        # 'Walker said, "' / 'Sheriff Clarke wrote:' at the end of the text before
        # ('X said Thursday on Twitter, "' / 'X told the Post in a written
        # statement, "': a few more words when a comma or colon ends them)
        "before": lazy.regex(
            rf"{_SPEAKER}(?:[ \t]*\([^()\n]{{1,30}}\))?(?:,[^,\n]{{1,60}},)?(?:\s+\p{{Ll}}+ly)?"
            rf"\s+(?P<verb>{VERBS})"
            rf"(?:(?:\s+(?:reporters|the\s+\w+|\w+))?\s*[,:]?"
            rf"|(?:[ \t]+(?!(?:{VERBS}|that)\b)[^\s,.:;!?\"“”]+){{2,8}}[ \t]*[,:])\s*$"
        ),
        # Any cue later in the sentence: "...," said a trader at a large
        # Zurich bank / "...," the report concluded / "...," one official said
        "after_any": lazy.regex(
            rf"^[\s,—–-]*(?P<cue>[^.!?\n\"“”]{{0,90}}?)\b(?P<verb>{VERBS}|was quoted as saying)\b"
        ),
        # ... and, tried only when a full stop comes early, a cue holding
        # initials and titles: 'former George W. Bush aide Noam Reyes wrote'
        "after_any_dotted": lazy.regex(
            rf"^[\s,—–-]*(?P<cue>(?:[^.!?\n\"“”]|{_ABBREVIATION_DOT}){{0,90}}?)"
            rf"\b(?P<verb>{VERBS}|was quoted as saying)\b"
        ),
        # "― Ariana Huichapa" / "-President Obama, tweeting ..." after a quote
        "dash_name": lazy.regex(
            rf"^[^\S\n]*\n?[^\S\n]*\n?[^\S\n]*[―—–-][^\S\n]*(?P<speaker>{_NAME})"
        ),
        # After a quote ending in a comma, ? or !: 'Hannity pressed' / 'beamed
        # Donald Hartley' / 'he wondered' (a verb the lists do not hold)
        "after_verb": lazy.regex(
            rf"^[^\S\n]*(?:(?P<speaker>{_NAME}|{_PRONOUN})[^\S\n]+"
            r"(?:\p{Ll}+(?:ed|s)|shot|hit|spoke|went|broke|began|struck)\b"
            rf"|\p{{Ll}}+(?:ed|s)[^\S\n]+(?:(?P<speaker2>{_NAME})|the|a|an|one|another)\b)"
        ),
        # A label before a quote: "Jane Doe, The Daily Ledger:" / "Manchester
        # United boss Sir Alex Ferguson:" / "- Philip Bump:"
        "label": lazy.regex(rf"(?P<speaker>{_NAME})(?:,[^:\n]{{1,80}})?:\s*$"),
        # A paragraph opening with a speaker label: "JOHN SMITH:", "Q:", "A:"
        # (or the bare colon of an answer whose label was lost: ": Well, ...")
        "para_label": lazy.regex(r"\s*(?:[-–—•*]\s*)?(?:Q|A|[\p{Lu}][\p{Lu}\p{L}.' -]{0,40})?:"),
        "cue": lazy.regex(rf"\b{CUES}\b", lazy.REGEX_I),
        "according": lazy.regex(
            rf"\b[Aa]ccording to\s+(?:the\s+)?(?P<speaker>{_NAME}|{_NOUN_SPEAKER})"
        ),
        "quote": lazy.regex(r"[\"“”]"),
        # A blank line, or a line break before a line opening with a quotation
        # mark (copy with one paragraph a line)
        "paragraph": lazy.regex(r"\n\s*\n|\n(?=[^\S\n]*[\"“])"),
    }


def _paragraph_bounds(prose: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for m in _patterns()["paragraph"].finditer(prose):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(prose)))
    return [(a, b) for a, b in bounds if prose[a:b].strip()]


def _role(prose: str, i: int, p_start: int, p_end: int) -> str:
    """Is the mark at ``i`` an opening mark, a closing one, or either?

    Curly marks say so themselves. A straight mark opens after a space, a
    line start or an opening bracket and before a letter; it closes after a
    letter or punctuation and before a space, punctuation or the end.
    """
    c = prose[i]
    before = prose[i - 1] if i > p_start else " "
    after = prose[i + 1] if i + 1 < p_end else " "
    if c == '"' and after == "s" and not prose[i + 2 : i + 3].isalpha():
        # A possessive typed as a mark ('<Bank SAQ>"s manager', the markup
        # blanked): no quotation opens on a lone "s".
        return "apostrophe"
    left_space = before.isspace() or before in "([{—–-/"
    right_space = after.isspace() or after in ".,;:!?)]}—–-'’"
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    # A curly mark says what it is unless its place says otherwise.
    return "open" if c == "“" else "close" if c == "”" else "either"


def find_quotes(prose: str) -> list[tuple[int, int, int]]:
    """(open mark, close mark or paragraph end, paragraphs) of every quotation.

    Marks are paired within a paragraph first: an opening mark while a quote
    is open re-opens it (BBC copy opens each quoted sentence: "One. "Two."),
    a stray closing mark is ignored, and a straight mark may close a curly
    one (copy mixes them). A quote left open at a paragraph's
    end runs on only when the next paragraph opens with a quotation mark
    (the multi-paragraph convention); otherwise it ends with its paragraph.
    """
    found: list[tuple[int, int, int]] = []
    pending: tuple[int, int, bool] | None = None  # (start, paragraphs, curly)
    pending_end = 0
    quote_mark = _patterns()["quote"]
    for p_start, p_end in _paragraph_bounds(prose):
        open_at: int | None = None
        curly = nested = False
        count = 1
        first = prose[p_start:p_end].lstrip()[:1]
        skip = -1
        if pending is not None:
            if first in ('"', "“"):
                open_at, count, curly = pending[0], pending[1] + 1, pending[2]
                skip = p_start + (len(prose[p_start:p_end]) - len(prose[p_start:p_end].lstrip()))
            else:
                found.append((pending[0], pending_end, pending[1]))
            pending = None
        for m in quote_mark.finditer(prose, p_start, p_end):
            i = m.start()
            if i == skip:
                continue
            role = _role(prose, i, p_start, p_end)
            if role == "apostrophe":
                continue
            is_curly = m.group() != '"'
            if open_at is None:
                if role != "close":
                    open_at, curly, count, nested = i, is_curly, 1, False
                continue
            if role == "open":
                # A re-opening mark inside a running quote, or a quote of the
                # other kind nested in it ("... “Bathroom Bill,” which ...")
                nested = nested or is_curly != curly
                continue
            if nested and is_curly != curly:
                nested = False
                continue
            found.append((open_at, m.end(), count))
            open_at, count = None, 1
        if open_at is not None:
            pending, pending_end = (open_at, count, curly), len(prose[:p_end].rstrip())
    if pending is not None:
        found.append((pending[0], len(prose.rstrip()), pending[1]))
    return found


#: How far before a quotation its speaker and verb can start: a six-word
#: name, a 60-character appositive and the verb fit well inside.
BEFORE_WINDOW = 250
# How far back a line or paragraph start is looked for, and how far a
# sentence around a quote may reach: bounds that keep one endless line linear.
LOOK_BACK = 2000


def _window_start(prose: str, line_start: int, start: int) -> int:
    """Where to look for 'X said:' before a quotation: the line, or its last
    BEFORE_WINDOW characters from a word boundary (the pattern is anchored
    at the quotation, so scanning a long paragraph from its start is waste)."""
    if start - line_start <= BEFORE_WINDOW:
        return line_start
    cut = prose.find(" ", start - BEFORE_WINDOW, start)
    return line_start if cut < 0 else cut + 1


_TITLE_SMALL = {"of", "the", "for", "and", "in", "on", "a", "an", "to", "at", "by", "with", "or"}


def _kind(inner: str, prose: str, start: int) -> str:
    words = inner.split()
    if not words:
        return "partial"
    sentence_start = prose[max(0, start - 3) : start].strip() in ("", ".", ":", "—") or prose[
        max(0, start - 200) : start
    ].rstrip().endswith((".", ":", "\n", "?", "!"))
    if 1 <= len(words) <= 12 and not sentence_start:  # (a long quote is no title: not read)
        letters = [w.strip("‘’'\"(") for w in words]
        letters = [w for w in letters if w[:1].isalpha()]
        if (
            letters
            and letters[0][0].isupper()
            and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in letters)
        ):
            return "title"  # "Born in the U.S.A.", "Action Plan for the Development of Italy"
    if len(words) >= 6 and (words[0][0].isupper() or sentence_start):
        return "full"
    if sentence_start and inner.rstrip().endswith((".", ",", "?", "!")) and len(words) >= 3:
        return "full"
    return "partial"


class QuoteExtractor:
    name = "quotes"
    requires: tuple[str, ...] = ("people",)

    def extract(self, document: Document, facts: Facts) -> list[Any]:
        prose = document.prose
        if '"' not in prose and "“" not in prose:
            return []
        pats = _patterns()
        people = sorted(facts.get_list("people"), key=lambda p: p.start)
        starts = [p.start for p in people]
        quotes: list[Quote] = []
        previous: Quote | None = None
        for start, end, paragraphs in find_quotes(prose):
            inner = " ".join(
                prose[start + 1 : end - (1 if prose[end - 1 : end] in '"”' else 0)].split()
            )
            kind = _kind(inner, prose, start)
            found = _Attribution()
            _attribute(prose, start, end, kind, found, previous.end if previous else 0)
            if found.speaker is None and prose[end - 1 : end] not in ('"', "”"):
                # A closing mark left out swallows the attribution: '"There
                # wasn't a lot of education ..., said Kessel, whose ...'.
                m = _INSIDE_ATTRIBUTION.search(prose, start, end)
                if m is not None and not _no_name(m.group("speaker")):
                    found.set(
                        m.group("speaker"),
                        m.start("speaker"),
                        m.end("speaker"),
                        m.group("verb"),
                        m.start(),
                        m.end(),
                        "after",
                    )
            if found.speaker is None and previous is not None and previous.attributed:
                gap = prose[previous.end : start]
                same_para = "\n" not in gap and len(gap) < 200
                next_para = not gap.strip() and 1 <= gap.count("\n") <= 2
                # 'Doe called it "a sham". The memo said: "..."': a new
                # sentence with a cue of its own is no split quote.
                # A partial quote in a later sentence ('Romney's "47 percent"
                # comment') is no part of the quote before it either.
                own_cue = (found.attributed or kind == "partial") and _SENTENCE_END.search(
                    gap
                ) is not None
                if (same_para or next_para) and not own_cue:
                    # A split quote, or the next paragraph of the same speaker.
                    found.set(
                        previous.speaker,
                        previous.speaker_start,
                        previous.speaker_end,
                        previous.verb,
                        previous.cue_start,
                        previous.cue_end,
                        "split" if same_para else "continuation",
                    )
                    found.attributed = True
            if found.speaker is None and (kind == "full" or not found.attributed):
                # 'According to the Daily Caller, "..."' (a cue in the
                # sentence that names nobody else).
                first, sentence = sentence_around(prose, start, end)
                m = pats["according"].search(sentence)
                if m:
                    found.set(
                        m.group("speaker"),
                        first + m.start("speaker"),
                        first + m.end("speaker"),
                        "according to",
                        first + m.start(),
                        first + m.end(),
                        "according-to",
                    )
            if found.speaker is None and kind == "partial":
                # 'what Gilbert called "a perception problem"' / 'Tribe
                # likened the rules to "burning the Constitution"'.
                left = max(0, start - 200)
                first = max(
                    left + _sentence_start(prose[left:start]), prose.rfind("\n", 0, start) + 1
                )
                m = _CALLED_BEFORE.search(prose, first, start)
                if m is not None and _no_name(m.group("speaker")):
                    # 'Another critic, Laurence H. Tribe, likened'
                    m = _CALLED_BEFORE.search(prose, m.end("speaker"), start)
                if (
                    m is not None
                    and not _no_name(m.group("speaker"))
                    and not _PREPOSITION_BEFORE.search(prose, first, m.start("speaker"))
                ):
                    # The person the people extractor found there, if any
                    # ('Mayor Ann Pike' is Ann Pike).
                    s_start, s_end, name = m.start("speaker"), m.end("speaker"), m["speaker"]
                    i = bisect.bisect_left(starts, s_start)
                    if i < len(people) and people[i].end <= s_end:
                        s_start, s_end, name = people[i].start, people[i].end, people[i].text
                    found.set(
                        name,
                        s_start,
                        s_end,
                        m.group("verb"),
                        m.start("speaker"),
                        m.end("verb"),
                        "called",
                    )
            if found.speaker is None and kind == "partial":
                # 'Romney's "47 percent" comment': the owner said it.
                m = _POSSESSIVE_BEFORE.search(prose, max(0, start - 80), start)
                if m is not None and m.group("speaker").split()[0] not in _NOT_A_NAME:
                    found.set(
                        m.group("speaker"),
                        m.start("speaker"),
                        m.end("speaker"),
                        None,
                        m.start("speaker"),
                        m.end(),
                        "possessive",
                    )
            if (
                found.speaker is None
                and (
                    (kind == "partial" and not found.attributed)
                    or (found.attributed and found.how in ("before", "colon"))
                )
            ) or (
                # 'On Sunday, Ann Pike thanked volunteers, saying, "..."': the
                # words before the appositive-like clause are no person.
                found.how == "before"
                and found.s_start is not None
                and found.speaker is not None
                and found.speaker.lower() not in ("he", "she", "they")
                and not _person_at(people, starts, found.s_start, found.s_end or 0)
            ):
                subject = _subject(prose, start, people, starts, found.attributed)
                if subject is not None and (found.s_start or -1) < subject.start:
                    found.set(
                        subject.text,
                        subject.start,
                        subject.end,
                        None,
                        subject.start,
                        subject.end,
                        found.how or "subject",
                    )
            speaker = found.speaker
            if (
                speaker is not None
                and speaker.lower() in ("he", "she", "they")
                and found.s_start is not None
            ):
                # The nearest person named before it (never a later
                # sentence's subject).
                i = bisect.bisect_left(starts, found.s_start)
                named = None
                for person in reversed(people[max(0, i - 12) : i]):
                    if person.end <= found.s_start and not person.quoted and not person.attributive:
                        named = person
                        break
                if named is not None:
                    speaker = named.text if named.kind == "full" else named.surname
            elif speaker is not None and _no_name(speaker):
                speaker = None
            quote = Quote(
                start,
                end,
                inner,
                kind,
                speaker,
                found.s_start,
                found.s_end,
                found.verb,
                found.c_start,
                found.c_end,
                found.how,
                paragraphs,
                found.attributed or speaker is not None,
            )
            quotes.append(quote)
            previous = quote
        return quotes


class _Attribution:
    """What the cues around one quotation say about its speaker."""

    def __init__(self) -> None:
        self.speaker: str | None = None
        self.s_start: int | None = None
        self.s_end: int | None = None
        self.verb: str | None = None
        self.c_start: int | None = None
        self.c_end: int | None = None
        self.how = ""
        self.attributed = False

    def set(
        self,
        speaker: str | None,
        s_start: int | None,
        s_end: int | None,
        verb: str | None,
        c_start: int | None,
        c_end: int | None,
        how: str,
    ) -> None:
        self.speaker, self.s_start, self.s_end = speaker, s_start, s_end
        self.verb, self.c_start, self.c_end, self.how = verb, c_start, c_end, how
        self.attributed = self.attributed or speaker is not None


_AUX = r"(?:[ \t]+(?:was|is|has|had|will|would|later|also|then|once|again|simply|quickly))*"


def _attribute(
    prose: str, start: int, end: int, kind: str, found: _Attribution, floor: int
) -> None:
    """Fill ``found`` from the cues after, before and around one quotation.

    The cue before a quotation is looked for after the quotation before it
    (``floor``), so a run of many quotes stays linear."""
    pats = _patterns()
    inner_end = prose[start + 1 : end].rstrip("\"”’' \n")[-1:] or "."
    # After the quote: only in its own paragraph (never "Critics say" a
    # paragraph below), so the window stops at the line's end.
    after = prose[end : end + 220]
    newline = after.find("\n")
    line_after = after if newline < 0 else after[:newline]
    m = pats["after"].match(line_after)
    if m and inner_end == "." and _NEW_CLAUSE.match(line_after, m.end()):
        # '"... unacceptable." BBC correspondent Stephen Cape said the unions
        # ...': a new sentence reporting someone else, not this quote's credit.
        m, line_after = None, ""
    if m:
        group = "speaker" if m.group("speaker") else "speaker2"
        found.set(
            m.group(group),
            end + m.start(group),
            end + m.end(group),
            m.group("verb") or m.group("verb2"),
            end + m.start(),
            end + m.end(),
            "after",
        )
        return
    m = pats["after_any"].match(line_after)
    if m is None and "." in line_after[:92]:
        m = pats["after_any_dotted"].match(line_after)
    if m and _COLON_AFTER_VERB.match(line_after, m.end("verb")):
        m = None  # '"..." The candidate reiterated: "..."' introduces the next one
    if (
        m
        and inner_end == "."
        and _NEW_SENTENCE_AFTER.match(line_after, 0, m.end("verb"))
        and _OBJECT_AFTER_VERB.match(line_after, m.end("verb"))
    ):
        # '"... overlook." The star then recalled an incident': a new
        # sentence about something else, no credit for the quote.
        m = None
    if m:
        found.attributed, found.how = True, "after"
        found.verb, found.c_start, found.c_end = m.group("verb"), end + m.start(), end + m.end()
        cue, offset = m.group("cue"), end + m.start("cue")
        name = (
            _NAME_AT_END.search(cue)
            or _NAME_THEN_COMMA.match(cue)
            or _NAME_BEFORE_NOUN.search(cue)  # '"...," the IMF report stated'
        )
        if name is None and not cue.strip(" \t,—–-"):
            # Verb first: '"...," writes Kevin D. Williamson, one of ...'
            cue, offset = line_after[m.end() :], end + m.end()
            name = _NAME_AFTER_VERB.match(cue)
        if name:
            found.speaker = name.group("speaker")
            found.s_start = offset + name.start("speaker")
            found.s_end = offset + name.end("speaker")
        return
    m = pats["after_verb"].match(line_after) if inner_end in ",?!" else None
    if m:
        found.attributed, found.how = True, "after"
        name = m.group("speaker") or m.group("speaker2")
        if name and name.lower() not in ("he", "she", "they"):
            group = "speaker" if m.group("speaker") else "speaker2"
            found.speaker = name
            found.s_start, found.s_end = end + m.start(group), end + m.end(group)
        return
    if _SOURCE_AFTER.match(line_after) or _signed(prose[start:end]):
        found.attributed, found.how = True, "after"  # '"..." [NYT]' / '"...," by Variety's'
        return
    if not line_after.strip() or line_after.lstrip()[:1] in "―—–-":
        m = pats["dash_name"].match(after)
        if m:
            found.set(
                m.group("speaker"),
                end + m.start("speaker"),
                end + m.end("speaker"),
                None,
                end + m.start(),
                end + m.end(),
                "after",
            )
            return
    # Look back at most LOOK_BACK characters for the line's start, so that a
    # run of quotes in one endless line stays linear.
    floor_line = max(0, start - LOOK_BACK)
    line_start = prose.rfind("\n", floor_line, start) + 1
    whole_line = line_start > 0 or floor_line == 0
    if not line_start:
        line_start = floor_line
    window = max(_window_start(prose, line_start, start), min(floor, start))
    before_text = prose[window:start]
    # The pattern tries a speaker at every capital; most text before a quote
    # has no attribution verb at all, which a set look-up sees at once.
    m = pats["before"].search(before_text) if _has_verb(before_text) else None
    if (
        m is not None
        and m.group("speaker").lower() not in ("he", "she", "they")
        and _no_name(m.group("speaker"))
    ):
        m = None  # 'Reyes later on Thursday told Channel Nine:' (the subject will do)
    if m is not None:
        s_start = window + m.start("speaker") + _lead(m.group("speaker"))
        found.set(
            prose[s_start : window + m.end("speaker")],
            s_start,
            window + m.end("speaker"),
            m.group("verb"),
            window + m.start(),
            window + m.end(),
            "before",
        )
        return
    m = pats["label"].search(before_text)
    if m is not None and _no_label(m, before_text):
        m = None
    if m is not None and not _sentence_tail(before_text[: m.start()]):
        found.set(
            m.group("speaker"),
            window + m.start("speaker"),
            window + m.end("speaker"),
            None,
            window + m.start(),
            window + m.end(),
            "colon",
        )
        return
    if whole_line and pats["para_label"].match(prose, line_start, start):
        found.attributed, found.how = True, "colon"  # a transcript's or Q/A's speaker
        return
    sentence = before_text[_sentence_start(before_text) :]
    if sentence.rstrip().endswith(":") or pats["cue"].search(sentence):
        found.attributed, found.how = True, "before"  # 'Ballot papers will ask: "..."'
    if not before_text.strip():
        # A paragraph that only quotes: "X wrote the following:" before it.
        base = max(0, line_start - LOOK_BACK)
        para_before = prose[base:line_start].rstrip()
        if para_before.endswith(":"):
            offset = para_before.rfind("\n") + 1
            last_para = para_before[max(offset, len(para_before) - BEFORE_WINDOW) :]
            offset = base + len(para_before) - len(last_para)
            m = pats["before"].search(last_para.rstrip(":") + ":")
            if m:
                found.set(
                    m.group("speaker"),
                    offset + m.start("speaker"),
                    offset + m.end("speaker"),
                    m.group("verb"),
                    offset + m.start(),
                    offset + m.end(),
                    "colon",
                )
                return
            found.attributed, found.how = True, "colon"
    if kind == "full" and found.speaker is None:
        context = prose[window:start]
        ctx_start = window
        if not context.strip():
            # A quote opening a paragraph continues the speaker the
            # paragraph before reports (AP: no attribution needed).
            para_end = prose.rfind("\n", max(0, line_start - LOOK_BACK), line_start - 1)
            if para_end > 0:
                para_start = prose.rfind("\n", max(0, para_end - LOOK_BACK), para_end) + 1
                ctx_start = max(para_start, para_end - 400)
                context = prose[ctx_start : para_end + 1]
            else:
                context = ""
        m = pats["reported"].search(context.rstrip() + " ")
        if m:
            found.set(
                m.group("speaker"),
                ctx_start + m.start("speaker"),
                ctx_start + m.end("speaker"),
                m.group("verb"),
                ctx_start + m.start("speaker"),
                ctx_start + m.end("verb"),
                "reported",
            )


#: Before a sentence's subject: nothing, an opening clause ending in a comma
#: ("At Sunday's debate, Sanders ...") or "As", then title words ("Former
#: Secretary of State", "host").
_SUBJECT_BEFORE = lazy.regex(
    r"(?:[^\"“”\n]{0,150},[ \t]+|As[ \t]+)?"
    r"(?:(?:[\p{Lu}][\p{L}.’'-]*|former|host|of|then-[\p{L}]+)[ \t]+){0,6}"
)
#: After it: an appositive ("Clinton, 35, the daughter of ...,"), a
#: bracket, auxiliaries, an adverb, then a verb in lower case.
_SUBJECT_AFTER = lazy.regex(
    rf"(?:[ \t]*\([^()\n]{{1,30}}\))?(?:,[^\"“”\n]{{1,150}}?)?,?{_AUX}"
    r"[ \t]+(?:\p{Ll}+ly[ \t]+)?\p{Ll}+\b"
)
#: Before a person the people extractor found: role words in lower case
#: too ("Band member Jane Doe"), but no preposition or verb ("The report by
#: Jane Doe", "He met Jane Doe").
_PERSON_BEFORE = lazy.regex(
    r"(?:[^\"“”\n]{0,150},[ \t]+|As[ \t]+)?"
    r"(?:(?!(?:by|with|to|from|for|about|against|and|or|on|in|at|after|before|than|that|who"
    r"|which|when|while|as|said|told|says|called|like|between|under|over|near|during|met"
    r"|asked|is|was|are|were|has|had|have)\b)[\p{L}.’'-]+[ \t]+){0,6}"
)
_NOT_SUBJECT_AFTER = lazy.regex(r"[ \t]+(?:and|or|of|who|which|that|in|on|at|to|for)\b")


_INSIDE_ATTRIBUTION = lazy.regex(
    rf"[,?!][ \t]+(?:(?P<verb>said|says)[ \t]+(?P<speaker>{_NAME})\b"
    rf"|(?P<speaker>{_NAME})[ \t]+(?P<verb>said|says)\b)",
)
#: The one who names or likens a thing in a partial quote, in its sentence.
_CALLED_BEFORE = lazy.regex(
    rf"(?<![\p{{L}}.’'-])(?P<speaker>{_NAME}|{_PRONOUN})(?:,[^,\n]{{1,60}},)?"
    r"(?:[ \t]+(?:on|in|last|this)[ \t]+\p{Lu}\p{L}+)?"
    r",?(?:[ \t]+(?:also|has|have|had|once|even|repeatedly|publicly|famously|then|later|again))*"
    r"[ \t]+(?P<verb>called|calls|call|dubbed|dubs|termed|terms|labeled|labelled|labels|branded"
    r"|brands|likened|likens)\b[^.!?\"“”\n]{0,60}$"
)
_POSSESSIVE_BEFORE = lazy.regex(rf"(?<![\p{{L}}.])(?P<speaker>{_NAME})['’]s?[ \t]+$")


_ADVERBS = frozenset(["Recently", "Finally", "Similarly", "Likewise", "Separately", "Additionally"])


#: 'Said Comey, "..."': the verb first, then the speaker.
_INVERTED = lazy.regex(
    r"(?:Said|Says|Added|Adds|Wrote|Writes|Asked|Explained|Noted)"
    rf"[ \t]+(?P<speaker>{_NAME})[ \t]*[,:]"
)


_LEAD = lazy.regex(
    r"(?:(?:[^\s.]+[ \t]+){0,5}(?!(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Sgt|Capt|Lt|Col|Prof|Rev|St|Jr|Sr"
    r"|Mt|Ft|No)\.)[^\s.]{2,}\.[ \t]+(?=\p{Lu})|(?:As|And|But|So|Then)[ \t]+(?=\p{Lu}))+"
)


def _lead(speaker: str) -> int:
    """How many characters open a speaker that are no part of the name: the
    end of the sentence before ('Garland. As John Cornyn') or a conjunction
    ('As Michael Dell puts it')."""
    m = _LEAD.match(speaker)
    return m.end() if m is not None and m.end() < len(speaker) else 0


def _no_name(speaker: str) -> bool:
    """A capitalised word taken for a speaker that is no name: 'Recently',
    'Among', 'Wednesday'."""
    return speaker in _NOT_A_NAME or speaker in _TIME_WORDS or speaker in _ADVERBS


def _person_at(people: list[Any], starts: list[int], start: int, end: int) -> bool:
    """Is a person named within ``start:end``?"""
    i = bisect.bisect_left(starts, start)
    return i < len(people) and people[i].start < end


@record(frozen=True, slots=True)
class _Subject:
    start: int
    end: int
    text: str


_SUBJECT_NAME = lazy.regex(
    rf"{_SUBJECT_BEFORE.pattern}(?P<speaker>{_NAME})(?!{_NOT_SUBJECT_AFTER.pattern})"
    rf"(?={_SUBJECT_AFTER.pattern})"
)
#: Capitalised words that open sentences and are no speaker's name.
_NOT_A_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "There",
        "Here",
        "Some",
        "Many",
        "Most",
        "Still",
        "Yet",
        "So",
        "Then",
        "Now",
        "Also",
        "For",
        "With",
        "By",
        "From",
        "To",
        "Of",
        "Since",
        "Although",
        "Though",
        "Even",
        "Meanwhile",
        "However",
        "Later",
        "Earlier",
        "Asked",
        "Other",
        "Another",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "One",
        "Two",
        "Each",
        "Every",
        "All",
        "Both",
        "No",
        "Not",
        "Only",
        "Just",
        "My",
        "Your",
        "Its",
        "Today",
        "Yesterday",
        "Last",
        "Next",
        "Such",
        "Instead",
        "Despite",
        "During",
        "Under",
        "Over",
        "Without",
        "Like",
        "Along",
        "Among",
        "Likewise",
        "Indeed",
        "Perhaps",
        "Moreover",
        "Him",
        "Me",
        "Us",
    ]
)


def _subject(
    prose: str, start: int, people: list[Any], starts: list[int], cued: bool
) -> _Subject | None:
    """The person who is the subject of the sentence a quotation sits in:
    'Trump called it "rigged"' / 'Weaver, telling reporters, "..."' /
    'At the debate, Sanders compared himself to Clinton, saying, "..."'.
    When the sentence has a speech cue, a capitalised name in the subject's
    place will do even if the people extractor did not take it for a person."""
    left = max(0, start - 400)
    first = left + _sentence_start(prose[left:start])
    first = max(first, prose.rfind("\n", 0, start) + 1)
    inverted = _INVERTED.match(prose, first, start) if cued else None
    if inverted is not None:
        return _Subject(inverted.start("speaker"), inverted.end("speaker"), inverted["speaker"])
    i = bisect.bisect_left(starts, first)
    for person in people[i : i + 3]:
        if person.end > start:
            break
        if person.quoted or person.attributive:
            continue
        lead = prose[first : person.start]
        if not _PERSON_BEFORE.fullmatch(lead):
            break
        if _NOT_SUBJECT_AFTER.match(prose, person.end, start):
            return None
        if _SUBJECT_AFTER.match(prose, person.end, start):
            return _Subject(person.start, person.end, person.text)
        return None
    if not cued:
        return None
    m = _SUBJECT_NAME.match(prose, first, start)
    if m is None or m.group("speaker").split()[0] in _NOT_A_NAME | _TIME_WORDS:
        return None
    return _Subject(m.start("speaker"), m.end("speaker"), m.group("speaker"))


def _signed(quote: str) -> bool:
    """A quote whose last line is a signature ('...\nJosh Bivens, Economic
    Policy Institute."), as reader-response and roundup copy prints them."""
    last = quote.rfind("\n")
    if last < 0 or len(quote) - last > 90:
        return False
    line = quote[last + 1 :].strip(' \t"”')
    return (line[:1].isupper() and len(line.split()) <= 10 and "," in line) or (
        line[:1].isupper() and 1 < len(line.split()) <= 5 and line.endswith(".")
    )


_SOURCE_AFTER = lazy.regex(r"^[\s,.]*(?:[\[(][ \t]*[\p{Lu}@]|by[ \t]+[\p{Lu}])")
_NAME_AT_END = lazy.regex(
    rf"(?:^|[ \t,])(?P<speaker>{_NAME})(?:[ \t]*\([^()\n]{{1,30}}\))?,?{_AUX}[ \t]*$"
)
#: 'said former secretary of state Jane Doe' / 'said 9/11 widow Jane Doe':
#: role words in lower case (no clause: 'said the man who met Jane Doe').
_NAME_AFTER_VERB = lazy.regex(
    r"[ \t]+(?:(?!(?:who|which|that|when|while|after|before|because|and|but|as|with|to"
    r"|at|in|on|from|by|for|near)\b)"
    rf"[\p{{Ll}}\d/’'-]+[ \t]+){{0,5}}(?P<speaker>{_NAME})\b"
)
_NAME_THEN_COMMA = lazy.regex(rf"^(?P<speaker>{_NAME}),")
_NAME_BEFORE_NOUN = lazy.regex(
    rf"(?:^|[ \t])the[ \t]+(?P<speaker>{_NAME})[ \t]+(?:report|statement|campaign|study|memo"
    r"|letter|release|filing|survey|poll|ruling|complaint|lawsuit|editorial|website|analysis"
    r"|document|order|brief|paper|announcement|communique|notice)[ \t]*$"
)
_COLON_AFTER_VERB = lazy.regex(r"[^\S\n]*:")
#: After a quote ending in a full stop, a new sentence ('The star then ...').
_NEW_SENTENCE_AFTER = lazy.regex(r"[ \t]*[\p{Lu}]")
#: ... whose verb takes an object ('recalled an incident'), where an
#: attribution ends or goes on with when, where or to whom ('The company
#: said in a statement.').
_OBJECT_AFTER_VERB = lazy.regex(
    r"[ \t]+(?!(?:in|on|at|to|during|after|before|late|earlier|later|last|this|yesterday|today"
    r"|tonight|when|while|by|from|with|of|for|as|again|also|then)\b)\p{Ll}"
)
_SENTENCE_END = lazy.regex(r"[.!?][\"”’)]?\s+(?=[\"“\p{Lu}])")


# After the verb of a quote ending in a period, the start of the verb's own
# object: "... said the combined unions represented ...".
_NEW_CLAUSE = lazy.regex(
    r"[ \t]+(?:that|the|a|an|it|he|she|they|there|this|these|those|his|her|its|their|we|i|you)\b"
)
# Weekdays and months in full: "on Monday:", "In March," are no speakers.
_TIME_WORDS = frozenset(
    w.capitalize() for w in (*WEEKDAYS, *(m for m in MONTHS if len(m) > 3 or m == "may"))
)
_PREPOSITION_BEFORE = lazy.regex(
    r"\b(?:on|in|at|to|from|by|with|of|for|about|since|until|during|before|after)[ \t]+$"
)


_VERB_BEFORE = lazy.regex(rf"\b(?:{VERBS}|to)[ \t]+$")
_VERB_AT_END = lazy.regex(rf"\b(?:{VERBS})[ \t]*:[ \t]*$")


def _no_label(m: Any, before_text: str) -> bool:
    """A name before a colon that is no speaker: 'told MPs on Monday:' /
    'Priebus told Fox News:' (the one told) / 'In upstate New York, Doe
    concludes:' (the colon ends a clause with its own speaker and verb)."""
    speaker = m.group("speaker")
    if speaker.split()[0] in _TIME_WORDS:
        return True
    if _VERB_AT_END.search(m.group(), m.end("speaker") - m.start()):
        return True
    return bool(
        _PREPOSITION_BEFORE.search(before_text, 0, m.start("speaker"))
        or _VERB_BEFORE.search(before_text, 0, m.start("speaker"))
    )


def _sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts."""
    last = 0
    for m in _SENTENCE_END.finditer(text):
        last = m.end()
    return last


def _sentence_tail(text: str) -> bool:
    """Does ``text`` run on a sentence (so a colon after it is no label)?"""
    tail = text[_sentence_start(text) :].strip(" \t-–—•*")
    return bool(tail) and not tail.endswith((",",)) and tail[:1].islower()


def sentence_around(prose: str, start: int, end: int) -> tuple[int, str]:
    """The sentence holding ``prose[start:end]``: (its offset, its text).

    A sentence ends at ". " or a line break; good enough to ask whether a
    source is named near a quote or a phrase.
    """
    low, high = max(0, start - LOOK_BACK), min(len(prose), end + LOOK_BACK)
    left = max(prose.rfind(". ", low, start), prose.rfind("\n", low, start))
    first = left + 1 if left >= 0 else low
    stops = [i for i in (prose.find(". ", end, high), prose.find("\n", end, high)) if i >= 0]
    last = min(stops) if stops else high
    return first, prose[first:last]
