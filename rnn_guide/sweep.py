"""The shape calculator's query strings, and the build-time sweep that checks them against torch.

The in-browser calculator (``docs/_static/calculator.js``) keeps its state in the URL query
string, with the keys of :data:`QUERY_KEYS`. This module reads a query exactly as the page does
(:func:`parse_query`), and :func:`run_sweep` runs several hundred queries through rnn_guide: the
valid ones through real forward passes (:func:`rnn_guide.run.verified_shapes`), the invalid ones
through the same validation (:class:`~rnn_guide.config.RNNConfig` and
:class:`~rnn_guide.shapes.InputSpec`). The site's build writes the results as JSON, and a browser
test loads the calculator with every query and compares every shape and every message.

Reading rules (the page follows the same ones):

* every value is trimmed of ASCII white space; an absent or empty key means "not passed", like
  ``None`` in :class:`~rnn_guide.config.RNNConfig`, so torch's default applies;
* the keys that are not torch arguments take the calculator's defaults when absent
  (:data:`DEFAULT_QUERY`): ``mode`` LSTM, ``input_size`` 10, ``hidden_size`` 20, ``batch`` 3,
  ``seq_len`` 5 (``seq_len`` stays unset for cells, which take one time step);
* numbers: ``[+-]digits`` is an integer, a decimal or exponent form (or ``nan``, ``inf``) is a
  float, anything else stays a string, so ``input_size=2.5`` is refused as "not a whole number"
  and ``dropout=abc`` as "not a number from 0 to 1", with the value as Python would print it;
* flags (``bias``, ``batch_first``, ``bidirectional``, ``unbatched``): ``1`` is True, ``0`` is
  False, anything else is refused;
* ``unbatched=1`` means input without a batch dimension, and ``batch`` is then ignored;
* ``lengths`` is a comma-separated list, each item read as a number (``5, 3,2`` is ``(5, 3, 2)``),
  and packs the batch; ``enforce_sorted`` (a flag, 1 by default, as in torch) applies to it.

>>> cfg, spec = parse_query({"mode": "GRU", "input_size": "3", "hidden_size": "4", "batch": "2"})
>>> cfg.torch_call(), spec.batch, spec.seq_len
('nn.GRU(3, 4)', 2, 5)
>>> parse_query({"mode": "GRU", "proj_size": "0"})
Traceback (most recent call last):
    ...
rnn_guide.config.ConfigError: proj_size is only supported by LSTM, not GRU (torch refuses it even as 0). Remove proj_size, or use LSTM if you need a projection.
>>> entry = run_query({"mode": "LSTM", "input_size": "2", "hidden_size": "3", "batch": "4"})
>>> entry.valid, entry.shapes["output"], entry.symbols["output"]
(True, [5, 4, 3], '(L, N, D*H_out)')
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from rnn_guide.config import CELL_MODES, LAYER_MODES, MODES, RNNConfig
from rnn_guide.errors import Arg, GuideError
from rnn_guide.messages import LANGS
from rnn_guide.shapes import DEFAULT_BATCH, DEFAULT_SEQ_LEN, InputError, InputSpec, ShapeReport

__all__ = [
    "DEFAULT_QUERY",
    "FLAG_KEYS",
    "LAYER_ONLY_KEYS",
    "NUMBER_KEYS",
    "QUERY_KEYS",
    "SHAPE_KEYS",
    "SweepEntry",
    "applicable_keys",
    "parse_flag",
    "parse_number",
    "parse_query",
    "query_arguments",
    "query_string",
    "run_query",
    "run_sweep",
    "sweep_json",
    "sweep_queries",
    "tensor_shape",
]

QUERY_KEYS: tuple[str, ...] = (
    "mode",
    "input_size",
    "hidden_size",
    "num_layers",
    "bias",
    "batch_first",
    "bidirectional",
    "proj_size",
    "nonlinearity",
    "dropout",
    "batch",
    "unbatched",
    "seq_len",
    "lengths",
    "enforce_sorted",
)
"""The query-string keys of the calculator, in the order the page writes them (a contract)."""

FLAG_KEYS: tuple[str, ...] = ("bias", "batch_first", "bidirectional", "unbatched", "enforce_sorted")
"""Keys whose value is ``0`` or ``1``."""

NUMBER_KEYS: tuple[str, ...] = (
    "input_size",
    "hidden_size",
    "num_layers",
    "proj_size",
    "dropout",
    "batch",
    "seq_len",
)
"""Keys whose value is read as a number (see :func:`parse_number`)."""

LAYER_ONLY_KEYS: tuple[str, ...] = (
    "num_layers",
    "batch_first",
    "dropout",
    "bidirectional",
    "proj_size",
    "seq_len",
    "lengths",
    "enforce_sorted",
)
"""Keys that only RNN, LSTM and GRU accept (``proj_size`` only LSTM); cells refuse them."""

SHAPE_KEYS: tuple[str, ...] = (
    "input",
    "packed_data",
    "batch_sizes",
    "packed_output_data",
    "output",
    "h_n",
    "c_n",
)
"""The tensors the calculator shows, in its order (``data-shape`` hooks): for cells ``output``
is ``h'``; the three packed tensors only for packed input (``batch_sizes`` as its shape,
``(max(lengths),)``, its values in :attr:`SweepEntry.batch_sizes`)."""

DEFAULT_QUERY: dict[str, str] = {
    "mode": "LSTM",
    "input_size": "10",
    "hidden_size": "20",
    "batch": str(DEFAULT_BATCH),
    "seq_len": str(DEFAULT_SEQ_LEN),
}
"""Values the calculator uses for absent keys that are not optional torch arguments."""

_SPACE = " \t\n\r\f\v"
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def applicable_keys(mode: str) -> tuple[str, ...]:
    """Return the query keys that apply to ``mode``, in :data:`QUERY_KEYS` order.

    The page writes only these, so a URL it writes is valid whenever its form is.

    >>> applicable_keys("GRUCell")
    ('mode', 'input_size', 'hidden_size', 'bias', 'batch', 'unbatched')
    >>> "proj_size" in applicable_keys("GRU"), "nonlinearity" in applicable_keys("RNN")
    (False, True)
    """
    cell = mode in CELL_MODES
    keys = []
    for key in QUERY_KEYS:
        if (
            (key in LAYER_ONLY_KEYS and cell)
            or (key == "proj_size" and mode != "LSTM")
            or (key == "nonlinearity" and mode not in ("RNN", "RNNCell"))
        ):
            continue
        keys.append(key)
    return tuple(keys)


def parse_number(raw: str) -> int | float | str:
    """Read a number as the page does: an integer, a float, or else the string itself.

    >>> parse_number("+7"), parse_number("2.50"), parse_number("1e-5"), parse_number("abc")
    (7, 2.5, 1e-05, 'abc')
    >>> parse_number("1_000"), parse_number("nan")
    ('1_000', nan)
    """
    if _INT.fullmatch(raw):
        return int(raw)
    if _FLOAT.fullmatch(raw) or _SPECIAL_FLOAT.fullmatch(raw):
        return float(raw)
    return raw


def parse_flag(raw: str) -> bool | str:
    """Read a 0/1 flag: ``"1"`` is True, ``"0"`` False, anything else stays a string.

    >>> parse_flag("1"), parse_flag("0"), parse_flag("true")
    (True, False, 'true')
    """
    if raw == "1":
        return True
    if raw == "0":
        return False
    return raw


def _normalized(query: Mapping[str, str]) -> dict[str, str]:
    """Known keys only, values trimmed of ASCII white space, empty values dropped."""
    values = {key: query[key].strip(_SPACE) for key in QUERY_KEYS if key in query}
    return {key: value for key, value in values.items() if value}


def query_arguments(query: Mapping[str, str]) -> tuple[str, dict[str, object], dict[str, object]]:
    """Turn a query into the raw arguments, before any validation.

    Returns:
        The mode, the keyword arguments of :class:`~rnn_guide.config.RNNConfig` besides the
        mode (only those given, plus the required sizes) and those of
        :class:`~rnn_guide.shapes.InputSpec`. ``unbatched`` is returned among the input
        arguments only when it is not a 0/1 flag (the caller refuses it).

    >>> query_arguments({"mode": "RNNCell", "nonlinearity": "relu", "unbatched": "1"})
    ('RNNCell', {'input_size': 10, 'hidden_size': 20, 'nonlinearity': 'relu'}, {'batch': None})
    """
    q = _normalized(query)
    mode = q.get("mode", DEFAULT_QUERY["mode"])
    config: dict[str, object] = {}
    for key in ("input_size", "hidden_size"):
        config[key] = parse_number(q.get(key, DEFAULT_QUERY[key]))
    for key in ("num_layers", "bias", "batch_first", "dropout", "bidirectional", "proj_size"):
        if key in q:
            config[key] = parse_flag(q[key]) if key in FLAG_KEYS else parse_number(q[key])
    if "nonlinearity" in q:
        config["nonlinearity"] = q["nonlinearity"]
    inputs: dict[str, object] = {}
    unbatched = parse_flag(q.get("unbatched", "0"))
    if isinstance(unbatched, str):
        inputs["unbatched"] = unbatched
    elif unbatched:
        inputs["batch"] = None
    else:
        inputs["batch"] = parse_number(q.get("batch", DEFAULT_QUERY["batch"]))
    cell = mode in CELL_MODES
    if "seq_len" in q or not cell:
        inputs["seq_len"] = parse_number(q.get("seq_len", DEFAULT_QUERY["seq_len"]))
    if "lengths" in q:
        inputs["lengths"] = tuple(parse_number(n.strip(_SPACE)) for n in q["lengths"].split(","))
    if "enforce_sorted" in q:
        inputs["enforce_sorted"] = parse_flag(q["enforce_sorted"])  # InputSpec refuses a string
    return mode, config, inputs


def parse_query(query: Mapping[str, str]) -> tuple[RNNConfig, InputSpec]:
    """Read a calculator query into a validated configuration and input description.

    The checks run in the page's order: the module (:class:`~rnn_guide.config.RNNConfig`),
    the ``unbatched`` flag, the input (:class:`~rnn_guide.shapes.InputSpec`), and whether the
    input fits the module (cells take no ``seq_len``).

    Raises:
        GuideError: A :class:`~rnn_guide.config.ConfigError` or
            :class:`~rnn_guide.shapes.InputError` whose ``code`` names the message template.
    """
    mode, config, inputs = query_arguments(query)
    arguments: dict[str, Any] = config
    cfg = RNNConfig(mode, **arguments)  # type: ignore[arg-type]
    if "unbatched" in inputs:
        raise InputError("not_bool", name=Arg("unbatched"), value=repr(inputs["unbatched"]))
    spec_arguments: dict[str, Any] = inputs
    spec = InputSpec(**spec_arguments)
    spec.check_fits(cfg)
    return cfg, spec


def query_string(query: Mapping[str, str]) -> str:
    """Encode a query with the keys in :data:`QUERY_KEYS` order (unknown keys last, sorted).

    >>> query_string({"seq_len": "7", "mode": "GRU", "nonlinearity": "a b"})
    'mode=GRU&nonlinearity=a+b&seq_len=7'
    """
    order = {key: i for i, key in enumerate(QUERY_KEYS)}
    keys = sorted(query, key=lambda key: (order.get(key, len(order)), key))
    return urlencode([(key, query[key]) for key in keys])


@dataclass(frozen=True)
class SweepEntry:
    """One query and what rnn_guide says about it.

    Attributes:
        query: The query-string values, as the page reads them.
        valid: Whether the configuration is accepted.
        shapes: Numeric shape of ``input``, ``output``, ``h_n`` and ``c_n`` (``None`` where the
            tensor does not exist, and all ``None`` for an invalid query), from a real forward
            pass.
        symbols: Symbolic shape of the same tensors, e.g. ``"(L, N, D*H_out)"``.
        parameters: ``name -> shape`` of every parameter, in torch's registration order.
        symbol_values: Value of every symbol, e.g. ``{"N": 3, "L": 5, ...}``.
        call: The constructor call, e.g. ``"nn.GRU(3, 4)"``.
        batch_sizes: The values of the packed ``batch_sizes``, for packed input.
        notes: torch's warnings about the configuration (its dropout warning).
        error_code: The message code of the refusal, for an invalid query.
        messages: The refusal rendered in each language (Python spelling of arguments).
    """

    query: dict[str, str]
    valid: bool
    shapes: dict[str, list[int] | None]
    symbols: dict[str, str | None] = field(default_factory=dict)
    parameters: dict[str, list[int]] = field(default_factory=dict)
    symbol_values: dict[str, int] = field(default_factory=dict)
    call: str | None = None
    batch_sizes: list[int] | None = None
    notes: tuple[str, ...] = ()
    error_code: str | None = None
    messages: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """Return the entry as a JSON-ready dict."""
        return {
            "query": self.query,
            "valid": self.valid,
            "shapes": self.shapes,
            "symbols": self.symbols,
            "parameters": self.parameters,
            "symbol_values": self.symbol_values,
            "call": self.call,
            "batch_sizes": self.batch_sizes,
            "notes": list(self.notes),
            "error_code": self.error_code,
            "messages": self.messages,
        }


def tensor_shape(report: ShapeReport, key: str) -> tuple[int, ...] | None:
    """The shape of the tensor ``key`` of :data:`SHAPE_KEYS` (``None`` where it is absent).

    The report holds the values of ``batch_sizes``; its shape is ``(max(lengths),)``.

    >>> from rnn_guide.config import RNNConfig
    >>> from rnn_guide.shapes import InputSpec, expected_shapes
    >>> report = expected_shapes(RNNConfig("GRU", 2, 3), InputSpec(2, 4, lengths=(4, 1)))
    >>> report.batch_sizes, tensor_shape(report, "batch_sizes"), tensor_shape(report, "c_n")
    ((2, 1, 1, 1), (4,), None)
    """
    shape: tuple[int, ...] | None = getattr(report, key)
    if key == "batch_sizes" and shape is not None:
        return (len(shape),)
    return shape


def run_query(query: Mapping[str, str], *, seed: int = 0) -> SweepEntry:
    """Answer one query: a verified forward pass if it is valid, the refusal if not.

    Raises:
        rnn_guide.run.ShapeMismatchError: If a formula and the forward pass disagree.
    """
    query = dict(query)
    try:
        cfg, spec = parse_query(query)
    except GuideError as err:
        messages: dict[str, str] = {lang: err.render(lang, "python") for lang in LANGS}
        return SweepEntry(
            query=query,
            valid=False,
            shapes=dict.fromkeys(SHAPE_KEYS),
            error_code=err.code,
            messages=messages,
        )
    from rnn_guide.run import verified_shapes

    report = verified_shapes(cfg, spec, seed=seed)
    shapes: dict[str, list[int] | None] = {}
    for key in SHAPE_KEYS:
        shape = tensor_shape(report, key)
        shapes[key] = list(shape) if shape is not None else None
    return SweepEntry(
        query=query,
        valid=True,
        shapes=shapes,
        symbols={key: report.symbols.get(key) for key in SHAPE_KEYS},
        parameters={name: list(shape) for name, shape in report.parameters},
        symbol_values=dict(report.symbol_values),
        call=cfg.torch_call(),
        batch_sizes=list(report.batch_sizes) if report.batch_sizes is not None else None,
        # Only torch's warnings about the configuration: some others come once per process.
        notes=tuple(note for note in report.notes if note.startswith("dropout option")),
    )


# Values the sweep tries for each key (besides leaving it out).
_LAYER_VALUES: dict[str, tuple[str, ...]] = {
    "num_layers": ("1", "2", "3"),
    "bias": ("0", "1"),
    "batch_first": ("0", "1"),
    "bidirectional": ("0", "1"),
    "dropout": ("0", "0.0", "0.25", "0.5", "1", "1.0"),
    "batch": ("0", "1", "2", "4"),
    "unbatched": ("0", "1"),
    "seq_len": ("1", "2", "7"),
}
_CELL_VALUES: dict[str, tuple[str, ...]] = {
    "bias": ("0", "1"),
    "batch": ("0", "1", "2", "4"),
    "unbatched": ("0", "1"),
}
_NONLINEARITIES = ("tanh", "relu")

# Values that are refused wherever they go (type and range errors).
_BAD_SIZES = (
    "0",
    "-1",
    "2.5",
    "2.0",
    "1e3",
    "abc",
    "1_000",
    "0x10",
    "nan",
    "it's",
    "8 bytes",
    "1e15",
    "1e16",
    "1e-5",
    ".0001",
    "5.",
    'say "hi"',
    'it\'s "x"',
    "한국어",
    "back\\slash",
)
_BAD_DROPOUTS = ("1.5", "-0.1", "2", "-1", "nan", "inf", "-inf", "abc", "1e400", "0.5.1", "1e16")
_BAD_FLAGS = ("2", "-1", "yes", "true", "True", "1.0", "on")


def _valid_base(rng: random.Random, mode: str) -> dict[str, str]:
    """A random valid query for ``mode`` with small sizes."""
    hidden = rng.choice((2, 3, 4, 5))
    query = {"mode": mode, "input_size": str(rng.choice((1, 2, 3))), "hidden_size": str(hidden)}
    values = _CELL_VALUES if mode in CELL_MODES else _LAYER_VALUES
    for key, choices in values.items():
        if rng.random() < 0.4:
            query[key] = rng.choice(choices)
    if mode == "LSTM" and rng.random() < 0.4:
        query["proj_size"] = str(rng.randrange(hidden))
    if mode in ("RNN", "RNNCell") and rng.random() < 0.4:
        query["nonlinearity"] = rng.choice(_NONLINEARITIES)
    return query


def _valid_queries(rng: random.Random) -> list[dict[str, str]]:
    queries: list[dict[str, str]] = []
    for mode in MODES:
        is_cell = mode in CELL_MODES
        values = dict(_CELL_VALUES if is_cell else _LAYER_VALUES)
        if mode == "LSTM":
            values["proj_size"] = ("0", "1", "3")
        if mode in ("RNN", "RNNCell"):
            values["nonlinearity"] = _NONLINEARITIES
        # Every value of every key, with random company.
        for key, choices in values.items():
            for value in choices:
                query = _valid_base(rng, mode)
                query[key] = value
                if key == "proj_size":
                    query["hidden_size"] = "4"
                queries.append(query)
        # The defaults alone, and random combinations.
        queries.append({"mode": mode})
        queries += [_valid_base(rng, mode) for _ in range(25 if is_cell else 70)]
    # The pairs that interact: batch_first with unbatched and batch 0, bidirectional with
    # several layers and a projection, dropout with one layer (a torch warning, not an error).
    for mode in LAYER_MODES:
        for batch_first in ("0", "1"):
            for batch in ("0", "3", None):
                query = {"mode": mode, "input_size": "2", "hidden_size": "3", "seq_len": "4"}
                query["batch_first"] = batch_first
                if batch is None:
                    query["unbatched"] = "1"
                else:
                    query["batch"] = batch
                queries.append(query)
        for layers in ("1", "2"):
            queries.append(
                {"mode": mode, "input_size": "2", "hidden_size": "3", "num_layers": layers}
                | {"bidirectional": "1", "dropout": "0.5"}
            )
    queries.append({"mode": "LSTM", "hidden_size": "5", "proj_size": "4", "num_layers": "3"})
    queries.append({"mode": "LSTM", "proj_size": "2", "bidirectional": "1", "unbatched": "1"})
    queries.append({"mode": "RNN", "unbatched": "1", "batch": "7"})  # batch is then ignored
    queries.append({"mode": "GRU", "input_size": " 3 ", "hidden_size": "+4", "batch": "007"})
    queries.append({"mode": "LSTMCell", "batch": "", "seq_len": ""})  # empty means absent
    queries.append({})  # the calculator's defaults
    # Packed batches: sorted, unsorted, with the other flags, one sequence, and more than the
    # twelve lengths a meaning lists in full.
    for mode in LAYER_MODES:
        packed = {"mode": mode, "input_size": "2", "hidden_size": "3", "seq_len": "5"}
        queries += [
            packed | {"lengths": "5,3,2"},
            packed | {"lengths": " 5 , 3,2 ", "enforce_sorted": "1"},
            packed | {"lengths": "2,5,3", "enforce_sorted": "0", "batch_first": "1"},
            packed | {"lengths": "4,4,1", "bidirectional": "1", "num_layers": "2"},
            packed | {"lengths": "1,3,5", "enforce_sorted": "0", "bidirectional": "1"},
            packed | {"lengths": "5", "batch": "1"},
            {"mode": mode, "enforce_sorted": "1"},  # torch's default, without lengths: no effect
        ]
    queries.append(
        {"mode": "LSTM", "hidden_size": "4", "proj_size": "2", "bidirectional": "1"}
        | {"batch_first": "1", "lengths": "3,5,1", "enforce_sorted": "0"}
    )
    many = ",".join(map(str, (20, 18, 17, 15, 12, 10, 9, 8, 6, 5, 4, 3, 2, 1)))
    queries.append({"mode": "GRU", "batch": "14", "seq_len": "20", "lengths": many})
    return queries


def _invalid_queries(rng: random.Random) -> list[dict[str, str]]:
    base = {"input_size": "3", "hidden_size": "4"}
    queries: list[dict[str, str]] = []
    turn = 0  # walks through _BAD_SIZES, three values per key and mode
    for mode in MODES:
        is_cell = mode in CELL_MODES
        # Sizes that are not positive whole numbers.
        for key in ("input_size", "hidden_size", "batch", "seq_len", "num_layers"):
            if is_cell and key in ("seq_len", "num_layers"):
                continue
            for _ in range(3):
                value = _BAD_SIZES[turn % len(_BAD_SIZES)]
                turn += 1
                if key == "batch" and value == "0":
                    value = "-3"  # an empty batch is allowed
                queries.append({"mode": mode, **base, key: value})
        for key in ("bias", "unbatched") + (() if is_cell else ("batch_first", "bidirectional")):
            for value in rng.sample(_BAD_FLAGS, 3):
                queries.append({"mode": mode, **base, key: value})
        if is_cell:
            # Arguments a cell refuses merely for being passed, even at torch's default.
            for key, value in (
                ("num_layers", "1"),
                ("num_layers", "abc"),
                ("batch_first", "0"),
                ("bidirectional", "1"),
                ("dropout", "0"),
                ("proj_size", "0"),
                ("seq_len", "5"),
                ("seq_len", "0"),
            ):
                queries.append({"mode": mode, **base, key: value})
        else:
            for value in _BAD_DROPOUTS:
                queries.append({"mode": mode, **base, "dropout": value})
            queries.append({"mode": mode, **base, "seq_len": "0", "batch": "-2"})
        if mode != "LSTM":
            for value in ("0", "2", "abc"):
                queries.append({"mode": mode, **base, "proj_size": value})
        if mode not in ("RNN", "RNNCell"):
            for value in ("tanh", "relu", "sigmoid"):
                queries.append({"mode": mode, **base, "nonlinearity": value})
        else:
            for value in ("sigmoid", "ReLU", "TANH", "gelu"):
                queries.append({"mode": mode, **base, "nonlinearity": value})
        # Two problems at once: the first one torch would meet is reported.
        mixed = {"mode": mode, "input_size": "0", "hidden_size": "x", "bias": "2"}
        queries.append(mixed | ({"num_layers": "0"} if not is_cell else {"dropout": "0.5"}))
    for value in ("4", "5", "9", "-1", "1.5", "abc"):
        queries.append({"mode": "LSTM", **base, "proj_size": value})
    for value in ("lstm", "Transformer", "RNNcell", "GRU Cell"):
        queries.append({"mode": value, **base})
    # Packed batches refused: every check of InputSpec's lengths, in the page's order.
    for mode in ("LSTM", "GRU", "RNN"):
        for extra in (
            {"lengths": "3,2", "unbatched": "1"},
            {"lengths": "5,a,1"},
            {"lengths": "5,,2"},
            {"lengths": "2.5,1,1"},
            {"lengths": "one"},
            {"lengths": "3,2"},
            {"lengths": "3,2,1,1"},
            {"lengths": "3,0,0"},
            {"lengths": "3,-1,1"},
            {"lengths": "6,1,1"},
            {"lengths": "2,5,3"},
            {"lengths": "1,2", "batch": "2", "enforce_sorted": "1"},
            {"enforce_sorted": "0"},
            {"enforce_sorted": "yes", "lengths": "3,2,1"},
            {"enforce_sorted": "2"},
            {"lengths": "6,a", "batch": "x"},  # two problems: the batch is read first
        ):
            queries.append({"mode": mode, **base} | extra)
    for mode in CELL_MODES:
        queries.append({"mode": mode, **base, "lengths": "1,1,1"})
        queries.append({"mode": mode, **base, "lengths": "1,1,1", "enforce_sorted": "0"})
        queries.append({"mode": mode, **base, "enforce_sorted": "0"})
    return queries


def sweep_queries(seed: int = 0) -> list[dict[str, str]]:
    """Return the sweep's queries: valid and invalid, all six modes, every flag; sorted.

    The list is the same for the same ``seed`` (the random company of each tested value comes
    from a seeded generator), without duplicates, sorted by :func:`query_string`.

    >>> queries = sweep_queries()
    >>> len(queries) >= 500, queries == sweep_queries()
    (True, True)
    """
    rng = random.Random(seed)
    queries = _valid_queries(rng) + _invalid_queries(rng)
    unique = {query_string(query): query for query in queries}
    return [unique[key] for key in sorted(unique)]


def run_sweep(queries: Iterable[Mapping[str, str]] | None = None) -> list[SweepEntry]:
    """Answer every query (by default :func:`sweep_queries`), in order."""
    return [run_query(query) for query in (sweep_queries() if queries is None else queries)]


def sweep_json(entries: Sequence[SweepEntry]) -> str:
    """Serialize entries as a JSON list, one entry per line (stable for diffs)."""
    lines = [json.dumps(entry.to_json(), ensure_ascii=False) for entry in entries]
    return "[\n" + ",\n".join(lines) + "\n]\n"
