r"""
.. _example-dropout:

``dropout``: 레이어 사이에서만, 학습 중에만
============================================

``nn.RNN(..., dropout=p)``\ 가 하는 일은 이름에서 기대하는 것보다 적습니다. 드롭아웃(dropout)은
*마지막을 뺀* 각 레이어의 출력 시퀀스가 다음 레이어로 들어갈 때 그 값 일부를 0으로 만들고,
그것도 학습 모드(``rnn.train()``)에서만 동작합니다. 평가 모드(``rnn.eval()``)에서는 아무 일도
하지 않고, 레이어가 하나뿐이면 "사이"라는 것이 아예 없으므로 PyTorch가 경고합니다.

드롭아웃은 값을 바꿀 뿐 모양(shape)은 바꾸지 않습니다. 마스크가 무작위이므로 이 페이지는 값
자체가 아니라 ``True``/``False`` 비교 결과만 출력합니다.
"""

# %%
# ``dropout=0.5``\ 인 2층 RNN
# ----------------------------
import warnings

import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # 배치 크기, 시퀀스 길이, 입력 특성 수, 은닉 상태 크기
num_layers, D = 2, 1
p = 0.5  # 드롭아웃 확률

rnn = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    dropout=p,
    batch_first=True,
)
x = torch.randn(N, L, H_in)
print(rnn)

# %%
# ``eval()``: 드롭아웃이 꺼집니다
# -------------------------------
# 평가 모드에서는 두 번 호출해도 결과가 똑같고, ``dropout`` 없이 만들어 같은 가중치를 넣은
# 모듈의 결과와도 같습니다(드롭아웃에는 가중치가 없습니다).
rnn.eval()
output_a, h_n_a = rnn(x)
output_b, h_n_b = rnn(x)

no_dropout = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
no_dropout.load_state_dict(rnn.state_dict())
output_plain, _ = no_dropout(x)

same_runs = torch.equal(output_a, output_b) and torch.equal(h_n_a, h_n_b)
print("eval: 두 번 실행한 결과가 같은가:", same_runs)
print("eval: dropout 없는 모듈과 같은가:", torch.equal(output_a, output_plain))
assert same_runs
assert torch.equal(output_a, output_plain)

# %%
# ``train()``: 호출할 때마다 새 마스크를 뽑습니다
# ------------------------------------------------
# ``nn.Module``\ 은 처음에 학습 모드로 만들어지지만, 여기서는 명시적으로 다시 학습 모드로
# 바꿉니다. 이제 같은 입력으로 두 번 호출하면 결과가 다르고, 모양은 평가 모드와 똑같습니다.
rnn.train()
output_1, h_n_1 = rnn(x)
output_2, h_n_2 = rnn(x)

print(f"output: {tuple(output_1.shape)}  (N, L, D * H_out), eval과 같음")
print(f"h_n:    {tuple(h_n_1.shape)}  (D * num_layers, N, H_out), eval과 같음")
assert output_1.shape == output_2.shape == output_a.shape == (N, L, D * H_out)
assert h_n_1.shape == h_n_2.shape == h_n_a.shape == (D * num_layers, N, H_out)

same_output = torch.equal(output_1, output_2)
print("train: 두 번 실행한 output이 같은가:", same_output)
assert not same_output

# %%
# 마스크가 적용되는 곳
# --------------------
# 드롭아웃은 0번 레이어와 1번 레이어 *사이*\ 에 있습니다. 0번 레이어는 아무 영향 없이
# 실행되므로 두 번의 학습 모드 실행에서 마지막 상태가 같습니다. 마스크는 1번 레이어가 읽는
# 입력에만 적용되므로 1번 레이어의 마지막 상태는 달라집니다.
layer0_same = torch.equal(h_n_1[0], h_n_2[0])
layer1_same = torch.equal(h_n_1[1], h_n_2[1])
print("train: 두 실행에서 0번 레이어의 h_n[0]이 같은가:", layer0_same)
print("train: 두 실행에서 1번 레이어의 h_n[1]이 같은가:", layer1_same)
assert layer0_same
assert not layer1_same

# %%
# 마지막 레이어의 출력에도 마스크가 적용되지 않습니다. 적용되었다면 원소의 약 ``p``
# 비율이 정확히 0이 되었을 텐데, 0은 하나도 없습니다.
print("train: output에 정확히 0인 값이 있는가:", bool((output_1 == 0).any()))
assert not (output_1 == 0).any()

