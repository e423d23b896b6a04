"""Corpus generator for scale runs: any number of reports from templates, with their gold.

For benchmarks only (time, memory, throughput at 1k-1M reports, and quality at scale measured
against the gold this writes, not assumed). Never a source of patterns for the extractor: its
templates are the project's own, in the styles of the real reports (award decisions, award
lists, award tables, standards news, park news, features), filled with names built from the
project's lexicons (places from the administrative divisions, surnames) and fixed word lists.

Deterministic by seed: report ``i`` depends on ``(seed, i)`` only, so the first 1,000 reports of a
run of 10,000 are the 1,000 reports of a run of 1,000. The gold (contract JSON Lines, one
object per report, with mentions and evidence spans) lists what the templates put in each
report; ``kg eval --gold GOLD DIR`` scores the extractor on it.

    python bench/generate.py --reports 1000 --out build/gen1k [--seed 0] [--chars 1500]
    kg eval --gold build/gen1k/gold.jsonl build/gen1k/docs
"""

from __future__ import annotations

import argparse
import json
import random
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "src" / "kg" / "data" / "lexicons"

BRANDS = "华信 恒通 宏达 远航 金瑞 博雅 瑞丰 鼎盛 天成 汇智 德润 嘉禾 新元 安泰 立方 中科 联创 盛世 海纳 精工 永信 正泰 卓越 东升".split()
TRADES = "科技 机械 电子 新材料 精密制造 环保科技 智能装备 生物医药 电气 汽车零部件 食品 化工".split()
FORMS = ["有限公司", "股份有限公司", "集团有限公司"]
GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 华 建 国 志 文 斌 林 晨 宇 浩 凯 鹏 婷 雪 峰 海 红".split()
ROLES = ["董事长", "总经理", "总工程师", "党委书记", "副总经理", "质量总监"]
FIELDS = "电力电子 轨道交通 工业自动化 有色金属 医疗器械 食品安全 纺织品 塑料 家用电器 光伏".split()
STD_TOPICS = "智能制造 能耗限额 安全技术规范 检测方法 通用技术条件 试验方法 绿色工厂评价 质量分级".split()
PARK_KINDS = ["高新技术产业开发区", "经济技术开发区", "工业园区", "科技园"]
TITLES = ["绿色工厂", "专精特新中小企业", "制造业单项冠军企业", "质量标杆企业", "技术创新示范企业"]


