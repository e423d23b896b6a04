"""Names in headed lists: the members of an enumeration whose kind the sentence names.

Owns: the entity side of "X家开发区…依次是A、B、C" and "N个品牌…包括:A、B、C(排名不分先后)": an
introducing word (依次是, 分别是, 包括) after a kind noun in the same sentence (开发区 → Park,
品牌/企业/N家 → Company; the winners of a brand contest, 得主/获奖者 with quoted items → Company), then items separated by 、 or 和/及, each item a whole name (the
separators are its boundaries, as a table cell is). An item typed by its own suffix keeps that
type; a place named as an item of parks is the park (天津 among 国家级开发区) and its Place
mention gives way. Also lists that a count of their kind closes (A、B、C等13家家具品牌, 新增A、B、C等18家
企业): the count names the items' kind. Hands on ``Mention`` objects to ``EntityRules.find``. Must not: read relations
(the relation side of lists is ``kg.nlp.lists``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import EntityRules, Mention

#: the word that opens the items; a kind noun must stand before it in the same sentence
INTRO_RE = re.compile(r"(?:依次是|依次为|分别是|分别为|包括|包含|名单如下|名单为|有|为|是)[:]?")
#: kind nouns (the last one before the introducer decides); N家 counts firms
KIND_RE = re.compile(
    r"(?P<Park>开发区|高新区|经开区|科学园区|科技园区|产业园区|工业园区|园区|产业园|工业园|工业区|科学园|科技园)"
    r"|(?P<Winner>获奖者|得奖者|得主|获奖品牌|得奖品牌)"
    r"|(?P<Company>品牌|企业|公司|厂商|老字号|商号|[0-9一二三四五六七八九十百]+家)"
    r"|(?P<Award>奖项|荣誉|称号|奖)"
)
#: the head of a list of winners right before 为/是 (得奖企业为, 获奖的厂商是)
WINNER_HEAD_END_RE = re.compile(r"(?:获奖|得奖|入选|入围|受奖|获选|获颁)的?(?:企业|厂商|公司)$")
#: a category of a contest right before 有 (产品创新组有, 服务类有, 创新奖有): its winners are listed
CATEGORY_END_RE = re.compile(r"(?:组|组别|类|类别|奖)$")
#: where the items stop: the end of the sentence, 等, or a bracketed remark (排名不分先后)
ITEMS_END_RE = re.compile(r"[。;；\n:]|等|\(|（")
ITEM_SPLIT_RE = re.compile(r"、|,")
LATIN_ITEM_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.&'\- ]{0,14}[A-Za-z0-9]?[\u4e00-\u9fff]{0,4}")


def headed_list_mentions(rules: "EntityRules", text: str, sh: str, tok_starts: list[int], tok_ends: list[int],
                         chosen: list["Mention"]) -> tuple[list["Mention"], list["Mention"]]:
    """New mentions for the items of headed lists, and the Place mentions they replace."""
    from .rules import CJK_RE, Mention, place_table

    out: list[Mention] = []
    dropped: list[Mention] = []
    places = place_table()
    for m in INTRO_RE.finditer(sh):
        sent_start = max(sh.rfind(c, 0, m.start()) for c in "。;；\n!?！？") + 1
        window = sh[max(sent_start, m.start() - 60):m.start()]
        kinds = list(KIND_RE.finditer(window))
        category = m.group(0).startswith("有") and CATEGORY_END_RE.search(window) is not None
        if category:
            # 卓越创新组有A、B。产品创新组有C、D: the winners of each category; their kind is named once,
            # earlier in the paragraph (今天受奖的厂商在…)
            para = sh[max(sh.rfind("\n", 0, m.start()) + 1, m.start() - 400):m.start()]
            kinds = [k for k in KIND_RE.finditer(para) if k.lastgroup == "Company"]
        if not kinds:
            continue
        kind = kinds[-1].lastgroup
        quoted_only = kind == "Winner"  # 得主包括「鱷魚恤」、「刀嘜」: the winners of a brand contest, named in quotes
        if quoted_only:
            kind = "Company"
        if kind == "Award" or window.startswith("的", kinds[-1].end()):
            continue  # 奖项包括「…」: titles, not firms; 进驻园区的(厂商)包含…: the kind only modifies
        if m.group(0).startswith("有") and not window.endswith(("企业", "品牌", "园区", "开发区", "厂商", "公司")) and not category:
            continue  # 有 opens a list only right after its kind noun (入选的企业有A、B)
        if m.group(0).startswith(("为", "是")) and not WINNER_HEAD_END_RE.search(window):
            continue  # 为/是 only after the winners' head (得奖企业为A、B; not 企业是指…、…)
        end_m = ITEMS_END_RE.search(sh, m.end())
        end = end_m.start() if end_m else len(sh)
        if end - m.end() > 400:
            continue
        spans = []
        pos = m.end()
        pieces = ITEM_SPLIT_RE.split(sh[m.end():end])
        last = re.match(r"(.{2,}?)(及|和)(.{2,})$", pieces[-1])
        if last and last.group(0) not in places:
            pieces[-1:] = [last.group(1), last.group(3)]  # A、B和C: the last pair is joined by 和 (呼和浩特 is one name)
        for piece in pieces:
            a, b = pos, pos + len(piece)
            pos = b + 1
            while a < b and sh[a] in " \u3000「」“”\"'《》()":
                a += 1
            while b > a and sh[b - 1] in " \u3000「」“”\"'《》()":
                b -= 1
            spans.append((a, b))
        if quoted_only and not all(sh[a - 1:a] in ("「", "“", '"') for a, _ in spans):
            continue  # winners named without quotes may be people (得主包括张三、李四)
        if len(spans) < 3:
            continue  # a list of one or two is as often a phrase (包括研发和生产)
        found = []
        for a, b in spans:
            item = sh[a:b]
            if not (2 <= len(item) <= 16) or not (CJK_RE.search(item) or LATIN_ITEM_RE.fullmatch(item)):
                found = None
                break  # a clause, not a list of names: read nothing from it
            found.append((a, b, item))
        if not found:
            continue
        _type_items(rules, text, sh, tok_starts, tok_ends, chosen, found, kind, places, "winner" if quoted_only else "headed_list", out, dropped,
                    quoted=quoted_only, winners=category, firms=kinds[-1].group() in ("企业", "厂商", "公司"))
    for a, b, kind, count in _trailing_lists(sh):
        found = _list_items(sh, a, b)
        if found and count is not None:
            x, y, first = found[0]
            n = next((n for n in (4, 3, 2) if first[:n] in places and len(first) - n >= 2), 0)
            if n:
                found[0] = (x + n, y, first[n:])  # 湖南省|湘绣、A、B3个品牌: the place qualifies the whole list
        if found and (count is None or count == len(found)):
            _type_items(rules, text, sh, tok_starts, tok_ends, chosen, found, kind, places, "counted_list", out, dropped)
    return out, dropped


def _type_items(rules: "EntityRules", text: str, sh: str, tok_starts: list[int], tok_ends: list[int], chosen: list["Mention"],
                found: list[tuple[int, int, str]], kind: str, places: object, how: str, out: list["Mention"], dropped: list["Mention"],
                quoted: bool = False, winners: bool = False, firms: bool = False) -> None:
    """Mentions for the items of one list whose kind is ``kind`` (appended to ``out``; the Place
    mentions they replace to ``dropped``): each item is a whole name, typed by its own suffix or
    else by the list's kind; phrases, common words and kinds of goods are no names (``quoted``: the
    quoted winners of a brand contest, names even where they are words of the dictionary, 千里眼;
    ``winners``: the firms of a contest's category, names though made of common words, 实心食品;
    ``firms``: the list's head names firms (企业, 厂商, 公司), so a rare word and a trade word
    are a firm's brand and trade, 大成工业, 新光纺织)."""
    from .rules import DESCRIPTIVE_RE, Mention

    for a, b, item in found:
        if item in places and kind == "Park":
            inner = [c for c in chosen if c.start < b and a < c.end]
            if all(c.label == "Place" for c in inner):
                dropped.extend(inner)
                out.append(Mention(a, b, "Park", f"items.{how}.park.v1", text[a:b]))
            continue
        words = _words(tok_starts, tok_ends, a, b)
        if DESCRIPTIVE_RE.search(item) or rules._generic_body(item, "Company") or not words:
            continue
        last = sh[words[-1][0]:words[-1][1]]
        if quoted or (firms and _brand_and_trade(rules, sh, words)):
            pass
        elif rules._is_stop_token(sh[words[0][0]:words[0][1]]):
            continue  # 加强管理: a phrase that opens on a verb is no name
        elif winners:
            pass
        elif len(words) == 1 and words[0] == (a, b) and (rules.tags.get(item) or "nz")[:2] not in ("nr", "ns", "nt", "nz"):
            continue  # 研发, 技术: one common word of the dictionary is no name
        elif len(last) >= 2 and rules.tags.get(last) in ("n", "vn") and not rules._has_proper_token(sh, a, b, tok_starts, tok_ends) and not (
            firms and _brand_and_trade(rules, sh, words)
        ):
            continue  # 厨房器具, 保健产品: a kind of goods, not a brand (获奖企业包括|大成工业: a firm's brand and trade)
        if any(c.isdigit() for c in item) and not LATIN_ITEM_RE.fullmatch(item):
            continue
        if rules.org_type(item, "") and not any(c.start <= a and b <= c.end for c in chosen if c.label != "Place"):
            continue  # a suffixed name the rules turned down (加工出口区: a kind of park) stays down
        label = rules.org_type(item, kind)
        if item in places:
            if kind != "Park":
                continue
            label = "Park"
        inner = [c for c in chosen if c.start < b and a < c.end]
        firm = [c for c in inner if c.label == label == "Company" and c.end == b and a < c.start and _all_places_at(sh, a, c.start)]
        if any(not (c.label == "Place" and a <= c.start and c.end <= b) and c not in firm for c in inner):
            continue  # a name the rules found already (typed by its suffix) stands
        # (台湾|思玛科技 as an item: the firm is named with its region, the whole item)
        dropped.extend(inner)
        out.append(Mention(a, b, label, f"items.{how}.v1" if quoted else f"items.{how}.{kind.lower()}.v1", text[a:b]))

