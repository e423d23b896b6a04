"""``kg query`` as a new user meets it: no wrong answer with exit 0 (issue 17, item 8)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main


def _query(built, *args: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["query", *args, "--store", str(built["store"])])


def test_an_undeclared_parameter_is_an_error_not_a_column_overwritten(built) -> None:
    result = _query(built, "standards_counts", "--param", "year=2017")
    assert result.exit_code == 1
    assert "declares no parameter year; it takes level, subject" in result.output


def test_awards_year_and_grade_filter(built) -> None:
    everything = json.loads(_query(built, "awards", "--format", "json").output)
    year = next(row["year"] for row in everything if row["year"] is not None)
    result = _query(built, "awards", "--param", f"year={year}", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [row for row in everything if row["year"] == year]


def test_an_update_is_refused_with_a_reason(built) -> None:
    update = "PREFIX kg: <https://w3id.org/kg/ontology#>\n# a comment\nDELETE WHERE { ?s kg:reportId ?o }"
    result = _query(built, "-e", update)
    assert result.exit_code == 1 and "read-only here" in result.output
    assert len(json.loads(_query(built, "awards", "--format", "json").output)) > 50  # nothing deleted


def test_a_parse_error_names_line_and_column(built) -> None:
    result = _query(built, "-e", "SELECT ?x WHERE {\n  ?x ?y\n}")
    assert result.exit_code == 1 and "error at 3:" in result.output


def test_max_width_cuts_wide_cells(built) -> None:
    wide = _query(built, "sources", "--max-width", "0")
    cut = _query(built, "sources", "--max-width", "12")
    assert wide.exit_code == 0 and cut.exit_code == 0
    assert max(map(len, cut.output.splitlines())) < max(map(len, wide.output.splitlines()))
    assert "…" in cut.output
