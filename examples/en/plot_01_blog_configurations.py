"""
.. _example-blog-configurations:

The blog post's two configurations, run for real
================================================

rnn-guide started from a popular Korean blog post,
`PyTorch RNN 입출력, hidden 차원 이해하기 <https://teddylee777.github.io/pytorch/pytorch-rnn>`_,
which feeds a sine wave of 20 steps to a two-layer ``nn.RNN`` with ``batch_first=True``.
Its printed shapes were typed by hand under code that does not run as written.
Here are the same two configurations, executed: every shape below was printed by PyTorch
while this page was built.

We use PyTorch's own symbols: ``N`` batch size, ``L`` sequence length,
``H_in`` input features (``input_size``), ``H_out`` hidden size
(``hidden_size``), ``D`` the number of directions (1 here).
"""

# %%
# A sine wave of 20 steps, as a float32 tensor
# --------------------------------------------
# ``np.sin`` returns ``float64``, while ``nn.RNN`` holds ``float32`` weights. Convert
# explicitly: ``torch.from_numpy(...)`` keeps the dtype (and the mistake visible), and
# ``.float()`` makes the conversion a deliberate step.
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)

L = 20  # sequence length: time steps
N = 1  # batch size: one sequence

wave = np.sin(np.linspace(0, np.pi, L))  # shape (L,), float64
x = torch.from_numpy(wave).float().reshape(N, L, 1)  # (N, L, H_in) with H_in = 1
print(f"numpy dtype: {wave.dtype}, tensor dtype: {x.dtype}")
print(f"input x: {tuple(x.shape)}  (N, L, H_in)")

# %%
# Configuration 1: ``input_size=1``, ``hidden_size=10``, ``num_layers=2``
# ------------------------------------------------------------------------
# With ``batch_first=True`` the input and ``output`` put the batch first. ``h_n`` does not:
# it is always ``(D * num_layers, N, H_out)``.
rnn = nn.RNN(input_size=1, hidden_size=10, num_layers=2, batch_first=True)
output, h_n = rnn(x)

print(rnn)
print(f"output: {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")

D, H_out, num_layers = 1, rnn.hidden_size, rnn.num_layers
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)

# %%
# ``output`` and ``h_n`` share one vector
# ---------------------------------------
# ``output`` holds the last layer's hidden state at *every* time step; ``h_n`` holds *every*
# layer's hidden state at the *last* time step. They meet in one place: the last layer at
# the last step.
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])

# %%
# The picture makes the two layouts visible: one row per time step of the last layer, against
# one row per layer at the last step. The framed row is the same vector in both.
import matplotlib.pyplot as plt

