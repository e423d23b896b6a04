"""CLI: ``kg train`` and ``kg ner``, the commands of kg's statistical models.

Owns: ``kg train ner`` (the NER model from UNER and the real development gold), ``kg train
relations`` (the relation scorer) and ``kg ner evaluate``. The training and scoring logic is in
:mod:`kg.ner` and :mod:`kg.nlp.relations.scorer`; this module parses options and prints.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import KgError


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """``kg.cli``'s error handling, looked up when a command runs: kg.cli imports this module
    while it loads (and runs as ``__main__`` under ``python -m kg.cli``), so not at import time."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from . import cli

        return cli._handle_errors(func)(*args, **kwargs)

    return wrapper


@click.group("train")
def train_group() -> None:
    """Train kg's statistical models (see 'kg train ner --help').

    \b
    Example:
        kg train ner --out build/ner-model --seed 0
    """


@train_group.command("ner")
@click.option("--out", "out_dir", default="build/ner-model", show_default=True, type=click.Path(file_okay=False),
              help="Directory to write the model to (replaced if it exists).")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed; the same seed gives the same model.")
@click.option("--gold", default="tests/gold/seeds.jsonl", show_default=True, type=click.Path(dir_okay=False),
              help="Seed gold whose tuning-split reports (000, 001, 003) are added as in-domain examples.")
