"""
.. _example-bidirectional:

Bidirectional RNNs: two directions, two halves
==============================================

``bidirectional=True`` runs every layer twice: once forward in time and once backward, with
separate weights. ``D`` becomes 2, and it shows up in two places. The last axis of ``output``
is ``D * H_out``: the forward and backward hidden states side by side. ``h_n`` is
``(D * num_layers, N, H_out)``: one row per layer *and* direction.

This example finds each direction's final state in both tensors, and builds the usual
sequence feature from them.
"""

# %%
# Shapes with ``D = 2``
# ---------------------
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # batch, sequence length, input features, hidden size
num_layers, D = 2, 2  # two layers, two directions

rnn = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    bidirectional=True,
    batch_first=True,
)
x = torch.randn(N, L, H_in)
output, h_n = rnn(x)

print(f"x:      {tuple(x.shape)}  (N, L, H_in)")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)

# %%
# The layout of ``h_n``
# ---------------------
# The first axis of ``h_n`` runs layer by layer, and within a layer the forward direction
# comes first: layer 0 forward, layer 0 backward, layer 1 forward, layer 1 backward.
# ``view`` splits that axis into its two parts:
h_n_split = h_n.view(num_layers, D, N, H_out)
print(f"h_n.view(num_layers, D, N, H_out): {tuple(h_n_split.shape)}")
assert h_n_split.shape == (num_layers, D, N, H_out)

forward_last_layer = h_n_split[-1, 0]  # last layer, forward direction
backward_last_layer = h_n_split[-1, 1]  # last layer, backward direction
print(f"h_n_split[-1, 0]: {tuple(forward_last_layer.shape)}  (N, H_out), forward")
print(f"h_n_split[-1, 1]: {tuple(backward_last_layer.shape)}  (N, H_out), backward")
assert forward_last_layer.shape == backward_last_layer.shape == (N, H_out)
print("h_n_split[-1, 0] equals h_n[-2]:", torch.equal(forward_last_layer, h_n[-2]))
print("h_n_split[-1, 1] equals h_n[-1]:", torch.equal(backward_last_layer, h_n[-1]))
assert torch.equal(forward_last_layer, h_n[-2])
assert torch.equal(backward_last_layer, h_n[-1])

# %%
# The two halves of ``output``
# ----------------------------
# ``output[..., :H_out]`` is the last layer's forward direction, ``output[..., H_out:]`` its
# backward direction, both at every time step. Each direction *finishes* at a different end:
# the forward one at the last step, the backward one at the first step, because it reads the
# sequence from the end.
forward_half = output[:, :, :H_out]
backward_half = output[:, :, H_out:]
print(f"forward half:  {tuple(forward_half.shape)}  (N, L, H_out)")
print(f"backward half: {tuple(backward_half.shape)}  (N, L, H_out)")
assert forward_half.shape == backward_half.shape == (N, L, H_out)

forward_final = torch.equal(output[:, -1, :H_out], h_n[-2])
backward_final = torch.equal(output[:, 0, H_out:], h_n[-1])
print("output[:, -1, :H_out] equals h_n[-2] (forward, last step): ", forward_final)
print("output[:, 0, H_out:]  equals h_n[-1] (backward, first step):", backward_final)
assert forward_final
assert backward_final

# %%
# A common slip is to take ``output[:, -1]`` as "the final state" of a bidirectional layer. Its
# backward half has seen only the last time step:
slip = torch.equal(output[:, -1, H_out:], h_n[-1])
print("output[:, -1, H_out:] equals h_n[-1]:", slip)
assert not slip

# %%
# The picture shows ``output[0]``, the first sequence, with the two halves side by side. The
# framed rows are the two final states: forward at the bottom of the left half, backward at
# the top of the right half. The arrows show the direction each half reads the sequence.
import matplotlib.pyplot as plt

fig, (ax_out, ax_h) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [2, 1]}, layout="constrained"
)
vmax = float(output.detach().abs().max())
ax_out.imshow(output[0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_out.axvline(H_out - 0.5, color="black", lw=2)
ax_out.set_title(f"output[0]: {tuple(output[0].shape)}\nforward half | backward half")
ax_out.set_xlabel("D * H_out: forward units, then backward units")
ax_out.set_ylabel("time step (L)")
ax_out.set_yticks(range(L))
ax_out.add_patch(plt.Rectangle((-0.5, L - 1.5), H_out, 1, fill=False, lw=3, ec="black"))
ax_out.add_patch(plt.Rectangle((H_out - 0.5, -0.5), H_out, 1, fill=False, lw=3, ec="black"))
arrow = {"arrowstyle": "->", "lw": 2, "color": "black"}
ax_out.annotate("", xy=(H_out / 2 - 0.5, L - 1.6), xytext=(H_out / 2 - 0.5, 0), arrowprops=arrow)
ax_out.annotate(
    "", xy=(1.5 * H_out - 0.5, 0.6), xytext=(1.5 * H_out - 0.5, L - 1), arrowprops=arrow
)

ax_h.imshow(h_n[:, 0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_h.set_title(f"h_n[:, 0]: {tuple(h_n[:, 0].shape)}\nlayer x direction")
ax_h.set_xlabel("hidden unit (H_out)")
row_names = [
    f"h_n[{D * k + d}]\nlayer {k} {'fwd' if d == 0 else 'bwd'}"
    for k in range(num_layers)
    for d in range(D)
]
ax_h.set_yticks(range(D * num_layers), row_names)
for row in (D * num_layers - 2, D * num_layers - 1):
    ax_h.add_patch(plt.Rectangle((-0.5, row - 0.5), H_out, 1, fill=False, lw=3, ec="black"))
plt.show()

# %%
# One feature vector per sequence
# -------------------------------
# For a many-to-one task (a label per sequence), the usual feature joins the last layer's two
# final states: ``torch.cat((h_n[-2], h_n[-1]), dim=1)``. The same vector can be read from
# ``output`` by taking each half at the step where that direction finished.
feature = torch.cat((h_n[-2], h_n[-1]), dim=1)
from_output = torch.cat((output[:, -1, :H_out], output[:, 0, H_out:]), dim=1)
print(f"feature: {tuple(feature.shape)}  (N, 2 * H_out)")
print("same vector read from output:", torch.equal(feature, from_output))
assert feature.shape == (N, 2 * H_out)
assert torch.equal(feature, from_output)

# %%
# A ``Linear(2 * H_out, ...)`` head takes it from there. In a stacked bidirectional RNN, the
# layers above the first read ``D * H_out`` features, since both directions of the layer below
# feed them:
print(f"weight_ih_l1: {tuple(rnn.weight_ih_l1.shape)}  (H_out, D * H_out)")
print(f"weight_ih_l1_reverse: {tuple(rnn.weight_ih_l1_reverse.shape)}  (H_out, D * H_out)")
assert rnn.weight_ih_l1.shape == rnn.weight_ih_l1_reverse.shape == (H_out, D * H_out)

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ for ``bidirectional``;
#   the ``_reverse`` weights are listed only on `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_'s page, under
#   "Variables", and ``nn.RNN`` and ``nn.GRU`` name theirs the same way.
# - :ref:`example-stacked-layers` for ``num_layers`` on its own.
# - Try this configuration in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=2&batch_first=1&bidirectional=1&batch=3&seq_len=5>`__, with the
#   ``_reverse`` weights listed under the tensors.
