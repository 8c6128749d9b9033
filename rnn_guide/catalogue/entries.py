"""Every entry of the error catalogue (오류 메시지 사전), each written once.

Each failing call and its fix are real code: the errors page runs them at build time
(:mod:`rnn_guide.catalogue.run`) and the build stops, naming the entry, if a call no longer
gives its message. Sizes differ from each other so that every number in a message names one
axis: ``N=3`` sequences, ``L=5`` time steps, ``H_in=4`` features, ``hidden_size=6``,
``num_layers=2``.

>>> len(ENTRIES) == len({e.id for e in ENTRIES})
True
"""

from __future__ import annotations

from rnn_guide.catalogue.model import Entry, Text

__all__ = ["ENTRIES", "PREAMBLE"]

PREAMBLE = """\
import torch
from torch import nn
from torch.nn.utils.rnn import (
    PackedSequence,
    pack_padded_sequence,
    pack_sequence,
    pad_packed_sequence,
    pad_sequence,
)

torch.manual_seed(0)
"""
"""Run before every snippet (shown once at the top of the page)."""

_SHAPE = r"[(\[]?(?P<{0}1>\d+), (?P<{0}2>\d+), (?P<{0}3>\d+)[)\]]?"


def _shape(prefix: str) -> str:
    """A three-axis shape written as ``(2, 3, 6)`` or ``[2, 3, 6]``, captured axis by axis."""
    return _SHAPE.format(prefix)


_HIDDEN_READING = Text(
    "Your {state} has shape ({g1}, {g2}, {g3}); the layer expects ({e1}, {e2}, {e3}), that is "
    "D * num_layers = {e1}, batch size N = {e2} and {size} = {e3}.",
    "넘긴 {state}의 모양은 ({g1}, {g2}, {g3})인데 레이어는 ({e1}, {e2}, {e3})을 기대합니다. "
    "D * num_layers = {e1}, 배치 크기 N = {e2}, {size} = {e3}입니다.",
)

_LAYER: tuple[Entry, ...] = (
    Entry(
        id="input-size-mismatch",
        group="layer",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "The input's last axis is not input_size",
            "입력의 마지막 축이 input_size와 다름",
        ),
        patterns=(
            (
                r"input\.size\(-1\) must be equal to input_size\. "
                r"Expected (?P<expected>\d+), got (?P<got>\d+)"
            ),
        ),
        broken="""\
rnn = nn.RNN(input_size=1, hidden_size=6, batch_first=True)
x = torch.randn(3, 5, 4)  # (N, L, H_in): 4 features per time step
rnn(x)
""",
        fixed="""\
rnn = nn.RNN(input_size=x.shape[-1], hidden_size=6, batch_first=True)
output, h_n = rnn(x)
print(f"output: {tuple(output.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "The last axis of the input holds the features of one time step, and its size must "
            "equal the input_size the layer was built with.",
            "입력의 마지막 축은 타임 스텝 하나의 특성이 놓이는 축이고, 그 크기는 레이어를 만들 때 "
            "지정한 input_size와 같아야 합니다.",
        ),
        reading=Text(
            "Your input's last axis has {got} features, but the layer was built with "
            "input_size={expected}.",
            "입력의 마지막 축에는 특성이 {got}개 있는데 레이어는 input_size={expected}로 "
            "만들어졌습니다.",
        ),
        fix=Text(
            "Build the layer with input_size equal to x.shape[-1] (read it from the data), or "
            "check that the features are on the last axis and not on another one.",
            "레이어를 만들 때 input_size를 x.shape[-1]로 지정하십시오(데이터에서 읽어 오면 "
            "틀리지 않습니다). 특성이 다른 축이 아니라 마지막 축에 있는지도 확인하십시오.",
        ),
        examples=("plot_17_common_errors", "plot_02_batch_axis"),
        calculator="mode=RNN&input_size=4&hidden_size=6&batch_first=1&batch=3&seq_len=5",
    ),
    Entry(
        id="hidden-size-mismatch",
        group="layer",
        modules=("nn.RNN", "nn.GRU"),
        title=Text("h_0 has the wrong shape", "h_0의 모양이 틀림"),
        patterns=(rf"Expected hidden size {_shape('e')}, got {_shape('g')}",),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6, num_layers=2, batch_first=True)
x = torch.randn(3, 5, 4)  # (N, L, H_in)
h_0 = torch.zeros(3, 2, 6)  # batch first, like x: wrong for the hidden state
rnn(x, h_0)
""",
        fixed="""\
h_0 = torch.zeros(2, 3, 6)  # (D * num_layers, N, H_out), also when batch_first=True
output, h_n = rnn(x, h_0)
print(f"h_0: {tuple(h_0.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "h_0 must have the shape (D * num_layers, N, H_out). batch_first moves the batch "
            "axis of the input and the output only, never that of the hidden state.",
            "h_0의 모양은 (D * num_layers, N, H_out)이어야 합니다. batch_first는 입력과 출력의 "
            "배치 축만 옮기며 은닉 상태의 축 순서는 바꾸지 않습니다.",
        ),
        reading=Text(
            _HIDDEN_READING.en.replace("{state}", "h_0").replace("{size}", "H_out"),
            _HIDDEN_READING.ko.replace("{state}", "h_0").replace("{size}", "H_out"),
        ),
        fix=Text(
            "Build h_0 as (D * num_layers, N, H_out); a batch-first h_0 becomes right with "
            "h_0.transpose(0, 1).contiguous(). The batch size N must be that of this input.",
            "h_0을 (D * num_layers, N, H_out) 모양으로 만드십시오. 배치 우선으로 만든 h_0은 "
            "h_0.transpose(0, 1).contiguous()로 바로잡을 수 있습니다. 배치 크기 N은 지금 넣는 "
            "입력의 배치 크기와 같아야 합니다.",
        ),
        examples=("plot_03_initial_hidden_state", "plot_17_common_errors"),
        calculator=(
            "mode=RNN&input_size=4&hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=5"
        ),
        older=("Expected hidden size (2, 4, 256), got (2, 64, 256)",),
        variants=("nn.GRU(4, 6, num_layers=2)(torch.randn(5, 3, 4), torch.zeros(3, 2, 6))",),
    ),
    Entry(
        id="lstm-h0-size-mismatch",
        group="layer",
        modules=("nn.LSTM",),
        title=Text("The LSTM's h_0 has the wrong shape", "LSTM의 h_0 모양이 틀림"),
        patterns=(rf"Expected hidden\[0\] size {_shape('e')}, got {_shape('g')}",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, batch_first=True)
x = torch.randn(3, 5, 4)  # (N, L, H_in)
h_0 = torch.zeros(3, 2, 6)  # batch first: wrong for the hidden state
c_0 = torch.zeros(2, 3, 6)
lstm(x, (h_0, c_0))
""",
        fixed="""\
h_0 = torch.zeros(2, 3, 6)  # (D * num_layers, N, H_out)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print(f"h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "hidden[0] is h_0, the first tensor of the tuple (h_0, c_0). It must have the shape "
            "(D * num_layers, N, H_out), where H_out is proj_size if set, else hidden_size.",
            "hidden[0]은 튜플 (h_0, c_0)의 첫 번째 텐서인 h_0입니다. 모양은 "
            "(D * num_layers, N, H_out)이어야 하고, H_out은 proj_size를 지정했으면 그 값, "
            "아니면 hidden_size입니다.",
        ),
        reading=Text(
            _HIDDEN_READING.en.replace("{state}", "h_0").replace("{size}", "H_out"),
            _HIDDEN_READING.ko.replace("{state}", "h_0").replace("{size}", "H_out"),
        ),
        fix=Text(
            "Build h_0 as (D * num_layers, N, H_out), not batch first; with proj_size set, its "
            "last axis is proj_size.",
            "h_0을 배치 우선이 아닌 (D * num_layers, N, H_out) 모양으로 만드십시오. proj_size를 "
            "지정했다면 마지막 축은 proj_size입니다.",
        ),
        examples=("plot_07_lstm", "plot_03_initial_hidden_state", "models/plot_04_carrying_state"),
        calculator=(
            "mode=LSTM&input_size=4&hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=5"
        ),
        older=("Expected hidden[0] size (2, 4, 256), got (2, 64, 256)",),
    ),
    Entry(
        id="lstm-c0-size-mismatch",
        group="layer",
        modules=("nn.LSTM",),
        title=Text("The LSTM's c_0 has the wrong shape", "LSTM의 c_0 모양이 틀림"),
        patterns=(rf"Expected hidden\[1\] size {_shape('e')}, got {_shape('g')}",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, proj_size=2)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
h_0 = torch.zeros(1, 3, 2)  # (D * num_layers, N, proj_size)
c_0 = torch.zeros(1, 3, 2)  # like h_0: wrong, the cell state is not projected
lstm(x, (h_0, c_0))
""",
        fixed="""\
c_0 = torch.zeros(1, 3, 6)  # (D * num_layers, N, H_cell) with H_cell = hidden_size
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print(f"h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "hidden[1] is c_0, the second tensor of (h_0, c_0). It must have the shape "
            "(D * num_layers, N, H_cell), and H_cell is always hidden_size, even with proj_size.",
            "hidden[1]은 (h_0, c_0)의 두 번째 텐서인 c_0입니다. 모양은 "
            "(D * num_layers, N, H_cell)이어야 하고, H_cell은 proj_size를 지정해도 언제나 "
            "hidden_size입니다.",
        ),
        reading=Text(
            _HIDDEN_READING.en.replace("{state}", "c_0").replace("{size}", "H_cell"),
            _HIDDEN_READING.ko.replace("{state}", "c_0").replace("{size}", "H_cell"),
        ),
        fix=Text(
            "Build c_0 as (D * num_layers, N, hidden_size); only h_0 is shrunk to proj_size.",
            "c_0을 (D * num_layers, N, hidden_size) 모양으로 만드십시오. proj_size로 줄어드는 "
            "것은 h_0뿐입니다.",
        ),
        examples=("plot_08_lstm_proj_size", "plot_07_lstm"),
        calculator="mode=LSTM&input_size=4&hidden_size=6&proj_size=2&batch=3&seq_len=5",
    ),
    Entry(
        id="input-rank-rnn",
        group="layer",
        modules=("nn.RNN",),
        title=Text("The RNN's input is not 2-D or 3-D", "RNN 입력이 2차원이나 3차원이 아님"),
        patterns=(r"RNN: Expected input to be 2D or 3D, got (?P<got>\d+)D tensor instead",),
        broken="""\
rnn = nn.RNN(input_size=1, hidden_size=6)
wave = torch.sin(torch.linspace(0, 3.14, 5))  # (L,): one number per time step
rnn(wave)
""",
        fixed="""\
x = wave.reshape(5, 1, 1)  # (L, N, H_in): one sequence of one feature
output, h_n = rnn(x)
print(f"x: {tuple(x.shape)}, output: {tuple(output.shape)}")
""",
        meaning=Text(
            "A recurrent layer reads (L, N, H_in), (N, L, H_in) with batch_first=True, or "
            "(L, H_in) for one sequence without a batch axis. A 1-D tensor lacks the feature "
            "axis; a 4-D one has an axis too many.",
            "순환 레이어는 (L, N, H_in), batch_first=True이면 (N, L, H_in), 배치 차원이 없는 "
            "입력이면 (L, H_in)을 받습니다. 1차원 텐서에는 특성 축이 없고, 4차원 텐서에는 축이 "
            "하나 더 있습니다.",
        ),
        reading=Text(
            "Your input has {got} dimensions; the layer takes 2 (L, H_in) or 3 (L, N, H_in).",
            "입력이 {got}차원인데 레이어는 2차원 (L, H_in)이나 3차원 (L, N, H_in)만 받습니다.",
        ),
        fix=Text(
            "Add the missing axes with unsqueeze or reshape (a series of L numbers becomes "
            "(L, 1, 1)), or merge extra axes into the features with flatten.",
            "빠진 축을 unsqueeze나 reshape로 더하십시오(숫자 L개짜리 시계열은 (L, 1, 1)이 "
            "됩니다). 축이 남으면 flatten으로 특성 축에 합치십시오.",
        ),
        examples=("plot_17_common_errors", "plot_11_unbatched_input"),
        calculator="mode=RNN&input_size=1&hidden_size=6&batch=1&seq_len=5",
    ),
    Entry(
        id="input-rank",
        group="layer",
        modules=("nn.LSTM", "nn.GRU"),
        title=Text(
            "The LSTM's or GRU's input is not 2-D or 3-D",
            "LSTM이나 GRU 입력이 2차원이나 3차원이 아님",
        ),
        patterns=(
            r"(?P<module>LSTM|GRU): Expected input to be 2D or 3D, got (?P<got>\d+)D instead",
        ),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
x = torch.randn(3, 5, 2, 2)  # (N, L, 2, 2): the features sit on two axes
lstm(x)
""",
        fixed="""\
x = x.flatten(start_dim=2)  # (N, L, 4): one feature axis
output, (h_n, c_n) = lstm(x)
print(f"x: {tuple(x.shape)}, output: {tuple(output.shape)}")
""",
        meaning=Text(
            "The layer reads (L, N, H_in), (N, L, H_in) with batch_first=True, or (L, H_in) "
            "without a batch axis. Features spread over several axes (an image, a feature map) "
            "must be flattened into one.",
            "레이어는 (L, N, H_in), batch_first=True이면 (N, L, H_in), 배치 차원이 없으면 "
            "(L, H_in)을 받습니다. 이미지나 특성 맵처럼 특성이 여러 축에 나뉘어 있으면 축 "
            "하나로 펼쳐야 합니다.",
        ),
        reading=Text(
            "Your input to {module} has {got} dimensions; it takes 2 (L, H_in) or 3 (L, N, H_in).",
            "{module}에 넣은 입력이 {got}차원인데 2차원 (L, H_in)이나 3차원 (L, N, H_in)만 "
            "받습니다.",
        ),
        fix=Text(
            "Merge the extra axes into the feature axis with x.flatten(start_dim=2) (and set "
            "input_size to their product), or add the missing ones with unsqueeze.",
            "x.flatten(start_dim=2)로 남는 축을 특성 축에 합치고 input_size를 그 곱으로 "
            "지정하십시오. 축이 모자라면 unsqueeze로 더하십시오.",
        ),
        examples=("plot_07_lstm", "plot_11_unbatched_input"),
        calculator="mode=LSTM&input_size=4&hidden_size=6&batch_first=1&batch=3&seq_len=5",
        variants=("nn.GRU(input_size=4, hidden_size=6)(torch.randn(5))",),
    ),
    Entry(
        id="input-dimensions",
        group="layer",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "Packed data with an axis too many (older torch: any input not 3-D)",
            "패킹된 데이터에 축이 하나 더 있음(예전 torch: 3차원이 아닌 모든 입력)",
        ),
        patterns=(r"input must have (?P<expected>\d+) dimensions, got (?P<got>\d+)",),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6)
