"""Word classes of a name's body: is what stands before a suffix a name, or common words?

Owns: ``BodyWords``, the methods of ``kg.nlp.rules.EntityRules`` that read the jieba words of the
body before a suffix (a name's word, a verb phrase, a count, common words, an unknown word that
opens a name), where a park's name opens, whose department an office is and which type a body
named on its own has; and the two checks on a body alone (a society of a realm, a place written
twice). ``BodyWords`` reads ``self.tags``, ``self.institution_re``, ``self.institution_lexicon``
and ``self.agency_lexicon``, which ``EntityRules.__init__`` sets, and ``self.org_type`` of
``kg.nlp.structural.StructuralRules``. Must not: build mentions.
"""

from __future__ import annotations

import bisect
import re

from .lexicons import _is_place_word, place_table


#: the suffixes of learned societies and trade associations: one of a field for each realm
_SOCIETY_RE = re.compile(r"(?:协会|学会|联合会|促进会|研究会|商会)$")
#: a realm that opens a society's name: the country, the nation, or a province's or city's level word
_REALM_RE = re.compile(r"^(?:中国|中华|全国|[省市县])(?!级)")


def _society_of_a_realm(body: str, suffix: str, label: str) -> bool:
    """中国标准化协会, 省质量协会: a realm and a field make a society's name (there is one such
    society for each realm), though both words are generic; 国家重点实验室 stays a kind."""
    return label == "Institution" and _SOCIETY_RE.search(suffix) is not None and _REALM_RE.match(body) is not None and len(body) > 2 - (body[0] in "省市县")


def _leading_place_prefix(sh: str, start: int, end: int) -> int:
    """Length of a full place name written again, short, in a park's body (株洲市|株洲高新区 in a
    document title): the park is named from the second. A province or city before a place within
    it stays part of the name (甘肃省张掖高新技术产业开发区, 昭通市鲁甸县合作产业园)."""
    table = place_table()
    for n in range(min(8, end - start - 2), 1, -1):
        head = sh[start:start + n]
        entry = table.get(head)
        inner = next((table[sh[start + n:start + n + k]] for k in (3, 2) if sh[start + n:start + n + k] in table), None)
        if entry and head == entry["name"] and inner is not None and inner["name"] == entry["name"]:
            return n
    return 0


#: verbs of building a park, which jieba tags as verbal nouns (建设, 打造): one opening a park's body
#: makes it a verb phrase (加快建设|现代农业产业园)
BUILD_VERBS = frozenset({"建设", "打造", "发展", "培育", "推进", "建成", "新建", "扩建", "筹建", "创建", "规划"})


