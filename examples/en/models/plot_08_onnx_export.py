"""
.. _example-models-onnx:

Exporting an LSTM to ONNX
=========================

ONNX is a file format for trained networks that other runtimes execute without PyTorch.
``torch.onnx.export`` traces the model once, at one batch size and one sequence length, so
every axis that should stay free must be declared dynamic. The hidden state goes in as an
input, so a caller can start from a state of their own (or carry one between calls).

This example exports a stacked bidirectional LSTM with dynamic batch and sequence axes, runs
it in ONNX Runtime at two different sizes, compares the results with PyTorch, and opens the
exported graph to read ONNX's own ``LSTM`` operator, whose outputs have a layout of their own.

**This example needs ONNX, ONNX Script and ONNX Runtime** besides torch, NumPy and Matplotlib:
``pip install onnx==1.23.2 onnxscript==0.7.2 onnxruntime==1.32.0`` (the versions that printed
this page; its first cell says the same). Nothing is written to disk: the model stays in
memory. Symbols: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H``
hidden size, ``D`` directions (2).
"""

# %%
# The model
# ---------
# The exporter traces ``forward``, so the module takes ``h_0`` and ``c_0`` as plain arguments
# and returns plain tensors.

# %pip install torch==2.13.0 numpy matplotlib onnx==1.23.2 onnxscript==0.7.2 onnxruntime==1.32.0
import torch
from torch import nn

torch.manual_seed(0)

H_in, H, num_layers, D = 4, 6, 2, 2


class Encoder(nn.Module):
    """A batch-first, bidirectional, two-layer LSTM with its state as inputs and outputs."""

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
    """Random x, h_0 and c_0 for a batch of N sequences of L steps."""
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
# Export with dynamic axes
# ------------------------
# ``dynamic_shapes`` names the free axes of each input: the batch axis of ``x``, ``h_0`` and
# ``c_0`` (axis 0 of ``x``, axis 1 of the states, the same ``Dim``), and the sequence axis of
# ``x``. Without it the graph would accept only ``N = 3`` and ``L = 5``.
#
# ``verbose=False`` keeps the exporter's progress lines off the page. The exporter also warns
# about PyTorch's internals while it traces (nothing to do with this model); the example
# records those warnings instead of printing them, and quiets the exporter's log, which
# reports optional torchvision operators it skips.
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
print(f"exported: {type(program).__name__}, warnings recorded: {len(exporter_warnings) > 0}")
assert exporter_warnings

# %%
# The graph's inputs and outputs
# ------------------------------
# ``program.model_proto`` is the ONNX model in memory. Each input lists its axes, a name for a
# dynamic axis and a number for a fixed one:
onnx_model = program.model_proto


def axes(value_info) -> list:
    """The axes of a graph input or output: names for dynamic ones, numbers for fixed ones."""
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


for value in onnx_model.graph.input:
    print(f"input  {value.name}: {axes(value)}")
assert axes(onnx_model.graph.input[0]) == ["batch", "seq", H_in]
assert axes(onnx_model.graph.input[1]) == [num_layers * D, "batch", H]
assert axes(onnx_model.graph.input[2]) == [num_layers * D, "batch", H]

# %%
# The outputs are declared too. Here the exporter gives ``output`` the traced sequence length,
# a fixed number, although the graph computes any length (the runs below return other
# lengths). The declaration is metadata that runtimes check results against; name the axis:
for value in onnx_model.graph.output:
    print(f"output {value.name}: {axes(value)}")
assert axes(onnx_model.graph.output[0]) == ["batch", example[0].shape[1], D * H]
assert axes(onnx_model.graph.output[1]) == [num_layers * D, "batch", H]

onnx_model.graph.output[0].type.tensor_type.shape.dim[1].dim_param = "seq"
print(f"output output, renamed: {axes(onnx_model.graph.output[0])}")
assert axes(onnx_model.graph.output[0]) == ["batch", "seq", D * H]

