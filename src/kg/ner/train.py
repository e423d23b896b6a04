"""NER training: build the character-level NER model from UNER (and optional seed gold).

Owns: ``train``: turning the training data into ``DocBin``s, running spaCy's training loop with
the config kept at ``kg/data/ner/config.cfg`` (CPU, fixed seed), picking the best checkpoint on
the dev file, and writing the model with a ``meta.json`` that records the figures, the data
sources and the licence (CC BY-SA 4.0, as the UNER data it is derived from).
Hands on: a model directory that ``kg.ner.model.load`` reads, and a dict of figures.
Must not: train or select on a test file (``eval_files`` are only scored and recorded).
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_nlp
from spacy.util import load_config

from .. import __version__
from ..errors import KgError
from . import features  # noqa: F401  (registers kg.CharNgramEmbed.v1)
from .data import (
    CHECK_DOC_PREFIXES,
    GSDSIMP_DEV,
    GSDSIMP_TRAIN,
    TUNING_DOC_IDS,
    blank_nlp,
    extra_examples,
    iob2_docs,
    make_doc,
    read_iob2,
    replace_mentions,
    write_docbin,
)
from .evaluate import evaluate

LICENSE = "CC BY-SA 4.0"
SOURCES = [
    {
        "name": "UNER Chinese-GSDSIMP (Universal NER v1)",
        "url": "https://github.com/UniversalNER/UNER_Chinese-GSDSIMP",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al., 'Universal NER: A Gold-Standard Multilingual Named Entity "
        "Recognition Benchmark', NAACL 2024",
    },
    {
        "name": "UD Chinese-GSDSimp (text and word segmentation under the UNER labels)",
        "url": "https://github.com/UniversalDependencies/UD_Chinese-GSDSimp",
        "license": "CC BY-SA 4.0",
        "author": "Universal Dependencies contributors",
    },
]


#: the real reports' development gold as a training source: the annotations are the project's,
#: the report texts third-party (news and government pages, ../shared/corpus, not redistributed);
#: the model holds weights learned from them, no text, and keeps UNER's CC BY-SA 4.0
REAL_GOLD_SOURCE = {
    "name": "kg real-report gold, development split (tests/gold/real-dev.jsonl)",
    "license": "annotations: project data; report texts: third-party, read at training time from "
    "../shared/corpus and not redistributed (the model holds no text)",
    "author": "kg",
}
#: the locked held-out split: never trained on
HELDOUT_IDS = Path(__file__).resolve().parents[3] / "tests" / "gold" / "real-heldout.ids"


def real_gold_ids(path: str | Path) -> list[str]:
    """The report ids of a real-report gold file, refusing any of the locked held-out split."""
    ids = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                ids.append(json.loads(line)["doc"])
    locked = set(HELDOUT_IDS.read_text(encoding="utf-8").split()) if HELDOUT_IDS.is_file() else set()
    bad = sorted(set(ids) & locked)
    if bad:
        raise KgError(f"{path}: {', '.join(bad[:5])}{' ...' if len(bad) > 5 else ''}: held-out reports must not be used for training.")
    return ids


def default_config_path() -> Path:
    """The training config kept in the package (``kg/data/ner/config.cfg``)."""
    return Path(str(resources.files("kg") / "data" / "ner" / "config.cfg"))


def train(
    out_dir: str | Path,
    *,
    seed: int = 0,
    train_files: Sequence[str | Path] = (GSDSIMP_TRAIN,),
    dev_file: str | Path = GSDSIMP_DEV,
    max_steps: int | None = None,
    max_epochs: int | None = None,
    limit: int | None = None,
    gold_path: str | Path | None = None,
    gold_doc_ids: Sequence[str] = TUNING_DOC_IDS,
    reports_dir: str | Path | None = None,
    gold_repeat: int = 2,
    augment: int = 0,
    eval_files: Mapping[str, str | Path] | None = None,
    real_gold_path: str | Path | None = None,
    real_reports_dir: str | Path | None = None,
    real_repeat: int = 2,
    config_path: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    quiet: bool = False,
) -> dict:
    """Train the NER model into ``out_dir`` and return the figures recorded in its meta.json.

    ``train_files`` are UNER ``.iob2`` files (Simplified), ``dev_file`` selects the best
    checkpoint. ``gold_path`` adds the seed gold of ``gold_doc_ids`` (tuning split only; the
    report texts are read from ``reports_dir``), repeated ``gold_repeat`` times; without it the
    model is trained on UNER only. ``augment`` adds that many mention-replaced copies of each
    UNER sentence with entities (``data.replace_mentions``; measured, not shipped: 1 copy gave dev
    0.523 / gsdsimp test 0.528 / pud 0.541, 3 copies 0.508 / 0.534 / 0.533, against 0.528 / 0.540 /
    0.512 without). ``limit`` keeps the first ``limit`` training and dev
    sentences and trains a few steps only (for tests). ``eval_files`` (name -> ``.iob2``) are
    scored after training and recorded, never used for selection. ``real_gold_path`` adds every
    report of a real-report gold file (``tests/gold/real-dev.jsonl``; texts from
    ``real_reports_dir``), repeated ``real_repeat`` times; a report of the locked held-out split
    (``tests/gold/real-heldout.ids``) is refused. ``overrides`` are spaCy
    config overrides (``{"components.tok2vec.model.encode.width": 96}``). Progress goes to
    stderr unless ``quiet``.
    """
    out_dir = Path(out_dir)
    config_path = Path(config_path) if config_path is not None else default_config_path()
    log = io.StringIO() if quiet else sys.stderr
    nlp_blank = blank_nlp()
    started = time.perf_counter()

    train_docs = []
    uner_sentences = []
    for path in train_files:
        uner_sentences.extend(read_iob2(path, simplify=True))
    train_docs = [make_doc(sentence, nlp=nlp_blank) for sentence in uner_sentences]
    n_uner = len(train_docs)
    if augment:
        extra = replace_mentions(uner_sentences, copies=augment, seed=seed)
        train_docs.extend(make_doc(sentence, nlp=nlp_blank) for sentence in extra)
    n_gold = 0
    if gold_path is not None:
        if reports_dir is None:
            raise KgError("train: gold_path needs reports_dir (the directory of the seed reports).")
        gold_docs = extra_examples(gold_path, gold_doc_ids, reports_dir=reports_dir, nlp=nlp_blank)
        n_gold = len(gold_docs)
        train_docs.extend(gold_docs * gold_repeat)
    n_real = 0
    real_ids: list[str] = []
    if real_gold_path is not None:
        if real_reports_dir is None:
            raise KgError("train: real_gold_path needs real_reports_dir (the folder of the real reports).")
        real_ids = real_gold_ids(real_gold_path)
        real_docs = extra_examples(real_gold_path, real_ids, reports_dir=real_reports_dir, nlp=nlp_blank)
        n_real = len(real_docs)
        train_docs.extend(real_docs * real_repeat)
    dev_docs = iob2_docs(dev_file, nlp=nlp_blank)
    if limit is not None:
        train_docs, dev_docs = train_docs[:limit], dev_docs[: max(1, limit // 2)]

    settings: dict[str, Any] = {"system.seed": seed, "training.seed": seed}
    if limit is not None:
        settings.update({"training.max_steps": 10, "training.eval_frequency": 5, "nlp.batch_size": 32})
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    if max_epochs is not None:
        settings["training.max_epochs"] = max_epochs
    settings.update(overrides or {})

    with tempfile.TemporaryDirectory(prefix="kg-ner-") as tmp:
        work = Path(tmp)
        write_docbin(train_docs, work / "train.spacy")
        write_docbin(dev_docs, work / "dev.spacy")
        settings.update({"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")})
        config = load_config(config_path, overrides=settings, interpolate=False)
        nlp = init_nlp(config, use_gpu=-1)
        (work / "output").mkdir()
        train_nlp(nlp, work / "output", use_gpu=-1, stdout=log, stderr=log)
        seconds = round(time.perf_counter() - started, 1)
        best = work / "output" / "model-best"
        if not best.is_dir():  # no evaluation happened (e.g. max_steps below eval_frequency)
            best = work / "output" / "model-last"
        model = spacy.load(best)
        dev = evaluate(dev_file, model=model) if limit is None else None
        evaluations = {name: evaluate(path, model=model) for name, path in (eval_files or {}).items()}
        figures = {
            "seed": seed,
            "seconds": seconds,
            "train_sentences": {
                "uner": n_uner if limit is None else min(limit, n_uner),
                "seed_gold": n_gold,
                "real_gold": n_real,
            },
            "train_files": [str(p) for p in train_files],
            "dev_file": str(dev_file),
            "augment": augment,
            "seed_gold": (
                {"path": str(gold_path), "doc_ids": list(gold_doc_ids), "repeat": gold_repeat}
                if gold_path is not None
                else None
            ),
            "real_gold": (
                {"path": str(real_gold_path), "reports": len(real_ids), "repeat": real_repeat}
                if real_gold_path is not None
                else None
            ),
            "limit": limit,
            "overrides": {k: v for k, v in settings.items() if not k.startswith("paths.")},
            "dev": dev,
            "eval": evaluations,
        }
        _finish_meta(model, figures)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        model.to_disk(out_dir)
    return figures


def _finish_meta(model: spacy.language.Language, figures: dict) -> None:
    meta = model.meta
    meta.update(
        {
            "name": "kg_ner_zh",
            "version": __version__,
            "description": "Character-level Chinese NER (PER, LOC, ORG) for kg, trained on UNER "
            "Chinese-GSDSIMP" + (" and the seed gold tuning split" if figures["seed_gold"] else "")
            + (" and the real-report development gold" if figures.get("real_gold") else "") + ".",
            "license": LICENSE,
            "sources": SOURCES
            + (
                [{"name": "kg seed gold (tuning split)", "license": "project data", "author": "kg"}]
                if figures["seed_gold"]
                else []
            )
            + ([REAL_GOLD_SOURCE] if figures.get("real_gold") else []),
            "kg_training": figures,
            "kg_check_split_excluded": list(CHECK_DOC_PREFIXES),
        }
    )
