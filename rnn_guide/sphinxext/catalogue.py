"""The errors page (오류 메시지 사전) and the pasted-error search, built from the catalogue.

* ``docs/<lang>/errors.md`` holds the page's prose and the line :data:`MARKER`. When Sphinx reads
  the page, that line is replaced by one section per catalogue entry (:func:`page_markdown`):
  the failing call and the message it raised *while this page was built*, what it means, the
  smallest fix and the fixed call with its printed shapes. A call that stops raising, or whose
  text no longer matches, stops the build naming the entry
  (:class:`~rnn_guide.catalogue.run.CatalogueError`).
* The page is read again whenever the catalogue or torch changes (``env-get-outdated``), not
  only when ``errors.md`` does.
* On the search page the extension adds the catalogue's patterns as JSON (:func:`search_data`)
  and ``error-search.js``, which puts the entries that explain a pasted message first and hands
  Sphinx's search the query without the reader's numbers.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rnn_guide.catalogue import (
    ENTRIES,
    GROUP_TITLES,
    GROUPS,
    HEADS,
    MIN_OVERLAP,
    MIN_PART,
    MIN_WORDS,
    PREAMBLE,
    SIGNATURES,
    Entry,
    Text,
)
from rnn_guide.catalogue.model import STOPWORDS
from rnn_guide.catalogue.run import CatalogueError, Result, run_entry
from rnn_guide.catalogue.torch_texts import UNREACHABLE, torch_texts
from rnn_guide.errors import Lang
from rnn_guide.sphinxext.calculator import script_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "MARKER",
    "PAGE",
    "Coverage",
    "coverage",
    "page_markdown",
    "run_all",
    "search_data",
    "setup_catalogue",
]

PAGE = "errors"
"""The document name of the errors page in each language tree."""

MARKER = "% rnn-guide: error catalogue"
"""The line of ``errors.md`` that the entries replace (a MyST comment, so it never shows)."""

_CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue"

_UI: dict[str, Text] = {
    "summary": Text(
        "This page has **{entries} entries**. Of the {total} distinct messages that torch "
        "{torch}'s recurrent Python code (`torch/nn/modules/rnn.py`, `torch/nn/utils/rnn.py`) "
        "can raise or warn, {covered} are reachable through the public API and every one of "
        "them is here; the other {unreachable} are internal checks (listed in "
        "`rnn_guide/catalogue/torch_texts.py`). The remaining entries come from torch's C++ "
        "code (packing, cells) and from what follows the layer.",
        "이 페이지에는 **항목 {entries}개**가 있습니다. torch {torch}의 순환 레이어 Python "
        "코드(`torch/nn/modules/rnn.py`, `torch/nn/utils/rnn.py`)가 내는 오류와 경고 메시지 "
        "{total}종 가운데 공개 API로 닿을 수 있는 {covered}종이 모두 여기에 있습니다. 나머지 "
        "{unreachable}종은 내부 검사입니다(`rnn_guide/catalogue/torch_texts.py`에 목록이 "
        "있습니다). 그 밖의 항목은 torch의 C++ 코드(패킹, 셀)와 레이어 다음 단계에서 나오는 "
        "메시지입니다.",
    ),
    "preamble": Text(
        "Every call on this page runs after these lines:",
        "이 페이지의 모든 호출은 다음 코드 뒤에 실행됩니다.",
    ),
    "applies": Text("Message of", "메시지를 내는 곳"),
    "warning": Text("warning", "경고"),
    "call": Text("The call, run while this page was built:", "이 페이지를 빌드할 때 실행한 호출:"),
    "variants": Text(
        "The same check, worded for another module or argument (also run):",
        "같은 검사를 다른 모듈이나 인자에 맞춰 쓴 메시지(이것도 실행했습니다):",
    ),
    "meaning": Text("What it means.", "뜻."),
    "here": Text("In the message above:", "위 메시지에서는:"),
    "fix": Text("Smallest fix.", "가장 간단한 해결 방법."),
    "fixed": Text("The fix, run:", "고친 호출과 그 출력:"),
    "see": Text("See also:", "함께 보기:"),
    "calculator": Text("this configuration in the shape calculator", "이 설정을 넣은 모양 계산기"),
    "stand_in": Text(
        "Not executed on a GPU: this build has none. The call ran with PyTorch's `meta` "
        "device standing in for the GPU; torch's text is the same, with `cuda:0` where this "
        "one says `meta`.",
        "GPU에서 실행하지 않았습니다: 이 빌드에는 GPU가 없습니다. GPU 대신 PyTorch의 `meta` "
        "디바이스로 실행했으며, torch의 메시지는 같고 이 메시지에서 `meta`라고 나오는 자리에 GPU "
        "빌드에서는 `cuda:0`이 나옵니다.",
    ),
    "older": Text(
        "Older torch releases worded it differently, and the search finds those too:",
        "예전 torch는 메시지를 조금 다르게 썼고, 검색은 그 메시지도 찾습니다:",
    ),
    # Search page (error-search.js).
    "search_found": Text(
        "Search finished. The error catalogue explains the pasted message: its entries come first.",
        "검색을 마쳤습니다. 붙여 넣은 메시지를 오류 메시지 사전에서 찾아 그 항목을 맨 위에 "
        "보여 줍니다.",
    ),
    "search_hit": Text("Error messages", "오류 메시지 사전"),
}


@cache
def run_all() -> dict[str, Result]:
    """Run every entry once per process (the two languages build in separate processes)."""
    return {item.id: run_entry(item) for item in ENTRIES}


class Coverage:
    """How the catalogue covers torch's own message texts (read from the installed source)."""

    def __init__(self, results: dict[str, Result]) -> None:
        """Match every reachable torch text with the entries whose executed messages it fits."""
        messages = [
            (entry_id, message)
            for entry_id, result in results.items()
            for message in (result.message, *(m for _, m in result.variants))
        ]
        self.texts = torch_texts()
        self.unreachable = [t for t in self.texts if t.template in UNREACHABLE]
        self.reachable = [t for t in self.texts if t.template not in UNREACHABLE]
        self.covered: dict[str, list[str]] = {}
        for text in self.reachable:
            ids = sorted(
                {eid for eid, message in messages if text.regex.search(message.partition(": ")[2])}
            )
            if ids:
                self.covered[text.template] = ids
        self.missing = [t for t in self.reachable if t.template not in self.covered]


