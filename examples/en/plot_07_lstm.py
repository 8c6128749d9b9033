"""
.. _example-lstm:

LSTM: a tuple ``(h_n, c_n)`` and a cell state of ``hidden_size``
=================================================================

``nn.LSTM`` carries two states from step to step: the hidden state ``h`` and the cell state
``c``. Its forward pass therefore returns ``output, (h_n, c_n)`` and accepts its initial state
as a tuple ``(h_0, c_0)``. ``c_n`` has exactly the shape of ``h_n``: without projections both
keep ``hidden_size``, which PyTorch calls ``H_cell`` for the cell state and ``H_out`` for the
hidden state.

We use distinct sizes so every axis can be told apart: ``N`` batch size, ``L`` sequence length,
``H_in`` input features, ``H_out`` hidden size, and two stacked layers with ``batch_first=True``.
"""

# %%
# An LSTM returns ``output`` and a tuple
# --------------------------------------
# Unpack the tuple right in the assignment: ``output, (h_n, c_n) = lstm(x)``.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
num_layers, D = 2, 1

lstm = nn.LSTM(input_size=H_in, hidden_size=H_out, num_layers=num_layers, batch_first=True)
x = torch.randn(N, L, H_in)
output, (h_n, c_n) = lstm(x)

H_cell = lstm.hidden_size  # without proj_size, c and h share this size
print(lstm)
print(f"input x: {tuple(x.shape)}  (N, L, H_in)")
print(f"output:  {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:     {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print(f"c_n:     {tuple(c_n.shape)}  (D * num_layers, N, H_cell)")
assert x.shape == (N, L, H_in)
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert c_n.shape == (D * num_layers, N, H_cell)
assert c_n.shape == h_n.shape

# %%
# As with ``nn.RNN``, ``batch_first=True`` moves the batch axis of ``x`` and ``output`` only.
# ``h_n`` and ``c_n`` always start with ``D * num_layers``: one row per layer (and per
# direction), then the batch.
#
# ``output`` holds only ``h``
# ---------------------------
# ``output`` is the last layer's hidden state at every time step, so its last step is the last
# layer's ``h_n``, exactly as for ``nn.RNN``. The cell state never appears in ``output``:
# ``c_n`` is the only way to read it.
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
print("output[:, -1] equals c_n[-1]:", torch.equal(output[:, -1], c_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])
assert output[:, -1].shape == (N, D * H_out)

# %%
# Passing the initial state as a tuple ``(h_0, c_0)``
# ---------------------------------------------------
# The initial state goes in as one tuple, in the same layout as ``(h_n, c_n)``: batch in the
# middle, whatever ``batch_first`` says. Leaving it out means zeros, so passing zeros by hand
# gives the same result.
h_0 = torch.zeros(D * num_layers, N, H_out)
c_0 = torch.zeros(D * num_layers, N, H_cell)
output_z, (h_n_z, c_n_z) = lstm(x, (h_0, c_0))

print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, H_out)")
print(f"c_0: {tuple(c_0.shape)}  (D * num_layers, N, H_cell)")
print("zeros change nothing:", torch.equal(output_z, output), torch.equal(c_n_z, c_n))
assert h_0.shape == (D * num_layers, N, H_out)
assert c_0.shape == (D * num_layers, N, H_cell)
assert torch.equal(output_z, output)
assert torch.equal(h_n_z, h_n)
assert torch.equal(c_n_z, c_n)

# %%
# To continue a sequence in a second call, pass the returned tuple back in as it is:
# ``lstm(x_next, (h_n, c_n))``.
x_next = torch.randn(N, L, H_in)
output_next, (h_next, c_next) = lstm(x_next, (h_n, c_n))
print(f"output_next: {tuple(output_next.shape)}  (N, L, D * H_out)")
assert output_next.shape == (N, L, D * H_out)
assert h_next.shape == h_n.shape
assert c_next.shape == c_n.shape

# %%
# Same shape, different values
# ----------------------------
# ``h_n`` and ``c_n`` have the same shape but are different tensors. An LSTM computes
# ``h = o * tanh(c)`` with an output gate ``o`` between 0 and 1, so every hidden value is
# smaller in size than ``tanh`` of its cell value and stays inside the open interval from
# -1 to 1, while the cell state itself is not squashed.
print("h_n differs from c_n:", not torch.equal(h_n, c_n))
print("|h_n| <= |tanh(c_n)| everywhere:", bool((h_n.abs() <= c_n.tanh().abs()).all()))
print("h_n inside (-1, 1):", bool((h_n.abs() < 1).all()))
assert bool((h_n.abs() <= c_n.tanh().abs()).all())
assert bool((h_n.abs() < 1).all())

# %%
# The picture puts both states side by side, one row per layer and sequence, on one colour
# scale. The framed rows are the last layer: for ``h_n`` they are ``output[:, -1]``.
import matplotlib.pyplot as plt

h_rows = h_n.detach().reshape(num_layers * N, H_out).numpy()
c_rows = c_n.detach().reshape(num_layers * N, H_cell).numpy()
row_names = [f"layer {layer}, seq {n}" for layer in range(num_layers) for n in range(N)]
vmax = float(c_n.detach().abs().max())

fig, axes = plt.subplots(1, 2, figsize=(8, 4), sharey=True, layout="constrained")
panels = ((axes[0], h_n, h_rows, "h_n", H_out), (axes[1], c_n, c_rows, "c_n", H_cell))
for ax, state, rows, name, width in panels:
    image = ax.imshow(rows, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
    ax.set_title(f"{name}: {tuple(state.shape)}\nrows: layer x sequence")
    ax.set_xlabel("H_out" if name == "h_n" else "H_cell")
    ax.add_patch(plt.Rectangle((-0.5, N - 0.5), width, N, fill=False, lw=2.5, ec="black"))
axes[0].set_yticks(range(num_layers * N), row_names)
fig.colorbar(image, ax=axes, shrink=0.8)
plt.show()

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_.
# - :ref:`example-lstm-proj-size`: with ``proj_size`` the hidden state shrinks to ``P`` while
#   the cell state keeps ``hidden_size``.
# - :ref:`example-gru`: a gated layer that returns a single state, like ``nn.RNN``.
# - :ref:`example-blog-configurations`: the same ``output`` and ``h_n`` relation for ``nn.RNN``.
# - Try this configuration in the `shape calculator <../calculator.html?mode=LSTM&input_size=4
#   &hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=5>`__.
