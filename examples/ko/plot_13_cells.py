r"""
.. _example-cells:

셀: 한 번에 타임 스텝 하나씩
============================

``nn.RNN``, ``nn.LSTM``, ``nn.GRU``\ 는 호출 한 번에 시퀀스 전체를 처리합니다. 이들의 셀(cell)
버전인 ``nn.RNNCell``, ``nn.LSTMCell``, ``nn.GRUCell``\ 은 타임 스텝(time step) 하나만
계산하고, 시간 축을 도는 반복문은 직접 작성해야 합니다. 각 스텝이 이전 스텝의 출력에 의존할
때(디코딩, 샘플링) 유용하며, 전체 모듈이 무엇을 계산하는지 가장 분명하게 보여 주는 방법이기도
합니다.

기호는 ``N`` 배치 크기, ``L`` 시퀀스 길이, ``H_in`` 입력 특성 수, ``H_out`` 은닉 상태 크기입니다.
셀에는 ``L`` 축도, 레이어 축도, ``batch_first``\ 도 없습니다.
"""

# %%
# ``nn.RNNCell``\ 의 한 스텝
# --------------------------
# 셀은 한 스텝의 입력 ``(N, H_in)``\ 과 이전 스텝의 은닉 상태(hidden state) ``(N, H_out)``\ 을
# 받아 새 은닉 상태 ``(N, H_out)``\ 을 돌려줍니다. 은닉 상태를 생략하면 0에서 시작합니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
x = torch.randn(N, L, H_in)  # 배치 우선(batch-first) 시퀀스, 아래에서 한 스텝씩 읽습니다

rnn_cell = nn.RNNCell(input_size=H_in, hidden_size=H_out)
h = rnn_cell(x[:, 0])  # 0번 스텝, 은닉 상태는 0에서 시작
h = rnn_cell(x[:, 1], h)  # 1번 스텝, 은닉 상태를 다시 넣어 줌
print(f"x[:, 0]: {tuple(x[:, 0].shape)}  (N, H_in)")
print(f"h:       {tuple(h.shape)}  (N, H_out)")
assert x[:, 0].shape == (N, H_in)
assert h.shape == (N, H_out)

# %%
# 배치 차원이 없는 입력도 받습니다. 시퀀스 하나의 한 스텝 ``(H_in,)``\ 을 넣으면 ``(H_out,)``\ 이
# 나옵니다.
h_single = rnn_cell(x[0, 0])
print(f"x[0, 0]:  {tuple(x[0, 0].shape)}  (H_in,)")
print(f"h_single: {tuple(h_single.shape)}  (H_out,)")
assert h_single.shape == (H_out,)

# %%
# 시퀀스 전체를 넣으면 차원이 하나 많습니다. 셀은 짐작하지 않고 오류를 냅니다.
try:
    rnn_cell(x)
except ValueError as err:  # 셀은 시퀀스가 아니라 스텝 하나를 받음
    message = str(err)
else:
    raise AssertionError("nn.RNNCell이 시퀀스 전체를 받았습니다")
print(f"ValueError: {message}")
assert message == "RNNCell: Expected input to be 1D or 2D, got 3D instead"

# %%
# 셀의 가중치
# -----------
# 셀은 전체 모듈의 레이어 하나와 같은 텐서 네 개를 가지며, 이름에 ``_l0`` 접미사만 없습니다.
# 행 방향으로 게이트마다 ``H_out``\ 개씩 블록이 쌓여 있습니다. 게이트 수 ``G``\ 는 기본 RNN이 1,
# LSTM이 4(게이트 i, f, g, o), GRU가 3(r, z, n)입니다.
lstm_cell = nn.LSTMCell(input_size=H_in, hidden_size=H_out)
gru_cell = nn.GRUCell(input_size=H_in, hidden_size=H_out)
for cell, G in ((rnn_cell, 1), (lstm_cell, 4), (gru_cell, 3)):
    print(f"{type(cell).__name__} (G = {G}):")
    for name, p in cell.named_parameters():
        print(f"  {name:9s} {tuple(p.shape)}")
    assert cell.weight_ih.shape == (G * H_out, H_in)
    assert cell.weight_hh.shape == (G * H_out, H_out)
    assert cell.bias_ih.shape == cell.bias_hh.shape == (G * H_out,)

