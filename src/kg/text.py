"""Text helpers shared by the extractor and the scorer: normalisation, numerals, sentences.

Owns: the contract's name normalisation, a *shadow* text of the same length as the report
(Traditional -> Simplified and full-width -> half-width, character by character) on which all
rules match so that offsets stay valid in the original (with the breaks of hard-wrapped lines
made spaces, ``soften_wraps``), Chinese numerals and years, and the split into sentences and
clauses with offsets. Must not: change a report's text itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any



@lru_cache(maxsize=65536)
def _simplify_char(ch: str) -> str:
    import zhconv  # imported on first use: zhconv and cn2an take ~0.6 s to import, and `kg --help` needs neither

    out = zhconv.convert(ch, "zh-cn")
    return out if len(out) == 1 else ch


def _halfwidth_char(ch: str) -> str:
    code = ord(ch)
    if code == 0x3000:
        return " "
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return ch


#: ``_halfwidth_char`` as a ``str.translate`` table: every character it changes (U+3000 and
#: U+FF01-U+FF5E), the others left out (``translate`` keeps them as they are)
_HALFWIDTH = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}
#: the characters ``_HALFWIDTH`` changes
_FULLWIDTH_RE = re.compile("[\u3000\uff01-\uff5e]")


def shadow(text: str) -> str:
    """Return a same-length copy of ``text`` in Simplified, half-width characters.

    Conversion is phrase-aware where that keeps the length (zhconv), else per character, so that
    ``shadow(text)[i]`` always corresponds to ``text[i]``.

    >>> shadow("中車株洲電力機車（湖南）")
    '中车株洲电力机车(湖南)'
    """
    converted = _convert_phrases(text)
    if converted is None:
        converted = "".join(_simplify_char(c) for c in text)
    # ``"".join(_halfwidth_char(c) for c in converted)``, one table look-up per character in C,
    # and none where no character is full-width (translate with a dict raises and catches a
    # KeyError inside for each character the table lacks: 80 ns a character, a third of the
    # shadow's time over the dev reports, which hold a full-width character in 4 reports of 225)
    half = converted.translate(_HALFWIDTH) if _FULLWIDTH_RE.search(converted) else converted
    # years in Chinese digits read as years: 二〇二一年 -> 2021年 (four characters each)
    return _CN_YEAR_RE.sub(lambda m: m.group(0).translate(_CN_DIGITS), half)


#: a line of a hard-wrapped paragraph holds at least this many characters (A4 pages and gazettes
#: set 30-40 Chinese characters a line; names of one firm a line, table rows, titles are shorter)
WRAP_MIN = 24
#: a line that opens a list item or a heading: its break before it is a real one
_ITEM_OPEN_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．)]|第[一二三四五六七八九十0-9]+[章节条部分]|附件|序号|[•·●○■□◆◇▪\-*])")


def soften_wraps(sh: str) -> str:
    r"""The same text with the line breaks of hard-wrapped paragraphs (text copied out of a PDF or
    a fixed-width page) made spaces, so that no rule reads a clause or an item boundary where a
    line was only full. In a block of lines (between blank lines), the width is the length most
    of its lines of at least ``WRAP_MIN`` characters share (two at least); a break is soft after
    a line at least that wide (less one: a half-width digit) and not closing a sentence when the next line opens no list
    item and neither line is a table's row (a tab, a pipe, a run of spaces). Same length as
    ``sh``; where nothing is wrapped, ``sh`` itself.

    >>> soften_wraps("甲" * 30 + "\n" + "乙" * 30 + "\n" + "丙丙。")[29:32]
    '甲 乙'
    """
    if "\n" not in sh:
        return sh
    soft: list[int] = []
    pos, block = 0, []  # block: (offset, line) of the current run of non-blank lines
    for line in [*sh.split("\n"), ""]:
        if line.strip():
            block.append((pos, line))
        else:
            soft += _soft_breaks(block)
            block = []
        pos += len(line) + 1
    if not soft:
        return sh
    chars = list(sh)
    for at in soft:
        chars[at] = " "
    return "".join(chars)


def _soft_breaks(block: list[tuple[int, str]]) -> list[int]:
    if len(block) < 3:
        return []
    widths: dict[int, int] = {}
    for _, line in block:
        if len(line) >= WRAP_MIN and not _ROW_RE.search(line):
            widths[len(line)] = widths.get(len(line), 0) + 1
    if not widths:
        return []
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    if count < 2:
        return []
    out = []
    for (at, line), (_, nxt) in zip(block, block[1:]):
        if len(line) >= width - 1 and line[-1] not in _STOPS and not _ROW_RE.search(line) and not _ROW_RE.search(nxt) and not _ITEM_OPEN_RE.match(nxt):
            out.append(at + len(line))
    return out


#: a line that ends on one of these ends its sentence anyway: the break after it stays
_STOPS = frozenset("。！？!?：:;；")
#: a table's row pasted as a line: cells parted by a tab, a pipe or a run of spaces
_ROW_RE = re.compile(r"\t|\||\S {2,}\S")


def _convert_phrases(text: str) -> str | None:
    """``zhconv.convert(text, "zh-cn")`` (the same longest-match walk over its phrase table), or
    None where a phrase it would convert changes length. Comparing total lengths is not enough:
    a phrase two characters shorter and two one character longer leave the length as it was and
    every offset between them shifted (found on a Traditional text cut into pieces).

    The walk (``_convert_phrases_walk``) steps through the text character by character; here it
    is taken only where a phrase of two or more characters may start (the text's two characters
    there are a phrase's first two: half a percent of a report's positions, found by a regular
    expression in C), and everything between is converted by one ``str.translate`` with the
    table's one-character entries, which is what the walk does there: at a position where no
    longer phrase starts its longest match is the character's own entry, or none (the
    character is kept). Half the time of the walk; tests/test_fast_paths.py compares the two."""
    found = _phrase_tables()
    if found is None:  # a one-character entry that changes length: only the walk reads that right
        return _convert_phrases_walk(text)
    return _convert_fast(text, found, same_length=True)


def zh_cn(text: str) -> str:
    """``zhconv.convert(text, "zh-cn")``, by ``_convert_phrases``' way through the text (every
    phrase converted, whatever its length; tests/test_fast_paths.py compares the two)."""
    found = _phrase_tables()
    if found is None:
        import zhconv

        return zhconv.convert(text, "zh-cn")
    out = _convert_fast(text, found, same_length=False)
    assert out is not None
    return out


def _convert_fast(text: str, found: tuple[Any, ...], *, same_length: bool) -> str | None:
    table, prefixes, single, starts, pairs = found
    get = table.get
    out: list[str] = []
    pos, n = 0, len(text)
    for m in starts.finditer(text):
        i = m.start()
        if i < pos or text[i:i + 2] not in pairs:
            continue  # inside the phrase just converted, or no phrase's first two characters
        best, best_end = get(text[i]), i
        j = i + 1
        while j < n:
            frag = text[i:j + 1]
            if frag not in prefixes:
                break
            got = get(frag)
            if got is not None:
                best, best_end = got, j
            j += 1
        if best_end == i:
            continue  # the character's own entry (or none), as the translation between gives it
        if same_length and len(best) != best_end + 1 - i:
            return None
        out.append(text[pos:i].translate(single))
        out.append(best)
        pos = best_end + 1
    out.append(text[pos:].translate(single))
    return "".join(out)


@lru_cache(maxsize=1)
def _phrase_tables() -> tuple[dict[str, str], Any, dict[int, str], re.Pattern[str], frozenset[str]] | None:
    """zhconv's zh-cn table and prefixes, its one-character entries as a ``str.translate``
    table, a pattern for where a phrase's first two characters may stand (a phrase's first
    character before a phrase's second) and the phrases' first two characters; None if a
    one-character entry changes length (see ``_convert_phrases``)."""
    import zhconv

    table = zhconv.zhconv.getdict("zh-cn")
    prefixes = zhconv.zhconv.pfsdict["zh-cn"]
    single = {ord(k): v for k, v in table.items() if len(k) == 1}
    if any(len(v) != 1 for v in single.values()):
        return None
    pairs = frozenset(w for w in prefixes if len(w) == 2)  # where the walk goes on past a character
    firsts = "".join(re.escape(c) for c in sorted({w[0] for w in pairs}))
    seconds = "".join(re.escape(c) for c in sorted({w[1] for w in pairs}))
    starts = re.compile(f"[{firsts}](?=[{seconds}])")
    return table, prefixes, single, starts, pairs


def _convert_phrases_walk(text: str) -> str | None:
    """``_convert_phrases`` one character at a time, as zhconv walks its table."""
    import zhconv

    table = zhconv.zhconv.getdict("zh-cn")
    prefixes = zhconv.zhconv.pfsdict["zh-cn"]
    out: list[str] = []
    append, get = out.append, table.get
    pos, n = 0, len(text)
    while pos < n:
        ch = text[pos]
        if ch not in prefixes:  # most characters: no phrase starts with them
            append(ch)
            pos += 1
            continue
        best, best_end = get(ch), pos
        i = pos + 1
        while i < n:
            frag = text[pos:i + 1]
            if frag not in prefixes:
                break
            got = get(frag)
            if got is not None:
                best, best_end = got, i
            i += 1
        if best is None:
            append(ch)
            pos += 1
        elif len(best) != best_end + 1 - pos:
            return None
        else:
            append(best)
            pos = best_end + 1
    return "".join(out)


_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_CN_YEAR_RE = re.compile(r"(?<![〇零○Ｏ一二三四五六七八九十百千万])[一二][〇零○Ｏ一二三四五六七八九]{3}(?=\s*年)")


_SPACE_RE = re.compile(r"\s+")


_FULL_WIDTH_BRACKETS = str.maketrans({"（": "(", "）": ")", "［": "[", "］": "]", "【": "[", "】": "]"})
_FULL_WIDTH_BRACKET_RE = re.compile("[（）［］【】]")


@lru_cache(maxsize=16384)  # pure, and called for every pair of names when linking short forms (bounded: memory stays flat over a corpus)
def normalise_name(text: str) -> str:
    """The contract's name normalisation: Simplified, half-width, no white space, Latin upper-cased.

    The one implementation: the scorer compares names with it and ``rdfmap`` mints IRIs from it,
    so two names share an IRI exactly when the scorer would call them the same.

    >>> normalise_name(" ｇｂ／ｔ 29490 "), normalise_name("质量监督检验中心（湖南）"), normalise_name("株洲電力機車")
    ('GB/T29490', '质量监督检验中心(湖南)', '株洲电力机车')
    """
    text = zh_cn(unicodedata.normalize("NFKC", text))
    # zhconv may hand back full-width punctuation of its own; fold it again.
    text = unicodedata.normalize("NFKC", text)
    if _FULL_WIDTH_BRACKET_RE.search(text):  # (translate reads every character: only where one is)
        text = text.translate(_FULL_WIDTH_BRACKETS)
    return _SPACE_RE.sub("", text).upper()


def occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the non-overlapping occurrences of ``word`` (not empty) in ``text``,
    left to right: ``re.finditer(re.escape(word), text)`` without compiling a pattern per word."""
    at = text.find(word)
    while at >= 0:
        yield at, at + len(word)
        at = text.find(word, at + len(word))


