"""Every hook a factlint plugin can implement, in one place.

A plugin is a module (or object) with functions marked ``@factlint.hookimpl``
named like the specs below. Plugins are found through the ``factlint``
entry-point group, or listed under ``plugins:`` in the config. A misspelled
hook name is an error, not a silent no-op.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from pluggy import HookimplMarker, HookspecMarker

    from factlint.facts import Extractor
    from factlint.readers import Reader
    from factlint.report import Report
    from factlint.rules import Rule


class _Marker:
    """What ``pluggy.HookspecMarker("factlint")`` or ``HookimplMarker`` does to a
    function, without importing pluggy: the same option dict on the same
    attribute, which is all pluggy reads (a test holds them equal). A plugin
    module imports this marker, and a run whose plugins all hold plain hook
    functions never loads pluggy (see ``factlint.plugins``)."""

    def __init__(self, attribute: str, defaults: dict[str, object]) -> None:
        self.attribute = attribute
        self.defaults = defaults

    def __call__(self, function: Any = None, *args: object, **options: object) -> Any:
        if len(args) > len(self.defaults):
            raise TypeError(f"expected at most {len(self.defaults) + 1} positional arguments")
        given = dict(zip(self.defaults, args, strict=False))
        for key, value in options.items():
            if key not in self.defaults or key in given:
                raise TypeError(f"unexpected or repeated keyword argument {key!r}")
            given[key] = value

        def mark(func: Any) -> Any:
            setattr(func, self.attribute, {**self.defaults, **given})
            return func

        return mark if function is None else mark(function)

    def __repr__(self) -> str:
        return f"<marker {self.attribute}>"


if TYPE_CHECKING:  # type checkers see pluggy's markers, as plugin authors expect
    hookspec = HookspecMarker("factlint")
    hookimpl = HookimplMarker("factlint")
else:
    hookspec = _Marker(
        "factlint_spec",
        {"firstresult": False, "historic": False, "warn_on_impl": None, "warn_on_impl_args": None},
    )
    hookimpl = _Marker(
        "factlint_impl",
        {
            "hookwrapper": False,
            "optionalhook": False,
            "tryfirst": False,
            "trylast": False,
            "specname": None,
            "wrapper": False,
        },
    )


@hookspec
def factlint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin contributes.

    Each class subclasses :class:`factlint.DocumentRule` or
    :class:`factlint.CorpusRule` and has a unique ``code`` and ``name``. A
    corpus rule compares drafts with an archive (``factlint index``) by
    returning lookup keys from :meth:`factlint.CorpusRule.archive_keys`; one
    that does not still works on the files of the run.
    """
    raise NotImplementedError


@hookspec
def factlint_extractors() -> Sequence[Extractor]:
    """Return fact extractors; each ``name`` must be unique across plugins."""
    raise NotImplementedError


@hookspec
def factlint_readers() -> Sequence[Reader]:
    """Return readers for more file formats (chosen by file suffix)."""
    raise NotImplementedError


@hookspec
def factlint_reporters() -> dict[str, Callable[[Report], str]]:
    """Return output formats: a name for ``--format`` mapped to a pure
    function from a :class:`factlint.report.Report` to text."""
    raise NotImplementedError
