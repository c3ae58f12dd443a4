"""The same quotation worded differently, or credited to different speakers, across stories.

**What it flags.** A full quotation that appears in two stories of the run
with different wording (the same words for the most part, by rapidfuzz's
ratio of 85 or more, but not identical), or with the same words credited to
different speakers. The finding sits at the later story's quote; the
message shows the words that differ, and the related place is the other
version.

Left alone: spoken contractions ("I'm" and "I am"), lost apostrophes and
quote marks inside a quotation, words written joined or apart
("counterproductive" and "counter productive"), house style ("U.S." and "United States",
"mln dlrs" and "million dollars", "recognise" and "recognize"); one story
quoting more of the same words than the other; words in brackets, which
are the writer's (words added only at the
start or the end, or where an ellipsis marks words left out); and credits to
grammar alone: versions that differ only in articles, prepositions,
conjunctions, pronouns and forms of "be", "have" and "do" ("a step" and
"the step", "is" and "are", "Britain's" and "Britain is"), in a plural
ending ("action" and "actions") or in a number written as a word or in
figures ("seven" and "7"), which are transcription slips in one story or
the other that published copy carries by the hundred and no editor chases
(a missing "not" or "no" is not grammar: it is reported); and credits to
a speaker that is not named as a person (a pronoun, a title such as "the
president" or "Treasury Secretary", a country, a company or an office),
which are usually the same speaker named another way; and two credits where
either story also names the other credited person, which on published copy
is nearly always a speaker read from the wrong sentence ("he told" after a
paragraph about someone else) rather than a second person saying the same
words, unless both stories name their speaker right beside the quotation
('"...," Okafor said' against '"...," said Director James Whitcombe').

**Why.** A quote is a record of what someone said: two versions mean at
least one is wrong, and a quote credited to two people is wrong once.

**Example.** "This is a highly controversial program," in one story; "This
is a very controversial program," in another.

**Fix.** Check the recording or notes and use the exact words and speaker
in both stories.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from factlint import CorpusRule, Finding, Severity, lazy
from factlint.document import Document
from factlint.facts import Facts
from factlint.facts.people import fold, lexicon
from factlint.rules import Corpus, place, related_at

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from typing import Any

_WORD = lazy.re(r"[\w'’]+")
_BRACKETED = lazy.re(r"\[[^\[\]]*\]|\([^()]*\)")
MIN_WORDS = 6
SIMILAR = 85.0


# Spoken contractions, which transcripts write either way ("I'm", "I am").
_CONTRACTIONS = {
    "i'm": "i am", "you're": "you are", "we're": "we are", "they're": "they are",
    "it's": "it is", "that's": "that is", "he's": "he is", "she's": "she is",
    "there's": "there is", "what's": "what is", "let's": "let us", "don't": "do not",
    "doesn't": "does not", "didn't": "did not", "can't": "can not", "cannot": "can not",
    "won't": "will not", "isn't": "is not", "aren't": "are not", "wasn't": "was not",
    "weren't": "were not", "haven't": "have not", "hasn't": "has not",
    "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not",
    "i've": "i have", "we've": "we have", "you've": "you have", "they've": "they have",
    "i'll": "i will", "we'll": "we will", "you'll": "you will", "they'll": "they will",
    "he'll": "he will", "she'll": "she will", "it'll": "it will", "i'd": "i would",
    "we'd": "we would", "you'd": "you would", "they'd": "they would",
}  # fmt: skip


# House style, not the speaker's words: "U.S." and "United States", "mln
# dlrs" and "million dollars", "recognise" and "recognize".
_STYLE = {"mln": "million", "bln": "billion", "dlrs": "dollars", "dlr": "dollar", "pct": "percent"}
_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
_STYLE.update((word, str(number)) for number, word in enumerate(_NUMBERS, start=2))
_ISE = lazy.re(r"(is)(e|es|ed|ing|ation|ations)\Z")
# "favour" and "favor", "centre" and "center", "defence" and "defense".
_OUR = lazy.re(r"(?<=\w\w)our(?=(?:s|ed|ing|able|ably|ite|ites|ful|er|ers)?\Z)")
_RE = lazy.re(r"(?<=[bt])re(?=s?\Z)")
_ENCE = lazy.re(r"\A(def|off|lic|pret)ence(s?)\Z")


def _house(word: str) -> str:
    """One spelling for British and American house styles, on both sides.
    Most words hold none of the letters the patterns need: skip those."""
    if "is" in word:
        word = _ISE.sub(r"iz\2", word)
    if len(word) >= 5:
        if "dgement" in word:
            word = word.replace("dgement", "dgment")  # "judgement" and "judgment"
        if "our" in word:
            word = _OUR.sub("or", word)
        if word.endswith(("re", "res")):
            word = _RE.sub("er", word)
        if "ence" in word:
            word = _ENCE.sub(r"\1ense\2", word)
    return word


def _words(text: str) -> list[str]:
    words: list[str] = []
    text = re.sub(r"\bU\.\s?S\.", "united states", text)
    text = _BRACKETED.sub(" ", text)  # "[certain]": the writer's words, not the speaker's
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'").strip("'")
        if word == "s" and words:
            words[-1] += "'s"  # "Trump s": an apostrophe lost in encoding
            continue
        if word:
            words.append(_house(_STYLE.get(word, word)))
    return " ".join(_CONTRACTIONS.get(w, w) for w in words).split()


def _compared(facts: Facts) -> Iterator[tuple[int, Any, list[str]]]:
    """The quotations of a story the rule compares (full ones of
    :data:`MIN_WORDS` words or more), each with its place among the story's
    quotes and its words."""
    for ordinal, quote in enumerate(facts.get_list("quotes")):
        if quote.kind != "full":
            continue
        words = _words(quote.text)
        if len(words) >= MIN_WORDS:
            yield ordinal, quote, words


def _surname(speaker: str | None) -> str | None:
    return fold(speaker.split()[-1]) if speaker else None


def _opcodes(a: Sequence[Any], b: Sequence[Any]) -> Iterable[tuple[str, int, int, int, int]]:
    """difflib's edit operations between two word lists (imported when first
    needed: pairs of quotations that differ are rare)."""
    import difflib

    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()


def _ratio(a: str, b: str, score_cutoff: float | None = None) -> float:
    """rapidfuzz's ratio, imported when two quotations are first compared
    (a run on one story rarely gets there)."""
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b, score_cutoff=score_cutoff))


class QuoteDrift(CorpusRule):
    code = "FL203"
    name = "quote-drift"
    severity = Severity.WARNING
    requires = ("quotes",)

    def archive_keys(self, document: Document, facts: Facts) -> Iterable[str]:
        """Archive lookup keys: the three-word shingles that block the pairs below."""
        keys: set[str] = set()
        for _ordinal, _quote, words in _compared(facts):
            keys.update(" ".join(words[i : i + 3]) for i in range(len(words) - 2))
        return keys

    def check_corpus(self, corpus: Corpus) -> Iterator[Finding]:
        # Each quotation is compared with the earlier ones that share a
        # three-word shingle, first to last: the first that reads
        # differently or names another speaker gives the finding. A run
        # that keeps its documents in its temporary store (a large one, see
        # factlint.store) keeps this rule's index there too, so that memory
        # does not grow with the folder; else it is kept in memory, faster.
        from factlint.store import RunStore

        store = RunStore.of(corpus.documents)
        if store is None:
            yield from self._in_memory(corpus)
            return
        with store.scratch() as db:
            yield from self._on_disk(corpus, db)

    def _in_memory(self, corpus: Corpus) -> Iterator[Finding]:
        # The shingles are kept compactly (a run holds millions): each word
        # as its number in the run's vocabulary, a shingle as one int made
        # of three, and under it the one earlier quotation that has it, or a
        # list when several do. A quotation's words are kept joined by
        # spaces (no word holds a space, so two quotations have the same
        # words exactly when the strings are equal).
        vocabulary: dict[str, int] = {}
        index: dict[int, int | list[int]] = {}
        quotes: list[tuple[int, Any, str]] = []
        documents = corpus.documents
        for doc_b, facts in enumerate(corpus.facts):
            for _ordinal, quote_b, words_b in _compared(facts):
                b = len(quotes)
                joined_b = " ".join(words_b)
                quotes.append((doc_b, quote_b, joined_b))
                ids = [vocabulary.setdefault(word, len(vocabulary)) for word in words_b]
                shared: set[int] = set()
                for i in range(len(ids) - 2):
                    key = ids[i] << 64 | ids[i + 1] << 32 | ids[i + 2]
                    earlier = index.get(key)
                    if earlier is None:
                        index[key] = b
                        continue
                    if isinstance(earlier, int):
                        if earlier != b:
                            shared.add(earlier)
                            index[key] = [earlier, b]
                    else:
                        shared.update(earlier)
                        if earlier[-1] != b:
                            earlier.append(b)
                found = self._earliest_match(documents, quotes, shared, b, _ratio)
                if found is not None:
                    yield found

    def _earliest_match(
        self,
        documents: tuple[Document, ...],
        quotes: list[tuple[int, Any, str]],
        shared: set[int],
        b: int,
        ratio: Any,
    ) -> Finding | None:
        """The finding at quotation ``b`` against the first earlier one (of
        ``shared``) that reads differently or names another speaker."""
        doc_b, quote_b, joined_b = quotes[b]
        len_b = len(joined_b)
        for a in sorted(shared):
            doc_a, quote_a, joined_a = quotes[a]
            if doc_a == doc_b:
                continue
            # The ratio is at most 2 * shorter / (sum of lengths): skip hopeless pairs.
            len_a = len(joined_a)
            if 200 * min(len_a, len_b) < SIMILAR * (len_a + len_b):
                continue
            if ratio(joined_a, joined_b, score_cutoff=SIMILAR) < SIMILAR:
                continue
            found = self._compare(documents, doc_a, quote_a, joined_a, doc_b, quote_b, joined_b)
            if found is not None:
                return found
        return None

    def _on_disk(self, corpus: Corpus, db: sqlite3.Connection) -> Iterator[Finding]:
        """As :meth:`_in_memory`, with the index in ``db`` (a scratch
        database of the run's store). For each quotation: its document's
        number, its place in that document's quotes (the quotation is read
        back from the store when it matches) and its words joined; for each
        shingle, a 64-bit hash of its three words, the quotations that have it."""
        db.execute(
            "CREATE TABLE quotes (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
            " ordinal INTEGER NOT NULL, joined TEXT NOT NULL)"
        )
        # With each shingle, its quotation's document and length: the lookup
        # leaves out those of the same document, or too short or too long
        # to be alike, without reading their words.
        db.execute(
            "CREATE TABLE shingles (shingle INTEGER NOT NULL, quote INTEGER NOT NULL,"
            " doc INTEGER NOT NULL, size INTEGER NOT NULL,"
            " PRIMARY KEY (shingle, quote)) WITHOUT ROWID"
        )
        b = 0
        db.execute("BEGIN")
        for doc_b, facts in enumerate(corpus.facts):
            for ordinal, quote_b, words_b in _compared(facts):
                joined_b = " ".join(words_b)
                shingles = {hash(tuple(words_b[i : i + 3])) for i in range(len(words_b) - 2)}
                candidates = _candidates(db, shingles, doc_b, len(joined_b))
                found = self._earliest_stored(corpus, candidates, doc_b, quote_b, words_b, joined_b)
                size = len(joined_b)
                db.execute("INSERT INTO quotes VALUES (?, ?, ?, ?)", (b, doc_b, ordinal, joined_b))
                db.executemany(
                    "INSERT INTO shingles VALUES (?, ?, ?, ?)",
                    [(s, b, doc_b, size) for s in shingles],
                )
                b += 1
                if b % _COMMIT == 0:
                    db.execute("COMMIT")
                    db.execute("BEGIN")
                if found is not None:
                    yield found
        db.execute("COMMIT")

    def _earliest_stored(
        self,
        corpus: Corpus,
        candidates: list[tuple[int, int, int, str]],
        doc_b: int,
        quote_b: Any,
        words_b: list[str],
        joined_b: str,
    ) -> Finding | None:
        """As :meth:`_earliest_match`, over ``candidates`` read from the
        scratch database: (number, document, place in its quotes, words)."""
        len_b = len(joined_b)
        mine: set[tuple[str, ...]] | None = None
        for _a, doc_a, ordinal_a, joined_a in candidates:
            len_a = len(joined_a)
            if 200 * min(len_a, len_b) < SIMILAR * (len_a + len_b):
                continue
            if _ratio(joined_a, joined_b, score_cutoff=SIMILAR) < SIMILAR:
                continue
            # Two shingles of different words with the same hash make a
            # candidate the in-memory index would not have: drop it, so
            # that the findings are the same either way.
            if mine is None:
                mine = {tuple(words_b[i : i + 3]) for i in range(len(words_b) - 2)}
            words_a = joined_a.split()
            if not any(tuple(words_a[i : i + 3]) in mine for i in range(len(words_a) - 2)):
                continue
            quote_a = corpus.facts[doc_a].get_list("quotes")[ordinal_a]
            documents = corpus.documents
            found = self._compare(documents, doc_a, quote_a, joined_a, doc_b, quote_b, joined_b)
            if found is not None:
                return found
        return None

    def _compare(
        self,
        documents: tuple[Document, ...],
        doc_a: int,
        quote_a: Any,
        joined_a: str,
        doc_b: int,
        quote_b: Any,
        joined_b: str,
    ) -> Finding | None:
        """The finding at quotation ``b`` against the earlier ``a`` (the
        same words for the most part), if it reads differently or names
        another speaker."""
        other = documents[doc_a]
        where = place(other, quote_a.start)
        if joined_a != joined_b:
            words_a, words_b = _compounds(joined_a.split(), joined_b.split())
            if words_a == words_b:
                return None  # "counter productive" and "counterproductive": spacing only
            if _cut(words_a, words_b, _ELLIPSIS.search(quote_a.text + quote_b.text)):
                return None  # one story quotes less of it: not a change of words
            if _grammar_only(words_a, words_b):
                return None  # "a step" and "the step": a slip no editor chases
            diff = _difference(words_a, words_b)
            message = f"this quotation reads differently in {where}: {diff}"
        elif (
            _person(quote_a.speaker, other.prose)
            and _person(quote_b.speaker, documents[doc_b].prose)
            and _surname(quote_a.speaker) != _surname(quote_b.speaker)
            and (
                (
                    _said_beside(quote_a, other.prose)
                    and _said_beside(quote_b, documents[doc_b].prose)
                )
                or (
                    not _names(documents[doc_b].prose, quote_a.speaker)
                    and not _names(other.prose, quote_b.speaker)
                )
            )
        ):
            message = (
                f"this quotation is credited to {quote_b.speaker} here and to"
                f" {quote_a.speaker} in {where}"
            )
        else:
            return None
        return self.finding(
            documents[doc_b],
            quote_b.start,
            quote_b.end,
            message,
            related=[related_at(other, quote_a.start, quote_a.end, "the other version")],
            subject=quote_b.text,
        )


_COMMIT = 1000  # quotations written to the scratch database per transaction
_IN = 256  # shingles looked up per statement (SQLite's limit on parameters is higher)
_SELECT = (
    "SELECT id, doc, ordinal, joined FROM quotes"
    " WHERE id IN (SELECT quote FROM shingles WHERE shingle IN ({})"
    " AND doc != ? AND size BETWEEN ? AND ?) ORDER BY id"
)


def _candidates(
    db: sqlite3.Connection, shingles: set[int], doc: int, size: int
) -> list[tuple[int, int, int, str]]:
    """The quotations written so far, of other documents than ``doc``, that
    have one of ``shingles`` and a length that can reach ``SIMILAR`` with
    ``size`` (with a character to spare each way: the caller checks it
    exactly), in order: (number, document, place in its quotes, words)."""
    low = int(size * SIMILAR / (200 - SIMILAR)) - 1
    high = int(size * (200 - SIMILAR) / SIMILAR) + 2
    keys = list(shingles)
    found: list[tuple[int, int, int, str]] = []
    for start in range(0, len(keys), _IN):
        chunk = keys[start : start + _IN]
        width = 8  # a few statements, each prepared once: the list padded to a power of two
        while width < len(chunk):
            width *= 2
        chunk += [chunk[-1]] * (width - len(chunk))
        sql = _SELECT.format(",".join("?" * width))
        found += db.execute(sql, (*chunk, doc, low, high))
    if len(keys) > _IN:
        found = sorted(set(found))
    return found


_ELLIPSIS = lazy.re(r"\.\s?\.\s?\.|…")


def _compounds(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Both versions with two words of one that the other writes as one
    joined ("counter productive" and "counterproductive"), each part of
    three letters or more (not "a way" and "away", "may be" and "maybe",
    which change the sense)."""

    def joined(words: list[str], other: set[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(words):
            pair = words[i] + words[i + 1] if i + 1 < len(words) else ""
            if pair in other and len(words[i]) >= 3 and len(words[i + 1]) >= 3:
                out.append(pair)
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out

    a = joined(a, set(b))
    return a, joined(b, set(a))


def _cut(a: list[str], b: list[str], ellipsis: object = None) -> bool:
    """The two differ only by words at the start or the end, or by words
    left out where one marks an ellipsis: one story quotes more of the same
    words."""
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            continue
        if tag == "replace":
            return False
        if not ((i1 == 0 and j1 == 0) or (i2 == len(a) and j2 == len(b)) or ellipsis):
            return False
    return True


# Words whose change leaves a quotation's claim as it was. Not "not", "no"
# or "never", which turn a claim round, nor "about", "over", "if", "when",
# "because", "than" or "so", which change what is claimed.
_GRAMMAR = frozenset({
    "a", "an", "the", "'s", "is", "are", "was", "were", "be", "been", "being", "am", "has",
    "have", "had", "do", "does", "did", "to", "of", "in", "on", "at", "for", "from", "by",
    "with", "as", "into", "onto", "upon", "and", "or", "but", "nor", "that", "which", "who",
    "whom", "whose", "this", "these", "those", "there", "it", "its", "they", "them", "their",
    "we", "us", "our", "i", "me", "my", "you", "your", "he", "him", "his", "she", "her",
    "although", "though", "concerning", "regarding", "toward", "towards", "through", "during",
})  # fmt: skip


def _split_s(words: list[str]) -> list[str]:
    """ "britain's" as "britain" and "'s", so that it lines up with "britain is"."""
    out: list[str] = []
    for word in words:
        if word.endswith("'s") and len(word) > 2:
            out += (word[:-2], "'s")
        else:
            out.append(word)
    return out


def _grammar_only(a: list[str], b: list[str]) -> bool:
    """The two versions differ only in grammar words or a plural ending."""
    a, b = _split_s(a), _split_s(b)
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        if len(left) == len(right) == 1 and _plural_pair(left[0], right[0]):
            continue
        if not all(word in _GRAMMAR for word in left + right):
            return False
    return True


def _plural_pair(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    return len(short) >= 4 and long in (short + "s", short + "es")  # not "new" and "news"


def _person(speaker: str | None, prose: str) -> bool:
    """A speaker named as a person: not a pronoun, a title ("the president",
    "Treasury Secretary"), a country or a company. A single word counts when
    the story names someone with it as a surname ("Ben Jacobs ... Jacobs")."""
    if not speaker or not speaker[:1].isupper():
        return False
    words = speaker.split()
    lex = lexicon()
    named = words
    for i, word in enumerate(words[:-2]):  # "Transit Authority Director James Whitcombe"
        if (word in lex.titles or word in lex.organisation_words) and fold(
            words[i + 1]
        ) in lex.given_names:
            named = words[i + 1 :]  # the name after the title phrase
    words = named
    if words[-1] in lex.titles or words[-1] in lex.title_words or words[-1].isupper():
        return False
    if any(w in lex.organisation_words or w in lex.organisations for w in words):
        return False  # "Information Commissioner's Office", "Matrix Chambers"
    if any(not w[:1].isupper() for w in words if w not in lex.particles):
        return False
    if len(words) > 1:
        return True
    return re.search(rf"\b[A-Z][a-z]+\.? {re.escape(words[0])}\b", prose) is not None


def _said_beside(quote: Any, prose: str) -> bool:
    """The speaker is named right beside the quotation ('"...," Okafor said',
    '"...," said Director James Whitcombe'), not a pronoun ("he told")
    whose person is read from another sentence."""
    at, end = quote.speaker_start, quote.speaker_end
    return (
        quote.how in ("after", "split")
        and at is not None
        and quote.cue_start is not None
        and quote.cue_start <= at < quote.cue_end
        and bool(quote.speaker)
        and prose[at:end].split()[-1:] == quote.speaker.split()[-1:]
    )


def _names(prose: str, speaker: str | None) -> bool:
    """The story names this speaker somewhere (by surname): then crediting the
    quotation to someone else there is more likely a speaker misread than a
    different person saying the same words."""
    surname = speaker.split()[-1] if speaker else ""
    return bool(surname) and re.search(rf"\b{re.escape(surname)}\b", prose) is not None


def _difference(a: list[str], b: list[str]) -> str:
    parts = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            continue
        there = " ".join(a[i1:i2]) or "(nothing)"
        here = " ".join(b[j1:j2]) or "(nothing)"
        parts.append(f'"{here}" here, "{there}" there')
    return "; ".join(parts[:3])


RULE = QuoteDrift
