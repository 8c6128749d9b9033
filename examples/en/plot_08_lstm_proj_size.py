"""
.. _example-lstm-proj-size:

LSTM with ``proj_size``: ``h`` uses ``P``, ``c`` keeps ``hidden_size``
======================================================================

``nn.LSTM(..., proj_size=P)`` multiplies the hidden state by a learned matrix after every
step, shrinking it from ``hidden_size`` to ``P``. Everything built from ``h`` shrinks with it:
``output`` and ``h_n`` (and the ``h_0`` you pass in). The cell state does not pass through the
projection, so ``c_n`` keeps ``hidden_size``. This is the one configuration where PyTorch's
``H_out`` (here ``P``) and ``H_cell`` (``hidden_size``) differ.

Sizes: ``N`` batch size, ``L`` sequence length, ``H_in`` input features, ``H_cell`` the
``hidden_size``, ``P`` the ``proj_size``, all distinct.
"""

# %%
# Shapes with a projection
# ------------------------
# On CPU builds with oneDNN, the first forward pass of a projected LSTM warns (once per
# process) that oneDNN has no kernel for projections and PyTorch uses its default one. The
# warning is about speed, not shapes; we record it so it shows here, as PyTorch printed it.
import warnings

import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_cell, P = 3, 5, 4, 8, 6
D, num_layers = 1, 1

lstm = nn.LSTM(input_size=H_in, hidden_size=H_cell, proj_size=P, batch_first=True)
x = torch.randn(N, L, H_in)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    output, (h_n, c_n) = lstm(x)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

print(lstm)
print(f"output: {tuple(output.shape)}  (N, L, D * P)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, P)")
print(f"c_n:    {tuple(c_n.shape)}  (D * num_layers, N, H_cell)")
assert lstm.proj_size == P
assert lstm.hidden_size == H_cell
assert output.shape == (N, L, D * P)
assert h_n.shape == (D * num_layers, N, P)
assert c_n.shape == (D * num_layers, N, H_cell)

