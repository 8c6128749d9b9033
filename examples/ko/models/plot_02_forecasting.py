r"""
.. _example-forecasting:

사인파 예측: 윈도, 한 스텝, 여러 스텝
=====================================

예측 모델은 시계열의 마지막 ``W``\ 개 값을 읽고 다음 값을 예측합니다. 가운데의 LSTM은 언제나
같습니다. 달라지는 것은 시계열을 윈도(window)로 자르는 방법, 헤드(head)가 예측하는 것, 그리고
무엇보다 타깃(target)의 모양입니다. 타깃의 모양은 예측값(prediction)의 모양과 정확히 같아야
합니다. ``nn.MSELoss``\ 는 모양이 다르면 브로드캐스팅(broadcasting)을 해 버리고, 경고 하나만
남긴 채 틀린 값을 돌려줍니다.

이 사이트의 출발점이 된 블로그 글의 사인파(``pi / 19`` 간격으로 샘플링)로 네 가지 예측 방법을
살펴봅니다. 마지막 출력으로 한 스텝 예측하기(다대일, many-to-one), 입력의 타임 스텝마다 한
스텝 예측하기(다대다, many-to-many), 크기 ``k``\ 인 헤드로 ``k``\ 스텝을 한꺼번에
예측하기(직접 방식), 예측값을 다시 입력으로 넣으며 ``k``\ 스텝을 하나씩 예측하기(자기회귀
방식)입니다. 기호는 ``N`` 배치에 담긴 윈도 수, ``W`` 윈도 길이(LSTM의 ``L``), ``k`` 앞으로
예측할 스텝 수, ``H_in = 1`` 타임 스텝마다 값 하나, ``H_out`` 은닉 상태 크기입니다.
"""

# %%
# ``unfold``\ 로 슬라이딩 윈도 만들기
# -----------------------------------
# ``series.unfold(0, size, step)``\ 은 값이 ``T``\ 개인 1차원 시계열에서 연속한 값 ``size``\ 개짜리
# 윈도를 모두 잘라 냅니다. ``step=1``\ 이면 ``(T - size + 1, size)``\ 입니다. 윈도 하나는 입력
# ``W``\ 개와 그 뒤에 오는 예측할 값 ``k``\ 개로 이루어집니다. 윈도는 ``series``\ 의 뷰(view)이므로
# 값을 하나도 복사하지 않습니다.
import math

import torch
from torch import nn

torch.manual_seed(0)

T, W, k, H_in, H_out = 120, 20, 10, 1, 16
series = torch.sin(math.pi / 19 * torch.arange(T, dtype=torch.float32))  # (T,)
windows = series.unfold(0, W + k, 1)  # (N, W + k)
N = windows.shape[0]
x = windows[:, :W].unsqueeze(-1)  # (N, W, H_in): LSTM에는 특성 축이 필요
print(f"series:  {tuple(series.shape)}  (T,)")
print(f"windows: {tuple(windows.shape)}  (N, W + k), N = T - (W + k) + 1")
print(f"x:       {tuple(x.shape)}  (N, W, H_in)")
assert windows.shape == (T - (W + k) + 1, W + k)
assert x.shape == (N, W, H_in)
assert torch.equal(windows[1, :-1], windows[0, 1:])  # 각 윈도는 앞 윈도를 한 스텝 민 것
assert windows.data_ptr() == series.data_ptr()  # 복사본이 아니라 뷰

# %%
# 다대일: 윈도 다음 값 하나
# -------------------------
# 마지막 타임 스텝의 출력은 윈도 전체를 읽은 결과입니다. ``Linear(H_out, 1)`` 헤드가 이것을 윈도마다
# 예측값 하나, 즉 ``(N, 1)``\ 로 바꿉니다. 타깃은 윈도 바로 다음 값입니다.
lstm = nn.LSTM(H_in, H_out, batch_first=True)
head = nn.Linear(H_out, 1)
output, (h_n, c_n) = lstm(x)  # output: (N, W, H_out)
prediction = head(output[:, -1])  # (N, 1)
target = windows[:, W]  # (N,): 열 하나를 인덱싱하면 축이 사라짐
print(f"output:     {tuple(output.shape)}  (N, W, H_out)")
print(f"prediction: {tuple(prediction.shape)}  (N, 1)")
print(f"target:     {tuple(target.shape)}  (N,)")
assert output.shape == (N, W, H_out)
assert prediction.shape == (N, 1)
assert target.shape == (N,)

