r"""
.. _example-models-onnx:

LSTM을 ONNX로 내보내기
======================

ONNX는 학습된 네트워크를 PyTorch 없이 다른 런타임에서 실행할 수 있게 해 주는 파일 형식입니다.
``torch.onnx.export``\ 는 모델을 배치 크기 하나, 시퀀스 길이 하나로 한 번 추적(trace)하므로,
자유롭게 두어야 할 축은 모두 동적(dynamic) 축으로 선언해야 합니다. 은닉 상태(hidden state)는
입력으로 넣어서, 호출하는 쪽이 자기 상태에서 시작하거나 호출 사이에 상태를 넘길 수 있게
합니다.

이 예제는 여러 레이어를 쌓은(stacked) 양방향(bidirectional) LSTM을 동적 배치 축과 동적 시퀀스
축으로 내보내고, ONNX Runtime에서 두 가지 크기로 실행해 PyTorch와 결과를 비교한 뒤, 내보낸
그래프를 열어 ONNX 자체의 ``LSTM`` 연산자를 읽습니다. 이 연산자의 출력은 축 순서가 다릅니다.

**이 예제에는 torch, NumPy, Matplotlib 외에 ONNX, ONNX Script, ONNX Runtime이 필요합니다**:
``pip install onnx==1.23.2 onnxscript==0.7.2 onnxruntime==1.32.0``\ (이 페이지를 출력한
버전이며, 노트북의 첫 셀에도 같은 내용이 있습니다). 디스크에는 아무것도 쓰지 않고 모델은
메모리에만 둡니다. 기호는 ``N`` 배치 크기, ``L`` 시퀀스 길이, ``H_in`` 입력 특성 수, ``H`` 은닉
상태 크기, ``D`` 방향 수(2)입니다.
"""

# %%
# 모델
# ----
# 내보내기 도구(exporter)는 ``forward``\ 를 추적하므로, 모듈은 ``h_0``\ 과 ``c_0``\ 을 평범한
# 인자로 받고 평범한 텐서를 돌려줍니다.

# %pip install torch==2.13.0 numpy matplotlib onnx==1.23.2 onnxscript==0.7.2 onnxruntime==1.32.0
import torch
from torch import nn

torch.manual_seed(0)

H_in, H, num_layers, D = 4, 6, 2, 2


