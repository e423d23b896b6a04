"""Tokenizer: the registered ``kg.ShadowTokenizer.v1``, jieba words read off the shadow text.

Owns: segmenting a report once. The rules read the report's *shadow* (``kg.text.shadow``: the
same text in Simplified, half-width characters, offset for offset), and jieba's dictionary is
Simplified, so the words must come from the shadow: a Traditional report is then cut exactly like
its Simplified twin. spaCy's own ``spacy.zh.ChineseTokenizer`` would cut the original text, and
the rules would have to cut the shadow a second time; this tokenizer cuts the shadow once and
slices each word out of the original text (the two have the same length), so ``doc.text`` is
the report and the token boundaries are the shadow's words.
Hands on: a ``Doc`` with ``doc._.kg_text`` (the report) and ``doc._.kg_shadow`` set.
Must not: change the text (``doc.text`` is the input, character for character).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry
from spacy.vocab import Vocab

from ..text import shadow

for _attr in ("kg_shadow", "kg_text"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


class ShadowTokenizer:
    """Callable ``text -> Doc``: jieba words of ``shadow(text)``, sliced from ``text``."""

    def __init__(self, vocab: Vocab) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.vocab = vocab
        self._cut = jieba.cut  # the global jieba, as spaCy's ChineseTokenizer uses it

    def __call__(self, text: str) -> Doc:
        sh = shadow(text)
        words: list[str] = []
        at = 0
        for word in self._cut(sh, cut_all=False):
            if word:
                words.append(text[at : at + len(word)])
                at += len(word)
        words, spaces = get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.kg_text = text
        doc._.kg_shadow = sh
        return doc

    # nothing to save: the tokenizer is its code and jieba's dictionary
    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> "ShadowTokenizer":
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> "ShadowTokenizer":
        return self


@registry.tokenizers("kg.ShadowTokenizer.v1")
def create_shadow_tokenizer() -> Callable[[Language], ShadowTokenizer]:
    def make(nlp: Language) -> ShadowTokenizer:
        return ShadowTokenizer(nlp.vocab)

    return make
