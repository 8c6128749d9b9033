"""
.. _example-packed-sequences:

Variable-length batches: padding and packing
============================================

Real batches rarely hold sequences of one length. A tensor must be rectangular, so the short
sequences are padded up to the longest one, ``L_max``. Padding alone is not enough: an RNN
keeps stepping through the padding and its final hidden state ``h_n`` drifts away from the
real one. Packing tells the RNN where each sequence ends.

The tools live in ``torch.nn.utils.rnn``: ``pad_sequence`` builds the padded batch,
``pack_padded_sequence`` turns it into a ``PackedSequence``, and ``pad_packed_sequence``
turns the RNN's packed output back into a padded tensor. Symbols: ``N`` batch size, ``L_max``
the longest length, ``H_in`` input features, ``H_out`` hidden size, ``D`` directions (1 here).
"""

# %%
# Three sequences of different lengths
# ------------------------------------
# Each sequence is an ``(L_i, H_in)`` tensor with its own length ``L_i``. ``pad_sequence`` with
# ``batch_first=True`` stacks them into ``(N, L_max, H_in)``, filling the missing steps with
# ``padding_value`` (zero by default).
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

H_in, H_out, D = 4, 6, 1
lengths = torch.tensor([5, 2, 4])  # one length per sequence, in no particular order
seqs = [torch.randn(int(n), H_in) for n in lengths]  # each (L_i, H_in)
N, L_max = len(seqs), int(lengths.max())

padded = pad_sequence(seqs, batch_first=True)
for i, s in enumerate(seqs):
    print(f"sequence {i}: {tuple(s.shape)}  (L_i, H_in)")
print(f"padded:     {tuple(padded.shape)}  (N, L_max, H_in)")
assert all(s.shape == (n, H_in) for s, n in zip(seqs, lengths.tolist(), strict=True))
assert padded.shape == (N, L_max, H_in)

# %%
# Without ``batch_first=True``, ``pad_sequence`` puts the time axis first, like the default
# layout of the recurrent modules:
print(f"pad_sequence(seqs): {tuple(pad_sequence(seqs).shape)}  (L_max, N, H_in)")
assert pad_sequence(seqs).shape == (L_max, N, H_in)

# %%
# Which steps are real is a mask computed from the lengths: step ``t`` of sequence ``i`` is
# real when ``t < lengths[i]``. Everything else in ``padded`` is zero.
mask = torch.arange(L_max) < lengths[:, None]
print(f"mask: {tuple(mask.shape)}  (N, L_max)")
print(mask.int())
assert mask.shape == (N, L_max)
assert torch.equal(padded[~mask], torch.zeros(int((~mask).sum()), H_in))

# %%
# ``enforce_sorted=True`` wants non-increasing lengths
# ----------------------------------------------------
# By default ``pack_padded_sequence`` expects the longest sequence first. Our lengths are not
# in that order, and PyTorch says so:
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except RuntimeError as err:  # enforce_sorted=True is the default
    message = str(err)
else:
    raise AssertionError("torch packed unsorted lengths with enforce_sorted=True")
print(f"RuntimeError: {message}")
assert message.startswith("`lengths` array must be sorted in decreasing order")

# %%
# "Decreasing" in the message means non-increasing: equal lengths side by side are accepted.
packed_ties = pack_padded_sequence(torch.zeros(3, 4, H_in), [4, 4, 2], batch_first=True)
print(f"lengths [4, 4, 2] packed: batch_sizes {packed_ties.batch_sizes.tolist()}")
assert packed_ties.batch_sizes.tolist() == [3, 3, 2, 2]

# %%
# Either sort the batch yourself, or pass ``enforce_sorted=False`` and let PyTorch sort it and
# remember the permutation in ``sorted_indices``, which it undoes when it gives results back.
# A batch you sorted yourself carries no permutation (``sorted_indices`` is ``None``), and the
# results stay in your sorted order. As the message says, the default matters only for ONNX
# export.
#
# ``lengths`` may be a Python list or a tensor; a tensor must live on the CPU even when
# ``padded`` is on a GPU (``pack_padded_sequence`` reads the lengths on the host).
sorted_lengths, order = lengths.sort(descending=True)
packed_sorted = pack_padded_sequence(padded[order], sorted_lengths, batch_first=True)
packed = pack_padded_sequence(padded, lengths.tolist(), batch_first=True, enforce_sorted=False)

print(f"sorted lengths: {sorted_lengths.tolist()}, order: {order.tolist()}")
print(f"packed.sorted_indices: {packed.sorted_indices.tolist()}")
print(f"packed_sorted.sorted_indices: {packed_sorted.sorted_indices}")
assert torch.equal(packed.sorted_indices, order)
assert torch.equal(packed.data, packed_sorted.data)

