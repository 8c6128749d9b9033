"""axe-core on every page of both languages: no serious or critical violation, and no request
to another host.

axe-core comes from the npm registry (``nox -s tests`` installs it under ``.nox/node``; set
``AXE_CORE`` to use another copy) and is injected into each page in Debian's chromium.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import leaves_the_machine

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


def built_pages() -> list[str]:
    """Every page of both languages in the built site (``ko/...html``), read at collection."""
    from tests.conftest import HTML

    return [
        path.relative_to(HTML).as_posix()
        for lang in ("ko", "en")
        for path in sorted((HTML / lang).rglob("*.html"))
        if "_static" not in path.parts
    ]


#: axe runs only the rules that can report a serious or critical violation (a rule's ``impact``
#: is the highest its checks can give), since the test fails on nothing else; the other rules
#: cost time and could never fail it.
RUN_SEVERE = """async (severe) => {
  const ids = axe._audit.rules
    .filter((rule) => rule.enabled !== false && severe.includes(rule.impact))
    .map((rule) => rule.id);
  const result = await axe.run(document, {
    runOnly: {type: "rule", values: ids}, resultTypes: ["violations"],
  });
  return {rules: ids, violations: result.violations};
}"""


@pytest.fixture(scope="module")
def axe_tab(browser, axe_script):
    """One tab that walks from page to page, with axe-core loaded before each page's scripts,
    and the list of the requests its pages made to other hosts.

    Loading axe-core (half a megabyte) as an init script of the context costs a tenth of what
    inserting it into every page costs, and the walk reuses the tab instead of opening a
    context per page: 54 s instead of 106 s for the 80 pages on two workers. Its requests are
    recorded as they go out rather than routed through the guard of ``new_page``, because
    routing turns off the HTTP cache, so each page would load the theme's files again (48 s
    against 44 s); no other host resolves in this chromium (``--host-resolver-rules``).
    """
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def record(request) -> None:
        if leaves_the_machine(request.url):
            outside.append(request.url)

    context.on("request", record)
    context.add_init_script(script=axe_script)
    yield context.new_page(), outside
    context.close()


def severe_violations(page) -> tuple[list[str], list[dict]]:
    """The rules run on the open page and their serious or critical violations."""
    result = page.evaluate(RUN_SEVERE, sorted(SEVERE))
    return result["rules"], [v for v in result["violations"] if v["impact"] in SEVERE]


# One test per page, so pytest-xdist spreads the pages over the cores. Without a built site the
# list is empty and the `site` fixture of the placeholder says what to do.
PAGES = built_pages() or ["(site not built)"]


@pytest.mark.parametrize("page_path", PAGES)
def test_no_serious_accessibility_violations(axe_tab, base_url, site, page_path):
    """axe finds nothing serious, and the page asked no other host for anything.

    The second check rides on the same page load: every request from the start of the load
    until axe has finished (a second or so of a live page) is recorded.
    """
    page, outside = axe_tab
    outside.clear()
    page.goto(f"{base_url}/{page_path}")
    _, violations = severe_violations(page)
    found = [
        f"{page_path}: {v['id']} ({v['impact']}) at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in violations
    ]
    assert not found, "\n".join(found)
    assert outside == [], f"{page_path} requested other hosts: {outside}"


def test_every_page_is_checked(site):
    pages = {p for p in built_pages() if p.startswith(("ko/", "en/"))}
    assert {"ko/index.html", "en/index.html", "ko/errors.html", "en/calculator.html"} <= pages
    assert set(PAGES) == pages, "the site changed after collection: run the tests again"


def test_the_severe_rules_include_the_usual_checks(axe_tab, base_url):
    page, _ = axe_tab
    page.goto(f"{base_url}/en/index.html")
    rules, _ = severe_violations(page)
    for rule in ("color-contrast", "link-name", "image-alt", "button-name", "html-has-lang"):
        assert rule in rules
    assert "heading-order" not in rules  # moderate at most: it could never fail the test


def test_the_check_notices_a_link_without_a_name(axe_tab, base_url):
    page, _ = axe_tab
    page.goto(f"{base_url}/404.html")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<a href=\"#x\"></a>')")
    _, violations = severe_violations(page)
    assert "link-name" in [v["id"] for v in violations]


def test_the_walk_records_requests_that_leave_the_machine(axe_tab, base_url):
    page, outside = axe_tab
    outside.clear()
    page.goto(f"{base_url}/en/index.html")
    gone = "fetch('https://example.invalid/font.woff2').then(() => 'loaded', () => 'failed')"
    assert page.evaluate(gone) == "failed"  # the host does not resolve
    assert page.evaluate("fetch('data:text/plain,here').then((r) => r.text())") == "here"
    assert outside == ["https://example.invalid/font.woff2"]
