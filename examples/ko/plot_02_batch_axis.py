r"""
.. _example-batch-axis:

배치 축을 눈으로 확인하기
=========================

순환 레이어는 3차원 입력을 받고, 앞의 두 축 중 어느 쪽이 배치(batch)인지는
``batch_first``\ 가 정합니다. 기본값인 ``batch_first=False``\ 에서는 입력이
``(L, N, H_in)``, 즉 시간 축이 먼저입니다. ``batch_first=True``\ 이면 ``(N, L, H_in)``\ 으로,
한 행에 시퀀스 하나가 들어갑니다. ``h_n``\ 은 이 플래그와 상관없이 언제나
``(D * num_layers, N, H_out)``\ 입니다.

이 예제는 시퀀스 ``N = 3``\ 개로 된 배치 하나를 두 방식으로 넣어 본 다음, 많은 사람이 몇 시간씩
헤매는 함정을 보여 줍니다. 배치 우선으로 만든 텐서를 ``batch_first=True`` 없이 만든 모듈에
넣으면 오류 하나 없이 실행되지만, 의미는 완전히 달라집니다.
"""

# %%
# 배치 하나, 축 순서 둘
# ---------------------
# 크기를 서로 다르게 잡으면 축을 헷갈리지 않습니다. 3이 보이면 ``N``, 5가 보이면 ``L``\ 입니다.
# 시간 우선 순서로 만든 텐서를 transpose해서 배치 우선 모듈에 넣습니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # 배치 크기, 시퀀스 길이, 입력 특성 수, 은닉 상태 크기
num_layers, D = 2, 1  # 레이어 두 개, 방향 하나

x_seq = torch.randn(L, N, H_in)  # 시간 우선: (L, N, H_in)
x_batch = x_seq.transpose(0, 1)  # 배치 우선: (N, L, H_in), 값은 같음

rnn_seq = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=num_layers)
rnn_batch = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
rnn_batch.load_state_dict(rnn_seq.state_dict())  # 가중치는 같고 축 순서만 다름

print(f"x_seq:   {tuple(x_seq.shape)}  (L, N, H_in)    batch_first=False")
print(f"x_batch: {tuple(x_batch.shape)}  (N, L, H_in)    batch_first=True")
assert x_seq.shape == (L, N, H_in)
assert x_batch.shape == (N, L, H_in)

# %%
# ``n``\ 번째 시퀀스는 한쪽에서는 ``x_seq[:, n]``, 다른 쪽에서는 ``x_batch[n]``\ 입니다.
# 그림은 (타임 스텝, 시퀀스) 쌍마다 첫 번째 입력 특성을 칠한 것입니다. 값은 같고 축만
# 뒤바뀌어 있습니다.
import matplotlib.pyplot as plt

fig, (ax_seq, ax_batch) = plt.subplots(1, 2, figsize=(8, 4), layout="constrained")
vmax = float(x_seq.abs().max())
ax_seq.imshow(x_seq[:, :, 0].numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax)
ax_seq.set_title(
    f"batch_first=False: 행이 타임 스텝\nx_seq[:, :, 0]: {tuple(x_seq[:, :, 0].shape)}"
)
ax_seq.set_xlabel("1번 축: 배치 (N)")
ax_seq.set_ylabel("0번 축: 타임 스텝 (L)")
ax_batch.imshow(x_batch[:, :, 0].numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax)
ax_batch.set_title(
    f"batch_first=True: 행이 시퀀스\nx_batch[:, :, 0]: {tuple(x_batch[:, :, 0].shape)}"
)
ax_batch.set_xlabel("1번 축: 타임 스텝 (L)")
ax_batch.set_ylabel("0번 축: 배치 (N)")
ax_seq.set_xticks(range(N))
ax_seq.set_yticks(range(L))
ax_batch.set_xticks(range(L))
ax_batch.set_yticks(range(N))
for n in range(N):
    for t in range(L):
        label = f"시퀀스 {n}\nt={t}"
        ax_seq.text(n, t, label, ha="center", va="center", fontsize=7)
        ax_batch.text(t, n, label, ha="center", va="center", fontsize=7)
plt.show()

