r"""
.. _example-initial-hidden-state:

초기 은닉 상태 ``h_0`` 넘기기
=============================

순환 레이어는 두 번째 인자로 초기 은닉 상태(initial hidden state) ``h_0``\ 를 선택적으로
받습니다. ``output, h_n = rnn(x, h_0)``\ 처럼 씁니다. 모양(shape)은
``(D * num_layers, N, H_out)``\ 으로 ``h_n``\ 과 똑같고, ``h_n``\ 처럼 ``batch_first``\ 를
따르지 않습니다. 이 예제는 ``h_0``\ 를 넘기면 무엇이 달라지는지, 그리고 실수로 ``h_0``\ 를
배치 우선으로 만들면 어떻게 되는지 보여 줍니다. 대개는 오류가 나지만, 운 나쁜 경우 하나에서는
오류가 전혀 나지 않습니다.
"""

# %%
# 배치 우선 모듈과 그 ``h_0``
# ---------------------------
# 아래 모듈은 ``batch_first=True``\ 이므로 입력은 ``(N, L, H_in)``\ 입니다. 그래도 ``h_0``\ 의
# 배치 축은 여전히 *가운데* 축입니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # 배치 크기, 시퀀스 길이, 입력 특성 수, 은닉 상태 크기
num_layers, D = 2, 1

rnn = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
x = torch.randn(N, L, H_in)

h_0 = torch.zeros(D * num_layers, N, H_out)
print(f"x:   {tuple(x.shape)}  (N, L, H_in)")
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, H_out)")
assert x.shape == (N, L, H_in)
assert h_0.shape == (D * num_layers, N, H_out)

# %%
# 기본값은 0입니다
# ----------------
# ``h_0``\ 를 생략하면 0으로 채운 텐서를 넘긴 것과 같습니다.
output_none, h_n_none = rnn(x)
output_zeros, h_n_zeros = rnn(x, h_0)
same = torch.allclose(output_none, output_zeros) and torch.allclose(h_n_none, h_n_zeros)
print("rnn(x)와 rnn(x, zeros)가 같은가:", same)
assert same

# %%
# 0이 아닌 ``h_0``\ 는 출력을 바꿉니다
# -------------------------------------
# 다른 ``h_0``\ 를 넘기면 출발점이 달라지므로 ``output``\ 과 ``h_n``\ 의 값이 바뀝니다. 모양은
# 그대로입니다. ``h_n``\ 이 ``h_0``\ 와 같은 모양이기 때문에, 한 번 호출해서 얻은 ``h_n``\ 을
# 다음 호출의 ``h_0``\ 로 그대로 넘길 수 있습니다.
h_0_random = torch.randn(D * num_layers, N, H_out)
output_warm, h_n_warm = rnn(x, h_0_random)

print(f"output: {tuple(output_warm.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n_warm.shape)}  (D * num_layers, N, H_out), h_0와 같은 모양")
assert output_warm.shape == (N, L, D * H_out)
assert h_n_warm.shape == h_0_random.shape == (D * num_layers, N, H_out)
changed = not torch.allclose(output_warm, output_none)
print("0이 아닌 h_0가 출력을 바꾸는가:", changed)
assert changed

# %%
# 긴 시퀀스를 여러 조각으로 나눠 처리할 때 바로 이렇게 상태를 넘겨줍니다. 시간 축을 둘로
# 나누고 ``h_n``\ 을 이어 넘기면, 전체 시퀀스를 한 번에 넣은 결과와 같습니다.
first, second = x[:, :2], x[:, 2:]
output_first, h_n_first = rnn(first)
output_second, _ = rnn(second, h_n_first)  # 첫 조각의 h_n이 둘째 조각의 h_0
output_pieces = torch.cat((output_first, output_second), dim=1)
print(f"output_pieces: {tuple(output_pieces.shape)}  (N, L, D * H_out)")
print("나눠 처리해도 한 번에 처리한 결과와 같은가:", torch.allclose(output_pieces, output_none))
assert output_pieces.shape == (N, L, D * H_out)
assert torch.allclose(output_pieces, output_none)

# %%
# 그림은 출발점의 영향이 얼마나 멀리 가는지 보여 줍니다. 무작위 ``h_0``\ 를 넣은 출력과 0을
# 넣은 출력의 차이 중 가장 큰 값을 시퀀스마다, 타임 스텝마다 그렸습니다. 타임 스텝마다 새
# 입력이 상태를 끌어당기므로 ``h_0``\ 의 영향은 점점 줄어듭니다.
import matplotlib.pyplot as plt

difference = (output_warm - output_none).abs().amax(dim=2)  # (N, L)
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
for n in range(N):
    ax.plot(range(L), difference[n].detach().numpy(), marker="o", label=f"시퀀스 {n}")
ax.set_title(f"차이: {tuple(difference.shape)}, |output(h_0) - output(0)|의 최댓값")
ax.set_xlabel("타임 스텝 (L)")
ax.set_ylabel("H_out 축에서 가장 큰 차이")
ax.set_xticks(range(L))
ax.legend()
plt.show()
assert bool((difference[:, -1] < difference[:, 0]).all())  # 그림에서 보이는 감소

