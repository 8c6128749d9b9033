"""argparse's own words in the command line's language: headings, ``--help`` and usage errors.

argparse marks its texts for :mod:`gettext` ("usage: ", "positional arguments", "options",
"show this help message and exit", "the following arguments are required: %s", ...) and looks
each one up through the module-level functions ``argparse._`` and ``argparse.ngettext`` when it
builds a parser, formats help or reports an error. :func:`argparse_language` swaps in a Korean
catalogue for the duration of a command, as the argparse HOWTO describes ("How to translate the
argparse output"), without a compiled ``.mo`` file and without touching the process's gettext
domain. Texts without a translation (new in a later Python) stay in English.

>>> import argparse
>>> with argparse_language("ko"):
...     parser = argparse.ArgumentParser(prog="prog")
...     print(parser.format_help())
사용법: prog [-h]
<BLANKLINE>
옵션:
  -h, --help  이 도움말을 출력하고 종료
<BLANKLINE>
>>> argparse._("usage: ")
'usage: '
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from rnn_guide.errors import Lang

__all__ = ["KOREAN", "argparse_language"]

KOREAN: dict[str, str] = {
    # Help.
    "usage: ": "사용법: ",
    "positional arguments": "위치 인자",
    "options": "옵션",
    "optional arguments": "옵션",  # Python before 3.10
    "show this help message and exit": "이 도움말을 출력하고 종료",
    # Usage errors (rnn-guide prints them after "명령줄 인자가 올바르지 않습니다: ").
    "argument %(argument_name)s: %(message)s": "%(argument_name)s 인자: %(message)s",
    "unrecognized arguments: %s": "알 수 없는 인자: %s",
    "the following arguments are required: %s": "다음 인자가 필요합니다: %s",
    "one of the arguments %s is required": "다음 중 하나가 필요합니다: %s",
    "not allowed with argument %s": "다음 인자와 함께 쓸 수 없습니다: %s",
    "ignored explicit argument %r": "값을 받지 않는 옵션입니다: %r",
    "expected one argument": "값 하나가 필요합니다",
    "expected at most one argument": "값은 하나까지만 줄 수 있습니다",
    "expected at least one argument": "값이 하나 이상 필요합니다",
    "ambiguous option: %(option)s could match %(matches)s": (
        "옵션이 모호합니다: %(option)s (후보: %(matches)s)"
    ),
    "unexpected option string: %s": "예상하지 못한 옵션: %s",
    "invalid %(type)s value: %(value)r": "올바른 %(type)s 값이 아닙니다: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "고를 수 없는 값입니다: %(value)r (%(choices)s 중 하나)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "알 수 없는 명령입니다: %(parser_name)r (%(choices)s 중 하나)"
    ),
    "can't open '%(filename)s': %(error)s": "'%(filename)s' 파일을 열 수 없습니다: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 오류: %(message)s\n",
}
"""argparse's English texts and their Korean: noun phrases for help, like rnn-guide's own."""

_KOREAN_PLURAL: dict[str, str] = {
    "expected %s argument": "값 %s개가 필요합니다",
    "expected %s arguments": "값 %s개가 필요합니다",
}


def _korean(message: str) -> str:
    return KOREAN.get(message, message)


def _korean_plural(singular: str, plural: str, n: int) -> str:
    english = singular if n == 1 else plural
    return _KOREAN_PLURAL.get(english, english)


@contextmanager
def argparse_language(lang: Lang) -> Iterator[None]:
    """Build, run and format argparse parsers in ``lang`` inside the ``with`` block.

    English is argparse's own; for Korean the lookups go through :data:`KOREAN`. Build the parser
    inside the block too: argparse reads its group titles and ``-h`` help when it is created.
    """
    if lang != "ko":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _korean, _korean_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
