"""Trace a whole model: every submodule's input and output shapes from one real forward pass.

:func:`trace` hooks every submodule of a model, runs one forward pass and records, in call
order, what went in and what came out. Each recurrent layer and cell also gets its
configuration, its tensors named (``output``, ``h_n``, ``c_n``; ``h'`` and ``c'`` for cells)
with their symbolic forms from :mod:`rnn_guide.shapes`, the packed data with ``batch_sizes``,
and the layout of ``h_n`` from :mod:`rnn_guide.layout`. If the forward pass raises, the trace
stops at the module that raised and keeps the exception, to be explained through the error
catalogue. :func:`format_trace` renders the table in English or Korean, :func:`trace_json`
as JSON.

>>> import torch
>>> from torch import nn
>>> model = nn.Sequential(nn.Embedding(10, 4), nn.GRU(4, 3, batch_first=True))
>>> result = trace(model, torch.zeros(2, 5, dtype=torch.long))
>>> [(call.name, call.type_name) for call in result.calls]
[('', 'Sequential'), ('0', 'Embedding'), ('1', 'GRU')]
>>> gru = result.calls[2].recurrent
>>> gru.call, gru.tensor("h_n").symbolic, gru.tensor("h_n").shape
('nn.GRU(4, 3, batch_first=True)', '(D*num_layers, N, H_out)', (1, 2, 3))
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import PackedSequence, pad_packed_sequence

from rnn_guide.config import ConfigError, Mode, RNNConfig
from rnn_guide.errors import Lang
from rnn_guide.layout import final_hidden, h_n_layout
from rnn_guide.shapes import InputError, InputSpec, Shape, ShapeReport, evaluate, expected_shapes

if TYPE_CHECKING:
    from rnn_guide.explain import Explanation

__all__ = [
    "Call",
    "Failure",
    "OtherValue",
    "PackedValue",
    "Recurrent",
    "RecurrentTensor",
    "Row",
    "TensorValue",
    "Trace",
    "Value",
    "describe",
    "example_classes",
    "explanation",
    "format_trace",
    "format_value",
    "group_calls",
    "module_config",
    "recurrent_details",
    "trace",
    "trace_json",
    "value_json",
]


@dataclass(frozen=True)
class TensorValue:
    """A tensor met at a module's boundary: its shape and dtype (``"float32"``, ``"int64"``)."""

    shape: Shape
    dtype: str


@dataclass(frozen=True)
class PackedValue:
    """A ``PackedSequence``: the shape of its ``.data`` and the values of ``batch_sizes``."""

    data: TensorValue
    batch_sizes: tuple[int, ...]


@dataclass(frozen=True)
class OtherValue:
    """Anything else (a number, a string, a dict): only its type name is kept."""

    type_name: str


Value = TensorValue | PackedValue | OtherValue | tuple["Value", ...] | None
"""A module's argument or result, described by shapes (tensors, packed sequences, tuples)."""


@dataclass(frozen=True)
class RecurrentTensor:
    """One named tensor of a recurrent layer or cell.

    Attributes:
        name: The name the reader knows: ``input``, ``input.data``, ``batch_sizes``, ``h_0``,
            ``c_0``, ``output``, ``output.data``, ``h_n``, ``c_n``; for cells ``input``,
            ``h``, ``c``, ``h'``, ``c'``.
        report_field: The :class:`~rnn_guide.shapes.ShapeReport` field it corresponds to.
        symbolic: Its shape in PyTorch's symbols, from :mod:`rnn_guide.shapes`.
        shape: The shape measured on the tensor itself.
        expected: The symbolic shape evaluated with this call's numbers.
        values: The values of ``batch_sizes``; ``None`` for other tensors.
    """

    name: str
    report_field: str
    symbolic: str
    shape: Shape
    expected: Shape
    values: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Recurrent:
    """What a recurrent layer or cell was built with and what it returned, named.

    Attributes:
        config: The module's configuration, read from the module.
        spec: The input it received, as :class:`~rnn_guide.shapes.InputSpec`.
        report: The formulas' report for ``config`` and ``spec``.
        tensors: Every tensor of the call, named, in reading order.
        h_n_view: ``(num_layers, D, N, H_out)``, the shape that separates layers and
            directions of ``h_n`` (from :func:`rnn_guide.layout.h_n_layout`); ``None`` for
            cells.
        final_hidden: Shape of the last layer's final hidden state, directions concatenated,
            computed by :func:`rnn_guide.layout.final_hidden` on the real ``h_n``.
        padded_output: For packed output, the shape ``pad_packed_sequence`` gives back.
    """

    config: RNNConfig
    spec: InputSpec
    report: ShapeReport
    tensors: tuple[RecurrentTensor, ...]
    h_n_view: Shape | None = None
    final_hidden: Shape | None = None
    padded_output: Shape | None = None

    @property
    def call(self) -> str:
        """The constructor call, e.g. ``nn.LSTM(64, 128, bidirectional=True)``."""
        return self.config.torch_call()

    @property
    def symbol_values(self) -> dict[str, int]:
        """The value of each symbol for this call, e.g. ``{"N": 32, "L": 10, ...}``."""
        return self.report.symbol_values

    @property
    def mismatches(self) -> list[RecurrentTensor]:
        """Tensors whose measured shape differs from the formula (a bug in rnn_guide)."""
        return [t for t in self.tensors if t.shape != t.expected]

    def tensor(self, name: str) -> RecurrentTensor:
        """Return the tensor called ``name`` (``KeyError`` if this call has none)."""
        for item in self.tensors:
            if item.name == name:
                return item
        raise KeyError(name)

    @property
    def last_layer_rows(self) -> tuple[int, ...]:
        """Rows of ``h_n`` that hold the last layer (forward, then backward); cells: ``()``."""
        if self.config.is_cell:
            return ()
        directions = self.config.num_directions
        first = (self.config.layers - 1) * directions
        return tuple(range(first, first + directions))


