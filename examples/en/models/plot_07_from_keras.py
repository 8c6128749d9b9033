"""
.. _example-models-keras:

Coming from Keras: the same LSTM in both libraries
==================================================

Keras and PyTorch describe a recurrent layer differently. Keras is always batch-first and
chooses what a layer returns with flags (``return_sequences``, ``return_state``); PyTorch
always returns everything, ``output`` and ``(h_n, c_n)``, and leaves the choice to indexing.
Keras keeps state between calls with ``stateful=True``; PyTorch hands the state back to you.

Keras 3 runs on several backends, one of them PyTorch, so this page executes both sides in the
same process. It copies a Keras LSTM's weights into ``nn.LSTM`` and checks that the outputs
agree, then maps ``stateful``, ``go_backwards`` and ``Bidirectional(merge_mode=...)``.

**This example needs Keras 3** besides torch, NumPy and Matplotlib: ``pip install
keras==3.15.1`` (the version that printed this page; its first cell says the same).
Symbols: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H`` hidden size.
"""

# %%
# Keras on the torch backend
# --------------------------
# Keras reads ``KERAS_BACKEND`` once, when it is first imported, so the variable is set before
# the import. ``keras.utils.set_random_seed`` seeds Python, NumPy and the backend's generator.

# %pip install torch==2.13.0 numpy matplotlib keras==3.15.1  # uncomment in a notebook to install
import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
from torch import nn

keras.utils.set_random_seed(0)
torch.manual_seed(0)
print(f"Keras backend: {keras.backend.backend()}")
assert keras.backend.backend() == "torch"

N, L, H_in, H = 3, 5, 4, 6
x = torch.randn(N, L, H_in)  # Keras's layout is PyTorch's batch_first=True
print(f"x: {tuple(x.shape)}  (N, L, H_in)")
assert x.shape == (N, L, H_in)

# %%
# ``return_sequences`` and ``return_state``
# -----------------------------------------
# With both flags Keras returns three tensors: the sequence of hidden states, and the final
# hidden and cell states, each ``(N, H)``. Without ``return_sequences`` the first one is only
# the last step, ``(N, H)``. On the torch backend they are torch tensors.
k_lstm = keras.layers.LSTM(H, return_sequences=True, return_state=True)
k_seq, k_h, k_c = k_lstm(x)
k_last = keras.layers.LSTM(H)(x)  # both flags False (the default): the last step only
print(f"return_sequences=True:  {tuple(k_seq.shape)}  (N, L, H), a {type(k_seq).__name__}")
print(f"return_state=True:      h {tuple(k_h.shape)}, c {tuple(k_c.shape)}  (N, H)")
print(f"return_sequences=False: {tuple(k_last.shape)}  (N, H)")
assert isinstance(k_seq, torch.Tensor)
assert k_seq.shape == (N, L, H)
assert k_h.shape == k_c.shape == k_last.shape == (N, H)

# %%
# PyTorch returns all of it at once. Its states carry a leading axis of
# ``num_layers * D`` rows, here one; ``h_n[-1]`` is Keras's ``h``, and ``output[:, -1]`` is
# Keras's output with ``return_sequences=False``.
t_lstm = nn.LSTM(H_in, H, batch_first=True)
output, (h_n, c_n) = t_lstm(x)
print(f"output: {tuple(output.shape)}  (N, L, H)        Keras: return_sequences=True")
print(f"h_n:    {tuple(h_n.shape)}  (1, N, H), h_n[-1] Keras: return_state=True")
print(f"output[:, -1]: {tuple(output[:, -1].shape)}  (N, H)  Keras: return_sequences=False")
assert output.shape == (N, L, H)
assert h_n.shape == c_n.shape == (1, N, H)
assert torch.equal(output[:, -1], h_n[-1])

# %%
# Keras's states are ``(N, H)``, so passing them to PyTorch as ``(h_0, c_0)`` without the
# layer axis is refused. Add it with ``unsqueeze(0)``; the catalogue lists this under
# `hidden state of the wrong dimension <../../errors.html#error-lstm-hx-cx-rank-batched>`__.
try:
    t_lstm(x, (k_h, k_c))
