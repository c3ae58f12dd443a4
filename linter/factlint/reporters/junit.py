"""JUnit XML: one test suite per checked story, one test case per finding.

CI systems that show test reports (GitLab, Jenkins, Azure) then list every
finding as a failed test named after its code and place, and every story
factlint found nothing in as one passed test (``no findings``). Each test
case holds at most one ``<failure>`` or ``<error>``, so the counts add up:
``tests`` = passed + ``failures`` + ``errors``, in each suite and in all.
An input error (a file that cannot be read) is a suite of one test case
with an ``<error>``. This is ruff's layout.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from factlint.findings import Finding
from factlint.report import Report


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=name)


def _count(element: ET.Element, tests: int, failures: int, errors: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))


def _failure(case: ET.Element, path: str, f: Finding) -> None:
    failure = ET.SubElement(
        case, "failure", type=f.code, message=f"{f.code} [{f.rule}] {f.message}"
    )
    lines = [f"{path}:{f.location.line}:{f.location.column}: {f.code} {f.message}"]
    lines += [
        f"    {r.location.path}:{r.location.line}:{r.location.column}: {r.message}"
        for r in f.related
    ]
    failure.text = "\n".join(lines)


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.location.path].append(finding)
    suites = ET.Element("testsuites", name="factlint")
    total = [0, 0, 0]  # tests, failures, errors
    for path in report.files:
        suite = _suite(suites, path)
        findings = by_file.get(path, [])
        for f in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{f.code} [{f.rule}] line {f.location.line}, column {f.location.column}",
                file=path,
            )
            _failure(case, path, f)
        if not findings:
            ET.SubElement(suite, "testcase", classname=path, name="no findings", file=path)
        counts = (max(1, len(findings)), len(findings), 0)
        _count(suite, *counts)
        total = [a + b for a, b in zip(total, counts, strict=True)]
    for error in report.errors:
        name = error.split(": ", 1)[0]
        suite = _suite(suites, name)
        case = ET.SubElement(suite, "testcase", classname=name, name="read and check")
        ET.SubElement(case, "error", type="input-error", message=error).text = error
        _count(suite, 1, 0, 1)
        total = [total[0] + 1, total[1], total[2] + 1]
    _count(suites, *total)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
