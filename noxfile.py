"""Sessions for rnn-guide: tests, docs (Korean and English), lint, serve.

``nox -l`` lists them; ``nox`` alone runs the everyday set (tests, lint).
Dependencies come from the dependency groups in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
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
    """Remove every generated page, so that nothing stale can be served."""
    shutil.rmtree(BUILD, ignore_errors=True)
    for lang in LANGS:
        shutil.rmtree(DOCS / lang / "auto_examples", ignore_errors=True)


def _build_language(session: nox.Session, lang: str, *extra: str) -> None:
    """Build one language tree with sphinx-build; fail loudly and leave nothing half-built."""
    out = HTML / lang
    try:
        session.run(
            "sphinx-build",
            "-b", "html",
            "-c", str(DOCS),
            "-d", str(BUILD / "doctrees" / lang),
            "-n", "-W", "--keep-going", "-T",
            *extra,
            str(DOCS / lang),
            str(out),
            env={"RNN_GUIDE_LANG": lang, "MPLBACKEND": "Agg"},
        )  # fmt: skip
    except nox.command.CommandFailed:
        shutil.rmtree(HTML, ignore_errors=True)
        session.error(
            f"the {lang!r} docs build failed (docs/{lang}, examples/{lang}); the messages above "
            "name the failing example or page. Nothing was left in docs/_build/html."
        )


@nox.session
def tests(session: nox.Session) -> None:
    """Run pytest: rnn_guide's doctests, the shape model, examples as scripts, built HTML."""
    _install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(reuse_venv=True)
def docs(session: nox.Session) -> None:
    """Build the Korean and English sites into docs/_build/html/{ko,en}, executing everything."""
    _install(session, "docs")
    _clean_generated()
    for lang in LANGS:
        _build_language(session, lang, *session.posargs)
    shutil.copytree(DOCS / "_root", HTML, dirs_exist_ok=True)
    session.log(f"Built {HTML}/index.html, {HTML}/ko/ and {HTML}/en/. Serve: nox -s serve")


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
