"""``rnn-guide explain``: paste an error, get its catalogue entry with your own numbers.

:func:`explain` is the Python contract (other commands call it); :func:`main` is the command
line. The text is matched against the error catalogue (:mod:`rnn_guide.catalogue`), the
numbers are read out of it and put back into a sentence about the reader's own tensors.

>>> result = explain("RuntimeError: input.size(-1) must be equal to input_size. "
...                  "Expected 300, got 100")
>>> result.entry_id, result.url
('input-size-mismatch', 'errors.html#error-input-size-mismatch')
>>> print(result.meaning)
Your input's last axis has 100 features, but the layer was built with input_size=300.
>>> print(explain("Expected hidden[0] size (2, 4, 256), got (2, 64, 256)", "ko").meaning)
넘긴 h_0의 모양은 (2, 64, 256)인데 레이어는 (2, 4, 256)을 기대합니다. D * num_layers = 2, 배치 크기 N = 4, H_out = 256입니다.
>>> explain("KeyError: 'foo'") is None
True
>>> main(["explain", "--lang", "en", "KeyError: 'foo'"])
2

(the one-line message went to stderr and points to the catalogue page).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import NoReturn

from rnn_guide.argparse_lang import argparse_language
from rnn_guide.catalogue import find
from rnn_guide.catalogue.model import Text
from rnn_guide.errors import Lang
from rnn_guide.messages import LANGS, detect_lang

__all__ = ["DEFAULT_SITE_URL", "Explanation", "explain", "main", "site_url"]

PROG = "rnn-guide explain"
DEFAULT_SITE_URL = "https://rnn-guide.readthedocs.io"
"""Where the site is hosted unless ``RNN_GUIDE_SITE_URL`` says otherwise (as in docs/conf.py)."""

_UI: dict[str, Text] = {
    "description": Text(
        "Explain a PyTorch error or warning about recurrent layers: the catalogue entry, what "
        "your numbers mean and the smallest fix.",
        "PyTorch 순환 레이어의 오류나 경고 메시지를 설명합니다. 오류 메시지 사전의 항목, "
        "메시지에 나온 숫자의 뜻, 가장 간단한 해결 방법을 보여 줍니다.",
    ),
    "help_text": Text(
        "the error text (quote it); read from standard input when omitted",
        "오류 메시지(따옴표로 감싸십시오). 생략하면 표준 입력에서 읽습니다",
    ),
    "help_json": Text("print one JSON object", "JSON 객체 하나를 출력"),
    "help_lang": Text("output language (default from the locale)", "출력 언어 (기본값은 로캘)"),
    "meaning": Text("What it means", "뜻"),
    "fix": Text("Smallest fix", "해결 방법"),
    "more": Text("Entry", "자세히"),
    "error": Text("error", "오류"),
    "no_match": Text(
        "no entry of the error catalogue matches this text; browse it at {url}",
        "오류 메시지 사전에서 이 메시지와 일치하는 항목을 찾지 못했습니다. 전체 목록은 {url}에서 "
        "볼 수 있습니다",
    ),
    "empty": Text(
        'no error text: give it as an argument, e.g. {prog} "Expected hidden size ...", or on '
        "standard input",
        '오류 메시지가 없습니다. {prog} "Expected hidden size ..."처럼 인자로 주거나 표준 '
        "입력으로 넘기십시오",
    ),
    "usage": Text(
        "{detail}. Run '{prog} --help' for the options",
        "명령줄 인자가 올바르지 않습니다: {detail}. 사용법은 '{prog} --help'로 확인하십시오",
    ),
}


@dataclass(frozen=True)
class Explanation:
    """What a pasted message means, in one language.

    Attributes:
        entry_id: The catalogue entry's id.
        title: The entry's short name.
        meaning: What the message says about the reader's tensors, with their numbers; the
            general meaning when the text had no numbers to read.
        fix: The smallest fix.
        url: The entry relative to the language root, e.g. ``errors.html#error-<id>``.
        general: The general meaning, in shape terms, without numbers.
        numbers: What was read out of the message (``{"expected": "300", "got": "100"}``).
        kind: ``"error"`` or ``"warning"``.
        modules: The modules or functions that give this message.
        lang: The language of the sentences.
    """

    entry_id: str
    title: str
    meaning: str
    fix: str
    url: str
    general: str
    numbers: dict[str, str]
    kind: str
    modules: tuple[str, ...]
    lang: Lang

    def to_json(self) -> str:
        """The explanation as one JSON object (non-ASCII kept)."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def explain(message: str, lang: Lang = "en") -> Explanation | None:
    """Explain ``message`` (a whole traceback, its last line, or just the first line).

    Returns ``None`` when no catalogue entry matches.
    """
    found = find(message)
    if found is None:
        return None
    item = found.entry
    return Explanation(
        entry_id=item.id,
        title=item.title.get(lang),
        meaning=item.read(found.groups, lang),
        fix=item.fix.get(lang),
        url=item.url,
        general=item.meaning.get(lang),
        numbers=dict(found.groups),
        kind=item.kind,
        modules=item.modules,
        lang=lang,
    )


