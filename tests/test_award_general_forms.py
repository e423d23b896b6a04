"""General forms of awards and their holders (issues 12 and 13), one invented phrase each.

The phrases are written for these tests (no report text): several wordings, punctuation and
scripts of one structure. Each rule was checked on the dev split of the real gold before it
was kept.
"""

from __future__ import annotations

import pytest

from kg.nlp import extract_text


def _won(text: str) -> dict[tuple[str, str], dict]:
    result = extract_text(text)
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {
        (names[r["subject"]], names.get(r["object"], r["object"])): r
        for r in result["relations"] if r["predicate"] == "receivedAward"
    }


@pytest.mark.parametrize("text, holder, awards", [
    ("长沙华力机械有限公司荣获“湖南省省长质量奖”和“湖南省五一劳动奖状”。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "湖南省五一劳动奖状"}),
    ("长沙华力机械有限公司荣获“湖南省省长质量奖”、“湖南省五一劳动奖状”。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "湖南省五一劳动奖状"}),
    ("长沙华力机械有限公司荣获“湖南省省长质量奖”“湖南省五一劳动奖状”等荣誉。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "湖南省五一劳动奖状"}),
    ("長沙華力機械有限公司榮獲「國家品質獎」及「國家磐石獎」。",
     "長沙華力機械有限公司", {"國家品質獎", "國家磐石獎"}),
    ("長沙華力機械有限公司獲頒國家品質獎與小巨人獎。",
     "長沙華力機械有限公司", {"國家品質獎", "小巨人獎"}),
    ("长沙华力机械有限公司先后获得湖南省省长质量奖、中国专利优秀奖、国家科学技术进步奖二等奖等。",
     "长沙华力机械有限公司", {"湖南省省长质量奖", "国家科学技术进步奖"}),
])
def test_every_prize_of_a_chain_after_one_verb_goes_to_the_holder(text, holder, awards):
    won = _won(text)
    assert {prize for who, prize in won if who == holder} == awards