padded = torch.randn(5, 3, 2, 4)  # (L, N, 2, 4): an extra axis before the features
packed = pack_padded_sequence(padded, torch.tensor([5, 3, 2]))
rnn(packed)
""",
        fixed="""\
padded = torch.randn(5, 3, 4)  # (L, N, H_in)
packed = pack_padded_sequence(padded, torch.tensor([5, 3, 2]))
packed_output, h_n = rnn(packed)
print(f"packed data: {tuple(packed.data.shape)}, output data: {tuple(packed_output.data.shape)}")
""",
        meaning=Text(
            "A packed sequence's data must be 2-D, (sum of lengths, H_in), so the padded tensor "
            "must be 3-D. torch before 1.11 gave this message for every input that was not 3-D "
            '("input must have 3 dimensions, got 2"), because unbatched input did not exist.',
            "패킹된 시퀀스의 데이터는 (길이의 합, H_in) 모양의 2차원이어야 하므로 패딩된 "
            "텐서는 3차원이어야 합니다. torch 1.11 이전에는 배치 차원이 없는 입력을 지원하지 "
            '않아서 3차원이 아닌 모든 입력에 이 메시지("input must have 3 dimensions, '
            'got 2")를 냈습니다.',
        ),
        reading=Text(
            "The layer wanted a {expected}-D tensor and got a {got}-D one.",
            "레이어는 {expected}차원 텐서를 기대했는데 {got}차원 텐서를 받았습니다.",
        ),
        fix=Text(
            "Give pack_padded_sequence a 3-D padded tensor (L, N, H_in), or (N, L, H_in) with "
            "batch_first=True. With an old torch and an unpacked 2-D input, add the batch axis: "
            "x.unsqueeze(1).",
            "pack_padded_sequence에 3차원 패딩 텐서 (L, N, H_in)(batch_first=True이면 "
            "(N, L, H_in))를 넘기십시오. 예전 torch에서 패킹하지 않은 2차원 입력이라면 "
            "x.unsqueeze(1)로 배치 축을 더하십시오.",
        ),
        examples=("plot_12_packed_sequences", "plot_11_unbatched_input"),
        older=("input must have 3 dimensions, got 2",),
    ),
    Entry(
        id="hx-rank-batched",
        group="layer",
        modules=("nn.RNN", "nn.GRU"),
        title=Text(
            "A batched input with an h_0 that is not 3-D", "배치 입력인데 h_0이 3차원이 아님"
        ),
        patterns=(r"For batched 3-D input, hx should also be 3-D but got (?P<got>\d+)-D tensor",),
        broken="""\
gru = nn.GRU(input_size=4, hidden_size=6)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
h_0 = torch.zeros(3, 6)  # (N, H_out): the layer axis is missing
gru(x, h_0)
""",
        fixed="""\
h_0 = h_0.unsqueeze(0)  # (D * num_layers, N, H_out)
output, h_n = gru(x, h_0)
print(f"h_0: {tuple(h_0.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "With a 3-D input, h_0 must be 3-D too: (D * num_layers, N, H_out), even with one "
            "layer and one direction, where the first axis has size 1.",
            "입력이 3차원이면 h_0도 (D * num_layers, N, H_out) 모양의 3차원이어야 합니다. "
            "레이어 하나, 방향 하나여도 첫 축의 크기가 1일 뿐 축은 있어야 합니다.",
        ),
        reading=Text(
            "Your h_0 has {got} dimensions; with a batched input it needs 3, "
            "(D * num_layers, N, H_out).",
            "h_0이 {got}차원인데 배치 입력에서는 (D * num_layers, N, H_out)의 3차원이어야 합니다.",
        ),
        fix=Text(
            "Add the layer axis: h_0.unsqueeze(0) for a one-layer, one-direction layer.",
            "레이어 축을 더하십시오. 레이어 하나, 방향 하나라면 h_0.unsqueeze(0)입니다.",
        ),
        examples=("plot_03_initial_hidden_state", "plot_09_gru"),
        calculator="mode=GRU&input_size=4&hidden_size=6&batch=3&seq_len=5&with_h0=1",
    ),
    Entry(
        id="hx-rank-unbatched",
        group="layer",
        modules=("nn.RNN", "nn.GRU"),
        title=Text(
            "An unbatched input with an h_0 that is not 2-D",
            "배치 차원이 없는 입력인데 h_0이 2차원이 아님",
        ),
        patterns=(r"For unbatched 2-D input, hx should also be 2-D but got (?P<got>\d+)-D tensor",),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6)
x = torch.randn(5, 4)  # (L, H_in): one sequence, no batch axis
h_0 = torch.zeros(1, 1, 6)  # (D * num_layers, N, H_out) with a batch axis
rnn(x, h_0)
""",
        fixed="""\
h_0 = torch.zeros(1, 6)  # (D * num_layers, H_out): no batch axis, like x
output, h_n = rnn(x, h_0)
print(f"output: {tuple(output.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "A 2-D input (L, H_in) is one sequence without a batch axis, and then h_0 must have "
            "no batch axis either: (D * num_layers, H_out).",
            "2차원 입력 (L, H_in)은 배치 차원이 없는 입력(시퀀스 하나)이므로 h_0에도 배치 축이 "
            "없어야 합니다. 모양은 (D * num_layers, H_out)입니다.",
        ),
        reading=Text(
            "Your h_0 has {got} dimensions; with an unbatched input it needs 2, "
            "(D * num_layers, H_out).",
            "h_0이 {got}차원인데 배치 차원이 없는 입력에서는 (D * num_layers, H_out)의 "
            "2차원이어야 합니다.",
        ),
        fix=Text(
            "Either drop the batch axis of h_0 (h_0.squeeze(1)) or give the input one "
            "(x.unsqueeze(1), a batch of one).",
            "h_0의 배치 축을 빼거나(h_0.squeeze(1)), 입력에 배치 축을 더하십시오"
            "(x.unsqueeze(1), 배치 크기 1).",
        ),
        examples=("plot_11_unbatched_input",),
        calculator="mode=RNN&input_size=4&hidden_size=6&unbatched=1&seq_len=5&with_h0=1",
    ),
    Entry(
        id="lstm-hx-cx-rank-batched",
        group="layer",
        modules=("nn.LSTM",),
        title=Text(
            "An LSTM with a batched input and states that are not 3-D",
            "배치 입력인데 LSTM 상태가 3차원이 아님",
        ),
        patterns=(
            (
                r"For batched 3-D input, hx and cx should also be 3-D but got "
                r"\((?P<h>\d+)-D, (?P<c>\d+)-D\) tensors"
            ),
        ),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
h_0 = torch.zeros(2, 3, 6)  # (D * num_layers, N, H_out), but alone, without c_0
lstm(x, h_0)
""",
        fixed="""\
c_0 = torch.zeros(2, 3, 6)  # (D * num_layers, N, H_cell)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print(f"h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "The LSTM takes its initial state as a tuple (h_0, c_0) of two 3-D tensors. Given "
            "one tensor instead of the tuple, it takes h_0[0] and h_0[1] (two 2-D slices) as "
            "the two states, which is why this message is often about a missing c_0.",
            "LSTM은 초기 상태를 3차원 텐서 두 개의 튜플 (h_0, c_0)로 받습니다. 튜플 대신 텐서 "
            "하나를 넘기면 h_0[0]과 h_0[1](2차원 조각 두 개)을 두 상태로 읽기 때문에, 이 메시지는 "
            "c_0을 빠뜨렸을 때 자주 나옵니다.",
        ),
        reading=Text(
            "The LSTM received states of {h} and {c} dimensions; both must be 3-D, "
            "(D * num_layers, N, H_out) and (D * num_layers, N, H_cell).",
            "LSTM이 받은 상태는 {h}차원과 {c}차원인데 둘 다 3차원 (D * num_layers, N, H_out), "
            "(D * num_layers, N, H_cell)이어야 합니다.",
        ),
        fix=Text(
            "Pass the tuple (h_0, c_0), both 3-D; omit it entirely to start from zeros.",
            "3차원 텐서 두 개의 튜플 (h_0, c_0)을 넘기십시오. 0에서 시작하려면 아예 넘기지 "
            "마십시오.",
        ),
        examples=("plot_07_lstm", "plot_17_common_errors"),
        calculator="mode=LSTM&input_size=4&hidden_size=6&num_layers=2&batch=3&seq_len=5&with_h0=1",
    ),
    Entry(
        id="lstm-hx-cx-rank-unbatched",
        group="layer",
        modules=("nn.LSTM",),
        title=Text(
            "An LSTM with an unbatched input and states that are not 2-D",
            "배치 차원이 없는 입력인데 LSTM 상태가 2차원이 아님",
        ),
        patterns=(
            (
                r"For unbatched 2-D input, hx and cx should also be 2-D but got "
                r"\((?P<h>\d+)-D, (?P<c>\d+)-D\) tensors"
            ),
        ),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6)
x = torch.randn(5, 4)  # (L, H_in): no batch axis
state = (torch.zeros(1, 1, 6), torch.zeros(1, 1, 6))  # with a batch axis
lstm(x, state)
""",
        fixed="""\