except RuntimeError as err:  # PyTorch wants (num_layers * D, N, H), Keras gave (N, H)
    message = str(err)
else:
    raise AssertionError("nn.LSTM accepted 2-D states for a 3-D input")
print(message)
assert message.startswith("For batched 3-D input, hx and cx should also be 3-D")
_, (h_next, _) = t_lstm(x, (k_h.unsqueeze(0), k_c.unsqueeze(0)))
print(f"k_h.unsqueeze(0): {tuple(k_h.unsqueeze(0).shape)}  (1, N, H), accepted")
assert h_next.shape == (1, N, H)

# %%
# The weights: one kernel against two matrices, one bias against two
# -------------------------------------------------------------------
# Keras stores ``kernel`` ``(H_in, 4 * H)``, ``recurrent_kernel`` ``(H, 4 * H)`` and one
# ``bias`` ``(4 * H,)``. PyTorch stores the transposes, ``weight_ih_l0`` ``(4 * H, H_in)`` and
# ``weight_hh_l0`` ``(4 * H, H)``, and *two* biases that are always added together.
kernel, recurrent_kernel, bias = k_lstm.get_weights()  # NumPy arrays
for name, array in [("kernel", kernel), ("recurrent_kernel", recurrent_kernel), ("bias", bias)]:
    print(f"Keras {name}: {array.shape}")
for name, param in t_lstm.named_parameters():
    print(f"PyTorch {name}: {tuple(param.shape)}")
assert kernel.shape == (H_in, 4 * H)
assert recurrent_kernel.shape == (H, 4 * H)
assert bias.shape == (4 * H,)
assert t_lstm.weight_ih_l0.shape == (4 * H, H_in)
assert t_lstm.weight_hh_l0.shape == (4 * H, H)
assert t_lstm.bias_ih_l0.shape == t_lstm.bias_hh_l0.shape == (4 * H,)

# %%
# Both libraries stack the four gates in the same order. Keras calls them ``i, f, c, o``,
# PyTorch ``i, f, g, o``: ``c`` and ``g`` are the same cell candidate. The bias shows it:
# Keras starts the forget gate's bias at one (``unit_forget_bias=True``), and it sits in the
# second block, where PyTorch keeps ``f``.
gate_bias = torch.from_numpy(bias).view(4, H)  # one row per gate
print("Keras bias by gate block, all ones:", (gate_bias == 1).all(dim=1).tolist())
assert (gate_bias == 1).all(dim=1).tolist() == [False, True, False, False]

# %%
# A Keras kernel copied without transposing does not fit:
try:
    with torch.no_grad():
        t_lstm.weight_ih_l0.copy_(torch.from_numpy(kernel))
except RuntimeError as err:  # (H_in, 4 * H) does not broadcast to (4 * H, H_in)
    message = str(err)
else:
    raise AssertionError("copy_ accepted the untransposed kernel")
print(message)
assert message.startswith("The size of tensor a")

# %%
# Transposed, with Keras's bias in ``bias_ih_l0`` and ``bias_hh_l0`` set to zero, the two layers
# compute the same thing:
with torch.no_grad():
    t_lstm.weight_ih_l0.copy_(torch.from_numpy(kernel.T))
    t_lstm.weight_hh_l0.copy_(torch.from_numpy(recurrent_kernel.T))
    t_lstm.bias_ih_l0.copy_(torch.from_numpy(bias))
    t_lstm.bias_hh_l0.zero_()
    output, (h_n, c_n) = t_lstm(x)

print("output equals Keras's sequence:", torch.allclose(output, k_seq, atol=1e-6))
same_states = torch.allclose(h_n[-1], k_h, atol=1e-6) and torch.allclose(c_n[-1], k_c, atol=1e-6)
print("h_n[-1], c_n[-1] equal Keras's h, c:", same_states)
assert torch.allclose(output, k_seq, atol=1e-6)
assert torch.allclose(h_n[-1], k_h, atol=1e-6)
assert torch.allclose(c_n[-1], k_c, atol=1e-6)

