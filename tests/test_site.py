"""What a reader sees in the built HTML of both languages (run `nox -s docs` first)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
import torch
from bs4 import BeautifulSoup
from torch import nn

from tests.examples_runner import example_files, example_name, example_stdout, same_worker

pytestmark = pytest.mark.site

LANGS = ("ko", "en")
#: The checks that read every page of one tree run on one pytest-xdist worker per language, so
#: each page is parsed once (:func:`soup`).
EACH_TREE = [
    pytest.param(lang, id=lang, marks=pytest.mark.xdist_group(f"pages:{lang}")) for lang in LANGS
]
BLOG_PAGE = "auto_examples/plot_01_blog_configurations.html"
#: The address the checked build was made for (``RNN_GUIDE_SITE_URL``; docs/conf.py's default).
SITE_URL = "https://rnn-guide.readthedocs.io"
#: Pages Sphinx writes that are not documents: no Open Graph tags, not in the sitemap.
NOT_DOCUMENTS = {"search.html", "genindex.html", "py-modindex.html", "404.html"}


def normalized(text: str) -> list[str]:
    """Lines without trailing space or blank lines: what both renderings must agree on."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed once per process: the site does not change while the tests run,
    and a dozen checks read every page (2 s to parse one language's pages). Read, never edit."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (site / lang).rglob("*.html") if "_static" not in p.parts)


def documents(site: Path, lang: str) -> list[str]:
    """The pages of one tree made from a source document, relative to the tree."""
    relative = [path.relative_to(site / lang).as_posix() for path in pages(site, lang)]
    return [page for page in relative if page not in NOT_DOCUMENTS]


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a link on ``page`` points to; ``/...`` starts at the site root."""
    target = href.partition("#")[0].partition("?")[0]
    if target.startswith("/"):
        return (site / target.lstrip("/")).resolve()
    return (page.parent / target).resolve() if target else page


def output_blocks(page: BeautifulSoup) -> str:
    """Text of the executed-output blocks sphinx-gallery rendered on a page."""
    return "\n".join(block.get_text() for block in page.select(".sphx-glr-script-out pre"))


@pytest.mark.parametrize(
    ("input_size", "hidden_size"), [(1, 10), (3, 15)], ids=["config1", "config2"]
)
@pytest.mark.parametrize("lang", EACH_TREE)
def test_blog_shapes_appear_in_executed_output(site: Path, lang: str, input_size, hidden_size):
    torch.manual_seed(0)
    rnn = nn.RNN(input_size, hidden_size, num_layers=2, batch_first=True)
    output, h_n = rnn(torch.zeros(1, 20, input_size))
    text = output_blocks(soup(site / lang / BLOG_PAGE))
    assert f"{tuple(output.shape)}  (N, L, D * H_out)" in text
    assert f"{tuple(h_n.shape)}  (D * num_layers, N, H_out)" in text


@pytest.mark.parametrize("lang", EACH_TREE)
def test_every_page_declares_its_language(site: Path, lang: str):
    for path in pages(site, lang):
        assert soup(path).html.get("lang") == lang, path


@pytest.mark.parametrize("lang", EACH_TREE)
def test_switcher_links_to_the_same_page_in_the_other_language(site: Path, lang: str):
    other = "en" if lang == "ko" else "ko"
    for path in pages(site, lang):
        page = soup(path)
        link = page.select_one(f".rnn-guide-lang-switch a[hreflang='{other}']")
        assert link is not None, f"{path}: no switcher link to {other}"
        target = resolve(site, path, link["href"])
        assert target == (site / other / path.relative_to(site / lang)).resolve(), path
        assert target.exists(), f"{path}: switcher target {target} does not exist"
        relative = path.relative_to(site / lang).as_posix()
        alternates = {a["hreflang"]: a["href"] for a in page.select("link[rel=alternate]")}
        assert alternates == {code: f"{SITE_URL}/{code}/{relative}" for code in LANGS}, path


@pytest.mark.parametrize("lang", EACH_TREE)
def test_footer_names_the_torch_version_that_printed_the_outputs(site: Path, lang: str):
    version = torch.__version__
    for path in pages(site, lang):
        footer = soup(path).select_one(".rnn-guide-provenance")
        assert footer is not None, path
        assert version in footer.get_text(), path


@pytest.mark.parametrize("lang", EACH_TREE)
def test_example_downloads_exist(site: Path, lang: str):
    page = soup(site / lang / BLOG_PAGE)
    hrefs = [a["href"] for a in page.select(".sphx-glr-download a")]
    assert any(h.endswith(".py") for h in hrefs), hrefs
    assert any(h.endswith(".ipynb") for h in hrefs), hrefs
    for href in hrefs:
        assert (site / lang / "auto_examples" / href).exists(), href


def test_root_page_links_both_languages(site: Path):
    root = soup(site / "index.html")
    hrefs = {a["href"] for a in root.select("a[hreflang]")}
    assert hrefs == {"ko/index.html", "en/index.html"}
    for href in hrefs:
        assert (site / href).exists()


@pytest.mark.xdist_group("pages:ko")
def test_korean_pages_have_no_english_interface_text(site: Path):
    from tests.ui_text import english_interface_text

    found = {
        str(path.relative_to(site)): leftovers
        for path in pages(site, "ko")
        if (leftovers := english_interface_text(path.read_text(encoding="utf-8")))
    }
    assert not found, f"English interface text on Korean pages: {found}"


def test_the_scan_notices_english_interface_text():
    from tests.ui_text import english_interface_text

    page = '<html lang="ko"><body><a aria-label="Back to top">맨 위로</a><p>Next</p>'
    assert len(english_interface_text(page)) == 2
    fine = '<html lang="ko"><body><p>텐서 <code>batch_first</code></p><a lang="en">English</a>'
    assert english_interface_text(fine) == []


@pytest.mark.parametrize("lang", EACH_TREE)
def test_open_graph_metadata_is_in_the_page_language(site: Path, lang: str):
    """sphinxext-opengraph's tags on every document: this page's title, address and card."""
    for relative in documents(site, lang):
        page = soup(site / lang / relative)

        def meta(name: str, page=page, where=f"{lang}/{relative}") -> str:
            tag = page.select_one(f"meta[property='{name}'], meta[name='{name}']")
            assert tag is not None, f"{where}: no {name}"
            return tag["content"]

        assert meta("og:locale") == {"ko": "ko_KR", "en": "en_US"}[lang]
        assert meta("og:locale:alternate") == {"ko": "en_US", "en": "ko_KR"}[lang]
        assert meta("og:title") == page.select_one("article h1").get_text().rstrip("#¶ ")
        assert meta("og:url") == f"{SITE_URL}/{lang}/{relative}"
        assert meta("og:url") == page.select_one("link[rel=canonical]")["href"]
        assert meta("og:site_name") == "rnn-guide"
        assert meta("og:description") == meta("description")
        if lang == "ko":  # the page's own Korean text, not a site-wide English line
            assert re.search(r"[\uac00-\ud7a3]", meta("og:description")), relative
        card = meta("og:image")
        assert card.startswith(f"{SITE_URL}/{lang}/_images/social_previews/"), card
        assert (site / lang / card.removeprefix(f"{SITE_URL}/{lang}/")).is_file(), card
        assert meta("twitter:card") == "summary_large_image"
    assert soup(site / lang / "index.html").select_one("link[rel~=icon]") is not None


XHTML = "{http://www.w3.org/1999/xhtml}link"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.parametrize("lang", EACH_TREE)
def test_sitemap_lists_every_page_with_its_twin(site: Path, lang: str):
    """sphinx-sitemap's file: every document once, with both languages' pages as alternates."""
    root = ElementTree.parse(site / lang / "sitemap.xml").getroot()
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        assert loc not in entries, f"listed twice: {loc}"
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url.iter(XHTML)}
    expected = {f"{SITE_URL}/{lang}/{page}": page for page in documents(site, lang)}
    assert sorted(entries) == sorted(expected)
    for loc, alternates in entries.items():
        page = expected[loc]
        assert alternates == {code: f"{SITE_URL}/{code}/{page}" for code in LANGS}, loc
        for code in LANGS:
            assert (site / code / page).is_file(), f"{loc}: no {code}/{page}"


def test_sitemaps_are_in_robots_txt(site: Path):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f"Sitemap: {SITE_URL}/{lang}/sitemap.xml" in robots


NOT_FOUND = {
    "ko": ("페이지를 찾을 수 없습니다", "첫 페이지"),
    "en": ("Page not found", "home page"),
}


@pytest.mark.parametrize("lang", EACH_TREE)
def test_404_page_in_each_language_links_from_the_site_root(site: Path, lang: str):
    """sphinx-notfound-page's 404: in the tree's language, and no link depends on the depth."""
    path = site / lang / "404.html"
    page = soup(path)
    heading, home = NOT_FOUND[lang]
    assert page.html["lang"] == lang
    assert page.select_one("article h1").get_text(strip=True) == heading
    assert page.select_one(f"article a[href='/{lang}/index.html']").get_text() == home
    for tag in page.select("[href], [src]"):
        url = tag.get("href") or tag.get("src")
        if url.startswith("#") or urlsplit(url).scheme:
            continue
        assert url.startswith("/"), f"{lang}/404.html: {url} is relative"
        assert resolve(site, path, url).is_file(), f"{lang}/404.html: {url} (no such file)"


def test_site_404_is_the_korean_one(site: Path):
    """The host serves /404.html for every missing address; it says the way in English too."""
    assert (site / "404.html").read_bytes() == (site / "ko" / "404.html").read_bytes()
    english = soup(site / "404.html").select_one("article p[lang=en]")
    assert english.select_one("a[href='/en/index.html']") is not None


#: Every example of both languages, the "Building models" subsection (``models/``) included.
EXAMPLE_PAGES = [(lang, path) for lang in LANGS for path in example_files(lang)]


def example_page(site: Path, lang: str, script: Path) -> Path:
    """The built page of one example: ``auto_examples/`` mirrors ``examples/<lang>/``."""
    return site / lang / "auto_examples" / Path(example_name(script)).with_suffix(".html")


@pytest.mark.parametrize(
    ("lang", "script"),
    [
        pytest.param(lang, p, id=f"{lang}/{example_name(p)}", marks=same_worker(p))
        for lang, p in EXAMPLE_PAGES
    ],
)
def test_page_shows_exactly_what_the_script_prints(site: Path, lang: str, script: Path):
    """Nothing on an example page is stale or hand-edited: it is the script's own output."""
    page = example_page(site, lang, script)
    shown = normalized(output_blocks(soup(page)))
    printed = normalized(example_stdout(script))
    assert shown == printed, f"{page.relative_to(site)} differs from running {script.name}"


def _anchors(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        page = soup(path)
        cache[path] = {tag["id"] for tag in page.select("[id]")} | {
            tag["name"] for tag in page.select("a[name]")
        }
    return cache[path]


def broken_links(site: Path, lang: str) -> list[str]:
    """Internal links of one language tree whose file or anchor does not exist."""
    cache: dict[Path, set[str]] = {}
    broken = []
    for path in pages(site, lang):
        for link in soup(path).select("a[href]"):
            href = link["href"]
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue  # external: checked by `nox -s linkcheck`, not here (no network)
            fragment = href.partition("#")[2]
            target_path = resolve(site, path, href)  # "?": the calculator's configurations
            if not target_path.exists():
                broken.append(f"{path.relative_to(site)}: {href} (no such file)")
            elif (
                fragment
                and target_path.suffix == ".html"
                and unquote(fragment) not in _anchors(target_path, cache)
            ):
                broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    return broken


@pytest.mark.parametrize("lang", EACH_TREE)
def test_every_internal_link_and_anchor_resolves(site: Path, lang: str):
    broken = broken_links(site, lang)
    assert not broken, "\n".join(broken)


def test_the_link_check_notices_broken_links(tmp_path: Path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.html").write_text(
        '<p id="here"><a href="b.html">gone</a> <a href="#nowhere">x</a> <a href="#here">ok</a>'
        '<a href="https://example.org/">external</a></p>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path, "en") == [
        "en/a.html: b.html (no such file)",
        "en/a.html: #nowhere (no such anchor)",
    ]


@pytest.mark.parametrize("lang", EACH_TREE)
def test_no_absolute_paths_or_timings_in_pages(site: Path, lang: str):
    leaks = re.compile(r"/work/|/tmp/|/root/|\.nox/|site-packages|Total running time")
    found = [
        f"{path.relative_to(site)}: {match.group(0)}"
        for path in pages(site, lang)
        for match in [leaks.search(path.read_text(encoding="utf-8"))]
        if match
    ]
    assert not found, found


CALCULATOR_KEYS = {
    "mode", "input_size", "hidden_size", "num_layers", "bias", "batch_first", "bidirectional",
    "proj_size", "nonlinearity", "dropout", "batch", "unbatched", "seq_len",
}  # fmt: skip


@pytest.mark.parametrize("lang", EACH_TREE)
def test_every_example_links_to_the_calculator_with_its_configuration(site: Path, lang: str):
    from urllib.parse import parse_qs, urlsplit

    for script in example_files(lang):
        path = example_page(site, lang, script)
        page = soup(path)
        links = [a["href"] for a in page.select("a[href*='calculator.html?']")]
        assert links, f"{lang}/{example_name(script)}: no link to the calculator"
        for href in links:
            parts = urlsplit(href)
            calculator = (site / lang / "calculator.html").resolve()
            assert (path.parent / parts.path).resolve() == calculator, href
            query = parse_qs(parts.query)
            assert "mode" in query, href
            assert set(query) <= CALCULATOR_KEYS, href


@pytest.mark.parametrize("lang", EACH_TREE)
def test_figures_say_what_they_show_in_the_page_language(site: Path, lang: str):
    """Every figure's alt text is written words (in Korean on Korean pages), not a file name.

    Gallery figures take their alt text from the figure's titles, the executed pages' figures
    from the cell's ``mystnb.image.alt``; the cards' thumbnails stay decorative (``alt=""``).
    """
    hangul = re.compile("[가-힣]")
    found = []
    for path in pages(site, lang):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", html):
            alt = re.search(r'\balt="([^"]*)"', tag)
            src = re.search(r'\bsrc="([^"]*)"', tag)
            source = src.group(1) if src else ""
            if alt is None or "_thumb" in source or "_static/" in source:  # cards, theme icons
                continue
            text = alt.group(1)
            if (
                not text.strip()
                or "_images/" in text
                or (lang == "ko" and not hangul.search(text))
                or not re.match(r"\s*(/?>|[\w-]+\s*=)", tag[alt.end() :])  # a quote inside the alt
            ):
                found.append(f"{path.relative_to(site)}: {tag[:160]}")
    assert not found, "figures without alt text in words:\n" + "\n".join(found)
