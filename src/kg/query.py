"""Query: named SPARQL queries and their parameters.

Owns: finding a query by name (a ``.rq`` file of the repository's ``queries/``, shipped inside
the package as ``kg/data/queries``) or by path, reading the comment block that documents it (and
the parameters it declares: binding any other is an error), parsing ``KEY=VALUE`` parameters into
values the store binds as RDF literals, and telling a SPARQL Update from a query. Must not: paste a
parameter into query text (the store binds it), or run queries itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import QueryError
from .resources import data_path

NAME_RE = re.compile(r"^[A-Za-z0-9_\-]+$")


def query_names() -> list[str]:
    folder = data_path("queries")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def load_query(name_or_path: str, *, portable: bool = False) -> str:
    """The text of a named query (``awards``) or of a ``.rq`` file.

    ``portable``: a named query's plain SPARQL 1.1 text (``queries/portable/``), for any triple
    store; the default text is written for kg's own store (Oxigraph, with its names graph)."""
    path = Path(name_or_path)
    if path.suffix == ".rq" or "/" in name_or_path:
        if not path.is_file():
            raise QueryError(f"{name_or_path}: no such query file.")
        return path.read_text(encoding="utf-8")
    if not NAME_RE.match(name_or_path) or name_or_path not in query_names():
        raise QueryError(f"unknown query {name_or_path!r}; named queries: {', '.join(query_names())}.")
    if portable:
        return data_path("queries", "portable", f"{name_or_path}.rq").read_text(encoding="utf-8")
    return data_path("queries", f"{name_or_path}.rq").read_text(encoding="utf-8")


def declared_params(text: str) -> list[str]:
    """The parameters a query's comment block declares (``#   --param KEY=example  what it does``)."""
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    return sorted(set(re.findall(r"--param\s+([A-Za-z_][A-Za-z0-9_]*)=", comments)))


def check_params(name: str, text: str, bindings: dict[str, str | int]) -> None:
    """Refuse a parameter the named query (or ``.rq`` file) does not declare in its header.

    Binding an undeclared variable does not filter: it overwrites a column (``awards --param
    year=2017`` would write 2017 into every row), so it is an error, not a wrong answer.
    """
    declared = declared_params(text)
    unknown = sorted(set(bindings) - set(declared))
    if unknown:
        takes = f"it takes {', '.join(declared)}" if declared else "it takes no parameter"
        raise QueryError(
            f"query {name} declares no parameter {', '.join(unknown)}; {takes} "
            f"(see the comment at the top of the query, or 'kg query --list')."
        )


def describe_queries() -> list[dict[str, str]]:
    """Each named query with the first line of its comment and the parameters it takes."""
    rows = []
    for name in query_names():
        text = load_query(name)
        comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
        rows.append({"name": name, "answers": comments[0] if comments else "", "params": ", ".join(declared_params(text))})
    return rows


def parse_params(params: tuple[str, ...] | list[str]) -> dict[str, str | int]:
    """``("name=中联重科", "year=2016")`` -> ``{"name": "中联重科", "year": 2016}``.

    Whole numbers become integers (so ``year=2016`` matches ``xsd:integer`` years); everything
    else stays a string literal, whatever characters it holds.
    """
    out: dict[str, str | int] = {}
    for item in params:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
            raise QueryError(f"bad --param {item!r}; write KEY=VALUE, e.g. --param name=中联重科.")
        out[key] = int(value) if re.fullmatch(r"-?\d{1,9}", value.strip()) else value
    return out


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update: its first keyword after comments and PREFIX/BASE
    declarations is INSERT, DELETE, DROP, CLEAR, LOAD, CREATE, ADD, MOVE, COPY or WITH."""
    text = re.sub(r"<[^<>\s]*>", "<>", sparql)  # IRIs first: a # in an IRI starts no comment
    text = re.sub(r"#[^\n]*", " ", text)
    text = re.sub(r"(?is)^\s*((PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", text)
    return re.match(r"(?i)\s*(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b", text) is not None