@lru_cache(maxsize=1)
def _places() -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """(province, city) pairs of real prefecture-level cities and the counties of each city."""
    names, parent, level = {}, {}, {}
    for line in (LEXICONS / "admin_divisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, lvl, par = (line.split("\t") + [""])[:4]
        names[code], level[code], parent[code] = name, lvl, par
    cities = [(names[parent[c]], names[c]) for c in sorted(names)
              if level[c] == "city" and names[c].endswith("市") and len(names[c]) >= 3 and parent[c] in names]
    counties: dict[str, list[str]] = {}
    for c in sorted(names):
        if level[c] == "county" and names[c] != "市辖区" and names[c].endswith(("县", "区")) and names.get(parent[c], "").endswith("市"):
            counties.setdefault(names[parent[c]], []).append(names[c])
    return cities, counties


@lru_cache(maxsize=1)
def _surnames() -> list[str]:
    lines = [ln for ln in (LEXICONS / "surnames.tsv").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [s for ln in lines[1:] for s in ln.split() if len(s) == 1]


class Report:
    """Text built piece by piece; ``name`` records an entity mention at its exact offsets."""

    def __init__(self, doc: str) -> None:
        self.doc, self.parts, self.n = doc, [], 0
        self.entities: dict[tuple[str, str], dict] = {}
        self.relations: list[dict] = []
        self._sentence = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.n += len(text)

    def name(self, type_: str, name: str) -> str:
        ent = self.entities.setdefault((type_, name), {"id": f"e{len(self.entities) + 1}", "type": type_, "name": name,
                                                       "aliases": [], "mentions": []})
        ent["mentions"].append([self.n, self.n + len(name)])
        self.add(name)
        return ent["id"]

    def start(self) -> None:
        self._sentence = self.n

    def rel(self, subject: str, predicate: str, obj: str, **qualifiers) -> None:
        self.relations.append({"subject": subject, "predicate": predicate, "object": obj,
                               "year": qualifiers.get("year"), "edition": qualifiers.get("edition"),
                               "grade": qualifiers.get("grade"), "count": None, "role": qualifiers.get("role"),
                               "_span": [self._sentence, None]})

    def end(self) -> None:
        for r in self.relations:
            if r["_span"][1] is None:
                r["_span"][1] = self.n

    def finish(self) -> tuple[str, dict]:
        text = "".join(self.parts)
        rels = []
        for r in self.relations:
            s, e = r.pop("_span")
            rels.append({**r, "evidence": text[s:e], "evidence_span": [s, e]})
        return text, {"doc": self.doc, "entities": list(self.entities.values()), "relations": rels}


class Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        cities, self.counties = _places()
        self.province, self.city = rng.choice(cities)

    def company(self) -> str:
        r = self.rng
        return self.city[:-1] + r.choice(BRANDS) + r.choice(TRADES) + r.choice(FORMS)

    def person(self) -> str:
        r = self.rng
        return r.choice(_surnames()) + "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2])))

    def county(self) -> str:
        return self.rng.choice(self.counties.get(self.city) or [self.city])

    def park(self) -> str:
        return self.city[:-1] + self.rng.choice(PARK_KINDS)


def _award_decision(rep: Report, nm: Names, rng: random.Random) -> None:
    year, edition = rng.randint(2012, 2024), rng.randint(1, 12)
    award = f"{nm.city}市长质量奖"
    rep.add(f"关于{year}年度{nm.city}市长质量奖获奖组织的通报\n\n")
    rep.start()
    rep.name("GovernmentAgency", f"{nm.city}人民政府")
    rep.add("决定，授予")
    winners = [nm.company() for _ in range(rng.randint(2, 4))]
    ids = []
    for k, w in enumerate(dict.fromkeys(winners)):
        if k:
            rep.add("、")
        ids.append(rep.name("Company", w))
    rep.add(f"第{_cn(edition)}届")
    a = rep.name("Award", award)
    for i in ids:
        rep.rel(i, "receivedAward", a, year=year, edition=edition)
    rep.add("。")
    rep.end()
    rep.add("希望获奖组织珍惜荣誉，发挥示范引领作用。\n")


def _award_list(rep: Report, nm: Names, rng: random.Random) -> None:
    year, title = rng.randint(2016, 2024), rng.choice(TITLES)
    rep.name("Place", nm.province)
    rep.add(f"{year}年度")
    a = rep.name("Award", f"省级{title}")
    rep.add("名单\n")
    for k in range(rng.randint(3, 8)):
        rep.start()
        rep.add(f"{k + 1}. ")
        c = rep.name("Company", nm.company())
        rep.rel(c, "receivedAward", a, year=year)
        rep.end()
        rep.add("\n")


def _award_table(rep: Report, nm: Names, rng: random.Random) -> None:
    year = rng.randint(2015, 2024)
    rep.add(f"{year}年{nm.city}质量奖获奖名单\n序号 | 单位名称 | 所在地 | 奖项\n")
    for k in range(rng.randint(3, 6)):
        rep.start()
        rep.add(f"{k + 1} | ")
        c = rep.name("Company", nm.company())
        rep.add(" | ")
        p = rep.name("Place", nm.county())
        rep.add(" | ")
        a = rep.name("Award", f"{nm.city}质量奖")
        rep.rel(c, "receivedAward", a, year=year)
        rep.rel(c, "locatedIn", p)
        rep.end()
        rep.add("\n")


def _standards_news(rep: Report, nm: Names, rng: random.Random) -> None:
    field = rng.choice(FIELDS)
    rep.start()
    rep.add("近日，由")
    c = rep.name("Company", nm.company())
    code = f"GB/T {rng.randint(10000, 45000)}-{rng.randint(2015, 2024)}"
    rep.add(f"主导起草的国家标准《{field}{rng.choice(STD_TOPICS)}》（")
    s = rep.name("Standard", code)
    rep.add("）正式发布实施。")
    rep.rel(c, "contributedToStandard", s)
    rep.end()
    rep.start()
    body = f"全国{field}标准化技术委员会"
    b = rep.name("StandardsBody", body)
    rep.add("秘书处设在")
    inst = rep.name("Institution", f"{nm.province}{field}研究院")
    rep.add("。")
    rep.rel(inst, "secretariatOf", b)
    rep.end()
    rep.add("\n")


def _park_news(rep: Report, nm: Names, rng: random.Random) -> None:
    rep.start()
    rep_park = nm.park()
    park = rep.name("Park", rep_park)
    rep.add("位于")
    place = rep.name("Place", nm.city)
    rep.add(f"，规划面积{rng.randint(10, 90)}平方公里。")
    rep.rel(park, "locatedIn", place)
    rep.end()
    rep.start()
    c = rep.name("Company", nm.company())
    rep.add(f"投资{rng.randint(2, 50)}亿元的新项目落户")
    rep.name("Park", rep_park)
    rep.add("。")
    rep.rel(c, "locatedIn", park)
    rep.end()
    rep.add("\n")


def _feature(rep: Report, nm: Names, rng: random.Random) -> None:
    rep.start()
    c = rep.name("Company", nm.company())
    role = rng.choice(ROLES)
    rep.add(role)
    p = rep.name("Person", nm.person())
    rep.add("表示，企业将坚持质量第一，持续加大研发投入。")
    rep.rel(p, "worksFor", c, role=role)
    rep.end()
    rep.add("\n")


STYLES = [_award_decision, _award_list, _award_table, _standards_news, _park_news, _feature]


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return ("十" if n < 20 else digits[n // 10] + "十") + (digits[n % 10] if n % 10 else "")


def report(seed: int, index: int, chars: int = 1500) -> tuple[str, dict]:
    """Report ``index`` of a run with ``seed``: ``(text, gold)``. About ``chars`` characters."""
    rng = random.Random(f"{seed}:{index}")
    nm = Names(rng)
    rep = Report(f"gen-{seed}-{index:07d}")
    first = rng.choice(STYLES)
    first(rep, nm, rng)
    while rep.n < chars:
        rep.add("\n")
        rng.choice(STYLES)(rep, nm, rng)
    return rep.finish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="writes OUT/docs/*.txt and OUT/gold.jsonl")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chars", type=int, default=1500, help="about this many characters per report")
    args = parser.parse_args()
    docs = args.out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    total = 0
    with (args.out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for i in range(args.reports):
            text, g = report(args.seed, i, args.chars)
            (docs / f"{g['doc']}.txt").write_text(text, encoding="utf-8")
            gold.write(json.dumps(g, ensure_ascii=False) + "\n")
            total += len(text)
    print(f"wrote {args.reports} reports ({total:,} characters) to {docs} and their gold to {args.out / 'gold.jsonl'}")


if __name__ == "__main__":
    main()
