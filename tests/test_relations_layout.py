"""The layout readers on real reports: tables (kg.nlp.tables, relations.tables), rosters
(kg.nlp.rosters, relations.roster) and list items whose person carries a note.

Reports are read from ../shared/corpus at run time; the expected relations are the real dev
gold's (tests/gold/real-dev.jsonl), written by reading, so nothing here copies report text.
"""

from __future__ import annotations

import json

import pytest

from kg.eval import normalise_name
from kg.nlp import extract, make_nlp
from kg.reading import read_report
from tests.conftest import ROOT

GOLD = {json.loads(line)["doc"]: json.loads(line) for line in (ROOT / "tests/gold/real-dev.jsonl").read_text().splitlines() if line.strip()}


def _rels(report: dict, predicate: str, rules: tuple[str, ...] | None = None, quals: tuple[str, ...] = ()) -> set[tuple]:
    names = {e["id"]: normalise_name(e["name"]) for e in report["entities"]}
    aliases = {e["id"]: {normalise_name(n) for n in [e["name"], *e.get("aliases", [])]} for e in report["entities"]}
    out = set()
    for r in report["relations"]:
        if r["predicate"] != predicate or (rules is not None and r.get("rule") not in rules):
            continue
        out.add((names[r["subject"]], frozenset(aliases[r["object"]])) + tuple(r.get(q) for q in quals))
    return out


def _matched(got: set[tuple], gold: set[tuple]) -> set[tuple]:
    """The predicted pairs whose subject and one object name (and qualifiers) a gold pair shares."""
    return {g for g in got if any(g[0] == h[0] and g[1] & h[1] and g[2:] == h[2:] for h in gold)}


def test_header_words_type_a_tables_columns():
    from kg.nlp.tables import header_kind

    assert header_kind("序号") == "rank" and header_kind("单位名称") == "winner"
    assert header_kind("乡镇街道") == "region" and header_kind("所在地区") == "region"
    assert header_kind("等级") == "grade" and header_kind("备注") == "other"
    assert header_kind("株洲市") is None


def test_a_pipe_table_without_outer_pipes_gives_region_and_caption_batch(corpus_docs):
    """序号 | 乡镇街道 | 单位名称 | 类型 | 备注 |: each row's firm is in its town and holds the
    award its type cell names, with the batch (第N批) of the caption above the table."""
    pred = extract(read_report(corpus_docs / "real-113.txt"))
    gold = GOLD["real-113"]
    located = _rels(pred, "locatedIn", ("table.region_column.v1",))
    assert len(located) >= 5 and _matched(located, _rels(gold, "locatedIn")) == located
    awards = _rels(pred, "receivedAward", ("table.award_row.v1",), ("edition",))
    assert len(awards) >= 5 and _matched(awards, _rels(gold, "receivedAward", quals=("edition",))) == awards


def test_a_table_written_one_cell_per_line_under_its_header(corpus_docs):
    """序号 / 地区 / 名称 / 单位名称 / 领域 one a line, rows opening on their rank, one row short of
    a cell: each unit is in its region and holds the award of the caption (汇总表) above it."""
    nlp = make_nlp()
    doc = nlp(read_report(corpus_docs / "real-208.txt").text)
    assert any(t.award_col is None and t.region_col is not None for t in doc._.kg_tables)
    pred = extract(read_report(corpus_docs / "real-208.txt"))
    gold = GOLD["real-208"]
    located = _rels(pred, "locatedIn", ("table.region_column.v1",))
    awards = _rels(pred, "receivedAward", ("table.caption_award.v1",), ("year",))
    assert len(located) >= 2 and _matched(located, _rels(gold, "locatedIn")) == located
    assert len(awards) >= 2 and _matched(awards, _rels(gold, "receivedAward", quals=("year",))) == awards


def test_a_caption_of_candidates_grants_nothing(corpus_docs):
    """A table under a 拟推荐 caption lists candidates: the table reader reads no award for them."""
    from kg.nlp.tables import caption_award
    from kg.nlp.relations.lists import CANDIDATES_RE

    assert CANDIDATES_RE.search("拟推荐申报名单")
    report = read_report(corpus_docs / "real-208.txt")
    doc = make_nlp()(report.text)
    t = next(t for t in doc._.kg_tables if t.award_col is None)
    assert caption_award(doc._.kg_shadow, doc._.kg_mentions, t.start) is not None


