r"""The messages torch's recurrent Python code can raise or warn, read from the installed source.

:func:`torch_texts` parses ``torch/nn/modules/rnn.py`` and ``torch/nn/utils/rnn.py`` (never
imports them) and returns every message text: the string in ``raise X("...")``, in
``warnings.warn("...")``, in a ``msg = "..."`` that is raised later, and in the
``check_hidden_size(..., "Expected hidden[0] size {}, got {}")`` templates. Formatted values
become ``{}``. The completeness test and the errors page compare them with the catalogue, so a
torch upgrade that adds a message is noticed.

>>> texts = torch_texts()
>>> any(t.template.startswith("input.size(-1) must be equal to input_size") for t in texts)
True
>>> TorchText("modules/rnn.py", 1, "Expected hidden size {}, got {}").regex.pattern
'Expected\\ hidden\\ size\\ (.+?),\\ got\\ (.+?)$'
"""

from __future__ import annotations

import ast
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["SOURCES", "UNREACHABLE", "TorchText", "torch_root", "torch_texts"]

SOURCES = ("nn/modules/rnn.py", "nn/utils/rnn.py")
"""The files read, relative to the installed ``torch`` package."""

#: Texts that no call through the public API can produce, with the reason. Everything else
#: read from the source must have a catalogue entry.
UNREACHABLE: dict[str, str] = {
    # Internal invariants of RNN.forward, checked after torch itself set the values.
    "hx must not be None": "internal assertion: forward always builds hx first",
    "mode must be RNN_TANH or RNN_RELU, got {}": "internal assertion: nn.RNN sets the mode",
    # nn.RNNBase is the shared base class; nn.RNN/LSTM/GRU always pass a valid mode.
    "Unrecognized RNN mode: {}": "only nn.RNNBase('FOO', ...), the base class, reaches it",
    # PackedSequence((data, batch_sizes)) with a malformed tuple: internal constructor form.
    "Expected data to be a list or tuple of length 2": "internal PackedSequence constructor",
    # Only while torch.jit.trace is recording: not a shape error.
    "pack_padded_sequence has been called with a Python list of sequence lengths. The tracer "
    "cannot track the data flow of Python values, and it will treat them as constants, likely "
    "rendering the trace incorrect for any other combination of lengths.": "JIT tracing only",
}


@dataclass(frozen=True)
class TorchText:
    """One message text in torch's source.

    Attributes:
        file: The source file, relative to the torch package.
        line: Its line.
        template: The text, with ``{}`` where torch formats a value in.
    """

    file: str
    line: int
    template: str

    @property
    def regex(self) -> re.Pattern[str]:
        """A pattern that matches the text whatever values torch formats in."""
        parts = re.split(r"\{[^{}]*\}", self.template)
        return re.compile("(.+?)".join(re.escape(part) for part in parts) + "$")


def torch_root() -> Path:
    """The installed torch package folder (found without importing torch)."""
    spec = importlib.util.find_spec("torch")
    if spec is None or spec.origin is None:  # pragma: no cover - torch is a dependency
        raise RuntimeError("torch is not installed")
    return Path(spec.origin).parent


def _text(node: ast.expr) -> str | None:
    """The message of a string expression, with ``{}`` for formatted parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            else:
                parts.append("{}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is None and right is None:
            return None
        return (left or "{}") + (right or "{}")
    return None


def _call_name(node: ast.expr) -> str:
    return ast.unparse(node.func) if isinstance(node, ast.Call) else ""


def _messages(tree: ast.Module) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            text = _text(node.exc.args[0])
            if text is not None:
                found.append((node.lineno, text))
        elif isinstance(node, ast.Call) and _call_name(node).endswith("warn") and node.args:
            text = _text(node.args[0])
            if text is not None:
                found.append((node.lineno, text))
        elif isinstance(node, ast.Call) and _call_name(node).endswith("check_hidden_size"):
            for arg in node.args[2:]:
                text = _text(arg)
                if text is not None:
                    found.append((node.lineno, text))
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "msg" for target in node.targets
        ):
            text = _text(node.value)
            if text is not None:
                found.append((node.lineno, text))
        elif isinstance(node, ast.FunctionDef):
            arguments = node.args.args[len(node.args.args) - len(node.args.defaults) :]
            for argument, default in zip(arguments, node.args.defaults, strict=True):
                text = _text(default) if argument.arg == "msg" else None
                if text is not None:
                    found.append((default.lineno, text))
    return found


@cache
def torch_texts() -> tuple[TorchText, ...]:
    """Every distinct message text of :data:`SOURCES`, in file and line order."""
    root = torch_root()
    texts: dict[str, TorchText] = {}
    for name in SOURCES:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for line, template in sorted(_messages(tree)):
            texts.setdefault(template, TorchText(name, line, template))
    return tuple(texts.values())
