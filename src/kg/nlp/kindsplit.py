"""Kind words between a place and a firm: 长沙企业华盛电子有限公司, 园区企业…, 新竹科學園區廠商….

Owns: ``split_kind_prefix``, which cuts a firm's mention that the left-boundary scan ran back over
a kind word (企业, 厂商, 业者, 本土企业, 会员单位 …) down to the firm after it, and names what stood
before the kind word when it is a place or a park (a new Place or Park mention, marked
``kind_of`` so that ``kg.nlp.relations.sites`` places the firm in it). News writes a firm after
the set it belongs to ("株洲企业X获奖", "高新区企业X"); the suffix scan reads the whole run as one
name, which both loses the firm's name and makes a firm that does not exist.
Must not: touch a name where the kind word goes on into the name (企业管理有限公司, 中小企业服务中心,
企业集团): those words are listed in ``NAME_GOES_ON``.
"""

from __future__ import annotations

import re

from .lexicons import _opens_on_place, place_table
from .mentions import Mention

#: the kind words, longest first (a firm of a set: 本土企业, 会员单位); Traditional text is read
#: on its Simplified shadow, so 廠商 is 厂商 here
KIND_RE = re.compile(r"(?:籍)?(?:本土|本地|当地|在地|民营|龙头|骨干|重点|会员|入驻|进驻|规上|外资|台资|港资|合资|初创)?(?:企业|厂商|厂家|业者)|会员单位|外商|台商|港商|租户")

#: what follows 企业 inside a name (企业管理, 企业集团, 企业发展, 企业服务中心 …): no cut there
NAME_GOES_ON = re.compile(
    r"管理|集团|发展|服务|技术|孵化|联合|协会|协进|总会|商会|中心|股份|有限|信用|咨询|家|园|文化|标准|质量|"
    r"评价|研究|促进|投资|合作|创新|联盟|会|局|处|署|办|委|科|部|司|所|院|社|站|室|厅|网|报|号"
)

#: a park's suffix: what stood before the kind word names a park (高新区企业X, 科学园区厂商X)
PARK_END_RE = re.compile(r"(?:高新区|开发区|经开区|园区|工业园|产业园|科技园|科学园|工业邨|工业区|新区|试验区|自贸区|保税区|产业基地)$")

#: the bounds after a place or park before the kind word (株洲市境内企业X, 高新区内的企业X)
INSIDE_TAIL_RE = re.compile(r"(?:(?:园区|园|区|辖区|境|辖)?内)?的?$")

#: a park's short form alone at the head of a firm's run (高新区湖南星辰科技有限公司)
PARK_SHORT_PREFIX_RE = re.compile(r"(?:高新区|经开区|开发区|园区)(?=[\u4e00-\u9fff])")

#: the least a firm's name after the kind word must hold (a brand and a legal form or trade)
MIN_FIRM = 4


#: Taiwan's science parks by their short forms (竹科|廠商X, 南科|廠商X): a park before a kind word;
#: 中科 and 南科 only before 廠商 (中科|企业 may be a group of the Academy of Sciences)
TAIWAN_PARK_SHORTS = {"竹科": ("企业", "厂商", "厂家"), "中科": ("厂商",), "南科": ("厂商",)}


def _place_or_park(pre: str, kind: str = "") -> str | None:
    """The label of what ``pre`` names before the kind word ``kind``: Park (by its suffix or a
    short form of Taiwan's science parks), Place (a division), or None."""
    if len(pre) >= 4 and PARK_END_RE.search(pre) or kind.endswith(TAIWAN_PARK_SHORTS.get(pre, ("@",))):
        return "Park"
    if pre in place_table():
        return "Place"
    return None


def split_kind_prefix(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each Company mention that holds a kind word before a firm's name cut
    to the firm; a place or park before the kind word becomes its own mention."""
    out: list[Mention] = []
    changed = False
    for m in mentions:
        if m.label != "Company":
            out.append(m)
            continue
        name = sh[m.start:m.end]
        cut = None
        for km in KIND_RE.finditer(name):
            rest = name[km.end():]
            if km.start() == 0 and not km.group().endswith(("企业", "厂商", "厂家", "业者", "单位", "外商", "台商", "港商")):
                continue
            if len(rest) < MIN_FIRM or NAME_GOES_ON.match(rest):
                continue
            cut = km
        bare = PARK_SHORT_PREFIX_RE.match(name) if cut is None else None
        if bare is not None and len(name) - bare.end() >= MIN_FIRM and any(name[bare.end():bare.end() + n] in place_table() for n in (4, 3, 2)):
            # 高新区湖南星辰科技有限公司: a park's short form alone before a firm whose name opens on a
            # place (not 开发区建设投资有限公司, a name the scan read only in part)
            changed = True
            out.append(Mention(m.start + bare.end(), m.end, m.label, m.rule, text[m.start + bare.end():m.end], dict(m.attrs), m.needs_context))
            continue
        if cut is None:
            out.append(m)
            continue
        changed = True
        pre = name[:cut.start()]
        pre = INSIDE_TAIL_RE.sub("", pre) if len(pre) > 2 else pre  # 株洲市境内重点企业X: the place before its bounds
        firm = Mention(m.start + cut.end(), m.end, m.label, m.rule, text[m.start + cut.end():m.end], dict(m.attrs), m.needs_context)
        label = _place_or_park(pre, cut.group()) if pre else None
        if label is not None:
            holder = Mention(m.start, m.start + len(pre), label, f"kindsplit.{label.lower()}", text[m.start:m.start + len(pre)])
            if label == "Place":
                holder.attrs["place"] = place_table()[pre]
            firm.attrs["kind_of"] = True
            out.append(holder)
        out.append(firm)
    # 浏阳经开区企业X, where the scan had already cut the firm at the kind word: the park before it,
    # opening its clause, is named too (it lost to the longer run the scan read first)
    taken = [(x.start, x.end) for x in out]
    for m in list(out):
        if m.label != "Company" or m.attrs.get("kind_of"):
            continue
        km = KIND_BEFORE_RE.search(sh, max(0, m.start - 24), m.start)
        if km is None or (km.start() > 0 and sh[km.start() - 1] not in CLAUSE_OPENERS) or not _opens_on_place(sh, km.start()):
            continue  # the park opens its clause and on a place's name (浏阳经开区, not 推动浏阳经开区)
        if any(a < km.end("park") and km.start() < b for a, b in taken):
            continue
        holder = Mention(km.start(), km.end("park"), "Park", "kindsplit.park", text[km.start():km.end("park")])
        m.attrs["kind_of"] = True
        out.append(holder)
        changed = True
    if changed:
        out.sort(key=lambda x: (x.start, x.end))
    return out


#: what opens a clause before a park named at its start
CLAUSE_OPENERS = frozenset("，,。；;：:、！!？?\n \t“\"「（(")
#: a park's name right before a kind word that ends where a firm begins
KIND_BEFORE_RE = re.compile(r"(?P<park>[\u4e00-\u9fff]{2,8}?(?:高新区|经开区|开发区|工业园区|产业园区|工业园|产业园|科技园|工业区))(?:" + KIND_RE.pattern + r")$")
