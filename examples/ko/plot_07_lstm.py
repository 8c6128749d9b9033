r"""
.. _example-lstm:

LSTM: 튜플 ``(h_n, c_n)``\ 과 ``hidden_size``\ 를 유지하는 셀 상태
==================================================================

``nn.LSTM``\ 은 타임 스텝(time step)마다 상태 두 개를 넘겨 줍니다. 은닉 상태(hidden state)
``h``\ 와 셀 상태(cell state) ``c``\ 입니다. 그래서 순전파(forward pass)는
``output, (h_n, c_n)``\ 을 돌려주고, 초기 상태도 튜플 ``(h_0, c_0)``\ 으로 받습니다.
``c_n``\ 의 모양(shape)은 ``h_n``\ 과 똑같습니다. 투영(projection)을 쓰지 않으면 둘 다
``hidden_size``\ 를 그대로 유지하며, PyTorch 문서는 이 크기를 셀 상태에서는 ``H_cell``,
은닉 상태에서는 ``H_out``\ 이라고 부릅니다.

축을 서로 구별할 수 있도록 크기를 모두 다르게 잡습니다. ``N``\ 은 배치 크기, ``L``\ 은 시퀀스
길이, ``H_in``\ 은 입력 특성 수, ``H_out``\ 은 은닉 상태 크기이고, ``batch_first=True``\ 로 2층을
쌓습니다.
"""

# %%
# LSTM은 ``output``\ 과 튜플을 돌려줍니다
# ----------------------------------------
# 튜플은 ``output, (h_n, c_n) = lstm(x)``\ 처럼 대입하면서 바로 풀어 씁니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
num_layers, D = 2, 1

lstm = nn.LSTM(input_size=H_in, hidden_size=H_out, num_layers=num_layers, batch_first=True)
x = torch.randn(N, L, H_in)
output, (h_n, c_n) = lstm(x)

H_cell = lstm.hidden_size  # proj_size가 없으면 셀 상태와 은닉 상태가 이 크기를 함께 씁니다
print(lstm)
print(f"입력 x: {tuple(x.shape)}  (N, L, H_in)")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print(f"c_n:    {tuple(c_n.shape)}  (D * num_layers, N, H_cell)")
assert x.shape == (N, L, H_in)
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert c_n.shape == (D * num_layers, N, H_cell)
assert c_n.shape == h_n.shape

# %%
# ``nn.RNN``\ 과 마찬가지로 ``batch_first=True``\ 는 ``x``\ 와 ``output``\ 의 배치 축만
# 옮깁니다. ``h_n``\ 과 ``c_n``\ 은 언제나 ``D * num_layers``\ 로 시작합니다. 레이어마다(방향이
# 둘이면 방향마다) 한 줄씩이고, 배치는 그다음입니다.
#
# ``output``\ 에는 ``h``\ 만 들어 있습니다
# -----------------------------------------
# ``output``\ 은 마지막 레이어의 은닉 상태를 모든 타임 스텝에 걸쳐 담으므로, 마지막 타임
# 스텝은 마지막 레이어의 ``h_n``\ 과 같습니다. ``nn.RNN``\ 과 똑같습니다. 셀 상태는
# ``output``\ 어디에도 나오지 않으며, 읽을 수 있는 곳은 ``c_n``\ 뿐입니다.
print("output[:, -1]과 h_n[-1]이 같은가:", torch.equal(output[:, -1], h_n[-1]))
print("output[:, -1]과 c_n[-1]이 같은가:", torch.equal(output[:, -1], c_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])
assert output[:, -1].shape == (N, D * H_out)

# %%
# 초기 상태를 튜플 ``(h_0, c_0)``\ 으로 넘기기
# ---------------------------------------------
# 초기 상태는 튜플 하나로 넘기며, 축 순서는 ``(h_n, c_n)``\ 과 같아서 배치 축이 가운데에 옵니다.
# ``batch_first``\ 와는 상관이 없습니다. 생략하면 0으로 채운 상태를 쓰므로, 0을 직접 넘겨도
# 결과가 같습니다.
h_0 = torch.zeros(D * num_layers, N, H_out)
c_0 = torch.zeros(D * num_layers, N, H_cell)
output_z, (h_n_z, c_n_z) = lstm(x, (h_0, c_0))

