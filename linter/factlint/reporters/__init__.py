"""Reporters: pure functions from a :class:`~factlint.report.Report` to text."""
