"""The 404 page in a browser, at an address deep in the tree, as a host serves it.

GitHub Pages and Read the Docs answer every missing address with the site's ``/404.html``
(the test server does the same, see ``conftest.py``), which is the Korean tree's page; the
English tree's page is checked at a deep address too, served in place of the missing page.
Everything the page loads, and every link on it, must work from there.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.site

NESTED = "auto_examples/models/nope.html"
HEADINGS = {"ko": "페이지를 찾을 수 없습니다", "en": "Page not found"}
HOME = {"ko": "첫 페이지", "en": "home page"}


def open_not_found(new_page, base_url: str, site: Path, lang: str, width: int):
    page = new_page(width=width)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    url = f"{base_url}/{lang}/{NESTED}"
    if lang == "en":  # the English tree's own page, served where the missing page would be
        body = (site / "en" / "404.html").read_text(encoding="utf-8")
        page.route(
            url, lambda route: route.fulfill(status=404, body=body, content_type="text/html")
        )
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    return page, failed


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_404_works_at_a_nested_address(new_page, base_url, site, outside_requests, lang, width):
    page, failed = open_not_found(new_page, base_url, site, lang, width)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1").inner_text().strip() == HEADINGS[lang]
    # furo's stylesheet applied (a page without it has no sidebar drawer layout)
    assert page.evaluate("getComputedStyle(document.querySelector('.page')).display") == "flex"
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    internal = {link.partition("#")[0] for link in links if link.startswith(base_url)}
    internal = sorted(internal - {page.url})  # "#": back to the top of this page
    assert f"{base_url}/{lang}/index.html" in internal
    for link in internal:
        assert urlsplit(link).path.startswith(("/ko/", "/en/")), link
        answer = page.request.get(link)
        assert answer.ok, f"{link}: HTTP {answer.status}"
    assert failed == []
    assert outside_requests == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_404_home_link_and_search_lead_into_the_tree(new_page, base_url, site, lang):
    page, _ = open_not_found(new_page, base_url, site, lang, 1280)
    page.locator("article").get_by_role("link", name=HOME[lang], exact=True).click()
    page.wait_for_url(f"{base_url}/{lang}/index.html")

    page, _ = open_not_found(new_page, base_url, site, lang, 1280)
    page.locator(".sidebar-drawer input[name=q]").fill("LSTM")
    page.locator(".sidebar-drawer input[name=q]").press("Enter")
    page.wait_for_url(f"{base_url}/{lang}/search.html?q=LSTM*")
    page.locator("#search-results ul.search li").first.wait_for(timeout=20_000)
