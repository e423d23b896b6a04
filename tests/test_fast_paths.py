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
from kg.text import normalise_name, occurrences, shadow

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


def test_tiled_alignment_is_words_and_spaces(texts: list[str]) -> None:
    from kg.nlp.tokenizer import jieba_words, tiled_words_and_spaces, words_and_spaces
    from kg.text import soften_wraps

    mixed = ["a b  c", " lead", "trail ", "x\n \ny", "全角\u3000空格 and  two", "\t", "中 文 ", "", "  ", "a\r\nb", "硬\n换行的\n文本"]
    for text in [*texts, *mixed]:
        cut = jieba_words(soften_wraps(shadow(text)))
        words, at = [], 0
        for w in cut:
            if w:
                words.append(text[at:at + len(w)])
                at += len(w)
        assert tiled_words_and_spaces(cut, text) == words_and_spaces(words, text)


# -- issue 14t: each fast path against the code it replaced ------------------------------------


def test_like_num_is_spacys(texts: list[str]) -> None:
    from spacy.attrs import LIKE_NUM
    from spacy.lang.zh.lex_attrs import like_num as spacy_like_num

    from kg.nlp import make_nlp
    from kg.nlp.tokenizer import jieba_words, like_num

    words = {w for t in texts for w in jieba_words(shadow(t))}
    words |= {"", "+5", "-1,000", "±3.5", "~7", "1/2", "1/2/3", "a/b", "十", "三百", "一万二千", "十一万三", "两", "〇", "第一", "一千零一", "12。", "５"}
    assert [like_num(w) for w in sorted(words)] == [bool(spacy_like_num(w)) for w in sorted(words)]
    assert sum(like_num(w) for w in words) > 20
    assert make_nlp().vocab.lex_attr_getters[LIKE_NUM] is like_num  # the pipeline uses it


def test_halfwidth_table_is_halfwidth_char(texts: list[str]) -> None:
    from kg.text import _HALFWIDTH, _halfwidth_char

    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert every.translate(_HALFWIDTH) == "".join(_halfwidth_char(c) for c in every)
    from kg.text import _FULLWIDTH_RE

    # the shadow translates only a text holding one of the characters the table changes
    assert {ord(c) for c in _FULLWIDTH_RE.findall(every)} == set(_HALFWIDTH)


def test_people_lookups_are_the_loops_they_replaced(texts: list[str]) -> None:
    import bisect

    from kg.nlp.people import _ends_with_any, _is_word_start, _people_tables, _post_heads, _starts_with_any

    roles = _people_tables()[2]
    heads = _post_heads(roles)
    assert heads == frozenset(r for r in roles if len(r) >= 2)
    rng = random.Random(7)
    checked = 0
    for text in texts:
        for _ in range(200):
            i = rng.randrange(len(text))
            piece = text[i:i + rng.randint(0, 6)]
            assert _starts_with_any(piece, heads, 2) == any(piece.startswith(r) for r in heads)
            assert _ends_with_any(piece, roles) == any(piece.endswith(r) for r in roles)
            checked += _ends_with_any(piece, roles)
        starts = sorted({rng.randrange(len(text)) for _ in range(50)})
        for pos in range(-1, len(text) + 2, 7):
            assert _is_word_start(starts, pos) == (pos in set(starts))
        assert bisect.bisect_left(starts, 0) == 0
    assert checked > 10  # posts do end some of the pieces


