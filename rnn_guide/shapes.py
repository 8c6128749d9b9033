"""The shape formulas: what every tensor of a recurrent module looks like, and why.

Shapes are written first in PyTorch's symbols (``N``, ``L``, ``D``, ``H_in``, ``H_out``,
``H_cell``, ``P`` and ``num_layers``, as in ``torch/nn/modules/rnn.py``) and the numbers are
computed *from* those symbolic forms by :func:`evaluate`, so the two can never drift apart.
Packed input adds ``sum(lengths)`` and ``max(lengths)``.

>>> from rnn_guide.config import RNNConfig
>>> cfg = RNNConfig("RNN", input_size=1, hidden_size=10, num_layers=2, batch_first=True)
>>> report = expected_shapes(cfg, InputSpec(batch=1, seq_len=20))
>>> report.output, report.h_n
((1, 20, 10), (2, 1, 10))
>>> report.symbols["output"], report.symbols["h_n"]
('(N, L, D*H_out)', '(D*num_layers, N, H_out)')
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from rnn_guide.config import RNNConfig
from rnn_guide.errors import Arg, GuideError, Spelled

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_SEQ_LEN",
    "InputError",
    "InputSpec",
    "Shape",
    "ShapeReport",
    "evaluate",
    "expected_shapes",
    "mismatches",
    "parameter_symbols",
]

Shape = tuple[int, ...]
"""A tensor shape, as ``tuple(tensor.shape)``."""

DEFAULT_BATCH = 3
"""Batch size N the command line uses when neither ``--batch`` nor ``--unbatched`` is given."""

DEFAULT_SEQ_LEN = 5
"""Sequence length L the command line uses when ``--seq-len`` is not given."""

# Report fields that hold tensor shapes (and batch_sizes values), in display order.
TENSOR_FIELDS = (
    "input",
    "packed_data",
    "batch_sizes",
    "h_0",
    "c_0",
    "packed_output_data",
    "output",
    "h_n",
    "c_n",
)


class InputError(GuideError):
    """An input description torch would refuse, or that does not fit the module."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class InputSpec:
    """What is fed to the module: batch size, sequence length, packing and initial state.

    Args:
        batch: Batch size ``N``; ``None`` for input without a batch dimension. 0 is allowed:
            torch returns empty outputs.
        seq_len: Sequence length ``L``. Required for RNN/LSTM/GRU, refused for cells (a cell
            takes one time step).
        lengths: Real length of each sequence, to pack the batch with
            ``pack_padded_sequence``; one per sequence, each from 1 to ``seq_len``. Lists are
            converted to tuples.
        enforce_sorted: Passed to ``pack_padded_sequence``; when True the lengths must be
            non-increasing (equal lengths are fine). Setting it to False requires ``lengths``.
        with_h0: Pass an initial hidden state ``h_0`` (and ``c_0`` for LSTM) instead of
            letting torch use zeros.

    Raises:
        InputError: For a description torch would refuse (see the module's checks).

    >>> InputSpec(batch=3, seq_len=5, lengths=[5, 3, 2]).lengths
    (5, 3, 2)
    >>> InputSpec(batch=3, seq_len=5, lengths=[5, 3, 3]).lengths
    (5, 3, 3)
    >>> InputSpec(batch=3, seq_len=5, lengths=(2, 5, 3))
    Traceback (most recent call last):
        ...
    rnn_guide.shapes.InputError: lengths must be non-increasing, longest first (like 7,5,5,1: equal lengths are fine) while enforce_sorted is on (the default), got (2, 5, 3). Sort them longest first, or pass enforce_sorted=False so torch sorts the batch and restores its order.
    """

    batch: int | None = DEFAULT_BATCH
    seq_len: int | None = None
    lengths: tuple[int, ...] | None = None
    enforce_sorted: bool = True
    with_h0: bool = False

    def __post_init__(self) -> None:
        """Check everything that does not depend on the module."""
        for flag in ("enforce_sorted", "with_h0"):
            if not isinstance(getattr(self, flag), bool):
                raise InputError("not_bool", name=Arg(flag), value=repr(getattr(self, flag)))
        if self.batch is not None:
            if not _is_int(self.batch):
                raise InputError("not_int", name=Arg("batch"), value=repr(self.batch))
            if self.batch < 0:
                raise InputError(
                    "batch_negative",
                    name=Arg("batch"),
                    value=self.batch,
                    unbatched=Arg("batch", "None"),
                )
        if self.seq_len is not None:
            if not _is_int(self.seq_len):
                raise InputError("not_int", name=Arg("seq_len"), value=repr(self.seq_len))
            if self.seq_len < 1:
                raise InputError("seq_len_positive", name=Arg("seq_len"), value=self.seq_len)
        if self.lengths is None:
            if not self.enforce_sorted:
                raise InputError(
                    "enforce_sorted_without_lengths",
                    no_enforce=Arg("enforce_sorted", "False"),
                    lengths=Arg("lengths"),
                )
            return
        object.__setattr__(self, "lengths", tuple(self.lengths))
        self._check_lengths(self.lengths)

    def _check_lengths(self, lengths: tuple[int, ...]) -> None:
        arg = Arg("lengths")
        if self.batch is None:
            raise InputError("lengths_unbatched", lengths=arg, unbatched=Arg("batch", "None"))
        for length in lengths:
            if not _is_int(length):
                raise InputError("not_int", name=arg, value=repr(length))
        if not lengths:
            raise InputError("lengths_empty", lengths=arg)
        if len(lengths) != self.batch:
            raise InputError(
                "lengths_count",
                lengths=arg,
                count=len(lengths),
                batch=self.batch,
                batch_name=Arg("batch"),
            )
        if min(lengths) < 1:
            raise InputError("length_positive", lengths=arg, value=min(lengths))
        if self.seq_len is not None and max(lengths) > self.seq_len:
            raise InputError(
                "length_too_long",
                lengths=arg,
                value=max(lengths),
                seq_len=Arg("seq_len"),
                limit=self.seq_len,
            )
        if self.enforce_sorted and list(lengths) != sorted(lengths, reverse=True):
            raise InputError(
                "lengths_unsorted",
                lengths=arg,
                value=Spelled(repr(lengths), ",".join(map(str, lengths))),
                no_enforce=Arg("enforce_sorted", "False"),
            )

    @property
    def is_batched(self) -> bool:
        """Whether the input has a batch dimension."""
        return self.batch is not None

    @property
    def is_packed(self) -> bool:
        """Whether the batch is packed with ``pack_padded_sequence``."""
        return self.lengths is not None

    def check_fits(self, cfg: RNNConfig) -> None:
        """Check the parts that depend on the module (cells take one time step, layers more).

        Raises:
            InputError: If the input does not fit ``cfg``.
        """
        if cfg.is_cell:
            for name, given in (
                ("seq_len", self.seq_len is not None),
                ("lengths", self.lengths is not None),
            ):
                if given:
                    raise InputError(
                        "cell_input_arg", mode=cfg.mode, name=Arg(name), layer=cfg.layer_mode
                    )
        elif self.seq_len is None:
            raise InputError("seq_len_missing", mode=cfg.mode, example=Arg("seq_len", "5"))


