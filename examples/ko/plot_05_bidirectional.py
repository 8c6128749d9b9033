r"""
.. _example-bidirectional:

양방향 RNN: 방향 둘, 절반 둘
============================

``bidirectional=True``\ 이면 모든 레이어를 두 번 실행합니다. 한 번은 시간 순서대로 정방향(forward
direction)으로, 한 번은 거꾸로 역방향(backward direction)으로 실행하며, 가중치도 따로
있습니다. 이때 ``D``\ 는 2가 되고, 두 곳에 드러납니다. ``output``\ 의 마지막 축은
``D * H_out``\ 으로, 정방향과 역방향의 은닉 상태(hidden state)를 나란히 붙인 것입니다.
``h_n``\ 은 ``(D * num_layers, N, H_out)``\ 으로, 레이어와 방향의 조합마다 한 행씩 있습니다.

이 예제는 두 텐서에서 각 방향의 마지막 상태를 찾아보고, 그것으로 시퀀스 하나를 대표하는 특성
벡터를 흔히 쓰는 방식대로 만들어 봅니다.
"""

# %%
# ``D = 2``\ 일 때의 모양
# ------------------------
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # 배치 크기, 시퀀스 길이, 입력 특성 수, 은닉 상태 크기
num_layers, D = 2, 2  # 레이어 둘, 방향 둘

rnn = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    bidirectional=True,
    batch_first=True,
)
x = torch.randn(N, L, H_in)
output, h_n = rnn(x)

print(f"x:      {tuple(x.shape)}  (N, L, H_in)")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)

# %%
# ``h_n``\ 의 축 구성
# --------------------
# ``h_n``\ 의 첫 번째 축은 레이어 순서로 나열되고, 한 레이어 안에서는 정방향이 먼저입니다.
# 즉 0번 레이어 정방향, 0번 레이어 역방향, 1번 레이어 정방향, 1번 레이어 역방향 순서입니다.
# ``view``\ 로 이 축을 두 부분으로 나눌 수 있습니다.
h_n_split = h_n.view(num_layers, D, N, H_out)
print(f"h_n.view(num_layers, D, N, H_out): {tuple(h_n_split.shape)}")
assert h_n_split.shape == (num_layers, D, N, H_out)

forward_last_layer = h_n_split[-1, 0]  # 마지막 레이어, 정방향
backward_last_layer = h_n_split[-1, 1]  # 마지막 레이어, 역방향
print(f"h_n_split[-1, 0]: {tuple(forward_last_layer.shape)}  (N, H_out), 정방향")
print(f"h_n_split[-1, 1]: {tuple(backward_last_layer.shape)}  (N, H_out), 역방향")
assert forward_last_layer.shape == backward_last_layer.shape == (N, H_out)
print("h_n_split[-1, 0]과 h_n[-2]가 같은가:", torch.equal(forward_last_layer, h_n[-2]))
print("h_n_split[-1, 1]과 h_n[-1]이 같은가:", torch.equal(backward_last_layer, h_n[-1]))
assert torch.equal(forward_last_layer, h_n[-2])
assert torch.equal(backward_last_layer, h_n[-1])

# %%
# ``output``\ 의 두 절반
# ----------------------
# ``output[..., :H_out]``\ 은 마지막 레이어의 정방향, ``output[..., H_out:]``\ 은 역방향이며,
# 둘 다 모든 타임 스텝을 담습니다. 두 방향은 *끝나는* 곳이 다릅니다. 정방향은 마지막 타임
# 스텝에서 끝나고, 역방향은 시퀀스를 끝에서부터 읽으므로 첫 번째 타임 스텝에서 끝납니다.
forward_half = output[:, :, :H_out]
backward_half = output[:, :, H_out:]
print(f"정방향 절반: {tuple(forward_half.shape)}  (N, L, H_out)")
print(f"역방향 절반: {tuple(backward_half.shape)}  (N, L, H_out)")
assert forward_half.shape == backward_half.shape == (N, L, H_out)

forward_final = torch.equal(output[:, -1, :H_out], h_n[-2])
backward_final = torch.equal(output[:, 0, H_out:], h_n[-1])
print("output[:, -1, :H_out]과 h_n[-2]가 같은가 (정방향, 마지막 스텝):", forward_final)
print("output[:, 0, H_out:]과 h_n[-1]이 같은가 (역방향, 첫 스텝):", backward_final)
assert forward_final
assert backward_final

# %%
# 양방향 레이어의 "마지막 상태"로 ``output[:, -1]``\ 을 쓰는 실수가 흔합니다. 그 역방향 절반은
# 마지막 타임 스텝 하나만 본 상태입니다.
slip = torch.equal(output[:, -1, H_out:], h_n[-1])
print("output[:, -1, H_out:]과 h_n[-1]이 같은가:", slip)
assert not slip