def test_prefiltered_patterns_find_what_re_finds(texts: list[str]) -> None:
    from kg.nlp import make_nlp
    from kg.nlp.prefilter import Prefiltered, first_chars, prefiltered

    rules = make_nlp().get_pipe("kg_entity_rules").rules
    used = 0
    for p in rules.patterns:
        if not isinstance(p["scan"], Prefiltered):
            continue
        used += 1
        for text in texts:
            for sh in (shadow(text), text):
                expected = [(m.span(), m.groupdict()) for m in p["re"].finditer(sh)]
                assert [(m.span(), m.groupdict()) for m in p["scan"].finditer(sh)] == expected, p["id"]
    assert used >= 10
    from kg.nlp.relations.enumerations import _WON_COUNT_SCAN, WON_COUNT_RE

    assert isinstance(_WON_COUNT_SCAN, Prefiltered)
    for text in texts:
        sh = shadow(text)
        assert [m.span() for m in _WON_COUNT_SCAN.finditer(sh)] == [m.span() for m in WON_COUNT_RE.finditer(sh)]
    # \s stands for what re's \s matches
    from kg.nlp.prefilter import _whitespace

    assert first_chars(re.compile(r"\s*a")) == _whitespace() | {"a"}
    assert all(re.fullmatch(r"\s", chr(c)) is None or chr(c) in _whitespace() for c in range(0x3100))
    # what first_chars refuses or narrows: a wildcard, a category, a pattern that can match empty
    assert first_chars(re.compile(r"(?<!x)(?:ab|[cd]e)f")) == frozenset("acd")
    assert first_chars(re.compile(r"(?:x?y)+z")) == frozenset("xy")
    assert first_chars(re.compile(r"(?=a)ab|^b")) == frozenset("ab")
    for refused in (r".a", r"\da", r"[^a]b", r"a*", r"(?:a|)", r"(?i)ab"):
        assert first_chars(re.compile(refused)) is None, refused
    assert prefiltered(re.compile(r"abc|abd")) is None  # re skips ahead to a literal by itself
    # a look-behind still sees the text before the place tried
    pf = prefiltered(re.compile(r"(?<!技术)委员会|(?<=省)局"))
    assert pf is not None
    sample = "技术委员会，标准委员会，湖南省局，局"
    assert [m.span() for m in pf.finditer(sample)] == [m.span() for m in pf.pattern.finditer(sample)] == [(8, 11), (15, 16)]


def test_punct_isdisjoint_is_the_character_loop(texts: list[str]) -> None:
    from kg.nlp.mentions import PUNCT

    rng = random.Random(3)
    for text in texts:
        for _ in range(100):
            i = rng.randrange(len(text))
            piece = text[i:i + rng.randint(0, 8)]
            assert (not PUNCT.isdisjoint(piece)) == any(c in PUNCT for c in piece)


def test_ner_word_features_cut_as_jieba_did(texts: list[str]) -> None:
    from kg.ner.features import _jieba, _segment

    pos = _jieba()
    table = pos.word_tag_tab
    for text in texts[:40]:
        sh = shadow(text)
        assert _segment(sh, "dict") == [(w, table.get(w, "oov")) for w in pos.tokenizer.cut(sh, HMM=True)]


def _candidates_before(sh: str, mentions: list, signatures, max_gap: int, normalise) -> list:
    """``scorer.candidates`` as it was: every pair of every predicate, sentences walked per character."""
    out, start, idx, n = [], 0, 0, len(mentions)
    while start < len(sh):
        end = start
        while end < len(sh) and sh[end] not in "。！？!?\n；;":
            end += 1
        inside = []
        while idx < n and mentions[idx].start < end:
            if mentions[idx].start >= start:
                inside.append(idx)
            idx += 1
        for a in inside:
            for b in inside:
                if a == b:
                    continue
                sa, sb = mentions[a], mentions[b]
                if max(sa.start, sb.start) - min(sa.end, sb.end) > max_gap or normalise(sa.text) == normalise(sb.text):
                    continue
                out.extend((a, b, pred, (start, end)) for pred in signatures(sa, sb))
        start = end + 1
    return out


def test_scorer_candidates_of_some_predicates_are_the_filtered_all(texts: list[str]) -> None:
    from itertools import combinations

    from kg.nlp import make_nlp
    from kg.nlp.mentions import Mention
    from kg.nlp.relations.scorer import MAX_GAP, RULES, SUBJECTS, candidates, signatures
    from kg.text import normalise_name

    labels = ["Company", "Institution", "GovernmentAgency", "StandardsBody", "Park", "Place", "Award", "Standard", "Person"]
    for s in labels:  # SUBJECTS holds every subject signatures() takes
        for o in labels:
            for pred in signatures(Mention(0, 1, s, "r", "a"), Mention(2, 3, o, "r", "b")):
                assert s in SUBJECTS[pred]
    nlp = make_nlp()
    total = 0
    for text in texts[:60]:
        doc = nlp(text)
        sh, mentions = doc._.kg_shadow, doc._.kg_mentions
        everything = list(candidates(sh, mentions))
        assert everything == _candidates_before(sh, mentions, signatures, MAX_GAP, normalise_name)
        total += len(everything)
        for k in (1, 2, 3):
            for preds in combinations(RULES, k):
                assert list(candidates(sh, mentions, frozenset(preds))) == [c for c in everything if c[2] in preds]
    assert total > 100


