"""A firm's standing in a park or place, and gathering carried across sentences (a helper of ``sites``, no family).

Owns three readings the ``sites`` family calls for each sentence: A来自P / A和B均来自P (the firms
come from that place; not 来自P的订单, where 来自P modifies what follows); 作为P的龙头企业，X… /
作为园区重点企业，X… (a frame naming the firm as the park's or place's, the clause after it opening
on the firm; not 业主单位 / 运营公司 / 合作企业, bodies that serve a park rather than lie in it);
and the area a sentence with no subject of its own gathers firms for (该区已聚集企业535家。仅今年
上半年就聚集了A、B…: the park or place the sentence before opened on gathering for); X园区由P管辖 /
X归P管理 (a park or place lies in the place that runs it); 我省株洲市、湘潭市 (places right after
an anaphor of the report's province or city); 市内企业A、B / A、B等我市企业 / X是我市唯一入选的企业
(firms named with an anaphor of the report's place); X由A园、B园组成 (each part lies in the whole); 园区位于P / 作为P的…高新区，园区… (the report's park sited by its
anaphor); the short form of the report's park
used alone (株洲高新区 … 高新区企业X), read by ``sites`` as the park's anaphor; a contact block's
address line (the body above it lies in the address's place). Also the kind
words that close "X是P的一家…企业" (``COPULA_KIND_TAIL``), shared with ``sites``.
A、B均为株洲企业 (a list all of a place's firms). A、B入选。这两家企业均位于P (the list named before an anaphor). Also X是P的一家…企业 and its kin (the copula, the bare kind, the apposition, 我市龙头企业).
Must not: read a place that only a name holds.
"""

from __future__ import annotations

import bisect
import re

from ...text import to_int
from ..kindsplit import KIND_RE
from .base import Relation, register
from .context import ANAPHOR_RE
from .site_lists import _level, NAME_GOES_ON_RE

register("sites", {
    "located.copula_place_kind.v1": ("locatedIn", "X是P的一家…企业 / X为P的重点企业 / X作为P引进的龙头企业 / X是P内一家…企业 / X园区是P的国家级高新区 / X是P下辖的县级市 / X，P一家民营企业，: the firm, park or place of that place or park"),
    "located.comes_from.v1": ("locatedIn", "A来自P / A和B均来自P: the firms right before 来自 come from that place (not 来自P的…)"),
    "located.run_by_place.v1": ("locatedIn", "X园区由P管辖 / X归P管理 / X市由P代管: a park or place that a place administers lies in it"),
    "located.anaphor_places.v1": ("locatedIn", "我省株洲市、湘潭市 / 我市天元区: places right after an anaphor of the report's province or city lie in it"),
    "located.anaphor_firms.v1": ("locatedIn", "市内企业A、B / A、B等我市企业 / X是我市唯一入选的企业: firms named with an anaphor of the report's place and a kind word lie in it"),
    "located.made_up_of.v1": ("locatedIn", "X高新区由A园、B园和C园组成 / P由A区、B区构成: each part lies in the whole"),
    "located.address_line.v1": ("locatedIn", "a contact block (X / 电话:… / 地址:106 臺北市…): the body opening a line just above lies in the address's place"),
    "located.listed_as_place_kind.v1": ("locatedIn", "A、B均为株洲企业 / A和B都是P的企业 / A、B（均为P企业）/ A、B两家P企业: each listed firm is of that place or park"),
    "located.park_anaphor_sited.v1": ("locatedIn", "园区位于P / 该区地处P西部 / 高新区坐落在P / 园区是P唯一的国家级高新区 / 作为P的国家级高新区，园区…: the report's park lies in P"),
    "located.listed_then_sited.v1": ("locatedIn", "A、B入选。这两家企业均位于P / …，上述企业均来自P: the list named just before the anaphor lies in P"),
    "located.as_frame.v1": ("locatedIn", "作为P的龙头企业，X… / 作为园区重点企业，X…: the firm the clause after the frame opens on (not 业主单位, 运营公司)"),
})

def readings(text: str, mentions: list, idx: list[int], ev: tuple[int, int], s0: int, s1: int, ctx) -> list[Relation]:
    """All of this module's sentence readings for the sentence ``[s0, s1)`` (``sites`` calls it per sentence)."""
    return (copula_place_kind(text, mentions, idx, ev, ctx) + comes_from(text, mentions, idx, ev)
            + as_frame(text, mentions, idx, ev, s0, s1, ctx) + run_by_place(text, mentions, idx, ev)
            + anaphor_places(text, mentions, idx, ev, s0, s1, ctx) + anaphor_firms(text, mentions, idx, ev, s0, s1, ctx)
            + made_up_of(text, mentions, idx, ev) + listed_as_place_kind(text, mentions, idx, ev)
            + park_anaphor_sited(text, mentions, idx, ev, s0, s1, ctx) + listed_then_sited(text, mentions, idx, ev, s0, s1))


