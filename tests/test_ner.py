"""Tests for kg.ner: UNER alignment, training on a slice, the shipped model, offsets."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ner.data import (
    GSDSIMP_TRAIN,
    PUD_TEST,
    align_tokens,
    extra_examples,
    iob2_docs,
    read_iob2,
    split_sentences,
    to_simplified,
)
from kg.ner.evaluate import evaluate, format_text
from kg.ner.model import load, predict, shipped_model_path

# The shipped model's micro F1 on UNER Chinese-PUD test (Traditional, converted), as measured
# when the model was trained; see meta.json "kg_training".
PUD_F1 = 0.539
PUD_F1_TOLERANCE = 0.02

# A real UNER Chinese-GSDSIMP dev sentence (batch-0005-0003) whose tokens leave out a space.
SPACED_IOB2 = """\
# newdoc id = batch-0005
# sent_id = batch-0005-0003
# text = 卡斯科奎姆河（Kuskokwim River）是美国阿拉斯加州南部的一条河流。
1\t卡斯科奎姆\tB-LOC\t-\tlinpq
2\t河\tI-LOC\t-\tlinpq
3\t（\tO\t-\t-
4\tKuskokwim\tB-LOC\t-\tlinpq
5\tRiver\tI-LOC\t-\tlinpq
6\t）\tO\t-\t-
7\t是\tO\t-\t-
8\t美国\tB-LOC\t-\tlinpq
9\t阿拉斯加\tI-LOC\t-\tlinpq
10\t州\tI-LOC\t-\tlinpq
11\t南部\tO\t-\t-
12\t的\tO\t-\t-
13\t一\tO\t-\t-
14\t条\tO\t-\t-
15\t河流\tO\t-\t-
16\t。\tO\t-\t-

