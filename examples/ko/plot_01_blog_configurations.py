r"""
.. _example-blog-configurations:

블로그 글의 두 설정을 실제로 실행하기
=====================================

rnn-guide는 널리 읽힌 한국어 블로그 글 `PyTorch RNN 입출력, hidden 차원 이해하기
<https://teddylee777.github.io/pytorch/pytorch-rnn>`_\ 에서 출발했습니다. 그 글은 타임
스텝(time step) 20개짜리 사인파를 ``batch_first=True``\ 인 2층 ``nn.RNN``\ 에 넣어
봅니다. 하지만 글에 찍힌 모양(shape)은 그대로는 실행되지 않는 코드 아래에 손으로 적어 넣은
것이었습니다. 여기서는 같은 두 설정을 실제로 실행합니다. 아래의 모든 모양은 이 페이지를 빌드할
때 PyTorch가 출력한 값입니다.

기호는 PyTorch 문서를 따릅니다. ``N``\ 은 배치 크기, ``L``\ 은 시퀀스 길이, ``H_in``\ 은 입력
특성 수(``input_size``), ``H_out``\ 은 은닉 상태 크기(``hidden_size``), ``D``\ 는 방향 수(여기서는
1)입니다.
"""

# %%
# 타임 스텝 20개짜리 사인파를 float32 텐서로
# ------------------------------------------
# ``np.sin``\ 은 ``float64``\ 를 돌려주지만 ``nn.RNN``\ 의 가중치는 ``float32``\ 입니다. 변환은
# 명시적으로 합니다. ``torch.from_numpy(...)``\ 는 dtype을 그대로 두므로 실수가 드러나고,
# ``.float()``\ 를 붙이면 변환이 의도한 단계로 코드에 남습니다.
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)

L = 20  # 시퀀스 길이: 타임 스텝 수
N = 1  # 배치 크기: 시퀀스 하나

wave = np.sin(np.linspace(0, np.pi, L))  # 모양 (L,), float64
x = torch.from_numpy(wave).float().reshape(N, L, 1)  # (N, L, H_in), H_in = 1
print(f"numpy dtype: {wave.dtype}, 텐서 dtype: {x.dtype}")
print(f"입력 x: {tuple(x.shape)}  (N, L, H_in)")

# %%
# 설정 1: ``input_size=1``, ``hidden_size=10``, ``num_layers=2``
# -----------------------------------------------------------------
# ``batch_first=True``\ 이면 입력과 ``output``\ 에서 배치 차원이 맨 앞에 옵니다. ``h_n``\ 은
# 그렇지 않습니다. ``h_n``\ 은 언제나 ``(D * num_layers, N, H_out)``\ 입니다.
rnn = nn.RNN(input_size=1, hidden_size=10, num_layers=2, batch_first=True)
output, h_n = rnn(x)

print(rnn)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")

D, H_out, num_layers = 1, rnn.hidden_size, rnn.num_layers
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)

# %%
# ``output``\ 과 ``h_n``\ 이 함께 가진 벡터 하나
# -----------------------------------------------
# ``output``\ 은 마지막 레이어의 은닉 상태(hidden state)를 *모든* 타임 스텝에 걸쳐 담고,
# ``h_n``\ 은 *모든* 레이어의 은닉 상태를 *마지막* 타임 스텝에서 담습니다. 둘이 겹치는 곳은
# 마지막 레이어의 마지막 타임 스텝 하나뿐입니다.
print("output[:, -1]과 h_n[-1]이 같은가:", torch.equal(output[:, -1], h_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])

# %%
# 그림으로 보면 두 텐서가 값을 어떻게 늘어놓는지 한눈에 보입니다. 왼쪽은 마지막 레이어를 타임 스텝마다 한 줄씩,
# 오른쪽은 마지막 타임 스텝을 레이어마다 한 줄씩 그렸습니다. 테두리를 친 줄은 양쪽에서 같은
# 벡터입니다.
import matplotlib.pyplot as plt

