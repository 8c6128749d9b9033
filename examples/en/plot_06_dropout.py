"""
.. _example-dropout:

``dropout``: only between layers, only in training
==================================================

``nn.RNN(..., dropout=p)`` does less than its name suggests. It drops values from the output
sequence of every layer *except the last*, as that sequence goes into the next layer, and it
does so only in training mode (``rnn.train()``). In evaluation mode (``rnn.eval()``) it does
nothing, and with a single layer there is no "between" at all, which PyTorch warns about.

Dropout changes values, never shapes. Since the masks are random, this page prints only
``True``/``False`` comparisons, never the values themselves.
"""

# %%
# A two-layer RNN with ``dropout=0.5``
# ------------------------------------
import warnings

import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # batch, sequence length, input features, hidden size
num_layers, D = 2, 1
p = 0.5  # dropout probability

rnn = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    dropout=p,
    batch_first=True,
)
x = torch.randn(N, L, H_in)
print(rnn)

# %%
# ``eval()``: dropout is off
# --------------------------
# In evaluation mode two calls give identical results, the same as a module built without
# ``dropout`` and given the same weights (dropout has no weights of its own).
rnn.eval()
output_a, h_n_a = rnn(x)
output_b, h_n_b = rnn(x)

no_dropout = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
no_dropout.load_state_dict(rnn.state_dict())
output_plain, _ = no_dropout(x)

same_runs = torch.equal(output_a, output_b) and torch.equal(h_n_a, h_n_b)
print("eval: two runs equal:", same_runs)
print("eval: equals the module without dropout:", torch.equal(output_a, output_plain))
assert same_runs
assert torch.equal(output_a, output_plain)

# %%
# ``train()``: every call draws a new mask
# ----------------------------------------
# ``nn.Module`` starts in training mode; we switch back explicitly. Now two calls on the same
# input differ, while the shapes stay exactly those of evaluation mode.
rnn.train()
output_1, h_n_1 = rnn(x)
output_2, h_n_2 = rnn(x)

print(f"output: {tuple(output_1.shape)}  (N, L, D * H_out), as in eval")
print(f"h_n:    {tuple(h_n_1.shape)}  (D * num_layers, N, H_out), as in eval")
assert output_1.shape == output_2.shape == output_a.shape == (N, L, D * H_out)
assert h_n_1.shape == h_n_2.shape == h_n_a.shape == (D * num_layers, N, H_out)

same_output = torch.equal(output_1, output_2)
print("train: two runs give the same output:", same_output)
assert not same_output

# %%
# Where the mask is applied
# -------------------------
# Dropout sits *between* layer 0 and layer 1. Layer 0 runs untouched, so its final state is
# the same in both training runs; only what layer 1 reads is masked, so layer 1's final
# state differs.
layer0_same = torch.equal(h_n_1[0], h_n_2[0])
layer1_same = torch.equal(h_n_1[1], h_n_2[1])
print("train: h_n[0] (layer 0) equal across runs:", layer0_same)
print("train: h_n[1] (layer 1) equal across runs:", layer1_same)
assert layer0_same
assert not layer1_same

# %%
# Nor is the last layer's output masked: a dropout on it would set about a fraction ``p`` of
# the entries to exactly zero, and there are none.
print("train: output has exact zeros:", bool((output_1 == 0).any()))
assert not (output_1 == 0).any()

# %%
# The picture shows how much each layer's final state moved between the two training runs,
# for every sequence and hidden unit. Layer 0 is blank: nothing changed before the mask.
import matplotlib.pyplot as plt

change = (h_n_1 - h_n_2).abs().detach()  # (D * num_layers, N, H_out)
fig, axes = plt.subplots(1, num_layers, figsize=(8, 3), layout="constrained")
for k, ax in enumerate(axes):
    image = ax.imshow(change[k].numpy(), cmap="Greys", vmin=0, vmax=float(change.max()))
    ax.set_title(f"layer {k}: |h_n_1[{k}] - h_n_2[{k}]|, {tuple(change[k].shape)}")
    ax.set_xlabel("hidden unit (H_out)")
    ax.set_ylabel("sequence (N)")
    ax.set_yticks(range(N))
    if not change[k].any():
        ax.text(H_out / 2 - 0.5, N / 2 - 0.5, "all zero", ha="center", va="center")
fig.colorbar(image, ax=axes, shrink=0.8)
plt.show()

# %%
# One layer: a warning, and no dropout
# ------------------------------------
# With ``num_layers=1`` there is no layer after the first, so ``dropout`` has nowhere to act.
# PyTorch says so when the module is built:
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    single = nn.RNN(
        input_size=H_in,
        hidden_size=H_out,
        num_layers=1,
        dropout=p,
        batch_first=True,
    )
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
assert [warning.category for warning in caught] == [UserWarning]
assert str(caught[0].message).startswith("dropout option adds dropout after all but last")

# %%
# It means it: in training mode two runs of the single-layer module are identical.
single.train()
single_same = torch.equal(single(x)[0], single(x)[0])
print("num_layers=1, train: two runs equal:", single_same)
assert single_same

# %%
# Dropout on the last layer's output: ``nn.Dropout``
# --------------------------------------------------
# To regularise what the RNN hands to the next part of the model (a ``Linear`` head, say),
# add an explicit ``nn.Dropout`` after it. Like the built-in one it acts only in ``train()``,
# zeroes entries and scales the survivors by ``1 / (1 - p)``, keeping the shape.
head_dropout = nn.Dropout(p=p)
head_dropout.train()
dropped = head_dropout(output_1)
kept = dropped != 0
print(f"dropped: {tuple(dropped.shape)}  (N, L, D * H_out)")
zeroed = bool((~kept).any())
scaled = torch.allclose(dropped[kept], output_1[kept] / (1 - p))
print("train: nn.Dropout zeroes some entries:", zeroed)
print("train: survivors scaled by 1 / (1 - p):", scaled)
assert dropped.shape == output_1.shape == (N, L, D * H_out)
assert zeroed
assert scaled

head_dropout.eval()
print("eval: nn.Dropout passes values through:", torch.equal(head_dropout(output_1), output_1))
assert torch.equal(head_dropout(output_1), output_1)

# %%
# Remember to call ``model.eval()`` before evaluating and ``model.train()`` before training:
# it switches both kinds of dropout at once. The stacked layers themselves are the subject of
# :ref:`example-stacked-layers`.

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ (the ``dropout``
#   argument) and `torch.nn.Dropout
#   <https://pytorch.org/docs/stable/generated/torch.nn.Dropout.html>`_.
# - Try this configuration in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=2&batch_first=1&dropout=0.5&batch=3&seq_len=5>`__. Set ``num_layers``
#   to 1 there and it shows PyTorch's dropout warning.
