"""NER features: the registered embedding layer of the character-level NER model.

Owns: ``kg.CharNgramEmbed.v1``, a spaCy architecture (in ``registry.architectures``) that embeds
each character token by hashed features computed from the doc text itself: the normalised
character (NFKC, lower case, so full-width "，" and half-width "," look alike), its class (Han,
digit, Latin, punctuation, space), the bigrams to its left and right, and optionally the jieba
word that contains it and the character's position in that word with the word's part-of-speech
tag from jieba.posseg (``B-nr``: first character of a word tagged as a person name).
Hands on: one vector per token, for the CNN encoder in ``src/kg/data/ner/config.cfg``.
Must not: depend on token attributes set by other components (the NER pipeline has none), or
on the global jieba dictionary, which other parts of kg may extend: it keeps its own instance.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

import numpy
from spacy.attrs import IDX
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

_BOUNDARY = "\x02"  # stands for "no character" beyond either end of the doc


@lru_cache(maxsize=4096)
def _norm(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return (folded if len(folded) == 1 else char).lower()


@lru_cache(maxsize=4096)
def _char_class(char: str) -> str:
    if char.isspace():
        return "space"
    if char.isdigit():
        return "digit"
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        return "han"
    if char.isascii() and char.isalpha():
        return "latin"
    if char.isalpha():
        return "alpha"
    return "punct:" + unicodedata.category(char)


@lru_cache(maxsize=1)
def _jieba() -> object:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # jieba.posseg's own tagger over the global dictionary, which the pipeline's tokenizer loads
    # anyway and nothing in kg changes (no add_word): a tokenizer of its own loaded the same
    # dictionary a second time and read its tags a second time, ~4 s of every command's start
    return jieba.posseg.dt


def _segment(text: str, tags: str) -> list[tuple[str, str]]:
    """``(word, tag)`` pairs of ``text``: ``posseg`` tags with jieba.posseg (slow: an HMM tags
    unknown words), ``dict`` segments with plain jieba (as fast as the tokenizer) and takes each
    word's tag from jieba's dictionary, ``oov`` for a word the dictionary lacks."""
    pos = _jieba()
    if tags == "posseg":
        return [(pair.word, pair.flag) for pair in pos.cut(text, HMM=True)]  # type: ignore[attr-defined]
    table = pos.word_tag_tab  # type: ignore[attr-defined]
    import jieba

    if pos.tokenizer is jieba.dt:  # type: ignore[attr-defined]
        # the global dictionary's cut, by the pipeline's faster rewrite of it (the same words:
        # kg.nlp.tokenizer.jieba_words, held to jieba.cut in tests/test_fast_paths.py)
        from ..nlp.tokenizer import jieba_words

        return [(word, table.get(word, "oov")) for word in jieba_words(text)]
    return [(word, table.get(word, "oov")) for word in pos.tokenizer.cut(text, HMM=True)]  # type: ignore[attr-defined]


@lru_cache(maxsize=16384)  # training sees each sentence once per epoch
def _word_features(text: str, tags: str = "posseg") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Per character of ``text``: the jieba word containing it, and its position in that word
    (B/M/E/S) joined with the word's part-of-speech tag (``nr`` person, ``ns`` place, ``nt``
    organisation, ...), e.g. ``B-ns``; ``tags`` as in ``_segment``."""
    words: list[str] = []
    tags_out: list[str] = []
    for word, flag in _segment(text, tags):
        n = len(word)
        words.extend([word] * n)
        positions = ["S"] if n == 1 else ["B", *(["M"] * (n - 2)), "E"]
        tags_out.extend(f"{position}-{flag}" for position in positions)
    if len(words) != len(text):  # jieba dropped or added characters: fall back to characters
        return tuple(text), ("S-x",) * len(text)
    return tuple(words), tuple(tags_out)


def doc_features(doc: Doc, *, bigrams: bool, words: bool, tags: str = "posseg") -> numpy.ndarray:
    """The feature hashes of every token of ``doc``, one row per token (uint64)."""
    text = doc.text
    norm = [_norm(c) for c in text]
    if words:
        word_of, position_of = _word_features(text, tags)
    n = len(norm)
    rows = []
    # token offsets read as one array (iterating Token objects is several times slower); every
    # token of the character tokenizer is one non-space character
    for i in doc.to_array(IDX).tolist() if len(doc) else ():
        char = norm[i]
        row = [hash_string("c" + char), hash_string("k" + _char_class(text[i]))]
        if bigrams:
            left = norm[i - 1] if i > 0 else _BOUNDARY
            right = norm[i + 1] if i + 1 < n else _BOUNDARY
            row += [hash_string("l" + left + char), hash_string("r" + char + right)]
        if words:
            row += [hash_string("w" + word_of[i]), hash_string("p" + position_of[i])]
        rows.append(row)
    width = 2 + 2 * bigrams + 2 * words
    return numpy.asarray(rows, dtype="uint64").reshape((len(doc), width))


def _extract_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    bigrams = model.attrs["bigrams"]
    words = model.attrs["words"]
    tags = model.attrs["tags"]
    features = [
        model.ops.asarray2i(doc_features(doc, bigrams=bigrams, words=words, tags=tags), dtype="uint64")
        for doc in docs
    ]
    return features, lambda d_features: []


@registry.architectures("kg.CharNgramEmbed.v1")
def char_ngram_embed(
    width: int, rows: list[int], bigrams: bool = True, words: bool = False, tags: str = "posseg"
) -> Model[list[Doc], list[Floats2d]]:
    """Hash-embed character, class, bigram and (optionally) jieba-word features; mix by Maxout.

    ``rows`` gives the table sizes in column order: char, class, then left and right bigram if
    ``bigrams``, then word and position if ``words``. ``tags`` says where a word's
    part-of-speech tag comes from: ``posseg`` (jieba.posseg, slow) or ``dict`` (plain jieba
    segmentation and jieba's dictionary tags, ``oov`` for unknown words; about three times
    faster at prediction).
    """
    if tags not in ("posseg", "dict"):
        raise ValueError(f"kg.CharNgramEmbed.v1: tags must be 'posseg' or 'dict', got {tags!r}.")
    n_columns = 2 + 2 * bigrams + 2 * words
    if len(rows) != n_columns:
        raise ValueError(f"kg.CharNgramEmbed.v1: expected {n_columns} rows, got {len(rows)}.")
    extract: Model[list[Doc], list[Ints2d]] = Model(
        "kg_char_features", _extract_forward, attrs={"bigrams": bigrams, "words": words, "tags": tags}
    )
    embeddings = [
        HashEmbed(width, n_rows, column=i, seed=11 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    return chain(
        extract,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * n_columns, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
