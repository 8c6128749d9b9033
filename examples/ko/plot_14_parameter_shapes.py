r"""
.. _example-parameter-shapes:

매개변수 모양: RNN, LSTM, GRU의 가중치 전부
===========================================

순환 모듈은 레이어마다, 방향마다 텐서 네 개를 저장합니다. 입력에서 은닉 상태로 가는 가중치,
은닉 상태에서 은닉 상태로 가는 가중치, 그리고 편향 두 개입니다. 이들의 모양(shape)은 규칙
하나를 따르고, 그 규칙에는 모듈마다 다른 게이트 수 ``G``\ 가 들어갑니다. ``nn.RNN``\ 은
``G = 1``, ``nn.LSTM``\ 은 ``G = 4``\ (게이트 i, f, g, o), ``nn.GRU``\ 는 ``G = 3``\ (게이트
r, z, n)이고, 게이트들은 행 방향으로 쌓입니다.

모든 종류의 매개변수가 나오도록 ``num_layers=2``, ``bidirectional=True``\ 로 만듭니다. 기호는
``H_in`` 입력 특성 수, ``H_out`` 은닉 상태 크기, ``D`` 방향 수(여기서는 2)입니다.
"""

# %%
# 레이어 두 개, 방향 두 개인 모듈 세 개
# -------------------------------------
# 세 모듈을 같은 키워드 인자로 만듭니다. 다른 것은 게이트 수뿐입니다.
import re

import torch
from torch import nn

torch.manual_seed(0)

H_in, H_out, num_layers, D = 4, 6, 2, 2
G = {"RNN": 1, "LSTM": 4, "GRU": 3}  # 가중치마다 쌓인 게이트 블록 수
modules = {
    name: getattr(nn, name)(
        input_size=H_in, hidden_size=H_out, num_layers=num_layers, bidirectional=True
    )
    for name in G
}

# %%
# 규칙을 한 번에 정리하기
# -----------------------
# 레이어 ``k``\ 에 대해, 역방향(backward direction)을 뜻하는 ``_reverse`` 접미사가 붙든 안 붙든
# 다음이 성립합니다.
#
# - ``weight_ih_lk``\ 는 0번 레이어에서 ``(G * H_out, H_in)``, 그 위 레이어에서
#   ``(G * H_out, D * H_out)``\ 입니다. 레이어 ``k``\ 는 앞 레이어의 출력, 즉 두 방향을 이어
#   붙인 것을 읽기 때문입니다.
# - ``weight_hh_lk``\ 는 ``(G * H_out, H_out)``\ 입니다. 같은 방향의 은닉 상태(hidden state)를
#   읽습니다.
# - ``bias_ih_lk``\ 와 ``bias_hh_lk``\ 는 ``(G * H_out,)``\ 입니다.
#
# 아래 함수는 매개변수 이름을 받아 기대하는 모양을 돌려주고, 반복문은 세 모듈의 모든
# 매개변수를 이 함수와 대조합니다.
NAME = re.compile(r"(weight|bias)_(ih|hh)_l(\d+)(_reverse)?")


def expected_shape(name, g):
    """게이트가 ``g``개인 모듈에서 매개변수 ``name``이 가져야 할 모양입니다."""
    kind, source, layer, _ = NAME.fullmatch(name).groups()
    if kind == "bias":
        return (g * H_out,), "(G * H_out,)"
    if source == "hh":
        return (g * H_out, H_out), "(G * H_out, H_out)"
    if layer == "0":
        return (g * H_out, H_in), "(G * H_out, H_in)"
    return (g * H_out, D * H_out), "(G * H_out, D * H_out)"


params = {name: dict(module.named_parameters()) for name, module in modules.items()}
names = list(params["RNN"])
print(f"{'parameter':21s} {'RNN, G=1':10s} {'LSTM, G=4':10s} {'GRU, G=3':10s} formula")
for name in names:
    shapes = [tuple(params[m][name].shape) for m in G]
    formula = expected_shape(name, 1)[1]
    print(f"{name:21s} " + " ".join(f"{s!s:10s}" for s in shapes) + f" {formula}")
    for m in G:
        assert params[m][name].shape == expected_shape(name, G[m])[0], (m, name)
