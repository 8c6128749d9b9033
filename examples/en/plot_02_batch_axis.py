"""
.. _example-batch-axis:

The batch axis made visible
===========================

A recurrent layer reads a 3-D input, and ``batch_first`` decides which of the first two axes
is the batch. With ``batch_first=False`` (the default) the input is ``(L, N, H_in)``: time
first. With ``batch_first=True`` it is ``(N, L, H_in)``: one sequence per row. ``h_n`` ignores
the flag and is always ``(D * num_layers, N, H_out)``.

This example feeds one batch of ``N = 3`` sequences both ways, then shows the trap that costs
people hours: a batch-first tensor given to a module built without ``batch_first=True`` runs
without any error, and means something else entirely.
"""

# %%
# One batch, two layouts
# ----------------------
# Distinct sizes keep the axes apart: a reader who sees a 3 knows it is ``N``, a 5 is ``L``.
# We start from the time-first layout and transpose it for the batch-first module.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # batch, sequence length, input features, hidden size
num_layers, D = 2, 1  # two stacked layers, one direction

x_seq = torch.randn(L, N, H_in)  # time first: (L, N, H_in)
x_batch = x_seq.transpose(0, 1)  # batch first: (N, L, H_in), the same numbers

rnn_seq = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=num_layers)
rnn_batch = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
rnn_batch.load_state_dict(rnn_seq.state_dict())  # the same weights: only the layout differs

print(f"x_seq:   {tuple(x_seq.shape)}  (L, N, H_in)    batch_first=False")
print(f"x_batch: {tuple(x_batch.shape)}  (N, L, H_in)    batch_first=True")
assert x_seq.shape == (L, N, H_in)
assert x_batch.shape == (N, L, H_in)

# %%
# Sequence ``n`` is ``x_seq[:, n]`` in one layout and ``x_batch[n]`` in the other. The
# picture draws the first input feature of every (time step, sequence) pair: the same numbers,
# with the axes swapped.
import matplotlib.pyplot as plt

fig, (ax_seq, ax_batch) = plt.subplots(1, 2, figsize=(8, 4), layout="constrained")
vmax = float(x_seq.abs().max())
ax_seq.imshow(x_seq[:, :, 0].numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax)
ax_seq.set_title(
    f"batch_first=False: rows are steps\nx_seq[:, :, 0]: {tuple(x_seq[:, :, 0].shape)}"
)
ax_seq.set_xlabel("dim 1: batch (N)")
ax_seq.set_ylabel("dim 0: time step (L)")
ax_batch.imshow(x_batch[:, :, 0].numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax)
ax_batch.set_title(
    f"batch_first=True: rows are sequences\nx_batch[:, :, 0]: {tuple(x_batch[:, :, 0].shape)}"
)
ax_batch.set_xlabel("dim 1: time step (L)")
ax_batch.set_ylabel("dim 0: batch (N)")
ax_seq.set_xticks(range(N))
ax_seq.set_yticks(range(L))
ax_batch.set_xticks(range(L))
ax_batch.set_yticks(range(N))
for n in range(N):
    for t in range(L):
        label = f"seq {n}\nt={t}"
        ax_seq.text(n, t, label, ha="center", va="center", fontsize=7)
        ax_batch.text(t, n, label, ha="center", va="center", fontsize=7)
plt.show()

# %%
# The same numbers give the same answer
# -------------------------------------
# ``output`` follows the flag: ``(L, N, D * H_out)`` or ``(N, L, D * H_out)``. After a
# transpose the two outputs are equal, and ``h_n`` is equal as it stands, because its layout
# never depended on the flag.
output_seq, h_n_seq = rnn_seq(x_seq)
output_batch, h_n_batch = rnn_batch(x_batch)

print(f"output_seq:   {tuple(output_seq.shape)}  (L, N, D * H_out)")
print(f"output_batch: {tuple(output_batch.shape)}  (N, L, D * H_out)")
print(f"h_n_seq:      {tuple(h_n_seq.shape)}  (D * num_layers, N, H_out)")
print(f"h_n_batch:    {tuple(h_n_batch.shape)}  (D * num_layers, N, H_out)")
assert output_seq.shape == (L, N, D * H_out)
assert output_batch.shape == (N, L, D * H_out)
assert h_n_seq.shape == h_n_batch.shape == (D * num_layers, N, H_out)

same_output = torch.equal(output_seq.transpose(0, 1), output_batch)
same_h_n = torch.equal(h_n_seq, h_n_batch)
print("output_seq.transpose(0, 1) equals output_batch:", same_output)
print("h_n_seq equals h_n_batch:", same_h_n)
assert same_output
assert same_h_n

# %%
# The silent trap: forgetting ``batch_first``
# -------------------------------------------
# Take the data of :ref:`example-blog-configurations`, scaled up to a real batch: eight sine
# waves of twenty steps, one feature each, stored batch first: we *mean* eight sequences
# (``N``) of twenty time steps (``L``).
import numpy as np

N_meant, L_meant = 8, 20
steps = np.linspace(0, 2 * np.pi, L_meant)
phases = np.linspace(0, np.pi, N_meant)
waves = np.sin(steps[None, :] + phases[:, None])  # one sine wave per row: (N, L)
x_blog = torch.from_numpy(waves).float().unsqueeze(-1)  # (N, L, H_in) with H_in = 1
print(f"x_blog: {tuple(x_blog.shape)}  meant as (N, L, H_in)")
assert x_blog.shape == (N_meant, L_meant, 1)

