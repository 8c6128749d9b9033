r"""
.. _example-cnn-before-rnn:

RNN 앞의 CNN: ``view``\ 가 아니라 ``permute``
=============================================

LSTM 앞에 ``Conv1d``\ 를 두면 국소적인 특성을 뽑을 수 있지만, 둘은 축 순서(layout)가 다릅니다.
``nn.Conv1d``\ 는 채널이 시간보다 앞인 ``(N, C, L)``\ 을 쓰고, ``nn.LSTM(batch_first=True)``\ 는
시간이 특성보다 앞인 ``(N, L, H_in)``\ 을 받습니다. 두 축을 맞바꾸려면 ``permute``\ (또는
``transpose``)가 필요합니다. 같은 모양으로 ``view``\ 나 ``reshape``\ 를 해도 오류 없이 실행되지만,
이 둘은 메모리에 놓인 순서대로 숫자를 다시 읽을 뿐이므로 타임 스텝과 채널이 뒤섞입니다.

기호는 ``N`` 배치 크기, ``C`` 합성곱이 내놓는 채널 수(LSTM의 ``H_in``), ``L`` 타임 스텝 수,
``H_out`` 은닉 상태 크기입니다.
"""

# %%
# 합성곱의 축 순서
# ----------------
# 입력 채널 2개, 타임 스텝 ``L``\ 개인 시계열 ``N``\ 개를 출력 채널이 ``C``\ 개인 ``Conv1d``\ 에
# 통과시킵니다. ``kernel_size=3``\ 에 ``padding=1``\ 을 주면 길이 ``L``\ 이 그대로 유지됩니다.
import torch
from torch import nn

torch.manual_seed(0)

N, C_in, C, L, H_out = 2, 2, 3, 5, 4
signals = torch.randn(N, C_in, L)  # (N, C_in, L)
conv = nn.Conv1d(C_in, C, kernel_size=3, padding=1)
features = conv(signals)  # (N, C, L)
print(f"signals:  {tuple(signals.shape)}  (N, C_in, L)")
print(f"features: {tuple(features.shape)}  (N, C, L)")
assert features.shape == (N, C, L)

# %%
# ``permute``\ 와 ``view``\ 를 값으로 비교하기
# --------------------------------------------
# 숫자가 어디로 가는지 보려고 특성 대신 표식을 씁니다. 값 ``10 * c + t``\ 는 타임 스텝 ``t``\ 의
# 채널 ``c``\ 입니다. 스텝 ``t``\ 에서 LSTM이 받는 입력에는 바로 그 스텝의 채널 ``0 .. C-1``\ 이
# 들어 있어야 합니다.
labels = (10 * torch.arange(C)[:, None] + torch.arange(L)).expand(N, C, L)  # (N, C, L)
permuted = labels.permute(0, 2, 1)  # (N, L, C)
viewed = labels.reshape(N, L, C)  # 모양은 같지만 내용이 다름
print(f"permuted: {tuple(permuted.shape)}  (N, L, C)")
print(f"viewed:   {tuple(viewed.shape)}  (N, L, C)")
print("permuted[0]: 행 하나가 타임 스텝 하나, 스텝 t의 채널 c는 10 * c + t")
print(permuted[0])
print("viewed[0]: 같은 숫자를 행 순서대로 읽은 것, 시간과 채널이 뒤섞임")
print(viewed[0])
assert permuted.shape == viewed.shape == (N, L, C)
expected = 10 * torch.arange(C)[None, :] + torch.arange(L)[:, None]  # (L, C)
assert torch.equal(permuted[0], expected)
assert not torch.equal(viewed[0], expected)

# %%
# ``permute``\ 는 아무것도 복사하지 않습니다. 같은 메모리를 스트라이드(stride)만 바꿔 돌려주므로
# 결과는 연속(contiguous) 텐서가 아닙니다. 그래서 ``.view``\ 는 permute한 텐서를 펼치지 못하고
# 오류를 냅니다(오류 메시지 사전의 `전치한 h_n에 view 사용
# <../../errors.html#error-view-not-contiguous>`__\ 과 같은 메시지입니다). ``reshape``\ 는
# 필요하면 복사합니다.
try:
    permuted.view(N, L * C)
except RuntimeError as err:  # view는 메모리가 그 순서로 놓여 있어야 함
    message = str(err)
else:
    raise AssertionError("view가 연속이 아닌 permute 결과를 받아들였습니다")
print(message)
assert message.startswith("view size is not compatible with input tensor's size and stride")
print(f"permuted.is_contiguous(): {permuted.is_contiguous()}")
assert not permuted.is_contiguous()

