r"""
.. _example-gru:

GRU: 게이트는 LSTM처럼, 모양은 RNN처럼
======================================

``nn.GRU``\ 는 게이트(gate)가 있는 순환 레이어지만 ``nn.LSTM``\ 과 달리 상태를 하나만, 곧 은닉
상태(hidden state)만 넘겨 줍니다. 그래서 순전파(forward pass)는 ``nn.RNN``\ 과 똑같이
``output, h_n``\ 을 돌려주고, 생성자 인자가 같으면 모든 모양(shape)이 ``nn.RNN``\ 과
일치합니다. 게이트가 드러나는 곳은 매개변수뿐입니다. ``nn.RNN``\ 에서 ``H_out``\ 행짜리 블록이
하나인 자리에 GRU는 블록이 세 개 있습니다.

크기는 모두 다르게 잡습니다. ``N``\ 은 배치 크기, ``L``\ 은 시퀀스 길이, ``H_in``\ 은 입력 특성
수, ``H_out``\ 은 은닉 상태 크기입니다.
"""

# %%
# ``output, h_n``: 셀 상태가 없습니다
# -------------------------------------
# 셀 상태(cell state)가 없으므로 ``h_n``\ 은 튜플이 아니라 텐서 하나입니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
D, num_layers = 1, 1

gru = nn.GRU(input_size=H_in, hidden_size=H_out, batch_first=True)
x = torch.randn(N, L, H_in)
output, h_n = gru(x)

print(gru)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print("h_n은 튜플이 아니라 텐서인가:", isinstance(h_n, torch.Tensor))
print("output[:, -1]과 h_n[-1]이 같은가:", torch.equal(output[:, -1], h_n[-1]))
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert torch.equal(output[:, -1], h_n[-1])

# %%
# 설정마다 ``nn.RNN``\ 과 같은 모양
# ------------------------------------
# 같은 인자로 ``nn.RNN``\ 과 ``nn.GRU``\ 를 만들고 같은 입력을 넣어 비교합니다. 입력의 축 순서는
# ``batch_first``\ 를 따르지만 ``h_n``\ 의 축 순서는 언제나 같습니다. 표에는 GRU의 모양을 찍고,
# ``nn.RNN``\ 의 모양이 같다는 것은 ``assert``\ 로 확인합니다.
configs = [
    {"num_layers": 1, "bidirectional": False, "batch_first": True},
    {"num_layers": 2, "bidirectional": False, "batch_first": True},
    {"num_layers": 1, "bidirectional": True, "batch_first": True},
    {"num_layers": 2, "bidirectional": True, "batch_first": False},
]
print(f"{'num_layers':<11}{'bidirectional':<14}{'batch_first':<12}{'output':<12}h_n")
for config in configs:
    layers, D_k = config["num_layers"], 2 if config["bidirectional"] else 1
    x_k = torch.randn(N, L, H_in) if config["batch_first"] else torch.randn(L, N, H_in)
    out_rnn, h_rnn = nn.RNN(input_size=H_in, hidden_size=H_out, **config)(x_k)
    out_gru, h_gru = nn.GRU(input_size=H_in, hidden_size=H_out, **config)(x_k)

    flags = f"{layers:<11}{config['bidirectional']!s:<14}{config['batch_first']!s:<12}"
    print(f"{flags}{tuple(out_gru.shape)!s:<12}{tuple(h_gru.shape)}")
    assert out_gru.shape == out_rnn.shape
    assert h_gru.shape == h_rnn.shape
    if config["batch_first"]:
        assert out_gru.shape == (N, L, D_k * H_out)
    else:
        assert out_gru.shape == (L, N, D_k * H_out)
    assert h_gru.shape == (D_k * layers, N, H_out)

