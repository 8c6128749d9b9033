"""The error catalogue (오류 메시지 사전): every recurrent-layer error, defined once.

Each :class:`~rnn_guide.catalogue.model.Entry` names a message torch gives around the
recurrent layers, the call that produces it and the call that fixes it, what it means in shape
terms and the smallest fix, in English and Korean. The errors page, the pasted-error search,
``rnn-guide explain`` and the tests all read :data:`ENTRIES`.

>>> entry("input-size-mismatch").url
'errors.html#error-input-size-mismatch'
>>> found = find("RuntimeError: input.size(-1) must be equal to input_size. Expected 300, got 100")
>>> found.entry.id, found.groups
('input-size-mismatch', {'expected': '300', 'got': '100'})
>>> find("Expected hidden[0] size (2, 4, 256), got (2, 64, 256)").entry.id
'lstm-h0-size-mismatch'
>>> find("nothing to do with recurrent layers") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rnn_guide.catalogue.entries import ENTRIES, PREAMBLE
from rnn_guide.catalogue.model import GROUPS, Entry, Group, Text, normalise, words

__all__ = [
    "ENTRIES",
    "ENTRY_IDS",
    "GROUPS",
    "GROUP_TITLES",
    "HEADS",
    "MIN_OVERLAP",
    "MIN_PART",
    "MIN_WORDS",
    "PREAMBLE",
    "SIGNATURES",
    "Entry",
    "Found",
    "Group",
    "Text",
    "entry",
    "find",
    "rank",
]

ENTRY_IDS: tuple[str, ...] = tuple(e.id for e in ENTRIES)
"""The stable ids, in page order; anchors are ``errors.html#error-<id>``."""

GROUP_TITLES: dict[Group, Text] = {
    "layer": Text("Layers: input and state (nn.RNN, nn.LSTM, nn.GRU)", "레이어: 입력과 상태"),
    "cell": Text("Cells (nn.RNNCell, nn.LSTMCell, nn.GRUCell)", "셀"),
    "constructor": Text("Building a layer: constructor arguments", "레이어 생성: 생성자 인자"),
    "packing": Text("Padding and packing utilities", "패딩과 패킹 유틸리티"),
    "after": Text(
        "Right after the layer: heads, losses, data loading, training",
        "레이어 다음 단계: 헤드, 손실, 데이터 로딩, 학습",
    ),
}
"""Section titles of the groups on the errors page."""

#: A word-overlap match needs this share of an entry's distinctive words ...
MIN_OVERLAP = 0.6
#: ... and at least this many of them, so that a short query ("hidden size") stays a search.
MIN_WORDS = 3

_BY_ID = {e.id: e for e in ENTRIES}


@dataclass(frozen=True)
class Found:
    """An entry recognised in a message, with the numbers and names read out of it.

    Attributes:
        entry: The catalogue entry.
        groups: The pattern's named groups (``{"expected": "300", "got": "100"}``); empty when
            the entry was found by its words only.
        score: 1.0 for a pattern match, else the share of the entry's words in the message.
    """

    entry: Entry
    groups: dict[str, str]
    score: float


def entry(entry_id: str) -> Entry:
    """The entry with this id (``KeyError`` names the known ids)."""
    try:
        return _BY_ID[entry_id]
    except KeyError:
        raise KeyError(
            f"no catalogue entry {entry_id!r}; known ids: {', '.join(ENTRY_IDS)}"
        ) from None


def _signature(item: Entry) -> list[str]:
    """The distinctive words of an entry's message: those of its first pattern's literal text."""
    literal = item.patterns[0]
    for token in (r"\(", r"\)", r"\[", r"\]", r"\.", r"\+", "`?"):
        literal = literal.replace(token, " ")
    # drop the named groups and other regular-expression syntax
    depth, kept = 0, []
    for char in literal:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(char)
    return words("".join(kept))


#: A pasted part of a message counts if it has this many characters and lies in an entry's head.
MIN_PART = 20
_ERROR_TYPE = re.compile(r"^\w*(?:Error|Warning|Exception):\s*")
HEADS: dict[str, str] = {
    e.id: re.sub(r"\\(.)", r"\1", e.head).lower() for e in ENTRIES if e.head is not None
}
"""Each entry's literal head as plain lower-case text."""

SIGNATURES: dict[str, list[str]] = {e.id: _signature(e) for e in ENTRIES}
"""Each entry's distinctive words, used when no pattern matches (a partial or reworded paste)."""


def rank(message: str, limit: int = 3) -> list[Found]:
    """The entries that best explain ``message``, best first.

    Full pattern matches come first (the longer the matched text, the better), then matches
    of an entry's literal head (a message cut short), then entries sharing at least
    :data:`MIN_OVERLAP` of their distinctive words, and at least :data:`MIN_WORDS` of them,
    with the message (a reworded message). ``error-search.js`` ranks the same way.
    """
    text = normalise(message)
    bare = _ERROR_TYPE.sub("", text).lower()
    scored: list[tuple[float, Found]] = []
    for item in ENTRIES:
        match = item.search(text)
        if match is not None:
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            scored.append((2000.0 + len(match.group(0)), Found(item, groups, 1.0)))
            continue
        head = item.search_head(text)
        if head is not None:
            scored.append((1000.0 + len(head.group(0)), Found(item, {}, 0.9)))
            continue
        if len(bare) >= MIN_PART and bare in HEADS.get(item.id, ""):
            scored.append((1000.0 + len(bare), Found(item, {}, 0.9)))
            continue
        signature = SIGNATURES[item.id]
        shared = sum(word in set(words(text)) for word in signature)
        if signature and shared >= MIN_WORDS and shared / len(signature) >= MIN_OVERLAP:
            share = shared / len(signature)
            scored.append((share * 100 + shared, Found(item, {}, round(share * 0.8, 3))))
    scored.sort(key=lambda pair: -pair[0])
    return [found for _, found in scored[:limit]]


def find(message: str) -> Found | None:
    """The entry that best explains ``message``, or ``None``."""
    ranked = rank(message, limit=1)
    return ranked[0] if ranked else None