# %%
# 같은 값을 넣으면 같은 답이 나옵니다
# -------------------------------------
# ``output``\ 은 플래그를 따라 ``(L, N, D * H_out)`` 또는 ``(N, L, D * H_out)``\ 이 됩니다.
# transpose하면 두 출력이 같고, ``h_n``\ 은 처음부터 플래그와 무관한 축 순서이므로 그대로
# 비교해도 같습니다.
output_seq, h_n_seq = rnn_seq(x_seq)
output_batch, h_n_batch = rnn_batch(x_batch)

print(f"output_seq:   {tuple(output_seq.shape)}  (L, N, D * H_out)")
print(f"output_batch: {tuple(output_batch.shape)}  (N, L, D * H_out)")
print(f"h_n_seq:      {tuple(h_n_seq.shape)}  (D * num_layers, N, H_out)")
print(f"h_n_batch:    {tuple(h_n_batch.shape)}  (D * num_layers, N, H_out)")
assert output_seq.shape == (L, N, D * H_out)
assert output_batch.shape == (N, L, D * H_out)
assert h_n_seq.shape == h_n_batch.shape == (D * num_layers, N, H_out)

same_output = torch.equal(output_seq.transpose(0, 1), output_batch)
same_h_n = torch.equal(h_n_seq, h_n_batch)
print("output_seq.transpose(0, 1)와 output_batch가 같은가:", same_output)
print("h_n_seq와 h_n_batch가 같은가:", same_h_n)
assert same_output
assert same_h_n

# %%
# 조용한 함정: ``batch_first``\ 를 빠뜨리면
# ----------------------------------------------
# 블로그 글의 데이터(:ref:`example-blog-configurations` 참고)를 실제 배치 크기로 늘려 봅니다.
# 타임 스텝 20개짜리 사인파 8개이고, 타임 스텝마다 특성은 하나이며, 배치 우선으로
# 저장했습니다. 우리가 *의도한* 것은 타임 스텝(``L``) 20개짜리 시퀀스(``N``) 8개입니다.
import numpy as np

N_meant, L_meant = 8, 20
steps = np.linspace(0, 2 * np.pi, L_meant)
phases = np.linspace(0, np.pi, N_meant)
waves = np.sin(steps[None, :] + phases[:, None])  # 한 행에 사인파 하나: (N, L)
x_blog = torch.from_numpy(waves).float().unsqueeze(-1)  # (N, L, H_in), H_in = 1
print(f"x_blog: {tuple(x_blog.shape)}  의도한 축 순서: (N, L, H_in)")
assert x_blog.shape == (N_meant, L_meant, 1)

# %%
# 이제 이 텐서를 ``nn.RNN(input_size=1, hidden_size=10, num_layers=2)``\ 에 넣으면서
# ``batch_first=True``\ 를 빠뜨립니다. PyTorch는 마지막 축이 ``input_size``\ 와 맞는지만
# 확인하고, 앞의 두 축은 ``(L, N)``\ 으로 읽습니다. 아무 오류도 나지 않습니다.
forgot = nn.RNN(input_size=1, hidden_size=10, num_layers=2)  # batch_first=False (기본값)
output_forgot, h_n_forgot = forgot(x_blog)

L_read, N_read = output_forgot.shape[:2]
print(f"output: {tuple(output_forgot.shape)}  (L, N, D * H_out) with L={L_read}, N={N_read}")
print(f"h_n:    {tuple(h_n_forgot.shape)}  (D * num_layers, N, H_out) with N={N_read}")
assert output_forgot.shape == (N_meant, L_meant, forgot.hidden_size)
assert h_n_forgot.shape == (forgot.num_layers, L_meant, forgot.hidden_size)
assert (L_read, N_read) == (N_meant, L_meant)

# %%
# ``output``\ 은 기대한 모양과 똑같아서, 뒤에 붙은 손실 함수도 그대로 받아들입니다. 실수를
# 드러내는 것은 ``h_n``\ 뿐입니다. 가운데 축은 시퀀스 개수여야 하는데 20을 셉니다. 같은
# 가중치에 플래그만 켠 모듈은 배치를 의도대로 읽습니다.
remembered = nn.RNN(input_size=1, hidden_size=10, num_layers=2, batch_first=True)
remembered.load_state_dict(forgot.state_dict())
output_ok, h_n_ok = remembered(x_blog)

print(f"output: {tuple(output_ok.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n_ok.shape)}  (D * num_layers, N, H_out) with N={h_n_ok.shape[1]}")
assert output_ok.shape == (N_meant, L_meant, remembered.hidden_size)
assert h_n_ok.shape == (remembered.num_layers, N_meant, remembered.hidden_size)
same_values = torch.allclose(output_forgot, output_ok)
print("출력값이 같은가:", same_values)
assert not same_values

