r"""
.. _example-lstm-proj-size:

``proj_size``\ 를 쓴 LSTM: ``h``\ 는 ``P``, ``c``\ 는 ``hidden_size``
======================================================================

``nn.LSTM(..., proj_size=P)``\ 는 타임 스텝(time step)마다 은닉 상태(hidden state)에 학습되는
행렬을 곱해 크기를 ``hidden_size``\ 에서 ``P``\ 로 줄입니다. 이것이 투영(projection)입니다.
``h``\ 로 만들어지는 것은 모두 함께 줄어듭니다. ``output``\ 과 ``h_n``, 그리고 직접 넘기는
``h_0``\ 도 마찬가지입니다. 셀 상태(cell state)는 투영을 거치지 않으므로 ``c_n``\ 은
``hidden_size``\ 를 유지합니다. PyTorch 문서의 ``H_out``\ (여기서는 ``P``)과
``H_cell``\ (``hidden_size``)이 서로 달라지는 설정은 이것 하나뿐입니다.

크기는 모두 다르게 잡습니다. ``N``\ 은 배치 크기, ``L``\ 은 시퀀스 길이, ``H_in``\ 은 입력 특성
수, ``H_cell``\ 은 ``hidden_size``, ``P``\ 는 ``proj_size``\ 입니다.
"""

# %%
# 투영을 쓸 때의 모양
# -------------------
# oneDNN이 들어 있는 CPU 빌드에서는 투영을 쓰는 LSTM의 첫 순전파(forward pass)에서 경고가
# 한 번(프로세스당 한 번) 나옵니다. oneDNN에는 투영용 커널이 없어서 PyTorch 기본 구현을
# 쓴다는 내용입니다. 속도에 관한 경고이고 모양(shape)과는 상관이 없습니다. 여기서는 경고를
# 기록해 두었다가 PyTorch가 낸 문구 그대로 출력합니다.
import warnings

import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_cell, P = 3, 5, 4, 8, 6
D, num_layers = 1, 1

lstm = nn.LSTM(input_size=H_in, hidden_size=H_cell, proj_size=P, batch_first=True)
x = torch.randn(N, L, H_in)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    output, (h_n, c_n) = lstm(x)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

print(lstm)
print(f"output: {tuple(output.shape)}  (N, L, D * P)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, P)")
print(f"c_n:    {tuple(c_n.shape)}  (D * num_layers, N, H_cell)")
assert lstm.proj_size == P
assert lstm.hidden_size == H_cell
assert output.shape == (N, L, D * P)
assert h_n.shape == (D * num_layers, N, P)
assert c_n.shape == (D * num_layers, N, H_cell)

# %%
# ``output``\ 은 여전히 마지막 레이어의 ``h``\ 를 타임 스텝마다 담고 있고, 이제 그 너비가
# ``P``\ 입니다. 그러니 마지막 타임 스텝은 여전히 ``h_n[-1]``\ 과 같습니다.
print("output[:, -1]과 h_n[-1]이 같은가:", torch.equal(output[:, -1], h_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])

# %%
# 매개변수: ``weight_hr_l0``\ 과 좁아진 ``weight_hh_l0``
# --------------------------------------------------------
# 투영이 없는 같은 크기의 LSTM과 비교해 봅니다. 투영을 쓰면 모양이 ``(P, hidden_size)``\ 인
# ``weight_hr_l0``\ 이 추가됩니다. 또 순환 가중치가 이제 *투영된* 이전 ``h``\ 에 곱해지므로
# ``weight_hh_l0``\ 은 ``(4 * hidden_size, P)``\ 가 됩니다. 행은 여전히 ``hidden_size``\ 개씩인
# 게이트 블록 네 개입니다. 게이트는 크기가 그대로인 셀 상태에 작용하기 때문입니다.
plain = nn.LSTM(input_size=H_in, hidden_size=H_cell, batch_first=True)
plain_shapes = {name: tuple(p.shape) for name, p in plain.named_parameters()}
proj_shapes = {name: tuple(p.shape) for name, p in lstm.named_parameters()}

print(f"{'매개변수':<10} {'투영 없음':<10} proj_size=P")
for name, shape in proj_shapes.items():
    print(f"{name:<14} {plain_shapes.get(name, '-')!s:<14} {shape}")

assert set(proj_shapes) - set(plain_shapes) == {"weight_hr_l0"}
assert lstm.weight_hr_l0.shape == (P, H_cell)
assert lstm.weight_hh_l0.shape == (4 * H_cell, P)
assert plain.weight_hh_l0.shape == (4 * H_cell, H_cell)
assert lstm.weight_ih_l0.shape == plain.weight_ih_l0.shape == (4 * H_cell, H_in)

