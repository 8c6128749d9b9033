"""Layout helpers agree with what torch actually puts in h_n and output."""

from __future__ import annotations

import itertools
import warnings

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from rnn_guide.config import RNNConfig
from rnn_guide.layout import final_features, final_hidden, h_n_layout, split_h_n, split_output
from rnn_guide.shapes import InputSpec

MODES = ("RNN", "LSTM", "GRU")
CASES = list(itertools.product(MODES, (False, True), (False, True)))
IDS = [f"{m}-bidirectional={b}-batch_first={f}" for m, b, f in CASES]
NUM_LAYERS = 2


def _module(mode: str, bidirectional: bool, batch_first: bool) -> nn.Module:
    torch.manual_seed(0)
    kwargs = {"num_layers": NUM_LAYERS, "bidirectional": bidirectional, "batch_first": batch_first}
    return getattr(nn, mode)(3, 5, **kwargs).eval()


def _h_n(state: object) -> torch.Tensor:
    return state[0] if isinstance(state, tuple) else state  # type: ignore[return-value]


@pytest.mark.parametrize(("mode", "bidirectional", "batch_first"), CASES, ids=IDS)
def test_split_h_n_matches_layer_and_direction(mode, bidirectional, batch_first):
    """h_n[layer*D + direction] is that layer's final state in that direction."""
    module = _module(mode, bidirectional, batch_first)
    x = torch.randn(4, 6, 3) if batch_first else torch.randn(6, 4, 3)
    output, state = module(x)
    h_n = _h_n(state)
    split = split_h_n(h_n, NUM_LAYERS, bidirectional)
    directions = 2 if bidirectional else 1
    assert tuple(split.shape) == (NUM_LAYERS, directions, 4, 5)
    for layer, direction in itertools.product(range(NUM_LAYERS), range(directions)):
        assert torch.equal(split[layer, direction], h_n[layer * directions + direction])
    # The last layer's forward direction ends at the last time step of output.
    steps = split_output(output.transpose(0, 1) if batch_first else output, bidirectional)
    torch.testing.assert_close(split[-1, 0], steps[-1, :, 0])
    if bidirectional:  # ...and the backward direction ends at time step 0.
        torch.testing.assert_close(split[-1, 1], steps[0, :, 1])


@pytest.mark.parametrize(("mode", "bidirectional", "batch_first"), CASES, ids=IDS)
def test_final_features_of_packed_batches(mode, bidirectional, batch_first):
    """Read off the padded output, the final features equal the last layer of h_n."""
    module = _module(mode, bidirectional, batch_first)
    lengths = [3, 6, 1, 4]  # unsorted: pad_packed_sequence gives them back in this order
    x = torch.randn(4, 6, 3) if batch_first else torch.randn(6, 4, 3)
    packed = pack_padded_sequence(x, lengths, batch_first=batch_first, enforce_sorted=False)
    packed_out, state = module(packed)
    padded, returned_lengths = pad_packed_sequence(packed_out, batch_first=batch_first)
    assert returned_lengths.tolist() == lengths
    features = final_features(
        padded, bidirectional, batch_first=batch_first, lengths=returned_lengths
    )
    expected = final_hidden(_h_n(state), NUM_LAYERS, bidirectional)
    assert tuple(features.shape) == (4, (2 if bidirectional else 1) * 5)
    torch.testing.assert_close(features, expected)
    # Taking the last padded step instead would be wrong for every shorter sequence.
    naive = padded[:, -1] if batch_first else padded[-1]
    assert not torch.allclose(naive, expected)


@pytest.mark.parametrize(("mode", "bidirectional"), list(itertools.product(MODES, (False, True))))
def test_final_features_unbatched_and_full_length(mode, bidirectional):
    module = _module(mode, bidirectional, False)
    output, state = module(torch.randn(6, 3))  # unbatched
    torch.testing.assert_close(
        final_features(output, bidirectional), final_hidden(_h_n(state), NUM_LAYERS, bidirectional)
    )
    output, state = module(torch.randn(6, 2, 3))
    torch.testing.assert_close(
        final_features(output, bidirectional), final_hidden(_h_n(state), NUM_LAYERS, bidirectional)
    )


def test_layout_with_projection():
    module = nn.LSTM(3, 6, num_layers=2, bidirectional=True, proj_size=2)
    x = torch.randn(5, 3, 3)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "LSTM with projections is not supported with oneDNN")
        _, (h_n, c_n) = module(x)
    cfg = RNNConfig("LSTM", 3, 6, num_layers=2, bidirectional=True, proj_size=2)
    layout = h_n_layout(cfg, InputSpec(batch=3, seq_len=5))
    assert layout == (2, 2, 3, 2)
    assert tuple(split_h_n(h_n, 2, True).shape) == layout
    assert tuple(split_h_n(c_n, 2, True).shape) == (2, 2, 3, 6)  # c_n keeps H_cell


def test_h_n_layout_refuses_cells():
    with pytest.raises(ValueError, match="has no h_n"):
        h_n_layout(RNNConfig("GRUCell", 2, 3), InputSpec(batch=2))
