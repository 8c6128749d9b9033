r"""
.. _example-carrying-state:

배치에서 배치로 상태 넘기기: 잘린 시간 역전파
=============================================

순전파 한 번에 넣기에는 너무 긴 시계열은 조각(chunk)으로 자르고, 한 조각에서 LSTM이 낸 마지막
상태를 다음 조각의 초기 상태로 넘깁니다. 그러면 모델은 여전히 전체 이력을 봅니다. 하지만
기울기(gradient)는 조각의 경계에서 멈춰야 합니다(잘린 시간 역전파, truncated backpropagation
through time, TBPTT). 그 과정에서 두 군데가 깨집니다. ``detach`` 없이 두 번째 ``backward``\ 를
부를 때, 그리고 초기 상태의 배치 크기를 고정해 두었는데 마지막 배치가 더 작을 때입니다.

기호는 ``N`` 나란히 흐르는 스트림 수(배치), ``L`` 조각 하나의 타임 스텝 수, ``H_in = 1``, ``H_out``
은닉 상태 크기입니다.
"""

# %%
# 긴 시계열 하나를 스트림과 조각으로 자르기
# -----------------------------------------
# 시계열을 나란히 놓인 스트림 ``N``\ 개, ``(N, T // N)``\ 으로 나누고, 스트림마다 ``L``\ 스텝씩
# 조각을 냅니다. 모든 스트림에서 조각 ``j``\ 는 시간상 조각 ``j - 1`` 바로 뒤에 옵니다.
import math

import torch
from torch import nn

torch.manual_seed(0)

