"""
.. _example-gru:

GRU: gates like an LSTM, shapes like an RNN
===========================================

``nn.GRU`` is a gated recurrent layer, but unlike ``nn.LSTM`` it carries a single state, the
hidden state. Its forward pass returns ``output, h_n``, exactly like ``nn.RNN``, and for the same
constructor arguments every shape matches ``nn.RNN``'s. The gates show up only in the
parameters: three blocks of ``H_out`` rows where ``nn.RNN`` has one.

Sizes: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H_out`` hidden size,
all distinct.
"""

# %%
# ``output, h_n``: no cell state
# ------------------------------
# Without a cell state, ``h_n`` is a single tensor, not a tuple.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
D, num_layers = 1, 1

gru = nn.GRU(input_size=H_in, hidden_size=H_out, batch_first=True)
x = torch.randn(N, L, H_in)
output, h_n = gru(x)

print(gru)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print("h_n is a tensor, not a tuple:", isinstance(h_n, torch.Tensor))
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert torch.equal(output[:, -1], h_n[-1])

# %%
# The same shapes as ``nn.RNN``, configuration by configuration
# -------------------------------------------------------------
# Build an ``nn.RNN`` and an ``nn.GRU`` with the same arguments, feed both the same input and
# compare. The input is laid out by ``batch_first``; ``h_n`` never is. The table shows the
# GRU's shapes, and the ``assert`` lines check that ``nn.RNN``'s are the same.
configs = [
    {"num_layers": 1, "bidirectional": False, "batch_first": True},
    {"num_layers": 2, "bidirectional": False, "batch_first": True},
    {"num_layers": 1, "bidirectional": True, "batch_first": True},
    {"num_layers": 2, "bidirectional": True, "batch_first": False},
]
print(f"{'num_layers':<11}{'bidirectional':<14}{'batch_first':<12}{'output':<12}h_n")
for config in configs:
    layers, D_k = config["num_layers"], 2 if config["bidirectional"] else 1
    x_k = torch.randn(N, L, H_in) if config["batch_first"] else torch.randn(L, N, H_in)
    out_rnn, h_rnn = nn.RNN(input_size=H_in, hidden_size=H_out, **config)(x_k)
    out_gru, h_gru = nn.GRU(input_size=H_in, hidden_size=H_out, **config)(x_k)

    flags = f"{layers:<11}{config['bidirectional']!s:<14}{config['batch_first']!s:<12}"
    print(f"{flags}{tuple(out_gru.shape)!s:<12}{tuple(h_gru.shape)}")
    assert out_gru.shape == out_rnn.shape
    assert h_gru.shape == h_rnn.shape
    if config["batch_first"]:
        assert out_gru.shape == (N, L, D_k * H_out)
    else:
        assert out_gru.shape == (L, N, D_k * H_out)
    assert h_gru.shape == (D_k * layers, N, H_out)

# %%
# Three gate blocks in the weights
# --------------------------------
# The gates live in the parameters. ``weight_ih_l0`` stacks three blocks of ``H_out`` rows,
# in PyTorch's order: reset gate ``r``, update gate ``z``, new (candidate) state ``n``. The same
# holds for ``weight_hh_l0`` and both biases. ``nn.RNN`` has one block and ``nn.LSTM`` four.
print(f"weight_ih_l0: {tuple(gru.weight_ih_l0.shape)}  (3 * H_out, H_in)")
print(f"weight_hh_l0: {tuple(gru.weight_hh_l0.shape)}  (3 * H_out, H_out)")
W_ir, W_iz, W_in = gru.weight_ih_l0.chunk(3, dim=0)
for gate, block in (("reset r", W_ir), ("update z", W_iz), ("new n", W_in)):
    print(f"  {gate:<9} block: {tuple(block.shape)}  (H_out, H_in)")
    assert block.shape == (H_out, H_in)
assert gru.weight_ih_l0.shape == (3 * H_out, H_in)
assert gru.weight_hh_l0.shape == (3 * H_out, H_out)
assert gru.bias_ih_l0.shape == (3 * H_out,)

for module, blocks in ((nn.RNN, 1), (nn.GRU, 3), (nn.LSTM, 4)):
    shape = tuple(module(input_size=H_in, hidden_size=H_out).weight_ih_l0.shape)
    print(f"nn.{module.__name__:<5} weight_ih_l0: {shape}  ({blocks} * H_out, H_in)")
    assert shape == (blocks * H_out, H_in)