def test_hmm_cut_is_finalseg(texts: list[str]) -> None:
    from jieba import finalseg

    from kg.nlp.tokenizer import hmm_cut

    rng = random.Random(11)
    samples = ["", "a", "中", "ab12.5%中文", "一" * 60, "x中y文z"]
    for text in texts:
        sh = shadow(text)
        for _ in range(30):
            i = rng.randrange(len(sh))
            samples.append(sh[i:i + rng.randint(1, 40)])
    for sample in samples:
        assert list(hmm_cut(sample)) == list(finalseg.cut(sample)), sample


def test_search_selected_is_the_search(texts: list[str]) -> None:
    from kg.nlp.relations.enumeration_vocabulary import search_selected, vocabulary

    v = vocabulary()
    assert v["select_verbs"] is not None and v["select_prefix_chars"] is not None  # the fast path is on
    rng = random.Random(5)
    found = 0
    for text in texts:
        sh = shadow(text)
        for form in (sh, re.sub(r"[。！？!?；;，、,：:\n]", "", sh)):  # as written, and with no punctuation
            ends = [m.start() for m in re.finditer(r"[“「《]|奖|称号|名单|企业", form)][:40]  # where awards tend to stand
            ends += [rng.randrange(1, len(form) + 1) for _ in range(20)]
            for e in ends:
                for before in (form[rng.randrange(0, e + 1):e], form[:e], form[max(0, e - 40):e]):
                    hit, fast = v["selected"].search(before), search_selected(v, before)
                    assert (fast and (fast.span(), fast.group(0))) == (hit and (hit.span(), hit.group(0))), before
                    found += hit is not None
    assert found > 50


def test_chars_of_lists_what_a_match_may_consume() -> None:
    from kg.nlp.prefilter import SPACE, chars_of

    assert chars_of(re.compile(r"\s*(?:等|共)[0-9]?(?<=x)个")) == frozenset({SPACE, "等", "共", "个", *"0123456789"})
    for refused in (r"a.", r"[^a]", r"\w", r"(?i)a"):
        assert chars_of(re.compile(refused)) is None, refused


def test_core_of_is_the_steps_it_memoises(texts: list[str]) -> None:
    from kg.nlp import make_nlp
    from kg.resolution.keys import _expand, _strip_legal
    from kg.resolution.linking import _core_of
    from kg.resolution.places import PlaceContext, _split_places

    nlp = make_nlp()
    names = {(m.label, m.text) for text in texts[:30] for m in nlp(text)._.kg_mentions}
    assert len(names) > 100
    for context in (PlaceContext(), PlaceContext("430000", "430200")):
        for label, name in sorted(names):
            codes, core = _split_places(name, context)
            core = _expand(label, core, anchored=False)
            if label == "Company":
                core = _strip_legal(core)
            assert _core_of(label, name, context) == (tuple(codes), core)


def _open_clauses_before(sh: str, mentions: list, words: list) -> list:
    """``NerComponent.open_clauses`` as it was (the word before sliced for every word)."""
    import bisect

    from kg.ner import fusion as f

    taken = bytearray(len(sh) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    tags, surnames, groups = f.jieba_tags(), f._people_tables()[1], f._group_prefixes()
    marks, prev = [], ""
    for a, b in words:
        if b - a >= 2 and taken.find(1, a, b) < 0 and f._HAN_WORD.fullmatch(sh, a, b):
            tag = tags.get(sh[a:b])
            could_be = (tag in f.NAME_TAGS or sh[a] in surnames or sh[a : a + 2] in surnames
                        or (len(prev) == 1 and prev in surnames) or groups.match(sh, a) is not None)
            if (tag is None or tag in f.NAME_TAGS) and could_be:
                marks.append(a)
        prev = sh[a:b]
    clauses: list = []
    if not marks:
        return clauses
    for start, end in f.split_sentences(sh):
        cut = start
        for stop in [m.end() for m in f._CLAUSE_END.finditer(sh, start, end)] + [end]:
            i = bisect.bisect_left(marks, cut)
            while i < len(marks) and marks[i] < stop:
                lo, hi = max(cut, marks[i] - f.WINDOW), min(stop, marks[i] + f.WINDOW)
                if clauses and clauses[-1][1] >= lo:
                    clauses[-1] = (clauses[-1][0], max(clauses[-1][1], hi))
                else:
                    clauses.append((lo, hi))
                i += 1
            cut = stop
    return clauses


def test_open_clauses_are_as_before(texts: list[str]) -> None:
    from kg.nlp import make_nlp

    nlp = make_nlp()
    ner = nlp.get_pipe("kg_ner")
    total = 0
    for text in texts[:60]:
        doc = nlp(text)
        sh, words = doc._.kg_shadow, list(zip(*doc._.kg_words))
        for mentions in (doc._.kg_mentions, []):
            clauses = ner.open_clauses(sh, mentions, words)
            assert clauses == _open_clauses_before(sh, mentions, words)
            total += len(clauses)
    assert total > 100


# -- issue 14 (extraction throughput, second pass) ----------------------------------------------


def test_unified_ideographs_are_kept_by_nfkc() -> None:
    """What ``tables._kept_ideographs`` rests on: NFKC leaves a CJK unified ideograph as it is,
    alone or between other characters, because it has no decomposition and no character
    decomposes canonically into it and something else (so it never composes)."""
    import sys
    import unicodedata

    ideographs = [chr(c) for c in range(0x4E00, 0xA000)]
    assert all(unicodedata.decomposition(c) == "" for c in ideographs)
    assert unicodedata.normalize("NFKC", "".join(ideographs)) == "".join(ideographs)
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) >= 2 and not parts[0].startswith("<"):  # a canonical decomposition of two or more
            assert not any(0x4E00 <= int(p, 16) < 0xA000 for p in parts), hex(code)


