"""Record classes: what ``dataclasses`` gives, at a fraction of its start-up cost.

factlint declares about thirty small classes (findings, documents, facts),
and a pre-commit run imports all of them for one article. ``dataclasses``
spends about a sixth of such a run making them: it imports ``inspect``
(with ``ast``, ``dis`` and ``tokenize``), compiles each generated method on
its own, and, for ``slots=True``, makes each class twice. :func:`record` makes
the same methods (``__init__`` with defaults, factories and
``__post_init__``; ``__repr__``; ``__eq__``; ``__hash__`` when frozen;
ordering; frozen ``__setattr__``; ``__slots__`` and their pickling) from one
source per class, and imports nothing but ``typing`` and ``marshal``.

Compiling that source is most of the cost, so the compiled code is kept as
Python keeps a module's: in ``__pycache__`` beside this file, in one file
per interpreter version (:data:`CACHE`), keyed by the source itself (never
stale), written when the run ends unless ``sys.dont_write_bytecode``
(``PYTHONDONTWRITEBYTECODE``) is set or the folder is read-only; then
records are simply compiled each run.

Only what factlint uses is supported: no ``InitVar``, ``kw_only`` or
inheritance between records (a plain subclass of a record is fine). A method
the class defines itself is kept, as with dataclasses. Type checkers read
:func:`record` through :func:`typing.dataclass_transform`.

    @record(frozen=True, slots=True)
    class Location:
        path: str
        line: int = 1
        tags: list[str] = field(default_factory=list, compare=False)
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from types import CodeType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform, overload

    _T = TypeVar("_T")
else:  # type checkers read the real one; a run does without importing typing

    def dataclass_transform(**_options: object) -> Callable[[object], object]:
        return lambda function: function


__all__ = ["Field", "FrozenInstanceError", "field", "fields", "is_record", "record", "replace"]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen record is assigned or deleted."""


class Field:
    """One field of a record: its name, default or factory, and its roles."""

    __slots__ = ("compare", "default", "default_factory", "init", "name", "repr")

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Any = MISSING,
        init: bool = True,
        repr: bool = True,
        compare: bool = True,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """A field with a default, a factory (``list``, ``dict``...) or other roles."""
    return Field(default, default_factory, init, repr, compare)


def fields(obj: Any) -> tuple[Field, ...]:
    """The fields of a record class or instance, in declaration order."""
    try:
        found: tuple[Field, ...] = obj.__record_fields__
    except AttributeError:
        raise TypeError(f"{obj!r} is not a record") from None
    return found


