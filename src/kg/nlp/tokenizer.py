"""Tokenizer: the registered ``kg.ShadowTokenizer.v1`` and ``.v2``, jieba words read off the shadow text.

Owns: segmenting a report once. The rules read the report's *shadow* (``kg.text.shadow``: the
same text in Simplified, half-width characters, offset for offset), and jieba's dictionary is
Simplified, so the words must come from the shadow: a Traditional report is then cut exactly like
its Simplified twin. From v2 the shadow handed on has the breaks of hard-wrapped lines made
spaces (``kg.text.soften_wraps``), so that no rule reads a full line's end as a clause's (v1, for
configs written before, leaves them). spaCy's own ``spacy.zh.ChineseTokenizer`` would cut the original text, and
the rules would have to cut the shadow a second time; this tokenizer cuts the shadow once and
slices each word out of the original text (the two have the same length), so ``doc.text`` is
the report and the token boundaries are the shadow's words.
Hands on: a ``Doc`` with ``doc._.kg_text`` (the report) and ``doc._.kg_shadow`` set.
Must not: change the text (``doc.text`` is the input, character for character).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache
from math import log

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..text import shadow, soften_wraps

for _attr in ("kg_shadow", "kg_text"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


def jieba_words(sentence: str) -> list[str]:
    """``list(jieba.cut(sentence))`` (accurate mode, with the HMM for unknown words).

    The same algorithm over jieba's own dictionary, written for speed: jieba builds a dict of
    lists of word ends for every position (``get_DAG``) and then walks it back with a generator
    per position (``calc``); here the walk back reads the dictionary once per word end and keeps
    the best route in two lists. The scores are computed with the same operations in the same
    order (``log(freq) - log(total) + score``, ties to the longer word, as ``max`` over
    ``(score, end)`` tuples), so the words are jieba's; runs of unknown characters are cut by
    ``hmm_cut`` (jieba's ``finalseg``). jieba's segmentation was 60% of the tokenizer's time and
    15% of the extraction's; this is about twice as fast (tests/test_fast_paths.py compares them).
    One list is built for the whole text: the words passed through three nested generators
    before (one per block, one per run of single characters), 10% of this function's time.
    """
    import jieba

    dt = jieba.dt
    dt.check_initialized()
    freq = dt.FREQ
    logtotal = log(dt.total)
    han, skip = jieba.re_han_default, jieba.re_skip_default
    out: list[str] = []
    for blk in han.split(sentence):
        if not blk:
            continue
        if han.match(blk):
            _cut_dag(blk, freq, logtotal, out)
        else:
            for x in skip.split(blk):
                if skip.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


_NO_SCORE = float("-inf")


def _viterbi(obs: str, start_p: dict, trans_p: dict, emit_p: dict) -> list[str]:
    """The states of ``jieba.finalseg.viterbi(obs, 'BMES', ...)``: the same sums in the same
    order, the same choice between equal scores (``max`` of ``(score, state)`` tuples: the later
    state letter), but one back-pointer per state and character where jieba copies the whole
    path so far for every state at every character (quadratic in a run of unknown characters),
    and the four states' scores held in four variables (a dict per character was a third of
    this function's time). The states before each (``finalseg.PrevStatus``): B after E or S,
    M after M or B, E after B or M, S after S or E; of two equal scores the later letter wins
    (B: S, M: M, E: M, S: S)."""
    from jieba.finalseg import MIN_FLOAT

    eB, eM, eE, eS = (emit_p[y] for y in "BMES")
    tB, tM, tE, tS = (trans_p[y] for y in "BMES")
    # transition scores into each state from its two possible predecessors, as jieba reads them
    EB, SB = tE.get("B", MIN_FLOAT), tS.get("B", MIN_FLOAT)
    MM, BM = tM.get("M", MIN_FLOAT), tB.get("M", MIN_FLOAT)
    BE, ME = tB.get("E", MIN_FLOAT), tM.get("E", MIN_FLOAT)
    SS, ES = tS.get("S", MIN_FLOAT), tE.get("S", MIN_FLOAT)
    ch = obs[0]
    vB = start_p["B"] + eB.get(ch, MIN_FLOAT)
    vM = start_p["M"] + eM.get(ch, MIN_FLOAT)
    vE = start_p["E"] + eE.get(ch, MIN_FLOAT)
    vS = start_p["S"] + eS.get(ch, MIN_FLOAT)
    back: list[tuple[str, str, str, str]] = []
    for t in range(1, len(obs)):
        ch = obs[t]
        em = eB.get(ch, MIN_FLOAT)
        p0, p1 = vE + EB + em, vS + SB + em
        nB, bB = (p0, "E") if p0 > p1 else (p1, "S")
        em = eM.get(ch, MIN_FLOAT)
        p0, p1 = vM + MM + em, vB + BM + em
        nM, bM = (p0, "M") if p0 >= p1 else (p1, "B")
        em = eE.get(ch, MIN_FLOAT)
        p0, p1 = vB + BE + em, vM + ME + em
        nE, bE = (p0, "B") if p0 > p1 else (p1, "M")
        em = eS.get(ch, MIN_FLOAT)
        p0, p1 = vS + SS + em, vE + ES + em
        nS, bS = (p0, "S") if p0 >= p1 else (p1, "E")
        vB, vM, vE, vS = nB, nM, nE, nS
        back.append((bB, bM, bE, bS))
    state = "E" if vE > vS else "S"
    states = [state]
    index = {"B": 0, "M": 1, "E": 2, "S": 3}
    for ptr in reversed(back):
        state = ptr[index[state]]
        states.append(state)
    states.reverse()
    return states


@lru_cache(maxsize=65536)  # a third of the runs recur (names); bounded: memory stays flat
def _hmm_words(run: str) -> tuple[str, ...]:
    return tuple(hmm_cut(run))


def hmm_cut(sentence: str) -> list[str]:
    """``list(jieba.finalseg.cut(sentence))``: the HMM's cut of a run of characters jieba's
    dictionary does not join, with ``_viterbi`` (tests/test_fast_paths.py compares the two)."""
    from jieba import finalseg

    forced = finalseg.Force_Split_Words
    out: list[str] = []
    for blk in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(blk):
            pos_list = _viterbi(blk, finalseg.start_P, finalseg.trans_P, finalseg.emit_P)
            begin, nexti = 0, 0
            words = []
            for i, char in enumerate(blk):
                pos = pos_list[i]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    words.append(blk[begin:i + 1])
                    nexti = i + 1
                elif pos == "S":
                    words.append(char)
                    nexti = i + 1
            if nexti < len(blk):
                words.append(blk[nexti:])
            for word in words:
                if word not in forced:
                    out.append(word)
                else:
                    out.extend(word)
        else:
            for x in finalseg.re_skip.split(blk):
                if x:
                    out.append(x)
    return out


def _cut_dag(sentence: str, freq: dict[str, int], logtotal: float, out: list[str]) -> None:
    """jieba's ``Tokenizer.__cut_DAG`` (see :func:`jieba_words`), its words appended to ``out``.
    A character no word starts with is settled without a loop; the route's best score starts
    at minus infinity, which every candidate beats (as jieba's ``max``, the first candidate
    is taken, then a later one of an equal or higher score)."""
    n = len(sentence)
    score = [0.0] * (n + 1)
    end = [0] * (n + 1)
    get = freq.get
    alone = log(1) - logtotal  # a character no word starts with counts as frequency 1
    for k in range(n - 1, -1, -1):
        f = get(sentence[k])
        if f is None:  # no word starts with this character
            score[k] = alone + score[k + 1]
            end[k] = k
            continue
        best = _NO_SCORE
        best_end = -1
        i = k
        while True:  # frag = sentence[k:i + 1] is a word or a word's prefix
            if f:
                v = log(f) - logtotal + score[i + 1]
                if v >= best:  # ends ascend: the last of equal scores, as max()
                    best, best_end = v, i
            i += 1
            if i >= n:
                break
            f = get(sentence[k:i + 1])
            if f is None:
                break
        if best_end < 0:
            best, best_end = alone + score[k + 1], k
        score[k] = best
        end[k] = best_end

    def single_characters(buf: str) -> None:
        """A run of one-character words: one word, an unknown stretch for the HMM, or characters."""
        if len(buf) == 1:
            out.append(buf)
        elif not get(buf):
            out.extend(_hmm_words(buf))
        else:
            out.extend(buf)

    x = 0
    buf = ""
    while x < n:
        y = end[x] + 1
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                single_characters(buf)
                buf = ""
            out.append(sentence[x:y])
        x = y
    if buf:
        single_characters(buf)


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces(words, text)`` for words cut from ``text`` itself: the
    same alignment (a white-space word dropped, one space after a word made its trailing space,
    other white space a word of its own), with each word looked up from where the last ended
    instead of in a copy of the rest of the text (spaCy's copy made it quadratic in a piece's
    length: 3% of the extraction on reports of 5,000 characters)."""
    text_words: list[str] = []
    text_spaces: list[bool] = []
    text_pos = 0
    n = len(text)
    for word in words:
        if word.isspace():
            continue
        word_start = text.index(word, text_pos) - text_pos
        if word_start > 0:
            text_words.append(text[text_pos : text_pos + word_start])
            text_spaces.append(False)
            text_pos += word_start
        text_words.append(word)
        text_pos += len(word)
        if text_pos < n and text[text_pos] == " ":
            text_spaces.append(True)
            text_pos += 1
        else:
            text_spaces.append(False)
    if text_pos < n:
        text_words.append(text[text_pos:])
        text_spaces.append(False)
    return text_words, text_spaces


def tiled_words_and_spaces(cut: list[str], text: str) -> tuple[list[str], list[bool]] | None:
    """``words_and_spaces`` of the words ``cut`` gives ``text``'s shadow, sliced out of ``text``,
    in one pass and without a search: the cut tiles the shadow (jieba keeps every character), so
    a word's place in ``text`` is the sum of the lengths before it, where ``words_and_spaces``
    looks it up from where the last word ended (``text.index``). The two agree whenever the
    only text between the last word's end and the next word's place is the white-space words
    skipped: always, as jieba cuts every white-space character apart; None (use
    ``words_and_spaces``) where they might not (a word placed before that end, or after text
    that is not white space, or opening on white space). Half the time of slicing the
    words and aligning them apart (0.054 -> 0.028 s over 310,000 characters of the seeds, 1-3% of
    the extraction); tests/test_fast_paths.py compares them."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = at = 0
    n = len(text)
    for w in cut:
        o = at
        at += len(w)
        word = text[o:at]
        if not word or word.isspace():
            continue  # as words_and_spaces: white space is a gap word or a word's trailing space
        if o != pos:
            if o < pos or not text[pos:o].isspace() or word[0].isspace():
                return None  # where text.index might find the word earlier: let it decide
            words.append(text[pos:o])  # the white space skipped (a line break, two spaces)
            spaces.append(False)
        words.append(word)
        pos = at
        if pos < n and text[pos] == " ":
            spaces.append(True)
            pos += 1
        else:
            spaces.append(False)
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


def _zh_like_num() -> Callable[[str], bool]:
    """``spacy.lang.zh.lex_attrs.like_num``, with its word list a set and its regular expression
    compiled once. spaCy computes every lexical attribute of a word the first time a memory zone
    sees it (``extract_many``), and its ``like_num`` scanned a list of 40 words and rebuilt and
    looked up its pattern's string from three lists on every call: 0.037 s of the 0.087 s that
    the 23 attribute functions took over the dev reports' 9,758 words. Same steps in the same
    order: ``in`` a set of the list's strings is ``in`` the list, and ``re.match(string, text)``
    is ``re.compile(string).match(text)``; tests/test_fast_paths.py compares the two."""
    from spacy.lang.zh import lex_attrs as zh

    single = frozenset(zh._single_num_words)
    counted = re.compile(
        "^((" + "|".join(zh._count_num_words) + "){1}" + "(" + "|".join(zh._base_num_words) + "){1})+" + "(" + "|".join(zh._count_num_words) + ")?$"
    )

    def like_num(text: str) -> bool:
        if text.startswith(("+", "-", "±", "~")):
            text = text[1:]
        text = text.replace(",", "").replace(".", "").replace("，", "").replace("。", "")
        if text.isdigit():
            return True
        if text.count("/") == 1:
            num, denom = text.split("/")
            if num.isdigit() and denom.isdigit():
                return True
        if text in single:
            return True
        if counted.match(text):
            return True
        return False

    return like_num


like_num = _zh_like_num()


class ShadowTokenizer:
    """Callable ``text -> Doc``: jieba words of ``soften_wraps(shadow(text))``, sliced from ``text``."""

    def __init__(self, vocab: Vocab, soften: bool = True) -> None:
        import jieba
        from spacy.attrs import LIKE_NUM
        from spacy.lang.zh.lex_attrs import like_num as spacy_like_num

        jieba.setLogLevel(logging.WARNING)
        if vocab.lex_attr_getters.get(LIKE_NUM) is spacy_like_num:
            # the same function, faster (see _zh_like_num); a dict of this vocab's own
            vocab.lex_attr_getters = {**vocab.lex_attr_getters, LIKE_NUM: like_num}
        self.vocab = vocab
        self.soften = soften  # v2: the breaks of hard-wrapped lines read as spaces (kg.text.soften_wraps)
        self._cut = jieba_words  # the global jieba's dictionary, as spaCy's ChineseTokenizer uses it

    def __call__(self, text: str) -> Doc:
        sh = soften_wraps(shadow(text)) if self.soften else shadow(text)
        cut = self._cut(sh)
        aligned = tiled_words_and_spaces(cut, text)
        if aligned is None:  # never seen; the general alignment, word by word
            words: list[str] = []
            at = 0
            for word in cut:
                if word:
                    words.append(text[at : at + len(word)])
                    at += len(word)
            aligned = words_and_spaces(words, text)
        words, spaces = aligned
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
    """The shadow text as it is: every line break a break (configs written before v2)."""
    def make(nlp: Language) -> ShadowTokenizer:
        return ShadowTokenizer(nlp.vocab, soften=False)

    return make


@registry.tokenizers("kg.ShadowTokenizer.v2")
def create_shadow_tokenizer_v2() -> Callable[[Language], ShadowTokenizer]:
    """v1, with the breaks of hard-wrapped lines (text copied out of a PDF) read as spaces."""
    def make(nlp: Language) -> ShadowTokenizer:
        return ShadowTokenizer(nlp.vocab, soften=True)

    return make
