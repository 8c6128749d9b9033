"""Every gallery example runs as a reader's downloaded script, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.examples_runner import (
    EXAMPLES,
    LANGS,
    example_files,
    example_name,
    example_stdout,
    run_example,
    same_worker,
)

ALL = [path for lang in LANGS for path in example_files(lang)]


def test_both_languages_have_the_same_examples():
    names = {lang: [example_name(p) for p in example_files(lang)] for lang in LANGS}
    assert names["en"], "examples/en has no plot_*.py"
    assert names["en"] == names["ko"], f"examples/en and examples/ko differ: {names}"


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p.relative_to(EXAMPLES).as_posix(), marks=same_worker(p)) for p in ALL],
)
def test_example_runs_standalone(path: Path):
    assert example_stdout(path).strip(), f"{path.name} printed nothing"


def test_an_example_that_imports_rnn_guide_fails(tmp_path: Path):
    script = tmp_path / "plot_99_uses_helper.py"
    script.write_text("import rnn_guide\n", encoding="utf-8")
    proc = run_example(script, cwd=tmp_path)
    assert proc.returncode != 0
    assert "rnn_guide" in proc.stderr


def test_the_building_models_section_is_collected():
    for lang in LANGS:
        names = [example_name(p) for p in example_files(lang)]
        assert "models/plot_01_text_classification.py" in names, names
        assert names.index("models/plot_01_text_classification.py") > names.index(
            "plot_01_blog_configurations.py"
        ), "the subsection comes after the root examples"


def test_a_false_assert_fails_the_example(tmp_path: Path):
    source = (EXAMPLES / "en" / "plot_01_blog_configurations.py").read_text(encoding="utf-8")
    broken = source.replace(
        "assert output.shape == (N, L, D * H_out)", "assert output.shape == (N, L, 1)"
    )
    assert broken != source
    script = tmp_path / "plot_01_blog_configurations.py"
    script.write_text(broken, encoding="utf-8")
    proc = run_example(script, cwd=tmp_path)
    assert proc.returncode != 0
    assert "AssertionError" in proc.stderr