CN_DIGITS = "零〇一二两三四五六七八九十百千万"


@lru_cache(maxsize=16384)  # pure; cn2an's own preprocessing took 1% of the extraction (bounded: memory stays flat)
def to_int(text: str) -> int | None:
    """Parse an Arabic or Chinese numeral: ``'101'``, ``'一百零一'``, ``'二〇一九'`` -> int.

    >>> to_int("一百零一"), to_int("二〇一九"), to_int("首"), to_int("12")
    (101, 2019, 1, 12)
    """
    text = text.strip()
    if not text:
        return None
    if text == "首":
        return 1
    if text.isdigit():
        return int(text)
    if all(c in "零〇一二三四五六七八九" for c in text) and len(text) >= 2:
        # digit-by-digit reading, as in years: 二〇一九
        return int("".join(str("零一二三四五六七八九".index(c)) if c != "〇" else "0" for c in text))
    try:
        import cn2an

        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if float(value).is_integer() else None


YEAR_RE = re.compile(r"((?:19|20)\d{2}|[一二][〇零九一二三四五六七八九]{3})\s*年(?:度)?")


#: a year as written before 年: 2019, or a Taiwan (Minguo) year, 112年度 / 民国112年 / 113年「第32届…」 /
#: 109年国家发明创作奖 / 106年产业园区… (+1911); a three-digit count of years (百年, 110年历史) is none
YEAR_NUM = r"(?:(?:19|20)[0-9]{2}|(?<![0-9])1[0-4][0-9](?=\s*年度)|(?<=民国)1[0-4][0-9](?=\s*年)|(?<![0-9])1[01][0-9](?=\s*年\s*[「“第获荣起底初入通国产]))"


