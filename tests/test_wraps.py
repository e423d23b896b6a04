"""Hard-wrapped lines (text copied out of a PDF or a fixed-width page): ``kg.text.soften_wraps``
turns the breaks of full lines into spaces in the shadow text, so that rules read the sentence
across them; list items, headings, table rows, short lines and sentence ends keep theirs.

The strings are built of placeholder characters (no report text); ``tests/test_metamorphic.py``
measures the effect on every dev report wrapped at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.nlp import extract_text
from kg.text import soften_wraps

ROOT = Path(__file__).resolve().parents[1]


def _breaks(text: str) -> list[int]:
    out = soften_wraps(text)
    assert len(out) == len(text)
    return [i for i, (a, b) in enumerate(zip(text, out)) if a != b]


def test_the_breaks_of_full_lines_are_soft_and_the_last_one_too():
    text = "甲" * 30 + "\n" + "乙" * 30 + "\n" + "丙" * 29 + "\n" + "丁丁。"
    assert _breaks(text) == [30, 61, 91]  # 29: a half-width digit makes a line one shorter


def test_short_lines_headings_items_rows_and_sentence_ends_keep_their_breaks():
    assert _breaks("甲" * 20 + "\n" + "乙" * 20 + "\n" + "丙" * 20) == []  # shorter than a page's line
    assert _breaks("甲" * 30 + "\n" + "乙" * 30 + "\n" + "二、" + "丙" * 28) == [30]  # an item opens
    assert _breaks("甲" * 29 + "。\n" + "乙" * 30 + "\n" + "丙" * 30) == [61]  # a sentence ended
    row = "甲甲甲甲甲甲甲甲  乙乙乙乙乙乙乙乙乙乙乙乙  丙丙丙"
    assert _breaks("\n".join([row] * 4)) == []  # a table's rows
    assert _breaks("甲" * 30 + "\n" + "乙" * 40 + "\n" + "丙" * 12) == []  # no width two lines share


def test_a_wrapped_report_of_the_dev_split_reads_across_its_lines(corpus_docs):
    # real-121 (dev) is a listed firm's notice copied out of a PDF: its parent and subsidiary
    # stand on two lines (…下属全资子公司 / <subsidiary>…); the gold's other subsidiary (a
    # grandchild named further on) is not read, wrapped or not
    gold = next(json.loads(line) for line in (ROOT / "tests" / "gold" / "real-dev.jsonl").read_text(encoding="utf-8").splitlines()
                if json.loads(line)["doc"] == "real-121")
    names = {e["id"]: e["name"] for e in gold["entities"]}
    wanted = {(names[r["subject"]], names[r["object"]]) for r in gold["relations"] if r["predicate"] == "subsidiaryOf"}
    result = extract_text((corpus_docs / "real-121.txt").read_text(encoding="utf-8"))
    got_names = {e["id"]: e["name"] for e in result["entities"]}
    got = {(got_names[r["subject"]], got_names[r["object"]]) for r in result["relations"] if r["predicate"] == "subsidiaryOf"}
    assert got and got <= wanted


def test_the_v1_tokenizer_of_older_configs_keeps_every_break():
    from spacy.util import registry

    import kg.nlp  # noqa: F401  (registers the tokenizers)
    from kg.nlp import make_nlp

    nlp = make_nlp()
    text = "甲" * 30 + "\n" + "乙" * 30 + "\n" + "丙丙。"
    assert nlp.tokenizer(text)._.kg_shadow[30] == " "  # the shipped config: v2
    v1 = registry.tokenizers.get("kg.ShadowTokenizer.v1")()(nlp)
    assert v1(text)._.kg_shadow[30] == "\n"