#: the kind of firm after a place: X是P的一家民营企业 / 作为P的重点企业 (what may stand before the kind word)
COPULA_KIND_TAIL = r"\s*(?:一家|一所|一个|一座|首家|骨干|重点|龙头)?[^，,。；;的]{0,10}?(?:企业|公司|工厂|厂家|厂商|业者|单位|医院|学校|院校|机构)"

#: X是P的一家…企业: the copula, and what follows the place (the firm's kind, within its clause)
COPULA_RE = re.compile(r"\s*(?:是|为|系|作为)\s*(?:一家|一所)?\s*")
#: X是株洲本土企业 / X是一家长沙企业: the kind right after the place (no 的), ending its clause
BARE_KIND_RE = re.compile(r"(?:" + KIND_RE.pattern + r")(?:之一)?(?=[，,。；;！!？?、\s]|$)")
#: X，株洲市一家民营企业，…: a firm, then after a comma the place and its kind in apposition
APPOSITION_RE = re.compile(r"\s*[，,]\s*")
#: …P的一家…企业, P内的 / P引进的 / P境内一家…企业 (the place's bounds, or its act of bringing the firm in)
COPULA_KIND_RE = re.compile(r"(?:(?:内|境内|辖内|辖区内)?(?:引进|培育|招引)?的|(?:内|境内|辖内|辖区内)(?=\s*一[家所个座]))" + COPULA_KIND_TAIL)
#: X是我市龙头企业 / X作为本市的重点企业: the copula (or 作为), an anaphor of the report's place, the firm's kind
COPULA_ANAPHOR_RE = re.compile(r"\s*(?:是|为|系|作为)\s*(?:一家|一所)?\s*(?P<an>我市|本市|该市|我省|本省|该省|我县|本县|该县|我区|本区|该区)(?:" + COPULA_KIND_TAIL + r"|" + COPULA_KIND_RE.pattern + r")")
APPOSITION_KIND_RE = re.compile(r"(?:的)?\s*一\s*(?:家|所)[^，,。；;的]{0,8}?(?:企业|公司|厂商|厂家|机构)\s*[，,]")
#: X园区是P的国家级高新区 / X是P下辖的县级市: what follows the place when a park or a place is the subject
COPULA_PARK_KIND_RE = re.compile(r"(?:境内|辖内|辖区内)?的\s*(?:一个|一座|首个|唯一)?[^，,。；;的]{0,10}?(?:园区|高新区|开发区|经开区|工业区|工业园|产业园|科技园|科学园|新区|示范区|集聚区|园中园|分园|片区)")
COPULA_PLACE_KIND_RE = re.compile(r"(?:下辖|所辖|管辖|代管|辖)?的\s*(?:一个)?[^，,。；;的]{0,4}?(?:县级市|地级市|省会|首府|市|县|区|镇|乡|旗|街道)(?![\u4e00-\u9fff])")

#: A、B均为 / 都是 / （均为 / 两家: what joins a list of firms to the place whose firms they all are
ALL_OF_RE = re.compile(r"\s*[(（]?\s*(?:(?:均|都|皆|同)\s*(?:为|是|系|属于|属)|[0-9一二两三四五六七八九十]+\s*家)\s*")
ALL_KIND_RE = re.compile(r"(?:的)?\s*(?:" + KIND_RE.pattern + r"|单位|公司)")

#: 园区 / 该区 … at the head of a clause, for the report's park
PARK_WORD_RE = re.compile(r"(?:园区|该区|全区|本区|我区|该园区|该园)")
#: what sites the park after its anaphor: a verb of siting (a time word before it)
PARK_SITED_RE = re.compile(r"\s*(?:目前|现|现已|已|正式)?\s*(?:位于|地处|坐落于|坐落在|地跨|设在|设于|隶属于|隶属|处于|座落于)\s*")
PARK_IS_RE = re.compile(r"\s*(?:也)?(?:是|为|系)\s*")
#: 园区是P唯一的国家级高新区 / 园区是P的省级开发区: the park's kind after the place
PARK_IS_KIND_RE = re.compile(r"(?:的)?\s*(?:唯一|首个|首家|第一个)?的?\s*(?:一个|一座)?[^，,。；;]{0,10}?(?:园区|高新区|开发区|经开区|工业区|工业园|产业园|科技园|科学园|新区|示范区|集聚区)")

