"""Reading the outputs: split ``h_n`` by layer and direction, and pick final features.

``h_n`` stacks layers and directions in its first dimension, ``D*num_layers``, ordered
layer 0 forward, layer 0 backward, layer 1 forward, ... so ``h_n.view(num_layers, D, N, H_out)``
separates them. In ``output`` the forward direction reads time steps 0..L-1 and ends at the
last *real* step of each sequence; the backward direction reads them in reverse, so its final
state sits at time step 0. For a packed batch, with ``output`` padded back::

    padded, lengths = pad_packed_sequence(packed_output, batch_first=batch_first)
    features = final_features(padded, bidirectional, batch_first=batch_first, lengths=lengths)
    # equals final_hidden(h_n, num_layers, bidirectional): shape (N, D*H_out)
"""

from __future__ import annotations

import torch
from torch import Tensor

from rnn_guide.config import RNNConfig
from rnn_guide.shapes import InputSpec, Shape

__all__ = ["final_features", "final_hidden", "h_n_layout", "split_h_n", "split_output"]


def h_n_layout(cfg: RNNConfig, spec: InputSpec) -> Shape:
    """Shape of ``h_n`` split per layer and direction: ``(num_layers, D, N, H_out)``.

    Without a batch dimension it is ``(num_layers, D, H_out)``. Only for RNN, LSTM and GRU.

    >>> from rnn_guide.config import RNNConfig
    >>> from rnn_guide.shapes import InputSpec
    >>> cfg = RNNConfig("LSTM", 8, 6, num_layers=2, bidirectional=True, proj_size=3)
    >>> h_n_layout(cfg, InputSpec(batch=4, seq_len=5)), h_n_layout(cfg, InputSpec(batch=None, seq_len=5))
    ((2, 2, 4, 3), (2, 2, 3))
    """
    if cfg.is_cell:
        raise ValueError(f"{cfg.mode} has no h_n: a cell returns only the next state")
    batch: tuple[int, ...] = (spec.batch,) if spec.batch is not None else ()
    return (cfg.layers, cfg.num_directions, *batch, cfg.h_out)


def split_h_n(h_n: Tensor, num_layers: int, bidirectional: bool) -> Tensor:
    """View ``h_n`` (or ``c_n``) as ``(num_layers, D, N, H)`` (``(num_layers, D, H)`` unbatched).

    ``split_h_n(h_n, ...)[-1]`` is the last layer; ``[..., 0, ...]`` forward, ``1`` backward.
    """
    directions = 2 if bidirectional else 1
    return h_n.view(num_layers, directions, *h_n.shape[1:])


def split_output(output: Tensor, bidirectional: bool) -> Tensor:
    """View ``output`` with the directions apart: last dimension ``D*H_out`` becomes ``D, H_out``.

    Works for ``(L, N, D*H_out)``, ``(N, L, D*H_out)`` and unbatched ``(L, D*H_out)``:
    ``(L, N, D*H_out)`` becomes ``(L, N, D, H_out)``, where ``[..., 0, :]`` is the forward
    direction and ``[..., 1, :]`` the backward one.
    """
    directions = 2 if bidirectional else 1
    return output.view(*output.shape[:-1], directions, output.shape[-1] // directions)


def final_hidden(h_n: Tensor, num_layers: int, bidirectional: bool) -> Tensor:
    """The last layer's final hidden state per sequence, directions concatenated.

    Returns:
        ``(N, D*H_out)``, or ``(D*H_out)`` for unbatched input: ``[forward, backward]``.
    """
    last_layer = split_h_n(h_n, num_layers, bidirectional)[-1]  # (D, N, H) or (D, H)
    return torch.cat(list(last_layer.unbind(0)), dim=-1)


def final_features(
    output: Tensor,
    bidirectional: bool,
    *,
    batch_first: bool = False,
    lengths: Tensor | list[int] | tuple[int, ...] | None = None,
) -> Tensor:
    """Each sequence's final features from a layer's ``output``, as ``final_hidden`` gives them.

    The forward half is taken at each sequence's last real time step (``length - 1``) and the
    backward half at time step 0, where the backward pass ends.

    Args:
        output: ``(L, N, D*H_out)``, ``(N, L, D*H_out)`` with ``batch_first``, or unbatched
            ``(L, D*H_out)``; for packed input, the padded output of ``pad_packed_sequence``.
        bidirectional: Whether the layer ran both directions.
        batch_first: Whether a batched ``output`` is ``(N, L, ...)``.
        lengths: Real length of each sequence (as returned by ``pad_packed_sequence``, in
            the batch's original order); ``None`` means every sequence is ``L`` long.

    Returns:
        ``(N, D*H_out)``, or ``(D*H_out)`` for unbatched ``output``.

    Note:
        The backward half is only meaningful when the backward pass did not start in padding,
        i.e. for packed input or for sequences that fill all ``L`` steps.
    """
    unbatched = output.dim() == 2
    steps = output.unsqueeze(1) if unbatched else output
    if batch_first and not unbatched:
        steps = steps.transpose(0, 1)
    steps = split_output(steps, bidirectional)  # (L, N, D, H)
    seq_len, batch = steps.shape[0], steps.shape[1]
    last = (
        torch.as_tensor(lengths, dtype=torch.long) - 1
        if lengths is not None
        else torch.full((batch,), seq_len - 1, dtype=torch.long)
    )
    halves = [steps[last, torch.arange(batch), 0]]
    if bidirectional:
        halves.append(steps[0, :, 1])
    features = torch.cat(halves, dim=-1)
    return features.squeeze(0) if unbatched else features