# %%
# 가중치 안의 게이트 블록 세 개
# ------------------------------
# 게이트는 매개변수 안에 있습니다. ``weight_ih_l0``\ 은 ``H_out``\ 행짜리 블록 세 개를
# PyTorch가 정한 순서대로 쌓은 것입니다. 순서는 리셋 게이트 ``r``, 업데이트 게이트 ``z``, 새
# 후보 상태 ``n``\ 입니다. ``weight_hh_l0``\ 과 두 편향(bias)도 마찬가지입니다. ``nn.RNN``\ 은
# 블록이 하나, ``nn.LSTM``\ 은 네 개입니다.
print(f"weight_ih_l0: {tuple(gru.weight_ih_l0.shape)}  (3 * H_out, H_in)")
print(f"weight_hh_l0: {tuple(gru.weight_hh_l0.shape)}  (3 * H_out, H_out)")
W_ir, W_iz, W_in = gru.weight_ih_l0.chunk(3, dim=0)
for gate, block in (("reset r", W_ir), ("update z", W_iz), ("new n", W_in)):
    print(f"  {gate:<9} 블록: {tuple(block.shape)}  (H_out, H_in)")
    assert block.shape == (H_out, H_in)
assert gru.weight_ih_l0.shape == (3 * H_out, H_in)
assert gru.weight_hh_l0.shape == (3 * H_out, H_out)
assert gru.bias_ih_l0.shape == (3 * H_out,)

for module, blocks in ((nn.RNN, 1), (nn.GRU, 3), (nn.LSTM, 4)):
    shape = tuple(module(input_size=H_in, hidden_size=H_out).weight_ih_l0.shape)
    print(f"nn.{module.__name__:<5} weight_ih_l0: {shape}  ({blocks} * H_out, H_in)")
    assert shape == (blocks * H_out, H_in)