# %%
# ``RNNCell`` 반복문으로 ``nn.RNN`` 재현하기
# ------------------------------------------
# 1층 ``nn.RNN``\ 을 만들고 그 가중치를 셀에 복사합니다(``weight_ih_l0``\ 을 ``weight_ih``\ 로,
# 나머지도 마찬가지). 그런 다음 셀을 ``L``\ 개 스텝에 걸쳐 실행하고 은닉 상태들을 시간 축으로
# 쌓습니다. 결과는 ``nn.RNN``\ 의 ``output``\ 과 같고(두 계산 경로 사이의 부동소수점 반올림
# 차이는 ``torch.allclose``\ 가 허용합니다), 마지막 은닉 상태는 ``h_n``\ 에서 레이어 축을 뺀
# 것과 같습니다.
rnn = nn.RNN(input_size=H_in, hidden_size=H_out, batch_first=True)


def copy_weights(cell, module):
    """순환 모듈의 0번 레이어 가중치를 같은 종류의 셀에 복사합니다."""
    with torch.no_grad():
        for name, p in cell.named_parameters():
            p.copy_(getattr(module, f"{name}_l0"))


copy_weights(rnn_cell, rnn)
output, h_n = rnn(x)

h = None
steps = []
for t in range(L):
    h = rnn_cell(x[:, t], h)
    steps.append(h)
loop_output = torch.stack(steps, dim=1)

print(f"nn.RNN output: {tuple(output.shape)}  (N, L, H_out)")
print(f"반복문 출력:   {tuple(loop_output.shape)}  (N, L, H_out)")
print(f"h_n: {tuple(h_n.shape)}  (num_layers, N, H_out), 마지막 h: {tuple(h.shape)}  (N, H_out)")
print("반복문 결과와 nn.RNN이 같은가:", torch.allclose(loop_output, output))
print("마지막 h와 h_n[0]이 같은가:", torch.allclose(h, h_n[0]))
assert loop_output.shape == output.shape == (N, L, H_out)
assert h.shape == h_n[0].shape == (N, H_out)
assert torch.allclose(loop_output, output)
assert torch.allclose(h, h_n[0])

# %%
# ``LSTMCell``\ 은 상태 두 개를 주고받습니다
# -------------------------------------------
# ``nn.LSTMCell``\ 은 은닉 상태와 셀 상태(cell state)의 쌍 ``(h, c)``\ 를 받고 돌려줍니다. 둘 다
# ``(N, H_out)``\ 입니다. 같은 반복문으로 ``nn.LSTM``\ 의 ``output``, ``h_n``, ``c_n``\ 을 모두
# 재현합니다.
lstm = nn.LSTM(input_size=H_in, hidden_size=H_out, batch_first=True)
copy_weights(lstm_cell, lstm)
output_lstm, (h_n_lstm, c_n_lstm) = lstm(x)

state = None
steps = []
for t in range(L):
    state = lstm_cell(x[:, t], state)  # state는 (h, c) 쌍
    steps.append(state[0])
loop_lstm = torch.stack(steps, dim=1)
h, c = state

print(f"h: {tuple(h.shape)}  (N, H_out), c: {tuple(c.shape)}  (N, H_out)")
print("반복문 결과와 nn.LSTM output이 같은가:", torch.allclose(loop_lstm, output_lstm))
print(
    "h, c와 h_n[0], c_n[0]이 같은가:",
    torch.allclose(h, h_n_lstm[0]),
    torch.allclose(c, c_n_lstm[0]),
)
assert h.shape == c.shape == (N, H_out)
assert loop_lstm.shape == output_lstm.shape == (N, L, H_out)
assert torch.allclose(loop_lstm, output_lstm)
assert torch.allclose(h, h_n_lstm[0])
assert torch.allclose(c, c_n_lstm[0])

