"""Award names: grades, classes, editions and years split off the name of an award.

Owns: the grades (一等奖, 金奖, 提名奖 ...) and quality-award classes, ``AwardNames._split_award``
(the grade off the name, edition and year from just before it), where an award's name opens
after a winner's name, sub-awards joined to their main award, and the start of a title shared
by a distributive list, and one award's full and short forms in a report (浙江省人民政府质量奖 and
省政府质量奖, 国家科学技术进步奖 and 国家科技进步奖). ``AwardNames`` is a mixin of ``kg.nlp.rules.EntityRules`` and uses its
``_generic_body``. Must not: decide who received an award (that is ``kg.nlp.relations``).
"""

from __future__ import annotations

import re
from typing import Any

from ..resources import load_tsv
from ..text import YEAR_NUM, shadow, to_year
from .lexicons import _is_place_word, place_table
from .mentions import Mention, _segment_start
from .people import _people_tables


def _grades(kind: str) -> tuple[str, ...]:
    """The grades of one kind in ``kg/data/lexicons/grades.tsv`` (split, class, bare), in its order."""
    return tuple(row[0] for row in load_tsv("grades.tsv") if row[1] == kind)


#: the grades split off an award's name and read after it (kind ``split`` of grades.tsv)
GRADES = _grades("split")


#: grades of contests (Taiwan's 特优奖), read as grades only where one stands alone as a whole name;
#: never split off a name (杭州市人民政府质量管理优胜奖 is a prize of its own)
BARE_GRADES = frozenset(_grades("bare"))


#: verbs the scan reads into a title's name after a verb of granting (获批|建设…示范园区,
#: 成功|创建…): a title never opens on them
AWARD_LEADING_VERB_RE = re.compile(r"(?:建设|创建|打造|争创|开展|申报|筹建|组建)(?=国家|全国|中国|省|市|[\u4e00-\u9fff]{2,3}[省市县区])")


#: the classes a quality award is given in (卓越奖, 创新奖, 特别奖)
QUALITY_CLASSES = _grades("class")


#: every grade word, longest first: what a grade heading, a grade cell or a quoted grade may be
ALL_GRADES = tuple(sorted(GRADES + QUALITY_CLASSES + tuple(BARE_GRADES), key=len, reverse=True))


#: grades written without 奖 (Taiwan's 佳作, 特优; a medal: 金牌), read only right after an award's
#: name that ends on 奖 (kind ``after`` of grades.tsv)
AFTER_GRADES = _grades("after")


#: a grade right after an award's name that ends on 奖: a grade of any kind but the classes
#: (金点设计奖优等奖, 发明创作奖金牌, 产业创新奖佳作); a grade without 奖 only where no noun
#: goes on (…奖金牌企业 is no grade), but a join, a count or a bracket may
NAMED_AWARD_GRADE_RE = re.compile(
    "(?:" + "|".join(sorted(GRADES + tuple(BARE_GRADES), key=len, reverse=True)) + ")(?![励金补])"
    "|(?:" + "|".join(sorted(AFTER_GRADES, key=len, reverse=True)) + r")"
    r"(?=$|[^\u4e00-\u9fff]|[及和与等的各共]|殊荣|称号|荣誉|[一二两三四五六七八九十]+[项个件枚面])"
)


GRADE_RE = re.compile("(?:" + "|".join(GRADES) + ")$")


GRADE_AFTER_RE = re.compile("(?:" + "|".join(GRADES) + ")(?![励金补])")


#: the classes a quality award is given in, which stand where a grade does (青岛市市长质量奖卓越奖)
QUALITY_CLASS_RE = re.compile(r"(?<=质量奖)(?:" + "|".join(QUALITY_CLASSES) + ")$")


QUALITY_CLASS_AFTER_RE = re.compile(r"(?:" + "|".join(QUALITY_CLASSES) + r")(?![\u4e00-\u9fff]{0,2}奖)")


