"""NER data: UNER ``.iob2`` files and seed gold turned into character-level spaCy ``Doc``s.

Owns: reading UNER (Universal NER v1) ``.iob2`` files, aligning their word tokens to the
``# text =`` line to get character offsets, length-preserving Traditional -> Simplified
conversion, sentence splitting with exact offsets, the optional in-domain examples taken from
the contract gold (``tests/gold/seeds.jsonl``, tuning split only) and writing ``DocBin``s.
Hands on: ``Doc``s on the character tokenizer of ``spacy.blank("zh")`` (segmenter ``char``) with
``PER``/``LOC``/``ORG`` entity spans, for ``train`` and ``evaluate``.
Must not: read the check split of the seed gold (``002_…``, ``004_…``), or change a text in a way
that moves offsets.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..errors import KgError

LABELS = ("PER", "LOC", "ORG")

#: Where the UNER copies live; ``KG_UNER_DIR`` overrides it.
#: (default: ``shared/data`` beside the clone, where the project's data folder lives)
UNER_DIR = Path(os.environ.get("KG_UNER_DIR", str(Path(__file__).resolve().parents[4] / "shared" / "data")))
GSDSIMP_TRAIN = UNER_DIR / "uner-zh-gsdsimp" / "zh_gsdsimp-ud-train.iob2"
GSDSIMP_DEV = UNER_DIR / "uner-zh-gsdsimp" / "zh_gsdsimp-ud-dev.iob2"
GSDSIMP_TEST = UNER_DIR / "uner-zh-gsdsimp" / "zh_gsdsimp-ud-test.iob2"
PUD_TEST = UNER_DIR / "uner-zh-pud" / "zh_pud-ud-test.iob2"

#: Seed reports whose gold may be used for training (the tuning split).
TUNING_DOC_IDS = ("000_66955eca26816a37", "001_bfa9c6f1daf1a010", "003_bcbdc7e4ef3b0b1e")
#: Seed reports kept for checking; their gold must never reach training.
CHECK_DOC_PREFIXES = ("002_", "004_")

#: Contract entity types (ANNOTATION.md) -> UNER labels. Award and Standard have no UNER label.
GOLD_TYPE_TO_LABEL = {
    "Person": "PER",
    "Place": "LOC",
    "Company": "ORG",
    "GovernmentAgency": "ORG",
    "Institution": "ORG",
    "StandardsBody": "ORG",
    "Park": "ORG",
}

# A sentence ends after one of these (plus any closing quotes/brackets), or at a line break.
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)\"']*|\n+")
#: Longer pieces are cut again at commas, then hard, so that no piece exceeds this many chars.
MAX_SENTENCE_CHARS = 300
_SOFT_BREAK = re.compile(r"[，,、：:]")

Span = tuple[int, int, str]


@dataclass
class Sentence:
    """One annotated sentence: its text and entity spans as character offsets."""

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------- text helpers


def to_simplified(text: str) -> str:
    """Convert Traditional to Simplified characters without changing the length.

    zhconv converts phrase by phrase; if that changes the length anywhere, convert one
    character at a time and keep any character whose conversion is not one character.

    >>> to_simplified("奧巴馬在臺北發表演說")
    '奥巴马在台北发表演说'
    """
    converted = _zh_cn(text)
    if len(converted) == len(text):
        return converted
    out = []
    for char in text:
        one = _zh_cn(char)
        out.append(one if len(one) == 1 else char)
    return "".join(out)


def _zh_cn(text: str) -> str:
    import zhconv

    return zhconv.convert(text, "zh-cn")


def split_sentences(text: str, *, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; white space at the edges is left out.

    Pieces longer than ``max_chars`` are cut again at commas, then every ``max_chars``.

    >>> text = "株洲是城市。刘可安在北京。\\n第二行"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['株洲是城市。', '刘可安在北京。', '第二行']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.extend(_cut_long(text, start, match.end(), max_chars))
        start = match.end()
    spans.extend(_cut_long(text, start, len(text), max_chars))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    start, end = _strip_span(text, start, end)
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cuts = [m.end() for m in _SOFT_BREAK.finditer(window)]
        cut = start + (cuts[-1] if cuts and cuts[-1] > max_chars // 3 else max_chars)
        piece = _strip_span(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start, end = _strip_span(text, cut, end)
    if start < end:
        yield start, end


# --------------------------------------------------------------------------- UNER .iob2


def align_tokens(text: str, tokens: Sequence[str], *, where: str = "") -> list[tuple[int, int]]:
    """Character offsets of ``tokens`` in ``text``; only white space may lie between tokens.

    >>> align_tokens("Thomas Edison 发明", ["Thomas", "Edison", "发明"])
    [(0, 6), (7, 13), (14, 16)]
    """
    offsets = []
    cursor = 0
    for token in tokens:
        start = text.find(token, cursor)
        if start < 0 or text[cursor:start].strip():
            raise KgError(
                f"{where}: token {token!r} not found after offset {cursor} of the '# text' line. "
                "Check that the file is an unchanged UNER .iob2 file."
            )
        offsets.append((start, start + len(token)))
        cursor = start + len(token)
    return offsets


def read_iob2(path: str | Path, *, simplify: bool = False) -> list[Sentence]:
    """Read a UNER ``.iob2`` file into sentences with character-offset entity spans.

    ``simplify`` converts the text to Simplified characters (offsets do not move).
    """
    path = Path(path)
    if not path.is_file():
        raise KgError(f"{path}: no such file. Pass a UNER .iob2 file.")
    sentences: list[Sentence] = []
    try:
        for block_no, block in enumerate(_iob2_blocks(path)):
            sent_id, text, rows = block
            where = f"{path}: sentence {sent_id or block_no + 1}"
            if text is None:
                text = " ".join(token for token, _ in rows)
            offsets = align_tokens(text, [token for token, _ in rows], where=where)
            spans = _bio_to_spans([tag for _, tag in rows], offsets, where=where)
            if simplify:
                text = to_simplified(text)
            sentences.append(Sentence(sent_id or str(block_no + 1), text, spans))
    except UnicodeDecodeError as err:
        raise KgError(f"{path}: not UTF-8 text ({err.reason}). Pass a UNER .iob2 file.") from err
    if not sentences:
        raise KgError(f"{path}: no IOB2 sentences in this file. Pass a UNER .iob2 file.")
    return sentences


def _iob2_blocks(path: Path) -> Iterator[tuple[str, str | None, list[tuple[str, str]]]]:
    sent_id, text, rows = "", None, []
    with path.open(encoding="utf-8") as lines:
        for line_no, raw in enumerate(lines, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if rows:
                    yield sent_id, text, rows
                sent_id, text, rows = "", None, []
            elif line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = ") :]
            elif line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                if len(cols) < 3:
                    raise KgError(f"{path}:{line_no}: expected 'index<TAB>token<TAB>tag', got {line!r}.")
                rows.append((cols[1], cols[2]))
    if rows:
        yield sent_id, text, rows


def _bio_to_spans(tags: Sequence[str], offsets: Sequence[tuple[int, int]], *, where: str) -> list[Span]:
    """IOB2 tags over tokens -> character spans. A stray ``I-`` starts a new entity."""
    spans: list[Span] = []
    current: list = []  # [start, end, label]
    for tag, (start, end) in zip(tags, offsets):
        if tag == "O" or tag == "_":
            if current:
                spans.append(tuple(current))  # type: ignore[arg-type]
            current = []
            continue
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I") or not label:
            raise KgError(f"{where}: bad IOB2 tag {tag!r}.")
        if prefix == "I" and current and current[2] == label:
            current[1] = end
        else:
            if current:
                spans.append(tuple(current))  # type: ignore[arg-type]
            current = [start, end, label]
    if current:
        spans.append(tuple(current))  # type: ignore[arg-type]
    return [span for span in spans if span[2] in LABELS]


# --------------------------------------------------------------------------- Docs


@lru_cache(maxsize=1)
def blank_nlp() -> Language:
    """``spacy.blank("zh")`` with its default character segmenter."""
    return spacy.blank("zh")


def make_doc(sentence: Sentence, *, nlp: Language | None = None) -> Doc:
    """A character-tokenised ``Doc`` with the sentence's spans as ``doc.ents``."""
    nlp = nlp or blank_nlp()
    doc = nlp.make_doc(sentence.text)
    ents = []
    for start, end, label in sentence.spans:
        start, end = _strip_span(sentence.text, start, end)
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            raise KgError(
                f"sentence {sentence.id}: span {start}-{end} {sentence.text[start:end]!r} "
                "does not fall on character tokens."
            )
        ents.append(span)
    doc.ents = ents
    return doc


