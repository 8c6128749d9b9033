"""Cached outputs are reused only while nothing they depend on has changed (issue: fast rebuilds).

A small Sphinx project with one gallery example and one executed MyST-NB page is built
in-process several times; each executed piece of code appends to a log, so the log says exactly
what ran. Changing the example, the torch version or ``rnn_guide`` must re-run what depends on
it, and nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rnn_guide.sphinxext import freshness

CONF = """
extensions = ["sphinx_gallery.gen_gallery", "myst_nb", "rnn_guide.sphinxext.freshness"]
exclude_patterns = ["_build", "auto_examples/*.ipynb", "auto_examples/*.py",
                    "auto_examples/*.zip", "auto_examples/*.codeobj.json",
                    "auto_examples/*/*.ipynb", "auto_examples/*/*.py",
                    "auto_examples/*/*.codeobj.json"]
sphinx_gallery_conf = {{
    "examples_dirs": "examples", "gallery_dirs": "auto_examples",
    "filename_pattern": "/plot_", "download_all_examples": False,
    "write_computation_times": False, "min_reported_time": float("inf"),
    "show_signature": False,
}}
nb_execution_mode = "cache"
nb_execution_cache_path = {cache!r}
"""
EXAMPLE = '''"""
An example
==========
"""
with open({log!r}, "a") as log:
    log.write("{name} {version}\\n")
'''
PAGE = """---
file_format: mystnb
kernelspec:
  name: python3
---
# A page

```{{code-cell}} ipython3
{imports}with open({log!r}, "a") as log:
    log.write("{name}\\n")
```
"""


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.log = root / "runs.log"
        (root / "src" / "examples").mkdir(parents=True)
        cache = str(root / "build" / "cache")
        (root / "src" / "conf.py").write_text(CONF.format(cache=cache), encoding="utf-8")
        (root / "src" / "index.rst").write_text(
            "Home\n====\n\n.. toctree::\n\n   page\n   plain\n   auto_examples/index\n",
            encoding="utf-8",
        )
        page = PAGE.format(log=str(self.log), name="page", imports="import rnn_guide\n")
        plain = PAGE.format(log=str(self.log), name="plain", imports="")
        (root / "src" / "page.md").write_text(page, encoding="utf-8")
        (root / "src" / "plain.md").write_text(plain, encoding="utf-8")
        (root / "src" / "examples" / "GALLERY_HEADER.rst").write_text(
            "Gallery\n=======\n", encoding="utf-8"
        )
        self.write_example(1)

    def write_example(self, version: int) -> None:
        example = EXAMPLE.format(log=str(self.log), name="example", version=version)
        (self.root / "src" / "examples" / "plot_a.py").write_text(example, encoding="utf-8")

    def write_subsection_example(self, version: int) -> None:
        """An example in a subsection folder, like ``examples/<lang>/models/``."""
        folder = self.root / "src" / "examples" / "models"
        folder.mkdir(exist_ok=True)
        (folder / "GALLERY_HEADER.rst").write_text("Models\n======\n", encoding="utf-8")
        example = EXAMPLE.format(log=str(self.log), name="sub", version=version)
        (folder / "plot_b.py").write_text(example, encoding="utf-8")

    def build(self) -> list[str]:
        """Build, and return what executed during this build."""
        from sphinx.cmd.build import build_main

        self.log.write_text("", encoding="utf-8")
        src, out = self.root / "src", self.root / "build"
        status = build_main(["-q", "-b", "html", "-d", str(out / "doctrees"), str(src), str(out)])
        assert status == 0
        return self.log.read_text(encoding="utf-8").split()


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_outputs_rerun_exactly_when_their_inputs_change(project: Project, monkeypatch):
    """One project through a contributor's edits; a subsection example (``models/``) is
    treated like the examples at the root of the gallery."""
    project.write_subsection_example(1)
    assert sorted(project.build()) == ["1", "1", "example", "page", "plain", "sub"]  # cold: all
    assert project.build() == []  # nothing changed: nothing runs

    project.write_example(2)  # the example's own file
    assert project.build() == ["example", "2"]
    project.write_subsection_example(2)  # the subsection example's own file: only it runs
    assert project.build() == ["sub", "2"]

    real_version = freshness._version
    monkeypatch.setattr(  # a new torch: every executed output is stale, the subsection's too
        freshness, "_version", lambda p: "9.9.9" if p == "torch" else real_version(p)
    )
    assert sorted(project.build()) == ["2", "2", "example", "page", "plain", "sub"]
    assert project.build() == []

    monkeypatch.setattr(freshness, "source_digest", lambda: "rnn_guide changed")
    assert project.build() == ["page"]  # only the page that imports rnn_guide


def test_fingerprint_covers_torch_and_rnn_guide():
    fingerprint = freshness.current_fingerprint()
    assert fingerprint["gallery"]["torch"].startswith("2.13.0")
    assert "rnn_guide" not in fingerprint["gallery"]  # examples never import it
    assert fingerprint["notebooks"]["rnn_guide"] == freshness.source_digest()


def test_source_digest_changes_with_any_file(tmp_path: Path):
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    before = freshness.source_digest(tmp_path)
    (tmp_path / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert freshness.source_digest(tmp_path) != before
