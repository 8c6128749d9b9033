"""
.. _example-cnn-before-rnn:

A CNN before an RNN: ``permute``, not ``view``
==============================================

A ``Conv1d`` in front of an LSTM extracts local features, and the two disagree on the layout:
``nn.Conv1d`` works on ``(N, C, L)``, channels before time, while ``nn.LSTM(batch_first=True)``
wants ``(N, L, H_in)``, time before features. Swapping the two axes needs ``permute`` (or
``transpose``). ``view`` and ``reshape`` to the same shape also run without an error, but
they only re-read the numbers in memory order, so time steps and channels get mixed.

Symbols: ``N`` batch size, ``C`` channels out of the convolution (the LSTM's ``H_in``), ``L``
time steps, ``H_out`` hidden size.
"""

# %%
# The convolution's layout
# ------------------------
# A batch of ``N`` series with 2 input channels and ``L`` steps goes through a ``Conv1d`` with
# ``C`` output channels; ``padding=1`` with ``kernel_size=3`` keeps the length ``L``.
import torch
from torch import nn

torch.manual_seed(0)

N, C_in, C, L, H_out = 2, 2, 3, 5, 4
signals = torch.randn(N, C_in, L)  # (N, C_in, L)
conv = nn.Conv1d(C_in, C, kernel_size=3, padding=1)
features = conv(signals)  # (N, C, L)
print(f"signals:  {tuple(signals.shape)}  (N, C_in, L)")
print(f"features: {tuple(features.shape)}  (N, C, L)")
assert features.shape == (N, C, L)

# %%
# ``permute`` against ``view``, by value
# --------------------------------------
# To see where each number goes, replace the features with labels: the value ``10 * c + t`` is
# channel ``c`` at time step ``t``. The LSTM's input at step ``t`` must hold channels
# ``0 .. C-1`` of that same step.
labels = (10 * torch.arange(C)[:, None] + torch.arange(L)).expand(N, C, L)  # (N, C, L)
permuted = labels.permute(0, 2, 1)  # (N, L, C)
viewed = labels.reshape(N, L, C)  # same shape, different contents
print(f"permuted: {tuple(permuted.shape)}  (N, L, C)")
print(f"viewed:   {tuple(viewed.shape)}  (N, L, C)")
print("permuted[0]: one row per time step, channel c at step t is 10 * c + t")
print(permuted[0])
print("viewed[0]: the same numbers read row by row: time and channels mixed")
print(viewed[0])
assert permuted.shape == viewed.shape == (N, L, C)
expected = 10 * torch.arange(C)[None, :] + torch.arange(L)[:, None]  # (L, C)
assert torch.equal(permuted[0], expected)
assert not torch.equal(viewed[0], expected)

# %%
# ``permute`` copies nothing: it returns the same memory with swapped strides, a tensor that is
# not contiguous. So ``.view`` cannot flatten a permuted tensor, and says so (the catalogue's
# `view on a transposed h_n <../../errors.html#error-view-not-contiguous>`__ is the same
# message); ``reshape`` copies when it must.
try:
    permuted.view(N, L * C)
except RuntimeError as err:  # view needs memory laid out in its order
    message = str(err)
else:
    raise AssertionError("view accepted a non-contiguous permuted tensor")
print(message)
assert message.startswith("view size is not compatible with input tensor's size and stride")
print(f"permuted.is_contiguous(): {permuted.is_contiguous()}")
assert not permuted.is_contiguous()

# %%
# Into the LSTM and back
# ----------------------
# With the permuted features the LSTM reads ``L`` steps of ``C`` values each. To continue with
# another convolution, permute its ``(N, L, H_out)`` output back to ``(N, H_out, L)``.
lstm = nn.LSTM(C, H_out, batch_first=True)
output, (h_n, c_n) = lstm(features.permute(0, 2, 1))  # (N, L, C) in
back = output.permute(0, 2, 1)  # (N, H_out, L) for the next Conv1d
after = nn.Conv1d(H_out, 1, kernel_size=1)(back)  # (N, 1, L)
print(f"lstm output: {tuple(output.shape)}  (N, L, H_out)")
print(f"permuted:    {tuple(back.shape)}  (N, H_out, L)")
print(f"next conv:   {tuple(after.shape)}  (N, 1, L)")
assert output.shape == (N, L, H_out)
assert back.shape == (N, H_out, L)
assert after.shape == (N, 1, L)