# %%
# Inside a ``PackedSequence``
# ---------------------------
# ``.data`` holds only the real steps, ``sum(lengths)`` rows of ``H_in`` features, stored time
# step by time step: first step 0 of every sequence, then step 1 of the sequences that still
# run, and so on. ``.batch_sizes`` says how many sequences are still running at each step,
# which is the mask summed over the batch.
print(f"packed.data:        {tuple(packed.data.shape)}  (sum(lengths), H_in)")
print(f"packed.batch_sizes: {packed.batch_sizes.tolist()}  one count per step, L_max of them")
assert packed.data.shape == (int(lengths.sum()), H_in)
assert packed.batch_sizes.shape == (L_max,)
assert torch.equal(packed.batch_sizes, mask.sum(dim=0))

# %%
# The picture draws both layouts from the tensors above. On the left, the padded batch with its
# mask; on the right, the rows of ``packed.data`` in stored order, each labelled with the
# sequence and step it came from (we pack a tensor of sequence numbers and one of step numbers
# the same way). The thick lines split ``.data`` into the ``batch_sizes`` groups.
import matplotlib.pyplot as plt
import numpy as np

seq_id = torch.arange(N)[:, None].expand(N, L_max)
step_id = torch.arange(L_max)[None, :].expand(N, L_max)
packed_seq = pack_padded_sequence(seq_id, lengths, batch_first=True, enforce_sorted=False).data
packed_step = pack_padded_sequence(step_id, lengths, batch_first=True, enforce_sorted=False).data

fig, (ax_pad, ax_pack) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [L_max, 4]}, layout="constrained"
)
colors = np.where(mask.numpy()[..., None], plt.cm.tab10(seq_id.numpy())[..., :3], 0.92)
ax_pad.imshow(colors, aspect="auto")
for i in range(N):
    for t in range(L_max):
        ax_pad.text(t, i, f"t{t}" if mask[i, t] else "pad", ha="center", va="center")
ax_pad.set_title(f"padded: {tuple(padded.shape[:2])} (N, L_max)\ncolored = real, grey = pad")
ax_pad.set_xlabel("time step")
ax_pad.set_ylabel("sequence")
ax_pad.set_yticks(range(N))
ax_pad.set_xticks(range(L_max))

rows = np.arange(len(packed_seq))
ax_pack.barh(rows, 1, color=plt.cm.tab10(packed_seq.numpy()), height=0.9)
for r, (i, t) in enumerate(zip(packed_seq.tolist(), packed_step.tolist(), strict=True)):
    ax_pack.text(0.5, r, f"seq {i}, t{t}", ha="center", va="center")
ends = packed.batch_sizes.cumsum(0)
for t, (end, size) in enumerate(zip(ends.tolist(), packed.batch_sizes.tolist(), strict=True)):
    ax_pack.axhline(end - 0.5, color="black", lw=2)
    ax_pack.text(1.05, end - size / 2 - 0.5, f"t{t}: {size}", va="center")
ax_pack.set_xlim(0, 1.3)
ax_pack.set_ylim(len(rows) - 0.5, -0.5)
ax_pack.set_xticks([])
ax_pack.set_ylabel("row of packed.data")
ax_pack.set_title(f"packed.data: {tuple(packed.data.shape)}\nbatch_sizes: rows per step")
plt.show()

# %%
# Run a GRU on the packed batch
# -----------------------------
# Recurrent modules accept a ``PackedSequence`` directly. The output is packed too, with
# ``D * H_out`` features per real step; ``h_n`` is a plain tensor, ``(D * num_layers, N, H_out)``,
# already back in the original batch order.
gru = nn.GRU(input_size=H_in, hidden_size=H_out, batch_first=True)
packed_out, h_n = gru(packed)

