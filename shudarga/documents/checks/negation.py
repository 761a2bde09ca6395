"""Explicit negations of the target's action in the narrative: "судалгаа аваагүй" (the survey
was not taken) against the target "Сэтгэл ханамжийн судалгаа авах".

Only the target's own verb counts, or a verb of implementing in general ("хэрэгжүүлээгүй",
"зохион байгуулаагүй", "... чадаагүй"): "Хууль бус томилгоо хийгдээгүй" (no unlawful
appointment was made) and "гомдол ирээгүй" (no complaint came) are good news, not failures.
"""

from __future__ import annotations

import re

from shudarga.documents.checks.tokens import Sentence, tokens

_NEGATED = re.compile(r"\w+(?:аагүй|ээгүй|оогүй|өөгүй|сангүй|сэнгүй|сонгүй)$")
_GENERIC = re.compile(
    r"^(?:хэрэгж\w*|биел\w*|байгуула\w*|байгуулагда\w*|чада\w*|амжаа\w*|хийгээгүй|"
    r"зохиогоогүй|явуулаагүй|гүйцэтгээгүй)$"
)
# Infinitive and participle endings taken off a target's verb to get its stem.
_VERB_END = re.compile(r"(?:ах|эх|ох|өх|сан|сэн|сон|сөн)$")
_SHORT_STEM = 4  # a stem this short ("ав") also needs a noun of the target in the sentence


def negations(target: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that say the target's action was not done."""
    words = [t.folded for t in tokens(target) if t.kind == "word"]
    verbs = [w for w in words if _VERB_END.search(w) and len(w) > 3]
    stems = {_VERB_END.sub("", v) for v in verbs}
    nouns = {w[:5] for w in words if w not in verbs and len(w) > 4}
    found = []
    for sentence in sentences:
        folded = [t.folded for t in sentence.tokens if t.kind == "word"]
        for word in folded:
            if not _NEGATED.match(word):
                continue
            if _GENERIC.match(word):
                found.append(sentence)
                break
            stem = next((s for s in stems if s and word.startswith(s)), None)
            if stem is None:
                continue
            if len(stem) >= _SHORT_STEM or any(w[:5] in nouns for w in folded):
                found.append(sentence)
                break
    return found
