"""Broken input fails loudly, names the file and the fix, and leaves nothing half-built."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import test_sources

ROOT = Path(__file__).resolve().parent.parent


def test_a_korean_example_without_english_twin_is_named(tmp_path: Path, monkeypatch):
    (tmp_path / "ko").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "ko" / "plot_99_new.py").write_text("print(1)\n", encoding="utf-8")
    monkeypatch.setattr(test_sources, "EXAMPLES", tmp_path)
    message = test_sources._twin_missing("examples", "plot_99_new.py")
    assert message is not None
    assert "examples/ko/plot_99_new.py" in message
    assert "examples/en/" in message
    assert "English counterpart" in message


def _copy_project(target: Path) -> Path:
    """A copy of the project as a contributor has it: with its last build, when there is one.

    The built state (``docs/_build``, the generated gallery pages and their checksums) comes
    along, so the copy's build is the contributor's incremental one: only what the test breaks
    runs again. Without a previous build the copy builds from nothing, which checks the same.
    """
    ignore = shutil.ignore_patterns(".git", ".nox", "__pycache__", "fast*", "linkcheck*")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.mark.skipif(
    shutil.which("sphinx-build", path=str(Path(sys.executable).parent)) is None,
    reason="needs the docs dependencies (the `test` group includes them)",
)
def test_a_failing_example_fails_the_build_naming_file_and_language(tmp_path: Path):
    project = _copy_project(tmp_path / "project")
    example = project / "examples" / "en" / "plot_01_blog_configurations.py"
    source = example.read_text(encoding="utf-8")
    broken = source.replace(
        "assert output.shape == (N, L, D * H_out)", "assert output.shape == (N, L, 1)"
    )
    assert broken != source
    example.write_text(broken, encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(project)}
    proc = subprocess.run(
        [sys.executable, str(project / "docs" / "build.py")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "examples/en/plot_01_blog_configurations.py" in output
    assert "AssertionError" in output
    assert "The docs build failed for en" in proc.stderr
    assert not (project / "docs" / "_build" / "html").exists(), "a half-built site was left"


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_build", ROOT / "docs" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reproducibility_check_notices_a_changed_byte(tmp_path: Path):
    build = _build_module()
    for name in ("a", "b"):
        (tmp_path / name / "en").mkdir(parents=True)
        (tmp_path / name / "en" / "index.html").write_text("same", encoding="utf-8")
    assert build.tree_differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "en" / "index.html").write_text("built at 12:01", encoding="utf-8")
    (tmp_path / "b" / "en" / "extra.png").write_bytes(b"\x89PNG")
    assert build.tree_differences(tmp_path / "a", tmp_path / "b") == [
        f"only in {tmp_path / 'b'}: en/extra.png",
        "differs: en/index.html",
    ]
    assert build.main(["--compare", str(tmp_path / "a"), str(tmp_path / "b")]) == 1


def test_build_inputs_cover_examples_extension_and_theme():
    build = _build_module()
    files = {path.relative_to(ROOT).as_posix() for path in build.input_files("ko")}
    assert "examples/ko/plot_01_blog_configurations.py" in files
    assert "examples/en/plot_01_blog_configurations.py" not in files
    assert "rnn_guide/sphinxext/freshness.py" in files
    assert "docs/_templates/page.html" in files
    assert not any("/auto_examples/" in name for name in files)
