"""The shape formulas: exact values for known configurations, and the input checks."""

from __future__ import annotations

from dataclasses import replace

import pytest
import torch
from torch.nn.utils.rnn import pack_padded_sequence

from rnn_guide.config import RNNConfig
from rnn_guide.shapes import (
    InputError,
    InputSpec,
    evaluate,
    expected_shapes,
    mismatches,
    parameter_symbols,
)
from tests.rnn_guide_torch import torch_input_refusal


def test_blog_config_input_size_1():
    cfg = RNNConfig("RNN", input_size=1, hidden_size=10, num_layers=2, batch_first=True)
    report = expected_shapes(cfg, InputSpec(batch=1, seq_len=20))
    assert report.input == (1, 20, 1)
    assert report.output == (1, 20, 10)
    assert report.h_n == (2, 1, 10)
    assert report.c_n is None


def test_blog_config_input_size_3():
    cfg = RNNConfig("RNN", input_size=3, hidden_size=15, num_layers=2, batch_first=True)
    report = expected_shapes(cfg, InputSpec(batch=1, seq_len=20))
    assert (report.input, report.output, report.h_n) == ((1, 20, 3), (1, 20, 15), (2, 1, 15))


@pytest.mark.parametrize(
    ("cfg", "spec", "symbols"),
    [
        (
            RNNConfig("LSTM", 4, 8, num_layers=2, bidirectional=True, proj_size=3),
            InputSpec(batch=3, seq_len=5),
            {
                "input": "(L, N, H_in)",
                "output": "(L, N, D*H_out)",
                "h_n": "(D*num_layers, N, H_out)",
                "c_n": "(D*num_layers, N, H_cell)",
                "weight_hr_l1_reverse": "(P, H_cell)",
                "weight_ih_l1": "(4*H_cell, D*H_out)",
            },
        ),
        (
            RNNConfig("GRU", 4, 8, batch_first=True),
            InputSpec(batch=3, seq_len=5, lengths=(2, 5, 1), enforce_sorted=False, with_h0=True),
            {
                "input": "(N, L, H_in)",
                "packed_data": "(sum(lengths), H_in)",
                "batch_sizes": "(max(lengths))",
                "packed_output_data": "(sum(lengths), D*H_out)",
                "output": "(N, max(lengths), D*H_out)",
                "h_0": "(D*num_layers, N, H_out)",
                "weight_hh_l0": "(3*H_out, H_out)",
            },
        ),
        (
            RNNConfig("RNN", 4, 8),
            InputSpec(batch=None, seq_len=5),
            {"input": "(L, H_in)", "output": "(L, D*H_out)", "h_n": "(D*num_layers, H_out)"},
        ),
        (
            RNNConfig("LSTMCell", 4, 8),
            InputSpec(batch=2, with_h0=True),
            {
                "input": "(N, H_in)",
                "output": "(N, H_out)",
                "c_n": "(N, H_cell)",
                "c_0": "(N, H_cell)",
            },
        ),
        (
            RNNConfig("RNNCell", 4, 8),
            InputSpec(batch=None),
            {"input": "(H_in)", "output": "(H_out)", "weight_hh": "(H_out, H_out)"},
        ),
    ],
)
def test_symbolic_forms(cfg, spec, symbols):
    report = expected_shapes(cfg, spec)
    for name, symbolic in symbols.items():
        assert report.symbols[name] == symbolic
    # Every number is the evaluation of its symbolic form.
    for name, shape in report.tensors():
        assert evaluate(report.symbols[name], report.symbol_values) == shape
    for name, shape in report.parameters:
        assert evaluate(report.symbols[name], report.symbol_values) == shape


def test_symbol_values_use_torch_names():
    cfg = RNNConfig("LSTM", 4, 8, num_layers=2, bidirectional=True, proj_size=3)
    report = expected_shapes(cfg, InputSpec(batch=3, seq_len=5, lengths=(5, 2, 2)))
    assert dict(report.symbol_values) == {
        "N": 3,
        "L": 5,
        "D": 2,
        "num_layers": 2,
        "H_in": 4,
        "H_cell": 8,
        "P": 3,
        "H_out": 3,
        "sum(lengths)": 9,
        "max(lengths)": 5,
    }


def test_packed_values_match_torch():
    lengths = (6, 4, 4, 1)
    spec = InputSpec(batch=4, seq_len=7, lengths=lengths)
    report = expected_shapes(RNNConfig("GRU", 2, 3), spec)
    packed = pack_padded_sequence(torch.zeros(7, 4, 2), torch.tensor(lengths))
    assert report.batch_sizes == tuple(packed.batch_sizes.tolist())
    assert report.packed_data == tuple(packed.data.shape)
    # pad_packed_sequence pads to the longest length, not to seq_len.
    assert report.output == (6, 4, 3)


def test_cell_has_no_h_n_and_no_packing():
    report = expected_shapes(RNNConfig("GRUCell", 2, 3), InputSpec(batch=4))
    assert (report.output, report.h_n, report.c_n, report.packed_data) == ((4, 3), None, None, None)
    assert [name for name, _ in report.parameters] == [
        "weight_ih",
        "weight_hh",
        "bias_ih",
        "bias_hh",
    ]


