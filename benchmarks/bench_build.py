"""How fast the site builds, against running the examples by hand: ``nox -s bench``.

Measures, on this machine, one after another:

* ``baseline``: every gallery example (both languages) run as its own ``python`` process;
* ``cold``: a bilingual build with every generated page and cache removed;
* ``no_change``: the same build again, nothing changed;
* ``one_example``: after editing one English example (only it may re-execute);
* ``rnn_guide``: after editing ``rnn_guide`` (only the pages that import it may re-execute);
* ``docs_fast``: the prose-only build (``docs/build.py --fast``) from nothing;
* ``tests``: the README's test command (``pytest -n auto --dist loadgroup``, as ``nox -s
  tests`` runs it) against the site just built: reported, never asserted.

Prints the ratios next to the targets and writes everything to
``benchmarks/results/build.json``. Edits are made to a comment and undone afterwards.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BUILD_SCRIPT = ROOT / "docs" / "build.py"
RESULTS = ROOT / "benchmarks" / "results" / "build.json"
TARGETS = {
    "cold/baseline": 1.0,
    "no_change/cold": 0.15,
    "one_example/cold": 0.3,
    "docs_fast/cold": 0.3,
}


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return elapsed, proc.stdout + proc.stderr


def example_scripts() -> list[Path]:
    """Every gallery script of both languages, subsections (``examples/<lang>/models/``) too."""
    return sorted(EXAMPLES.glob("*/plot_*.py")) + sorted(EXAMPLES.glob("*/*/plot_*.py"))


def baseline() -> float:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    total = 0.0
    for path in example_scripts():
        elapsed, _ = timed([sys.executable, str(path)], env)
        total += elapsed
    return total


def build(*args: str) -> tuple[float, str]:
    return timed([sys.executable, str(BUILD_SCRIPT), *args])


def executed_examples(log: str) -> dict[str, int]:
    """How many examples each language executed, from sphinx-gallery's summary lines."""
    counts = {}
    for lang in ("ko", "en"):
        match = re.search(rf"\[{lang}\] Sphinx-Gallery successfully executed (\d+) out of", log)
        counts[lang] = int(match.group(1)) if match else 0
    return counts


def executed_pages(log: str) -> dict[str, int]:
    """How many narrative pages each language executed (myst-nb's per-page log line)."""
    return {
        lang: len(re.findall(rf"\[{lang}\] .*: Executed notebook in", log)) for lang in ("ko", "en")
    }


class Edit:
    """Append text to a file, and take it away again."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.original = path.read_text(encoding="utf-8")

    def __enter__(self) -> Self:
        self.path.write_text(self.original + self.text, encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def main() -> int:
    example = EXAMPLES / "en" / "plot_01_blog_configurations.py"
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "examples": len(example_scripts()),
    }
    seconds: dict[str, float] = {}
    seconds["baseline"] = baseline()
    seconds["cold"], log = build("--fresh")
    results["cold_executed"] = {"examples": executed_examples(log), "pages": executed_pages(log)}
    seconds["no_change"], log = build()
    results["no_change_executed"] = {
        "examples": executed_examples(log),
        "pages": executed_pages(log),
    }
    with Edit(example, "\n# %%\n# Benchmark edit.\n"):  # a new prose cell: valid reST
        seconds["one_example"], log = build()
    results["one_example_executed"] = {
        "file": f"examples/en/{example.name}",
        "examples": executed_examples(log),
        "pages": executed_pages(log),
    }
    build()  # the example is back as it was: rebuild, unmeasured, before the next edit
    with Edit(ROOT / "rnn_guide" / "__init__.py", "# benchmark edit\n"):
        seconds["rnn_guide"], log = build()
    results["rnn_guide_executed"] = {
        "examples": executed_examples(log),
        "pages": executed_pages(log),
    }
    build()  # leave the site matching the sources again
    for generated in ("fast", "fast-src", "fast-doctrees"):
        shutil.rmtree(ROOT / "docs" / "_build" / generated, ignore_errors=True)
    seconds["docs_fast"], _ = build("--fast")
    if "--no-tests" not in sys.argv:
        seconds["tests"], log = timed(
            [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "loadgroup", "-q"]
        )
        results["tests_summary"] = log.strip().splitlines()[-1]

    ratios = {
        "cold/baseline": seconds["cold"] / seconds["baseline"],
        "no_change/cold": seconds["no_change"] / seconds["cold"],
        "one_example/cold": seconds["one_example"] / seconds["cold"],
        "rnn_guide/cold": seconds["rnn_guide"] / seconds["cold"],
        "docs_fast/cold": seconds["docs_fast"] / seconds["cold"],
    }
    results |= {"seconds": seconds, "ratios": ratios, "targets": TARGETS}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")

    print(f"{'measure':<18} {'seconds':>8}")
    for name, value in seconds.items():
        print(f"{name:<18} {value:8.1f}")
    print(f"\n{'ratio':<18} {'value':>6} {'target':>7}")
    for name, value in ratios.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if value <= target else "MISSED")
        shown = "-" if target is None else f"<= {target}"
        print(f"{name:<18} {value:6.2f} {shown:>7} {verdict}")
    for key in (
        "cold_executed",
        "no_change_executed",
        "one_example_executed",
        "rnn_guide_executed",
    ):
        print(f"{key}: {results[key]}")
    if "tests_summary" in results:
        print(f"tests: {seconds['tests']:.0f} s ({results['tests_summary']})")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
