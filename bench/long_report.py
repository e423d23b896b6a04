"""Benchmark: one very long report with no sentence stop against the same text in sentences.

Joins the real reports of ``../shared/corpus/docs`` (read at run time, never stored) into one
report of ``--chars`` characters (repeating them as needed) and times ``kg``'s extraction of:

* ``sentences``: that text as it is (ordinary sentences, lines, paragraphs);
* ``no stop``: the same text with every sentence stop (。！？!?；;) removed;
* ``no punctuation``: the same text with every stop, comma, enumeration mark, colon and line
  break removed (the worst case: the pieces are cut at a change of script or at the cap).

Goal (issue 14): ``no stop`` takes under 2x the time of ``sentences``. CPU time of the process,
best of ``--repeat`` runs. Prints a table and, with ``--json FILE``, writes the figures.

    python bench/long_report.py [--chars 1000000] [--repeat 1] [--json build/bench-long.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def corpus_text(chars: int, corpus: Path = CORPUS) -> str:
    files = sorted(corpus.glob("*.txt"))
    if not files:
        sys.exit(f"no reports under {corpus}: this benchmark reads the shared corpus at run time")
    texts = [f.read_text(encoding="utf-8") for f in files]
    out, total, k = [], 0, 0
    while total < chars:
        out.append(texts[k % len(texts)])
        total += len(out[-1])
        k += 1
    return "\n".join(out)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    from kg.nlp import extract_text, make_nlp
    from kg.nlp.segment import PIECE_CHARS, pieces

    make_nlp()("预热，钱俊君")
    base = corpus_text(args.chars, args.corpus)
    variants = {
        "sentences": base,
        "no stop": re.sub(r"[。！？!?；;]", "", base),
        "no punctuation": re.sub(r"[。！？!?；;，、,：:\n]", "", base),
    }
    rows = {}
    for name, text in variants.items():
        best = None
        for _ in range(args.repeat):
            t0 = time.process_time()
            result = extract_text(text, "long")
            dt = time.process_time() - t0
            best = dt if best is None else min(best, dt)
        spans = pieces(text)
        rows[name] = {"chars": len(text), "seconds": round(best, 2), "chars_per_s": round(len(text) / best),
                      "pieces": len(spans), "longest_piece": max(e - s for s, e in spans),
                      "entities": len(result["entities"]), "relations": len(result["relations"])}
        print(f"{name:<15} {len(text):>10,} chars  {best:8.2f} s  {len(text) / best:10,.0f} chars/s  "
              f"{len(spans):5} pieces (<= {PIECE_CHARS})  {rows[name]['entities']:6} entities", flush=True)
    ratio = rows["no stop"]["seconds"] / rows["sentences"]["seconds"]
    worst = rows["no punctuation"]["seconds"] / rows["sentences"]["seconds"]
    print(f"no stop / sentences: {ratio:.2f}x (goal < 2x); no punctuation / sentences: {worst:.2f}x")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": rows, "ratio_no_stop": round(ratio, 2), "ratio_no_punctuation": round(worst, 2)}, indent=2))


if __name__ == "__main__":
    main()
