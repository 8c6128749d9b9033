"""The extra packages of the "Building models" examples 7 and 8 are pinned once, in pyproject.toml.

Each of the two examples names its pins twice for readers: in the header (``pip install ...``)
and in the ``# %pip install ...`` line that opens its first code cell (and so the notebook).
Both must be exactly the ``models`` dependency group's pins, and the installed versions must be
the pinned ones, since they printed the pages.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.examples_runner import EXAMPLES, LANGS, ROOT

#: Which pins of the ``models`` group each example needs.
NEEDS = {
    "plot_07_from_keras.py": ["keras"],
    "plot_08_onnx_export.py": ["onnx", "onnxscript", "onnxruntime"],
}


def _models_pins() -> dict[str, str]:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "dependency-groups"
    ]
    pins = [p for p in groups["models"] if isinstance(p, str)]
    assert {"include-group": "models"} in groups["docs"], "the docs group must include models"
    return dict(p.split("==") for p in pins)


def test_the_models_group_pins_what_is_installed():
    pins = _models_pins()
    assert sorted(pins) == sorted(name for names in NEEDS.values() for name in names)
    for name, pinned in pins.items():
        assert version(name) == pinned, f"{name} {version(name)} installed, {pinned} pinned"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(NEEDS))
def test_example_names_its_pins(lang: str, name: str):
    pins = _models_pins()
    wanted = [f"{p}=={pins[p]}" for p in NEEDS[name]]
    source = (EXAMPLES / lang / "models" / name).read_text(encoding="utf-8")
    pip_lines = re.findall(r"^# %pip install ([^#\n]+)", source, flags=re.MULTILINE)
    assert len(pip_lines) == 1, f"{lang}/models/{name}: expected one '# %pip install' line"
    assert pip_lines[0].split()[3:] == wanted, f"{lang}/models/{name}: {pip_lines[0]}"
    header = " ".join(source.split('"""')[1].split())
    assert f"pip install {' '.join(wanted)}" in header, f"{lang}/models/{name}: header pins"


def test_other_examples_need_no_extra_package():
    extra = set(_models_pins())
    for path in sorted(Path(EXAMPLES).rglob("plot_*.py")):
        if path.name in NEEDS:
            continue
        imports = re.findall(
            r"^\s*(?:import|from) (\w+)", path.read_text(encoding="utf-8"), re.MULTILINE
        )
        assert not extra & set(imports), f"{path.relative_to(ROOT)} imports {extra & set(imports)}"
