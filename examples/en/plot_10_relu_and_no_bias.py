"""
.. _example-relu-and-no-bias:

``nonlinearity="relu"`` and ``bias=False``: parameters change, shapes do not
============================================================================

Two constructor arguments of ``nn.RNN`` change what the layer computes without touching a single
tensor shape. ``nonlinearity="relu"`` swaps the ``tanh`` applied at every step for ReLU: the
parameters stay the same, the range of values changes. ``bias=False`` removes the two bias
vectors of every layer: fewer parameters, same output shapes.

Sizes: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H_out`` hidden size,
all distinct.
"""

# %%
# Three RNNs with the same sizes
# ------------------------------
# The ``relu`` layer gets a copy of the default layer's weights, so the two differ only in the
# nonlinearity.
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
# Look closely at the printed modules: ``nn.RNN`` leaves ``nonlinearity`` out of its printout,
# so the ``relu`` layer prints exactly like the default one. Read the attribute
# ``rnn.nonlinearity`` to know which one you have. (``nn.RNNCell`` does print it, below.)

# %%
# The parameters
# --------------
# ``named_parameters()`` lists every learnable tensor. ``relu`` keeps the default's list;
# ``bias=False`` drops ``bias_ih_l0`` and ``bias_hh_l0``.
shapes = {
    name: {param: tuple(p.shape) for param, p in rnn.named_parameters()}
    for name, rnn in rnns.items()
}
print(f"{'parameter':<13}" + "".join(f"{name:<12}" for name in rnns))
for param in shapes["default"]:
    cells = "".join(f"{shapes[name].get(param, '-')!s:<12}" for name in rnns)
    print(f"{param:<13}{cells}")

counts = {name: sum(p.numel() for p in rnn.parameters()) for name, rnn in rnns.items()}
print(f"{'total':<13}" + "".join(f"{counts[name]:<12}" for name in rnns))

assert shapes["relu"] == shapes["default"]
assert set(shapes["default"]) - set(shapes["bias=False"]) == {"bias_ih_l0", "bias_hh_l0"}
assert shapes["default"]["weight_ih_l0"] == (H_out, H_in)
assert shapes["default"]["weight_hh_l0"] == (H_out, H_out)
assert shapes["default"]["bias_ih_l0"] == (H_out,)
assert counts["default"] == H_out * H_in + H_out * H_out + 2 * H_out
assert counts["bias=False"] == H_out * H_in + H_out * H_out

# %%
# The shapes
# ----------
# The same input, in the default layout ``(L, N, H_in)``, goes through all three. Each gives
# ``output`` of shape ``(L, N, D * H_out)`` and ``h_n`` of shape ``(D * num_layers, N, H_out)``.
x = torch.randn(L, N, H_in)
results = {name: rnn(x) for name, rnn in rnns.items()}
for name, (output, h_n) in results.items():
    print(f"{name:<11} output: {tuple(output.shape)}  h_n: {tuple(h_n.shape)}")
    assert output.shape == (L, N, D * H_out)
    assert h_n.shape == (D * num_layers, N, H_out)

# %%
# The values
# ----------
# ``tanh`` squashes every hidden value into the open interval from -1 to 1 and keeps its sign;
# ReLU cuts negatives to zero and leaves positives unbounded.
out_tanh, _ = results["default"]
out_relu, _ = results["relu"]
print("tanh: every value inside (-1, 1):", bool((out_tanh.abs() < 1).all()))
print("tanh: some values negative:      ", bool((out_tanh < 0).any()))
print("relu: every value >= 0:          ", bool((out_relu >= 0).all()))
print("relu: some values exactly 0:     ", bool((out_relu == 0).any()))
assert bool((out_tanh.abs() < 1).all())
assert bool((out_relu >= 0).all())

# %%
# The two distributions side by side, from the ``output`` tensors above:
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(8, 3.5), sharey=True, layout="constrained")
for ax, name, values in ((axes[0], "tanh", out_tanh), (axes[1], "relu", out_relu)):
    ax.hist(values.detach().flatten().numpy(), bins=30, color="tab:blue")
    ax.axvline(0, color="black", lw=1)
    ax.set_title(f"nonlinearity='{name}': {values.numel()} values of output")
    ax.set_xlabel("value")
axes[0].set_ylabel("count")
plt.show()

# %%
# ``nonlinearity`` belongs to ``nn.RNN`` and ``nn.RNNCell`` only
# --------------------------------------------------------------
# The cell version takes the same argument:
cell = nn.RNNCell(input_size=H_in, hidden_size=H_out, nonlinearity="relu")
print(cell)
assert cell.nonlinearity == "relu"

# %%
# ``nn.LSTM`` and ``nn.GRU`` have fixed activations inside their gates, so they reject the
# argument. Note that the message names ``RNNBase``, the shared base class, not the class you
# called:
for module in (nn.LSTM, nn.GRU):
    try:
        module(input_size=H_in, hidden_size=H_out, nonlinearity="relu")
    except TypeError as err:  # the base class takes no such argument
        message = str(err)
    else:
        raise AssertionError(f"nn.{module.__name__} accepted nonlinearity='relu'")
    print(f"nn.{module.__name__}: TypeError: {message}")
    assert message == "RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'"

# %%
# And ``nn.RNN`` knows exactly two nonlinearities:
try:
    nn.RNN(input_size=H_in, hidden_size=H_out, nonlinearity="sigmoid")
except ValueError as err:  # checked when the module is built
    message = str(err)
else:
    raise AssertionError("nn.RNN accepted nonlinearity='sigmoid'")
print(f"ValueError: {message}")
assert message == "Unknown nonlinearity 'sigmoid'. Select from 'tanh' or 'relu'."

# %%
# ``nn.RNNCell`` checks later. It builds with any string, and the first forward pass raises a
# ``RuntimeError`` with a different message:
cell_sigmoid = nn.RNNCell(input_size=H_in, hidden_size=H_out, nonlinearity="sigmoid")
print(cell_sigmoid)
try:
    cell_sigmoid(torch.randn(N, H_in))
except RuntimeError as err:  # the cell checks at its first step
    message = str(err)
else:
    raise AssertionError("nn.RNNCell ran with nonlinearity='sigmoid'")
print(f"RuntimeError: {message}")
assert message == "Unknown nonlinearity: sigmoid"

# %%
# ``bias=False``, on the other hand, is accepted by all three modules and removes the biases
# of every layer and direction:
for module in (nn.RNN, nn.LSTM, nn.GRU):
    stacked = module(input_size=H_in, hidden_size=H_out, num_layers=2, bidirectional=True)
    no_bias = module(
        input_size=H_in, hidden_size=H_out, num_layers=2, bidirectional=True, bias=False
    )
    biases = [name for name, _ in stacked.named_parameters() if name.startswith("bias")]
    left = [name for name, _ in no_bias.named_parameters() if name.startswith("bias")]
    print(f"nn.{module.__name__:<5} biases: {len(biases)}, with bias=False: {len(left)}")
    assert not left

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ and `torch.nn.RNNCell
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNNCell.html>`_.
# - :ref:`example-lstm` and :ref:`example-gru`: the gated layers without a ``nonlinearity``.
# - Try the ``bias=False`` layer in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&bias=0&batch=3&seq_len=5>`__: its parameter list has no biases. ``nonlinearity``
#   can be switched to relu there too.