state = (torch.zeros(1, 6), torch.zeros(1, 6))  # (D * num_layers, H_out), (.., H_cell)
output, (h_n, c_n) = lstm(x, state)
print(f"output: {tuple(output.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "A 2-D input (L, H_in) has no batch axis, so h_0 and c_0 must have none either: "
            "(D * num_layers, H_out) and (D * num_layers, H_cell).",
            "2차원 입력 (L, H_in)에는 배치 축이 없으므로 h_0과 c_0에도 배치 축이 없어야 합니다. "
            "모양은 (D * num_layers, H_out)과 (D * num_layers, H_cell)입니다.",
        ),
        reading=Text(
            "The LSTM received states of {h} and {c} dimensions; with an unbatched input both "
            "must be 2-D.",
            "LSTM이 받은 상태는 {h}차원과 {c}차원인데 배치 차원이 없는 입력에서는 둘 다 "
            "2차원이어야 합니다.",
        ),
        fix=Text(
            "Drop the batch axis of both states (squeeze(1)), or give the input a batch axis "
            "with x.unsqueeze(1).",
            "두 상태의 배치 축을 squeeze(1)로 빼거나, x.unsqueeze(1)로 입력에 배치 축을 "
            "더하십시오.",
        ),
        examples=("plot_11_unbatched_input", "plot_07_lstm"),
    ),
    Entry(
        id="lstm-state-not-tuple",
        group="layer",
        modules=("nn.LSTM",),
        title=Text(
            "A one-layer LSTM given one tensor instead of (h_0, c_0)",
            "레이어 하나인 LSTM에 (h_0, c_0) 대신 텐서 하나를 넘김",
        ),
        patterns=(r"index 1 is out of bounds for dimension 0 with size 1",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
h_0 = torch.zeros(1, 3, 6)  # (D * num_layers, N, H_out), without c_0
lstm(x, h_0)
""",
        fixed="""\
c_0 = torch.zeros(1, 3, 6)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print(f"h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "The LSTM reads its state as hx[0] and hx[1]. A single tensor whose first axis "
            "(D * num_layers) has size 1 has no hx[1], so indexing fails before any shape "
            "check.",
            "LSTM은 상태를 hx[0]과 hx[1]로 꺼냅니다. 첫 축(D * num_layers)의 크기가 1인 텐서 "
            "하나에는 hx[1]이 없으므로 모양을 검사하기도 전에 인덱싱에서 실패합니다.",
        ),
        reading=None,
        fix=Text(
            "Pass a tuple (h_0, c_0); c_0 has the layout of h_0 with size hidden_size.",
            "튜플 (h_0, c_0)을 넘기십시오. c_0은 h_0과 축 순서가 같고 마지막 축의 크기는 "
            "hidden_size입니다.",
        ),
        examples=("plot_17_common_errors", "plot_07_lstm"),
        calculator="mode=LSTM&input_size=4&hidden_size=6&batch=3&seq_len=5&with_h0=1",
    ),
    Entry(
        id="input-dtype",
        group="layer",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "The input's dtype is not the weights' (float64 from NumPy)",
            "입력의 dtype이 가중치와 다름(NumPy의 float64)",
        ),
        patterns=(
            (
                r"RNN input dtype \((?P<got>[\w.]+)\) does not match weight dtype "
                r"\((?P<expected>[\w.]+)\)"
            ),
            r"input must have the type (?P<expected>[\w.]+), got type (?P<got>[\w.]+)",
            r"expected scalar type (?P<got>\w+) but found (?P<expected>\w+)",
        ),
        broken="""\
import numpy as np

lstm = nn.LSTM(input_size=4, hidden_size=6)
x = torch.from_numpy(np.zeros((5, 3, 4)))  # NumPy computes in float64
lstm(x)
""",
        fixed="""\
output, (h_n, c_n) = lstm(x.float())  # .float() is .to(torch.float32)
print(f"output: {tuple(output.shape)}, dtype {output.dtype}")
""",
        meaning=Text(
            "The input and the layer's weights must have the same dtype. The weights are "
            "float32 by default; torch.from_numpy keeps NumPy's float64 (and integer data "
            'stays integer). The message says "RNN" for LSTM and GRU too.',
            "입력과 레이어 가중치의 dtype이 같아야 합니다. 가중치는 기본으로 float32인데 "
            "torch.from_numpy는 NumPy의 float64를 그대로 유지합니다(정수 데이터도 정수로 "
            '남습니다). LSTM과 GRU에서도 메시지는 "RNN"이라고 씁니다.',
        ),
        reading=Text(
            "Your input is {got} and the weights are {expected}.",
            "입력은 {got}이고 가중치는 {expected}입니다.",
        ),
        fix=Text(
            "Convert the data with x.float() (or torch.tensor(array, dtype=torch.float32)); "
            "convert the model with .double() only if you really want float64.",
            "x.float()로 데이터를 변환하십시오(또는 torch.tensor(array, dtype=torch.float32)). "
            "float64가 꼭 필요할 때만 모델을 .double()로 바꾸십시오.",
        ),
        examples=("plot_17_common_errors", "plot_01_blog_configurations"),
        older=(
            "input must have the type torch.float32, got type torch.float64",
            "expected scalar type Double but found Float",
        ),
        variants=("nn.GRU(input_size=4, hidden_size=6)(torch.zeros(5, 3, 4, dtype=torch.int64))",),
    ),
    Entry(
        id="sequence-length-zero",
        group="layer",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text("A sequence with no time steps", "타임 스텝이 없는 시퀀스"),
        patterns=(r"Expected sequence length to be larger than 0 in RNN",),
        broken="""\
gru = nn.GRU(input_size=4, hidden_size=6, batch_first=True)
x = torch.randn(3, 0, 4)  # (N, L, H_in) with L = 0, e.g. an empty slice
gru(x)
""",
        fixed="""\
x = torch.randn(3, 5, 4)  # at least one time step
output, h_n = gru(x)
print(f"output: {tuple(output.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "The time axis (L) has size 0: there is nothing to run over. It often comes from "
            'slicing with the wrong bounds or from an empty text. The message says "RNN" for '
            "LSTM and GRU too.",
            "시간 축(L)의 크기가 0이라 처리할 타임 스텝이 없습니다. 슬라이싱 범위를 잘못 잡았거나 "
            '빈 텍스트가 들어오면 생깁니다. LSTM과 GRU에서도 메시지는 "RNN"이라고 씁니다.',
        ),
        reading=None,
        fix=Text(
            "Check the time axis before the layer (x.shape[1] with batch_first=True, else "
            "x.shape[0]) and drop or pad empty sequences.",
            "레이어에 넣기 전에 시간 축(batch_first=True이면 x.shape[1], 아니면 x.shape[0])을 "
            "확인하고, 빈 시퀀스는 빼거나 패딩하십시오.",
        ),
        examples=("plot_02_batch_axis",),
    ),
    Entry(
        id="hidden-device-mismatch",
        group="layer",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "The input and h_0 are on different devices",
            "입력과 h_0이 서로 다른 디바이스에 있음",
        ),
        patterns=(
            (
                r"Input and hidden tensors are not at the same device, found input tensor at "
                r"(?P<input>[\w:]+) and hidden tensor at (?P<hidden>[\w:]+)"
            ),
        ),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6)
x = torch.randn(5, 3, 4)
h_0 = torch.zeros(1, 3, 6, device="meta")  # a GPU build would say cuda:0
rnn(x, h_0)
""",
        fixed="""\
h_0 = torch.zeros(1, 3, 6, device=x.device)  # create it where the input is
output, h_n = rnn(x, h_0)
print(f"h_n: {tuple(h_n.shape)} on {h_n.device}")
""",
        meaning=Text(
            "The input and the initial state must be on the same device as the layer. A "
            "torch.zeros(...) for h_0 lands on the CPU unless you say otherwise.",
            "입력과 초기 상태는 레이어와 같은 디바이스에 있어야 합니다. h_0을 torch.zeros(...)로 "
            "만들면 따로 지정하지 않는 한 CPU에 생깁니다.",
        ),
        reading=Text(
            "Your input is on {input} and your h_0 on {hidden}.",
            "입력은 {input}에, h_0은 {hidden}에 있습니다.",
        ),
        fix=Text(
            "Create the state on the input's device: torch.zeros(..., device=x.device), or move "
            "it with h_0.to(x.device).",
            "상태를 입력과 같은 디바이스에 만드십시오: torch.zeros(..., device=x.device). "
            "이미 만든 텐서는 h_0.to(x.device)로 옮기십시오.",
        ),
        kind="error",
        stand_in=True,
        examples=("plot_03_initial_hidden_state",),
    ),
    Entry(
        id="parameter-device-mismatch",
        group="layer",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "The input is on a GPU and the layer is not (or the reverse)",
            "입력과 레이어가 서로 다른 디바이스에 있음",
        ),
        patterns=(
            (
                r"Input and parameter tensors are not at the same device, found input tensor at "
                r"(?P<input>[\w:]+) and parameter tensor at (?P<param>[\w:]+)"
            ),
        ),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6)  # the weights are on the CPU
x = torch.randn(5, 3, 4, device="meta")  # a GPU build would say cuda:0
lstm(x)
""",
        fixed="""\
lstm = lstm.to(x.device)  # move the model where the data is
output, (h_n, c_n) = lstm(x)
print(f"output: {tuple(output.shape)} on {output.device}")
""",
        meaning=Text(
            "The layer's weights and its input must be on the same device. model.to(device) "
            "moves the weights; the data has to be moved separately.",
            "레이어의 가중치와 입력은 같은 디바이스에 있어야 합니다. model.to(device)는 "
            "가중치만 옮기므로 데이터는 따로 옮겨야 합니다.",
        ),
        reading=Text(
            "Your input is on {input} and the layer's weights on {param}.",
            "입력은 {input}에, 레이어의 가중치는 {param}에 있습니다.",
        ),
        fix=Text(
            "Move both to one device: model.to(device) once, and x.to(device) for every batch.",
            "둘을 같은 디바이스로 옮기십시오. 모델은 한 번 model.to(device)로, 데이터는 배치마다 "
            "x.to(device)로 옮깁니다.",
        ),
        stand_in=True,
        examples=("plot_16_train_sine",),
    ),
    Entry(
        id="length-exceeds-padded",
        group="layer",
        modules=("pack_padded_sequence", "nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "A length longer than the padded input",
            "패딩된 입력보다 긴 길이",
        ),
        patterns=(
            (
                r"start \((?P<start>\d+)\) \+ length \((?P<length>\d+)\) exceeds dimension size "
                r"\((?P<size>\d+)\)"
            ),
        ),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6, batch_first=True)
padded = torch.randn(3, 5, 4)  # (N, L, H_in) with L = 5
packed = pack_padded_sequence(padded, torch.tensor([7, 3, 2]), batch_first=True)
rnn(packed)  # torch packed it without complaint, but 7 > L
""",
        fixed="""\
packed = pack_padded_sequence(padded, torch.tensor([5, 3, 2]), batch_first=True)
packed_output, h_n = rnn(packed)
print(f"batch_sizes: {packed.batch_sizes.tolist()}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "A length in lengths is larger than the padded input's time axis L. "
            "pack_padded_sequence does not check this on the CPU and builds a broken packed "
            "sequence; the layer fails later, reading past the end of the packed data.",
            "lengths에 패딩된 입력의 시간 축 L보다 큰 길이가 있습니다. CPU에서 "
            "pack_padded_sequence는 이를 검사하지 않고 잘못된 패킹된 시퀀스를 만들며, 레이어가 "
            "패킹된 데이터의 끝을 넘어 읽다가 나중에 실패합니다.",
        ),
        reading=Text(
            "The layer tried to read {length} row(s) from row {start} of packed data that has "
            "only {size} rows: the lengths add up to more time steps than the padded tensor "
            "holds.",
            "레이어가 행이 {size}개뿐인 패킹된 데이터의 {start}번 행부터 {length}개 행을 "
            "읽으려 했습니다. lengths의 합이 패딩된 텐서에 실제로 있는 타임 스텝보다 큽니다.",
        ),
        fix=Text(
            "Compute the lengths from the same data you padded (each length ≤ L), e.g. "
            "torch.tensor([len(s) for s in sequences]) before pad_sequence.",
            "패딩한 데이터와 같은 데이터에서 길이를 계산하십시오(모든 길이 ≤ L). 예를 들어 "
            "pad_sequence 전에 torch.tensor([len(s) for s in sequences])로 구합니다.",
        ),
        examples=("plot_12_packed_sequences",),
    ),
)

_CELL: tuple[Entry, ...] = (
    Entry(
        id="cell-input-rank",
        group="cell",
        modules=("nn.RNNCell", "nn.LSTMCell", "nn.GRUCell"),
        title=Text("A cell given a whole sequence", "셀에 시퀀스 전체를 넘김"),
        patterns=(
            (
                r"(?P<module>RNNCell|LSTMCell|GRUCell): Expected input to be 1D or 2D, "
                r"got (?P<got>\d+)D instead"
            ),
        ),
        broken="""\
cell = nn.LSTMCell(input_size=4, hidden_size=6)
x = torch.randn(5, 3, 4)  # (L, N, H_in): a whole sequence
cell(x)
""",
        fixed="""\
h, c = torch.zeros(3, 6), torch.zeros(3, 6)
for x_t in x:  # one time step at a time: (N, H_in)
    h, c = cell(x_t, (h, c))
print(f"x_t: {tuple(x_t.shape)}, h: {tuple(h.shape)}, c: {tuple(c.shape)}")
""",
        meaning=Text(
            "A cell computes one time step: it takes (N, H_in), or (H_in) without a batch axis. "
            "A sequence (L, N, H_in) has to be fed one step at a time, or given to the layer "
            "(nn.LSTM) instead.",
            "셀은 타임 스텝 하나만 계산하므로 (N, H_in), 배치 차원이 없으면 (H_in)을 받습니다. "
            "시퀀스 (L, N, H_in)은 타임 스텝마다 하나씩 넣거나, 셀 대신 레이어(nn.LSTM)에 "
            "넘겨야 합니다.",
        ),
        reading=Text(
            "Your input to {module} has {got} dimensions; a cell takes 1 (H_in) or 2 (N, H_in).",
            "{module}에 넣은 입력이 {got}차원인데 셀은 1차원 (H_in)이나 2차원 (N, H_in)만 "
            "받습니다.",
        ),
        fix=Text(
            "Loop over the time axis (for x_t in x), or use the layer (nn.RNN, nn.LSTM, "
            "nn.GRU) for whole sequences.",
            "시간 축을 따라 반복하거나(for x_t in x), 시퀀스 전체에는 레이어(nn.RNN, nn.LSTM, "
            "nn.GRU)를 쓰십시오.",
        ),
        examples=("plot_13_cells",),
        calculator="mode=LSTMCell&input_size=4&hidden_size=6&batch=3",
        variants=(
            "nn.RNNCell(input_size=4, hidden_size=6)(torch.randn(5, 3, 4))",
            "nn.GRUCell(input_size=4, hidden_size=6)(torch.randn(5, 3, 4))",
        ),
    ),
    Entry(
        id="cell-hidden-rank",
        group="cell",
        modules=("nn.RNNCell", "nn.GRUCell"),
        title=Text("A cell given a layer-shaped h_0", "셀에 레이어 모양의 h_0을 넘김"),
        patterns=(
            (
                r"(?P<module>RNNCell|GRUCell): Expected hidden to be 1D or 2D, "
                r"got (?P<got>\d+)D instead"
            ),
        ),
        broken="""\
