"""
.. _example-forecasting:

Forecasting the sine wave: windows, one step, many steps
========================================================

A forecaster reads the last ``W`` values of a series and predicts what comes next. The LSTM in
the middle is the same every time; what changes is how the series is cut into windows, what the
head predicts, and above all the shape of the targets, which must match the predictions
exactly: ``nn.MSELoss`` broadcasts mismatched shapes and returns a wrong number with only a
warning.

Four ways to forecast, on the wave of the blog post that started this site (a sine sampled
every ``pi / 19``): one step from the last output (many-to-one), one step after every input
step (many-to-many), ``k`` steps at once from a head of size ``k`` (direct), and ``k`` steps
one at a time, feeding each prediction back in (autoregressive). Symbols: ``N`` windows in a
batch, ``W`` window length (the LSTM's ``L``), ``k`` steps ahead, ``H_in = 1`` value per step,
``H_out`` hidden size.
"""

# %%
# Sliding windows with ``unfold``
# -------------------------------
# ``series.unfold(0, size, step)`` cuts a 1-D series of ``T`` values into every window of
# ``size`` consecutive values, ``(T - size + 1, size)`` with ``step=1``. Each window is ``W``
# inputs followed by the ``k`` values to predict. The windows are views of ``series``: no
# value is copied.
import math

import torch
from torch import nn

torch.manual_seed(0)

T, W, k, H_in, H_out = 120, 20, 10, 1, 16
series = torch.sin(math.pi / 19 * torch.arange(T, dtype=torch.float32))  # (T,)
windows = series.unfold(0, W + k, 1)  # (N, W + k)
N = windows.shape[0]
x = windows[:, :W].unsqueeze(-1)  # (N, W, H_in): the LSTM wants a feature axis
print(f"series:  {tuple(series.shape)}  (T,)")
print(f"windows: {tuple(windows.shape)}  (N, W + k) with N = T - (W + k) + 1")
print(f"x:       {tuple(x.shape)}  (N, W, H_in)")
assert windows.shape == (T - (W + k) + 1, W + k)
assert x.shape == (N, W, H_in)
assert torch.equal(windows[1, :-1], windows[0, 1:])  # each window: the previous one, shifted
assert windows.data_ptr() == series.data_ptr()  # a view, not a copy

# %%
# Many-to-one: one value after the window
# ---------------------------------------
# The output at the last step has read the whole window; a ``Linear(H_out, 1)`` head turns it
# into one prediction per window, ``(N, 1)``. The target is the value right after the window.
lstm = nn.LSTM(H_in, H_out, batch_first=True)
head = nn.Linear(H_out, 1)
output, (h_n, c_n) = lstm(x)  # output: (N, W, H_out)
prediction = head(output[:, -1])  # (N, 1)
target = windows[:, W]  # (N,): indexing one column drops the axis
print(f"output:     {tuple(output.shape)}  (N, W, H_out)")
print(f"prediction: {tuple(prediction.shape)}  (N, 1)")
print(f"target:     {tuple(target.shape)}  (N,)")
assert output.shape == (N, W, H_out)
assert prediction.shape == (N, 1)
assert target.shape == (N,)

# %%
# ``(N, 1)`` against ``(N,)``: ``MSELoss`` broadcasts
# ---------------------------------------------------
# The two shapes hold the same ``N`` numbers, but broadcasting pairs every prediction with
# every target, a ``(N, N)`` table of differences, and averages that. PyTorch warns and then
# returns the wrong loss:
import warnings

loss_fn = nn.MSELoss()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = loss_fn(prediction, target)
messages = [str(w.message) for w in caught]
print("\n".join(messages))
assert any(m.startswith("Using a target size (torch.Size([") for m in messages)
assert any("This will likely lead to incorrect results due to broadcasting" in m for m in messages)
all_pairs = (prediction - target).pow(2)  # (N, 1) - (N,) -> (N, N)
print(f"prediction - target: {tuple(all_pairs.shape)}  (N, N), every prediction with every target")
assert all_pairs.shape == (N, N)
assert torch.equal(wrong, all_pairs.mean())

