"""rnn_guide: the tensor shapes of PyTorch's recurrent layers, verified by real forward passes.

The package serves the rnn-guide documentation site (tables, glued numbers, the Sphinx
extension) and readers at the command line (``python -m rnn_guide shapes ...``).
Gallery examples never import it: downloaded scripts need only torch and numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The torch-free core; rnn_guide.run and rnn_guide.layout import torch and are imported on use.
from rnn_guide.config import ConfigError, RNNConfig
from rnn_guide.shapes import InputError, InputSpec, ShapeReport, expected_shapes

if TYPE_CHECKING:
    from rnn_guide.tracing import trace

__all__ = [
    "ConfigError",
    "InputError",
    "InputSpec",
    "RNNConfig",
    "ShapeReport",
    "__version__",
    "expected_shapes",
    "trace",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``rnn_guide.trace`` (:func:`rnn_guide.tracing.trace`), imported with torch on first use."""
    if name == "trace":
        from rnn_guide.tracing import trace

        return trace
    raise AttributeError(f"module 'rnn_guide' has no attribute {name!r}")
