"""Shared fixtures: the built site for the HTML checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The built site; RNN_GUIDE_SITE points the checks at another build.
HTML = Path(os.environ.get("RNN_GUIDE_SITE", ROOT / "docs" / "_build" / "html"))


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; CI builds it first, so there a missing site is a failure."""
    if not (HTML / "index.html").exists():
        message = f"{HTML} is not built: run `nox -s docs` before the site checks"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return HTML
