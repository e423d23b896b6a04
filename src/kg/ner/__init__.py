"""NER: a small character-level Chinese NER model (PER, LOC, ORG) that kg trains and ships.

Owns the statistical entity recogniser: its data (``data``: UNER ``.iob2`` and seed gold to
character-level ``Doc``s), its embedding layer (``features``), training (``train``), loading and
prediction with exact character offsets (``model``) and scoring (``evaluate``). The model is
derived from UNER Chinese-GSDSIMP and is licensed CC BY-SA 4.0 (Mayhew et al., NAACL 2024).
Hands on: ``(start, end, label)`` spans; mapping labels to kg entity types and fusing them with
the entity rules belongs to the caller. Must not: import ``cli``.

Submodules are imported on use so that ``import kg.ner`` stays cheap:

- ``kg.ner.model``: ``load(path=None)``, ``predict(text)``, ``predict_texts(texts)``
- ``kg.ner.train``: ``train(out_dir, *, seed=0, ...)``
- ``kg.ner.evaluate``: ``evaluate(path_iob2, *, model=None)``, ``format_text(result)``
- ``kg.ner.data``: ``read_iob2``, ``align_tokens``, ``iob2_docs``, ``extra_examples``, ...
"""

from __future__ import annotations

LABELS = ("PER", "LOC", "ORG")
