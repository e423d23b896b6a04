"""Benchmark: extraction throughput against the jieba tokenizer alone.

Times the full ``kg extract`` pipeline over the seed reports repeated to at least 1 MB of text
and, in the same run and on the same text, spaCy's ``blank("zh")`` jieba tokenizer alone. Prints
characters per second for both and their ratio (goal: the extractor keeps >= 1/3 of the
tokenizer's throughput without the NER model, >= 1/4 with it).

``--ner on|off|both`` times extraction with the statistical NER model (the ``kg_ner``
component), without it (``KG_NER=0``), or both in turn (the default).

    python bench/extract.py [--min-chars 1000000] [--seeds seeds/] [--ner both] [--repeat 2]
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

import jieba
import spacy

from kg.nlp import extract_many, make_nlp
from kg.reading import Report, iter_reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-chars", type=int, default=1_000_000, help="repeat the seeds until this many characters")
    parser.add_argument("--seeds", default=str(Path(__file__).resolve().parents[1] / "seeds"))
    parser.add_argument("--ner", choices=["on", "off", "both"], default="both", help="time extraction with the NER model, without it, or both")
    parser.add_argument("--repeat", type=int, default=2, help="time each side this many times and keep the best")
    args = parser.parse_args()
    jieba.setLogLevel(logging.WARNING)

    seeds = list(iter_reports([args.seeds]))
    reports: list[Report] = []
    total = 0
    while total < args.min_chars:
        for r in seeds:
            reports.append(Report(id=f"{r.id}_{len(reports)}", text=r.text))
            total += len(r.text)

    tokenizer = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp = make_nlp()
    modes = ["off", "on"] if args.ner == "both" else [args.ner]
    for mode in modes:  # load dictionaries and the model before timing
        os.environ["KG_NER"] = "1" if mode == "on" else "0"
        tokenizer("预热"), nlp("预热，钱俊君")

    # CPU time of this process, best of --repeat runs: another process on the machine slows the
    # wall clock of both sides unevenly (figures swung by a third between runs on wall time)
    def best(run) -> tuple[float, int]:
        times, result = [], 0
        for _ in range(args.repeat):
            t0 = time.process_time()
            result = run()
            times.append(time.process_time() - t0)
        return min(times), result

    t_tok, ntok = best(lambda: sum(len(tokenizer(r.text)) for r in reports))
    tok_cps = total / t_tok
    print(f"text: {len(reports)} reports, {total:,} characters ({ntok:,} jieba tokens); best of {args.repeat}, CPU time")
    print(f"tokenizer only : {tok_cps:12,.0f} chars/s  ({t_tok:.2f} s)")

    for mode in modes:
        os.environ["KG_NER"] = "1" if mode == "on" else "0"
        t_ext, nent = best(lambda: sum(len(res["entities"]) for res in extract_many(reports)))
        ext_cps = total / t_ext
        goal = 0.25 if mode == "on" else 0.33
        print(f"kg extract, NER {mode:<3}: {ext_cps:12,.0f} chars/s  ({t_ext:.2f} s, {nent:,} entities)")
        print(f"ratio, NER {mode:<3}     : {ext_cps / tok_cps:.2f} of the tokenizer's throughput (goal >= {goal})")


if __name__ == "__main__":
    main()