# %%
# ``(N, 1)``\ 과 ``(N,)``: ``MSELoss``\ 가 브로드캐스팅합니다
# -----------------------------------------------------------
# 두 모양에는 똑같이 ``N``\ 개의 값이 들어 있지만, 브로드캐스팅은 모든 예측값을 모든 타깃과 짝지어
# ``(N, N)`` 차이 표를 만들고 그 평균을 냅니다. PyTorch는 경고를 내고 틀린 손실(loss)을 돌려줍니다.
import warnings

loss_fn = nn.MSELoss()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = loss_fn(prediction, target)
messages = [str(w.message) for w in caught]
print("\n".join(messages))
assert any(m.startswith("Using a target size (torch.Size([") for m in messages)
assert any("This will likely lead to incorrect results due to broadcasting" in m for m in messages)
all_pairs = (prediction - target).pow(2)  # (N, 1) - (N,) -> (N, N)
print(f"prediction - target: {tuple(all_pairs.shape)}  (N, N), 모든 예측값과 모든 타깃의 짝")
assert all_pairs.shape == (N, N)
assert torch.equal(wrong, all_pairs.mean())

# %%
# 타깃을 예측값과 같은 모양으로 만들면(``target.unsqueeze(-1)``\ 을 쓰거나
# ``windows[:, W : W + 1]``\ 처럼 슬라이스로 인덱싱하면) 경고가 사라집니다. 이제 손실은 ``N``\ 개
# 짝의 평균이고, 앞의 값과 다릅니다.
target = windows[:, W : W + 1]  # (N, 1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    right = loss_fn(prediction, target)
print(f"target: {tuple(target.shape)}  (N, 1), 경고 {len(caught)}개")
print(f"틀린 손실과 맞는 손실이 같음: {torch.equal(wrong, right)}")
assert target.shape == prediction.shape == (N, 1)
assert not caught
assert not torch.equal(wrong, right)

# %%
# 다대다: 타임 스텝마다 예측값 하나
# ---------------------------------
# 같은 헤드를 ``output``\ 의 모든 타임 스텝에 적용하면 ``(N, W, 1)``\ 이 나옵니다. 스텝 ``t``\ 에서
# 모델은 윈도를 ``t``\ 까지 읽었고 ``t + 1``\ 의 값을 예측합니다. 타깃은 윈도를 한 스텝 민 것이고,
# 축도 같은 세 개입니다.
predictions = head(output)  # (N, W, 1)
targets = windows[:, 1 : W + 1].unsqueeze(-1)  # (N, W, 1)
print(f"predictions: {tuple(predictions.shape)}  (N, W, 1)")
print(f"targets:     {tuple(targets.shape)}  (N, W, 1)")
assert predictions.shape == targets.shape == (N, W, 1)
assert torch.allclose(predictions[:, -1], prediction)  # 다대일 예측값은 마지막 스텝의 예측값

# %%
# 여러 스텝, 직접 방식: 크기 ``k``\ 인 헤드
# -----------------------------------------
# ``k``\ 개 값을 한꺼번에 예측하려면 헤드의 출력을 ``k``\ 개로 하고 마지막 스텝만 읽습니다.
# 예측값과 타깃은 ``(N, k)``\ 입니다. 행 하나가 윈도 하나, 열 하나가 앞으로의 스텝 하나입니다.
direct_head = nn.Linear(H_out, k)
direct = direct_head(output[:, -1])  # (N, k)
targets_k = windows[:, W:]  # (N, k)
print(f"direct:    {tuple(direct.shape)}  (N, k)")
print(f"targets_k: {tuple(targets_k.shape)}  (N, k)")
assert direct.shape == targets_k.shape == (N, k)

