"""
.. _example-unbatched-input:

Unbatched input: a 2-D ``(L, H_in)`` sequence
=============================================

PyTorch's recurrent layers also accept a single sequence without a batch axis: a 2-D input of
shape ``(L, H_in)``. Every shape then loses its ``N``: ``output`` is ``(L, D * H_out)`` and
``h_n`` is ``(D * num_layers, H_out)``. With no batch axis there is nothing for
``batch_first`` to move, so it is ignored.

Sizes: ``L`` sequence length, ``H_in`` input features, ``H_out`` hidden size, and two stacked
layers, all distinct.
"""

# %%
# A 2-D input gives 2-D results
# -----------------------------
# ``output`` keeps one row per time step and ``h_n`` one row per layer; as in the batched case,
# the last row of both is the last layer at the last step.
import torch
from torch import nn

torch.manual_seed(0)

L, H_in, H_out = 5, 4, 6
D, num_layers = 1, 2

rnn = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=num_layers)
x = torch.randn(L, H_in)
output, h_n = rnn(x)

print(f"input x: {tuple(x.shape)}  (L, H_in)")
print(f"output:  {tuple(output.shape)}  (L, D * H_out)")
print(f"h_n:     {tuple(h_n.shape)}  (D * num_layers, H_out)")
print("output[-1] equals h_n[-1]:", torch.equal(output[-1], h_n[-1]))
assert x.shape == (L, H_in)
assert output.shape == (L, D * H_out)
assert h_n.shape == (D * num_layers, H_out)
assert torch.equal(output[-1], h_n[-1])

# %%
# ``batch_first=True`` changes nothing
# ------------------------------------
# A second RNN with ``batch_first=True`` and a copy of the same weights reads the same 2-D
# input as ``(L, H_in)`` too: the first axis is still time, and the results are the same.
rnn_bf = nn.RNN(input_size=H_in, hidden_size=H_out, num_layers=num_layers, batch_first=True)
rnn_bf.load_state_dict(rnn.state_dict())
output_bf, h_n_bf = rnn_bf(x)

print(f"batch_first=True, output: {tuple(output_bf.shape)}  (L, D * H_out)")
print(f"batch_first=True, h_n:    {tuple(h_n_bf.shape)}  (D * num_layers, H_out)")
print("same output as batch_first=False:", torch.allclose(output_bf, output))
assert output_bf.shape == (L, D * H_out)
assert h_n_bf.shape == (D * num_layers, H_out)
assert torch.allclose(output_bf, output)
assert torch.allclose(h_n_bf, h_n)

# %%
# ``h_0`` for an unbatched input is 2-D
# -------------------------------------
# The initial state drops ``N`` as well: ``(D * num_layers, H_out)``.
h_0 = torch.zeros(D * num_layers, H_out)
output_0, h_n_0 = rnn(x, h_0)
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, H_out)")
print("zeros give the default result:", torch.equal(output_0, output))
assert h_0.shape == (D * num_layers, H_out)
assert torch.equal(output_0, output)

# %%
# A batched, 3-D ``h_0`` with a 2-D input is refused, and so is the opposite mix:
h_0_batched = torch.zeros(D * num_layers, 1, H_out)
try:
    rnn(x, h_0_batched)
except RuntimeError as err:  # the state must have the input's number of dimensions
    message = str(err)
else:
    raise AssertionError("torch accepted a 3-D h_0 with a 2-D input")
print(f"2-D input, 3-D h_0: RuntimeError: {message}")
assert message == "For unbatched 2-D input, hx should also be 2-D but got 3-D tensor"

try:
    rnn(x.unsqueeze(1), h_0)
except RuntimeError as err:  # the state must have the input's number of dimensions
    message = str(err)
else:
    raise AssertionError("torch accepted a 2-D h_0 with a 3-D input")
print(f"3-D input, 2-D h_0: RuntimeError: {message}")
assert message == "For batched 3-D input, hx should also be 3-D but got 2-D tensor"

