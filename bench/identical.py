"""Check: does a change of the extractor leave its output byte for byte as it was?

Extracts one fixed set of inputs to JSONL with whatever ``kg`` is first on ``PYTHONPATH``, so run
it once with the base commit's ``src`` and once with yours, and compare the two files with ``cmp``:

* the 225 development reports (ids in ``tests/gold/real-dev.jsonl``, text read at run time from
  ``../shared/corpus/docs``, never stored);
* the seed reports (``seeds/*.txt``);
* the reports of ``bench/generate.py`` in ``--generated DIR`` (make them with
  ``python bench/generate.py --reports 100 --out DIR --seed 0``);
* the three long-report forms of ``bench/long_report.py`` (as is, no sentence stop, no
  punctuation) at ``--long-chars`` characters.

    git archive BASE | tar -x -C /tmp/base
    python bench/generate.py --reports 100 --out /tmp/gen --seed 0
    PYTHONPATH=/tmp/base/src python bench/identical.py --generated /tmp/gen/docs --out /tmp/base.jsonl
    PYTHONPATH=src python bench/identical.py --generated /tmp/gen/docs --out /tmp/mine.jsonl
    cmp /tmp/base.jsonl /tmp/mine.jsonl

Prints the CPU seconds of each part (for a rough before/after; alternate runs on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--generated", type=Path, help="a folder of bench/generate.py reports")
    parser.add_argument("--long-chars", type=int, default=60_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    args = parser.parse_args()

    from long_report import corpus_text

    from kg.nlp import extract_many
    from kg.reading import Report, read_report

    ids = [json.loads(line)["doc"] for line in (ROOT / "tests" / "gold" / "real-dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    parts: dict[str, list[Report]] = {
        "dev": [read_report(args.corpus / f"{i}.txt") for i in ids],
        "seeds": [read_report(p) for p in sorted((ROOT / "seeds").glob("*.txt"))],
    }
    if args.generated:
        parts["generated"] = [read_report(p) for p in sorted(args.generated.glob("*.txt"))]
    base = corpus_text(args.long_chars, args.corpus)
    parts["long"] = [Report(id="sentences", text=base),
                     Report(id="no-stop", text=re.sub(r"[。！？!?；;]", "", base)),
                     Report(id="no-punctuation", text=re.sub(r"[。！？!?；;，、,：:\n]", "", base))]
    with args.out.open("w", encoding="utf-8") as out:
        for name, reports in parts.items():
            t0 = time.process_time()
            n = 0
            for result in extract_many(reports):
                out.write(json.dumps(result, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
            print(f"{name:<10} {n:4} reports {time.process_time() - t0:7.2f} s CPU", flush=True)


if __name__ == "__main__":
    main()