# %%
# Copying the bias into both PyTorch biases counts it twice, and the outputs drift apart:
with torch.no_grad():
    t_lstm.bias_hh_l0.copy_(torch.from_numpy(bias))
    doubled, _ = t_lstm(x)
    t_lstm.bias_hh_l0.zero_()
print("with the bias in both places, equal:", torch.allclose(doubled, k_seq, atol=1e-6))
assert not torch.allclose(doubled, k_seq, atol=1e-6)

# %%
# The picture draws the bias by gate block and, for the first sequence, three hidden units
# over time from both libraries.
import matplotlib.pyplot as plt

fig, (ax_bias, ax_out) = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
ax_bias.imshow(gate_bias.numpy(), cmap="Greys", vmin=0, vmax=1, aspect="auto")
ax_bias.set_yticks(range(4), ["i", "f", "c = g", "o"])
ax_bias.set_xlabel("hidden unit")
ax_bias.set_title(f"Keras bias {bias.shape} as (4, H)\nblack = 1 (unit_forget_bias)")
for unit in range(3):
    ax_out.plot(k_seq[0, :, unit].detach().numpy(), lw=4, alpha=0.4, color=f"C{unit}")
    ax_out.plot(output[0, :, unit].numpy(), "o--", color=f"C{unit}", label=f"unit {unit}")
ax_out.set_xlabel("time step")
ax_out.set_title("sequence 0, three hidden units\nKeras (thick), nn.LSTM (dashed)")
ax_out.legend(fontsize="small")
plt.show()


# %%
# ``stateful=True``: the state you carry yourself
# -----------------------------------------------
# A stateful Keras layer keeps its final states and starts the next call from them, until
# ``reset_state()``. In PyTorch you pass ``(h_n, c_n)`` back in as the next ``(h_0, c_0)``.
# A sequence cut in two chunks then gives the same outputs as the whole sequence at once.
def keras_lstm(**flags: bool) -> keras.layers.LSTM:
    """A Keras LSTM with the weights above."""
    layer = keras.layers.LSTM(H, **flags)
    layer.build((N, L, H_in))
    layer.set_weights([kernel, recurrent_kernel, bias])
    return layer


k_stateful = keras_lstm(return_sequences=True, stateful=True)
k_chunks = torch.cat([k_stateful(x[:, :3]), k_stateful(x[:, 3:])], dim=1)

with torch.no_grad():
    out_1, state = t_lstm(x[:, :3])  # no state: zeros, like a fresh or reset Keras layer
    out_2, state = t_lstm(x[:, 3:], state)  # carry it on
t_chunks = torch.cat([out_1, out_2], dim=1)
print(f"two chunks: {tuple(out_1.shape)} then {tuple(out_2.shape)}")
print("Keras stateful equals PyTorch with the state carried:", end=" ")
print(torch.allclose(k_chunks, t_chunks, atol=1e-6))
assert out_1.shape == (N, 3, H)
assert out_2.shape == (N, L - 3, H)
assert torch.allclose(k_chunks, t_chunks, atol=1e-6)
assert torch.allclose(t_chunks, output, atol=1e-6)

k_stateful.reset_state()
assert torch.allclose(k_stateful(x[:, :3]), out_1, atol=1e-6)  # reset: zeros again

# %%
# ``go_backwards=True``: flip the time axis
# -----------------------------------------
# Keras's ``go_backwards`` reads the sequence from its last step, and returns the outputs in
# that reading order. In PyTorch, flip the input's time axis, ``x.flip(1)``:
k_backwards = keras_lstm(return_sequences=True, go_backwards=True)(x)
with torch.no_grad():
    t_backwards, _ = t_lstm(x.flip(1))
print(f"go_backwards: {tuple(k_backwards.shape)}, equals t_lstm(x.flip(1)):", end=" ")
print(torch.allclose(k_backwards, t_backwards, atol=1e-6))
assert k_backwards.shape == t_backwards.shape == (N, L, H)
assert torch.allclose(k_backwards, t_backwards, atol=1e-6)