# %%
# LSTM에 넣고 다시 되돌리기
# -------------------------
# permute한 특성을 받은 LSTM은 값 ``C``\ 개짜리 스텝을 ``L``\ 개 읽습니다. 뒤에 합성곱을 하나 더
# 두려면 ``(N, L, H_out)`` 출력을 다시 ``(N, H_out, L)``\ 로 permute합니다.
lstm = nn.LSTM(C, H_out, batch_first=True)
output, (h_n, c_n) = lstm(features.permute(0, 2, 1))  # (N, L, C) 입력
back = output.permute(0, 2, 1)  # 다음 Conv1d를 위한 (N, H_out, L)
after = nn.Conv1d(H_out, 1, kernel_size=1)(back)  # (N, 1, L)
print(f"LSTM 출력:    {tuple(output.shape)}  (N, L, H_out)")
print(f"permute 결과: {tuple(back.shape)}  (N, H_out, L)")
print(f"다음 합성곱:  {tuple(after.shape)}  (N, 1, L)")
assert output.shape == (N, L, H_out)
assert back.shape == (N, H_out, L)
assert after.shape == (N, 1, L)

# %%
# 잘못된 축 순서도 모양은 같으므로 아무 오류가 없습니다. LSTM은 뒤섞인 스텝을 읽을 뿐이고, 출력은
# 올바른 출력과 달라집니다.
wrong_output, _ = lstm(features.reshape(N, L, C))
print(
    f"reshape한 입력의 출력: {tuple(wrong_output.shape)}, permute한 입력의 출력과 같음: "
    f"{torch.allclose(wrong_output, output)}"
)
assert wrong_output.shape == output.shape
assert not torch.allclose(wrong_output, output)

# %%
# 아래 그림은 표식을 그린 것으로, 칸마다 ``10 * c + t``\ 입니다. ``permute``\ 에서는 행 하나가 타임
# 스텝 하나이고, ``view``\ 에서는 행마다 스텝과 채널이 섞여 있습니다.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
for ax, tensor, title in zip(
    axes,
    [permuted[0], viewed[0]],
    ["permute(0, 2, 1): 행마다 타임 스텝 하나", "view / reshape: 스텝과 채널이 섞임"],
    strict=True,
):
    ax.imshow(tensor % 10, cmap="tab10", vmin=0, vmax=9, aspect="auto")
    for t in range(L):
        for c in range(C):
            ax.text(
                c,
                t,
                f"c{int(tensor[t, c]) // 10} t{int(tensor[t, c]) % 10}",
                ha="center",
                va="center",
            )
    ax.set_title(f"{title}\n{tuple(tensor.shape)}")
    ax.set_xlabel("LSTM 입력 특성")
    ax.set_ylabel("LSTM 타임 스텝")
    ax.set_xticks(range(C))
    ax.set_yticks(range(L))
plt.show()

# %%
# 모델 전체
# ---------
# 세 레이어를 모듈 하나에 담고, ``permute`` 호출 두 번을 ``forward`` 안에 두었습니다. 이 페이지의
# 합성곱과 LSTM 가중치를 불러오면, 모델의 출력은 마지막 ``Conv1d``\ 가 ``back``\ 에서 만든 값과
# 같습니다. :ref:`추적 페이지 <trace-gallery-models>`\ 는 레이어마다 모양을 보여 줍니다.
# ``permute``\ 는 모듈이 아니므로, 추적 결과에서는 ``conv`` 행과 ``lstm`` 행 사이에서 축 순서가
# 바뀐 것으로 드러납니다.


class ConvLSTM(nn.Module):
    """Conv1d, LSTM, Conv1d: (N, C_in, L)을 받아 (N, 1, L)을 돌려주며, LSTM 앞뒤에서 축을 바꿉니다."""

    def __init__(self, in_channels: int, channels: int, hidden_size: int) -> None:
        super().__init__()
        self.conv = nn.Conv1d(in_channels, channels, kernel_size=3, padding=1)
        self.lstm = nn.LSTM(channels, hidden_size, batch_first=True)
        self.after = nn.Conv1d(hidden_size, 1, kernel_size=1)

    def forward(self, signals: torch.Tensor) -> torch.Tensor:
        features = self.conv(signals)  # (N, C, L)
        output, _ = self.lstm(features.permute(0, 2, 1))  # (N, L, C) 입력, (N, L, H_out) 출력
        return self.after(output.permute(0, 2, 1))  # (N, H_out, L) 입력, (N, 1, L) 출력


model = ConvLSTM(C_in, C, H_out)
model.conv.load_state_dict(conv.state_dict())
model.lstm.load_state_dict(lstm.state_dict())
with torch.no_grad():
    out = model(signals)
    same = torch.equal(out, model.after(back))
print(f"model(signals): {tuple(out.shape)}  (N, 1, L), after(back)과 같은가: {same}")
assert out.shape == (N, 1, L)
assert same

# %%
# 더 보기
# -------
# - :ref:`example-batch-axis`\ 는 ``(L, N, H_in)``\ 과 ``(N, L, H_in)`` 사이에서 일어나는 같은 종류의
#   조용한 실수를 보여 줍니다.
# - 이 LSTM을 `모양 계산기
#   <../../calculator.html?mode=LSTM&input_size=3&hidden_size=4&batch_first=1&batch=2
#   &seq_len=5>`__\ 에서 확인해 보십시오.
# - PyTorch 문서: `nn.Conv1d
#   <https://pytorch.org/docs/stable/generated/torch.nn.Conv1d.html>`_, `Tensor.permute
#   <https://pytorch.org/docs/stable/generated/torch.Tensor.permute.html>`_.
