"""Ground truth: build the torch module, run a real forward pass, measure every shape.

:func:`run_forward` returns the same :class:`~rnn_guide.shapes.ShapeReport` as the formulas
in :mod:`rnn_guide.shapes`, but with the numbers read off real tensors.
:func:`verified_shapes` runs both and refuses to answer if they disagree.

>>> from rnn_guide.config import RNNConfig
>>> from rnn_guide.shapes import InputSpec
>>> report = verified_shapes(RNNConfig("GRU", 2, 4, dropout=0.5), InputSpec(batch=3, seq_len=5))
>>> report.output, report.h_n, report.measured_on
((5, 3, 4), (1, 3, 4), 'cpu')
>>> report.notes[0].startswith("dropout option adds dropout after all but last recurrent layer")
True
"""

from __future__ import annotations

import math
import re
import warnings
from typing import Literal

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

from rnn_guide.config import RNNConfig
from rnn_guide.shapes import InputSpec, Shape, ShapeReport, expected_shapes, mismatches

__all__ = [
    "LARGE_RUN_ELEMENTS",
    "Device",
    "ShapeMismatchError",
    "build_module",
    "estimated_elements",
    "run_forward",
    "verified_shapes",
]

Device = Literal["cpu", "meta"]
"""Where the forward pass runs, ``"cpu"`` for real arithmetic or ``"meta"`` for shapes only."""

LARGE_RUN_ELEMENTS = 100_000_000
"""Above this many tensor elements (about 400 MB of float32), :func:`verified_shapes` runs the
forward pass on torch's ``meta`` device, which computes shapes without allocating memory.
It is not faster: torch still steps through every time step, so long sequences take time."""


class ShapeMismatchError(RuntimeError):
    """The shape formulas and a real forward pass disagree (a bug in rnn_guide).

    Attributes:
        expected: The formulas' report.
        actual: The forward pass's report.
        differences: ``(what, expected, actual)`` for each differing shape.
    """

    def __init__(
        self,
        expected: ShapeReport,
        actual: ShapeReport,
        differences: list[tuple[str, object, object]],
    ) -> None:
        """Keep both reports and the list of differences."""
        self.expected = expected
        self.actual = actual
        self.differences = differences
        rows = "; ".join(
            f"{what}: formula {want}, forward pass {got}" for what, want, got in differences
        )
        super().__init__(f"shape formula and forward pass disagree: {rows}")


def build_module(cfg: RNNConfig, device: Device = "cpu") -> tuple[nn.Module, tuple[str, ...]]:
    """Construct the torch module for ``cfg``, capturing the warnings torch emits.

    Returns:
        The module (in eval mode) and the text of each warning raised while building it,
        such as torch's note that dropout needs ``num_layers > 1``.
    """
    module_class: type[nn.Module] = getattr(nn, cfg.mode)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = module_class(**cfg.torch_kwargs(), device=device)
    return module.eval(), tuple(_note_text(w.message) for w in caught)


def _note_text(message: Warning | str) -> str:
    """A warning's text without torch's "(Triggered internally at file:line.)" suffix."""
    return re.sub(r"\s*\(Triggered internally at [^)]*\)$", "", str(message))


def estimated_elements(cfg: RNNConfig, spec: InputSpec) -> int:
    """Roughly how many tensor elements a forward pass holds: inputs, outputs, weights, gates.

    >>> from rnn_guide.config import RNNConfig
    >>> from rnn_guide.shapes import InputSpec
    >>> estimated_elements(RNNConfig("GRU", 2, 4), InputSpec(batch=3, seq_len=5)) < 1000
    True
    """
    report = expected_shapes(cfg, spec)
    shapes = [shape for _, shape in report.tensors()] + [shape for _, shape in report.parameters]
    total = sum(math.prod(shape) for shape in shapes)
    steps = 1 if cfg.is_cell else (spec.seq_len or 1)
    gates = cfg.gate_count * cfg.hidden_size * cfg.num_directions * cfg.layers
    return total + steps * max(spec.batch or 1, 1) * gates


def _initial_state(
    cfg: RNNConfig, spec: InputSpec, device: Device
) -> Tensor | tuple[Tensor, Tensor]:
    lead: tuple[int, ...] = () if cfg.is_cell else (cfg.num_directions * cfg.layers,)
    batch: tuple[int, ...] = (spec.batch,) if spec.batch is not None else ()
    h_0 = torch.randn(*lead, *batch, cfg.h_out, device=device)
    if cfg.h_cell is None:
        return h_0
    return h_0, torch.randn(*lead, *batch, cfg.h_cell, device=device)


def _input(cfg: RNNConfig, spec: InputSpec, device: Device) -> Tensor:
    batch: tuple[int, ...] = (spec.batch,) if spec.batch is not None else ()
    if cfg.is_cell:
        return torch.randn(*batch, cfg.input_size, device=device)
    assert spec.seq_len is not None
    if batch and cfg.is_batch_first:
        return torch.randn(*batch, spec.seq_len, cfg.input_size, device=device)
    return torch.randn(spec.seq_len, *batch, cfg.input_size, device=device)


