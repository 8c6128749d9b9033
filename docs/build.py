"""Build the Korean and English sites: ``python docs/build.py [--fresh] [sphinx options]``.

``nox -s docs`` runs this in its virtual environment; the benchmark runs it too. Both trees are
built at once, one process per language (two cores, one each), into ``docs/_build/html/{ko,en}``,
and the root page that picks the reader's language is copied beside them. Outputs are reused
only while they are current (see ``rnn_guide/sphinxext/freshness.py``); ``--fresh`` removes every
generated page and cache first.

On failure the whole HTML tree is removed, so nothing half-built is ever served, and the exit
message names the language; the prefixed lines above it name the failing example or page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

DOCS = Path(__file__).resolve().parent
BUILD = DOCS / "_build"
HTML = BUILD / "html"
LANGS = ("ko", "en")  # Korean first: most readers read Korean


def clean_generated() -> None:
    """Remove every generated page and cache: the next build executes everything."""
    shutil.rmtree(BUILD, ignore_errors=True)
    for lang in LANGS:
        shutil.rmtree(DOCS / lang / "auto_examples", ignore_errors=True)


def sphinx_command(lang: str, *extra: str) -> list[str]:
    """The sphinx-build command line for one language tree."""
    return [
        sys.executable, "-m", "sphinx",
        "-b", "html",
        "-c", str(DOCS),
        "-d", str(BUILD / "doctrees" / lang),
        "-n", "-W", "--keep-going", "-T",
        *extra,
        str(DOCS / lang),
        str(HTML / lang),
    ]  # fmt: skip


def _stream(lang: str, process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        print(f"[{lang}] {line}", end="", flush=True)


def build(*extra: str) -> list[str]:
    """Build both languages at once; return the languages that failed.

    Each build keeps torch to one thread: the examples are tiny, and two builds on two cores
    with several threads each only fight over them.
    """
    env = {**os.environ, "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
    processes = {
        lang: subprocess.Popen(
            sphinx_command(lang, *extra),
            env={**env, "RNN_GUIDE_LANG": lang},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for lang in LANGS
    }
    threads = [
        threading.Thread(target=_stream, args=(lang, process))
        for lang, process in processes.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    failed = [lang for lang, process in processes.items() if process.wait() != 0]
    if failed:
        shutil.rmtree(HTML, ignore_errors=True)
    else:
        shutil.copytree(DOCS / "_root", HTML, dirs_exist_ok=True)
    return failed


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    extra = list(argv)
    if "--fresh" in extra:
        extra.remove("--fresh")
        clean_generated()
    failed = build(*extra)
    if failed:
        where = " and ".join(f"docs/{lang}, examples/{lang}" for lang in failed)
        print(
            f"\nThe docs build failed for {', '.join(failed)} ({where}): the "
            f"[{failed[0]}] lines above name the failing example or page. "
            "Nothing was left in docs/_build/html.",
            file=sys.stderr,
        )
        return 1
    print(f"\nBuilt {HTML}/index.html, {HTML}/ko/ and {HTML}/en/.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
