"""
.. _example-cells:

Cells: one time step at a time
==============================

``nn.RNN``, ``nn.LSTM`` and ``nn.GRU`` consume a whole sequence in one call. Their cell
versions, ``nn.RNNCell``, ``nn.LSTMCell`` and ``nn.GRUCell``, compute a single time step: you
write the loop over time yourself. That is useful when each step depends on the previous
output (decoding, sampling) and it is the clearest way to see what the full modules compute.

Symbols: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H_out`` hidden
size. A cell has no ``L`` axis, no layer axis and no ``batch_first``.
"""

# %%
# One step of ``nn.RNNCell``
# --------------------------
# A cell takes the input at one step, ``(N, H_in)``, and the hidden state from the previous
# step, ``(N, H_out)``, and returns the new hidden state, ``(N, H_out)``. Leaving out the hidden
# state starts from zeros.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
x = torch.randn(N, L, H_in)  # a batch-first sequence, read one step at a time below

rnn_cell = nn.RNNCell(input_size=H_in, hidden_size=H_out)
h = rnn_cell(x[:, 0])  # step 0, hidden state starts at zero
h = rnn_cell(x[:, 1], h)  # step 1, feeding back the hidden state
print(f"x[:, 0]: {tuple(x[:, 0].shape)}  (N, H_in)")
print(f"h:       {tuple(h.shape)}  (N, H_out)")
assert x[:, 0].shape == (N, H_in)
assert h.shape == (N, H_out)

# %%
# Unbatched input works too: one step of one sequence, ``(H_in,)``, gives ``(H_out,)``.
h_single = rnn_cell(x[0, 0])
print(f"x[0, 0]:  {tuple(x[0, 0].shape)}  (H_in,)")
print(f"h_single: {tuple(h_single.shape)}  (H_out,)")
assert h_single.shape == (H_out,)

# %%
# A whole sequence is one dimension too many. The cell says so instead of guessing:
try:
    rnn_cell(x)
except ValueError as err:  # a cell takes one step, not a sequence
    message = str(err)
else:
    raise AssertionError("nn.RNNCell accepted a whole sequence")
print(f"ValueError: {message}")
assert message == "RNNCell: Expected input to be 1D or 2D, got 3D instead"

# %%
# The cells' weights
# ------------------
# A cell holds the same four tensors as one layer of the full module, without the ``_l0``
# suffix. The rows stack one block of ``H_out`` per gate: ``G = 1`` for the plain RNN,
# ``G = 4`` for LSTM (gates i, f, g, o) and ``G = 3`` for GRU (r, z, n).
lstm_cell = nn.LSTMCell(input_size=H_in, hidden_size=H_out)
gru_cell = nn.GRUCell(input_size=H_in, hidden_size=H_out)
for cell, G in ((rnn_cell, 1), (lstm_cell, 4), (gru_cell, 3)):
    print(f"{type(cell).__name__} (G = {G}):")
    for name, p in cell.named_parameters():
        print(f"  {name:9s} {tuple(p.shape)}")
    assert cell.weight_ih.shape == (G * H_out, H_in)
    assert cell.weight_hh.shape == (G * H_out, H_out)
    assert cell.bias_ih.shape == cell.bias_hh.shape == (G * H_out,)

# %%
# A loop of ``RNNCell`` reproduces ``nn.RNN``
# -------------------------------------------
# Build a one-layer ``nn.RNN``, copy its weights into a cell (``weight_ih_l0`` into
# ``weight_ih`` and so on), then run the cell over the ``L`` steps and stack the hidden states
# along the time axis. The result is ``nn.RNN``'s ``output`` (``torch.allclose`` allows for
# floating-point rounding between the two code paths), and the last hidden state is ``h_n``
# without its layer axis.
rnn = nn.RNN(input_size=H_in, hidden_size=H_out, batch_first=True)


def copy_weights(cell, module):
    """Copy layer 0 of a recurrent module into a cell of the same kind."""
    with torch.no_grad():
        for name, p in cell.named_parameters():
            p.copy_(getattr(module, f"{name}_l0"))


copy_weights(rnn_cell, rnn)
output, h_n = rnn(x)

h = None
steps = []
for t in range(L):
    h = rnn_cell(x[:, t], h)
    steps.append(h)
loop_output = torch.stack(steps, dim=1)

print(f"nn.RNN output: {tuple(output.shape)}  (N, L, H_out)")
print(f"loop output:   {tuple(loop_output.shape)}  (N, L, H_out)")
print(f"h_n: {tuple(h_n.shape)}  (num_layers, N, H_out), last h: {tuple(h.shape)}  (N, H_out)")
print("loop equals nn.RNN:", torch.allclose(loop_output, output))
print("last h equals h_n[0]:", torch.allclose(h, h_n[0]))
assert loop_output.shape == output.shape == (N, L, H_out)
assert h.shape == h_n[0].shape == (N, H_out)
assert torch.allclose(loop_output, output)
assert torch.allclose(h, h_n[0])

