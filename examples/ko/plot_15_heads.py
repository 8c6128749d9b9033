r"""
.. _example-heads:

헤드: RNN의 출력에서 손실까지
==============================

순환 레이어가 돌려주는 것은 은닉 상태(hidden state)이지 예측값이 아닙니다. 무엇을 예측하든
``output``\ 의 마지막 차원은 ``D * H_out``\ 입니다. 은닉 상태를 예측값으로 바꾸는 것은
*헤드(head)*\ 이고, 보통 ``nn.Linear`` 하나입니다. 헤드를 어디에 붙이느냐가 문제의 종류를
정합니다.

- **다대일(many-to-one)**: 시퀀스마다 예측 하나. 마지막 타임 스텝(time step)에 헤드를 붙입니다(문장 분류).
- **다대다(many-to-many)**: 타임 스텝마다 예측 하나. 모든 타임 스텝에 헤드를 붙입니다(단어마다 태깅).

두 경우를 작은 ``nn.Module`` 클래스로 만들고, 입력부터 스칼라 손실까지 모든 모양(shape)을
출력합니다. 기호는 ``N`` 배치 크기, ``L`` 시퀀스 길이, ``H_in`` 입력 특성 수, ``H_out`` 은닉
상태 크기, ``D`` 방향 수, ``C`` 클래스 수입니다.
"""

# %%
# 헷갈릴 수 없는 크기
# -------------------
# 축마다 크기를 다르게 잡아서, 출력된 모양만 보고도 어느 축이 어느 것인지 알 수 있게 합니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out, C = 3, 5, 4, 6, 7
num_layers = 2

x = torch.randn(N, L, H_in)
print(f"입력 x: {tuple(x.shape)}  (N, L, H_in)")
assert x.shape == (N, L, H_in)


