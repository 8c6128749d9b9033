"""Checks on the sources: language parity, and no shape typed by hand in prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources import (
    DOCS,
    EXAMPLES,
    HAND_TYPED_SHAPE,
    code_skeleton,
    example_prose,
    markdown_prose,
    statement_lines,
)

LANGS = ("en", "ko")
#: Every script of both languages, by its path inside the language folder (``plot_01_x.py``,
#: ``models/plot_01_y.py`` for the "Building models" subsection).
EXAMPLE_NAMES = sorted(
    {
        p.relative_to(EXAMPLES / lang).as_posix()
        for lang in LANGS
        for p in (EXAMPLES / lang).rglob("*.py")
    }
)
DOC_NAMES = sorted(
    {str(p.relative_to(DOCS / lang)) for lang in LANGS for p in (DOCS / lang).rglob("*.md")}
)


def _twin_missing(kind: str, name: str) -> str | None:
    missing = [lang for lang in LANGS if not (kind_dir(kind, lang) / name).exists()]
    if not missing:
        return None
    present = next(lang for lang in LANGS if lang not in missing)
    return (
        f"{kind}/{present}/{name} has no twin in {kind}/{missing[0]}/: write the "
        f"{'Korean' if missing[0] == 'ko' else 'English'} counterpart with the same file name"
    )


def kind_dir(kind: str, lang: str) -> Path:
    return (EXAMPLES if kind == "examples" else DOCS) / lang


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_has_its_twin_with_the_same_code(name: str):
    problem = _twin_missing("examples", name)
    assert problem is None, problem
    en, ko = EXAMPLES / "en" / name, EXAMPLES / "ko" / name
    en_code, ko_code = code_skeleton(en), code_skeleton(ko)
    en_lines, ko_lines = statement_lines(en), statement_lines(ko)
    for i, (a, b) in enumerate(zip(en_code, ko_code, strict=False)):
        assert a == b, (
            f"{name}: code differs between languages at examples/en/{name}:{en_lines[i]} and "
            f"examples/ko/{name}:{ko_lines[i]}; only comments, docstrings and strings may differ"
        )
    assert len(en_code) == len(ko_code), (
        f"{name}: examples/en has {len(en_code)} statements, examples/ko has {len(ko_code)}"
    )


def test_the_subsection_examples_are_compared():
    assert "models/plot_01_text_classification.py" in EXAMPLE_NAMES


@pytest.mark.parametrize("name", DOC_NAMES)
def test_page_has_its_twin(name: str):
    problem = _twin_missing("docs", name)
    assert problem is None, problem


@pytest.mark.parametrize("lang", LANGS)
def test_no_shape_is_typed_by_hand_in_prose(lang: str):
    found = [
        f"{path.relative_to(EXAMPLES.parent)}:{line}: {text.strip()}"
        for path in sorted((EXAMPLES / lang).rglob("*.py"))
        for line, text in example_prose(path)
        if HAND_TYPED_SHAPE.search(text)
    ]
    found += [
        f"{path.relative_to(DOCS.parent)}:{line}: {text.strip()}"
        for path in sorted((DOCS / lang).rglob("*.md"))
        for line, text in markdown_prose(path)
        if HAND_TYPED_SHAPE.search(text)
    ]
    assert not found, (
        "shapes typed by hand in prose (print them from code, or glue them):\n" + "\n".join(found)
    )


@pytest.mark.parametrize(
    ("text", "hand_typed"),
    [
        ("output is (1, 20, 10) here", True),
        ("h_n: [2, 1, 10]", True),
        ("a vector of shape (10,)", True),
        ("torch.Size([1, 20, 1])", True),
        ("``(N, L, D * H_out)`` symbols only", False),
        ("a sine wave of 20 steps (time steps)", False),
        ("``logits.transpose(1, 2)`` puts classes second", False),
        ("index ``h_n[0, 0]`` is one vector", False),
    ],
)
def test_the_hand_typed_shape_pattern(text: str, hand_typed: bool):
    assert bool(HAND_TYPED_SHAPE.search(text)) is hand_typed


def test_parity_notices_changed_code(tmp_path: Path):
    en = tmp_path / "en.py"
    ko = tmp_path / "ko.py"
    en.write_text('"""Doc."""\n# prose\nx = f(1)  # c\nprint("a")\n', encoding="utf-8")
    ko.write_text('"""문서."""\n# 설명\nx = f(1)  # 주석\nprint("가")\n', encoding="utf-8")
    assert code_skeleton(en) == code_skeleton(ko)
    ko.write_text('"""문서."""\nx = f(2)\nprint("가")\n', encoding="utf-8")
    assert code_skeleton(en) != code_skeleton(ko)
