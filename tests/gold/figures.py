"""Prints the real-gold figures as Markdown tables for the README: rules alone and with the NER.

Runs ``kg eval`` (the contract's scoring) on a gold file against the real reports, with
``KG_NER=0``, with ``KG_NER=1`` (as shipped) and with the NER but the relation scorer off
(``KG_RELATION_SCORER=0``), and prints overall, by topic, script, entity type and
predicate. Aggregates only: no per-report errors (the held-out split's are never read).
Usage: python tests/gold/figures.py tests/gold/real-dev.jsonl [--corpus ../shared/corpus]
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

parser = argparse.ArgumentParser()
parser.add_argument("gold")
parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[3] / "shared" / "corpus"))
args = parser.parse_args()
kg = [sys.executable, "-m", "kg.cli"]  # the kg on PYTHONPATH (a checkout of another commit can be measured)
runs = {}
for mode, env in (("0", {"KG_NER": "0"}), ("1", {"KG_NER": "1"}), ("noscorer", {"KG_NER": "1", "KG_RELATION_SCORER": "0"})):
    out = subprocess.run(
        [*kg, "eval", "--gold", args.gold, f"{args.corpus}/docs", "--by", "topic", "--by", "script",
         "--index", f"{args.corpus}/index.tsv", "--format", "json"],
        env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout
    runs[mode] = json.loads(out)


def prf(fig):
    return f"{fig['p']:.3f} / {fig['r']:.3f} / {fig['f1']:.3f}"


off, on = runs["0"], runs["1"]
n = len(off["per_doc"])
print(f"{args.gold}: {n} reports. P / R / F1\n")
print("| | rules alone | with the NER (as shipped) | with the NER, relation scorer off |\n|---|---|---|---|")
for kind in ("entity", "relation", "strict"):
    print(f"| {kind} | {prf(off[kind])} | {prf(on[kind])} | {prf(runs['noscorer'][kind])} |")
for column in ("topic", "script"):
    print(f"\n| {column} | reports | entity F1 | relation F1 | strict F1 | entity F1 (NER) | relation F1 (NER) | strict F1 (NER) |\n|---|---|---|---|---|---|---|---|")
    for label, fig in off["by_group"][column].items():
        f2 = on["by_group"][column][label]
        print(f"| {label} | {fig['reports']} | {fig['entity']['f1']:.3f} | {fig['relation']['f1']:.3f} | "
              f"{fig['strict']['f1']:.3f} | {f2['entity']['f1']:.3f} | {f2['relation']['f1']:.3f} | {f2['strict']['f1']:.3f} |")
print("\n| type | gold | P / R / F1 rules alone | with the NER |\n|---|---|---|---|")
for label, fig in off["by_type"].items():
    print(f"| {label} | {fig['tp'] + fig['fn']} | {prf(fig)} | {prf(on['by_type'].get(label, fig))} |")
print("\n| predicate | gold | P / R / F1 | strict P / R / F1 | with the NER: F1, strict F1 |\n|---|---|---|---|---|")
for label, fig in off["by_predicate"].items():
    strict = {k.removeprefix("strict_"): v for k, v in fig.items() if k.startswith("strict_")}
    g = on["by_predicate"].get(label, fig)
    print(f"| {label} | {fig['tp'] + fig['fn']} | {prf(fig)} | {prf(strict)} | {g['f1']:.3f}, {g['strict_f1']:.3f} |")

# Strict misses as aggregates: which qualifier of a leniently matched relation is missing or
# different (a year by how far it is off), so a split's qualifier convention shows without reading
# any of its reports' errors one by one.
from kg.eval import _qualifier_value  # noqa: E402  (the scorer's own comparison)

misses: dict[tuple[str, str, str], int] = {}
for doc in on["per_doc"].values():
    for pair in doc["errors"].get("qualifier_mismatches", []):
        gold_rel, pred_rel = pair["gold"], pair["pred"]
        for key in ("year", "edition", "grade", "count"):
            expected, got = gold_rel.get(key), pred_rel.get(key)
            if expected is None or _qualifier_value(key, expected) == _qualifier_value(key, got):
                continue
            if got is None:
                kind = "missing"
            elif key == "year" and str(got).isdigit() and str(expected).isdigit():
                kind = f"off by {int(got) - int(expected):+d}"
            else:
                kind = "different"
            label = (gold_rel["predicate"], key, kind)
            misses[label] = misses.get(label, 0) + 1
print("\n| predicate | qualifier | strict miss (as shipped) | relations |\n|---|---|---|---|")
for (predicate, key, kind), count in sorted(misses.items(), key=lambda item: -item[1]):
    print(f"| {predicate} | {key} | {kind} | {count} |")

# Missed relations by cause, as aggregates: whether the relation was lost with one of its
# entities (the entity itself was missed) or with both entities found; and recall by the pair of
# entity types. Tells, without reading any report's errors, whether a predicate's misses call for
# entity work or relation work.
gold_types: dict[tuple[str, str], str] = {}
with open(args.gold, encoding="utf-8") as handle:
    for line in handle:
        report = json.loads(line)
        for entity in report["entities"]:
            for name in (entity["name"], *entity.get("aliases", [])):
                gold_types[(report["doc"], name)] = entity["type"]
causes: dict[tuple[str, str], int] = {}
pair_missed: dict[tuple[str, str, str], int] = {}
for doc_id, doc in on["per_doc"].items():
    lost = {name for entity in doc["errors"].get("missed_entities", [])
            for name in (entity["name"], *entity.get("aliases", []))}
    for rel in doc["errors"].get("missed_relations", []):
        s_lost, o_lost = rel["subject"] in lost, rel["object"] in lost
        cause = ("both entities missed" if s_lost and o_lost else "subject missed" if s_lost
                 else "object missed" if o_lost else "entities found")
        causes[(rel["predicate"], cause)] = causes.get((rel["predicate"], cause), 0) + 1
        pair = (rel["predicate"], gold_types.get((doc_id, rel["subject"]), "?"), gold_types.get((doc_id, rel["object"]), "?"))
        pair_missed[pair] = pair_missed.get(pair, 0) + 1
print("\n| predicate | missed relation's cause (as shipped) | relations |\n|---|---|---|")
for (predicate, cause), count in sorted(causes.items(), key=lambda item: (item[0][0], -item[1])):
    print(f"| {predicate} | {cause} | {count} |")
print("\n| predicate | subject type | object type | missed (as shipped) |\n|---|---|---|---|")
for (predicate, s_type, o_type), count in sorted(pair_missed.items(), key=lambda item: (item[0][0], -item[1])):
    print(f"| {predicate} | {s_type} | {o_type} | {count} |")