@dataclass
class Call:
    """One call of one module during the forward pass.

    Attributes:
        index: Position in call order (the model itself is 0).
        name: Qualified name in the model, ``""`` for the model itself.
        type_name: The module's class name.
        depth: How deep the call was nested (the model is 0, its children 1, ...).
        module_repr: The module's one-line description, e.g.
            ``Linear(in_features=256, out_features=4, bias=True)``.
        inputs: ``(keyword or None, value)`` for each argument, positional first.
        output: What it returned; ``None`` while it has not returned.
        finished: False if the call raised (or a module inside it did).
        recurrent: Details for recurrent layers and cells, else ``None``.
        parent: Index of the calling module's call, ``None`` for the model itself.
    """

    index: int
    name: str
    type_name: str
    depth: int
    module_repr: str
    inputs: tuple[tuple[str | None, Value], ...]
    output: Value = None
    finished: bool = False
    recurrent: Recurrent | None = None
    parent: int | None = None

    def key(self) -> tuple[object, ...]:
        """What makes two calls the same row: module, nesting, inputs and output."""
        return (self.name, self.depth, self.inputs, self.output, self.finished)


@dataclass(frozen=True)
class Failure:
    """The exception that stopped the forward pass, and where it was raised.

    Attributes:
        call_index: The :class:`Call` that raised: the innermost module still running.
        exception_type: e.g. ``"RuntimeError"``.
        message: ``str(exception)``, torch's own words.
    """

    call_index: int
    exception_type: str
    message: str


@dataclass
class Trace:
    """Every call of one forward pass, in call order, and the failure if there was one."""

    model_type: str
    inputs: tuple[tuple[str | None, Value], ...]
    calls: list[Call] = field(default_factory=list)
    failure: Failure | None = None
    torch_version: str = torch.__version__

    @property
    def ok(self) -> bool:
        """Whether the forward pass returned."""
        return self.failure is None

    def recurrent_calls(self) -> list[Call]:
        """The calls of recurrent layers and cells, in call order."""
        return [call for call in self.calls if call.recurrent is not None]


# -- Describing values ------------------------------------------------------------------------


def _dtype(tensor: Tensor) -> str:
    return str(tensor.dtype).removeprefix("torch.")


def describe(value: object) -> Value:
    """Describe a forward pass's argument or result by shapes only.

    >>> describe((torch.zeros(2, 3), None))
    (TensorValue(shape=(2, 3), dtype='float32'), None)
    """
    if isinstance(value, PackedSequence):
        data = TensorValue(tuple(value.data.shape), _dtype(value.data))
        return PackedValue(data, tuple(int(n) for n in value.batch_sizes.tolist()))
    if isinstance(value, Tensor):
        return TensorValue(tuple(value.shape), _dtype(value))
    if isinstance(value, (tuple, list)):
        return tuple(describe(item) for item in value)
    if value is None:
        return None
    return OtherValue(type(value).__name__)


def _fmt_shape(shape: Sequence[int]) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _short(values: Sequence[int]) -> str:
    """``[3, 2, 1]``, or ``[9, 9, 8, 8, 7, 7, ..., 2, 1]`` for lists longer than 12."""
    if len(values) <= 12:
        return "[" + ", ".join(map(str, values)) + "]"
    return "[" + ", ".join([*map(str, values[:6]), "...", *map(str, values[-2:])]) + "]"