def _shape(tensor: Tensor) -> Shape:
    return tuple(tensor.shape)


def _state_shapes(state: object) -> tuple[Shape | None, Shape | None]:
    """Split a returned or given state into the shapes of ``h`` and ``c``."""
    if isinstance(state, tuple):
        h, c = state
        return _shape(h), _shape(c)
    assert isinstance(state, Tensor)
    return _shape(state), None


def _pad(out: PackedSequence, lengths: tuple[int, ...], batch_first: bool) -> Tensor:
    """``pad_packed_sequence``, also on ``meta``, where the sort indices must live on the CPU."""
    if out.data.is_meta and out.sorted_indices is not None:
        # The same call pack_padded_sequence makes, so the same permutation.
        sorted_indices = torch.sort(torch.tensor(lengths), descending=True).indices
        out = PackedSequence(
            out.data, out.batch_sizes, sorted_indices, torch.argsort(sorted_indices)
        )
    padded, _ = pad_packed_sequence(out, batch_first=batch_first)
    return padded


def run_forward(
    cfg: RNNConfig, spec: InputSpec, *, seed: int = 0, device: Device = "cpu"
) -> ShapeReport:
    """Run one forward pass and report the shape of every tensor.

    The global random state is left untouched: weights and inputs are drawn from a forked,
    seeded generator. The pass runs in eval mode under ``torch.no_grad()``.

    Args:
        cfg: The module configuration.
        spec: The input description.
        seed: Seed for the weights and random inputs.
        device: ``"cpu"`` for a real computation; ``"meta"`` runs the same torch code on
            tensors without data, which gives shapes for configurations too large to compute.

    Returns:
        The measured report. ``symbols`` and ``symbol_values`` are the formulas' names for the
        dimensions; ``notes`` holds the warnings torch emitted while building the module and
        running it (some, like the oneDNN note for LSTM with projections, come only once per
        process); ``measured_on`` is ``device``.

    Raises:
        InputError: If ``spec`` does not fit ``cfg``.
    """
    spec.check_fits(cfg)
    formula = expected_shapes(cfg, spec)
    with torch.random.fork_rng(devices=[]), torch.no_grad():
        torch.manual_seed(seed)
        module, notes = build_module(cfg, device)
        x = _input(cfg, spec, device)
        state = _initial_state(cfg, spec, device) if spec.with_h0 else None
        h_0, c_0 = _state_shapes(state) if state is not None else (None, None)
        packed_in: PackedSequence | None = None
        if spec.lengths is not None:
            packed_in = pack_padded_sequence(
                x,
                torch.tensor(spec.lengths),
                batch_first=cfg.is_batch_first,
                enforce_sorted=spec.enforce_sorted,
            )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = module(packed_in if packed_in is not None else x, state)
        notes += tuple(_note_text(w.message) for w in caught)

    packed_data = packed_output_data = batch_sizes = None
    h_n: Shape | None = None
    c_n: Shape | None = None
    if cfg.is_cell:
        # A cell returns h' (or the pair (h', c') for LSTMCell) instead of (output, h_n).
        output, c_n = _state_shapes(result)
    else:
        out, final = result
        if isinstance(out, PackedSequence):
            assert packed_in is not None
            assert spec.lengths is not None
            packed_data = _shape(packed_in.data)
            batch_sizes = tuple(int(n) for n in packed_in.batch_sizes.tolist())
            packed_output_data = _shape(out.data)
            out = _pad(out, spec.lengths, cfg.is_batch_first)
        output = _shape(out)
        h_n, c_n = _state_shapes(final)
    assert output is not None
    return ShapeReport(
        mode=cfg.mode,
        input=_shape(x),
        output=output,
        h_n=h_n,
        c_n=c_n,
        h_0=h_0,
        c_0=c_0,
        packed_data=packed_data,
        packed_output_data=packed_output_data,
        batch_sizes=batch_sizes,
        parameters=tuple((name, _shape(p)) for name, p in module.named_parameters()),
        symbols=formula.symbols,
        symbol_values=formula.symbol_values,
        notes=notes,
        measured_on=device,
    )


def verified_shapes(
    cfg: RNNConfig, spec: InputSpec, *, seed: int = 0, device: Device | None = None
) -> ShapeReport:
    """Return the measured report, after checking it against the formulas.

    Args:
        cfg: The module configuration.
        spec: The input description.
        seed: Seed for the weights and random inputs.
        device: Where to run; ``None`` picks ``"cpu"``, or ``"meta"`` when the pass would
            hold more than :data:`LARGE_RUN_ELEMENTS` elements.

    Raises:
        InputError: If ``spec`` does not fit ``cfg``.
        ShapeMismatchError: If a formula and the forward pass disagree.
    """
    expected = expected_shapes(cfg, spec)
    if device is None:
        device = "meta" if estimated_elements(cfg, spec) > LARGE_RUN_ELEMENTS else "cpu"
    actual = run_forward(cfg, spec, seed=seed, device=device)
    differences = mismatches(expected, actual)
    if differences:
        raise ShapeMismatchError(expected, actual, differences)
    return actual
