"""Errors that say what is wrong and how to fix it, in English or Korean.

Every refusal in ``rnn_guide`` is a :class:`GuideError` carrying a message *code* and its
parameters rather than a finished sentence, so the same error can be rendered for a Python
caller (``proj_size=0``) or for the command line (``--proj-size 0``), in either language.

>>> from rnn_guide.errors import Arg, GuideError
>>> err = GuideError("not_positive", name=Arg("hidden_size"), value="0")
>>> print(err)
hidden_size (hidden state size) must be greater than zero, got 0. Give a positive whole number.
>>> print(err.render("ko", "cli"))
--hidden-size(은닉 상태 크기) 값은 0보다 커야 합니다. 받은 값: 0. 양의 정수를 지정하십시오.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Arg", "GuideError", "Lang", "Spelled", "Style"]

Lang = Literal["en", "ko"]
"""Language of a rendered message."""

Style = Literal["python", "cli"]
"""How argument names are spelled, ``proj_size=0`` (python) or ``--proj-size 0`` (cli)."""

# Arguments whose command-line spelling is a flag rather than ``--name value``.
_CLI_FLAGS: dict[tuple[str, str | None], str] = {
    ("enforce_sorted", None): "--no-enforce-sorted",
    ("enforce_sorted", "False"): "--no-enforce-sorted",
    ("bias", None): "--no-bias",
    ("bias", "False"): "--no-bias",
    ("batch", "None"): "--unbatched",
    ("bidirectional", "True"): "--bidirectional",
    ("batch_first", "True"): "--batch-first",
    ("with_h0", "True"): "--with-h0",
}


@dataclass(frozen=True)
class Arg:
    """An argument name (optionally with a value) to be spelled for Python or for the CLI.

    Args:
        name: The Python parameter name, e.g. ``"proj_size"``.
        value: The value as Python source text (``"0"``, ``"False"``, ``"(3, 2)"``), if any.
        cli_value: The value as typed on the command line, when it differs (``"3,2"``).

    >>> Arg("proj_size", "0").spell("python"), Arg("proj_size", "0").spell("cli")
    ('proj_size=0', '--proj-size 0')
    >>> Arg("enforce_sorted", "False").spell("cli")
    '--no-enforce-sorted'
    """

    name: str
    value: str | None = None
    cli_value: str | None = None

    def spell(self, style: Style) -> str:
        """Return the argument as the reader would write it in ``style``."""
        if style == "python":
            return self.name if self.value is None else f"{self.name}={self.value}"
        flag = _CLI_FLAGS.get((self.name, self.value))
        if flag is not None:
            return flag
        option = "--" + self.name.replace("_", "-")
        value = self.cli_value if self.cli_value is not None else self.value
        return option if value is None else f"{option} {value}"


@dataclass(frozen=True)
class Spelled:
    """A value written differently for Python and for the command line.

    >>> Spelled("(2, 5, 3)", "2,5,3").spell("cli")
    '2,5,3'
    """

    python: str
    cli: str

    def spell(self, style: Style) -> str:
        """Return the spelling for ``style``."""
        return self.python if style == "python" else self.cli


class GuideError(ValueError):
    """A refused configuration or input, renderable in English or Korean.

    ``str(error)`` is the English, Python-style message. :meth:`render` picks the language and
    the spelling of argument names.

    Args:
        code: Key of the message template in ``rnn_guide.messages``.
        **params: Values for the template; :class:`Arg` and :class:`Spelled` values are
            spelled per style.
    """

    def __init__(self, code: str, **params: object) -> None:
        """Build the error; the English message is computed eagerly so tracebacks read well."""
        self.code = code
        self.params = params
        super().__init__(self.render("en", "python"))

    def render(self, lang: Lang = "en", style: Style = "python") -> str:
        """Return the message in ``lang`` with argument names spelled for ``style``."""
        from rnn_guide.messages import error_text

        return error_text(self.code, lang, style, self.params)