# %%
# Now give it to ``nn.RNN(input_size=1, hidden_size=10, num_layers=2)`` and forget
# ``batch_first=True``. PyTorch checks only that the last axis matches ``input_size``; the
# first two are read as ``(L, N)``. Nothing fails.
forgot = nn.RNN(input_size=1, hidden_size=10, num_layers=2)  # batch_first=False
output_forgot, h_n_forgot = forgot(x_blog)

L_read, N_read = output_forgot.shape[:2]
print(f"output: {tuple(output_forgot.shape)}  (L, N, D * H_out) with L={L_read}, N={N_read}")
print(f"h_n:    {tuple(h_n_forgot.shape)}  (D * num_layers, N, H_out) with N={N_read}")
assert output_forgot.shape == (N_meant, L_meant, forgot.hidden_size)
assert h_n_forgot.shape == (forgot.num_layers, L_meant, forgot.hidden_size)
assert (L_read, N_read) == (N_meant, L_meant)

# %%
# ``output`` even has the shape we expected, so a loss downstream would accept it. Only
# ``h_n`` gives the game away: its middle axis should count sequences, and it counts twenty.
# The module with the flag set, and the same weights, reads the batch the intended way:
remembered = nn.RNN(input_size=1, hidden_size=10, num_layers=2, batch_first=True)
remembered.load_state_dict(forgot.state_dict())
output_ok, h_n_ok = remembered(x_blog)

print(f"output: {tuple(output_ok.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n_ok.shape)}  (D * num_layers, N, H_out) with N={h_n_ok.shape[1]}")
assert output_ok.shape == (N_meant, L_meant, remembered.hidden_size)
assert h_n_ok.shape == (remembered.num_layers, N_meant, remembered.hidden_size)
same_values = torch.allclose(output_forgot, output_ok)
print("same output values:", same_values)
assert not same_values

# %%
# Wrong meaning, not just wrong numbers
# -------------------------------------
# Read as time first, the recurrence runs *across the sequences*: wave 0 is treated as the
# first time step of twenty short sequences, wave 1 as the second, and so on. So changing
# wave 0 changes what the model says about wave 5, which should be impossible for
# independent samples. With ``batch_first=True`` wave 5 is untouched.
x_changed = x_blog.clone()
x_changed[0] += 1.0  # change only the first wave

leak_forgot = not torch.equal(forgot(x_changed)[0][5], output_forgot[5])
leak_ok = not torch.equal(remembered(x_changed)[0][5], output_ok[5])
print("without batch_first, wave 0 changes the output of wave 5:", leak_forgot)
print("with batch_first=True, wave 0 changes the output of wave 5:", leak_ok)
assert leak_forgot
assert not leak_ok

# %%
# The picture shows the one tensor both modules received, with one arrow per sequence as each
# module sees it, pointing along its time axis. With ``batch_first=True`` there are eight
# recurrences, one along each wave. Without it there are twenty, each running down a column
# and crossing all the waves.
fig, (ax_ok, ax_forgot) = plt.subplots(1, 2, figsize=(8, 4), layout="constrained")
for ax in (ax_ok, ax_forgot):
    ax.imshow(x_blog[:, :, 0].numpy(), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(0, L_meant, 2))
    ax.set_yticks(range(N_meant))
arrow = {"arrowstyle": "->", "lw": 1, "color": "black"}
ax_ok.set_title(
    f"batch_first=True: reads each wave\nx_blog[:, :, 0]: {tuple(x_blog[:, :, 0].shape)}"
)
ax_ok.set_ylabel("dim 0: read as batch (N)")
ax_ok.set_xlabel("dim 1: read as time step (L)")
for n in range(N_meant):  # one recurrence per wave, along time
    ax_ok.annotate("", xy=(L_meant - 1, n), xytext=(0, n), arrowprops=arrow)
ax_forgot.set_title(
    f"batch_first=False: reads each column\nx_blog[:, :, 0]: {tuple(x_blog[:, :, 0].shape)}"
)
ax_forgot.set_ylabel("dim 0: read as time step (L)")
ax_forgot.set_xlabel("dim 1: read as batch (N)")
for t in range(L_meant):  # one recurrence per column, down the waves
    ax_forgot.annotate("", xy=(t, N_meant - 1), xytext=(t, 0), arrowprops=arrow)
plt.show()

# %%
# How to catch it
# ---------------
# - Decide the layout once and pass ``batch_first=True`` wherever your data loader produces
#   ``(N, L, H_in)``.
# - Assert the shape of ``h_n`` in your own code: ``assert h_n.shape[1] == N``. The shape of
#   ``output`` cannot catch this mistake when the tensor happens to look right.
# - ``h_0`` does not follow ``batch_first`` either; see :ref:`example-initial-hidden-state`.

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ (the "Inputs" and
#   "Outputs" sections list both layouts).
# - Try ``rnn_batch`` in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=5>`__. Untick ``batch_first`` there:
#   the input and ``output`` swap their first two axes, ``h_n`` stays as it is.