# %%
# Give the target the prediction's shape (``target.unsqueeze(-1)``, or index with a slice,
# ``windows[:, W : W + 1]``) and the warning goes away; the loss is now the mean over ``N``
# pairs, and it is a different number:
target = windows[:, W : W + 1]  # (N, 1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    right = loss_fn(prediction, target)
print(f"target: {tuple(target.shape)}  (N, 1), warnings: {len(caught)}")
print(f"wrong loss equals right loss: {torch.equal(wrong, right)}")
assert target.shape == prediction.shape == (N, 1)
assert not caught
assert not torch.equal(wrong, right)

# %%
# Many-to-many: a prediction after every step
# --------------------------------------------
# The same head on every step of ``output`` gives ``(N, W, 1)``: at step ``t`` the model has
# read the window up to ``t`` and predicts the value at ``t + 1``. The targets are the window
# shifted by one step, with the same three axes.
predictions = head(output)  # (N, W, 1)
targets = windows[:, 1 : W + 1].unsqueeze(-1)  # (N, W, 1)
print(f"predictions: {tuple(predictions.shape)}  (N, W, 1)")
print(f"targets:     {tuple(targets.shape)}  (N, W, 1)")
assert predictions.shape == targets.shape == (N, W, 1)
assert torch.allclose(predictions[:, -1], prediction)  # the many-to-one prediction is the last one

# %%
# Multi-step, direct: a head of size ``k``
# ----------------------------------------
# To predict ``k`` values at once, the head has ``k`` outputs and reads the last step only.
# Prediction and target are ``(N, k)``: one row per window, one column per step ahead.
direct_head = nn.Linear(H_out, k)
direct = direct_head(output[:, -1])  # (N, k)
targets_k = windows[:, W:]  # (N, k)
print(f"direct:    {tuple(direct.shape)}  (N, k)")
print(f"targets_k: {tuple(targets_k.shape)}  (N, k)")
assert direct.shape == targets_k.shape == (N, k)

# %%
# Multi-step, autoregressive: feeding predictions back
# ----------------------------------------------------
# A one-step model can forecast ``k`` steps too: read the window, predict one value, give that
# value back to the LSTM as the next input, ``(N, 1, H_in)``, together with the state
# ``(h, c)`` it returned, and repeat. The state carries the whole window, so each step reads only
# one new value.


def autoregressive(x: torch.Tensor, steps: int) -> torch.Tensor:
    """Forecast ``steps`` values after each window of ``x`` (N, W, H_in): ``(N, steps, H_in)``."""
    output, state = lstm(x)  # read the window once
    step_input = head(output[:, -1:])  # (N, 1, H_in): the first predicted value
    forecast = [step_input]
    for _ in range(steps - 1):
        output, state = lstm(step_input, state)  # one step: (N, 1, H_in) in, (N, 1, H_out) out
        step_input = head(output)  # (N, 1, H_in)
        forecast.append(step_input)
    return torch.cat(forecast, dim=1)


step_output, (h_1, c_1) = lstm(head(output[:, -1:]), (h_n, c_n))
print(f"one step in:  {tuple(head(output[:, -1:]).shape)}  (N, 1, H_in)")
print(f"one step out: {tuple(step_output.shape)}  (N, 1, H_out), h {tuple(h_1.shape)}")
assert head(output[:, -1:]).shape == (N, 1, H_in)
assert step_output.shape == (N, 1, H_out)
assert h_1.shape == c_1.shape == (1, N, H_out)
fed_back = autoregressive(x, k)
print(f"autoregressive: {tuple(fed_back.shape)}  (N, k, H_in)")
assert fed_back.shape == (N, k, H_in)
assert torch.allclose(fed_back[:, 0], prediction)  # its first step is the one-step prediction