assert all(list(params[m]) == names for m in G)
assert len(names) == 4 * num_layers * D

# %%
# 1번 레이어가 ``D * H_out``\ 개 특성을 읽는 이유
# -----------------------------------------------
# 양방향(bidirectional) 레이어는 두 방향의 결과를 이어 붙이므로, 출력이 스텝마다
# ``D * H_out``\ 개의 특성을 가지고, 이것이 다음 레이어의 입력이 됩니다. 1층 모듈을 돌려 보면
# 0번 레이어가 넘겨주는 폭을 확인할 수 있습니다.
L, N = 5, 3
layer0 = nn.GRU(input_size=H_in, hidden_size=H_out, bidirectional=True)
out0, _ = layer0(torch.randn(L, N, H_in))
print(f"0번 레이어 출력:  {tuple(out0.shape)}  (L, N, D * H_out)")
print(f"GRU weight_ih_l1: {tuple(modules['GRU'].weight_ih_l1.shape)}  (G * H_out, D * H_out)")
assert out0.shape == (L, N, D * H_out)
assert out0.shape[-1] == modules["GRU"].weight_ih_l1.shape[1]

# %%
# LSTM의 게이트 블록 네 개
# ------------------------
# LSTM의 ``weight_ih_l0``\ 은 ``(H_out, H_in)`` 행렬 네 개를 위아래로 쌓은 것입니다. 순서는
# 입력 게이트 i, 망각 게이트 f, 셀 후보 g, 출력 게이트 o입니다. ``.chunk(4, dim=0)``\ 으로
# 나눌 수 있고, 편향도 같은 방식으로 나뉩니다.
lstm = modules["LSTM"]
W_ii, W_if, W_ig, W_io = lstm.weight_ih_l0.chunk(4, dim=0)
for gate, W in zip("ifgo", (W_ii, W_if, W_ig, W_io), strict=True):
    print(f"W_i{gate}: {tuple(W.shape)}  (H_out, H_in)")
    assert W.shape == (H_out, H_in)

# %%
# 이 순서는 이 페이지가 정한 관례가 아닙니다. 네 블록으로 LSTM 한 스텝을 손으로 계산하면 모듈의
# 결과와 일치합니다. 0번 레이어의 정방향(forward direction) 가중치를 단방향 1층 LSTM에
# 복사하고, 0이 아닌 ``h_0``\ 과 ``c_0``\ 에서 한 스텝 실행한 뒤(그래야 모든 게이트가 결과에
# 영향을 줍니다), 같은 스텝을 손으로 다시 계산합니다.
one_layer = nn.LSTM(input_size=H_in, hidden_size=H_out)
with torch.no_grad():
    for name, p in one_layer.named_parameters():
        p.copy_(getattr(lstm, name))

x = torch.randn(1, N, H_in)  # 타임 스텝 하나: L = 1인 (L, N, H_in)
h_0, c_0 = torch.randn(1, N, H_out), torch.randn(1, N, H_out)
_, (h_1, c_1) = one_layer(x, (h_0, c_0))

