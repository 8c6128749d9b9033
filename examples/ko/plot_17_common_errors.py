r"""
.. _example-common-errors:

자주 만나는 오류와 PyTorch의 메시지
========================================

순환 레이어를 쓰다 보면 누구나 한 번쯤 겪는 실수 여섯 가지를 모았습니다. 아래에서는 각 실수를
실제로 저지르고, 잡아 낸 예외를 그대로 출력합니다. 그러니 코드 아래의 메시지는 이 페이지를
빌드할 때 PyTorch가 실제로 낸 것입니다. 실수 바로 다음에는 고친 코드를 실행하고 결과를
확인합니다.

기호는 ``N`` 배치 크기, ``L`` 시퀀스 길이, ``H_in`` 입력 특성 수, ``H_out`` 은닉 상태 크기,
``H_cell`` LSTM의 셀 상태(cell state) 크기, ``D`` 방향 수입니다. 크기를 모두 다르게 잡았으므로
메시지에 나오는 숫자마다 어느 축인지 알 수 있습니다.
"""

# %%
# 크기와 데이터
# -------------
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
num_layers, D = 2, 1

x = torch.randn(N, L, H_in)
print(f"x: {tuple(x.shape)}  (N, L, H_in)")
assert x.shape == (N, L, H_in)

# %%
# 1. ``input_size``\ 가 입력 특성 수와 다름
# -----------------------------------------
# 블로그의 네트워크는 타임 스텝(time step)마다 특성이 하나인 입력에 맞춰 ``input_size=1``\ 로
# 만들었습니다. 이런 네트워크에 타임 스텝마다 특성이 ``H_in``\ 개인 데이터를 넣으면
# ``forward``\ 의 첫 검사에서 멈춥니다.
rnn_one_feature = nn.RNN(input_size=1, hidden_size=H_out, batch_first=True)
try:
    rnn_one_feature(x)
except RuntimeError as err:  # forward가 가장 먼저 검사함
    message = str(err)
else:
    raise AssertionError("torch가 input_size=1인 모듈에 특성 4개짜리 입력을 받았습니다")
print(f"RuntimeError: {message}")
assert message.startswith("input.size(-1) must be equal to input_size")

