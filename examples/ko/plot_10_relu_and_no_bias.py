r"""
.. _example-relu-and-no-bias:

``nonlinearity="relu"``\ 와 ``bias=False``: 매개변수는 바뀌고 모양은 그대로
===========================================================================

``nn.RNN``\ 의 생성자 인자 중 두 개는 레이어가 계산하는 내용을 바꾸지만 텐서 모양(shape)은
하나도 건드리지 않습니다. ``nonlinearity="relu"``\ 는 타임 스텝(time step)마다 적용하는
``tanh``\ 를 ReLU로 바꿉니다. 매개변수는 그대로이고 값의 범위가 달라집니다. ``bias=False``\ 는
레이어마다 있는 편향(bias) 벡터 두 개를 없앱니다. 매개변수는 줄고 출력 모양은 그대로입니다.

크기는 모두 다르게 잡습니다. ``N``\ 은 배치 크기, ``L``\ 은 시퀀스 길이, ``H_in``\ 은 입력 특성
수, ``H_out``\ 은 은닉 상태 크기입니다.
"""

# %%
# 크기가 같은 RNN 세 개
# ---------------------
# ``relu`` 레이어에는 기본 레이어의 가중치를 복사해 넣습니다. 그러면 두 레이어의 차이는
# 비선형 함수 하나뿐입니다.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
D, num_layers = 1, 1

rnns = {
    "default": nn.RNN(input_size=H_in, hidden_size=H_out),
    "relu": nn.RNN(input_size=H_in, hidden_size=H_out, nonlinearity="relu"),
    "bias=False": nn.RNN(input_size=H_in, hidden_size=H_out, bias=False),
}
rnns["relu"].load_state_dict(rnns["default"].state_dict())
for name, rnn in rnns.items():
    print(f"{name:<11} {rnn}  nonlinearity={rnn.nonlinearity!r}")
assert rnns["relu"].nonlinearity == "relu"

# %%
# 출력된 모듈을 자세히 보십시오. ``nn.RNN``\ 은 출력에서 ``nonlinearity``\ 를 빼 버리므로
# ``relu`` 레이어도 기본 레이어와 똑같이 찍힙니다. 어느 쪽인지 알려면 ``rnn.nonlinearity``
# 속성을 읽어야 합니다. (아래에서 보듯 ``nn.RNNCell``\ 은 출력에 보여 줍니다.)

# %%
# 매개변수
# --------
# ``named_parameters()``\ 는 학습되는 텐서를 모두 나열합니다. ``relu``\ 는 기본 레이어와 목록이
# 같고, ``bias=False``\ 에서는 ``bias_ih_l0``\ 과 ``bias_hh_l0``\ 이 빠집니다.
shapes = {
    name: {param: tuple(p.shape) for param, p in rnn.named_parameters()}
    for name, rnn in rnns.items()
}
print(f"{'매개변수':<9}" + "".join(f"{name:<12}" for name in rnns))
for param in shapes["default"]:
    cells = "".join(f"{shapes[name].get(param, '-')!s:<12}" for name in rnns)
    print(f"{param:<13}{cells}")

counts = {name: sum(p.numel() for p in rnn.parameters()) for name, rnn in rnns.items()}
print(f"{'합계':<11}" + "".join(f"{counts[name]:<12}" for name in rnns))

assert shapes["relu"] == shapes["default"]
assert set(shapes["default"]) - set(shapes["bias=False"]) == {"bias_ih_l0", "bias_hh_l0"}
assert shapes["default"]["weight_ih_l0"] == (H_out, H_in)
assert shapes["default"]["weight_hh_l0"] == (H_out, H_out)
assert shapes["default"]["bias_ih_l0"] == (H_out,)
assert counts["default"] == H_out * H_in + H_out * H_out + 2 * H_out
assert counts["bias=False"] == H_out * H_in + H_out * H_out

# %%
# 모양
# ----
# 기본 축 순서 ``(L, N, H_in)``\ 으로 만든 같은 입력을 세 레이어에 넣습니다. 셋 다 ``output``\ 은
# ``(L, N, D * H_out)``, ``h_n``\ 은 ``(D * num_layers, N, H_out)``\ 으로 모양이 같습니다.
x = torch.randn(L, N, H_in)
results = {name: rnn(x) for name, rnn in rnns.items()}
for name, (output, h_n) in results.items():
    print(f"{name:<11} output: {tuple(output.shape)}  h_n: {tuple(h_n.shape)}")
    assert output.shape == (L, N, D * H_out)
    assert h_n.shape == (D * num_layers, N, H_out)

