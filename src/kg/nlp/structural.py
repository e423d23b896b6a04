"""Structural rules: names with no suffix, found by where they stand.

Owns: ``StructuralRules``, the methods of ``kg.nlp.rules.EntityRules`` that run the pattern
kinds ``list``, ``subject``, ``before_quote``, ``award_list``, ``after`` and ``short_head``
(members of 等N家企业 lists, the subject before 获评, owners before a quoted patent, short firm
names such as 国芯科技), trim a span to a plausible short name, and type an organisation name
by its head word (or a subject before 获评 as a person where the honour won is a person's:
王芳荣获全国劳动模范称号). Reads ``self.patterns`` and ``self.tags`` set by ``EntityRules.__init__``.
Must not: run the suffix, regex or lexicon patterns (that is ``EntityRules.candidates``).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .lexicons import _is_place_word, place_table
from .mentions import CJK_RE, DESCRIPTIVE_RE, ORG_LABELS, PUNCT, Mention, _segment_start, _trim_punct
from .people import _people_tables
from .scan import GLUED_PREPOSITIONS, TRADE_TAIL_RE


#: a span that opens on a classifier right after a number (3|家株企) is a count, no name
COUNT_CHARS = frozenset("0123456789一二三四五六七八九十两百千万多余几")
COUNTED_START_RE = re.compile(r".[家个名位项批所座]")
#: 湘潭|两市, A、B三家: a count and a level or classifier closing a list, no name
COUNTED_END_RE = re.compile(r"[两二三四五六七八九十几0-9]+\s*[市县区省州镇乡家个所项地]$")
#: 凭借|…荣获: what stands after these is the means of a win, not its holder
MEANS_BEFORE_RE = re.compile(r"(?:凭借|凭着|依靠|依托|借助|通过|凭|靠)$")

#: a branded product (华力牌轴承, 金龙牌): no firm's name
BRANDED_PRODUCT_RE = re.compile(r"牌[\u4e00-\u9fff]{0,6}$")
#: what a firm made, named before its product (A公司生产的|X, 研发的|X)
MADE_BY_BEFORE_RE = re.compile(r"(?:生产|研发|研制|推出|开发|制造|出品|设计)的$")

#: the items of a list of honours: between 、/和/及, and between two quoted names written side by side (“A”“B”)
AWARD_LIST_ITEM_RE = re.compile(r"(?:[^、和及”」]|[”」](?![“「]))+[”」]?")

STRUCTURAL_KINDS = ("list", "subject", "before_quote", "award_list", "after", "short_head", "unit_after")


LIST_MODIFIER_RE = re.compile(r"(?:所|共同)?(?:掌握|拥有|生产|研发|研制|开发|推出|参与)的")


ANAPHOR_NAME_RE = re.compile(r"我市|全市|本市|我省|全省|该区|全区|园区|企业|公司|单位|项目|平台|产品")


#: an honour only persons hold, the first one named after a verb of winning (…劳动奖章, …劳动模范,
#: …三八红旗手, …技术能手, …大国工匠, …先进工作者, …优秀企业家, …最美职工): the short name before
#: the verb is a person's (王芳荣获…, 李明被评为…), however the verb is written
PERSONAL_HONOUR_AFTER_RE = re.compile(
    r"[^，,。；;！!？?\n：:、]{0,24}?(?:奖章|勋章|星章|劳动模范|劳模|红旗手|技术能手|能手|工匠|先进工作者|先进个人|"
    r"优秀企业家|企业家|最美职工|优秀共产党员|道德模范|巾帼建功标兵|巾帼标兵|教师|医师|名医|学科带头人|拔尖人才|青年人才|专家)(?:荣誉称号|称号|荣誉)?(?![\u4e00-\u9fff])")


def _reads_as_chinese_name(name: str, surnames: frozenset[str]) -> bool:
    """Two or three Han characters that open on a surname (four with a double surname)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return False
    if name[:2] in surnames and 3 <= len(name) <= 4:
        return True
    return name[0] in surnames and 2 <= len(name) <= 3


def _reads_as_person(name: str, tags: dict[str, str]) -> bool:
    """A two- to four-character span that jieba's dictionary knows as a personal name. (A surname
    and an unknown given name is no evidence: 欧科亿 is a firm.)"""
    return 2 <= len(name) <= 4 and (tags.get(name) or "").startswith("nr")



#: a firm's post right after a short name (宏达电子总经理, 塑懋机械总经理): the name ends before it
FIRM_POST_AFTER_RE = re.compile(r"(?:副)?(?:董事长|总经理|总裁|执行长|首席执行官|CEO|创始人|创办人|董事|总工程师|厂长)")
#: a verb of siting that the segmenter tags as a noun (座落): it ends a short firm's name before it
SITED_AFTER_RE = re.compile(r"(?:座落|坐落)(?:于|在)")

