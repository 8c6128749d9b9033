r"""
.. _example-unbatched-input:

배치 차원이 없는 입력: 2차원 ``(L, H_in)`` 시퀀스
=================================================

PyTorch의 순환 레이어는 배치 축 없이 시퀀스 하나만 받을 수도 있습니다. 모양(shape)이
``(L, H_in)``\ 인 2차원 입력, 곧 배치 차원이 없는 입력(unbatched input)입니다. 이때는 모든
모양에서 ``N``\ 이 빠집니다. ``output``\ 은 ``(L, D * H_out)``, ``h_n``\ 은
``(D * num_layers, H_out)``\ 입니다. 배치 축이 없으니 ``batch_first``\ 가 옮길 축도 없어서
이 인자는 무시됩니다.

크기는 모두 다르게 잡습니다. ``L``\ 은 시퀀스 길이, ``H_in``\ 은 입력 특성 수, ``H_out``\ 은
은닉 상태 크기이고, 레이어는 두 개를 쌓습니다.
"""

# %%
# 2차원 입력에는 2차원 결과
# -------------------------
# ``output``\ 은 타임 스텝(time step)마다 한 줄, ``h_n``\ 은 레이어마다 한 줄입니다. 배치가 있을
# 때와 마찬가지로 둘의 마지막 줄은 모두 마지막 레이어의 마지막 타임 스텝입니다.
import torch
from torch import nn

torch.manual_seed(0)

L, H_in, H_out = 5, 4, 6
D, num_layers = 1, 2

rnn = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=num_layers)
x = torch.randn(L, H_in)
output, h_n = rnn(x)

print(f"입력 x:  {tuple(x.shape)}  (L, H_in)")
print(f"output:  {tuple(output.shape)}  (L, D * H_out)")
print(f"h_n:     {tuple(h_n.shape)}  (D * num_layers, H_out)")
print("output[-1]과 h_n[-1]이 같은가:", torch.equal(output[-1], h_n[-1]))
assert x.shape == (L, H_in)
assert output.shape == (L, D * H_out)
assert h_n.shape == (D * num_layers, H_out)
assert torch.equal(output[-1], h_n[-1])

# %%
# ``batch_first=True``\ 는 아무것도 바꾸지 않습니다
# ---------------------------------------------------
# 같은 가중치를 복사한 ``batch_first=True`` RNN을 하나 더 만들어도, 같은 2차원 입력을 역시
# ``(L, H_in)``\ 으로 읽습니다. 첫 번째 축은 여전히 시간이고 결과도 같습니다.
rnn_bf = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=num_layers, batch_first=True)
rnn_bf.load_state_dict(rnn.state_dict())
output_bf, h_n_bf = rnn_bf(x)

print(f"batch_first=True, output: {tuple(output_bf.shape)}  (L, D * H_out)")
print(f"batch_first=True, h_n:    {tuple(h_n_bf.shape)}  (D * num_layers, H_out)")
print("batch_first=False와 output이 같은가:", torch.allclose(output_bf, output))
assert output_bf.shape == (L, D * H_out)
assert h_n_bf.shape == (D * num_layers, H_out)
assert torch.allclose(output_bf, output)
assert torch.allclose(h_n_bf, h_n)

# %%
# 배치 차원이 없는 입력의 ``h_0``\ 은 2차원입니다
# -------------------------------------------------
# 초기 은닉 상태(hidden state)에서도 ``N``\ 이 빠져 ``(D * num_layers, H_out)``\ 이 됩니다.
h_0 = torch.zeros(D * num_layers, H_out)
output_0, h_n_0 = rnn(x, h_0)
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, H_out)")
print("0을 넘긴 결과가 기본값과 같은가:", torch.equal(output_0, output))
assert h_0.shape == (D * num_layers, H_out)
assert torch.equal(output_0, output)

# %%
# 2차원 입력에 배치 축이 있는 3차원 ``h_0``\ 을 주면 오류가 나고, 반대로 섞어도 마찬가지입니다.
h_0_batched = torch.zeros(D * num_layers, 1, H_out)
try:
    rnn(x, h_0_batched)
except RuntimeError as err:  # 상태의 차원 수는 입력과 같아야 함
    message = str(err)
else:
    raise AssertionError("torch가 2차원 입력에 3차원 h_0을 받았습니다")
print(f"2차원 입력, 3차원 h_0: RuntimeError: {message}")
assert message == "For unbatched 2-D input, hx should also be 2-D but got 3-D tensor"

try:
    rnn(x.unsqueeze(1), h_0)
except RuntimeError as err:  # 상태의 차원 수는 입력과 같아야 함
    message = str(err)
else:
    raise AssertionError("torch가 3차원 입력에 2차원 h_0을 받았습니다")