@cache
def coverage() -> Coverage:
    """The catalogue's coverage of torch's texts, from :func:`run_all`."""
    return Coverage(run_all())


def _fence(code: str, language: str, css: str | None = None) -> str:
    ticks = "````" if "```" in code else "```"
    options = f":class: {css}\n" if css else ""
    return f"{ticks}{{code-block}} {language}\n{options}\n{code.rstrip()}\n{ticks}\n"


def _examples_links(item: Entry, examples: Path) -> list[str]:
    links = []
    for name in item.examples:
        if not (examples / f"{name}.py").exists():
            raise CatalogueError(
                f"error catalogue entry {item.id!r} links to the example {name!r}, which "
                f"{examples} does not have; fix `examples=` in rnn_guide/catalogue/entries.py"
            )
        links.append(f"{{doc}}`/auto_examples/{name}`")
    return links


def _entry_markdown(item: Entry, result: Result, lang: Lang, examples: Path) -> str:
    ui = {key: text.get(lang) for key, text in _UI.items()}
    modules = ", ".join(f"`{m}`" for m in item.modules)
    kind = f" ({ui['warning']})" if item.kind == "warning" else ""
    parts = [
        f"({item.anchor})=\n### {item.title.get(lang)}\n",
        f"{ui['applies']}: {modules}{kind}\n",
    ]
    if item.stand_in:
        parts.append(f":::{{note}}\n{ui['stand_in']}\n:::\n")
    parts += [
        ui["call"] + "\n",
        _fence(item.broken, "python"),
        _fence(result.message, "text", "rnn-error-message"),
    ]
    if result.variants:
        parts.append(ui["variants"] + "\n")
        lines = "\n".join(f"{call}\n# {message}" for call, message in result.variants)
        parts.append(_fence(lines, "python", "rnn-error-message"))
    parts.append(f"**{ui['meaning']}** {item.meaning.get(lang)}\n")
    reading = item.read(result.groups, lang)
    if reading != item.meaning.get(lang):
        parts.append(f"{ui['here']} {reading}\n")
    parts.append(f"**{ui['fix']}** {item.fix.get(lang)}\n")
    parts += [ui["fixed"] + "\n", _fence(item.fixed, "python"), _fence(result.output, "text")]
    if item.older:
        older = "\n".join(item.older)
        parts += [ui["older"] + "\n", _fence(older, "text", "rnn-error-message")]
    links = _examples_links(item, examples)
    if item.calculator:
        links.append(f'<a href="calculator.html?{item.calculator}">{ui["calculator"]}</a>')
    if links:
        parts.append(f"{ui['see']} " + " · ".join(links) + "\n")
    return "\n".join(parts)


