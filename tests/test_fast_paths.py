"""The extractor's fast paths give what the slower code they replaced gave (issue 14: speed
without a change of output), checked on the real development reports and the seeds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kg.nlp import _leftmost_longest, extract_many
from kg.nlp.lexicons import LongestWords, _compile_alternation, place_table
from kg.reading import Report, read_report
from kg.text import occurrences, shadow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def texts(corpus_docs: Path, seeds_dir: Path) -> list[str]:
    import json

    ids = [json.loads(line)["doc"] for line in (ROOT / "tests" / "gold" / "real-dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = [corpus_docs / f"{i}.txt" for i in ids[:80]] + sorted(seeds_dir.glob("*.txt"))
    return [read_report(p).text for p in paths if p.is_file()]


def test_longest_words_finds_what_the_trie_regex_finds(texts: list[str]) -> None:
    words = list(place_table())
    regex, fast = _compile_alternation(words), LongestWords(words)
    found = 0
    for text in texts:
        sh = shadow(text)
        for piece in (sh, sh[:-1], sh[1:]):  # a word cut off at either end
            expected = [m.span() for m in regex.finditer(piece)]
            assert [m.span() for m in fast.finditer(piece)] == expected
            found += len(expected)
        for i in range(0, len(sh), 5):
            m, f = regex.match(sh, i), fast.match(sh, i)
            assert (m and m.span()) == (f and f.span())
    assert found > 1000


def test_leftmost_longest_is_the_alternation_of_names(texts: list[str]) -> None:
    rng = random.Random(14)
    for text in texts:
        # names of two to six characters taken from the text itself, overlapping and nested
        names = {text[i:i + rng.randint(2, 6)] for i in rng.sample(range(max(1, len(text) - 6)), min(40, max(1, len(text) - 6)))}
        names = {n for n in names if len(n) >= 2}
        pattern = re.compile("|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)))
        assert _leftmost_longest(text, names) == [m.span() for m in pattern.finditer(text)]
        for name in list(names)[:5]:
            assert list(occurrences(text, name)) == [m.span() for m in re.finditer(re.escape(name), text)]


def test_batched_model_reads_the_same_as_one_report_at_a_time(texts: list[str]) -> None:
    reports = [Report(id=f"r{i}", text=t) for i, t in enumerate(texts[:40])]
    one = list(extract_many(reports, batch_size=1))
    assert list(extract_many(reports, batch_size=16)) == one
    assert sum(len(r["entities"]) for r in one) > 100


def test_jieba_words_are_jiebas(texts: list[str]) -> None:
    import jieba

    from kg.nlp.tokenizer import jieba_words

    mixed = ["", " ", "\r\n\r\n", "ABC-12.5% 的 x_y", "2023年度\t第三届\u3000质量奖", "a\n\nb", "——", "繁體與简体混合，GB/T 19001-2016"]
    for text in [*texts, *(shadow(t) for t in texts), *mixed]:
        assert list(jieba_words(text)) == list(jieba.cut(text))


def test_words_and_spaces_align_as_spacy_does(texts: list[str]) -> None:
    import jieba
    from spacy.util import get_words_and_spaces

    from kg.nlp.tokenizer import words_and_spaces

    mixed = ["a b  c", " lead", "trail ", "x\n \ny", "全角\u3000空格 and  two", "\t", "中 文 "]
    for text in [*texts, *mixed]:
        words = [w for w in jieba.cut(text) if w]
        assert words_and_spaces(words, text) == get_words_and_spaces(words, text)
