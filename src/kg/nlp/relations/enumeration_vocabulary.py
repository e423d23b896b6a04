"""The vocabulary of the ``enumerations`` family, compiled: grant and select verbs, counts (等5家单位),
award prefixes and the words for 'the winners are', read from ``kg/data/relations/enumerations.json``,
and the select-verb search that tries the ``selected`` pattern only where a match can start.
Must not: read a report (it only builds and applies patterns).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from ...resources import read_text
from ...text import YEAR_NUM
from ..prefilter import SPACE, chars_of
from .context import alternation

def search_selected(v: dict[str, Any], before: str) -> re.Match[str] | None:
    """``v["selected"].search(before)``, searched only from where a match can start. Every match
    is PREFIX VERB TAIL: a select verb (a literal) whose tail ``(?:了|为)?QUAL$`` runs from the
    verb to the end of ``before``, after a prefix (``\\s*COUNT\\s*ADVERB?\\s*``) made only of the
    characters ``select_prefix_chars`` lists. So no verb with such a tail: no match; else the
    first match starts no earlier than the run of prefix characters before the earliest such
    verb, and ``search(before, pos)`` from there is the same search (a look-behind still sees
    the text before ``pos``; the pattern has no ``^``). The search tried the whole pattern at
    every position of the clause up to an award: in a text with no sentence stop, the whole
    piece for each of its awards (quadratic)."""
    verbs, chars, selected = v["select_verbs"], v["select_prefix_chars"], v["selected"]
    if verbs is None or chars is None:  # a verb written as a pattern, a prefix of any character
        return selected.search(before)
    tail = v["select_tail"].match
    space = SPACE in chars
    lowest = None
    for at in v["select_at"].finditer(before):
        q = at.start()
        if any(before.startswith(w, q) and tail(before, q + len(w)) for w in verbs):
            r = q
            while r > 0 and (before[r - 1] in chars or (space and before[r - 1].isspace())):
                r -= 1
            lowest = r if lowest is None else min(lowest, r)
    return None if lowest is None else selected.search(before, lowest)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "enumerations.json"))
    alt = lambda key: alternation(data[key])  # noqa: E731
    # 等5家单位 / 3家企业 / 等: a count needs 等 or a number, so a name's own 公司 is never eaten as one
    count = (r"(?:(?:等|共|合计)\s*[0-9一二三四五六七八九十百两]*\s*(?:" + alt("counters") + r")?\s*(?:" + alt("member_nouns") + r")?"
             r"|[0-9一二三四五六七八九十百两]+\s*(?:" + alt("counters") + r")\s*(?:" + alt("member_nouns") + r")?)?")
    qual = r"(?:\s*[“\"「『《]?\s*(?:" + YEAR_NUM + r"\s*(?:[-—~至到]\s*" + YEAR_NUM + r")?\s*年度?|第\s*[0-9一二三四五六七八九十]{1,3}\s*[届批]|首届|首批|" + alt("award_prefixes") + r"))*\s*[“\"「『]?\s*"
    return {
        "grant": re.compile(r"(?:" + alt("grant_verbs") + r")(?:了)?\s*"),
        "grant_tail": re.compile(r"\s*(?:" + count + r")\s*(?:为|获得|荣获)?" + qual + r"$"),
        "selected": re.compile(r"\s*(?:" + count + r")\s*(?:" + alt("adverbs") + r")?\s*(?:" + alt("select_verbs") + r")(?:了|为)?" + qual + r"$"),
        "named": re.compile(r"[”\"」』]?\s*(?:(?:" + YEAR_NUM + r"\s*年度?)?\s*(?:的)?(?:" + alt("winner_nouns") + r")\s*(?:[(（][^()（）]{0,20}[)）])?\s*(?:分别|依次|依序)?|\s*(?:称号|荣誉称号|(?:企业|单位|园区)?(?:名单|名录|榜单))?\s*[,，]\s*(?:分别|依次|依序))\s*(?:(?:为|是|有|包括|包含|如下)\s*[:：]?|(?<=[单者主人业位商名)）])[:：])\s*"),
        # …“小巨人”企业名单(第二批)的福建企业是A、B; 服务创新奖有A、B
        "named_list": re.compile(r"[”\"」』]?\s*(?:(?:企业|单位)?名单\s*(?:[(（][^()（）]{0,20}[)）])?\s*的\s*[\u4e00-\u9fff]{0,4}?(?:" + alt("member_nouns") + r")\s*(?:分别)?(?:是|为|有|包括)|有|包括)\s*[:：]?\s*"),
        "candidates": re.compile(alt("candidate_words")),
        # what "selected" needs: a select verb followed by the pattern's tail up to the end (see may_select)
        "select_verbs": tuple(data["select_verbs"]) if all(re.escape(w) == w for w in data["select_verbs"]) else None,
        "select_at": re.compile("(?=(?:" + alt("select_verbs") + "))"),
        "select_tail": re.compile(r"(?:了|为)?" + qual + r"$"),
        "select_prefix_chars": chars_of(re.compile(r"\s*(?:" + count + r")\s*(?:" + alt("adverbs") + r")?\s*")),
        # 湖南省省长质量奖组织奖4个，分别为A、B
        "named_count": re.compile(r"[”\"」』]?\s*(?:[\u4e00-\u9fff]{1,4}奖)?\s*[0-9一二三四五六七八九十百两]+\s*(?:" + alt("counters") + r")\s*[,，]?\s*(?:分别|依次)?(?:为|是)\s*[:：]?\s*"),
        # A、B、C等22个品牌在列 / 等35家“老字号”榜上有名: the award the text named before
        "listed": re.compile(r"(?:等|共)\s*[0-9一二三四五六七八九十百两]+\s*(?:" + alt("counters") + r")\s*[^，,。；;！？\n]{0,12}?\s*(?:"
                             + alt("adverbs") + r")?\s*(?:" + alt("listed_words") + r")"),
        # A、B凭借卓越的质量管理水平，荣获X: the subject list before a comma clause of means
        "subject_link": re.compile(alt("subject_links")),
        "year": re.compile("(" + YEAR_NUM + r")\s*年"),
        "edition": re.compile(r"第\s*([0-9一二三四五六七八九十]{1,3})\s*[届批]|(首)[届批]"),
    }