def test_header_kind_is_the_normalised_look_up(texts: list[str]) -> None:
    from kg.nlp.tables import header_kind, vocabulary

    kind_of = vocabulary()["kind_of"]
    lines = [line.strip() for text in texts for line in text.split("\n") if line.strip()]
    cells = lines + [c for text in texts for line in text.split("\n") for c in re.split(r"\t| {2,}|\|", line)]
    cells += ["序号", " 单位 名称 ", "單位名稱", "獲獎單位", "等級", "年度", "名次x", "獎項（等級）", "ＸＹ"]
    found = 0
    for cell in cells:
        expected = kind_of.get(normalise_name(cell))
        assert header_kind(cell) == expected, cell
        found += expected is not None
    assert found >= 5
    assert sum(not vocabulary()["no_header"].isdisjoint(line) for line in lines) > len(lines) // 2  # the fast path is taken


def _anchored_scanners() -> dict[str, object]:
    import importlib

    from kg.nlp.prefilter import Anchored

    found = {}
    for name in ("kg.nlp.people", "kg.nlp.rules", "kg.nlp.relations.context", "kg.nlp.relations.awards",
                 "kg.nlp.relations.sites", "kg.nlp.relations.enumerations"):
        for key, value in vars(importlib.import_module(name)).items():
            if isinstance(value, Anchored):
                found[f"{name}.{key}"] = value
    return found


def test_anchored_scanners_find_what_re_finds(texts: list[str]) -> None:
    scanners = _anchored_scanners()
    assert len(scanners) >= 14
    rng = random.Random(3)
    matched = 0
    for text in texts:
        for sh in (shadow(text), text):
            ranges = [(0, None)] + [tuple(sorted(rng.sample(range(len(sh) + 1), 2))) for _ in range(3)]
            for name, scan in scanners.items():
                pattern = scan._pattern
                for pos, endpos in ranges:
                    args = (pos,) if endpos is None else (pos, endpos)
                    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(sh, *args)]
                    assert [(m.span(), m.groupdict()) for m in scan.finditer(sh, *args)] == expected, name
                    first = pattern.search(sh, *args)
                    got = scan.search(sh, *args)
                    assert (got and got.span()) == (first and first.span()), name
                    matched += len(expected)
    assert matched > 500


def test_anchor_holds_for_every_match() -> None:
    """``anchor`` on patterns of the shapes it reads (runs before a narrow item, optional
    groups, alternatives, look-arounds, repeats), each match checked on random texts of a
    small alphabet: the anchor stands within the reach it gives."""
    from kg.nlp.prefilter import Anchored, anchor

    patterns = [r"[a-c]{2,4}d", r"(?:x|yy)?z", r"(?<=[ab])c{1,3}(?:d|e)", r"(?:ab|[cd]{1,3}e|(?:f|gg)?h)",
                r"(?P<n>[a-d]{1,2})(?:、[a-d]{1,2})+e", r"[a-z]{0,3}(?=b)b", r"(?:^|(?<=,))[a-e]{2,3}?f",
                r"a(?!b)c", r"[a-f]{2}\s*g"]
    rng = random.Random(5)
    alphabet = "abcdefgh,、 xyz"
    for source in patterns:
        pattern = re.compile(source)
        found = anchor(pattern)
        if found is None:
            assert source == r"[a-f]{2}\s*g"  # \s* leaves the reach unbounded
            continue
        chars, lo, hi = found
        scan = Anchored(pattern, chars, lo, hi)
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            for m in pattern.finditer(text):
                assert any(m.start() + k < m.end() and text[m.start() + k] in chars for k in range(lo, hi + 1)), (source, text)
            assert [m.span() for m in scan.finditer(text)] == [m.span() for m in pattern.finditer(text)], (source, text)