class BodyWords:
    """Checks on the words of a body before its suffix (a mixin of ``EntityRules``)."""

    def _office_owner(self, sh: str, start: int, end: int) -> int | None:
        """For an office named ``sh[start:end]`` + 办公室: ``start`` where its body opens on a body
        that is no government's (an institution, a firm or a park of the lexicons: 中科院|标准化,
        数码港) or on the common noun 园区, so the office is that body's department or its
        premises; where that body is joined to the rest by a conjunction (数码港与政府资讯科技总监),
        the offset after it, where the office's own name opens. None for a government's office."""
        if sh.startswith("园区", start) and end - start == 2:
            return start
        lex = self.institution_re.match(sh, start, end)
        if lex is None or self.institution_lexicon.get(lex.group(0)) == "GovernmentAgency":
            return None
        conj = re.match(r"与|和|及|暨", sh[lex.end():end])
        if conj is not None:
            return lex.end() + conj.end() if end - lex.end() - conj.end() >= 2 else None
        return start

    def _body_type(self, name: str) -> str:
        """The type of a body named on its own: the lexicons', else its head word's."""
        if name in self.institution_lexicon:
            return self.institution_lexicon[name]
        if self.agency_lexicon.fullmatch(name):
            return "GovernmentAgency"
        return self.org_type(name, default="GovernmentAgency")

    def _proper_words(self, sh: str, tok_starts: list[int], tok_ends: list[int], start: int, end: int) -> bool:
        """Does ``sh[start:end]`` hold a word of a name: a place, a word the dictionary does not
        know, or one it tags as a name (鲁疆, 张江, 古雷)? Common nouns and verbs (软件, 人工智能,
        指导) make a kind of thing, not a name."""
        if re.search(r"[“”「」\"A-Za-z]", sh[start:end]):
            return True
        i = max(0, bisect.bisect_right(tok_starts, start) - 1)
        while i < len(tok_starts) and tok_starts[i] < end:
            a, b = max(tok_starts[i], start), min(tok_ends[i], end)
            tok = sh[a:b]
            tag = self.tags.get(tok)
            if (tag is None and len(tok) >= 2) or (tag or "").startswith(("nr", "ns", "nt", "nz", "j")) or _is_place_word(tok):
                return True
            i += 1
        return False

    def _opens_unknown_name(self, sh: str, tok_starts: list[int], tok_ends: list[int], end: int) -> bool:
        """Is the word right after ``end`` one the dictionary does not know and that holds no word
        it knows, no place and no listed body (恩菲, 宝聚源, 诚通; not 小微企业, 竹科): a name's rest?"""
        i = bisect.bisect_left(tok_starts, end)
        if i >= len(tok_starts) or tok_starts[i] != end:
            return False
        w = sh[end:tok_ends[i]]
        if len(w) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in w) or w in self.tags or _is_place_word(w):
            return False
        if re.fullmatch(r"[两二三四五六七八九十几]+[市县区省州地家个]", w):
            return False  # 湘潭|两市, 株洲|三县: a count of the places listed, no name's rest
        if any(w[k:k + n] in self.tags for n in (2, 3) for k in range(len(w) - n + 1)):
            return False  # 小微|企业: common words the segmenter left joined
        return w not in self.institution_lexicon and self.institution_re.fullmatch(w) is None

    def _verb_or_count_body(self, sh: str, tok_starts: list[int], tok_ends: list[int], start: int, end: int) -> bool:
        """Is ``sh[start:end]`` made only of verbs, adverbs, numerals and measure words of the
        dictionary (运用, 第一|个, 办, 次)? Such a body before 政府/局/委员会 names no body."""
        i = bisect.bisect_left(tok_starts, start)
        if i >= len(tok_starts) or tok_starts[i] != start:
            return False
        seen = False
        while i < len(tok_starts) and tok_starts[i] < end:
            tok = sh[tok_starts[i]:min(tok_ends[i], end)]
            tag = self.tags.get(tok, "")
            counted = re.fullmatch(r"第?[一二三四五六七八九十两0-9]+[个次]?", tok) is not None
            verbal = tag == "vn" and sh.startswith("政府", end)  # 运用|政府: a government is named by its place, never a verbal noun
            if not (counted or verbal or tag in ("v", "vd", "d", "m", "q", "mq", "a", "ad", "c", "p")):
                return False
            seen = seen or counted or verbal or tag in ("v", "vd", "m", "q", "mq")
            i += 1
        return seen  # (an adjective or adverb alone, 新|区政府, is no verb phrase)

    def _common_phrase(self, sh: str, tok_starts: list[int], tok_ends: list[int], start: int, end: int) -> bool:
        """Is ``sh[start:end]`` common words and no name's word: two or more words, or one that is
        a numeral, classifier, locality, idiom, verb or adverb (八成, 间|科技, 科技|创业, 依法办理)? One
        common noun or adjective alone may be a brand (宏远公司, 光明公司)."""
        if start >= end or self._proper_words(sh, tok_starts, tok_ends, start, end):
            return False
        i = max(0, bisect.bisect_right(tok_starts, start) - 1)
        tags = []
        while i < len(tok_starts) and tok_starts[i] < end:
            tags.append(self.tags.get(sh[max(tok_starts[i], start):min(tok_ends[i], end)]) or "")
            i += 1
        return len(tags) >= 2 or any(t[:1] in ("m", "q", "f", "l", "v", "d", "p", "r", "t") for t in tags)

    def _verb_phrase_body(self, sh: str, tok_starts: list[int], tok_ends: list[int], start: int, end: int) -> bool:
        """Is ``sh[start:end]`` a verb with common words, no name's word (提升|国家级|经济, 促进|全省)?
        Only whole words of two or more characters the dictionary knows count: small places come
        out of the segmenter as single characters (大|里|工业区)."""
        if start >= end or self._proper_words(sh, tok_starts, tok_ends, start, end):
            return False
        i = max(0, bisect.bisect_right(tok_starts, start) - 1)
        verb = False
        first = True
        while i < len(tok_starts) and tok_starts[i] < end:
            tok = sh[max(tok_starts[i], start):min(tok_ends[i], end)]
            tag = self.tags.get(tok) or ""
            if len(tok) < 2:
                return False
            # 建设|现代农业|产业园: a verb of building (tagged a verbal noun) opening the body
            verb = verb or tag in ("v", "vd") or (first and tok in BUILD_VERBS)
            first = False
            i += 1
        return verb

    def _park_opening(self, sh: str, tok_starts: list[int], tok_ends: list[int], start: int, end: int) -> int:
        """Where a park's name opens when a sector's words stand before the province or city it
        opens on (特钢新材料及制品|江苏江阴高新技术产业开发区, 工业互联网|苏州工业园区): at that place."""
        table = place_table()
        starts = set(tok_starts[bisect.bisect_left(tok_starts, start):bisect.bisect_left(tok_starts, end)])
        for k in sorted(starts):
            if k <= start or k >= end - 1:
                continue
            entry = next((table[sh[k:k + n]] for n in (4, 3, 2) if sh[k:k + n] in table), None)
            if entry is None or entry.get("level") not in ("province", "city"):
                continue
            prefix = sh[start:k]
            if (len(prefix) >= 4 or entry.get("level") == "province") and not any(_is_place_word(prefix[i:i + n]) for i in range(len(prefix)) for n in (2, 3, 4)) and not self._proper_words(sh, tok_starts, tok_ends, start, k):
                return k
            break
        return start
