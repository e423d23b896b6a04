"""Entity rules: the engine that turns pattern files into mentions.

Owns: compiling ``kg/data/patterns/*.jsonl`` (kinds ``suffix``, ``regex``, ``lexicon``,
``places``) and finding candidate mentions in a jieba-segmented ``Doc``; the left-boundary scan
that gives a suffixed name its start; splitting grades and editions off award names; choosing
among overlapping candidates. Hands on ``Mention`` objects in ``doc._.kg_mentions``. Must not:
link mentions to each other (that is ``kg.nlp.relations``) or mint identifiers.

Why regular expressions over the characters and not spaCy's token ``Matcher``: Chinese names do
not respect word boundaries (jieba splits 株洲高新区 differently in different sentences, and fuses
a suffix with what follows), so a suffix is found on the characters and the jieba tokens are used
for what they are good at: deciding where a name *starts* (a name starts on a word boundary, and
the word before it is a function word, a verb or punctuation).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import PatternError
from ..resources import load_jsonl, load_tsv, load_words
from ..text import YEAR_NUM, shadow, to_int, to_year

PATTERN_FILES = ("standards.jsonl", "organisations.jsonl", "awards.jsonl", "places.jsonl", "structures.jsonl")
PATTERN_KEYS = frozenset(
    {"id", "label", "kind", "suffix", "pattern", "lexicon", "generic", "body_min", "body_max", "conjunctions", "context", "priority", "coordinated", "word_start", "place_start", "comment"}
)
LABELS = (
    "Company",
    "GovernmentAgency",
    "Institution",
    "StandardsBody",
    "Park",
    "Place",
    "Award",
    "Standard",
    "Person",
)
ORG_LABELS = frozenset({"Company", "GovernmentAgency", "Institution", "StandardsBody"})

# Precedence when two candidates cover exactly the same characters.
PRIORITY = {
    "Standard": 9,
    "StandardsBody": 8,
    "Award": 7,
    "Company": 6,
    "Institution": 5,
    "GovernmentAgency": 4,
    "Park": 3,
    "Person": 2,
    "Place": 1,
}

GRADES = ("特等奖", "一等奖", "二等奖", "三等奖", "金奖", "银奖", "铜奖", "金质奖", "银质奖", "铜质奖", "优秀奖", "优异奖", "提名奖", "入围奖", "鼓励奖")
GRADE_RE = re.compile("(?:" + "|".join(GRADES) + ")$")
GRADE_AFTER_RE = re.compile("(?:" + "|".join(GRADES) + ")(?![励金补])")
#: the classes a quality award is given in, which stand where a grade does (青岛市市长质量奖卓越奖)
QUALITY_CLASS_RE = re.compile(r"(?<=质量奖)(?:卓越奖|创新奖|特别奖)$")
QUALITY_CLASS_AFTER_RE = re.compile(r"(?:卓越奖|创新奖|特别奖)(?![\u4e00-\u9fff]{0,2}奖)")
PUNCT = set("+，,。．.！!？?；;：:、“”\"‘’'《》<>〈〉（）()【】[]{}—…-－~·／/\\|　 \t\r\n*#▲□■●◆★☆")
COUNTER_RE = re.compile(r"^(?:[0-9]+|[一二三四五六七八九十百千万两零〇]+)(?:[家个项名位批届年月日号期度次多余]|年度)?$|^第.+[届批次期]$|^首批$")
EDITION_RE = re.compile(r"(?:第([0-9一二三四五六七八九十百]+)[届批]|(首)批)\s*$")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
STRUCTURAL_KINDS = ("list", "subject", "before_quote", "award_list", "after", "short_head")
LIST_MODIFIER_RE = re.compile(r"(?:所|共同)?(?:掌握|拥有|生产|研发|研制|开发|推出|参与)的")
YEAR_TOKEN_RE = re.compile(r"^(?:19|20)[0-9]{2}$")
DISTRIBUTED_TITLE_RE = re.compile(r"国家级|省级|市级|国家|全国")
RANK_TITLE_RE = re.compile(r"(?:省|国家|市|县|区)级")
DESCRIPTIVE_RE = re.compile(r"^第[0-9一二三四五六七八九十]+$|^(?:全资|控股)?子$|上市|[两各多三四五六七八九]级|最[大小强好优高新早]|唯一|之一|相关|有关|大型|首个|首家")
COUNT_AFTER_RE = re.compile(r"\s*[0-9一二三四五六七八九十两百余多]+\s*(?:个|家|所|座)(?=[，,。；;、\s]|$)")
TRAILING_QUALIFIER_RE = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]")
INNER_BRACKET_RE = re.compile(r"[(（][\u4e00-\u9fff]{2,8}[)）]")
#: one-character verbs and prepositions the segmenter glues to a neighbour: 奖|经 (…奖经国务院),
#: 从|市 (记者从市市场监管局), 兼|市 (兼市公安局); a name never ends or starts on one of them
GLUED_AFTER = frozenset("是的在获经从由向对被将把给让于兼")
GLUED_BEFORE = frozenset("从由向对被将把给让于兼及和与在经")
#: the head of an organisation's name inside a span: the span holds a whole name already
ORG_INSIDE_RE = re.compile(r"公司|集团|研究所|研究院|大学|学院|医院|中心|协会|委员会|政府|局|厂")
ANAPHOR_NAME_RE = re.compile(r"我市|全市|本市|我省|全省|该区|全区|园区|企业|公司|单位|项目|平台|产品")


@dataclass
class Mention:
    """A span of the report that names an entity of ``label``."""

    start: int
    end: int
    label: str
    rule: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    needs_context: bool = False


#: a subcommittee's subject between its parent committee and 分技术委员会 (钛及钛合金, 石油、天然气)
_SUBCOMMITTEE_GAP_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9及与和、]{1,16}")


def _join_subcommittees(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """One name for 全国X标准化技术委员会Y分技术委员会 where the scan for the subcommittee's name
    stopped inside Y at a conjunction (钛及钛合金): the parent, the gap and the subcommittee."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == prev.label == "StandardsBody"
            and sh.endswith("委员会", 0, prev.end)
            and sh.endswith("分技术委员会", 0, m.end)
            and (m.start == prev.end or _SUBCOMMITTEE_GAP_RE.fullmatch(sh, prev.end, m.start))
        ):
            out[-1] = Mention(prev.start, m.end, "StandardsBody", m.rule, text[prev.start:m.end], dict(m.attrs))
            continue
        out.append(m)
    return out


def _opens_on_place(sh: str, start: int) -> bool:
    """Does the text at ``start`` open on a place name or a bare level word (省委, 市政府)? A
    coordinated name (发展和改革委员会) never goes on past a conjunction before one."""
    return sh[start:start + 1] in ("省", "市", "县", "区", "州") or any(sh[start:start + n] in place_table() for n in (4, 3, 2))


def _skip_outer_place(sh: str, start: int, end: int) -> int:
    """Where a firm's name starts when a city is written before a legal name that opens on its
    province (新余市|江西锂源科技有限公司), or a common noun before one that opens on a place
    (企业|新余赣锂电池有限公司): after them."""
    places = place_table()
    if sh[start:start + 2] in ("企业", "单位", "公司") and any(sh[start + 2:start + 2 + k] in places for k in (2, 3, 4)):
        start += 2  # 另一家企业新余赣锂电池有限公司: the noun before the name is no part of it
    for n in (5, 4, 3, 2):
        outer = places.get(sh[start:start + n])
        if outer is None or outer["level"] not in ("city", "county"):
            continue
        for k in (3, 2):
            inner = places.get(sh[start + n:start + n + k])
            if inner is not None and inner["level"] == "province" and start + n + k < end:
                return start + n
        break
    return start


def _is_place_word(tok: str) -> bool:
    """A place name, or the short form of a county or district (沾益 of 沾益区, which jieba tags as
    a verb)."""
    places = place_table()
    return tok in places or any(tok + suffix in places for suffix in ("区", "县", "市", "旗"))


