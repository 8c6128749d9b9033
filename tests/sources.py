"""Read the project's sources the way the checks need them: code without prose, prose without code."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"

#: A shape written out by hand: ``(2, 1, 10)``, ``(20,)``, ``[1, 20, 10]``, ``torch.Size([...``.
#: A call or an index (``transpose(1, 2)``, ``h_n[0, 0]``) is code, not a shape: the bracket
#: must not follow a name.
HAND_TYPED_SHAPE = re.compile(
    r"torch\.Size\(\s*\[\s*\d|(?<![\w.\])])[(\[]\s*\d+\s*,\s*(?:\d+\s*,?\s*)*[)\]]"
)


class _StripProse(ast.NodeTransformer):
    """Replace every string literal by one placeholder and drop docstrings."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant("…"), node)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        return ast.copy_location(ast.Constant("…"), node)


def code_skeleton(path: Path) -> list[str]:
    """The statements of a script with comments, docstrings and string literals set aside.

    Returns one dumped statement per top-level statement, so a difference can be reported
    with the statement's line number.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the module docstring
    stripper = _StripProse()
    return [ast.dump(stripper.visit(stmt)) for stmt in body]


def statement_lines(path: Path) -> list[int]:
    """Line numbers matching :func:`code_skeleton`'s statements."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return [stmt.lineno for stmt in body]


def example_prose(path: Path) -> list[tuple[int, str]]:
    """The prose a reader sees in an example: module docstring and comments, with line numbers."""
    source = path.read_text(encoding="utf-8")
    prose: list[tuple[int, str]] = []
    tree = ast.parse(source)
    doc = ast.get_docstring(tree, clean=False)
    if doc:
        prose.extend((i + 2, line) for i, line in enumerate(doc.splitlines()))
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT and tok.start[1] == 0:  # cell text, not code comments
            prose.append((tok.start[0], tok.string.lstrip("#")))
    return prose


_FENCE = re.compile(r"^(`{3,}|:{3,})")


def markdown_prose(path: Path) -> list[tuple[int, str]]:
    """Lines of a MyST page outside fenced blocks (code cells, directives, front matter)."""
    prose: list[tuple[int, str]] = []
    fence: str | None = None
    in_front_matter = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number == 1 and line.strip() == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            in_front_matter = line.strip() != "---"
            continue
        match = _FENCE.match(line.strip())
        if fence is None and match:
            fence = match.group(1)
            continue
        if fence is not None:
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
            continue
        prose.append((number, line))
    return prose