#: 这两家企业均位于 / 上述企业都来自 / 以上单位均落户: an anaphor of the firms listed before, then a verb of siting
LISTED_ANAPHOR_RE = re.compile(r"(?:这|上述|以上|前述|该)\s*(?:(?P<n>[0-9一二两三四五六七八九十]+)\s*(?:家|个|所))?\s*(?:企业|公司|单位|厂商|业者|机构)\s*(?:均|都|皆|全部|也)?\s*(?:位于|来自|地处|落户|坐落于|坐落在|扎根|注册于|入驻)\s*")

#: A来自P / A和B均来自P: the verb of origin right after the firm (分别 is the respectively family's)
FROM_RE = re.compile(r"\s*(?P<all>均|都|皆)?\s*(?:来自|来自于|來自)\s*")
#: between two members of the list before 均来自
LIST_JOINT_RE = re.compile(r"\s*(?:[(（][^()（）]{0,30}[)）])?\s*(?:、|和|及|与|以及)\s*")

#: 作为P的龙头企业，X / 作为园区重点企业，X: the frame opening a clause, then (after the place) the kind and a comma
AS_FRAME_RE = re.compile(r"(?:(?<=^)|(?<=[，,。；;：:\s]))作为\s*")
AS_FRAME_TAIL_RE = re.compile(r"(?:(?:内|境内|辖内|辖区内)?(?:引进|培育|招引)?的)?" + COPULA_KIND_TAIL + r"(?:之一)?\s*[，,]\s*")
#: 作为P的业主单位 / 运营公司 / 合作企业: a body that serves the park or place
AS_FRAME_ROLE_RE = re.compile(r"业主|运营|开发|建设|管理|投资|承建|主管|合作|服务|供应|代理|合资")

#: X园区由P管辖 / X归P管理 / X市由P代管: the place that administers a park or place
RUN_BY_RE = re.compile(r"\s*(?:目前|现|现已|已|统一|直接)?\s*(?:由|归)\s*")
RUN_VERB_RE = re.compile(r"\s*(?:直接|统一|负责)?(?:管辖|管理|代管|托管)")

#: 我省株洲市 / 我市的天元区: an anaphor of the report's province, city or county right before places
PLACE_ANAPHOR_RE = re.compile(r"(?<![自])(?:我省|本省|全省|我市|本市|全市|我县|本县|全县)(?:的)?")

#: 市内企业A / 县内的重点企业A / 本省企业A: the report's place by its bounds, then a kind word, then the firm
BOUNDS_KIND_RE = re.compile(r"(?<![\u4e00-\u9fff])(?P<an>市内|县内|省内|本市|本县|本省|全市|全县|全省|我市|我县|我省)(?:的)?(?:" + KIND_RE.pattern + r")\s*")
#: A、B等我市企业 / A等5家本省企业: the list before 等, then the anaphor and a kind word
ETC_ANAPHOR_KIND_RE = re.compile(r"\s*等\s*(?:[0-9一二三四五六七八九十两百]+\s*(?:家|个))?\s*(?P<an>我市|本市|我省|本省|我县|本县)(?:的)?(?:" + KIND_RE.pattern + r")")
#: X是我市唯一入选的企业 / X为本省首家…企业: the only or first firm of the report's place
ONLY_OF_ANAPHOR_RE = re.compile(r"\s*(?:也|还)?(?:是|为|成为)\s*(?P<an>我市|本市|我省|本省|我县|本县|全市|全省|全县)(?:的)?(?:唯一|首家|首个|第一家)[^，,。；;]{0,12}?(?:企业|公司|单位|机构)")
BOUNDS_WORDS = {"市内": "我市", "县内": "我县", "省内": "我省", "全市": "我市", "全县": "我县", "全省": "我省"}

#: X由A、B和C组成 / X由A、B等3个园区构成: 由 after the whole, the verb of composition after its parts
MADE_OF_RE = re.compile(r"\s*(?:主要)?由\s*")
MADE_OF_END_RE = re.compile(r"\s*(?:等)?\s*(?:[0-9一二三四五六七八九十两]+\s*(?:个|大))?[^，,。；;、]{0,4}?(?:共同)?(?:组成|构成)")