def format_value(value: Value) -> str:
    """One-line text of a value: ``(32, 10) int64``, ``PackedSequence(data=..., ...)``.

    float32, the default dtype, is not named.

    >>> format_value((TensorValue((4, 32, 128), "float32"), TensorValue((32,), "int64")))
    '((4, 32, 128), (32,) int64)'
    """
    if isinstance(value, TensorValue):
        dtype = "" if value.dtype == "float32" else f" {value.dtype}"
        return _fmt_shape(value.shape) + dtype
    if isinstance(value, PackedValue):
        data = format_value(value.data)
        return f"PackedSequence(data={data}, batch_sizes={_short(value.batch_sizes)})"
    if isinstance(value, OtherValue):
        return value.type_name
    if value is None:
        return "None"
    return "(" + ", ".join(format_value(item) for item in value) + ")"


def value_json(value: Value) -> object:
    """JSON form of a value: ``{"shape": [...], "dtype": ...}``, lists for tuples.

    >>> value_json(PackedValue(TensorValue((7, 2), "float32"), (3, 2, 1, 1)))
    {'packed': {'data': {'shape': [7, 2], 'dtype': 'float32'}, 'batch_sizes': [3, 2, 1, 1]}}
    """
    if isinstance(value, TensorValue):
        return {"shape": list(value.shape), "dtype": value.dtype}
    if isinstance(value, PackedValue):
        return {"packed": {"data": value_json(value.data), "batch_sizes": list(value.batch_sizes)}}
    if isinstance(value, OtherValue):
        return {"type": value.type_name}
    if value is None:
        return None
    return [value_json(item) for item in value]


# -- Recurrent layers and cells ---------------------------------------------------------------

_LAYER_MODES: dict[str, Mode] = {"LSTM": "LSTM", "GRU": "GRU", "RNN_TANH": "RNN", "RNN_RELU": "RNN"}


def module_config(module: nn.Module) -> RNNConfig | None:
    """The :class:`~rnn_guide.config.RNNConfig` of a recurrent layer or cell, else ``None``.

    Only arguments that differ from torch's defaults are set, so ``torch_call()`` reads as
    the reader would write it.

    >>> module_config(nn.LSTM(8, 16, num_layers=2, batch_first=True)).torch_call()
    'nn.LSTM(8, 16, num_layers=2, batch_first=True)'
    >>> module_config(nn.Linear(3, 4)) is None
    True
    """
    try:
        if isinstance(module, nn.RNNBase):
            mode = _LAYER_MODES.get(module.mode)
            if mode is None:
                return None
            return RNNConfig(
                mode,
                input_size=module.input_size,
                hidden_size=module.hidden_size,
                num_layers=module.num_layers if module.num_layers != 1 else None,
                bias=module.bias,
                batch_first=True if module.batch_first else None,
                dropout=float(module.dropout) if module.dropout else None,
                bidirectional=True if module.bidirectional else None,
                proj_size=module.proj_size if mode == "LSTM" and module.proj_size else None,
                nonlinearity="relu" if module.mode == "RNN_RELU" else None,
            )
        if isinstance(module, nn.RNNCellBase):
            cell: Mode
            if isinstance(module, nn.LSTMCell):
                cell = "LSTMCell"
            elif isinstance(module, nn.GRUCell):
                cell = "GRUCell"
            elif isinstance(module, nn.RNNCell):
                cell = "RNNCell"
            else:
                return None
            relu = isinstance(module, nn.RNNCell) and module.nonlinearity == "relu"
            return RNNConfig(
                cell,
                input_size=module.input_size,
                hidden_size=module.hidden_size,
                bias=module.bias,
                nonlinearity="relu" if relu else None,
            )
    except ConfigError:  # e.g. a cell built with zero features: no meaningful shapes
        return None
    return None


def _argument(
    args: tuple[object, ...], kwargs: Mapping[str, object], position: int, name: str
) -> object:
    if len(args) > position:
        return args[position]
    return kwargs.get(name)


def _state_tensors(state: object) -> tuple[Tensor | None, Tensor | None]:
    if isinstance(state, Tensor):
        return state, None
    if isinstance(state, (tuple, list)) and len(state) == 2:
        h, c = state
        if isinstance(h, Tensor) and isinstance(c, Tensor):
            return h, c
    return None, None


def _lengths(batch_sizes: Sequence[int]) -> tuple[int, ...]:
    """The sorted lengths that ``batch_sizes`` describe (longest first)."""
    return tuple(sum(1 for size in batch_sizes if size > i) for i in range(batch_sizes[0]))