def test_convert_phrases_is_the_walk(texts: list[str]) -> None:
    import zhconv

    from kg.text import _convert_phrases, _convert_phrases_walk, _phrase_tables

    assert _phrase_tables() is not None  # the fast path is on
    keys = sorted(zhconv.zhconv.getdict("zh-cn"))
    rng = random.Random(17)
    samples = [*texts, *(zhconv.convert(t, "zh-tw") for t in texts), *(zhconv.convert(t, "zh-hk") for t in texts[:20])]
    for _ in range(3000):  # phrases of the table run together with common characters, cut at either end
        s = "".join(rng.choice(keys) if rng.random() < 0.6 else rng.choice("的是在中国台灣，。a1 ") for _ in range(rng.randint(1, 12)))
        samples += [s, s[1:], s[:-1]]
    refused = 0
    for sample in samples:
        expected = _convert_phrases_walk(sample)
        assert _convert_phrases(sample) == expected, sample
        refused += expected is None
    assert refused > 50  # phrases that change length were met


def test_zh_cn_is_zhconv(texts: list[str]) -> None:
    import zhconv

    from kg.text import zh_cn

    keys = sorted(zhconv.zhconv.getdict("zh-cn"))
    rng = random.Random(19)
    samples = [*texts, *(zhconv.convert(t, "zh-tw") for t in texts), "", "乾隆", "後來發現", "臺灣積體電路製造股份有限公司"]
    for _ in range(3000):
        s = "".join(rng.choice(keys) if rng.random() < 0.6 else rng.choice("的是在中国台灣，。a1 ") for _ in range(rng.randint(1, 12)))
        samples += [s, s[1:], s[:-1]]
    changed = 0
    for sample in samples:
        expected = zhconv.convert(sample, "zh-cn")
        assert zh_cn(sample) == expected, sample
        changed += len(expected) != len(sample)
    assert changed > 50  # phrases that change length were converted too


def test_strip_generic_is_the_word_loop(texts: list[str]) -> None:
    from kg.resolution.keys import _strip_generic
    from kg.resolution.lexicons import _generic_words

    def before(text: str) -> str:
        rest, changed = text, True
        while rest and changed:
            changed = False
            for word in _generic_words():
                if rest.startswith(word) and len(word) < len(rest):
                    rest, changed = rest[len(word):], True
                    break
        return rest

    names = [m.group() for text in texts for m in re.finditer(r"[\u4e00-\u9fff]{2,20}", text)]
    names += [w + n for w in _generic_words() for n in ("", "株洲", "研究院", w)]
    stripped = 0
    for name in names:
        assert _strip_generic.__wrapped__(name) == before(name), name
        stripped += before(name) != name
    assert stripped > 100


def test_affiliation_lines_from_postcodes_are_the_patterns_line_openers(texts: list[str]) -> None:
    """roster's affiliation lines found from the postcodes that end them are the pattern's
    matches that open a line, as scanning the whole text with it finds them."""
    from kg.nlp.relations.roster import AFFILIATION_LINE_RE, _affiliation_lines

    rng = random.Random(0)
    made = ["文/王建国 李晓明\n\n中南大学商学院 长沙 410083\n摘要", "作者\n中国科学院某研究所\n北京 100190\n",
            "某某研究院 北京 100000 某某大学 长沙 410083\n", "12345 北京 1001901\n甲乙丙丁 天津 300000"]
    for _ in range(200):  # lines of bodies, cities, postcodes and noise, joined at random
        parts = [rng.choice(["中南大学商学院", "某研究所", "北京", "长沙", "410083", "100190", " ", "\n", "\n\n", "\u3000", "甲乙丙丁戊", "2023"])
                 for _ in range(rng.randint(1, 14))]
        made.append("".join(parts))
    for text in [*texts, *made]:
        sh = shadow(text)
        want = [m.span() for m in AFFILIATION_LINE_RE.finditer(sh) if m.start() == 0 or sh[m.start() - 1] == "\n"]
        assert [m.span() for m in _affiliation_lines(sh)] == want, sh[:80]