# %%
# The wrong layout gives the same shapes, so nothing fails: the LSTM just reads mixed-up
# steps. Its outputs differ from the right ones:
wrong_output, _ = lstm(features.reshape(N, L, C))
print(
    f"reshape output: {tuple(wrong_output.shape)}, equal to the permute output: "
    f"{torch.allclose(wrong_output, output)}"
)
assert wrong_output.shape == output.shape
assert not torch.allclose(wrong_output, output)

# %%
# The picture shows the labels: each cell is ``10 * c + t``. With ``permute`` every row is one
# time step; with ``view`` the rows mix steps and channels.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
for ax, tensor, title in zip(
    axes,
    [permuted[0], viewed[0]],
    ["permute(0, 2, 1): one time step per row", "view / reshape: steps and channels mixed"],
    strict=True,
):
    ax.imshow(tensor % 10, cmap="tab10", vmin=0, vmax=9, aspect="auto")
    for t in range(L):
        for c in range(C):
            ax.text(
                c,
                t,
                f"c{int(tensor[t, c]) // 10} t{int(tensor[t, c]) % 10}",
                ha="center",
                va="center",
            )
    ax.set_title(f"{title}\n{tuple(tensor.shape)}")
    ax.set_xlabel("LSTM input feature")
    ax.set_ylabel("LSTM time step")
    ax.set_xticks(range(C))
    ax.set_yticks(range(L))
plt.show()

# %%
# The whole model
# ---------------
# The three layers in one module, with both ``permute`` calls inside ``forward``. With this
# page's convolution and LSTM weights loaded, the model's output is what the last ``Conv1d``
# makes of ``back``. The :ref:`trace page <trace-gallery-models>` lists every layer's shapes;
# the ``permute`` calls are not modules, so the trace shows them as the change of layout
# between the rows of ``conv`` and ``lstm``.


class ConvLSTM(nn.Module):
    """Conv1d, LSTM, Conv1d: (N, C_in, L) in, (N, 1, L) out, permuting around the LSTM."""

    def __init__(self, in_channels: int, channels: int, hidden_size: int) -> None:
        super().__init__()
        self.conv = nn.Conv1d(in_channels, channels, kernel_size=3, padding=1)
        self.lstm = nn.LSTM(channels, hidden_size, batch_first=True)
        self.after = nn.Conv1d(hidden_size, 1, kernel_size=1)

    def forward(self, signals: torch.Tensor) -> torch.Tensor:
        features = self.conv(signals)  # (N, C, L)
        output, _ = self.lstm(features.permute(0, 2, 1))  # (N, L, C) in, (N, L, H_out) out
        return self.after(output.permute(0, 2, 1))  # (N, H_out, L) in, (N, 1, L) out


model = ConvLSTM(C_in, C, H_out)
model.conv.load_state_dict(conv.state_dict())
model.lstm.load_state_dict(lstm.state_dict())
with torch.no_grad():
    out = model(signals)
    same = torch.equal(out, model.after(back))
print(f"model(signals): {tuple(out.shape)}  (N, 1, L), equal to after(back): {same}")
assert out.shape == (N, 1, L)
assert same

# %%
# See also
# --------
# - :ref:`example-batch-axis` shows the same silent mistake between ``(L, N, H_in)`` and
#   ``(N, L, H_in)``.
# - Try this LSTM in the `shape calculator
#   <../../calculator.html?mode=LSTM&input_size=3&hidden_size=4&batch_first=1&batch=2
#   &seq_len=5>`__.
# - PyTorch's reference for `nn.Conv1d
#   <https://pytorch.org/docs/stable/generated/torch.nn.Conv1d.html>`_ and `Tensor.permute
#   <https://pytorch.org/docs/stable/generated/torch.Tensor.permute.html>`_.