def _spec(cfg: RNNConfig, x: object, with_h0: bool) -> InputSpec | None:
    if isinstance(x, PackedSequence):
        lengths = _lengths([int(n) for n in x.batch_sizes.tolist()])
        return InputSpec(batch=len(lengths), seq_len=max(lengths), lengths=lengths, with_h0=with_h0)
    if not isinstance(x, Tensor):
        return None
    if cfg.is_cell:
        return InputSpec(batch=x.shape[0] if x.dim() == 2 else None, with_h0=with_h0)
    if x.dim() == 3:
        batch, seq_len = (
            (x.shape[0], x.shape[1]) if cfg.is_batch_first else (x.shape[1], x.shape[0])
        )
        return InputSpec(batch=batch, seq_len=seq_len, with_h0=with_h0)
    return InputSpec(batch=None, seq_len=x.shape[0], with_h0=with_h0)


_Found = list[tuple[str, str, Tensor, tuple[int, ...] | None]]


def _present(*items: tuple[str, str, Tensor | None]) -> _Found:
    return [(name, field, tensor, None) for name, field, tensor in items if tensor is not None]


def recurrent_details(
    module: nn.Module, args: tuple[object, ...], kwargs: Mapping[str, object], output: object
) -> Recurrent | None:
    """Name and explain the tensors of one finished call of a recurrent layer or cell.

    Returns ``None`` for other modules, or for a call the shape model does not describe.
    """
    cfg = module_config(module)
    if cfg is None:
        return None
    x = _argument(args, kwargs, 0, "input")
    h_0, c_0 = _state_tensors(_argument(args, kwargs, 1, "hx"))
    try:
        spec = _spec(cfg, x, with_h0=h_0 is not None)
        if spec is None:
            return None
        report = expected_shapes(cfg, spec)
    except InputError:
        return None
    found: _Found = []
    h_n_view = last = padded = None
    if cfg.is_cell:
        assert isinstance(x, Tensor)
        h_next, c_next = _state_tensors(output)
        found += _present(("input", "input", x), ("h", "h_0", h_0), ("c", "c_0", c_0))
        found += _present(("h'", "output", h_next), ("c'", "c_n", c_next))
    else:
        if not (isinstance(output, tuple) and len(output) == 2):
            return None
        out, state = output
        h_n, c_n = _state_tensors(state)
        if isinstance(x, PackedSequence):
            sizes = tuple(int(n) for n in x.batch_sizes.tolist())
            found += [("input.data", "packed_data", x.data, None)]
            found += [("batch_sizes", "batch_sizes", x.batch_sizes, sizes)]
        elif isinstance(x, Tensor):
            found += _present(("input", "input", x))
        found += _present(("h_0", "h_0", h_0), ("c_0", "c_0", c_0))
        if isinstance(out, PackedSequence):
            found += _present(("output.data", "packed_output_data", out.data))
            padded = tuple(pad_packed_sequence(out, batch_first=cfg.is_batch_first)[0].shape)
        elif isinstance(out, Tensor):
            found += _present(("output", "output", out))
        found += _present(("h_n", "h_n", h_n), ("c_n", "c_n", c_n))
        h_n_view = h_n_layout(cfg, spec)
        if h_n is not None:
            last = tuple(final_hidden(h_n, cfg.layers, bool(cfg.bidirectional)).shape)
    values = report.symbol_values
    tensors = tuple(
        RecurrentTensor(
            name,
            report_field,
            report.symbols[report_field],
            tuple(tensor.shape),
            evaluate(report.symbols[report_field], values),
            sizes,
        )
        for name, report_field, tensor, sizes in found
    )
    return Recurrent(
        cfg,
        spec,
        report,
        tensors,
        h_n_view=h_n_view,
        final_hidden=last,
        padded_output=padded,
    )


# -- Tracing -----------------------------------------------------------------------------------


def _inputs(
    args: tuple[object, ...], kwargs: Mapping[str, object]
) -> tuple[tuple[str | None, Value], ...]:
    return tuple((None, describe(a)) for a in args) + tuple(
        (k, describe(v)) for k, v in kwargs.items()
    )


def _one_line(module: nn.Module) -> str:
    extra = " ".join(module.extra_repr().split())
    return f"{type(module).__name__}({extra})"


