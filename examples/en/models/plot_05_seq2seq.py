"""
.. _example-models-seq2seq:

Encoder–decoder: bridging a bidirectional encoder to its decoder
================================================================

A sequence-to-sequence model reads a source sequence with an *encoder* and writes a target
sequence with a *decoder* that starts from the encoder's final hidden state. The encoder is
often bidirectional and stacked; the decoder cannot be bidirectional (it writes one step at a
time and cannot read the future), so the encoder's ``h_n`` does not fit it as it is.

This example makes that mistake for real, then builds three bridges from the encoder's
``h_n`` to the decoder's ``h_0``, and finally trains with teacher forcing one step at a time.
Symbols: ``N`` batch size, ``L_src`` and ``L_tgt`` source and target lengths, ``H_in`` source
features, ``H`` the encoder's hidden size, ``D`` its directions (2), ``V`` the target
vocabulary, ``E`` the target embedding size.
"""

# %%
# A bidirectional, two-layer encoder
# ----------------------------------
# Both networks are GRUs: one hidden state each, so every bridge below is a single tensor.
# (An LSTM needs the same bridge twice, for ``h_n`` and ``c_n``; see the end of the page.)
import torch
from torch import nn

torch.manual_seed(0)

N, L_src, L_tgt = 3, 7, 5  # batch, source length, target length
H_in, H, num_layers, D = 4, 6, 2, 2  # source features, encoder hidden size, layers, directions
V, E = 10, 5  # target vocabulary, target embedding size

encoder = nn.GRU(H_in, H, num_layers=num_layers, bidirectional=True, batch_first=True)
source = torch.randn(N, L_src, H_in)
enc_out, h_n = encoder(source)

print(f"source:  {tuple(source.shape)}  (N, L_src, H_in)")
print(f"enc_out: {tuple(enc_out.shape)}  (N, L_src, D * H)")
print(f"h_n:     {tuple(h_n.shape)}  (num_layers * D, N, H)")
assert source.shape == (N, L_src, H_in)
assert enc_out.shape == (N, L_src, D * H)
assert h_n.shape == (num_layers * D, N, H)

# %%
# The decoder reads target tokens through an embedding and has the same number of layers, but
# one direction. Its ``h_0`` must be ``(num_layers, N, H_dec)``.
embed = nn.Embedding(V, E)
decoder = nn.GRU(E, H, num_layers=num_layers, batch_first=True)
head = nn.Linear(H, V)

target = torch.randint(1, V, (N, L_tgt))  # token ids; 0 is the start token below
y0 = embed(torch.zeros(N, 1, dtype=torch.long))  # the start token for every sequence
print(f"target: {tuple(target.shape)}  (N, L_tgt)")
print(f"y0:     {tuple(y0.shape)}  (N, 1, E), one decoder step")
assert target.shape == (N, L_tgt)
assert y0.shape == (N, 1, E)

# %%
# Why ``h_n`` does not fit
# ------------------------
# ``h_n`` holds one row per layer *and* direction, ``num_layers * D`` rows, while the decoder
# expects ``num_layers``. PyTorch checks the hidden state's shape before it runs:
try:
    decoder(y0, h_n)
except RuntimeError as err:  # the decoder expects num_layers rows, h_n has num_layers * D
    message = str(err)
else:
    raise AssertionError("the decoder accepted the encoder's h_n")
print(message)
assert message.startswith("Expected hidden size")

# %%
# The catalogue explains this message under `h_0 has the wrong shape
# <../../errors.html#error-hidden-size-mismatch>`__. Before bridging, split the first axis
# into its two parts. It runs layer by layer and, within a layer, forward first, so
# ``view(num_layers, D, N, H)`` gives ``[layer, direction]``. The last layer's forward state is
# the forward half of ``enc_out`` at the last step, its backward state the backward half at
# step 0:
h_split = h_n.view(num_layers, D, N, H)
print(f"h_n.view(num_layers, D, N, H): {tuple(h_split.shape)}")
assert h_split.shape == (num_layers, D, N, H)
assert torch.equal(h_split[-1, 0], enc_out[:, -1, :H])
assert torch.equal(h_split[-1, 1], enc_out[:, 0, H:])
print("h_split[-1, 0] is enc_out[:, -1, :H], h_split[-1, 1] is enc_out[:, 0, H:]")

