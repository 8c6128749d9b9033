"""Every formula is proven against real forward passes: a grid, then a hypothesis sweep."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_guide.config import MODES, RNNConfig
from rnn_guide.run import (
    LARGE_RUN_ELEMENTS,
    ShapeMismatchError,
    build_module,
    estimated_elements,
    run_forward,
    verified_shapes,
)
from rnn_guide.shapes import InputSpec, ShapeReport, expected_shapes, mismatches

LAYERS = ("RNN", "LSTM", "GRU")
CELLS = ("RNNCell", "LSTMCell", "GRUCell")


def assert_formula_matches_torch(cfg: RNNConfig, spec: InputSpec) -> ShapeReport:
    expected = expected_shapes(cfg, spec)
    actual = run_forward(cfg, spec)
    assert mismatches(expected, actual) == []
    # mismatches() compares parameters by name and order; check the full tuples too.
    assert expected.parameters == actual.parameters
    return actual


def test_blog_configs_against_torch():
    for input_size, hidden in ((1, 10), (3, 15)):
        cfg = RNNConfig("RNN", input_size, hidden, num_layers=2, batch_first=True)
        report = assert_formula_matches_torch(cfg, InputSpec(batch=1, seq_len=20))
        assert (report.output, report.h_n) == ((1, 20, hidden), (2, 1, hidden))


LAYER_INPUTS = {
    "batched": InputSpec(batch=3, seq_len=5),
    "batch 0": InputSpec(batch=0, seq_len=5),
    "unbatched": InputSpec(batch=None, seq_len=5),
    "packed sorted": InputSpec(batch=3, seq_len=5, lengths=(5, 3, 3)),
    "packed unsorted": InputSpec(batch=4, seq_len=6, lengths=(2, 6, 1, 4), enforce_sorted=False),
    "packed short": InputSpec(batch=2, seq_len=7, lengths=(4, 2)),  # padded to 4, not 7
}
CELL_INPUTS = {
    "batched": InputSpec(batch=3),
    "batch 0": InputSpec(batch=0),
    "unbatched": InputSpec(batch=None),
}
LAYER_FLAGS = [
    {},
    {"num_layers": 2, "bidirectional": True},
    {"batch_first": True, "bias": False},
    {"num_layers": 3, "batch_first": True, "bidirectional": True, "dropout": 0.5},
]


def _layer_cases():
    for mode, flags, (kind, spec), h0 in itertools.product(
        LAYERS, LAYER_FLAGS, LAYER_INPUTS.items(), (False, True)
    ):
        yield pytest.param(
            mode, flags, replace(spec, with_h0=h0), id=f"{mode}-{flags}-{kind}-h0={h0}"
        )
    for flags in ({"proj_size": 2}, {"proj_size": 3, "num_layers": 2, "bidirectional": True}):
        for kind, spec in LAYER_INPUTS.items():
            yield pytest.param("LSTM", flags, spec, id=f"LSTM-{flags}-{kind}")
    for spec in LAYER_INPUTS.values():
        yield pytest.param("RNN", {"nonlinearity": "relu"}, spec, id="RNN-relu")


@pytest.mark.parametrize(("mode", "flags", "spec"), list(_layer_cases()))
def test_layer_grid(mode, flags, spec):
    report = assert_formula_matches_torch(RNNConfig(mode, 2, 4, **flags), spec)
    assert report.h_n is not None


@pytest.mark.parametrize("mode", CELLS)
@pytest.mark.parametrize("spec", list(CELL_INPUTS.values()), ids=list(CELL_INPUTS))
@pytest.mark.parametrize("with_h0", [False, True])
@pytest.mark.parametrize("bias", [True, False])
def test_cell_grid(mode, spec, with_h0, bias):
    spec = replace(spec, with_h0=with_h0)
    report = assert_formula_matches_torch(RNNConfig(mode, 2, 4, bias=bias), spec)
    assert report.h_n is None
    assert (report.c_n is not None) == (mode == "LSTMCell")


@st.composite
def configs_and_inputs(draw):
    mode = draw(st.sampled_from(MODES))
    input_size = draw(st.integers(1, 5))
    hidden_size = draw(st.integers(1, 6))
    kwargs: dict[str, object] = {"bias": draw(st.booleans())}
    if mode in LAYERS:
        optional = {
            "num_layers": st.integers(1, 3),
            "batch_first": st.booleans(),
            "bidirectional": st.booleans(),
            "dropout": st.sampled_from([0.0, 0.3, 1.0]),
        }
        if mode == "LSTM":
            optional["proj_size"] = st.integers(0, hidden_size - 1)
        kwargs |= draw(st.fixed_dictionaries({}, optional=optional))
    if mode in ("RNN", "RNNCell"):
        kwargs |= draw(
            st.fixed_dictionaries({}, optional={"nonlinearity": st.sampled_from(["tanh", "relu"])})
        )
    cfg = RNNConfig(mode, input_size, hidden_size, **kwargs)  # type: ignore[arg-type]

    batch = draw(st.none() | st.integers(0, 4))
    with_h0 = draw(st.booleans())
    if cfg.is_cell:
        return cfg, InputSpec(batch=batch, with_h0=with_h0)
    seq_len = draw(st.integers(1, 6))
    lengths = None
    enforce_sorted = True
    if batch and draw(st.booleans()):
        lengths = draw(st.lists(st.integers(1, seq_len), min_size=batch, max_size=batch))
        enforce_sorted = draw(st.booleans())
        if enforce_sorted:
            lengths.sort(reverse=True)
    return cfg, InputSpec(batch, seq_len, lengths and tuple(lengths), enforce_sorted, with_h0)


@settings(max_examples=250, deadline=None, derandomize=True, database=None)
@given(configs_and_inputs())
def test_sweep_formula_equals_forward_pass(case):
    cfg, spec = case
    assert_formula_matches_torch(cfg, spec)


def test_module_parameters_follow_the_formula_for_every_mode():
    for mode in MODES:
        cfg = RNNConfig(mode, 3, 5)
        module, notes = build_module(cfg)
        assert notes == ()
        assert [name for name, _ in module.named_parameters()] == [
            name
            for name, _ in expected_shapes(
                cfg, InputSpec(batch=1, seq_len=None if cfg.is_cell else 2)
            ).parameters
        ]


def test_dropout_warning_becomes_a_note():
    report = run_forward(RNNConfig("GRU", 2, 3, dropout=0.4), InputSpec(batch=2, seq_len=3))
    assert len(report.notes) == 1
    assert "num_layers greater than 1" in report.notes[0]
    # A direct construction warns (and, under filterwarnings=error, raises): the note is torch's.
    with pytest.warns(UserWarning, match="non-zero dropout expects num_layers greater than 1"):
        torch.nn.GRU(2, 3, dropout=0.4)


def test_run_leaves_global_random_state_alone():
    torch.manual_seed(123)
    before = torch.random.get_rng_state()
    run_forward(RNNConfig("LSTM", 2, 3), InputSpec(batch=2, seq_len=3, with_h0=True))
    assert torch.equal(before, torch.random.get_rng_state())


def test_verified_shapes_refuses_to_answer_on_disagreement(monkeypatch):
    from rnn_guide import run

    def wrong_formula(cfg, spec):
        report = expected_shapes(cfg, spec)
        return replace(report, output=(99,))

    monkeypatch.setattr(run, "expected_shapes", wrong_formula)
    with pytest.raises(ShapeMismatchError) as caught:
        verified_shapes(RNNConfig("GRU", 2, 3), InputSpec(batch=2, seq_len=3))
    assert caught.value.differences == [("output", (99,), (3, 2, 3))]
    assert "formula (99,), forward pass (3, 2, 3)" in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["batched", "unbatched", "packed unsorted", "batch 0"])
def test_meta_device_gives_the_same_shapes(mode, kind):
    cfg = (
        RNNConfig(mode, 2, 4)
        if mode in CELLS
        else RNNConfig(mode, 2, 4, num_layers=2, bidirectional=True)
    )
    spec = (CELL_INPUTS if mode in CELLS else LAYER_INPUTS).get(kind, InputSpec(batch=2))
    spec = replace(spec, with_h0=True)
    cpu = run_forward(cfg, spec, device="cpu")
    meta = run_forward(cfg, spec, device="meta")
    assert (cpu.measured_on, meta.measured_on) == ("cpu", "meta")
    assert mismatches(cpu, meta) == []
    assert cpu.parameters == meta.parameters


def test_large_configurations_run_on_meta():
    cfg = RNNConfig("LSTM", 8192, 8192)  # weights alone: 4*H_cell*(H_in + H_out) elements
    spec = InputSpec(batch=1, seq_len=2)
    assert estimated_elements(cfg, spec) > LARGE_RUN_ELEMENTS
    report = verified_shapes(cfg, spec)
    assert report.measured_on == "meta"
    assert report.output == (2, 1, 8192)
    assert verified_shapes(RNNConfig("LSTM", 8, 8), spec).measured_on == "cpu"
