r"""
.. _example-train-sine:

블로그의 RNN으로 사인파 예측 학습하기
=====================================

블로그 글은 사인파를 넣을 RNN을 만들기만 하고 학습은 하지 않습니다. 여기서는 같은 네트워크,
즉 ``input_size=1``, ``hidden_size=10``, ``num_layers=2``, ``batch_first=True``\ 인
``nn.RNN``\ 에 선형 헤드(head)를 붙여 한 가지를 학습합니다. 타임 스텝(time step) ``t``\ 까지의
사인파 값을 보고 ``t + 1``\ 의 값을 예측하는 것입니다. CPU에서 몇 초면 학습이 끝납니다.

이 문제는 다대다(many-to-many) 문제입니다. 타임 스텝 ``t``\ 에서 RNN의 출력은 ``t``\ 까지의 입력을 본
상태이고, 헤드가 이를 다음 값의 예측으로 바꿉니다. 기호는 ``N`` 배치 크기, ``L`` 시퀀스 길이,
``H_in`` 입력 특성 수, ``H_out`` 은닉 상태 크기입니다.
"""

# %%
# 학습 데이터: 블로그 사인파에서 잘라 낸 구간
# -------------------------------------------
# 블로그는 ``[0, pi]``\ 에서 점 20개를 뽑으므로 간격이 ``pi / 19``\ 입니다. 이 간격을 그대로
# 두고, 무작위 위상에서 시작하는 ``L + 1``\ 개짜리 구간을 ``N``\ 개 잘라 냅니다. 그래야
# 네트워크가 올라가는 부분과 내려가는 부분을 모두 봅니다. 입력은 구간에서 마지막 점을 뺀
# 것이고, 타깃은 같은 구간을 한 스텝 민 것입니다. ``targets[:, t]``\ 는 ``inputs[:, t]``
# 다음 값입니다.
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)

N, L, H_in, H_out = 8, 20, 1, 10
step = np.pi / 19  # 블로그의 간격: [0, pi]에서 점 20개

phases = rng.uniform(0, 2 * np.pi, size=(N, 1))
windows = np.sin(phases + step * np.arange(L + 1))  # (N, L + 1), float64
wave = torch.from_numpy(windows).float().unsqueeze(-1)  # (N, L + 1, H_in), float32
inputs, targets = wave[:, :-1], wave[:, 1:]

print(f"wave:    {tuple(wave.shape)}  (N, L + 1, H_in)")
print(f"inputs:  {tuple(inputs.shape)}  (N, L, H_in)")
print(f"targets: {tuple(targets.shape)}  (N, L, H_in)")
assert wave.shape == (N, L + 1, H_in)
assert inputs.shape == targets.shape == (N, L, H_in)
assert torch.equal(inputs[:, 1:], targets[:, :-1])  # 한 스텝 밀린 관계


# %%
# 모델: 블로그의 RNN과 모든 타임 스텝에 붙인 헤드
# -----------------------------------------------
# ``nn.Linear``\ 는 마지막 차원에 작용하므로, 헤드 하나가 타임 스텝마다 ``H_out``\ 개의 은닉
# 상태(hidden state) 값을 예측값 하나로 바꿉니다. ``(N, L, H_out)``\ 이 ``(N, L, H_in)``\ 이
# 됩니다.
class NextValue(nn.Module):
    def __init__(self, hidden_size: int, num_layers: int) -> None:
        super().__init__()
        self.rnn = nn.RNN(
            input_size=1,
            hidden_size=hidden_size,
            num_layers=num_layers,
            batch_first=True,
        )
        self.head = nn.Linear(in_features=hidden_size, out_features=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.rnn(x)  # (N, L, H_out)
        return self.head(output)  # (N, L, 1)


model = NextValue(hidden_size=H_out, num_layers=2)
predictions = model(inputs)
print(model)
print(f"predictions: {tuple(predictions.shape)}  (N, L, H_in)")
assert predictions.shape == targets.shape == (N, L, H_in)

# %%
# 학습
# ----
# 예측과 타깃 사이의 평균 제곱 오차(MSE)를 Adam으로 줄입니다. 배치 전체로 몇백 스텝을
# 돌립니다. CPU에서 위와 같이 시드를 고정하면 매번 같은 값이 나오지만, 값 자체 대신 비교 결과를
# 출력합니다.
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

losses = []
for _ in range(200):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())