# %%
# 여러 스텝, 자기회귀 방식: 예측값을 다시 입력으로
# ------------------------------------------------
# 한 스텝 모델로도 ``k``\ 스텝을 예측할 수 있습니다. 윈도를 읽고 값 하나를 예측한 뒤, 그 값을
# 다음 입력 ``(N, 1, H_in)``\ 으로 LSTM이 돌려준 상태 ``(h, c)``\ 와 함께 다시 넣기를 되풀이합니다.
# 상태가 윈도 전체를 기억하므로 스텝마다 새 값 하나만 읽으면 됩니다.


def autoregressive(x: torch.Tensor, steps: int) -> torch.Tensor:
    """x (N, W, H_in)의 윈도마다 다음 값 steps개를 예측해 (N, steps, H_in)으로 돌려줍니다."""
    output, state = lstm(x)  # 윈도는 한 번만 읽음
    step_input = head(output[:, -1:])  # (N, 1, H_in): 첫 예측값
    forecast = [step_input]
    for _ in range(steps - 1):
        output, state = lstm(step_input, state)  # 한 스텝: (N, 1, H_in) 입력, (N, 1, H_out) 출력
        step_input = head(output)  # (N, 1, H_in)
        forecast.append(step_input)
    return torch.cat(forecast, dim=1)


step_output, (h_1, c_1) = lstm(head(output[:, -1:]), (h_n, c_n))
print(f"한 스텝 입력: {tuple(head(output[:, -1:]).shape)}  (N, 1, H_in)")
print(f"한 스텝 출력: {tuple(step_output.shape)}  (N, 1, H_out), h {tuple(h_1.shape)}")
assert head(output[:, -1:]).shape == (N, 1, H_in)
assert step_output.shape == (N, 1, H_out)
assert h_1.shape == c_1.shape == (1, N, H_out)
fed_back = autoregressive(x, k)
print(f"자기회귀: {tuple(fed_back.shape)}  (N, k, H_in)")
assert fed_back.shape == (N, k, H_in)
assert torch.allclose(fed_back[:, 0], prediction)  # 첫 스텝은 한 스텝 예측값과 같음

# %%
# 두 모델을 학습하고 예측하기
# ---------------------------
# 한 스텝 모델(``lstm``\ 과 ``head``)은 다대다 타깃으로, 직접 방식 모델(자기 LSTM과 크기 ``k``\ 인
# 헤드)은 ``(N, k)`` 타깃으로 학습합니다. 모든 손실은 같은 모양끼리 비교합니다. 모양이 다르면
# ``MSELoss``\ 가 경고를 낼 텐데, 여기서는 경고를 오류로 바꿔 두었으므로 스크립트가 멈춥니다.
direct_lstm = nn.LSTM(H_in, H_out, batch_first=True)
one_step_params = [*lstm.parameters(), *head.parameters()]
direct_params = [*direct_lstm.parameters(), *direct_head.parameters()]
opt_one = torch.optim.Adam(one_step_params, lr=0.02)
opt_direct = torch.optim.Adam(direct_params, lr=0.02)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for _ in range(150):
        opt_one.zero_grad()
        loss_one = loss_fn(head(lstm(x)[0]), targets)  # (N, W, 1)과 (N, W, 1)
        loss_one.backward()
        opt_one.step()
        opt_direct.zero_grad()
        loss_direct = loss_fn(direct_head(direct_lstm(x)[0][:, -1]), targets_k)  # (N, k), (N, k)
        loss_direct.backward()
        opt_direct.step()

with torch.no_grad():
    fed_back = autoregressive(x, k)[..., 0]  # (N, k)
    direct = direct_head(direct_lstm(x)[0][:, -1])  # (N, k)
