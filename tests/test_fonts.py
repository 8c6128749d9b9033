"""Korean figures draw Hangul: the build machine has the font and every example keeps it.

The gallery resets Matplotlib before each example; sphinx-gallery's own reset dropped
``docs/matplotlibrc`` and with it the Korean font, so every Korean figure drew boxes. These tests
run in a fresh interpreter with ``MATPLOTLIBRC`` set as ``docs/build.py`` sets it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RC = ROOT / "docs" / "matplotlibrc"

DRAW = """
import warnings
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from rnn_guide.sphinxext.matplotlib_reset import reset_matplotlib
{reset}
fig, ax = plt.subplots()
ax.set_title("은닉 상태 h_n")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        fig.canvas.draw()
    except UserWarning as err:  # reset_matplotlib turns the warning into an error
        caught.append(warnings.WarningMessage(err, UserWarning, "", 0))
missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
print("MISSING" if missing else "OK", plt.rcParams["font.family"])
"""


def draw_hangul(reset: str) -> str:
    """Draw a Korean title in a fresh interpreter after ``reset``; what it printed."""
    env = os.environ | {"MATPLOTLIBRC": str(RC), "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(DRAW.format(reset=reset))],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_build_machine_has_the_korean_font():
    from matplotlib import font_manager

    path = font_manager.findfont("Noto Sans CJK KR", fallback_to_default=False)
    assert "NotoSansCJK" in Path(path).name, (
        f"Noto Sans CJK KR not found (got {path}): apt-get install fonts-noto-cjk"
    )


def test_rc_file_names_the_korean_font():
    families = [line for line in RC.read_text().splitlines() if line.startswith("font.family")]
    assert families == ["font.family: DejaVu Sans, Noto Sans CJK KR"]


def test_gallery_reset_keeps_the_korean_font():
    out = draw_hangul("plt.rcParams['font.family'] = ['DejaVu Sans']\nreset_matplotlib({}, None)")
    assert out.startswith("OK"), out
    assert "Noto Sans CJK KR" in out


def test_builtin_defaults_would_draw_boxes():
    """The failure the reset prevents is real: Matplotlib's own defaults lack Hangul."""
    out = draw_hangul("plt.rcdefaults()")
    assert out.startswith("MISSING"), out


def test_missing_glyph_fails_the_example():
    """After the reset, a label no font can draw raises instead of drawing a box."""
    code = textwrap.dedent(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from rnn_guide.sphinxext.matplotlib_reset import reset_matplotlib
        reset_matplotlib({}, None)
        plt.rcParams["font.family"] = ["DejaVu Sans"]
        fig, ax = plt.subplots()
        ax.set_title("은닉 상태")
        fig.canvas.draw()
        """
    )
    env = os.environ | {"MATPLOTLIBRC": str(RC), "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
        check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "missing from font" in done.stderr


def test_conf_uses_the_reset(monkeypatch):
    import runpy

    monkeypatch.setenv("RNN_GUIDE_LANG", "ko")
    conf = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    resets = conf["sphinx_gallery_conf"]["reset_modules"]
    assert resets == ("rnn_guide.sphinxext.matplotlib_reset.reset_matplotlib",)
    assert conf["sphinx_gallery_conf"].get("reset_modules_order", "before") == "before"