"""


@pytest.fixture()
def spaced_iob2(tmp_path: Path) -> Path:
    path = tmp_path / "spaced.iob2"
    path.write_text(SPACED_IOB2, encoding="utf-8")
    return path


def test_data_align_tokens_skips_spaces_left_out_by_tokens() -> None:
    text = "卡斯科奎姆河（Kuskokwim River）是"
    offsets = align_tokens(text, ["卡斯科奎姆", "河", "（", "Kuskokwim", "River", "）", "是"])
    assert offsets[3] == (7, 16)
    assert offsets[4] == (17, 22)
    assert [text[s:e] for s, e in offsets] == ["卡斯科奎姆", "河", "（", "Kuskokwim", "River", "）", "是"]


def test_data_read_iob2_gives_char_offsets_across_a_space(spaced_iob2: Path) -> None:
    (sentence,) = read_iob2(spaced_iob2)
    found = [(sentence.text[s:e], label) for s, e, label in sentence.spans]
    assert found == [("卡斯科奎姆河", "LOC"), ("Kuskokwim River", "LOC"), ("美国阿拉斯加州", "LOC")]
    assert sentence.spans[1][:2] == (7, 22)


def test_data_iob2_docs_are_character_tokens_with_entities(spaced_iob2: Path) -> None:
    (doc,) = iob2_docs(spaced_iob2)
    assert doc.text == "卡斯科奎姆河（Kuskokwim River）是美国阿拉斯加州南部的一条河流。"
    assert all(len(token.text) == 1 for token in doc)
    assert [(ent.text, ent.label_, ent.start_char) for ent in doc.ents] == [
        ("卡斯科奎姆河", "LOC", 0),
        ("Kuskokwim River", "LOC", 7),
        ("美国阿拉斯加州", "LOC", 24),
    ]


def test_data_align_tokens_names_the_sentence_on_mismatch() -> None:
    with pytest.raises(KgError, match="s1: token '北京' not found"):
        align_tokens("上海市", ["上海", "北京"], where="s1")


def test_data_to_simplified_keeps_length() -> None:
    text = "奧巴馬的特別助理科瑞·舒爾曼在周一發布的博客中寫道。"
    simplified = to_simplified(text)
    assert simplified == "奥巴马的特别助理科瑞·舒尔曼在周一发布的博客中写道。"
    assert len(simplified) == len(text)


def test_data_split_sentences_keeps_exact_offsets() -> None:
    text = "  株洲高新区位于湖南。\n\n刘可安在株洲工作！第三句没有句号"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["株洲高新区位于湖南。", "刘可安在株洲工作！", "第三句没有句号"]


def test_data_split_sentences_cuts_long_pieces() -> None:
    text = "，".join(["株洲中车时代电气股份有限公司"] * 40) + "。"
    spans = split_sentences(text, max_chars=100)
    assert all(e - s <= 100 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text


def test_data_extra_examples_refuses_the_check_split(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="check-split"):
        extra_examples(tmp_path / "seeds.jsonl", ["002_4cbe676130c98876"], reports_dir=tmp_path)


def test_data_extra_examples_maps_gold_types(tmp_path: Path) -> None:
    text = "株洲中车时代电气股份有限公司获得中国质量奖。\n刘可安在株洲工作。"
    (tmp_path / "000_x.txt").write_text(text, encoding="utf-8")
    gold = (
        '{"doc": "000_x", "entities": ['
        '{"id": "e1", "type": "Company", "name": "株洲中车时代电气股份有限公司", "mentions": [[0, 14]]},'
        '{"id": "e2", "type": "Award", "name": "中国质量奖", "mentions": [[16, 21]]},'
        '{"id": "e3", "type": "Person", "name": "刘可安"},'
        '{"id": "e4", "type": "Place", "name": "株洲"}], "relations": []}\n'
    )
    (tmp_path / "seeds.jsonl").write_text(gold, encoding="utf-8")
    docs = extra_examples(tmp_path / "seeds.jsonl", ["000_x"], reports_dir=tmp_path)
    found = [[(ent.text, ent.label_) for ent in doc.ents] for doc in docs]
    # 株洲 inside the company name is not a mention of its own; the award is left out.
    assert found == [[("株洲中车时代电气股份有限公司", "ORG")], [("刘可安", "PER"), ("株洲", "LOC")]]


@pytest.mark.skipif(not GSDSIMP_TRAIN.is_file(), reason="UNER Chinese-GSDSIMP not available")
def test_train_tiny_slice_yields_a_model_that_loads_and_predicts(tmp_path: Path) -> None:
    from kg.ner.train import train

    figures = train(tmp_path / "model", limit=40, quiet=True)
    assert figures["limit"] == 40
    meta = (tmp_path / "model" / "meta.json").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in meta and "Mayhew" in meta
    nlp = load(tmp_path / "model")
    text = "刘可安在株洲中车时代电气股份有限公司工作。"
    spans = predict(text, nlp=nlp)
    assert isinstance(spans, list)
    assert all(0 <= s < e <= len(text) and label in {"PER", "LOC", "ORG"} for s, e, label in spans)


@pytest.mark.skipif(not GSDSIMP_TRAIN.is_file(), reason="UNER Chinese-GSDSIMP not available")
def test_train_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    from kg.ner.train import train

    weights = []
    for run in ("a", "b"):
        train(tmp_path / run, seed=3, limit=20, quiet=True)
        nlp = load(tmp_path / run)
        weights.append((nlp.get_pipe("tok2vec").to_bytes(), nlp.get_pipe("ner").to_bytes()))
    assert weights[0] == weights[1]


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_model_shipped_loads_offline(no_network: None) -> None:
    nlp = load()
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG"}
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    assert (shipped_model_path() / "meta.json").is_file()
    assert load() is nlp  # cached


def test_model_predict_offsets_are_exact_on_traditional_text() -> None:
    text = "美國總統奧巴馬在華盛頓會見了臺灣代表團。\n他說：「中華民國外交部已經收到邀請。」"
    simplified = to_simplified(text)
    spans = predict(text)
    assert spans, "the shipped model should find entities in this sentence"
    for start, end, label in spans:
        assert label in {"PER", "LOC", "ORG"}
        assert text[start:end] == text[start:end].strip() and start < end
        assert to_simplified(text[start:end]) == simplified[start:end]
    # the Traditional text is read as its Simplified twin: same spans, same offsets
    assert spans == predict(simplified)
    assert ("臺灣", "LOC") in [(text[s:e], label) for s, e, label in spans]


def test_model_predict_offsets_point_into_the_text_given() -> None:
    text = "\ufeff  2019年,株洲高新区(天元区)位列全省第二。\n\n记者 姚时美 通讯员 刘自强"
    for start, end, _ in predict(text):
        assert text[start:end].strip() == text[start:end] != ""


@pytest.mark.skipif(not PUD_TEST.is_file(), reason="UNER Chinese-PUD not available")
def test_evaluate_shipped_model_pud_f1_is_pinned() -> None:
    result = evaluate(PUD_TEST)
    assert result["sentences"] == 1000
    assert result["overall"]["f1"] == pytest.approx(PUD_F1, abs=PUD_F1_TOLERANCE)
    assert "overall" in format_text(result)


# --------------------------------------------------------------------------- CLI


def test_cli_ner_evaluate_json_has_overall_and_by_label(tmp_path: Path, spaced_iob2: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["ner", "evaluate", str(spaced_iob2), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    scores = json.loads(result.output)
    assert set(scores["by_label"]) == {"PER", "LOC", "ORG"}
    assert set(scores["overall"]) >= {"p", "r", "f1"}
    assert scores["overall"]["tp"] + scores["overall"]["fn"] == 3  # the three gold LOC spans
    assert scores["sentences"] == 1


def test_cli_ner_evaluate_text_prints_a_table(spaced_iob2: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["ner", "evaluate", str(spaced_iob2)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{spaced_iob2}: 1 sentences, exact span and label"
    assert [line.split()[0] for line in lines[1:]] == ["label", "PER", "LOC", "ORG", "overall"]


def test_cli_ner_evaluate_missing_file_is_one_line_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    missing = tmp_path / "nope.iob2"
    result = CliRunner().invoke(main, ["ner", "evaluate", str(missing)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {missing}: no such file. Pass a UNER .iob2 file."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"doc": "x"}\n', "expected 'index<TAB>token<TAB>tag'"),
        (b"", "no IOB2 sentences in this file"),
        (b"1\t\xff\xfe\tO\n", "not UTF-8 text"),
        ("# text = 上海\n1\t上海\tX-LOC\t-\t-\n".encode(), "bad IOB2 tag 'X-LOC'"),
    ],
)
def test_cli_ner_evaluate_not_iob2_is_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    bad = tmp_path / "bad.iob2"
    bad.write_bytes(content)
    result = CliRunner().invoke(main, ["ner", "evaluate", str(bad)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith(f"Error: {bad}") and message in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(not GSDSIMP_TRAIN.is_file(), reason="UNER Chinese-GSDSIMP not available")
def test_cli_train_ner_tiny_slice_writes_a_model(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "model"
    result = CliRunner().invoke(main, ["train", "ner", "--out", str(out), "--seed", "1", "--limit", "30", "--no-gold", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Trained the NER model into {out} in ")
    assert load(out).meta["kg_training"]["seed"] == 1


def test_cli_train_ner_missing_gold_is_one_line_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    missing = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(main, ["train", "ner", "--out", str(tmp_path / "m"), "--gold", str(missing)])
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"Error: {missing}: no such file.")


def test_cli_ner_help_has_an_example() -> None:
    from click.testing import CliRunner

    from kg.cli import main

    for args in (["ner", "evaluate", "--help"], ["train", "ner", "--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        assert "Example:" in result.output and "kg " in result.output.split("Example:")[1]


# --------------------------------------------------------------------------- fusion with the rules


def _fusion():  # noqa: ANN202
    from kg.ner.fusion import NerComponent

    return NerComponent()


def test_fusion_fill_never_overlaps_a_rule_mention_and_types_spans() -> None:
    from kg.nlp.rules import Mention

    text = "国芯科技与株洲市市场监督管理局签约，局长钱俊君出席，会议在株洲举行。"
    rule = Mention(5, 15, "GovernmentAgency", "agency.suffix.v1", text[5:15])
    spans = [
        (0, 4, "ORG"),  # 国芯科技: no rule there -> a Company (no head word)
        (3, 8, "ORG"),  # overlaps the rule's agency -> dropped
        (20, 23, "PER"),  # 钱俊君 -> Person
        (29, 31, "LOC"),  # 株洲: known to the administrative divisions -> Place
        (26, 28, "LOC"),  # 会议在: not a place -> dropped
    ]
    from kg.ner.fusion import NerComponent

    # by default a model ORG span needs a head word the rules know: 国芯科技 has none
    assert [m.text for m in _fusion().fill(text, text, [rule], spans)] == ["钱俊君", "株洲"]
    added = NerComponent(org_needs_head=False).fill(text, text, [rule], spans)
    assert [(m.text, m.label, m.rule) for m in added] == [
        ("国芯科技", "Company", "ner.model.v1"),
        ("钱俊君", "Person", "ner.model.v1"),
        ("株洲", "Place", "ner.model.v1"),
    ]
    assert added[-1].attrs["place"]["name"] == "株洲市"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("株洲市市场监督管理局", "GovernmentAgency"),
        ("湖南大学", "Institution"),
        ("株洲高新区", "Park"),
        ("三一重工股份有限公司", "Company"),
    ],
)
def test_fusion_org_spans_are_typed_by_the_rules_org_type(name: str, expected: str) -> None:
    fusion = _fusion()
    mention = fusion.to_mention(name, name, 0, len(name), "ORG")
    assert mention is not None
    assert mention.label == fusion.rules.org_type(name, default="Company") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("中车株洲所", "Company"),  # a national group's short form (中车) and more: a member company
        ("国网湖南电力", "Company"),
        ("中车", None),  # the short form alone says nothing of which company
        ("中车株", None),  # one character past it is not a name
        ("北汽造车", None),  # no head word, no group form: too uncertain
    ],
)
def test_fusion_org_spans_led_by_a_group_short_form_are_companies(name: str, expected: str | None) -> None:
    mention = _fusion().to_mention(name, name, 0, len(name), "ORG")
    assert (mention.label if mention else None) == expected


def test_fusion_typed_org_takes_in_place_names_wholly_inside_it() -> None:
    from kg.nlp.rules import Mention

    text = "中车株洲所近年来主导制定标准13项，株洲移动和湖南联通共同研发。"
    place = "place.admin_division.v1"
    mentions = [
        Mention(2, 4, "Place", place, "株洲"),
        Mention(18, 20, "Place", place, "株洲"),
        Mention(23, 25, "Place", place, "湖南"),
    ]
    spans = [
        (0, 5, "ORG"),  # 中车株洲所: a group member holding the place 株洲 -> taken in
        (18, 24, "ORG"),  # 株洲移动和湖: cuts the place 湖南 -> dropped
        (18, 20, "LOC"),  # a LOC span never replaces the place rule's mention
    ]
    fusion = _fusion()
    added = fusion.fill(text, text, mentions, spans)
    assert [(m.text, m.label) for m in added] == [("中车株洲所", "Company")]
    kept = fusion.absorbed(mentions, added)
    assert [(m.start, m.text) for m in kept] == [(18, "株洲"), (23, "湖南")]
    # a mention of any other rule is never taken in
    agency = Mention(2, 4, "GovernmentAgency", "agency.suffix.v1", "株洲")
    assert fusion.fill(text, text, [agency], spans[:1]) == []


def test_fusion_person_spans_need_a_surname_and_no_place_ending() -> None:
    fusion = _fusion()
    found = {name: fusion.to_mention(name, name, 0, len(name), "PER") for name in ("孙成平", "护康", "石峰站", "湖南省")}
    assert {name: m.label if m else None for name, m in found.items()} == {
        "孙成平": "Person",
        "护康": None,
        "石峰站": None,
        "湖南省": None,
    }


def test_fusion_gate_reads_only_windows_around_open_words() -> None:
    from kg.nlp.rules import Mention

    import jieba

    text = "今年经济平稳增长，国芯科技成功创建省级创新中心；株洲中车时代电气股份有限公司获奖。"
    words = [(a, b) for _, a, b in jieba.tokenize(text)]
    rule_start = text.index("株洲中车")
    rule = Mention(rule_start, text.index("获奖"), "Company", "org.suffix.v1", "")
    clauses = _fusion().open_clauses(text, [rule], words)
    # the open word 国芯 (unknown to jieba) is read with WINDOW characters of its clause around
    # it; the clause of known words and the rule's name are not read
    from kg.ner.fusion import WINDOW

    start = text.index("国芯")
    assert [(s, e) for s, e in clauses] == [(start, min(start + WINDOW, text.index("；") + 1))]
    assert "今年" not in "".join(text[s:e] for s, e in clauses)


SEED_SENTENCES = [
    ("000_66955eca26816a37", 0, 400),
    ("001_bfa9c6f1daf1a010", 0, 600),
    ("002_4cbe676130c98876", 0, 500),
    ("003_bcbdc7e4ef3b0b1e", 200, 700),
    ("004_ed2ff3182028a480", 0, 500),
]


@pytest.mark.parametrize(("doc_id", "start", "end"), SEED_SENTENCES)
def test_fusion_keeps_the_rules_entities_on_seed_sentences(
    doc_id: str, start: int, end: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.nlp import extract_text
    from kg.reading import read_report

    text = read_report(Path(__file__).parents[1] / "seeds" / f"{doc_id}.txt").text[start:end]
    monkeypatch.setenv("KG_NER", "0")
    rules_only = extract_text(text, doc_id)
    monkeypatch.setenv("KG_NER", "1")
    fused = extract_text(text, doc_id)

    def mentions(result: dict) -> set[tuple[str, int, int]]:
        return {(e["type"], s, t) for e in result["entities"] for s, t in e["mentions"]}

    # every rule mention is kept, but for a place name the fused result reads as part of an
    # organisation's name (株洲 in 中车株洲所)
    fused_orgs = [(s, t) for kind, s, t in mentions(fused) if kind not in ("Place", "Person")]
    lost = mentions(rules_only) - mentions(fused)
    assert all(kind == "Place" and any(a <= s and t <= b for a, b in fused_orgs) for kind, s, t in lost), lost


def test_data_replace_mentions_swaps_names_of_the_same_label_deterministically() -> None:
    from kg.ner.data import Sentence, replace_mentions

    sentences = [
        Sentence("a", "张伟在北京工作。", [(0, 2, "PER"), (3, 5, "LOC")]),
        Sentence("b", "欧阳娜娜访问上海市。", [(0, 4, "PER"), (6, 9, "LOC")]),
        Sentence("c", "今天下雨。", []),
    ]
    out = replace_mentions(sentences, copies=2, seed=1)
    assert out == replace_mentions(sentences, copies=2, seed=1)
    assert len(out) == 4  # two copies of each sentence with entities, none of the one without
    names = {"PER": {"张伟", "欧阳娜娜"}, "LOC": {"北京", "上海市"}}
    for sentence in out:
        assert [label for _, _, label in sentence.spans] == ["PER", "LOC"]
        for start, end, label in sentence.spans:
            assert sentence.text[start:end] in names[label]
        assert sentence.text.endswith("。")


def test_training_refuses_reports_of_the_locked_held_out_split(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main
    from kg.ner.train import HELDOUT_IDS, real_gold_ids

    if not HELDOUT_IDS.is_file():
        pytest.skip("tests/gold/real-heldout.ids not found")
    locked = HELDOUT_IDS.read_text(encoding="utf-8").split()[0]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": locked, "entities": [], "relations": []}) + "\n", encoding="utf-8")
    with pytest.raises(KgError, match="held-out"):
        real_gold_ids(gold)
    result = CliRunner().invoke(main, ["train", "ner", "--out", str(tmp_path / "m"), "--no-gold", "--real-gold", str(gold), "--limit", "10"])
    assert result.exit_code != 0 and "held-out" in result.output and len(result.output.strip().splitlines()) == 1, result.output


@pytest.mark.skipif(not GSDSIMP_TRAIN.is_file(), reason="UNER Chinese-GSDSIMP not available")
def test_cli_train_ner_with_the_real_dev_gold_records_it(tmp_path: Path, corpus_docs: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "model"
    args = ["train", "ner", "--out", str(out), "--no-gold", "--real-gold", str(root / "tests" / "gold" / "real-dev.jsonl"),
            "--real-reports", str(corpus_docs), "--limit", "30", "--quiet"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    meta = load(out).meta
    assert meta["kg_training"]["real_gold"]["reports"] == 225
    assert meta["kg_training"]["train_sentences"]["real_gold"] > 1000
    assert any("real-report gold" in source["name"] for source in meta["sources"])
    assert meta["license"] == "CC BY-SA 4.0"


def test_a_districts_short_name_is_no_person_the_model_may_add():
    from kg.nlp import extract_text

    names = {(e["type"], e["name"]) for e in extract_text("石峰站：联系电话请咨询谭站长。")["entities"]}
    assert ("Person", "石峰") not in names