@pytest.mark.parametrize("doc", ["real-300", "real-151"])
def test_roster_lines_give_each_member_the_bodies_of_their_posts(doc, corpus_docs):
    """组 长:X 区委常委 / X Y 某局副局长 / a name alone with its posts below: worksFor each body."""
    pred = extract(read_report(corpus_docs / f"{doc}.txt"))
    got = _rels(pred, "worksFor", ("roster.member_post.v1",))
    hits = _matched(got, _rels(GOLD[doc], "worksFor"))
    assert len(got) >= 3 and len(hits) >= 0.7 * len(got), sorted((s, sorted(o)) for s, o in got - hits)


def test_a_name_set_apart_by_a_space_is_a_roster_member(corpus_docs):
    """许 某 区发改局副局长: the roster line makes the person the rules missed."""
    pred = extract(read_report(corpus_docs / "real-300.txt"))
    spaced = [e for e in pred["entities"] if e["type"] == "Person" and " " in e["name"]]
    gold_people = {normalise_name(e["name"]) for e in GOLD["real-300"]["entities"] if e["type"] == "Person"}
    assert len(spaced) >= 2 and all(normalise_name(e["name"]) in gold_people for e in spaced)


def test_a_local_body_before_a_post_on_a_roster_line_is_a_government_agency(corpus_docs):
    """X 区财政局副局长: the body before the post, opening on its level, is the member's employer."""
    pred = extract(read_report(corpus_docs / "real-300.txt"))
    made = {normalise_name(e["name"]) for e in pred["entities"] if e["type"] == "GovernmentAgency"}
    gold = {normalise_name(e["name"]) for e in GOLD["real-300"]["entities"] if e["type"] == "GovernmentAgency"}
    bodies = {normalise_name(r["name"]) for r in pred["entities"] if any(
        x.get("rule") == "roster.member_post.v1" and x["object"] == r["id"] for x in pred["relations"])}
    assert len(bodies) >= 3 and bodies <= made & gold


def test_members_under_a_label_work_for_the_task_body_named_before(corpus_docs):
    """决定成立…领导小组 … 组长:X / 成员:Y, Z on the lines below: each member in the label's role."""
    pred = extract(read_report(corpus_docs / "real-300.txt"))
    got = _rels(pred, "worksFor", ("roster.member_of_body.v1",))
    gold = _rels(GOLD["real-300"], "worksFor")
    assert len(got) >= 5 and _matched(got, gold) == got
    roles = {r["role"] for r in pred["relations"] if r.get("rule") == "roster.member_of_body.v1"}
    assert {"组长", "成员"} <= roles


def test_a_person_item_with_a_note_of_body_and_post_wins_the_heading_award(corpus_docs):
    """姓名(单位职务) on a list line under an award heading: the person is the member."""
    pred = extract(read_report(corpus_docs / "real-203.txt"))
    got = _rels(pred, "receivedAward", ("list.award_items.v1",), ("grade",))
    gold = _rels(GOLD["real-203"], "receivedAward", quals=("grade",))
    people = {normalise_name(e["name"]) for e in pred["entities"] if e["type"] == "Person"}
    assert any(s in people for s, *_ in got)
    assert len(got) >= 4 and _matched(got, gold) == got


def test_a_table_whose_cells_ran_together_still_gives_its_region_column(corpus_docs):
    """序号+名称+地区 header words run together, then 1…2…3… rows with no separators: each firm is
    in its region; the caption above is one of candidates (拟推荐), so no row wins an award."""
    pred = extract(read_report(corpus_docs / "real-092.txt"))
    located = _rels(pred, "locatedIn", ("table.region_column.v1",))
    assert len(located) >= 3 and _matched(located, _rels(GOLD["real-092"], "locatedIn")) == located
    assert not [r for r in pred["relations"] if r.get("rule", "").startswith("table.") and r["predicate"] == "receivedAward"]


@pytest.mark.parametrize("doc", ["real-102", "real-136", "real-237", "real-181", "real-190", "real-177"])
def test_a_place_before_a_list_of_firms_with_their_products_locates_each(doc, corpus_docs):
    """我市共拥有…奖N个,分别为A、B / 这N家<place>企业及其产品为:A<product>、B<product> / 我市A的“brand”、B的“brand” /
    <park>入选的企业分别是:A、<a name read in part>、C和D / 该区A工业园、B工业园 (parks inside a zone) /
    <place>…的老字号共有N家,…包括A、B (a kind noun close after the place, then the list of that kind):
    every member that opens an item is in the place."""
    pred = extract(read_report(corpus_docs / f"{doc}.txt"))
    # (where the list is also an enumeration of winners, 我市A的“brand”…进入公示名单, the enumeration
    # family places the members first and this family leaves them)
    got = _rels(pred, "locatedIn", ("located.place_qualified_list.v1", "located.enumeration_place.v1"))
    hits = _matched(got, _rels(GOLD[doc], "locatedIn"))
    assert len(got) >= 3 and len(hits) >= 0.75 * len(got), sorted((s, sorted(o)) for s, o in got - hits)


