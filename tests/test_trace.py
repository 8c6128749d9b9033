"""rnn_guide.trace and ``rnn-guide trace``: every reported shape against the tensors themselves.

The models below keep their own intermediate tensors (``self.seen``) while they run, so each
shape the trace reports is compared with a tensor captured without the trace's hooks.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

import rnn_guide
from rnn_guide.cli import main
from rnn_guide.explain import explain
from rnn_guide.layout import final_hidden
from rnn_guide.shapes import evaluate
from rnn_guide.tracing import (
    Call,
    PackedValue,
    TensorValue,
    Trace,
    example_classes,
    format_trace,
    trace,
    trace_json,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def shape(tensor: torch.Tensor) -> tuple[int, ...]:
    return tuple(tensor.shape)


def call(result: Trace, name: str) -> Call:
    (found,) = [c for c in result.calls if c.name == name]
    return found


def squeeze(text: str) -> str:
    """The text with runs of spaces (table alignment) made single."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def assert_formulas_hold(result: Trace) -> None:
    """Every symbolic form, evaluated with the call's numbers, gives the measured shape."""
    for c in result.recurrent_calls():
        assert c.recurrent is not None
        assert c.recurrent.mismatches == []
        for t in c.recurrent.tensors:
            assert evaluate(t.symbolic, c.recurrent.symbol_values) == t.shape


class Encoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.Embedding(50, 6)
        self.gru = nn.GRU(6, 5, num_layers=3, bidirectional=True)
        self.seen: dict[str, torch.Tensor] = {}

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        self.seen["vectors"] = vectors = self.embedding(tokens)
        self.seen["output"], self.seen["h_n"] = self.gru(vectors)
        return self.seen["h_n"]


