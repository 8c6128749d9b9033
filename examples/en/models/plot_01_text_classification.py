"""
.. _example-text-classification:

Text classification: embedding, padding, packed bidirectional LSTM
==================================================================

A sentence classifier is the first model most people build around an LSTM: token ids go through
an ``nn.Embedding``, a bidirectional LSTM reads the vectors, and a ``Linear`` layer turns the
final states into one score per class. The shapes of the LSTM are the easy part. The code
around it is where it breaks: sentences have different lengths, so the ``DataLoader`` needs a
``collate_fn`` that pads, the LSTM needs to know the lengths, and the classifier must read each
sentence's last *real* step, not a padding position.

Symbols: ``N`` batch size, ``L_max`` the longest sentence in the batch, ``V`` vocabulary size,
``E`` embedding size (the LSTM's ``H_in``), ``H_out`` hidden size, ``D = 2`` directions, ``C``
classes.
"""

# %%
# A vocabulary built from the data
# --------------------------------
# Eight short sentences, each labelled 1 (positive) or 0 (negative). The vocabulary gives every
# word an id; id 0 is reserved for padding and id 1 for words the vocabulary has never seen.
import torch
from torch import nn

torch.manual_seed(0)

sentences = [
    ("a great film", 1),
    ("the plot was dull and slow", 0),
    ("great acting", 1),
    ("a slow boring story", 0),
    ("the best film of the year", 1),
    ("dull", 0),
    ("the acting was great and the story was fun", 1),
    ("boring and far too long", 0),
]
PAD, UNK = 0, 1
words = sorted({word for text, _ in sentences for word in text.split()})
vocab = {"<pad>": PAD, "<unk>": UNK} | {word: i for i, word in enumerate(words, start=2)}
V = len(vocab)


def encode(text: str) -> torch.Tensor:
    """Token ids of one sentence, ``(L_i,)``: one id per word."""
    return torch.tensor([vocab.get(word, UNK) for word in text.split()])


print(f"vocabulary: {V} entries, {vocab['great']=}, {vocab['dull']=}")
print(f"encode('a great plot twist') = {encode('a great plot twist').tolist()}  (twist is <unk>)")
assert encode("a great plot twist").shape == (4,)
assert encode("a great plot twist")[-1] == UNK

# %%
# The dataset is a list of ``(token ids, label)`` pairs, each id tensor as long as its sentence.
dataset = [(encode(text), torch.tensor(label)) for text, label in sentences]
lengths_all = [len(ids) for ids, _ in dataset]
print(f"sentence lengths: {lengths_all}")
assert all(
    ids.shape == (len(text.split()),)
    for (ids, _), (text, _) in zip(dataset, sentences, strict=True)
)

# %%
# The default collate cannot batch sentences of different lengths
# ----------------------------------------------------------------
# A ``DataLoader`` without ``collate_fn`` stacks the samples of a batch with ``torch.stack``,
# which needs tensors of one size (the catalogue's `DataLoader cannot stack sequences of
# different lengths <../../errors.html#error-collate-unequal-lengths>`__):
from torch.utils.data import DataLoader

try:
    next(iter(DataLoader(dataset, batch_size=4)))
except RuntimeError as err:  # the first four sentences have 3, 6, 2 and 4 words
    message = str(err)
else:
    raise AssertionError("the default collate accepted sentences of different lengths")
print(message)
assert message.startswith("stack expects each tensor to be equal size")

# %%
# A ``collate_fn`` that pads and keeps the lengths
# ------------------------------------------------
# ``pad_sequence`` pads the id tensors to ``(N, L_max)`` with ``PAD``. The lengths must travel
# with the batch: without them nobody can tell a real step from padding later.
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence


def collate(batch: list[tuple[torch.Tensor, torch.Tensor]]):
    """Pad a list of ``(ids, label)`` into ``ids (N, L_max)``, ``lengths (N,)``, ``labels (N,)``."""
    ids, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(x) for x in ids])
    return pad_sequence(ids, batch_first=True, padding_value=PAD), lengths, torch.stack(labels)


loader = DataLoader(dataset, batch_size=4, collate_fn=collate)
ids, lengths, labels = next(iter(loader))
N, L_max = ids.shape
print(f"ids:     {tuple(ids.shape)}  (N, L_max)")
print(f"lengths: {tuple(lengths.shape)}  (N,)  {lengths.tolist()}")
print(f"labels:  {tuple(labels.shape)}  (N,)")
print(ids)
assert ids.shape == (N, L_max)
assert L_max == max(lengths_all[:N])
assert lengths.shape == (N,)
assert labels.shape == (N,)
assert torch.equal(ids[2, lengths[2] :], torch.full((L_max - int(lengths[2]),), PAD))