cell = nn.GRUCell(input_size=4, hidden_size=6)
x_t = torch.randn(3, 4)  # (N, H_in)
h = torch.zeros(1, 3, 6)  # (num_layers, N, H_out): the layer's layout
cell(x_t, h)
""",
        fixed="""\
h = torch.zeros(3, 6)  # (N, H_out): a cell has no layer axis
h = cell(x_t, h)
print(f"h: {tuple(h.shape)}")
""",
        meaning=Text(
            "A cell's hidden state is (N, H_out), or (H_out) without a batch axis. It has no "
            "(D * num_layers) axis: that belongs to the layers nn.RNN and nn.GRU.",
            "셀의 은닉 상태는 (N, H_out), 배치 차원이 없으면 (H_out)입니다. "
            "(D * num_layers) 축은 레이어(nn.RNN, nn.GRU)에만 있고 셀에는 없습니다.",
        ),
        reading=Text(
            "Your hidden state for {module} has {got} dimensions; a cell takes 1 or 2.",
            "{module}에 넘긴 은닉 상태가 {got}차원인데 셀은 1차원이나 2차원만 받습니다.",
        ),
        fix=Text(
            "Drop the layer axis: h.squeeze(0), or build h as (N, hidden_size).",
            "레이어 축을 빼십시오(h.squeeze(0)). 처음부터 (N, hidden_size) 모양으로 만들어도 "
            "됩니다.",
        ),
        examples=("plot_13_cells",),
        calculator="mode=GRUCell&input_size=4&hidden_size=6&batch=3",
        variants=(
            "nn.RNNCell(input_size=4, hidden_size=6)(torch.randn(3, 4), torch.zeros(1, 3, 6))",
        ),
    ),
    Entry(
        id="lstmcell-state-rank",
        group="cell",
        modules=("nn.LSTMCell",),
        title=Text(
            "An LSTMCell given layer-shaped states",
            "LSTMCell에 레이어 모양의 상태를 넘김",
        ),
        patterns=(
            r"LSTMCell: Expected hx\[(?P<index>\d)\] to be 1D or 2D, got (?P<got>\d+)D instead",
        ),
        broken="""\
cell = nn.LSTMCell(input_size=4, hidden_size=6)
x_t = torch.randn(3, 4)  # (N, H_in)
state = (torch.zeros(1, 3, 6), torch.zeros(1, 3, 6))  # the layer's layout
cell(x_t, state)
""",
        fixed="""\
state = (torch.zeros(3, 6), torch.zeros(3, 6))  # (N, H_out), (N, H_cell)
h, c = cell(x_t, state)
print(f"h: {tuple(h.shape)}, c: {tuple(c.shape)}")
""",
        meaning=Text(
            "hx[0] is h and hx[1] is c. For a cell each is (N, hidden_size), or (hidden_size) "
            "without a batch axis; the layer axis of nn.LSTM's states does not exist here.",
            "hx[0]은 h, hx[1]은 c입니다. 셀에서는 둘 다 (N, hidden_size), 배치 차원이 없으면 "
            "(hidden_size)입니다. nn.LSTM 상태에 있는 레이어 축은 셀에는 없습니다.",
        ),
        reading=Text(
            "Your hx[{index}] has {got} dimensions; an LSTMCell takes 1 or 2.",
            "넘긴 hx[{index}]가 {got}차원인데 LSTMCell은 1차원이나 2차원만 받습니다.",
        ),
        fix=Text(
            "Build both states as (N, hidden_size), or squeeze(0) the layer axis away.",
            "두 상태를 (N, hidden_size) 모양으로 만들거나 squeeze(0)로 레이어 축을 빼십시오.",
        ),
        examples=("plot_13_cells",),
        calculator="mode=LSTMCell&input_size=4&hidden_size=6&batch=3",
    ),
    Entry(
        id="cell-batch-mismatch",
        group="cell",
        modules=("nn.RNNCell", "nn.LSTMCell", "nn.GRUCell"),
        title=Text(
            "A cell's state has another batch size than its input",
            "셀 상태의 배치 크기가 입력과 다름",
        ),
        patterns=(
            (
                r"Input batch size (?P<input>\d+) doesn't match hidden(?P<index>\d) batch size "
                r"(?P<hidden>\d+)"
            ),
        ),
        broken="""\
cell = nn.RNNCell(input_size=4, hidden_size=6)
h = torch.zeros(2, 6)  # made for the previous batch of 2
x_t = torch.randn(3, 4)  # (N, H_in) with N = 3: the last batch is smaller or larger
cell(x_t, h)
""",
        fixed="""\
h = torch.zeros(x_t.shape[0], 6)  # one state row per sequence of this batch
h = cell(x_t, h)
print(f"h: {tuple(h.shape)}")
""",
        meaning=Text(
            "The state has one row per sequence, so its first axis must equal the input's batch "
            "size N. It happens when a state is kept from a batch of another size (often the "
            "last, smaller batch of an epoch).",
            "상태는 시퀀스마다 한 행이므로 첫 축이 입력의 배치 크기 N과 같아야 합니다. 크기가 "
            "다른 배치(흔히 에포크의 마지막 작은 배치)의 상태를 그대로 쓰면 생깁니다.",
        ),
        reading=Text(
            "Your input has {input} sequences but hidden{index} has {hidden} rows.",
            "입력에는 시퀀스가 {input}개 있는데 hidden{index}에는 행이 {hidden}개 있습니다.",
        ),
        fix=Text(
            "Make the state for each batch with x_t.shape[0] rows (or pass none to start from "
            "zeros), or use drop_last=True in the DataLoader.",
            "배치마다 x_t.shape[0]개 행으로 상태를 새로 만들거나(넘기지 않으면 0에서 시작합니다), "
            "DataLoader에 drop_last=True를 지정하십시오.",
        ),
        examples=("plot_13_cells",),
    ),
    Entry(
        id="cell-input-size-mismatch",
        group="cell",
        modules=("nn.RNNCell", "nn.LSTMCell", "nn.GRUCell"),
        title=Text("A cell's input is not input_size wide", "셀 입력의 크기가 input_size와 다름"),
        patterns=(
            r"input has inconsistent input_size: got (?P<got>\d+),? expected (?P<expected>\d+)",
        ),
        broken="""\
cell = nn.GRUCell(input_size=4, hidden_size=6)
x_t = torch.randn(3, 5)  # (N, H_in) with 5 features
cell(x_t)
""",
        fixed="""\
cell = nn.GRUCell(input_size=x_t.shape[-1], hidden_size=6)
h = cell(x_t)
print(f"h: {tuple(h.shape)}")
""",
        meaning=Text(
            "The cell's input is (N, H_in), and its last axis must equal the input_size the cell "
            "was built with.",
            "셀 입력은 (N, H_in)이고, 마지막 축의 크기가 셀을 만들 때 지정한 input_size와 "
            "같아야 합니다.",
        ),
        reading=Text(
            "Your input has {got} features per row, but the cell was built with "
            "input_size={expected}.",
            "입력의 행마다 특성이 {got}개 있는데 셀은 input_size={expected}로 만들어졌습니다.",
        ),
        fix=Text(
            "Build the cell with input_size=x_t.shape[-1], or check which axis holds the features.",
            "셀을 input_size=x_t.shape[-1]로 만들거나, 특성이 어느 축에 있는지 확인하십시오.",
        ),
        examples=("plot_13_cells",),
        calculator="mode=GRUCell&input_size=5&hidden_size=6&batch=3",
    ),
    Entry(
        id="cell-hidden-size-mismatch",
        group="cell",
        modules=("nn.RNNCell", "nn.LSTMCell", "nn.GRUCell"),
        title=Text(
            "A cell's state is not hidden_size wide",
            "셀 상태의 크기가 hidden_size와 다름",
        ),
        patterns=(
            (
                r"hidden(?P<index>\d) has inconsistent hidden_size: got (?P<got>\d+),? "
                r"expected (?P<expected>\d+)"
            ),
        ),
        broken="""\
cell = nn.LSTMCell(input_size=4, hidden_size=6)
x_t = torch.randn(3, 4)  # (N, H_in)
state = (torch.zeros(3, 6), torch.zeros(3, 4))  # c made with the input's width
cell(x_t, state)
""",
        fixed="""\
state = (torch.zeros(3, 6), torch.zeros(3, 6))  # (N, hidden_size) both
h, c = cell(x_t, state)
print(f"h: {tuple(h.shape)}, c: {tuple(c.shape)}")
""",
        meaning=Text(
            "hidden0 is h (and, for an LSTMCell, hidden1 is c). Each must be (N, hidden_size).",
            "hidden0은 h이고, LSTMCell이면 hidden1은 c입니다. 둘 다 (N, hidden_size) "
            "모양이어야 합니다.",
        ),
        reading=Text(
            "Your hidden{index} has {got} values per row, but the cell was built with "
            "hidden_size={expected}.",
            "넘긴 hidden{index}의 행마다 값이 {got}개 있는데 셀은 hidden_size={expected}로 "
            "만들어졌습니다.",
        ),
        fix=Text(
            "Build the state as torch.zeros(N, hidden_size) (both h and c for an LSTMCell).",
            "상태를 torch.zeros(N, hidden_size)로 만드십시오(LSTMCell이면 h와 c 모두).",
        ),
        examples=("plot_13_cells",),
        calculator="mode=LSTMCell&input_size=4&hidden_size=6&batch=3",
    ),
    Entry(
        id="lstmcell-state-not-tuple",
        group="cell",
        modules=("nn.LSTMCell",),
        title=Text(
            "An LSTMCell given one tensor instead of (h, c)",
            "LSTMCell에 (h, c) 대신 텐서 하나를 넘김",
        ),
        patterns=(
            (
                r"lstm_cell\(\): argument 'hx' \(position 2\) must be tuple of Tensors, "
                r"not (?P<got>\w+)"
            ),
        ),
        broken="""\
cell = nn.LSTMCell(input_size=4, hidden_size=6)
x_t = torch.randn(3, 4)  # (N, H_in)
h = torch.zeros(3, 6)
cell(x_t, h)
""",
        fixed="""\
c = torch.zeros(3, 6)
h, c = cell(x_t, (h, c))
print(f"h: {tuple(h.shape)}, c: {tuple(c.shape)}")
""",
        meaning=Text(
            "An LSTMCell carries two states and takes them as a tuple (h, c), each "
            "(N, hidden_size); it also returns a tuple.",
            "LSTMCell은 상태 두 개를 튜플 (h, c)로 받고, 둘 다 (N, hidden_size) 모양입니다. "
            "돌려주는 값도 튜플입니다.",
        ),
        reading=Text(
            "You passed a {got} where the tuple (h, c) belongs.",
            "튜플 (h, c)가 들어갈 자리에 {got}를 넘겼습니다.",
        ),
        fix=Text(
            "Pass (h, c) and unpack the result: h, c = cell(x_t, (h, c)).",
            "(h, c)를 넘기고 결과도 풀어 받으십시오: h, c = cell(x_t, (h, c)).",
        ),
        examples=("plot_13_cells",),
    ),
    Entry(
        id="cell-dtype",
        group="cell",
        modules=("nn.RNNCell", "nn.LSTMCell", "nn.GRUCell", "nn.Linear"),
        title=Text(
            "A cell (or a head) given float64 data",
            "셀(또는 헤드)에 float64 데이터를 넘김",
        ),
        patterns=(
            (
                r"mat1 and mat2 must have the same dtype, but got (?P<got>\w+) and "
                r"(?P<expected>\w+)"
            ),
            (
                r"Expected object of scalar type (?P<expected>\w+) but got scalar type "
                r"(?P<got>\w+) for argument #\d+ 'mat1'"
            ),
            (
                r"Expected object of scalar type (?P<got>\w+) but got scalar type "
                r"(?P<expected>\w+) for argument #\d+ 'mat2'"
            ),
        ),
        broken="""\
cell = nn.RNNCell(input_size=4, hidden_size=6)
x_t = torch.zeros(3, 4, dtype=torch.float64)  # e.g. from NumPy
cell(x_t)
""",
        fixed="""\
h = cell(x_t.float())
print(f"h: {tuple(h.shape)}, dtype {h.dtype}")
""",
        meaning=Text(
            "Cells and nn.Linear multiply the input (mat1) by their weights (mat2), and both "
            "must have one dtype. Unlike the layers, cells do not check the dtype first, so the "
            "message comes from the matrix product.",
            "셀과 nn.Linear는 입력(mat1)에 가중치(mat2)를 곱하므로 두 텐서의 dtype이 같아야 "
            "합니다. 셀은 레이어와 달리 dtype을 먼저 검사하지 않아서 행렬 곱에서 이 메시지가 "
            "나옵니다.",
        ),
        reading=Text(
            "Your input is {got} and the weights are {expected}.",
            "입력은 {got}이고 가중치는 {expected}입니다.",
        ),
        fix=Text(
            "Convert the data with .float() before the cell (or build the data as float32).",
            "셀에 넣기 전에 .float()로 데이터를 변환하십시오(처음부터 float32로 만들어도 됩니다).",
        ),
        examples=("plot_13_cells",),
        older=(
            (
                "Expected object of scalar type Float but got scalar type Double for argument "
                "#2 'mat1' in call to _th_addmm"
            ),
        ),
    ),
    Entry(
        id="cell-nonlinearity-unknown",
        group="cell",
        modules=("nn.RNNCell",),
        title=Text(
            "An RNNCell built with an unknown nonlinearity",
            "알 수 없는 nonlinearity로 만든 RNNCell",
        ),
        patterns=(r"Unknown nonlinearity: (?P<value>[\w-]+)",),
        broken="""\