@dataclass(frozen=True)
class ShapeReport:
    """The shapes of every tensor around one forward pass, with their symbolic forms.

    A field is ``None`` where it does not apply. For packed input ``output`` is the padded
    output of ``pad_packed_sequence`` (with the module's ``batch_first``); for cells
    ``output`` is ``h'`` and ``c_n`` is ``c'`` (LSTMCell), while ``h_n`` is ``None``.

    Attributes:
        mode: The module name.
        input: Input tensor (the padded input, for packed batches).
        output: Output tensor (see above).
        h_n: Final hidden state of each layer and direction.
        c_n: Final cell state (LSTM), or ``c'`` (LSTMCell).
        h_0: Initial hidden state passed in, if any.
        c_0: Initial cell state passed in, if any.
        packed_data: ``.data`` of the packed input.
        packed_output_data: ``.data`` of the packed output.
        batch_sizes: Values (not shape) of the packed ``batch_sizes``.
        parameters: ``(name, shape)`` of every parameter, in torch's registration order.
        symbols: Symbolic form of every tensor and parameter shape, e.g. ``"(L, N, H_in)"``.
        symbol_values: Value of every symbol used, e.g. ``{"N": 3, "L": 5, ...}``.
        notes: Warnings torch emitted (filled by :func:`rnn_guide.run.run_forward`).
        measured_on: ``None`` for the formulas; for a forward pass, the torch device it ran
            on (``"cpu"``, or ``"meta"`` for shapes without arithmetic).
    """

    mode: str
    input: Shape
    output: Shape
    h_n: Shape | None
    c_n: Shape | None
    h_0: Shape | None
    c_0: Shape | None
    packed_data: Shape | None
    packed_output_data: Shape | None
    batch_sizes: tuple[int, ...] | None
    parameters: tuple[tuple[str, Shape], ...]
    symbols: dict[str, str]
    symbol_values: dict[str, int]
    notes: tuple[str, ...] = ()
    measured_on: str | None = None

    def tensors(self) -> list[tuple[str, Shape]]:
        """Return ``(name, shape)`` of each tensor that applies, in reading order.

        ``batch_sizes`` is reported by its shape here; its values are in the field itself.
        """
        rows: list[tuple[str, Shape]] = []
        for name in TENSOR_FIELDS:
            value = getattr(self, name)
            if value is not None:
                rows.append((name, (len(value),) if name == "batch_sizes" else value))
        return rows


