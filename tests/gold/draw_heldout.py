"""Draws the locked held-out split of the real corpus (issue 11), once, before anyone reads it.

Stratified by (topic, script) from ../shared/corpus/index.tsv: a quarter of each stratum, at
least one report per stratum, drawn with a fixed seed so the draw can be checked. The ids it
wrote on its one run are in real-heldout.ids; never draw again (the split is locked).
Usage: python tests/gold/draw_heldout.py ../shared/corpus/index.tsv > tests/gold/real-heldout.ids
"""
import csv
import random
import sys
from collections import defaultdict

SEED = 20261207
FRACTION = 0.25

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
strata = defaultdict(list)
for row in rows:
    strata[(row["topic"], row["script"])].append(row["id"])
rng = random.Random(SEED)
chosen = []
for key in sorted(strata):
    ids = sorted(strata[key])
    chosen += rng.sample(ids, max(1, round(len(ids) * FRACTION)))
print("\n".join(sorted(chosen)))