cell = nn.RNNCell(input_size=4, hidden_size=6, nonlinearity="sigmoid")  # accepted here
cell(torch.randn(3, 4))  # refused at the first call
""",
        fixed="""\
cell = nn.RNNCell(input_size=4, hidden_size=6, nonlinearity="relu")
h = cell(torch.randn(3, 4))
print(f"h: {tuple(h.shape)}")
""",
        meaning=Text(
            "RNNCell accepts only 'tanh' (the default) and 'relu', but unlike nn.RNN it checks "
            "at the first forward pass, not when it is built.",
            "RNNCell은 'tanh'(기본값)와 'relu'만 받습니다. 다만 nn.RNN과 달리 만들 때가 아니라 "
            "첫 순전파에서 검사합니다.",
        ),
        reading=Text(
            "The cell was built with nonlinearity='{value}'; choose 'tanh' or 'relu'.",
            "셀을 nonlinearity='{value}'로 만들었습니다. 'tanh'나 'relu'를 지정하십시오.",
        ),
        fix=Text(
            "Use nonlinearity='tanh' or 'relu'; for another activation, write the step "
            "yourself or use GRUCell/LSTMCell.",
            "nonlinearity='tanh'나 'relu'를 지정하십시오. 다른 활성화 함수가 필요하면 타임 "
            "스텝 계산을 직접 쓰거나 GRUCell, LSTMCell을 쓰십시오.",
        ),
        examples=("plot_10_relu_and_no_bias", "plot_13_cells"),
    ),
)

_CONSTRUCTOR: tuple[Entry, ...] = (
    Entry(
        id="dropout-single-layer",
        group="constructor",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text("dropout with a single layer (warning)", "레이어 하나에 dropout 지정(경고)"),
        patterns=(
            (
                r"dropout option adds dropout after all but last recurrent layer, so non-zero "
                r"dropout expects num_layers greater than 1, but got dropout=(?P<dropout>[\d.]+) "
                r"and num_layers=(?P<num_layers>\d+)"
            ),
        ),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, dropout=0.2)  # num_layers=1
""",
        fixed="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, dropout=0.2)
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))
print(f"output: {tuple(output.shape)}, h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "The layer's dropout acts between stacked layers only, on the output of every layer "
            "but the last. With num_layers=1 there is no such place, so it does nothing.",
            "레이어의 dropout은 쌓인 레이어 사이, 즉 마지막을 뺀 각 레이어의 출력에만 "
            "적용됩니다. num_layers=1이면 적용할 곳이 없어 아무 효과가 없습니다.",
        ),
        reading=Text(
            "You asked for dropout={dropout} with num_layers={num_layers}: it has no effect.",
            "num_layers={num_layers}인데 dropout={dropout}을 지정했으므로 효과가 없습니다.",
        ),
        fix=Text(
            "Stack layers (num_layers ≥ 2), or drop the argument and put nn.Dropout on the "
            "layer's output instead.",
            "레이어를 쌓거나(num_layers ≥ 2), 인자를 빼고 레이어 출력에 nn.Dropout을 적용하십시오.",
        ),
        kind="warning",
        examples=("plot_06_dropout",),
        calculator="mode=LSTM&input_size=4&hidden_size=6&num_layers=2&dropout=0.2",
    ),
    Entry(
        id="dropout-range",
        group="constructor",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text("dropout outside [0, 1]", "dropout이 0~1 범위를 벗어남"),
        patterns=(
            (
                r"dropout should be a number in range \[0, 1\] representing the probability of an "
                r"element being zeroed"
            ),
        ),
        broken="""\
gru = nn.GRU(input_size=4, hidden_size=6, num_layers=2, dropout=20)  # meant 20 %
""",
        fixed="""\
gru = nn.GRU(input_size=4, hidden_size=6, num_layers=2, dropout=0.2)
output, h_n = gru(torch.randn(5, 3, 4))
print(f"output: {tuple(output.shape)}")
""",
        meaning=Text(
            "dropout is the probability of zeroing an element, a number from 0 to 1 (not a "
            "percentage, not a bool).",
            "dropout은 원소를 0으로 만들 확률이며 0에서 1 사이의 숫자입니다(백분율이나 bool이 "
            "아닙니다).",
        ),
        reading=None,
        fix=Text("Give a probability such as dropout=0.2.", "dropout=0.2처럼 확률을 지정하십시오."),
        examples=("plot_06_dropout",),
    ),
    Entry(
        id="proj-size-not-lstm",
        group="constructor",
        modules=("nn.RNN", "nn.GRU"),
        title=Text("proj_size on an RNN or GRU", "RNN이나 GRU에 proj_size 지정"),
        patterns=(r"proj_size argument is only supported for LSTM, not RNN or GRU",),
        broken="""\
gru = nn.GRU(input_size=4, hidden_size=6, proj_size=2)
""",
        fixed="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, proj_size=2)
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))
print(f"output: {tuple(output.shape)}, h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "Only nn.LSTM has a projection: it shrinks h from hidden_size to proj_size. RNN and "
            "GRU refuse the argument, even as 0.",
            "투영(projection)은 nn.LSTM에만 있으며 h를 hidden_size에서 proj_size로 줄입니다. "
            "RNN과 GRU는 0이어도 이 인자를 받지 않습니다.",
        ),
        reading=None,
        fix=Text(
            "Remove proj_size, or use nn.LSTM; with a GRU, put nn.Linear(hidden_size, P) on "
            "the output.",
            "proj_size를 빼거나 nn.LSTM을 쓰십시오. GRU라면 출력에 nn.Linear(hidden_size, P)를 "
            "붙이십시오.",
        ),
        examples=("plot_08_lstm_proj_size",),
        calculator="mode=LSTM&input_size=4&hidden_size=6&proj_size=2",
        variants=("nn.RNN(input_size=4, hidden_size=6, proj_size=2)",),
    ),
    Entry(
        id="proj-size-too-large",
        group="constructor",
        modules=("nn.LSTM",),
        title=Text("proj_size not below hidden_size", "proj_size가 hidden_size보다 작지 않음"),
        patterns=(r"proj_size has to be smaller than hidden_size",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, proj_size=6)
""",
        fixed="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, proj_size=2)
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))
print(f"h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "The projection maps the hidden state from hidden_size down to proj_size, so "
            "proj_size must be smaller (and 0 means no projection).",
            "투영은 은닉 상태를 hidden_size에서 proj_size로 줄이므로 proj_size가 더 작아야 "
            "합니다(0은 투영 없음).",
        ),
        reading=None,
        fix=Text(
            "Choose 0 < proj_size < hidden_size, or 0 to switch the projection off.",
            "0 < proj_size < hidden_size로 지정하거나, 투영을 끄려면 0을 지정하십시오.",
        ),
        examples=("plot_08_lstm_proj_size",),
        calculator="mode=LSTM&input_size=4&hidden_size=6&proj_size=2",
    ),
    Entry(
        id="proj-size-negative",
        group="constructor",
        modules=("nn.LSTM",),
        title=Text("A negative proj_size", "음수 proj_size"),
        patterns=(r"proj_size should be a positive integer or zero to disable projections",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, proj_size=-1)
""",
        fixed="""\
lstm = nn.LSTM(input_size=4, hidden_size=6)  # proj_size=0, the default: no projection
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))
print(f"h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "proj_size is the size of the projected hidden state: 0 for none, otherwise a "
            "positive number below hidden_size.",
            "proj_size는 투영된 은닉 상태의 크기입니다. 투영이 없으면 0, 있으면 hidden_size보다 "
            "작은 양수입니다.",
        ),
        reading=None,
        fix=Text(
            "Leave proj_size out (0), or give 0 < proj_size < hidden_size.",
            "proj_size를 빼거나(0), 0 < proj_size < hidden_size로 지정하십시오.",
        ),
        examples=("plot_08_lstm_proj_size",),
    ),
    Entry(
        id="nonlinearity-unknown",
        group="constructor",
        modules=("nn.RNN",),
        title=Text("An unknown nonlinearity for nn.RNN", "nn.RNN에 알 수 없는 nonlinearity 지정"),
        patterns=(r"Unknown nonlinearity '(?P<value>[^']*)'\. Select from 'tanh' or 'relu'",),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6, nonlinearity="sigmoid")
""",
        fixed="""\
rnn = nn.RNN(input_size=4, hidden_size=6, nonlinearity="relu")
output, h_n = rnn(torch.randn(5, 3, 4))
print(f"output: {tuple(output.shape)}")
""",
        meaning=Text(
            "nn.RNN computes tanh or relu of its update and nothing else; LSTM and GRU have "
            "fixed gates and take no nonlinearity at all.",
            "nn.RNN은 tanh나 relu만 활성화 함수로 씁니다. LSTM과 GRU는 게이트가 정해져 있어서 "
            "nonlinearity 인자가 아예 없습니다.",
        ),
        reading=Text(
            "You asked for nonlinearity='{value}'; nn.RNN accepts 'tanh' or 'relu'.",
            "nonlinearity='{value}'를 지정했는데 nn.RNN은 'tanh'나 'relu'만 받습니다.",
        ),
        fix=Text(
            "Use nonlinearity='tanh' (default) or 'relu'.",
            "nonlinearity='tanh'(기본값)나 'relu'를 지정하십시오.",
        ),
        examples=("plot_10_relu_and_no_bias",),
        calculator="mode=RNN&input_size=4&hidden_size=6&nonlinearity=relu",
    ),
    Entry(
        id="flag-not-bool",
        group="constructor",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text("bias or batch_first is not a bool", "bias나 batch_first가 bool이 아님"),
        patterns=(r"(?P<name>bias|batch_first) should be of type bool, got: (?P<got>\w+)",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first="True")  # a string from a config
""",
        fixed="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
output, (h_n, c_n) = lstm(torch.randn(3, 5, 4))
print(f"output: {tuple(output.shape)}")
""",
        meaning=Text(
            'bias and batch_first must be True or False; a string ("True", "false") or a '
            "number from a config file is refused.",
            "bias와 batch_first에는 True나 False만 넘길 수 있습니다. 설정 파일에서 읽은 문자열"
            '("True", "false")이나 숫자를 넘기면 오류가 납니다.',
        ),
        reading=Text(
            "{name} was given a value of type {got}; it must be True or False.",
            "{name}에 {got} 타입의 값을 넘겼습니다. True나 False여야 합니다.",
        ),
        fix=Text(
            'Pass a real bool, e.g. batch_first=(value == "True") when parsing a config.',
            '진짜 bool을 넘기십시오. 설정을 읽는다면 batch_first=(value == "True")처럼 변환합니다.',
        ),
        examples=("plot_02_batch_axis",),
        variants=("nn.RNN(input_size=4, hidden_size=6, bias=1)",),
    ),
    Entry(
        id="size-not-int",
        group="constructor",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "input_size or hidden_size is not an int",
            "input_size나 hidden_size가 int가 아님",
        ),
        patterns=(r"(?P<name>input_size|hidden_size) should be of type int, got: (?P<got>\w+)",),
        broken="""\
features = torch.randn(3, 5, 4)
rnn = nn.RNN(input_size=features.shape[-1] / 1, hidden_size=6)  # division gives a float
""",
        fixed="""\
rnn = nn.RNN(input_size=features.shape[-1], hidden_size=6)
output, h_n = rnn(features)
print(f"output: {tuple(output.shape)}")
""",
        meaning=Text(
            "Sizes count features, so they must be Python ints; a float (from /), a tensor or "
            "a NumPy number is refused.",
            "크기는 특성의 개수이므로 Python int여야 합니다. /로 나눈 float, 텐서, NumPy 숫자를 "
            "넘기면 오류가 납니다.",
        ),
        reading=Text(
            "{name} was given a {got}; it must be an int.",
            "{name}에 {got} 값을 넘겼습니다. int여야 합니다.",
        ),
        fix=Text(
            "Use // for integer division, or int(...) around the value.",
            "정수 나눗셈 //를 쓰거나 값을 int(...)로 감싸십시오.",
        ),
        examples=("plot_01_blog_configurations",),
        variants=("nn.LSTM(input_size=4, hidden_size=6.0)",),
    ),
    Entry(
        id="size-not-positive",
        group="constructor",
        modules=("nn.RNN", "nn.LSTM", "nn.GRU"),
        title=Text(
            "A size or num_layers of zero or less",
            "크기나 num_layers가 0 이하",
        ),
        patterns=(r"(?P<name>input_size|hidden_size|num_layers) must be greater than zero",),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6, num_layers=0)