#: 等N家<kind> after a list of names: the count closes the list and names its kind (…等13家家具品牌)
#: or, without 等, a count equal to the number of the items (A、B、C、D4家企业, A、B、C三家床垫企业)
TRAIL_RE = re.compile(r"(?P<etc>等)?\s*(?P<n>[0-9一二三四五六七八九十百]+)\s*(?:家|个)[\u4e00-\u9fff]{0,4}?(?:(?P<Company>企业|品牌|公司|老字号)|(?P<Park>园区|开发区|高新区|工业园))")
#: where a list before 等N家 opens: after the clause's last punctuation, and after a word that introduces it
LIST_OPEN_RE = re.compile(r".*(?:[,，。;；:：\n“”]|的|了|新增|包括|如|有|是|为)")


def _trailing_lists(sh: str) -> list[tuple[int, int, str, int | None]]:
    """Spans, kinds and counts of lists that a count closes: A、B、C等N家企业 (the span runs from
    where the list opens to 等; no count to match), A、B、C3家企业 (the count the items must match)."""
    from ..text import to_int

    out = []
    for m in TRAIL_RE.finditer(sh):
        count = None if m.group("etc") else to_int(m.group("n"))
        if not m.group("etc") and (count is None or not re.match(r"[\u4e00-\u9fffA-Za-z)）]", sh[m.start() - 1:m.start()])):
            continue  # 共有3家企业: a count with no list right before it
        start = max(sh.rfind(c, 0, m.start()) for c in ",，。;；:：\n“”") + 1
        head = sh[start:m.start()]
        first_sep = head.find("、")
        if first_sep < 0:
            continue
        opener = LIST_OPEN_RE.match(head[:first_sep])
        kind = "Company" if m.group("Company") else "Park"
        out.append((start + (opener.end() if opener else 0), m.start(), kind, count))
    return out