# %%
# ``Bidirectional(merge_mode=...)``
# ---------------------------------
# ``nn.LSTM(bidirectional=True)`` is Keras's ``Bidirectional`` with ``merge_mode="concat"``: the
# forward and backward outputs side by side, ``(N, L, 2 * H)``, the backward half aligned with
# the input's time steps. The backward weights go into the ``_reverse`` parameters. The other
# modes are a ``view(N, L, 2, H)`` and a reduction away.
backward_layer = keras.layers.LSTM(H)
backward_layer.build((N, L, H_in))
forward_weights = [kernel, recurrent_kernel, bias]
backward_weights = backward_layer.get_weights()  # its own, freshly initialised weights


def copy_keras_weights(lstm: nn.LSTM, weights: list, suffix: str = "") -> None:
    """Copy a Keras LSTM's [kernel, recurrent_kernel, bias] into one direction of layer 0."""
    k, rk, b = (torch.from_numpy(w) for w in weights)
    with torch.no_grad():
        getattr(lstm, f"weight_ih_l0{suffix}").copy_(k.T)
        getattr(lstm, f"weight_hh_l0{suffix}").copy_(rk.T)
        getattr(lstm, f"bias_ih_l0{suffix}").copy_(b)
        getattr(lstm, f"bias_hh_l0{suffix}").zero_()


t_bi = nn.LSTM(H_in, H, batch_first=True, bidirectional=True)
copy_keras_weights(t_bi, forward_weights)
copy_keras_weights(t_bi, backward_weights, suffix="_reverse")
with torch.no_grad():
    bi_out, _ = t_bi(x)
halves = bi_out.view(N, L, 2, H)  # [..., 0, :] forward, [..., 1, :] backward
print(f"nn.LSTM(bidirectional=True) output: {tuple(bi_out.shape)}  (N, L, 2 * H)")
assert bi_out.shape == (N, L, 2 * H)
assert halves.shape == (N, L, 2, H)


def keras_bidirectional(merge_mode: str | None) -> keras.layers.Bidirectional:
    """A Keras Bidirectional LSTM with the same two sets of weights."""
    layer = keras.layers.Bidirectional(
        keras.layers.LSTM(H, return_sequences=True), merge_mode=merge_mode
    )
    layer.build((N, L, H_in))
    layer.set_weights(forward_weights + backward_weights)
    return layer


merges = {
    "concat": bi_out,
    "sum": halves.sum(dim=2),
    "mul": halves.prod(dim=2),
    "ave": halves.mean(dim=2),
}
for mode, merged in merges.items():
    k_out = keras_bidirectional(mode)(x)
    same = torch.allclose(k_out, merged, atol=1e-6)
    print(
        f"merge_mode={mode!r:9} Keras {tuple(k_out.shape)}, PyTorch {tuple(merged.shape)}: {same}"
    )
    assert k_out.shape == merged.shape
    assert same

# %%
# ``merge_mode=None`` returns the two directions separately, PyTorch's ``halves[:, :, 0]`` and
# ``halves[:, :, 1]``, each ``(N, L, H)``.
k_forward, k_backward = keras_bidirectional(None)(x)
print(f"merge_mode=None: {tuple(k_forward.shape)} and {tuple(k_backward.shape)}  (N, L, H) each")
assert k_forward.shape == k_backward.shape == (N, L, H)
assert torch.allclose(k_forward, halves[:, :, 0], atol=1e-6)
assert torch.allclose(k_backward, halves[:, :, 1], atol=1e-6)

# %%
# See also
# --------
# - :ref:`example-bidirectional` for the two halves of a bidirectional ``output``.
# - :ref:`example-parameter-shapes` for every parameter of ``nn.LSTM`` and its gate blocks.
# - Keras's reference for `LSTM <https://keras.io/api/layers/recurrent_layers/lstm/>`_ and
#   `Bidirectional <https://keras.io/api/layers/recurrent_layers/bidirectional/>`_; PyTorch's
#   for `torch.nn.LSTM <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_.
# - Try ``t_lstm`` in the `shape calculator <../../calculator.html?mode=LSTM&input_size=4
#   &hidden_size=6&batch_first=1&batch=3&seq_len=5>`__, and ``t_bi`` with
#   `bidirectional=True <../../calculator.html?mode=LSTM&input_size=4&hidden_size=6
#   &batch_first=1&bidirectional=1&batch=3&seq_len=5>`__.
