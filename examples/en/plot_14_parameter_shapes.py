"""
.. _example-parameter-shapes:

Parameter shapes: every weight of RNN, LSTM and GRU
===================================================

A recurrent module stores four tensors per layer and per direction: an input-to-hidden weight,
a hidden-to-hidden weight and two biases. Their shapes follow one rule, with a gate count
``G`` that depends on the module: ``G = 1`` for ``nn.RNN``, ``G = 4`` for ``nn.LSTM`` (gates
i, f, g, o) and ``G = 3`` for ``nn.GRU`` (gates r, z, n). The gates are stacked along the
rows.

We use ``num_layers=2`` and ``bidirectional=True`` so that every kind of parameter appears.
Symbols: ``H_in`` input features, ``H_out`` hidden size, ``D`` directions (2 here).
"""

# %%
# Three modules with two layers and two directions
# ------------------------------------------------
# The three modules are built with the same keyword arguments; only the gate count differs.
import re

import torch
from torch import nn

torch.manual_seed(0)

H_in, H_out, num_layers, D = 4, 6, 2, 2
G = {"RNN": 1, "LSTM": 4, "GRU": 3}  # gate blocks stacked in each weight
modules = {
    name: getattr(nn, name)(
        input_size=H_in, hidden_size=H_out, num_layers=num_layers, bidirectional=True
    )
    for name in G
}

# %%
# The rule, written once
# ----------------------
# For layer ``k``, with or without the ``_reverse`` suffix of the backward direction:
#
# - ``weight_ih_lk`` is ``(G * H_out, H_in)`` for layer 0 and ``(G * H_out, D * H_out)`` above
#   it, because layer ``k`` reads the previous layer's output, both directions concatenated;
# - ``weight_hh_lk`` is ``(G * H_out, H_out)``: it reads this direction's own hidden state;
# - ``bias_ih_lk`` and ``bias_hh_lk`` are ``(G * H_out,)``.
#
# The function below turns a parameter name into its expected shape, and the loop checks
# every parameter of the three modules against it.
NAME = re.compile(r"(weight|bias)_(ih|hh)_l(\d+)(_reverse)?")


def expected_shape(name, g):
    """The shape PyTorch should give parameter ``name`` of a module with ``g`` gates."""
    kind, source, layer, _ = NAME.fullmatch(name).groups()
    if kind == "bias":
        return (g * H_out,), "(G * H_out,)"
    if source == "hh":
        return (g * H_out, H_out), "(G * H_out, H_out)"
    if layer == "0":
        return (g * H_out, H_in), "(G * H_out, H_in)"
    return (g * H_out, D * H_out), "(G * H_out, D * H_out)"


params = {name: dict(module.named_parameters()) for name, module in modules.items()}
names = list(params["RNN"])
print(f"{'parameter':21s} {'RNN, G=1':10s} {'LSTM, G=4':10s} {'GRU, G=3':10s} formula")
for name in names:
    shapes = [tuple(params[m][name].shape) for m in G]
    formula = expected_shape(name, 1)[1]
    print(f"{name:21s} " + " ".join(f"{s!s:10s}" for s in shapes) + f" {formula}")
    for m in G:
        assert params[m][name].shape == expected_shape(name, G[m])[0], (m, name)
assert all(list(params[m]) == names for m in G)
assert len(names) == 4 * num_layers * D

# %%
# Why layer 1 reads ``D * H_out`` features
# ----------------------------------------
# A bidirectional layer concatenates its two directions, so its output has ``D * H_out``
# features per step, and that is the input of the next layer. A one-layer module shows the
# width that layer 0 hands over:
L, N = 5, 3
layer0 = nn.GRU(input_size=H_in, hidden_size=H_out, bidirectional=True)
out0, _ = layer0(torch.randn(L, N, H_in))
print(f"layer 0 output:   {tuple(out0.shape)}  (L, N, D * H_out)")
print(f"GRU weight_ih_l1: {tuple(modules['GRU'].weight_ih_l1.shape)}  (G * H_out, D * H_out)")
assert out0.shape == (L, N, D * H_out)
assert out0.shape[-1] == modules["GRU"].weight_ih_l1.shape[1]

# %%
# LSTM's four gate blocks
# -----------------------
# ``weight_ih_l0`` of the LSTM is four ``(H_out, H_in)`` matrices on top of each other, in the
# order input gate i, forget gate f, cell candidate g, output gate o. ``.chunk(4, dim=0)``
# splits them apart; the biases split the same way.
lstm = modules["LSTM"]
W_ii, W_if, W_ig, W_io = lstm.weight_ih_l0.chunk(4, dim=0)
for gate, W in zip("ifgo", (W_ii, W_if, W_ig, W_io), strict=True):
    print(f"W_i{gate}: {tuple(W.shape)}  (H_out, H_in)")
    assert W.shape == (H_out, H_in)

# %%
# The order is not a convention of this page: one LSTM step computed by hand from the four
# blocks matches the module. We copy the forward direction of layer 0 into a one-layer,
# one-direction LSTM, run it for a single step from a non-zero ``h_0`` and ``c_0`` (so that every
# gate matters), and redo the step by hand.
one_layer = nn.LSTM(input_size=H_in, hidden_size=H_out)
with torch.no_grad():
    for name, p in one_layer.named_parameters():
        p.copy_(getattr(lstm, name))

