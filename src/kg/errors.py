"""Errors: one hierarchy for the whole package.

The library raises these; only the CLI prints them (one line, non-zero exit code).
"""

from __future__ import annotations


class KgError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class ReportError(KgError):
    """A report cannot be read: missing, empty, binary, undecodable."""

    exit_code = 2


class PatternError(KgError):
    """A data file of patterns, lexicons or triggers is malformed."""


class QueryError(KgError):
    """A SPARQL query is unknown, malformed, or its parameters are wrong."""


class StoreError(KgError):
    """The graph store cannot be opened, read or written."""


class OntologyError(KgError):
    """The graph does not conform to the ontology's shapes."""


class EvalError(KgError):
    """A gold or prediction file, or one of its reports, does not follow the contract's format."""