# %%
# 값
# --
# ``tanh``\ 는 은닉 상태(hidden state)의 모든 값을 부호는 그대로 둔 채 -1과 1 사이의 열린
# 구간으로 눌러 넣습니다. ReLU는 음수를 0으로 자르고 양수에는 상한을 두지 않습니다.
out_tanh, _ = results["default"]
out_relu, _ = results["relu"]
print("tanh: 모든 값이 (-1, 1) 안에 있는가:", bool((out_tanh.abs() < 1).all()))
print("tanh: 음수인 값이 있는가:", bool((out_tanh < 0).any()))
print("relu: 모든 값이 0 이상인가:", bool((out_relu >= 0).all()))
print("relu: 정확히 0인 값이 있는가:", bool((out_relu == 0).any()))
assert bool((out_tanh.abs() < 1).all())
assert bool((out_relu >= 0).all())

# %%
# 위의 ``output`` 텐서로 그린 두 분포입니다.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(8, 3.5), sharey=True, layout="constrained")
for ax, name, values in ((axes[0], "tanh", out_tanh), (axes[1], "relu", out_relu)):
    ax.hist(values.detach().flatten().numpy(), bins=30, color="tab:blue")
    ax.axvline(0, color="black", lw=1)
    ax.set_title(f"nonlinearity='{name}': output의 값 {values.numel()}개")
    ax.set_xlabel("값")
axes[0].set_ylabel("개수")
plt.show()

# %%
# ``nonlinearity``\ 는 ``nn.RNN``\ 과 ``nn.RNNCell``\ 에만 있습니다
# -----------------------------------------------------------------
# 셀 버전도 같은 인자를 받습니다.
cell = nn.RNNCell(input_size=H_in, hidden_size=H_out, nonlinearity="relu")
print(cell)
assert cell.nonlinearity == "relu"

# %%
# ``nn.LSTM``\ 과 ``nn.GRU``\ 는 게이트(gate) 안의 활성화 함수가 정해져 있어서 이 인자를
# 받지 않습니다. 메시지에 나오는 이름이 호출한 클래스가 아니라 공통 부모 클래스 ``RNNBase``\ 라는
# 점에 주의하십시오.
for module in (nn.LSTM, nn.GRU):
    try:
        module(input_size=H_in, hidden_size=H_out, nonlinearity="relu")
    except TypeError as err:  # 공통 부모 클래스에 이런 인자가 없음
        message = str(err)
    else:
        raise AssertionError(f"nn.{module.__name__}이 nonlinearity='relu'를 받았습니다")
    print(f"nn.{module.__name__}: TypeError: {message}")
    assert message == "RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'"

# %%
# 그리고 ``nn.RNN``\ 이 아는 비선형 함수는 딱 두 가지입니다.
try:
    nn.RNN(input_size=H_in, hidden_size=H_out, nonlinearity="sigmoid")
except ValueError as err:  # 모듈을 만들 때 검사함
    message = str(err)
else:
    raise AssertionError("nn.RNN이 nonlinearity='sigmoid'를 받았습니다")
print(f"ValueError: {message}")
assert message == "Unknown nonlinearity 'sigmoid'. Select from 'tanh' or 'relu'."

# %%
# ``nn.RNNCell``\ 은 더 늦게 검사합니다. 어떤 문자열로도 만들어지고, 첫 순전파에서 다른
# 메시지의 ``RuntimeError``\ 가 납니다.
cell_sigmoid = nn.RNNCell(input_size=H_in, hidden_size=H_out, nonlinearity="sigmoid")
print(cell_sigmoid)
try:
    cell_sigmoid(torch.randn(N, H_in))
except RuntimeError as err:  # 셀은 첫 스텝에서 검사함
    message = str(err)
else:
    raise AssertionError("nn.RNNCell이 nonlinearity='sigmoid'로 실행되었습니다")
print(f"RuntimeError: {message}")
assert message == "Unknown nonlinearity: sigmoid"

# %%
# 반면 ``bias=False``\ 는 세 모듈 모두 받아들이며, 모든 레이어와 방향의 편향을 없앱니다.
for module in (nn.RNN, nn.LSTM, nn.GRU):
    stacked = module(input_size=H_in, hidden_size=H_out, num_layers=2, bidirectional=True)
    no_bias = module(
        input_size=H_in, hidden_size=H_out, num_layers=2, bidirectional=True, bias=False
    )
    biases = [name for name, _ in stacked.named_parameters() if name.startswith("bias")]
    left = [name for name, _ in no_bias.named_parameters() if name.startswith("bias")]
    print(f"nn.{module.__name__:<5} 편향 수: bias=True {len(biases)}, bias=False {len(left)}")
    assert not left

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_\ 과 `torch.nn.RNNCell
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNNCell.html>`_.
# - :ref:`example-lstm`, :ref:`example-gru`: ``nonlinearity``\ 가 없는 게이트 구조의 레이어.
# - ``bias=False`` 레이어를 `모양 계산기 <../calculator.html?mode=RNN&input_size=4&hidden_size=6
#   &bias=0&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 매개변수 목록에 편향이 없고,
#   ``nonlinearity``\ 도 바로 바꿔 볼 수 있습니다.
