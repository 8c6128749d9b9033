"""The error catalogue: every entry's call really gives its message, and torch's texts are covered."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from rnn_guide.catalogue import ENTRIES, ENTRY_IDS, entry, rank
from rnn_guide.catalogue.run import CatalogueError, run_entry
from rnn_guide.catalogue.torch_texts import UNREACHABLE, torch_texts
from rnn_guide.sphinxext.catalogue import coverage, page_markdown, run_all

ROOT = Path(__file__).resolve().parent.parent


def test_ids_are_unique_kebab_case():
    assert len(set(ENTRY_IDS)) == len(ENTRY_IDS) >= 50
    for entry_id in ENTRY_IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry_id), entry_id


def test_every_reachable_torch_text_has_an_entry():
    cover = coverage()
    assert not cover.missing, [t.template for t in cover.missing]
    assert len(cover.reachable) == len(cover.covered) >= 35
    # the unreachable list names only texts that are still in torch
    assert set(UNREACHABLE) <= {t.template for t in torch_texts()}


@pytest.mark.parametrize("item", ENTRIES, ids=ENTRY_IDS)
def test_executed_message_ranks_its_entry_first(item):
    message = run_all()[item.id].message
    assert rank(message)[0].entry.id == item.id, message
    # only the first line, and the text after the error type, still find it in the top three
    first = message.splitlines()[0]
    assert item.id in [f.entry.id for f in rank(first)]
    assert item.id in [f.entry.id for f in rank(first.partition(": ")[2])]


@pytest.mark.parametrize("item", [e for e in ENTRIES if e.older], ids=lambda e: e.id)
def test_older_wordings_are_found(item):
    for message in item.older:
        assert rank(message)[0].entry.id == item.id, message


def test_a_call_that_no_longer_raises_names_the_entry():
    broken = replace(
        entry("input-size-mismatch"), broken="rnn = nn.RNN(4, 6)\nx = torch.randn(5, 3, 4)\n"
    )
    with pytest.raises(CatalogueError, match=r"'input-size-mismatch'.*no longer raises"):
        run_entry(broken)


def test_a_changed_message_names_the_entry():
    changed = replace(entry("hidden-size-mismatch"), patterns=(r"Expected hidden shape \d+",))
    with pytest.raises(CatalogueError, match=r"'hidden-size-mismatch'.*message changed"):
        run_entry(changed)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_has_every_entry_with_its_executed_message(lang):
    markdown = page_markdown(lang, ROOT / "examples" / lang)
    for item in ENTRIES:
        assert f"({item.anchor})=" in markdown
        assert run_all()[item.id].message in markdown
