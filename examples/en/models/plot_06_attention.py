"""
.. _example-models-attention:

Attention over the encoder's outputs
====================================

The bridge of :ref:`example-models-seq2seq` squeezes a whole source sequence into one
hidden state. Attention lets every decoder step look back at *all* of the encoder's outputs:
it scores each source step against the decoder's current state, turns the scores into weights
with a softmax, and takes the weighted sum of the encoder's outputs, the *context vector*.

Everything here is shapes: which axis the softmax runs over, where padded steps are masked,
what ``torch.bmm`` wants, and what changes when the encoder is sequence-first. Symbols: ``N``
batch size, ``L`` the longest source length, ``H_in`` source features, ``H`` the encoder's
hidden size, ``D`` its directions (2), ``A`` the size of the additive score's hidden layer.
"""

# %%
# Encoder outputs of a padded batch
# ---------------------------------
# Three source sequences of different lengths, padded and packed, go through a bidirectional
# GRU. ``enc_out`` is ``(N, L, D * H)`` with zeros at the padded steps.
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

H_in, H, D, A = 4, 6, 2, 5
lengths = torch.tensor([7, 4, 6])
sources = [torch.randn(int(n), H_in) for n in lengths]
N, L = len(sources), int(lengths.max())

encoder = nn.GRU(H_in, H, bidirectional=True, batch_first=True)
padded = pad_sequence(sources, batch_first=True)
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
enc_out, _ = pad_packed_sequence(encoder(packed)[0], batch_first=True)
mask = torch.arange(L) < lengths[:, None]  # True at real steps

print(f"enc_out: {tuple(enc_out.shape)}  (N, L, D * H)")
print(f"mask:    {tuple(mask.shape)}  (N, L)")
assert enc_out.shape == (N, L, D * H)
assert mask.shape == (N, L)
assert torch.equal(enc_out[~mask], torch.zeros(int((~mask).sum()), D * H))

# %%
# The query is the decoder's current hidden state, one vector per sequence. For dot-product
# scores it needs as many features as an encoder output, ``D * H``.
query = torch.randn(N, D * H)
print(f"query: {tuple(query.shape)}  (N, D * H)")
assert query.shape == (N, D * H)

# %%
# Dot-product scores with ``bmm``
# -------------------------------
# ``torch.bmm`` multiplies two batches of matrices, ``(N, n, m)`` by ``(N, m, p)``. Both
# arguments must be 3-D, so the query becomes a column, ``(N, D * H, 1)``. Passed as it is,
# the 2-D query is refused:
try:
    torch.bmm(enc_out, query)
except RuntimeError as err:  # bmm takes only 3-D tensors
    message = str(err)
else:
    raise AssertionError("bmm accepted a 2-D query")
print(message)
assert message == "batch2 must be a 3D tensor"

# %%
# With the column, each sequence's ``(L, D * H)`` outputs times its ``(D * H, 1)`` query gives
# one score per step:
scores_dot = torch.bmm(enc_out, query.unsqueeze(2)).squeeze(2)
print(f"bmm(enc_out, query.unsqueeze(2)): {tuple(torch.bmm(enc_out, query.unsqueeze(2)).shape)}")
print(f"scores_dot: {tuple(scores_dot.shape)}  (N, L)")
assert scores_dot.shape == (N, L)
assert torch.allclose(scores_dot, (enc_out * query[:, None, :]).sum(dim=2), atol=1e-6)

# %%
# Additive scores
# ---------------
# Additive (Bahdanau) attention puts the encoder outputs and the query through a small layer:
# ``v · tanh(W_enc h_s + W_dec q)``. The query's projection gets a time axis of size one,
# ``(N, 1, A)``, and broadcasts against the encoder's ``(N, L, A)``. It does not need the
# query to match ``D * H``: here the decoder state has ``H_dec`` features.
H_dec = 8
decoder_state = torch.randn(N, H_dec)
W_enc = nn.Linear(D * H, A, bias=False)
W_dec = nn.Linear(H_dec, A)
v = nn.Linear(A, 1, bias=False)

