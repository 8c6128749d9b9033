"""
.. _example-heads:

Heads: from the RNN's output to a loss
======================================

A recurrent layer returns hidden states, not predictions. The last dimension of ``output`` is
``D * H_out``, whatever you want to predict. A *head*, usually one ``nn.Linear``, turns hidden
states into predictions, and where you put it decides the task:

- **many-to-one**: one prediction per sequence, from the last time step (classify a sentence);
- **many-to-many**: one prediction per time step, from every step (tag every word).

Both are shown here as small ``nn.Module`` classes, with every shape printed from the input to
the scalar loss. Symbols: ``N`` batch size, ``L`` sequence length, ``H_in`` input features,
``H_out`` hidden size, ``D`` directions, and ``C`` the number of classes.
"""

# %%
# Sizes that cannot be confused
# -----------------------------
# Every axis gets its own size, so each printed shape tells which axis is which.
import torch
from torch import nn

torch.manual_seed(0)

N, L, H_in, H_out, C = 3, 5, 4, 6, 7
num_layers = 2

x = torch.randn(N, L, H_in)
print(f"input x: {tuple(x.shape)}  (N, L, H_in)")
assert x.shape == (N, L, H_in)


# %%
# Many-to-one: a head on the last time step
# -----------------------------------------
# The classifier reads ``h_n[-1]``, the last layer's hidden state at the last step, and maps
# its ``H_out`` numbers to ``C`` scores (logits). For a one-directional RNN, ``h_n[-1]`` is the
# same vector as ``output[:, -1]``. ``nn.Linear`` only acts on the last dimension, so the
# batch axis passes through untouched.
class SequenceClassifier(nn.Module):
    def __init__(
        self, input_size: int, hidden_size: int, num_layers: int, num_classes: int
    ) -> None:
        super().__init__()
        self.rnn = nn.RNN(
            input_size=input_size,
            hidden_size=hidden_size,
            num_layers=num_layers,
            batch_first=True,
        )
        self.head = nn.Linear(in_features=hidden_size, out_features=num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, h_n = self.rnn(x)
        last = h_n[-1]  # (N, H_out): the last layer at the last step
        assert torch.equal(last, output[:, -1])
        return self.head(last)


D = 1  # one direction
classifier = SequenceClassifier(H_in, H_out, num_layers, C)
output, h_n = classifier.rnn(x)
logits = classifier(x)

print(f"output:   {tuple(output.shape)}  (N, L, D * H_out)")
print(f"h_n:      {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
print(f"h_n[-1]:  {tuple(h_n[-1].shape)}  (N, H_out)")
print(f"logits:   {tuple(logits.shape)}  (N, C)")
assert output.shape == (N, L, D * H_out)
assert h_n.shape == (D * num_layers, N, H_out)
assert h_n[-1].shape == (N, H_out)
assert logits.shape == (N, C)

# %%
# ``nn.CrossEntropyLoss`` takes logits of shape ``(N, C)`` and one class index per sequence,
# an integer tensor of shape ``(N,)``. With the default ``reduction="mean"`` the loss is a
# scalar: a tensor with zero dimensions, ready for ``backward()``.
loss_fn = nn.CrossEntropyLoss()
labels = torch.randint(C, (N,))
loss = loss_fn(logits, labels)
loss.backward()

print(f"labels: {tuple(labels.shape)}  (N,), dtype {labels.dtype}")
print(f"loss:   {tuple(loss.shape)}  a scalar, ndim {loss.ndim}")
assert labels.shape == (N,)
assert loss.shape == ()


# %%
# Many-to-many: a head on every time step
# ---------------------------------------
# A tagger needs a prediction at each step, so the head reads all of ``output``. This one is
# bidirectional, so ``D`` is 2 and the head's ``in_features`` must be ``D * H_out``. Because
# ``nn.Linear`` acts on the last dimension only, the same head is applied to every step:
# ``(N, L, D * H_out)`` becomes ``(N, L, C)`` without a loop.
class SequenceTagger(nn.Module):
    def __init__(self, input_size: int, hidden_size: int, num_classes: int) -> None:
        super().__init__()
        self.rnn = nn.GRU(
            input_size=input_size,
            hidden_size=hidden_size,
            batch_first=True,
            bidirectional=True,
        )
        self.head = nn.Linear(in_features=2 * hidden_size, out_features=num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.rnn(x)  # (N, L, D * H_out)
        return self.head(output)  # (N, L, C)


D = 2  # two directions
tagger = SequenceTagger(H_in, H_out, C)
tag_output, _ = tagger.rnn(x)
tag_logits = tagger(x)
tags = torch.randint(C, (N, L))

print(f"output:      {tuple(tag_output.shape)}  (N, L, D * H_out)")
print(f"head:        {tagger.head}")
print(f"tag_logits:  {tuple(tag_logits.shape)}  (N, L, C)")
print(f"tags:        {tuple(tags.shape)}  (N, L)")
assert tag_output.shape == (N, L, D * H_out)
assert tag_logits.shape == (N, L, C)
assert tags.shape == (N, L)

# %%
# The class axis must come second
# -------------------------------
# ``nn.CrossEntropyLoss`` reads its input as ``(N, C, ...)``: the classes on the *second*
# axis, any extra axes after them. Our logits have the classes last, so passing them with
# targets of shape ``(N, L)`` fails. The loss took ``L`` for the number of classes and ``C``
# for the extra axis, and expects targets of that shape:
try:
    loss_fn(tag_logits, tags)
except RuntimeError as err:  # L is read as the class axis
    message = str(err)
else:
    raise AssertionError("CrossEntropyLoss accepted (N, L, C) logits with (N, L) targets")
print(f"RuntimeError: {message}")
assert message.startswith("Expected target size")

# %%
# Two equivalent fixes. Swap axes 1 and 2 with ``transpose`` to put the classes second,
# giving ``(N, C, L)`` against targets ``(N, L)``; or flatten the steps into the batch,
# giving ``(N * L, C)`` against ``(N * L,)``. Both average over the same ``N * L`` predictions,
# so they return the same loss.
by_transpose = tag_logits.transpose(1, 2)
flat_logits = tag_logits.reshape(N * L, C)
flat_tags = tags.reshape(N * L)

loss_transposed = loss_fn(by_transpose, tags)
loss_flat = loss_fn(flat_logits, flat_tags)

print(f"transposed logits: {tuple(by_transpose.shape)}  (N, C, L)")
print(f"flat logits:       {tuple(flat_logits.shape)}  (N * L, C)")
print(f"flat tags:         {tuple(flat_tags.shape)}  (N * L,)")
print(f"loss:              {tuple(loss_transposed.shape)}  a scalar")
print("the two losses agree:", torch.allclose(loss_transposed, loss_flat))
assert by_transpose.shape == (N, C, L)
assert flat_logits.shape == (N * L, C)
assert flat_tags.shape == (N * L,)
assert loss_transposed.shape == loss_flat.shape == ()
assert torch.allclose(loss_transposed, loss_flat)

# %%
# When ``L`` equals ``C``, nothing complains
# ------------------------------------------
# The error above only exists because ``L`` and ``C`` differ. With as many steps as classes,
# logits of shape ``(N, L, C)`` look exactly like ``(N, C, L)``, and the wrong call runs and
# returns a number: the loss of a different, meaningless problem.
square_logits = torch.randn(N, C, C)  # L equals C here
square_tags = torch.randint(C, (N, C))
wrong = loss_fn(square_logits, square_tags)  # no error, wrong axis used as classes
right = loss_fn(square_logits.transpose(1, 2), square_tags)
print(f"square logits: {tuple(square_logits.shape)}  (N, L, C) with L == C")
same = torch.isclose(wrong, right).item()
print("no error raised; same loss as the transposed call:", same)
assert square_logits.shape == (N, C, C)
assert not torch.isclose(wrong, right)

# %%
# The two heads side by side
# --------------------------
# For the first sequence of the batch: the many-to-one head gives one row of ``C`` logits for
# the whole sequence (top), the many-to-many head gives one row per time step (bottom). The
# dots mark the target class of each row.
import matplotlib.pyplot as plt

fig, (ax_one, ax_many) = plt.subplots(
    2,
    1,
    figsize=(8, 4),
    sharex=True,
    gridspec_kw={"height_ratios": [1, L]},
    layout="constrained",
)
one = logits[:1].detach().numpy()  # (1, C): one row for sequence 0
many = tag_logits[0].detach().numpy()  # (L, C): one row per step of sequence 0
vmax = float(max(abs(one).max(), abs(many).max()))

ax_one.imshow(one, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_one.plot(labels[0].item(), 0, "ko")
ax_one.set_title(f"many-to-one, logits[0]: {tuple(logits[0].shape)}")
ax_one.set_yticks([])

ax_many.imshow(many, cmap="RdBu", vmin=-vmax, vmax=vmax, aspect="auto")
ax_many.plot(tags[0].numpy(), range(L), "ko")
ax_many.set_title(f"many-to-many, tag_logits[0]: {tuple(tag_logits[0].shape)}")
ax_many.set_xlabel("class (C)")
ax_many.set_ylabel("time step (L)")
plt.show()

# %%
# In short
# --------
# - many-to-one: ``head(h_n[-1])`` or ``head(output[:, -1])`` gives ``(N, C)``; targets
#   ``(N,)``. With padded batches the last real step differs per sequence: pack the batch
#   (see :ref:`example-packed-sequences`).
# - many-to-many: ``head(output)`` gives ``(N, L, C)``; swap axes 1 and 2 with ``transpose``
#   for targets ``(N, L)``, or reshape to ``(N * L, C)`` and ``(N * L,)``.
# - With ``bidirectional=True``, ``h_n[-1]`` is only the backward direction; the head's
#   ``in_features`` on ``output`` is ``D * H_out`` (see :ref:`example-bidirectional`).
#
# See also
# --------
# - PyTorch's reference for `torch.nn.Linear
#   <https://pytorch.org/docs/stable/generated/torch.nn.Linear.html>`_,
#   `torch.nn.CrossEntropyLoss
#   <https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html>`_,
#   `torch.nn.RNN <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ and
#   `torch.nn.GRU <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_.
# - :ref:`example-blog-configurations` puts a regression head on the blog's RNN, and
#   :ref:`example-train-sine` trains it with a many-to-many head.
# - Try the tagger's bidirectional GRU in the `shape calculator <../calculator.html?mode=GRU
#   &input_size=4&hidden_size=6&batch_first=1&bidirectional=1&batch=3&seq_len=5>`__: the last axis
#   of its ``output`` is the head's ``in_features``.
