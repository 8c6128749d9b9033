"""A frozen, validated configuration of one of PyTorch's six recurrent modules.

:class:`RNNConfig` holds every constructor argument of ``nn.RNN``, ``nn.LSTM``, ``nn.GRU``,
``nn.RNNCell``, ``nn.LSTMCell`` and ``nn.GRUCell``. It refuses what torch refuses, with a
:class:`ConfigError` that says what is wrong and how to fix it.

``None`` means "not passed to torch" (torch's default applies). The difference matters because
torch refuses some arguments merely for being passed: ``nn.GRU(3, 4, proj_size=0)`` and
``nn.LSTMCell(3, 4, num_layers=1)`` both fail.

>>> cfg = RNNConfig("RNN", input_size=1, hidden_size=10, num_layers=2, batch_first=True)
>>> cfg.layers, cfg.num_directions, cfg.h_out
(2, 1, 10)
>>> cfg.torch_call()
'nn.RNN(1, 10, num_layers=2, batch_first=True)'
>>> RNNConfig("LSTM", input_size=4, hidden_size=8, proj_size=8)
Traceback (most recent call last):
    ...
rnn_guide.config.ConfigError: proj_size (8) must be smaller than hidden_size (8): the projection shrinks the hidden state. Use a value below 8, or 0 for no projection.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Real
from typing import Literal, get_args

from rnn_guide.errors import Arg, GuideError

__all__ = ["CELL_MODES", "LAYER_MODES", "MODES", "ConfigError", "Mode", "Nonlinearity", "RNNConfig"]

Mode = Literal["RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell"]
"""Name of the ``torch.nn`` module."""

Nonlinearity = Literal["tanh", "relu"]
"""Activation of ``RNN`` and ``RNNCell``."""

MODES: tuple[Mode, ...] = get_args(Mode)
"""All six module names."""

LAYER_MODES: tuple[Mode, ...] = ("RNN", "LSTM", "GRU")
"""Modules that read whole sequences (multi-layer, optionally bidirectional)."""

CELL_MODES: tuple[Mode, ...] = ("RNNCell", "LSTMCell", "GRUCell")
"""Modules that compute a single time step of a single layer."""

# Arguments a cell does not accept (torch raises TypeError for each).
_LAYER_ONLY = ("num_layers", "batch_first", "dropout", "bidirectional", "proj_size")


class ConfigError(GuideError):
    """A module configuration that torch would refuse (or that has no meaningful shapes)."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class RNNConfig:
    """Constructor arguments of one recurrent module, validated like torch validates them.

    Args:
        mode: Which module: ``"RNN"``, ``"LSTM"``, ``"GRU"``, ``"RNNCell"``, ``"LSTMCell"``
            or ``"GRUCell"``.
        input_size: Number of input features, ``H_in``.
        hidden_size: Hidden state size (``H_out``, or ``H_cell`` for LSTM).
        num_layers: Stacked layers (layers only; ``None``: not passed, torch uses 1).
        bias: Whether the module has bias vectors.
        batch_first: Batch dimension first (layers only; ``None``: not passed, i.e. False).
        dropout: Dropout between stacked layers (layers only; ``None``: not passed, i.e. 0).
        bidirectional: Run both directions (layers only; ``None``: not passed, i.e. False).
        proj_size: LSTM projection size ``P`` (LSTM only; ``None``: not passed, i.e. 0).
        nonlinearity: ``"tanh"`` or ``"relu"`` (RNN/RNNCell only; ``None``: not passed).

    Raises:
        ConfigError: When torch would refuse the configuration. Rules beyond torch's: sizes
            must be real ints (not bools), booleans real bools, and cells refuse zero sizes
            (torch builds them but they have no features).
    """

    mode: Mode
    input_size: int
    hidden_size: int
    num_layers: int | None = None
    bias: bool = True
    batch_first: bool | None = None
    dropout: float | None = None
    bidirectional: bool | None = None
    proj_size: int | None = None
    nonlinearity: Nonlinearity | None = None

    def __post_init__(self) -> None:
        """Validate, mostly in torch's order, so the first complaint is usually the one torch makes."""
        if self.mode not in MODES:
            raise ConfigError("mode_unknown", value=repr(self.mode))
        self._check_applicable()
        if self.dropout is not None:
            self._check_dropout(self.dropout)
        for flag in ("bias", "batch_first", "bidirectional"):
            value = getattr(self, flag)
            if value is not None and not isinstance(value, bool):
                raise ConfigError("not_bool", name=Arg(flag), value=repr(value))
        for size in ("input_size", "hidden_size", "num_layers"):
            value = getattr(self, size)
            if value is None:
                continue
            if not _is_int(value):
                raise ConfigError("not_int", name=Arg(size), value=repr(value))
            if value <= 0:
                raise ConfigError("not_positive", name=Arg(size), value=repr(value))
        if self.proj_size is not None:
            self._check_proj_size(self.proj_size)

    def _check_applicable(self) -> None:
        if self.is_cell:
            for name in _LAYER_ONLY:
                if getattr(self, name) is not None:
                    raise ConfigError(
                        "cell_arg", mode=self.mode, name=Arg(name), layer=self.layer_mode
                    )
        elif self.proj_size is not None and self.mode != "LSTM":
            raise ConfigError("proj_not_lstm", mode=self.mode, name=Arg("proj_size"))
        if self.nonlinearity is None:
            return
        if self.mode not in ("RNN", "RNNCell"):
            raise ConfigError("nonlinearity_unsupported", mode=self.mode, name=Arg("nonlinearity"))
        if self.nonlinearity not in get_args(Nonlinearity):
            raise ConfigError("nonlinearity_unknown", value=repr(self.nonlinearity))

    @staticmethod
    def _check_dropout(dropout: object) -> None:
        # Like torch: a real number (not a bool) with 0 <= p <= 1, which also excludes NaN.
        if (
            isinstance(dropout, bool)
            or not isinstance(dropout, Real)
            or not 0 <= float(dropout) <= 1
        ):
            raise ConfigError(
                "dropout_invalid",
                name=Arg("dropout"),
                value=repr(dropout),
                example=Arg("dropout", "0.2"),
            )

    def _check_proj_size(self, proj_size: object) -> None:
        if not _is_int(proj_size):
            raise ConfigError("not_int", name=Arg("proj_size"), value=repr(proj_size))
        assert isinstance(proj_size, int)
        if proj_size < 0:
            raise ConfigError("proj_negative", name=Arg("proj_size"), value=repr(proj_size))
        if proj_size >= self.hidden_size:
            raise ConfigError(
                "proj_too_large",
                name=Arg("proj_size"),
                value=proj_size,
                hidden_name=Arg("hidden_size"),
                hidden=self.hidden_size,
            )

    @property
    def is_cell(self) -> bool:
        """True for ``RNNCell``, ``LSTMCell`` and ``GRUCell``."""
        return self.mode in CELL_MODES

    @property
    def layer_mode(self) -> Mode:
        """The sequence module of the same kind, e.g. ``"LSTM"`` for ``"LSTMCell"``.

        >>> RNNConfig("GRUCell", 3, 4).layer_mode
        'GRU'
        """
        if self.mode == "RNNCell":
            return "RNN"
        if self.mode == "LSTMCell":
            return "LSTM"
        if self.mode == "GRUCell":
            return "GRU"
        return self.mode

    @property
    def has_cell_state(self) -> bool:
        """True for LSTM and LSTMCell, which carry a cell state ``c`` besides ``h``."""
        return self.layer_mode == "LSTM"

    @property
    def layers(self) -> int:
        """Number of stacked layers (1 when not given, and for cells)."""
        return self.num_layers if self.num_layers is not None else 1

    @property
    def num_directions(self) -> int:
        """The number of directions ``D``, 2 if bidirectional, else 1."""
        return 2 if self.bidirectional else 1

    @property
    def is_batch_first(self) -> bool:
        """Whether batched input is ``(N, L, H_in)`` rather than ``(L, N, H_in)``."""
        return bool(self.batch_first)

    @property
    def projection(self) -> int:
        """The LSTM projection size ``P``, 0 when there is none."""
        return self.proj_size or 0

    @property
    def h_out(self) -> int:
        """The size ``H_out`` of the hidden state ``h`` (``P`` if projecting, else hidden_size)."""
        return self.projection or self.hidden_size

    @property
    def h_cell(self) -> int | None:
        """The size ``H_cell`` of the LSTM cell state (hidden_size), ``None`` without one."""
        return self.hidden_size if self.has_cell_state else None

    @property
    def gate_count(self) -> int:
        """Gate blocks stacked in each weight matrix, 4 for LSTM (i,f,g,o), 3 for GRU (r,z,n), else 1."""
        return {"LSTM": 4, "GRU": 3}.get(self.layer_mode, 1)

    @property
    def dropout_is_inert(self) -> bool:
        """True when dropout > 0 with a single layer, where torch warns and dropout has no effect."""
        return bool(self.dropout) and self.layers == 1 and not self.is_cell

    def torch_kwargs(self) -> dict[str, object]:
        """Return exactly the keyword arguments to pass to the torch constructor.

        >>> RNNConfig("LSTM", 3, 4, bias=False, proj_size=2).torch_kwargs()
        {'input_size': 3, 'hidden_size': 4, 'bias': False, 'proj_size': 2}
        """
        kwargs: dict[str, object] = {"input_size": self.input_size, "hidden_size": self.hidden_size}
        for name in ("num_layers", "bias", "batch_first", "dropout", "bidirectional"):
            value = getattr(self, name)
            if value is not None and not (name == "bias" and value is True):
                kwargs[name] = value
        if self.proj_size is not None:
            kwargs["proj_size"] = self.proj_size
        if self.nonlinearity is not None:
            kwargs["nonlinearity"] = self.nonlinearity
        return kwargs

    def torch_call(self) -> str:
        """Return the constructor call a reader would write, e.g. ``nn.GRU(3, 4)``."""
        kwargs = self.torch_kwargs()
        args = [str(kwargs.pop("input_size")), str(kwargs.pop("hidden_size"))]
        args += [f"{name}={value!r}" for name, value in kwargs.items()]
        return f"nn.{self.mode}({', '.join(args)})"