# %%
# Bridge 1: sum the two directions
# --------------------------------
# Adding the directions layer by layer keeps ``H`` features: no parameters, and the decoder's
# hidden size must equal the encoder's.
h0_sum = h_split.sum(dim=1)
print(f"h0_sum: {tuple(h0_sum.shape)}  (num_layers, N, H)")
assert h0_sum.shape == (num_layers, N, H)
assert torch.equal(h0_sum, h_n[0::2] + h_n[1::2])  # even rows forward, odd rows backward

out_sum, h_sum = decoder(y0, h0_sum)
print(f"decoder output: {tuple(out_sum.shape)}  (N, 1, H)")
assert out_sum.shape == (N, 1, H)

# %%
# Bridge 2: concatenate, then a Linear layer
# ------------------------------------------
# Putting the directions side by side gives ``D * H`` features per layer. Move the direction
# axis next to the features before merging them: ``permute(0, 2, 1, 3)`` makes
# ``(num_layers, N, D, H)``, and ``reshape`` joins the last two axes. A learned ``Linear`` then
# maps ``D * H`` to any decoder size ``H_dec``.
h_cat = h_split.permute(0, 2, 1, 3).reshape(num_layers, N, D * H)
print(f"h_cat: {tuple(h_cat.shape)}  (num_layers, N, D * H)")
assert h_cat.shape == (num_layers, N, D * H)
assert torch.equal(h_cat[:, :, :H], h_split[:, 0])  # forward half
assert torch.equal(h_cat[:, :, H:], h_split[:, 1])  # backward half

H_dec = 8
bridge = nn.Linear(D * H, H_dec)
h0_linear = torch.tanh(bridge(h_cat))
decoder_8 = nn.GRU(E, H_dec, num_layers=num_layers, batch_first=True)
out_linear, _ = decoder_8(y0, h0_linear)
print(f"h0_linear: {tuple(h0_linear.shape)}  (num_layers, N, H_dec)")
print(f"decoder output: {tuple(out_linear.shape)}  (N, 1, H_dec)")
assert h0_linear.shape == (num_layers, N, H_dec)
assert out_linear.shape == (N, 1, H_dec)

# %%
# Bridge 3: per-layer reshape, a decoder twice as wide
# ----------------------------------------------------
# ``h_cat`` can also go into the decoder untouched if the decoder's hidden size is ``D * H``.
# No parameters, but the order of operations matters. The tempting one-liner
# ``h_n.view(num_layers, N, D * H)`` has the right shape and the wrong contents: it reads rows
# straight through memory, so each "layer" gets pieces of different sequences.
h_wrong = h_n.view(num_layers, N, D * H)
print(f"h_n.view(num_layers, N, D * H): {tuple(h_wrong.shape)}, same shape as h_cat")
print("same values as h_cat:", torch.equal(h_wrong, h_cat))
assert h_wrong.shape == h_cat.shape
assert not torch.equal(h_wrong, h_cat)

decoder_wide = nn.GRU(E, D * H, num_layers=num_layers, batch_first=True)
out_wide, _ = decoder_wide(y0, h_cat)
print(f"decoder output: {tuple(out_wide.shape)}  (N, 1, D * H)")
assert out_wide.shape == (N, 1, D * H)

# %%
# The picture makes the difference visible. Each entry of ``h_n`` is replaced by the number of
# the sequence it belongs to, and the same ``permute``/``reshape`` and the plain ``view`` are
# applied to that tensor. The correct bridge keeps every row of the decoder's state inside one
# sequence; the plain ``view`` mixes sequences within a row.
import matplotlib.pyplot as plt

owner = torch.arange(N).view(1, N, 1).expand(num_layers * D, N, H).contiguous()
owner_cat = owner.view(num_layers, D, N, H).permute(0, 2, 1, 3).reshape(num_layers * N, D * H)
owner_wrong = owner.view(num_layers * N, D * H)

fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained", sharey=True)
panels = [
    ("permute(0, 2, 1, 3).reshape(...)", owner_cat),
    ("view(num_layers, N, D * H)", owner_wrong),
]
for ax, (title, owners) in zip(axes, panels, strict=True):
    ax.imshow(owners.numpy(), cmap="tab10", vmin=0, vmax=9, aspect="auto")
    ax.set_title(f"{title}\n{tuple(h_cat.shape)} (num_layers, N, D * H)")
    ax.set_xlabel("feature (forward | backward)")
    ax.axvline(H - 0.5, color="white", lw=2)
    ax.set_yticks(range(num_layers * N))
    ax.set_yticklabels([f"layer {r // N}, seq {r % N}" for r in range(num_layers * N)])
axes[0].set_ylabel("row of the decoder's h_0")
fig.suptitle("colour = which sequence the value came from")
plt.show()

# %%
# Teacher forcing, one step at a time
# -----------------------------------
# During training the decoder does not read its own predictions: at step ``t`` it reads the
# *true* token of step ``t - 1`` (the start token at step 0). Each step is a batch of one-step
# sequences, ``(N, 1, E)``, and returns ``(N, 1, H)``; the head turns that into ``(N, 1, V)``
# scores. Bridge 1 starts the loop.
decoder_in = torch.cat((torch.zeros(N, 1, dtype=torch.long), target[:, :-1]), dim=1)
print(f"decoder_in: {tuple(decoder_in.shape)}  (N, L_tgt), target shifted right by one")
assert decoder_in.shape == (N, L_tgt)

h = h0_sum
step_logits = []
for t in range(L_tgt):
    y_t = embed(decoder_in[:, t : t + 1])  # (N, 1): keep the time axis
    out_t, h = decoder(y_t, h)
    logits_t = head(out_t)
    print(
        f"step {t}: y_t {tuple(y_t.shape)}, out_t {tuple(out_t.shape)}, "
        f"h {tuple(h.shape)}, logits_t {tuple(logits_t.shape)}"
    )
    assert y_t.shape == (N, 1, E)
    assert out_t.shape == (N, 1, H)
    assert h.shape == (num_layers, N, H)
    assert logits_t.shape == (N, 1, V)
    step_logits.append(logits_t)

logits = torch.cat(step_logits, dim=1)
print(f"logits: {tuple(logits.shape)}  (N, L_tgt, V)")
assert logits.shape == (N, L_tgt, V)

# %%
# Because the inputs are known in advance, the loop is not needed for training: one call over
# the whole shifted target gives the same scores. The loop is what inference does, feeding the
# prediction of step ``t`` back in at step ``t + 1``.
out_all, _ = decoder(embed(decoder_in), h0_sum)
logits_all = head(out_all)
print(f"one call: {tuple(logits_all.shape)}  (N, L_tgt, V)")
print("equals the step-by-step scores:", torch.allclose(logits_all, logits, atol=1e-6))
assert logits_all.shape == logits.shape
assert torch.allclose(logits_all, logits, atol=1e-6)

# %%
# ``nn.CrossEntropyLoss`` wants the classes on axis 1, ``(N, V, L_tgt)`` against targets
# ``(N, L_tgt)``:
loss = nn.functional.cross_entropy(logits.transpose(1, 2), target)
print(f"logits.transpose(1, 2): {tuple(logits.transpose(1, 2).shape)}  (N, V, L_tgt)")
print(f"loss: {tuple(loss.shape)}  a scalar")
assert loss.shape == ()

# %%
# The same mistake with LSTMs
# ---------------------------
# An LSTM encoder returns ``(h_n, c_n)``, both ``(num_layers * D, N, H)``. The LSTM's message
# names ``hidden[0]``, the first tensor of the tuple (the catalogue's `LSTM h_0 of the wrong
# size <../../errors.html#error-lstm-h0-size-mismatch>`__); bridge both tensors the same way.
lstm_encoder = nn.LSTM(H_in, H, num_layers=num_layers, bidirectional=True, batch_first=True)
lstm_decoder = nn.LSTM(E, H, num_layers=num_layers, batch_first=True)
_, (h_n_lstm, c_n_lstm) = lstm_encoder(source)
try:
    lstm_decoder(y0, (h_n_lstm, c_n_lstm))