#: the short forms a report writes for its own park (株洲高新区 -> 高新区), by the end of the park's name
SHORT_PARK_FORMS = (("高新区", "高新区"), ("高新技术产业开发区", "高新区"), ("经开区", "经开区"), ("经济技术开发区", "经开区"),
                    ("经济开发区", "开发区"), ("开发区", "开发区"), ("新区", "新区"), ("科学园区", "科学园区"), ("科学园", "科学园"),
                    ("工业园", "工业园"), ("产业园", "产业园"), ("科技园", "科技园"), ("工业区", "工业区"), ("加工区", "加工区"))
#: what may stand right before a short form used alone (a verb or a particle; not 全国/国家/省级, which make it a kind)
SHORT_PARK_BEFORE = frozenset("在于到至户驻处根是为的和与及、，,。；;：:“\"（( \n\t\u3000")
#: what after a short form makes it the head of another name (高新区管委会)
SHORT_PARK_AFTER_RE = re.compile(r"管委会|管理委员会|党工委|管委|工委|办公室|分局|税务|公安|法院|检察")

#: 地址：106 臺北市… / 联系地址:湖南省株洲市…: an address line (a postcode may open it)
ADDRESS_RE = re.compile(r"(?:^|(?<=[ \t\u3000]))(?:[0-9一二三四五六七八九十]+[、.．]\s*)?(?:联系|通讯|通信|单位|公司)?地址\s*[:：]\s*(?:[0-9]{3,6}\s*)?", re.M)
#: the lines a contact block holds between its body and its address
CONTACT_LINE_RE = re.compile(r"^[ \t\u3000]*(?:电话|联系电话|传真|联系人|邮箱|电子邮箱|电邮|手机|邮编|网址|e-?mail)", re.I | re.M)
CONTACT_BODY_RE = re.compile(r"(?:联系|联络|主办|承办)?(?:单位|单位名称|名称|公司|机构)\s*[:：]\s*")
ADDRESSED = frozenset({"Company", "Institution", "GovernmentAgency", "StandardsBody"})

#: 仅今年上半年就聚集了 / 今年以来，先后引进了: a sentence with no subject, opening (after a time) on a verb of gathering
SUBJECTLESS_HAS_RE = re.compile(r"(?:[^，,。；;：:]{0,8}[，,])?[^，,。；;：:]{0,14}?(?:就|又|还|已|已经|共|累计|先后|相继)?(?:聚集了|集聚了|引进了|吸引了|招引了|新引进了?)")
#: 该区已聚集… / 株洲高新区目前已集聚…: the verb of gathering a sentence's area opens on, and what may stand between
GATHER_VERB_RE = re.compile(r"聚集|集聚|引进|吸引|招引|汇聚")
GATHER_GAP_RE = re.compile(r"[^，,。；;、]{0,8}")


def comes_from(text: str, mentions: list, idx: list[int], ev: tuple[int, int]) -> list[Relation]:
    """A来自P / A和B均来自湖南省株洲市: each firm in the most specific place of the chain."""
    rels: list[Relation] = []
    for j in range(len(idx) - 1):
        a, b = mentions[idx[j]], mentions[idx[j + 1]]
        came = FROM_RE.match(text, a.end) if a.label in ("Company", "Institution") and b.label in ("Place", "Park") else None
        if came is None or came.end() != b.start or (b.label == "Place" and NAME_GOES_ON_RE.match(text, b.end)):
            continue
        chain = idx[j + 1]
        for k in idx[j + 2:]:
            if mentions[k].start == mentions[chain].end and mentions[k].label in ("Place", "Park"):
                chain = k
        if text.startswith("的", mentions[chain].end):
            continue  # A来自P的订单…: 来自P modifies what follows, not the firm
        listed = [idx[j]]
        if came.group("all"):
            k = j
            while k > 0 and mentions[idx[k - 1]].label in ("Company", "Institution") and LIST_JOINT_RE.fullmatch(
                    text, mentions[idx[k - 1]].end, mentions[idx[k]].start):
                k -= 1
                listed.append(idx[k])
        rels.extend(Relation(i, "locatedIn", chain, "located.comes_from.v1", ev) for i in listed)
    return rels