# %%
# ``output`` is still the last layer's ``h`` at every step, now ``P`` wide, so its last step
# is still ``h_n[-1]``:
print("output[:, -1] equals h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
assert torch.equal(output[:, -1], h_n[-1])

# %%
# The parameters: ``weight_hr_l0`` and a narrower ``weight_hh_l0``
# ----------------------------------------------------------------
# Compare with the same LSTM without a projection. The projection adds ``weight_hr_l0`` of
# shape ``(P, hidden_size)``. And because the recurrent weight now multiplies the *projected*
# previous ``h``, ``weight_hh_l0`` becomes ``(4 * hidden_size, P)``. Its rows are still the
# four gate blocks of ``hidden_size`` each: the gates act on the cell, which keeps its size.
plain = nn.LSTM(input_size=H_in, hidden_size=H_cell, batch_first=True)
plain_shapes = {name: tuple(p.shape) for name, p in plain.named_parameters()}
proj_shapes = {name: tuple(p.shape) for name, p in lstm.named_parameters()}

print(f"{'parameter':<14} {'no proj_size':<14} proj_size=P")
for name, shape in proj_shapes.items():
    print(f"{name:<14} {plain_shapes.get(name, '-')!s:<14} {shape}")

assert set(proj_shapes) - set(plain_shapes) == {"weight_hr_l0"}
assert lstm.weight_hr_l0.shape == (P, H_cell)
assert lstm.weight_hh_l0.shape == (4 * H_cell, P)
assert plain.weight_hh_l0.shape == (4 * H_cell, H_cell)
assert lstm.weight_ih_l0.shape == plain.weight_ih_l0.shape == (4 * H_cell, H_in)

# %%
# ``h_0`` must be ``P`` wide, ``c_0`` ``hidden_size`` wide
# --------------------------------------------------------
# The initial state follows the same split: ``h_0`` is ``(D * num_layers, N, P)`` and ``c_0``
# is ``(D * num_layers, N, H_cell)``.
h_0 = torch.zeros(D * num_layers, N, P)
c_0 = torch.zeros(D * num_layers, N, H_cell)
output_0, (h_n_0, c_n_0) = lstm(x, (h_0, c_0))
print(f"h_0: {tuple(h_0.shape)}  (D * num_layers, N, P)")
print(f"c_0: {tuple(c_0.shape)}  (D * num_layers, N, H_cell)")
print("zeros give the default result:", torch.equal(output_0, output))
assert h_0.shape == (D * num_layers, N, P)
assert c_0.shape == (D * num_layers, N, H_cell)
assert torch.equal(output_0, output)

# %%
# Sizing ``h_0`` by ``hidden_size``, as one would without a projection, is refused. The message
# names ``hidden[0]``, the first element of the tuple, that is ``h_0``:
h_0_wrong = torch.zeros(D * num_layers, N, H_cell)
try:
    lstm(x, (h_0_wrong, c_0))
except RuntimeError as err:  # h_0 has P values, not hidden_size
    message = str(err)
else:
    raise AssertionError("torch accepted an h_0 sized by hidden_size instead of proj_size")
print(f"RuntimeError: {message}")
assert message.startswith("Expected hidden[0] size")

# %%
# ``proj_size`` must be smaller than ``hidden_size``
# --------------------------------------------------
# A projection that does not shrink the state is refused when the module is built, both for
# ``proj_size=hidden_size`` and for anything larger. (``proj_size=0``, the default, means no
# projection.)
for proj_size in (H_cell, H_cell + 2):
    try:
        nn.LSTM(input_size=H_in, hidden_size=H_cell, proj_size=proj_size)
    except ValueError as err:  # raised when the module is built
        message = str(err)
    else:
        raise AssertionError(f"torch built an LSTM with proj_size={proj_size} >= hidden_size")
    print(f"proj_size={proj_size}, hidden_size={H_cell} -> ValueError: {message}")
    assert message == "proj_size has to be smaller than hidden_size"

# %%
# Bidirectional: the last axis of ``output`` is ``D * P``
# -------------------------------------------------------
# With ``bidirectional=True`` (``D`` is 2) each direction projects its own ``h`` to ``P``, and
# ``output`` concatenates the two:
D_bi = 2
bi = nn.LSTM(
    input_size=H_in,
    hidden_size=H_cell,
    proj_size=P,
    batch_first=True,
    bidirectional=True,
)
output_bi, (h_n_bi, c_n_bi) = bi(x)
print(f"output: {tuple(output_bi.shape)}  (N, L, D * P)")
print(f"h_n:    {tuple(h_n_bi.shape)}  (D * num_layers, N, P)")
print(f"c_n:    {tuple(c_n_bi.shape)}  (D * num_layers, N, H_cell)")
assert output_bi.shape == (N, L, D_bi * P)
assert h_n_bi.shape == (D_bi * num_layers, N, P)
assert c_n_bi.shape == (D_bi * num_layers, N, H_cell)

# %%
# A picture of the two widths
# ---------------------------
# The final states of the unidirectional LSTM, one row per sequence, drawn to scale: ``h_n``
# is ``P`` wide, ``c_n`` is ``hidden_size`` wide.
import matplotlib.pyplot as plt

fig, (ax_h, ax_c) = plt.subplots(
    1, 2, figsize=(8, 3), gridspec_kw={"width_ratios": [P, H_cell]}, layout="constrained"
)
vmax = float(c_n.detach().abs().max())
panels = ((ax_h, h_n, "h_n", "P (proj_size)"), (ax_c, c_n, "c_n", "H_cell (hidden_size)"))
for ax, state, name, xlabel in panels:
    image = ax.imshow(state[-1].detach().numpy(), cmap="RdBu", vmin=-vmax, vmax=vmax)
    ax.set_title(f"{name}[-1]: {tuple(state[-1].shape)}\nlast layer, one row per sequence")
    ax.set_xlabel(xlabel)
    ax.set_yticks(range(N), [f"seq {n}" for n in range(N)])
fig.colorbar(image, ax=(ax_h, ax_c), shrink=0.8)
plt.show()

# %%
# See also
# --------
# - PyTorch's reference for `torch.nn.LSTM
#   <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_. Its ``proj_size`` note
#   points to the paper that describes projected LSTMs,
#   `arXiv:1402.1128 <https://arxiv.org/abs/1402.1128>`_.
# - :ref:`example-lstm`: the LSTM without a projection, where ``c_n`` and ``h_n`` match.
# - Try this configuration in the `shape calculator <../calculator.html?mode=LSTM&input_size=4
#   &hidden_size=8&batch_first=1&proj_size=6&batch=3&seq_len=5>`__: ``h_n`` and ``c_n`` come out
#   with different widths, and ``weight_hr_l0`` is in the parameter list.