except RuntimeError as err:  # the LSTM checks h_0 first and calls it hidden[0]
    message = str(err)
else:
    raise AssertionError("the LSTM decoder accepted the encoder's (h_n, c_n)")
print(message)
assert message.startswith("Expected hidden[0] size")


def sum_directions(state: torch.Tensor) -> torch.Tensor:
    """Bridge 1 for one state tensor: (num_layers * D, N, H) -> (num_layers, N, H)."""
    return state.view(num_layers, D, N, H).sum(dim=1)


out_lstm, (h_dec, c_dec) = lstm_decoder(y0, (sum_directions(h_n_lstm), sum_directions(c_n_lstm)))
print(
    f"LSTM decoder output: {tuple(out_lstm.shape)}, h {tuple(h_dec.shape)}, c {tuple(c_dec.shape)}"
)
assert out_lstm.shape == (N, 1, H)
assert h_dec.shape == c_dec.shape == (num_layers, N, H)

# %%
# The whole model
# ---------------
# The encoder, bridge 1 and the decoder with its embedding and head, in one module that
# reads a source and the shifted target and returns ``(N, L_tgt, V)`` scores. With this page's
# weights loaded it gives the scores of the one-call decoder above. The :ref:`trace page
# <trace-gallery-models>` traces it, and also the same model without the bridge, which stops
# at the decoder with the message of the first section.


class Seq2Seq(nn.Module):
    """A bidirectional GRU encoder, the sum of its directions as h_0, a GRU decoder."""

    def __init__(
        self, source_size: int, hidden_size: int, num_layers: int, vocab_size: int, embed_size: int
    ) -> None:
        super().__init__()
        self.encoder = nn.GRU(
            source_size, hidden_size, num_layers=num_layers, bidirectional=True, batch_first=True
        )
        self.embed = nn.Embedding(vocab_size, embed_size)
        self.decoder = nn.GRU(embed_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, vocab_size)

    def bridge(self, h_n: torch.Tensor) -> torch.Tensor:
        """Bridge 1: (num_layers * 2, N, H) to (num_layers, N, H), the directions summed."""
        return h_n.view(self.encoder.num_layers, 2, *h_n.shape[1:]).sum(dim=1)

    def forward(self, source: torch.Tensor, decoder_in: torch.Tensor) -> torch.Tensor:
        _, h_n = self.encoder(source)  # (num_layers * D, N, H)
        output, _ = self.decoder(self.embed(decoder_in), self.bridge(h_n))  # (N, L_tgt, H)
        return self.head(output)  # (N, L_tgt, V)


seq2seq = Seq2Seq(H_in, H, num_layers, V, E)
seq2seq.encoder.load_state_dict(encoder.state_dict())
seq2seq.embed.load_state_dict(embed.state_dict())
seq2seq.decoder.load_state_dict(decoder.state_dict())
seq2seq.head.load_state_dict(head.state_dict())
with torch.no_grad():
    scores = seq2seq(source, decoder_in)
print(f"seq2seq(source, decoder_in): {tuple(scores.shape)}  (N, L_tgt, V)")
print("equals the one-call scores:", torch.allclose(scores, logits_all, atol=1e-6))
assert scores.shape == (N, L_tgt, V)
assert torch.allclose(scores, logits_all, atol=1e-6)

# %%
# See also
# --------
# - :ref:`example-bidirectional` for the layout of ``h_n`` in a bidirectional network.
# - PyTorch's reference for `torch.nn.GRU
#   <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_ and `torch.nn.Embedding
#   <https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html>`_.
# - Try the encoder in the `shape calculator <../../calculator.html?mode=GRU&input_size=4
#   &hidden_size=6&num_layers=2&bidirectional=1&batch_first=1&batch=3&seq_len=7>`__, and the
#   decoder's single step in `another <../../calculator.html?mode=GRU&input_size=5
#   &hidden_size=6&num_layers=2&batch_first=1&batch=3&seq_len=1>`__.