def page_markdown(lang: Lang, examples: Path) -> str:
    """The entries of the errors page in ``lang``, as MyST Markdown, from real calls."""
    results = run_all()
    cover = coverage()
    if cover.missing:
        missing = "; ".join(f"{t.file}:{t.line} {t.template!r}" for t in cover.missing)
        raise CatalogueError(f"torch message(s) without a catalogue entry: {missing}")
    summary = (
        _UI["summary"]
        .get(lang)
        .format(
            entries=len(ENTRIES),
            total=len(cover.texts),
            covered=len(cover.covered),
            unreachable=len(cover.unreachable),
            torch=version("torch").split("+")[0],
        )
    )
    parts = [summary + "\n", _UI["preamble"].get(lang) + "\n", _fence(PREAMBLE, "python")]
    for group in GROUPS:
        parts.append(f"## {GROUP_TITLES[group].get(lang)}\n")
        for item in ENTRIES:
            if item.group == group:
                parts.append(_entry_markdown(item, results[item.id], lang, examples))
    return "\n".join(parts)


def _js_regex(pattern: str) -> str:
    r"""A Python pattern in JavaScript syntax (named groups are the only difference used).

    >>> _js_regex(r"got (?P<got>\d+)")
    'got (?<got>\\d+)'
    """
    return pattern.replace("(?P<", "(?<")


def search_data(lang: Lang) -> dict[str, object]:
    """What ``error-search.js`` needs: every entry's patterns, head and words, and the rules.

    >>> data = search_data("ko")
    >>> data["entries"][0]["url"], data["entries"][0]["title"]
    ('errors.html#error-input-size-mismatch', '입력의 마지막 축이 input_size와 다름')
    """
    return {
        "entries": [
            {
                "id": item.id,
                "url": item.url,
                "title": item.title.get(lang),
                "patterns": [_js_regex(p) for p in item.patterns],
                "head": None if item.head is None else _js_regex(item.head),
                "headText": HEADS.get(item.id),
                "words": SIGNATURES[item.id],
            }
            for item in ENTRIES
        ],
        "stopwords": sorted(STOPWORDS),
        "minOverlap": MIN_OVERLAP,
        "minWords": MIN_WORDS,
        "minPart": MIN_PART,
        "text": {
            "found": _UI["search_found"].get(lang),
            "hit": _UI["search_hit"].get(lang),
        },
    }


def catalogue_digest() -> str:
    """What the page depends on besides ``errors.md``: the catalogue's source and torch."""
    digest = hashlib.sha256(version("torch").encode())
    for path in sorted(_CATALOGUE.rglob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname != PAGE:
        return
    lines = source[0].splitlines()
    if MARKER not in lines:
        raise CatalogueError(f"{docname}.md: the line {MARKER!r} (where the entries go) is missing")
    lang: Lang = "ko" if app.config.language == "ko" else "en"
    examples = Path(app.config.sphinx_gallery_conf["examples_dirs"])
    generated = page_markdown(lang, examples)
    source[0] = "\n".join(generated if line == MARKER else line for line in lines) + "\n"
    app.env.rnn_guide_catalogue = catalogue_digest()  # type: ignore[attr-defined]


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    if PAGE not in env.found_docs or PAGE in added | changed:
        return []
    if getattr(env, "rnn_guide_catalogue", None) != catalogue_digest():
        return [PAGE]
    return []


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if pagename == PAGE:
        app.add_css_file("error-catalogue.css")
    if pagename != "search":
        return
    lang: Lang = "ko" if app.config.language == "ko" else "en"
    app.add_css_file("error-catalogue.css")
    app.add_js_file(
        None, body=script_json(search_data(lang)), type="application/json", id="rnn-error-data"
    )
    app.add_js_file("error-search.js", loading_method="defer")


_ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def setup_catalogue(app: Sphinx) -> None:
    """Register the errors page, its freshness and the search page's script."""
    for item in ENTRIES:  # ids are anchors other pages link to: keep them plain
        if not _ANCHOR.match(item.id):
            raise CatalogueError(f"error catalogue id {item.id!r} is not kebab-case")
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _outdated)
    app.connect("html-page-context", _page_context)
