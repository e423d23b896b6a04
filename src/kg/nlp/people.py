"""People: persons named beside a post, in brackets, in counted lists and in bylines.

Owns: the tables of posts and surnames (``roles.tsv``, ``surnames.tsv``), the length of a
personal name at a position, and ``find_people``: names after a post (局长钱俊君), before one
(丁荣军院士), with a post in brackets, in lists counted after them, in closing author brackets
and in bylines (Latin names too, after a post: 行政總裁Stephen Lee), and
``drop_bodies_ending_in_a_post`` (a body's candidate that runs over a name into its post,
工業局陳大明局, gives way to the person). Hands on ``Mention`` objects labelled Person. Must not:
link a person to a body (``worksFor`` is ``kg.nlp.relations``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..resources import load_tsv, load_words
from ..text import to_int
from .lexicons import _compile_alternation, boundary_words, jieba_freq, jieba_tags, place_table
from .prefilter import anchored
from .mentions import ORG_LABELS, PUNCT, Mention


#: what makes a post acting (代局长, 署理署长); only before posts that are not a firm's and end in
#: 长 or are 主任, so that 时代|董事长 (a firm's 时代 before its chairman) is never read as 代董事长
ACTING = ("代", "署理")


@lru_cache(maxsize=1)
def role_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of ``roles.tsv`` (post, kind, body) and their acting forms (代局长 as 局长)."""
    rows = tuple(tuple(r) for r in load_tsv("roles.tsv"))
    acting = tuple(
        (prefix + r[0], *r[1:])
        for r in rows
        for prefix in ACTING
        if (len(r) < 2 or r[1] != "company") and (r[0].endswith("长") or r[0] == "主任") and len(r[0]) >= 2
    )
    return rows + acting


@lru_cache(maxsize=1)
def _people_tables() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    roles = [r[0] for r in role_rows()]
    surnames = frozenset(load_words("surnames.tsv"))
    role_re = _compile_alternation(roles + ["总书记", "总理", "常委"])
    byline_re = re.compile(r"(?:本版作者|记者|通讯员|特约撰稿|撰稿|摄影|作者|文/图|图/文|文图|文|图|制图|绘图|设计|校对|责任编辑|编辑|责编|撰文)\s*[:：/|｜]?\s*")
    return role_re, surnames, frozenset(roles), byline_re


#: last words of organisation names, after which a name and a post may follow (X大学张三教授)
_ORG_END_WORDS = ("大学", "学院", "公司", "集团", "研究院", "研究所", "医院", "中心", "实验室", "协会", "学会")


#: last characters of a body's or department's name (…部, …司, …处, …组): a name may follow
#: directly, before its post (标准部彭东明处长)
_BODY_LAST_CHARS = frozenset("部司处局厅院组科室委办署")


_ORG_END_RE = re.compile("|".join(_ORG_END_WORDS + ("博物馆",)))


#: a personal name in Latin letters (Stephen Lee, Luis Heredia): two or three capitalised words,
#: then Chinese text or punctuation (not a firm's English name: no Ltd, Co, Group after it)
LATIN_NAME_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?=[\u4e00-\u9fff，,。、；;:：（(）)]|$)(?<!Limited)(?<!Company)(?<!Group)(?<!Holdings)")

