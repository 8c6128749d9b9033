"""Shared fixtures: the built site for the HTML checks; a one-line summary of skipped checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM_MISSING, INSTALL_CHROMIUM

# One pytest-xdist worker per core keeps the cores busy already; torch's own threads on top
# of each worker (one per core again) mostly wait for each other and for the other worker.
# Set before anything imports torch; the examples' runs and the builds inherit it.
os.environ.setdefault("OMP_NUM_THREADS", "1")

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


def pytest_unconfigure(config: pytest.Config) -> None:
    """Say on the very last line how many browser checks did not run and how to run them.

    Without chromium every browser test skips; pytest's summary lists the reasons one by one,
    above its own last line, where a contributor reads first. (``pytest_unconfigure`` runs after
    that line; ``pytest_terminal_summary`` runs before it.)
    """
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    skipped = reporter.stats.get("skipped", [])
    browser = [r for r in skipped if CHROMIUM_MISSING in str(getattr(r, "longrepr", ""))]
    if browser:
        reporter.write_line(
            f"{len(browser)} browser checks skipped: chromium is not installed "
            f"(install it with `{INSTALL_CHROMIUM}`)",
            yellow=True,
            bold=True,
        )
