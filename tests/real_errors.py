"""Error texts real readers pasted into public issue threads (``tests/data/real_errors.toml``).

Each has the reader's own numbers and the wording of the torch release they ran; the tests
check that ``rnn-guide explain`` and the search of both sites find the catalogue entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "real_errors.toml"


@dataclass(frozen=True)
class RealError:
    """One pasted text, its thread and the entry that explains it."""

    text: str
    source: str
    expected: str

    @property
    def label(self) -> str:
        """A short test id: the thread's owner/name#number."""
        return (
            self.source.removeprefix("https://github.com/")
            .replace("/issues/", "#")
            .replace("/pull/", "#")
        )


def real_errors() -> list[RealError]:
    """Every collected text, in file order."""
    with DATA.open("rb") as file:
        return [RealError(**item) for item in tomllib.load(file)["error"]]
