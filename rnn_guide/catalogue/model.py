r"""The shape of one catalogue entry, and how a pasted message is recognised.

An :class:`Entry` is written once (in :mod:`rnn_guide.catalogue.entries`) and read by the
errors page, the search data, ``rnn-guide explain`` and the tests.

>>> from rnn_guide.catalogue.model import normalise
>>> normalise("RuntimeError:  input.size(-1) must be\n   equal to input_size.")
'RuntimeError: input.size(-1) must be equal to input_size.'
>>> words("Expected hidden size (2, 3, 6), got [3, 2, 6]")
['hidden', 'size']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rnn_guide.errors import Lang

__all__ = [
    "GROUPS",
    "Entry",
    "Group",
    "Kind",
    "Text",
    "normalise",
    "words",
]

Group = Literal["layer", "cell", "constructor", "packing", "after"]
"""Where an entry belongs: a layer's forward, a cell's forward, a constructor, the packing
utilities, or what comes after the layer (heads, losses, data loading, autograd)."""

Kind = Literal["error", "warning"]
"""Whether torch raises the message or warns it."""

GROUPS: tuple[Group, ...] = ("layer", "cell", "constructor", "packing", "after")
"""Page order of the groups."""

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z_][A-Za-z_]*")
#: Words too common in error texts to tell two entries apart.
_STOPWORDS = (
    "a an and are as at be been but by for from got has have if in instead is it its "
    "not of on or should so that the this to was were which will with you your error "
    "expected runtimeerror valueerror typeerror indexerror attributeerror userwarning "
    "warning tensor tensors torch"
)
STOPWORDS = frozenset(_STOPWORDS.split())


def normalise(message: str) -> str:
    """Collapse runs of white space (a message pasted from a wrapped terminal) to one space."""
    return _SPACE.sub(" ", message).strip()


def words(message: str) -> list[str]:
    """The distinctive words of a message: letters only, lower case, no stop words, no numbers.

    The same rule runs in the browser (``error-search.js``), so both rank alike.
    """
    found: list[str] = []
    for word in _WORD.findall(message.lower()):
        word = word.strip("_")
        if len(word) > 1 and word not in STOPWORDS and word not in found:
            found.append(word)
    return found


_SPECIAL = set("()[]{}?*+|$^")


def literal_head(pattern: str, shortest: int = 20) -> str | None:
    r"""The longest stretch of ``pattern`` that is plain (escaped) text, if long enough.

    A reader who pastes only the start of a message, or a message whose numbers were cut,
    still matches this part.

    >>> literal_head(r"Expected hidden size [(\[]?(?P<e1>\d+), (?P<e2>\d+)")
    'Expected hidden size '
    >>> literal_head(r"`?lengths`? array must be sorted in decreasing order")
    ' array must be sorted in decreasing order'
    >>> literal_head(r"start \((?P<start>\d+)\)") is None
    True
    """
    runs: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            token = pattern[i : i + 2]
            if token[1] in "dwsDWSbB":
                runs.append("".join(current))
                current = []
            else:
                current.append(token)
            i += 2
            continue
        if char in "?*+" and current:
            current.pop()  # the quantified character is optional
        if char in _SPECIAL:
            runs.append("".join(current))
            current = []
            depth = 0
            if char == "(":  # skip the whole group
                while i < len(pattern):
                    if pattern[i] == "\\":
                        i += 2
                        continue
                    depth += {"(": 1, ")": -1}.get(pattern[i], 0)
                    i += 1
                    if depth == 0:
                        break
                continue
            if char == "[":
                i = pattern.index("]", i + 2) + 1
                continue
        else:
            current.append(char)
        i += 1
    runs.append("".join(current))
    best = max(runs, key=lambda run: len(re.sub(r"\\(.)", r"\1", run)))
    plain = re.sub(r"\\(.)", r"\1", best)
    if len(plain.strip()) < shortest or len(plain.split()) < 3:
        return None
    return best


@dataclass(frozen=True)
class Text:
    """A sentence in English and in Korean."""

    en: str
    ko: str

    def get(self, lang: Lang) -> str:
        """The sentence in ``lang``."""
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class Entry:
    """One error or warning message, defined once.

    Args:
        id: Stable kebab-case id; the page anchor is ``error-<id>``.
        group: Where it belongs (:data:`GROUPS`).
        modules: The modules or functions whose call gives this text.
        title: A short name of the mistake.
        patterns: Regular expressions (Python syntax that JavaScript also accepts, named groups
            ``(?P<name>...)``) that recognise the message whatever the reader's numbers; the
            first must match today's text, later ones accept older torch wordings.
        broken: Python source whose last statement raises (or warns) the message.
        fixed: Python source, run after ``broken`` in the same namespace, that does it right
            and prints the shapes it produced.
        meaning: What the message means in shape terms, without numbers.
        reading: The same for the reader's own numbers, with ``{group}`` placeholders.
        fix: The smallest fix.
        kind: ``"error"`` or ``"warning"``.
        stand_in: ``True`` when the call runs on torch's ``meta`` device in place of a GPU
            (this build has none); the text is torch's own, with ``meta`` where a GPU build
            says ``cuda:0``.
        examples: Gallery pages (``plot_..``) where the subject is taught.
        calculator: A shape calculator query (``mode=LSTM&...``) for the fixed configuration.
        older: Messages in older torch wordings (tests check the later patterns on them).
        variants: More failing calls (one statement each) that give the same message worded
            for another module or argument; they run too and are shown with the entry.
    """

    id: str
    group: Group
    modules: tuple[str, ...]
    title: Text
    patterns: tuple[str, ...]
    broken: str
    fixed: str
    meaning: Text
    reading: Text | None
    fix: Text
    kind: Kind = "error"
    stand_in: bool = False
    examples: tuple[str, ...] = ()
    calculator: str | None = None
    older: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _head: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Compile the patterns once."""
        compiled = tuple(re.compile(p, re.IGNORECASE) for p in self.patterns)
        object.__setattr__(self, "_compiled", compiled)
        head = literal_head(self.patterns[0])
        object.__setattr__(self, "_head", None if head is None else re.compile(head, re.IGNORECASE))

    @property
    def head(self) -> str | None:
        """The longest literal stretch of the first pattern (for a message cut short)."""
        return None if self._head is None else self._head.pattern

    def search_head(self, message: str) -> re.Match[str] | None:
        """The match of :attr:`head` in ``message``, if any."""
        return None if self._head is None else self._head.search(normalise(message))

    @property
    def anchor(self) -> str:
        """The HTML id of the entry on the errors page."""
        return f"error-{self.id}"

    @property
    def url(self) -> str:
        """The entry's address relative to the language root, e.g. ``errors.html#error-x``."""
        return f"errors.html#{self.anchor}"

    def search(self, message: str) -> re.Match[str] | None:
        """The first pattern's match in ``message`` (white space normalised), if any."""
        text = normalise(message)
        for pattern in self._compiled:
            found = pattern.search(text)
            if found is not None:
                return found
        return None

    def read(self, groups: dict[str, str], lang: Lang) -> str:
        """The meaning for these numbers, or the general meaning if some are missing."""
        if self.reading is not None:
            try:
                return self.reading.get(lang).format_map(groups)
            except (KeyError, IndexError):
                pass
        return self.meaning.get(lang)