# %%
# Adding the batch axis back
# --------------------------
# To get the batched shapes, add a batch axis of size 1 where the layer expects it:
# ``unsqueeze(1)`` for the default layout ``(L, N, H_in)``, ``unsqueeze(0)`` with
# ``batch_first=True`` for ``(N, L, H_in)``. ``h_n`` then has ``N`` in the middle, in both
# layouts. The numbers are the same as without the axis.
N = 1
x_seq_first = x.unsqueeze(1)
x_batch_first = x.unsqueeze(0)
output_3d_sf, h_n_3d_sf = rnn(x_seq_first)
output_3d_bf, h_n_3d_bf = rnn_bf(x_batch_first)

print(f"unsqueeze(1): x {tuple(x_seq_first.shape)}  (L, N, H_in)")
print(f"  output {tuple(output_3d_sf.shape)}  (L, N, D * H_out)")
print(f"  h_n    {tuple(h_n_3d_sf.shape)}  (D * num_layers, N, H_out)")
print(f"unsqueeze(0), batch_first=True: x {tuple(x_batch_first.shape)}  (N, L, H_in)")
print(f"  output {tuple(output_3d_bf.shape)}  (N, L, D * H_out)")
print(f"  h_n    {tuple(h_n_3d_bf.shape)}  (D * num_layers, N, H_out)")
print("same numbers as unbatched:", torch.allclose(output_3d_sf[:, 0], output))

assert output_3d_sf.shape == (L, N, D * H_out)
assert h_n_3d_sf.shape == (D * num_layers, N, H_out)
assert output_3d_bf.shape == (N, L, D * H_out)
assert h_n_3d_bf.shape == (D * num_layers, N, H_out)
assert torch.allclose(output_3d_sf[:, 0], output)
assert torch.allclose(output_3d_bf[0], output)
assert torch.allclose(h_n_3d_sf[:, 0], h_n)

# %%
# ``squeeze`` goes the other way: ``output_3d_sf.squeeze(1)`` and ``h_n_3d_sf.squeeze(1)``
# have the unbatched shapes again.
assert output_3d_sf.squeeze(1).shape == output.shape
assert h_n_3d_sf.squeeze(1).shape == h_n.shape

# %%
# The same for LSTM
# -----------------
# ``nn.LSTM`` follows the same rule: an unbatched input gives unbatched ``h_n`` and ``c_n``,
# and both tensors of the initial ``(h_0, c_0)`` must be 2-D.
lstm = nn.LSTM(input_size=H_in, hidden_size=H_out, num_layers=num_layers, batch_first=True)
H_cell = lstm.hidden_size
output_l, (h_n_l, c_n_l) = lstm(x)
print(f"LSTM output: {tuple(output_l.shape)}  (L, D * H_out)")
print(f"LSTM h_n:    {tuple(h_n_l.shape)}  (D * num_layers, H_out)")
print(f"LSTM c_n:    {tuple(c_n_l.shape)}  (D * num_layers, H_cell)")
assert output_l.shape == (L, D * H_out)
assert h_n_l.shape == (D * num_layers, H_out)
assert c_n_l.shape == (D * num_layers, H_cell)

state_batched = (h_0_batched, torch.zeros(D * num_layers, 1, H_cell))
try:
    lstm(x, state_batched)
except RuntimeError as err:  # both states must be 2-D too
    message = str(err)
else:
    raise AssertionError("torch accepted a 3-D (h_0, c_0) with a 2-D input")
print(f"RuntimeError: {message}")
assert message.startswith("For unbatched 2-D input, hx and cx should also be 2-D")

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ and `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_, where the unbatched
#   shapes are listed beside the batched ones.
# - :ref:`example-lstm`: the batched LSTM and its ``(h_n, c_n)``.
# - Try this configuration in the `shape calculator <../calculator.html?mode=RNN&input_size=4
#   &hidden_size=6&num_layers=2&unbatched=1&seq_len=5>`__. Untick ``unbatched`` there and every
#   shape gets its ``N`` back.
