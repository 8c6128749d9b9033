"""
.. _example-common-errors:

Common errors and what PyTorch says about them
==============================================

Six mistakes that everyone makes with recurrent layers. Each one is made for real below, and
the message under it is the one PyTorch raised while this page was built, printed from the
caught exception. Right after each mistake comes the fix, run and checked.

Symbols: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H_out`` hidden
size, ``H_cell`` the LSTM's cell size, ``D`` directions. Every size is different, so each number
in a message points at one axis.
"""

# %%
# Sizes and data
# --------------
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6
num_layers, D = 2, 1

x = torch.randn(N, L, H_in)
print(f"x: {tuple(x.shape)}  (N, L, H_in)")
assert x.shape == (N, L, H_in)

# %%
# 1. ``input_size`` does not match the features
# ---------------------------------------------
# The blog's network was built for one feature per step, ``input_size=1``. Feed such a
# network data with ``H_in`` features per step, and the first check in ``forward`` stops it:
rnn_one_feature = nn.RNN(input_size=1, hidden_size=H_out, batch_first=True)
try:
    rnn_one_feature(x)
except RuntimeError as err:  # checked first in forward
    message = str(err)
else:
    raise AssertionError("torch accepted an input with 4 features for input_size=1")
print(f"RuntimeError: {message}")
assert message.startswith("input.size(-1) must be equal to input_size")