# %%
# 그림은 첫 번째 시퀀스의 ``output[0]``\ 을 두 절반이 나란히 보이도록 그린 것입니다. 테두리를
# 친 행이 두 마지막 상태입니다. 정방향은 왼쪽 절반의 맨 아래, 역방향은 오른쪽 절반의 맨
# 위에 있습니다. 화살표는 각 절반이 시퀀스를 읽는 방향입니다.
import matplotlib.pyplot as plt

fig, (ax_out, ax_h) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [2, 1]}, layout="constrained"
)
vmax = float(output.detach().abs().max())
ax_out.imshow(output[0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_out.axvline(H_out - 0.5, color="black", lw=2)
ax_out.set_title(f"output[0]: {tuple(output[0].shape)}\n정방향 절반 | 역방향 절반")
ax_out.set_xlabel("D * H_out: 정방향 유닛 다음에 역방향 유닛")
ax_out.set_ylabel("타임 스텝 (L)")
ax_out.set_yticks(range(L))
ax_out.add_patch(plt.Rectangle((-0.5, L - 1.5), H_out, 1, fill=False, lw=3, ec="black"))
ax_out.add_patch(plt.Rectangle((H_out - 0.5, -0.5), H_out, 1, fill=False, lw=3, ec="black"))
arrow = {"arrowstyle": "->", "lw": 2, "color": "black"}
ax_out.annotate("", xy=(H_out / 2 - 0.5, L - 1.6), xytext=(H_out / 2 - 0.5, 0), arrowprops=arrow)
ax_out.annotate(
    "", xy=(1.5 * H_out - 0.5, 0.6), xytext=(1.5 * H_out - 0.5, L - 1), arrowprops=arrow
)

ax_h.imshow(h_n[:, 0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_h.set_title(f"h_n[:, 0]: {tuple(h_n[:, 0].shape)}\n레이어 x 방향")
ax_h.set_xlabel("은닉 유닛 (H_out)")
row_names = [
    f"h_n[{D * k + d}]\n레이어 {k} {'정방향' if d == 0 else '역방향'}"
    for k in range(num_layers)
    for d in range(D)
]
ax_h.set_yticks(range(D * num_layers), row_names)
for row in (D * num_layers - 2, D * num_layers - 1):
    ax_h.add_patch(plt.Rectangle((-0.5, row - 0.5), H_out, 1, fill=False, lw=3, ec="black"))
plt.show()

# %%
# 시퀀스마다 특성 벡터 하나
# -------------------------
# 시퀀스마다 레이블 하나를 예측하는 다대일(many-to-one) 작업에서는 흔히 마지막 레이어의 두
# 마지막 상태를 이어 붙여 특성으로 씁니다. ``torch.cat((h_n[-2], h_n[-1]), dim=1)``\ 입니다.
# ``output``\ 에서도 각 절반을 그 방향이 끝난 타임 스텝에서 꺼내면 같은 벡터를 얻습니다.
feature = torch.cat((h_n[-2], h_n[-1]), dim=1)
from_output = torch.cat((output[:, -1, :H_out], output[:, 0, H_out:]), dim=1)
print(f"특성 벡터: {tuple(feature.shape)}  (N, 2 * H_out)")
print("output에서 꺼낸 벡터와 같은가:", torch.equal(feature, from_output))
assert feature.shape == (N, 2 * H_out)
assert torch.equal(feature, from_output)

# %%
# 그다음은 ``Linear(2 * H_out, ...)`` 헤드가 이어받습니다. 여러 레이어를 쌓은 양방향 RNN에서
# 첫 레이어보다 위의 레이어는 아래 레이어의 두 방향을 모두 받으므로 특성 ``D * H_out``\ 개를
# 읽습니다.
print(f"weight_ih_l1: {tuple(rnn.weight_ih_l1.shape)}  (H_out, D * H_out)")
print(f"weight_ih_l1_reverse: {tuple(rnn.weight_ih_l1_reverse.shape)}  (H_out, D * H_out)")
assert rnn.weight_ih_l1.shape == rnn.weight_ih_l1_reverse.shape == (H_out, D * H_out)

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_\ 에 ``bidirectional``
#   설명이 있습니다. ``_reverse`` 가중치는 `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_ 페이지의 "Variables"
#   절에만 나오며, ``nn.RNN``\ 과 ``nn.GRU``\ 도 같은 규칙으로 이름을 붙입니다.
# - ``num_layers``\ 만 따로 다룬 예제: :ref:`example-stacked-layers`.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6&num_layers=2
#   &batch_first=1&bidirectional=1&batch=3&seq_len=5>`__\ 에서 바꿔 가며 확인해 보십시오. 텐서 아래에
#   ``_reverse`` 가중치도 함께 나옵니다.