#: the end of a place's quality award named by its grade (上海市质量|金奖, 苏州市质量管理|优秀奖)
QUALITY_BY_GRADE_RE = re.compile(r"质量(?:管理)?$")


EDITION_RE = re.compile(r"(?:第([0-9一二三四五六七八九十百]+)[届批]|(首)批)\s*$")


#: a batch or a class in brackets after an award's name: (第三批), (首批), (特色类)
AWARD_TAIL_RE = re.compile(r"\s*[(（]\s*(?:第\s*(?P<ed>[0-9一二三四五六七八九十百]+)\s*[批届]|(?P<first>首)[批届]|[\u4e00-\u9fff]{1,4}类)\s*[)）]$")


DISTRIBUTED_TITLE_RE = re.compile(r"国家级|省级|市级|国家|全国")


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
        if not (person or prefix.endswith(("人", "单位", "项目", "者", "出", "获", "授予", "公司", "集团"))):
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


#: one quoted name (「最具潛質品牌」, “特别主题奖”), and a list of two or more of them (「A」、「B」及「C」, 「A」「B」)
_QUOTED_ITEM = r"[“「\"][^”」“「\"\n，,。；;、]{2,24}[”」\"]"
QUOTED_LIST_RE = re.compile(_QUOTED_ITEM + r"(?:\s*(?:、|和|及|与|以及|暨|,|，)?\s*" + _QUOTED_ITEM + r")+")
_QUOTED_ITEM_RE = re.compile(r"[“「\"]([^”」“「\"\n，,。；;、]{2,24})[”」\"]")
#: a year written inside the quotes before the name (「2020年X名牌選舉」): no part of it
_QUOTED_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}年?度?")
#: a year in figures with no 年 right before a prize (2023金點設計獎, 2023 台灣精品獎)
BARE_YEAR_BEFORE_RE = re.compile(r"(?<![0-9./\-])((?:19|20)[0-9]{2})[ \t\u3000]*$")
#: …or right after it on its line (香港工商業獎2023), not a sum (…奖2000万元), a count or a date (2018-06-12)
BARE_YEAR_AFTER_RE = re.compile(r"[ \t\u3000]*((?:19|20)[0-9]{2})(?![0-9./\-]|\s*[万元亿千百项家个名位件年月])")


def _quoted_award_lists(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """The members of a list of quoted names of which one or more is an award are awards, each
    the whole quoted name («設有「X名牌」、「X服務名牌」及「最具潛力品牌」»,
    «“優質商戶獎”、“特別獎”、“服務金獎”»): the list names a scheme's prizes,
    whatever their last word. A member that holds a body's, a firm's, a park's or a person's
    mention, a grade alone (金獎) or a year alone names no prize; a place inside one is part of
    its name."""
    extra: list[Mention] = []
    inside: list[tuple[int, int]] = []
    for lst in QUOTED_LIST_RE.finditer(sh):
        items = [(lst.start() + q.start(1), lst.start() + q.end(1)) for q in _QUOTED_ITEM_RE.finditer(lst.group(0))]
        covered = [[m for m in mentions if a <= m.start and m.end <= b or (m.start < b and a < m.end)] for a, b in items]
        if not any(any(m.label == "Award" and not m.needs_context for m in ms) for ms in covered):
            continue
        for (a, b), ms in zip(items, covered):
            if any(m.label != "Place" for m in ms):
                continue  # an award found already, or a firm's or a body's name: no prize
            year = _QUOTED_YEAR_RE.match(sh, a, b)
            if year is not None:
                a = year.end()
            name = sh[a:b]
            if b - a < 3 or name in GRADES or name in BARE_GRADES or not re.search(r"[\u4e00-\u9fff]", name):
                continue
            extra.append(Mention(a, b, "Award", "award.quoted_list_member.v1", text[a:b]))
            inside.append((a, b))
    if not extra:
        return mentions
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in inside)]
    return sorted(kept + extra, key=lambda m: (m.start, m.end))


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


