"""Run every catalogue entry for real: the failing call must give its message, the fix must not.

The errors page is built from :func:`run_entry`'s results, so every message on it is the text
the installed torch produced while the page was built. An entry whose call stops raising (or
warning), or whose text no longer matches its pattern, raises :class:`CatalogueError` naming
the entry, and the build stops.

>>> from rnn_guide.catalogue import entry
>>> result = run_entry(entry("input-size-mismatch"))
>>> print(result.message)
RuntimeError: input.size(-1) must be equal to input_size. Expected 1, got 4
>>> print(result.output)
output: (3, 5, 6), h_n: (1, 3, 6)
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass, replace

from rnn_guide.catalogue.entries import PREAMBLE
from rnn_guide.catalogue.model import Entry

__all__ = ["CatalogueError", "Result", "run_entry"]


class CatalogueError(RuntimeError):
    """An entry's call no longer does what the entry says (the message names the entry)."""


@dataclass(frozen=True)
class Result:
    """What an entry's calls produced under the installed torch.

    Attributes:
        entry_id: The entry.
        message: ``"ErrorType: text"`` exactly as torch gave it (for a warning, its category).
        groups: The numbers and names the entry's pattern read out of the message.
        output: What the fixed call printed.
        variants: ``(call, message)`` for each of the entry's variant calls.
    """

    entry_id: str
    message: str
    groups: dict[str, str]
    output: str
    variants: tuple[tuple[str, str], ...] = ()


def _fresh_namespace() -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": "rnn_guide_catalogue"}
    exec(compile(PREAMBLE, "<catalogue preamble>", "exec"), namespace)  # noqa: S102 (our code)
    return namespace


def _produce(item: Entry, namespace: dict[str, object]) -> str:
    """Run the failing call; return its message as ``Type: text``."""
    code = compile(item.broken, f"<catalogue {item.id}: failing call>", "exec")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(code, namespace)  # noqa: S102 (the catalogue's own snippets)
        except Exception as error:  # the whole point: any error torch raises
            if item.kind == "warning":
                raise CatalogueError(
                    f"error catalogue entry {item.id!r}: the call should only warn but raised "
                    f"{type(error).__name__}: {error}"
                ) from error
            return f"{type(error).__name__}: {error}"
    if item.kind == "error":
        raise CatalogueError(
            f"error catalogue entry {item.id!r}: the failing call no longer raises under this "
            "torch; update or remove the entry in rnn_guide/catalogue/entries.py"
        )
    for warning in caught:
        text = f"{warning.category.__name__}: {warning.message}"
        if item.search(text) is not None:
            return text
    raise CatalogueError(
        f"error catalogue entry {item.id!r}: the call no longer gives its warning; it warned "
        f"{[str(w.message) for w in caught]}"
    )


def run_entry(item: Entry) -> Result:
    """Run ``item``'s failing call and its fix; check the message against the entry."""
    namespace = _fresh_namespace()
    message = _produce(item, namespace)
    match = item._compiled[0].search(message) if item._compiled else None
    if match is None:
        raise CatalogueError(
            f"error catalogue entry {item.id!r}: torch's message changed; it now says "
            f"{message!r}, which the entry's first pattern does not match"
        )
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    buffer = io.StringIO()
    code = compile(item.fixed, f"<catalogue {item.id}: fixed call>", "exec")
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(buffer):
        warnings.simplefilter("always")
        try:
            exec(code, namespace)  # noqa: S102 (the catalogue's own snippets)
        except Exception as error:
            raise CatalogueError(
                f"error catalogue entry {item.id!r}: the fixed call fails: "
                f"{type(error).__name__}: {error}"
            ) from error
    for warning in caught:
        if item.search(str(warning.message)) is not None:
            raise CatalogueError(
                f"error catalogue entry {item.id!r}: the fixed call still warns: {warning.message}"
            )
    output = buffer.getvalue().rstrip("\n")
    if not output:
        raise CatalogueError(f"error catalogue entry {item.id!r}: the fixed call prints nothing")
    variants = []
    for call in item.variants:
        variant = _produce(replace(item, broken=call), _fresh_namespace())
        if item._compiled[0].search(variant) is None:
            raise CatalogueError(
                f"error catalogue entry {item.id!r}: the variant {call!r} now says "
                f"{variant!r}, which the entry's first pattern does not match"
            )
        variants.append((call, variant))
    return Result(item.id, message, groups, output, tuple(variants))
