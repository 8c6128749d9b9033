"""Test helpers for the rnn_guide tests: ask torch itself whether it refuses something."""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

CELLS = ("RNNCell", "LSTMCell", "GRUCell")
TORCH_ERRORS = (ValueError, TypeError, RuntimeError, AttributeError, IndexError)


def torch_refusal(mode: str, kwargs: Mapping[str, object]) -> str | None:
    """Build ``nn.<mode>(**kwargs)`` and run a tiny forward pass; return torch's error or None.

    Some refusals only come at forward time (an unknown RNNCell nonlinearity, a non-bool
    ``bidirectional``), so a configuration counts as accepted only if both steps succeed.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = getattr(nn, mode)(**kwargs)
            size = int(kwargs["input_size"])  # type: ignore[call-overload]
            x = torch.randn(2, size) if mode in CELLS else torch.randn(3, 2, size)
            module(x)
    except TORCH_ERRORS as err:
        return f"{type(err).__name__}: {err}"
    return None


def torch_input_refusal(
    mode: str,
    kwargs: Mapping[str, object],
    *,
    batch: int | None,
    seq_len: int,
    lengths: list[int] | None = None,
    enforce_sorted: bool = True,
) -> str | None:
    """Run ``nn.<mode>(**kwargs)`` on the described input; return torch's error or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = getattr(nn, mode)(**kwargs)
            size = int(kwargs["input_size"])  # type: ignore[call-overload]
            shape = (seq_len, size) if batch is None else (seq_len, batch, size)
            x: object = torch.randn(*shape)
            if lengths is not None:
                x = pack_padded_sequence(
                    x,  # type: ignore[arg-type]
                    torch.tensor(lengths, dtype=torch.long),
                    enforce_sorted=enforce_sorted,
                )
            module(x)
    except TORCH_ERRORS as err:
        return f"{type(err).__name__}: {err}"
    return None