def evaluate(symbolic: str, values: dict[str, int]) -> Shape:
    """Compute a shape from its symbolic form: each dimension is a product of symbols.

    Args:
        symbolic: A shape such as ``"(D*num_layers, N, H_out)"`` or ``"(4*H_cell)"``.
        values: Value of each symbol.

    Returns:
        The numeric shape.

    >>> evaluate("(D*num_layers, N, H_out)", {"D": 2, "num_layers": 3, "N": 4, "H_out": 5})
    (6, 4, 5)
    >>> evaluate("(sum(lengths), H_in)", {"sum(lengths)": 9, "H_in": 2})
    (9, 2)
    >>> evaluate("(max(lengths))", {"max(lengths)": 4})
    (4,)
    """
    if not (symbolic.startswith("(") and symbolic.endswith(")")):
        raise ValueError(f"not a symbolic shape: {symbolic!r}")
    dims = []
    for dim in symbolic[1:-1].split(", "):
        size = 1
        for factor in dim.split("*"):
            size *= int(factor) if factor.isdigit() else values[factor]
        dims.append(size)
    return tuple(dims)


def _symbol_values(cfg: RNNConfig, spec: InputSpec) -> dict[str, int]:
    values: dict[str, int] = {}
    if spec.batch is not None:
        values["N"] = spec.batch
    if not cfg.is_cell:
        assert spec.seq_len is not None
        values.update(L=spec.seq_len, D=cfg.num_directions, num_layers=cfg.layers)
    values["H_in"] = cfg.input_size
    if cfg.h_cell is not None:
        values["H_cell"] = cfg.h_cell
    if cfg.projection:
        values["P"] = cfg.projection
    values["H_out"] = cfg.h_out
    if spec.lengths is not None:
        values["sum(lengths)"] = sum(spec.lengths)
        values["max(lengths)"] = max(spec.lengths)
    return values


def _shape(*dims: str) -> str:
    return "(" + ", ".join(dims) + ")"


def _tensor_symbols(cfg: RNNConfig, spec: InputSpec) -> dict[str, str | None]:
    """Symbolic shape of each tensor of :data:`TENSOR_FIELDS` (``None`` where absent)."""
    batch = ("N",) if spec.is_batched else ()
    symbols: dict[str, str | None] = dict.fromkeys(TENSOR_FIELDS)
    if cfg.is_cell:
        symbols["input"] = _shape(*batch, "H_in")
        symbols["output"] = _shape(*batch, "H_out")
        if cfg.has_cell_state:
            symbols["c_n"] = _shape(*batch, "H_cell")
    else:
        time = "max(lengths)" if spec.is_packed else "L"
        lead = ("N", "L") if cfg.is_batch_first else ("L", "N")
        out_lead = ("N", time) if cfg.is_batch_first else (time, "N")
        symbols["input"] = _shape(*lead, "H_in") if batch else _shape("L", "H_in")
        symbols["output"] = _shape(*out_lead, "D*H_out") if batch else _shape("L", "D*H_out")
        symbols["h_n"] = _shape("D*num_layers", *batch, "H_out")
        if cfg.has_cell_state:
            symbols["c_n"] = _shape("D*num_layers", *batch, "H_cell")
        if spec.is_packed:
            symbols["packed_data"] = _shape("sum(lengths)", "H_in")
            symbols["packed_output_data"] = _shape("sum(lengths)", "D*H_out")
            symbols["batch_sizes"] = _shape("max(lengths)")
    if spec.with_h0:
        symbols["h_0"] = _shape(*(() if cfg.is_cell else ("D*num_layers",)), *batch, "H_out")
        if cfg.has_cell_state:
            symbols["c_0"] = _shape(*(() if cfg.is_cell else ("D*num_layers",)), *batch, "H_cell")
    return symbols