def trace(model: nn.Module, *inputs: object, **kwargs: object) -> Trace:
    """Run ``model(*inputs, **kwargs)`` once with hooks on every submodule and record each call.

    The pass runs under ``torch.no_grad()``; the model's training or evaluation mode is left
    as it is. An exception raised by the forward pass is not propagated: the trace stops at
    the module that raised, and ``Trace.failure`` holds the exception's type and message.

    Args:
        model: The model.
        *inputs: Positional arguments of ``model.forward``.
        **kwargs: Keyword arguments of ``model.forward``.

    Returns:
        The trace, with ``calls`` in call order.

    Raises:
        TypeError: If ``model`` is not an ``nn.Module``.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"trace() needs an nn.Module, got {type(model).__name__}")
    result = Trace(type(model).__name__, _inputs(inputs, kwargs))
    running: list[Call] = []

    def before(name: str, module: nn.Module, args: tuple[Any, ...], kw: dict[str, Any]) -> None:
        call = Call(
            index=len(result.calls),
            name=name,
            type_name=type(module).__name__,
            depth=len(running),
            module_repr=_one_line(module),
            inputs=_inputs(args, kw),
            parent=running[-1].index if running else None,
        )
        result.calls.append(call)
        running.append(call)

    def after(
        name: str, module: nn.Module, args: tuple[Any, ...], kw: dict[str, Any], output: object
    ) -> None:
        # Calls above this one that never returned raised an exception their caller caught.
        while running and running[-1].name != name:
            running.pop()
        if not running:
            return
        call = running.pop()
        call.output = describe(output)
        call.finished = True
        call.recurrent = recurrent_details(module, args, kw, output)

    handles = []
    for name, module in model.named_modules():
        handles.append(module.register_forward_pre_hook(partial(before, name), with_kwargs=True))
        handles.append(module.register_forward_hook(partial(after, name), with_kwargs=True))
    try:
        with torch.no_grad():
            model(*inputs, **kwargs)
    except Exception as err:  # noqa: BLE001 - the reader's model raised: the trace explains it
        where = running[-1].index if running else 0
        result.failure = Failure(where, type(err).__name__, str(err))
    finally:
        for handle in handles:
            handle.remove()
    return result


# -- Models from the gallery -----------------------------------------------------------------


def example_classes(path: str | Path) -> dict[str, type]:
    """The classes an example script defines, without running the rest of the script.

    Only the script's imports, its assignments of literal constants (``PAD, UNK = 0, 1``)
    and its ``class`` statements are executed, so the trace of a gallery model uses the
    gallery's own code and not a second copy of it.

    Args:
        path: The example, e.g. ``examples/en/models/plot_01_text_classification.py``.

    Returns:
        Each class by name, in definition order.
    """
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=str(path))
    kept: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.ClassDef)):
            kept.append(node)
        elif isinstance(node, ast.Assign) and all(
            isinstance(name, ast.Name)
            for target in node.targets
            for name in (target.elts if isinstance(target, ast.Tuple) else [target])
        ):
            try:
                ast.literal_eval(node.value)
            except ValueError:
                continue
            kept.append(node)
    namespace: dict[str, object] = {"__name__": Path(path).stem}
    exec(compile(ast.Module(kept, type_ignores=[]), str(path), "exec"), namespace)  # noqa: S102
    return {
        node.name: cls
        for node in kept
        if isinstance(node, ast.ClassDef) and isinstance(cls := namespace[node.name], type)
    }


# -- Grouping repeated calls ------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A call as shown in the table; ``count`` > 1 when same calls were grouped into it."""

    call: Call
    count: int = 1


def group_calls(calls: Sequence[Call]) -> list[Row]:
    """Group the calls that are the same, as a cell called once per time step makes them.

    Calls of the same module with the same shapes, inside the same (grouped) caller, become
    one row at the place of the first of them, with the number of calls as ``count``. Calls
    inside a grouped caller are grouped with each other in turn.

    >>> calls = [Call(0, "", "M", 0, "M()", ())]
    >>> calls += [Call(i, n, "M", 1, "M()", (), parent=0) for i, n in enumerate("abcbcbc", 1)]
    >>> [(row.call.name, row.count) for row in group_calls(calls)]
    [('', 1), ('a', 1), ('b', 3), ('c', 3)]
    """
    rows: list[Row] = []
    row_of_call: dict[int, int] = {}
    row_of_key: dict[tuple[object, ...], int] = {}
    for call in calls:
        parent_row = row_of_call.get(call.parent) if call.parent is not None else None
        key = (parent_row, *call.key())
        if key in row_of_key:
            position = row_of_key[key]
            rows[position] = Row(rows[position].call, rows[position].count + 1)
        else:
            position = row_of_key[key] = len(rows)
            rows.append(Row(call))
        row_of_call[call.index] = position
    return rows


# -- Text ----------------------------------------------------------------------------------------

