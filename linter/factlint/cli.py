"""The ``factlint`` command line: ``check``, ``facts``, ``rules``, ``explain``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from factlint import __version__
from factlint.errors import ExitCode, FatalError
from factlint.sanitize import clean, clean_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import typing
    from typing import Any

#: The formats factlint itself has; ``--help`` lists the registry's (plugins' too).
BUILTIN_FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit", "html")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized without importing ``shutil``.

    argparse makes a formatter for every option it is given and sizes it with
    ``shutil.get_terminal_size``; importing ``shutil`` (with its compression
    modules) cost a pre-commit run a few milliseconds before any help is
    shown. The width is found as ``shutil`` finds it: ``$COLUMNS``, else the
    terminal, else 80 columns, less argparse's margin of 2.
    """

    def __init__(self, prog: str, **kwargs: Any) -> None:
        if kwargs.get("width") is None:
            kwargs["width"] = _columns() - 2
        super().__init__(prog, **kwargs)


def _columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """argparse, suggesting the near subcommand for a mistyped one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> typing.NoReturn:
        import re

        m = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if m:
            message += _did_you_mean(m[1], re.findall(r"'([^']*)'", m[2]))
        super().error(message)


def _did_you_mean(given: str, known: Iterable[str]) -> str:
    import difflib

    near = difflib.get_close_matches(given, list(known), n=1, cutoff=0.6)
    return f"; did you mean {near[0]}?" if near else ""


def _parser(formats: Sequence[str] = BUILTIN_FORMATS) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factlint",
        description="Fact-check and source-citation linter for news writing.",
    )
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument("--config", type=Path, help="config file (default: found by walking up)")
    common.add_argument("--isolated", action="store_true", help="ignore every config file")

    inputs = _Parser(add_help=False)
    inputs.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    inputs.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files or folders matching GLOB (repeatable)",
    )
    inputs.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="name to report (and pick a reader by) for input read from stdin",
    )
    inputs.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="publication date for documents that do not state their own",
    )
    inputs.add_argument(
        "--max-file-size", metavar="SIZE", help="refuse files larger than SIZE (default 10MB)"
    )
    inputs.add_argument(
        "--timeout-per-file",
        metavar="SECONDS",
        help="give up on a file whose reading or checking takes longer (default 60; 0: never)",
    )
    inputs.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="comma-separated codes, prefixes or ALL (replaces the default set; repeatable)",
    )
    inputs.add_argument(
        "--extend-select", action="append", metavar="CODES", help="codes to add to the selection"
    )
    inputs.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="PATH",
        help="files or folders that corpus rules compare with, but that are not reported on",
    )
    inputs.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes for reading and extraction"
        " (default: by the amount of text, at most one per core)",
    )
    inputs.add_argument(
        "--ignore", action="append", metavar="CODES", help="codes or prefixes to leave out"
    )
    inputs.add_argument(
        "--extend-ignore",
        action="append",
        metavar="CODES",
        help="codes or prefixes to leave out, besides those ignored already (as --ignore)",
    )

    check = sub.add_parser(
        "check", parents=[common, inputs], help="check files and report findings"
    )
    check.add_argument(
        "--format", default="text", help=f"output format: {', '.join(formats)} (default text)"
    )
    check.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE")
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit code 1 (default warning)",
    )
    check.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour text output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when there are findings (2 still means the run failed)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="print the count of findings per rule"
    )
    check.add_argument(
        "--baseline", type=Path, metavar="FILE", help="report only findings not in FILE"
    )
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record today's findings in FILE and exit",
    )
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix", action="store_true", help="apply the fixes rules mark safe (atomic writes)"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="show the safe fixes as a diff; write nothing"
    )

    facts = sub.add_parser(
        "facts", parents=[common, inputs], help="print each document's facts as JSON"
    )
    facts.add_argument("--output", "-o", type=Path, metavar="FILE")

    _add_archive_arguments(sub, common, check)

    sub.add_parser("rules", parents=[common], help="list every rule")
    explain = sub.add_parser("explain", parents=[common], help="print a rule's documentation")
    explain.add_argument("code", metavar="CODE")
    return parser


def _add_archive_arguments(
    sub: Any, common: argparse.ArgumentParser, check: argparse.ArgumentParser
) -> None:
    """``factlint index`` and ``check --archive`` (see factlint.archive)."""
    from factlint.archive_cli import add_arguments

    add_arguments(sub, common, check)


def _split(values: list[str] | None) -> list[str] | None:
    """The codes of a repeatable option (``--select A,B --select C``), or None."""
    if values is None:
        return None
    return [v.strip() for value in values for v in value.replace(" ", ",").split(",") if v.strip()]


def _formats(argv: Sequence[str]) -> Sequence[str]:
    """Every format the registry has, a plugin's too (for ``--help``)."""
    if not {"-h", "--help"} & set(argv):
        return BUILTIN_FORMATS
    from factlint.config import load_config
    from factlint.plugins import load_registry

    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config", type=Path)
    pre.add_argument("--isolated", action="store_true")
    given = pre.parse_known_args(argv)[0]
    try:
        config = load_config(given.config, isolated=given.isolated)
        return list(load_registry(config.plugins, config.plugin_paths).reporters)
    except FatalError:
        return BUILTIN_FORMATS


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(_formats(argv))
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        _unknown_options(parser, args, unknown)
    if args.command is None:
        parser.print_help()
        return ExitCode.ERROR
    try:
        return _dispatch(args)
    except FatalError as exc:
        print(f"factlint: error: {clean(str(exc))}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        print("factlint: interrupted", file=sys.stderr)
        return 130


def _unknown_options(
    parser: argparse.ArgumentParser, args: argparse.Namespace, unknown: list[str]
) -> typing.NoReturn:
    """Stop on options argparse does not know, naming the near one."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and args.command in action.choices:
            parser = action.choices[args.command]  # its usage line, its options
    known = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
    hint = _did_you_mean(unknown[0].split("=", 1)[0], known)
    parser.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")


def run() -> None:
    raise SystemExit(main())


def _dispatch(args: argparse.Namespace) -> int:
    from factlint.config import load_config, parse_cli_date, parse_seconds, parse_size
    from factlint.plugins import load_registry

    config = load_config(args.config, isolated=args.isolated)
    if getattr(args, "date", None):
        try:
            config.date = parse_cli_date(args.date)
        except ValueError as exc:
            raise FatalError(f"--date: {exc}") from None
    if getattr(args, "max_file_size", None):
        try:
            config.max_file_size = parse_size(args.max_file_size)
        except ValueError as exc:
            raise FatalError(f"--max-file-size: {exc}") from None
    if getattr(args, "timeout_per_file", None) is not None:
        try:
            config.timeout_per_file = parse_seconds(args.timeout_per_file)
        except ValueError as exc:
            raise FatalError(f"--timeout-per-file: {exc}") from None
    if getattr(args, "exclude", None):
        config.exclude = [*config.exclude, *args.exclude]
    registry = load_registry(config.plugins, config.plugin_paths)

    if args.command == "rules":
        return _cmd_rules(registry)
    if args.command == "explain":
        return _cmd_explain(registry, args.code)
    if args.command == "index":
        from factlint.archive_cli import cmd_index

        return cmd_index(args, config, registry)
    return _cmd_check(args, config, registry)


def _cmd_rules(registry: object) -> int:
    from factlint.plugins import Registry

    assert isinstance(registry, Registry)
    rows = [("CODE", "NAME", "SEVERITY", "DEFAULT", "SUMMARY")]
    for code, rule in registry.rules.items():
        rows.append(
            (
                code,
                rule.name,
                rule.severity.label,
                "on" if rule.default_enabled else "off",
                rule.summary(),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    return ExitCode.OK


def _cmd_explain(registry: object, code: str) -> int:
    from factlint.plugins import Registry

    assert isinstance(registry, Registry)
    wanted = code.strip()
    for rule_code, rule in registry.rules.items():
        if wanted.upper() == rule_code or wanted == rule.name:
            default = (
                "on by default" if rule.default_enabled else "off by default (select it to use it)"
            )
            if getattr(rule, "network", False):
                default = "off by default and uses the network: select it by its code or name"
            print(f"{rule_code} {rule.name} ({rule.severity.label}, {default})\n")
            print(rule.doc())
            return ExitCode.OK
    raise FatalError(f"unknown rule code {code!r} (see 'factlint rules')")


def _cmd_check(args: argparse.Namespace, config: object, registry: object) -> int:
    from factlint import engine
    from factlint.config import Config
    from factlint.findings import Severity
    from factlint.plugins import Registry
    from factlint.report import plural
    from factlint.selection import selected_codes

    assert isinstance(config, Config) and isinstance(registry, Registry)
    if not args.paths:
        raise FatalError(f"{args.command}: give at least one file or folder (or - for stdin)")
    if args.command == "check" and args.format not in registry.reporters:
        raise FatalError(
            f"unknown format {args.format!r} (choose from {', '.join(registry.reporters)})"
            + _did_you_mean(args.format, registry.reporters)
        )
    if args.jobs is not None and args.jobs < 1:
        raise FatalError("--jobs must be at least 1")
    select = _split(args.select)
    from_cli = [args.select, args.extend_select, args.ignore, args.extend_ignore]
    codes = selected_codes(
        registry.rules,
        select if select is not None else config.select,
        [*config.extend_select, *(_split(args.extend_select) or [])],
        [
            *config.ignore,
            *config.extend_ignore,
            *(_split(args.ignore) or []),
            *(_split(args.extend_ignore) or []),
        ],
        "--select/--ignore" if any(from_cli) else config.describe(),
    )
    recorded = None
    if getattr(args, "baseline", None):
        from factlint.baseline import read_baseline

        recorded = read_baseline(args.baseline)
    sources, errors = engine.collect_sources(
        args.paths, registry, config, args.stdin_filename, [*config.reference, *args.reference]
    )
    if not any(not s.reference for s in sources):
        return _nothing_to_check(args.paths, errors, registry, config)
    reporter = registry.reporters.get(getattr(args, "format", ""))
    # A reporter that shows fact sheets (HTML) sets ``needs_facts = True``.
    wants_facts = args.command == "facts" or bool(getattr(reporter, "needs_facts", False))
    progress = _Progress.maybe(args)
    archive = None
    if getattr(args, "archive", None) or config.archive:  # else no archive (nor its import)
        from factlint.archive_cli import open_for_check

        archive = open_for_check(args, config, registry)
    result = engine.run(
        sources,
        registry,
        config,
        codes,
        all_facts=wants_facts,
        jobs=args.jobs,
        progress=progress,
        archive=archive,
    )
    if progress:
        progress.close()
    errors.extend(result.errors)
    for line in errors:
        print(f"factlint: error: {clean(line)}", file=sys.stderr)
    for line in result.notices:
        print(f"factlint: note: {clean(line)}", file=sys.stderr)

    if args.command == "facts":
        out = [
            {
                "path": clean_path(d.path),
                "format": d.format,
                "metadata": d.metadata.to_dict(),
                "facts": f.to_dict(),
            }
            for d, f in result.checked()
        ]
        _write(args.output, json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        return ExitCode.ERROR if errors else ExitCode.OK

    findings = engine.with_positions(result.findings, result.texts())
    if args.write_baseline:
        from factlint.baseline import write_baseline

        write_baseline(args.write_baseline, findings, _baseline_root(config, args.write_baseline))
        print(
            f"factlint: wrote {plural(len(findings), 'finding')} to baseline"
            f" {clean_path(str(args.write_baseline))}",
            file=sys.stderr,
        )
        return ExitCode.ERROR if errors else ExitCode.OK
    if recorded is not None:
        from factlint.baseline import apply_baseline

        outcome = apply_baseline(findings, recorded, _baseline_root(config, args.baseline))
        findings = outcome.new
        if outcome.stale:
            entries = plural(outcome.stale, "baseline entry", "baseline entries")
            print(
                f"factlint: note: {entries} no longer"
                f" {'matches' if outcome.stale == 1 else 'match'} any finding;"
                f" refresh it with --write-baseline {args.baseline}",
                file=sys.stderr,
            )
    if args.fix or args.diff:
        stdin = {s.display for s in sources if s.read_from == engine.STDIN}
        fixed = _apply_fixes(args, findings, result.documents, errors, stdin)
        if args.diff:
            if errors:
                return ExitCode.ERROR
            return ExitCode.FINDINGS if fixed and not args.exit_zero else ExitCode.OK
        findings = [f for f in findings if f not in fixed]

    fail_on = Severity.parse(args.fail_on) if args.fail_on else config.fail_on
    # With --fix on standard input, standard output carries the fixed text.
    stream = sys.stderr if args.fix and any(s.read_from == engine.STDIN for s in sources) else None
    if args.statistics:
        _write(args.output, _statistics(findings), stream)
    else:
        report = _build_report(
            args, registry, result, findings, errors, fail_on, wants_facts, config.root
        )
        _write(args.output, registry.reporters[args.format](report), stream)
    if errors:
        return ExitCode.ERROR
    if any(f.severity >= fail_on for f in findings) and not args.exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.OK


def _nothing_to_check(paths: list[str], errors: list[str], registry: Any, config: Any) -> int:
    """No file to check: a wrong path, or folders holding no story factlint reads."""
    for line in errors:
        print(f"factlint: error: {clean(line)}", file=sys.stderr)
    if errors:
        return ExitCode.ERROR
    if config.exclude and all(os.path.isfile(p) for p in paths):
        # pre-commit passing only files the config excludes: nothing to do.
        print("factlint: note: every file given is excluded; nothing to check", file=sys.stderr)
        return ExitCode.OK
    suffixes = ", ".join(dict.fromkeys(registry.suffixes))
    where = ", ".join(clean_path(p) for p in paths)
    print(
        f"factlint: error: no files to check in {where}"
        f" (factlint reads {suffixes}; name a file to check it whatever its suffix)",
        file=sys.stderr,
    )
    return ExitCode.ERROR


def _baseline_root(config: Any, baseline: Path) -> Path:
    """Where baseline paths count from: the project root (the config file's
    folder), else the baseline file's own folder, never the working directory."""
    return config.root if config.path is not None else baseline.absolute().parent


def _build_report(
    args: argparse.Namespace,
    registry: Any,
    result: Any,
    findings: list[Any],
    errors: list[str],
    fail_on: Any,
    wants_facts: bool,
    root: Path,
) -> Any:
    from factlint.report import Report, RuleInfo

    shown = {r.code for r in result.rules} | {f.code for f in findings}
    rules = {
        code: RuleInfo(code, r.name, r.severity, r.summary(), r.doc(), r.default_enabled, r.fixable)
        for code, r in registry.rules.items()
        if code in shown
    }
    from factlint.sanitize import clean_report

    return clean_report(
        Report(
            findings=tuple(findings),
            rules=rules,
            files=tuple(d.path for d, _ in result.checked()),
            errors=tuple(errors),
            notices=tuple(result.notices),
            version=__version__,
            fail_on=fail_on,
            color=_use_color(args.color, args.output),
            texts=_texts_shown(findings, result.texts()),
            root=str(root),
            facts={d.path: f.to_dict() for d, f in result.checked()} if wants_facts else {},
        )
    )


def _texts_shown(findings: list[Any], texts: Any) -> dict[str, str]:
    """The texts a report may show: those of the findings' files and related
    places (not every document's, which a large run keeps on disk)."""
    paths = {f.location.path for f in findings}
    paths.update(r.location.path for f in findings for r in f.related)
    return {p: texts[p] for p in sorted(paths) if p in texts}


def _apply_fixes(
    args: argparse.Namespace,
    findings: list[Any],
    documents: list[Any],
    errors: list[str],
    stdin: set[str],
) -> list[Any]:
    """Show (--diff) or write (--fix) the safe fixes; return the findings fixed.

    A document read from standard input (named in ``stdin``) is never written
    to a file: ``--fix`` prints its text, fixed, to standard output.
    """
    from factlint.fixes import FileChangedError, plan_fixes, unified_diff, write_atomically
    from factlint.report import plural

    plan = plan_fixes(findings, documents)
    if args.diff:
        sys.stdout.write(unified_diff(plan, documents))
        return plan.fixed
    written: set[str] = set()
    for document in documents:
        if document.path in stdin:
            text = plan.texts.get(document.path, document.text)
            sys.stdout.write(("\ufeff" if document.bom else "") + text)
            sys.stdout.flush()
            written.add(document.path)
    by_path = {d.path: d for d in documents}
    for path, new_text in sorted(plan.texts.items()):
        if path in stdin:
            continue
        try:
            write_atomically(by_path[path], new_text)
            written.add(path)
        except FileChangedError as exc:
            errors.append(str(exc))
            print(f"factlint: error: {clean(str(exc))}", file=sys.stderr)
        except OSError as exc:
            errors.append(f"{path}: cannot write fix: {exc.strerror or exc}")
            print(f"factlint: error: {clean(errors[-1])}", file=sys.stderr)
    fixed = [f for f in plan.fixed if f.location.path in written]
    if fixed:
        changed = len({f.location.path for f in fixed})
        print(
            f"factlint: fixed {plural(len(fixed), 'finding')} in {plural(changed, 'file')}",
            file=sys.stderr,
        )
    return fixed


def _statistics(findings: list[Any]) -> str:
    from factlint.report import plural

    counts: dict[tuple[str, str], int] = {}
    for f in findings:
        counts[(f.code, f.rule)] = counts.get((f.code, f.rule), 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code}  {rule}" for (code, rule), n in rows]
    lines.append(f"{plural(len(findings), 'finding')} in all")
    return "\n".join(lines) + "\n"


class _Progress:
    """``checked 120/19043 files`` on a terminal's stderr, after the first second.

    Never in CI logs (``CI`` set), never when stderr is not a terminal, and
    never with machine-readable formats.
    """

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._shown = False
        self._last = 0.0

    @classmethod
    def maybe(cls, args: argparse.Namespace) -> _Progress | None:
        human = args.command == "check" and args.format in ("text", "concise")
        if not human or os.environ.get("CI") or not sys.stderr.isatty():
            return None
        return cls()

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if now - self._start < 1.0 or (now - self._last < 0.1 and done != total):
            return
        self._last = now
        self._shown = True
        sys.stderr.write(f"\rfactlint: checked {done}/{total} files")
        sys.stderr.flush()

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _use_color(choice: str, output: Path | None) -> bool:
    if choice != "auto":
        return choice == "always"
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _write(output: Path | None, text: str, stream: typing.TextIO | None = None) -> None:
    if output is None:
        stream = stream or sys.stdout
        stream.write(text)
        stream.flush()
        return
    try:
        from factlint.fixes import write_file_atomically

        write_file_atomically(str(output), text.encode("utf-8"))
    except OSError as exc:
        raise FatalError(f"{output}: cannot write report: {exc.strerror or exc}") from None
