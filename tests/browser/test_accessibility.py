"""axe-core on every page of both languages: no serious or critical violation.

axe-core comes from the npm registry (``nox -s tests`` installs it under ``.nox/node``; set
``AXE_CORE`` to use another copy) and is injected into each page in Debian's chromium.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(
    os.environ.get("AXE_CORE", ROOT / ".nox" / "node" / "node_modules" / "axe-core" / "axe.min.js")
)
SEVERE = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.exists():
        message = f"axe-core not found at {AXE}: run `nox -s tests`, which installs it with npm"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_serious_accessibility_violations(new_page, base_url, site, axe_script, lang):
    page = new_page()
    found = []
    for path in sorted((site / lang).rglob("*.html")):
        if "_static" in path.parts:
            continue
        relative = path.relative_to(site / lang).as_posix()
        page.goto(f"{base_url}/{lang}/{relative}")
        page.add_script_tag(content=axe_script)
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        found += [
            f"{lang}/{relative}: {v['id']} ({v['impact']}) at "
            + ", ".join(str(node["target"]) for node in v["nodes"][:3])
            for v in violations
            if v["impact"] in SEVERE
        ]
    assert not found, "\n".join(found)


def test_the_check_notices_a_link_without_a_name(new_page, base_url, axe_script):
    page = new_page()
    page.goto(f"{base_url}/404.html")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<a href=\"#x\"></a>')")
    page.add_script_tag(content=axe_script)
    ids = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => v.id)"
    )
    assert "link-name" in ids
