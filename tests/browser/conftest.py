"""Browser fixtures: the built site served on localhost, and Debian's chromium via Playwright.

Chromium comes from the system (``apt-get install chromium``, done by ``.ci/run``); Playwright
never downloads a browser here. Every request that would leave localhost is blocked and
recorded, so a test can assert that the pages are self-contained.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host name but this machine's resolves, whichever page asks (the guards below record)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def leaves_the_machine(url: str) -> bool:
    """Whether a request for ``url`` goes to another host (``data:`` and ``blob:`` do not).

    >>> [leaves_the_machine(u) for u in ("http://127.0.0.1:8000/a.css", "data:,x", "https://cdn.x/y")]
    [False, False, True]
    """
    parts = urlsplit(url)
    return parts.scheme not in {"data", "blob", "about"} and parts.hostname not in LOCAL_HOSTS


#: Every URL that does not name a local host. Playwright matches a route's pattern in its own
#: driver, so only these requests make the round trip to the Python guard of :func:`new_page`;
#: the site's own requests (dozens per page) are not slowed down by it.
NOT_LOCAL = re.compile(
    r"^(?![a-z]+://(?:localhost|127\.0\.0\.1)(?::[0-9]+)?(?:[/?#]|$))", re.IGNORECASE
)
#: The skip reason of every browser test on a machine without chromium (counted at the end).
CHROMIUM_MISSING = "chromium is not installed"
INSTALL_CHROMIUM = "apt-get install -y chromium fonts-noto-cjk"


def _chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        message = f"{CHROMIUM_MISSING}: `{INSTALL_CHROMIUM}` (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: a missing address gets the site's ``/404.html``, status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site, served from a thread on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def outside_requests() -> list[str]:
    """Requests to hosts other than localhost, collected by :func:`new_page`."""
    return []


def guarded_context(browser, outside_requests: list[str], **options):
    """A new browser context whose requests leaving localhost are blocked and recorded."""
    context = browser.new_context(**options)

    def guard(route):
        if not leaves_the_machine(route.request.url):
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    context.route(NOT_LOCAL, guard)
    return context


@pytest.fixture
def new_page(browser, outside_requests):
    """Open a page in a fresh context; requests leaving localhost are blocked and recorded."""
    contexts = []

    def open_page(*, width: int = 1280, height: int = 900, locale: str = "ko-KR"):
        viewport = {"width": width, "height": height}
        context = guarded_context(browser, outside_requests, viewport=viewport, locale=locale)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def skip_result_summaries(page) -> None:
    """Let the search page list its results without fetching every result page for a snippet.

    Sphinx's search fetches each result's HTML to show a summary under its link; the tests read
    only the links and their order, which do not depend on those fetches (a page of the error
    catalogue is 300 kB, fetched again for every query). Other requests go on as before.
    """

    def route(route) -> None:
        if route.request.resource_type == "fetch" and route.request.url.endswith(".html"):
            route.abort()
        else:
            route.fallback()

    page.route("**/*.html*", route)


RESULT_LINKS = "#search-results ul.search li a"
HREFS = "links => links.map(a => a.getAttribute('href'))"

# One more query in a search page that is already open: what the page does with ?q= on load
# (Search.performSearch, through the wrappers of error-search.js and search_ko.py), into an
# emptied result list; resolves to the result links once the summary line is written.
_SEARCH_AGAIN = """(query) => new Promise((done) => {
  const out = document.getElementById("search-results");
  out.replaceChildren();
  const finished = () => {
    const summary = out.querySelector("p.search-summary");
    if (!summary || summary.textContent === "") return false;
    done([...out.querySelectorAll("ul.search li a")].map((a) => a.getAttribute("href")));
    return true;
  };
  const watch = new MutationObserver(() => finished() && watch.disconnect());
  watch.observe(out, {childList: true, subtree: true, characterData: true});
  Search.performSearch(query);
})"""

# Sphinx's search page writes one result per 5 ms timer (Search._displayNextItem), so a query
# with 40 results takes 200 ms of waiting. After the first query, search_all hands those
# timers to a message channel instead, which runs them in the same order without the wait;
# the other timers of the page are left alone. The links and their order do not change
# (test_search_all_is_search_hrefs compares them with page loads, which keep the timers).
_NO_RESULT_DELAY = """() => {
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()();
  const later = window.setTimeout;
  window.setTimeout = (callback, delay, ...args) => {
    if (delay !== 5) return later(callback, delay, ...args);
    queue.push(() => callback(...args));
    channel.port2.postMessage(null);
    return 0;
  };
}"""


def search_all(page, base_url: str, lang: str, queries: list[str]) -> list[list[str]]:
    """:func:`search_hrefs` of every query, with one load of the search page.

    The first query comes through the address bar, as a reader's does; the others run in the
    same page through the same function the page runs on load, which saves a page load each
    (62 s against 7 s for 168 queries). The two ways gave the same links for every query of
    the tests (tests/browser/test_error_search.py keeps checking a sample). Result pages
    are not fetched for their summaries, which only add text under the links.
    """
    if not queries:
        return []
    skip_result_summaries(page)
    results = [search_hrefs(page, base_url, lang, queries[0])]
    page.evaluate("DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false")
    page.evaluate(_NO_RESULT_DELAY)
    results += [page.evaluate(_SEARCH_AGAIN, query) for query in queries[1:]]
    return results


def search_results(
    browser, base_url: str, asked: dict[str, list[str]]
) -> dict[tuple[str, str], list[str]]:
    """:func:`search_all` for each language's queries, by (language, query), in one context.

    For a test module's module-scoped fixture: its tests then read the results of searches
    made once, instead of loading the search page once per query.
    """
    outside: list[str] = []
    context = guarded_context(browser, outside)
    try:
        results = {}
        for lang, queries in asked.items():
            unique = list(dict.fromkeys(queries))
            found = search_all(context.new_page(), base_url, lang, unique)
            results.update(
                {(lang, query): hrefs for query, hrefs in zip(unique, found, strict=True)}
            )
    finally:
        context.close()
    assert outside == [], f"the search page requested other hosts: {outside}"
    return results


def search_hrefs(page, base_url: str, lang: str, query: str) -> list[str]:
    """Run the site's own search page for ``query``; the result links, in the order shown."""
    page.goto(f"{base_url}/{lang}/search.html?q={quote(query)}")
    page.locator("#search-results p.search-summary").wait_for(timeout=20_000)
    return page.eval_on_selector_all(RESULT_LINKS, HREFS)
