"""rnn_guide: the tensor shapes of PyTorch's recurrent layers, verified by real forward passes.

The package serves the rnn-guide documentation site (tables, glued numbers, the Sphinx
extension) and readers at the command line (``python -m rnn_guide shapes ...``).
Gallery examples never import it: downloaded scripts need only torch and numpy.
"""

from __future__ import annotations

# The torch-free core; rnn_guide.run and rnn_guide.layout import torch and are imported on use.
from rnn_guide.config import ConfigError, RNNConfig
from rnn_guide.shapes import InputError, InputSpec, ShapeReport, expected_shapes

__all__ = [
    "ConfigError",
    "InputError",
    "InputSpec",
    "RNNConfig",
    "ShapeReport",
    "__version__",
    "expected_shapes",
]

__version__ = "0.1.0"
