"""
.. _example-train-sine:

Training the blog's RNN to predict a sine wave
==============================================

The blog post builds an RNN for a sine wave but never trains it. Here the same network,
``nn.RNN`` with ``input_size=1``, ``hidden_size=10``, ``num_layers=2`` and
``batch_first=True``, gets a linear head and learns one thing: given the values of a sine wave
up to step ``t``, predict the value at step ``t + 1``. It trains on the CPU in a few seconds.

The task is many-to-many: the RNN's output at step ``t`` has seen the inputs up to ``t``, and
the head turns it into a prediction for the next value. Symbols: ``N`` batch size, ``L``
sequence length, ``H_in`` input features, ``H_out`` hidden size.
"""

# %%
# Training data: windows of the blog's sine wave
# ----------------------------------------------
# The blog samples 20 points on ``[0, pi]``, a step of ``pi / 19``. We keep that step and cut
# ``N`` windows of ``L + 1`` points each, starting at random phases, so the network sees rising
# and falling parts of the wave. The input is a window without its last point, the target is
# the same window shifted by one step: ``targets[:, t]`` is the value after ``inputs[:, t]``.
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)

N, L, H_in, H_out = 8, 20, 1, 10
step = np.pi / 19  # the blog's spacing: 20 points on [0, pi]

phases = rng.uniform(0, 2 * np.pi, size=(N, 1))
windows = np.sin(phases + step * np.arange(L + 1))  # (N, L + 1), float64
wave = torch.from_numpy(windows).float().unsqueeze(-1)  # (N, L + 1, H_in), float32
inputs, targets = wave[:, :-1], wave[:, 1:]

print(f"wave:    {tuple(wave.shape)}  (N, L + 1, H_in)")
print(f"inputs:  {tuple(inputs.shape)}  (N, L, H_in)")
print(f"targets: {tuple(targets.shape)}  (N, L, H_in)")
assert wave.shape == (N, L + 1, H_in)
assert inputs.shape == targets.shape == (N, L, H_in)
assert torch.equal(inputs[:, 1:], targets[:, :-1])  # shifted by one step


# %%
# The model: the blog's RNN and a head on every step
# --------------------------------------------------
# ``nn.Linear`` acts on the last dimension, so one head maps each step's ``H_out`` hidden
# values to one predicted value: ``(N, L, H_out)`` becomes ``(N, L, H_in)``.
class NextValue(nn.Module):
    def __init__(self, hidden_size: int, num_layers: int) -> None:
        super().__init__()
        self.rnn = nn.RNN(
            input_size=1,
            hidden_size=hidden_size,
            num_layers=num_layers,
            batch_first=True,
        )
        self.head = nn.Linear(in_features=hidden_size, out_features=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.rnn(x)  # (N, L, H_out)
        return self.head(output)  # (N, L, 1)


model = NextValue(hidden_size=H_out, num_layers=2)
predictions = model(inputs)
print(model)
print(f"predictions: {tuple(predictions.shape)}  (N, L, H_in)")
assert predictions.shape == targets.shape == (N, L, H_in)

# %%
# Training
# --------
# Mean squared error between predictions and targets, Adam, a few hundred steps on the whole
# batch. On the CPU, with the seeds above, every run gives the same numbers; we print a
# comparison rather than the numbers themselves.
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)

losses = []
for _ in range(200):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())

print(f"loss: {tuple(loss.shape)}  a scalar, {len(losses)} training steps")
print("final loss < initial loss / 100:", losses[-1] < losses[0] / 100)
assert loss.shape == ()
assert losses[-1] < losses[0] / 100

# %%
# Prediction against truth
# ------------------------
# A fresh wave the model has not seen: two full periods from zero, with the blog's step, so it
# is much longer than the training windows. An RNN takes any sequence length of at least one
# step (see the end of this section); only ``H_in`` must match. At every step the model
# predicts the next value from the values so far.
L_test = 4 * 19  # two periods at the blog's step
test_wave = np.sin(step * np.arange(L_test + 1))
truth = torch.from_numpy(test_wave).float().reshape(1, L_test + 1, 1)
with torch.no_grad():
    predicted = model(truth[:, :-1])
error = (predicted - truth[:, 1:]).abs()

print(f"test input:  {tuple(truth[:, :-1].shape)}  (N, L_test, H_in) with N = 1")
print(f"predicted:   {tuple(predicted.shape)}  (N, L_test, H_in)")
print("largest error below 0.1:", bool(error.max() < 0.1))
assert predicted.shape == (1, L_test, H_in)
assert error.max() < 0.1

# %%
# The one length an RNN does not take is zero:
try:
    model(truth[:, :0])
except RuntimeError as err:  # at least one time step
    message = str(err)
else:
    raise AssertionError("the RNN ran on a sequence of length 0")
print(f"L = 0: RuntimeError: {message}")
assert message == "Expected sequence length to be larger than 0 in RNN"

# %%
# Each dot is a prediction made from the values to its left; the line is the true wave.
import matplotlib.pyplot as plt

steps = np.arange(1, L_test + 1)
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
ax.plot(steps, truth[0, 1:, 0].numpy(), color="0.6", lw=3, label="truth: sin at step t")
ax.plot(
    steps,
    predicted[0, :, 0].numpy(),
    "o",
    ms=4,
    color="C3",
    label="prediction from steps < t",
)
ax.set_title(f"unseen wave: predicted {tuple(predicted.shape)} against truth")
ax.set_xlabel("time step t")
ax.set_ylabel("value")
ax.legend(loc="lower left")
plt.show()
# sphinx_gallery_thumbnail_number = 1

# %%
# The loss over the training steps, on a log scale:
fig, ax = plt.subplots(figsize=(8, 3), layout="constrained")
ax.semilogy(losses)
ax.set_title("training loss (MSE)")
ax.set_xlabel("training step")
ax.set_ylabel("loss")
plt.show()

# %%
# See also
# --------
# - :ref:`example-blog-configurations` runs the blog's two configurations without training.
# - :ref:`example-heads` puts heads on an RNN for classification, one label per sequence or
#   per step.
# - PyTorch's reference for `torch.nn.RNN
#   <https://pytorch.org/docs/stable/generated/torch.nn.RNN.html>`_ and `torch.nn.MSELoss
#   <https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html>`_.
# - Try the model's RNN, with this example's ``N`` and ``L``, in the `shape calculator
#   <../calculator.html?mode=RNN&input_size=1&hidden_size=10&num_layers=2&batch_first=1&batch=8
#   &seq_len=20>`__.