# %%
# 다대일: 마지막 타임 스텝에 붙인 헤드
# -----------------------------------------
# 분류기는 마지막 레이어의 마지막 타임 스텝 은닉 상태인 ``h_n[-1]``\ 을 읽어서, ``H_out``\ 개의
# 값을 클래스 점수인 로짓(logit) ``C``\ 개로 바꿉니다. 단방향 RNN에서는 ``h_n[-1]``\ 과
# ``output[:, -1]``\ 이 같은 벡터입니다. ``nn.Linear``\ 는 마지막 차원에만 작용하므로 배치 축은
# 그대로 지나갑니다.
class SequenceClassifier(nn.Module):
    def __init__(
        self, input_size: int, hidden_size: int, num_layers: int, num_classes: int
    ) -> None:
        super().__init__()
        self.rnn = nn.RNN(
            input_size=input_size,
            hidden_size=hidden_size,
            num_layers=num_layers,
            batch_first=True,
        )
        self.head = nn.Linear(in_features=hidden_size, out_features=num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, h_n = self.rnn(x)
        last = h_n[-1]  # (N, H_out): 마지막 레이어, 마지막 타임 스텝
        assert torch.equal(last, output[:, -1])
        return self.head(last)


D = 1  # 방향 하나
classifier = SequenceClassifier(H_in, H_out, num_layers, C)
output, h_n = classifier.rnn(x)
logits = classifier(x)

print(f"output:   {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:      {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print(f"h_n[-1]:  {tuple(h_n[-1].shape)}  (N, H_out)")
print(f"logits:   {tuple(logits.shape)}  (N, C)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert h_n[-1].shape == (N, H_out)
assert logits.shape == (N, C)

# %%
# ``nn.CrossEntropyLoss``\ 는 ``(N, C)`` 모양의 로짓과, 시퀀스마다 클래스 번호 하나씩을 담은
# ``(N,)`` 모양의 정수 텐서를 받습니다. 기본값 ``reduction="mean"``\ 이면 손실은 스칼라, 즉
# 차원이 0개인 텐서이고 바로 ``backward()``\ 를 부를 수 있습니다.
loss_fn = nn.CrossEntropyLoss()
labels = torch.randint(C, (N,))
loss = loss_fn(logits, labels)
loss.backward()

print(f"labels: {tuple(labels.shape)}  (N,), dtype {labels.dtype}")
print(f"loss:   {tuple(loss.shape)}  스칼라, ndim {loss.ndim}")
assert labels.shape == (N,)
assert loss.shape == ()


# %%
# 다대다: 모든 타임 스텝에 붙인 헤드
# ----------------------------------------
# 태거(tagger)는 타임 스텝마다 예측이 필요하므로 헤드가 ``output`` 전체를 읽습니다. 여기서는
# 양방향(bidirectional) GRU를 써서 ``D``\ 가 2이고, 헤드의 ``in_features``\ 는
# ``D * H_out``\ 이어야 합니다. ``nn.Linear``\ 는 마지막 차원에만 작용하므로 같은 헤드가 모든
# 타임 스텝에 적용되어, 반복문 없이 ``(N, L, D * H_out)``\ 이 ``(N, L, C)``\ 가 됩니다.
class SequenceTagger(nn.Module):
    def __init__(self, input_size: int, hidden_size: int, num_classes: int) -> None:
        super().__init__()
        self.rnn = nn.GRU(
            input_size=input_size,
            hidden_size=hidden_size,
            batch_first=True,
            bidirectional=True,
        )
        self.head = nn.Linear(in_features=2 * hidden_size, out_features=num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.rnn(x)  # (N, L, D * H_out)
        return self.head(output)  # (N, L, C)


D = 2  # 방향 둘
tagger = SequenceTagger(H_in, H_out, C)
tag_output, _ = tagger.rnn(x)
tag_logits = tagger(x)
tags = torch.randint(C, (N, L))

print(f"output:      {tuple(tag_output.shape)}  (N, L, D * H_out)")
print(f"헤드:        {tagger.head}")
print(f"tag_logits:  {tuple(tag_logits.shape)}  (N, L, C)")
print(f"tags:        {tuple(tags.shape)}  (N, L)")
assert tag_output.shape == (N, L, D * H_out)
assert tag_logits.shape == (N, L, C)
assert tags.shape == (N, L)

# %%
# 클래스 축은 두 번째에 와야 합니다
# ---------------------------------
# ``nn.CrossEntropyLoss``\ 는 입력을 ``(N, C, ...)``\ 로 읽습니다. 클래스가 *두 번째* 축에
# 있고, 나머지 축은 그 뒤에 옵니다. 우리 로짓은 클래스가 마지막 축에 있으므로, ``(N, L)``
# 모양의 타깃(target)과 함께 넘기면 실패합니다. 손실 함수는 ``L``\ 을 클래스 수로, ``C``\ 를 나머지
# 축으로 읽고, 그에 맞는 모양의 타깃을 기대합니다.
try:
    loss_fn(tag_logits, tags)
except RuntimeError as err:  # L을 클래스 축으로 읽음
    message = str(err)
else:
    raise AssertionError("CrossEntropyLoss가 (N, L, C) 로짓과 (N, L) 타깃을 받았습니다")
print(f"RuntimeError: {message}")
assert message.startswith("Expected target size")

# %%
# 고치는 방법은 두 가지이고 결과는 같습니다. ``transpose``\ 로 1번 축과 2번 축을 바꿔 클래스를
# 두 번째 축으로 옮기면 ``(N, C, L)``\ 을 ``(N, L)`` 타깃과 함께 넘기게 됩니다. 아니면 타임
# 스텝을 배치 축에 합쳐 ``(N * L, C)``\ 를 ``(N * L,)``\ 과 함께 넘깁니다. 두 방법 모두 같은
# ``N * L``\ 개 예측의 평균을 내므로 손실도 같습니다.
by_transpose = tag_logits.transpose(1, 2)
flat_logits = tag_logits.reshape(N * L, C)
flat_tags = tags.reshape(N * L)

loss_transposed = loss_fn(by_transpose, tags)
loss_flat = loss_fn(flat_logits, flat_tags)

print(f"transpose한 로짓: {tuple(by_transpose.shape)}  (N, C, L)")
print(f"펼친 로짓:        {tuple(flat_logits.shape)}  (N * L, C)")
print(f"펼친 tags:         {tuple(flat_tags.shape)}  (N * L,)")
print(f"손실:              {tuple(loss_transposed.shape)}  스칼라")
print("두 손실이 같은가:", torch.allclose(loss_transposed, loss_flat))
assert by_transpose.shape == (N, C, L)
assert flat_logits.shape == (N * L, C)
assert flat_tags.shape == (N * L,)
assert loss_transposed.shape == loss_flat.shape == ()
assert torch.allclose(loss_transposed, loss_flat)

# %%
# ``L``\ 과 ``C``\ 가 같으면 아무도 알려 주지 않습니다
# -----------------------------------------------------
# 위의 오류는 ``L``\ 과 ``C``\ 가 달라서 난 것입니다. 타임 스텝 수와 클래스 수가 같으면
# ``(N, L, C)`` 모양의 로짓은 ``(N, C, L)``\ 과 구별되지 않습니다. 잘못된 호출이 그대로
# 실행되어 숫자를 돌려주는데, 그것은 엉뚱한 문제의 의미 없는 손실입니다.
square_logits = torch.randn(N, C, C)  # 여기서는 L과 C가 같습니다
square_tags = torch.randint(C, (N, C))
wrong = loss_fn(square_logits, square_tags)  # 오류는 없지만 엉뚱한 축을 클래스로 씁니다
right = loss_fn(square_logits.transpose(1, 2), square_tags)
print(f"정사각 로짓: {tuple(square_logits.shape)}  (N, L, C), L == C")
same = torch.isclose(wrong, right).item()
print("오류 없이 실행됨. transpose한 호출과 손실이 같은가:", same)
assert square_logits.shape == (N, C, C)
assert not torch.isclose(wrong, right)

# %%
# 두 헤드를 나란히 보기
# ---------------------
# 배치의 첫 번째 시퀀스를 그렸습니다. 다대일 헤드는 시퀀스 전체에 대해 ``C``\ 개짜리
# 로짓 한 줄을 내고(위), 다대다 헤드는 타임 스텝마다 한 줄씩 냅니다(아래). 점은 각
# 줄의 타깃 클래스입니다.
import matplotlib.pyplot as plt

fig, (ax_one, ax_many) = plt.subplots(
    2,
    1,
    figsize=(8, 4),
    sharex=True,
    gridspec_kw={"height_ratios": [1, L]},
    layout="constrained",
)
one = logits[:1].detach().numpy()  # (1, C): 0번 시퀀스의 한 줄
many = tag_logits[0].detach().numpy()  # (L, C): 0번 시퀀스의 타임 스텝마다 한 줄
vmax = float(max(abs(one).max(), abs(many).max()))

ax_one.imshow(one, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_one.plot(labels[0].item(), 0, "ko")
ax_one.set_title(f"다대일, logits[0]: {tuple(logits[0].shape)}")
ax_one.set_yticks([])

ax_many.imshow(many, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_many.plot(tags[0].numpy(), range(L), "ko")
ax_many.set_title(f"다대다, tag_logits[0]: {tuple(tag_logits[0].shape)}")
ax_many.set_xlabel("클래스 (C)")
ax_many.set_ylabel("타임 스텝 (L)")
plt.show()

# %%
# 정리
# ----
# - 다대일: ``head(h_n[-1])`` 또는 ``head(output[:, -1])``\ 은 ``(N, C)``\ 이고, 타깃은
#   ``(N,)``\ 입니다. 패딩한 배치에서는 시퀀스마다 마지막 실제 타임 스텝이 다르므로 배치를
#   패킹합니다(:ref:`example-packed-sequences` 참고).
# - 다대다: ``head(output)``\ 은 ``(N, L, C)``\ 입니다. ``(N, L)`` 타깃에 맞추려면
#   ``transpose``\ 로 1번 축과 2번 축을 바꾸거나, ``(N * L, C)``\ 와 ``(N * L,)``\ 로
#   reshape합니다.
# - ``bidirectional=True``\ 이면 ``h_n[-1]``\ 은 역방향뿐입니다. ``output``\ 에 붙이는 헤드의
#   ``in_features``\ 는 ``D * H_out``\ 입니다(:ref:`example-bidirectional` 참고).
#
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.Linear
#   <https://pytorch.org/docs/stable/generated/torch.nn.Linear.html>`_,
#   `torch.nn.CrossEntropyLoss
#   <https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html>`_,
#   `torch.nn.RNN <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_,
#   `torch.nn.GRU <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_.
# - :ref:`example-blog-configurations`\ 는 블로그의 RNN에 회귀 헤드를 얹고,
#   :ref:`example-train-sine`\ 은 다대다 헤드로 그 RNN을 학습합니다.
# - 태거의 양방향 GRU를 `모양 계산기 <../calculator.html?mode=GRU&input_size=4&hidden_size=6
#   &batch_first=1&bidirectional=1&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. ``output``\ 의 마지막
#   축이 곧 헤드의 ``in_features``\ 입니다.
