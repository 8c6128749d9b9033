"""Run a gallery example the way a reader runs a downloaded script.

Shared by the tests: ``python -I`` (no user site, no PYTHONPATH), a fresh working directory,
matplotlib without a display, and ``rnn_guide`` made unimportable, because readers only have
torch, numpy and matplotlib.

Importing torch, NumPy and Matplotlib costs about three CPU seconds, more than many examples
take to run. :func:`example_stdout` therefore runs each example in a child forked from one
waiting interpreter (started like a reader's: ``python -I``, ``rnn_guide`` blocked) that has
imported those three and nothing else: every example still starts from a pristine process (its
own memory, working directory, ``sys.argv``, random state), without paying for the imports again.
:func:`run_example` starts a new interpreter, for the tests that break an example on purpose.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

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
    return subprocess.run(
        [sys.executable, "-I", "-c", _BOOTSTRAP, str(path)],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# The waiting interpreter: reads one JSON request per line ({"script", "cwd", "out", "err"}),
# forks, and the child runs the script as __main__ with its output in the two files; the
# parent answers with the child's exit status.
_FORK_SERVER = """
import json, os, runpy, sys, traceback
sys.modules['rnn_guide'] = None
import numpy, torch, matplotlib
import matplotlib.pyplot
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            out = os.open(job['out'], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            err = os.open(job['err'], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(out, 1)
            os.dup2(err, 2)
            os.chdir(job['cwd'])
            sys.argv = [job['script']]
            runpy.run_path(job['script'], run_name='__main__')
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


class _ForkServer:
    """One waiting interpreter per test process; examples run one at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _FORK_SERVER],
            env=_environment(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        atexit.register(proc.kill)
        return proc

    def run(self, path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        out, err = cwd / ".stdout", cwd / ".stderr"
        job = {"script": str(path), "cwd": str(cwd), "out": str(out), "err": str(err)}
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                self.proc = self._start()
            assert self.proc.stdin is not None
            assert self.proc.stdout is not None
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
            answer = self.proc.stdout.readline()
        if not answer.strip():
            raise AssertionError(f"the example runner died while running {path.name}")
        returncode = int(answer)
        stdout, stderr = (f.read_text(encoding="utf-8") for f in (out, err))
        return subprocess.CompletedProcess([str(path)], returncode, stdout, stderr)


_SERVER = _ForkServer()


def _environment() -> dict[str, str]:
    return {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8", "OMP_NUM_THREADS": "1"}


def same_worker(path: Path) -> pytest.MarkDecorator:
    """Keep every test of one example on one pytest-xdist worker (``--dist loadgroup``), so
    the example runs once: :func:`example_stdout` caches per process."""
    return pytest.mark.xdist_group(f"example:{path.relative_to(EXAMPLES).as_posix()}")


@functools.cache
def example_stdout(path: Path) -> str:
    """What one example prints as a standalone script (run once per test process)."""
    with tempfile.TemporaryDirectory() as cwd:
        proc = _SERVER.run(path, cwd=Path(cwd))
    if proc.returncode != 0:
        raise AssertionError(f"{path.relative_to(ROOT)} failed:\n{proc.stderr}")
    return proc.stdout
