"""Every named query gives, in order, the rows of its plain formulation (queries/portable:
the queries as they were before they were written for Oxigraph's on-disk store), on the seeds'
build and on tests/data/rdf_reports.jsonl, with no parameter and with sampled parameters: names
and aliases of the nodes the rows show, values of the other parameters, and a value that matches
nothing.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Iterator

import pytest

from kg.query import declared_params, load_query, query_names
from kg.rdfmap import map_report
from kg.store import open_store

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "rdf_reports.jsonl"
LABELS = "SELECT DISTINCT ?name WHERE { ?node skos:prefLabel|skos:altLabel ?label BIND(STR(?label) AS ?name) }"
NOTHING = "没有这个名字"


@pytest.fixture(scope="module", params=["seeds", "rdf_reports"])
def store(request: pytest.FixtureRequest, built) -> Iterator[Any]:
    if request.param == "seeds":
        opened = open_store("oxigraph", built["store"])
    else:
        opened = open_store("memory")
        for line in DATA.read_text(encoding="utf-8").splitlines():
            result = json.loads(line)
            opened.add_report(result["doc"], map_report(result))
    yield opened
    opened.close()


def values_to_try(store: Any, name: str, parameter: str, rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> list[Any]:
    rng = random.Random(f"{name}/{parameter}")
    found = sorted({row[columns.index(parameter)] for row in rows if row[columns.index(parameter)] not in (None, "")}, key=repr) \
        if parameter in columns else []
    values = rng.sample(found, min(4, len(found)))
    if parameter == "type":
        values += ["Company", "Institution", "GovernmentAgency", "StandardsBody"]
    elif parameter == "level":
        values += ["national", "industry", "group"]
    elif parameter not in ("year", "grade", "report"):
        labels = sorted(row[0] for row in store.query(LABELS).rows)
        values += rng.sample(labels, min(4, len(labels)))  # names and aliases of any node
    return values + [NOTHING]


@pytest.mark.parametrize("name", query_names())
def test_named_query_gives_the_rows_of_its_plain_formulation(store, name: str) -> None:
    text, reference = load_query(name), load_query(name, portable=True)
    expected = store.query(reference)
    got = store.query(text)
    assert got.columns == expected.columns
    assert got.rows == expected.rows
    for parameter in declared_params(text):
        for value in values_to_try(store, name, parameter, expected.rows, expected.columns):
            bindings = {parameter: value}
            assert store.query(text, bindings).rows == store.query(reference, bindings).rows, bindings


def test_every_named_query_has_its_portable_text_packaged_byte_for_byte() -> None:
    root = HERE.parent
    canonical = sorted((root / "queries" / "portable").glob("*.rq"))
    assert [path.stem for path in canonical] == query_names()
    for path in canonical:
        assert (root / "src" / "kg" / "data" / "queries" / "portable" / path.name).read_bytes() == path.read_bytes()
