"""The sitemap lists every page after an incremental build, not just the pages it wrote.

sphinx-sitemap collects the pages a build writes (jdillard/sphinx-sitemap#13), so a build
after one edit would list that page alone; ``rnn_guide.sphinxext.sitemap_incremental`` puts
the others back. A small project is built (one process per build): cold, after one page changed, and with
nothing changed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

CONF = """
extensions = [{extensions}]
language = "ko"
html_baseurl = "https://example.org/ko/"
site_url = "https://example.org/"
sitemap_url_scheme = "{{lang}}{{link}}"
sitemap_locales = ["ko", "en"]
sitemap_excludes = ["search.html", "genindex.html"]
"""
ROOT = Path(__file__).resolve().parent.parent  # rnn_guide importable from the checkout
PAGES = ("index", "a", "b")
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def write_page(src: Path, name: str, text: str) -> None:
    body = f"{name.title()}\n{'=' * len(name)}\n\n{text}\n"
    if name == "index":
        body += "\n.. toctree::\n\n   a\n   b\n"
    (src / f"{name}.rst").write_text(body, encoding="utf-8")


def build(src: Path, out: Path) -> list[str]:
    # In a process of its own: sphinx-sitemap starts a multiprocessing Manager per build and never
    # shuts it down, which would keep a pytest-xdist worker from exiting.
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(out / ".doctrees")]
    done = subprocess.run(
        [*command, str(src), str(out)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [loc.text for loc in ElementTree.parse(out / "sitemap.xml").getroot().iter(LOC)]


# sphinx-sitemap 2.9.0 reads env.app, which Sphinx 9 deprecates (a warning, not a failure)
@pytest.mark.filterwarnings("ignore:'sphinx.environment.BuildEnvironment.app' is deprecated")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("completed", [True, False], ids=["with-hook", "sphinx-sitemap-alone"])
def test_incremental_build_keeps_every_page(tmp_path: Path, completed: bool):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    extensions = ['"sphinx_sitemap"']
    if completed:
        extensions.append('"rnn_guide.sphinxext.sitemap_incremental"')
    (src / "conf.py").write_text(CONF.format(extensions=", ".join(extensions)), "utf-8")
    for name in PAGES:
        write_page(src, name, "first")
    every = [f"https://example.org/ko/{name}.html" for name in sorted(PAGES)]

    cold = build(src, out)
    assert sorted(cold) == every
    cold_bytes = (out / "sitemap.xml").read_bytes()

    write_page(src, "b", "edited")  # Sphinx writes b.html (and index.html, its toctree), not a
    incremental = build(src, out)
    if not completed:  # the upstream behaviour this hook exists for
        assert "https://example.org/ko/b.html" in incremental
        assert "https://example.org/ko/a.html" not in incremental
        return
    assert incremental == every
    write_page(src, "b", "first")
    build(src, out)
    assert build(src, out) == every  # nothing changed: no page written
    assert (out / "sitemap.xml").read_bytes() == cold_bytes