x = torch.randn(1, N, H_in)  # a single time step: (L, N, H_in) with L = 1
h_0, c_0 = torch.randn(1, N, H_out), torch.randn(1, N, H_out)
_, (h_1, c_1) = one_layer(x, (h_0, c_0))

gates = (
    x[0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + h_0[0] @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
)
i, f, g, o = gates.chunk(4, dim=1)  # each (N, H_out)
c_manual = torch.sigmoid(f) * c_0[0] + torch.sigmoid(i) * torch.tanh(g)
h_manual = torch.sigmoid(o) * torch.tanh(c_manual)
print(f"gates: {tuple(gates.shape)}  (N, 4 * H_out)")
print("hand-computed c equals c_1:", torch.allclose(c_manual, c_1[0]))
print("hand-computed h equals h_1:", torch.allclose(h_manual, h_1[0]))
assert gates.shape == (N, 4 * H_out)
assert torch.allclose(c_manual, c_1[0])
assert torch.allclose(h_manual, h_1[0])

# %%
# GRU stacks three blocks the same way, reset r, update z and new n:
W_ir, W_iz, W_in = modules["GRU"].weight_ih_l0.chunk(3, dim=0)
print(f"GRU blocks: {[tuple(W.shape) for W in (W_ir, W_iz, W_in)]}  (H_out, H_in) each")
assert W_ir.shape == W_iz.shape == W_in.shape == (H_out, H_in)

# %%
# Parameter counts
# ----------------
# Summing the rule: each direction of layer ``k`` holds ``G * H_out * (in_k + H_out + 2)``
# numbers, where ``in_k`` is ``H_in`` for layer 0 and ``D * H_out`` above. LSTM has four times
# the plain RNN's parameters and GRU three times, for the same sizes.
counts = {}
for module_name, module in modules.items():
    g = G[module_name]
    per_layer = [
        D * g * H_out * ((H_in if k == 0 else D * H_out) + H_out + 2) for k in range(num_layers)
    ]
    total = sum(p.numel() for p in module.parameters())
    counts[module_name] = per_layer
    print(
        f"nn.{module_name:4s} layer 0: {per_layer[0]:4d}, layer 1: {per_layer[1]:4d}, total {total}"
    )
    assert total == sum(per_layer)
assert sum(counts["LSTM"]) == 4 * sum(counts["RNN"])
assert sum(counts["GRU"]) == 3 * sum(counts["RNN"])

# %%
# The picture shows both results. On the left, LSTM's ``weight_ih_l0`` with its four gate
# blocks of ``H_out`` rows each; on the right, the parameter counts per module, split by layer.
import matplotlib.pyplot as plt

fig, (ax_w, ax_n) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [1, 2]}, layout="constrained"
)
W = lstm.weight_ih_l0.detach().numpy()
vmax = abs(W).max()
ax_w.imshow(W, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
for b, gate in enumerate("ifgo"):
    if b:
        ax_w.axhline(b * H_out - 0.5, color="black", lw=2)
    ax_w.text(H_in - 0.4, (b + 0.5) * H_out - 0.5, gate, va="center", fontsize=12)
ax_w.set_title(f"LSTM weight_ih_l0: four gate blocks\n{W.shape}: (4 * H_out, H_in)")
ax_w.set_xlabel("input feature (H_in)")
ax_w.set_ylabel("row (gate block x H_out)")
ax_w.set_xlim(-0.5, H_in + 0.3)
ax_w.set_xticks(range(H_in))
ax_w.set_yticks([b * H_out for b in range(4)])

module_names = list(counts)
layer0_counts = [counts[m][0] for m in module_names]
layer1_counts = [counts[m][1] for m in module_names]
ax_n.bar(module_names, layer0_counts, label="layer 0")
ax_n.bar(module_names, layer1_counts, bottom=layer0_counts, label="layer 1")
for k, m in enumerate(module_names):
    ax_n.text(k, sum(counts[m]), str(sum(counts[m])), ha="center", va="bottom")
ax_n.set_title(f"parameter count, num_layers={num_layers}, bidirectional=True")
ax_n.set_ylabel("number of parameters")
ax_n.set_ylim(0, 1.3 * max(sum(c) for c in counts.values()))
ax_n.legend(loc="upper left", title="both directions")
plt.show()

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_, `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_ and `torch.nn.GRU
#   <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_; each page lists its
#   ``weight_ih_l[k]`` and gate equations.
# - :ref:`example-cells` copies these weights into cells and reproduces the modules step by
#   step; :ref:`example-lstm` and :ref:`example-gru` show the shapes these modules return.
# - Try this example's LSTM in the `shape calculator <../calculator.html?mode=LSTM&input_size=4
#   &hidden_size=6&num_layers=2&bidirectional=1&batch=3&seq_len=5>`__, and switch ``mode`` to RNN or
#   GRU to compare the parameter lists.