# %%
# 아래 그림은 ``weight_ih_l0``\ 자체를 그린 것입니다. 블록 세 개가 나란히 보이도록 전치해서
# 그렸습니다.
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
weight = gru.weight_ih_l0.detach()
vmax = float(weight.abs().max())
image = ax.imshow(weight.T.numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
for k in (1, 2):
    ax.axvline(k * H_out - 0.5, color="black", lw=2)
above = ax.get_xaxis_transform()  # x는 데이터 좌표, y는 축 좌표
for k, gate in enumerate(("리셋 r", "업데이트 z", "새 상태 n")):
    ax.text((k + 0.5) * H_out - 0.5, 1.02, gate, ha="center", transform=above)
ax.set_yticks(range(H_in))
ax.set_title(f"weight_ih_l0의 전치: {tuple(weight.T.shape)}", pad=24)
ax.set_xlabel("weight_ih_l0의 행 (3 * H_out)")
ax.set_ylabel("입력 특성 (H_in)")
fig.colorbar(image, ax=ax, shrink=0.8)
plt.show()

# %%
# 한 스텝을 손으로 계산하기: 리셋 게이트가 작용하는 자리
# ------------------------------------------------------
# PyTorch는 ``r``\ 을 은닉→은닉 곱과 그 편향을 더한 *뒤에* 곱합니다. 공식 문서의 수식대로
# ``n = tanh(W_in x + b_in + r * (W_hn h + b_hn))``\ 입니다. 원래 GRU 논문은 ``W_hn (r * h)``\ 처럼
# 곱하기 *전에* 적용합니다. 타임 스텝 하나를 두 방식으로 계산해 모듈의 결과와 비교합니다.
x_0, h_prev = x[:, 0], torch.randn(N, H_out)
W_hr, W_hz, W_hn = gru.weight_hh_l0.chunk(3, dim=0)
b_ir, b_iz, b_in = gru.bias_ih_l0.chunk(3)
b_hr, b_hz, b_hn = gru.bias_hh_l0.chunk(3)
r = torch.sigmoid(x_0 @ W_ir.T + b_ir + h_prev @ W_hr.T + b_hr)
z = torch.sigmoid(x_0 @ W_iz.T + b_iz + h_prev @ W_hz.T + b_hz)
n_after = torch.tanh(x_0 @ W_in.T + b_in + r * (h_prev @ W_hn.T + b_hn))
n_before = torch.tanh(x_0 @ W_in.T + b_in + (r * h_prev) @ W_hn.T + b_hn)
_, h_1 = gru(x[:, :1], h_prev.unsqueeze(0))
after = torch.allclose((1 - z) * n_after + z * h_prev, h_1[0], atol=1e-6)
before = torch.allclose((1 - z) * n_before + z * h_prev, h_1[0], atol=1e-6)
print("r * (W_hn h + b_hn)이 GRU의 h_1과 같은가:", after)
print("W_hn (r * h) + b_hn이 GRU의 h_1과 같은가:", before)
assert after
assert not before

# %%
# GRU의 결과는 튜플 ``(h, c)``\ 가 아닙니다
# -------------------------------------------
# LSTM 코드를 옮겨 오다 보면 ``output, (h_n, c_n) = gru(x)``\ 처럼 풀어 쓰기 쉽습니다. 그러면
# 파이썬은 텐서 ``h_n``\ 을 첫 번째 축 ``D * num_layers``\ 를 따라 풉니다. 레이어가 하나면
# 값이 모자라서, 셋이면 남아서 실패합니다. 그런데 레이어가 둘이거나 양방향(bidirectional)
# 레이어가 하나면 아무 오류 없이 *성공해 버립니다*.
for layers, bidirectional in ((1, False), (2, False), (3, False), (1, True)):
    gru_k = nn.GRU(
        input_size=H_in,
        hidden_size=H_out,
        num_layers=layers,
        bidirectional=bidirectional,
        batch_first=True,
    )
    label = f"num_layers={layers}, bidirectional={bidirectional}"
    rows = (2 if bidirectional else 1) * layers  # D * num_layers
    try:
        output_k, (h_wrong, c_wrong) = gru_k(x)
    except ValueError as err:  # torch가 아니라 Python의 오류: 행 1개나 3개를 이름 둘에 풀 수 없음
        message = str(err)
        print(f"{label}: ValueError: {message}")
        assert rows != 2, "unpacking two rows into two names must succeed"
    else:
        message = ""
        unpacked = f"'h_n' {tuple(h_wrong.shape)}, 'c_n' {tuple(c_wrong.shape)}"
        print(f"{label}: 오류 없음, {unpacked}")
        assert rows == 2, f"unpacking {rows} rows into two names raised no ValueError"
    assert message == "" or "values to unpack (expected 2" in message

# %%
# 이렇게 얻은 "셀 상태"는 셀 상태가 전혀 아닙니다. 레이어가 둘이면 ``h_wrong``\ 은 0번 레이어의
# 마지막 은닉 상태, ``c_wrong``\ 은 1번 레이어의 마지막 은닉 상태이고, 둘 다 레이어 축이
# 사라진 ``(N, H_out)``\ 입니다. (양방향 레이어 하나라면 두 방향의 상태입니다.) GRU는 RNN처럼
# ``output, h_n = gru(x)``\ 로 받으십시오.
gru2 = nn.GRU(input_size=H_in, hidden_size=H_out, num_layers=2, batch_first=True)
output2, (h_wrong, c_wrong) = gru2(x)
_, h_n2 = gru2(x)
print("'h_n'이 h_n[0]인가:", torch.equal(h_wrong, h_n2[0]))
print("'c_n'이 h_n[1]인가:", torch.equal(c_wrong, h_n2[1]))
assert torch.equal(h_wrong, h_n2[0])
assert torch.equal(c_wrong, h_n2[1])
assert c_wrong.shape == (N, H_out)

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.GRU
#   <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_\ (게이트 수식과
#   ``(W_ir|W_iz|W_in)`` 블록 순서)와 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_.
# - :ref:`example-lstm`: 실제로 ``(h_n, c_n)``\ 을 돌려주는 레이어.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=GRU&input_size=4&hidden_size=6&batch_first=1
#   &batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 거기서 ``mode``\ 를 RNN이나 LSTM으로 바꿔 보면
#   텐서가 하나(``c_n``) 늘어나는 것은 LSTM뿐이고, 가중치의 행 수는 게이트 블록 수를 따릅니다.