fig, (ax_out, ax_h) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [1, 1]}, layout="constrained"
)
vmax = float(output.detach().abs().max())
ax_out.imshow(output[0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_out.set_title(f"output[0]: {tuple(output[0].shape)}\nlast layer, every step")
ax_out.set_xlabel("hidden unit (H_out)")
ax_out.set_ylabel("time step (L)")
ax_out.add_patch(plt.Rectangle((-0.5, L - 1.5), H_out, 1, fill=False, lw=2.5, ec="black"))

ax_h.imshow(h_n[:, 0].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_h.set_title(f"h_n[:, 0]: {tuple(h_n[:, 0].shape)}\nevery layer, last step")
ax_h.set_xlabel("hidden unit (H_out)")
ax_h.set_ylabel("layer")
ax_h.set_yticks(range(num_layers))
ax_h.add_patch(plt.Rectangle((-0.5, num_layers - 1.5), H_out, 1, fill=False, lw=2.5, ec="black"))
plt.show()

# %%
# Configuration 2: ``input_size=3``, ``hidden_size=15``
# -----------------------------------------------------
# Three features per step need three values per step, so we sample ``L * H_in`` points and
# reshape them to ``(L, H_in)``. ``reshape`` refuses a count that does not fit, which is what
# we want (see below).
H_in = 3
wave3 = np.sin(np.linspace(0, np.pi, L * H_in)).reshape(L, H_in)
x3 = torch.from_numpy(wave3).float().unsqueeze(0)  # add the batch axis: (N, L, H_in)

rnn3 = nn.RNN(input_size=H_in, hidden_size=15, num_layers=2, batch_first=True)
output3, h_n3 = rnn3(x3)

print(f"input x3: {tuple(x3.shape)}  (N, L, H_in)")
print(f"output3:  {tuple(output3.shape)}  (N, L, D * H_out)")
print(f"h_n3:     {tuple(h_n3.shape)}  (D * num_layers, N, H_out)")
assert x3.shape == (N, L, H_in)
assert output3.shape == (N, L, D * rnn3.hidden_size)
assert h_n3.shape == (D * rnn3.num_layers, N, rnn3.hidden_size)

# %%
# What the blog post got wrong, and why it matters
# ------------------------------------------------
#
# **A shape where a tensor belongs.** One line keeps ``.shape`` of the new tensor
# instead of the tensor, and the next line prints a variable that was never defined, so the
# cell stops with a ``NameError``. A ``torch.Size`` is a tuple of ints, not data:
shape_only = x.shape
print(type(shape_only).__name__, tuple(shape_only))

# %%
# **Silent zero padding.** ``ndarray.resize`` pads with zeros without a word. Had the
# one-feature wave of configuration 1 been resized to three features per step for
# configuration 2, most of the input would be silent zeros. ``reshape`` raises instead:
padded = np.sin(np.linspace(0, np.pi, L))
padded.resize((L, 3), refcheck=False)
print(f"zeros after resize: {int((padded == 0).sum())} of {padded.size} values")
try:
    np.sin(np.linspace(0, np.pi, L)).reshape(L, 3)
except ValueError as err:  # 20 values do not fill 20 x 3
    message = str(err)
else:
    raise AssertionError("NumPy reshaped 20 values into 20 x 3")
print(f"ValueError: {message}")
assert message.startswith("cannot reshape array of size")

# %%
# **A hidden dtype.** The legacy constructor ``torch.Tensor(ndarray)`` silently casts
# ``float64`` to torch's default dtype, which is ``float32`` unless
# ``torch.set_default_dtype`` changed it. The explicit route shows the mismatch, which
# ``nn.RNN`` reports:
print(f"torch.Tensor(wave): {torch.Tensor(wave).dtype}, default {torch.get_default_dtype()}")
assert torch.Tensor(wave).dtype == torch.get_default_dtype()
try:
    rnn(torch.from_numpy(wave).reshape(N, L, 1))
except ValueError as err:  # float64 input, float32 weights
    message = str(err)
else:
    raise AssertionError("nn.RNN accepted float64 input with float32 weights")
print(f"ValueError: {message}")
assert message.startswith("RNN input dtype (torch.float64) does not match weight dtype")

# %%
# **The last dimension is not an output size.** The last dimension of ``output`` is
# ``D * H_out``, not the
# size of a prediction. A prediction of one value per step needs a head such as
# ``nn.Linear(H_out, 1)`` on top:
head = nn.Linear(rnn.hidden_size, 1)
prediction = head(output)
print(f"prediction: {tuple(prediction.shape)}  (N, L, 1)")
assert prediction.shape == (N, L, 1)

# %%
# **Not a number of hidden states.** ``hidden_size`` is the length of each hidden vector.
# At the last step there is one hidden state per layer (and per direction and sequence), and
# each is a vector of ``hidden_size`` numbers:
print(f"hidden states at the last step: {h_n.shape[0]} layers x {h_n.shape[1]} sequence")
print(f"one hidden state, h_n[0, 0]: {tuple(h_n[0, 0].shape)}  (H_out,)")
assert h_n[0, 0].shape == (rnn.hidden_size,)

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_.
# - The original post: `teddylee777.github.io/pytorch/pytorch-rnn
#   <https://teddylee777.github.io/pytorch/pytorch-rnn>`_.
# - Try configuration 1 in the `shape calculator <../calculator.html?mode=RNN&input_size=1
#   &hidden_size=10&num_layers=2&batch_first=1&batch=1&seq_len=20>`__.
