"""The calculator's sweep: enough queries, every mode and flag, verified answers, known messages."""

from __future__ import annotations

import json
import re

import pytest

from rnn_guide.config import CELL_MODES, LAYER_MODES, MODES, ConfigError
from rnn_guide.errors import Arg, GuideError
from rnn_guide.messages import error_codes, error_text, label, text
from rnn_guide.shapes import expected_shapes
from rnn_guide.sphinxext.calculator import page_data, script_json, template
from rnn_guide.sweep import (
    QUERY_KEYS,
    SHAPE_KEYS,
    SweepEntry,
    applicable_keys,
    parse_query,
    query_arguments,
    query_string,
    run_query,
    run_sweep,
    sweep_json,
    sweep_queries,
    tensor_shape,
)
from tests.rnn_guide_torch import torch_refusal

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def entries() -> list[SweepEntry]:
    return run_sweep()


def valid(entries: list[SweepEntry], mode: str | None = None) -> list[SweepEntry]:
    return [e for e in entries if e.valid and (mode is None or e.query.get("mode") == mode)]


def test_at_least_500_sorted_unique_and_deterministic():
    queries = sweep_queries()
    assert len(queries) >= 500
    keys = [query_string(query) for query in queries]
    assert keys == sorted(set(keys))
    assert queries == sweep_queries(seed=0)
    assert queries != sweep_queries(seed=1)  # the seed chooses the company of each value
    for query in queries:
        assert set(query) <= set(QUERY_KEYS)


def test_the_sweep_json_is_stable(entries):
    dumped = sweep_json(entries)
    assert dumped == sweep_json(run_sweep(sweep_queries()))
    data = json.loads(dumped)
    assert len(data) == len(entries)
    for item in data:
        assert set(item) >= {"query", "valid", "shapes", "parameters", "error_code"}
        assert set(item["shapes"]) == set(SHAPE_KEYS)


def test_every_mode_valid_and_invalid(entries):
    for mode in MODES:
        mine = [e for e in entries if e.query.get("mode") == mode]
        assert len([e for e in mine if e.valid]) >= 30, mode
        assert len([e for e in mine if not e.valid]) >= 15, mode
    queries = [e.query for e in entries]
    assert {} in queries  # the calculator's defaults
    for mode in MODES:
        assert {"mode": mode} in queries


def test_every_key_and_value_is_covered_by_valid_queries(entries):
    for mode in MODES:
        mine = valid(entries, mode)
        for key in applicable_keys(mode):
            assert any(key in e.query for e in mine), (mode, key)
        for flag in ("bias", "unbatched") + (
            () if mode in CELL_MODES else ("batch_first", "bidirectional")
        ):
            for value in ("0", "1"):
                assert any(e.query.get(flag) == value for e in mine), (mode, flag, value)
        assert any(e.query.get("batch") == "0" and "unbatched" not in e.query for e in mine)
        assert any(e.query.get("unbatched") == "1" for e in mine)
        assert any(e.query.get("bias") == "0" for e in mine)
        if mode in LAYER_MODES:
            assert any(e.query.get("num_layers") == "3" for e in mine)
            assert any(e.notes for e in mine), f"{mode}: no dropout note"
            assert any(e.query.get("dropout") == "0.5" and not e.notes for e in mine)
    assert any(e.query.get("proj_size", "0") != "0" for e in valid(entries, "LSTM"))
    for mode in ("RNN", "RNNCell"):
        assert any(e.query.get("nonlinearity") == "relu" for e in valid(entries, mode))


def test_valid_entries_are_the_formulas_and_torch(entries):
    for entry in valid(entries):
        cfg, spec = parse_query(entry.query)
        report = expected_shapes(cfg, spec)  # run_sweep used verified_shapes: torch agreed
        for key in SHAPE_KEYS:
            shape = tensor_shape(report, key)
            assert entry.shapes[key] == (list(shape) if shape is not None else None)
            assert entry.symbols[key] == report.symbols.get(key)
        assert (entry.batch_sizes is not None) == spec.is_packed
        if spec.is_packed:  # the values; the table shows the shape
            assert entry.batch_sizes == list(report.batch_sizes)
            assert entry.shapes["batch_sizes"] == [len(report.batch_sizes)]
        assert entry.parameters == {name: list(shape) for name, shape in report.parameters}
        assert entry.call == cfg.torch_call()
        assert bool(entry.notes) == cfg.dropout_is_inert
        assert entry.error_code is None


def _stricter_than_torch(mode: str, config: dict[str, object]) -> bool:
    """rnn_guide refuses these on purpose although torch builds them (see RNNConfig)."""
    if mode not in CELL_MODES:
        return False
    return config["input_size"] == 0 or config["hidden_size"] == 0 or "bias" in config