def test_parameters_without_bias():
    names = [
        name
        for name, _ in parameter_symbols(RNNConfig("GRU", 2, 3, bias=False, bidirectional=True))
    ]
    assert names == ["weight_ih_l0", "weight_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse"]


# (spec kwargs, error code, torch's view: kwargs for torch_input_refusal, or None if torch has
# no equivalent input and the rule is rnn_guide's own).
BAD_INPUTS = [
    ({"batch": 3, "seq_len": 0}, "seq_len_positive", {"batch": 3, "seq_len": 0}),
    ({"batch": -1, "seq_len": 4}, "batch_negative", {"batch": -1, "seq_len": 4}),
    ({"batch": 3, "seq_len": 5, "lengths": (5, 0, 2)}, "length_positive", {"lengths": [5, 2, 0]}),
    ({"batch": 3, "seq_len": 5, "lengths": (5, 3)}, "lengths_count", {"lengths": [5, 3]}),
    ({"batch": 3, "seq_len": 5, "lengths": (5, 3, 2, 1)}, "lengths_count", {"lengths": [5, 3, 2, 1]}),
    ({"batch": 3, "seq_len": 5, "lengths": (2, 5, 3)}, "lengths_unsorted", {"lengths": [2, 5, 3]}),
    ({"batch": 3, "seq_len": 5, "lengths": (9, 3, 1)}, "length_too_long", {"lengths": [9, 3, 1]}),
    ({"batch": 0, "seq_len": 5, "lengths": ()}, "lengths_empty", {"batch": 0, "lengths": []}),
    ({"batch": None, "seq_len": 5, "lengths": (5,)}, "lengths_unbatched", {"batch": None, "lengths": [5]}),
    ({"batch": 3, "seq_len": 5.0}, "not_int", None),
    ({"batch": 3, "seq_len": 5, "lengths": (5, 2.5, 1)}, "not_int", None),
    ({"batch": 3, "seq_len": 5, "enforce_sorted": False}, "enforce_sorted_without_lengths", None),
    ({"batch": 3, "seq_len": 5, "with_h0": 1}, "not_bool", None),
]  # fmt: skip


@pytest.mark.parametrize(("spec_kwargs", "code", "torch_view"), BAD_INPUTS)
def test_input_refusals(spec_kwargs, code, torch_view):
    if torch_view is not None:
        view = {"batch": 3, "seq_len": 5, **torch_view}
        assert torch_input_refusal("GRU", {"input_size": 2, "hidden_size": 3}, **view) is not None
    with pytest.raises(InputError) as caught:
        InputSpec(**spec_kwargs)
    assert caught.value.code == code


def test_torch_packs_a_length_above_seq_len_into_a_broken_sequence():
    """Why rnn_guide refuses it: torch does not, until the forward pass fails obscurely."""
    packed = pack_padded_sequence(torch.zeros(5, 3, 2), torch.tensor([9, 3, 1]))
    assert sum(packed.batch_sizes.tolist()) != packed.data.shape[0]


def test_batch_zero_is_accepted_like_torch():
    assert (
        torch_input_refusal("LSTM", {"input_size": 2, "hidden_size": 3}, batch=0, seq_len=4) is None
    )
    report = expected_shapes(RNNConfig("LSTM", 2, 3), InputSpec(batch=0, seq_len=4))
    assert (report.output, report.h_n) == ((4, 0, 3), (1, 0, 3))


@pytest.mark.parametrize(
    ("cfg", "spec", "code"),
    [
        (RNNConfig("GRUCell", 2, 3), InputSpec(batch=2, seq_len=4), "cell_input_arg"),
        (
            RNNConfig("LSTMCell", 2, 3),
            InputSpec(batch=2, seq_len=4, lengths=(4, 1)),
            "cell_input_arg",
        ),
        (RNNConfig("GRU", 2, 3), InputSpec(batch=2), "seq_len_missing"),
    ],
)
def test_input_must_fit_the_module(cfg, spec, code):
    with pytest.raises(InputError) as caught:
        expected_shapes(cfg, spec)
    assert caught.value.code == code


def test_lists_become_tuples():
    assert InputSpec(batch=2, seq_len=3, lengths=[3, 1]).lengths == (3, 1)  # type: ignore[arg-type]


def test_mismatches_lists_every_difference():
    report = expected_shapes(RNNConfig("LSTM", 2, 3, num_layers=2), InputSpec(batch=2, seq_len=3))
    params = dict(report.parameters)
    params["weight_hh_l1"] = (12, 4)
    broken = replace(report, h_n=(2, 2, 4), parameters=tuple(params.items()))
    assert mismatches(report, broken) == [
        ("h_n", (2, 2, 3), (2, 2, 4)),
        ("weight_hh_l1", (12, 3), (12, 4)),
    ]
    renamed = replace(report, parameters=(("weight_ih_l0", (12, 2)),))
    assert mismatches(report, renamed)[0][0] == "parameter names"
    assert mismatches(report, replace(report, notes=("anything",))) == []
