"""
.. _example-initial-hidden-state:

Passing an initial hidden state ``h_0``
=======================================

A recurrent layer takes an optional second argument, the initial hidden state ``h_0``:
``output, h_n = rnn(x, h_0)``. Its shape is ``(D * num_layers, N, H_out)``, exactly the shape
of ``h_n``, and like ``h_n`` it ignores ``batch_first``. This example shows what passing ``h_0``
does, and what happens when it is built batch first by mistake: usually an error, and in one
unlucky case no error at all.
"""

# %%
# A batch-first module and its ``h_0``
# ------------------------------------
# The module below uses ``batch_first=True``, so the input is ``(N, L, H_in)``. The batch
# axis of ``h_0`` is still the *middle* one.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out = 3, 5, 4, 6  # batch, sequence length, input features, hidden size
num_layers, D = 2, 1

rnn = nn.RNN(
    input_size=H_in,
    hidden_size=H_out,
    num_layers=num_layers,
    batch_first=True,
)
x = torch.randn(N, L, H_in)

h_0 = torch.zeros(D * num_layers, N, H_out)
print(f"x:   {tuple(x.shape)}  (N, L, H_in)")
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, H_out)")
assert x.shape == (N, L, H_in)
assert h_0.shape == (D * num_layers, N, H_out)

# %%
# Zeros are the default
# ---------------------
# Leaving ``h_0`` out is the same as passing zeros:
output_none, h_n_none = rnn(x)
output_zeros, h_n_zeros = rnn(x, h_0)
same = torch.allclose(output_none, output_zeros) and torch.allclose(h_n_none, h_n_zeros)
print("rnn(x) equals rnn(x, zeros):", same)
assert same

# %%
# A non-zero ``h_0`` changes the output
# -------------------------------------
# Any other ``h_0`` is a different starting point, so ``output`` and ``h_n`` change. Their
# shapes do not: ``h_n`` has the shape of ``h_0``, which is what lets you feed one call's
# ``h_n`` into the next call as its ``h_0``.
h_0_random = torch.randn(D * num_layers, N, H_out)
output_warm, h_n_warm = rnn(x, h_0_random)

print(f"output: {tuple(output_warm.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n_warm.shape)}  (D * num_layers, N, H_out), the shape of h_0")
assert output_warm.shape == (N, L, D * H_out)
assert h_n_warm.shape == h_0_random.shape == (D * num_layers, N, H_out)
changed = not torch.allclose(output_warm, output_none)
print("a non-zero h_0 changes the output:", changed)
assert changed

# %%
# That hand-over is how long sequences are processed in pieces. Splitting the time axis in
# two and carrying ``h_n`` across gives the same result as one call on the whole sequence:
first, second = x[:, :2], x[:, 2:]
output_first, h_n_first = rnn(first)
output_second, _ = rnn(second, h_n_first)  # the first piece's h_n is the second piece's h_0
output_pieces = torch.cat((output_first, output_second), dim=1)
print(f"output_pieces: {tuple(output_pieces.shape)}  (N, L, D * H_out)")
print("pieces equal one call:", torch.allclose(output_pieces, output_none))
assert output_pieces.shape == (N, L, D * H_out)
assert torch.allclose(output_pieces, output_none)

# %%
# The picture shows how far the starting point reaches: the largest difference between the
# outputs with the random ``h_0`` and with zeros, at each time step, for each sequence. The
# input keeps pulling the state back, so the effect of ``h_0`` fades over the steps.
import matplotlib.pyplot as plt

difference = (output_warm - output_none).abs().amax(dim=2)  # (N, L)
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
for n in range(N):
    ax.plot(range(L), difference[n].detach().numpy(), marker="o", label=f"sequence {n}")
ax.set_title(f"difference: {tuple(difference.shape)}, largest |output(h_0) - output(zeros)|")
ax.set_xlabel("time step (L)")
ax.set_ylabel("largest difference over H_out")
ax.set_xticks(range(L))
ax.legend()
plt.show()
assert bool((difference[:, -1] < difference[:, 0]).all())  # the fading the picture shows

# %%
# ``h_0`` built batch first: an error
# -----------------------------------
# With ``batch_first=True`` it is tempting to build ``h_0`` batch first too, as
# ``(N, D * num_layers, H_out)``. With distinct sizes, PyTorch notices and stops:
h_0_batch_first = torch.zeros(N, D * num_layers, H_out)
print(f"h_0_batch_first: {tuple(h_0_batch_first.shape)}  (N, D * num_layers, H_out)")
try:
    rnn(x, h_0_batch_first)
except RuntimeError as err:  # torch compares the whole shape of h_0
    message = str(err)
else:
    raise AssertionError("torch accepted a batch-first h_0 of shape (N, D * num_layers, H_out)")
print(f"RuntimeError: {message}")
assert message.startswith("Expected hidden size")

# %%
# ``h_0`` built batch first: no error
# -----------------------------------
# The check compares shapes only. When ``N`` happens to equal ``D * num_layers``, a
# batch-first ``h_0`` has the expected shape and the call runs. Here a three-layer module
# meets our batch of three sequences.
#
# To see where each state ends up, we give every sequence its own starting state and tag it
# with the sequence's index: in the batch-first tensor, row ``n`` holds the states of
# sequence ``n`` for every layer.
rnn_deep = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=3, batch_first=True)
assert D * rnn_deep.num_layers == N  # the unlucky coincidence

tags = torch.arange(N, dtype=torch.float32)  # sequence n is tagged n
states_batch_first = tags[:, None, None].expand(N, D * rnn_deep.num_layers, H_out)
h_0_wrong = states_batch_first  # (N, D * num_layers, H_out): passed as it is
h_0_right = states_batch_first.transpose(0, 1)  # (D * num_layers, N, H_out)

output_wrong, h_n_wrong = rnn_deep(x, h_0_wrong)  # no error
output_right, h_n_right = rnn_deep(x, h_0_right)
print(f"h_0_wrong: {tuple(h_0_wrong.shape)}  accepted, no error")
print(f"h_n_wrong: {tuple(h_n_wrong.shape)}  looks right too")
assert h_0_wrong.shape == h_0_right.shape == (D * rnn_deep.num_layers, N, H_out)
assert h_n_wrong.shape == h_n_right.shape

# %%
# PyTorch reads ``h_0[k, n]`` as "layer ``k``, sequence ``n``". Printing the tag that each
# slot received (rows are layers, columns are sequences) shows the mix-up: in the right
# ``h_0`` each column carries its own sequence's tag; in the wrong one each *row* does. Only
# the diagonal lands where it belongs: every other slot starts from another sequence's state.
print("tags received, right h_0 (layer x sequence):", h_0_right[:, :, 0].int().tolist())
print("tags received, wrong h_0 (layer x sequence):", h_0_wrong[:, :, 0].int().tolist())
same_result = torch.allclose(output_wrong, output_right)
print("wrong h_0 gives the same output:", same_result)
assert torch.equal(h_0_right[:, :, 0], tags.expand(N, N))
assert not same_result

# %%
# Nothing in the shapes reveals the mistake, so build ``h_0`` in PyTorch's layout from the
# start, or transpose explicitly as above. ``h_n`` has the same layout, so a state handed over
# from a previous call is already right. The same trap for ``batch_first`` itself is in
# :ref:`example-batch-axis`.

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_: the description of
#   ``batch_first`` says it "does not apply to hidden or cell states", and the "Inputs" section
#   gives ``h_0`` one shape whatever ``batch_first`` is.
# - Try this configuration in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=5>`__. The shape it shows for ``h_n``
#   is the shape ``h_0`` must have.