#: the rank a designation opens on (国家级农业标准化示范区, 全国质量强市示范城市)
RANK_OPENER_RE = re.compile(r"国家级|省级|市级|县级|全国")


def _rank_opener(sh: str, s: int, e: int) -> int | None:
    """Where a designation's name opens on its rank inside the span a suffix scan gave it, when
    what stands before the rank is a product, a field or a verb (年桔|国家级…示范区, 优质稻|省级…,
    深化|全国质量强市示范城市, 拟认定的第六批|全国…), not a place, an edition or a body; else None."""
    for k in range(s + 1, e - 4):
        if not RANK_OPENER_RE.match(sh, k) or sh[k - 1] in "(（":
            continue
        prefix = sh[s:k]
        if AWARD_PREFIX_OK_RE.match(prefix) or prefix.endswith(("部", "局", "委", "厅", "会", "政府")) or any(
            _is_place_word(prefix[i:i + n]) for i in range(len(prefix)) for n in (2, 3, 4)
        ):
            return None  # 江苏省国家级…, 第三批国家级…, 工信部全国…: the prefix is part of the name or its edition
        return k
    return None


#: what may stand between an award and its grade: an opening quote, or a count (两项, 3个)
AWARD_GRADE_GAP_RE = re.compile(r"[”\"」』]?\s*[“\"「『]|\s*(?:——|—|-|·|•)\s*|[0-9一二两三四五六七八九十]+\s*[项个]|")


#: the grade of an award one word after its name: its contest (评选, 评审) or 中的 between
GRADE_OF_NAMED_RE = re.compile(r"[”\"」』]?(?:评选|评审|评比|中的|之)\s*(?P<grade>" + NAMED_AWARD_GRADE_RE.pattern + ")")


#: the grade written before the award as what was won: 荣获一等奖的湖西专利奖
GRADE_BEFORE_RE = re.compile(r"(?:荣获|获得|获|摘得|斩获|喜获|夺得)\s*(?P<grade>(?:" + "|".join(GRADES) + r"))\s*的\s*[“\"「『]?$")