def test_the_count_of_a_places_holdings_opens_its_members():
    from kg.nlp.relations.located import vocabulary

    counted = vocabulary()["counted"]
    assert counted.match("共拥有某某奖4个,分别为", 0)
    assert not counted.match("共拥有较强实力", 0)


def test_only_parks_of_a_kind_that_lies_inside_zones_are_sited_in_a_zone():
    from kg.nlp.relations.located import _part_of
    from kg.nlp.rules import Mention

    sh = "某某高新区甲乙工业园丙丁开发区"
    zone, part, peer = Mention(0, 5, "Park", "t", sh[0:5]), Mention(5, 10, "Park", "t", sh[5:10]), Mention(10, 15, "Park", "t", sh[10:15])
    assert _part_of(sh, part, zone) and not _part_of(sh, peer, zone) and not _part_of(sh, zone, part)


def test_members_listed_before_a_settling_verb_are_in_the_park_after_it(corpus_docs):
    """A、B、C…将抱团入驻P: each listed firm is in P."""
    pred = extract(read_report(corpus_docs / "real-249.txt"))
    got = _rels(pred, "locatedIn", ("located.members_settle_in.v1",))
    assert len(got) >= 5 and _matched(got, _rels(GOLD["real-249"], "locatedIn")) == got
    from kg.nlp.relations.located import vocabulary

    assert vocabulary()["settle"].match("将抱团入驻", 0) and not vocabulary()["settle"].match("表示", 0)


def test_names_listed_before_a_count_of_their_kind_are_that_kind(corpus_docs):
    """A、B、C…等N家<kind>品牌: the items the count closes are firms (one the rules took for a person)."""
    doc = make_nlp()(read_report(corpus_docs / "real-036.txt").text)
    made = [m for m in doc._.kg_mentions if m.rule.startswith("items.counted_list.")]
    gold = {normalise_name(e["name"]): e["type"] for e in GOLD["real-036"]["entities"]}
    assert len(made) >= 2 and all(gold.get(normalise_name(m.text)) == m.label == "Company" for m in made)


def test_a_place_between_deng_and_a_kind_noun_qualifies_the_members_before(corpus_docs):
    """A等<place>企业占了N项: the member before 等 is in the place."""
    pred = extract(read_report(corpus_docs / "real-099.txt"))
    got = _rels(pred, "locatedIn", ("located.place_qualified_list.v1",))
    assert got and _matched(got, _rels(GOLD["real-099"], "locatedIn")) == got


def test_a_post_held_as_well_on_the_line_below_a_member(corpus_docs):
    """X副市长 / 兼某局局长,负责…: the member works for that body too."""
    pred = extract(read_report(corpus_docs / "real-185.txt"))
    got = _rels(pred, "worksFor", ("roster.member_post.v1",))
    assert got and _matched(got, _rels(GOLD["real-185"], "worksFor")) == got


def test_a_table_parted_by_single_spaces_under_a_header_of_column_words():
    from kg.nlp import extract_text

    text = ("2021年度湖南省质量奖获奖名单\n序号 企业名称 所在地区\n1 华远精密机械有限公司 长沙市\n"
            "2 嘉禾新材料股份有限公司 株洲市\n会议指出 要持续推进 质量提升\n")
    report = extract_text(text)
    assert _rels(report, "locatedIn", ("table.region_column.v1",)) == {
        ("华远精密机械有限公司", frozenset({"长沙市"})), ("嘉禾新材料股份有限公司", frozenset({"株洲市"}))}
    assert {r[0] for r in _rels(report, "receivedAward", quals=("year",))} == {"华远精密机械有限公司", "嘉禾新材料股份有限公司"}
    # prose with single spaces and no header of column words is no table
    prose = extract_text("会议指出 要持续推进 质量提升\n华远精密机械有限公司 长沙市 嘉禾新材料股份有限公司\n")
    assert not _rels(prose, "locatedIn", ("table.region_column.v1",))
