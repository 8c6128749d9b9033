"""Sessions for rnn-guide: tests, docs (Korean and English), lint, serve.

``nox -l`` lists them; ``nox`` alone runs the everyday set (tests, lint).
Dependencies come from the dependency groups in ``pyproject.toml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.sessions = ["tests", "lint"]
nox.options.default_venv_backend = "virtualenv"  # pip, which sees the local CPU torch wheel

ROOT = Path(__file__).resolve().parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
LANGS = ("ko", "en")  # Korean first: most readers read Korean
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    """Install the project (which pins torch) and the named dependency groups."""
    deps = [dep for group in groups for dep in nox.project.dependency_groups(PYPROJECT, group)]
    session.install("-e", ".", *deps)


def _clean_generated() -> None:
    """Remove every generated page and cache: the next build executes everything."""
    shutil.rmtree(BUILD, ignore_errors=True)
    for lang in LANGS:
        shutil.rmtree(DOCS / lang / "auto_examples", ignore_errors=True)


def _sphinx_command(session: nox.Session, lang: str, *extra: str) -> list[str]:
    return [
        str(Path(session.bin) / "sphinx-build"),
        "-b", "html",
        "-c", str(DOCS),
        "-d", str(BUILD / "doctrees" / lang),
        "-n", "-W", "--keep-going", "-T",
        *extra,
        str(DOCS / lang),
        str(HTML / lang),
    ]  # fmt: skip


def _stream(lang: str, process: subprocess.Popen[str], log: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        log.append(line)
        print(f"[{lang}] {line}", end="", flush=True)


def _build_languages(session: nox.Session, *extra: str) -> None:
    """Build both trees at once (one process per language, one core each).

    Each build keeps torch to one thread: the examples are tiny, and two builds on two cores
    with several threads each only fight. A failure removes the whole HTML tree, so nothing
    half-built is ever presented, and says which language and where to look.
    """
    env = {
        **os.environ,
        **{k: v for k, v in session.env.items() if v is not None},
        "PATH": os.pathsep.join([str(session.bin), os.environ.get("PATH", "")]),
        "MPLBACKEND": "Agg",
        "OMP_NUM_THREADS": "1",
        "PYTHONUNBUFFERED": "1",
    }
    processes, logs, threads = {}, {}, []
    for lang in LANGS:
        logs[lang] = []
        processes[lang] = subprocess.Popen(
            _sphinx_command(session, lang, *extra),
            env={**env, "RNN_GUIDE_LANG": lang},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        thread = threading.Thread(target=_stream, args=(lang, processes[lang], logs[lang]))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    failed = [lang for lang, process in processes.items() if process.wait() != 0]
    if failed:
        shutil.rmtree(HTML, ignore_errors=True)
        where = ", ".join(f"docs/{lang} and examples/{lang}" for lang in failed)
        session.error(
            f"the docs build failed for {', '.join(failed)} ({where}); the [{failed[0]}] lines "
            "above name the failing example or page. Nothing was left in docs/_build/html."
        )


@nox.session
def tests(session: nox.Session) -> None:
    """Run pytest: rnn_guide's doctests, the shape model, examples as scripts, built HTML."""
    _install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(reuse_venv=True)
def docs(session: nox.Session) -> None:
    """Build the Korean and English sites into docs/_build/html/{ko,en} (-- --fresh: from scratch)."""
    _install(session, "docs")
    extra = list(session.posargs)
    if "--fresh" in extra:
        extra.remove("--fresh")
        _clean_generated()
    _build_languages(session, *extra)
    shutil.copytree(DOCS / "_root", HTML, dirs_exist_ok=True)
    session.log(f"Built {HTML}/index.html, {HTML}/ko/ and {HTML}/en/. Serve: nox -s serve")


@nox.session(name="docs-fast", reuse_venv=True)
def docs_fast(session: nox.Session) -> None:
    """Build the prose only, executing nothing, into docs/_build/fast (for writing)."""
    _install(session, "docs")
    for lang in LANGS:
        session.run(
            "sphinx-build", "-b", "html", "-c", str(DOCS),
            "-d", str(BUILD / "fast-doctrees" / lang),
            "-D", "plot_gallery=0", "-D", "nb_execution_mode=off",
            str(DOCS / lang), str(BUILD / "fast" / lang),
            env={"RNN_GUIDE_LANG": lang},
        )  # fmt: skip


@nox.session(name="docs-live", reuse_venv=True)
def docs_live(session: nox.Session) -> None:
    """Serve one language with live reload while you write (-- ko or -- en)."""
    _install(session, "docs")
    session.install("sphinx-autobuild==2025.8.25")
    lang = session.posargs[0] if session.posargs else "ko"
    session.run(
        "sphinx-autobuild", "-c", str(DOCS),
        "-d", str(BUILD / "doctrees" / lang),
        "--watch", str(ROOT / "examples" / lang), "--watch", str(ROOT / "rnn_guide"),
        "--ignore", str(DOCS / lang / "auto_examples"),
        str(DOCS / lang), str(BUILD / "live" / lang),
        env={"RNN_GUIDE_LANG": lang, "MPLBACKEND": "Agg"},
    )  # fmt: skip


@nox.session(python=False)
def serve(session: nox.Session) -> None:
    """Serve the built site at http://localhost:8000 (build it first with nox -s docs)."""
    if not (HTML / "index.html").exists():
        session.error("docs/_build/html is empty: run `nox -s docs` first.")
    port = session.posargs[0] if session.posargs else "8000"
    session.run("python", "-m", "http.server", port, "--directory", str(HTML))


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff (check and format --check) and mypy --strict on rnn_guide."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