class Encoder(nn.Module):
    """상태를 입력과 출력으로 다루는 배치 우선, 양방향, 2레이어 LSTM."""

    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(H_in, H, num_layers=num_layers, batch_first=True, bidirectional=True)

    def forward(
        self, x: torch.Tensor, h_0: torch.Tensor, c_0: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        output, (h_n, c_n) = self.lstm(x, (h_0, c_0))
        return output, h_n, c_n


model = Encoder().eval()


def inputs(N: int, L: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """L 스텝 시퀀스 N개로 된 배치의 임의의 x, h_0, c_0."""
    return (
        torch.randn(N, L, H_in),
        torch.randn(num_layers * D, N, H),
        torch.randn(num_layers * D, N, H),
    )


example = inputs(3, 5)
for name, t in zip(["x", "h_0", "c_0"], example, strict=True):
    print(f"{name}: {tuple(t.shape)}")
assert example[0].shape == (3, 5, H_in)
assert example[1].shape == example[2].shape == (num_layers * D, 3, H)

# %%
# 동적 축으로 내보내기
# --------------------
# ``dynamic_shapes``\ 는 입력마다 자유로운 축에 이름을 붙입니다. ``x``, ``h_0``, ``c_0``\ 의 배치
# 축(``x``\ 는 0번 축, 상태는 1번 축이고 같은 ``Dim``\ 을 씁니다)과 ``x``\ 의 시퀀스 축입니다.
# 이것이 없으면 그래프는 ``N = 3``, ``L = 5``\ 만 받습니다.
#
# ``verbose=False``\ 는 내보내기 도구의 진행 메시지가 페이지에 찍히지 않게 합니다. 내보내기
# 도구는 추적하는 동안 PyTorch 내부에 관한 경고도 냅니다(이 모델과는 상관없습니다). 이 예제는
# 그 경고를 출력하지 않고 기록해 두며, 건너뛰는 선택적 torchvision 연산자를 알리는 내보내기
# 도구의 로그도 조용히 시킵니다.
import logging
import warnings

logging.getLogger("torch.onnx").setLevel(logging.ERROR)

batch, seq = torch.export.Dim("batch"), torch.export.Dim("seq")
with warnings.catch_warnings(record=True) as exporter_warnings:
    warnings.simplefilter("always")
    program = torch.onnx.export(
        model,
        example,
        input_names=["x", "h_0", "c_0"],
        output_names=["output", "h_n", "c_n"],
        dynamic_shapes={"x": {0: batch, 1: seq}, "h_0": {1: batch}, "c_0": {1: batch}},
        dynamo=True,
        verbose=False,
    )
print(f"내보낸 결과: {type(program).__name__}, 경고를 기록했는가: {len(exporter_warnings) > 0}")
assert exporter_warnings

# %%
# 그래프의 입력과 출력
# --------------------
# ``program.model_proto``\ 는 메모리에 있는 ONNX 모델입니다. 입력마다 축이 나열되는데, 동적
# 축은 이름으로, 고정된 축은 숫자로 나옵니다.
onnx_model = program.model_proto


def axes(value_info) -> list:
    """그래프 입력이나 출력의 축: 동적 축은 이름, 고정된 축은 숫자."""
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


for value in onnx_model.graph.input:
    print(f"input  {value.name}: {axes(value)}")
assert axes(onnx_model.graph.input[0]) == ["batch", "seq", H_in]
assert axes(onnx_model.graph.input[1]) == [num_layers * D, "batch", H]
assert axes(onnx_model.graph.input[2]) == [num_layers * D, "batch", H]

# %%
# 출력도 선언됩니다. 그런데 여기서 내보내기 도구는 ``output``\ 에 추적할 때의 시퀀스 길이를
# 고정된 숫자로 적습니다. 그래프 자체는 어떤 길이든 계산하는데도 말입니다(아래 실행은 다른
# 길이를 돌려줍니다). 이 선언은 런타임이 결과와 대조하는 메타데이터이므로 축에 이름을
# 붙여 줍니다.
for value in onnx_model.graph.output:
    print(f"output {value.name}: {axes(value)}")
assert axes(onnx_model.graph.output[0]) == ["batch", example[0].shape[1], D * H]
assert axes(onnx_model.graph.output[1]) == [num_layers * D, "batch", H]

onnx_model.graph.output[0].type.tensor_type.shape.dim[1].dim_param = "seq"
print(f"output output, 이름을 붙인 뒤: {axes(onnx_model.graph.output[0])}")
assert axes(onnx_model.graph.output[0]) == ["batch", "seq", D * H]

# %%
# ONNX Runtime에서 두 가지 크기로 실행하기
# ----------------------------------------
# ONNX Runtime은 입력 이름별로 NumPy 배열을 받고, 그래프 출력 순서대로 NumPy 배열을
# 돌려줍니다. 같은 그래프가 두 가지 배치 크기와 두 가지 시퀀스 길이로 실행되고, 둘 다 PyTorch와
# 일치합니다.
import numpy as np
import onnxruntime as ort

session = ort.InferenceSession(onnx_model.SerializeToString(), providers=["CPUExecutionProvider"])
for N, L in [(3, 5), (2, 9)]:
    x, h_0, c_0 = inputs(N, L)
    onnx_out = session.run(None, {"x": x.numpy(), "h_0": h_0.numpy(), "c_0": c_0.numpy()})
    with torch.no_grad():
        torch_out = model(x, h_0, c_0)
    same = all(
        np.allclose(o, t.numpy(), atol=1e-5) for o, t in zip(onnx_out, torch_out, strict=True)
    )
    shapes = ", ".join(
        f"{n} {o.shape}" for n, o in zip(["output", "h_n", "c_n"], onnx_out, strict=True)
    )
    print(f"N={N}, L={L}: {shapes}; PyTorch와 같은가: {same}")
    assert onnx_out[0].shape == (N, L, D * H)
    assert onnx_out[1].shape == onnx_out[2].shape == (num_layers * D, N, H)
    assert same

# %%
# ONNX Runtime도 PyTorch처럼 입력을 확인합니다. 레이어 축이 없는 상태를 넘기면 실행하기 전에
# 오류가 납니다.
try:
    session.run(None, {"x": x.numpy(), "h_0": h_0[0].numpy(), "c_0": c_0.numpy()})
except ort.capi.onnxruntime_pybind11_state.InvalidArgument as err:  # ONNX Runtime 자체의 예외
    message = str(err)
else:
    raise AssertionError("ONNX Runtime accepted a 2-D h_0")
print(message)
assert "Invalid rank for input: h_0" in message

# %%
# ONNX의 ``LSTM`` 연산자와 그 축 순서
# -----------------------------------
# 내보내기 도구는 레이어마다 ``direction="bidirectional"``\ 인 ONNX ``LSTM`` 노드 하나를 만들고,
# 축 순서를 바꾸는 ``Transpose``\ 와 ``Slice`` 노드로 감쌉니다. 노드의 출력 세 개는 모든 스텝의
# 은닉 상태인 ``Y``, 그리고 마지막 상태인 ``Y_h``\ 와 ``Y_c``\ 입니다.
import onnx

lstm_nodes = [node for node in onnx_model.graph.node if node.op_type == "LSTM"]
for node in lstm_nodes:
    attributes = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
    print(
        f"{node.op_type}: hidden_size={attributes['hidden_size']}, "
        f"direction={attributes['direction'].decode()}, layout={attributes['layout']}"
    )
assert len(lstm_nodes) == num_layers

# %%
# 그래프에는 이 출력들의 모양이 나오지 않으므로 ONNX Runtime에 물어봅니다. 모델을 복사해
# 마지막 노드의 출력 세 개를 그래프 출력으로 추가합니다.
last = lstm_nodes[-1]
probe = onnx.ModelProto()
probe.CopyFrom(onnx_model)
probe.graph.output.extend(onnx.helper.make_empty_tensor_value_info(n) for n in last.output)
probe_session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
*_, Y, Y_h, Y_c = probe_session.run(None, {"x": x.numpy(), "h_0": h_0.numpy(), "c_0": c_0.numpy()})
print(f"Y:   {Y.shape}  (L, D, N, H)")
print(f"Y_h: {Y_h.shape}  (D, N, H)")
print(f"Y_c: {Y_c.shape}  (D, N, H)")
assert Y.shape == (L, D, N, H)
assert Y_h.shape == Y_c.shape == (D, N, H)

# %%
# ``Y``\ 는 시간 우선(time-first)이고 두 방향을 별도의 축에 둡니다. PyTorch의 배치 우선
# ``output``\ 은 두 방향을 나란히 붙이므로, 배치 축을 맨 앞으로 옮기고 마지막 두 축을 합칩니다.
# ``Y_h``\ 는 PyTorch ``h_n``\ 에서 한 레이어 몫, 즉 마지막 ``D``\ 개 행입니다.
with torch.no_grad():
    output, h_n, c_n = model(x, h_0, c_0)
Y_as_output = torch.from_numpy(Y).permute(2, 0, 1, 3).reshape(N, L, D * H)
print(f"Y.permute(2, 0, 1, 3).reshape(N, L, D * H): {tuple(Y_as_output.shape)}")
print("output과 같은가:", torch.allclose(Y_as_output, output, atol=1e-5))
print("Y_h가 h_n[-D:]과 같은가:", torch.allclose(torch.from_numpy(Y_h), h_n[-D:], atol=1e-5))
assert Y_as_output.shape == output.shape == (N, L, D * H)
assert torch.allclose(Y_as_output, output, atol=1e-5)
assert torch.allclose(torch.from_numpy(Y_h), h_n[-D:], atol=1e-5)
assert torch.allclose(torch.from_numpy(Y_c), c_n[-D:], atol=1e-5)

# %%
# 아래 그림은 두 번째 실행의 첫 번째 시퀀스에서, 은닉 유닛 하나의 정방향과 역방향 값을
# PyTorch가 계산한 것과 ``Y``\ 에 담긴 것으로 비교합니다.
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 3), layout="constrained")
for d, label in enumerate(["정방향", "역방향"]):
    ax.plot(output[0, :, d * H].numpy(), lw=4, alpha=0.4, color=f"C{d}")
    ax.plot(Y[:, d, 0, 0], "o--", color=f"C{d}", label=f"Y[:, {d}, 0, 0] ({label})")
ax.set_xlabel("타임 스텝")
ax.set_title(f"output[0, :, d * H](굵은 선)와 Y {Y.shape} (L, D, N, H)(점선)")
ax.legend(fontsize="small")
plt.show()

# %%
# 더 보기
# -------
# - 레이어별, 방향별로 놓인 ``h_n``\ 의 행은 :ref:`example-bidirectional`\ 에 있습니다.
# - PyTorch의 `torch.onnx <https://pytorch.org/docs/stable/onnx.html>`_, ONNX의 `LSTM 연산자
#   <https://onnx.ai/onnx/operators/onnx__LSTM.html>`_, `ONNX Runtime의 Python API
#   <https://onnxruntime.ai/docs/api/python/api_summary.html>`_.
# - 내보낸 LSTM을 두 번째 실행의 크기로 `모양 계산기 <../../calculator.html?mode=LSTM
#   &input_size=4&hidden_size=6&num_layers=2&batch_first=1&bidirectional=1&batch=2
#   &seq_len=9>`__\ 에서 확인해 보십시오.