print(f"packed_out: {type(packed_out).__name__}, data {tuple(packed_out.data.shape)}")
print(f"h_n:        {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert packed_out.data.shape == (int(lengths.sum()), D * H_out)
assert h_n.shape == (D * gru.num_layers, N, H_out)

# %%
# ``pad_packed_sequence`` gives back a padded tensor ``(N, L_max, D * H_out)`` together with
# the lengths (a CPU ``int64`` tensor). The padded positions are ``padding_value``, not RNN
# outputs.
output, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
print(f"output:      {tuple(output.shape)}  (N, L_max, D * H_out)")
print(f"out_lengths: {out_lengths.tolist()}  {out_lengths.dtype}")
assert output.shape == (N, L_max, D * H_out)
assert torch.equal(out_lengths, lengths)
assert torch.equal(output[~mask], torch.zeros(int((~mask).sum()), D * H_out))

# %%
# ``total_length=`` pads further, to a fixed length, for instance to match targets that were
# padded to a longer length. It may not be shorter than the longest sequence:
total_length = 7
output_fixed, _ = pad_packed_sequence(packed_out, batch_first=True, total_length=total_length)
print(f"output_fixed: {tuple(output_fixed.shape)}  (N, total_length, D * H_out)")
assert output_fixed.shape == (N, total_length, D * H_out)
try:
    pad_packed_sequence(packed_out, batch_first=True, total_length=L_max - 2)
except ValueError as err:  # total_length may only pad, never cut
    message = str(err)
else:
    raise AssertionError("pad_packed_sequence cut the output below the longest sequence")
print(f"ValueError: {message}")
assert message.startswith("Expected total_length to be at least the length of the longest")

# %%
# Padding without packing changes ``h_n``
# ---------------------------------------
# Give the GRU the padded tensor directly and it runs all ``L_max`` steps for every sequence.
# The shapes are the same, but a short sequence's hidden state keeps changing while the GRU
# reads its zeros, so its ``h_n`` is no longer the state after its last real step. Only the
# longest sequence, which has no padding, agrees.
_, h_n_padded = gru(padded)
print(f"h_n_padded: {tuple(h_n_padded.shape)}  same shape as h_n")
assert h_n_padded.shape == h_n.shape
for i in range(N):
    same = torch.allclose(h_n[:, i], h_n_padded[:, i])
    print(f"sequence {i} (length {lengths[i]}): packed h_n equals padded h_n: {same}")
    assert same == (lengths[i] == L_max)

# %%
# The packed result is the right one: it matches running each sequence alone, with no
# padding at all.
for i, s in enumerate(seqs):
    _, h_alone = gru(s.unsqueeze(0))  # (1, L_i, H_in): a batch of one
    same = torch.allclose(h_n[:, i], h_alone[:, 0])
    print(f"sequence {i}: packed h_n equals running it alone: {same}")
    assert same

# %%
# ``pack_sequence``, a given ``h_0``, and ``batch_first``
# -------------------------------------------------------
# ``pack_sequence`` packs the list of sequences directly, without padding it first, and gives
# the same ``PackedSequence``:
from torch.nn.utils.rnn import pack_sequence

packed_list = pack_sequence(seqs, enforce_sorted=False)
print(f"pack_sequence(seqs).data: {tuple(packed_list.data.shape)}  (sum(lengths), H_in)")
assert torch.equal(packed_list.data, packed.data)
assert torch.equal(packed_list.batch_sizes, packed.batch_sizes)

# %%
# With ``enforce_sorted=False`` an ``h_0`` you pass is in *your* batch order, like the
# sequences: ``h_0[:, i]`` is where sequence ``i`` starts. PyTorch sorts it along with the
# batch and puts ``h_n`` back.
h_0 = torch.randn(D * gru.num_layers, N, H_out)
_, h_n_given = gru(packed_list, h_0)
for i, s in enumerate(seqs):
    _, h_alone = gru(s.unsqueeze(0), h_0[:, i : i + 1])
    same = torch.allclose(h_n_given[:, i], h_alone[:, 0], atol=1e-6)  # float32 rounding
    print(f"sequence {i} starts from h_0[:, {i}]: {same}")
    assert same

# %%
# A packed input ignores the module's ``batch_first``: a ``PackedSequence`` has no batch or
# time axis to order (``pad_packed_sequence`` takes its own ``batch_first``). The same weights
# in a module built with ``batch_first=False`` give the same results:
gru_time_first = nn.GRU(input_size=H_in, hidden_size=H_out)
gru_time_first.load_state_dict(gru.state_dict())
packed_out_tf, h_n_tf = gru_time_first(packed)
same_output = torch.equal(packed_out_tf.data, packed_out.data)
print("batch_first=False: same packed output:", same_output, " same h_n:", torch.equal(h_n_tf, h_n))
assert same_output
assert torch.equal(h_n_tf, h_n)

# %%
# Each sequence's last real output
# --------------------------------
# ``output[:, -1]`` is the last *padded* step, which is padding for the short sequences. The
# last real step of sequence ``i`` is at index ``lengths[i] - 1``; advanced indexing picks one
# step per sequence and gives ``(N, D * H_out)``. For a unidirectional RNN this is exactly
# ``h_n[-1]``, the last layer's final hidden state.
last = output[torch.arange(N), out_lengths - 1]
print(f"last real outputs: {tuple(last.shape)}  (N, D * H_out)")
print("equals h_n[-1]:", torch.equal(last, h_n[-1]))
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
assert last.shape == (N, D * H_out)
assert torch.equal(last, h_n[-1])
assert not torch.equal(output[:, -1], h_n[-1])

# %%
# With ``bidirectional=True`` this shortcut holds only for the forward half of ``output``. The
# backward direction reads each sequence from its last real step back to step 0, so its final
# state sits at step 0 (see :ref:`example-bidirectional`).

# %%
# See also
# --------
# - PyTorch's reference for `pad_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pad_sequence.html>`_,
#   `pack_padded_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pack_padded_sequence.html>`_,
#   `pad_packed_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pad_packed_sequence.html>`_,
#   `PackedSequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.PackedSequence.html>`_ and
#   `torch.nn.GRU <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_.
# - :ref:`example-cells` steps through time by hand, one call per step.
# - Try the GRU with ``N`` sequences of ``L_max`` steps in the `shape calculator
#   <../calculator.html?mode=GRU&input_size=4&hidden_size=6&batch_first=1&batch=3&seq_len=5>`__: its
#   ``output`` has the shape of the padded tensor that ``pad_packed_sequence`` returns.
