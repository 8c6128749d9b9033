"""The ``rnn-glossary`` directive: the glossary pages rendered from :mod:`rnn_guide.glossary`.

``docs/{ko,en}/glossary.md`` hold only their introduction and the directive; every section,
table row and note comes from :data:`rnn_guide.glossary.SECTIONS` in the page's language, so the
pages, the Korean search's synonyms and the tests read one table. The page depends on the
module's file and on this renderer's: editing either rebuilds it.

Each section is a table (the page's language first, then the other language, code, and the
words other Korean sources use) followed by the notes of its terms.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from rnn_guide import glossary
from rnn_guide.glossary import Section, Term

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["HEADERS", "GlossaryDirective", "inline", "setup_glossary"]

#: Column headings per page language: own term, other language's term, code, other sources.
HEADERS: dict[str, tuple[str, str, str, str]] = {
    "ko": ("한국어", "영어", "기호·코드", "다른 자료에서 쓰는 말"),
    "en": ("English", "Korean", "Symbol or code", "Other Korean sources say"),
}

_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> list[nodes.Node]:
    """Text with ``code`` spans as literal nodes (the notes' only markup).

    >>> [node.astext() for node in inline("`.shape`는 코드")]
    ['.shape', '는 코드']
    """
    parts: list[nodes.Node] = []
    position = 0
    for match in _CODE.finditer(text):
        if match.start() > position:
            parts.append(nodes.Text(text[position : match.start()]))
        parts.append(nodes.literal(match.group(1), match.group(1)))
        position = match.end()
    if position < len(text):
        parts.append(nodes.Text(text[position:]))
    return parts


def _lang_span(text: str, lang: str) -> nodes.raw:
    """Text marked as another language for screen readers (``<span lang>``)."""
    return nodes.raw("", f'<span lang="{lang}">{html.escape(text)}</span>', format="html")


def _entry(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _code_cell(codes: tuple[str, ...]) -> nodes.entry:
    children: list[nodes.Node] = []
    for number, code in enumerate(codes):
        if number:
            children.append(nodes.Text(", "))
        children.append(nodes.Text(code) if code == "…" else nodes.literal(code, code))
    return _entry(*children)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _korean_words_cell(words: tuple[str, ...]) -> list[nodes.Node]:
    """Other sources' words on the Korean page, each marked as what it is.

    Korean stays text, a code name is code (the blog's ``seq_length``), an English word is
    marked English (``<span lang="en">``) for screen readers.

    >>> [type(node).__name__ for node in _korean_words_cell(("히든 스테이트", "seq_len", "logit"))]
    ['Text', 'Text', 'literal', 'Text', 'raw']
    """
    children: list[nodes.Node] = []
    for number, word in enumerate(words):
        if number:
            children.append(nodes.Text(", "))
        if _HANGUL.search(word):
            children.append(nodes.Text(word))
        elif re.search(r"[_.]", word):
            children.append(nodes.literal(word, word))
        else:
            children.append(_lang_span(word, "en"))
    return children


def _row(term: Term, lang: str) -> nodes.row:
    other_sources = ", ".join(term.other_words)
    if lang == "ko":
        own: nodes.Node = nodes.Text(term.korean)
        other: nodes.Node = _lang_span(term.english, "en")
        words: list[nodes.Node] = _korean_words_cell(term.other_words)
    else:
        own = nodes.Text(term.english)
        other = _lang_span(term.korean, "ko")
        words = [_lang_span(other_sources, "ko")] if other_sources else []
    return nodes.row("", _entry(own), _entry(other), _code_cell(term.code), _entry(*words))


def _table(section: Section, lang: str) -> nodes.table:
    group = nodes.tgroup(cols=4)
    group.extend(nodes.colspec(colwidth=1) for _ in range(4))
    group.append(nodes.thead("", nodes.row("", *(_entry(nodes.Text(h)) for h in HEADERS[lang]))))
    group.append(nodes.tbody("", *(_row(term, lang) for term in section.terms)))
    table = nodes.table("", group, classes=["colwidths-auto", "rnn-glossary"])
    return table


def _notes(section: Section, lang: str) -> nodes.bullet_list | None:
    items = []
    for term in section.terms:
        note = term.note_ko if lang == "ko" else term.note_en
        if not note:
            continue
        name = term.korean if lang == "ko" else term.english
        paragraph = nodes.paragraph("", "", nodes.strong(name, name), nodes.Text(": "))
        paragraph.extend(inline(note))
        items.append(nodes.list_item("", paragraph))
    return nodes.bullet_list("", *items, bullet="-") if items else None


class GlossaryDirective(SphinxDirective):
    """Render every glossary section, in the page's language, as sections of this page."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the sections (anchors are the same in both languages)."""
        lang = self.config.language
        if lang not in HEADERS:
            raise self.error(f"rnn-glossary: no glossary for language {lang!r}")
        self.env.note_dependency(glossary.__file__)
        self.env.note_dependency(__file__)  # how the rows are rendered
        result: list[nodes.Node] = []
        for section in glossary.SECTIONS:
            title = section.title_ko if lang == "ko" else section.title_en
            node = nodes.section("", ids=[section.key], names=[nodes.fully_normalize_name(title)])
            node += nodes.title(title, title)
            intro = section.intro_ko if lang == "ko" else section.intro_en
            if intro:
                node += nodes.paragraph("", "", *inline(intro))
            node += _table(section, lang)
            notes = _notes(section, lang)
            if notes is not None:
                node += notes
            self.state.document.note_implicit_target(node, node)
            result.append(node)
        return result


def setup_glossary(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("rnn-glossary", GlossaryDirective)
    return {"parallel_read_safe": True}