def site_url(lang: Lang, page: str = "") -> str:
    """The address of ``page`` on the published site in ``lang``."""
    base = os.environ.get("RNN_GUIDE_SITE_URL", DEFAULT_SITE_URL).rstrip("/")
    return f"{base}/{lang}/{page}"


def format_text(result: Explanation) -> str:
    """The explanation as a few readable lines."""
    lang = result.lang
    lines = [f"{result.entry_id}: {result.title}", ""]
    lines.append(f"{_UI['meaning'].get(lang)}: {result.meaning}")
    if result.general != result.meaning:
        lines.append(f"  {result.general}")
    lines.append(f"{_UI['fix'].get(lang)}: {result.fix}")
    lines.append(f"{_UI['more'].get(lang)}: {site_url(lang, result.url)}")
    return "\n".join(lines)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The argument parser of ``rnn-guide explain``, with help in ``lang``."""
    parser = _Parser(prog=PROG, description=_UI["description"].get(lang), allow_abbrev=False)
    parser.add_argument("text", nargs="*", help=_UI["help_text"].get(lang))
    parser.add_argument("--json", action="store_true", help=_UI["help_json"].get(lang))
    parser.add_argument("--lang", metavar="{en,ko}", help=_UI["help_lang"].get(lang))
    return parser


def _fail(message: str, lang: Lang) -> int:
    print(f"{PROG}: {_UI['error'].get(lang)}: {message}", file=sys.stderr)
    return 2


def _chosen_lang(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def main(argv: list[str] | None = None) -> int:
    """Run ``rnn-guide explain``; 0 when an entry matched, 2 otherwise (one line on stderr).

    ``argv`` may start with the word ``explain`` (as ``rnn-guide`` passes it).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["explain"]:
        argv = argv[1:]
    lang: Lang = detect_lang(os.environ)
    chosen = _chosen_lang(argv)
    if chosen is not None:
        if chosen not in LANGS:
            detail = f"--lang {chosen!r} (en, ko)"
            return _fail(_UI["usage"].get(lang).format(detail=detail, prog=PROG), lang)
        lang = "ko" if chosen == "ko" else "en"
    try:
        with argparse_language(lang):
            args = build_parser(lang).parse_args(argv)
    except _UsageError as err:
        return _fail(_UI["usage"].get(lang).format(detail=err, prog=PROG), lang)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    message = " ".join(args.text) if args.text and args.text != ["-"] else _read_stdin()
    if not message.strip():
        return _fail(_UI["empty"].get(lang).format(prog=PROG), lang)
    result = explain(message, lang)
    if result is None:
        return _fail(_UI["no_match"].get(lang).format(url=site_url(lang, "errors.html")), lang)
    print(result.to_json() if args.json else format_text(result))
    return 0


def _read_stdin() -> str:
    if sys.stdin is None or sys.stdin.isatty():
        return ""
    try:
        return sys.stdin.read()
    except (OSError, UnicodeDecodeError):
        return ""