""",
        fixed="""\
rnn = nn.RNN(input_size=4, hidden_size=6, num_layers=1)
output, h_n = rnn(torch.randn(5, 3, 4))
print(f"h_n: {tuple(h_n.shape)}")
""",
        meaning=Text(
            "input_size, hidden_size and num_layers count things and must be at least 1.",
            "input_size, hidden_size, num_layers는 개수이므로 1 이상이어야 합니다.",
        ),
        reading=Text("{name} must be at least 1.", "{name}은 1 이상이어야 합니다."),
        fix=Text(
            "Give a positive number; a size computed from data of the wrong shape is often "
            "the cause (print it).",
            "양수를 지정하십시오. 모양이 잘못된 데이터에서 계산한 크기가 원인인 경우가 많으니 "
            "값을 출력해 보십시오.",
        ),
        examples=("plot_04_stacked_layers",),
        variants=(
            "nn.RNN(input_size=0, hidden_size=6)",
            "nn.GRU(input_size=4, hidden_size=0)",
        ),
    ),
)

_PACKING: tuple[Entry, ...] = (
    Entry(
        id="lengths-unsorted",
        group="packing",
        modules=("pack_padded_sequence", "pack_sequence"),
        title=Text("Lengths not sorted longest first", "길이가 긴 것부터 놓여 있지 않음"),
        patterns=(
            (
                r"`?lengths`? array must be sorted in decreasing order when `?enforce_sorted`? is "
                r"True"
            ),
            r"['`]?lengths['`]? array has to be sorted in decreasing order",
        ),
        broken="""\
padded = torch.randn(3, 5, 4)  # (N, L, H_in)
lengths = torch.tensor([3, 5, 2])  # in the batch's own order
pack_padded_sequence(padded, lengths, batch_first=True)
""",
        fixed="""\
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
print(f"data: {tuple(packed.data.shape)}, batch_sizes: {packed.batch_sizes.tolist()}")
""",
        meaning=Text(
            "By default (enforce_sorted=True) the sequences must come longest first (equal "
            "lengths side by side are fine: torch's 'decreasing' means non-increasing). With "
            "enforce_sorted=False torch sorts them and restores your order in the output and "
            "h_n.",
            "기본값(enforce_sorted=True)에서는 시퀀스가 긴 것부터 와야 합니다(같은 길이는 나란히 "
            "와도 됩니다. torch 메시지의 'decreasing'은 이런 뜻입니다). "
            "enforce_sorted=False를 주면 torch가 정렬했다가 출력과 h_n에서 원래 순서로 "
            "되돌립니다.",
        ),
        reading=None,
        fix=Text(
            "Pass enforce_sorted=False (only ONNX export needs sorted batches).",
            "enforce_sorted=False를 넘기십시오(정렬된 배치가 필요한 경우는 ONNX 내보내기뿐입니다).",
        ),
        examples=("plot_12_packed_sequences", "plot_17_common_errors"),
        older=(
            "lengths array has to be sorted in decreasing order",
            "'lengths' array has to be sorted in decreasing order",
        ),
        calculator=(
            "mode=LSTM&input_size=4&hidden_size=6&batch_first=1&batch=3&seq_len=5"
            "&lengths=3,5,2&enforce_sorted=0"
        ),
    ),
    Entry(
        id="lengths-not-positive",
        group="packing",
        modules=("pack_padded_sequence", "pack_sequence"),
        title=Text("A length of zero", "길이가 0인 시퀀스"),
        patterns=(
            (
                r"Length of all samples has to be greater than 0, but found an element in "
                r"'lengths' that is <= 0"
            ),
        ),
        broken="""\
padded = torch.randn(3, 5, 4)  # (N, L, H_in)
lengths = torch.tensor([5, 3, 0])  # the third sequence is empty
pack_padded_sequence(padded, lengths, batch_first=True)
""",
        fixed="""\
keep = lengths > 0
packed = pack_padded_sequence(padded[keep], lengths[keep], batch_first=True)
print(f"data: {tuple(packed.data.shape)}, batch_sizes: {packed.batch_sizes.tolist()}")
""",
        meaning=Text(
            "Every sequence in a packed batch needs at least one time step; an empty one "
            "(length 0) cannot be packed.",
            "패킹할 배치의 시퀀스는 모두 타임 스텝이 하나 이상 있어야 합니다. 길이가 0인 빈 "
            "시퀀스는 패킹할 수 없습니다.",
        ),
        reading=None,
        fix=Text(
            "Drop empty sequences before packing (and put their rows back after, if needed), "
            "or give them one padding step.",
            "패킹하기 전에 빈 시퀀스를 빼십시오(필요하면 나중에 그 행을 다시 채웁니다). 아니면 "
            "패딩 타임 스텝을 하나 주십시오.",
        ),
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="lengths-count-mismatch",
        group="packing",
        modules=("pack_padded_sequence",),
        title=Text(
            "Not one length per sequence (or the wrong batch axis)",
            "시퀀스마다 길이가 하나씩이 아님(또는 배치 축이 틀림)",
        ),
        patterns=(
            (
                r"Expected `?len\(lengths\)`? to be equal to batch_size, but got (?P<got>\d+) "
                r"\(batch_size=(?P<batch>\d+)\)"
            ),
        ),
        broken="""\
padded = torch.randn(3, 5, 4)  # (N, L, H_in): batch first
lengths = torch.tensor([5, 3, 2])
pack_padded_sequence(padded, lengths)  # batch_first=False reads axis 1 (5) as the batch
""",
        fixed="""\
packed = pack_padded_sequence(padded, lengths, batch_first=True)
print(f"data: {tuple(packed.data.shape)}, batch_sizes: {packed.batch_sizes.tolist()}")
""",
        meaning=Text(
            "lengths holds one length per sequence, so its size must equal the batch axis: "
            "axis 1 by default, axis 0 with batch_first=True. A forgotten batch_first=True is "
            "the usual cause.",
            "lengths에는 시퀀스마다 길이가 하나씩 있으므로 그 개수가 배치 축의 크기와 같아야 "
            "합니다. 배치 축은 기본이 1번 축이고 batch_first=True이면 0번 축입니다. "
            "batch_first=True를 빠뜨린 경우가 대부분입니다.",
        ),
        reading=Text(
            "You gave {got} lengths, but the batch axis torch read has {batch} sequences.",
            "길이를 {got}개 넘겼는데 torch가 읽은 배치 축에는 시퀀스가 {batch}개 있습니다.",
        ),
        fix=Text(
            "Pass batch_first=True for (N, L, H_in) data, or give exactly one length per sequence.",
            "(N, L, H_in) 데이터라면 batch_first=True를 넘기고, 아니면 시퀀스마다 길이를 정확히 "
            "하나씩 주십시오.",
        ),
        examples=("plot_12_packed_sequences", "plot_02_batch_axis"),
    ),
    Entry(
        id="pack-empty-batch",
        group="packing",
        modules=("pack_padded_sequence",),
        title=Text("Packing an empty batch", "빈 배치를 패킹함"),
        patterns=(r"Cannot pack empty tensors",),
        broken="""\
padded = torch.randn(0, 5, 4)  # (N, L, H_in) with N = 0
pack_padded_sequence(padded, torch.tensor([], dtype=torch.int64), batch_first=True)
""",
        fixed="""\
padded = torch.randn(1, 5, 4)
packed = pack_padded_sequence(padded, torch.tensor([5]), batch_first=True)
print(f"data: {tuple(packed.data.shape)}")
""",
        meaning=Text(
            "The batch has no sequences (N = 0), often after filtering every sequence out.",
            "배치에 시퀀스가 하나도 없습니다(N = 0). 필터링으로 시퀀스가 모두 빠졌을 때 "
            "흔히 생깁니다.",
        ),
        reading=None,
        fix=Text(
            "Skip the batch when it is empty (if padded.shape[0] == 0: continue).",
            "배치가 비었으면 건너뛰십시오(if padded.shape[0] == 0: continue).",
        ),
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="empty-sequence-list",
        group="packing",
        modules=("pack_sequence", "pad_sequence"),
        title=Text("pad_sequence or pack_sequence of an empty list", "빈 리스트로 pad_sequence"),
        patterns=(r"received an empty list of sequences",),
        broken="""\
pad_sequence([], batch_first=True)
""",
        fixed="""\
padded = pad_sequence([torch.randn(5, 4), torch.randn(3, 4)], batch_first=True)
print(f"padded: {tuple(padded.shape)}")
""",
        meaning=Text(
            "The list of sequences is empty, so there is no batch to pad or pack.",
            "시퀀스 리스트가 비어 있어 패딩하거나 패킹할 배치가 없습니다.",
        ),
        reading=None,
        fix=Text(
            "Check the list before the call; a DataLoader's collate_fn can receive an empty "
            "batch only if your dataset or sampler produced one.",
            "호출하기 전에 리스트를 확인하십시오. DataLoader의 collate_fn이 빈 배치를 받는 것은 "
            "데이터셋이나 샘플러가 빈 배치를 만들었을 때뿐입니다.",
        ),
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="lengths-not-cpu-int64",
        group="packing",
        modules=("pack_padded_sequence",),
        title=Text(
            "lengths on the GPU, or not a 1-D int64 tensor",
            "lengths가 GPU에 있거나 1차원 int64 텐서가 아님",
        ),
        patterns=(
            (
                r"'lengths' argument should be a 1D CPU int64 tensor, but got "
                r"(?P<rank>\d+)D (?P<device>[\w:]+) (?P<dtype>\w+) tensor"
            ),
        ),
        broken="""\
padded = torch.randn(3, 5, 4)
lengths = torch.tensor([5, 3, 2], device="meta")  # a GPU build would say cuda:0
pack_padded_sequence(padded, lengths, batch_first=True)
""",
        fixed="""\
lengths = torch.tensor([5, 3, 2])  # on the CPU; with a GPU tensor: lengths.cpu()
packed = pack_padded_sequence(padded, lengths, batch_first=True)
print(f"data: {tuple(packed.data.shape)}, batch_sizes: {packed.batch_sizes.tolist()}")
""",
        meaning=Text(
            "lengths must be a 1-D int64 tensor on the CPU (or a Python list), even when the "
            "data is on a GPU.",
            "lengths는 데이터가 GPU에 있어도 CPU에 있는 1차원 int64 텐서(또는 Python 리스트)여야 "
            "합니다.",
        ),
        reading=Text(
            "Your lengths are a {rank}-D {dtype} tensor on {device}; they must be 1-D on the CPU.",
            "넘긴 lengths는 {device}에 있는 {rank}차원 {dtype} 텐서인데 CPU에 있는 1차원 "
            "텐서여야 합니다.",
        ),
        fix=Text(
            "Pass lengths.cpu() (and lengths.flatten() if it has an extra axis).",
            "lengths.cpu()를 넘기십시오(축이 더 있다면 lengths.flatten()도).",
        ),
        stand_in=True,
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="total-length-too-short",
        group="packing",
        modules=("pad_packed_sequence",),
        title=Text(
            "total_length shorter than the longest sequence",
            "total_length가 가장 긴 시퀀스보다 짧음",
        ),
        patterns=(
            (
                r"Expected total_length to be at least the length of the longest sequence in "
                r"input, but got total_length=(?P<total>\d+) and max sequence length being "
                r"(?P<longest>\d+)"
            ),
        ),
        broken="""\
padded = torch.randn(3, 5, 4)
packed = pack_padded_sequence(padded, torch.tensor([5, 3, 2]), batch_first=True)
pad_packed_sequence(packed, batch_first=True, total_length=3)
""",
        fixed="""\
output, lengths = pad_packed_sequence(packed, batch_first=True, total_length=5)
print(f"output: {tuple(output.shape)}, lengths: {lengths.tolist()}")
""",
        meaning=Text(
            "total_length pads the unpacked output to a fixed L; it cannot cut sequences, so "
            "it must be at least the longest length.",
            "total_length는 되돌린 출력을 고정된 L까지 패딩하는 값입니다. 시퀀스를 자를 수는 "
            "없으므로 가장 긴 길이 이상이어야 합니다.",
        ),
        reading=Text(
            "You asked for total_length={total}, but the longest sequence has {longest} time "
            "steps.",
            "total_length={total}을 지정했는데 가장 긴 시퀀스의 타임 스텝은 {longest}개입니다.",
        ),
        fix=Text(
            "Use the padded input's L (padded.shape[1] with batch_first=True), as in "
            "DataParallel setups.",
            "패딩된 입력의 L(batch_first=True이면 padded.shape[1])을 지정하십시오. "
            "DataParallel에서 흔히 쓰는 방법입니다.",
        ),
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="pad-sequence-not-iterable",
        group="packing",
        modules=("pad_sequence",),
        title=Text(
            "pad_sequence given something other than a list",
            "pad_sequence에 리스트가 아닌 값을 넘김",
        ),
        patterns=(
            (
                r"pad_sequence: Expected iterable for input sequences, but got arg of type: "
                r"(?P<got>.+)$"
            ),
        ),
        broken="""\
