"""locatedIn in one sentence: a place and what lies in it (family ``sites``).

Owns places side by side (湖北随州), X所在的P, P的X, X（P）, P+X, 位于/坐落/落户, 在P…, a park's
anaphors (园区内的X, 全区), what an area has (园区入驻企业有A、B), 其中 after a counted area, and
X是P的组成部分, X成为P唯一…, 在P入围的…中; a firm's standing (A来自P, 作为P的龙头企业，X) and gathering
carried across sentences are read by its helper ``standing``. Must not: take a body's place from its name alone (ANNOTATION.md). Lists and
enumerations a place introduces: ``located`` and ``enumerations``.
"""

from __future__ import annotations

import bisect
import re

from ..rules import _inside_title, _segment_start, ORG_LABELS
from ..prefilter import anchored
from ..kindsplit import KIND_RE
from .base import register, Relation, RelationInput
from .context import _clause_start, ANAPHOR_RE, CLAUSE_BREAK_RE, ORG_ANAPHOR_RE, sentence_subject, Walk
from .standing import address_lines, gatherer_before, readings as standing_readings, short_park_forms, SUBJECTLESS_HAS_RE
from .site_frames import SHARE_FRAME_RE, among_subunits, share_frames
from .site_lists import NAME_GOES_ON_RE, PLACE_LIST_JOINT_RE, _enumerated_after, _level, _parts_of_parks, _places_listed_after, _same_level_listed

#: run_families drops this family's readings inside clauses a precise family claimed
LOOSE = True
register("sites", {
    "located.adjacent_places.v1": ("locatedIn", "P1P2 side by side (湖北随州, 苏州工业园区): the smaller lies in the larger"),
    "located.area_has.v1": ("locatedIn", "P有/集聚了/培育了A、B; 目前，园区入驻企业有A、B: the anaphor names the area; 该区已聚集…。今年又引进了A、B: a subjectless sentence goes on for the area before"),
    "located.bracket_place.v1": ("locatedIn", "firm or park（P）: a bracket holding only its place (云南沾益硅业有限公司（沾益区）, 醴陵经开区（株洲市）)"),
    "located.built_by_place.v1": ("locatedIn", "P (or 我市) 成功创建/建成/组建 X: the body it set up lies in it"),
    "located.counted_members.v1": ("locatedIn", "…共有6项专利获奖：A获一等奖，B…: the members after the colon belong to it"),
    "located.first_or_only_in.v1": ("locatedIn", "X也成为P唯一获此殊荣的企业 / X是P首家… / 作为P唯一的高新区，X…: the first or only one of a province or city lies in it"),
    "located.inside_park.v1": ("locatedIn", "区内的X / 园区内的X, Y / P开发区内的X: the firms the clause names are in the park named just before"),
    "located.park_anaphor.v1": ("locatedIn", "an anaphor of the report's park (吹响全区…, 园区企业…): the firms of the sentence are in it"),
    "located.among_subunits.v1": ("locatedIn", "余杭区…杭州各县区最多 / 在赤壁市…全市的六个县市区: a county beside the set of its city's counties lies in the city"),
    "located.part_of.v1": ("locatedIn", "X…是P的重要组成部分: X lies in P"),
    "located.place_de_org.v1": ("locatedIn", "P的 / P境内的 + firm or park (宜兰县的兰阳食品股份有限公司, 大埔的嘉丰食品有限公司): the firm of that place"),
    "located.place_then_org.v1": ("locatedIn", "P + firm, side by side (炎陵县全康电子): the firm of that place"),
    "located.place_kind_org.v1": ("locatedIn", "P + kind word + firm (长沙企业X, 高新区企业X, 科学园区厂商X, P内企业X, P境内重点企业X; kg.nlp.kindsplit): the firm of that place or park"),
    "located.qizhong.v1": ("locatedIn", "P…N项/家…。其中，A…、B… / P共N家企业上榜，其中5家来自Q: the members named after 其中 belong to the area counted before"),
    "located.share_frame.v1": ("locatedIn", "在湖南入围的24家企业中，有6家长沙企业… / 在广东获得的金奖中，A占了2项 / 本届X我省获奖专利中，A的…: the winners of a place's share are in it"),
    "located.sentence_frame.v1": ("locatedIn", "在衡阳，…; 在合肥高新技术产业开发区（简称合肥高新区），…: the sentence is set in P"),
    "located.settles_in.v1": ("locatedIn", "落户伊金霍洛旗的蒙苏经济开发区: the park in that place"),
    "located.subject_weiyu.v1": ("locatedIn", "X位于P; X是Y的控股子公司，位于P (a clause with no subject of its own speaks of X); A、B均位于P; X是一家位于P的…"),
    "located.subject_zai.v1": ("locatedIn", "S …在 P …: the sentence's subject acts in that place"),
    "located.part_of_park.v1": ("locatedIn", "竹科竹南園區 / 长沙高新区麓谷产业园 where the report names 竹科 / 长沙高新区 on its own: a park named as a part of another park the report names lies in it"),
    "located.suozai.v1": ("locatedIn", "X所在的P: X lies in P (西彭精铝所在的西彭铝产业园区, 株洲高新区所在的天元区)"),
    "located.place_makes_park.v1": ("locatedIn", "P…将/把X园区打造成/建设成…: the park the sentence's place develops lies in it"),
    "located.weiyu_de.v1": ("locatedIn", "位于P的X / X位于P: X lies in P"),
})


