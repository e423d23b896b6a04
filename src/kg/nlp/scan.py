"""The left-boundary scan: where a name whose suffix was found begins.

Owns: ``NameScan``, the methods of ``kg.nlp.rules.EntityRules`` that walk the jieba words
leftwards from a suffix (公司, 局, 奖, 园区 ...) and decide where the name starts: stop words and
tags, glued prepositions and verbs, conjunctions inside coordinated names, brands and places
that open legal names, legal names as list items, and bodies made only of generic words.
``NameScan`` reads ``self.tags``, ``self.boundaries``, ``self.name_verbs`` and
``self._boundary_re``, which ``EntityRules.__init__`` sets. Must not: build mentions.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .lexicons import STOP_TAGS, _is_place_word, _opens_on_place, agency_names, generic_words, jieba_freq, place_table
from .mentions import CJK_RE, ORG_LABELS, PUNCT, _bracket_content, _segment_start
from .people import _people_tables


COUNTER_RE = re.compile(r"^(?:[0-9]+|[一二三四五六七八九十百千万两零〇]+)(?:[家个项名位批届年月日号期度次多余大间所座户]|年度)?$|^第.+[届批次期]$|^首批$")


YEAR_TOKEN_RE = re.compile(r"^(?:19|20)[0-9]{2}$")
#: the days honours are named after (五一劳动奖章, 五四青年奖章, 三八红旗手, 八一勋章, 七一勋章):
#: numerals to the segmenter, words of the honour's name
HONOUR_DAYS = frozenset({"五一", "五四", "三八", "八一", "七一", "六一"})


INNER_BRACKET_RE = re.compile(r"[(（][\u4e00-\u9fff]{2,8}[)）]")


#: one-character verbs and prepositions the segmenter glues to a neighbour: 奖|经 (…奖经国务院),
#: 从|市 (记者从市市场监管局), 兼|市 (兼市公安局), 曾任|国务院 (a post taken up); a name never ends or starts on one of them
GLUED_AFTER = frozenset("是的在获经从由向对被将把给让于兼任予到赴")


#: 获批|建设|…中心, 批准|设立|…园区: a verb of building after one of approval opens no body's or park's name
BUILD_AFTER_APPROVAL = frozenset({"建设", "组建", "筹建", "设立", "创建"})
APPROVALS = ("获批", "批准", "获准", "同意", "核准")


#: prepositions and verbs the segmenter glues to a name's first character (为华|邦电子, 由和|迅)
#: verbs of acting jointly with a body that open a clause and that the segmenter may glue to the body
#: after them (联合省工信厅, 会同市财政局, 协同省工信厅)
JOINT_ACTION_VERBS = ("联合", "会同", "协同")


#: the head of a university, institute or firm that ends right before a verb (湖南大学|建设)
INSTITUTION_HEAD_RE = re.compile(r"(?:大学|学院|研究院|研究所|科学院|工程院|公司|集团|中心)$")


GLUED_PREPOSITIONS = frozenset("从由向对被将把给让于兼在经为系任赴过据及暨原与予")

#: kind words that open on one of those characters and are no glued preposition (宁乡|经开区|管委会)
KINDS_OPENING_LIKE_A_PREPOSITION = frozenset({"经开区", "经开", "经济区", "经合区", "经济带", "经济圈"})


#: one-character words glued before a level word (并|报县, 获|市科学技术奖): the name opens on the level word
#: (报, to submit to, jieba tags as the noun newspaper)
GLUED_BEFORE = frozenset("从由向对被将把给让于兼及和与在经获报")


#: trade words: what a firm makes or does, written between its brand and its legal form (kept
#: beside ``company.trade_head.v1`` in structures.jsonl, which reads the same words as a name's end)
_TRADE_WORDS = (
    "科技|实业|电子|新能源|新材料|新材|材料|药业|电气|电器|电机|机械|重工|汽车|汽车零部件|零部件|能源|环保|生物|医药|食品|"
    "智能|信息|软件|通信|光电|微电子|半导体|化工|钢铁|物流|传媒|精工|精密|陶瓷|瓷业|制药|纺织|服饰|建材|电力|航空|动力|照明|"
    "设备|装备|技术|工程|贸易|投资|发展|实业发展|控股|集团|股份"
)
TRADE_WORD_RE = re.compile("(?:" + _TRADE_WORDS + ")+")
#: trade words that end a brand (what is left of 正盛照明 without 照明)
TRADE_TAIL_RE = re.compile("(?:" + _TRADE_WORDS + ")+$")
#: boundary words that open a clause as an anaphor of a place (我区, 本市, 该县): trimmed off a
#: name even where the segmenter glued them to its first character
ANAPHOR_OPENER_RE = re.compile(r"[我本该全][省市区县州镇乡]")
#: a word jieba's dictionary counts this often is a word of the sentence, not a firm's brand
COMMON_WORD_FREQ = 1000


#: the head of an organisation's name inside a span: the span holds a whole name already
ORG_INSIDE_RE = re.compile(r"公司|集团|研究所|研究院|大学|学院|医院|中心|协会|委员会|政府|局|厂")


#: a title of rank worn before a firm's name (国家级绿色工厂, 国家高新技术企业, 省级专精特新“小巨人”企业)
WORN_TITLE_RE = re.compile(r"(?:国家级|国家|全国|中国|省级|市级)[^，,。；;、\s]{2,16}?(?:企业|工厂|单位|示范基地)")


def _skip_outer_place(sh: str, start: int, end: int) -> int:
    """Where a firm's name starts when a city is written before a legal name that opens on its
    province (新余市|江西锂源科技有限公司), or a common noun before one that opens on a place
    (企业|新余赣锂电池有限公司): after them."""
    places = place_table()
    worn = WORN_TITLE_RE.match(sh, start, end)
    if worn is not None and any(sh[worn.end():worn.end() + k] in places for k in (2, 3, 4)):
        start = worn.end()  # 国家级绿色工厂|长沙某机械有限公司: a title worn before a name that opens on its place
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


#: a park's head inside a span: a list item that holds one before a firm's suffix is a clause
PARK_INSIDE_RE = re.compile(r"园区|工业园|产业园|科技园|开发区|高新区|经开区|工业区|工业邨|新区|实验区|试验区|保税区")


#: a suffix that opens on its field (标准化所, 检测所): a conjunction right before it joins two fields
FIELD_SUFFIX_RE = re.compile(r"(?:检测|检验|标准化|情报|计量|质检|测试|监测)所")


#: prepositions and the copula of a clause: a list item never runs over one (由, 在, 被 …)
CLAUSE_PREPOSITIONS = frozenset("由在被从向对把将给让于是为")


#: the suffixes of bodies a government sets up for a task, whose names hold verbs (推进, 审定, 表彰)
TASK_BODY_RE = re.compile(r"领导小组|工作小组|协调小组|委员会|办公室")


#: nouns of a prize's winner (…奖得主, …奖获得者): they end what stands before a body's name
WINNER_NOUNS = ("得主", "获得者", "获奖者", "得奖者")


class NameScan:
    """Where names start: the left-boundary scan of ``EntityRules`` (a mixin)."""

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
        return not PUNCT.isdisjoint(tok)

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
        place_at = None  # where an award's name reached a province or city on the way back
        province_at = False  # that place is a province (no place further back opens the name)
        while i >= 0:
            ts, te = tok_starts[i], tok_ends[i]
            if te < start and "\n" in sh[te:start] or (te < start and start < pos):
                break  # white space between words: a line or a table cell ends there (组别 主办机构)
            if te < start and sh[ts:te] in agency_names() and pattern["label"] == "GovernmentAgency":
                break  # 中共中央 国务院: two bodies the lexicon knows, written side by side, stay two
            tok = sh[ts:min(te, pos)] if te > pos else sh[ts:te]
            if tok in ("”", "」", '"') and pattern["label"] in ("Company", "Institution"):
                # 湖南“星光”科技股份有限公司: a brand in quotes inside a legal name that opens on its region
                opening = max(sh.rfind(q, max(0, ts - 12), ts) for q in ("“", "「", '"'))
                j = bisect.bisect_right(tok_starts, opening - 1) - 1
                if opening > 0 and PUNCT.isdisjoint(sh[opening + 1:ts]) and j >= 0 and tok_ends[j] == opening:
                    place = sh[tok_starts[j]:tok_ends[j]]
                    if _is_place_word(place) and len(place) >= 2:
                        start = tok_starts[j]
                        break
            if tok in (")", "）") and (start < pos or _bracket_content(sh, ts) in place_table() or _bracket_content(sh, ts) in ("集团", "控股")) and not (
                pattern["label"] == "Award" and _bracket_content(sh, ts).endswith("奖")
            ):  # …质量奖(个人奖)|创奖: a prize's class in brackets closes the name before it
                # a bracketed qualifier inside the name: 国家高端装备(轨道交通)制造业标准化试点
                if pattern["label"] == "Park" and start < pos and _opens_on_place(sh, start):
                    break  # 装备制造(新能源电力装备)|江苏溧阳高新技术产业开发区: a park that opens on its place after the bracket
                bm = INNER_BRACKET_RE.search(sh, max(0, ts - 9), te)
                if bm and bm.end() == te and bm.start() > 0 and (CJK_RE.match(sh[bm.start() - 1]) or sh[bm.start() - 1].isascii() and sh[bm.start() - 1].isalnum()):
                    j = bisect.bisect_right(tok_starts, bm.start() - 1) - 1
                    if j >= 0 and tok_ends[j] == bm.start() and not self._is_stop_token(sh[tok_starts[j]:tok_ends[j]]):
                        start = bm.start()
                        i = j
                        continue
            if pattern["label"] == "Park" and tok[:1] == "之" and len(tok) <= 2 and (len(tok) == 1 or tok not in self.tags):
                if len(tok) == 2:
                    start = ts + 1
                break  # 经济部管有之|台中工业区 (之台 one word): the classical 的 ends what stands before a park's name
            if pattern["label"] == "Place" and tok in self.name_verbs and self.tags.get(tok) in ("v", "vn"):
                break  # 同意建设|中关村: a verb a firm's or a park's name may hold is no part of a village's
            if pattern["label"] == "Park" and start < pos and tok in self.name_verbs and self.tags.get(tok) in ("v", "vn") and (
                _opens_on_place(sh, start) or (i > 0 and tok_ends[i - 1] == ts and self._is_stop_token(sh[tok_starts[i - 1]:ts]))
            ):
                break  # 支持建设|长沙高新区: a verb before a park that opens on its place, or after another verb (同意|建设|中关村…示范区)
            if pattern["label"] == "Institution" and start < pos and tok in self.name_verbs and self.tags.get(tok) in ("v", "vn") and _opens_on_place(sh, start) and (
                i > 0 and tok_ends[i - 1] == ts and INSTITUTION_HEAD_RE.search(sh, max(0, ts - 4), ts)
            ):
                break  # 依托湖南大学|建设|湖南省…创新中心: a body before the verb builds the one that opens on its place
            if pattern["label"] == "Place" and start < pos and (tok in place_table() or tok[-1] in "省市县区州旗镇乡"):
                break  # a town's name starts after its county: 桑植县|五道水镇, 高新区|三门镇
            if pattern["label"] == "Place" and len(tok) == 1 and pos - start < 2 and CJK_RE.match(tok) and tok not in "的在和与及是":
                start = ts  # 四|都|乡: a town's short name may be cut into single characters
                i -= 1
                continue
            if (
                pattern["label"] == "Award" and start == pos and tok in ("组织", "个人", "团体", "集体") and sh.startswith("奖", pos)
                and i > 0 and tok_ends[i - 1] == ts and not self._is_stop_token(sh[tok_starts[i - 1]:tok_ends[i - 1]])
            ):
                # 标准化|组织|奖: the class of winner a prize is for (a verb the dictionary has) is part of
                # its name after the field (组织奖 alone, a class of a prize, stays none)
                start = ts
                i -= 1
                continue
            if pattern["label"] == "Award" and YEAR_TOKEN_RE.match(tok) and i > 0 and sh[tok_starts[i - 1]:tok_ends[i - 1]] in ("全国", "中国"):
                start = ts  # 全国2023高质量发展十佳标杆县: a year written into the title
                i -= 1
                continue
            if pattern["label"] == "Award" and te <= start and tok in HONOUR_DAYS:
                start = ts  # 全国青年|五四|奖章, 全国|三八|红旗集体: the day an honour is named after, no count
                i -= 1
                continue
            if pattern["label"] == "Award" and start < pos and te <= start and re.fullmatch(r"[\u4e00-\u9fff]*奖[及和与暨、]", tok):
                break  # 卓越经营奖及|绩优经营奖 (奖及 one word): two prizes named together stay two
            if pattern["label"] == "Award" and start < pos and te <= start and tok.endswith("奖") and len(tok) >= 2:
                break  # …贡献奖|标准项目奖: the main award ends here; the sub-award is joined to it later
            if tok[:1] in "年月日" and ts > 0 and sh[ts - 1].isdigit():
                break  # 2019|年经|福建省人民政府: a date's remnant glued to the next word
            if pattern["label"] == "GovernmentAgency" and len(tok) == 2 and tok[0] in "省市县区州" and tok[1] == "经" and te == start and sh.startswith("信", te):
                start = ts  # 市经|信委, 县经|信局: the level and the first character of 经信 (经济和信息化) glued by the segmenter
                i -= 1
                continue
            if len(tok) == 2 and tok[1] in "省市县区州" and tok not in self.tags and not _is_place_word(tok) and (
                tok[0] in GLUED_BEFORE or (self.tags.get(tok[0]) in ("v", "p", "c") and (i == 0 or self._is_stop_token(sh[tok_starts[i - 1]:tok_ends[i - 1]])))
            ):  # 并|报县: a verb glued to the level word after a clause's conjunction (质量|兴市 stays whole)
                start = ts + 1  # 从|市 glued: the short-form body starts on its level word
                break
            if (
                2 <= len(tok) <= (4 if pattern["label"] == "Park" else 3) and tok[0] in GLUED_PREPOSITIONS and tok not in self.tags and tok not in KINDS_OPENING_LIKE_A_PREPOSITION
                and not (pattern["label"] == "GovernmentAgency" and sh.startswith("经信", ts))  # 经信委, 经信局: 经济和信息化, no preposition 经
                and sh[ts:te] not in self.tags and not _is_place_word(tok)
                and (pattern["label"] in ORG_LABELS | {"Park"} or pattern["label"] == "Award" and tok[0] in "及和与暨" and sh[ts - 1:ts] == "奖")
            ):  # (…设计奖|及红点|设计奖: the conjunction between two prizes glued to the second's name)
                start = ts + 1  # 由和|迅…公司, 为华|邦电子: a preposition glued to the name's first character
                break
            if (
                2 <= len(tok) <= 3 and tok[0] == "有" and pattern["label"] in ORG_LABELS and i > 0 and tok_ends[i - 1] == ts
                and sh[tok_starts[i - 1]:tok_ends[i - 1]].endswith("内") and tok not in self.tags
            ):
                start = ts + 1  # 经开区内|有三一|重工…公司: what an area has inside it opens after 有
                break
            if pattern["label"] in ("Institution", "Park") and tok in BUILD_AFTER_APPROVAL and i > 0 and tok_ends[i - 1] == ts and sh[tok_starts[i - 1]:ts].endswith(APPROVALS):
                start = te  # 获批|建设|国家…创新中心: what a place was allowed to build opens after the verb
                break
            if pattern["label"] in ("Company", "Institution") and len(tok) >= 2 and tok in _people_tables()[2] and not (te == pos and start == pos):
                break  # 主任委员|上海…研究所有限公司: a post ends the name of the body after it (技师|学院, 院士|工作站: the post names the body's kind)
            if pattern["label"] == "Institution" and tok in ("得奖", "获奖", "得主") and start < pos and sh[ts - 1:ts] == "奖":
                start = ts  # 金手奖|得奖|厂商协进会: a society of a prize's winners is named with the prize
                i -= 1
                continue
            if pattern["label"] in ("Company", "Institution") and start < pos and len(tok) >= 2 and tok.endswith(("奖", "獎")):
                break  # …质量奖|花落|华盛电子有限公司: an award's name is no part of the firm it goes to
            if pattern["label"] in ORG_LABELS and tok.endswith(WINNER_NOUNS):
                break  # 中国质量奖得主|长沙钢铁有限公司 (奖得主 one word): a prize's winner is named after it
            if pattern["label"] == "Company" and start < pos and tok.endswith("公司") and sh[pos:pos + 1] not in ("分", "支"):
                if sh[start] in "和与及暨":
                    start += 1  # …有限公司|和翔恒|实业有限公司: the conjunction glued to the next name
                break  # A有限公司和B有限公司: a legal name holds no other (a branch, …分公司, does)
            if pattern["label"] == "Company" and TRADE_WORD_RE.fullmatch(tok) and start == ts + len(tok) and pos - ts <= body_max:
                start = ts  # 裕恒|照明|有限公司: a trade word the dictionary tags as a verb is part of the name
                i -= 1
                continue
            if pattern["label"] == "Park" and start < pos and len(tok) >= 2 and tok[-1] in "及和与暨" and tok not in self.tags:
                start = ts + len(tok)
                break  # 中埔及|水上|产业园区 (中埔及 one word): two parks named together share the kind; the second is named
            if pattern["label"] == "Park" and re.search(r"[一二三四五六七八九十两几]大$", tok) and (len(tok) == 2 or tok not in self.tags):
                break  # 贯月科创集团三大|产业园, 南科三大|科学园区 (glued): a count of parks, not a name
            if self._is_stop_token(tok) and not (
                pattern["label"] == "Award" and ts < pos < te and start == pos and len(tok) >= 2 and sh[ts - 1:ts] == "奖"
                and self.tags.get(sh[ts:te], "").startswith("n")
            ) and not (
                pattern["label"] == "GovernmentAgency" and ts < pos < te and start == pos and len(tok) >= 2 and PUNCT.isdisjoint(tok)
                and self.tags.get(sh[ts:te], "").startswith("n") and i > 0 and tok_ends[i - 1] == ts
                and (sh[ts - 1] in "省市县区州旗" or _is_place_word(sh[tok_starts[i - 1]:ts]))
            ) and not (
                pattern["label"] == "GovernmentAgency" and start == pos and te == pos and len(tok) == 2 and tok not in self.boundaries
                and sh[pos:pos + 1] in "署局处" and i > 0 and tok_ends[i - 1] == ts and sh[ts - 1] == "部"
                and len(sh[tok_starts[i - 1]:ts]) >= 3
            ) and not (
                pattern["label"] == "Company" and re.fullmatch(r"第?[一二三四五六七八九十]+", tok) is not None and sh.startswith("局", te)
            ) and not (  # 中铁|十一|局|集团有限公司: a construction group's numbered bureau is part of the firm's name
                pattern["label"] == "GovernmentAgency" and start == pos and te == pos and len(tok) == 2 and tok not in self.boundaries
                and sh.startswith("办公室", pos) and i > 0 and tok_ends[i - 1] == ts and sh.endswith("政府", 0, ts)
                and jieba_freq().get(tok, 0) <= COMMON_WORD_FREQ
            ):  # 市政府|信访|办公室: a government's office named by its function's verb (not 市政府|召开|办公室会议)  # a sub-agency named by its function's verb under its ministry (内政部|营建|署, 交通部|运输|局)  # a sub-award written against its main award (…贡献奖|组织奖): a noun of the dictionary fused with 奖;
                # a bureau named by its function's verb, which the dictionary holds as one noun, after its
                # place or level (市|审计局, 长沙|稽查局; not 工作|开好局)
                if conj and tok in ("与", "和", "及", "暨") and i > 0 and (start < pos or FIELD_SUFFIX_RE.match(sh, pos)) and not _opens_on_place(sh, start):
                    # (信息与|标准化所: the suffix opens on its field, so two fields are joined before it)
                    left = sh[max(0, ts - 3):ts]
                    prev = sh[tok_starts[i - 1]:tok_ends[i - 1]]
                    # (a bracket closes a body named before: 委员会(市物价局)及市|粮食|和|物资储备局)
                    clause = sh[_segment_start(sh, ts, "，,。；;：:！？\n、）)", window=40) + 1:ts]
                    prev2 = sh[tok_starts[i - 2]:tok_ends[i - 2]] if i >= 2 else ""
                    # 天津市|市场|和|质量监督管理委员会: a generic word may open a body's coordinated
                    # field where a place or a level word stands before it
                    # (湖南省|质量|和|标准化|协会: a society's or an institute's field after its place, too)
                    field = pattern["label"] in ("GovernmentAgency", "Institution") and (_is_place_word(prev2) or prev2[-1:] in ("省", "市", "县", "区"))
                    surnames = _people_tables()[1]
                    # 委员张三、李四和|…分技术委员会: a person's name closing a list of names is
                    # no field of the body (an unknown word opening on a surname, after 、)
                    named = (
                        2 <= len(prev) <= 3 and self.tags.get(prev) is None and (prev[:1] in surnames or prev[:2] in surnames)
                        and i >= 2 and sh[tok_starts[i - 2]:tok_ends[i - 2]] == "、"
                    )
                    if not re.search(r"(公司|集团|局|院|所|中心|会|厂|部|委|府|厅|办|署|大学|学院|[中小]学|奖|章|状)$", left) and not self._is_stop_token(prev) and not named and (prev not in generic_words() or field) and not re.search(r"等|[0-9]|荣誉|称号|报告|会议|全会|委", clause):
                        start = ts
                        i -= 1
                        continue
                if (
                    pattern["label"] in ORG_LABELS and start < pos and len(tok) >= 2 and tok not in self.boundaries
                    and i >= 2 and (self._brand_before(sh, tok_starts, tok_ends, i) or pattern["label"] == "Institution" and self._field_before(sh, tok_starts, tok_ends, i))
                ):
                    # 佳木斯|北垦|收获|机械有限公司: a verb inside a name that opens on place + brand
                    start = tok_starts[i - 2]
                    i -= 3
                    continue
                if (
                    (pattern["label"] in ("Institution", "Company") and start < pos or pattern["label"] == "Park" and sh[ts - 2:ts - 1] in ("区", "园", "邨", "城"))
                    and len(tok) == 2 and tok not in self.boundaries
                    and self.tags.get(tok) == "v" and ts > 0 and sh[ts - 1] == "、" and tok not in _people_tables()[2]
                    and jieba_freq().get(tok, 0) <= COMMON_WORD_FREQ
                ):
                    # 、铸成|质量人才培训中心, …工业区、关连|工业区: a list item opens on its name, a rare verb
                    # the dictionary has is its brand (not 、成立|标准化工作站: a list of actions; a park's
                    # only in a list of parks)
                    start = ts
                    break
                if pattern["label"] == "Company" and pattern.get("body_min", 1) >= 2:
                    anchor = self._place_anchor(sh, tok_starts, tok_ends, i, pos, body_max)
                    if anchor is None:
                        anchor = self._list_anchor(sh, ts, pos, body_max, tok)
                    core = TRADE_TAIL_RE.sub("", sh[start:pos])
                    if anchor is None and len(core) < 2 and (start < pos or not sh.startswith("公司", pos)):
                        # 安腾|实业有限公司, 正|盛照明有限公司: no brand of two characters kept yet
                        anchor = self._brand_run(sh, tok_starts, tok_ends, i, start, len(core), pos)
                        if anchor is None and not core:
                            return None  # 推动|实业有限公司: a trade word and a legal form name no firm
                    if anchor is not None:
                        start = anchor  # 山东|普利|森|集团有限公司: a legal name opens on its region
                elif pattern["label"] == "GovernmentAgency" and TASK_BODY_RE.match(sh, pos):
                    anchor = self._task_anchor(sh, tok_starts, tok_ends, i, pos)
                    if anchor is not None:
                        start = anchor  # 山东省|质量强省及名牌战略|推进|工作领导小组办公室: a task body opens on its realm
                break
            if pos - ts > body_max:
                if place_at is not None:
                    start = place_at  # 授予汪伟同志|四川省杰出青年科学技术创新奖: a long title that opens on its province
                    break
                return None
            start = ts
            if pattern["label"] == "Award" and tok in place_table() and not province_at:
                place_at = ts  # (a province found nearer the prize opens it: 曾永平|四川省…奖, 永平 a county's short form)
                province_at = place_table()[tok].get("level") == "province"
            i -= 1
        if pattern["label"] == "Award" and province_at and start < place_at and sh[start:place_at] not in ("中国", "全国", "国家", "中华人民共和国") and (
            (place_table().get(sh[start:place_at]) or {}).get("level") != "country"
        ):
            # 曾|永平|四川省…奖 (曾 a boundary word): what stands before the province (a person's given
            # name, which jieba may read as a county's) is no part of the province's prize
            start = place_at
        # trim a leading function word or verb the segmenter glued to the name, but only where
        # the trimmed word ends on a word boundary of its own (never cut 各级 into 各|级)
        while start < pos:
            m = self._boundary_re.match(sh, start)
            if not m or m.end() >= pos or m.group(0) in ("全国", "全省", "全市"):
                break
            on_word = 0 <= bisect.bisect_left(tok_starts, m.end()) < len(tok_starts) and tok_starts[bisect.bisect_left(tok_starts, m.end())] == m.end()
            if not on_word and not ANAPHOR_OPENER_RE.fullmatch(m.group(0)):
                break  # (我区|源 glued: an anaphor of a place never opens a firm's name, word boundary or not)
            if pattern["label"] == "Company" and len(TRADE_TAIL_RE.sub("", sh[m.end():pos])) < 2:
                break  # 正|盛|照明有限公司: what is left would be no brand
            start = m.end()
        if (
            pattern["label"] == "Company" and start > 0 and sh[start] in "和与及暨由" and sh[start - 1] in "）)」』”’"
            and len(TRADE_TAIL_RE.sub("", sh[start + 1:pos])) >= 2
        ):
            start += 1  # (含标兵)|和丰|恒环保…公司, 」由康|正建材…公司: a list's conjunction after a bracket, glued to the brand
        if (
            pattern["label"] in ORG_LABELS and sh.startswith(JOINT_ACTION_VERBS, start) and start + 2 < pos
            and (_opens_on_place(sh, start + 2) or self.institution_re.match(sh, start + 2) or self.agency_lexicon.match(sh, start + 2)
                 or (pattern["label"] == "Institution" and sh.startswith("大学", pos) and pos - start >= 4)) and not any((place_table().get(sh[start:start + n]) or {}).get("name") == sh[start:start + n] for n in (3, 4))
        ):
            start += 2  # 联合|省工信厅, 会同|市财政局, 联合|湖南大学: acting jointly with a body, no part of its name (会同县 stays)
        if pattern["label"] == "Company" and sh.startswith(("控股", "收购", "并购", "入股", "参股"), start) and pos - start > 4 and start > 0 and CJK_RE.match(sh[start - 1]):
            start += 2  # …有限公司|控股|湖南星海科技有限公司: a verb of holding after the holder opens no firm's name
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
            if i - j > 3 or pos - ts > body_max or not tok or tok.isspace() or tok in self.boundaries or not PUNCT.isdisjoint(tok) or tok in _people_tables()[2]:
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

    def _brand_run(self, sh: str, tok_starts: list[int], tok_ends: list[int], i: int, start: int, core: int = 0, pos: int | None = None) -> int | None:
        """Where a firm's legal name opens when what the scan kept is only trade words (实业, 生物,
        照明), or one character of brand (``core``), and it stopped at word ``i``: at the start of
        the run of characters that makes a brand of two to four with it (安腾|实业有限公司,
        裕|正|生物有限公司: a brand the segmenter tags as a verb or cuts into single characters, one
        of them a function word), where that run opens the clause (punctuation, a line start, a
        separator, or a boundary word of two or more characters before it). Else None. A brand is
        rare in the dictionary: a word of it jieba counts more than ``COMMON_WORD_FREQ`` times
        (推动, 支持) is a word of the sentence. ``pos`` is where the legal form starts."""
        freq = jieba_freq()
        pos = len(sh) if pos is None else pos
        b = start
        j = i
        # 益力|坚实|业有限公司: the segmenter took the trade word's first character into a word
        straddles = i >= 0 and tok_ends[i] - tok_starts[i] >= 2 and TRADE_WORD_RE.match(sh, tok_ends[i] - 1, pos) is not None
        if straddles:
            core -= 1  # 业 is no brand character: 实业 is the trade word
        while j >= 0 and tok_ends[j] == b and start - tok_starts[j] + core - straddles <= 4:
            tok = sh[tok_starts[j]:tok_ends[j]]
            if not all(CJK_RE.match(c) for c in tok) or (len(tok) >= 2 and (tok in self.boundaries or (freq.get(tok, 0) > COMMON_WORD_FREQ and not (straddles and j == i)))):
                break
            if tok[-1] in GLUED_AFTER or (len(tok) == 1 and tok in GLUED_PREPOSITIONS | frozenset("了等并和与及或之")):
                break
            b = tok_starts[j]
            j -= 1
        if b == start or not 2 <= start - b + core - straddles <= 4:
            return None
        if b == 0 or sh[b - 1] in PUNCT or sh[b - 1].isspace() or sh[b - 1] in "、":
            return b
        prev = sh[tok_starts[j]:tok_ends[j]] if j >= 0 and tok_ends[j] == b else ""
        if (len(prev) >= 2 and prev in self.boundaries) or (len(prev) == 1 and prev in GLUED_PREPOSITIONS):
            return b  # 获得|安腾|实业有限公司, 由|安腾|实业…
        return None

    def _task_anchor(self, sh: str, tok_starts: list[int], tok_ends: list[int], i: int, pos: int) -> int | None:
        """Where the name of a body set up for a task (…推进工作领导小组, …审定委员会, …协调小组) opens
        when the scan stopped at a verb inside it (推进, 审定, 评比|达标|表彰): at the nearest place,
        level word (省|质量强省建设协调推进领导小组) or 全国/国家/中国/中央, that begins the clause
        within 24 characters, past at most three verbs and the conjunctions inside the name
        (质量强省及名牌战略); else None."""
        verbs = 0
        j = i
        while j >= 0 and pos - tok_starts[j] <= 24:
            ts, te = tok_starts[j], tok_ends[j]
            tok = sh[ts:te]
            if not tok or tok.isspace() or not PUNCT.isdisjoint(tok) or tok in _people_tables()[2]:
                return None
            realm = tok in ("全国", "国家", "中国", "中央", "省", "市", "县", "区", "州", "自治区") or _is_place_word(tok) or any(_is_place_word(tok[:n]) and self.tags.get(tok) == "nt" for n in (2, 3))
            if realm:
                prev = sh[tok_starts[j - 1]:tok_ends[j - 1]] if j > 0 else ""
                if j == 0 or tok_ends[j - 1] != ts or self._is_stop_token(prev):
                    return ts
            if tok in ("及", "和", "与"):
                if re.search(r"(?:公司|局|院|所|中心|会|厂|部|委|府|厅|办|组)$", sh[max(0, ts - 3):ts]):
                    return None  # 总局和|非洲联盟委员会: two bodies, not one name
                # else 质量强省及名牌战略: a conjunction inside the task's name
            elif self._is_stop_token(tok):
                verbs += 1
                if verbs > 3 or self.tags.get(tok) not in ("v", "vn", "vd", "ad", "d"):
                    return None
            j -= 1
        return None

    def _list_anchor(self, sh: str, ts: int, pos: int, body_max: int, stop: str = "") -> int | None:
        """Where a legal name opens when the leftward scan stopped at a word inside it (信|和|新材料,
        阿里|云|计算) and the name is an item of a list of legal names: right after the list's
        separator (、, 及, 暨), where the item before it ends on a firm's suffix (…有限公司、); or
        after a break (、；; or a line start) where the item opens on a place (；台湾|日|东|公司).
        None where the item holds punctuation or a boundary word of two or more characters, where
        the scan stopped at a preposition or copula of the clause (``stop``: …工业邨和|大埔工业邨|由|
        香港科技园公司), or where the item holds a park's name (a firm's legal name, found by the
        scan, may open on one; an item of a list that runs over one is a clause)."""
        if stop in CLAUSE_PREPOSITIONS:
            return None
        lo = max(0, pos - body_max - 1)
        k = pos - 1
        while k >= lo and sh[k] not in PUNCT and not sh[k].isspace() and sh[k] not in "及暨":
            k -= 1
        if k < lo or k + 1 > ts or pos - (k + 1) < 2:
            return None
        item = sh[k + 1:pos]
        if "的" in item or "等" in item or any(b in item for b in self.boundaries if len(b) >= 2):
            return None
        if ORG_INSIDE_RE.search(item) or PARK_INSIDE_RE.search(item) or _people_tables()[0].search(item):
            return None  # A有限公司和B有限公司, X集团总经理Y调任…公司: two names or a post, not one item
        before = sh[max(0, k - 4):k].rstrip(")）”」")
        if sh[k] in "、及暨" and re.search(r"(?:公司|集团|厂|银行|社)$", before):
            return k + 1
        if (sh[k] in "、；;\n" or k == 0) and any(
            (place_table().get(item[:n]) or {}).get("level") in ("province", "city", "county", "country") for n in (4, 3, 2)
        ):
            return k + 1
        return None

    def _glued_head(self, sh: str, tok_starts: list[int], tok_ends: list[int]) -> Any:
        """``glued(start, end)``: do the words from ``start`` up to ``end`` hold a boundary word, a
        verb, adverb, preposition, conjunction or particle of the dictionary (标志|着, 到, 将)? (Not a
        measure word or numeral: the segmenter cuts those out of names, 梁山|中|集|东岳.)"""

        def glued(start: int, end: int) -> bool:
            i = bisect.bisect_left(tok_starts, start)
            while i < len(tok_starts) and tok_starts[i] < end:
                tok = sh[tok_starts[i]:min(tok_ends[i], end)]
                tag = self.tags.get(tok, "")
                if (tok in self.boundaries and tag not in ("q", "m", "f")) or tag in ("v", "d", "ad", "p", "c", "vd", "uz", "ul", "uj") or (len(tok) >= 2 and self._glued_verb_phrase(tok)):
                    return True
                if len(tok) >= 2 and tok not in self.name_verbs and not _is_place_word(tok) and (
                    tag == "vn" or (not tag and len(tok) >= 4 and self.tags.get(tok[-2:]) in ("v", "vn") and tok[-2:] not in self.name_verbs)
                ):
                    return True  # 宣传|鲁疆产业园, 企业宣传|…: a verbal noun before a name the report writes alone
                i += 1
            return False

        return glued

    def _brand_before(self, sh: str, tok_starts: list[int], tok_ends: list[int], i: int) -> bool:
        """Do the two words before word ``i`` open a firm's name: a place, then a word of two or
        more characters that jieba's dictionary does not know (佳木斯|北垦)?"""
        brand = sh[tok_starts[i - 1]:tok_ends[i - 1]]
        place = sh[tok_starts[i - 2]:tok_ends[i - 2]]
        if len(brand) < 2 or brand in self.tags or not CJK_RE.match(brand) or not _is_place_word(place):
            return False
        j = i - 3  # the place must itself begin the name: a break or a stop word before it
        return j < 0 or self._is_stop_token(sh[tok_starts[j]:tok_ends[j]]) or tok_ends[j] != tok_starts[i - 2]

    def _field_before(self, sh: str, tok_starts: list[int], tok_ends: list[int], i: int) -> bool:
        """Do the two words before word ``i`` (a verb the dictionary has) open a society's or an
        alliance's name: its realm (a place, 中国, 全国), then a noun of its field (中国|半导体|照明|
        产业联盟: the verb is the field's second word)?"""
        field = sh[tok_starts[i - 1]:tok_ends[i - 1]]
        realm = sh[tok_starts[i - 2]:tok_ends[i - 2]]
        if len(field) < 2 or self.tags.get(field) not in ("n", "nz") or not (realm in ("中国", "全国", "中华") or _is_place_word(realm)):
            return False
        if self.tags.get(sh[tok_starts[i]:tok_ends[i]]) != "v" or tok_ends[i - 2] != tok_starts[i - 1] or tok_ends[i - 1] != tok_starts[i]:
            return False  # word i a verb, the three written together (no line or space between them)
        j = i - 3  # the realm must itself begin the name: a break or a stop word before it
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
        if label == "GovernmentAgency" and len(body) == 3 and body[0] in "省市县区州镇乡" and body[1:] == "政府":
            return False  # 市政府|办公室, 省政府|办公厅: a level's government and its general office
        if label == "GovernmentAgency" and len(body) > 1 and body[0] in "省市县区" and body[1:] == "市场":
            return False  # 省市场监管局: a level and its market regulator
        rest = body
        changed = True
        while rest and changed:
            changed = False
            for n in (5, 4, 3, 2, 1):
                if rest[:n] in generic:
                    rest = rest[n:]
                    changed = True
                    break
        return not rest