class StructuralRules:
    """Names found by where they stand (a mixin of ``EntityRules``)."""

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
        j = bisect.bisect_left(tok_starts, new_start)
        if j < len(tok_starts) and tok_starts[j] == new_start:
            first = sh[new_start:min(tok_ends[j], end)]
            if 2 <= len(first) <= 3 and first[0] in GLUED_PREPOSITIONS and first not in self.tags and not _is_place_word(first):
                new_start += 1  # 为华|邦电子: a preposition glued to the name's first character
        name = sh[new_start:end]
        if not (2 <= len(name) <= max_len) or not CJK_RE.match(name) or self._generic_body(name, "Company"):
            return None
        if re.search(r"[我该本全各此其]|[0-9]", name[:1]) or ANAPHOR_NAME_RE.search(name):
            return None
        if proper and not self._has_proper_token(sh, new_start, end, tok_starts, tok_ends):
            return None
        return new_start, end

    def _holds_verb(self, sh: str, start: int, end: int, tok_starts: list[int], tok_ends: list[int]) -> bool:
        """Does ``sh[start:end]`` hold a verb, conjunction, preposition or adverb of the dictionary
        that no name holds (研发, 并, 占; not 创新 or 控股, see name_verbs.tsv)?"""
        i = bisect.bisect_left(tok_starts, start)
        while i < len(tok_starts) and tok_starts[i] < end:
            tok = sh[tok_starts[i]:min(tok_ends[i], end)]
            if self.tags.get(tok) in ("v", "vd", "c", "p", "d") and tok not in self.name_verbs:
                return True
            i += 1
        return False

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

    def _unit_after(self, sh: str, a: int, tok_starts: list[int], tok_ends: list[int]) -> tuple[int, int] | None:
        """The short name that opens at ``a`` and runs over at most 8 characters of words that are
        no stop words, when what follows it ends the name (punctuation, the end, 的 or a stop word:
        a verb, a preposition)."""
        j = bisect.bisect_left(tok_starts, a)
        if j >= len(tok_starts) or tok_starts[j] != a:
            return None
        e = a
        while j < len(tok_starts) and tok_ends[j] - a <= 8:
            tok = sh[tok_starts[j]:tok_ends[j]]
            if tok == "的" or self._is_stop_token(tok):
                break
            e = tok_ends[j]
            j += 1
        if e - a < 2:
            return None
        nxt = sh[e:e + 1]
        after = sh[tok_starts[j]:tok_ends[j]] if j < len(tok_starts) and tok_starts[j] == e else ""
        # a verb or preposition of the clause (起草, 在); not a count (子公司|投建|8万吨: 投建 is the verb)
        stop = bool(after) and (after in self.boundaries or self.tags.get(after) in ("v", "p", "d", "c", "vd", "ad")) and self._is_stop_token(after)
        if not (not nxt or nxt in PUNCT or nxt.isspace() or nxt == "的" or stop):
            return None
        span = self._short_name(sh, a, e, tok_starts, tok_ends, max_len=8)
        if not span or span[0] != a:
            return None
        k = bisect.bisect_left(tok_starts, span[1]) - 1  # the last word: one character is a head (株洲|所), tagged as it may be
        last_head = k >= 0 and tok_ends[k] == span[1] and tok_ends[k] - tok_starts[k] == 1
        if self._holds_verb(sh, span[0], tok_starts[k] if last_head else span[1], tok_starts, tok_ends):
            return None
        return span

    def structural(self, text: str, sh: str, tok_starts: list[int], tok_ends: list[int], chosen: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Mentions found by where they stand, and the places inside them that they replace."""
        taken = bytearray(len(text) + 1)
        for m in chosen:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        out: list[Mention] = []
        dropped: list[Mention] = []
        last_list_end = 0

        places_inside = {(m.start, m.end): m for m in chosen if m.label == "Place"}

        def add(s: int, e: int, p: dict[str, Any], person_ok: bool = False) -> None:
            if (s, e) in places_inside or sh[s:e] in place_table():
                return  # 襄阳市入选…: a place is the recipient, not a firm named like one
            if any(m.label == "Person" and m.start == s and m.end == e for m in chosen):
                return
            if any(k[1] == e and k[0] > s and self.tags.get(sh[s:k[0]], "").startswith("n") for k in places_inside):
                return  # 省会长沙获得…, 古城西安入选…: a common noun before a place describes the place
            label = self.org_type(sh[s:e], p["label"])
            if label == "Company" and _reads_as_person(sh[s:e], self.tags):
                label = "Person"  # 李明荣获…, 张伟入选…: a person, not a firm
            elif label == "Company" and person_ok and _reads_as_chinese_name(sh[s:e], _people_tables()[1]) and (self.tags.get(sh[s:e]) or "nr").startswith("nr"):
                label = "Person"  # 王芳荣获全国五一劳动奖章: a name before a person's honour is a person's
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
            for m in p["scan"].finditer(sh):  # p["re"]'s matches (kg.nlp.prefilter)
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
                    if span and COUNTED_START_RE.match(sh, max(0, span[0] - 1)) and (span[0] == 0 or sh[span[0] - 1] in COUNT_CHARS):
                        span = None  # 3家株企荣获…: a count and a kind of firm, no name
                    if span and sh.endswith(("同志", "先生", "女士"), span[0], span[1]):
                        span = None  # 张三同志荣获…: a person named with a form of address, no firm
                    if span and COUNTED_END_RE.search(sh, span[0], span[1]):
                        span = None  # 株洲、湘潭两市入选…: a count of the places or firms listed, no name
                    if span and MEANS_BEFORE_RE.search(sh, max(0, span[0] - 3), span[0]):
                        span = None  # 凭借|卓越绩效管理模式|荣获…: the means of a win, no firm
                    if span and p["id"] == "org.award_verb_subject.v1" and (
                        (BRANDED_PRODUCT_RE.search(sh, span[0], span[1]) and not TRADE_TAIL_RE.search(sh, span[0], span[1])) or MADE_BY_BEFORE_RE.search(sh, max(0, span[0] - 4), span[0])
                    ):
                        span = None  # A公司生产的|华力牌轴承|获评…: a firm's product, no firm

                    if span and re.search(r"唯一|首家|首个|第一家|之一$", sh[span[0]:span[1]]):
                        span = None  # 成为湘潭唯一|入选…: the only one of a place, no firm's name
                    if span is None and p["id"] == "company.post_holder.v1" and sh.endswith("企业", seg_start, m.start()):
                        # 華新麗華企業|董事長X: a firm's name that ends on 企業 (a kind word when alone)
                        brand = self._short_name(sh, seg_start, m.start() - 2, tok_starts, tok_ends)
                        if brand and brand[1] == m.start() - 2 and not (sh[brand[0]:brand[1]] in place_table() or _is_place_word(sh[brand[0]:brand[1]])):
                            span = (brand[0], m.start())
                    if span and p["id"] == "company.post_holder.v1":
                        trade = TRADE_TAIL_RE.search(sh, span[0], span[1])
                        if trade is not None and (sh[span[0]:trade.start()] in place_table() or _is_place_word(sh[span[0]:trade.start()])):
                            span = None  # 株洲电子总经理…: a place and a trade word name a sector, not a firm
                    if span and span[1] == m.start():
                        # the honour won tells a person from a firm (王芳荣获全国劳动模范称号)
                        personal = p["id"] == "org.award_verb_subject.v1" and PERSONAL_HONOUR_AFTER_RE.match(sh, m.end()) is not None
                        add(span[0], span[1], p, personal)
                        # coordinated subjects: A、B创业板上市
                        end = span[0]
                        while p.get("coordinated") and end > seg_start and sh[end - 1] in "、和与":
                            prev = self._short_name(sh, seg_start, end - 1, tok_starts, tok_ends)
                            if not prev or prev[1] != end - 1:
                                break
                            add(prev[0], prev[1], p, personal)
                            end = prev[0]
                elif kind == "award_list":
                    seg_start = max(_segment_start(sh, m.start(), "，,。；;：:！？\n（("), last_list_end - 1) + 1
                    last_list_end = m.end()
                    items = list(AWARD_LIST_ITEM_RE.finditer(sh[seg_start:m.start()]))  # “A”“B”: two items
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
                            or (next_tok and (self._is_stop_token(next_tok) or not next_tag.startswith(("n", "vn", "m", "q", "j"))))
                            or FIRM_POST_AFTER_RE.match(sh, e) or SITED_AFTER_RE.match(sh, e)):
                        continue  # 电子信息产业: the trade word goes on into a longer noun (a firm's post, 宏达电子|总经理, ends it)
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
                    if self._generic_body(body, "Company", "sector_words.tsv"):
                        continue  # 生技|医药, 流动通讯|科技, 研发生产|半导体: an industry, not a firm
                    if not self._has_proper_token(sh, span[0], m.start(), tok_starts, tok_ends):
                        continue
                    if re.search(r"[0-9%％]", body) or self._holds_verb(sh, span[0], m.start(), tok_starts, tok_ends):
                        continue  # 研发生产|半导体, 并会发展|电子, 占50%|股份: a clause about a trade, no firm
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
                elif kind == "unit_after":
                    # 華碩的子公司亞旭電腦(…), 南車下屬的株洲所起草: a short firm named right after what it
                    # is to another, up to punctuation, 的 or the clause's verb
                    span = self._unit_after(sh, m.end(), tok_starts, tok_ends)
                    if span:
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