def as_frame(text: str, mentions: list, idx: list[int], ev: tuple[int, int], s0: int, s1: int, ctx) -> list[Relation]:
    """作为P的重点企业，X… / 作为园区龙头企业，X… (园区 resolved to the report's park): X lies in P."""
    rels: list[Relation] = []
    for fm in AS_FRAME_RE.finditer(text, s0, s1):
        where = next((i for i in idx if mentions[i].start == fm.end() and mentions[i].label in ("Place", "Park")), None)
        an = ANAPHOR_RE.match(text, fm.end()) if where is None else None
        if an is not None:
            where = ctx.resolve(an.group(0))
        if where is None:
            continue
        tail = AS_FRAME_TAIL_RE.match(text, an.end() if an is not None else mentions[where].end)
        if tail is None or AS_FRAME_ROLE_RE.search(tail.group(0)):
            continue  # 作为P的业主单位 / 运营公司 / 合作企业: a body that serves the park, not one in it
        holder = next((i for i in idx if mentions[i].start == tail.end() and mentions[i].label in ("Company", "Institution")), None)
        if holder is not None and holder != where:
            rels.append(Relation(holder, "locatedIn", where, "located.as_frame.v1", ev))
    return rels


def gatherer_before(text: str, mentions: list, starts: list[int], ctx, s0: int) -> int | None:
    """The park or place (or 该区 / 园区, resolved) the sentence before ``s0`` opens on gathering
    firms for (该区已聚集企业535家 / 株洲高新区目前已集聚…), or None."""
    p1 = s0 - 1
    while p1 > 0 and text[p1] in " \t\u3000\n。！？!?":
        p1 -= 1
    p0 = max(text.rfind(c, 0, p1) for c in "。！？!?\n") + 1
    gv = GATHER_VERB_RE.search(text, p0, min(p1 + 1, p0 + 40))
    if gv is None:
        return None
    near = [i for i in range(bisect.bisect_left(starts, p0), bisect.bisect_left(starts, gv.start()))
            if mentions[i].label in ("Park", "Place") and mentions[i].end <= gv.start() and GATHER_GAP_RE.fullmatch(text, mentions[i].end, gv.start())]
    if near:
        return near[-1]
    an = [a for a in ANAPHOR_RE.finditer(text, p0, gv.start()) if GATHER_GAP_RE.fullmatch(text, a.end(), gv.start())]
    return ctx.resolve(an[-1].group(0)) if an else None


def run_by_place(text: str, mentions: list, idx: list[int], ev: tuple[int, int]) -> list[Relation]:
    """X园区由P管辖 / 醴陵市由株洲市代管: the park or place lies in the place that runs it (a
    government body after 由 is its own mention, not a place, and is not read)."""
    rels: list[Relation] = []
    for j in range(len(idx) - 1):
        a, b = mentions[idx[j]], mentions[idx[j + 1]]
        if a.label not in ("Park", "Place") or b.label != "Place":
            continue
        by = RUN_BY_RE.match(text, a.end)
        if by is not None and by.end() == b.start and RUN_VERB_RE.match(text, b.end):
            rels.append(Relation(idx[j], "locatedIn", idx[j + 1], "located.run_by_place.v1", ev))
    return rels


def anaphor_places(text: str, mentions: list, idx: list[int], ev: tuple[int, int], s0: int, s1: int, ctx) -> list[Relation]:
    """我省株洲市、湘潭市表现突出 / 我市天元区、芦淞区: the places listed right after an anaphor of
    the report's province or city, each of a lower level than it, lie in it."""
    rels: list[Relation] = []
    for am in PLACE_ANAPHOR_RE.finditer(text, s0, s1):
        k = next((i for i in idx if mentions[i].start == am.end()), None)
        if k is None or mentions[k].label != "Place":
            continue
        where = ctx.resolve(am.group(0).rstrip("的"))
        if where is None or mentions[where].label != "Place":
            continue
        top = _level(mentions[where].attrs.get("place", {}))
        listed, last = [k], k
        for i in idx:
            if mentions[i].start > mentions[last].end and mentions[i].label == "Place" and LIST_JOINT_RE.fullmatch(text, mentions[last].end, mentions[i].start):
                listed.append(i)
                last = i
        for i in listed:
            if i != where and _level(mentions[i].attrs.get("place", {})) > top and mentions[i].text != mentions[where].text:
                rels.append(Relation(i, "locatedIn", where, "located.anaphor_places.v1", ev))
    return rels