fig, (ax_out, ax_h) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [1, 1]}, layout="constrained"
)
vmax = float(output.detach().abs().max())
ax_out.imshow(output[0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_out.set_title(f"output[0]: {tuple(output[0].shape)}\n마지막 레이어, 모든 타임 스텝")
ax_out.set_xlabel("은닉 유닛 (H_out)")
ax_out.set_ylabel("타임 스텝 (L)")
ax_out.add_patch(plt.Rectangle((-0.5, L - 1.5), H_out, 1, fill=False, lw=2.5, ec="black"))

ax_h.imshow(h_n[:, 0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_h.set_title(f"h_n[:, 0]: {tuple(h_n[:, 0].shape)}\n모든 레이어, 마지막 타임 스텝")
ax_h.set_xlabel("은닉 유닛 (H_out)")
ax_h.set_ylabel("레이어")
ax_h.set_yticks(range(num_layers))
ax_h.add_patch(plt.Rectangle((-0.5, num_layers - 1.5), H_out, 1, fill=False, lw=2.5, ec="black"))
plt.show()

# %%
# 설정 2: ``input_size=3``, ``hidden_size=15``
# ---------------------------------------------
# 타임 스텝마다 특성이 세 개라면 타임 스텝마다 값도 세 개가 있어야 합니다. 그래서 점을
# ``L * H_in``\ 개 뽑아 ``(L, H_in)``\ 으로 reshape합니다. 개수가 맞지 않으면 ``reshape``\ 는
# 오류를 냅니다. 바로 우리가 원하는 동작입니다(아래 참고).
H_in = 3
wave3 = np.sin(np.linspace(0, np.pi, L * H_in)).reshape(L, H_in)
x3 = torch.from_numpy(wave3).float().unsqueeze(0)  # 배치 축 추가: (N, L, H_in)

rnn3 = nn.RNN(input_size=H_in, hidden_size=15, num_layers=2, batch_first=True)
output3, h_n3 = rnn3(x3)

print(f"입력 x3:  {tuple(x3.shape)}  (N, L, H_in)")
print(f"output3:  {tuple(output3.shape)}  (N, L, D * H_out)")
print(f"h_n3:     {tuple(h_n3.shape)}  (D * num_layers, N, H_out)")
assert x3.shape == (N, L, H_in)
assert output3.shape == (N, L, D * rnn3.hidden_size)
assert h_n3.shape == (D * rnn3.num_layers, N, rnn3.hidden_size)

# %%
# 블로그 글에서 틀린 점과 그것이 중요한 이유
# -------------------------------------------
#
# **텐서 대신 저장된 모양.** 한 줄에서 새 텐서 대신 그 텐서의 ``.shape``\ 를
# 변수에 담고, 바로 다음 줄에서는 정의된 적 없는 변수를 출력하므로 셀이 ``NameError``\ 로
# 멈춥니다. ``torch.Size``\ 는 정수의 튜플일 뿐 데이터가 아닙니다.
shape_only = x.shape
print(type(shape_only).__name__, tuple(shape_only))

# %%
# **말없이 채워지는 0.** ``ndarray.resize``\ 는 아무 말 없이 0을 채워 넣습니다. 설정 1에서
# 만든 특성 하나짜리 사인파를 설정 2에 맞춰 타임 스텝당 특성 세 개로 resize했다면, 입력의
# 대부분이 조용히 0이 되었을 것입니다. ``reshape``\ 는 대신 오류를 냅니다.
padded = np.sin(np.linspace(0, np.pi, L))
padded.resize((L, 3), refcheck=False)
print(f"resize 후 0인 값: 전체 {padded.size}개 중 {int((padded == 0).sum())}개")
try:
    np.sin(np.linspace(0, np.pi, L)).reshape(L, 3)
except ValueError as err:  # 값 20개로는 20 x 3을 채울 수 없음
    message = str(err)
else:
    raise AssertionError("NumPy가 값 20개를 20 x 3으로 reshape했습니다")
print(f"ValueError: {message}")
assert message.startswith("cannot reshape array of size")

# %%
# **감춰진 dtype.** 예전 방식인 ``torch.Tensor(ndarray)``\ 는 ``float64``\ 를 말없이
# torch의 기본 dtype으로 바꿔 버립니다. 기본 dtype은 ``torch.set_default_dtype``\ 으로 바꾸지
# 않았다면 ``float32``\ 입니다. 명시적인 방법을 쓰면 dtype이 어긋난 것이 드러나고,
# ``nn.RNN``\ 이 이를 알려 줍니다.
print(f"torch.Tensor(wave): {torch.Tensor(wave).dtype}, 기본 dtype {torch.get_default_dtype()}")
assert torch.Tensor(wave).dtype == torch.get_default_dtype()
try:
    rnn(torch.from_numpy(wave).reshape(N, L, 1))
except ValueError as err:  # float64 입력, float32 가중치
    message = str(err)
else:
    raise AssertionError("nn.RNN이 float32 가중치에 float64 입력을 받았습니다")
print(f"ValueError: {message}")
assert message.startswith("RNN input dtype (torch.float64) does not match weight dtype")

# %%
# **마지막 차원은 출력 크기가 아닙니다.** ``output``\ 의 마지막 차원은 ``D * H_out``\ 이며,
# 예측값의 크기가 아닙니다. 타임 스텝마다 값 하나를 예측하려면 ``nn.Linear(H_out, 1)``
# 같은 헤드를 위에 얹어야 합니다.
head = nn.Linear(rnn.hidden_size, 1)
prediction = head(output)
print(f"예측: {tuple(prediction.shape)}  (N, L, 1)")
assert prediction.shape == (N, L, 1)

# %%
# **은닉 상태의 개수가 아닙니다.** ``hidden_size``\ 는 은닉 상태 벡터 하나의 길이입니다.
# 마지막 타임 스텝에는 레이어마다(그리고 방향마다, 시퀀스마다) 은닉 상태가 하나씩 있고,
# 그 하나하나가 ``hidden_size``\ 개의 숫자로 된 벡터입니다.
print(f"마지막 타임 스텝의 은닉 상태: 레이어 {h_n.shape[0]}개 x 시퀀스 {h_n.shape[1]}개")
print(f"은닉 상태 하나, h_n[0, 0]: {tuple(h_n[0, 0].shape)}  (H_out,)")
assert h_n[0, 0].shape == (rnn.hidden_size,)

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_.
# - 원래 블로그 글: `teddylee777.github.io/pytorch/pytorch-rnn
#   <https://teddylee777.github.io/pytorch/pytorch-rnn>`_.
# - 설정 1을 `모양 계산기 <../calculator.html?mode=RNN&input_size=1&hidden_size=10&num_layers=2
#   &batch_first=1&batch=1&seq_len=20>`__\ 에서 바꿔 가며 확인해 보십시오.