pad_sequence(5)
""",
        fixed="""\
padded = pad_sequence([torch.randn(5, 4), torch.randn(2, 4)])
print(f"padded: {tuple(padded.shape)}")
""",
        meaning=Text(
            "pad_sequence takes a list (or tuple) of tensors, one per sequence, each (length, *).",
            "pad_sequence는 시퀀스마다 (길이, *) 모양인 텐서의 리스트(또는 튜플)를 받습니다.",
        ),
        reading=Text("You passed {got}.", "넘긴 값은 {got}입니다."),
        fix=Text(
            "Pass a list of tensors: pad_sequence([a, b, c]).",
            "텐서 리스트를 넘기십시오: pad_sequence([a, b, c]).",
        ),
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="padding-side-unknown",
        group="packing",
        modules=("pad_sequence",),
        title=Text("An unknown padding_side", "알 수 없는 padding_side"),
        patterns=(r"Expected padding_side to be one of left or right, but got (?P<value>\w+)",),
        broken="""\
pad_sequence([torch.randn(5, 4), torch.randn(2, 4)], padding_side="start")
""",
        fixed="""\
padded = pad_sequence([torch.randn(5, 4), torch.randn(2, 4)], padding_side="left")
print(f"padded: {tuple(padded.shape)}")
""",
        meaning=Text(
            "padding_side says where the padding goes: 'right' (default, after each sequence) "
            "or 'left' (before it).",
            "padding_side는 패딩을 넣을 위치입니다. 'right'(기본값, 시퀀스 뒤)나 'left'"
            "(시퀀스 앞)만 받습니다.",
        ),
        reading=Text(
            "You asked for padding_side='{value}'.", "padding_side='{value}'를 지정했습니다."
        ),
        fix=Text("Use 'right' or 'left'.", "'right'나 'left'를 지정하십시오."),
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="batch-sizes-not-cpu",
        group="packing",
        modules=("PackedSequence",),
        title=Text(
            "A PackedSequence built by hand with batch_sizes on a GPU",
            "batch_sizes가 GPU에 있는 PackedSequence를 직접 만듦",
        ),
        patterns=(r"batch_sizes should always be on CPU",),
        broken="""\
data = torch.randn(10, 4)  # the packed rows: 5 + 3 + 2 time steps
batch_sizes = torch.tensor([3, 3, 2, 1, 1], device="meta")  # a GPU build: cuda:0
PackedSequence(data, batch_sizes)
""",
        fixed="""\
packed = pack_padded_sequence(torch.randn(3, 5, 4), torch.tensor([5, 3, 2]), batch_first=True)
packed = packed.to("cpu")  # .to() moves data, never batch_sizes
print(f"data: {tuple(packed.data.shape)}, batch_sizes: {packed.batch_sizes.tolist()}")
""",
        meaning=Text(
            "A PackedSequence keeps batch_sizes on the CPU always; only its data moves to a "
            "GPU. Building one by hand is not meant to be done.",
            "PackedSequence의 batch_sizes는 언제나 CPU에 있고 GPU로 옮겨지는 것은 데이터뿐입니다. "
            "PackedSequence는 직접 만들도록 되어 있지 않습니다.",
        ),
        reading=None,
        fix=Text(
            "Make packed sequences with pack_padded_sequence or pack_sequence, and move them "
            "with packed.to(device).",
            "패킹된 시퀀스는 pack_padded_sequence나 pack_sequence로 만들고, packed.to(device)로 "
            "옮기십시오.",
        ),
        stand_in=True,
        examples=("plot_12_packed_sequences",),
    ),
    Entry(
        id="packed-sequence-attribute",
        group="packing",
        modules=("PackedSequence",),
        title=Text(
            "Using a PackedSequence as a tensor",
            "PackedSequence를 텐서처럼 사용함",
        ),
        patterns=(r"'PackedSequence' object has no attribute '(?P<attr>\w+)'",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
packed = pack_padded_sequence(torch.randn(3, 5, 4), torch.tensor([5, 3, 2]), batch_first=True)
output, (h_n, c_n) = lstm(packed)
output.view(-1, 6)  # output is packed too
""",
        fixed="""\
output, lengths = pad_packed_sequence(output, batch_first=True)
print(f"output: {tuple(output.shape)}, lengths: {lengths.tolist()}")
""",
        meaning=Text(
            "A layer given a packed sequence returns its output packed as well. A "
            "PackedSequence is not a tensor: it has data, batch_sizes and the sorting indices, "
            "but no shape, size() or view().",
            "패킹된 시퀀스를 받은 레이어는 출력도 패킹해서 돌려줍니다. PackedSequence는 텐서가 "
            "아니어서 data, batch_sizes, 정렬 인덱스는 있지만 shape, size(), view()는 "
            "없습니다.",
        ),
        reading=Text(
            "You asked the PackedSequence for .{attr}, which only tensors have.",
            "PackedSequence에 텐서에만 있는 .{attr}을 요청했습니다.",
        ),
        fix=Text(
            "Unpack it first: output, lengths = pad_packed_sequence(output, batch_first=True); "
            "or use h_n, which is a plain tensor.",
            "먼저 되돌리십시오: output, lengths = pad_packed_sequence(output, "
            "batch_first=True). 또는 평범한 텐서인 h_n을 쓰십시오.",
        ),
        examples=("plot_12_packed_sequences",),
    ),
)