T, N, L, H_in, H_out = 240, 4, 20, 1, 8
series = torch.sin(math.pi / 19 * torch.arange(T, dtype=torch.float32))
streams = series.reshape(N, T // N)  # (N, T // N): 스트림 n은 시계열의 한 구간
chunks = streams.split(L, dim=1)  # 각각 (N, L)
print(
    f"streams: {tuple(streams.shape)}  (N, T // N), 조각 {len(chunks)}개, 각각 {tuple(chunks[0].shape)}"
)
assert streams.shape == (N, T // N)
assert all(chunk.shape == (N, L) for chunk in chunks)

lstm = nn.LSTM(H_in, H_out, batch_first=True)
head = nn.Linear(H_out, 1)
optimizer = torch.optim.Adam([*lstm.parameters(), *head.parameters()], lr=0.01)
loss_fn = nn.MSELoss()


def chunk_loss(chunk: torch.Tensor, state):
    """조각 하나에서 다음 값을 예측하고 손실과 LSTM의 마지막 상태를 돌려줍니다."""
    x = chunk[:, :-1].unsqueeze(-1)  # (N, L - 1, H_in)
    target = chunk[:, 1:].unsqueeze(-1)  # (N, L - 1, 1)
    output, state = lstm(x, state)  # output: (N, L - 1, H_out), state: (1, N, H_out) 두 개
    return loss_fn(head(output), target), state


# %%
# ``detach`` 없이 상태 넘기기
# ---------------------------
# 조각 0이 돌려준 상태는 아직 조각 0의 계산 그래프에 붙어 있습니다. 첫 ``backward``\ 가 끝나면 그
# 그래프에 저장된 텐서가 해제되므로, 그래프를 다시 거슬러 가야 하는 두 번째 ``backward``\ 는
# 실패합니다(오류 메시지 사전의 `은닉 상태를 다음 배치로 그대로 넘김
# <../../errors.html#error-backward-second-time>`__).
state = None
try:
    for chunk in chunks[:2]:
        loss, state = chunk_loss(chunk, state)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
except RuntimeError as err:  # 두 번째 조각의 backward가 첫 조각의 그래프까지 거슬러 감
    message = str(err)
else:
    raise AssertionError("넘겨받은 상태를 거치는 backward가 실패하지 않았습니다")
print(message)
assert message.startswith("Trying to backward through the graph a second time")

# %%
# ``retain_graph=True``\ 를 주면 오류는 사라지지만, 그러면 ``backward``\ 가 매번 시계열의 처음까지
# 거슬러 가므로 조각이 늘수록 느려집니다. ``detach``\ 는 값은 그대로 두고 그래프만 끊습니다.
# 시계열 전체를 마흔 번 학습하며, 매번 0 상태에서 시작합니다.
for _epoch in range(40):
    state = None
    for chunk in chunks:
        if state is not None:
            state = tuple(s.detach() for s in state)  # 값은 같고 이력은 없음
        loss, state = chunk_loss(chunk, state)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
h, c = state
print(f"넘겨받은 h: {tuple(h.shape)}  (num_layers, N, H_out), requires_grad: {h.requires_grad}")
print(f"detach한 h: requires_grad {h.detach().requires_grad}, grad_fn {h.detach().grad_fn}")
assert h.shape == c.shape == (1, N, H_out)
assert h.detach().grad_fn is None

# %%
# 마지막의 작은 배치와 고정된 ``init_hidden``
# -------------------------------------------
# 많은 튜토리얼이 초기 상태를 예상한 배치 크기로 한 번만 만들어 둡니다. 데이터셋 크기가 배치
# 크기로 나누어떨어지지 않으면 ``DataLoader``\ 의 마지막 배치는 더 작고, 고정된 상태는 더 이상
# 맞지 않습니다. LSTM은 자신이 기대한 크기를 알려 줍니다.
from torch.utils.data import DataLoader

windows = series.unfold(0, L, L).unsqueeze(-1)  # (T // L, L, H_in)
loader = DataLoader(windows, batch_size=5)
sizes = [len(batch) for batch in loader]
print(f"windows: {tuple(windows.shape)}, 배치 크기: {sizes}")
assert windows.shape == (T // L, L, H_in)
assert sizes[-1] < sizes[0]

batch_size = 5
init_hidden = (torch.zeros(1, batch_size, H_out), torch.zeros(1, batch_size, H_out))
try:
    for batch in loader:
        lstm(batch, init_hidden)
except RuntimeError as err:  # 마지막 배치만 더 작음
    message = str(err)
else:
    raise AssertionError("배치 크기가 틀린 초기 상태가 받아들여졌습니다")
print(message)
assert message.startswith(f"Expected hidden[0] size (1, {sizes[-1]}, {H_out})")

# %%
# 오류 메시지 사전의 `LSTM의 h_0 모양이 틀림 <../../errors.html#error-lstm-h0-size-mismatch>`__\ 에서
# 이 메시지를 설명합니다. 초기 상태를 지금 받은 배치로 만들면 됩니다(또는 ``drop_last=True``\ 로
# 마지막 배치를 버립니다).
for batch in loader:
    n = batch.shape[0]
    state = (torch.zeros(1, n, H_out), torch.zeros(1, n, H_out))
    output, (h_n, c_n) = lstm(batch, state)
    assert output.shape == (n, L, H_out)
    assert h_n.shape == (1, n, H_out)
print(f"마지막 배치: output {tuple(output.shape)}, h_n {tuple(h_n.shape)}")
print(
    f"drop_last=True: 배치 크기 {[len(b) for b in DataLoader(windows, batch_size=5, drop_last=True)]}"
)

# %%
# 아래 그림은 스트림 0에 대해 모델이 조각마다 예측한 다음 값을 그린 것입니다. 얇은 세로선인 조각
# 경계마다 상태를 넘겨 줍니다.
import matplotlib.pyplot as plt

with torch.no_grad():
    state, predictions = None, []
    for chunk in chunks:
        output, state = lstm(chunk[:, :-1].unsqueeze(-1), state)
        predictions.append(head(output)[..., 0])  # (N, L - 1)
fig, ax = plt.subplots(figsize=(8, 3), layout="constrained")
ax.plot(streams[0], color="0.6", lw=3, label="스트림 0")
for j, prediction in enumerate(predictions):
    ax.plot(
        range(j * L + 1, (j + 1) * L),
        prediction[0],
        color="C3",
        label="예측값" if j == 0 else None,
    )
    ax.axvline(j * L, color="0.85", lw=1)
ax.set_title(f"L = {L}인 조각 {len(chunks)}개, 조각에서 조각으로 상태 전달")
ax.set_xlabel("타임 스텝")
ax.set_ylabel("값")
ax.legend(loc="lower left")
plt.show()

# %%
# 모델 전체
# ---------
# 모듈 하나에 담으면 상태는 인자이자 두 번째 반환값이 되고, 상태를 넘겨주는 반복문은 모델 밖에
# 남습니다. 이 페이지에서 학습한 가중치를 불러와 청크들을 차례로 넣으면 위 그림의 예측값이 그대로
# 나옵니다. :ref:`추적 페이지 <trace-gallery-models>`\ 는 상태를 넘겨받은 호출 한 번을 추적합니다.
# 이때 LSTM은 ``(h_0, c_0)``\ 을 받고, 추적 결과의 LSTM 행에 그 모양이 나옵니다.


class StatefulForecaster(nn.Module):
    """이 페이지의 LSTM과 헤드. 상태를 받아 다음 청크에 넘길 상태를 돌려줍니다."""

    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)

    def forward(
        self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        output, state = self.lstm(x, state)  # output: (N, L, H_out), 상태: (1, N, H_out) 두 개
        return self.head(output), state  # (N, L, 1)과 다음 청크에 넘길 상태


model = StatefulForecaster(H_in, H_out)
model.lstm.load_state_dict(lstm.state_dict())
model.head.load_state_dict(head.state_dict())
with torch.no_grad():
    state = None
    for chunk, drawn in zip(chunks, predictions, strict=True):
        predicted, state = model(chunk[:, :-1].unsqueeze(-1), state)
        assert predicted.shape == (N, L - 1, 1)
        assert torch.equal(predicted[..., 0], drawn)
print(
    f"model(chunk, state): {tuple(predicted.shape)}  (N, L - 1, 1), 상태: {tuple(state[0].shape)} 두 개"
)
print(f"청크 {len(chunks)}개의 예측값이 위 그림의 예측값과 같습니다")

# %%
# 더 보기
# -------
# - ``h_0``\ 과 그 모양은 :ref:`example-initial-hidden-state`\ 에서 설명합니다.
# - 이 LSTM을 마지막 배치의 크기로 `모양 계산기
#   <../../calculator.html?mode=LSTM&input_size=1&hidden_size=8&batch_first=1&batch=2
#   &seq_len=20>`__\ 에서 확인해 보십시오.
# - PyTorch 문서: `Tensor.detach
#   <https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html>`_, `DataLoader
#   <https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader>`_.