hidden = torch.tanh(W_enc(enc_out) + W_dec(decoder_state).unsqueeze(1))
scores_add = v(hidden).squeeze(2)
print(f"W_enc(enc_out):                    {tuple(W_enc(enc_out).shape)}  (N, L, A)")
print(f"W_dec(decoder_state).unsqueeze(1): {tuple(W_dec(decoder_state).unsqueeze(1).shape)}")
print(f"scores_add: {tuple(scores_add.shape)}  (N, L)")
assert W_enc(enc_out).shape == hidden.shape == (N, L, A)
assert W_dec(decoder_state).unsqueeze(1).shape == (N, 1, A)
assert scores_add.shape == (N, L)

# %%
# Masking the padded steps
# ------------------------
# A padded step's output is zero, so its dot-product score is exactly zero, not "nothing". A
# softmax gives such a step a weight like any other:
unmasked = torch.softmax(scores_dot, dim=1)
print(
    f"padded steps with a weight above zero: {int((unmasked[~mask] > 0).sum())} of {int((~mask).sum())}"
)
assert (unmasked[~mask] > 0).all()

# %%
# Fill the padded positions with ``-inf`` before the softmax: ``exp(-inf)`` is zero, so they
# get no weight, and each row still sums to one over its real steps. The softmax runs over the
# source axis, ``dim=1``; ``dim=0`` would compare different sequences with each other.
weights_dot = torch.softmax(scores_dot.masked_fill(~mask, float("-inf")), dim=1)
weights_add = torch.softmax(scores_add.masked_fill(~mask, float("-inf")), dim=1)
print(f"weights_dot: {tuple(weights_dot.shape)}  (N, L)")
print(f"padded steps with a weight above zero: {int((weights_dot[~mask] > 0).sum())}")
print("every row sums to one:", torch.allclose(weights_dot.sum(dim=1), torch.ones(N)))
assert weights_dot.shape == weights_add.shape == (N, L)
assert torch.equal(weights_dot[~mask], torch.zeros(int((~mask).sum())))
assert torch.equal(weights_add[~mask], torch.zeros(int((~mask).sum())))
assert torch.allclose(weights_dot.sum(dim=1), torch.ones(N))

# %%
# The context vector
# ------------------
# The weights become a row, ``(N, 1, L)``, and ``bmm`` with ``(N, L, D * H)`` sums the
# encoder's outputs, giving ``(N, 1, D * H)``: one context vector per sequence, the size of an
# encoder output. A typical decoder joins it with its own state before the output head.
context = torch.bmm(weights_dot.unsqueeze(1), enc_out).squeeze(1)
print(f"weights_dot.unsqueeze(1): {tuple(weights_dot.unsqueeze(1).shape)}  (N, 1, L)")
print(f"context: {tuple(context.shape)}  (N, D * H)")
assert context.shape == (N, D * H)
assert torch.allclose(context, (weights_dot.unsqueeze(2) * enc_out).sum(dim=1), atol=1e-6)

combined = torch.cat((context, query), dim=1)
print(f"torch.cat((context, query), dim=1): {tuple(combined.shape)}  (N, 2 * D * H)")
assert combined.shape == (N, 2 * D * H)

# %%
# The picture shows both sets of weights, drawn from ``weights_dot`` and ``weights_add``. The
# crossed cells are padding: weight zero, and every row sums to one.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(8, 2.8), layout="constrained", sharey=True)
for ax, (title, weights) in zip(
    axes, [("dot-product", weights_dot), ("additive", weights_add)], strict=True
):
    image = ax.imshow(weights.detach().numpy(), cmap="viridis", vmin=0, vmax=1, aspect="auto")
    for i, t in (~mask).nonzero().tolist():
        ax.text(t, i, "×", ha="center", va="center", color="white")
    ax.set_title(f"{title} weights {tuple(weights.shape)} (N, L)")
    ax.set_xlabel("source step")
    ax.set_xticks(range(L))
    ax.set_yticks(range(N))
axes[0].set_ylabel("sequence")
fig.colorbar(image, ax=axes, label="attention weight")
plt.show()

# %%
# Sequence-first encoder outputs
# ------------------------------
# Without ``batch_first=True`` the encoder's outputs are ``(L, N, D * H)``. ``bmm`` treats the
# first axis as the batch, so it now pairs source steps with queries and refuses:
enc_out_seq, _ = pad_packed_sequence(
    encoder(pack_padded_sequence(padded.transpose(0, 1), lengths, enforce_sorted=False))[0]
)
print(f"enc_out_seq: {tuple(enc_out_seq.shape)}  (L, N, D * H)")
assert enc_out_seq.shape == (L, N, D * H)
try:
    torch.bmm(enc_out_seq, query.unsqueeze(2))
