"""JUnit XML: one test case per checked file, one failure per finding.

CI systems that show test reports (GitLab, Jenkins, Azure) list each story
as a test that passes when factlint finds nothing in it. Input errors are
``<error>`` elements of a test case named after the file.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from factlint.findings import Finding
from factlint.report import Report


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.location.path].append(finding)
    suites = ET.Element("testsuites", name="factlint")
    suite = ET.SubElement(suites, "testsuite", name="factlint")
    failures = errors = tests = 0
    for path in report.files:
        tests += 1
        case = ET.SubElement(suite, "testcase", classname="factlint", name=path, file=path)
        for f in by_file.get(path, []):
            failures += 1
            failure = ET.SubElement(
                case, "failure", type=f.code, message=f"{f.code} [{f.rule}] {f.message}"
            )
            lines = [f"{path}:{f.location.line}:{f.location.column}: {f.code} {f.message}"]
            lines += [
                f"    {r.location.path}:{r.location.line}:{r.location.column}: {r.message}"
                for r in f.related
            ]
            failure.text = "\n".join(lines)
    for error in report.errors:
        tests += 1
        errors += 1
        name = error.split(": ", 1)[0]
        case = ET.SubElement(suite, "testcase", classname="factlint", name=name)
        ET.SubElement(case, "error", type="input-error", message=error).text = error
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
