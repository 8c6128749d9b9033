"""rnn_guide: the tensor shapes of PyTorch's recurrent layers, verified by real forward passes.

The package serves the rnn-guide documentation site (tables, glued numbers, the Sphinx
extension) and readers at the command line (``python -m rnn_guide shapes ...``).
Gallery examples never import it: downloaded scripts need only torch and numpy.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
