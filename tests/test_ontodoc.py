"""``kg ontology-doc``: one offline HTML page with every term of kg.ttl, both labels, alignments."""

from __future__ import annotations

import html
import re
from pathlib import Path

from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS

from kg.cli import main
from kg.validate import load_ontology

KG = "https://w3id.org/kg/ontology#"


def test_ontology_doc_lists_every_term_with_both_labels_and_alignments(tmp_path: Path) -> None:
    out = tmp_path / "ontology.html"
    result = CliRunner().invoke(main, ["ontology-doc", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = html.unescape(out.read_text(encoding="utf-8"))
    graph = load_ontology()
    terms = [t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in graph.subjects(RDF.type, kind) if str(t).startswith(KG)]
    assert len(terms) > 30
    for term in terms:
        local = str(term)[len(KG):]
        row = re.search(rf'<tr id="{re.escape(local)}">(.*?)</tr>', page, re.S)
        assert row, local
        for label in graph.objects(term, RDFS.label):
            assert str(label) in row.group(1), (local, str(label))
    for aligned in ("org:Organization", "schema:award", "prov:Entity", "schema:Person"):
        assert aligned in page
    assert "<script" not in page and not re.search(r'(src|href)="https?:', page)  # loads nothing