# %%
# ``LSTMCell`` carries two states
# -------------------------------
# ``nn.LSTMCell`` takes and returns the pair ``(h, c)``, each ``(N, H_out)``: the hidden state
# and the cell state. The same loop reproduces ``nn.LSTM``'s ``output``, ``h_n`` and ``c_n``.
lstm = nn.LSTM(input_size=H_in, hidden_size=H_out, batch_first=True)
copy_weights(lstm_cell, lstm)
output_lstm, (h_n_lstm, c_n_lstm) = lstm(x)

state = None
steps = []
for t in range(L):
    state = lstm_cell(x[:, t], state)  # state is the pair (h, c)
    steps.append(state[0])
loop_lstm = torch.stack(steps, dim=1)
h, c = state

print(f"h: {tuple(h.shape)}  (N, H_out), c: {tuple(c.shape)}  (N, H_out)")
print("loop equals nn.LSTM output:", torch.allclose(loop_lstm, output_lstm))
print("h, c equal h_n[0], c_n[0]:", torch.allclose(h, h_n_lstm[0]), torch.allclose(c, c_n_lstm[0]))
assert h.shape == c.shape == (N, H_out)
assert loop_lstm.shape == output_lstm.shape == (N, L, H_out)
assert torch.allclose(loop_lstm, output_lstm)
assert torch.allclose(h, h_n_lstm[0])
assert torch.allclose(c, c_n_lstm[0])

# %%
# A single tensor where the pair belongs is refused:
try:
    lstm_cell(x[:, 0], h)
except TypeError as err:  # the state of an LSTMCell is the pair (h, c)
    message = str(err)
else:
    raise AssertionError("nn.LSTMCell accepted a single tensor as its state")
print(f"TypeError: {message}")
assert message.startswith("lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors")

# %%
# ``GRUCell``
# -----------
# ``nn.GRUCell`` is used exactly like ``nn.RNNCell``: one hidden state in, one out.
gru = nn.GRU(input_size=H_in, hidden_size=H_out, batch_first=True)
copy_weights(gru_cell, gru)
output_gru, h_n_gru = gru(x)

h = None
steps = []
for t in range(L):
    h = gru_cell(x[:, t], h)
    steps.append(h)
loop_gru = torch.stack(steps, dim=1)

print(f"loop output: {tuple(loop_gru.shape)}  (N, L, H_out)")
print("loop equals nn.GRU output:", torch.allclose(loop_gru, output_gru))
print("last h equals h_n[0]:", torch.allclose(h, h_n_gru[0]))
assert loop_gru.shape == output_gru.shape == (N, L, H_out)
assert torch.allclose(loop_gru, output_gru)
assert torch.allclose(h, h_n_gru[0])

# %%
# The picture puts the two computations on top of each other for the first sequence of the
# batch: lines are the full module's ``output``, circles the cell loop, one colour per hidden
# unit. Every circle sits on its line.
import matplotlib.pyplot as plt

pairs = (
    ("RNN", output, loop_output),
    ("LSTM", output_lstm, loop_lstm),
    ("GRU", output_gru, loop_gru),
)
fig, axes = plt.subplots(1, 3, figsize=(8, 3.5), sharey=True, layout="constrained")
for ax, (name, full, loop) in zip(axes, pairs, strict=True):
    ax.set_prop_cycle(color=plt.cm.tab10.colors[:H_out])
    ax.plot(full[0].detach().numpy(), lw=1.5)
    ax.set_prop_cycle(color=plt.cm.tab10.colors[:H_out])
    ax.plot(loop[0].detach().numpy(), "o", ms=7, mfc="none")
    ax.set_title(f"nn.{name}: lines\n{name}Cell loop: circles")
    ax.set_xlabel("time step (L)")
    ax.set_xticks(range(L))
axes[0].set_ylabel("output[0]: one line per hidden unit")
plt.show()

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNNCell
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNNCell.html>`_,
#   `torch.nn.LSTMCell <https://pytorch.org/docs/stable/generated/torch.nn.LSTMCell.html>`_ and
#   `torch.nn.GRUCell <https://pytorch.org/docs/stable/generated/torch.nn.GRUCell.html>`_.
# - :ref:`example-parameter-shapes` lists every weight of the full modules, with more layers
#   and both directions.
# - :ref:`example-lstm` and :ref:`example-gru` cover the full modules' inputs and outputs.
# - Try ``nn.RNNCell`` in the `shape calculator <../calculator.html?mode=RNNCell&input_size=4
#   &hidden_size=6&batch=3>`__, and switch ``mode`` to LSTMCell or GRUCell for the other two cells.