def _trie_pattern(words: list[str]) -> str:
    """A regex for ``words`` factored by common prefixes (longest alternative first).

    Python's ``re`` tries the alternatives of a flat ``a|b|c`` one by one at every position; a
    prefix trie lets it reject most positions after one character, which matters for the few
    thousand names of the administrative-division lexicon.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


def _compile_alternation(words: list[str]) -> re.Pattern[str]:
    """Match the longest of ``words`` at each position (greedy optional tails of a trie)."""
    words = sorted(set(w for w in words if w))
    return re.compile(_trie_pattern(words))


@lru_cache(maxsize=1)
def boundary_words() -> frozenset[str]:
    return frozenset(load_words("boundaries.tsv"))


@lru_cache(maxsize=1)
def jieba_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's own dictionary (``word freq tag`` lines), general knowledge
    of Chinese that tells a verb (推进, 发挥) or a pronoun from a word that can sit in a name."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    tags: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


# tags that end a name when scanning leftwards: verbs, adverbs, prepositions, conjunctions,
# pronouns, particles, numerals, measure words, time words
# jieba's time-word tag "t" is not among them: it also marks place words inside names (襄阳|隆中|客车);
# the time words that do end names (今年, 目前, 届时) are in boundaries.tsv
STOP_TAGS = frozenset({"v", "d", "ad", "p", "c", "r", "u", "ud", "uj", "ul", "uv", "uz", "ug", "q", "y", "e", "o", "tg", "zg", "vd", "vg"})
# county names that are also ordinary nouns (山西's 城区, 郊区): never a place on their own
GENERIC_PLACE_NAMES = frozenset({"城区", "郊区", "矿区", "新区", "市辖区", "市中区", "县", "区"})


@lru_cache(maxsize=None)
def generic_words(name: str = "generic_words.tsv") -> frozenset[str]:
    return frozenset(load_words(name))


@lru_cache(maxsize=1)
def place_table() -> dict[str, dict[str, str]]:
    """Every place surface form -> ``{"name", "level", "parent", "code"}`` (short forms included)."""
    table: dict[str, dict[str, str]] = {}
    by_code: dict[str, str] = {}
    rows = load_tsv("admin_divisions.tsv")
    for code, name, level, parent in (r + ("",) * (4 - len(r)) for r in rows):
        by_code[code] = name
    # common words that are also short forms of cities: never match them alone
    ambiguous_short = {"东方", "开封", "长治", "安康", "城中", "城区", "郊区", "矿区", "新区", "和平", "永安", "普洱", "白山", "通化"}
    for code, name, level, parent in (r + ("",) * (4 - len(r)) for r in rows):
        entry = {"name": name, "level": level, "parent": by_code.get(parent, ""), "code": code}
        table.setdefault(name, entry)
        short = None
        for suffix in ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省"):
            if level == "province" and name.endswith(suffix):
                short = name[: -len(suffix)]
                break
        if level == "province" and name.endswith("市") and len(name) == 3:
            short = name[:-1]
        if level in ("city", "county") and name.endswith("市") and len(name) >= 3:
            short = name[:-1]
        if short and len(short) >= 2 and short not in ambiguous_short:
            table.setdefault(short, entry)
    # counties made county-level cities or districts since the data was drawn (神木县 -> 神木市,
    # 2017; 潮安县 -> 潮安区, 2013): a county X县 also answers to X市 and X区 where no other
    # place has that name
    for code, name, level, parent in (r + ("",) * (4 - len(r)) for r in rows):
        if level == "county" and name.endswith("县") and len(name) >= 3:
            table.setdefault(name[:-1] + "市", table[name])
            table.setdefault(name[:-1] + "区", table[name])
    for name, level, parent in load_tsv("places_extra.tsv"):
        table.setdefault(name, {"name": name, "level": level, "parent": parent, "code": ""})
    for row in load_tsv("countries.tsv"):
        name = row[0]
        entry = {"name": name, "level": "country", "parent": "", "code": ""}
        table.setdefault(name, entry)
        for alias in (row[1].split(",") if len(row) > 1 else []):
            if alias.strip():
                table.setdefault(alias.strip(), entry)
    return table


def _lexicon_entries(name: str) -> list[tuple[str, str | None]]:
    """``(surface, label or None)`` pairs of a lexicon: name column, aliases column, optional type."""
    out: list[tuple[str, str | None]] = []
    for row in load_tsv(name):
        label = None
        if len(row) >= 3 and row[1] in LABELS:
            label, aliases = row[1], row[2]
        else:
            aliases = row[1] if len(row) > 1 else ""
        out.append((row[0], label))
        out.extend((a.strip(), label) for a in aliases.split(",") if a.strip())
    return out


class EntityRules:
    """Compiled entity patterns; ``find(doc)`` returns the chosen mentions."""

    def __init__(self, pattern_files: tuple[str, ...] = PATTERN_FILES) -> None:
        self.patterns: list[dict[str, Any]] = []
        for fname in pattern_files:
            for record in load_jsonl("patterns", fname, PATTERN_KEYS, frozenset({"id", "label", "kind"})):
                if record["label"] not in LABELS:
                    raise PatternError(f"kg/data/patterns/{fname}: {record['id']}: unknown label {record['label']!r}.")
                compiled = dict(record)
                kind = record["kind"]
                try:
                    if kind == "suffix":
                        compiled["re"] = re.compile(f"(?:{record['suffix']})")
                    elif kind == "regex":
                        compiled["re"] = re.compile(record["pattern"])
                    elif kind == "lexicon":
                        entries = _lexicon_entries(record["lexicon"])
                        compiled["labels"] = {s: (lab or record["label"]) for s, lab in entries}
                        compiled["re"] = _compile_alternation([s for s, _ in entries])
                    elif kind == "places":
                        compiled["re"] = _compile_alternation(list(place_table()))
                    elif kind in STRUCTURAL_KINDS:
                        compiled["re"] = re.compile(record["pattern"])
                    else:
                        raise PatternError(f"kg/data/patterns/{fname}: {record['id']}: unknown kind {kind!r}.")
                except re.error as exc:
                    raise PatternError(f"kg/data/patterns/{fname}: {record['id']}: bad regex ({exc}).") from exc
                self.patterns.append(compiled)
        self.boundaries = boundary_words()
        self.agency_lexicon = _compile_alternation([s for s, _ in _lexicon_entries("agencies.tsv")])
        self.institution_lexicon = {s: lab for s, lab in _lexicon_entries("institutions.tsv")}
        self.institution_lexicon.update({s: "Company" for s, _ in _lexicon_entries("companies.tsv")})
        self.institution_re = _compile_alternation(list(self.institution_lexicon))
        self._boundary_re = _compile_alternation(list(self.boundaries))
        self._place_phrase_re = _compile_alternation(list(generic_words("place_phrases.tsv")))
        self.tags = jieba_tags()
        self.name_verbs = frozenset(load_words("name_verbs.tsv"))

    # -- the left-boundary scan -------------------------------------------------------------
    def _is_stop_token(self, tok: str) -> bool:
        if not tok or tok.isspace():
            return True
        if tok in self.boundaries:
            return True
        if COUNTER_RE.match(tok) and not (len(tok) == 1 and tok in "一二三四五六七八九"):
            return True  # a lone numeral character may be part of a name: 三一集团, 一汽
        if len(tok) >= 2 and self.tags.get(tok) in STOP_TAGS and tok not in self.name_verbs and not _is_place_word(tok):
            return True  # a verb or function word (推进, 充分); one-character ones are names' (林钻); places are names' (大连 is tagged d)
        if len(tok) >= 2 and tok[-1] in GLUED_AFTER and tok not in self.tags:
            return True  # 这是, 人获, 奖经: a copula, verb or preposition glued to the word before it
        if len(tok) >= 3 and self.tags.get(tok) in ("i", "z") and not _is_place_word(tok):
            return True  # 认真落实, 特别感谢, 将有助: an idiom or set phrase of the dictionary
        if len(tok) >= 2 and tok not in self.tags and not _is_place_word(tok) and self._glued_verb_phrase(tok):
            return True  # 认真落实, 特别感谢, 将有助, 并报: a phrase the segmenter left whole, not a name
        return any(c in PUNCT for c in tok)

    def _glued_verb_phrase(self, tok: str) -> bool:
        """An unknown word that opens on a preposition or conjunction glued to a verb (并报, 经报),
        or that opens or ends on a verb or adverb of two or more characters (认真|落实, 将|有助)."""
        if len(tok) == 2:
            return tok[0] in "并经除因再" and tok[1] in "报呈送交"
        for n in range(2, len(tok) - 0):
            head, tail = tok[:n], tok[-n:]
            if len(head) < len(tok) and self.tags.get(head) in STOP_TAGS and head not in self.name_verbs and not _is_place_word(head):
                return True
            if len(tail) < len(tok) and self.tags.get(tail) in ("v", "d", "ad", "vd") and tail not in self.name_verbs and not _is_place_word(tail):
                return True
        return False

    def _scan_start(self, sh: str, tok_starts: list[int], tok_ends: list[int], pos: int, pattern: dict[str, Any]) -> int | None:
        """Where does the name whose suffix starts at ``pos`` begin? ``None`` if it has no body."""
        body_max = pattern.get("body_max", 20)
        conj = pattern.get("conjunctions", False)
        i = bisect.bisect_right(tok_starts, pos - 1) - 1
        start = pos
        while i >= 0:
            ts, te = tok_starts[i], tok_ends[i]
            if te < start and "\n" in sh[te:start] or (te < start and start < pos):
                break  # white space between words: a line or a table cell ends there (组别 主办机构)
            tok = sh[ts:min(te, pos)] if te > pos else sh[ts:te]
            if tok in ("”", "」", '"') and pattern["label"] in ("Company", "Institution"):
                # 湖南“星光”科技股份有限公司: a brand in quotes inside a legal name that opens on its region
                opening = max(sh.rfind(q, max(0, ts - 12), ts) for q in ("“", "「", '"'))
                j = bisect.bisect_right(tok_starts, opening - 1) - 1
                if opening > 0 and not any(c in PUNCT for c in sh[opening + 1:ts]) and j >= 0 and tok_ends[j] == opening:
                    place = sh[tok_starts[j]:tok_ends[j]]
                    if _is_place_word(place) and len(place) >= 2:
                        start = tok_starts[j]
                        break
            if tok in (")", "）") and (start < pos or _bracket_content(sh, ts) in place_table() or _bracket_content(sh, ts) in ("集团", "控股")):
                # a bracketed qualifier inside the name: 国家高端装备(轨道交通)制造业标准化试点
                bm = INNER_BRACKET_RE.search(sh, max(0, ts - 9), te)
                if bm and bm.end() == te and bm.start() > 0 and CJK_RE.match(sh[bm.start() - 1]):
                    j = bisect.bisect_right(tok_starts, bm.start() - 1) - 1
                    if j >= 0 and tok_ends[j] == bm.start() and not self._is_stop_token(sh[tok_starts[j]:tok_ends[j]]):
                        start = bm.start()
                        i = j
                        continue
            if pattern["label"] == "Place" and start < pos and (tok in place_table() or tok[-1] in "省市县区州旗镇乡"):
                break  # a town's name starts after its county: 桑植县|五道水镇, 高新区|三门镇
            if pattern["label"] == "Place" and len(tok) == 1 and pos - start < 2 and CJK_RE.match(tok) and tok not in "的在和与及是":
                start = ts  # 四|都|乡: a town's short name may be cut into single characters
                i -= 1
                continue
            if pattern["label"] == "Award" and YEAR_TOKEN_RE.match(tok) and i > 0 and sh[tok_starts[i - 1]:tok_ends[i - 1]] in ("全国", "中国"):
                start = ts  # 全国2023高质量发展十佳标杆县: a year written into the title
                i -= 1
                continue
            if pattern["label"] == "Award" and start < pos and te <= start and tok.endswith("奖") and len(tok) >= 2:
                break  # …贡献奖|标准项目奖: the main award ends here; the sub-award is joined to it later
            if tok[:1] in "年月日" and ts > 0 and sh[ts - 1].isdigit():
                break  # 2019|年经|福建省人民政府: a date's remnant glued to the next word
            if len(tok) == 2 and tok[1] in "省市县区州" and tok not in self.tags and not _is_place_word(tok) and (
                tok[0] in GLUED_BEFORE or (self.tags.get(tok[0]) in ("v", "p", "c") and (i == 0 or self._is_stop_token(sh[tok_starts[i - 1]:tok_ends[i - 1]])))
            ):  # 并|报县: a verb glued to the level word after a clause's conjunction (质量|兴市 stays whole)
                start = ts + 1  # 从|市 glued: the short-form body starts on its level word
                break
            if 2 <= len(tok) <= 3 and tok[0] in "从由向对被将把给让于兼在经为系任赴过据及暨" and tok not in self.tags and sh[ts:te] not in self.tags and not _is_place_word(tok) and pattern["label"] in ORG_LABELS:
                start = ts + 1  # 由和|迅…公司, 为华|邦电子: a preposition glued to the name's first character
                break
            if pattern["label"] in ("Company", "Institution") and len(tok) >= 2 and tok in _people_tables()[2]:
                break  # 主任委员|上海…研究所有限公司: a post ends the name of the body after it
            if self._is_stop_token(tok) and not (
                pattern["label"] == "Award" and ts < pos < te and start == pos and len(tok) >= 2 and sh[ts - 1:ts] == "奖"
                and self.tags.get(sh[ts:te], "").startswith("n")
            ):  # a sub-award written against its main award (…贡献奖|组织奖): a noun of the dictionary fused with 奖
                if conj and tok in ("与", "和", "及", "暨") and i > 0 and start < pos and not _opens_on_place(sh, start):
                    left = sh[max(0, ts - 3):ts]
                    prev = sh[tok_starts[i - 1]:tok_ends[i - 1]]
                    clause = sh[_segment_start(sh, ts, "，,。；;：:！？\n、", window=40) + 1:ts]
                    if not re.search(r"(公司|局|院|所|中心|会|厂|部|委|府|厅|办)$", left) and not self._is_stop_token(prev) and prev not in generic_words() and not re.search(r"等|[0-9]|荣誉|称号|报告|会议|全会|委", clause):
                        start = ts
                        i -= 1
                        continue
                if (
                    pattern["label"] in ORG_LABELS and start < pos and len(tok) >= 2 and tok not in self.boundaries
                    and i >= 2 and self._brand_before(sh, tok_starts, tok_ends, i)
                ):
                    # 佳木斯|北垦|收获|机械有限公司: a verb inside a name that opens on place + brand
                    start = tok_starts[i - 2]
                    i -= 3
                    continue
                if pattern["label"] == "Company" and pattern.get("body_min", 1) >= 2:
                    anchor = self._place_anchor(sh, tok_starts, tok_ends, i, pos, body_max)
                    if anchor is None:
                        anchor = self._list_anchor(sh, ts, pos, body_max)
                    if anchor is not None:
                        start = anchor  # 山东|普利|森|集团有限公司: a legal name opens on its region
                break
            if pos - ts > body_max:
                return None
            start = ts
            i -= 1
        # trim a leading function word or verb the segmenter glued to the name, but only where
        # the trimmed word ends on a word boundary of its own (never cut 各级 into 各|级)
        while start < pos:
            m = self._boundary_re.match(sh, start)
            if not m or m.end() >= pos or m.group(0) in ("全国", "全省", "全市"):
                break
            if not (0 <= bisect.bisect_left(tok_starts, m.end()) < len(tok_starts) and tok_starts[bisect.bisect_left(tok_starts, m.end())] == m.end()):
                break
            start = m.end()
        return start if start < pos or pattern.get("body_min", 1) == 0 else None

    def _place_anchor(self, sh: str, tok_starts: list[int], tok_ends: list[int], i: int, pos: int, body_max: int) -> int | None:
        """Where a firm's legal name opens when the leftward scan stopped at word ``i``, a verb
        or adverb of the dictionary inside the name (普利, 希望, 处理): at a province, city or
        country that starts the clause, with no punctuation, no boundary word and no second
        such word between it and the suffix; else None."""
        verbs = 0
        j = i
        while j >= 0:
            ts, te = tok_starts[j], tok_ends[j]
            tok = sh[ts:te]
            if i - j > 3 or pos - ts > body_max or not tok or tok.isspace() or tok in self.boundaries or any(c in PUNCT for c in tok) or tok in _people_tables()[2]:
                return None
            if j < i and _is_place_word(tok) and len(tok) >= 2:
                prev = sh[tok_starts[j - 1]:tok_ends[j - 1]] if j > 0 else ""
                if j == 0 or tok_ends[j - 1] != ts or self._is_stop_token(prev):
                    return ts
            if self._is_stop_token(tok):
                verbs += 1
                if verbs > 1 or self.tags.get(tok) not in ("v", "ad", "d", "vd", "a", "vn", "ag"):
                    return None
            j -= 1
        return None

    def _list_anchor(self, sh: str, ts: int, pos: int, body_max: int) -> int | None:
        """Where a legal name opens when the leftward scan stopped at a word inside it (信|和|新材料,
        阿里|云|计算) and the name is an item of a list of legal names: right after the list's
        separator (、, 及, 暨), where the item before it ends on a firm's suffix (…有限公司、); or
        after a break (、；; or a line start) where the item opens on a place (；台湾|日|东|公司).
        None where the item holds punctuation or a boundary word of two or more characters."""
        lo = max(0, pos - body_max - 1)
        k = pos - 1
        while k >= lo and sh[k] not in PUNCT and not sh[k].isspace() and sh[k] not in "及暨":
            k -= 1
        if k < lo or k + 1 > ts or pos - (k + 1) < 2:
            return None
        item = sh[k + 1:pos]
        if "的" in item or "等" in item or any(b in item for b in self.boundaries if len(b) >= 2):
            return None
        if ORG_INSIDE_RE.search(item) or _people_tables()[0].search(item):
            return None  # A有限公司和B有限公司, X集团总经理Y调任…公司: two names or a post, not one item
        before = sh[max(0, k - 4):k].rstrip(")）”」")
        if sh[k] in "、及暨" and re.search(r"(?:公司|集团|厂|银行|社)$", before):
            return k + 1
        if (sh[k] in "、；;\n" or k == 0) and any(
            (place_table().get(item[:n]) or {}).get("level") in ("province", "city", "county", "country") for n in (4, 3, 2)
        ):
            return k + 1
        return None

    def _brand_before(self, sh: str, tok_starts: list[int], tok_ends: list[int], i: int) -> bool:
        """Do the two words before word ``i`` open a firm's name: a place, then a word of two or
        more characters that jieba's dictionary does not know (佳木斯|北垦)?"""
        brand = sh[tok_starts[i - 1]:tok_ends[i - 1]]
        place = sh[tok_starts[i - 2]:tok_ends[i - 2]]
        if len(brand) < 2 or brand in self.tags or not CJK_RE.match(brand) or not _is_place_word(place):
            return False
        j = i - 3  # the place must itself begin the name: a break or a stop word before it
        return j < 0 or self._is_stop_token(sh[tok_starts[j]:tok_ends[j]]) or tok_ends[j] != tok_starts[i - 2]

    def _generic_body(self, body: str, label: str, lexicon: str = "generic_words.tsv") -> bool:
        """True when ``body`` is only generic modifiers (国家重点实验室, 省级检验检测中心).

        ``lexicon`` names the word list (a pattern's ``generic`` key): awards use their own,
        since 中国 and 质量 make 中国质量奖 a name but 国家 and 重点 make no laboratory one.
        """
        generic = generic_words(lexicon)
        if label in ("Institution", "StandardsBody") and body == "中国":
            return False  # 中国工程院, 中国科学院: the country alone names a national body
        if label == "GovernmentAgency" and body in ("省", "市", "县", "区", "州", "镇", "乡", "村", "自治区", "中央", "省委", "市委", "区委", "县委", "高新区", "园区"):
            return False
        if label == "GovernmentAgency" and len(body) > 1 and body[0] in "省市县区" and body[1:] == "市场":
            return False  # 省市场监管局: a level and its market regulator
        rest = body
        changed = True
        while rest and changed:
            changed = False
            for n in (4, 3, 2, 1):
                if rest[:n] in generic:
                    rest = rest[n:]
                    changed = True
                    break
        return not rest

    # -- candidates -------------------------------------------------------------------------
    def candidates(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int]) -> list[Mention]:
        out: list[Mention] = []
        for p in self.patterns:
            label, kind, rule = p["label"], p["kind"], p["id"]
            if kind in STRUCTURAL_KINDS:
                continue  # structural rules run after the others (see ``structural``)
            # a regex may mark the name inside its context (``name``, or ``name2`` in a second branch)
            named = [g for g in ("name", "name2") if g in p["re"].groupindex]
            for m in p["re"].finditer(sh):
                s, e = m.span(next(g for g in named if m.group(g) is not None)) if named else m.span()
                rank_title = False
                if kind == "suffix":
                    # the longest suffix wins where two overlap: 建设试点|城市 -> …试点城市
                    for k in range(s + 1, e):
                        longer = p["re"].match(sh, k)
                        if longer and longer.end() > e:
                            e = longer.end()
                    # a bracketed qualifier right after the suffix is part of the name:
                    # 国家新型工业化产业示范基地（电子信息）; not a 简称 declaration
                    q = TRAILING_QUALIFIER_RE.match(sh, e)
                    if q and label in ("Award", "Institution") and not q.group(1).startswith(("简称", "以下", "下称", "原名", "前称")) and not (
                        label == "Institution" and q.group(1)[-1] in "省市县区旗"
                    ):  # X研究院（雄安新区）: where it is, not part of its name (国家…基地（长株潭） keeps it)
                        e = q.end()
                    if p.get("word_start") and s not in set(tok_starts[max(0, bisect.bisect_left(tok_starts, s) - 1):bisect.bisect_left(tok_starts, s) + 1]):
                        continue  # the suffix must start a word of its own
                    start = self._scan_start(sh, tok_starts, tok_ends, s, p)
                    if start is not None and label in ("Company", "Institution"):
                        start = _skip_outer_place(sh, start, s)
                    quoted = _quoted_start(sh, s, e) if label != "Award" else None  # titles keep 第N届 and years apart
                    if quoted is not None and (start is None or quoted < start):
                        start = quoted  # “减震降噪与轻质高强…国家重点实验室”: the quotes delimit the name
                    if start is None:
                        continue
                    body = sh[start:s]
                    if len(body) < p.get("body_min", 1) or not CJK_RE.search(sh[start:e]):
                        continue
                    if p.get("place_start") and (not any(_is_place_word(sh[start:start + n]) for n in (2, 3, 4)) or body in place_table() or body[-1] in "区市县省" or re.search("高新区|开发区|经开区|新区|园", body)):
                        continue  # 绿色园区: no place opens the name; 株洲市园区, 高新区园区: the parks of a place or a zone
                    if p.get("word_start") and re.search(r"(?:局|委|厅|委员会|园区|[一二三四五六七八九]部)[\u4e00-\u9fff]{1,6}$", body):
                        continue  # 市场监管局标准化处: a division of the bureau, which is the entity
                    if self._generic_body(body, label, p.get("generic", "generic_words.tsv")):
                        # 国家级经济技术开发区: a rank and a generic kind of park or body is a title
                        if not (label in ("Institution", "Park") and RANK_TITLE_RE.match(body)) or sh[max(0, start - 2):start] in ("首家", "首个", "一家", "一个", "唯一"):
                            continue
                        rank_title = True
                    if DESCRIPTIVE_RE.search(body):
                        continue  # 市区两级市场监管局, 中南地区最大数据中心: descriptions, not names
                    if COUNT_AFTER_RE.match(sh, e):
                        continue  # 拥有国家标准化专业委员会6个: a kind of body counted, not a name
                    if label == "Company" and sh[s:e] in ("工厂", "制造厂", "电厂") and "公司" in body:
                        # 北汽株洲分公司二工厂: the firm is the 公司; its plant is no entity of its own
                        e = start + body.rindex("公司") + 2
                    if label == "Park":
                        if p["re"].search(body[-6:]) and p["re"].search(body).end() == len(body):
                            continue  # 株洲高新区|产业园区: a park's generic area, the inner park is found on its own
                        start += _leading_place_prefix(sh, start, s)
                        body = sh[start:s]
                    s = start
                elif kind == "places":
                    # a place starts and ends on word boundaries of the segmenter: 台北 is no place
                    # in 平台|北侧, nor 沙田 in 沙田柚, nor 浏阳 in 浏阳河
                    i = bisect.bisect_right(tok_starts, s) - 1
                    j = bisect.bisect_left(tok_ends, e)
                    if (i >= 0 and tok_starts[i] < s < tok_ends[i]) or (j < len(tok_ends) and tok_starts[j] < e < tok_ends[j] and tok_starts[j] >= s):
                        continue
                if label == "Park" and s >= 3 and sh[s - 1] in "·•・":
                    # a place joined with a middle dot: 株洲·中国动力谷
                    for n in (4, 3, 2):
                        if s - 1 - n >= 0 and sh[s - 1 - n:s - 1] in place_table():
                            s -= n + 1
                            break
                lab = p["labels"].get(sh[s:e], label) if kind == "lexicon" else label
                context = bool(p.get("context"))
                rank = RANK_TITLE_RE.match(sh, s) if lab in ("Institution", "Park") and kind == "suffix" else None
                if rank_title or rank and (m.start() - rank.end() <= 3 or self._generic_body(sh[rank.end():m.start()], lab)):
                    # 省级制造业创新中心, 国家级经开区: a rank with nothing proper is a title conferred
                    # (国家级先进轨道交通装备创新中心 keeps its proper body and stays a body)
                    lab, context = "Award", True
                mention = Mention(s, e, lab, rule, text[s:e], needs_context=context)
                if "priority" in p:
                    mention.attrs["priority"] = p["priority"]
                if lab == "Award":
                    mention = self._split_award(mention, text, sh)
                    if mention is None:
                        continue
                if kind == "places":
                    surface = sh[s:e]
                    entry = place_table()[surface]
                    tag = self.tags.get(surface)
                    if len(surface) < 2 or surface in GENERIC_PLACE_NAMES:
                        continue
                    if surface != entry["name"] and tag is not None and tag not in ("ns", "nsf", "s"):
                        continue  # short forms 合作, 白银: words first, places only by accident
                    mention.attrs["place"] = entry
                out.append(mention)
        for regex, lab_of, rule in (
            (self.agency_lexicon, lambda t: "GovernmentAgency", "agency.lexicon.v1"),
            (self.institution_re, lambda t: self.institution_lexicon.get(t) or "Institution", "institution.lexicon.v1"),
        ):
            for m in regex.finditer(sh):
                start = m.start()
                if rule == "agency.lexicon.v1" and m.group(0).endswith("部") and sh[m.end():m.end() + 1] in ("门", "署", "分", "件", "位", "队"):
                    continue  # 商务部门, 财政部署: no ministry
                if rule == "agency.lexicon.v1" and sh[max(0, start - 2):start] == "国家" and not sh[start:].startswith("国"):
                    start -= 2  # 国家工信部: the national qualifier is part of the name as written
                out.append(Mention(start, m.end(), lab_of(m.group(0)), rule, text[start:m.end()]))
        return out

    def _split_award(self, mention: Mention, text: str, sh: str) -> Mention | None:
        """Split the grade off an award's name and read its edition and year from just before it."""
        s, e = mention.start, mention.end
        if (sh[max(0, s - 2):s] in ("一批", "若干", "更多", "一些", "多个", "各类") and sh[max(0, s - 3):s - 2] != "第") or sh[max(0, s - 3):s] == "一系列":
            return None  # 创建一批质量强国建设领军企业: a kind of title, held by nobody named
        if s > 0 and sh[s - 1] == "、" and "分别" in sh[_segment_start(sh, s, "，,。；;", window=60) + 1:s]:
            # A、B分别获批…、C湖南省产业集群建设试点: the sectors of a distributive list share one
            # title, which begins at its rank word or its province
            cut = _distributed_title_start(sh, s + 2, e)
            if cut is not None:
                s = cut
                mention.start, mention.text = s, text[s:e]
        k = _award_opener(sh, s, e)
        if k is not None:
            s = k  # 授予张三中国…奖, 等4人中国…奖: the award opens on its country or province
            mention.start, mention.text = s, text[s:e]
        name = sh[s:e]
        g = GRADE_RE.search(name) or QUALITY_CLASS_RE.search(name)
        if g and g.start() > 0:
            head = name[: g.start()]
            if not head.endswith("奖"):
                return None  # fused form such as 中国专利金奖: no award name of its own
            if self._generic_body(head[:-1], "Award", "award_generic_words.tsv"):
                return None  # 该奖一等奖: the award named before, and its grade
            mention.attrs["grade"] = text[s + g.start():e]
            e = s + g.start()
        elif g:
            return None  # a bare grade (提名奖) is not an award
        mention.end, mention.text = e, text[s:e]
        follow = GRADE_AFTER_RE.match(sh, e) or (QUALITY_CLASS_AFTER_RE.match(sh, e) if sh[s:e].endswith("质量奖") else None)
        if follow and "grade" not in mention.attrs:
            mention.attrs["grade"] = text[follow.start():follow.end()]
        before = sh[max(0, s - 14):s].rstrip("“\"「『《 ")
        bracket_year = None
        yb = re.search(r"[(（]\s*(" + YEAR_NUM + r")\s*年度?\s*[)）]$", before)
        if yb:
            bracket_year = to_year(yb.group(1))  # 第七届（2023年度）河北省政府质量奖
            before = before[: yb.start()]
        if before.endswith((")", "）")) and EDITION_RE.search(before[:-1]):
            before = before[:-1]  # 2023年度（第五届）吉林省省长质量奖
        ed = EDITION_RE.search(before)
        if ed:
            from ..text import to_int

            mention.attrs["edition"] = to_int(ed.group(1) or ed.group(2))
            before = before[: ed.start()].rstrip("(（ ")
        y = re.search(r"(" + YEAR_NUM + r")\s*年度?\s*[“\"「『]?\s*$", before) or re.search(r"[“\"「『]\s*((?:19|20)[0-9]{2})\s*$", before)
        if y:
            mention.attrs["year"] = to_year(y.group(1))
        elif bracket_year is not None:
            mention.attrs["year"] = bracket_year
        else:
            inside = re.search(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", sh[s:e])
            if inside:
                mention.attrs["year"] = int(inside.group(1))  # 全国2023高质量发展十佳标杆县
        return mention

    def find(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int]) -> list[Mention]:
        """Mentions in ``text``; ``sh`` is its shadow (``kg.text.shadow``)."""
        cands = self.candidates(text, sh, tok_starts, tok_ends)
        cands.extend(find_people(text, sh, tok_starts, tok_ends))
        # bodies and parks named inside a 《document title》 are entities; places and titles there are not
        chosen = []
        phrases = self._place_phrase_re
        for m in resolve_overlaps(cands, text):
            if m.label == "Place" and phrases.match(sh, m.end):
                continue  # 中国特色, 浙江制造: the place is an adjective of a set phrase, no mention
            if m.label == "Place" and MEDIA_AFTER_RE.match(sh, m.end):
                continue  # 青岛日报, 中国证券网讯: a medium's name (media are no entities), not the place
            if m.label in ORG_LABELS | {"Park", "Standard"} or not _inside_title(sh, m.start):
                chosen.append(m)
            elif m.label == "Award":
                # an award in a title (《关于授予2023年度（第五届）…的决定》) still states its year and edition
                m.needs_context = True
                m.attrs["in_title"] = True
                chosen.append(m)
        chosen = _join_subcommittees(text, sh, chosen)
        chosen = _split_joint_bodies(text, sh, chosen)
        chosen = _join_sub_awards(text, sh, chosen)
        chosen = _link_titled_standards(text, sh, chosen)
        extra, dropped = self.structural(text, sh, tok_starts, tok_ends, chosen)
        if extra:
            chosen = sorted([m for m in chosen if not any(m is d for d in dropped)] + extra, key=lambda m: (m.start, m.end))
        from .items import headed_list_mentions  # the members of 开发区…依次是A、B、C

        extra, dropped = headed_list_mentions(self, text, sh, tok_starts, tok_ends, chosen)
        if not extra:
            return chosen
        keep = [m for m in chosen if not any(m is d for d in dropped)]
        return sorted(keep + extra, key=lambda m: (m.start, m.end))

    # -- structural rules: names with no suffix, found by where they stand ------------------
    def org_type(self, name: str, default: str = "Company") -> str:
        """The type of an organisation name by its head word, with the suffix patterns' logic."""
        best = None
        for p in self.patterns:
            if p["kind"] != "suffix" or p["label"] not in ORG_LABELS | {"Park"}:
                continue
            for m in p["re"].finditer(name):
                if m.end() == len(name) and (best is None or m.start() < best[0]):
                    best = (m.start(), p["label"])
        return best[1] if best else default

    def _short_name(self, sh: str, start: int, end: int, tok_starts: list[int], tok_ends: list[int], *, proper: bool = True, max_len: int = 10) -> tuple[int, int] | None:
        """Trim ``sh[start:end]`` to a plausible short name (2-10 chars, starts on a word boundary)."""
        while start < end and (sh[start] in PUNCT or sh[start].isspace()):
            start += 1
        while end > start and (sh[end - 1] in PUNCT or sh[end - 1].isspace()):
            end -= 1
        pos = end
        i = bisect.bisect_right(tok_starts, pos - 1) - 1
        new_start = pos
        while i >= 0 and tok_starts[i] >= start:
            tok = sh[tok_starts[i]:min(tok_ends[i], pos)]
            if self._is_stop_token(tok):
                break
            new_start = tok_starts[i]
            i -= 1
        name = sh[new_start:end]
        if not (2 <= len(name) <= max_len) or not CJK_RE.match(name) or self._generic_body(name, "Company"):
            return None
        if re.search(r"[我该本全各此其]|[0-9]", name[:1]) or ANAPHOR_NAME_RE.search(name):
            return None
        if proper and not self._has_proper_token(sh, new_start, end, tok_starts, tok_ends):
            return None
        return new_start, end

    def _has_proper_token(self, sh: str, start: int, end: int, tok_starts: list[int], tok_ends: list[int]) -> bool:
        """A short name needs one word that is not a common noun or verb of the dictionary:
        炎帝生物 has 炎帝, 国声声学 has 国声; 质量管理 and 人才引进 have none."""
        i = bisect.bisect_left(tok_starts, start)
        last_tag = None
        proper = False
        while i < len(tok_starts) and tok_starts[i] < end:
            tok = sh[tok_starts[i]:min(tok_ends[i], end)]
            tag = self.tags.get(tok)
            if tag is None and len(tok) >= 2 or (tag or "").startswith(("nr", "ns", "nt", "nz", "j")):
                proper = True
            last_tag = tag
            i += 1
        return proper and last_tag not in ("v", "a", "ad", "d", "vd")

    def structural(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int], chosen: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Mentions found by where they stand, and the places inside them that they replace."""
        taken = bytearray(len(text) + 1)
        for m in chosen:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        out: list[Mention] = []
        dropped: list[Mention] = []
        last_list_end = 0

        places_inside = {(m.start, m.end): m for m in chosen if m.label == "Place"}

        def add(s: int, e: int, p: dict[str, Any]) -> None:
            if (s, e) in places_inside or sh[s:e] in place_table():
                return  # 襄阳市入选…: a place is the recipient, not a firm named like one
            if any(m.label == "Person" and m.start == s and m.end == e for m in chosen):
                return
            label = self.org_type(sh[s:e], p["label"])
            if label == "Company" and _reads_as_person(sh[s:e], self.tags):
                label = "Person"  # 李明荣获…, 张伟入选…: a person, not a firm
            # a place inside a short name (醴陵|红官窑瓷业) gives way to the name
            inner = [k for k in places_inside if s <= k[0] and k[1] <= e]
            for k in inner:
                taken[k[0]:k[1]] = b"\x00" * (k[1] - k[0])
            if any(taken[s:e]):
                for k in inner:
                    taken[k[0]:k[1]] = b"\x01" * (k[1] - k[0])
                return
            for k in inner:
                dropped.append(places_inside.pop(k))
            name = text[s:e]
            out.append(Mention(s, e, label, p["id"], name))
            taken[s:e] = b"\x01" * (e - s)

        for p in self.patterns:
            kind = p["kind"]
            if kind not in STRUCTURAL_KINDS:
                continue
            for m in p["re"].finditer(sh):
                if kind == "list":
                    if LIST_MODIFIER_RE.match(sh, m.end()):
                        continue  # A、B等一批企业掌握的技术: the list names what the firms hold
                    # walk back over 、-separated items to the clause start
                    seg_start = _segment_start(sh, m.start(), "，,。；;：:！？\n（(“") + 1
                    items = re.split(r"、|和|及|与", sh[seg_start:m.start()])
                    pos = seg_start
                    spans = []
                    for item in items:
                        spans.append((pos, pos + len(item)))
                        pos += len(item) + 1
                    for a, b in spans:
                        span = self._short_name(sh, a, b, tok_starts, tok_ends)
                        if span and sh[span[0]:span[1]] not in place_table():
                            add(span[0], span[1], p)
                elif kind == "subject":
                    seg_start = _segment_start(sh, m.start(), "，,。；;：:！？\n（(“”") + 1
                    span = self._short_name(sh, seg_start, m.start(), tok_starts, tok_ends)
                    if span and span[1] == m.start():
                        add(span[0], span[1], p)
                        # coordinated subjects: A、B创业板上市
                        end = span[0]
                        while p.get("coordinated") and end > seg_start and sh[end - 1] in "、和与":
                            prev = self._short_name(sh, seg_start, end - 1, tok_starts, tok_ends)
                            if not prev or prev[1] != end - 1:
                                break
                            add(prev[0], prev[1], p)
                            end = prev[0]
                elif kind == "award_list":
                    seg_start = max(_segment_start(sh, m.start(), "，,。；;：:！？\n（("), last_list_end - 1) + 1
                    last_list_end = m.end()
                    items = list(re.finditer(r"[^、和及]+", sh[seg_start:m.start()]))
                    for n_item, item in enumerate(items):
                        a, b = seg_start + item.start(), seg_start + item.end()
                        if n_item == 0 or len(items) == 1:
                            # the first member starts after the verb that opens the list (集, 获得)
                            span = self._short_name(sh, a, b, tok_starts, tok_ends, proper=False, max_len=24)
                            end_b = _trim_punct(sh, a, b)[1]
                            found = [c for c in chosen if c.label in ("Award", "Park") and c.end == end_b and c.start >= a]
                            if found:
                                span = (min(c.start for c in found), end_b)
                        else:
                            # later members are whole: the separators delimit them
                            span = _trim_punct(sh, a, b)
                            if not (2 <= span[1] - span[0] <= 24) or not CJK_RE.match(sh[span[0]:span[1]]):
                                span = None
                        if span:
                            # a title the suffix rules already found, or took for a park or a
                            # body (…示范开发区, …创新创业工作站), is an honour held in the list
                            same = [c for c in chosen if c.label in ("Award", "Park", "Institution") and span[0] <= c.start and c.end <= span[1] and (c.end - c.start) * 2 > span[1] - span[0]]
                            if same:
                                c = same[0]
                                if c.label == "Award":
                                    c.attrs.update(conferred=True, honour_list=True)
                                    continue
                                dropped.append(c)
                                taken[c.start:c.end] = b"\x00" * (c.end - c.start)
                                span = (c.start, c.end)
                            # a place inside an honour (湖南|轨道交通装备制造基地) gives way to it
                            inner = [k for k in places_inside if span[0] <= k[0] and k[1] <= span[1]]
                            for k in inner:
                                taken[k[0]:k[1]] = b"\x00" * (k[1] - k[0])
                            if any(taken[span[0]:span[1]]):
                                for k in inner:
                                    taken[k[0]:k[1]] = b"\x01" * (k[1] - k[0])
                                span = None
                            else:
                                for k in inner:
                                    dropped.append(places_inside.pop(k))
                        if span:
                            award = self._split_award(Mention(span[0], span[1], "Award", p["id"], text[span[0]:span[1]]), text, sh)
                            if award:
                                award.attrs.update(conferred=True, honour_list=True)
                                out.append(award)
                                taken[award.start:award.end] = b"\x01" * (award.end - award.start)
                elif kind == "short_head":
                    # 国芯科技, 宏达电子, 叁农实业: a proper word and a trade word, then the name ends
                    e = m.end()
                    nxt = sh[e:e + 1]
                    j = bisect.bisect_left(tok_starts, e)
                    next_tok = sh[tok_starts[j]:tok_ends[j]] if j < len(tok_starts) and tok_starts[j] == e else ""
                    next_tag = self.tags.get(next_tok) or ""
                    if not (not nxt or nxt in PUNCT or nxt.isspace() or nxt in "的在和与及、等将已也还正"
                            or (next_tok and (self._is_stop_token(next_tok) or not next_tag.startswith(("n", "vn", "m", "q", "j"))))):
                        continue  # 电子信息产业: the trade word goes on into a longer noun
                    seg_start = _segment_start(sh, m.start(), "，,。；;：:！？\n、（(“”") + 1
                    span = self._short_name(sh, seg_start, e, tok_starts, tok_ends, max_len=8)
                    if not span or span[0] >= m.start():
                        continue
                    for n in (4, 3, 2):  # 炎陵县|全康电子: the place before a firm is not its name
                        if m.start() - span[0] - n >= 2 and sh[span[0]:span[0] + n] in place_table():
                            span = (span[0] + n, span[1])
                            break
                    body = sh[span[0]:m.start()]
                    if body in place_table() or self._generic_body(body, "Company") or DESCRIPTIVE_RE.search(body):
                        continue  # 株洲电子: a place's trade, not a firm
                    if not self._has_proper_token(sh, span[0], m.start(), tok_starts, tok_ends):
                        continue
                    add(span[0], e, p)
                elif kind == "after":
                    # the name runs to 的 or punctuation when one comes soon (龙头企业湖南长城的…)
                    tail = re.match(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?=的|[，,。；;、：:]|$)", sh[m.end():]) or re.match(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}", sh[m.end():])
                    if tail:
                        e = m.end() + tail.end()
                        # the name ends where the segmenter's last word before punctuation ends
                        span = self._short_name(sh, m.end(), e, tok_starts, tok_ends)
                        if span and span[0] == m.end():
                            add(span[0], span[1], p)
                elif kind == "before_quote":
                    seg_start = _segment_start(sh, m.start(), "，,。；;：:！？\n、") + 1
                    span = self._short_name(sh, seg_start, m.start(), tok_starts, tok_ends, proper=False)
                    if span:
                        add(span[0], span[1], p)
                    # coordinated owners: A“…”、B“…”等2项专利
                    for q in re.finditer(r"、([\u4e00-\u9fff]{2,8})“", sh[m.start():m.end()]):
                        add(m.start() + q.start(1), m.start() + q.end(1), p)
        return out, dropped


AWARD_OPENER_RE = re.compile(r"中国|全国")
AWARD_PREFIX_OK_RE = re.compile(r"^(?:第[0-9一二三四五六七八九十]+[届批]|首届|首批|(?:19|20)[0-9]{2}年?度?|[省市县区]级?)+$")


def _award_opener(sh: str, s: int, e: int) -> int | None:
    """Where an award's name opens inside the span a suffix scan gave it, when a winner's name
    or words such as 人, 单位, 标准项目 stand before its country, 全国 or province; else None."""
    places = place_table()
    for k in range(s + 1, e - 3):
        opener = AWARD_OPENER_RE.match(sh, k) or any(
            (places.get(sh[k:k + n]) or {}).get("level") in ("province", "city", "country") for n in (4, 3, 2)
        )
        if not opener:
            continue
        prefix = sh[s:k]
        if AWARD_PREFIX_OK_RE.match(prefix) or AWARD_OPENER_RE.search(prefix) or any(
            prefix[i:i + n] in places for i in range(len(prefix)) for n in (2, 3, 4)
        ):
            return None  # 湖南省株洲市…奖, 第三届中国…奖: the prefix is part of the name or its edition
        if prefix.endswith(("部", "局", "委", "厅", "会")):
            return None  # a body's award (经济部国家产业创新奖) is named with the body
        surnames = _people_tables()[1]
        person = 2 <= len(prefix) <= 3 and (prefix[0] in surnames or prefix[:2] in surnames)
        if not (person or prefix.endswith(("人", "单位", "项目", "者", "出", "获", "授予"))):
            return None  # 长江经济带…: words of the name itself, not a winner before it
        return k
    return None


def _join_sub_awards(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """A sub-award written against its main award (…贡献奖终身成就奖, …突出贡献奖标准项目奖) is one
    award named with both: the main award's prefix belongs to it."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None and m.label == prev.label == "Award" and m.start == prev.end
            and sh.endswith("奖", 0, prev.end) and "grade" not in prev.attrs and not prev.needs_context
        ):
            attrs = {**prev.attrs, **m.attrs}
            out[-1] = Mention(prev.start, m.end, "Award", m.rule, text[prev.start:m.end], attrs, m.needs_context)
            continue
        out.append(m)
    return out