# %%
# 그림은 두 번의 학습 모드 실행 사이에 각 레이어의 마지막 상태가 얼마나 달라졌는지를 시퀀스와
# 은닉 유닛마다 보여 줍니다. 0번 레이어는 비어 있습니다. 마스크보다 앞에서는 아무것도 바뀌지
# 않았기 때문입니다.
import matplotlib.pyplot as plt

change = (h_n_1 - h_n_2).abs().detach()  # (D * num_layers, N, H_out)
fig, axes = plt.subplots(1, num_layers, figsize=(8, 3), layout="constrained")
for k, ax in enumerate(axes):
    image = ax.imshow(change[k].numpy(), cmap="Greys", vmin=0, vmax=float(change.max()))
    ax.set_title(f"레이어 {k}: |h_n_1[{k}] - h_n_2[{k}]|, {tuple(change[k].shape)}")
    ax.set_xlabel("은닉 유닛 (H_out)")
    ax.set_ylabel("시퀀스 (N)")
    ax.set_yticks(range(N))
    if not change[k].any():
        ax.text(H_out / 2 - 0.5, N / 2 - 0.5, "모두 0", ha="center", va="center")
fig.colorbar(image, ax=axes, shrink=0.8)
plt.show()

# %%
# 레이어 하나: 경고가 나고, 드롭아웃은 없습니다
# ---------------------------------------------
# ``num_layers=1``\ 이면 첫 레이어 다음에 오는 레이어가 없으므로 ``dropout``\ 이 동작할 곳이
# 없습니다. PyTorch는 모듈을 만들 때 이를 경고합니다.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    single = nn.RNN(
        input_size=H_in,
        hidden_size=H_out,
        num_layers=1,
        dropout=p,
        batch_first=True,
    )
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
assert [warning.category for warning in caught] == [UserWarning]
assert str(caught[0].message).startswith("dropout option adds dropout after all but last")

# %%
# 경고대로 드롭아웃은 어디에도 적용되지 않습니다. 레이어가 하나뿐인 모듈은 학습 모드에서 두 번
# 실행해도 결과가 똑같습니다.
single.train()
single_same = torch.equal(single(x)[0], single(x)[0])
print("num_layers=1, train: 두 번 실행한 결과가 같은가:", single_same)
assert single_same

# %%
# 마지막 레이어의 출력에 드롭아웃 걸기: ``nn.Dropout``
# -----------------------------------------------------
# RNN이 모델의 다음 부분(예를 들어 ``Linear`` 헤드)에 넘기는 값을 규제하려면 RNN 뒤에
# ``nn.Dropout``\ 을 명시적으로 붙입니다. 내장 드롭아웃처럼 ``train()``\ 에서만 동작하며,
# 원소 일부를 0으로 만들고 남은 원소에는 ``1 / (1 - p)``\ 를 곱합니다. 모양은 그대로입니다.
head_dropout = nn.Dropout(p=p)
head_dropout.train()
dropped = head_dropout(output_1)
kept = dropped != 0
print(f"dropped: {tuple(dropped.shape)}  (N, L, D * H_out)")
zeroed = bool((~kept).any())
scaled = torch.allclose(dropped[kept], output_1[kept] / (1 - p))
print("train: nn.Dropout이 일부 원소를 0으로 만드는가:", zeroed)
print("train: 남은 원소에 1 / (1 - p)를 곱하는가:", scaled)
assert dropped.shape == output_1.shape == (N, L, D * H_out)
assert zeroed
assert scaled

head_dropout.eval()
print("eval: nn.Dropout이 값을 그대로 통과시키는가:", torch.equal(head_dropout(output_1), output_1))
assert torch.equal(head_dropout(output_1), output_1)

# %%
# 평가 전에는 ``model.eval()``, 학습 전에는 ``model.train()``\ 을 잊지 말고 호출하십시오. 두
# 종류의 드롭아웃이 한꺼번에 전환됩니다. 여러 레이어를 쌓는 것 자체는 다른 예제에서
# 다룹니다(:ref:`example-stacked-layers` 참고).

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_\ (``dropout`` 인자)과
#   `torch.nn.Dropout <https://pytorch.org/docs/stable/generated/torch.nn.Dropout.html>`_.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6&num_layers=2
#   &batch_first=1&dropout=0.5&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 거기서 ``num_layers``\ 를
#   1로 바꾸면 PyTorch의 드롭아웃 경고도 보여 줍니다.