# %%
# ``h_0``\ 의 너비는 ``P``, ``c_0``\ 의 너비는 ``hidden_size``
# --------------------------------------------------------------
# 초기 상태도 똑같이 나뉩니다. ``h_0``\ 은 ``(D * num_layers, N, P)``, ``c_0``\ 은
# ``(D * num_layers, N, H_cell)``\ 입니다.
h_0 = torch.zeros(D * num_layers, N, P)
c_0 = torch.zeros(D * num_layers, N, H_cell)
output_0, (h_n_0, c_n_0) = lstm(x, (h_0, c_0))
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, P)")
print(f"c_0: {tuple(c_0.shape)}  (D * num_layers, N, H_cell)")
print("0을 넘긴 결과가 기본값과 같은가:", torch.equal(output_0, output))
assert h_0.shape == (D * num_layers, N, P)
assert c_0.shape == (D * num_layers, N, H_cell)
assert torch.equal(output_0, output)

# %%
# 투영이 없을 때처럼 ``h_0``\ 을 ``hidden_size``\ 에 맞추면 오류가 납니다. 메시지의
# ``hidden[0]``\ 은 튜플의 첫 번째 원소, 곧 ``h_0``\ 을 가리킵니다.
h_0_wrong = torch.zeros(D * num_layers, N, H_cell)
try:
    lstm(x, (h_0_wrong, c_0))
except RuntimeError as err:  # h_0의 마지막 축은 hidden_size가 아니라 P여야 함
    message = str(err)
else:
    raise AssertionError("torch가 proj_size가 아니라 hidden_size에 맞춘 h_0을 받았습니다")
print(f"RuntimeError: {message}")
assert message.startswith("Expected hidden[0] size")

# %%
# ``proj_size``\ 는 ``hidden_size``\ 보다 작아야 합니다
# -------------------------------------------------------
# 상태를 줄이지 않는 투영은 모듈을 만들 때 바로 오류가 납니다. ``proj_size=hidden_size``\ 일 때도,
# 그보다 클 때도 마찬가지입니다. (기본값 ``proj_size=0``\ 은 투영을 쓰지 않는다는 뜻입니다.)
for proj_size in (H_cell, H_cell + 2):
    try:
        nn.LSTM(input_size=H_in, hidden_size=H_cell, proj_size=proj_size)
    except ValueError as err:  # 모듈을 만들 때 바로 오류
        message = str(err)
    else:
        raise AssertionError(f"torch가 proj_size={proj_size} >= hidden_size인 LSTM을 만들었습니다")
    print(f"proj_size={proj_size}, hidden_size={H_cell} -> ValueError: {message}")
    assert message == "proj_size has to be smaller than hidden_size"

# %%
# 양방향: ``output``\ 의 마지막 축은 ``D * P``
# ---------------------------------------------
# ``bidirectional=True``\ (``D``\ 는 2)이면 방향마다 자기 ``h``\ 를 ``P``\ 로 투영하고,
# ``output``\ 은 두 방향의 결과를 이어 붙입니다.
D_bi = 2
bi = nn.LSTM(
    input_size=H_in,
    hidden_size=H_cell,
    proj_size=P,
    batch_first=True,
    bidirectional=True,
)
output_bi, (h_n_bi, c_n_bi) = bi(x)
print(f"output: {tuple(output_bi.shape)}  (N, L, D * P)")
print(f"h_n:    {tuple(h_n_bi.shape)}  (D * num_layers, N, P)")
print(f"c_n:    {tuple(c_n_bi.shape)}  (D * num_layers, N, H_cell)")
assert output_bi.shape == (N, L, D_bi * P)
assert h_n_bi.shape == (D_bi * num_layers, N, P)
assert c_n_bi.shape == (D_bi * num_layers, N, H_cell)

# %%
# 두 너비를 그림으로
# ------------------
# 단방향 LSTM의 마지막 상태를 시퀀스마다 한 줄씩, 실제 비율대로 그렸습니다. ``h_n``\ 의
# 너비는 ``P``, ``c_n``\ 의 너비는 ``hidden_size``\ 입니다.
import matplotlib.pyplot as plt

fig, (ax_h, ax_c) = plt.subplots(
    1, 2, figsize=(8, 3), gridspec_kw={"width_ratios": [P, H_cell]}, layout="constrained"
)
vmax = float(c_n.detach().abs().max())
panels = ((ax_h, h_n, "h_n", "P (proj_size)"), (ax_c, c_n, "c_n", "H_cell (hidden_size)"))
for ax, state, name, xlabel in panels:
    image = ax.imshow(state[-1].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax)
    ax.set_title(f"{name}[-1]: {tuple(state[-1].shape)}\n마지막 레이어, 시퀀스마다 한 행")
    ax.set_xlabel(xlabel)
    ax.set_yticks(range(N), [f"시퀀스 {n}" for n in range(N)])
fig.colorbar(image, ax=(ax_h, ax_c), shrink=0.8)
plt.show()

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_. ``proj_size`` 설명이
#   투영을 쓰는 LSTM을 다룬 논문 `arXiv:1402.1128 <https://arxiv.org/abs/1402.1128>`_\ 을
#   안내합니다.
# - :ref:`example-lstm`: 투영이 없어서 ``c_n``\ 과 ``h_n``\ 의 모양이 같은 LSTM.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=LSTM&input_size=4&hidden_size=8&batch_first=1
#   &proj_size=6&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. ``h_n``\ 과 ``c_n``\ 의 폭이 다르게
#   나오고, 매개변수 목록에 ``weight_hr_l0``\ 도 보입니다.
