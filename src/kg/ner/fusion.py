"""NER fusion: the ``kg_ner`` pipeline component that adds the statistical model's entities to
the rules' mentions.

Owns: running the shipped NER model (``kg.ner.model``) over a report beside the entity rules,
turning its ``PER``/``LOC``/``ORG`` spans into kg ``Mention``s and merging them into
``doc._.kg_mentions``: the rules keep precedence (a model span that overlaps a rule mention is
dropped), model spans only fill what the rules left. One exception: a typed ``ORG`` span may
take in the place names the place lexicon found inside it (株洲 in 中车株洲所), because a
place word inside an organisation's name is part of that name, not a mention of the place.
An ``ORG`` span is typed Company / GovernmentAgency / Institution / StandardsBody / Park by the
entity rules' own ``EntityRules.org_type`` (the suffix patterns' head-word logic), or as a
Company when it begins with the short form of a national group (``group_prefixes.tsv``: 中车,
国网, ...) and goes on past it; a ``PER`` span becomes a Person, a ``LOC`` span a Place only
when the administrative-division data knows the name.
Hands on: ``doc._.kg_mentions`` for the table reader and the relation rules.
Must not: change or remove a rule mention other than a place name inside a typed ``ORG`` span;
load the model when it is switched off.

Speed: the model reads only the clauses (pieces of a sentence between commas, semicolons and
colons) where a name could still be found: those holding a word of two or more Han characters,
outside every rule mention, that jieba's dictionary does not know (a new word such as 国芯 or
左骏) or tags as a person or organisation name (``nr``, ``nt``, ...). ``gate = "all"`` reads everything.

Switching: the component's ``enabled`` setting in ``kg/data/pipeline.cfg``, overridden at run
time by the environment variable ``KG_NER`` (``KG_NER=0`` off, ``KG_NER=1`` on), so that the
same process can measure extraction with and without the model.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..nlp.rules import (
    CJK_RE,
    GENERIC_PLACE_NAMES,
    EntityRules,
    Mention,
    _people_tables,
    jieba_tags,
    place_table,
)
from ..nlp.passes import DOC_NUMBER_AFTER_RE, JOURNAL_AFTER_RE, SITE_AFTER_RE
from ..resources import load_tsv
from .data import split_sentences

RULE_ID = "ner.model.v1"
LABEL_TYPES = ("PER", "LOC", "ORG")
GATES = ("names", "all")
# jieba dictionary tags of person and organisation names (places are the place rules' work)
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nt"})
#: reports whose windows the model reads in one call (``NerComponent.pipe``)
READ_TOGETHER = 64
#: characters of context the model reads on each side of a word that may start a name
WINDOW = 8
_CLAUSE_END = re.compile(r"[，,；;：:]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
# last characters that make a "name" a facility or a place (芦淞站, 石峰路), not a person
_NOT_PERSON_END = frozenset("站路街巷村镇乡区县市省州厂局院所馆港桥山湖河江园城")
# a Chinese personal name: two to four Han characters, or a transliteration joined by ·
#: rules whose place mentions a model ORG span may take in (the lexicon's bare place names)
_INNER_PLACE_RULES = frozenset({"place.admin_division.v1"})
_PERSON_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})+")


@lru_cache(maxsize=1)
def _group_prefixes() -> re.Pattern[str]:
    prefixes = sorted((row[0] for row in load_tsv("group_prefixes.tsv")), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, prefixes)))


def _group_member(name: str) -> str:
    """``Company`` for a name that begins with a national group's short form and goes on past it
    (中车株洲所, 国网湖南电力), else ``""``."""
    m = _group_prefixes().match(name)
    return "Company" if m is not None and len(name) - m.end() >= 2 else ""


def ner_enabled(default: bool = True) -> bool:
    """Whether the model runs: ``KG_NER`` in the environment if set (``0``/``1``), else ``default``."""
    value = os.environ.get("KG_NER", "").strip().lower()
    if value in ("0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    return default


@Language.factory(
    "kg_ner",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_mentions"],
    default_config={
        "version": 1,
        "enabled": True,
        "model": None,
        "labels": list(LABEL_TYPES),
        "min_chars": 2,
        "max_org_chars": 30,
        "gate": "names",
        "org_needs_head": True,
    },
)
def make_ner(
    nlp: Language,
    name: str,
    version: int,
    enabled: bool,
    model: str | None,
    labels: list[str],
    min_chars: int,
    max_org_chars: int,
    gate: str,
    org_needs_head: bool,
) -> "NerComponent":
    return NerComponent(
        nlp,
        enabled=enabled,
        model=model,
        labels=labels,
        min_chars=min_chars,
        max_org_chars=max_org_chars,
        gate=gate,
        org_needs_head=org_needs_head,
    )


class NerComponent:
    """Adds model entities where the rules found none (see the module docstring)."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        enabled: bool = True,
        model: str | None = None,
        labels: Sequence[str] = LABEL_TYPES,
        min_chars: int = 2,
        max_org_chars: int = 30,
        gate: str = "names",
        org_needs_head: bool = True,
    ) -> None:
        if gate not in GATES:
            raise ValueError(f"kg_ner: gate must be one of {', '.join(GATES)}, got {gate!r}.")
        self.nlp = nlp
        self.gate = gate
        self.org_needs_head = org_needs_head
        self.enabled = enabled
        self.model_path = model
        self.labels = frozenset(labels)
        self.min_chars = min_chars
        self.max_org_chars = max_org_chars
        self._rules: EntityRules | None = None

    @property
    def rules(self) -> EntityRules:
        """The pipeline's own compiled entity rules (for ``org_type``), or a fresh set."""
        if self._rules is None:
            pipe = None
            if self.nlp is not None and "kg_entity_rules" in self.nlp.pipe_names:
                pipe = self.nlp.get_pipe("kg_entity_rules")
            self._rules = getattr(pipe, "rules", None) or EntityRules()
        return self._rules

    def __call__(self, doc: Doc) -> Doc:
        if not ner_enabled(self.enabled):
            return doc
        read = self._read(doc)
        return self._merge(doc, read, self.predict(read[1], read[4]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """``__call__`` over ``docs``, with the model reading the windows of ``READ_TOGETHER``
        (or ``batch_size``, if more) reports in one call: one report has only a few windows (3
        on average over the dev reports), and the model's fixed cost per call was half its time
        (over the dev reports, 0.73 s CPU one call per report, 0.38 s per 16, 0.33 s per 64). A
        window's spans do not depend on the others read with it (the same, span for span, as
        one call each)."""
        if not ner_enabled(self.enabled):
            yield from docs
            return
        for batch in minibatch(docs, size=max(READ_TOGETHER, batch_size)):
            reads = [self._read(doc) for doc in batch]
            found = self.predict_many([(read[1], read[4]) for read in reads])
            for doc, read, spans in zip(batch, reads, found):
                yield self._merge(doc, read, spans)

    def _read(self, doc: Doc) -> tuple[str, str, list[Mention], list[tuple[int, int]], list[tuple[int, int]]]:
        """``(text, shadow, mentions, words, pieces)`` of ``doc``: what the model must read."""
        text = doc._.kg_text if doc._.kg_text is not None else doc.text
        sh = doc._.kg_shadow if doc._.kg_shadow is not None else text
        mentions = list(doc._.kg_mentions or [])
        if doc._.kg_words is not None:  # the words the entity rules read (of the shadow text)
            words = list(zip(*doc._.kg_words))
        else:
            from ..nlp import _shadow_bounds

            words = list(zip(*_shadow_bounds(doc, text, sh)))
        pieces = split_sentences(sh) if self.gate == "all" else self.open_clauses(sh, mentions, words)
        return text, sh, mentions, words, pieces

    def _merge(self, doc: Doc, read: tuple[Any, ...], spans: list[tuple[int, int, str]]) -> Doc:
        text, sh, mentions, words, _ = read
        extra = self.fill(text, sh, mentions, spans, words=words)
        if extra:
            doc._.kg_mentions = sorted(self.absorbed(mentions, extra) + extra, key=lambda m: (m.start, m.end))
        return doc

    def open_clauses(
        self, sh: str, mentions: Sequence[Mention], words: Sequence[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Clauses of ``sh`` holding one of ``words`` (the tokenizer's jieba words, as offsets)
        that lies outside the rule mentions and may be part of a name."""
        taken = bytearray(len(sh) + 1)
        for m in mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        tags = jieba_tags()
        surnames = _people_tables()[1]
        groups = _group_prefixes()
        marks = []
        # the word before, as offsets (its text was sliced for every word, and read only when
        # it is one character long: ``pb - pa == 1 and sh[pa] in surnames`` is
        # ``len(prev) == 1 and prev in surnames``)
        pa = pb = 0
        for a, b in words:
            if b - a < 2:
                pa, pb = a, b
                continue
            # the word's tag first (the cheapest test that refuses most words: a common word
            # of another tag is never marked), then no rule mention in it, then Han only
            tag = tags.get(sh[a:b])
            if (tag is None or tag in NAME_TAGS) and taken.find(1, a, b) < 0 and _HAN_WORD.fullmatch(sh, a, b):
                # only where what the model adds can be kept (see to_mention): a person's name
                # (the word, or the one-character word before it, opens on a surname) or a
                # national group's member; place names are the place rules' own
                if (
                    tag in NAME_TAGS
                    or sh[a] in surnames
                    or sh[a : a + 2] in surnames
                    or (pb - pa == 1 and sh[pa] in surnames)
                    or groups.match(sh, a) is not None
                ):
                    marks.append(a)
            pa, pb = a, b
        clauses: list[tuple[int, int]] = []
        if not marks:
            return clauses
        for start, end in split_sentences(sh):
            cut = start
            for stop in [m.end() for m in _CLAUSE_END.finditer(sh, start, end)] + [end]:
                i = bisect.bisect_left(marks, cut)
                # only a window around each marked word, within its clause: the model needs the
                # name's neighbourhood, not the whole clause (a third of the characters to read)
                while i < len(marks) and marks[i] < stop:
                    lo, hi = max(cut, marks[i] - WINDOW), min(stop, marks[i] + WINDOW)
                    if clauses and clauses[-1][1] >= lo:
                        clauses[-1] = (clauses[-1][0], max(clauses[-1][1], hi))
                    else:
                        clauses.append((lo, hi))
                    i += 1
                cut = stop
        return clauses

    def predict(self, sh: str, pieces: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Model spans in the ``pieces`` of the shadow text (Simplified, half-width; offsets as
        in the report)."""
        return self.predict_many([(sh, pieces)])[0]

    def predict_many(self, reads: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[list[tuple[int, int, str]]]:
        """``predict`` for several shadow texts and their pieces, in one call of the model."""
        from .model import load, predict_texts

        owners = [(k, start) for k, (_, pieces) in enumerate(reads) for start, _ in pieces]
        out: list[list[tuple[int, int, str]]] = [[] for _ in reads]
        if not owners:
            return out
        nlp = load(self.model_path)
        found = predict_texts([sh[s:e] for sh, pieces in reads for s, e in pieces], nlp=nlp, simplified=True, batch_size=256)
        for (k, start), spans in zip(owners, found):
            out[k].extend((start + s, start + e, label) for s, e, label in spans)
        return out

    def fill(
        self,
        text: str,
        sh: str,
        mentions: Sequence[Mention],
        spans: Sequence[tuple[int, int, str]],
        *,
        words: Sequence[tuple[int, int]] | None = None,
    ) -> list[Mention]:
        """Mentions for the model ``spans`` that overlap no mention of ``mentions`` and, when
        ``words`` (the tokenizer's words as offsets) are given, start and end on word
        boundaries (a span that cuts a word, 华菱湘|钢, is a guess at the wrong place)."""
        if not spans:
            return []  # (most reports' windows: nothing to place)
        starts = {a for a, _ in words} if words is not None else None
        ends = {b for _, b in words} if words is not None else None
        # 1: a span inside a rule mention, or crossing one, 2: a place name a typed ORG may take in
        # (each character the higher mark of the mentions over it, a slice at a time)
        taken = bytearray(len(text) + 1)
        for m in mentions:
            if m.start >= m.end:
                continue
            if m.label == "Place" and m.rule in _INNER_PLACE_RULES:
                taken[m.start : m.end] = b"\x02" * (m.end - m.start)
            else:
                taken[m.start : m.end] = taken[m.start : m.end].replace(b"\x00", b"\x01")
        out: list[Mention] = []
        for start, end, label in sorted(spans):
            if label not in self.labels:
                continue
            marks = taken[start:end]
            if 1 in marks or (2 in marks and (label != "ORG" or taken[start - 1 : start] == b"\x02" or taken[end : end + 1] == b"\x02")):
                continue  # a rule mention wins, and an ORG takes in only place names wholly inside it
            if starts is not None and ends is not None and (start not in starts or end not in ends):
                continue
            mention = self.to_mention(text, sh, start, end, label)
            if mention is not None:
                out.append(mention)
                taken[start:end] = b"\x01" * (end - start)
        return out

    @staticmethod
    def absorbed(mentions: Sequence[Mention], extra: Sequence[Mention]) -> list[Mention]:
        """``mentions`` without the place names that lie inside a model ORG of ``extra``."""
        spans = sorted((m.start, m.end) for m in extra if m.label != "Place" and m.label != "Person")
        if not spans:
            return list(mentions)
        starts = [s for s, _ in spans]

        def inside(m: Mention) -> bool:
            i = bisect.bisect_right(starts, m.start) - 1
            return i >= 0 and spans[i][1] >= m.end

        return [m for m in mentions if not (m.label == "Place" and m.rule in _INNER_PLACE_RULES and inside(m))]

    def to_mention(self, text: str, sh: str, start: int, end: int, label: str) -> Mention | None:
        """A kg mention for one model span, or ``None`` when the span fails its type's checks."""
        name = sh[start:end]
        if end - start < self.min_chars or not CJK_RE.search(name):
            return None
        attrs: dict[str, Any] = {"model_label": label}
        if label != "LOC" and name in place_table():
            return None  # 湖南省 read as its government: a place name is left to the place rules
        if label == "PER":
            surnames = _people_tables()[1]
            if not _PERSON_RE.fullmatch(name) or name[-1] in _NOT_PERSON_END:
                return None
            if name[0] not in surnames and name[:2] not in surnames and "·" not in name:
                return None  # a Chinese name starts with a surname; transliterations have ·
            if len(name) == 2 and any(name + level in place_table() for level in "区县市"):
                return None  # 石峰 (石峰区), 余杭 (余杭区): a district's or a county's short name
            kind = "Person"
        elif label == "LOC":
            entry = place_table().get(name)
            if entry is None or name in GENERIC_PLACE_NAMES:
                return None
            kind = "Place"
            attrs["place"] = entry
        elif label == "ORG":
            if end - start > self.max_org_chars:
                return None
            if SITE_AFTER_RE.match(sh, end) or DOC_NUMBER_AFTER_RE.match(sh, end) or JOURNAL_AFTER_RE.match(sh, end):
                return None  # 中国政府|网, 国标委|办〔2009〕3号: a body's web site or a document number's code, no body
            kind = self.rules.org_type(name, default="") or _group_member(name)
            if not kind:
                if self.org_needs_head:
                    return None  # no head word the rules know (中南地区, 北汽造车): too uncertain
                kind = "Company"
        else:
            return None
        return Mention(start, end, kind, RULE_ID, text[start:end], attrs)

