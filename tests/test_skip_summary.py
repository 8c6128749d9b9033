"""Without chromium, the browser checks skip and the last line says how many and how to fix it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.browser.conftest import INSTALL_CHROMIUM

ROOT = Path(__file__).resolve().parent.parent


def test_missing_chromium_is_summed_up_in_the_last_line(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env |= {"CHROMIUM": str(tmp_path / "no-chromium"), "RNN_GUIDE_SITE": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-p", "no:cacheprovider", "-q",
         "tests/browser/test_reader.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0, done.stdout[-2000:]
    summary = re.search(r"(\d+) skipped", lines[-2])
    assert summary, lines[-3:]
    assert lines[-1] == (
        f"{summary.group(1)} browser checks skipped: chromium is not installed "
        f"(install it with `{INSTALL_CHROMIUM}`)"
    )