# %%
# 쌍이 들어갈 자리에 텐서 하나만 넣으면 오류가 납니다.
try:
    lstm_cell(x[:, 0], h)
except TypeError as err:  # LSTMCell의 상태는 (h, c) 쌍
    message = str(err)
else:
    raise AssertionError("nn.LSTMCell이 텐서 하나를 상태로 받았습니다")
print(f"TypeError: {message}")
assert message.startswith("lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors")

# %%
# ``GRUCell``
# -----------
# ``nn.GRUCell``\ 은 ``nn.RNNCell``\ 과 쓰는 법이 똑같습니다. 은닉 상태 하나를 받고 하나를
# 돌려줍니다.
gru = nn.GRU(input_size=H_in, hidden_size=H_out, batch_first=True)
copy_weights(gru_cell, gru)
output_gru, h_n_gru = gru(x)

h = None
steps = []
for t in range(L):
    h = gru_cell(x[:, t], h)
    steps.append(h)
loop_gru = torch.stack(steps, dim=1)

print(f"반복문 출력: {tuple(loop_gru.shape)}  (N, L, H_out)")
print("반복문 결과와 nn.GRU output이 같은가:", torch.allclose(loop_gru, output_gru))
print("마지막 h와 h_n[0]이 같은가:", torch.allclose(h, h_n_gru[0]))
assert loop_gru.shape == output_gru.shape == (N, L, H_out)
assert torch.allclose(loop_gru, output_gru)
assert torch.allclose(h, h_n_gru[0])

# %%
# 아래 그림은 배치의 첫 번째 시퀀스에 대해 두 계산을 겹쳐 그린 것입니다. 선은 전체 모듈의
# ``output``, 동그라미는 셀 반복문의 결과이고, 은닉 유닛마다 색이 하나입니다. 모든 동그라미가
# 제 선 위에 놓입니다.
import matplotlib.pyplot as plt

pairs = (
    ("RNN", output, loop_output),
    ("LSTM", output_lstm, loop_lstm),
    ("GRU", output_gru, loop_gru),
)
fig, axes = plt.subplots(1, 3, figsize=(8, 3.5), sharey=True, layout="constrained")
for ax, (name, full, loop) in zip(axes, pairs, strict=True):
    ax.set_prop_cycle(color=plt.cm.tab10.colors[:H_out])
    ax.plot(full[0].detach().numpy(), lw=1.5)
    ax.set_prop_cycle(color=plt.cm.tab10.colors[:H_out])
    ax.plot(loop[0].detach().numpy(), "o", ms=7, mfc="none")
    ax.set_title(f"nn.{name}: 선\n{name}Cell 반복: 원")
    ax.set_xlabel("타임 스텝 (L)")
    ax.set_xticks(range(L))
axes[0].set_ylabel("output[0]: 은닉 유닛마다 선 하나")
plt.show()

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNNCell
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNNCell.html>`_,
#   `torch.nn.LSTMCell <https://pytorch.org/docs/stable/generated/torch.nn.LSTMCell.html>`_,
#   `torch.nn.GRUCell <https://pytorch.org/docs/stable/generated/torch.nn.GRUCell.html>`_.
# - :ref:`example-parameter-shapes`\ 에서는 레이어를 더 쌓고 양방향으로 만든 전체 모듈의
#   가중치를 모두 살펴봅니다.
# - 전체 모듈의 입력과 출력은 :ref:`example-lstm`\ 과 :ref:`example-gru`\ 에서 다룹니다.
# - ``nn.RNNCell``\ 을 `모양 계산기 <../calculator.html?mode=RNNCell&input_size=4&hidden_size=6
#   &batch=3>`__\ 에서 확인해 보십시오. ``mode``\ 를 LSTMCell이나 GRUCell로 바꾸면 나머지 두 셀도 볼
#   수 있습니다.