gates = (
    x[0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + h_0[0] @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
)
i, f, g, o = gates.chunk(4, dim=1)  # 각각 (N, H_out)
c_manual = torch.sigmoid(f) * c_0[0] + torch.sigmoid(i) * torch.tanh(g)
h_manual = torch.sigmoid(o) * torch.tanh(c_manual)
print(f"gates: {tuple(gates.shape)}  (N, 4 * H_out)")
print("손으로 계산한 c와 c_1이 같은가:", torch.allclose(c_manual, c_1[0]))
print("손으로 계산한 h와 h_1이 같은가:", torch.allclose(h_manual, h_1[0]))
assert gates.shape == (N, 4 * H_out)
assert torch.allclose(c_manual, c_1[0])
assert torch.allclose(h_manual, h_1[0])

# %%
# GRU도 같은 방식으로 블록 세 개를 쌓습니다. 리셋 게이트 r, 업데이트 게이트 z, 새 후보 n
# 순서입니다.
W_ir, W_iz, W_in = modules["GRU"].weight_ih_l0.chunk(3, dim=0)
print(f"GRU 블록: {[tuple(W.shape) for W in (W_ir, W_iz, W_in)]}  각각 (H_out, H_in)")
assert W_ir.shape == W_iz.shape == W_in.shape == (H_out, H_in)

# %%
# 매개변수 개수
# -------------
# 규칙을 더하면 됩니다. 레이어 ``k``\ 의 방향 하나는 ``G * H_out * (in_k + H_out + 2)``\ 개의
# 숫자를 가지며, ``in_k``\ 는 0번 레이어에서 ``H_in``, 그 위에서는 ``D * H_out``\ 입니다. 크기가
# 같다면 LSTM은 기본 RNN의 네 배, GRU는 세 배의 매개변수를 가집니다.
counts = {}
for module_name, module in modules.items():
    g = G[module_name]
    per_layer = [
        D * g * H_out * ((H_in if k == 0 else D * H_out) + H_out + 2) for k in range(num_layers)
    ]
    total = sum(p.numel() for p in module.parameters())
    counts[module_name] = per_layer
    print(
        f"nn.{module_name:4s} 레이어 0: {per_layer[0]:4d}, 레이어 1: {per_layer[1]:4d}, 총 {total}"
    )
    assert total == sum(per_layer)
assert sum(counts["LSTM"]) == 4 * sum(counts["RNN"])
assert sum(counts["GRU"]) == 3 * sum(counts["RNN"])

# %%
# 그림은 두 결과를 함께 보여 줍니다. 왼쪽은 LSTM의 ``weight_ih_l0``\ 으로, ``H_out``\ 행씩인
# 게이트 블록 네 개가 보입니다. 오른쪽은 모듈별 매개변수 개수를 레이어별로 나눈 것입니다.
import matplotlib.pyplot as plt

fig, (ax_w, ax_n) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [1, 2]}, layout="constrained"
)
W = lstm.weight_ih_l0.detach().numpy()
vmax = abs(W).max()
ax_w.imshow(W, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
for b, gate in enumerate("ifgo"):
    if b:
        ax_w.axhline(b * H_out - 0.5, color="black", lw=2)
    ax_w.text(H_in - 0.4, (b + 0.5) * H_out - 0.5, gate, va="center", fontsize=12)
ax_w.set_title(f"LSTM weight_ih_l0: 게이트 블록 네 개\n{W.shape}: (4 * H_out, H_in)")
ax_w.set_xlabel("입력 특성 (H_in)")
ax_w.set_ylabel("행 (게이트 블록 x H_out)")
ax_w.set_xlim(-0.5, H_in + 0.3)
ax_w.set_xticks(range(H_in))
ax_w.set_yticks([b * H_out for b in range(4)])

module_names = list(counts)
layer0_counts = [counts[m][0] for m in module_names]
layer1_counts = [counts[m][1] for m in module_names]
ax_n.bar(module_names, layer0_counts, label="레이어 0")
ax_n.bar(module_names, layer1_counts, bottom=layer0_counts, label="레이어 1")
for k, m in enumerate(module_names):
    ax_n.text(k, sum(counts[m]), str(sum(counts[m])), ha="center", va="bottom")
ax_n.set_title(f"매개변수 수, num_layers={num_layers}, bidirectional=True")
ax_n.set_ylabel("매개변수 개수")
ax_n.set_ylim(0, 1.3 * max(sum(c) for c in counts.values()))
ax_n.legend(loc="upper left", title="두 방향 합계")
plt.show()

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_, `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_, `torch.nn.GRU
#   <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_. 각 페이지에
#   ``weight_ih_l[k]``\ 와 게이트 수식이 나와 있습니다.
# - :ref:`example-cells`\ 에서는 이 가중치를 셀에 복사해 모듈의 계산을 한 스텝씩 재현합니다.
#   이 모듈들이 돌려주는 모양은 :ref:`example-lstm`\ 과 :ref:`example-gru`\ 에서 다룹니다.
# - 이 예제의 LSTM을 `모양 계산기 <../calculator.html?mode=LSTM&input_size=4&hidden_size=6
#   &num_layers=2&bidirectional=1&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. ``mode``\ 를 RNN이나
#   GRU로 바꾸면 매개변수 목록을 비교할 수 있습니다.