_TEXT: dict[str, tuple[str, str]] = {
    "model": ("model", "모델"),
    "inputs": ("inputs", "입력"),
    "the_model": ("(model)", "(모델)"),
    "col_index": ("#", "#"),
    "col_module": ("module", "모듈"),
    "col_type": ("type", "종류"),
    "col_calls": ("calls", "호출"),
    "col_input": ("input", "입력"),
    "col_output": ("output", "출력"),
    "col_tensor": ("tensor", "텐서"),
    "col_symbolic": ("symbolic shape", "기호로 쓴 모양"),
    "col_shape": ("shape", "모양"),
    "col_meaning": ("meaning", "의미"),
    "m_cell_h": (
        "the hidden state passed in: h_0, or the previous time step's h'",
        "넘겨받은 은닉 상태: h_0 또는 이전 타임 스텝의 h'",
    ),
    "m_cell_c": (
        "the cell state passed in: c_0, or the previous time step's c'",
        "넘겨받은 셀 상태: c_0 또는 이전 타임 스텝의 c'",
    ),
    "raised": ("raised {error}", "{error} 발생"),
    "unfinished": ("(did not return)", "(반환하지 못함)"),
    "heading_recurrent": ("recurrent layers and cells", "순환 레이어와 셀"),
    "symbols": ("symbols", "기호"),
    "calls_note": (
        "called {count} times with these shapes (the row stands for all of them)",
        "이 모양으로 {count}번 호출(이 행 하나가 그 호출을 모두 나타냄)",
    ),
    "layout_bi": (
        (
            "layout: h_n.view{view} separates layers and directions; rows {fwd} and {bwd} "
            "(h_n[-2], h_n[-1]) are the last layer's forward and backward directions, and "
            "torch.cat((h_n[-2], h_n[-1]), dim=-1) is {final}"
        ),
        (
            "축 순서: h_n.view{view}로 레이어와 방향을 나눕니다. {fwd}번 행과 {bwd}번 행(h_n[-2], "
            "h_n[-1])이 마지막 레이어의 정방향과 역방향이고, "
            "torch.cat((h_n[-2], h_n[-1]), dim=-1)의 모양은 {final}입니다"
        ),
    ),
    "layout_layers": (
        (
            "layout: h_n.view{view} separates the layers; row {row} (h_n[-1]) is the last "
            "layer, {final}"
        ),
        (
            "축 순서: h_n.view{view}로 레이어를 나눕니다. {row}번 행(h_n[-1])이 마지막 레이어이고 "
            "모양은 {final}입니다"
        ),
    ),
    "layout_batch_first": (
        (
            "batch_first=True reorders input and output only: h_n keeps the batch in its "
            "second axis, {shape}"
        ),
        (
            "batch_first=True는 입력과 출력의 축 순서만 바꿉니다. h_n은 배치를 두 번째 축에 둔 "
            "{shape} 그대로입니다"
        ),
    ),
    "layout_packed": (
        "the output is packed: pad_packed_sequence(output, batch_first={bf}) gives {shape}",
        (
            "출력도 패킹된 시퀀스입니다. pad_packed_sequence(output, batch_first={bf})로 "
            "되돌리면 모양은 {shape}입니다"
        ),
    ),
    "mismatch": (
        "the shape formula says {expected} for {name}; this is a bug in rnn_guide, please report it",
        "{name}의 모양 공식은 {expected}입니다. rnn_guide의 버그이니 제보해 주십시오",
    ),
    "stopped": (
        "the forward pass stopped at #{index} {where}: {error}: {message}",
        "순전파가 #{index} {where}에서 멈췄습니다. {error}: {message}",
    ),
    "stopped_model": ("the model's own forward code", "모델 자신의 forward 코드"),
    "met": ("shapes that met there", "그 자리에서 만난 모양"),
    "module_was": ("module", "모듈"),
    "after": (
        "after #{index} {name} returned {output}",
        "직전 호출 #{index} {name}의 출력: {output}",
    ),
    "entry": ("error catalogue", "오류 메시지 사전"),
    "meaning": ("meaning", "의미"),
    "fix": ("fix", "해결"),
    "no_entry": (
        "no entry of the error catalogue matches this message",
        "오류 메시지 사전에 이 메시지에 맞는 항목이 없습니다",
    ),
    "ran": (
        "one real forward pass, torch {torch}",
        "실제 순전파 한 번, torch {torch}",
    ),
}


def _wrap(line: str, indent: str, width: int = 92) -> list[str]:
    """Wrap a long note at spaces by display width (Hangul takes two columns).

    >>> _wrap("aa bb cc", "  ", width=7)
    ['  aa bb', '    cc']
    """
    from rnn_guide.cli import _width

    lines: list[str] = []
    current = indent
    for word in line.split(" "):
        candidate = word if current.strip() == "" else f"{current} {word}"
        if current.strip() and _width(candidate) > width:
            lines.append(current)
            current = indent + "  " + word
        else:
            current = indent + word if current.strip() == "" else candidate
    lines.append(current)
    return lines


def _t(key: str, lang: Lang, **params: object) -> str:
    pair = _TEXT[key]
    return (pair[1] if lang == "ko" else pair[0]).format(**params)


