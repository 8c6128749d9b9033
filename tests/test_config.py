"""RNNConfig refuses what torch refuses, with messages that say what is wrong and how to fix it."""

from __future__ import annotations

import math
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_guide.config import MODES, ConfigError, RNNConfig
from rnn_guide.errors import Arg, GuideError
from rnn_guide.messages import _ERRORS, error_codes
from tests.rnn_guide_torch import CELLS, torch_refusal

LAYERS = ("RNN", "LSTM", "GRU")
BASE = {"input_size": 3, "hidden_size": 4}

# (mode, extra kwargs, expected error code): torch refuses every one of these.
BAD_CONFIGS = [
    ("GRU", {"proj_size": 0}, "proj_not_lstm"),
    ("RNN", {"proj_size": 2}, "proj_not_lstm"),
    ("LSTM", {"proj_size": 4}, "proj_too_large"),
    ("LSTM", {"proj_size": 7}, "proj_too_large"),
    ("LSTM", {"proj_size": -1}, "proj_negative"),
    ("LSTM", {"proj_size": 1.5}, "not_int"),
    ("LSTM", {"proj_size": True}, "not_int"),
    ("LSTM", {"nonlinearity": "tanh"}, "nonlinearity_unsupported"),
    ("GRU", {"nonlinearity": "relu"}, "nonlinearity_unsupported"),
    ("LSTMCell", {"nonlinearity": "tanh"}, "nonlinearity_unsupported"),
    ("GRUCell", {"nonlinearity": "relu"}, "nonlinearity_unsupported"),
    ("RNN", {"nonlinearity": "sigmoid"}, "nonlinearity_unknown"),
    ("RNNCell", {"nonlinearity": "sigmoid"}, "nonlinearity_unknown"),
    ("GRU", {"dropout": 1.5}, "dropout_invalid"),
    ("LSTM", {"dropout": -0.1}, "dropout_invalid"),
    ("RNN", {"dropout": math.nan}, "dropout_invalid"),
    ("GRU", {"dropout": True}, "dropout_invalid"),
    ("GRU", {"dropout": "0.5"}, "dropout_invalid"),
    ("LSTM", {"input_size": 0}, "not_positive"),
    ("GRU", {"hidden_size": 0}, "not_positive"),
    ("RNN", {"hidden_size": -2}, "not_positive"),
    ("LSTM", {"num_layers": 0}, "not_positive"),
    ("GRU", {"num_layers": -1}, "not_positive"),
    ("RNNCell", {"hidden_size": -1}, "not_positive"),
    ("LSTMCell", {"input_size": -3}, "not_positive"),
    ("LSTM", {"input_size": 2.0}, "not_int"),
    ("GRU", {"hidden_size": "4"}, "not_int"),
    ("RNN", {"num_layers": 2.0}, "not_int"),
    ("GRU", {"num_layers": True}, "not_int"),  # torch builds it, then its forward fails
    ("GRUCell", {"hidden_size": 4.0}, "not_int"),
    ("LSTM", {"bias": 1}, "not_bool"),
    ("GRU", {"batch_first": 1}, "not_bool"),
    ("RNN", {"bidirectional": 1}, "not_bool"),
    ("LSTM", {"bidirectional": "yes"}, "not_bool"),
    *[(cell, {arg: value}, "cell_arg") for cell in CELLS for arg, value in [
        ("num_layers", 1), ("bidirectional", False), ("batch_first", False),
        ("dropout", 0.0), ("proj_size", 0),
    ]],
]  # fmt: skip

# torch accepts these, rnn_guide refuses them on purpose (documented in RNNConfig).
STRICTER_THAN_TORCH = [
    ("RNNCell", {"hidden_size": 0}, "not_positive"),
    ("GRUCell", {"input_size": 0}, "not_positive"),
    ("LSTMCell", {"bias": 1}, "not_bool"),
    ("LSTM", {"input_size": True}, "not_int"),
    ("RNNCell", {"input_size": True}, "not_int"),
]

GOOD_CONFIGS = [
    ("RNN", {"num_layers": 2, "nonlinearity": "relu", "dropout": 0.5, "bias": False}),
    ("LSTM", {"num_layers": 3, "bidirectional": True, "proj_size": 3, "batch_first": True}),
    ("LSTM", {"proj_size": 0}),
    ("GRU", {"dropout": 1}),  # one layer: torch only warns
    ("RNNCell", {"nonlinearity": "relu", "bias": False}),
    ("LSTMCell", {}),
    ("GRUCell", {"bias": True}),
]


def _guide_refusal(mode: str, kwargs: dict[str, object]) -> ConfigError | None:
    try:
        RNNConfig(mode, **kwargs)  # type: ignore[arg-type]
    except ConfigError as err:
        return err
    return None


@pytest.mark.parametrize(("mode", "extra", "code"), BAD_CONFIGS)
def test_refuses_what_torch_refuses(mode, extra, code):
    kwargs = BASE | extra
    assert torch_refusal(mode, kwargs) is not None, "torch accepts this: move it to another table"
    err = _guide_refusal(mode, kwargs)
    assert err is not None
    assert err.code == code
    assert isinstance(err, ValueError)


