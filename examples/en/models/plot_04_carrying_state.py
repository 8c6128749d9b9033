"""
.. _example-carrying-state:

Carrying state across batches: truncated backpropagation through time
=====================================================================

A series too long for one forward pass is cut into chunks, and the LSTM's final state of one
chunk becomes the initial state of the next, so the model still sees the whole history.
Gradients, however, should stop at the chunk boundary (truncated backpropagation through
time, TBPTT). Two things break on the way: the second ``backward`` without ``detach``, and a
last batch smaller than the others when the initial state has a fixed batch size.

Symbols: ``N`` parallel streams (the batch), ``L`` steps per chunk, ``H_in = 1``, ``H_out``
hidden size.
"""

# %%
# One long series, cut into streams and chunks
# --------------------------------------------
# The series is split into ``N`` streams side by side, ``(N, T // N)``, and each stream into
# chunks of ``L`` steps. Chunk ``j`` of every stream follows chunk ``j - 1`` in time.
import math

import torch
from torch import nn

torch.manual_seed(0)

T, N, L, H_in, H_out = 240, 4, 20, 1, 8
series = torch.sin(math.pi / 19 * torch.arange(T, dtype=torch.float32))
streams = series.reshape(N, T // N)  # (N, T // N): stream n is one stretch of the series
chunks = streams.split(L, dim=1)  # each (N, L)
print(
    f"streams: {tuple(streams.shape)}  (N, T // N), {len(chunks)} chunks of {tuple(chunks[0].shape)}"
)
assert streams.shape == (N, T // N)
assert all(chunk.shape == (N, L) for chunk in chunks)

lstm = nn.LSTM(H_in, H_out, batch_first=True)
head = nn.Linear(H_out, 1)
optimizer = torch.optim.Adam([*lstm.parameters(), *head.parameters()], lr=0.01)
loss_fn = nn.MSELoss()


def chunk_loss(chunk: torch.Tensor, state):
    """Predict each next value of one chunk; return the loss and the LSTM's final state."""
    x = chunk[:, :-1].unsqueeze(-1)  # (N, L - 1, H_in)
    target = chunk[:, 1:].unsqueeze(-1)  # (N, L - 1, 1)
    output, state = lstm(x, state)  # output: (N, L - 1, H_out); state: two (1, N, H_out)
    return loss_fn(head(output), target), state


# %%
# Carrying the state without ``detach``
# -------------------------------------
# The state returned by chunk 0 is still attached to chunk 0's graph. After the first
# ``backward`` that graph's saved tensors are freed, so the second ``backward`` has to go
# back through it and cannot (the catalogue's `hidden state carried from one batch to the next
# <../../errors.html#error-backward-second-time>`__):
state = None
try:
    for chunk in chunks[:2]:
        loss, state = chunk_loss(chunk, state)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
except RuntimeError as err:  # the second chunk's backward reaches into the first chunk's graph
    message = str(err)
else:
    raise AssertionError("backward through a carried state did not fail")
print(message)
assert message.startswith("Trying to backward through the graph a second time")

# %%
# ``retain_graph=True`` would silence the error, but then every ``backward`` runs back to the
# start of the series, slower with every chunk. ``detach`` keeps the values and cuts the graph.
# Forty passes over the series, each starting from a zero state:
for _epoch in range(40):
    state = None
    for chunk in chunks:
        if state is not None:
            state = tuple(s.detach() for s in state)  # same values, no history
        loss, state = chunk_loss(chunk, state)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
h, c = state
print(f"carried h: {tuple(h.shape)}  (num_layers, N, H_out), requires_grad: {h.requires_grad}")
print(f"detached h: requires_grad {h.detach().requires_grad}, grad_fn {h.detach().grad_fn}")
assert h.shape == c.shape == (1, N, H_out)
assert h.detach().grad_fn is None

# %%
# The last partial batch and a fixed ``init_hidden``
# --------------------------------------------------
# Many tutorials build the initial state once, for the batch size they expect. A
# ``DataLoader`` whose dataset does not divide by the batch size ends with a smaller batch,
# and the fixed state no longer fits. The LSTM names the size it expected:
from torch.utils.data import DataLoader

windows = series.unfold(0, L, L).unsqueeze(-1)  # (T // L, L, H_in)
loader = DataLoader(windows, batch_size=5)
sizes = [len(batch) for batch in loader]
print(f"windows: {tuple(windows.shape)}, batch sizes: {sizes}")
assert windows.shape == (T // L, L, H_in)
assert sizes[-1] < sizes[0]

batch_size = 5
init_hidden = (torch.zeros(1, batch_size, H_out), torch.zeros(1, batch_size, H_out))
try:
    for batch in loader:
        lstm(batch, init_hidden)
except RuntimeError as err:  # only the last batch is smaller
    message = str(err)
else:
    raise AssertionError("an initial state of the wrong batch size was accepted")
print(message)
assert message.startswith(f"Expected hidden[0] size (1, {sizes[-1]}, {H_out})")

# %%
# The catalogue explains this message under `The LSTM's h_0 has the wrong shape
# <../../errors.html#error-lstm-h0-size-mismatch>`__. Build the initial state from the batch in
# hand (or drop the last batch with ``drop_last=True``):
for batch in loader:
    n = batch.shape[0]
    state = (torch.zeros(1, n, H_out), torch.zeros(1, n, H_out))
    output, (h_n, c_n) = lstm(batch, state)
    assert output.shape == (n, L, H_out)
    assert h_n.shape == (1, n, H_out)
print(f"last batch: output {tuple(output.shape)}, h_n {tuple(h_n.shape)}")
print(
    f"drop_last=True: batch sizes {[len(b) for b in DataLoader(windows, batch_size=5, drop_last=True)]}"
)

# %%
# The picture draws the model's next-value predictions for stream 0, chunk after chunk, with
# the state handed on at every chunk boundary (the thin lines).
import matplotlib.pyplot as plt

with torch.no_grad():
    state, predictions = None, []
    for chunk in chunks:
        output, state = lstm(chunk[:, :-1].unsqueeze(-1), state)
        predictions.append(head(output)[..., 0])  # (N, L - 1)
fig, ax = plt.subplots(figsize=(8, 3), layout="constrained")
ax.plot(streams[0], color="0.6", lw=3, label="stream 0")
for j, prediction in enumerate(predictions):
    ax.plot(
        range(j * L + 1, (j + 1) * L),
        prediction[0],
        color="C3",
        label="prediction" if j == 0 else None,
    )
    ax.axvline(j * L, color="0.85", lw=1)
ax.set_title(f"{len(chunks)} chunks of L = {L}, state carried from chunk to chunk")
ax.set_xlabel("time step")
ax.set_ylabel("value")
ax.legend(loc="lower left")
plt.show()

# %%
# The whole model
# ---------------
# In one module the state becomes an argument and a second return value, so the loop that
# carries it stays outside the model. With this page's trained weights, the chunks through the
# module give the predictions of the picture above. The :ref:`trace page
# <trace-gallery-models>` traces one call with a carried state: the LSTM then receives
# ``(h_0, c_0)`` and its row shows them.


class StatefulForecaster(nn.Module):
    """The LSTM and head of this page; the state comes in and goes out for the next chunk."""

    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)

    def forward(
        self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        output, state = self.lstm(x, state)  # output: (N, L, H_out); state: two (1, N, H_out)
        return self.head(output), state  # (N, L, 1), and the state for the next chunk


model = StatefulForecaster(H_in, H_out)
model.lstm.load_state_dict(lstm.state_dict())
model.head.load_state_dict(head.state_dict())
with torch.no_grad():
    state = None
    for chunk, drawn in zip(chunks, predictions, strict=True):
        predicted, state = model(chunk[:, :-1].unsqueeze(-1), state)
        assert predicted.shape == (N, L - 1, 1)
        assert torch.equal(predicted[..., 0], drawn)
print(
    f"model(chunk, state): {tuple(predicted.shape)}  (N, L - 1, 1), state: two {tuple(state[0].shape)}"
)
print(f"the {len(chunks)} chunks give the predictions drawn above")

# %%
# See also
# --------
# - :ref:`example-initial-hidden-state` explains ``h_0`` and its shape.
# - Try this LSTM with the last batch's size in the `shape calculator
#   <../../calculator.html?mode=LSTM&input_size=1&hidden_size=8&batch_first=1&batch=2
#   &seq_len=20>`__.
# - PyTorch's reference for `Tensor.detach
#   <https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html>`_ and `DataLoader
#   <https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader>`_.