SITE_VERB_RE = re.compile(r"[“”\"]?(?:正式|顺利|成功|已经|已|将|全面|率先|开工)?(?:上马|开辟|建设|建立|设立|落户|投资|扎根|布局|建成|生产|设有|拥有|开工|投产|入驻|办厂|设厂|建厂|扩厂|扩建|新建|兴建|选址|揭牌|挂牌|成立|启用|运行|运营|落地|注册|安家)")


#: 目前進駐廠商有 / 入驻企业包括: the firms that entered an area, then its list
ENTERED_HAS_RE = re.compile(r"\s*(?:还|已|现|目前)?(?:入驻|进驻|落户|引进)的?(?:企业|厂商|厂家|单位)(?:有|包括|包含)")


HAS_RE = re.compile(r"\s*(?:今年以来|近年来|今年|去年|年内|上半年)?[，,]?\s*(?:还|已经|已|现|目前|先后|相继|陆续|累计|成功|共){0,2}(?:新(?:落户|入驻|进驻|引进|签约落户)了?|新增了?|(?:入驻|进驻|落户|引进)的?(?:企业|厂商|厂家|单位)(?:有|包括|包含)|共有|拥有|有|下辖|管辖|辖|下设|内设|设有|集聚了?|聚集了?|入驻了?|进驻了?|引进了?|汇聚了?|培育了|孵化了|招引了)")


PART_OF_AREA_RE = re.compile(r"(?:[东南西北中]{1,2}部|[东南西北]{1,2}|境内|一带|腹地|中心|核心区)(?=的)")


#: 也成为河南省唯一… / 作为贵州唯一的… / 成为湖南省以及全国…唯一…: the verb, then the place
FIRST_IN_RE = re.compile(r"(?P<verb>成为|作为|是)(?:当年度|本年度|今年|去年|当年|目前|迄今为止)?(?P<lead>)")
#: what follows the place: (以及…)? then 唯一/首个/首家/第一家 (within a few characters)
FIRST_TAIL_RE = re.compile(r"(?:的)?(?:以及[^，,。；;]{0,12}?)?(?:迄今为止|目前|当年度|本年度|历史上)?(?:唯一|首个|首家|第一家|第一个)")


PART_OF_RE = re.compile(r"是(?P<p>[^，,。；;的]{2,20})的(?:重要|核心|主要)?(?:组成部分|一部分|核心区|主体部分)")


#: X表示，… / X主任某某说，…: the sentence's first body only reports what others do
#: what opens a firm's own plan after it speaks (大明公司宣布，將於P…, …表示，计划在P…)
OWN_PLAN_RE = re.compile(r"(?:将|预计|计划|拟|准备|决定)\s*(?:于|在|斥资|投资)")
SPEAKER_RE = re.compile(r"[^，,。；;：:“”\"]{0,10}?(?:表示|指出|说|称|介绍|透露|强调|宣布)\s*[:：,，]")


#: 在X(的)…下， (X's guidance, invitation, support): a frame around the sentence, not its subject
FRAME_UNDER_RE = re.compile(r"[^，,。；;：:]{0,16}?(?:下|之下)[，,]")


#: 坐落于美丽的P / 位于风景秀丽的P: a short descriptive modifier between the verb and the place
PRAISE_DE_RE = re.compile(r"(?:美丽|秀丽|风景秀丽|山清水秀|素有[^，,。；;的]{1,8}之称|有着[^，,。；;的]{1,8}之称|历史悠久|享有盛誉|繁华|富饶|[^，,。；;、的“”\"0-9]{2,6}(?:地区|边区|腹地|交界处|之滨|之畔|岸边|沿岸|境内))的")