def anaphor_firms(text: str, mentions: list, idx: list[int], ev: tuple[int, int], s0: int, s1: int, ctx) -> list[Relation]:
    """市内企业A、B / A、B等我市企业 / X是我市唯一入选的企业: each firm lies in the report's place
    (the city, province or county the anaphor names, resolved by the report's context)."""
    rels: list[Relation] = []
    firms = ("Company", "Institution")

    def place(word: str) -> int | None:
        where = ctx.resolve(BOUNDS_WORDS.get(word, word))
        return where if where is not None and mentions[where].label == "Place" else None

    for bm in BOUNDS_KIND_RE.finditer(text, s0, s1):
        k = next((i for i in idx if mentions[i].start == bm.end() and mentions[i].label in firms), None)
        where = place(bm.group("an")) if k is not None else None
        if where is None:
            continue
        listed, last = [k], k
        for i in idx:
            if mentions[i].start > mentions[last].end and mentions[i].label in firms and LIST_JOINT_RE.fullmatch(text, mentions[last].end, mentions[i].start):
                listed.append(i)
                last = i
        rels.extend(Relation(i, "locatedIn", where, "located.anaphor_firms.v1", ev) for i in listed)
    for j, i in enumerate(idx):
        if mentions[i].label not in firms:
            continue
        em = ETC_ANAPHOR_KIND_RE.match(text, mentions[i].end)
        if em is not None and (where := place(em.group("an"))) is not None:
            listed, first = [i], j
            while first > 0 and mentions[idx[first - 1]].label in firms and LIST_JOINT_RE.fullmatch(text, mentions[idx[first - 1]].end, mentions[idx[first]].start):
                first -= 1
                listed.append(idx[first])
            rels.extend(Relation(m, "locatedIn", where, "located.anaphor_firms.v1", ev) for m in listed)
        om = ONLY_OF_ANAPHOR_RE.match(text, mentions[i].end)
        if om is not None and (where := place(om.group("an"))) is not None:
            rels.append(Relation(i, "locatedIn", where, "located.anaphor_firms.v1", ev))
    return rels


def made_up_of(text: str, mentions: list, idx: list[int], ev: tuple[int, int]) -> list[Relation]:
    """X高新区由A园、B园和C园组成 / P由A区、B区构成: each part (a park of a park, a place of a
    place, a park of a place) lies in the whole named before 由."""
    rels: list[Relation] = []
    for j, w in enumerate(idx):
        whole = mentions[w]
        if whole.label not in ("Park", "Place"):
            continue
        by = MADE_OF_RE.match(text, whole.end)
        k = j + 1
        if by is None or k >= len(idx) or mentions[idx[k]].start != by.end():
            continue
        parts = {"Park": ("Park",), "Place": ("Place", "Park")}[whole.label]
        listed = [idx[k]]
        while k + 1 < len(idx) and LIST_JOINT_RE.fullmatch(text, mentions[idx[k]].end, mentions[idx[k + 1]].start):
            k += 1
            listed.append(idx[k])
        if not MADE_OF_END_RE.match(text, mentions[listed[-1]].end) or any(mentions[i].label not in parts for i in listed):
            continue
        rels.extend(Relation(i, "locatedIn", w, "located.made_up_of.v1", ev) for i in listed if mentions[i].text != whole.text)
    return rels


def short_park_forms(text: str, mentions: list, park: int, s0: int, s1: int) -> list[tuple[int, int]]:
    """Where the sentence ``[s0, s1)`` names the report's park ``park`` by the short form of its
    kind alone (株洲高新区 … 高新区企业X / X落户高新区), outside any mention; [] if its name has none."""
    name = text[mentions[park].start:mentions[park].end]
    forms = {short for end, short in SHORT_PARK_FORMS if name.endswith(end) and name != short}
    if not forms:
        return []
    out = []
    starts = [m.start for m in mentions]
    for form in forms:
        pos = text.find(form, s0, s1)
        while pos >= 0:
            end = pos + len(form)
            k = bisect.bisect_right(starts, pos) - 1
            inside = any(mentions[j].start <= pos < mentions[j].end for j in range(max(0, k - 3), k + 1))
            if not inside and (pos == 0 or text[pos - 1] in SHORT_PARK_BEFORE) and not SHORT_PARK_AFTER_RE.match(text, end):
                out.append((pos, end))
            pos = text.find(form, end, s1)
    return out