# %%
# **고치는 법:** ``input_size``\ 는 입력의 *마지막* 차원의 크기입니다. 손으로 적지 말고
# 데이터에서 읽어 옵니다.
rnn = nn.RNN(
    input_size=x.shape[-1],
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
output, h_n = rnn(x)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
assert output.shape == (N, L, D * H_out)

# %%
# 2. 배치 우선으로 만든 ``h_0``
# -----------------------------
# ``batch_first=True``\ 는 입력과 ``output``\ 의 배치 축만 앞으로 옮깁니다. 은닉 상태(hidden
# state)는 원래 축 순서인 ``(D * num_layers, N, H_out)``\ 을 그대로 쓰므로, 배치 축이 앞에 온
# ``h_0``\ 을 넘기면 오류가 납니다.
h_0_batch_first = torch.zeros(N, num_layers, H_out)
try:
    rnn(x, h_0_batch_first)
except RuntimeError as err:  # (N, num_layers, H_out)은 (num_layers, N, H_out)이 아님
    message = str(err)
else:
    raise AssertionError("torch가 배치 우선으로 만든 h_0을 받았습니다")
print(f"RuntimeError: {message}")
assert message.startswith("Expected hidden size")

# %%
# **고치는 법:** ``h_0``\ 을 ``(D * num_layers, N, H_out)``\ 으로 만들거나, 이미 가진 텐서의
# 앞 두 축을 바꿉니다. ``N``\ 과 ``num_layers``\ 가 같았다면 오류조차 나지 않고 레이어와
# 시퀀스가 조용히 뒤섞였을 것입니다. 그 경우는 :ref:`example-initial-hidden-state`\ 에서 봅니다.
h_0 = h_0_batch_first.transpose(0, 1)
output, h_n = rnn(x, h_0)
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, H_out)")
print(f"h_n: {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert h_0.shape == h_n.shape == (D * num_layers, N, H_out)

# %%
# 3. LSTM에 ``(h_0, c_0)`` 대신 텐서 하나를 넘김
# ----------------------------------------------
# ``nn.LSTM``\ 은 상태를 두 개 가지고 다니며, 둘을 튜플로 받습니다. 텐서 하나를 넘기면 그
# 텐서의 첫 번째 축을 인덱싱해서 "두" 상태를 꺼내려 합니다. 그래서 메시지가 ``num_layers``\ 에
# 따라 달라지고, ``h_0``\ 도 ``c_0``\ 도 언급하지 않습니다. 레이어가 하나면 ``IndexError``\ 가,
# 둘이면 차원 수에 대한 오류가 납니다.
for layers in (1, num_layers):
    lstm = nn.LSTM(
        input_size=H_in,
        hidden_size=H_out,
        num_layers=layers,
        batch_first=True,
    )
    try:
        lstm(x, torch.zeros(D * layers, N, H_out))
    except (IndexError, RuntimeError) as err:  # torch가 찾는 문제가 num_layers에 따라 다름
        message = f"{type(err).__name__}: {err}"
    else:
        raise AssertionError(f"num_layers={layers}인 nn.LSTM이 텐서 하나를 상태로 받았습니다")
    print(f"num_layers={layers}: {message}")
    if layers == 1:
        assert message.startswith("IndexError: index 1 is out of bounds for dimension 0")
    else:
        assert message.startswith(
            "RuntimeError: For batched 3-D input, hx and cx should also be 3-D"
        )

# %%
# **고치는 법:** 튜플로 넘깁니다. ``c_0``\ 은 ``h_0``\ 과 배치가 같고, 마지막 차원이 셀 상태
# 크기 ``H_cell``\ 이며 이는 ``hidden_size``\ 와 같습니다. LSTM은 마지막 상태 둘도 튜플로
# 돌려줍니다(:ref:`example-lstm` 참고). 여기서 ``lstm``\ 은 반복문의 마지막에 만든 2층
# LSTM입니다.
H_cell = H_out
h_0 = torch.zeros(D * num_layers, N, H_out)
c_0 = torch.zeros(D * num_layers, N, H_cell)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print(f"c_n:    {tuple(c_n.shape)}  (D * num_layers, N, H_cell)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert c_n.shape == (D * num_layers, N, H_cell)

# %%
# 4. 1차원 입력
# -------------
# 값 ``L``\ 개로 된 사인파는 1차원 텐서입니다. ``input_size=1``\ 이어도 RNN에는 특성 축이
# 있어야 합니다.
wave = torch.sin(torch.linspace(0, torch.pi, L))
print(f"wave: {tuple(wave.shape)}  (L,)")
try:
    rnn_one_feature(wave)
except ValueError as err:  # 특성 축이 없음
    message = str(err)
else:
    raise AssertionError("torch가 1차원 입력을 받았습니다")
print(f"ValueError: {message}")
assert message.startswith("RNN: Expected input to be 2D or 3D, got 1D")

# %%
# **고치는 법:** 앞에 배치 축, 뒤에 특성 축을 추가하면 시퀀스 하나, 특성 하나짜리
# ``(N, L, H_in)``\ 이 됩니다. ``wave.unsqueeze(-1)``\ 만 하면 배치 차원이 없는 입력(unbatched
# input) ``(L, H_in)``\ 이 되는데, PyTorch는 이것도 받습니다(:ref:`example-unbatched-input`
# 참고).
batch = wave.unsqueeze(0).unsqueeze(-1)
output, h_n = rnn_one_feature(batch)
print(f"batch:  {tuple(batch.shape)}  (N, L, H_in), N = 1, H_in = 1")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
assert batch.shape == (1, L, 1)
assert output.shape == (1, L, D * H_out)

unbatched = wave.unsqueeze(-1)
output, h_n = rnn_one_feature(unbatched)
print(f"unbatched: {tuple(unbatched.shape)}  (L, H_in)")
print(f"output:    {tuple(output.shape)}  (L, D * H_out)")
assert unbatched.shape == (L, 1)
assert output.shape == (L, D * H_out)

# %%
# 5. NumPy에서 온 ``float64`` 데이터
# ----------------------------------
# NumPy는 ``float64``\ 로 계산하고 ``torch.from_numpy``\ 는 dtype을 그대로 두지만, 모듈의
# 가중치는 ``float32``\ 입니다.
samples = np.sin(np.linspace(0, np.pi, N * L * H_in)).reshape(N, L, H_in)
x64 = torch.from_numpy(samples)
print(f"x64: {tuple(x64.shape)}  (N, L, H_in), dtype {x64.dtype}")
try:
    rnn(x64)
except ValueError as err:  # float64 데이터, float32 가중치
    message = str(err)
else:
    raise AssertionError("torch가 float32 가중치에 float64 입력을 받았습니다")
print(f"ValueError: {message}")
assert message.startswith("RNN input dtype (torch.float64) does not match weight dtype")

# %%
# **고치는 법:** 메시지가 제안하는 대로 데이터를 변환합니다. ``.float()``\ 는
# ``.to(torch.float32)``\ 의 줄임입니다. 모델을 ``float64``\ 로 바꿔도 동작하지만, PyTorch의
# 나머지 부분은 기본으로 ``float32``\ 를 기대합니다.
x32 = x64.float()
output, h_n = rnn(x32)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out), dtype {output.dtype}")
assert output.shape == (N, L, D * H_out)
assert output.dtype == torch.float32

# %%
# 6. ``pack_padded_sequence``\ 에 정렬되지 않은 길이
# --------------------------------------------------
# 패딩(padding)한 배치를 패킹하면 RNN이 패딩을 건너뜁니다. ``pack_padded_sequence``\ 는
# 기본적으로 시퀀스가 긴 것부터 짧은 것 순으로 정렬되어 있기를 요구하고, 다른 순서의 배치를
# 넘기면 오류가 납니다.
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

lengths = torch.tensor([3, L, 2])  # CPU에 둔 시퀀스별 길이, 정렬되지 않음
sequences = [torch.randn(int(n), H_in) for n in lengths]
padded = pad_sequence(sequences, batch_first=True)
print(f"padded:  {tuple(padded.shape)}  (N, L, H_in)")
print(f"lengths: {tuple(lengths.shape)}  (N,)")
assert padded.shape == (N, L, H_in)
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except RuntimeError as err:  # enforce_sorted=True가 기본값
    message = str(err)
else:
    raise AssertionError("torch가 enforce_sorted=True에서 정렬되지 않은 길이를 패킹했습니다")
print(f"RuntimeError: {message}")
assert message.startswith("`lengths` array must be sorted in decreasing order")

# %%
# **고치는 법:** ``enforce_sorted=False``\ 를 넘깁니다. PyTorch가 안에서 배치를 정렬했다가
# 끝나면 원래 순서로 되돌립니다. ``h_n``\ 과 다시 풀어 낸 ``output``\ 은 원래 순서를 따르므로,
# 시퀀스마다 마지막 은닉 상태가 그 시퀀스의 마지막 실제 타임 스텝과 일치합니다. 패킹 전반은
# :ref:`example-packed-sequences`\ 에서 다룹니다.
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed_output, h_n = rnn(packed)
output, out_lengths = pad_packed_sequence(packed_output, batch_first=True)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert torch.equal(out_lengths, lengths)
matches = all(torch.equal(h_n[-1, i], output[i, n - 1]) for i, n in enumerate(lengths))
print("h_n[-1]이 시퀀스마다 마지막 실제 타임 스텝과 같은가:", matches)
assert matches

# %%
# LSTM과 GRU는 두 메시지를 다르게 씁니다
# --------------------------------------
# 검색할 때는 여러분의 모듈이 출력한 문장을 그대로 쓰십시오. 1차원 입력(실수 4)의 메시지에는
# 모듈 이름이 붙고, "tensor"라는 단어는 ``nn.RNN``\ 에만 있습니다.
for module in (nn.RNN, nn.GRU, nn.LSTM):
    layer = module(input_size=1, hidden_size=H_out, batch_first=True)
    try:
        layer(wave)
    except ValueError as err:  # 모듈마다 같은 1차원 사인파
        message = str(err)
    else:
        raise AssertionError(f"nn.{module.__name__}이 1차원 입력을 받았습니다")
    print(f"nn.{module.__name__}: ValueError: {message}")
    assert message.startswith(f"{module.__name__}: Expected input to be 2D or 3D, got 1D")

# %%
# LSTM에서는 잘못된 ``h_0``\ (실수 2)을 상태 튜플의 첫 번째 원소인 ``hidden[0]``\ 으로 부릅니다.
# ``c_0``\ 이 잘못되었다면 ``hidden[1]``\ 입니다.
lstm_one = nn.LSTM(input_size=H_in, hidden_size=H_out, batch_first=True)
try:
    lstm_one(x, (torch.zeros(N, 1, H_out), torch.zeros(1, N, H_cell)))
except RuntimeError as err:  # h_0은 배치 우선, c_0은 올바름
    message = str(err)
else:
    raise AssertionError("nn.LSTM이 배치 우선으로 만든 h_0을 받았습니다")
print(f"nn.LSTM: RuntimeError: {message}")
assert message.startswith("Expected hidden[0] size")

# %%
# 메시지별 원인 정리
# ------------------
# - ``input.size(-1) must be equal to input_size``: 입력의 마지막 차원이 ``input_size``\ 와
#   다릅니다.
# - ``Expected hidden size ..., got ...``\ (LSTM에서는 ``Expected hidden[0] size``):
#   ``h_0``\ 이 ``(D * num_layers, N, H_out)``\ 이 아닙니다. 배치 축을 앞에 둔 ``h_0``\ 인 경우가
#   많습니다.
# - LSTM에서 ``IndexError: index 1 is out of bounds`` 또는 ``hx and cx should also be 3-D``:
#   튜플 ``(h_0, c_0)``\ 이 들어갈 자리에 텐서 하나를 넘겼습니다.
# - ``RNN: Expected input to be 2D or 3D, got 1D tensor instead``\ (LSTM과 GRU에서는
#   ``LSTM: ... got 1D instead``\ 처럼 씀): 특성 축(그리고 배치 축)이 없습니다.
# - ``input dtype (torch.float64) does not match weight dtype``: NumPy 데이터를
#   ``.float()``\ 로 변환하지 않았습니다.
# - ``lengths array must be sorted in decreasing order``: 길이가 긴 것부터 놓여 있지 않습니다(같은
#   길이는 괜찮습니다). ``enforce_sorted=False``\ 를 넘깁니다.
#
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_, `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_,
#   `pack_padded_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pack_padded_sequence.html>`_.
# - :ref:`example-blog-configurations`\ 에서는 블로그 코드 그대로 ``float64`` 오류를 만납니다.
# - 고친 ``rnn``\ 의 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6
#   &num_layers=2&batch_first=1&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 입력 데이터에 필요한
#   모양과 함께, ``h_0``\ 에 필요한 모양도 ``h_n`` 줄에서 확인할 수 있습니다.