@click.option("--reports", "reports_dir", default="seeds", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the seed reports named in --gold.")
@click.option("--no-gold", is_flag=True, help="Train on UNER only.")
@click.option("--real-gold", type=click.Path(dir_okay=False), default=None,
              help="Also train on every report of this real-report gold (tests/gold/real-dev.jsonl); held-out reports are refused.")
@click.option("--real-reports", default="../shared/corpus/docs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the real reports named in --real-gold.")
@click.option("--limit", type=int, default=None, help="Keep only the first N training sentences and run a few steps (smoke test).")
@click.option("--quiet", is_flag=True, help="No training log on stderr.")
@_handle_errors
def train_ner(out_dir: str, seed: int, gold: str, reports_dir: str, no_gold: bool, real_gold: str | None, real_reports: str, limit: int | None, quiet: bool) -> None:
    """Train the character-level Chinese NER model (PER, LOC, ORG) into --out.

    Trains on UNER Chinese-GSDSIMP train (best checkpoint chosen on its dev file), plus the
    tuning split of the seed gold, with the config kept in kg/data/ner/config.cfg (CPU, about
    20 minutes on 2 cores). The UNER files are read from $KG_UNER_DIR (default
    ../shared/data beside the clone). With --real-gold, every report of that real-report gold is
    added too (the shipped model: --real-gold tests/gold/real-dev.jsonl). The model's meta.json
    records the figures on UNER Chinese-GSDSIMP test and Chinese-PUD test, the data sources and
    the licence (CC BY-SA 4.0). To ship it, copy the directory to src/kg/data/ner/model.

    \b
    Example:
        kg train ner --out build/ner-model --seed 0
        kg train ner --out build/ner-model --real-gold tests/gold/real-dev.jsonl
        kg ner evaluate ../shared/data/uner-zh-pud/zh_pud-ud-test.iob2 --model build/ner-model
    """
    from .ner.data import GSDSIMP_TEST, PUD_TEST
    from .ner.train import train

    kwargs: dict[str, Any] = {}
    if not no_gold:
        if not Path(gold).is_file():
            raise KgError(f"{gold}: no such file. Pass the seed gold with --gold, or train on UNER only with --no-gold.")
        kwargs.update(gold_path=gold, reports_dir=reports_dir)
    if real_gold is not None:
        if not Path(real_gold).is_file():
            raise KgError(f"{real_gold}: no such file. Pass a real-report gold JSONL with --real-gold.")
        kwargs.update(real_gold_path=real_gold, real_reports_dir=real_reports)
    evals = {name: path for name, path in (("gsdsimp_test", GSDSIMP_TEST), ("pud_test", PUD_TEST)) if path.is_file()}
    figures = train(out_dir, seed=seed, limit=limit, eval_files=evals if limit is None else None, quiet=quiet, **kwargs)
    click.echo(f"Trained the NER model into {out_dir} in {figures['seconds']:.0f} s (seed {seed}).")
    for name, result in [("dev", figures.get("dev")), *figures.get("eval", {}).items()]:
        if result:
            o = result["overall"]
            click.echo(f"{name:<13} P {o['p']:.3f}  R {o['r']:.3f}  F1 {o['f1']:.3f}")


@train_group.command("relations")
@click.option("--gold", default="tests/gold/real-dev.jsonl", show_default=True, type=click.Path(dir_okay=False),
              help="Gold relations to learn from (never the held-out split).")
@click.option("--reports", "reports_dir", default="../shared/corpus/docs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the reports the gold names (<doc>.txt).")
@click.option("--out", default="build/relation-scorer.json", show_default=True, type=click.Path(dir_okay=False),
              help="Model file to write; copy it to src/kg/data/relations/scorer.json to ship it.")
@click.option("--limit", type=int, default=None, help="Use only the first N gold reports (smoke test).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@_handle_errors
def train_relations(gold: str, reports_dir: str, out: str, limit: int | None, quiet: bool) -> None:
    """Train the relation scorer: a logistic regression over candidate pairs in a sentence.

    Runs the rules over the gold's reports, labels every candidate pair of compatible types in a
    sentence by the gold (the rules' own pairs included), cross-validates by report (five folds)
    and chooses per predicate the threshold whose out-of-fold additions to the rules gain most,
    right minus wrong, adding ten pairs or more (else the predicate stays off), fits on all and writes
    the model with its cross-validated figures. Needs scikit-learn (pip install 'kg[train]').

    \b
    Example:
        kg train relations --gold tests/gold/real-dev.jsonl --reports ../shared/corpus/docs --out build/scorer.json
    """
    try:
        import sklearn  # noqa: F401
    except ImportError as err:
        raise KgError("training needs scikit-learn: pip install 'kg[train]' (or pip install scikit-learn)") from err
    from .nlp.relations.training import train_scorer

    if not Path(gold).is_file():
        raise KgError(f"{gold}: no such gold file")
    if not Path(reports_dir).is_dir():
        raise KgError(f"{reports_dir}: no such folder of reports")
    if limit is not None:
        import tempfile

        lines = [line for line in Path(gold).read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
        with tempfile.TemporaryDirectory() as tmp:
            # a fixed name: the model file records it, and the same options give the same file
            gold_path = Path(tmp) / f"{Path(gold).stem}-first{limit}.jsonl"
            gold_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            model = train_scorer(gold_path, reports_dir, out, folds=5 if limit >= 25 else 2, progress=not quiet)
    else:
        model = train_scorer(gold, reports_dir, out, folds=5, progress=not quiet)
    click.echo(f"Trained the relation scorer into {out} in {model['trained']['seconds']:.0f} s "
               f"({model['trained']['candidates']} candidates from {model['trained']['reports']} reports).")
    for pred, m in model["predicates"].items():
        cv = m["cv"]
        click.echo(f"{pred:<14} threshold {m['threshold']:.3f}  cross-validated F1 {cv['f1_rules']:.3f} -> {cv['f1_with_scorer']:.3f} "
                   f"({cv['added_right']} of {cv['added']} added pairs right; alone P {cv['alone']['p']:.2f} R {cv['alone']['r']:.2f})")


@click.group("ner")
def ner_group() -> None:
    """The statistical NER model shipped with kg (see 'kg ner evaluate --help').

    \b
    Example:
        kg ner evaluate ../shared/data/uner-zh-pud/zh_pud-ud-test.iob2
    """


@ner_group.command("evaluate")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--model", "model_dir", type=click.Path(file_okay=False), help="A model directory (default: the shipped model).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_handle_errors
def ner_evaluate(file: str, model_dir: str | None, fmt: str) -> None:
    """Score the NER model on a UNER .iob2 FILE by exact span and label (P/R/F1 per label).

    Traditional text (UNER Chinese-PUD) is converted to Simplified before prediction; the
    offsets do not move. --format json gives {"overall": {"p", "r", "f1", ...},
    "by_label": {"PER": {...}, "LOC": {...}, "ORG": {...}}, "sentences": n}.

    \b
    Example:
        kg ner evaluate ../shared/data/uner-zh-pud/zh_pud-ud-test.iob2
        kg ner evaluate ../shared/data/uner-zh-gsdsimp/zh_gsdsimp-ud-test.iob2 --format json
    """
    from .ner.evaluate import evaluate, format_text

    result = evaluate(file, model=model_dir)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{file}: {result['sentences']} sentences, exact span and label")
        click.echo(format_text(result))