#: the rest of a newspaper's, broadcaster's or news site's name after a place (日报, 证券报, 中国…网讯)
MEDIA_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,3}?(?:日报|晚报|早报|晨报|商报|时报|证券报|都市报|新闻网|电视台|广播电视台|卫视|网)"
    r"(?=[^\u4e00-\u9fff]|讯|社|记者|报道|消息|客户端|$)"
)
#: a party committee written against its government with no separator: 省委省政府, 中共中央国务院
JOINT_BODIES_RE = re.compile(r"(.{0,12}?(?:省委|市委|县委|区委|州委|旗委|党中央|中共中央))((?:省|市|县|区|州|旗)?(?:人民)?政府|国务院)")


def _split_joint_bodies(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """Two bodies written as one (省委省政府, 党中央国务院) are two mentions."""
    out: list[Mention] = []
    for m in mentions:
        j = JOINT_BODIES_RE.fullmatch(sh, m.start, m.end) if m.label == "GovernmentAgency" else None
        if j is None:
            out.append(m)
            continue
        for a, b in (j.span(1), j.span(2)):
            out.append(Mention(a, b, m.label, m.rule, text[a:b], {}))
    return out


def _link_titled_standards(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """A standard's title written right after its code (GB/T 38866-2020《…》) or before it
    (《…》(标准编号:GB/T 37456-2019)) names the same standard: the title becomes the code's alias
    (a title right after a code is one even where no 标准 follows). Returns the mentions."""
    codes = [m for m in mentions if m.label == "Standard" and m.rule != "standard.titled.v1"]
    titled = {(m.start, m.end): m for m in mentions if m.rule == "standard.titled.v1"}
    extra = []
    for c in codes:
        t = re.match(r"\s?《([^《》\n]{2,90})》", sh[c.end:c.end + 100])
        if t and (c.end + t.start(1), c.end + t.end(1)) not in titled:
            s, e = c.end + t.start(1), c.end + t.end(1)
            if not any(m.start < e and s < m.end for m in mentions):
                m = Mention(s, e, "Standard", "standard.titled.v1", text[s:e])
                titled[(s, e)] = m
                extra.append(m)
    for m in titled.values():
        for c in codes:
            before = c.end <= m.start and sh[c.end:m.start].strip() == "《"
            after = m.end < c.start and re.fullmatch(r"》\s*[(（][^()（）]{0,8}", sh[m.end:c.start])
            if before or after:
                m.attrs["alias_of"] = c.text
                break
    return sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions


def _quoted_start(sh: str, s: int, e: int) -> int | None:
    """Where a name that ends right before a closing quote opens: ``“…suffix”`` within 30
    characters, with no punctuation inside; else None."""
    if sh[e:e + 1] not in ("”", "」", '"'):
        return None
    lo = max(0, s - 30)
    opening = max(sh.rfind("“", lo, s), sh.rfind("「", lo, s))
    if opening < 0 or any(c in PUNCT for c in sh[opening + 1:s]):
        return None
    return opening + 1


def _distributed_title_start(sh: str, lo: int, hi: int) -> int | None:
    """Where a title starts inside ``sh[lo:hi]``: at a rank word (国家级, 全国) or a province."""
    for k in range(lo, hi - 3):
        if DISTRIBUTED_TITLE_RE.match(sh, k):
            return k
        for n in (3, 2):
            entry = place_table().get(sh[k:k + n])
            if entry and entry.get("level") == "province":
                return k
    return None


def _bracket_content(sh: str, close: int) -> str:
    """The text inside the bracket that closes at ``close`` (within 9 characters), or ''."""
    opening = max(sh.rfind("(", max(0, close - 9), close), sh.rfind("（", max(0, close - 9), close))
    return sh[opening + 1:close] if opening >= 0 else ""


def _reads_as_person(name: str, tags: dict[str, str]) -> bool:
    """A two- to four-character span that jieba's dictionary knows as a personal name. (A surname
    and an unknown given name is no evidence: 欧科亿 is a firm.)"""
    return 2 <= len(name) <= 4 and (tags.get(name) or "").startswith("nr")


def _trim_punct(sh: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without punctuation or white space at either end."""
    while start < end and (sh[start] in PUNCT or sh[start].isspace()):
        start += 1
    while end > start and (sh[end - 1] in PUNCT or sh[end - 1].isspace()):
        end -= 1
    return start, end


def _segment_start(sh: str, pos: int, separators: str, window: int = 160) -> int:
    """Offset of the last separator before ``pos`` (within ``window`` characters), or -1."""
    lo = max(0, pos - window)
    found = max(sh.rfind(c, lo, pos) for c in separators)
    return found if found >= 0 else (lo - 1 if lo else -1)


def _inside_title(sh: str, pos: int) -> bool:
    """Is ``pos`` inside a 《document title》? Only bodies named there are entities."""
    left = sh.rfind("《", max(0, pos - 60), pos)
    return left >= 0 and sh.find("》", left, pos) < 0 and sh.find("》", pos, pos + 60) >= 0


def _leading_place_prefix(sh: str, start: int, end: int) -> int:
    """Length of a full place name that precedes a second place name in a park's body
    (株洲市|株洲高新区 in a document title): the park is named from the second."""
    table = place_table()
    for n in range(min(8, end - start - 2), 1, -1):
        head = sh[start:start + n]
        entry = table.get(head)
        if entry and head == entry["name"] and any(sh[start + n:start + n + k] in table for k in (2, 3)):
            return n
    return 0


def resolve_overlaps(cands: list[Mention], text: str) -> list[Mention]:
    """Keep the longest candidate, then the higher-priority label; drop what overlaps it."""
    cands.sort(key=lambda m: (-(m.end - m.start), -m.attrs.get("priority", PRIORITY[m.label]), m.start, m.rule))
    taken = bytearray(len(text) + 1)
    chosen: list[Mention] = []
    for m in cands:
        if any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        chosen.append(m)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


# -- people ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _people_tables() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    roles = [r[0] for r in load_tsv("roles.tsv")]
    surnames = frozenset(load_words("surnames.tsv"))
    role_re = _compile_alternation(roles + ["总书记", "总理", "常委"])
    byline_re = re.compile(r"(?:本版作者|记者|通讯员|特约撰稿|撰稿|摄影|作者|文/图|图/文|文图|文|图|制图|绘图|设计|校对|责任编辑|编辑|责编|撰文)\s*[:：/]?\s*")
    return role_re, surnames, frozenset(roles), byline_re


#: last words of organisation names, after which a name and a post may follow (X大学张三教授)
_ORG_END_WORDS = ("大学", "学院", "公司", "集团", "研究院", "研究所", "医院", "中心", "实验室", "协会", "学会")
#: NAME（…POST）: a name after a break, then a bracket that ends on a post
NAME_THEN_BRACKET_RE = re.compile(r"(?:^|(?<=[，,。；;：:、\s]))(?P<name>[\u4e00-\u9fff]{2,3})[（(](?P<inner>[^（）()]{2,40})[)）]")
#: 邬建华、钟启明2名个人 / 张三、李四等3位: two or more names, then their count
COUNTED_NAMES_RE = re.compile(
    r"(?P<names>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,4})+)(?P<etc>等)?(?P<n>[0-9]+|[两二三四五六七八九十]+)(?:名|位)"
)

#: (张三、李四) or (张三 李四) closing a paragraph: the writers of a report
AUTHORS_RE = re.compile(r"[(（]([\u4e00-\u9fff]{2,3}(?:[、 \u3000][\u4e00-\u9fff]{2,3})*)[)）][ \t\u3000]*(?=\n|$)")
#: 授予张三等6人 / ,李四等3人获: one name, then the count of the people it heads
NAME_THEN_COUNT_RE = re.compile(r"(?:授予|[,，;；、:：\n]|^)(?P<name>[\u4e00-\u9fff]{2,3}?)等[0-9一二三四五六七八九十]+(?:人|名|位)")

NAME_END_WORDS = (
    "表示", "说", "介绍", "认为", "指出", "强调", "看来", "多次", "专程", "也", "还", "围绕", "态度", "思路", "在", "的",
    "等", "为", "是", "对", "将", "带领", "率队", "提出", "主持", "出席", "调研", "眉飞色舞", "摄", "和", "与", "、",
    "告诉", "透露", "坦言", "谈到", "说道", "感慨", "解释", "补充",
)


#: a name written in transliteration, its parts joined by a middle dot (吐尔逊·艾买提)
_DOTTED_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・][\u4e00-\u9fff]{1,6})+")


def _name_len_at(sh: str, pos: int, surnames: frozenset[str], roles: frozenset[str], tok_starts: list[int]) -> int:
    """Length of a personal name starting at ``pos`` (2-4 characters, or a dotted
    transliteration), or 0."""
    dotted = _DOTTED_NAME_RE.match(sh, pos)
    if dotted:
        # the last part ends where the name does: before a non-Han character or a word such as 表示
        last = max(sh.rfind(d, pos, dotted.end()) for d in "·•・") + 1
        for e in range(min(dotted.end(), last + 4), last, -1):
            if e >= len(sh) or not ("\u4e00" <= sh[e] <= "\u9fff") or sh.startswith(NAME_END_WORDS, e):
                return e - pos
    sur = 2 if sh[pos:pos + 2] in surnames else (1 if sh[pos:pos + 1] in surnames else 0)
    if not sur:
        return 0
    best = 0
    for n in (sur + 2, sur + 1):
        cand = sh[pos:pos + n]
        if len(cand) < n or not all("\u4e00" <= c <= "\u9fff" for c in cand):
            continue
        after = sh[pos + n:pos + n + 5]
        if not after or after[0] in PUNCT or after[0].isspace() or after[0].isdigit() or after.startswith(NAME_END_WORDS):
            shorter_end = sh[pos + n - 1:pos + n + 4]
            long_end = any(len(w) >= 2 and after.startswith(w) for w in NAME_END_WORDS)  # 周清和|表示
            if n == sur + 2 and (cand[-1] in "说的在等是" or (cand[-1] in "和为与将也还对" and not long_end) or any(len(w) >= 2 and shorter_end.startswith(w) for w in NAME_END_WORDS)):
                best = n - 1  # 杨帆|认为, not 杨帆认|为
            else:
                best = n
            break
    if not best:
        # fall back on the segmenter: a word boundary right after 2 or 3 characters
        idx = set(tok_starts)
        for n in (sur + 1, sur + 2):
            if pos + n in idx and all("\u4e00" <= c <= "\u9fff" for c in sh[pos:pos + n]):
                best = n
                break
    if best and any(sh[pos:pos + best].endswith(r) for r in roles):
        return 0
    return best


def find_people(text: str, sh: str, tok_starts: list[int], tok_ends: list[int]) -> list[Mention]:
    """Persons named after a post (局长钱俊君), before one (丁荣军院士), or in a byline."""
    role_re, surnames, roles, byline_re = _people_tables()
    out: list[Mention] = []
    seen: set[int] = set()

    tags = jieba_tags()

    stops = boundary_words()

    def add(pos: int, n: int, rule: str) -> None:
        tag = tags.get(sh[pos:pos + n])
        if tag is not None and not tag.startswith("nr"):
            return  # 高质量, 关于: words jieba knows, not names
        if sh[pos:pos + n] in stops:
            return  # 荣获, which jieba's dictionary tags as a name
        if n and pos not in seen:
            seen.add(pos)
            out.append(Mention(pos, pos + n, "Person", rule, text[pos:pos + n]))

    for m in role_re.finditer(sh):
        pos = m.end()
        while pos < len(sh) and sh[pos] in " \u3000":
            pos += 1
        if sh[pos:pos + 1] not in "由被在将把对":  # 主任由X兼任: a preposition, not a surname
            add(pos, _name_len_at(sh, pos, surnames, roles, tok_starts), "person.after_role.v1")
        # a name right before a post: 丁荣军院士, 李克强总理
        for n in (3, 2):
            s = m.start() - n
            if s < 0:
                continue
            cand = sh[s:m.start()]
            known = (tags.get(cand) or "").startswith("nr")  # a name jieba's dictionary knows: 习近平
            if (known or cand[:1] in surnames or cand[:2] in surnames) and all("\u4e00" <= c <= "\u9fff" for c in cand):
                prev = sh[s - 1] if s > 0 else "\n"
                after_org = sh.endswith(_ORG_END_WORDS, 0, s)  # 关中理工大学雷振邦教授
                if (known or ((prev in PUNCT or prev.isspace() or after_org) and s in set(tok_starts)) or prev in "以由和与的是") and cand not in roles:
                    add(s, n, "person.before_role.v1")
                    break
    # a name with its post in brackets: 覃美玲（柳州螺香食品集团有限公司董事长）
    for m in NAME_THEN_BRACKET_RE.finditer(sh):
        inner = m.group("inner")
        if any(role_re.fullmatch(inner, len(inner) - n) for n in range(2, min(6, len(inner)) + 1)):
            name = m.group("name")
            if name[:1] in surnames or name[:2] in surnames:
                add(m.start("name"), len(name), "person.bracket_post.v1")
    # a list of names counted after it: 授予邬建华、钟启明2名个人…, 张三、李四等3位专家
    for m in COUNTED_NAMES_RE.finditer(sh):
        items = m.group("names").split("、")
        count = to_int(m.group("n"))
        if count is None or count < len(items) or (count > len(items) and not m.group("etc")):
            continue
        pos = m.start("names")
        first = items[0]
        # the first item may carry the words before the list (授予邬建华): the name is its tail
        n0 = next((n for n in (3, 2, 4) if len(first) >= n and (pos + len(first) - n) in set(tok_starts) and (first[-n] in surnames or first[-n:-n + 2] in surnames)), None)
        names = [(pos + len(first) - n0, n0)] if n0 else []
        at = pos + len(first) + 1
        for item in items[1:]:
            if 2 <= len(item) <= 4 and (item[0] in surnames or item[:2] in surnames):
                names.append((at, len(item)))
            at += len(item) + 1
        if len(names) == len(items):
            for start, n in names:
                add(start, n, "person.counted_list.v1")
    # writers named in brackets closing a paragraph: (张三、李四), (张三 李四)
    for m in AUTHORS_RE.finditer(sh):
        at = m.start(1)
        for item in re.split(r"[、 \u3000]", m.group(1)):
            if item[:1] in surnames or item[:2] in surnames:
                add(at, len(item), "person.author_bracket.v1")
            at += len(item) + 1
    # one name before its count: 授予张三等6人…, 李四等3人获…
    for m in NAME_THEN_COUNT_RE.finditer(sh):
        name = m.group("name")
        if (name[:1] in surnames or name[:2] in surnames) and m.start("name") in set(tok_starts):
            add(m.start("name"), len(name), "person.counted_one.v1")
    byline_end = -1
    for m in byline_re.finditer(sh):
        # after a line start or punctuation, or a medium's name: 本报记者, 湖南日报记者, 新华社记者, 人民网记者;
        # or right after the names of a byline before it (记者刘某通讯员王某)
        if m.start() > 0 and m.start() != byline_end and not (sh[m.start() - 1].isspace() or sh[m.start() - 1] in PUNCT or sh[m.start() - 1] in "报社网台刊"):
            continue
        pos = m.end()
        if pos == m.start() + 1 and sh[m.start()] in "文图":
            continue  # a lone 文/图 is a byline only with a slash or colon
        while True:
            # the name ends at a break, a slash, the next byline word, or a dateline (台北12日电)
            chunk = re.match(r"[\u4e00-\u9fff]{2,4}(?=[\s、，,)）/]|$|通讯员|摄|报道|[\u4e00-\u9fff]{2}[0-9])", sh[pos:])
            if not chunk:
                break
            name = chunk.group(0)
            if len(name) >= 3 and name[-1] in "摄拍":
                name = name[:-1]  # 记者王某摄: the photographer's credit, not part of the name
            if name in roles or (name[:1] not in surnames and name[:2] not in surnames) or byline_re.fullmatch(name):
                break
            add(pos, len(name), "person.byline.v1")
            pos += len(name)
            byline_end = pos
            sep = re.match(r"[ \u3000、，,]+", sh[pos:])
            if not sep:
                break
            pos += sep.end()
    return out