# %%
# Training both, then forecasting
# -------------------------------
# The one-step model (``lstm`` and ``head``) learns from the many-to-many targets; the direct
# model (its own LSTM and the size-``k`` head) from the ``(N, k)`` targets. Every loss compares
# equal shapes; ``MSELoss`` would warn otherwise, and with ``warnings`` turned into errors here
# a mismatch stops the script.
direct_lstm = nn.LSTM(H_in, H_out, batch_first=True)
one_step_params = [*lstm.parameters(), *head.parameters()]
direct_params = [*direct_lstm.parameters(), *direct_head.parameters()]
opt_one = torch.optim.Adam(one_step_params, lr=0.02)
opt_direct = torch.optim.Adam(direct_params, lr=0.02)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for _ in range(150):
        opt_one.zero_grad()
        loss_one = loss_fn(head(lstm(x)[0]), targets)  # (N, W, 1) against (N, W, 1)
        loss_one.backward()
        opt_one.step()
        opt_direct.zero_grad()
        loss_direct = loss_fn(direct_head(direct_lstm(x)[0][:, -1]), targets_k)  # (N, k), (N, k)
        loss_direct.backward()
        opt_direct.step()

with torch.no_grad():
    fed_back = autoregressive(x, k)[..., 0]  # (N, k)
    direct = direct_head(direct_lstm(x)[0][:, -1])  # (N, k)
error_fed_back = (fed_back - targets_k).abs().max()
error_direct = (direct - targets_k).abs().max()
print(
    f"both forecasts within 0.2 of the wave, {k} steps ahead, in all {N} windows: "
    f"{bool(error_fed_back < 0.2 and error_direct < 0.2)}"
)
assert fed_back.shape == direct.shape == targets_k.shape == (N, k)
assert error_fed_back < 0.2
assert error_direct < 0.2

# %%
# The picture shows one window, its true continuation and both forecasts.
import matplotlib.pyplot as plt

n = 5
fig, ax = plt.subplots(figsize=(8, 3.5), layout="constrained")
ax.plot(range(W), x[n, :, 0], color="0.3", marker=".", label=f"window x[{n}] (W = {W})")
ax.plot(range(W, W + k), targets_k[n], color="0.6", lw=4, label="truth")
ax.plot(range(W, W + k), direct[n], "s", color="C0", label="direct: head of size k")
ax.plot(range(W, W + k), fed_back[n], "o", color="C3", label="autoregressive: fed back")
ax.axvline(W - 0.5, color="0.7", ls="--")
ax.set_title(f"forecasting k = {k} steps: predictions {tuple(direct.shape)} per batch")
ax.set_xlabel("time step in the window")
ax.set_ylabel("value")
ax.legend(loc="lower left", fontsize="small")
plt.show()

# %%
# The whole model
# ---------------
# In a project the LSTM and its head live in one ``nn.Module``. This class is the one-step
# model of this page, many-to-many: with the trained weights loaded it returns exactly
# ``head(lstm(x)[0])``. The :ref:`trace page <trace-gallery-models>` runs it with a hook on
# every submodule and lists the shape of every tensor it makes.


class Forecaster(nn.Module):
    """An LSTM and a one-value head on every step: (N, W, H_in) in, (N, W, 1) out."""

    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.lstm(x)  # (N, W, H_out)
        return self.head(output)  # (N, W, 1)


forecaster = Forecaster(H_in, H_out)
forecaster.lstm.load_state_dict(lstm.state_dict())
forecaster.head.load_state_dict(head.state_dict())
with torch.no_grad():
    forecasts = forecaster(x)
    same = torch.equal(forecasts, head(lstm(x)[0]))
print(f"forecaster(x): {tuple(forecasts.shape)}  (N, W, 1), equal to head(lstm(x)[0]): {same}")
assert forecasts.shape == targets.shape == (N, W, 1)
assert same

# %%
# See also
# --------
# - :ref:`example-train-sine` trains the blog's RNN on the same wave, many-to-many.
# - :ref:`example-heads` covers heads for one label per sequence and per step.
# - Try the forecaster's LSTM, with this batch's ``N`` and ``W``, in the `shape calculator
#   <../../calculator.html?mode=LSTM&input_size=1&hidden_size=16&batch_first=1&batch=91
#   &seq_len=20>`__; the autoregressive steps are the same LSTM with ``seq_len=1``.
# - PyTorch's reference for `Tensor.unfold
#   <https://pytorch.org/docs/stable/generated/torch.Tensor.unfold.html>`_ and `nn.MSELoss
#   <https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html>`_.