def _format_inputs(items: Sequence[tuple[str | None, Value]], recurrent: Recurrent | None) -> str:
    if recurrent is not None:
        names = [
            t
            for t in recurrent.tensors
            if t.name in ("input", "input.data", "h_0", "c_0", "h", "c")
        ]
        packed = next((t for t in recurrent.tensors if t.name == "batch_sizes"), None)
        parts = []
        for item in names:
            text = f"{item.name} {_fmt_shape(item.shape)}"
            if item.name == "input.data" and packed is not None and packed.values is not None:
                text += f", batch_sizes {_short(packed.values)}"
            parts.append(text)
        return ", ".join(parts)
    return ", ".join(
        format_value(value) if key is None else f"{key}={format_value(value)}"
        for key, value in items
    )


def _format_output(call: Call, lang: Lang, failure: Failure | None) -> str:
    if not call.finished:
        if failure is not None and failure.call_index == call.index:
            return _t("raised", lang, error=failure.exception_type)
        return _t("unfinished", lang)
    if call.recurrent is not None:
        names = ("output", "output.data", "h_n", "c_n", "h'", "c'")
        return ", ".join(
            f"{t.name} {_fmt_shape(t.shape)}" for t in call.recurrent.tensors if t.name in names
        )
    value = call.output
    if isinstance(value, tuple) and len(value) == 1:
        return format_value(value)
    return format_value(value)


def _name(call: Call, lang: Lang) -> str:
    if call.depth == 0:
        return _t("the_model", lang)
    return "  " * (call.depth - 1) + call.name


def _recurrent_block(call: Call, count: int, lang: Lang) -> list[str]:
    from rnn_guide.cli import _table, _tensor_meaning

    details = call.recurrent
    assert details is not None
    cfg, spec, report = details.config, details.spec, details.report
    symbols = ", ".join(f"{k}={v}" for k, v in details.symbol_values.items())
    heading = f"#{call.index} {call.name}: {details.call}"
    if count > 1:
        heading += f" ({_t('calls_note', lang, count=count)})"
    lines = [heading, f"  {_t('symbols', lang)}: {symbols}"]
    header = [_t(c, lang) for c in ("col_tensor", "col_symbolic", "col_shape", "col_meaning")]
    rows = []
    for item in details.tensors:
        shape = _fmt_shape(item.shape)
        if item.values is not None:
            shape += " = " + _short(item.values)
        if item.name in ("h", "c"):  # a cell's state: h_0 or the previous step's h'
            meaning = _t(f"m_cell_{item.name}", lang)
        else:
            meaning = _tensor_meaning(item.report_field, cfg, spec, report, lang)
        if item.report_field == "batch_sizes":  # the values are in the shape column already
            meaning = meaning.split(":")[0]
        rows.append([item.name, item.symbolic, shape, meaning])
    lines += ["  " + line for line in _table(header, rows)]
    for note in _notes(details, lang):
        lines += _wrap(note, "  ")
    return lines


def _notes(details: Recurrent, lang: Lang) -> list[str]:
    cfg = details.config
    notes: list[str] = []
    rows = details.last_layer_rows
    view = _fmt_shape(details.h_n_view) if details.h_n_view is not None else ""
    final = _fmt_shape(details.final_hidden) if details.final_hidden is not None else ""
    if details.final_hidden is not None and len(rows) == 2:
        notes.append(_t("layout_bi", lang, view=view, fwd=rows[0], bwd=rows[1], final=final))
    elif details.final_hidden is not None and cfg.layers > 1:
        notes.append(_t("layout_layers", lang, view=view, row=rows[0], final=final))
    h_n = next((t for t in details.tensors if t.name == "h_n"), None)
    if cfg.is_batch_first and h_n is not None and details.spec.is_batched:
        notes.append(_t("layout_batch_first", lang, shape=_fmt_shape(h_n.shape)))
    if details.padded_output is not None:
        notes.append(
            _t(
                "layout_packed",
                lang,
                bf=cfg.is_batch_first,
                shape=_fmt_shape(details.padded_output),
            )
        )
    for item in details.mismatches:
        notes.append(_t("mismatch", lang, name=item.name, expected=_fmt_shape(item.expected)))
    return notes


def explanation(message: str, lang: Lang) -> Explanation | None:
    """The error catalogue's entry for ``message`` (``rnn_guide.explain.explain``, what ``rnn-guide explain`` prints)."""
    from rnn_guide.explain import explain

    return explain(message, lang)


