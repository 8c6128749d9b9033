"""What a reader does in a real browser: search in Korean, switch language, copy, download."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from tests.browser.conftest import search_hrefs, search_results, skip_result_summaries

pytestmark = pytest.mark.site

BLOG = "auto_examples/plot_01_blog_configurations.html"


BARE_NOUNS = (
    ("텐서", "index.html"),
    ("상태", BLOG),
    ("차원", BLOG),
    ("은닉 상태", BLOG),
    ("배치", BLOG),
    ("batch_first", BLOG),
    ("RNN", BLOG),
)
#: Every search the tests of this module make, by language (made once: :func:`found`).
ASKED = {"ko": [query for query, _ in BARE_NOUNS] + ["텐서를"], "en": ["hidden state"]}
#: The tests that read :func:`found` share one worker, so the searches are made once.
SEARCHES = pytest.mark.xdist_group("reader-search")


@pytest.fixture(scope="module")
def found(browser, base_url):
    """The result pages (relative to the tree, sorted, each once) of a search of ASKED."""
    results = search_results(browser, base_url, ASKED)

    def pages(query: str, lang: str = "ko") -> list[str]:
        return sorted({re.sub(r"[?#].*$", "", href) for href in results[(lang, query)]})

    return pages


def test_the_korean_search_page_reports_in_korean(new_page, base_url):
    page = new_page()
    skip_result_summaries(page)
    assert search_hrefs(page, base_url, "ko", "텐서")  # waits until the search has finished
    summary = page.locator("#search-results p.search-summary").inner_text()
    assert "검색을 마쳤습니다" in summary or "일치하는 문서가" in summary, summary


@functools.cache  # the built pages do not change during the run; several tests read the same
def page_text(site: Path, lang: str, page: str) -> str:
    from bs4 import BeautifulSoup

    html = (site / lang / page).read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    return article.get_text(" ") if article else ""


@SEARCHES
@pytest.mark.parametrize(("query", "expected"), BARE_NOUNS)
def test_korean_search_finds_bare_nouns(found, site, query, expected):
    results = found(query)
    assert expected in results, f"{query!r} did not find {expected}: {results}"
    for result in results:  # and every hit really contains every word of the query
        text = page_text(site, "ko", result).lower()
        for word in query.lower().split():
            assert word in text, f"{query!r} found {result}, which lacks {word!r}"


@SEARCHES
def test_korean_query_with_particle_finds_the_same_pages(found):
    assert found("텐서를") == found("텐서")


@SEARCHES
def test_english_search_still_works(found):
    assert BLOG in found("hidden state", "en")


@pytest.mark.parametrize(("lang", "other"), [("ko", "en"), ("en", "ko")])
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_switcher_lands_on_the_same_page(new_page, base_url, lang, other, width):
    page = new_page(width=width)
    page.goto(f"{base_url}/{lang}/{BLOG}")
    # the sidebar switcher on a desktop; above the content on a phone, where the sidebar hides
    where = ".rnn-guide-lang-switch--phone" if width < 800 else ".sidebar-drawer"
    link = page.locator(f"{where} a.rnn-guide-lang[hreflang='{other}']")
    assert link.is_visible()
    assert link.bounding_box()["x"] + link.bounding_box()["width"] <= width
    link.click()
    page.wait_for_load_state()
    assert page.url == f"{base_url}/{other}/{BLOG}"
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en"), ("fr-FR", "ko")])
def test_root_page_follows_the_browser_language(new_page, base_url, locale, lang):
    page = new_page(locale=locale)
    page.goto(f"{base_url}/index.html")
    page.wait_for_url(f"{base_url}/{lang}/index.html")


def test_copy_button_copies_the_code_in_korean(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{base_url}/ko/{BLOG}")
        block = page.locator("div.highlight-Python").first
        button = block.locator("button.copybtn")
        assert button.get_attribute("data-tooltip") == "복사"
        block.hover()
        button.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        code = block.locator("pre").inner_text()
        assert copied.strip() == code.strip()
        assert "import numpy as np" in copied
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_download_links_resolve(new_page, base_url, lang):
    page = new_page()
    for path in (BLOG, "auto_examples/index.html"):
        page.goto(f"{base_url}/{lang}/{path}")
        hrefs = page.eval_on_selector_all(
            "a.download, .sphx-glr-download a", "links => links.map(a => a.href)"
        )
        assert hrefs, f"{lang}/{path} has no download links"
        for href in hrefs:
            response = page.request.get(href)
            assert response.ok, f"{href}: HTTP {response.status}"
            assert len(response.body()) > 0


# That no page of either tree requests another host is checked with each page's accessibility
# check (tests/browser/test_accessibility.py), on the same page load.


def test_the_guard_blocks_and_records_requests_that_leave_localhost(
    new_page, base_url, outside_requests
):
    page = new_page()
    page.goto(f"{base_url}/en/index.html")
    local = page.evaluate(f"fetch('{base_url}/en/index.html').then(r => r.status)")
    outside = page.evaluate(
        "fetch('https://example.invalid/font.woff2').then(() => 'loaded', () => 'blocked')"
    )
    assert (local, outside) == (200, "blocked")
    assert outside_requests == ["https://example.invalid/font.woff2"]
