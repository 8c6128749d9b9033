"""Never serve a stale output, and never execute what is still current.

sphinx-gallery re-runs an example only when the example's own file changed, and myst-nb's
cache keys a page on its own cells. Neither sees a new torch, NumPy or Matplotlib, nor a change
to ``rnn_guide``, which the executed narrative pages import. This module keeps a fingerprint of
those inputs beside the doctrees and, when it changes, throws away exactly what depends on it:

* ``gallery`` (Python, torch, NumPy, Matplotlib, sphinx-gallery, Keras and ONNX versions, and
  the figure settings: ``docs/matplotlibrc`` and the Matplotlib reset run before each example):
  every example of the language runs again;
* ``notebooks`` (the same, plus the source of ``rnn_guide``): every executed page that imports
  ``rnn_guide`` runs again;
* ``page_inputs`` (the example scripts an executed page reads, such as the trace page reading
  a gallery model's classes): that page runs again when one of them changes.

The fingerprint is written only after a successful build, so a failed build is redone in full.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "Fingerprint",
    "current_fingerprint",
    "executed_docnames",
    "page_inputs",
    "setup",
    "setup_freshness",
    "source_digest",
]

_PACKAGES = (
    "torch",
    "numpy",
    "matplotlib",
    "sphinx-gallery",
    "myst-nb",
    # the "Building models" examples 7 and 8
    "keras",
    "onnx",
    "onnxscript",
    "onnxruntime",
)
_STATE = "rnn-guide-fingerprint.json"
_RNN_GUIDE = Path(__file__).resolve().parent.parent
_EXAMPLES = _RNN_GUIDE.parent / "examples"
# What every gallery figure depends on besides its script.
_FIGURE_SETTINGS = (
    _RNN_GUIDE.parent / "docs" / "matplotlibrc",
    _RNN_GUIDE / "sphinxext" / "matplotlib_reset.py",
)
# An example script named in an executed page's source, e.g. "plot_01_text_classification.py".
_EXAMPLE_NAME = re.compile(r"\bplot_\w+\.py\b")

Fingerprint = dict[str, str]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


def source_digest(folder: Path = _RNN_GUIDE) -> str:
    """A digest of every ``.py`` file under ``folder`` (names and contents).

    >>> len(source_digest())
    64
    """
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def current_fingerprint() -> dict[str, Fingerprint]:
    """What the executed outputs depend on, beyond their own source files.

    >>> sorted(current_fingerprint()["gallery"])[:3]
    ['keras', 'matplotlib', 'matplotlib_reset.py']
    """
    runtime = {"python": platform.python_version()} | {p: _version(p) for p in _PACKAGES}
    figures = {path.name: _file_digest(path) for path in _FIGURE_SETTINGS}
    return {
        "gallery": runtime | figures,
        "notebooks": runtime | {"rnn_guide": source_digest()},
    }


def executed_docnames(env: BuildEnvironment) -> set[str]:
    """The pages that myst-nb executes: notebooks and MyST-NB text notebooks."""

    def executed(path: Path) -> bool:
        if path.suffix == ".ipynb":
            return True
        return path.suffix == ".md" and "file_format: mystnb" in path.read_text(encoding="utf-8")

    return {docname for docname in env.found_docs if executed(Path(env.doc2path(docname)))}


def page_inputs(env: BuildEnvironment) -> dict[str, str]:
    """For each executed page that names example scripts, a digest of those scripts."""
    digests: dict[str, str] = {}
    examples = _EXAMPLES / Path(env.srcdir).name  # the page's language: docs/<lang>
    for docname in sorted(executed_docnames(env)):
        names = set(_EXAMPLE_NAME.findall(Path(env.doc2path(docname)).read_text(encoding="utf-8")))
        files = sorted(path for name in names for path in examples.rglob(name))
        if files:
            digest = hashlib.sha256()
            for path in files:
                digest.update(path.relative_to(_EXAMPLES).as_posix().encode())
                digest.update(path.read_bytes())
            digests[docname] = digest.hexdigest()
    return digests


def _state_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / _STATE


def _load(app: Sphinx) -> dict[str, Fingerprint]:
    try:
        data = json.loads(_state_path(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _invalidate(app: Sphinx) -> None:
    """Before sphinx-gallery generates pages: drop what the fingerprint change made stale."""
    previous, current = _load(app), current_fingerprint()
    runtime_changed = previous.get("gallery") != current["gallery"]
    stale = "all" if runtime_changed else None
    if stale is None and previous.get("notebooks") != current["notebooks"]:
        stale = "rnn_guide"  # only the pages that import it
    app.env.rnn_guide_stale = stale  # type: ignore[attr-defined]
    if runtime_changed:
        for gallery in _gallery_dirs(app):
            shutil.rmtree(gallery, ignore_errors=True)
    if stale is not None and app.config.nb_execution_cache_path:
        shutil.rmtree(app.config.nb_execution_cache_path, ignore_errors=True)


def _gallery_dirs(app: Sphinx) -> list[Path]:
    dirs = app.config.sphinx_gallery_conf.get("gallery_dirs", [])
    dirs = [dirs] if isinstance(dirs, str) else list(dirs)
    return [Path(app.srcdir, d) for d in dirs]


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    inputs = page_inputs(env)
    env.rnn_guide_page_inputs = inputs  # type: ignore[attr-defined]
    previous = _load(app).get("page_inputs", {})
    reads_changed = {d for d, digest in inputs.items() if previous.get(d) != digest} - added
    if reads_changed and app.config.nb_execution_cache_path:
        shutil.rmtree(app.config.nb_execution_cache_path, ignore_errors=True)
    stale = getattr(env, "rnn_guide_stale", None)
    if stale is None:
        return sorted(reads_changed - changed)
    executed = executed_docnames(env) - added - changed
    if stale == "rnn_guide":
        executed = {
            docname
            for docname in executed
            if "rnn_guide" in Path(env.doc2path(docname)).read_text(encoding="utf-8")
        }
    return sorted(executed | (reads_changed - changed))


def _record(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        _state_path(app).parent.mkdir(parents=True, exist_ok=True)
        state: dict[str, object] = dict(current_fingerprint())
        state["page_inputs"] = getattr(app.env, "rnn_guide_page_inputs", {})
        text = json.dumps(state, indent=2, sort_keys=True)
        _state_path(app).write_text(text, encoding="utf-8")


def setup_freshness(app: Sphinx) -> None:
    """Connect the fingerprint checks (before sphinx-gallery's page generation)."""
    app.connect("builder-inited", _invalidate, priority=50)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _record)


def setup(app: Sphinx) -> dict[str, object]:
    """Use the freshness checks alone, as a Sphinx extension of their own."""
    setup_freshness(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