def test_invalid_entries_carry_known_codes_in_both_languages(entries):
    codes = set(error_codes())
    seen = set()
    for entry in entries:
        if entry.valid:
            continue
        assert entry.error_code in codes
        seen.add(entry.error_code)
        assert all(shape is None for shape in entry.shapes.values())
        assert entry.parameters == {}
        with pytest.raises(GuideError) as caught:
            parse_query(entry.query)
        assert caught.value.code == entry.error_code
        assert entry.messages == {
            "en": caught.value.render("en", "python"),
            "ko": caught.value.render("ko", "python"),
        }
        assert HANGUL.search(entry.messages["ko"])
        mode, config, _ = query_arguments(entry.query)
        checkable = isinstance(caught.value, ConfigError) and mode in MODES
        if checkable and not _stricter_than_torch(mode, config):
            assert torch_refusal(mode, config) is not None, f"torch accepts {entry.query}"
    assert seen >= {
        "mode_unknown",
        "not_int",
        "not_positive",
        "not_bool",
        "dropout_invalid",
        "proj_not_lstm",
        "proj_negative",
        "proj_too_large",
        "nonlinearity_unsupported",
        "nonlinearity_unknown",
        "cell_arg",
        "seq_len_positive",
        "batch_negative",
        "cell_input_arg",
        "lengths_unbatched",
        "lengths_count",
        "length_positive",
        "length_too_long",
        "lengths_unsorted",
        "enforce_sorted_without_lengths",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ("LSTM", 10, 20, 3, 5)),
        ({"mode": "GRUCell", "batch": " 4 "}, ("GRUCell", 10, 20, 4, None)),
        ({"mode": "RNN", "unbatched": "1", "batch": "-5"}, ("RNN", 10, 20, None, 5)),
        ({"mode": "GRU", "num_layers": "", "seq_len": "+2"}, ("GRU", 10, 20, 3, 2)),
    ],
)
def test_reading_rules(query, expected):
    cfg, spec = parse_query(query)
    assert (cfg.mode, cfg.input_size, cfg.hidden_size, spec.batch, spec.seq_len) == expected


@pytest.mark.parametrize(
    ("query", "code", "value"),
    [
        ({"mode": "GRU", "proj_size": "0"}, "proj_not_lstm", None),
        ({"mode": "LSTMCell", "batch_first": "0"}, "cell_arg", None),
        ({"mode": "GRUCell", "seq_len": "5"}, "cell_input_arg", None),
        ({"input_size": "2.0"}, "not_int", "2.0"),
        ({"input_size": "abc"}, "not_int", "'abc'"),
        ({"dropout": "nan"}, "dropout_invalid", "nan"),
        ({"bias": "true"}, "not_bool", "'true'"),
        ({"unbatched": "yes"}, "not_bool", "'yes'"),
        ({"mode": "lstm"}, "mode_unknown", "'lstm'"),
    ],
)
def test_reading_refusals(query, code, value):
    with pytest.raises(GuideError) as caught:
        parse_query(query)
    assert caught.value.code == code
    if value is not None:
        assert caught.value.params["value"] == value


def test_applicable_keys_never_include_what_torch_refuses():
    for mode in MODES:
        keys = applicable_keys(mode)
        assert keys[:3] == ("mode", "input_size", "hidden_size")
        assert ("proj_size" in keys) == (mode == "LSTM")
        assert ("nonlinearity" in keys) == (mode in ("RNN", "RNNCell"))
        assert ("num_layers" in keys) == (mode in LAYER_MODES)


def test_run_query_of_an_invalid_query_runs_nothing():
    entry = run_query({"mode": "LSTM", "proj_size": "20"})
    assert (entry.valid, entry.error_code) == (False, "proj_too_large")
    assert "proj_size (20) must be smaller than hidden_size (20)" in entry.messages["en"]


def _js_format(template_text: str, params: dict[str, str]) -> str:
    """What calculator.js does with a template."""
    return re.sub(r"\{(\w+)\}", lambda m: params.get(m[1], m[0]), template_text)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_templates_format_like_rnn_guide(lang):
    data = page_data(lang)
    assert data["lang"] == lang
    assert set(data["errors"]) == set(error_codes())
    for code, template_text in data["errors"].items():
        fields = set(re.findall(r"\{(\w+)\}", template_text))
        params: dict[str, object] = {f: f"<{f}>" for f in fields - {"label", "name"}}
        spelled = {f: f"<{f}>" for f in fields}
        if "name" in fields:
            params["name"] = Arg("hidden_size")
            spelled["name"] = "hidden_size"
            spelled["label"] = data["labels"]["hidden_size"]
        assert _js_format(template_text, spelled) == error_text(code, lang, "python", params)
    assert data["labels"]["seq_len"] == label("seq_len", lang)
    note = _js_format(data["text"]["note_dropout"], {"warning": "W"})
    assert note == text("note_dropout", lang, warning="W")
    warning = data["torch_warnings"]["dropout"]
    assert "{dropout}" in warning
    assert "{num_layers}" in warning
    assert data["sweep_size"] == len(sweep_queries())
    assert "<" not in script_json(data)


def test_template_recovers_placeholders():
    assert template(lambda params: text("in_batched", "en", **params)) == (
        "batch of N={n} sequences, L={l} time steps"
    )