def address_lines(text: str, mentions: list) -> list[Relation]:
    """A contact block (国家磐石奖选拔委员会工作小组 / 电话:… / 地址:106 台北市…): the body that opens
    one of the lines just above the address (only contact lines between) lies in the most specific
    place the address opens on."""
    rels: list[Relation] = []
    starts = [m.start for m in mentions]
    for am in ADDRESS_RE.finditer(text):
        k = bisect.bisect_left(starts, am.end())
        if k >= len(mentions) or mentions[k].start != am.end() or mentions[k].label not in ("Place", "Park"):
            continue
        while k + 1 < len(mentions) and mentions[k + 1].start == mentions[k].end and mentions[k + 1].label in ("Place", "Park"):
            k += 1  # 湖南省株洲市天元区: the most specific place
        line0 = text.rfind("\n", 0, am.start()) + 1
        if text[line0:am.start()].strip() and not CONTACT_LINE_RE.match(text, line0):
            continue  # 电话:… 地址:… on one line (a wrapped contact block), but no address inside prose
        body = None
        for _ in range(3):  # the lines above, nearest first
            if line0 == 0:
                break
            prev0 = text.rfind("\n", 0, line0 - 1) + 1
            line = text[prev0:line0 - 1]
            head = prev0 + len(line) - len(line.lstrip())
            label = CONTACT_BODY_RE.match(text, head)  # 联系单位：X
            head = label.end() if label else head
            j = bisect.bisect_left(starts, head)
            if j < len(mentions) and mentions[j].start == head and mentions[j].label in ADDRESSED:
                body = j
                break
            if not CONTACT_LINE_RE.match(line):
                break
            line0 = prev0
        if body is not None:
            rels.append(Relation(body, "locatedIn", k, "located.address_line.v1", (mentions[body].start, mentions[k].end)))
    return rels


def copula_place_kind(text: str, mentions: list, idx: list[int], ev: tuple[int, int], ctx) -> list[Relation]:
    """X是P的一家民营企业 / X是株洲本土企业 / X，P一家民营企业， / X园区是P的国家级高新区 / X是P下辖的
    县级市 / X是我市龙头企业: the firm, park or place of that place or park (or of the report's place)."""
    rels: list[Relation] = []
    for j in range(len(idx) - 1):
        a, b = mentions[idx[j]], mentions[idx[j + 1]]
        if a.label in ("Company", "Institution", "Park", "Place") and b.label in ("Place", "Park"):
            cop = COPULA_RE.match(text, a.end)
            kind = {"Park": COPULA_PARK_KIND_RE, "Place": COPULA_PLACE_KIND_RE}.get(a.label, COPULA_KIND_RE)
            if a.label == "Place" and b.label != "Place":
                continue
            if a.label in ("Company", "Institution") and cop is None:
                appos = APPOSITION_RE.match(text, a.end)  # X，株洲市一家民营企业，…
                if appos is not None and appos.end() == b.start and APPOSITION_KIND_RE.match(text, b.end):
                    rels.append(Relation(idx[j], "locatedIn", idx[j + 1], "located.copula_place_kind.v1", ev))
                continue
            if cop and cop.end() == b.start and (kind.match(text, b.end) or (a.label in ("Company", "Institution") and BARE_KIND_RE.match(text, b.end))):
                rels.append(Relation(idx[j], "locatedIn", idx[j + 1], "located.copula_place_kind.v1", ev))
    # X是我市龙头企业 / X作为我市的重点企业: the firm of the report's place
    for i in idx:
        cop = COPULA_ANAPHOR_RE.match(text, mentions[i].end) if mentions[i].label in ("Company", "Institution") else None
        where = ctx.resolve(cop.group("an")) if cop else None
        if where is not None and where != i:
            rels.append(Relation(i, "locatedIn", where, "located.copula_place_kind.v1", ev))
    return rels


def listed_as_place_kind(text: str, mentions: list, idx: list[int], ev: tuple[int, int]) -> list[Relation]:
    """A、B均为株洲企业 / A和B都是株洲市的企业 / A、B（均为P企业） / A、B两家株洲企业: every firm of the
    list that ends right before the joint is of that place or park."""
    rels: list[Relation] = []
    firms = ("Company", "Institution")
    for j in range(1, len(idx) - 1):
        last, where = mentions[idx[j]], mentions[idx[j + 1]]
        if last.label not in firms or where.label not in ("Place", "Park"):
            continue
        joint = ALL_OF_RE.match(text, last.end)
        if joint is None or joint.end() != where.start or not ALL_KIND_RE.match(text, where.end):
            continue
        listed, k = [idx[j]], j
        while k > 0 and mentions[idx[k - 1]].label in firms and LIST_JOINT_RE.fullmatch(text, mentions[idx[k - 1]].end, mentions[idx[k]].start):
            k -= 1
            listed.append(idx[k])
        if len(listed) >= 2:
            rels.extend(Relation(i, "locatedIn", idx[j + 1], "located.listed_as_place_kind.v1", ev) for i in listed)
    return rels