# %%
# ``padding_idx=0``: the padding token embeds to zeros
# ----------------------------------------------------
# ``nn.Embedding`` maps ``(N, L_max)`` ids to ``(N, L_max, E)`` vectors. With
# ``padding_idx=PAD`` the row of the padding token starts at zero and gets no gradient, so
# padding never learns to mean something.
E, H_out, D, C = 8, 16, 2, 2
embedding = nn.Embedding(V, E, padding_idx=PAD)
vectors = embedding(ids)
print(f"embedding(ids): {tuple(vectors.shape)}  (N, L_max, E)")
print(f"row of <pad> is all zeros: {bool((embedding.weight[PAD] == 0).all())}")
assert vectors.shape == (N, L_max, E)
assert torch.equal(vectors[2, lengths[2] :], torch.zeros(L_max - lengths[2], E))

# %%
# Packing, and what a bidirectional LSTM gives back
# -------------------------------------------------
# ``pack_padded_sequence`` takes the lengths (on the CPU; ``enforce_sorted=False`` because a
# shuffled batch is in no order). The packed output, padded back, is ``(N, L_max, D * H_out)``;
# ``h_n`` is ``(D * num_layers, N, H_out)``, the forward direction's final state first.
lstm = nn.LSTM(E, H_out, batch_first=True, bidirectional=True)
packed = pack_padded_sequence(vectors, lengths, batch_first=True, enforce_sorted=False)
packed_out, (h_n, c_n) = lstm(packed)
output, _ = pad_packed_sequence(packed_out, batch_first=True)
print(f"output: {tuple(output.shape)}  (N, L_max, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert output.shape == (N, L_max, D * H_out)
assert h_n.shape == c_n.shape == (D * lstm.num_layers, N, H_out)

# %%
# The trap: reading a padding position
# ------------------------------------
# ``output[:, -1]`` looks like "the last step", and for the longest sentence it is. For a short
# sentence the last column is padding, and ``pad_packed_sequence`` fills padding with zeros, so
# a classifier reading ``output[:, -1]`` sees nothing at all for that sentence. Take the
# shortest sentence of the batch:
i = int(lengths.argmin())
print(f"sentence {i} has {lengths[i]} of {L_max} steps real")
print(f"output[{i}, -1] is all zeros: {bool((output[i, -1] == 0).all())}")
assert (output[i, -1] == 0).all()

# %%
# The forward direction's last real step is at ``lengths - 1``; the backward direction reads
# each sentence from its end, so its last step is at position 0. Together they are exactly
# ``h_n`` of the last layer, which is why the classifier reads ``h_n``:
last_forward = output[torch.arange(N), lengths - 1, :H_out]  # (N, H_out)
last_backward = output[:, 0, H_out:]  # (N, H_out)
print(f"last_forward:  {tuple(last_forward.shape)}  (N, H_out)")
print(f"equals h_n[-2] (forward):  {torch.equal(last_forward, h_n[-2])}")
print(f"equals h_n[-1] (backward): {torch.equal(last_backward, h_n[-1])}")
print(f"output[:, -1, :H_out] equals h_n[-2]: {torch.equal(output[:, -1, :H_out], h_n[-2])}")
assert last_forward.shape == last_backward.shape == (N, H_out)
assert torch.equal(last_forward, h_n[-2])
assert torch.equal(last_backward, h_n[-1])
assert not torch.equal(output[:, -1, :H_out], h_n[-2])

# %%
# Without packing the padding is read for real
# --------------------------------------------
# Give the LSTM the padded vectors and it runs ``L_max`` steps for every sentence. Nothing fails
# and the shapes are the same, but a short sentence's final forward state is now the state after
# reading zeros, and the backward direction starts in the padding. Only the longest sentence,
# which has no padding, keeps its forward state:
_, (h_n_padded, _) = lstm(vectors)
assert h_n_padded.shape == h_n.shape
for n in range(N):
    same = torch.allclose(h_n_padded[-2, n], h_n[-2, n])
    print(f"sentence {n} (length {lengths[n]}): forward h_n unchanged without packing: {same}")
    assert same == bool(lengths[n] == L_max)

# %%
# The picture shows the size of every output vector in this batch: the forward half on the
# left, the backward half on the right. Padding columns are empty; the boxes mark the steps
# that make up ``h_n``, and the last column is what ``output[:, -1]`` would read.
import matplotlib.pyplot as plt

norms = output.detach().reshape(N, L_max, D, H_out).norm(dim=-1)  # (N, L_max, D)
fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), layout="constrained", sharey=True)
for d, (ax, name) in enumerate(zip(axes, ["forward", "backward"], strict=True)):
    image = ax.imshow(norms[:, :, d], cmap="viridis", vmin=0, aspect="auto")
    steps = lengths - 1 if d == 0 else torch.zeros(N, dtype=torch.long)
    for n in range(N):
        ax.add_patch(plt.Rectangle((steps[n] - 0.5, n - 0.5), 1, 1, fill=False, ec="red", lw=2))
    ax.axvline(L_max - 1.5, color="white", ls="--")
    ax.set_title(f"{name} half: |output[n, t]|, red = h_n")
    ax.set_xlabel("time step t (right of the dashed line: output[:, -1])")
    ax.set_xticks(range(L_max))
    ax.set_yticks(range(N))