def is_record(obj: Any) -> bool:
    """Whether ``obj`` is a record class or an instance of one."""
    return hasattr(obj, "__record_fields__")


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of the record ``obj`` with ``changes`` to its fields."""
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False")
        elif f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


if TYPE_CHECKING:

    @overload
    def record(cls: type[_T], /) -> type[_T]: ...
    @overload
    def record(
        *, frozen: bool = False, order: bool = False, slots: bool = False, eq: bool = True
    ) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(
    cls: type[_T] | None = None,
    /,
    *,
    frozen: bool = False,
    order: bool = False,
    slots: bool = False,
    eq: bool = True,
) -> Any:
    """Make ``cls`` a record class (as ``@dataclass`` with the same options)."""

    def wrap(cls: type[_T]) -> type[_T]:
        return _make(cls, frozen=frozen, order=order, slots=slots, eq=eq)

    return wrap if cls is None else wrap(cls)


CACHE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "__pycache__",
    f"records.{sys.implementation.cache_tag}.methods",
)
"""Where compiled record methods are kept between runs."""

_CACHE_MOST = 500
_cache: dict[str, CodeType] | None = None
_new: dict[str, CodeType] = {}


def _compiled(source: str) -> CodeType:
    """The code of ``source``, from the cache or compiled (and kept at exit)."""
    global _cache
    if _cache is None:
        _cache = _read_cache()
    code = _cache.get(source)
    if code is None:
        code = _cache[source] = compile(source, "<record>", "exec")
        if not _new and not sys.dont_write_bytecode:
            import atexit

            atexit.register(_write_cache)
        _new[source] = code
    return code


def _read_cache() -> dict[str, CodeType]:
    try:
        with open(CACHE, "rb") as handle:
            found = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, CodeType)}


def _write_cache() -> None:
    """Add this run's new code to the cache file, atomically; quietly give up
    where the folder cannot be written (a read-only install)."""
    import contextlib

    kept = _read_cache()
    if len(kept) > _CACHE_MOST:  # classes made and changed over time: start afresh
        kept = {}
    kept.update(_new)
    part = f"{CACHE}.{os.getpid()}.part"
    try:
        os.makedirs(os.path.dirname(CACHE), exist_ok=True)
        with open(part, "wb") as handle:
            marshal.dump(kept, handle)
        os.replace(part, CACHE)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(part)


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


def _make(cls: type[_T], *, frozen: bool, order: bool, slots: bool, eq: bool) -> type[_T]:
    own = cls.__dict__
    found: list[Field] = []
    for name, annotation in own.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = own.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        found.append(f)
    names = [f.name for f in found]
    compared = [f.name for f in found if f.compare]

    env: dict[str, Any] = {"MISSING": MISSING, "_set": object.__setattr__}
    lines: list[str] = []
    made: list[str] = []

    def method(name: str, head: str, body: list[str]) -> None:
        if name in own:
            return  # the class's own method wins, as with dataclasses
        lines.append(f" def {name}({head}):")
        lines.extend(f"  {line}" for line in body)
        made.append(name)

    def values(of: str, chosen: list[str]) -> str:
        return "(" + "".join(f"{of}.{n}," for n in chosen) + ")"

    method("__init__", *_init(found, frozen, env, post_init="__post_init__" in own))
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in found if f.repr)
    method("__repr__", "self", [f'return f"{{self.__class__.__qualname__}}({shown})"'])
    compare_ops = [("__eq__", "==")] if eq else []
    if order:
        compare_ops += [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]
    for name, op in compare_ops:
        test = f"return {values('self', compared)} {op} {values('other', compared)}"
        method(
            name,
            "self, other",
            ["if other.__class__ is self.__class__:", f" {test}", "return NotImplemented"],
        )
    own_hash = own.get("__hash__", MISSING)
    explicit_hash = not (own_hash is MISSING or (own_hash is None and "__eq__" in own))
    if eq and frozen and not explicit_hash:
        lines.append(" def __hash__(self):")
        lines.append(f"  return hash({values('self', compared)})")
        made.append("__hash__")
    if frozen:
        env["FrozenInstanceError"] = FrozenInstanceError
        refused = ["raise FrozenInstanceError(f'cannot assign to field {name!r}')"]
        method("__setattr__", "self, name, value", refused)
        method("__delattr__", "self, name", refused)
        if slots:  # unpickling sets slots through __setattr__, which a frozen record refuses
            method("__getstate__", "self", [f"return {values('self', names)}"])
            method(
                "__setstate__",
                "self, state",
                [f"for name, value in zip({tuple(names)!r}, state):", " _set(self, name, value)"],
            )

    source = "def _methods(" + ", ".join(env) + "):\n" + "\n".join(lines) + "\n return {"
    source += ", ".join(f"{name!r}: {name}" for name in made) + "}\n"
    scope: dict[str, Any] = {}
    exec(_compiled(source), scope)
    methods: dict[str, Any] = scope["_methods"](**env)

    if slots:
        kept = {
            k: v for k, v in own.items() if k not in names and k not in ("__dict__", "__weakref__")
        }
        kept["__slots__"] = tuple(names)
        cls = type(cls.__name__, cls.__bases__, kept)  # the same metaclass: records use none
    else:
        for f in found:  # a Field object must not stay behind as a class attribute
            if isinstance(own.get(f.name), Field):
                if f.default is MISSING:
                    delattr(cls, f.name)
                else:
                    setattr(cls, f.name, f.default)
    for name, function in methods.items():
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    marks: dict[str, Any] = {
        "__record_fields__": tuple(found),
        "__match_args__": tuple(f.name for f in found if f.init),
    }
    if eq and not frozen and not explicit_hash:
        marks["__hash__"] = None  # mutable and compared by value: unhashable, as with dataclasses
    for name, value in marks.items():
        setattr(cls, name, value)
    return cls


def _init(
    found: list[Field], frozen: bool, env: dict[str, Any], *, post_init: bool
) -> tuple[str, list[str]]:
    """The head and body of a record's ``__init__``."""

    def assign(name: str, value: str) -> str:
        return f"_set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}"

    params, body, seen_default = ["self"], [], False
    for f in found:
        factory = f"_factory_{f.name}"
        default = f"_default_{f.name}"
        if f.default_factory is not MISSING:
            env[factory] = f.default_factory
        elif f.default is not MISSING:
            env[default] = f.default
        if not f.init:
            if f.default_factory is not MISSING:
                body.append(assign(f.name, f"{factory}()"))
            elif f.default is not MISSING:
                body.append(assign(f.name, default))
            continue
        if f.default_factory is not MISSING:
            params.append(f"{f.name}=MISSING")
            body.append(assign(f.name, f"{factory}() if {f.name} is MISSING else {f.name}"))
            seen_default = True
        elif f.default is not MISSING:
            params.append(f"{f.name}={default}")
            body.append(assign(f.name, f.name))
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            params.append(f.name)
            body.append(assign(f.name, f.name))
    if post_init:
        body.append("self.__post_init__()")
    return ", ".join(params), body or ["pass"]
