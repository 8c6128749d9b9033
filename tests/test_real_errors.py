"""Real readers' error texts: ``rnn-guide explain`` names the entry that explains each one."""

from __future__ import annotations

import re

import pytest

from rnn_guide.catalogue import ENTRY_IDS, rank
from rnn_guide.explain import explain
from tests.real_errors import RealError, real_errors

ERRORS = real_errors()


def test_the_collection_is_real_and_large_enough():
    assert len(ERRORS) >= 20
    assert len({e.text for e in ERRORS}) == len(ERRORS)
    for item in ERRORS:
        assert item.expected in ENTRY_IDS, item
        assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+/(issues|pull)/\d+", item.source)
    # the collection spans the catalogue, not one message
    assert len({e.expected for e in ERRORS}) >= 15


@pytest.mark.parametrize("item", ERRORS, ids=lambda e: e.label)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_explain_names_the_entry(item: RealError, lang):
    result = explain(item.text, lang)
    assert result is not None, item.text
    assert result.entry_id == item.expected, item.text
    for value in result.numbers.values():  # numbers are the reader's own
        assert value in item.text


@pytest.mark.parametrize("item", ERRORS, ids=lambda e: e.label)
def test_entry_ranks_first(item: RealError):
    assert [f.entry.id for f in rank(item.text)][:1] == [item.expected], item.text
