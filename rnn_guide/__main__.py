"""Entry point of ``python -m rnn_guide`` and of the ``rnn-guide`` console script."""

from __future__ import annotations

from rnn_guide.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