_AFTER: tuple[Entry, ...] = (
    Entry(
        id="head-after-bidirectional",
        group="after",
        modules=("nn.Linear",),
        title=Text(
            "A head sized hidden_size after a bidirectional layer",
            "양방향 레이어 뒤 헤드의 입력 크기가 hidden_size",
        ),
        patterns=(
            (
                r"mat1 and mat2 shapes cannot be multiplied \((?P<rows>\d+)x(?P<got>\d+) and "
                r"(?P<expected>\d+)x(?P<out>\d+)\)"
            ),
            (
                r"size mismatch, m1: \[(?P<rows>\d+) x (?P<got>\d+)\], m2: "
                r"\[(?P<expected>\d+) x (?P<out>\d+)\]"
            ),
        ),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True, bidirectional=True)
head = nn.Linear(6, 1)  # in_features = hidden_size: forgets the second direction
output, (h_n, c_n) = lstm(torch.randn(3, 5, 4))  # output: (N, L, D * H_out)
head(output)
""",
        fixed="""\
head = nn.Linear(2 * 6, 1)  # D * hidden_size
prediction = head(output)
print(f"output: {tuple(output.shape)}, prediction: {tuple(prediction.shape)}")
""",
        meaning=Text(
            "nn.Linear multiplies the input's last axis (mat1 is the input flattened to rows) "
            "by its weight (mat2 is in_features x out_features). After a bidirectional layer "
            "the last axis is D * hidden_size = 2 * hidden_size.",
            "nn.Linear는 입력의 마지막 축에 가중치를 곱합니다. mat1은 입력을 행으로 펼친 것이고 "
            "mat2는 in_features x out_features입니다. 양방향 레이어의 출력은 마지막 축이 "
            "D * hidden_size = 2 * hidden_size입니다.",
        ),
        reading=Text(
            "Your tensor has {got} values on its last axis ({rows} rows), but the head was "
            "built with in_features={expected}.",
            "텐서의 마지막 축에는 값이 {got}개 있는데(행 {rows}개) 헤드는 "
            "in_features={expected}로 만들어졌습니다.",
        ),
        fix=Text(
            "Build the head with in_features = output.shape[-1] (D * hidden_size, or proj_size "
            "times D); with h_n, concatenate the two directions first.",
            "헤드를 in_features = output.shape[-1](D * hidden_size, proj_size가 있으면 "
            "D * proj_size)로 만드십시오. h_n을 쓴다면 두 방향을 먼저 이어 붙이십시오.",
        ),
        examples=("plot_05_bidirectional", "plot_15_heads"),
        calculator=(
            "mode=LSTM&input_size=4&hidden_size=6&bidirectional=1&batch_first=1&batch=3&seq_len=5"
        ),
        older=("size mismatch, m1: [15 x 12], m2: [6 x 1]",),
    ),
    Entry(
        id="cross-entropy-target-size",
        group="after",
        modules=("nn.CrossEntropyLoss",),
        title=Text(
            "Per-step class scores given to CrossEntropyLoss batch first",
            "타임 스텝별 점수를 배치 우선 그대로 CrossEntropyLoss에 넘김",
        ),
        patterns=(
            (
                r"Expected target size [(\[](?P<expected>[\d, ]+)[)\]], got "
                r"[(\[](?P<got>[\d, ]+)[)\]]"
            ),
            (
                r"Expected target size \((?P<expected>[\d, ]+)\), got "
                r"torch\.Size\(\[(?P<got>[\d, ]+)\]\)"
            ),
        ),
        broken="""\
logits = torch.randn(3, 5, 10)  # (N, L, C): 10 class scores per time step
target = torch.randint(10, (3, 5))  # (N, L): one class per time step
nn.CrossEntropyLoss()(logits, target)
""",
        fixed="""\
loss = nn.CrossEntropyLoss()(logits.transpose(1, 2), target)  # (N, C, L) and (N, L)
print(f"input: {tuple(logits.transpose(1, 2).shape)}, target: {tuple(target.shape)}, "
      f"loss: {tuple(loss.shape)}")
""",
        meaning=Text(
            "CrossEntropyLoss wants the class axis second: input (N, C, L) with target (N, L). "
            "A many-to-many head gives (N, L, C), so torch reads L as the classes and expects "
            "a target of (N, C).",
            "CrossEntropyLoss는 클래스 축이 두 번째인 입력 (N, C, L)과 타깃 (N, L)을 받습니다. "
            "다대다 헤드의 출력은 (N, L, C)이므로 torch는 L을 클래스 수로 읽고 (N, C) 모양의 "
            "타깃을 기대합니다.",
        ),
        reading=Text(
            "torch expected a target of shape ({expected}) from your input, and your target is "
            "({got}).",
            "torch는 입력 모양에서 ({expected}) 모양의 타깃을 기대했는데 넘긴 타깃은 "
            "({got})입니다.",
        ),
        fix=Text(
            "Move the class axis: loss(logits.transpose(1, 2), target), or flatten both: "
            "loss(logits.reshape(-1, C), target.reshape(-1)).",
            "클래스 축을 옮기십시오: loss(logits.transpose(1, 2), target). 둘 다 펼쳐도 "
            "됩니다: loss(logits.reshape(-1, C), target.reshape(-1)).",
        ),
        examples=("plot_15_heads",),
        older=("Expected target size (3, 10), got torch.Size([3, 5])",),
    ),
    Entry(
        id="cross-entropy-batch-size",
        group="after",
        modules=("nn.CrossEntropyLoss", "nn.NLLLoss"),
        title=Text(
            "Flattened scores with an unflattened target",
            "점수만 펼치고 타깃은 펼치지 않음",
        ),
        patterns=(
            (
                r"Expected input batch_size \((?P<input>\d+)\) to match target batch_size "
                r"\((?P<target>\d+)\)"
            ),
        ),
        broken="""\
logits = torch.randn(3, 5, 10)  # (N, L, C)
target = torch.randint(10, (3, 5))  # (N, L)
nn.CrossEntropyLoss()(logits.reshape(-1, 10), target)  # (N * L, C) against (N, L)
""",
        fixed="""\
loss = nn.CrossEntropyLoss()(logits.reshape(-1, 10), target.reshape(-1))
print(f"input: {tuple(logits.reshape(-1, 10).shape)}, target: {tuple(target.reshape(-1).shape)}")
""",
        meaning=Text(
            "The loss pairs the rows of the scores with the entries of the target: (M, C) "
            "scores need M targets. Flatten both, or neither.",
            "손실은 점수의 행과 타깃을 하나씩 짝짓습니다. (M, C) 모양의 점수에는 타깃이 M개 "
            "필요합니다. 둘 다 펼치거나 둘 다 펼치지 마십시오.",
        ),
        reading=Text(
            "Your scores have {input} rows but the target has {target} along its first axis.",
            "점수에는 행이 {input}개 있는데 타깃의 첫 축 크기는 {target}입니다.",
        ),
        fix=Text(
            "Flatten the target the same way: target.reshape(-1); for many-to-one, use the "
            "last step's scores (N, C) with a target (N,).",
            "타깃도 같은 방식으로 펼치십시오: target.reshape(-1). 다대일이라면 마지막 타임 "
            "스텝의 점수 (N, C)와 타깃 (N,)을 쓰십시오.",
        ),
        examples=("plot_15_heads",),
    ),
    Entry(
        id="mse-broadcast-warning",
        group="after",
        modules=("nn.MSELoss", "nn.L1Loss"),
        title=Text(
            "A prediction (N, 1) against a target (N,) (warning)",
            "예측값 (N, 1)과 타깃 (N,)을 비교함(경고)",
        ),
        patterns=(
            (
                r"Using a target size \(torch\.Size\(\[(?P<target>[\d, ]*)\]\)\) that is different "
                r"to the input size \(torch\.Size\(\[(?P<input>[\d, ]*)\]\)\)"
            ),
        ),
        broken="""\
gru = nn.GRU(input_size=4, hidden_size=6, batch_first=True)
head = nn.Linear(6, 1)
output, h_n = gru(torch.randn(3, 5, 4))
prediction = head(output[:, -1])  # (N, 1)
target = torch.randn(3)  # (N,)
loss = nn.MSELoss()(prediction, target)  # broadcasts to (N, N) without an error
""",
        fixed="""\
loss = nn.MSELoss()(prediction.squeeze(-1), target)  # (N,) and (N,)
print(f"prediction: {tuple(prediction.squeeze(-1).shape)}, target: {tuple(target.shape)}")
""",
        meaning=Text(
            "The prediction and the target have different shapes that broadcast, so the loss "
            "compares every prediction with every target ((N, 1) against (N,) becomes (N, N)) "
            "and trains on the wrong number without an error.",
            "예측값과 타깃의 모양이 다르지만 브로드캐스팅이 되기 때문에, 손실이 모든 예측값을 "
            "모든 타깃과 비교합니다((N, 1)과 (N,)은 (N, N)이 됩니다). 오류 없이 엉뚱한 값으로 "
            "학습합니다.",
        ),
        reading=Text(
            "Your target is [{target}] and your prediction [{input}]: make them the same shape.",
            "타깃은 [{target}], 예측값은 [{input}] 모양입니다. 둘의 모양을 같게 맞추십시오.",
        ),
        fix=Text(
            "Squeeze the prediction (prediction.squeeze(-1)) or unsqueeze the target "
            "(target.unsqueeze(-1)) so both have one shape.",
            "예측값을 squeeze(-1)하거나 타깃을 unsqueeze(-1)해서 두 모양을 같게 만드십시오.",
        ),
        kind="warning",
        examples=("plot_15_heads", "plot_16_train_sine"),
    ),
    Entry(
        id="collate-unequal-lengths",
        group="after",
        modules=("DataLoader", "default_collate"),
        title=Text(
            "The DataLoader cannot stack sequences of different lengths",
            "DataLoader가 길이가 다른 시퀀스를 쌓지 못함",
        ),
        patterns=(
            (
                r"stack expects each tensor to be equal size, but got \[(?P<first>[\d, ]*)\] at "
                r"entry (?P<i>\d+) and \[(?P<second>[\d, ]*)\] at entry (?P<j>\d+)"
            ),
            (
                r"Sizes of tensors must match except in dimension 0\. Got (?P<a>\d+) and "
                r"(?P<b>\d+) in dimension(?: (?P<dim>\d+))?"
            ),
        ),
        older=(
            (
                "invalid argument 0: Sizes of tensors must match except in dimension 0. Got 5 "
                "and 3 in dimension 1"
            ),
        ),
        broken="""\
from torch.utils.data import default_collate

sequences = [torch.randn(5, 4), torch.randn(3, 4)]  # (L_i, H_in), different L_i
default_collate(sequences)  # what DataLoader does with each batch
""",
        fixed="""\
def collate(batch):
    lengths = torch.tensor([len(seq) for seq in batch])
    return pad_sequence(batch, batch_first=True), lengths


padded, lengths = collate(sequences)  # DataLoader(dataset, collate_fn=collate)
print(f"padded: {tuple(padded.shape)}, lengths: {lengths.tolist()}")
""",
        meaning=Text(
            "The DataLoader's default collate stacks the samples of a batch into one tensor, "
            "which needs equal shapes. Sequences of different lengths must be padded (and "
            "possibly packed) by your own collate_fn.",
            "DataLoader의 기본 collate 함수는 배치의 샘플을 텐서 하나로 쌓기 때문에 모양이 모두 "
            "같아야 합니다. 길이가 다른 시퀀스는 직접 만든 collate_fn에서 패딩(필요하면 패킹)해야 "
            "합니다.",
        ),
        reading=Text(
            "Sample {i} has shape [{first}] and sample {j} has [{second}]: their first axis "
            "(the length) differs.",
            "{i}번 샘플은 [{first}], {j}번 샘플은 [{second}] 모양입니다. 첫 축(길이)이 다릅니다.",
        ),
        fix=Text(
            "Give the DataLoader a collate_fn that pads with pad_sequence and returns the "
            "lengths too.",
            "pad_sequence로 패딩하고 길이도 함께 돌려주는 collate_fn을 DataLoader에 넘기십시오.",
        ),
        examples=("plot_12_packed_sequences", "models/plot_01_text_classification"),
    ),
    Entry(
        id="view-not-contiguous",
        group="after",
        modules=("torch.Tensor.view",),
        title=Text("view on a transposed h_n", "전치한 h_n에 view 사용"),
        patterns=(r"view size is not compatible with input tensor's size and stride",),
        broken="""\
gru = nn.GRU(input_size=4, hidden_size=6, num_layers=2)
output, h_n = gru(torch.randn(5, 3, 4))  # h_n: (num_layers, N, H_out)
h_n.transpose(0, 1).view(3, -1)  # (N, num_layers * H_out)?
""",
        fixed="""\
features = h_n.transpose(0, 1).reshape(3, -1)  # reshape copies when it must
print(f"h_n: {tuple(h_n.shape)}, features: {tuple(features.shape)}")
""",
        meaning=Text(
            "transpose and permute only change how the data is read (the strides), not where "
            "it lies, and view cannot re-read such a tensor in another shape. The usual case "
            "is h_n made batch first.",
            "transpose와 permute는 데이터를 읽는 방식(stride)만 바꾸고 데이터의 위치는 그대로 "
            "두므로, view로는 그런 텐서를 다른 모양으로 읽을 수 없습니다. 흔한 예가 h_n을 배치 "
            "우선으로 바꾼 경우입니다.",
        ),
        reading=None,
        fix=Text(
            "Use .reshape(...) (or .contiguous().view(...)).",
            ".reshape(...)를 쓰십시오(또는 .contiguous().view(...)).",
        ),
        examples=("plot_04_stacked_layers", "plot_15_heads", "models/plot_03_cnn_before_rnn"),
    ),
    Entry(
        id="backward-second-time",
        group="after",
        modules=("torch.Tensor.backward",),
        title=Text(
            "A hidden state carried from one batch to the next",
            "은닉 상태를 다음 배치로 그대로 넘김",
        ),
        patterns=(r"Trying to backward through the graph a second time",),
        broken="""\
rnn = nn.RNN(input_size=4, hidden_size=6, batch_first=True)
h = None
for step in range(2):  # two batches of a long sequence
    output, h = rnn(torch.randn(3, 5, 4), h)  # h still belongs to the last graph
    output.sum().backward()
""",
        fixed="""\
h = None
for step in range(2):
    output, h = rnn(torch.randn(3, 5, 4), h)
    output.sum().backward()
    h = h.detach()  # keep the values, cut the graph (truncated backpropagation)
print(f"h: {tuple(h.shape)}, requires_grad={h.requires_grad}")
""",
        meaning=Text(
            "The state kept from the previous batch still points into that batch's graph, "
            "which backward() has already freed. The next backward tries to go through it "
            "again.",
            "이전 배치에서 가져온 상태는 여전히 그 배치의 계산 그래프를 가리키는데, 그 그래프는 "
            "backward()가 이미 해제했습니다. 다음 backward가 그 그래프를 다시 지나가려다 "
            "실패합니다.",
        ),
        reading=None,
        fix=Text(
            "Detach the state between batches: h = h.detach() (for an LSTM, both h and c). "
            "retain_graph=True hides the error but keeps every graph alive.",
            "배치 사이에서 상태를 떼어 내십시오: h = h.detach()(LSTM이면 h와 c 모두). "
            "retain_graph=True는 오류를 가릴 뿐 모든 그래프를 메모리에 남깁니다.",
        ),
        examples=("plot_16_train_sine", "models/plot_04_carrying_state"),
    ),
    Entry(
        id="tuple-no-attribute",
        group="after",
        modules=("nn.LSTM",),
        title=Text(
            "The LSTM's (h_n, c_n) used as one tensor",
            "LSTM의 (h_n, c_n)을 텐서 하나처럼 사용함",
        ),
        patterns=(r"'tuple' object has no attribute '(?P<attr>\w+)'",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6)
output, h_n = lstm(torch.randn(5, 3, 4))  # as with nn.GRU
h_n.shape  # h_n is the tuple (h_n, c_n)
""",
        fixed="""\
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))
print(f"h_n: {tuple(h_n.shape)}, c_n: {tuple(c_n.shape)}")
""",
        meaning=Text(
            "nn.LSTM returns output, (h_n, c_n): its second value is a tuple of two tensors, "
            "not one tensor as for nn.RNN and nn.GRU. The same happens with a model that "
            "returns the LSTM's whole result.",
            "nn.LSTM은 output, (h_n, c_n)을 돌려줍니다. 두 번째 값은 nn.RNN, nn.GRU처럼 텐서 "
            "하나가 아니라 텐서 두 개의 튜플입니다. LSTM의 결과 전체를 그대로 돌려주는 모델에서도 "
            "같은 일이 생깁니다.",
        ),
        reading=Text(
            "You asked a tuple for .{attr}; unpack it first.",
            "튜플에 .{attr}을 요청했습니다. 먼저 튜플을 풀어야 합니다.",
        ),
        fix=Text(
            "Unpack it: output, (h_n, c_n) = lstm(x).",
            "풀어서 받으십시오: output, (h_n, c_n) = lstm(x).",
        ),
        examples=("plot_07_lstm",),
    ),
    Entry(
        id="tuple-not-tensor",
        group="after",
        modules=("nn.Linear", "nn.LSTM", "nn.GRU", "nn.RNN"),
        title=Text(
            "A layer's whole result passed on as one tensor",
            "레이어의 결과 전체를 텐서 하나처럼 넘김",
        ),
        patterns=(
            (
                r"(?P<fn>\w+)\(\): argument '(?P<arg>\w+)' \(position (?P<pos>\d+)\) must be "
                r"Tensor, not tuple"
            ),
        ),
        broken="""\
model = nn.Sequential(nn.LSTM(input_size=4, hidden_size=6), nn.Linear(6, 1))
model(torch.randn(5, 3, 4))  # the LSTM hands (output, (h_n, c_n)) to nn.Linear
""",
        fixed="""\
lstm, head = nn.LSTM(input_size=4, hidden_size=6), nn.Linear(6, 1)
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))
prediction = head(output)
print(f"output: {tuple(output.shape)}, prediction: {tuple(prediction.shape)}")
""",
        meaning=Text(
            "Recurrent layers return a tuple (output, h_n), or (output, (h_n, c_n)) for an "
            "LSTM, so they cannot be chained in nn.Sequential, and their result cannot go "
            "straight into nn.Linear.",
            "순환 레이어는 튜플 (output, h_n)(LSTM이면 (output, (h_n, c_n)))을 돌려주므로 "
            "nn.Sequential로 바로 잇거나 결과를 그대로 nn.Linear에 넣을 수 없습니다.",
        ),
        reading=Text(
            "{fn}() got a tuple as its argument '{arg}'; give it one tensor (output or h_n).",
            "{fn}()의 '{arg}' 인자로 튜플을 받았습니다. 텐서 하나(output이나 h_n)를 넘기십시오.",
        ),
        fix=Text(
            "Unpack the result in your module's forward and pass output (or h_n[-1]) on.",
            "모듈의 forward에서 결과를 풀고 output(또는 h_n[-1])을 넘기십시오.",
        ),
        examples=("plot_15_heads",),
    ),
    Entry(
        id="tuple-indexed",
        group="after",
        modules=("nn.LSTM", "PackedSequence"),
        title=Text(
            "Tensor-style indexing of (h_n, c_n) or a PackedSequence",
            "(h_n, c_n)이나 PackedSequence를 텐서처럼 인덱싱함",
        ),
        patterns=(r"tuple indices must be integers or slices, not tuple",),
        broken="""\
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
output, state = lstm(torch.randn(3, 5, 4))
state[-1, :]  # state is (h_n, c_n), a tuple
""",
        fixed="""\
h_n, c_n = state
last_layer = h_n[-1, :]  # (N, H_out)
print(f"h_n: {tuple(h_n.shape)}, last layer: {tuple(last_layer.shape)}")
""",
        meaning=Text(
            "An LSTM's state (h_n, c_n) and a PackedSequence are tuples, which take a single "
            "index such as [0], never [a, b].",
            "LSTM의 상태 (h_n, c_n)과 PackedSequence는 튜플이므로 [0]처럼 인덱스 하나만 받고 "
            "[a, b]는 받지 않습니다.",
        ),
        reading=None,
        fix=Text(
            "Unpack the tuple first (h_n, c_n = state), or unpack the PackedSequence with "
            "pad_packed_sequence.",
            "먼저 튜플을 푸십시오(h_n, c_n = state). PackedSequence라면 pad_packed_sequence로 "
            "되돌리십시오.",
        ),
        examples=("plot_07_lstm", "plot_12_packed_sequences"),
    ),
)

ENTRIES: tuple[Entry, ...] = _LAYER + _CELL + _CONSTRUCTOR + _PACKING + _AFTER
"""Every entry, in page order."""
