"""Checks on the sources: language parity, and no shape typed by hand in prose."""

from __future__ import annotations

import re
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


# -- Korean wording -------------------------------------------------------------------------
# The site glossary (rnn_guide/glossary.py, rendered on 용어집) fixes one Korean word per
# concept and the voice of the pages. These checks read every line with Hangul that a Korean
# reader can see: the Korean pages and examples, the package's Korean messages, the templates
# and translations. The glossary itself lists other sources' words on purpose (정답, 파라미터,
# 타겟, logit) and is left out with its renderer.

ROOT = DOCS.parent
HANGUL_LINE = re.compile("[가-힣]")
#: The glossary's data and its renderer, which show other sources' words on purpose.
GLOSSARY_SOURCES = {"glossary.py", "glossary_page.py"}
KOREAN_SOURCES = sorted(
    [
        *(DOCS / "ko").glob("*.md"),
        *(EXAMPLES / "ko").rglob("*.py"),
        *(EXAMPLES / "ko").glob("*.rst"),
        DOCS / "_templates" / "page.html",
        DOCS / "locales" / "ko" / "LC_MESSAGES" / "sphinx.po",
        DOCS / "conf.py",
        ROOT / "README.md",
        *(p for p in (ROOT / "rnn_guide").rglob("*.py") if p.name not in GLOSSARY_SOURCES),
    ]
)

_PARTICLE = "(?:로|으로|와|과|이|가|을|를|은|는)"
KOREAN_BANS: tuple[tuple[str, re.Pattern[str], str, frozenset[Path]], ...] = (
    ("거부", re.compile("거부"), "a calque of 'refuse': 오류가 납니다, 받지 않습니다, 미리 걸러 냅니다",
     frozenset()),
    ("-세요", re.compile("[가-힣]세요"), "one imperative form on the site: -십시오", frozenset()),
    ("파라미터", re.compile("파라미터"), "매개변수 (a learned tensor); a constructor value is 인자",
     frozenset()),
    ("매개변수 for an argument", re.compile(r"인자\s*\(\s*매개변수|매개변수\s*\(\s*인자|매개변수 안내"),
     "constructor arguments are 인자, never 매개변수", frozenset()),
    ("정답/타겟", re.compile("정답|타겟"), "target is 타깃 (truth: 실제 값, class labels: 레이블)",
     frozenset()),
    ("bare logit", re.compile(r"(?<![A-Za-z_`])(?<!로짓\()logit(?![A-Za-z_`])"),
     "로짓, with (logit) once on first use", frozenset()),
    ("bare many-to-one/many", re.compile(r"(?<![(,] )(?<!\()many-to-(?:one|many)"),
     "다대일/다대다, with the English once in parentheses", frozenset()),
    ("version particle", re.compile(rf"(?:\d+\.\d+\.\d+|\}}\}}|\{{(?:torch|python|version)\}}){_PARTICLE}"),
     "a particle after a version reads wrong for some versions: 'PyTorch 2.13.0 버전으로'",
     frozenset()),
    ("내림차순이어야", re.compile("내림차순이어야"),
     "ties are accepted: 길이가 긴 것부터 놓여야 합니다(같은 길이는 괜찮습니다)", frozenset()),
    ("숨겨진", re.compile("숨겨진"), "hidden is 은닉", frozenset()),
)  # fmt: skip


def korean_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of ``path`` that carry Hangul (prose, comments, strings, labels)."""
    text = path.read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if HANGUL_LINE.search(line)]


@pytest.mark.parametrize("ban", KOREAN_BANS, ids=[ban[0] for ban in KOREAN_BANS])
def test_korean_wording_follows_the_glossary(ban):
    name, pattern, instead, skipped = ban
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in KOREAN_SOURCES
        if path not in skipped
        for n, line in korean_lines(path)
        if pattern.search(line)
    ]
    assert not found, f"{name}: write {instead}:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("line", "banned"),
    [
        ("torch가 이 값을 거부합니다.", "거부"),
        ("계산기에서 확인해 보세요.", "-세요"),
        ("계산기에서 확인해 보십시오.", None),
        ("모든 파라미터의 모양", "파라미터"),
        ("생성자 인자(매개변수)가 같습니다", "매개변수 for an argument"),
        ("정답과 예측값", "정답/타겟"),
        ("클래스 점수(logit)", "bare logit"),
        ("클래스 점수인 로짓(logit)", None),
        ("``logits``\\ 의 모양", None),
        ("이 문제는 many-to-many입니다.", "bare many-to-one/many"),
        ("다대다(many-to-many) 문제", None),
        ("PyTorch {{ torch_version }}로 순전파", "version particle"),
        ("PyTorch {{ p.torch }}와 Python", "version particle"),
        ("PyTorch 2.13.0으로 찍은", "version particle"),
        ("PyTorch {{ torch_version }} 버전으로", None),
        ("dropout=0.5로 만든 모듈", None),
    ],
)
def test_the_korean_bans(line: str, banned: str | None):
    hits = [name for name, pattern, _, _ in KOREAN_BANS if pattern.search(line)]
    assert hits == ([banned] if banned else []), hits


def test_english_says_non_increasing_not_decreasing():
    """torch's message says "sorted in decreasing order"; equal lengths pass, so we say so."""
    claim = re.compile(r"(?<!sorted )\bin decreasing order|must be (?:in )?decreasing")
    sources = [*(DOCS / "en").glob("*.md"), *(EXAMPLES / "en").rglob("*.py"),
               *(ROOT / "rnn_guide").rglob("*.py")]  # fmt: skip
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted(sources)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if claim.search(line)
    ]
    assert not found, "write non-increasing (ties are accepted):\n" + "\n".join(found)


#: The blog post's variables and the PyTorch symbols they hold (the start page's table).
BLOG_NAMES = {"batch_size": "N", "seq_length": "L", "input_size": "H_in", "hidden_dim": "H_out",
              "n_layers": "num_layers"}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_ties_the_blog_names_to_the_symbols(lang: str):
    page = (DOCS / lang / "start.md").read_text(encoding="utf-8")
    for name, symbol in BLOG_NAMES.items():
        assert re.search(rf"^\| `{name}` \| `{symbol}` \|", page, flags=re.MULTILINE), (
            f"docs/{lang}/start.md: no table row for the blog's {name} as {symbol}"
        )
    lstm_only = re.search(r"^\| `H_cell` \|.*\n\| `P` \|", page, flags=re.MULTILINE)
    assert lstm_only, f"docs/{lang}/start.md: H_cell and P belong in their own LSTM table"
    assert not re.search(r"^\| `num_layers` \|.*\n\| `H_cell` \|", page, flags=re.MULTILINE)
