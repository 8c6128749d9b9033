"""Real readers' error texts pasted into the search of both sites find their entry in the top three."""

from __future__ import annotations

import pytest

from tests.browser.conftest import search_all
from tests.real_errors import real_errors

pytestmark = pytest.mark.site


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pasted_real_errors_find_their_entry(new_page, base_url, lang):
    errors = real_errors()
    misses = []
    found = search_all(new_page(), base_url, lang, [item.text for item in errors])
    for item, hrefs in zip(errors, found, strict=True):
        wanted = f"errors.html#error-{item.expected}"
        if wanted not in hrefs[:3]:
            misses.append((item.source, item.text, hrefs[:3]))
    found = len(errors) - len(misses)
    assert not misses, f"{lang}: {found} of {len(errors)} in the top three: missed {misses}"
