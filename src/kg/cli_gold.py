"""CLI: ``kg gold``, the commands that write and check gold for real reports.

Owns: ``kg gold anchor`` (annotators' drafts to contract gold with evidence spans) and ``kg gold
check`` (the validator every gold file passes). The logic is in :mod:`kg.gold`; this module parses
options and prints. Report texts are read from the corpus folder at run time and never written.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .errors import KgError

DEFAULT_CORPUS = "../shared/corpus/docs"


def _report_text(corpus: str, doc: str) -> str:
    path = Path(corpus) / f"{doc}.txt"
    if not path.is_file():
        raise KgError(f"{path}: no such report. Is --corpus the folder of the real reports?")
    return path.read_text(encoding="utf-8-sig")


@click.group("gold")
def gold_group() -> None:
    """Write and check gold annotations of real reports (ids, offsets, names, labels; no text).

    \b
    Example:
        kg gold anchor drafts/*.json --out tests/gold/real-dev.jsonl
        kg gold check tests/gold/real-dev.jsonl
    """


@gold_group.command("anchor")
@click.argument("drafts", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", default=DEFAULT_CORPUS, show_default=True, type=click.Path(file_okay=False), help="Folder of the report texts.")
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write the gold here (JSON Lines); default: standard output.")
def anchor(drafts: tuple[str, ...], corpus: str, out: str | None) -> None:
    """Turn drafts (one JSON object per file, evidence quoted) into gold with evidence spans.

    A draft is a report in the contract's shape whose relations quote their evidence; the quote
    becomes [start, end] into the report and mentions are found from the names. Problems are
    listed per draft and the command exits 1 if any; nothing is written then.

    \b
    Example:
        kg gold anchor /tmp/drafts/real-0*.json --out /tmp/dev-part.jsonl
    """
    from .gold import anchor_report

    lines, failed = [], 0
    for path in drafts:
        try:
            draft = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            click.echo(f"{path}: not JSON ({exc})", err=True)
            failed += 1
            continue
        gold, problems = anchor_report(draft, _report_text(corpus, draft.get("doc", "")))
        for problem in problems:
            click.echo(f"{path}: {problem}", err=True)
        failed += bool(problems)
        lines.append(json.dumps(gold, ensure_ascii=False))
    if failed:
        raise KgError(f"{failed} of {len(drafts)} draft(s) have problems; nothing written.")
    text = "\n".join(lines) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {len(lines)} report(s) to {out}.", err=True)
    else:
        click.echo(text, nl=False)


@gold_group.command("check")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", default=DEFAULT_CORPUS, show_default=True, type=click.Path(file_okay=False), help="Folder of the report texts.")
def check(gold: str, corpus: str) -> None:
    """Validate a gold file against the report texts; exit 1 listing every problem.

    Checks types and predicates, subject and object types, qualifiers, names found in the text,
    mentions, evidence spans, duplicate triples. Prints only counts when all is well.

    \b
    Example:
        kg gold check tests/gold/real-dev.jsonl --corpus ../shared/corpus/docs
    """
    from .eval import load_jsonl
    from .gold import check_report

    reports = load_jsonl(gold)
    bad = 0
    for doc, report in reports.items():
        for problem in check_report(report, _report_text(corpus, doc)):
            click.echo(f"{doc}: {problem}", err=True)
            bad += 1
    n_ent = sum(len(r.get("entities") or []) for r in reports.values())
    n_rel = sum(len(r.get("relations") or []) for r in reports.values())
    if bad:
        raise KgError(f"{bad} problem(s) in {gold}.")
    click.echo(f"{gold}: {len(reports)} report(s), {n_ent} entities, {n_rel} relations; all checks pass.")