def replace_mentions(
    sentences: Sequence[Sentence], *, copies: int, seed: int, pool: dict[str, Sequence[str]] | None = None
) -> list[Sentence]:
    """``copies`` new sentences per sentence with entities, each entity replaced by another of
    the same label drawn from ``pool`` (label -> names; by default the names the sentences
    themselves hold), deterministic for ``seed``: the "mention replacement" augmentation of Dai
    and Adel (COLING 2020), which shows the model more names in the same contexts."""
    import random

    rng = random.Random(seed)
    if pool is None:
        names: dict[str, set[str]] = {}
        for sentence in sentences:
            for start, end, label in sentence.spans:
                names.setdefault(label, set()).add(sentence.text[start:end])
        pool = {label: sorted(values) for label, values in names.items()}
    out: list[Sentence] = []
    for sentence in sentences:
        if not sentence.spans:
            continue
        for copy in range(copies):
            pieces: list[str] = []
            spans: list[Span] = []
            cut = 0
            for start, end, label in sorted(sentence.spans):
                choices = pool.get(label) or [sentence.text[start:end]]
                name = rng.choice(choices)
                pieces.append(sentence.text[cut:start])
                begin = sum(map(len, pieces))
                pieces.append(name)
                spans.append((begin, begin + len(name), label))
                cut = end
            pieces.append(sentence.text[cut:])
            out.append(Sentence(f"{sentence.id}~mr{copy}", "".join(pieces), spans))
    return out