error_fed_back = (fed_back - targets_k).abs().max()
error_direct = (direct - targets_k).abs().max()
print(
    f"윈도 {N}개 모두에서 {k}스텝 앞까지 두 예측의 오차가 0.2 미만: "
    f"{bool(error_fed_back < 0.2 and error_direct < 0.2)}"
)
assert fed_back.shape == direct.shape == targets_k.shape == (N, k)
assert error_fed_back < 0.2
assert error_direct < 0.2

# %%
# 아래 그림은 윈도 하나와 그 뒤의 실제 값, 그리고 두 예측을 보여 줍니다.
import matplotlib.pyplot as plt

n = 5
fig, ax = plt.subplots(figsize=(8, 3.5), layout="constrained")
ax.plot(range(W), x[n, :, 0], color="0.3", marker=".", label=f"윈도 x[{n}] (W = {W})")
ax.plot(range(W, W + k), targets_k[n], color="0.6", lw=4, label="실제 값")
ax.plot(range(W, W + k), direct[n], "s", color="C0", label="직접 방식: 크기 k인 헤드")
ax.plot(range(W, W + k), fed_back[n], "o", color="C3", label="자기회귀: 예측값을 다시 입력")
ax.axvline(W - 0.5, color="0.7", ls="--")
ax.set_title(f"k = {k}스텝 예측: 배치마다 예측값 {tuple(direct.shape)}")
ax.set_xlabel("윈도 안의 타임 스텝")
ax.set_ylabel("값")
ax.legend(loc="lower left", fontsize="small")
plt.show()

# %%
# 모델 전체
# ---------
# 실제 프로젝트에서는 LSTM과 헤드를 ``nn.Module`` 하나에 담습니다. 아래 클래스는 이 페이지의
# 한 스텝 모델(다대다)이며, 학습한 가중치를 불러오면 ``head(lstm(x)[0])``\ 과 똑같은 값을
# 돌려줍니다. :ref:`추적 페이지 <trace-gallery-models>`\ 는 이 모델의 모든 하위 모듈에 훅을 걸고
# 실행해, 모델이 만드는 모든 텐서의 모양을 보여 줍니다.


class Forecaster(nn.Module):
    """LSTM 뒤에 스텝마다 값 하나를 내는 헤드: (N, W, H_in)을 받아 (N, W, 1)을 돌려줍니다."""

    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.lstm(x)  # (N, W, H_out)
        return self.head(output)  # (N, W, 1)


forecaster = Forecaster(H_in, H_out)
forecaster.lstm.load_state_dict(lstm.state_dict())
forecaster.head.load_state_dict(head.state_dict())
with torch.no_grad():
    forecasts = forecaster(x)
    same = torch.equal(forecasts, head(lstm(x)[0]))
print(f"forecaster(x): {tuple(forecasts.shape)}  (N, W, 1), head(lstm(x)[0])과 같은가: {same}")
assert forecasts.shape == targets.shape == (N, W, 1)
assert same

# %%
# 더 보기
# -------
# - :ref:`example-train-sine`\ 에서는 블로그의 RNN을 같은 사인파로 다대다 학습합니다.
# - :ref:`example-heads`\ 는 시퀀스마다, 타임 스텝마다 레이블 하나를 내는 헤드를 다룹니다.
# - 이 예측 모델의 LSTM을 이 배치의 ``N``, ``W``\ 와 함께 `모양 계산기
#   <../../calculator.html?mode=LSTM&input_size=1&hidden_size=16&batch_first=1&batch=91
#   &seq_len=20>`__\ 에서 확인해 보십시오. 자기회귀 스텝은 같은 LSTM에 ``seq_len=1``\ 을 준 것입니다.
# - PyTorch 문서: `Tensor.unfold
#   <https://pytorch.org/docs/stable/generated/torch.Tensor.unfold.html>`_, `nn.MSELoss
#   <https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html>`_.