def park_anaphor_sited(text: str, mentions: list, idx: list[int], ev: tuple[int, int], s0: int, s1: int, ctx) -> list[Relation]:
    """园区位于P / 该区地处P西部 / 高新区坐落在P天元区 / 园区是P唯一的国家级高新区 / 作为P的国家级
    高新区，园区…: the report's park (its anaphor or the short form of its kind, at the head of a
    clause) lies in the most specific place of the chain."""
    park = ctx.topic_park
    if park is None:
        return []
    rels: list[Relation] = []
    heads = [(m.start(), m.end()) for m in PARK_WORD_RE.finditer(text, s0, s1)] + short_park_forms(text, mentions, park, s0, s1)
    for a0, a1 in heads:
        if a0 > s0 and text[a0 - 1] not in "，,。；;：:\n \u3000":
            continue  # the head of a clause only
        if any(m.start <= a0 < m.end for m in (mentions[i] for i in idx)):
            continue
        verb = PARK_SITED_RE.match(text, a1) or PARK_IS_RE.match(text, a1)
        chain = _chain_at(mentions, idx, verb.end()) if verb else []
        if not chain:
            continue
        if verb.re is PARK_IS_RE and not PARK_IS_KIND_RE.match(text, mentions[chain[-1]].end):
            continue
        if mentions[chain[-1]].label == "Place" or (mentions[chain[-1]].label == "Park" and verb.re is PARK_SITED_RE):
            rels.append(Relation(park, "locatedIn", chain[-1], "located.park_anaphor_sited.v1", ev))
    # 作为P的国家级高新区，园区…: the frame before the park's anaphor
    for fm in AS_FRAME_RE.finditer(text, s0, s1):
        chain = _chain_at(mentions, idx, fm.end())
        tail = PARK_IS_KIND_RE.match(text, mentions[chain[-1]].end) if chain else None
        comma = re.compile(r"\s*[，,]\s*").match(text, tail.end()) if tail else None
        if comma is None or mentions[chain[-1]].label != "Place":
            continue
        word = PARK_WORD_RE.match(text, comma.end())
        short = [h for h in short_park_forms(text, mentions, park, comma.end(), min(s1, comma.end() + 6)) if h[0] == comma.end()]
        if word or short:  # (the park named there is first_or_only's: 作为P唯一的…，X园区)
            rels.append(Relation(park, "locatedIn", chain[-1], "located.park_anaphor_sited.v1", ev))
    return rels


def _chain_at(mentions: list, idx: list[int], pos: int) -> list[int]:
    """The places (and parks) side by side from ``pos`` (株洲市天元区), or []."""
    chain = []
    for i in idx:
        if mentions[i].start == pos and mentions[i].label in ("Place", "Park"):
            chain.append(i)
            pos = mentions[i].end
    return chain


def listed_then_sited(text: str, mentions: list, idx: list[int], ev: tuple[int, int], s0: int, s1: int) -> list[Relation]:
    """A、B入选。这两家企业均位于P / A、B入选，上述企业均来自P: the firms of the list named last
    before the anaphor (in its sentence or the one before; as many as the anaphor counts) lie in P."""
    rels: list[Relation] = []
    firms = ("Company", "Institution")
    starts = [m.start for m in mentions]
    for am in LISTED_ANAPHOR_RE.finditer(text, s0, s1):
        chain = _chain_at(mentions, idx, am.end())
        if not chain or text.startswith("的", mentions[chain[-1]].end):
            continue
        p0 = max(text.rfind(c, 0, max(0, s0 - 1)) for c in "。！？!?\n") + 1 if s0 > 0 else 0
        k = bisect.bisect_left(starts, am.start()) - 1
        while k >= 0 and mentions[k].start >= p0 and mentions[k].label not in firms:
            k -= 1
        if k < 0 or mentions[k].start < p0:
            continue
        listed = [k]
        while k > 0 and mentions[k - 1].label in firms and LIST_JOINT_RE.fullmatch(text, mentions[k - 1].end, mentions[k].start):
            k -= 1
            listed.append(k)
        n = am.group("n")
        if len(listed) < 2 or (n is not None and to_int(n) != len(listed)):
            continue
        rels.extend(Relation(i, "locatedIn", chain[-1], "located.listed_then_sited.v1", (mentions[listed[-1]].start, mentions[chain[-1]].end)) for i in listed)
    return rels