print(f"3차원 입력, 2차원 h_0: RuntimeError: {message}")
assert message == "For batched 3-D input, hx should also be 3-D but got 2-D tensor"

# %%
# 배치 축 다시 붙이기
# -------------------
# 배치가 있는 모양을 얻으려면 레이어가 기대하는 자리에 크기 1인 배치 축을 붙입니다. 기본
# 축 순서 ``(L, N, H_in)``\ 이면 ``unsqueeze(1)``, ``batch_first=True``\ 로 ``(N, L, H_in)``\ 을
# 쓰면 ``unsqueeze(0)``\ 입니다. 두 경우 모두 ``h_n``\ 은 ``N``\ 을 가운데에 둡니다. 값은 배치
# 축이 없을 때와 같습니다.
N = 1
x_seq_first = x.unsqueeze(1)
x_batch_first = x.unsqueeze(0)
output_3d_sf, h_n_3d_sf = rnn(x_seq_first)
output_3d_bf, h_n_3d_bf = rnn_bf(x_batch_first)

print(f"unsqueeze(1): x {tuple(x_seq_first.shape)}  (L, N, H_in)")
print(f"  output {tuple(output_3d_sf.shape)}  (L, N, D * H_out)")
print(f"  h_n    {tuple(h_n_3d_sf.shape)}  (D * num_layers, N, H_out)")
print(f"unsqueeze(0), batch_first=True: x {tuple(x_batch_first.shape)}  (N, L, H_in)")
print(f"  output {tuple(output_3d_bf.shape)}  (N, L, D * H_out)")
print(f"  h_n    {tuple(h_n_3d_bf.shape)}  (D * num_layers, N, H_out)")
print("배치 축이 없을 때와 값이 같은가:", torch.allclose(output_3d_sf[:, 0], output))

assert output_3d_sf.shape == (L, N, D * H_out)
assert h_n_3d_sf.shape == (D * num_layers, N, H_out)
assert output_3d_bf.shape == (N, L, D * H_out)
assert h_n_3d_bf.shape == (D * num_layers, N, H_out)
assert torch.allclose(output_3d_sf[:, 0], output)
assert torch.allclose(output_3d_bf[0], output)
assert torch.allclose(h_n_3d_sf[:, 0], h_n)

# %%
# 반대 방향은 ``squeeze``\ 입니다. ``output_3d_sf.squeeze(1)``\ 과 ``h_n_3d_sf.squeeze(1)``\ 은
# 다시 배치 차원이 없는 모양이 됩니다.
assert output_3d_sf.squeeze(1).shape == output.shape
assert h_n_3d_sf.squeeze(1).shape == h_n.shape

# %%
# LSTM도 마찬가지입니다
# ---------------------
# ``nn.LSTM``\ 도 같은 규칙을 따릅니다. 배치 차원이 없는 입력을 주면 ``h_n``\ 과 ``c_n``\ 에도
# 배치 차원이 없고, 초기 상태 ``(h_0, c_0)``\ 의 두 텐서도 모두 2차원이어야 합니다.
lstm = nn.LSTM(input_size=H_in, hidden_size=H_out, num_layers=num_layers, batch_first=True)
H_cell = lstm.hidden_size
output_l, (h_n_l, c_n_l) = lstm(x)
print(f"LSTM output: {tuple(output_l.shape)}  (L, D * H_out)")
print(f"LSTM h_n:    {tuple(h_n_l.shape)}  (D * num_layers, H_out)")
print(f"LSTM c_n:    {tuple(c_n_l.shape)}  (D * num_layers, H_cell)")
assert output_l.shape == (L, D * H_out)
assert h_n_l.shape == (D * num_layers, H_out)
assert c_n_l.shape == (D * num_layers, H_cell)

state_batched = (h_0_batched, torch.zeros(D * num_layers, 1, H_cell))
try:
    lstm(x, state_batched)
except RuntimeError as err:  # 두 상태 모두 2차원이어야 함
    message = str(err)
else:
    raise AssertionError("torch가 2차원 입력에 3차원 (h_0, c_0)을 받았습니다")
print(f"RuntimeError: {message}")
assert message.startswith("For unbatched 2-D input, hx and cx should also be 2-D")

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_\ 과 `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_. 배치가 있는 모양 옆에
#   배치 차원이 없는 모양도 적혀 있습니다.
# - :ref:`example-lstm`: 배치가 있는 LSTM과 ``(h_n, c_n)``.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6&num_layers=2
#   &unbatched=1&seq_len=5>`__\ 에서 확인해 보십시오. 거기서 ``unbatched``\ 를 끄면 모든 모양에
#   ``N``\ 이 돌아옵니다.