class Nested(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = Encoder()
        self.head = nn.Sequential(nn.Linear(10, 7), nn.ReLU(), nn.Linear(7, 3))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        h_n = self.encoder(tokens)
        return self.head(torch.cat((h_n[-2], h_n[-1]), dim=-1))


def test_nested_modules_in_call_order():
    model = Nested()
    tokens = torch.randint(0, 50, (9, 4))
    result = trace(model, tokens)
    assert result.ok
    assert [(c.name, c.depth) for c in result.calls] == [
        ("", 0), ("encoder", 1), ("encoder.embedding", 2), ("encoder.gru", 2),
        ("head", 1), ("head.0", 2), ("head.1", 2), ("head.2", 2),
    ]  # fmt: skip
    seen = model.encoder.seen
    assert call(result, "encoder.embedding").output == TensorValue(
        shape(seen["vectors"]), "float32"
    )
    assert call(result, "encoder.embedding").inputs == ((None, TensorValue((9, 4), "int64")),)
    gru = call(result, "encoder.gru").recurrent
    assert gru is not None
    assert gru.call == "nn.GRU(6, 5, num_layers=3, bidirectional=True)"
    assert gru.tensor("input").shape == shape(seen["vectors"])
    assert gru.tensor("output").shape == shape(seen["output"])
    assert gru.tensor("h_n").shape == shape(seen["h_n"])
    assert gru.tensor("h_n").symbolic == "(D*num_layers, N, H_out)"
    assert gru.tensor("output").symbolic == "(L, N, D*H_out)"
    assert gru.h_n_view == (3, 2, 4, 5)
    assert gru.last_layer_rows == (4, 5)
    assert gru.final_hidden == shape(final_hidden(seen["h_n"], 3, True))
    assert gru.final_hidden == shape(torch.cat((seen["h_n"][-2], seen["h_n"][-1]), dim=-1))
    logits = model(tokens)
    assert call(result, "").output == TensorValue(shape(logits), "float32")
    assert call(result, "head.2").output == TensorValue(shape(logits), "float32")
    assert_formulas_hold(result)
    text = format_trace(result)
    assert "h_n (D*num_layers, N, H_out) (6, 4, 5)" in squeeze(text)
    notes = " ".join(text.split())  # notes wrap at spaces
    assert "rows 4 and 5 (h_n[-2], h_n[-1]) are the last layer's forward and backward" in notes


def test_sequential_around_a_gru():
    model = nn.Sequential(nn.Linear(3, 8), nn.GRU(8, 4, batch_first=True))
    x = torch.randn(2, 11, 3)
    result = trace(model, x)
    hidden = model[0](x)
    output, h_n = model[1](hidden)
    gru = call(result, "1")
    assert gru.inputs == ((None, TensorValue(shape(hidden), "float32")),)
    assert gru.output == (TensorValue(shape(output), "float32"), TensorValue(shape(h_n), "float32"))
    assert gru.recurrent is not None
    assert gru.recurrent.tensor("output").symbolic == "(N, L, D*H_out)"
    assert gru.recurrent.tensor("output").shape == shape(output)
    assert gru.recurrent.tensor("h_n").shape == shape(h_n)
    assert gru.recurrent.symbol_values == {
        "N": 2,
        "L": 11,
        "D": 1,
        "num_layers": 1,
        "H_in": 8,
        "H_out": 4,
    }
    assert_formulas_hold(result)
    text = format_trace(result)
    assert "batch_first=True reorders input and output only: h_n keeps the batch" in text
    assert f"output {tuple(output.shape)}, h_n {tuple(h_n.shape)}" in text


class CellLoop(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.cell = nn.LSTMCell(3, 6)
        self.out = nn.Linear(6, 2)
        self.seen: list[tuple[torch.Tensor, torch.Tensor]] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        state = None
        ys = []
        for t in range(x.shape[0]):
            state = self.cell(x[t], state)
            self.seen.append(state)
            ys.append(self.out(state[0]))
        return torch.stack(ys)


def test_cells_in_a_loop_are_grouped_with_a_count():
    model = CellLoop()
    result = trace(model, torch.randn(7, 4, 3))
    cells = [c for c in result.calls if c.name == "cell"]
    assert len(cells) == 7
    for c, (h, c_state) in zip(cells, model.seen, strict=True):
        assert c.recurrent is not None
        assert c.recurrent.tensor("h'").shape == shape(h)
        assert c.recurrent.tensor("c'").shape == shape(c_state)
        assert c.recurrent.tensor("h'").symbolic == "(N, H_out)"
        assert c.recurrent.tensor("c'").symbolic == "(N, H_cell)"
    assert [t.name for t in cells[0].recurrent.tensors] == ["input", "h'", "c'"]
    assert [t.name for t in cells[1].recurrent.tensors] == ["input", "h", "c", "h'", "c'"]
    rows = trace_json(result)["calls"]
    assert [(row["name"], row["count"]) for row in rows] == [
        ("", 1),
        ("cell", 1),
        ("out", 7),
        ("cell", 6),
    ]
    text = format_trace(result)
    assert "called 6 times with these shapes" in text
    assert_formulas_hold(result)


class Packed(nn.Module):
    def __init__(self, head_features: int = 64) -> None:
        super().__init__()
        self.embedding = nn.Embedding(100, 16, padding_idx=0)
        self.lstm = nn.LSTM(16, 32, num_layers=2, batch_first=True, bidirectional=True)
        self.head = nn.Linear(head_features, 4)
        self.seen: dict[str, object] = {}

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = self.embedding(tokens)
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, (h_n, c_n) = self.lstm(packed)
        self.seen.update(packed=packed, out=out, h_n=h_n, c_n=c_n)
        return self.head(torch.cat((h_n[-2], h_n[-1]), dim=-1))


def test_packed_input():
    model = Packed()
    lengths = torch.tensor([7, 3, 5, 2, 6])
    result = trace(model, torch.randint(1, 100, (5, 7)), lengths)
    lstm = call(result, "lstm").recurrent
    assert lstm is not None
    packed, out = model.seen["packed"], model.seen["out"]
    assert lstm.tensor("input.data").shape == shape(packed.data)
    assert lstm.tensor("input.data").symbolic == "(sum(lengths), H_in)"
    assert lstm.tensor("batch_sizes").values == tuple(packed.batch_sizes.tolist())
    assert lstm.tensor("output.data").shape == shape(out.data)
    assert lstm.tensor("h_n").shape == shape(model.seen["h_n"])
    assert lstm.tensor("c_n").shape == shape(model.seen["c_n"])
    assert lstm.symbol_values["sum(lengths)"] == int(lengths.sum())
    padded, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True)
    assert lstm.padded_output == shape(padded)
    assert_formulas_hold(result)
    data = trace_json(result)
    (row,) = [r for r in data["calls"] if r["name"] == "lstm"]
    assert row["inputs"][0]["packed"]["batch_sizes"] == packed.batch_sizes.tolist()
    assert row["recurrent"]["tensors"]["h_n"] == {
        "symbolic": "(D*num_layers, N, H_out)", "shape": list(model.seen["h_n"].shape),
    }  # fmt: skip
    assert f"batch_sizes {packed.batch_sizes.tolist()}" in format_trace(result)


def test_a_model_failing_in_its_third_layer():
    model = Packed(head_features=32)  # the head forgets the second direction
    result = trace(model, torch.randint(1, 100, (5, 7)), torch.tensor([7, 3, 5, 2, 6]))
    assert not result.ok
    assert result.failure is not None
    assert [c.name for c in result.calls] == ["", "embedding", "lstm", "head"]
    assert result.failure.call_index == 3
    assert result.failure.exception_type == "RuntimeError"
    head = result.calls[3]
    h_n = model.seen["h_n"]
    met = torch.cat((h_n[-2], h_n[-1]), dim=-1)
    assert head.inputs == ((None, TensorValue(shape(met), "float32")),)
    assert not head.finished
    with pytest.raises(RuntimeError) as raised:
        model.head(met)
    assert result.failure.message == str(raised.value)
    entry = explain(str(raised.value), "en")
    assert entry is not None
    assert trace_json(result)["failure"]["entry"]["entry_id"] == entry.entry_id
    for lang in ("en", "ko"):
        text = format_trace(result, lang)
        table = text.split("\n\n")[1]
        assert table.splitlines()[-1].split()[:2] == ["3", "head"]  # the table stops there
        assert explain(str(raised.value), lang).title in " ".join(text.split())
        assert str(raised.value) in text
    text = format_trace(result)
    assert "the forward pass stopped at #3 head (Linear): RuntimeError" in text
    assert "shapes that met there: (5, 64)" in text
    assert "module: Linear(in_features=32, out_features=4, bias=True)" in text
    assert "raised RuntimeError" in text
    assert "(did not return)" in text  # the model itself


def test_failure_in_the_models_own_code():
    class Reshaping(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.rnn = nn.RNN(2, 3, num_layers=2, batch_first=True)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            _, h_n = self.rnn(x)
            return h_n.transpose(0, 1).view(-1)

    result = trace(Reshaping(), torch.randn(4, 5, 2))
    assert result.failure is not None
    assert result.failure.call_index == 0
    assert "view size is not compatible" in result.failure.message
    text = format_trace(result)
    assert "stopped at #0 the model's own forward code" in text
    assert "after #1 rnn returned ((4, 5, 3), (2, 4, 3))" in text


def test_exported_from_the_package():
    result = rnn_guide.trace(nn.GRU(2, 3), torch.zeros(4, 1, 2))
    assert result.calls[0].recurrent is not None
    with pytest.raises(TypeError, match=r"needs an nn\.Module"):
        rnn_guide.trace(lambda x: x, torch.zeros(1))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_gallerys_text_classifier(lang):
    path = ROOT / "examples" / lang / "models" / "plot_01_text_classification.py"
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    classifier = example_classes(path)["Classifier"]
    model = classifier(20, 8, 16, 2)
    lengths = torch.tensor([4, 6, 2])
    result = trace(model, torch.randint(1, 20, (3, 6)), lengths)
    assert result.ok
    lstm = next(c.recurrent for c in result.recurrent_calls())
    embedded = model.embedding(torch.zeros(3, 6, dtype=torch.long))
    packed = pack_padded_sequence(embedded, lengths, batch_first=True, enforce_sorted=False)
    out, (h_n, c_n) = model.lstm(packed)
    assert lstm.tensor("input.data").shape == shape(packed.data)
    assert lstm.tensor("batch_sizes").values == tuple(packed.batch_sizes.tolist())
    assert lstm.tensor("output.data").shape == shape(out.data)
    assert lstm.tensor("h_n").shape == shape(h_n)
    assert lstm.tensor("c_n").shape == shape(c_n)
    assert_formulas_hold(result)


def test_the_gallerys_onnx_encoder():
    path = ROOT / "examples" / "en" / "models" / "plot_08_onnx_export.py"
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    model = example_classes(path)["Encoder"]()
    lstm = model.lstm
    x = torch.randn(3, 5, lstm.input_size)
    state = torch.randn(lstm.num_layers * 2, 3, lstm.hidden_size)
    result = trace(model, x, state, state.clone())
    output, h_n, c_n = model(x, state, state.clone())
    details = call(result, "lstm").recurrent
    assert [t.name for t in details.tensors] == ["input", "h_0", "c_0", "output", "h_n", "c_n"]
    assert details.tensor("output").shape == shape(output)
    assert details.tensor("h_n").shape == shape(h_n)
    assert details.tensor("h_0").shape == shape(state)
    assert details.tensor("c_n").shape == shape(c_n)
    assert_formulas_hold(result)


# -- Every model of the "Building models" gallery ------------------------------------------

# Each gallery model by class name: its example, the constructor's arguments (the example's
# sizes) and the inputs of one call.
GALLERY_MODELS: dict[str, tuple[str, tuple[int, ...], object]] = {
    "Classifier": (
        "plot_01_text_classification.py",
        (30, 8, 16, 2),
        lambda: (torch.randint(1, 30, (4, 9)), torch.tensor([9, 7, 4, 2])),
    ),
    "Forecaster": ("plot_02_forecasting.py", (1, 16), lambda: (torch.randn(91, 20, 1),)),
    "ConvLSTM": ("plot_03_cnn_before_rnn.py", (2, 3, 4), lambda: (torch.randn(2, 2, 5),)),
    "StatefulForecaster": (
        "plot_04_carrying_state.py",
        (1, 8),
        lambda: (torch.randn(4, 19, 1), (torch.randn(1, 4, 8), torch.randn(1, 4, 8))),
    ),
    "Seq2Seq": (
        "plot_05_seq2seq.py",
        (4, 6, 2, 10, 5),
        lambda: (torch.randn(3, 7, 4), torch.randint(0, 10, (3, 5))),
    ),
    "AdditiveAttention": (
        "plot_06_attention.py",
        (4, 6, 5, 8),
        lambda: (torch.randn(3, 7, 4), torch.tensor([7, 4, 6]), torch.randn(3, 8)),
    ),
    "Encoder": (
        "plot_08_onnx_export.py",
        (),
        lambda: (torch.randn(3, 9, 4), torch.randn(4, 3, 6), torch.randn(4, 3, 6)),
    ),
}


def models_dir(lang: str) -> Path:
    return ROOT / "examples" / lang / "models"


def shapes_of(value: object) -> object:
    """A forward pass's value by shapes, worked out here without rnn_guide.tracing."""
    if isinstance(value, PackedSequence):
        return ("packed", shape(value.data), tuple(value.batch_sizes.tolist()))
    if isinstance(value, torch.Tensor):
        return shape(value)
    if isinstance(value, (tuple, list)):
        return tuple(shapes_of(item) for item in value)
    return value


def reported(value: object) -> object:
    """The trace's description of a value, in the form of :func:`shapes_of`."""
    if isinstance(value, PackedValue):
        return ("packed", value.data.shape, value.batch_sizes)
    if isinstance(value, TensorValue):
        return value.shape
    if isinstance(value, tuple):
        return tuple(reported(item) for item in value)
    return value


def gallery_class(lang: str, name: str) -> type:
    path = models_dir(lang) / GALLERY_MODELS[name][0]
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    return example_classes(path)[name]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("name", sorted(GALLERY_MODELS))
def test_every_gallery_model_traced_against_its_own_tensors(lang, name):
    torch.manual_seed(0)
    model = gallery_class(lang, name)(*GALLERY_MODELS[name][1])
    inputs = GALLERY_MODELS[name][2]()
    result = trace(model, *inputs)
    assert result.ok
    started: list[str] = []  # modules in the order their calls began, by hooks of this test's own
    seen: dict[str, tuple[object, object]] = {}  # each module's first call: arguments, result

    def keep(name: str):
        def begin(_module: nn.Module, _args: tuple[object, ...]) -> None:
            started.append(name)

        def end(_module: nn.Module, args: tuple[object, ...], out: object) -> None:
            seen.setdefault(name, (args, out))

        return begin, end

    handles = []
    for n, module in model.named_modules():
        begin, end = keep(n)
        handles += [module.register_forward_pre_hook(begin), module.register_forward_hook(end)]
    try:
        with torch.no_grad():
            model(*inputs)
    finally:
        for handle in handles:
            handle.remove()
    assert [c.name for c in result.calls] == list(dict.fromkeys(started))  # all, in call order
    for c in result.calls:
        args, out = seen[c.name]
        assert reported(c.output) == shapes_of(out), c.name
        assert tuple(reported(v) for _, v in c.inputs)[: len(args)] == shapes_of(args), c.name
    assert result.recurrent_calls()
    assert_formulas_hold(result)


def test_the_seq2seq_without_its_bridge_stops_at_the_decoder():
    class NoBridge(gallery_class("en", "Seq2Seq")):  # type: ignore[misc]
        def bridge(self, h_n: torch.Tensor) -> torch.Tensor:
            return h_n

    model = NoBridge(*GALLERY_MODELS["Seq2Seq"][1])
    source, decoder_in = GALLERY_MODELS["Seq2Seq"][2]()
    result = trace(model, source, decoder_in)
    assert not result.ok
    assert result.failure is not None
    failed = result.calls[result.failure.call_index]
    assert (failed.name, failed.index) == ("decoder", 3)
    _, h_n = model.encoder(source)
    with pytest.raises(RuntimeError) as raised:
        model.decoder(model.embed(decoder_in), h_n)
    assert result.failure.message == str(raised.value)
    assert reported(failed.inputs[1][1]) == shape(h_n)
    text = format_trace(result, "en")
    assert "#error-hidden-size-mismatch" in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_trace_page_traces_every_gallery_model(lang, monkeypatch):
    monkeypatch.setenv("KERAS_BACKEND", "torch")  # plot_07 imports Keras, as the example does
    page = (ROOT / "docs" / lang / "trace.md").read_text(encoding="utf-8")
    models = models_dir(lang)
    with_classes = {
        path.name
        for path in sorted(models.glob("plot_*.py"))
        if any(issubclass(cls, nn.Module) for cls in example_classes(path).values())
    }
    traced = set(re.findall(r'example_classes\(EXAMPLES / "(plot_\w+\.py)"\)', page))
    assert traced == with_classes
    assert {entry[0] for entry in GALLERY_MODELS.values()} == with_classes  # and tested above
    assert {p.name for p in models.glob("plot_*.py")} - with_classes == {"plot_07_from_keras.py"}


# -- The command line ---------------------------------------------------------------------

MODELS = textwrap.dedent(
    """
    import torch
    from torch import nn
    from torch.nn.utils.rnn import pack_padded_sequence

    class Classifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(30, 8, padding_idx=0)
            self.lstm = nn.LSTM(8, 16, batch_first=True, bidirectional=True)
            self.head = nn.Linear(32, 2)

        def forward(self, ids, lengths):
            self.ids = ids
            packed = pack_padded_sequence(self.embedding(ids), lengths, batch_first=True)
            _, (h_n, _) = self.lstm(packed)
            return self.head(torch.cat((h_n[-2], h_n[-1]), dim=-1))

    def broken():
        model = Classifier()
        model.head = nn.Linear(16, 2)
        return model

    def not_a_model():
        return 42

    def raises():
        raise ValueError("no weights here")

    number = 3
    """
)


@pytest.fixture
def models(tmp_path, monkeypatch):
    (tmp_path / "h15_models.py").write_text(MODELS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("h15_models", None)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["trace", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_traces_a_module_callable(capsys, models):
    status, out, err = run(
        capsys, "h15_models:Classifier", "--input", "4,9,long", "--input", "4,lengths"
    )
    assert status == 0, err
    # lengths 9, 7, 4, 1: from the sequence length of the first input down to 1
    assert "input.data (21, 8), batch_sizes [4, 3, 3, 3, 2, 2, 2, 1, 1]" in out
    assert "h_n (D*num_layers, N, H_out) (2, 4, 16)" in squeeze(out)
    status, out, _ = run(capsys, "h15_models:Classifier", "--input", "4,9,long",
                         "--input", "4,lengths", "--lang", "ko")  # fmt: skip
    assert status == 0
    assert out.startswith("모델: Classifier\n입력: (4, 9) int64, (4,) int64")
    assert "순환 레이어와 셀" in out


def test_cli_token_ids_fit_the_smallest_embedding(capsys, models):
    import h15_models

    model = h15_models.Classifier()
    from rnn_guide.trace_cli import make_inputs, parse_input

    ids, lengths = make_inputs(model, [parse_input("64,20,long"), parse_input("64,lengths")])
    assert int(ids.min()) >= 1  # padding_idx=0 left out
    assert int(ids.max()) < 30
    assert lengths.tolist() == sorted(lengths.tolist(), reverse=True)
    assert (int(lengths.max()), int(lengths.min())) == (20, 1)


def test_cli_json(capsys, models):
    status, out, _ = run(capsys, "./h15_models.py:Classifier", "--input", "3,5,long",
                         "--input", "lengths=5,4,2", "--json")  # fmt: skip
    assert status == 0
    data = json.loads(out)
    assert [c["name"] for c in data["calls"]] == ["", "embedding", "lstm", "head"]
    lstm = data["calls"][2]["recurrent"]
    assert lstm["tensors"]["batch_sizes"]["values"] == [3, 3, 2, 2, 1]
    assert lstm["tensors"]["h_n"]["shape"] == [2, 3, 16]
    assert lstm["last_layer_rows"] == [0, 1]
    assert data["failure"] is None


def test_cli_forward_failure_exits_1_with_the_explanation(capsys, models):
    status, out, _ = run(capsys, "h15_models:broken", "--input", "3,5,long",
                           "--input", "3,lengths", "--json")  # fmt: skip
    assert status == 1
    failure = json.loads(out)["failure"]
    assert failure["call"] == 3
    assert failure["entry"]["entry_id"] == explain(failure["message"], "en").entry_id


BAD = [
    (["h15_models"], "is not MODULE:CALLABLE"),
    (["h15_models:"], "is not MODULE:CALLABLE"),
    (["no_such_module_h15:build"], "cannot import module 'no_such_module_h15'"),
    (["./missing_h15.py:build"], "no file missing_h15.py"),
    (["h15_models:nope"], "h15_models has no 'nope'"),
    (["h15_models:number"], "is a value of type int, not a function or class"),
    (["h15_models:not_a_model"], "returned a value of type int, not an nn.Module"),
    (["h15_models:raises"], "raised ValueError: no weights here"),
    (["h15_models:Classifier", "--input", "3,five"], "unknown dtype 'five'"),
    (["h15_models:Classifier", "--input", "3,-5"], "is not a shape"),
    (["h15_models:Classifier", "--input", ""], "is not a shape"),
    (["h15_models:Classifier", "--input", "3,4,lengths"], "lengths take one number"),
    (["h15_models:Classifier", "--input", "lengths=3,0"], "from 1 up"),
    (["h15_models:Classifier", "--input", "7,lengths"], "no earlier input has an axis of 7"),
    (["h15_models:Classifier", "--bogus"], "unrecognized arguments: --bogus"),
    ([], "the following arguments are required: MODULE:CALLABLE"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "words"), BAD, ids=[" ".join(a) or "nothing" for a, _ in BAD])
def test_cli_refuses_in_one_line(capsys, models, argv, words):
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("rnn-guide: error: ")
    assert err.count("\n") == 1
    assert words in err
    status, _, err = run(capsys, *argv, "--lang", "ko")
    assert status == 2
    assert err.startswith("rnn-guide: 오류: ")
    assert err.count("\n") == 1


def test_help_says_it_runs_your_code(capsys):
    def help_text(*argv: str) -> str:
        assert main(list(argv)) == 0
        return " ".join(capsys.readouterr().out.split())

    assert "This imports and executes MODULE and the model's code" in help_text("trace", "--help")
    assert "믿을 수 있는 코드만" in help_text("trace", "--help", "--lang", "ko")
    assert "trace every submodule of your own model (runs your code)" in help_text("--help")


def test_real_process(models):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "ko_KR.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "rnn_guide", "trace", "h15_models:not_a_model"],
        capture_output=True, text=True, env=env, cwd=models, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("rnn-guide: 오류: h15_models:not_a_model()이 nn.Module이 아닌")
    assert "Traceback" not in result.stderr


def test_the_trace_page_runs_again_when_a_gallery_model_changes(tmp_path, monkeypatch):
    """The page reads the example's classes, so the example is one of its inputs."""
    from types import SimpleNamespace

    from rnn_guide.sphinxext import freshness

    models = tmp_path / "examples" / "en" / "models"
    models.mkdir(parents=True)
    (models / "plot_01_model.py").write_text("A = 1\n", encoding="utf-8")
    docs = tmp_path / "docs" / "en"
    docs.mkdir(parents=True)
    (docs / "trace.md").write_text(
        'file_format: mystnb\nexample_classes(EXAMPLES / "plot_01_model.py")\n', encoding="utf-8"
    )
    (docs / "other.md").write_text("file_format: mystnb\n", encoding="utf-8")
    monkeypatch.setattr(freshness, "_EXAMPLES", tmp_path / "examples")
    env = SimpleNamespace(
        srcdir=str(docs), found_docs={"trace", "other"}, doc2path=lambda d: str(docs / f"{d}.md")
    )
    before = freshness.page_inputs(env)
    assert list(before) == ["trace"]
    (models / "plot_01_model.py").write_text("A = 2\n", encoding="utf-8")
    assert freshness.page_inputs(env)["trace"] != before["trace"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_real_trace_page_names_its_example(lang):
    from types import SimpleNamespace

    from rnn_guide.sphinxext import freshness

    docs = ROOT / "docs" / lang
    env = SimpleNamespace(
        srcdir=str(docs), found_docs={"trace"}, doc2path=lambda d: str(docs / f"{d}.md")
    )
    assert list(freshness.page_inputs(env)) == ["trace"]