def _failure_lines(result: Trace, lang: Lang) -> list[str]:
    failure = result.failure
    assert failure is not None
    call = result.calls[failure.call_index] if result.calls else None
    message = failure.message.strip().splitlines()[0] if failure.message.strip() else ""
    if call is None or call.depth == 0:
        where = _t("stopped_model", lang)
    else:
        where = f"{call.name} ({call.type_name})"
    lines = [
        _t(
            "stopped",
            lang,
            index=failure.call_index,
            where=where,
            error=failure.exception_type,
            message=message,
        )
    ]
    if call is not None:
        inputs = _format_inputs(call.inputs, None)
        lines.append(f"  {_t('met', lang)}: {inputs}")
        lines.append(f"  {_t('module_was', lang)}: {call.module_repr}")
        if call.depth == 0:
            done = [c for c in result.calls if c.finished and c.depth == 1]
            if done:
                last = done[-1]
                lines.append(
                    "  "
                    + _t(
                        "after",
                        lang,
                        index=last.index,
                        name=last.name,
                        output=format_value(last.output),
                    )
                )
    entry = explanation(failure.message, lang)
    if entry is None:
        lines.append(f"  {_t('no_entry', lang)}")
    else:
        lines.append(f"  {_t('entry', lang)}: {entry.title} ({entry.url})")
        lines.append(f"  {_t('meaning', lang)}: {entry.meaning}")
        lines.append(f"  {_t('fix', lang)}: {entry.fix}")
    return lines


def format_trace(result: Trace, lang: Lang = "en") -> str:
    """Render the trace as text: the call table, each recurrent call, and the failure."""
    from rnn_guide.cli import _table

    inputs = _format_inputs(result.inputs, None)
    lines = [
        f"{_t('model', lang)}: {result.model_type}",
        f"{_t('inputs', lang)}: {inputs}",
        "",
    ]
    header = [
        _t(c, lang)
        for c in ("col_index", "col_module", "col_type", "col_calls", "col_input", "col_output")
    ]
    rows = []
    shown_recurrent: list[Row] = []
    for row in group_calls(result.calls):
        call = row.call
        count = f"×{row.count}" if row.count > 1 else ""
        rows.append(
            [
                str(call.index),
                _name(call, lang),
                call.type_name,
                count,
                _format_inputs(call.inputs, call.recurrent),
                _format_output(call, lang, result.failure),
            ]
        )
        if call.recurrent is not None:
            shown_recurrent.append(row)
    lines += _table(header, rows)
    if shown_recurrent:
        lines += ["", _t("heading_recurrent", lang) + ":"]
        for row in shown_recurrent:
            lines += ["", *_recurrent_block(row.call, row.count, lang)]
    if result.failure is not None:
        stopped, *details = _failure_lines(result, lang)
        lines += ["", stopped]  # torch's message verbatim, on one line, to paste or search
        for line in details:
            lines += _wrap(line.lstrip(), line[: len(line) - len(line.lstrip())])
    lines += ["", _t("ran", lang, torch=result.torch_version.split("+")[0])]
    return "\n".join(lines)


def trace_json(result: Trace, lang: Lang = "en") -> dict[str, object]:
    """The trace as a JSON-ready object: calls (grouped, with ``count``), failure, torch."""
    calls = []
    for row in group_calls(result.calls):
        call = row.call
        entry: dict[str, object] = {
            "index": call.index,
            "name": call.name,
            "type": call.type_name,
            "depth": call.depth,
            "count": row.count,
            "module": call.module_repr,
            "inputs": [value_json(v) for k, v in call.inputs if k is None],
            "kwargs": {k: value_json(v) for k, v in call.inputs if k is not None},
            "output": value_json(call.output) if call.finished else None,
            "finished": call.finished,
            "recurrent": _recurrent_json(call.recurrent) if call.recurrent is not None else None,
        }
        calls.append(entry)
    failure: dict[str, object] | None = None
    if result.failure is not None:
        entry_obj = explanation(result.failure.message, lang)
        failure = {
            "call": result.failure.call_index,
            "exception": result.failure.exception_type,
            "message": result.failure.message,
            "entry": None
            if entry_obj is None
            else {
                k: getattr(entry_obj, k, None)
                for k in ("entry_id", "title", "meaning", "fix", "url")
            },
        }
    return {
        "model": result.model_type,
        "inputs": [value_json(v) for _, v in result.inputs],
        "calls": calls,
        "failure": failure,
        "torch": result.torch_version.split("+")[0],
    }


def _recurrent_json(details: Recurrent) -> dict[str, object]:
    return {
        "module": details.call,
        "symbols": dict(details.symbol_values),
        "tensors": {
            t.name: {"symbolic": t.symbolic, "shape": list(t.shape)}
            | ({"values": list(t.values)} if t.values is not None else {})
            for t in details.tensors
        },
        "h_n_view": list(details.h_n_view) if details.h_n_view is not None else None,
        "last_layer_rows": list(details.last_layer_rows),
        "final_hidden": list(details.final_hidden) if details.final_hidden is not None else None,
        "padded_output": list(details.padded_output) if details.padded_output is not None else None,
    }
