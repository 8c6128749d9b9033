"""Korean interface text where the theme and sphinx-gallery print English.

Sphinx's catalog (plus ``docs/locales/ko``) translates what goes through gettext. The rest is
hard-coded English in furo's templates (aria labels, icon titles), in sphinx-gallery's
generated reST (download buttons, "Go to the end"), and in sphinx-copybutton's script. This
module rewrites those exact strings for Korean pages; code and program output are untouched
because every pattern is a full piece of interface markup, never a bare word.
"""

from __future__ import annotations

import re

__all__ = [
    "COPYBUTTON_KO",
    "HTML_PATTERNS",
    "HTML_REWRITES",
    "SEARCH_TRANSLATIONS_KO",
    "rewrite_gallery_rst",
    "rewrite_html",
]

#: sphinx-gallery's reST strings -> Korean (regex, replacement).
_GALLERY_RST: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r":ref:`Go to the end <([^>]+)>`\s+to download the full example code\.?"),
        r"전체 예제 코드는 :ref:`맨 아래 <\1>`\\ 에서 내려받을 수 있습니다.",
    ),
    (re.compile(r":download:`Download Jupyter notebook: "), ":download:`Jupyter 노트북 내려받기: "),
    (
        re.compile(r":download:`Download Python source code: "),
        ":download:`Python 소스 코드 내려받기: ",
    ),
    (re.compile(r":download:`Download zipped: "), ":download:`압축 파일(zip) 내려받기: "),
    (
        re.compile(r":download:`Download all examples in Python source code: "),
        ":download:`모든 예제의 Python 소스 코드 내려받기: ",
    ),
    (
        re.compile(r":download:`Download all examples in Jupyter notebooks: "),
        ":download:`모든 예제의 Jupyter 노트북 내려받기: ",
    ),
)

#: Exact pieces of furo's hard-coded markup -> Korean.
HTML_REWRITES: tuple[tuple[str, str], ...] = (
    ('aria-label="Toggle site navigation sidebar"', 'aria-label="사이트 탐색 사이드바 열고 닫기"'),
    ('aria-label="Toggle table of contents sidebar"', 'aria-label="목차 사이드바 열고 닫기"'),
    (
        'aria-label="Toggle Light / Dark / Auto color theme"',
        'aria-label="밝은 테마, 어두운 테마, 자동 테마 바꾸기"',
    ),
    ("<title>Contents</title>", "<title>목차</title>"),
    ("<title>Menu</title>", "<title>메뉴</title>"),
    ("<title>Expand</title>", "<title>펼치기</title>"),
    ("<title>Light mode</title>", "<title>밝은 테마</title>"),
    ("<title>Dark mode</title>", "<title>어두운 테마</title>"),
    ("<title>Auto light/dark, in light mode</title>", "<title>자동 테마(지금은 밝게)</title>"),
    ("<title>Auto light/dark, in dark mode</title>", "<title>자동 테마(지금은 어둡게)</title>"),
    ('aria-label="Toggle navigation of ', 'aria-label="하위 목차 펼치고 접기: '),
    ('alt="Logo"', 'alt="로고"'),
)

#: The index page's entry kind for modules ("module; rnn_guide.cli" is not translated by Sphinx).
HTML_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(<li>\s*)module(\s*<)"), r"\1모듈\2"),
    (re.compile(r'(<a href="[^"]*#module-[^"]*">)module(</a>)'), r"\1모듈\2"),
)

#: sphinx-copybutton has no Korean messages; this entry is added to its table.
COPYBUTTON_KO = """const messages = {
  'ko': {
    'copy': '복사',
    'copy_to_clipboard': '클립보드에 복사',
    'copy_success': '복사했습니다!',
    'copy_failure': '복사하지 못했습니다',
  },"""


#: Search messages that Sphinx's Korean catalog leaves empty (the result summary); appended to
#: ``_static/translations.js``, whose ``addTranslations`` merges them over the shipped ones.
SEARCH_TRANSLATIONS_KO = """
/* rnn-guide: Korean search messages that Sphinx's catalog leaves empty. */
Documentation.addTranslations({
  "locale": "ko",
  "messages": {
    "Search finished, found one page matching the search query.": [
      "검색을 마쳤습니다. 검색어와 일치하는 페이지를 ${resultCount}개 찾았습니다."
    ]
  },
  "plural_expr": "0"
});
"""


def rewrite_gallery_rst(source: str) -> str:
    """Translate sphinx-gallery's generated reST strings.

    >>> rewrite_gallery_rst(":download:`Download zipped: plot_01.zip <plot_01.zip>`")
    ':download:`압축 파일(zip) 내려받기: plot_01.zip <plot_01.zip>`'
    """
    for pattern, replacement in _GALLERY_RST:
        source = pattern.sub(replacement, source)
    return source


def rewrite_html(html: str) -> str:
    """Translate furo's hard-coded interface markup in one rendered page.

    >>> rewrite_html('<svg><title>Menu</title></svg>')
    '<svg><title>메뉴</title></svg>'
    """
    for english, korean in HTML_REWRITES:
        html = html.replace(english, korean)
    for pattern, replacement in HTML_PATTERNS:
        html = pattern.sub(replacement, html)
    return html