print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, H_out)")
print(f"c_0: {tuple(c_0.shape)}  (D * num_layers, N, H_cell)")
print("0을 넘긴 결과가 기본값과 같은가:", torch.equal(output_z, output), torch.equal(c_n_z, c_n))
assert h_0.shape == (D * num_layers, N, H_out)
assert c_0.shape == (D * num_layers, N, H_cell)
assert torch.equal(output_z, output)
assert torch.equal(h_n_z, h_n)
assert torch.equal(c_n_z, c_n)

# %%
# 두 번째 호출에서 시퀀스를 이어 가려면 돌려받은 튜플을 ``lstm(x_next, (h_n, c_n))``\ 처럼
# 그대로 다시 넘깁니다.
x_next = torch.randn(N, L, H_in)
output_next, (h_next, c_next) = lstm(x_next, (h_n, c_n))
print(f"output_next: {tuple(output_next.shape)}  (N, L, D * H_out)")
assert output_next.shape == (N, L, D * H_out)
assert h_next.shape == h_n.shape
assert c_next.shape == c_n.shape

# %%
# 모양은 같고 값은 다릅니다
# -------------------------
# ``h_n``\ 과 ``c_n``\ 은 모양만 같을 뿐 서로 다른 텐서입니다. LSTM은 0과 1 사이의 값을 내는
# 출력 게이트 ``o``\ 로 ``h = o * tanh(c)``\ 를 계산합니다. 그래서 은닉 상태의 각 값은 절댓값이
# 대응하는 셀 상태 값의 ``tanh``\ 보다 작고, 늘 -1과 1 사이의 열린 구간 안에 있습니다. 반면
# 셀 상태 자체는 이렇게 눌리지 않습니다.
print("h_n과 c_n이 다른가:", not torch.equal(h_n, c_n))
print("모든 곳에서 |h_n| <= |tanh(c_n)|인가:", bool((h_n.abs() <= c_n.tanh().abs()).all()))
print("h_n이 (-1, 1) 안에 있는가:", bool((h_n.abs() < 1).all()))
assert bool((h_n.abs() <= c_n.tanh().abs()).all())
assert bool((h_n.abs() < 1).all())

# %%
# 아래 그림은 두 상태를 같은 색 범위로 나란히 그린 것입니다. 한 줄이 레이어 하나와 시퀀스
# 하나에 해당합니다. 테두리를 친 줄은 마지막 레이어이며, ``h_n`` 쪽은 ``output[:, -1]``\ 과
# 같습니다.
import matplotlib.pyplot as plt

h_rows = h_n.detach().reshape(num_layers * N, H_out).numpy()
c_rows = c_n.detach().reshape(num_layers * N, H_cell).numpy()
row_names = [f"레이어 {layer}, 시퀀스 {n}" for layer in range(num_layers) for n in range(N)]
vmax = float(c_n.detach().abs().max())

fig, axes = plt.subplots(1, 2, figsize=(8, 4), sharey=True, layout="constrained")
panels = ((axes[0], h_n, h_rows, "h_n", H_out), (axes[1], c_n, c_rows, "c_n", H_cell))
for ax, state, rows, name, width in panels:
    image = ax.imshow(rows, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
    ax.set_title(f"{name}: {tuple(state.shape)}\n행: 레이어 x 시퀀스")
    ax.set_xlabel("H_out" if name == "h_n" else "H_cell")
    ax.add_patch(plt.Rectangle((-0.5, N - 0.5), width, N, fill=False, lw=2.5, ec="black"))
axes[0].set_yticks(range(num_layers * N), row_names)
fig.colorbar(image, ax=axes, shrink=0.8)
plt.show()

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_.
# - :ref:`example-lstm-proj-size`: ``proj_size``\ 를 쓰면 은닉 상태는 ``P``\ 로 줄어들고 셀
#   상태는 ``hidden_size``\ 를 유지합니다.
# - :ref:`example-gru`: ``nn.RNN``\ 처럼 상태 하나만 돌려주는 게이트 구조의 레이어입니다.
# - :ref:`example-blog-configurations`: ``nn.RNN``\ 에서 본 ``output``\ 과 ``h_n``\ 의 관계.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=LSTM&input_size=4&hidden_size=6&num_layers=2
#   &batch_first=1&batch=3&seq_len=5>`__\ 에서 바꿔 가며 확인해 보십시오.