def to_year(digits: str) -> int:
    """The Gregorian year of a matched ``YEAR_NUM``: 2019 -> 2019, 112 (Minguo) -> 2023.

    >>> to_year("2019"), to_year("112")
    (2019, 2023)
    """
    n = int(digits)
    return n + 1911 if n < 1000 else n


def parse_year(text: str) -> int | None:
    """Return the four-digit year in ``2019年``, ``2019年度`` or ``二〇一九年``."""
    m = YEAR_RE.search(text)
    if not m:
        return None
    year = to_int(m.group(1))
    return year if year and 1900 <= year <= 2100 else None


_SENT_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Split into sentences (end punctuation or line end); return ``(start, end)`` without edge spaces."""
    spans = []
    for m in _SENT_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return _join_broken_lines(text, spans)


_BROKEN_END_RE = re.compile(r"[\u4e00-\u9fff、，,（(“]$")
_CONTINUES_RE = re.compile(r"[\u4e00-\u9fff]")


def _join_broken_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a long line that stops mid-sentence (no end punctuation) with the next line: a page
    or column break of a converted document (…全国新型城镇化质量 / 百强县市第4位…). Short lines
    (headings) and table rows (tabs) stay apart."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            if (
                "\n" in gap
                and pe - (text.rfind("\n", 0, pe) + 1) >= 40
                and _BROKEN_END_RE.search(text, pe - 1, pe)
                and _CONTINUES_RE.match(text, s)
                and "\t" not in text[ps:pe]
                and "\t" not in text[s:e]
            ):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out
