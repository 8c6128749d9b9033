"""Real readers' error texts pasted into the search of both sites find their entry in the top three."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.real_errors import real_errors

pytestmark = pytest.mark.site


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pasted_real_errors_find_their_entry(new_page, base_url, lang):
    page = new_page()
    errors = real_errors()
    misses = []
    for item in errors:
        page.goto(f"{base_url}/{lang}/search.html?q={quote(item.text)}")
        page.locator("#search-results p.search-summary").wait_for(timeout=20_000)
        hrefs = page.eval_on_selector_all(
            "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
        )
        wanted = f"errors.html#error-{item.expected}"
        if wanted not in hrefs[:3]:
            misses.append((item.source, item.text, hrefs[:3]))
    found = len(errors) - len(misses)
    assert not misses, f"{lang}: {found} of {len(errors)} in the top three: missed {misses}"