class AwardNames:
    """Award names of ``EntityRules`` (a mixin): grade, edition and year."""

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
        if sh[s:s + 1] in ("届", "批") and re.search(r"第\s*[0-9一二三四五六七八九十百]+\s*$", sh[max(0, s - 8):s]):
            s += 1  # 第28|届国品奖: the scan stopped at the number; the edition word is no part of the name
            mention.start, mention.text = s, text[s:e]
        k = _award_opener(sh, s, e)
        if k is not None:
            s = k  # 授予张三中国…奖, 等4人中国…奖: the award opens on its country or province
            mention.start, mention.text = s, text[s:e]
        k = _rank_opener(sh, s, e) if mention.rule in ("award.title_suffix.v1", "award.named_list.v1", "award.batch_list.v1") else None
        if k is not None:
            s = k
            mention.start, mention.text = s, text[s:e]
        lead = AWARD_LEADING_VERB_RE.match(sh, s, e)
        if lead is not None and e - lead.end() >= 4:
            s = lead.end()  # 获批|建设国家知识产权示范园区: the verb of the grant, no part of the title
            mention.start, mention.text = s, text[s:e]
        name = sh[s:e]
        tail = AWARD_TAIL_RE.search(name)
        if tail is not None and tail.start() >= 4:
            # 宁波市三星级绿色工厂(第三批), 国家新型工业化产业示范基地(特色类): the batch or class
            # written after the name is no part of it (the batch is its edition)
            if tail.group("ed") or tail.group("first"):
                from ..text import to_int

                mention.attrs["edition"] = to_int(tail.group("ed") or tail.group("first"))
            e = s + tail.start()
            mention.end, mention.text = e, text[s:e]
            name = sh[s:e]
        g = GRADE_RE.search(name) or QUALITY_CLASS_RE.search(name)
        if g and g.start() > 0 and QUALITY_BY_GRADE_RE.search(name[: g.start()]) and any(_is_place_word(name[:n]) for n in (2, 3, 4)):
            g = None  # 上海市质量金奖, 苏州市质量管理优秀奖: a place's quality award is named by its grade
        if g and g.start() > 0:
            head = name[: g.start()]
            if not head.endswith("奖"):
                return None  # fused form such as 中国专利金奖: no award name of its own
            if self._generic_body(head[:-1], "Award", "award_generic_words.tsv"):
                return None  # 该奖一等奖: the award named before, and its grade
            mention.attrs["grade"] = text[s + g.start():e]
            e = s + g.start()
        elif g or name in BARE_GRADES:
            return None  # a bare grade (提名奖, Taiwan's 特优奖) is not an award
        mention.end, mention.text = e, text[s:e]
        # a name that ends on 奖 takes any grade after it (金点设计奖优等奖, 发明创作奖金牌); a title only a split grade
        after = NAMED_AWARD_GRADE_RE if sh[s:e].endswith("奖") else GRADE_AFTER_RE
        follow = after.match(sh, e) or (QUALITY_CLASS_AFTER_RE.match(sh, e) if sh[s:e].endswith("质量奖") else None)
        if follow is None and sh[e:e + 1] in ("(", "（", "【", "["):
            follow = after.match(sh, e + 1)  # 天府质量奖(提名奖), X奖【一等奖】: the grade in brackets
            if follow is not None and sh[follow.end():follow.end() + 1] not in (")", "）", "】", "]"):
                follow = None
        if follow is None and sh[e:e + 1] in (" ", "\t", "\u3000"):
            # 湖南专利奖 一等奖 (a PDF's copy, a row of a table pasted as a line): spaces, no line break
            gap = re.match(r"[ \t\u3000]{1,4}", sh[e:e + 5])
            follow = after.match(sh, e + gap.end())
        if follow is None:
            # X奖“一等奖”, X奖两项一等奖: the grade quoted, or counted before it
            gap = AWARD_GRADE_GAP_RE.match(sh, e)
            follow = after.match(sh, gap.end()) if gap.end() > e else None
            if follow is not None and sh[gap.end() - 1] in "“\"「『" and sh[follow.end():follow.end() + 1] not in ("”", "\"", "」", "』"):
                follow = None
        if follow and "grade" not in mention.attrs:
            mention.attrs["grade"] = text[follow.start():follow.end()]
        elif follow is None and "grade" not in mention.attrs and re.match(r"提名(?![奖獎委人单])", sh[e:e + 3]):
            mention.attrs["grade"] = "提名奖"  # 获得济宁市长质量奖提名: the nomination is the grade 提名奖
        if "grade" not in mention.attrs and sh[s:e].endswith("奖"):
            # the grade one word away: 湖西专利奖评选一等奖, 湖西专利奖中的金奖; or before the award, as
            # what was won (荣获一等奖的湖西专利奖)
            far = GRADE_OF_NAMED_RE.match(sh, e)
            near = GRADE_BEFORE_RE.search(sh, max(0, s - 12), s)
            if far is not None:
                mention.attrs["grade"] = text[far.start("grade"):far.end("grade")]
            elif near is not None:
                mention.attrs["grade"] = text[near.start("grade"):near.end("grade")]
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
        if y and re.search(r"[-—–~～至到]\s*(?:19|20)?$", before[:y.start(1)]):
            pass  # 2018-2019年度X奖: a span of years gives no year (ANNOTATION.md)
        elif y:
            mention.attrs["year"] = to_year(y.group(1))
        elif bracket_year is not None:
            mention.attrs["year"] = bracket_year
        elif (bare := BARE_YEAR_BEFORE_RE.search(before)) is not None:
            mention.attrs["year"] = int(bare.group(1))  # 2023金點設計獎: a year with no 年 before the prize
        else:
            inside = re.search(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", sh[s:e])
            after = BARE_YEAR_AFTER_RE.match(sh, e) if sh[e - 1:e] == "奖" else None
            if inside:
                mention.attrs["year"] = int(inside.group(1))  # 全国2023高质量发展十佳标杆县
            elif after:
                mention.attrs["year"] = int(after.group(1))  # 香港工商業獎2023: the year written after the prize
        return mention


#: words an award's short form writes shorter: 人民政府 -> 政府, 科学技术 -> 科技
_AWARD_CONTRACTIONS = (("人民政府", "政府"), ("科学技术", "科技"))
_LEVEL_WORDS = ("自治区", "省", "市", "县", "区", "州")


def _award_core(name: str) -> tuple[str, str]:
    """``(place, rest)`` of an award's name: the places it opens on, as the division they name
    (平江 and 平江县 are one), and the rest with its contractions applied and a bare level word
    (省政府质量奖) dropped; a post written against its place's level word gets it back
    (平江县长质量奖 -> 县长质量奖, as in 平江县县长质量奖)."""
    sh = shadow(name)
    table = place_table()
    places = []
    while True:
        n = next((n for n in (5, 4, 3, 2) if len(sh) > n + 2 and _is_place_word(sh[:n])), 0)
        if not n:
            break
        entry = table.get(sh[:n]) or next(table[sh[:n] + x] for x in ("县", "区", "市", "旗") if sh[:n] + x in table)
        places.append(entry["name"])
        level = sh[n - 1]
        sh = sh[n:]
        if sh.startswith("长") and level in "省市县区":
            sh = level + sh  # 平江县|长质量奖: the level word is the place's and the post's (平江县县长质量奖)
            break
    if not places:
        # 省政府质量奖 -> 政府质量奖; but 区长质量奖 keeps its post (the 区长 of 市中区区长质量奖)
        sh = next((sh[len(w):] for w in _LEVEL_WORDS if sh.startswith(w) and len(sh) > len(w) + 2 and sh[len(w)] != "长"), sh)
    for long, short in _AWARD_CONTRACTIONS:
        sh = sh.replace(long, short)
    return "".join(places), sh


def link_award_forms(entities: list[dict[str, Any]]) -> dict[str, str]:
    """One award written in full and short in a report (浙江省人民政府质量奖, 省政府质量奖;
    市中区区长质量奖, 区长质量奖; 国家科学技术进步奖, 国家科技进步奖) is one entity: the short form's
    entity is folded into the full one (names, mentions) in place. A short form with no place
    joins a full form only where one place's award has that form (宁波市… and 浙江省标准创新贡献奖
    both fit 标准创新贡献奖: it joins neither). Returns the old id -> kept id map."""
    awards = [e for e in entities if e["type"] == "Award"]
    cores = {e["id"]: _award_core(e["name"]) for e in awards}
    remap: dict[str, str] = {}
    for short in sorted(awards, key=lambda e: len(e["name"])):
        place, rest = cores[short["id"]]
        fits = [
            e for e in awards
            if e is not short and e["id"] not in remap and len(e["name"]) > len(short["name"])
            and cores[e["id"]][1] == rest and (not place or cores[e["id"]][0] == place)
        ]
        if len({cores[e["id"]][0] for e in fits}) != 1 or short["id"] in remap.values():
            continue
        full = max(fits, key=lambda e: len(e["name"]))
        names = [full["name"], *full["aliases"], short["name"], *short["aliases"]]
        full["aliases"] = [n for i, n in enumerate(names) if n != full["name"] and n not in names[:i]]
        full["mentions"] = sorted(full["mentions"] + short["mentions"])
        remap[short["id"]] = full["id"]
    if remap:
        entities[:] = [e for e in entities if e["id"] not in remap]
    return remap