except RuntimeError as err:  # the batch axes differ: L source steps against N queries
    message = str(err)
else:
    raise AssertionError("bmm accepted sequence-first outputs")
print(message)
assert message.startswith("Expected size for first two dimensions of batch2 tensor")

# %%
# Had ``L`` equalled ``N`` there would have been no error, only scores of the wrong
# sequences. Either move the batch axis first with ``transpose(0, 1)``, or name the axes with
# ``einsum``, which works for either layout once you say which one you have:
scores_seq = torch.bmm(enc_out_seq.transpose(0, 1), query.unsqueeze(2)).squeeze(2)
scores_einsum = torch.einsum("lnf,nf->nl", enc_out_seq, query)
print(f"scores from sequence-first outputs: {tuple(scores_seq.shape)}  (N, L)")
assert scores_seq.shape == scores_einsum.shape == (N, L)
assert torch.allclose(scores_seq, scores_dot, atol=1e-6)
assert torch.allclose(scores_einsum, scores_dot, atol=1e-6)
print("same scores as the batch-first encoder:", torch.allclose(scores_seq, scores_dot, atol=1e-6))

# %%
# The whole model
# ---------------
# The packed encoder, the mask and additive attention in one module: it takes the padded
# sources, their lengths and the decoder's state, and returns the context vectors and the
# weights. With this page's weights loaded, its weights are ``weights_add``. The :ref:`trace
# page <trace-gallery-models>` traces it: the encoder's row shows the packed data and its
# ``batch_sizes``, the rows of ``W_enc``, ``W_dec`` and ``v`` the shapes of the scores.


class AdditiveAttention(nn.Module):
    """A packed bidirectional GRU encoder and additive attention for one decoder state."""

    def __init__(self, input_size: int, hidden_size: int, attn_size: int, query_size: int) -> None:
        super().__init__()
        self.encoder = nn.GRU(input_size, hidden_size, bidirectional=True, batch_first=True)
        self.W_enc = nn.Linear(2 * hidden_size, attn_size, bias=False)
        self.W_dec = nn.Linear(query_size, attn_size)
        self.v = nn.Linear(attn_size, 1, bias=False)

    def forward(
        self, padded: torch.Tensor, lengths: torch.Tensor, state: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
        enc_out, _ = pad_packed_sequence(self.encoder(packed)[0], batch_first=True)  # (N, L, D * H)
        mask = torch.arange(enc_out.shape[1]) < lengths[:, None]  # (N, L)
        hidden = torch.tanh(self.W_enc(enc_out) + self.W_dec(state).unsqueeze(1))  # (N, L, A)
        scores = self.v(hidden).squeeze(2).masked_fill(~mask, float("-inf"))  # (N, L)
        weights = torch.softmax(scores, dim=1)  # (N, L)
        context = torch.bmm(weights.unsqueeze(1), enc_out).squeeze(1)  # (N, D * H)
        return context, weights


attention = AdditiveAttention(H_in, H, A, H_dec)
attention.encoder.load_state_dict(encoder.state_dict())
attention.W_enc.load_state_dict(W_enc.state_dict())
attention.W_dec.load_state_dict(W_dec.state_dict())
attention.v.load_state_dict(v.state_dict())
with torch.no_grad():
    context_add, weights = attention(padded, lengths, decoder_state)
print(f"context: {tuple(context_add.shape)}  (N, D * H), weights: {tuple(weights.shape)}  (N, L)")
print("equal to weights_add:", torch.allclose(weights, weights_add, atol=1e-6))
assert context_add.shape == (N, D * H)
assert weights.shape == (N, L)
assert torch.allclose(weights, weights_add, atol=1e-6)

# %%
# See also
# --------
# - :ref:`example-packed-sequences` for padding, packing and the mask.
# - :ref:`example-batch-axis` for ``batch_first`` and the hidden state's fixed layout.
# - PyTorch's reference for `torch.bmm <https://pytorch.org/docs/stable/generated/torch.bmm.html>`_
#   and `torch.nn.functional.softmax
#   <https://pytorch.org/docs/stable/generated/torch.nn.functional.softmax.html>`_.
# - Try the encoder in the `shape calculator <../../calculator.html?mode=GRU&input_size=4
#   &hidden_size=6&bidirectional=1&batch_first=1&batch=3&seq_len=7>`__.
