"""factlint.records: the record classes that findings, documents and facts are
made of behave as the dataclasses they replace, and their compiled methods
are kept between runs."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factlint.findings import Finding, Location, Severity
from factlint.records import FrozenInstanceError, field, fields, is_record, record, replace


@record(frozen=True, order=True)
class Span:
    path: str
    line: int = 1
    tags: list[str] = field(default_factory=list, compare=False)


@record(frozen=True, slots=True)
class Mention:
    given: str
    surname: str
    parts: tuple[str, ...] = ()


@record(slots=True)
class Name:
    given: str
    surname: str
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.key = f"{self.surname.lower()} {self.given[:1].lower()}"


@record
class Counter:
    seen: dict[str, int] = field(default_factory=dict)

    def __hash__(self) -> int:  # a class's own method is kept
        return 7


def test_init_takes_defaults_and_fresh_factories() -> None:
    a, b = Span("a.md"), Span("b.md", 3, ["x"])
    assert (a.path, a.line, a.tags, b.line, b.tags) == ("a.md", 1, [], 3, ["x"])
    assert Span("c.md").tags is not a.tags  # a new list for each record
    with pytest.raises(TypeError):
        Span()  # type: ignore[call-arg]


def test_post_init_fills_fields_left_out_of_init() -> None:
    name = Name("Ana", "Neumann-Ortiz")
    assert name.key == "neumann-ortiz a"
    assert repr(name) == "Name(given='Ana', surname='Neumann-Ortiz')"  # repr=False left out
    with pytest.raises(TypeError):
        Name("Ana", "Ortiz", key="x")  # type: ignore[call-arg]


def test_equality_hash_and_order_follow_the_compared_fields() -> None:
    assert Span("a.md", 2, ["x"]) == Span("a.md", 2, ["y"])  # tags: compare=False
    assert Span("a.md", 2) != Span("a.md", 3)
    assert hash(Span("a.md", 2, ["x"])) == hash(Span("a.md", 2))
    assert sorted([Span("b.md"), Span("a.md", 9), Span("a.md", 2)]) == [
        Span("a.md", 2),
        Span("a.md", 9),
        Span("b.md"),
    ]
    assert Span("a.md") != ("a.md", 1)  # another class is never equal
    with pytest.raises(TypeError):
        hash(Name("Ana", "Ortiz"))  # mutable and compared by value: unhashable
    assert hash(Counter()) == 7


def test_frozen_records_refuse_assignment() -> None:
    span = Span("a.md")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'line'"):
        span.line = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del span.path  # type: ignore[misc]
    name = Name("Ana", "Ortiz")
    name.given = "Ann"  # a mutable record takes it
    assert name.given == "Ann"


def test_slots_records_have_no_instance_dict_and_survive_pickling() -> None:
    mention = Mention("Ana", "Neumann-Ortiz", ("Ana", "Neumann-Ortiz"))
    assert not hasattr(mention, "__dict__")
    assert Mention.__slots__ == ("given", "surname", "parts")  # type: ignore[attr-defined]
    for copied in (pickle.loads(pickle.dumps(mention)), copy.deepcopy(mention)):
        assert copied == mention and copied is not mention
    name = pickle.loads(pickle.dumps(Name("Ana", "Ortiz")))
    assert (name.given, name.key) == ("Ana", "ortiz a")


def test_replace_fields_and_is_record() -> None:
    span = Span("a.md", 2, ["x"])
    moved = replace(span, line=5)
    assert (moved.path, moved.line, moved.tags, span.line) == ("a.md", 5, ["x"], 2)
    assert [f.name for f in fields(Name)] == ["given", "surname", "key"]
    assert replace(Name("Ana", "Ortiz"), surname="Diaz").key == "diaz a"
    with pytest.raises(ValueError, match="init=False"):
        replace(Name("Ana", "Ortiz"), key="x")
    assert is_record(span) and is_record(Span) and not is_record(object())
    with pytest.raises(TypeError):
        fields(object())


def test_a_required_field_after_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b'"):

        @record
        class Wrong:
            a: int = 0
            b: int


def test_findings_keep_their_record_behaviour() -> None:
    """The classes rules build: equal by value, ordered by place, replaceable."""
    here = Location("a.md", 3, 1)
    finding = Finding("FL101", "name-variant", Severity.WARNING, "message", here)
    assert finding == pickle.loads(pickle.dumps(finding))
    assert replace(here, line=4) > here
    assert is_record(finding) and "FL101" in repr(finding)


# The cache of compiled methods, in fresh interpreters (as runs are).
_DEFINE = """
import sys
import factlint.records as records
records.CACHE = sys.argv[1]
records._cache = None
{before}
@records.record(frozen=True)
class Probe:
    path: str
    line: int = 1
print(Probe("a.md", 2) == Probe("a.md", 2), Probe("a.md"))
"""


def _run(cache: Path, before: str = "", *flags: str) -> str:
    script = textwrap.dedent(_DEFINE.format(before=before))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run(
        [sys.executable, *flags, "-c", script, str(cache)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return proc.stdout.strip()


def test_compiled_methods_are_kept_and_reused(tmp_path: Path) -> None:
    cache = tmp_path / "records.methods"
    assert _run(cache) == "True Probe(path='a.md', line=1)"
    assert cache.exists()
    # The next run finds the code: it compiles nothing for the class.
    no_compile = textwrap.dedent("""
        import builtins
        real = builtins.compile
        def refuse(source, filename, *a, **k):
            if filename == "<record>":
                raise AssertionError("compiled again")
            return real(source, filename, *a, **k)
        builtins.compile = refuse
        """)
    assert _run(cache, no_compile) == "True Probe(path='a.md', line=1)"


def test_a_damaged_cache_is_ignored_and_an_unwritable_one_is_left(tmp_path: Path) -> None:
    cache = tmp_path / "records.methods"
    cache.write_bytes(b"\x00not marshal data")
    assert _run(cache) == "True Probe(path='a.md', line=1)"
    assert cache.read_bytes() != b"\x00not marshal data"  # replaced by a good one
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    # Its folder cannot be made (a file is in the way): the run still ends well.
    assert _run(blocked / "records.methods") == "True Probe(path='a.md', line=1)"
    assert blocked.read_text() == "not a folder"


def test_no_cache_is_written_when_bytecode_is_not(tmp_path: Path) -> None:
    cache = tmp_path / "records.methods"
    assert _run(cache, "", "-B") == "True Probe(path='a.md', line=1)"
    assert not cache.exists()