# %%
# **Fix:** ``input_size`` is the size of the input's *last* dimension. Read it from the data
# instead of typing it.
rnn = nn.RNN(
    input_size=x.shape[-1],
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
output, h_n = rnn(x)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
assert output.shape == (N, L, D * H_out)

# %%
# 2. ``h_0`` laid out batch-first
# -------------------------------
# ``batch_first=True`` moves the batch axis of the input and of ``output`` only. The hidden
# state keeps its layout, ``(D * num_layers, N, H_out)``, so a batch-first ``h_0`` is refused:
h_0_batch_first = torch.zeros(N, num_layers, H_out)
try:
    rnn(x, h_0_batch_first)
except RuntimeError as err:  # (N, num_layers, H_out) is not (num_layers, N, H_out)
    message = str(err)
else:
    raise AssertionError("torch accepted a batch-first h_0")
print(f"RuntimeError: {message}")
assert message.startswith("Expected hidden size")

# %%
# **Fix:** build ``h_0`` as ``(D * num_layers, N, H_out)``, or swap the first two axes of the
# one you have. Had ``N`` equalled ``num_layers`` there would have been no error at all, just
# layers and sequences silently mixed up. :ref:`example-initial-hidden-state` shows that case.
h_0 = h_0_batch_first.transpose(0, 1)
output, h_n = rnn(x, h_0)
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, H_out)")
print(f"h_n: {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert h_0.shape == h_n.shape == (D * num_layers, N, H_out)

# %%
# 3. An LSTM given one tensor instead of ``(h_0, c_0)``
# -----------------------------------------------------
# ``nn.LSTM`` carries two states and expects them as a tuple. Given a single tensor, it
# indexes the tensor's first axis to get "both" states, so the message depends on
# ``num_layers`` and mentions neither ``h_0`` nor ``c_0``: an ``IndexError`` with one layer, a
# complaint about dimensions with two.
for layers in (1, num_layers):
    lstm = nn.LSTM(
        input_size=H_in,
        hidden_size=H_out,
        num_layers=layers,
        batch_first=True,
    )
    try:
        lstm(x, torch.zeros(D * layers, N, H_out))
    except (IndexError, RuntimeError) as err:  # what torch finds depends on num_layers
        message = f"{type(err).__name__}: {err}"
    else:
        raise AssertionError(f"nn.LSTM with num_layers={layers} accepted one tensor as its state")
    print(f"num_layers={layers}: {message}")
    if layers == 1:
        assert message.startswith("IndexError: index 1 is out of bounds for dimension 0")
    else:
        assert message.startswith(
            "RuntimeError: For batched 3-D input, hx and cx should also be 3-D"
        )

# %%
# **Fix:** pass a tuple. ``c_0`` has the same layout as ``h_0`` with the cell size ``H_cell``,
# which is ``hidden_size``. The LSTM also returns its two final states as a tuple (see
# :ref:`example-lstm`). ``lstm`` is the two-layer one from the end of the loop.
H_cell = H_out
h_0 = torch.zeros(D * num_layers, N, H_out)
c_0 = torch.zeros(D * num_layers, N, H_cell)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print(f"c_n:    {tuple(c_n.shape)}  (D * num_layers, N, H_cell)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert c_n.shape == (D * num_layers, N, H_cell)

# %%
# 4. A one-dimensional input
# --------------------------
# A sine wave of ``L`` values is a 1-D tensor. Even with ``input_size=1``, the RNN needs the
# feature axis to be there:
wave = torch.sin(torch.linspace(0, torch.pi, L))
print(f"wave: {tuple(wave.shape)}  (L,)")
try:
    rnn_one_feature(wave)
except ValueError as err:  # no feature axis
    message = str(err)
else:
    raise AssertionError("torch accepted a 1-D input")
print(f"ValueError: {message}")
assert message.startswith("RNN: Expected input to be 2D or 3D, got 1D")

# %%
# **Fix:** add a batch axis in front and a feature axis at the end, giving
# ``(N, L, H_in)`` with one sequence of one feature. ``wave.unsqueeze(-1)`` alone gives the
# unbatched form ``(L, H_in)``, which PyTorch also accepts (see :ref:`example-unbatched-input`).
batch = wave.unsqueeze(0).unsqueeze(-1)
output, h_n = rnn_one_feature(batch)
print(f"batch:  {tuple(batch.shape)}  (N, L, H_in) with N = 1, H_in = 1")
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
assert batch.shape == (1, L, 1)
assert output.shape == (1, L, D * H_out)

unbatched = wave.unsqueeze(-1)
output, h_n = rnn_one_feature(unbatched)
print(f"unbatched: {tuple(unbatched.shape)}  (L, H_in)")
print(f"output:    {tuple(output.shape)}  (L, D * H_out)")
assert unbatched.shape == (L, 1)
assert output.shape == (L, D * H_out)

# %%
# 5. ``float64`` data from NumPy
# ------------------------------
# NumPy computes in ``float64`` and ``torch.from_numpy`` keeps the dtype, while a module's
# weights are ``float32``:
samples = np.sin(np.linspace(0, np.pi, N * L * H_in)).reshape(N, L, H_in)
x64 = torch.from_numpy(samples)
print(f"x64: {tuple(x64.shape)}  (N, L, H_in), dtype {x64.dtype}")
try:
    rnn(x64)
except ValueError as err:  # float64 data, float32 weights
    message = str(err)
else:
    raise AssertionError("torch accepted float64 input with float32 weights")
print(f"ValueError: {message}")
assert message.startswith("RNN input dtype (torch.float64) does not match weight dtype")

# %%
# **Fix:** convert the data, as the message suggests: ``.float()`` is short for
# ``.to(torch.float32)``. Converting the model to ``float64`` works too, but ``float32`` is
# what the rest of PyTorch expects by default.
x32 = x64.float()
output, h_n = rnn(x32)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out), dtype {output.dtype}")
assert output.shape == (N, L, D * H_out)
assert output.dtype == torch.float32

# %%
# 6. Unsorted lengths for ``pack_padded_sequence``
# ------------------------------------------------
# Packing a padded batch lets the RNN skip the padding. By default
# ``pack_padded_sequence`` wants the sequences sorted from longest to shortest, and a batch
# in any other order is refused:
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

lengths = torch.tensor([3, L, 2])  # on the CPU, one length per sequence, not sorted
sequences = [torch.randn(int(n), H_in) for n in lengths]
padded = pad_sequence(sequences, batch_first=True)
print(f"padded:  {tuple(padded.shape)}  (N, L, H_in)")
print(f"lengths: {tuple(lengths.shape)}  (N,)")
assert padded.shape == (N, L, H_in)
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except RuntimeError as err:  # enforce_sorted=True is the default
    message = str(err)
else:
    raise AssertionError("torch packed unsorted lengths with enforce_sorted=True")
print(f"RuntimeError: {message}")
assert message.startswith("`lengths` array must be sorted in decreasing order")

# %%
# **Fix:** pass ``enforce_sorted=False``. PyTorch sorts the batch internally and puts it back
# in your order afterwards: ``h_n`` and the unpacked ``output`` follow the original order, so
# each sequence's final hidden state sits at its own last real step.
# :ref:`example-packed-sequences` covers packing in full.
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed_output, h_n = rnn(packed)
output, out_lengths = pad_packed_sequence(packed_output, batch_first=True)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert torch.equal(out_lengths, lengths)
matches = all(torch.equal(h_n[-1, i], output[i, n - 1]) for i, n in enumerate(lengths))
print("h_n[-1] matches each sequence's last real step:", matches)
assert matches

# %%
# LSTM and GRU word two of these messages differently
# ---------------------------------------------------
# Search for the text your own module printed. A one-dimensional input (mistake 4) names the
# module, and only ``nn.RNN`` says "tensor":
for module in (nn.RNN, nn.GRU, nn.LSTM):
    layer = module(input_size=1, hidden_size=H_out, batch_first=True)
    try:
        layer(wave)
    except ValueError as err:  # the same 1-D wave for each module
        message = str(err)
    else:
        raise AssertionError(f"nn.{module.__name__} accepted a 1-D input")
    print(f"nn.{module.__name__}: ValueError: {message}")
    assert message.startswith(f"{module.__name__}: Expected input to be 2D or 3D, got 1D")

# %%
# A wrong ``h_0`` (mistake 2) is ``hidden[0]`` for an LSTM, the first element of its state
# tuple; a wrong ``c_0`` would be ``hidden[1]``:
lstm_one = nn.LSTM(input_size=H_in, hidden_size=H_out, batch_first=True)
try:
    lstm_one(x, (torch.zeros(N, 1, H_out), torch.zeros(1, N, H_cell)))
except RuntimeError as err:  # h_0 batch first, c_0 right
    message = str(err)
else:
    raise AssertionError("nn.LSTM accepted a batch-first h_0")
print(f"nn.LSTM: RuntimeError: {message}")
assert message.startswith("Expected hidden[0] size")

# %%
# The messages at a glance
# ------------------------
# - ``input.size(-1) must be equal to input_size``: the last dimension of the input is not
#   ``input_size``.
# - ``Expected hidden size ..., got ...`` (``Expected hidden[0] size`` from an LSTM):
#   ``h_0`` is not ``(D * num_layers, N, H_out)``; often a batch-first ``h_0``.
# - ``IndexError: index 1 is out of bounds`` or ``hx and cx should also be 3-D`` from an LSTM:
#   a single tensor where the tuple ``(h_0, c_0)`` belongs.
# - ``RNN: Expected input to be 2D or 3D, got 1D tensor instead`` (``LSTM: ... got 1D
#   instead``, ``GRU: ...`` likewise): the feature axis (and batch axis) is missing.
# - ``input dtype (torch.float64) does not match weight dtype``: NumPy data not converted with
#   ``.float()``.
# - ``lengths array must be sorted in decreasing order``: the lengths are not
#   non-increasing (ties are fine); pass ``enforce_sorted=False``.
#
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_, `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_ and
#   `pack_padded_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pack_padded_sequence.html>`_.
# - :ref:`example-blog-configurations` meets the ``float64`` error in the blog's own code.
# - Try the fixed ``rnn`` in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=5>`__: it lists the input shape the
#   data must have and, in the ``h_n`` row, the shape ``h_0`` must have.
