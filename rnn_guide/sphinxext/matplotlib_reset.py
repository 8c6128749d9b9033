"""Reset Matplotlib between gallery examples without losing the site's ``matplotlibrc``.

sphinx-gallery's own ``"matplotlib"`` reset calls ``plt.rcdefaults()``, which restores
Matplotlib's *built-in* defaults: the ``font.family`` of ``docs/matplotlibrc`` (DejaVu Sans with
Noto Sans CJK KR for Hangul) was dropped before every example, and the Korean figures drew
their labels as empty boxes. No extension offers a reset that keeps the rc file, so this one
does what sphinx-gallery's does and then returns to the rc file Matplotlib loaded at start-up
(``MATPLOTLIBRC``, set by ``docs/build.py``).

A figure label that still has no glyph is an error, not a box: the reset turns Matplotlib's
"Glyph ... missing from font(s)" warning into an exception, so the example fails the build.

conf.py names it by its fully qualified name (sphinx-gallery's ``reset_modules`` accepts
``"module.function"`` strings, which keep the configuration picklable):

>>> from rnn_guide.sphinxext.matplotlib_reset import reset_matplotlib
>>> import matplotlib
>>> matplotlib.rcParams["font.size"] = 31.0
>>> reset_matplotlib({}, None)
>>> matplotlib.rcParams["font.size"] == matplotlib.rcParamsOrig["font.size"]
True
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

__all__ = ["MISSING_GLYPH", "reset_matplotlib"]

#: Matplotlib's warning for a character that no font of ``font.family`` can draw.
MISSING_GLYPH = r"Glyph \d+ .* missing from font"


def reset_matplotlib(gallery_conf: dict[str, Any], fname: object) -> None:
    """Close figures, restore the rc file's settings and forbid missing glyphs.

    Called by sphinx-gallery before every example (``reset_modules_order="before"``).
    """
    del gallery_conf, fname  # sphinx-gallery's reset signature
    import matplotlib
    import matplotlib.category
    import matplotlib.dates
    import matplotlib.pyplot as plt
    import matplotlib.units

    plt.close("all")
    matplotlib.rc_file_defaults()  # rcParamsOrig: the defaults plus MATPLOTLIBRC
    # What sphinx-gallery's reset also does: unit converters registered by one example do not
    # leak into the next.
    importlib.reload(matplotlib.units)
    importlib.reload(matplotlib.dates)
    importlib.reload(matplotlib.category)
    warnings.filterwarnings("error", message=MISSING_GLYPH, category=UserWarning)