axes[0].set_ylabel("sentence n")
fig.colorbar(image, ax=axes, label="vector norm")
plt.show()

# %%
# The whole model
# ---------------
# The same steps in one module. The classifier reads the concatenated final states,
# ``(N, D * H_out)``, and returns ``(N, C)`` scores.


class Classifier(nn.Module):
    def __init__(self, vocab_size: int, embed: int, hidden: int, classes: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed, padding_idx=PAD)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, classes)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        vectors = self.embedding(ids)  # (N, L_max, E)
        packed = pack_padded_sequence(vectors, lengths, batch_first=True, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)  # h_n: (D * num_layers, N, H_out)
        features = torch.cat([h_n[-2], h_n[-1]], dim=1)  # (N, D * H_out)
        return self.head(features)  # (N, C)


model = Classifier(V, E, H_out, C)
logits = model(ids, lengths)
print(f"logits: {tuple(logits.shape)}  (N, C)")
assert logits.shape == (N, C)

# %%
# Thirty passes over the eight sentences with a shuffling loader: ``CrossEntropyLoss`` takes the
# ``(N, C)`` scores and the ``(N,)`` labels. Eight sentences in batches of three leave a last
# batch of two in every epoch; nothing in the model depends on ``N``. Afterwards the model
# labels all eight sentences correctly, and the ``<pad>`` row of the embedding is still zero.
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = nn.CrossEntropyLoss()
train_loader = DataLoader(dataset, batch_size=3, shuffle=True, collate_fn=collate)
batch_sizes, losses = set(), []
for _epoch in range(30):
    for ids, lengths, labels in train_loader:
        loss = loss_fn(model(ids, lengths), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        batch_sizes.add(len(labels))
        losses.append(loss.item())
print(f"batch sizes seen: {sorted(batch_sizes)}")
print(f"<pad> embedding still all zeros: {bool((model.embedding.weight[PAD] == 0).all())}")
assert sorted(batch_sizes) == [2, 3]
assert (model.embedding.weight[PAD] == 0).all()

all_ids, all_lengths, all_labels = collate(dataset)
with torch.no_grad():
    predicted = model(all_ids, all_lengths).argmax(dim=1)
print(f"predicted: {predicted.tolist()}")
print(f"labels:    {all_labels.tolist()}")
assert predicted.shape == all_labels.shape == (len(dataset),)
assert torch.equal(predicted, all_labels)

fig, ax = plt.subplots(figsize=(6, 2.8), layout="constrained")
ax.plot(losses)
ax.set_xlabel("training step")
ax.set_ylabel("cross-entropy loss")
ax.set_title("training loss on the eight sentences")
plt.show()

# %%
# See also
# --------
# - :ref:`example-packed-sequences` explains ``PackedSequence`` itself, and
#   :ref:`example-bidirectional` why the backward direction ends at step 0.
# - Try this LSTM, with this batch's ``N`` and ``L_max``, in the `shape calculator
#   <../../calculator.html?mode=LSTM&input_size=8&hidden_size=16&batch_first=1&bidirectional=1
#   &batch=4&seq_len=6>`__.
# - PyTorch's reference for `nn.Embedding
#   <https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html>`_, `pad_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pad_sequence.html>`_ and
#   `DataLoader's collate_fn
#   <https://pytorch.org/docs/stable/data.html#dataloader-collate-fn>`_.
