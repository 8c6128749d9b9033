"""The tensor diagram: what the calculator draws, as data, its text alternative, and torch's truth.

One drawing implementation exists: ``docs/_static/rnn-diagram.js`` turns a *diagram model* (a
JSON object) into inline SVG. The calculator page builds that model in the browser for every
form state (``calculator.js``); other pages embed a model made here at build time
(:func:`diagram_model`, through the ``rnn-diagram`` directive of
:mod:`rnn_guide.sphinxext.calculator`), together with its text alternative (:func:`describe`),
which is therefore in the HTML even without JavaScript.

The model lists the tensors as blocks whose axes carry a symbol and an exact size (strings, so
JavaScript's BigInt reads any size), and the slices of ``output`` that equal rows of ``h_n``
(:func:`equal_slices`, read from :mod:`rnn_guide.layout`: the forward direction ends at each
sequence's last real step, the backward one at step 0). :func:`torch_equal_slices` finds the
same slices by comparing real tensors, so tests and the build check the rule against torch.

>>> from rnn_guide.config import RNNConfig
>>> from rnn_guide.shapes import InputSpec
>>> cfg, spec = RNNConfig("GRU", 10, 20, num_layers=3, bidirectional=True), InputSpec(3, 5)
>>> [e["text"] for e in equal_slices(cfg, spec)]
['output[-1, :, :H_out] = h_n[-2]', 'output[0, :, H_out:] = h_n[-1]']
>>> torch_equal_slices(cfg, spec) == [e["text"] for e in equal_slices(cfg, spec)]
True
>>> [axis_label(a) for a in diagram_model(cfg, spec)["blocks"][1]["axes"]]
['L = 5', 'N = 3', 'D·H_out = 40']
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

from rnn_guide.config import RNNConfig
from rnn_guide.errors import Lang
from rnn_guide.shapes import InputSpec, expected_shapes

__all__ = [
    "TEXTS",
    "axis_label",
    "describe",
    "diagram_model",
    "diagram_texts",
    "equal_slices",
    "torch_equal_slices",
]

TEXTS: dict[str, tuple[str, str]] = {
    "heading": ("Picture", "그림"),
    "aria": ("Diagram of the tensors of {call}", "{call}의 텐서 그림"),
    "intro_layer": ("{call}, one forward pass.", "{call}의 순전파 한 번입니다."),
    "intro_cell": ("{call}, one time step.", "{call}의 타임 스텝 하나입니다."),
    "block": ("{name} {shape}: {axes}.", "{name} {shape}: {axes}."),
    "output_halves": (
        (
            "Its last axis holds the top layer's forward direction ({forward}) "
            "and then its backward direction ({backward})."
        ),
        "마지막 축에는 마지막 레이어의 정방향({forward})과 역방향({backward})이 차례로 놓입니다.",
    ),
    "output_one": (
        "It holds the top layer's hidden state at every time step.",
        "마지막 레이어의 타임 스텝마다의 은닉 상태입니다.",
    ),
    "rows_bi": (
        "Row 2k is layer k forward, row 2k+1 layer k backward (k = 0 … {last}).",
        "2k번 행은 레이어 k의 정방향, 2k+1번 행은 역방향입니다 (k = 0 … {last}).",
    ),
    "rows_one": ("Row k is layer k (k = 0 … {last}).", "k번 행은 레이어 k입니다 (k = 0 … {last})."),
    "rows_bi_single": (
        "Row 0 is the forward direction, row 1 the backward direction.",
        "0번 행은 정방향, 1번 행은 역방향입니다.",
    ),
    "rows_one_single": ("Its one row is the one layer.", "레이어가 하나이므로 행도 하나입니다."),
    "c_keeps": (
        "It keeps H_cell = {h_cell}: the projection shrinks only output and h_n.",
        "H_cell = {h_cell}을 유지합니다. 투영은 output과 h_n만 줄입니다.",
    ),
    "cell_step": (
        "The cell takes input and h and returns h' of the same shape as h.",
        "셀은 input과 h를 받아 h와 같은 모양의 h'을 돌려줍니다.",
    ),
    "cell_step_lstm": (
        "The cell takes input, h and c and returns h' and c' of the same shapes as h and c.",
        "셀은 input, h, c를 받아 h, c와 같은 모양의 h', c'을 돌려줍니다.",
    ),
    "batch_first": (
        "batch_first=True swaps the first two axes of input and output only.",
        "batch_first=True는 input과 output의 앞 두 축만 맞바꿉니다.",
    ),
    "packed": (
        (
            "Packed batch with lengths {lengths}: batch_sizes = {batch_sizes} counts the "
            "sequences still running at each time step, and the rest of output is padding."
        ),
        (
            "lengths {lengths}로 패킹한 배치입니다. 타임 스텝마다 아직 진행 중인 시퀀스 수는 "
            "batch_sizes = {batch_sizes}이고, output의 나머지 자리는 패딩입니다."
        ),
    ),
    "equal": ("Equal slices: {items}.", "같은 값인 부분: {items}."),
    "equal_none": (
        "N = 0: there is no sequence, so no slice to compare.",
        "N = 0이라 시퀀스가 없으므로 비교할 부분이 없습니다.",
    ),
    "eq_last": ("forward, last time step", "정방향, 마지막 타임 스텝"),
    "eq_lengths": (
        "forward, each sequence's last real step",
        "정방향, 시퀀스마다 실제 마지막 스텝",
    ),
    "eq_first": ("backward, time step 0", "역방향, 타임 스텝 0"),
    "forward": ("forward", "정방향"),
    "backward": ("backward", "역방향"),
    "layer": ("layer {k}", "레이어 {k}"),
    "top_layer": ("top layer", "마지막 레이어"),
    "padding": ("padding", "패딩"),
    "step": ("one time step", "타임 스텝 하나"),
    "time_axis": ("time", "시간"),
    "equal_legend": ("equal", "같은 값"),
}
"""Every word the diagram shows or says: key -> (English, Korean); ``{name}`` are parameters."""


def diagram_texts(lang: Lang) -> dict[str, str]:
    """The diagram's texts in ``lang`` (the page gets them as JSON).

    >>> diagram_texts("ko")["forward"], diagram_texts("en")["layer"]
    ('정방향', 'layer {k}')
    """
    return {key: pair[0 if lang == "en" else 1] for key, pair in TEXTS.items()}


def _text(key: str, lang: Lang, **params: object) -> str:
    return diagram_texts(lang)[key].format(**params)


def _role(symbol: str) -> str:
    if symbol in ("L", "max(lengths)"):
        return "time"
    if symbol == "N":
        return "batch"
    if symbol == "D*num_layers":
        return "stack"
    return "feature"


def axis_label(axis: Mapping[str, str]) -> str:
    """How an axis is labelled: its symbol (``*`` printed as ``·``) and its exact size.

    >>> axis_label({"symbol": "D*num_layers", "size": "6"})
    'D·num_layers = 6'
    """
    return f"{axis['symbol'].replace('*', '·')} = {axis['size']}"


def _slice_text(cfg: RNNConfig, spec: InputSpec, direction: int, step: str) -> tuple[str, str]:
    """``output[...]`` and ``h_n[...]`` for one direction; ``step`` is "-1", "0" or "lengths"."""
    bi = cfg.num_directions == 2
    features = (":H_out" if direction == 0 else "H_out:") if bi else None
    if step == "lengths":
        time, batch = "lengths[n] - 1", "n"
    else:
        time, batch = step, ":"
    if spec.batch is None:
        index = [time]
    elif cfg.is_batch_first:
        index = [batch, time]
    else:
        index = [time, batch]
    if features is not None:
        index.append(features)
    elif index[-1] == ":":
        index.pop()
    row = str(direction - cfg.num_directions)
    h_n = f"h_n[{row}, n]" if step == "lengths" else f"h_n[{row}]"
    return f"output[{', '.join(index)}]", h_n


def equal_slices(cfg: RNNConfig, spec: InputSpec) -> list[dict[str, Any]]:
    """The slices of ``output`` that equal rows of ``h_n``, by :mod:`rnn_guide.layout`'s rule.

    Only the top layer reaches ``output``: its forward row of ``h_n`` is the forward half at
    each sequence's last real step (``-1`` unless the batch is packed), its backward row the
    backward half at step 0. A cell has no ``h_n``; an empty batch has nothing to compare.

    >>> cfg = RNNConfig("LSTM", 4, 6, batch_first=True, proj_size=2)
    >>> [e["text"] for e in equal_slices(cfg, InputSpec(batch=3, seq_len=5, lengths=(5, 2, 4),
    ...     enforce_sorted=False))]
    ['output[n, lengths[n] - 1] = h_n[-1, n]']
    """
    if cfg.is_cell or spec.batch == 0:
        return []
    slices = []
    for direction in range(cfg.num_directions):
        if direction == 1:
            step, meaning = "0", "eq_first"
        elif spec.lengths is not None:
            step, meaning = "lengths", "eq_lengths"
        else:
            step, meaning = "-1", "eq_last"
        output, h_n = _slice_text(cfg, spec, direction, step)
        slices.append(
            {
                "direction": direction,
                "step": step,
                "output": output,
                "h_n": h_n,
                "meaning": meaning,
                "text": f"{output} = {h_n}",
            }
        )
    return slices


def diagram_model(cfg: RNNConfig, spec: InputSpec) -> dict[str, Any]:
    """The JSON-ready model that ``rnn-diagram.js`` draws (the calculator builds the same).

    >>> model = diagram_model(RNNConfig("LSTM", 10, 20, proj_size=5), InputSpec(3, 5))
    >>> [(b["name"], b["symbols"]) for b in model["blocks"]]
    [('input', '(L, N, H_in)'), ('output', '(L, N, D*H_out)'), ('h_n', '(D*num_layers, N, H_out)'), ('c_n', '(D*num_layers, N, H_cell)')]
    >>> model["h_out"], model["h_cell"], model["proj"]
    ('5', '20', True)
    """
    report = expected_shapes(cfg, spec)
    blocks = []
    for name in ("input", "output", "h_n", "c_n"):
        shape = getattr(report, name)
        if shape is None:
            continue
        symbols = report.symbols[name]
        axes = [
            {"symbol": symbol, "size": str(size), "role": _role(symbol)}
            for symbol, size in zip(symbols[1:-1].split(", "), shape, strict=True)
        ]
        blocks.append({"name": name, "symbols": symbols, "axes": axes})
    return {
        "call": cfg.torch_call(),
        "blocks": blocks,
        "cell": cfg.is_cell,
        "lstm": cfg.has_cell_state,
        "directions": cfg.num_directions if not cfg.is_cell else 1,
        "layers": str(cfg.layers) if not cfg.is_cell else "1",
        "batch_first": bool(cfg.is_batch_first) and not cfg.is_cell and spec.batch is not None,
        "batched": spec.batch is not None,
        "h_out": str(cfg.h_out),
        "h_cell": str(cfg.h_cell) if cfg.h_cell is not None else None,
        "proj": bool(cfg.projection),
        "lengths": [str(n) for n in spec.lengths] if spec.lengths is not None else None,
        "batch_sizes": (
            [str(n) for n in report.batch_sizes] if report.batch_sizes is not None else None
        ),
        "equal": equal_slices(cfg, spec),
    }


def _shape_text(sizes: list[str]) -> str:
    return "(" + ", ".join(sizes) + (",)" if len(sizes) == 1 else ")")


def block_label(model: Mapping[str, Any], name: str) -> str:
    """The name a block is shown under: a cell's ``output`` is ``h'``, its ``c_n`` is ``c'``.

    >>> block_label({"cell": True}, "output"), block_label({"cell": False}, "output")
    ("h'", 'output')
    """
    if model["cell"]:
        return {"output": "h'", "c_n": "c'"}.get(name, name)
    return name


def describe(model: Mapping[str, Any], lang: Lang) -> str:
    """The diagram's text alternative: the same facts as the picture, in ``lang``.

    ``rnn-diagram.js`` writes the same sentences (the browser test compares them).

    >>> model = diagram_model(RNNConfig("RNN", 4, 8, num_layers=2), InputSpec(3, 5))
    >>> print(describe(model, "en"))  # doctest: +NORMALIZE_WHITESPACE
    nn.RNN(4, 8, num_layers=2), one forward pass. input (5, 3, 4): L = 5 × N = 3 × H_in = 4.
    output (5, 3, 8): L = 5 × N = 3 × D·H_out = 8. It holds the top layer's hidden state at
    every time step. h_n (2, 3, 8): D·num_layers = 2 × N = 3 × H_out = 8. Row k is layer k
    (k = 0 … 1). Equal slices: output[-1] = h_n[-1] (forward, last time step).
    """
    parts = [_text("intro_cell" if model["cell"] else "intro_layer", lang, call=model["call"])]
    if model["cell"]:
        parts.append(_text("cell_step_lstm" if model["lstm"] else "cell_step", lang))
    for block in model["blocks"]:
        name = block["name"]
        axes = " × ".join(axis_label(axis) for axis in block["axes"])
        shape = _shape_text([axis["size"] for axis in block["axes"]])
        parts.append(_text("block", lang, name=block_label(model, name), shape=shape, axes=axes))
        if model["cell"]:
            continue
        if name == "output":
            if model["directions"] == 2:
                h = int(model["h_out"])
                parts.append(
                    _text("output_halves", lang, forward=f"0:{h}", backward=f"{h}:{2 * h}")
                )
            else:
                parts.append(_text("output_one", lang))
        elif name == "h_n":
            last = int(model["layers"]) - 1
            key = "rows_bi" if model["directions"] == 2 else "rows_one"
            parts.append(_text(key + ("_single" if last == 0 else ""), lang, last=last))
        elif name == "c_n" and model["proj"]:
            parts.append(_text("c_keeps", lang, h_cell=model["h_cell"]))
    if model["batch_first"]:
        parts.append(_text("batch_first", lang))
    if model["lengths"] is not None:
        lengths = "(" + ", ".join(model["lengths"]) + ")"
        sizes = "(" + ", ".join(model["batch_sizes"]) + ")"
        parts.append(_text("packed", lang, lengths=lengths, batch_sizes=sizes))
    if not model["cell"]:
        if model["equal"]:
            items = "; ".join(f"{e['text']} ({_text(e['meaning'], lang)})" for e in model["equal"])
            parts.append(_text("equal", lang, items=items))
        else:
            parts.append(_text("equal_none", lang))
    return " ".join(parts)


def torch_equal_slices(cfg: RNNConfig, spec: InputSpec, *, seed: int = 0) -> list[str]:
    """The equal slices torch shows: every ``h_n`` row compared with every step of ``output``.

    Runs the module on random input (packed when ``spec`` has lengths), then, for each row of
    ``h_n`` and each direction's half of ``output``, finds the time steps whose slice equals
    that row, per sequence. Rows that match nowhere (the lower layers) are left out; the
    matches are written as :func:`equal_slices` writes them, so the two lists compare directly.
    An empty batch or a cell gives ``[]`` (there is nothing to compare).
    """
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    from rnn_guide.layout import split_output
    from rnn_guide.run import build_module

    if cfg.is_cell or spec.batch == 0:
        return []
    report = expected_shapes(cfg, spec)
    generator = torch.Generator().manual_seed(seed)
    module, _ = build_module(cfg)
    # Small positive weights and inputs: no ReLU state is all zeros and no tanh saturates, so
    # the states of different steps differ, and an equality can only come from the layout.
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(torch.rand(parameter.shape, generator=generator) * 0.2 + 0.01)
    x = torch.rand(*report.input, generator=generator) + 0.1
    with torch.no_grad(), warnings.catch_warnings():
        # torch's note that oneDNN has no LSTM projection says nothing about the values.
        warnings.filterwarnings("ignore", message="LSTM with projections is not supported")
        if spec.lengths is not None:
            packed = pack_padded_sequence(
                x,
                torch.tensor(spec.lengths),
                batch_first=cfg.is_batch_first,
                enforce_sorted=spec.enforce_sorted,
            )
            packed_out, state = module(packed)
            output, _ = pad_packed_sequence(packed_out, batch_first=cfg.is_batch_first)
        else:
            output, state = module(x)
    h_n = state[0] if isinstance(state, tuple) else state
    if spec.batch is None:
        steps = output.unsqueeze(1)
        rows = h_n.unsqueeze(1)
    else:
        steps = output.transpose(0, 1) if cfg.is_batch_first else output
        rows = h_n
    steps = split_output(steps, cfg.num_directions == 2)  # (T, N, D, H_out)
    found = []
    total = rows.shape[0]
    time_steps, batch = steps.shape[0], steps.shape[1]
    for row in range(total):
        for direction in range(cfg.num_directions):
            equal = (steps[:, :, direction] == rows[row]).all(dim=-1)  # (T, N)
            matches = [equal[:, n].nonzero().flatten().tolist() for n in range(batch)]
            if not any(matches):
                continue
            if any(len(m) != 1 for m in matches):
                found.append(f"ambiguous: row {row - total}, direction {direction}: {matches}")
                continue
            times = [m[0] for m in matches]
            if direction == 1:
                step, want = "0", [0] * batch
            elif spec.lengths is not None:
                step, want = "lengths", [n - 1 for n in spec.lengths]
            else:
                step, want = "-1", [time_steps - 1] * batch
            output_text, h_n_text = _slice_text(cfg, spec, direction, step)
            row_text = str(row - total)
            if times != want or row_text != str(direction - cfg.num_directions):
                found.append(f"h_n[{row_text}] = direction {direction} at steps {times}")
                continue
            found.append(f"{output_text} = {h_n_text}")
    return found
