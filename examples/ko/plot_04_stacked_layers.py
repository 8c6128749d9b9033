r"""
.. _example-stacked-layers:

여러 레이어 쌓기: ``num_layers``
================================

``num_layers=3``\ 이면 순환 레이어 세 개를 쌓습니다(stacked). 첫 레이어는 입력을 읽고,
나머지 레이어는 바로 아래 레이어가 내놓은 은닉 상태(hidden state)의 시퀀스를 읽습니다. 두
반환값은 이 쌓인 구조의 서로 다른 부분을 담습니다. ``h_n``\ 은 *모든* 레이어의 마지막 은닉
상태를 레이어마다 한 행씩 담고, ``output``\ 은 *마지막* 레이어의 *모든* 타임 스텝만 담습니다.

그 이상의 비밀은 없다는 것을 보이기 위해, 같은 가중치를 넣은 단층 RNN 세 개로 이 구조를 다시
만들어 정확히 같은 값을 얻어 봅니다.
"""

# %%
# 레이어 세 개, 호출 한 번
# -------------------------
# 배치에는 시퀀스를 두 개만 넣습니다. 그래야 출력된 모양(shape)에서 레이어 수(셋)를 ``N``\ 으로
# 착각하지 않습니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 2, 5, 4, 6  # 배치 크기, 시퀀스 길이, 입력 특성 수, 은닉 상태 크기
num_layers, D = 3, 1

stacked = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
x = torch.randn(N, L, H_in)
output, h_n = stacked(x)

print(f"x:      {tuple(x.shape)}  (N, L, H_in)")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out), 마지막 레이어만")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out), 레이어마다 한 행")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)

# %%
# ``num_layers``\ 를 늘려도 ``output``\ 은 커지지 않고 ``h_n``\ 만 커집니다. 둘은 마지막 레이어의
# 마지막 타임 스텝, 한 곳에서 만납니다.
print("output[:, -1]과 h_n[-1]이 같은가:", torch.equal(output[:, -1], h_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])

# %%
# 레이어마다 가중치가 따로 있습니다
# ---------------------------------
# ``k``\ 번째 레이어는 ``weight_ih_l{k}``, ``weight_hh_l{k}``, ``bias_ih_l{k}``,
# ``bias_hh_l{k}``\ 를 가집니다. 입력을 읽는 것은 0번 레이어뿐이므로 열 수가 ``H_in``\ 인
# 가중치는 ``weight_ih_l0``\ 하나입니다. 그 위의 레이어들은 아래 레이어에서 특성
# ``D * H_out``\ 개를 읽습니다.
for name, param in stacked.named_parameters():
    print(f"{name:14s} {tuple(param.shape)}")
assert stacked.weight_ih_l0.shape == (H_out, H_in)
for k in range(1, num_layers):
    assert getattr(stacked, f"weight_ih_l{k}").shape == (H_out, D * H_out)
for k in range(num_layers):
    assert getattr(stacked, f"weight_hh_l{k}").shape == (H_out, H_out)
    assert getattr(stacked, f"bias_ih_l{k}").shape == getattr(stacked, f"bias_hh_l{k}").shape
    assert getattr(stacked, f"bias_ih_l{k}").shape == (H_out,)

# %%
# 같은 구조를 레이어 하나씩
# -------------------------
# 단층 RNN 세 개에 ``stacked``\ 의 레이어 가중치를 하나씩 복사해 넣고 차례로 통과시킵니다.
# ``k``\ 번째 레이어의 출력 시퀀스가 ``k + 1``\ 번째 레이어의 입력 시퀀스가 됩니다.
layer_inputs = x
layer_outputs, layer_h_n = [], []
for k in range(num_layers):
    single = nn.RNN(
        input_size=layer_inputs.shape[-1],
        hidden_size=H_out,
        batch_first=True,
    )
    with torch.no_grad():
        for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(single, f"{kind}_l0").copy_(getattr(stacked, f"{kind}_l{k}"))
    out_k, h_n_k = single(layer_inputs)
    print(f"레이어 {k}: 입력 {tuple(layer_inputs.shape)} -> 출력 {tuple(out_k.shape)}")
    assert out_k.shape == (N, L, H_out)
    assert h_n_k.shape == (1, N, H_out)  # 레이어 하나, 방향 하나
    layer_outputs.append(out_k)
    layer_h_n.append(h_n_k)
    layer_inputs = out_k  # 다음 레이어는 이 레이어의 출력을 읽음

# %%
# 마지막 단층 RNN의 출력은 쌓은 모듈의 ``output``\ 과 같고, 세 레이어의 마지막 상태를 첫 번째
# 축으로 이어 붙이면 ``h_n``\ 과 비트 하나까지 같습니다.
same_output = torch.equal(layer_outputs[-1], output)
same_h_n = torch.equal(torch.cat(layer_h_n, dim=0), h_n)
print("마지막 레이어의 출력과 stacked의 output이 같은가:", same_output)
print("레이어별 h_n을 torch.cat한 것과 stacked의 h_n이 같은가:", same_h_n)
assert same_output
assert same_h_n

# %%
# 즉 아래 레이어들의 시퀀스는 순전파(forward pass) 도중에는 존재하지만, ``nn.RNN``\ 은 그중
# 마지막 타임 스텝만(``h_n``\ 에 담아) 돌려줍니다. 모든 레이어의 모든 타임 스텝이 필요하다면
# 위처럼 레이어를 하나씩 실행하십시오.
#
# 그림은 배치의 첫 번째 시퀀스에 대해 세 레이어를 각각 ``(L, H_out)``\ 으로 그린 것입니다.
# ``k``\ 번째 레이어에서 테두리를 친 행이 ``h_n[k, 0]``\ 이고, 맨 오른쪽 패널이
# ``output[0]``\ 에 담긴 전부입니다.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, num_layers, figsize=(8, 4), sharey=True, layout="constrained")
vmax = float(max(out.detach().abs().max() for out in layer_outputs))
for k, (ax, out_k) in enumerate(zip(axes, layer_outputs, strict=True)):
    ax.imshow(out_k[0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
    label = "= output[0]" if k == num_layers - 1 else "output에 없음"
    ax.set_title(f"레이어 {k}: {tuple(out_k[0].shape)}\n{label}")
    ax.set_xlabel("은닉 유닛 (H_out)")
    ax.add_patch(plt.Rectangle((-0.5, L - 1.5), H_out, 1, fill=False, lw=2.5, ec="black"))
    ax.text(H_out / 2 - 0.5, L - 1, f"h_n[{k}, 0]", ha="center", va="center", fontsize=9)
axes[0].set_ylabel("타임 스텝 (L)")
axes[0].set_yticks(range(L))
plt.show()

# %%
# 레이어가 둘 이상이면 레이어 사이에 ``dropout``\ 이 적용됩니다(:ref:`example-dropout` 참고).
# ``bidirectional=True``\ 이면 레이어마다 방향이 둘입니다(:ref:`example-bidirectional` 참고).

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_. ``num_layers``\ 와
#   ``weight_ih_l[k]`` 속성 설명이 있습니다.
# - 레이어 두 개짜리 모듈의 ``output``\ 과 ``h_n``\ 을 나란히 그린 그림:
#   :ref:`example-blog-configurations`.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6&num_layers=3
#   &batch_first=1&batch=2&seq_len=5>`__\ 에서 열고 ``num_layers``\ 를 바꿔 보십시오. ``output``\ 의
#   모양은 그대로이고 ``h_n``\ 만 커집니다.