# %%
# 배치 우선으로 만든 ``h_0``: 오류가 나는 경우
# ---------------------------------------------
# ``batch_first=True``\ 를 쓰다 보면 ``h_0``\ 도 ``(N, D * num_layers, H_out)``\ 처럼 배치
# 우선으로 만들고 싶어집니다. 크기가 서로 다르면 PyTorch가 알아채고 멈춥니다.
h_0_batch_first = torch.zeros(N, D * num_layers, H_out)
print(f"h_0_batch_first: {tuple(h_0_batch_first.shape)}  (N, D * num_layers, H_out)")
try:
    rnn(x, h_0_batch_first)
except RuntimeError as err:  # torch는 h_0의 모양 전체를 비교함
    message = str(err)
else:
    raise AssertionError("torch가 (N, D * num_layers, H_out) 모양의 배치 우선 h_0을 받았습니다")
print(f"RuntimeError: {message}")
assert message.startswith("Expected hidden size")

# %%
# 배치 우선으로 만든 ``h_0``: 오류가 나지 않는 경우
# ---------------------------------------------------
# 이 검사는 모양만 비교합니다. ``N``\ 이 우연히 ``D * num_layers``\ 와 같으면 배치 우선으로
# 만든 ``h_0``\ 도 기대한 모양과 같아서 그대로 실행됩니다. 여기서는 레이어 세 개짜리 모듈에
# 시퀀스 세 개짜리 배치를 넣습니다.
#
# 각 상태가 어디로 가는지 보려고, 시퀀스마다 고유한 초기 상태를 주고 그 값을 시퀀스 번호로
# 표시합니다. 배치 우선 텐서에서 ``n``\ 번째 행은 ``n``\ 번째 시퀀스의 모든 레이어 상태입니다.
rnn_deep = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=3, batch_first=True)
assert D * rnn_deep.num_layers == N  # 운 나쁜 우연의 일치

tags = torch.arange(N, dtype=torch.float32)  # n번째 시퀀스는 n으로 표시
states_batch_first = tags[:, None, None].expand(N, D * rnn_deep.num_layers, H_out)
h_0_wrong = states_batch_first  # (N, D * num_layers, H_out): 그대로 넘김
h_0_right = states_batch_first.transpose(0, 1)  # (D * num_layers, N, H_out)

output_wrong, h_n_wrong = rnn_deep(x, h_0_wrong)  # 오류 없음
output_right, h_n_right = rnn_deep(x, h_0_right)
print(f"h_0_wrong: {tuple(h_0_wrong.shape)}  오류 없이 받아들여짐")
print(f"h_n_wrong: {tuple(h_n_wrong.shape)}  이것도 맞아 보임")
assert h_0_wrong.shape == h_0_right.shape == (D * rnn_deep.num_layers, N, H_out)
assert h_n_wrong.shape == h_n_right.shape

# %%
# PyTorch는 ``h_0[k, n]``\ 을 "``k``\ 번째 레이어, ``n``\ 번째 시퀀스"로 읽습니다. 각 자리가
# 받은 번호를 찍어 보면(행은 레이어, 열은 시퀀스) 뒤섞인 것이 보입니다. 올바른 ``h_0``\ 에서는
# 열마다 자기 시퀀스의 번호가 들어 있고, 잘못된 ``h_0``\ 에서는 *행*\ 마다 들어 있습니다.
# 제자리를 찾은 것은 대각선뿐이고, 나머지 자리는 모두 다른 시퀀스의 상태에서 출발합니다.
print("올바른 h_0가 받은 번호 (레이어 x 시퀀스):", h_0_right[:, :, 0].int().tolist())
print("잘못된 h_0가 받은 번호 (레이어 x 시퀀스):", h_0_wrong[:, :, 0].int().tolist())
same_result = torch.allclose(output_wrong, output_right)
print("잘못된 h_0로도 같은 출력이 나오는가:", same_result)
assert torch.equal(h_0_right[:, :, 0], tags.expand(N, N))
assert not same_result

# %%
# 모양만 봐서는 이 실수를 알 수 없습니다. 그러니 ``h_0``\ 는 처음부터 PyTorch의 축 순서대로
# 만들거나, 위처럼 명시적으로 transpose하십시오. ``h_n``\ 도 같은 축 순서이므로 앞선 호출에서
# 넘겨받은 상태는 이미 올바릅니다. ``batch_first`` 자체를 빠뜨리는 비슷한 함정은 다른
# 예제에서 다룹니다(:ref:`example-batch-axis` 참고).

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_. ``batch_first`` 설명에
#   은닉 상태와 셀 상태에는 적용되지 않는다("does not apply to hidden or cell states")고 적혀
#   있고, "Inputs" 절은 ``batch_first``\ 와 상관없이 ``h_0``\ 의 모양을 하나로 적습니다.
# - 이 설정을 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6&num_layers=2
#   &batch_first=1&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 계산기가 보여 주는 ``h_n``\ 의 모양이
#   곧 ``h_0``\ 에 필요한 모양입니다.
