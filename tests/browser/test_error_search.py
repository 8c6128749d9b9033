"""Pasting an error into the site's search: its catalogue entry is in the top three, ko and en."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from rnn_guide.catalogue import ENTRIES, Entry
from rnn_guide.sphinxext.catalogue import run_all
from tests.browser.conftest import search_all, search_hrefs, skip_result_summaries

pytestmark = pytest.mark.site


def _reader_message(item: Entry, message: str) -> str:
    """The executed message with the numbers the entry reads changed (a reader's own)."""
    match = item.search(message)
    assert match is not None, message
    names = [n for n in match.groupdict() if match.group(n) and n != "index"]
    for begin, end in sorted((match.span(n) for n in names), reverse=True):
        changed = re.sub(r"\d+", lambda m: str(int(m.group(0)) * 7 + 3), message[begin:end])
        message = message[:begin] + changed + message[end:]
    return message


def _queries() -> list[tuple[str, str]]:
    queries = []
    for item in ENTRIES:
        message = _reader_message(item, run_all()[item.id].message)
        queries.append((item.id, message))
        queries.append((item.id, message.splitlines()[0].partition(": ")[2][:60]))  # cut short
        queries += [(item.id, older) for older in item.older]
    return queries


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pasted_messages_find_their_entry(new_page, base_url, lang):
    misses = []
    queries = _queries()
    found = search_all(new_page(), base_url, lang, [query for _, query in queries])
    for (entry_id, query), hrefs in zip(queries, found, strict=True):
        if f"errors.html#error-{entry_id}" not in hrefs[:3]:
            misses.append((entry_id, query, hrefs[:3]))
    assert not misses, f"{len(misses)} of {len(queries)} missed: {misses}"


def test_ordinary_queries_are_left_alone(new_page, base_url):
    page = new_page()
    page.goto(f"{base_url}/ko/search.html?q={quote('은닉 상태')}")
    page.locator("#search-results p.search-summary").wait_for(timeout=20_000)
    assert page.locator("li.rnn-error-hit").count() == 0


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_search_all_is_search_hrefs(new_page, base_url, lang):
    """The one-page search of the tests finds what a page load per query finds.

    Each language takes every 30th query, the two languages different ones: together they
    cover every 15th.
    """
    queries = [query for _, query in _queries()]
    sample = [*queries[(0 if lang == "en" else 15) :: 30], "은닉 상태", "hidden state batch_first"]
    page = new_page()
    skip_result_summaries(page)
    one_by_one = [search_hrefs(page, base_url, lang, query) for query in sample]
    assert search_all(new_page(), base_url, lang, sample) == one_by_one
    assert any(one_by_one), "the sample found nothing at all"