def parameter_symbols(cfg: RNNConfig) -> list[tuple[str, str]]:
    """Return ``(name, symbolic shape)`` of every parameter, in torch's registration order.

    >>> from rnn_guide.config import RNNConfig
    >>> parameter_symbols(RNNConfig("LSTM", 3, 4, num_layers=2, bidirectional=True, proj_size=2))[5:11]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('weight_ih_l0_reverse', '(4*H_cell, H_in)'), ('weight_hh_l0_reverse', '(4*H_cell, H_out)'),
     ('bias_ih_l0_reverse', '(4*H_cell)'), ('bias_hh_l0_reverse', '(4*H_cell)'),
     ('weight_hr_l0_reverse', '(P, H_cell)'), ('weight_ih_l1', '(4*H_cell, D*H_out)')]
    """
    rows = "H_cell" if cfg.has_cell_state else "H_out"
    gates = f"{cfg.gate_count}*{rows}" if cfg.gate_count > 1 else rows
    if cfg.is_cell:
        params = [("weight_ih", _shape(gates, "H_in")), ("weight_hh", _shape(gates, "H_out"))]
        if cfg.bias:
            params += [("bias_ih", _shape(gates)), ("bias_hh", _shape(gates))]
        return params
    params = []
    for layer in range(cfg.layers):
        for suffix in ("", "_reverse")[: cfg.num_directions]:
            tag = f"_l{layer}{suffix}"
            layer_input = "H_in" if layer == 0 else "D*H_out"
            params += [
                (f"weight_ih{tag}", _shape(gates, layer_input)),
                (f"weight_hh{tag}", _shape(gates, "H_out")),
            ]
            if cfg.bias:
                params += [(f"bias_ih{tag}", _shape(gates)), (f"bias_hh{tag}", _shape(gates))]
            if cfg.projection:
                params.append((f"weight_hr{tag}", _shape("P", "H_cell")))
    return params


def _batch_sizes(lengths: tuple[int, ...]) -> tuple[int, ...]:
    """How many sequences are still running at each time step."""
    return tuple(sum(1 for n in lengths if n > t) for t in range(max(lengths)))


def expected_shapes(cfg: RNNConfig, spec: InputSpec) -> ShapeReport:
    """Compute every shape of a forward pass from the formulas, without running torch.

    Args:
        cfg: The module configuration.
        spec: The input description.

    Returns:
        The report; its ``notes`` are empty (only a real run hears torch's warnings).

    Raises:
        InputError: If ``spec`` does not fit ``cfg`` (e.g. a cell given ``seq_len``).

    >>> from rnn_guide.config import RNNConfig
    >>> cfg = RNNConfig("RNN", input_size=3, hidden_size=15, num_layers=2, batch_first=True)
    >>> report = expected_shapes(cfg, InputSpec(batch=1, seq_len=20))
    >>> report.output, report.h_n
    ((1, 20, 15), (2, 1, 15))
    >>> packed = expected_shapes(
    ...     RNNConfig("GRU", 2, 4, bidirectional=True), InputSpec(batch=3, seq_len=6, lengths=(4, 2, 1))
    ... )
    >>> packed.packed_data, packed.batch_sizes, packed.output, packed.symbols["output"]
    ((7, 2), (3, 2, 1, 1), (4, 3, 8), '(max(lengths), N, D*H_out)')
    """
    spec.check_fits(cfg)
    values = _symbol_values(cfg, spec)
    tensor_symbols = _tensor_symbols(cfg, spec)
    shapes = {
        name: evaluate(symbolic, values) if symbolic is not None else None
        for name, symbolic in tensor_symbols.items()
        if name != "batch_sizes"
    }
    params = parameter_symbols(cfg)
    symbols = {name: s for name, s in tensor_symbols.items() if s is not None}
    symbols.update(params)
    output = shapes["output"]
    input_shape = shapes["input"]
    assert output is not None
    assert input_shape is not None
    return ShapeReport(
        mode=cfg.mode,
        input=input_shape,
        output=output,
        h_n=shapes["h_n"],
        c_n=shapes["c_n"],
        h_0=shapes["h_0"],
        c_0=shapes["c_0"],
        packed_data=shapes["packed_data"],
        packed_output_data=shapes["packed_output_data"],
        batch_sizes=_batch_sizes(spec.lengths) if spec.lengths is not None else None,
        parameters=tuple((name, evaluate(s, values)) for name, s in params),
        symbols=symbols,
        symbol_values=values,
    )


def mismatches(expected: ShapeReport, actual: ShapeReport) -> list[tuple[str, object, object]]:
    """List ``(what, expected, actual)`` for every shape that differs between two reports.

    Only numbers are compared, not symbols, notes or where the pass ran.

    >>> from dataclasses import replace
    >>> from rnn_guide.config import RNNConfig
    >>> report = expected_shapes(RNNConfig("GRUCell", 3, 4), InputSpec(batch=2))
    >>> mismatches(report, replace(report, output=(2, 5)))
    [('output', (2, 4), (2, 5))]
    """
    found: list[tuple[str, object, object]] = []
    for field in fields(ShapeReport):
        if field.name in ("symbols", "symbol_values", "notes", "parameters", "measured_on"):
            continue
        want, got = getattr(expected, field.name), getattr(actual, field.name)
        if want != got:
            found.append((field.name, want, got))
    want_params, got_params = dict(expected.parameters), dict(actual.parameters)
    if list(want_params) != list(got_params):
        found.append(("parameter names", list(want_params), list(got_params)))
    for name in [name for name in want_params if name in got_params]:
        if want_params[name] != got_params[name]:
            found.append((name, want_params[name], got_params[name]))
    return found