def _list_items(sh: str, a: int, b: int) -> list[tuple[int, int, str]] | None:
    """The items of ``sh[a:b]`` split at 、 (three or more, each 2-16 characters), or None."""
    from .rules import CJK_RE

    spans, pos = [], a
    for piece in sh[a:b].split("、"):
        x, y = pos, pos + len(piece)
        pos = y + 1
        while x < y and sh[x] in " \u3000「」“”\"'《》()":
            x += 1
        while y > x and sh[y - 1] in " \u3000「」“”\"'《》()":
            y -= 1
        spans.append((x, y))
    if len(spans) < 3:
        return None
    found = []
    for x, y in spans:
        item = sh[x:y]
        if not (2 <= len(item) <= 16) or not (CJK_RE.search(item) or LATIN_ITEM_RE.fullmatch(item)):
            return None
        found.append((x, y, item))
    return found


#: the trade words that end a firm's short name (大成|工业, 新光|纺织, 永信|制药)
TRADE_WORDS = frozenset({
    "工业", "实业", "纺织", "制药", "药品", "精机", "精密", "机械", "电子", "电机", "电器", "光电", "科技", "食品",
    "化工", "塑胶", "金属", "五金", "钢铁", "汽车", "建设", "营造", "生技", "资讯", "电脑", "光学", "陶瓷", "玻璃", "纸业",
})


def _brand_and_trade(rules: "EntityRules", sh: str, words: list[tuple[int, int]]) -> bool:
    """Are ``words`` a firm's brand and its trade: two words, a trade word last and before it a
    word that is neither a place nor a common word of the dictionary (大成|工业, not 钢铁|工业)?"""
    from .lexicons import jieba_freq, place_table
    from .scan import COMMON_WORD_FREQ

    if len(words) != 2:
        return False
    brand, trade = sh[words[0][0]:words[0][1]], sh[words[1][0]:words[1][1]]
    return (
        trade in TRADE_WORDS and len(brand) >= 2 and brand not in place_table()
        and jieba_freq().get(brand, 0) <= COMMON_WORD_FREQ and not rules._generic_body(brand, "Company", "sector_words.tsv")
    )


def _all_places_at(sh: str, a: int, b: int) -> bool:
    """Is ``sh[a:b]`` one or more place names (台湾, 湖南长沙)?"""
    from .rules import _all_places

    return a < b and _all_places(sh[a:b])


def _words(tok_starts: list[int], tok_ends: list[int], a: int, b: int) -> list[tuple[int, int]]:
    """The segmenter's words inside ``[a, b)``."""
    import bisect

    i = bisect.bisect_left(tok_starts, a)
    out = []
    while i < len(tok_starts) and tok_ends[i] <= b:
        out.append((tok_starts[i], tok_ends[i]))
        i += 1
    return out