print(f"loss: {tuple(loss.shape)}  스칼라, 학습 스텝 {len(losses)}번")
print("마지막 손실 < 처음 손실 / 100:", losses[-1] < losses[0] / 100)
assert loss.shape == ()
assert losses[-1] < losses[0] / 100

# %%
# 예측과 실제 값 비교
# -------------------
# 모델이 본 적 없는 새 사인파를 씁니다. 0에서 시작해 블로그의 간격으로 두 주기를 담았으므로
# 학습 구간보다 훨씬 깁니다. RNN은 타임 스텝이 하나 이상이면 어떤 시퀀스 길이든 받습니다(이
# 절의 끝 참고). 맞아야 하는 것은 ``H_in`` 하나뿐입니다. 모델은 타임 스텝마다 지금까지의 값으로
# 다음 값을 예측합니다.
L_test = 4 * 19  # 블로그의 간격으로 두 주기
test_wave = np.sin(step * np.arange(L_test + 1))
truth = torch.from_numpy(test_wave).float().reshape(1, L_test + 1, 1)
with torch.no_grad():
    predicted = model(truth[:, :-1])
error = (predicted - truth[:, 1:]).abs()

print(f"테스트 입력: {tuple(truth[:, :-1].shape)}  (N, L_test, H_in), N = 1")
print(f"예측:        {tuple(predicted.shape)}  (N, L_test, H_in)")
print("가장 큰 오차가 0.1보다 작은가:", bool(error.max() < 0.1))
assert predicted.shape == (1, L_test, H_in)
assert error.max() < 0.1

# %%
# RNN이 받지 않는 길이는 0 하나뿐입니다.
try:
    model(truth[:, :0])
except RuntimeError as err:  # 타임 스텝이 적어도 하나 있어야 함
    message = str(err)
else:
    raise AssertionError("RNN이 길이 0인 시퀀스를 실행했습니다")
print(f"L = 0: RuntimeError: {message}")
assert message == "Expected sequence length to be larger than 0 in RNN"

# %%
# 점 하나하나는 그 왼쪽의 값들만 보고 낸 예측이고, 선은 실제 사인파입니다.
import matplotlib.pyplot as plt

steps = np.arange(1, L_test + 1)
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
ax.plot(steps, truth[0, 1:, 0].numpy(), color="0.6", lw=3, label="실제 값: 스텝 t의 sin 값")
ax.plot(
    steps,
    predicted[0, :, 0].numpy(),
    "o",
    ms=4,
    color="C3",
    label="t 이전 스텝으로 한 예측",
)
ax.set_title(f"처음 보는 사인파: 예측 {tuple(predicted.shape)}과 실제 값")
ax.set_xlabel("타임 스텝 t")
ax.set_ylabel("값")
ax.legend(loc="lower left")
plt.show()
# sphinx_gallery_thumbnail_number = 1

# %%
# 학습 스텝에 따른 손실을 로그 스케일로 그렸습니다.
fig, ax = plt.subplots(figsize=(8, 3), layout="constrained")
ax.semilogy(losses)
ax.set_title("학습 손실 (MSE)")
ax.set_xlabel("학습 스텝")
ax.set_ylabel("손실")
plt.show()

# %%
# 더 보기
# -------
# - :ref:`example-blog-configurations`\ 는 블로그의 두 설정을 학습 없이 실행합니다.
# - :ref:`example-heads`\ 는 분류를 위해 RNN에 헤드를 붙입니다. 시퀀스마다 레이블 하나를 붙이는
#   경우와 타임 스텝마다 붙이는 경우를 다룹니다.
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_, `torch.nn.MSELoss
#   <https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html>`_.
# - 이 예제의 ``N``\ 과 ``L``\ 로 모델의 RNN을 `모양 계산기 <../calculator.html?mode=RNN
#   &input_size=1&hidden_size=10&num_layers=2&batch_first=1&batch=8&seq_len=20>`__\ 에서 바꿔 가며
#   확인해 보십시오.
