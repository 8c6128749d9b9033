"""
.. _example-stacked-layers:

Stacked layers: ``num_layers``
==============================

``num_layers=3`` stacks three recurrent layers: the first reads the input, each of the others
reads the sequence of hidden states of the layer below. The two results keep different parts
of that stack. ``h_n`` holds the last hidden state of *every* layer, one row per layer;
``output`` holds *every* time step of the *last* layer only.

To show there is nothing more to it, we rebuild the stack from three single-layer RNNs with
the same weights and get exactly the same numbers.
"""

# %%
# Three layers, one call
# ----------------------
# Two sequences in the batch, so that the number of layers (three) cannot be mistaken for
# ``N`` in the printed shapes.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 2, 5, 4, 6  # batch, sequence length, input features, hidden size
num_layers, D = 3, 1

stacked = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
x = torch.randn(N, L, H_in)
output, h_n = stacked(x)

print(f"x:      {tuple(x.shape)}  (N, L, H_in)")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out), last layer only")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out), one row per layer")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)

# %%
# ``output`` never grows with ``num_layers``; only ``h_n`` does. The two meet in one place, the
# last layer at the last step:
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])

# %%
# Each layer has its own weights
# ------------------------------
# Layer ``k`` owns ``weight_ih_l{k}``, ``weight_hh_l{k}``, ``bias_ih_l{k}`` and
# ``bias_hh_l{k}``. Only layer 0 reads the input, so only ``weight_ih_l0`` has ``H_in``
# columns; the layers above read ``D * H_out`` features from the layer below.
for name, param in stacked.named_parameters():
    print(f"{name:14s} {tuple(param.shape)}")
assert stacked.weight_ih_l0.shape == (H_out, H_in)
for k in range(1, num_layers):
    assert getattr(stacked, f"weight_ih_l{k}").shape == (H_out, D * H_out)
for k in range(num_layers):
    assert getattr(stacked, f"weight_hh_l{k}").shape == (H_out, H_out)
    assert getattr(stacked, f"bias_ih_l{k}").shape == getattr(stacked, f"bias_hh_l{k}").shape
    assert getattr(stacked, f"bias_ih_l{k}").shape == (H_out,)

# %%
# The same stack, layer by layer
# ------------------------------
# Three single-layer RNNs, each given the weights of one layer of ``stacked``, fed one after
# the other: the output sequence of layer ``k`` is the input sequence of layer ``k + 1``.
layer_inputs = x
layer_outputs, layer_h_n = [], []
for k in range(num_layers):
    single = nn.RNN(
        input_size=layer_inputs.shape[-1],
        hidden_size=H_out,
        batch_first=True,
    )
    with torch.no_grad():
        for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(single, f"{kind}_l0").copy_(getattr(stacked, f"{kind}_l{k}"))
    out_k, h_n_k = single(layer_inputs)
    print(f"layer {k}: input {tuple(layer_inputs.shape)} -> output {tuple(out_k.shape)}")
    assert out_k.shape == (N, L, H_out)
    assert h_n_k.shape == (1, N, H_out)  # one layer, one direction
    layer_outputs.append(out_k)
    layer_h_n.append(h_n_k)
    layer_inputs = out_k  # the next layer reads this layer's outputs

# %%
# The last single layer's output is the stacked ``output``, and the three final states,
# stacked along the first axis, are ``h_n``, bit for bit:
same_output = torch.equal(layer_outputs[-1], output)
same_h_n = torch.equal(torch.cat(layer_h_n, dim=0), h_n)
print("last layer's output equals stacked output:", same_output)
print("torch.cat of the layers' h_n equals stacked h_n:", same_h_n)
assert same_output
assert same_h_n

# %%
# So the lower layers' sequences exist during the forward pass, but ``nn.RNN`` returns only
# their last step (in ``h_n``). If you need every step of every layer, run the layers one by one
# as above.
#
# The picture shows the three layers for the first sequence of the batch, each as
# ``(L, H_out)``. The framed row of layer ``k`` is ``h_n[k, 0]``; the rightmost panel is all
# that ``output[0]`` contains.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, num_layers, figsize=(8, 4), sharey=True, layout="constrained")
vmax = float(max(out.detach().abs().max() for out in layer_outputs))
for k, (ax, out_k) in enumerate(zip(axes, layer_outputs, strict=True)):
    ax.imshow(out_k[0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
    label = "= output[0]" if k == num_layers - 1 else "not in output"
    ax.set_title(f"layer {k}: {tuple(out_k[0].shape)}\n{label}")
    ax.set_xlabel("hidden unit (H_out)")
    ax.add_patch(plt.Rectangle((-0.5, L - 1.5), H_out, 1, fill=False, lw=2.5, ec="black"))
    ax.text(H_out / 2 - 0.5, L - 1, f"h_n[{k}, 0]", ha="center", va="center", fontsize=9)
axes[0].set_ylabel("time step (L)")
axes[0].set_yticks(range(L))
plt.show()

# %%
# With more than one layer, ``dropout`` applies between layers; see :ref:`example-dropout`.
# With ``bidirectional=True`` each layer has two directions; see :ref:`example-bidirectional`.

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ (``num_layers`` and the
#   ``weight_ih_l[k]`` attributes).
# - :ref:`example-blog-configurations` draws ``output`` against ``h_n`` for two layers.
# - Try this configuration in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=3&batch_first=1&batch=2&seq_len=5>`__ and change ``num_layers``:
#   ``output`` keeps its shape, ``h_n`` grows.