# %%
# Running in ONNX Runtime at two sizes
# ------------------------------------
# ONNX Runtime takes NumPy arrays by input name and returns NumPy arrays in the order of the
# graph's outputs. The same graph runs at two batch sizes and two sequence lengths, and both
# agree with PyTorch:
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
    print(f"N={N}, L={L}: {shapes}; equal to PyTorch: {same}")
    assert onnx_out[0].shape == (N, L, D * H)
    assert onnx_out[1].shape == onnx_out[2].shape == (num_layers * D, N, H)
    assert same

# %%
# ONNX Runtime checks its inputs as PyTorch does. A state without the layer axis is refused
# before anything runs:
try:
    session.run(None, {"x": x.numpy(), "h_0": h_0[0].numpy(), "c_0": c_0.numpy()})
except ort.capi.onnxruntime_pybind11_state.InvalidArgument as err:  # ONNX Runtime's own error
    message = str(err)
else:
    raise AssertionError("ONNX Runtime accepted a 2-D h_0")
print(message)
assert "Invalid rank for input: h_0" in message

# %%
# ONNX's ``LSTM`` operator and its layout
# ---------------------------------------
# The exporter turns each layer into one ONNX ``LSTM`` node with ``direction="bidirectional"``,
# wrapped in ``Transpose`` and ``Slice`` nodes that convert between the layouts. The node's
# three outputs are ``Y``, every step's hidden state, and ``Y_h`` and ``Y_c``, the final states.
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
# The graph never shows those outputs' shapes, so the example asks ONNX Runtime for them: a
# copy of the model lists the last node's three outputs as extra graph outputs.
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
# ``Y`` is sequence-first and keeps the two directions on their own axis, where PyTorch's
# batch-first ``output`` puts them side by side: move the batch axis first and join the last
# two axes. ``Y_h`` is one layer's slice of PyTorch's ``h_n``, the last ``D`` rows.
with torch.no_grad():
    output, h_n, c_n = model(x, h_0, c_0)
Y_as_output = torch.from_numpy(Y).permute(2, 0, 1, 3).reshape(N, L, D * H)
print(f"Y.permute(2, 0, 1, 3).reshape(N, L, D * H): {tuple(Y_as_output.shape)}")
print("equals output:", torch.allclose(Y_as_output, output, atol=1e-5))
print("Y_h equals h_n[-D:]:", torch.allclose(torch.from_numpy(Y_h), h_n[-D:], atol=1e-5))
assert Y_as_output.shape == output.shape == (N, L, D * H)
assert torch.allclose(Y_as_output, output, atol=1e-5)
assert torch.allclose(torch.from_numpy(Y_h), h_n[-D:], atol=1e-5)
assert torch.allclose(torch.from_numpy(Y_c), c_n[-D:], atol=1e-5)

# %%
# The picture compares, for the first sequence of the second run, the forward and backward
# halves of one hidden unit as PyTorch computed them and as ``Y`` holds them.
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 3), layout="constrained")
for d, label in enumerate(["forward", "backward"]):
    ax.plot(output[0, :, d * H].numpy(), lw=4, alpha=0.4, color=f"C{d}")
    ax.plot(Y[:, d, 0, 0], "o--", color=f"C{d}", label=f"Y[:, {d}, 0, 0] ({label})")
ax.set_xlabel("time step")
ax.set_title(f"output[0, :, d * H] (thick) against Y {Y.shape} (L, D, N, H) (dashed)")
ax.legend(fontsize="small")
plt.show()

# %%
# See also
# --------
# - :ref:`example-bidirectional` for ``h_n``'s rows, layer by layer and direction by direction.
# - PyTorch's `torch.onnx <https://pytorch.org/docs/stable/onnx.html>`_, ONNX's `LSTM operator
#   <https://onnx.ai/onnx/operators/onnx__LSTM.html>`_ and `ONNX Runtime's Python API
#   <https://onnxruntime.ai/docs/api/python/api_summary.html>`_.
# - Try the exported LSTM in the `shape calculator <../../calculator.html?mode=LSTM
#   &input_size=4&hidden_size=6&num_layers=2&batch_first=1&bidirectional=1&batch=2
#   &seq_len=9>`__, at the second run's size.