# %%
# 숫자만 틀린 것이 아니라 의미가 틀립니다
# -----------------------------------------
# 시간 우선으로 읽으면 순환이 *시퀀스를 가로질러* 진행됩니다. 0번 사인파는 짧은 시퀀스 20개의
# 첫 번째 타임 스텝으로, 1번 사인파는 두 번째 타임 스텝으로 취급되는 식입니다. 그래서 0번
# 사인파를 바꾸면 5번 사인파에 대한 모델의 출력까지 바뀝니다. 서로 독립인 샘플이라면 일어날
# 수 없는 일입니다. ``batch_first=True``\ 이면 5번 사인파의 출력은 그대로입니다.
x_changed = x_blog.clone()
x_changed[0] += 1.0  # 첫 번째 사인파만 바꿈

leak_forgot = not torch.equal(forgot(x_changed)[0][5], output_forgot[5])
leak_ok = not torch.equal(remembered(x_changed)[0][5], output_ok[5])
print("batch_first 없이: 0번 사인파가 5번 사인파의 출력을 바꾸는가:", leak_forgot)
print("batch_first=True: 0번 사인파가 5번 사인파의 출력을 바꾸는가:", leak_ok)
assert leak_forgot
assert not leak_ok

# %%
# 그림은 두 모듈이 받은 같은 텐서입니다. 화살표는 각 모듈이 보는 시퀀스 하나에 하나씩,
# 그 시간 축 방향으로 그렸습니다. ``batch_first=True``\ 이면 순환이 사인파마다 하나씩 8개
# 있습니다. 플래그가 없으면 순환이 20개이고, 각각 한 열을 따라 내려가며 모든 사인파를
# 가로지릅니다.
fig, (ax_ok, ax_forgot) = plt.subplots(1, 2, figsize=(8, 4), layout="constrained")
for ax in (ax_ok, ax_forgot):
    ax.imshow(x_blog[:, :, 0].numpy(), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(0, L_meant, 2))
    ax.set_yticks(range(N_meant))
arrow = {"arrowstyle": "->", "lw": 1, "color": "black"}
ax_ok.set_title(
    f"batch_first=True: 사인파를 따라 읽음\nx_blog[:, :, 0]: {tuple(x_blog[:, :, 0].shape)}"
)
ax_ok.set_ylabel("0번 축: 배치 (N)로 읽음")
ax_ok.set_xlabel("1번 축: 타임 스텝 (L)으로 읽음")
for n in range(N_meant):  # 사인파마다 순환 하나, 시간 방향
    ax_ok.annotate("", xy=(L_meant - 1, n), xytext=(0, n), arrowprops=arrow)
ax_forgot.set_title(
    f"batch_first=False: 열을 따라 읽음\nx_blog[:, :, 0]: {tuple(x_blog[:, :, 0].shape)}"
)
ax_forgot.set_ylabel("0번 축: 타임 스텝 (L)으로 읽음")
ax_forgot.set_xlabel("1번 축: 배치 (N)로 읽음")
for t in range(L_meant):  # 열마다 순환 하나, 사인파를 가로질러
    ax_forgot.annotate("", xy=(t, N_meant - 1), xytext=(t, 0), arrowprops=arrow)
plt.show()

# %%
# 이 실수를 잡는 법
# -----------------
# - 축 순서를 한 번 정하고, 데이터 로더가 ``(N, L, H_in)``\ 을 내놓는다면 모든 모듈에
#   ``batch_first=True``\ 를 넘깁니다.
# - 코드에서 ``h_n``\ 의 모양을 assert합니다. 예: ``assert h_n.shape[1] == N``. 텐서 모양이
#   우연히 맞아떨어지면 ``output``\ 의 모양으로는 이 실수를 잡을 수 없습니다.
# - ``h_0``\ 도 ``batch_first``\ 를 따르지 않습니다(:ref:`example-initial-hidden-state`
#   참고).

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_. "Inputs"와 "Outputs"
#   절에 두 축 순서가 모두 나옵니다.
# - ``rnn_batch``\ 의 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6
#   &num_layers=2&batch_first=1&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 거기서
#   ``batch_first``\ 를 끄면 입력과 ``output``\ 의 앞 두 축만 자리를 바꾸고 ``h_n``\ 은
#   그대로입니다.
