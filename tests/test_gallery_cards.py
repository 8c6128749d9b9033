"""Gallery cards are rebuilt from the examples' docstrings, in the root and in subsections."""

from __future__ import annotations

from pathlib import Path

from rnn_guide.sphinxext.gallery_cards import rewrite_cards

CARD = """
.. raw:: html

    <div class="sphx-glr-thumbcontainer" tooltip="sphinx-gallery's tooltip">

.. only:: html

  :doc:`/auto_examples/{path}`

.. raw:: html

      <div class="sphx-glr-thumbnail-title">sphinx-gallery's title</div>
"""
DOCSTRING = '"""\nA ``D * H_out`` title\n====================\n\nThe ``h_n``\\\\ 를 intro.\n"""\n'


def test_cards_of_the_root_and_of_a_subsection_are_rewritten(tmp_path: Path):
    (tmp_path / "models").mkdir()
    for path in ("plot_01_root", "models/plot_01_sub"):
        (tmp_path / f"{path}.py").write_text(DOCSTRING, encoding="utf-8")
    index = CARD.format(path="plot_01_root") + CARD.format(path="models/plot_01_sub")
    rewritten = rewrite_cards(index, tmp_path)
    assert rewritten.count('tooltip="The h_n를 intro."') == 2, rewritten
    assert rewritten.count(">A D * H_out title</div>") == 2, rewritten
    assert "sphinx-gallery's" not in rewritten


def test_a_card_without_its_example_is_left_alone(tmp_path: Path):
    index = CARD.format(path="models/plot_99_gone")
    assert rewrite_cards(index, tmp_path) == index