@pytest.mark.parametrize(("mode", "extra", "code"), STRICTER_THAN_TORCH)
def test_documented_rules_beyond_torch(mode, extra, code):
    kwargs = BASE | extra
    assert torch_refusal(mode, kwargs) is None, "torch now refuses this: move it to BAD_CONFIGS"
    err = _guide_refusal(mode, kwargs)
    assert err is not None
    assert err.code == code


@pytest.mark.parametrize(("mode", "extra"), GOOD_CONFIGS)
def test_accepts_what_torch_accepts(mode, extra):
    kwargs = BASE | extra
    assert torch_refusal(mode, kwargs) is None
    cfg = RNNConfig(mode, **kwargs)  # type: ignore[arg-type]
    # bias=True is torch's default and the config's, so it is not passed on.
    assert cfg.torch_kwargs() == {k: v for k, v in kwargs.items() if (k, v) != ("bias", True)}


def _is_stricter(mode: str, kwargs: dict[str, object]) -> bool:
    """The cases where rnn_guide refuses on purpose although torch accepts."""
    sizes = [kwargs.get(name) for name in ("input_size", "hidden_size", "num_layers")]
    if any(isinstance(size, bool) for size in sizes):
        return True
    if mode in CELLS:
        zero_size = kwargs["input_size"] == 0 or kwargs["hidden_size"] == 0
        return zero_size or not isinstance(kwargs.get("bias", True), bool)
    return False


_ANY = {
    "num_layers": st.sampled_from([-1, 0, 1, 2, True, 2.0]),
    "bias": st.sampled_from([True, False, 1]),
    "batch_first": st.sampled_from([True, False, 1]),
    "dropout": st.sampled_from([0, 0.0, 0.5, 1, 1.5, -0.1, math.nan, True, "0.5"]),
    "bidirectional": st.sampled_from([True, False, 1]),
    "proj_size": st.sampled_from([-1, 0, 1, 2, 3, True, 1.5]),
    "nonlinearity": st.sampled_from(["tanh", "relu", "sigmoid"]),
}
_SIZES = st.sampled_from([-1, 0, 1, 3, True, 2.0])


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    mode=st.sampled_from(MODES),
    required=st.fixed_dictionaries({"input_size": _SIZES, "hidden_size": _SIZES}),
    optional=st.fixed_dictionaries({}, optional=_ANY),
)
def test_refusals_match_torch_on_random_kwargs(mode, required, optional):
    kwargs = required | optional
    torch_says = torch_refusal(mode, kwargs)
    err = _guide_refusal(mode, kwargs)  # any exception other than ConfigError fails the test
    if torch_says is not None:
        assert err is not None, f"torch refuses ({torch_says}) but rnn_guide accepts"
    elif err is not None:
        assert _is_stricter(mode, kwargs), f"rnn_guide refuses what torch accepts: {err}"


def test_unknown_mode():
    assert torch_refusal("LSTMcell", BASE) is not None
    err = _guide_refusal("LSTMcell", BASE)
    assert err is not None
    assert err.code == "mode_unknown"
    assert "LSTMCell" in str(err)  # lists the valid names


def test_messages_name_the_problem_and_the_fix():
    err = _guide_refusal("LSTM", BASE | {"proj_size": 4})
    assert str(err) == (
        "proj_size (4) must be smaller than hidden_size (4): the projection shrinks the hidden "
        "state. Use a value below 4, or 0 for no projection."
    )
    assert "--proj-size" in err.render("en", "cli")
    assert err.render("ko", "cli").startswith("--proj-size 값(4)은 --hidden-size 값(4)보다 작아야")
    cell = _guide_refusal("LSTMCell", BASE | {"num_layers": 2})
    assert "use LSTM" in str(cell)
    assert "LSTM 모듈을 사용하십시오" in cell.render("ko")


def test_properties():
    cfg = RNNConfig("LSTM", 8, 6, num_layers=2, bidirectional=True, proj_size=3)
    assert (cfg.layers, cfg.num_directions, cfg.h_out, cfg.h_cell, cfg.gate_count) == (
        2,
        2,
        3,
        6,
        4,
    )
    gru = RNNConfig("GRUCell", 8, 6)
    assert (gru.is_cell, gru.layer_mode, gru.h_cell, gru.gate_count, gru.h_out) == (
        True,
        "GRU",
        None,
        3,
        6,
    )
    assert RNNConfig("GRU", 2, 3, dropout=0.2).dropout_is_inert
    assert not RNNConfig("GRU", 2, 3, dropout=0.2, num_layers=2).dropout_is_inert
    assert RNNConfig("RNN", 2, 3, bias=False).torch_call() == "nn.RNN(2, 3, bias=False)"


def test_config_is_frozen():
    cfg = RNNConfig("GRU", 2, 3)
    with pytest.raises(AttributeError):
        cfg.hidden_size = 5  # type: ignore[misc]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", error_codes())
def test_each_message_exists_in_both_languages(code):
    english, korean = _ERRORS[code]
    assert _placeholders(english) == _placeholders(korean)
    assert re.search("[가-힣]", korean)
    assert "숨겨진" not in korean
    assert "니다" in korean or korean.rstrip().endswith(("{name} 8", "'."))  # 합니다체


def test_error_renders_each_style():
    err = GuideError("lengths_unsorted", lengths=Arg("lengths"), value="x", no_enforce=Arg(
        "enforce_sorted", "False"))  # fmt: skip
    assert "enforce_sorted=False" in err.render("en", "python")
    assert "--no-enforce-sorted" in err.render("ko", "cli")
