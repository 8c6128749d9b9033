"""Run a gallery example the way a reader runs a downloaded script.

Shared by the tests: ``python -I`` (no user site, no PYTHONPATH), a fresh working directory,
matplotlib without a display, and ``rnn_guide`` made unimportable, because readers only have
torch, numpy and matplotlib.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LANGS = ("en", "ko")

# Block rnn_guide even where it is installed (editable installs put it on sys.path).
_BOOTSTRAP = (
    "import runpy, sys; sys.modules['rnn_guide'] = None; "
    "sys.argv = [sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')"
)


def example_files(lang: str) -> list[Path]:
    """The gallery scripts of one language, in gallery order: the root, then each subsection
    (a folder such as ``models/``, the "Building models" section)."""
    root = EXAMPLES / lang
    return sorted(root.glob("plot_*.py")) + sorted(root.glob("*/plot_*.py"))


def example_name(path: Path) -> str:
    """An example's path inside its language folder, e.g. ``models/plot_01_x.py``."""
    return path.relative_to(EXAMPLES / path.relative_to(EXAMPLES).parts[0]).as_posix()


def run_example(path: Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run one example as a standalone script and return the finished process."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-I", "-c", _BOOTSTRAP, str(path)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@functools.cache
def example_stdout(path: Path) -> str:
    """What one example prints as a standalone script (run once per test session)."""
    with tempfile.TemporaryDirectory() as cwd:
        proc = run_example(path, cwd=Path(cwd))
    if proc.returncode != 0:
        raise AssertionError(f"{path.relative_to(ROOT)} failed:\n{proc.stderr}")
    return proc.stdout
