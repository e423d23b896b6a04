"""NER model: load the shipped character-level NER pipeline and predict entity spans.

Owns: finding the model (``kg/data/ner/model/`` via ``importlib.resources``, or a path), caching
it, and ``predict``: character offsets ``(start, end, label)`` into the text exactly as given, with
labels ``PER``/``LOC``/``ORG``. Long texts are split into sentences (offsets kept); text is
converted Traditional -> Simplified before prediction only where the conversion keeps lengths.
Hands on: spans for the lead's fusion with the entity rules (mapping labels to kg types is theirs).
Must not: change the text it is given, or download anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import KgError
from . import features  # noqa: F401  (registers kg.CharNgramEmbed.v1 for loading)
from .data import split_sentences, to_simplified

Span = tuple[int, int, str]

_keep_open = ExitStack()  # keeps an extracted resource directory alive (zipped installs)


def shipped_model_path() -> Path:
    """The directory of the model shipped in the package."""
    ref = resources.files("kg") / "data" / "ner" / "model"
    return Path(_keep_open.enter_context(resources.as_file(ref)))


def load(path: str | Path | None = None) -> Language:
    """Load the NER pipeline from ``path`` (default: the shipped model); cached per path."""
    return _load(str(Path(path).resolve()) if path is not None else None)


@lru_cache(maxsize=4)
def _load(path: str | None) -> Language:
    model_dir = Path(path) if path is not None else shipped_model_path()
    if not (model_dir / "config.cfg").is_file():
        hint = "Run 'kg train ner' to build it." if path is None else "Pass a directory written by train()."
        raise KgError(f"{model_dir}: no NER model there. {hint}")
    try:
        return spacy.load(model_dir)
    except (OSError, ValueError) as err:
        raise KgError(f"{model_dir}: cannot load the NER model ({err}).") from err


def predict(text: str, *, nlp: Language | None = None) -> list[Span]:
    """Entity spans ``(start, end, label)`` in ``text``; ``text[start:end]`` is the mention.

    >>> text = "2019年，劉可安在株洲中車時代電氣股份有限公司工作。"
    >>> [(text[s:e], label) for s, e, label in predict(text)]  # doctest: +SKIP
    [('劉可安', 'PER'), ('株洲中車時代電氣股份有限公司', 'ORG')]
    """
    return predict_texts([text], nlp=nlp)[0]


def predict_texts(
    texts: Sequence[str], *, nlp: Language | None = None, batch_size: int = 64, simplified: bool = False
) -> list[list[Span]]:
    """``predict`` for many texts at once (pieces are batched through ``nlp.pipe``).

    ``simplified`` says the texts are already in Simplified characters (such as kg's shadow
    text), which skips the conversion.
    """
    nlp = nlp or load()
    owners: list[tuple[int, int]] = []  # (text index, piece start)
    pieces: list[str] = []
    for index, text in enumerate(texts):
        simple = text if simplified else to_simplified(text)  # same length, by construction
        for start, end in split_sentences(simple):
            owners.append((index, start))
            pieces.append(simple[start:end])
    results: list[list[Span]] = [[] for _ in texts]
    for (index, offset), doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size)):
        results[index].extend(
            (offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in doc.ents
        )
    return results