SETTLE_RE = re.compile(r"(?:成功|正式)?(?:落户|入驻|扎根|坐落于|坐落在|落地|安家|落脚|进驻|总部设在|总部位于|总部落户|设在|设于|建在|迁至|迁入|搬迁至|注册在|注册于|选址|布局|创立于|成立于|创办于|创建于|发迹于|起家于)(?:了)?(?:在|于|到)?")
_SETTLE_SCAN = anchored(SETTLE_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


#: 目前，园区入驻企业有 / 从 100 年至 103 年間，區內…廠商有: up to two short clauses (spaced years too) before
AREA_ANAPHOR_HAS_RE = re.compile(r"(?:[^，,。；;]{0,16}[，,]){0,2}[^，,。；;]{0,6}?(?P<an>园区|该区|全区|我区|本区|区内|全市|我市|本市|全县|我县)(?:内)?(?:现已|已|现|目前)?(?:入驻|落户|集聚|聚集|引进)?(?:[^，,。；;的]{0,8}的)?(?:企业|单位|厂商|厂家)?(?:有|包括|涵盖)")




#: P将X打造成…: 将/把 before the park, a verb of making it into something after it
MAKES_PARK_RE = re.compile(r"(?:将|把)")
MADE_INTO_RE = re.compile(r"(?:打造|建设|建|发展|培育)(?:成为|成|为)")


BUILT_RE = re.compile(r"(?:成功)?(?:(?:获批|获准)(?:建设|组建|设立|筹建)?|创建|建成|组建|筹建|设立|引进|落地)(?:了)?")
_BUILT_SCAN = anchored(BUILT_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


FRAME_TAIL_RE = re.compile(r"(?:[(（][^()（）]{1,16}[)）])?[，,]")


#: X（注册地：P）/ X（P企业）/ X（P内）: what may open or close a bracket holding only the body's place
BRACKET_OPEN_RE = re.compile(r"\s*[(（]\s*(?:(?:注册地|所在地|所在地区|地址|所属地区|地区|所在园区)\s*[:：]\s*)?")
BRACKET_CLOSE_RE = re.compile(r"\s*(?:内|企业|辖内|境内)?\s*[)）]")


#: 中国移动(湖南株洲)数据中心: the bracket is inside a longer name, not after a firm's name
BRACKET_IN_NAME_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:中心|公司|基地|工厂|厂|研究院|研究所|分院|分所)")


#: P的X, P（前称Q）的X, P境内的X / P辖区内的X (what lies within the place's bounds)
PLACE_DE_RE = re.compile(r"(?:[(（][^()（）]{1,20}[)）])?(?P<bounds>境内|辖内|辖区内|辖区|所辖|下辖|管辖|在地|本地|当地)?的")
#: P的初创企业X, P的厂商X: a kind word between 的 and the firm (kg.nlp.kindsplit's)
DE_KIND_RE = re.compile(r"(?:" + KIND_RE.pattern + r")?")


#: P企业X, and P内企业X / P境内的重点企业X / P辖区内企业X: the kind word after the place's bounds
INSIDE_KIND_RE = re.compile(r"(?:(?:园|区|辖区|境|辖)?内的?)?(?:" + KIND_RE.pattern + r")")


#: a zone that holds parks (长沙高新区), and a park of the kind that lies inside one (麓谷产业园, 栗雨片区)
PARK_WHOLE_RE = re.compile(r"(?:高新区|开发区|经开区|新区|试验区|自贸区|保税区|示范区|高新園區|科學園區|科学园区)$")
PARK_PART_RE = re.compile(r"(?:园|園|园区|園區|片区|片區|分园|分園)$")


PARK_INSIDE_AFTER_RE = re.compile(r"内(?:的|有|设有|，|,)")


INSIDE_PARK_RE = re.compile(r"(?:^|(?<=[，,。；;：:\s]))(?:园区|区|园)内(?:的|，)?")
_INSIDE_PARK_SCAN = anchored(INSIDE_PARK_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


PARK_ANAPHOR_RE = re.compile(r"(?<![业工技科高经开发新产城矿])(?:全区|该区|园区|区内|我区|本区)(?![县市])")


COUNTED_RE = re.compile(r"(?<![0-9一二三四五六七八九十两])[0-9一二三四五六七八九十两]+\s*(?:项|家|个)")



#: 以X为实施主体，在P建设…: 以 before the body, then 为…主体 and the clause up to 在
ACTING_BODY_RE = re.compile(r"以")
ACTING_AS_RE = r"为(?:项目)?(?:实施|投资|建设|运营|承建)?主体\s*[,，]?\s*$"


#: a copula and a classifier right before 位于 (X是一家位于P的…): X is what the clause describes
COPULA_ONE_RE = re.compile(r"(?:是|为|系|[，,])\s*一\s*(?:家|个|所|座|间)\s*$")  # X，一间位于P的…: apposition too
#: 位于P的初创公司X: a kind word between 的 and the body
DE_FIRM_KIND_RE = re.compile(r"[^，,。；;的“”\"]{0,6}?(?:企业|公司|厂商|业者|机构)(?=[\u4e00-\u9fffA-Za-z])")


def find(inp: RelationInput) -> list[Relation]:
    text, mentions = inp.sh, inp.mentions
    rels: list[Relation] = []
    walk = Walk(text, mentions, inp.shared)
    ctx = walk.ctx

    prev_area: int | None = None
    starts = [m.start for m in mentions]
    for s0, s1, idx, sent, ev, orgs in walk:
        # -- locatedIn -------------------------------------------------------------------
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label == "Place" and b.label in ("Place", "Park") and b.start == a.end:
                if b.label == "Place" and NAME_GOES_ON_RE.match(text, b.end):
                    continue  # 江苏溧阳高新技术产业开发区, 湖北随州市信息与标准化所: places that open a name
                pa, pb = a.attrs.get("place", {}), b.attrs.get("place", {})
                if b.label == "Park" or pb.get("parent") == pa.get("name") or _level(pa) < _level(pb):
                    rels.append(Relation(idx[j + 1], "locatedIn", idx[j], "located.adjacent_places.v1", ev))
                    if b.label == "Place":  # 株洲市芦淞区、荷塘区: the places of the same level listed on
                        rels.extend(Relation(k, "locatedIn", idx[j], "located.adjacent_places.v1", ev)
                                    for k in _same_level_listed(text, mentions, idx, j + 1))
        located = ORG_LABELS | {"Park"}
        # X所在的P: X lies in P (西彭精铝所在的西彭铝产业园区)
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if (a.label in ORG_LABELS or (a.label == "Park" and b.label == "Place")) and b.label in ("Park", "Place") and re.fullmatch(r"所在的?|所在地", text[a.end:b.start]):
                rels.append(Relation(idx[j], "locatedIn", idx[j + 1], "located.suozai.v1", ev))
        # P的 + firm (宜兰县的兰阳食品股份有限公司, 大埔的嘉丰食品有限公司): the firm of that place
        for j in range(len(idx) - 1):
            a = mentions[idx[j]]
            gap = PLACE_DE_RE.match(text, a.end)  # P（前称Q）的X too
            if a.label not in ("Place", "Park") or gap is None or text[max(0, a.start - 2):a.start] in ("位于", "地处"):
                continue
            kind_end = DE_KIND_RE.match(text, gap.end()).end()
            k = next((k for k in idx[j + 1:] if mentions[k].start in (gap.end(), kind_end)), None)
            smaller = k is not None and mentions[k].label == "Place" and a.label == "Place" and mentions[k].start == gap.end() and (
                gap.group("bounds") in ("所辖", "下辖", "管辖")  # 株洲市所辖的醴陵市、攸县
                or mentions[k].attrs.get("place", {}).get("parent") == a.attrs.get("place", {}).get("name")
                or _level(a.attrs.get("place", {})) < _level(mentions[k].attrs.get("place", {})) < 4)  # 湖南省的株洲市
            inner = k is not None and a.label == "Park" and mentions[k].label == "Park" and mentions[k].start == gap.end() and (
                PARK_WHOLE_RE.search(a.text) and PARK_PART_RE.search(mentions[k].text) and not PARK_WHOLE_RE.search(mentions[k].text))  # 长沙高新区的麓谷产业园
            if k is not None and (mentions[k].label in ("Company", "Institution") or smaller or inner or (mentions[k].label == "Park" and a.label == "Place" and mentions[k].start == gap.end())):
                for i in [k] + _enumerated_after(text, mentions, idx, k):
                    rels.append(Relation(i, "locatedIn", idx[j], "located.place_de_org.v1", ev))
        # firm（P）: a bracket holding only the firm's place (云南沾益硅业有限公司（沾益区）)
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label == "Place" and b.label == "Place" and re.fullmatch(r"\s*[(（]\s*", text[a.end:b.start]) and re.match(r"\s*[)）]", text[b.end:]) and (
                    _level(b.attrs.get("place", {})) < _level(a.attrs.get("place", {}))):
                rels.append(Relation(idx[j], "locatedIn", idx[j + 1], "located.bracket_place.v1", ev))  # 芦淞区（株洲市）
                continue
            if a.label in ("Company", "Institution", "Park") and b.label in ("Place", "Park") and BRACKET_OPEN_RE.fullmatch(text, a.end, b.start):
                inner = [idx[j + 1]]  # 株洲高新区（湖南）、赣州经开区（江西）: the places side by side in the bracket
                for k in idx[j + 2:]:
                    if mentions[k].label not in ("Place", "Park") or mentions[k].start != mentions[inner[-1]].end or mentions[k].start >= b.start + 12:
                        break
                    inner.append(k)
                last = inner[-1] if inner else idx[j + 1]
                close = BRACKET_CLOSE_RE.match(text[mentions[last].end:])  # 株洲高新区企业）/ 株洲高新区内）
                if a.label == "Park" and not (mentions[last].label == "Place" and _level(mentions[last].attrs.get("place", {})) <= 2):
                    continue  # 株洲高新区(天元区): a zone and its district run as one; 醴陵经开区（株洲市）: the city holds it
                if close and not BRACKET_IN_NAME_RE.match(text, mentions[last].end + close.end()) and all(mentions[k].end == mentions[k2].start for k, k2 in zip(inner, inner[1:])):
                    rels.append(Relation(idx[j], "locatedIn", last, "located.bracket_place.v1", ev))
        # P + firm, side by side (炎陵县全康电子): the firm of that place
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label == "Place" and b.label in ("Company", "Institution") and b.start == a.end and "alias_of" not in b.attrs:
                rels.append(Relation(idx[j + 1], "locatedIn", idx[j], "located.place_then_org.v1", ev))
        # X是P的一家民营企业, A来自P, 作为P的龙头企业，X, 我省株洲市, 园区位于P…: a body's standing (``standing``)
        rels.extend(standing_readings(text, mentions, idx, ev, s0, s1, ctx))
        # P企业X, 高新区企业X, 科学园区厂商X: the firm of that place or park (kg.nlp.kindsplit)
        for j in range(len(idx) - 1):
            a, b = mentions[idx[j]], mentions[idx[j + 1]]
            if a.label in ("Place", "Park") and b.label in ("Company", "Institution") and INSIDE_KIND_RE.fullmatch(text, a.end, b.start):
                rels.append(Relation(idx[j + 1], "locatedIn", idx[j], "located.place_kind_org.v1", ev))
        # P (or 我市) 成功创建/建成/组建 X: the body it set up lies in it
        for bm_ in _BUILT_SCAN.finditer(text, s0, s1):
            clause_start = _clause_start(text, s0, bm_.start())
            builder = None
            an = ANAPHOR_RE.search(text, clause_start, bm_.start())
            places = [i for i in idx if clause_start <= mentions[i].start and mentions[i].end <= bm_.start() and mentions[i].label in ("Place", "Park")]
            if places:
                builder = places[-1]
            elif an:
                builder = ctx.resolve(an.group(0))
            if builder is None or any(clause_start <= mentions[i].start < bm_.start() and mentions[i].label in ORG_LABELS for i in idx):
                continue
            built = next((i for i in idx if mentions[i].start == bm_.end() and mentions[i].label in ("Institution", "Company", "Park")), None)
            if built is not None and built != builder:
                rels.append(Relation(built, "locatedIn", builder, "located.built_by_place.v1", ev))
        # P…与各方携手将X科技园打造成为…: the park the sentence's place develops lies in it
        maker = next((i for i in idx if mentions[i].start - s0 <= 12), None)
        if maker is not None and mentions[maker].label == "Place":
            for mk in MAKES_PARK_RE.finditer(text, mentions[maker].end, s1):
                if re.search(r"[；;]", text[mentions[maker].end:mk.start()]) or any(
                        mentions[maker].end <= mentions[i].start < mk.start() for i in idx):
                    break  # another segment, or another name between: not the place's act
                park = next((i for i in idx if mentions[i].start == mk.end() and mentions[i].label == "Park"), None)
                if park is not None and MADE_INTO_RE.match(text, mentions[park].end):
                    rels.append(Relation(park, "locatedIn", maker, "located.place_makes_park.v1", ev))
        # 在P，…: a sentence framed by a place sets its parks and bodies in it
        if text.startswith("在", s0):
            # 在衡阳，…; 在合肥高新技术产业开发区（简称合肥高新区），…: the sentence is set in P
            where = next((i for i in idx if mentions[i].start == s0 + 1 and mentions[i].label in ("Place", "Park")), None)
            frame = FRAME_TAIL_RE.match(text, mentions[where].end) if where is not None else None
            if frame:
                for i in idx:
                    if mentions[i].start >= frame.end() and mentions[i].label in ("Park", "Institution", "Company"):
                        rels.append(Relation(i, "locatedIn", where, "located.sentence_frame.v1", ev))
        # P 有/拥有/共有/集聚 … A、B: what an area has lies in it (园区入选的企业有 A、B)
        areas = [i for i in idx if mentions[i].label in ("Park", "Place") and mentions[i].start - s0 <= 12]
        area, hm = None, None
        if areas:
            area = areas[0]
            hm = HAS_RE.match(text, mentions[area].end, s1)
        if hm is None:
            # …表示，彰濱工業區目前進駐廠商有A、B: a park or place opening a later clause, with the
            # firms that entered it after (not a bare 有, which opens words such as 有关 there)
            later = [i for i in idx if mentions[i].label in ("Park", "Place") and mentions[i].start - s0 > 12 and text[mentions[i].start - 1] in "，,；;：:"]
            hits = [(i, ENTERED_HAS_RE.match(text, mentions[i].end, s1)) for i in later]
            area, hm = next(((i, h) for i, h in hits if h), (area, hm))
        if area is None:
            # 目前，园区入驻企业有A、B: the anaphor names the area
            am_ = AREA_ANAPHOR_HAS_RE.match(text, s0)
            if am_ and ctx.resolve(am_.group("an")) is not None:
                area, hm = ctx.resolve(am_.group("an")), am_
        if area is None:
            # 该区已聚集企业535家。仅今年上半年就聚集了A、B等225家: a sentence with no subject of its
            # own goes on gathering for the area the sentence before opened on gathering
            cont = SUBJECTLESS_HAS_RE.match(text, s0, s1)
            if cont is not None and not any(mentions[i].start < cont.end() for i in idx):
                area, hm = gatherer_before(text, mentions, starts, ctx, s0), cont
        if area is not None:
            if hm:
                # 长沙市辖芙蓉区、天心区: a place administers the places it lists, too
                holds = located | {"Place"} if mentions[area].label == "Place" and "辖" in hm.group() else located
                # …，株洲市有C入选: a later clause that opens on another area has members of its own
                other = next((mentions[i].start for i in idx if mentions[i].start > hm.end() and i != area and mentions[i].label == mentions[area].label
                              and text[mentions[i].start - 1] in "，,；;" and HAS_RE.match(text, mentions[i].end, s1)), s1)
                for i in idx:
                    if hm.end() <= mentions[i].start < other and mentions[i].label in holds and i != area:
                        rels.append(Relation(i, "locatedIn", area, "located.area_has.v1", ev))
        # S …在 P(+P) …: the sentence's subject acts in that place
        subj0 = sentence_subject(text, mentions, idx, s0)
        if subj0 is not None and (said := SPEAKER_RE.match(text, mentions[subj0].end)):
            # 科技部表示，A、B在P设立: the body that speaks is not the one that settles; a firm that
            # opens what it says is the subject (南科管理局表示，A於南科設立新廠)
            said_end = said.end()
            while said_end < s1 and text[said_end] in " \u3000":
                said_end += 1
            speaker = subj0
            subj0 = next((i for i in idx if mentions[i].start == said_end and mentions[i].label in ("Company", "Institution")), None)
            if subj0 is None and mentions[speaker].label == "Company" and OWN_PLAN_RE.match(text, said_end):
                subj0 = speaker  # 大明公司宣布，將於P興建新廠: a firm that announces its own plan is the one that builds
        elif subj0 is not None and text.startswith("在", s0) and FRAME_UNDER_RE.match(text, mentions[subj0].end):
            subj0 = None  # 在县委县政府热情邀请下，公司落户于P: the body in the frame is not the subject
        for mm in re.finditer(r"(?<![存现实所正])在|(?<=[\u4e00-\u9fff，,])(?<![位关由对属处等用基力立终至免善易敢])于|选定", sent):
            p0 = s0 + mm.end()
            seg0 = max(text.rfind(c, s0, s0 + mm.start()) for c in "；;") + 1
            acting = ACTING_BODY_RE.search(text, max(s0, seg0), s0 + mm.start())
            doer = next((i for i in idx if acting and mentions[i].start == acting.end() and mentions[i].label in ("Company", "Institution")
                         and re.match(ACTING_AS_RE, text[mentions[i].end:s0 + mm.start()])), None)
            actor = doer if doer is not None else subj0  # 以A为实施主体，在P建设…: the body the clause makes the doer
            if actor is None or mentions[actor].end > s0 + mm.start():
                break
            if mentions[actor].label == "GovernmentAgency":
                break  # 香港政府在P、Q設有三個工業邨: a government sets up what lies in the places it governs
            if re.search(r"[；;]", text[mentions[actor].end:s0 + mm.start()]):
                break  # …；集团还在鞍山设立了…: another segment, another subject
            chain, pos = [], p0
            for i in idx:
                # 在株洲市荷塘区, 在臺中市的中部科學園區: places side by side or joined by 的
                if mentions[i].label in ("Place", "Park") and mentions[i].start == pos:
                    chain.append(i)
                    pos = mentions[i].end
                elif chain and mentions[i].label in ("Place", "Park") and mentions[i].start == pos + 1 and text[pos] == "的":
                    chain = [i]  # P的Q: the subject is in Q, which lies in P
                    pos = mentions[i].end
            if chain:
                skip = re.match(r"[(（][^()（）]{1,20}[)）]", text[pos:pos + 22])  # P（简称Q）设有
                if skip:
                    pos += skip.end()
            # 在株洲、长沙、上海均设有…, 在P市、Q縣竹科R園區與S市南科廠擴建…: each place of the
            # list (the most specific of each item's chain), the verb after them all
            items = [chain] if chain else []
            while chain:
                joint = PLACE_LIST_JOINT_RE.match(text, pos)
                nxt = [i for i in idx if joint and mentions[i].start >= joint.end() and mentions[i].label in ("Place", "Park")]
                if not joint or not nxt or mentions[nxt[0]].start != joint.end():
                    break
                item, at = [], joint.end()
                for i in nxt:
                    if mentions[i].start != at:
                        break
                    item.append(i)
                    at = mentions[i].end
                plant = re.match(r"厂", text[at:at + 1]) if mentions[item[-1]].label == "Park" else None  # 南科廠: the park's plant
                items.append(item)
                pos = at + (1 if plant else 0)
            chain = [item[-1] for item in items]  # 在株洲市天元区建设: the most specific place of each item
            if len(items) > 1:
                together = re.match(r"\s*(?:均|都|分别|各)", text[pos:pos + 3])
                if together:
                    pos += together.end()
            if not chain or not SITE_VERB_RE.match(text, pos):
                continue
            for c in chain:
                rels.append(Relation(actor, "locatedIn", c, "located.subject_zai.v1", ev))
            if chain:
                break
        # S …落户/入驻/扎根 P: the sentence's subject settles in that place
        for mm in _SETTLE_SCAN.finditer(text, s0, s1):
            if subj0 is None or mentions[subj0].end > mm.start():
                break
            if ORG_ANAPHOR_RE.search(text, _clause_start(text, s0, mm.start()), mm.start()):
                continue  # …，该集团总部位于P: the group, not the sentence's subject (read nowhere yet)
            if any(mentions[subj0].end <= mentions[i].start and mentions[i].end <= mm.start() and mentions[i].label in ("Company", "Institution") for i in idx):
                continue  # 管理局核准A、B进驻P, X吸引A落户P: the firm named before the verb settles, not the subject
            praise = PRAISE_DE_RE.match(text, mm.end())
            at = praise.end() if praise else mm.end()
            target = next((i for i in idx if mentions[i].start == at and mentions[i].label in ("Place", "Park")), None)
            while target is not None:  # 总部位于沈阳市铁西区: the most specific place of the chain
                nxt = next((i for i in idx if mentions[i].start == mentions[target].end and mentions[i].label in ("Place", "Park")), None)
                if nxt is None and text[mentions[target].end:mentions[target].end + 1] == "的":
                    # 落户伊金霍洛旗的蒙苏经济开发区: the park in that place
                    nxt = next((i for i in idx if mentions[i].start == mentions[target].end + 1 and mentions[i].label == "Park"), None)
                if nxt is None:
                    break
                target = nxt
            if target is not None and re.match(r"的", text[mentions[target].end:mentions[target].end + 1]) and any(
                mentions[i].start == mentions[target].end + 1 and mentions[i].label in ORG_LABELS for i in idx
            ):
                continue  # 以及总部设于观塘的B: the verb belongs to B's modifier, not to the subject
            if target is not None and target != subj0:
                rels.append(Relation(subj0, "locatedIn", target, "located.settles_in.v1", ev))
        for mm in re.finditer(r"位于|位在|位处|地处|隶属于|隶属|坐落于|总部设在|总部设于|总部位于|(?<![存现实所正])在(?=[^，,。；;]{2,16}的)", sent):
            p0 = s0 + mm.end()
            praise = PRAISE_DE_RE.match(text, p0) if mm.group(0) != "在" else None
            p0 = praise.end() if praise else p0
            places = [i for i in idx if mentions[i].start >= p0 and mentions[i].label in ("Place", "Park")]
            chain = []
            pos = p0
            for i in places:
                if mentions[i].start == pos:
                    chain.append(i)
                    pos = mentions[i].end
            if not chain:
                continue
            rest = text[pos:s1]
            if mm.group(0) == "在" and SHARE_FRAME_RE.match(text, pos):
                continue  # 在广东获得的4项金奖中: P's share (located.share_frame.v1), not where anything lies
            if mm.group(0) == "在" and not re.match(r"(?:[(（][^()（）]{1,20}[)）])?的", text[pos:s1]):
                continue  # X在株洲和长沙的客户中: 在 and a list, no 的 right after the place (subject_zai reads 在P + verb)
            bracket = re.match(r"[(（][^()（）]{1,20}[)）]", rest)  # 位于新竹科学园区（简称竹科）的…
            if bracket:
                pos += bracket.end()
                rest = text[pos:s1]
            part = PART_OF_AREA_RE.match(rest)  # 地处浙江省西南部的松阳县
            if part:
                pos += part.end()
                rest = text[pos:s1]
            # a place can lie in a place (the county in its province), a body or park in either
            holders = ORG_LABELS | {"Park"} | ({"Place"} if mentions[chain[-1]].label == "Place" else set())
            if rest.startswith("的"):
                kind = DE_FIRM_KIND_RE.match(text, pos + 1)  # 位於觀塘的初創公司X: a kind word before the body
                after = [i for i in idx if mentions[i].start in (pos + 1, kind.end() if kind else pos + 1) and mentions[i].label in holders]
                while after and mentions[after[0]].label == "Park":
                    # 位于P的贵安新区上海张江软件产业园: a park that only qualifies the park after it
                    head = next((k for k in idx if mentions[k].start == mentions[after[0]].end and mentions[k].label in ("Park", "Company", "Institution")), None)
                    if head is None:
                        break
                    after = [head]
                for i in after + (_enumerated_after(text, mentions, idx, after[0]) if after else []):
                    rels.append(Relation(i, "locatedIn", chain[-1], "located.weiyu_de.v1", ev))
                copula = COPULA_ONE_RE.search(text, s0, s0 + mm.start())
                subject = [i for i in idx if copula is not None and mentions[i].end == copula.start() and mentions[i].label in holders - {"Place"}]
                if not after and subject:
                    # X是一家位于P的…企业: the firm the copula describes lies in P
                    rels.append(Relation(subject[0], "locatedIn", chain[-1], "located.subject_weiyu.v1", ev))
            else:
                before = [i for i in idx if mentions[i].end <= s0 + mm.start() and mentions[i].label in holders]
                if before and re.search(r"[，,]\s*(?:并|且|也|还|目前|现)?$", text[s0:s0 + mm.start()]):
                    # X是Y的控股子公司，位于P: a clause with no subject of its own speaks of X
                    firsts = [i for i in before if mentions[i].start - s0 < 30 and mentions[i].label in ("Company", "Institution", "Park")]
                    before = firsts[:1] or before
                respective = before and re.search(r"分别\s*$", text[mentions[before[-1]].end:s0 + mm.start()])
                more = _places_listed_after(text, mentions, idx, chain[-1]) if respective else []
                if more:
                    # A和B分别位于P和Q: each member in its own place, in order (counts that differ: none)
                    members = [before[-1]]
                    while True:
                        prev = [i for i in before if mentions[i].end <= mentions[members[0]].start and re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", text[mentions[i].end:mentions[members[0]].start])]
                        if not prev:
                            break
                        members.insert(0, prev[-1])
                    if len(members) == len(more) + 1:
                        for a_, p_ in zip(members, [chain[-1]] + more):
                            rels.append(Relation(a_, "locatedIn", p_, "located.subject_weiyu.v1", ev))
                elif before and before[-1] != chain[-1]:
                    rels.append(Relation(before[-1], "locatedIn", chain[-1], "located.subject_weiyu.v1", ev))
                    if re.search(r"(?:均|都|皆|分别)\s*$", text[mentions[before[-1]].end:s0 + mm.start()]):
                        # A、B均位于P: every member of the list that ends right before 均
                        k = before[-1]
                        while True:
                            prev = [i for i in before if mentions[i].end <= mentions[k].start and re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", text[mentions[i].end:mentions[k].start])]
                            if not prev:
                                break
                            k = prev[-1]
                            rels.append(Relation(k, "locatedIn", chain[-1], "located.subject_weiyu.v1", ev))

        # 区内的X / 园区内的X, Y: the firms the clause names are in the park named just before
        for am_ in _INSIDE_PARK_SCAN.finditer(text, s0, s1):
            near = [k for k in range(bisect.bisect_left(starts, am_.start()) - 1, -1, -1) if mentions[k].label == "Park"][:1]
            if not near or am_.start() - mentions[near[0]].end > 200:
                continue
            c1 = min([p for p in (text.find(c, am_.end(), s1) for c in "，,。；;！？\n") if p >= 0] or [s1])
            for i in idx:
                if mentions[i].label in ("Company", "Institution") and am_.end() <= mentions[i].start and mentions[i].end <= c1:
                    rels.append(Relation(i, "locatedIn", near[0], "located.inside_park.v1", ev))
        # P区内的X、Y: the same, with the park named right before 内
        for k in idx:
            inner = PARK_INSIDE_AFTER_RE.match(text, mentions[k].end) if mentions[k].label == "Park" else None
            if inner is None:
                continue
            c1 = min([p for p in (text.find(c, inner.end(), s1) for c in "，,。；;！？\n") if p >= 0] or [s1])
            for i in idx:
                if mentions[i].label in ("Company", "Institution") and inner.end() <= mentions[i].start and mentions[i].end <= c1:
                    rels.append(Relation(i, "locatedIn", k, "located.inside_park.v1", ev))
        # an anaphor of the report's park (吹响全区…, 园区企业…): the firms of the sentence are in it
        park = ctx.topic_park
        if park is not None:
            spans = [(am_.start(), am_.end()) for am_ in PARK_ANAPHOR_RE.finditer(text, s0, s1)]
            for a0, a1 in spans + short_park_forms(text, mentions, park, s0, s1):  # 高新区企业X for 株洲高新区
                if any(mentions[k].start <= a0 < mentions[k].end for k in idx) or _inside_title(text, a0):
                    continue  # 园区 inside a name or a 《title》
                c0 = _segment_start(text, a0, "，,。；;：:！？\n", ) + 1
                c1 = min([p for p in (text.find(c, a1, s1) for c in "，,。；;！？\n") if p >= 0] or [s1])
                for i in idx:
                    if mentions[i].label == "Company" and c0 <= mentions[i].start and mentions[i].end <= c1:
                        rels.append(Relation(i, "locatedIn", park, "located.park_anaphor.v1", ev))
        # P…N项/家…。其中，A…、B…: the members named after 其中 belong to the area counted before
        if prev_area is not None and re.match(r"\s*其中", sent):
            for i in idx:
                if mentions[i].label in ("Company", "Institution"):
                    rels.append(Relation(i, "locatedIn", prev_area, "located.qizhong.v1", ev))
        # 厦门市共12家企业上榜，其中5家来自厦门火炬高新区: 其中 after a comma, the clause before it
        # opening on the counted area
        for qm in re.finditer(r"[，,]\s*其中", sent):
            c0 = _clause_start(text, s0, s0 + qm.start())
            counted = COUNTED_RE.search(text, c0, s0 + qm.start())
            area = next((i for i in idx if mentions[i].label in ("Park", "Place") and c0 <= mentions[i].start <= c0 + 2), None)
            if counted is None or area is None or mentions[area].end > counted.start():
                continue
            for i in idx:
                if mentions[i].start >= s0 + qm.end() and i != area and (mentions[i].label in ("Company", "Institution") or (
                        mentions[i].label == "Park" and mentions[area].label == "Place")):
                    rels.append(Relation(i, "locatedIn", area, "located.qizhong.v1", ev))
        # the area a clause counts for (株洲高新区4项专利上榜, 潍坊市斩获金奖1项): its subject
        prev_area = None
        for counted in COUNTED_RE.finditer(text, s0, s1):
            c0 = _clause_start(text, s0, counted.start())
            subjects0 = [i for i in idx if mentions[i].label in ("Park", "Place") and c0 <= mentions[i].start <= c0 + 4 and mentions[i].end <= counted.start()]
            if subjects0 and re.search(r"(?:位于|地处)$", text[c0:mentions[subjects0[0]].start]):
                # 位于柳州市东部的柳东新区有两家企业上榜: the area after the modifier counts
                after = [i for i in idx if mentions[i].label in ("Park", "Place") and mentions[subjects0[0]].end < mentions[i].start and mentions[i].end <= counted.start()
                         and re.fullmatch(r"[^，,。；;]{0,6}的", text[mentions[subjects0[0]].end:mentions[i].start])]
                subjects0 = after[:1]
            if subjects0:
                prev_area = subjects0[0]
                # …共有6项专利获奖：A获一等奖，B…: the members after the colon belong to it
                colon = re.compile(r"[：:]").search(text, counted.end(), s1)
                if colon and not CLAUSE_BREAK_RE.search(text, counted.end(), colon.start()):
                    # …；湘潭市（1家）：C: a segment that opens on another area holds its own members
                    stop = next((mentions[i].start for i in idx if mentions[i].start > colon.end() and i != prev_area and mentions[i].label in ("Park", "Place")
                                 and re.search(r"[；;]\s*$", text[max(colon.end(), mentions[i].start - 3):mentions[i].start])), s1)
                    for i in idx:
                        if colon.end() <= mentions[i].start < stop and mentions[i].label in ("Company", "Institution"):
                            rels.append(Relation(i, "locatedIn", prev_area, "located.counted_members.v1", ev))
                break

        # X也成为P唯一获此殊荣的企业 / 作为P唯一的高新区，X…: the first or only one of P lies in P
        for fm in FIRST_IN_RE.finditer(text, s0, s1):
            where = next((i for i in idx if mentions[i].start == fm.end("lead") and mentions[i].label == "Place"), None)
            if where is None or _level(mentions[where].attrs.get("place", {})) == 0 or not FIRST_TAIL_RE.match(text, mentions[where].end):
                continue  # 成为中国第一家…: a country has firsts of every kind
            c0 = _clause_start(text, s0, fm.start())
            if fm.group("verb") == "作为":
                # 作为P唯一的…，X…: the clause after it opens on its holder
                comma = re.compile(r"[，,]").search(text, mentions[where].end, s1)
                holder = next((i for i in idx if comma is not None and mentions[i].start == comma.end() and mentions[i].label in located), None)
            else:
                before = [i for i in idx if c0 <= mentions[i].start and mentions[i].end <= fm.start() and mentions[i].label in located]
                if before:
                    holder = before[-1] if re.fullmatch(r"\s*(?:也|又|还|则|已)?", text[mentions[before[-1]].end:fm.start()]) else None
                else:
                    holder = subj0 if c0 > s0 and subj0 is not None and mentions[subj0].label in located else None
            if holder is not None and holder != where:
                rels.append(Relation(holder, "locatedIn", where, "located.first_or_only_in.v1", ev))
        rels.extend(share_frames(text, mentions, idx, s0, s1, ev, ctx))
        rels.extend(among_subunits(text, mentions, idx, s0, s1, ev, ctx))
        # X…是P的重要组成部分: X lies in P
        for pm_ in PART_OF_RE.finditer(text, s0, s1):
            where = next((i for i in idx if mentions[i].start == pm_.start("p") and mentions[i].label in ("Park", "Place")), None)
            holder = subj0 if subj0 is not None else next((i for i in idx if mentions[i].label in ("Park", "Place") and mentions[i].start - s0 <= 12), None)
            if where is not None and holder is not None and holder != where and mentions[holder].end <= pm_.start():
                rels.append(Relation(holder, "locatedIn", where, "located.part_of.v1", ev))

    rels.extend(_parts_of_parks(text, mentions))
    rels.extend(address_lines(text, mentions))
    return rels