def iob2_docs(path: str | Path, *, simplify: bool = True, nlp: Language | None = None) -> list[Doc]:
    """Docs for every sentence of a UNER ``.iob2`` file (Simplified by default)."""
    return [make_doc(sentence, nlp=nlp) for sentence in read_iob2(path, simplify=simplify)]


def write_docbin(docs: Iterable[Doc], output: str | Path) -> int:
    """Write docs to a ``.spacy`` file; return how many."""
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(output)
    return count


# --------------------------------------------------------------------------- seed gold


def extra_examples(
    gold_path: str | Path,
    doc_ids: Sequence[str] = TUNING_DOC_IDS,
    *,
    reports_dir: str | Path,
    nlp: Language | None = None,
) -> list[Doc]:
    """In-domain training docs from the contract gold JSONL, one per sentence of each report.

    Types map to UNER labels by ``GOLD_TYPE_TO_LABEL``; Award and Standard are left out (their
    text counts as outside any entity). Mentions come from ``mentions``; an entity listed without
    mentions is found by searching its name and aliases. Overlapping mentions keep the longest.
    Refuses check-split ids.
    """
    bad = [doc_id for doc_id in doc_ids if doc_id.startswith(CHECK_DOC_PREFIXES)]
    if bad:
        raise KgError(f"{', '.join(bad)}: check-split reports must not be used for training.")
    from ..reading import read_report

    gold = _read_gold(Path(gold_path))
    docs: list[Doc] = []
    for doc_id in doc_ids:
        if doc_id not in gold:
            raise KgError(f"{gold_path}: no record for {doc_id!r}.")
        text = read_report(Path(reports_dir) / f"{doc_id}.txt").text
        spans = _gold_spans(gold[doc_id], text)
        for start, end in split_sentences(text):
            inside = [(s - start, e - start, lab) for s, e, lab in spans if start <= s and e <= end]
            sentence = Sentence(f"{doc_id}:{start}", to_simplified(text[start:end]), inside)
            docs.append(make_doc(sentence, nlp=nlp))
    return docs


def _read_gold(path: Path) -> dict[str, dict]:
    if not path.is_file():
        raise KgError(f"{path}: no such file. Pass the seed gold JSONL (see ANNOTATION.md).")
    records = {}
    with path.open(encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise KgError(f"{path}:{line_no}: not JSON ({err.msg}).") from err
            records[record["doc"]] = record
    return records


def _gold_spans(record: dict, text: str) -> list[Span]:
    candidates: list[Span] = []
    for entity in record.get("entities", []):
        label = GOLD_TYPE_TO_LABEL.get(entity.get("type", ""))
        if label is None:
            continue
        mentions = entity.get("mentions") or []
        if mentions:
            # Listed mentions are complete: occurrences left out on purpose (inside another
            # name, a slogan, a newspaper title) must stay outside any entity.
            candidates.extend((int(s), int(e), label) for s, e in mentions)
            continue
        for name in {entity.get("name", ""), *entity.get("aliases", [])}:
            if name:
                candidates.extend((m.start(), m.end(), label) for m in re.finditer(re.escape(name), text))
    # Longest first, then earliest; drop anything overlapping a kept span.
    kept: list[Span] = []
    taken: set[int] = set()
    for start, end, label in sorted(set(candidates), key=lambda s: (s[0] - s[1], s[0])):
        start, end = _strip_span(text, start, end)
        if start >= end or taken.intersection(range(start, end)):
            continue
        kept.append((start, end, label))
        taken.update(range(start, end))
    return sorted(kept)