# %%
# The picture shows ``weight_ih_l0`` itself, transposed so that the three blocks sit side by
# side.
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
weight = gru.weight_ih_l0.detach()
vmax = float(weight.abs().max())
image = ax.imshow(weight.T.numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
for k in (1, 2):
    ax.axvline(k * H_out - 0.5, color="black", lw=2)
above = ax.get_xaxis_transform()  # x in data units, y in axes units
for k, gate in enumerate(("reset r", "update z", "new n")):
    ax.text((k + 0.5) * H_out - 0.5, 1.02, gate, ha="center", transform=above)
ax.set_yticks(range(H_in))
ax.set_title(f"weight_ih_l0 transposed: {tuple(weight.T.shape)}", pad=24)
ax.set_xlabel("row of weight_ih_l0 (3 * H_out)")
ax.set_ylabel("input feature (H_in)")
fig.colorbar(image, ax=ax, shrink=0.8)
plt.show()

# %%
# One step by hand: where the reset gate acts
# -------------------------------------------
# PyTorch applies ``r`` after the hidden-to-hidden product and its bias,
# ``n = tanh(W_in x + b_in + r * (W_hn h + b_hn))``, as its formula says; the original GRU
# paper puts it before, ``W_hn (r * h)``. One time step computed both ways, against the module:
x_0, h_prev = x[:, 0], torch.randn(N, H_out)
W_hr, W_hz, W_hn = gru.weight_hh_l0.chunk(3, dim=0)
b_ir, b_iz, b_in = gru.bias_ih_l0.chunk(3)
b_hr, b_hz, b_hn = gru.bias_hh_l0.chunk(3)
r = torch.sigmoid(x_0 @ W_ir.T + b_ir + h_prev @ W_hr.T + b_hr)
z = torch.sigmoid(x_0 @ W_iz.T + b_iz + h_prev @ W_hz.T + b_hz)
n_after = torch.tanh(x_0 @ W_in.T + b_in + r * (h_prev @ W_hn.T + b_hn))
n_before = torch.tanh(x_0 @ W_in.T + b_in + (r * h_prev) @ W_hn.T + b_hn)
_, h_1 = gru(x[:, :1], h_prev.unsqueeze(0))
after = torch.allclose((1 - z) * n_after + z * h_prev, h_1[0], atol=1e-6)
before = torch.allclose((1 - z) * n_before + z * h_prev, h_1[0], atol=1e-6)
print("r * (W_hn h + b_hn) gives the GRU's h_1:", after)
print("W_hn (r * h) + b_hn gives the GRU's h_1: ", before)
assert after
assert not before

# %%
# A GRU result is not a tuple ``(h, c)``
# --------------------------------------
# Code copied from an LSTM often unpacks ``output, (h_n, c_n) = gru(x)``. Python then unpacks
# the tensor ``h_n`` along its first axis, ``D * num_layers``. With one layer that fails, with
# three it fails the other way, and with two layers, or one bidirectional layer, it
# *succeeds*, silently:
for layers, bidirectional in ((1, False), (2, False), (3, False), (1, True)):
    gru_k = nn.GRU(
        input_size=H_in,
        hidden_size=H_out,
        num_layers=layers,
        bidirectional=bidirectional,
        batch_first=True,
    )
    label = f"num_layers={layers}, bidirectional={bidirectional}"
    rows = (2 if bidirectional else 1) * layers  # D * num_layers
    try:
        output_k, (h_wrong, c_wrong) = gru_k(x)
    except ValueError as err:  # Python, not torch: 1 or 3 rows into two names
        message = str(err)
        print(f"{label}: ValueError: {message}")
        assert rows != 2, "unpacking two rows into two names must succeed"
    else:
        message = ""
        unpacked = f"'h_n' {tuple(h_wrong.shape)}, 'c_n' {tuple(c_wrong.shape)}"
        print(f"{label}: no error, {unpacked}")
        assert rows == 2, f"unpacking {rows} rows into two names raised no ValueError"
    assert message == "" or "values to unpack (expected 2" in message

# %%
# The "cell state" is nothing of the kind. With two layers, ``h_wrong`` is layer 0's final
# hidden state and ``c_wrong`` is layer 1's, each ``(N, H_out)``, with the layer axis gone
# (with one bidirectional layer they are the two directions). Unpack a GRU, like an RNN, as
# ``output, h_n = gru(x)``.
gru2 = nn.GRU(input_size=H_in, hidden_size=H_out, num_layers=2, batch_first=True)
output2, (h_wrong, c_wrong) = gru2(x)
_, h_n2 = gru2(x)
print("'h_n' is h_n[0]:", torch.equal(h_wrong, h_n2[0]))
print("'c_n' is h_n[1]:", torch.equal(c_wrong, h_n2[1]))
assert torch.equal(h_wrong, h_n2[0])
assert torch.equal(c_wrong, h_n2[1])
assert c_wrong.shape == (N, H_out)

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.GRU
#   <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_ (the gate equations and
#   the ``(W_ir|W_iz|W_in)`` layout) and `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_.
# - :ref:`example-lstm`: the layer that does return ``(h_n, c_n)``.
# - Try this configuration in the `shape calculator <../calculator.html?mode=GRU&input_size=4
#   &hidden_size=6&batch_first=1&batch=3&seq_len=5>`__. Switch ``mode`` to RNN or LSTM there: only
#   LSTM adds a tensor (``c_n``), and the weights' rows follow the number of gate blocks.