#: NAME（…POST）: a name after a break, then a bracket that ends on a post
NAME_THEN_BRACKET_RE = re.compile(r"(?:^|(?<=[，,。；;：:、\s]))(?P<name>[\u4e00-\u9fff]{2,3})[（(](?P<inner>[^（）()]{2,40})[)）]")
_NAME_THEN_BRACKET_SCAN = anchored(NAME_THEN_BRACKET_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


#: a bracket that holds only a body's name (中南大学, 株洲市科技局): the affiliation of the name before it
BRACKET_BODY_RE = re.compile(r"[\u4e00-\u9fff]{2,30}(?:大学|学院|研究院|研究所|有限公司|股份公司|集团|公司|局|厅|委员会|中心|协会|学会|医院|促进会|联合会|研究会|实验室)")


#: 邬建华、钟启明2名个人 / 张三、李四等3位: two or more names, then their count
COUNTED_NAMES_RE = re.compile(
    r"(?P<names>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,4})+)(?P<etc>等)?(?P<n>[0-9]+|[两二三四五六七八九十]+)(?:名|位)"
)
_COUNTED_NAMES_SCAN = anchored(COUNTED_NAMES_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


#: (张三、李四) or (张三 李四) closing a paragraph: the writers of a report
AUTHORS_RE = re.compile(r"[(（]([\u4e00-\u9fff]{2,3}(?:[、 \u3000][\u4e00-\u9fff]{2,3})*)[)）][ \t\u3000]*(?=\n|$)")


#: 本报讯(张三), 北京1月2日电 (记者 李四、王五): the writers in brackets after a dateline
DATELINE_BRACKET_RE = re.compile(r"[讯电]\s*[（(]([^（）()\n]{2,40})[)）]")
CJK_NAME_RE = re.compile(r"[\u4e00-\u9fff]+")


#: 授予张三等6人 / ,李四等3人获: one name, then the count of the people it heads
NAME_THEN_COUNT_RE = re.compile(r"(?:授予|[,，;；、:：\n]|^)(?P<name>[\u4e00-\u9fff]{2,3}?)等\s*[0-9一二三四五六七八九十]+\s*(?:人|名|位)")
_NAME_THEN_COUNT_SCAN = anchored(NAME_THEN_COUNT_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


#: ，郭某某任X公司总经理 / 。章某某被任命为…: a name opening a clause, then a verb of appointment
#: (任 alone must not open a word such as 任务 or 任何)
APPOINTED_RE = re.compile(
    r"(?:^|(?<=[，,。；;：:、\n\s]))(?P<name>[\u4e00-\u9fff]{2,4}?)(?:曾经|曾|已经|已|现|又|也|先后)?(?:被任命为|被任命|被选举为|担任|出任|兼任|接任|升任|调任|任(?![务何何期职命意性用教课免其由]))"
)
_APPOINTED_SCAN = anchored(APPOINTED_RE)  # its matches, tried only near an anchor (prefilter.Anchored)


NAME_END_WORDS = (
    "表示", "说", "介绍", "认为", "指出", "强调", "看来", "多次", "专程", "也", "还", "围绕", "态度", "思路", "在", "的",
    "等", "为", "是", "对", "将", "带领", "率队", "提出", "主持", "出席", "调研", "眉飞色舞", "摄", "和", "与", "、",
    "告诉", "透露", "坦言", "谈到", "说道", "感慨", "解释", "补充",
    # a time word right after the name (卓荣泰今(24)日, 张三昨天, 李四上午): news style
    "今", "昨", "日前", "近日", "上午", "下午",
    "偕同", "偕",  # 县长钟东锦偕同…: Taiwan's news
    "荣获", "获得", "获评", "当选", "担任", "出任", "兼任", "同志",  # 部长刘新新荣获…: a verb of honour or post
    "代表",  # 副总经理张三代表公司领奖: speaking or acting for a body
    "先生", "女士", "小姐",  # 总经理张三先生: a form of address
    "到", "赴",  # 局长张伟到华盛公司调研: a verb of going (jieba glues it to the name: 张伟到)
    "作报告", "作讲话", "作重要", "作主旨", "作专题", "作题为", "作了", "致辞", "讲话", "宣读",  # 会长李明作报告: a speech made (read on the Simplified shadow)
)

#: single characters that open what is said of a name, never end a name of three characters
#: (高峰|就…作了报告, 白亮|亦代表, 王平|称): adverbs, prepositions and verbs of saying
NAME_NEXT_CHARS = frozenset("就亦便则即又都於于向把被从并仍乃再曾已称稱赴")
#: of those, the ones that end no three-character name even before a break (张德均, 李向 are names)
_NEVER_LAST = frozenset("就亦便则即又都於并仍乃再曾已称稱第")  # 第: an ordinal opens after it (荣获第1名)
#: first letters of jieba's tags of words that open a predicate: verbs, adverbs, prepositions,
#: conjunctions, adjectives (宣读, 参加, 成功当选, 恭喜)
_PREDICATE_TAGS = tuple("vdpca")

@lru_cache(maxsize=1)
def _grade_start_re() -> re.Pattern[str]:
    """Any grade word of ``kg/data/lexicons/grades.tsv`` (一等奖, 金奖, 特优奖 …)."""
    words = sorted({row[0] for row in load_tsv("grades.tsv") if row[1] != "after"}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _grade_inside(sh: str, pos: int, n: int) -> bool:
    """Does a grade word start inside the name ``sh[pos:pos + n]`` past its first character and
    run beyond it (荣获|一|等奖, 获得|金|奖)?"""
    grade = _grade_start_re()
    return any((g := grade.match(sh, k)) is not None and g.end() > pos + n for k in range(pos + 1, pos + n))


#: function words read after a character that can be a surname (长江以北: 江 then 以北): no given name
NOT_GIVEN_NAMES = frozenset("以北 以南 以东 以西 以上 以下 以内 以外 以来 以前 以后 以及 以便 以免 片区 新区 城区 园区 社区 景区 街区 市区 县区 辖区".split())

_TWO_CHARACTER_REN = frozenset(
    "担任 出任 兼任 接任 升任 调任 主任 曾任 历任 现任 前任 新任 继任 就任 上任 离任 责任 信任 留任 连任 聘任 委任 改任 转任 专任 首任 后任".split()
)


#: a name written in transliteration, its parts joined by a middle dot (吐尔逊·艾买提)
_DOTTED_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・][\u4e00-\u9fff]{1,6})+")


@lru_cache(maxsize=1)
def _post_heads(roles: frozenset[str]) -> frozenset[str]:
    """Posts of two or more characters that may follow a name directly (张三特助, 李四副总经理)."""
    return frozenset(r for r in roles if len(r) >= 2)


def _starts_with_any(text: str, words: frozenset[str], shortest: int = 0) -> bool:
    """``any(text.startswith(w) for w in words)`` for ``words`` of at least ``shortest``
    characters, by looking up the prefixes of ``text`` (a word it starts with is the prefix of
    that word's length) instead of trying each of the hundreds of posts in turn."""
    return any(text[:k] in words for k in range(shortest, len(text) + 1))


def _ends_with_any(text: str, words: frozenset[str]) -> bool:
    """``any(text.endswith(w) for w in words)``, by looking up the suffixes of ``text``."""
    return any(text[k:] in words for k in range(len(text) + 1))


def _is_word_start(tok_starts: list[int], pos: int) -> bool:
    """``pos in set(tok_starts)`` for the sorted word starts, by bisection (without making a
    set of every word start of the text for each name tried)."""
    k = bisect.bisect_left(tok_starts, pos)
    return k < len(tok_starts) and tok_starts[k] == pos


def _word_at(sh: str, pos: int, longest: int = 4) -> str:
    """The longest word of jieba's dictionary (two to ``longest`` characters) opening at ``pos``."""
    tags = jieba_tags()
    for n in range(longest, 1, -1):
        if sh[pos:pos + n] in tags and len(sh[pos:pos + n]) == n:
            return sh[pos:pos + n]
    return ""


def _given_then_predicate(sh: str, pos: int, sur: int) -> int:
    """For a surname at ``pos`` with no break after its name: ``sur + 2`` when the third character
    is a given name's and a predicate follows it (叶梅新|宣读, 张刚飞|参加, 韩国飞|恭喜: the segmenter
    cut an unknown name), ``sur + 1`` when the third character opens the predicate (崔宇|就,
    王平|称, 武东|来到: it is a function character or makes a word with the next one), else 0."""
    third = sh[pos + sur + 1:pos + sur + 2]
    if not ("\u4e00" <= third <= "\u9fff") or not all("\u4e00" <= c <= "\u9fff" for c in sh[pos:pos + sur + 1]):
        return 0
    glued = _word_at(sh, pos + sur + 1)
    if len(glued) == 3 and (glued[1:] in NAME_END_WORDS or jieba_tags().get(glued[1:], "").startswith("v")):
        glued = ""  # 何东军|代表: 军代表 is a word, but 代表 is the verb after the name
    alt = _word_at(sh, pos + sur + 2)
    if glued and alt and jieba_freq().get(alt, 0) > jieba_freq().get(glued, 0):
        glued = ""  # X刚洋|参加, X兰华|特别: the word after the third character is the likelier reading
    if third in NAME_NEXT_CHARS or glued or sh.startswith(NAME_END_WORDS, pos + sur + 1):
        return sur + 1
    nxt = pos + sur + 2
    if nxt >= len(sh) or sh[nxt] in PUNCT or sh[nxt].isspace():
        return sur + 2
    word = _word_at(sh, nxt)
    tag = jieba_tags().get(word, "") if word else jieba_tags().get(sh[nxt], "")
    if sh[nxt] in NAME_NEXT_CHARS or sh.startswith(NAME_END_WORDS, nxt) or tag.startswith(_PREDICATE_TAGS):
        return sur + 2
    return 0


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
        post_after = n == sur + 2 and _starts_with_any(after, _post_heads(roles), 2)  # 立委邱镇军|特助
        if not after or after[0] in PUNCT or after[0].isspace() or after[0].isdigit() or after.startswith(NAME_END_WORDS) or post_after:
            shorter_end = sh[pos + n - 1:pos + n + 4]
            long_end = any(len(w) >= 2 and after.startswith(w) for w in NAME_END_WORDS) or after.startswith("说")  # 周清和|表示, 李咸和|说
            if n == sur + 2 and cand[1:] in NAME_END_WORDS:
                return 0  # 省会长|沙获得: a verb, no given name
            if n == sur + 2 and (cand[-1] in "说的在等是" or cand[-1] in _NEVER_LAST or (cand[-1] in "和为与将也还对" and not long_end) or (cand[-1] in "为将对" and not jieba_freq().get(cand[sur:], 0)) or any(len(w) >= 2 and shorter_end.startswith(w) for w in NAME_END_WORDS)):
                best = n - 1  # 杨帆|认为, not 杨帆认|为
            else:
                best = n
            break
    if not best:
        best = _given_then_predicate(sh, pos, sur)
    if not best:
        # fall back on the segmenter: a word boundary right after 2 or 3 characters
        for n in (sur + 1, sur + 2):
            if _is_word_start(tok_starts, pos + n) and all("\u4e00" <= c <= "\u9fff" for c in sh[pos:pos + n]):
                best = n
                break
    if best and _ends_with_any(sh[pos:pos + best], roles):
        return 0
    if best and sh[pos + sur:pos + best] in NOT_GIVEN_NAMES:
        return 0  # 长|江以北, 黄|河以南: a surname's character before a word of direction, no name
    if best == sur + 2 and sh[pos + sur:pos + best] in NAME_END_WORDS:
        return 0  # 省会长|沙获得: a verb after a place, no given name
    return best


def find_people(text: str, sh: str, tok_starts: list[int], tok_ends: list[int], org_ends: frozenset[int] = frozenset()) -> list[Mention]:
    """Persons named after a post (局长钱俊君), before one (丁荣军院士), or in a byline.

    ``org_ends``: where the candidates for bodies end (台積電|魏哲家董事長, 新竹市政府|高虹安市長:
    a body named before a name and its post, as Taiwan's news writes them)."""
    role_re, surnames, roles, byline_re = _people_tables()
    out: list[Mention] = []
    seen: set[int] = set()

    tags = jieba_tags()

    stops = boundary_words()
    tok_start_set = set(tok_starts)  # made once: the loops below asked ``in set(tok_starts)`` per name

    def add(pos: int, n: int, rule: str) -> None:
        tag = tags.get(sh[pos:pos + n])
        if tag is not None and not tag.startswith("nr"):
            return  # 高质量, 关于: words jieba knows, not names
        if sh[pos:pos + n] in stops:
            return  # 荣获, which jieba's dictionary tags as a name
        if _grade_inside(sh, pos, n):
            return  # …有限公司荣获一等奖: 荣获一 is a verb and the start of a grade, no name
        if text[pos:pos + 1] == "於" and n:
            return  # 於竹科設立: Traditional text writes the preposition 於 (the surname 于 stays 于)
        if n and pos not in seen:
            seen.add(pos)
            out.append(Mention(pos, pos + n, "Person", rule, text[pos:pos + n]))

    for m in role_re.finditer(sh):
        pos = m.end()
        while pos < len(sh) and sh[pos] in " \u3000":
            pos += 1
        if sh[pos:pos + 1] == "\n" and sh[pos + 1:pos + 2] != "\n":
            # a post closing a line, its holder on the next one (contact blocks, name cards): only a
            # name that fills its line or is followed by a space or a form of address
            n = _name_len_at(sh, pos + 1, surnames, roles, tok_starts)
            if n and (pos + 1 + n >= len(sh) or sh[pos + 1 + n] in " \u3000\n" or sh.startswith(("先生", "女士", "小姐"), pos + 1 + n)):
                add(pos + 1, n, "person.after_role.v1")
        latin = LATIN_NAME_RE.match(sh, pos)
        if latin and m.start() > 0 and "\u4e00" <= sh[m.start() - 1] <= "\u9fff":
            # 行政總裁Stephen Lee表示: a name in Latin letters right after a body's post (Hong Kong, Macau)
            if pos not in seen:
                seen.add(pos)
                out.append(Mention(pos, latin.end(), "Person", "person.after_role.v1", text[pos:latin.end()]))
            continue
        joined = sh[pos:pos + 1] in "和与及" and (sh.startswith("副", pos + 1) or role_re.match(sh, pos + 1) is not None)
        if len(m.group(0)) == 2 and sh[pos - 2:pos - 1] in "局院所部厅处会司" and any(sh[pos - 1:pos - 1 + k] in place_table() for k in (2, 3)):
            continue  # 专利局|长沙代办处, 科学院|长春分院: the body's suffix and a city's name, no post and holder (秘书长沙某 stays)
        if sh[pos:pos + 1] not in "由被在将把对" and not joined:  # 主任由X兼任: a preposition; 主任委员和副主任委员: two posts
            add(pos, _name_len_at(sh, pos, surnames, roles, tok_starts), "person.after_role.v1")
        # a name right before a post: 丁荣军院士, 李克强总理
        for n in (4, 3, 2):
            s = m.start() - n
            if s < 0:
                continue
            cand = sh[s:m.start()]
            if n == 4 and cand[:2] not in surnames:
                continue  # four characters only with a compound surname: 欧阳劲松所长
            known = (tags.get(cand) or "").startswith("nr")  # a name jieba's dictionary knows: 习近平
            if n == 2 and not known and cand[0] in "由以与的是被对将把在从及和" and cand[1] in surnames:
                continue  # 由|林董事长: a preposition and a surname with its post (Chairman Lin), no given name
            if (known or cand[:1] in surnames or cand[:2] in surnames) and all("\u4e00" <= c <= "\u9fff" for c in cand) and (known or not set(cand[1:]) & set("的了是在")):
                # (公司的|创始人: a function character is no given name's)
                prev = sh[s - 1] if s > 0 else "\n"
                # 关中理工大学雷振邦教授; a department's last character before the name (标准部|彭东明处长,
                # 管理司|武东副司长, 经济部|叶晶梅部长), where the segmenter often glues it to the surname
                # (not 人员组|成的市长: the character makes a word with the name's first one; not
                # 经济部|商业司司长: a department of its own)
                body_before = (
                    prev in _BODY_LAST_CHARS and not known and (cand[:1] in surnames or cand[:2] in surnames)
                    and not _word_at(sh, s - 1, 2) and cand[-1] not in _BODY_LAST_CHARS and not set(cand) & set("的了是在")
                )
                after_body = (
                    s in org_ends and not known and (cand[:1] in surnames or cand[:2] in surnames)
                    and cand[-1] not in _BODY_LAST_CHARS and not set(cand) & set("的了是在")
                )
                after_org = sh.endswith(_ORG_END_WORDS, 0, s) or body_before or after_body
                if sh[m.start():m.start() + 1] in "省市县区州" and cand + sh[m.start()] in place_table():
                    continue  # 高雄|县长, 株洲|市长: a place and the post of its head, no person
                if (known or ((prev in PUNCT or prev.isspace() or after_org) and (s in tok_start_set or body_before or after_body)) or prev in "以由和与的是") and cand not in roles:
                    add(s, n, "person.before_role.v1")
                    break
    # a name with its post in brackets: 覃美玲（柳州螺香食品集团有限公司董事长）
    for m in _NAME_THEN_BRACKET_SCAN.finditer(sh):
        inner = m.group("inner")
        if any(role_re.fullmatch(inner, len(inner) - n) for n in range(2, min(6, len(inner)) + 1)):
            name = m.group("name")
            if name[:1] in surnames or name[:2] in surnames:
                add(m.start("name"), len(name), "person.bracket_post.v1")
        elif BRACKET_BODY_RE.fullmatch(inner) and re.match(r"[、，,。；;\s]|等|$", sh[m.end():m.end() + 1]):
            # 专家：李明（中南大学）、王强（湖南大学）: a name in a list with only its body in brackets
            name = m.group("name")
            tag = tags.get(name) or "nr"  # a word of the dictionary (a noun, a verb) is no name
            if (name[:1] in surnames or name[:2] in surnames) and name not in place_table() and name not in roles and (tag.startswith("nr") or not tag.startswith(("n", "v"))):
                add(m.start("name"), len(name), "person.bracket_body.v1")
    # a list of names counted after it: 授予邬建华、钟启明2名个人…, 张三、李四等3位专家
    for m in _COUNTED_NAMES_SCAN.finditer(sh):
        items = m.group("names").split("、")
        count = to_int(m.group("n"))
        if count is None or count < len(items) or (count > len(items) and not m.group("etc")):
            continue
        pos = m.start("names")
        first = items[0]
        # the first item may carry the words before the list (授予邬建华): the name is its tail
        n0 = next((n for n in (3, 2, 4) if len(first) >= n and (pos + len(first) - n) in tok_start_set and (first[-n] in surnames or first[-n:-n + 2] in surnames)), None)
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
            # (余玮摄): the photographer's credit, as in a byline; the name is before 摄
            name = item[:-1] if len(item) >= 3 and item[-1] == "摄" else item
            if name[:1] in surnames or name[:2] in surnames:
                add(at, len(name), "person.author_bracket.v1")
            at += len(item) + 1
    # a name opening a clause before a verb of appointment: ，郭某某任…总经理, 章某某被任命为…
    for m in _APPOINTED_SCAN.finditer(sh):
        name, at = m.group("name"), m.start("name")
        sur = 2 if name[:2] in surnames else (1 if name[:1] in surnames else 0)
        # a surname and one or two given characters; the verb starts a word of the segmenter's
        # (曾|担任: 曾 is an adverb there, not 曾担 and 任), and the name holds no post (徐主|任)
        # jieba may glue a lone 任 to the name (郭祥玉任|中国): then the word after 任 must start
        # there, and 任 must not close a verb of two characters (曾|担任, 历任, 现任)
        verb_starts = m.end("name") in tok_start_set or (
            m.end() - m.end("name") == 1 and m.end() in tok_start_set and sh[m.end() - 2:m.end()] not in _TWO_CHARACTER_REN
        )
        if sur and sur + 1 <= len(name) <= sur + 2 and verb_starts and at in tok_start_set and not _ends_with_any(sh[at:m.end("name") + 1], roles):
            add(at, len(name), "person.appointed.v1")
    # one name before its count: 授予张三等6人…, 李四等3人获…
    for m in _NAME_THEN_COUNT_SCAN.finditer(sh):
        name = m.group("name")
        if (name[:1] in surnames or name[:2] in surnames) and m.start("name") in tok_start_set:
            add(m.start("name"), len(name), "person.counted_one.v1")
    # a name right after a firm's or an institution's name, then a break or a verb: …有限公司张三为…,
    # …技师学院李四同志, …有限公司王五创建的…: the body's member named with it
    for m in _ORG_END_RE.finditer(sh):
        pos = m.end()
        n = _name_len_at(sh, pos, surnames, roles, tok_starts)
        if not n:
            continue
        end = pos + n
        sur = 2 if sh[pos:pos + 2] in surnames else 1
        word = _word_at(sh, end)
        if end < len(sh) and sh[end].isdigit():
            continue  # a count or a rank follows, not a name: …公司高达3亿元, …公司荣获第1名
        if end >= len(sh) or not ("\u4e00" <= sh[end] <= "\u9fff") or sh.startswith(NAME_END_WORDS, end):
            add(pos, n, "person.after_body.v1")
        elif tags.get(word, "").startswith("v") and tags.get(sh[pos + sur:end], "nr").startswith("nr"):
            # before a bare verb only when the given part is no common word (…有限公司|高流量呼吸…)
            add(pos, n, "person.after_body.v1")
    # the writers in brackets after a dateline's 讯 or 电: 本报讯(张三), 本报讯 (张三 记者李四)
    for m in DATELINE_BRACKET_RE.finditer(sh):
        at = m.start(1)
        for piece in re.split(r"([\s、]+)", m.group(1)):
            name = re.sub(r"^.*(?:记者|通讯员|摄影)", "", piece)
            name = re.sub(r"(?:报道|摄)$", "", name)
            start = at + len(piece) - len(re.sub(r"^.*(?:记者|通讯员|摄影)", "", piece))
            at += len(piece)
            if 2 <= len(name) <= 4 and CJK_NAME_RE.fullmatch(name) and (name[:1] in surnames or name[:2] in surnames) and name not in roles:
                add(start, len(name), "person.dateline_bracket.v1")
    byline_end = -1
    for m in byline_re.finditer(sh):
        # after a line start or punctuation, or a medium's name: 本报记者, 湖南日报记者, 新华社记者, 人民网记者;
        # or right after the names of a byline before it (记者刘某通讯员王某)
        # 记者 and 通讯员 after any word (全媒体记者, 驻穗记者, 见习记者): the name's shape and the
        # break after it are the evidence
        if m.start() > 0 and m.start() != byline_end and not (sh[m.start() - 1].isspace() or sh[m.start() - 1] in PUNCT or sh[m.start() - 1] in "报社网台刊") and not sh.startswith(("记者", "通讯员"), m.start()):
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


#: what ends an item of a 、-list of names
_ITEM_END_RE = re.compile(r"[、，,；;。：:）)（(\s]")


def list_neighbours(text: str, sh: str, mentions: list[Mention], tok_starts: list[int]) -> list[Mention]:
    """Persons that stand in a 、-list beside a person already found (姜某、杨某某、方某等出席):
    an item of a name's shape (a surname and one or two given characters, the whole item, or
    before 等, 和 or a verb for the last one, or the whole item after the list's closing 及/和/与)
    that no mention covers. The list's layout is the
    evidence, not a lexicon of names; an item of another shape ends the walk."""
    _, surnames, roles, _ = _people_tables()
    tags = jieba_tags()
    stops = boundary_words()
    taken = bytearray(len(sh) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []

    def name_shaped(a: int, b: int) -> bool:
        name = sh[a:b]
        sur = 2 if name[:2] in surnames else (1 if name[:1] in surnames else 0)
        if not sur or not sur + 1 <= len(name) <= sur + 2 or not all("\u4e00" <= c <= "\u9fff" for c in name):
            return False
        tag = tags.get(name)
        if (tag is not None and not tag.startswith("nr")) or name in stops or name in roles or taken.find(1, a, b) >= 0:
            return False
        return not _ends_with_any(name, roles) and name[1:] not in NAME_END_WORDS

    def take(a: int, b: int) -> None:
        out.append(Mention(a, b, "Person", "person.list_neighbour.v1", text[a:b]))
        taken[a:b] = b"\x01" * (b - a)

    queue = sorted((m for m in mentions if m.label == "Person"), key=lambda m: m.start)
    while queue:
        p = queue.pop()
        e = p.end
        while sh[e:e + 1] == "、":
            a = e + 1
            stop = _ITEM_END_RE.search(sh, a)
            b = stop.start() if stop else len(sh)
            if not name_shaped(a, b):
                n = _name_len_at(sh, a, surnames, roles, tok_starts)
                b = a + n
                strong = b >= len(sh) or not ("\u4e00" <= sh[b] <= "\u9fff") or sh.startswith(NAME_END_WORDS, b) or tags.get(_word_at(sh, b), "").startswith("v")
                if not n or not strong or not name_shaped(a, b):
                    break
            take(a, b)
            e = b
        if sh[e:e + 1] in ("及", "和", "与") and (e > p.end or sh[p.start - 1:p.start] == "、"):
            # 张三、李四及王五: the list's last item after its conjunction, a whole item of a name's shape
            a = e + 1
            stop = _ITEM_END_RE.search(sh, a)
            b = stop.start() if stop else len(sh)
            if name_shaped(a, b):
                take(a, b)
        s = p.start
        while s > 0 and sh[s - 1] == "、":
            b = s - 1
            a = b
            while a > 0 and "\u4e00" <= sh[a - 1] <= "\u9fff":
                a -= 1
            if b - a > 4 or not name_shaped(a, b):
                break
            take(a, b)
            s = a
    return out


def drop_bodies_ending_in_a_post(sh: str, cands: list[Mention], people: list[Mention]) -> list[Mention]:
    """Drop the candidates for bodies that run over a person's name into the post after it
    (工業局|陳大明|局長 read as one 工業局陳大明局): the name before its post is a person's, and the
    body ends before the name (its own candidate stands)."""
    role_re = _people_tables()[0]
    body_ends = {c.end for c in cands if c.label in ORG_LABELS}
    cuts = set()
    for p in people:
        if p.rule != "person.before_role.v1" or p.start not in body_ends:
            continue  # only a name right after a body's own candidate (工業局|連錦漳局長)
        post = next((n for n in range(6, 1, -1) if role_re.fullmatch(sh, p.end, p.end + n)), 0)
        if post:
            cuts.update((p.start, p.end, p.end + k) for k in range(1, post))
    if not cuts:
        return cands
    return [c for c in cands if not (c.label in ORG_LABELS and any(c.start < a and c.end == e for a, _, e in cuts))]
