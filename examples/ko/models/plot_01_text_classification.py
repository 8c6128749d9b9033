r"""
.. _example-text-classification:

텍스트 분류: 임베딩, 패딩, 패킹된 양방향 LSTM
=============================================

LSTM으로 처음 만들어 보는 모델은 대개 문장 분류기입니다. 토큰 id가 ``nn.Embedding``\ 을 거쳐
벡터가 되고, 양방향(bidirectional) LSTM이 그 벡터를 읽고, ``Linear`` 레이어가 마지막 은닉
상태(final hidden state)를 클래스마다 점수인 로짓(logit) 하나로 바꿉니다. LSTM의 모양(shape)은 쉬운
부분입니다. 문제는 그 주변 코드에서 생깁니다. 문장마다 길이가 다르므로 ``DataLoader``\ 에는
패딩(padding)하는 ``collate_fn``\ 이 필요하고, LSTM은 길이를 알아야 하며, 분류기는 패딩 자리가
아니라 문장마다 *실제* 마지막 타임 스텝을 읽어야 합니다.

기호는 ``N`` 배치 크기, ``L_max`` 배치에서 가장 긴 문장의 길이, ``V`` 어휘 크기, ``E`` 임베딩
크기(LSTM의 ``H_in``), ``H_out`` 은닉 상태 크기, ``D = 2`` 방향 수, ``C`` 클래스 수입니다.
"""

# %%
# 데이터로 어휘 만들기
# --------------------
# 짧은 문장 여덟 개에 1(긍정) 또는 0(부정) 레이블을 붙였습니다. 어휘(vocabulary)는 단어마다
# id를 하나씩 줍니다. 띄어쓰기로 나눈 어절을 단어로 칩니다. id 0은 패딩용으로, id 1은 어휘에 없는
# 단어용으로 남겨 둡니다.
import torch
from torch import nn

torch.manual_seed(0)

sentences = [
    ("정말 멋진 영화", 1),
    ("줄거리가 뻔하고 전개가 너무 느린 영화", 0),
    ("연기가 훌륭하다", 1),
    ("느리고 지루한 이야기 전개", 0),
    ("올해 본 영화 중 최고의 작품", 1),
    ("지루하다", 0),
    ("배우들의 연기가 훌륭하고 이야기도 재미있어서 시간 가는 줄 몰랐다", 1),
    ("지루하고 너무 길어서 보다가 잤다", 0),
]
PAD, UNK = 0, 1
words = sorted({word for text, _ in sentences for word in text.split()})
vocab = {"<pad>": PAD, "<unk>": UNK} | {word: i for i, word in enumerate(words, start=2)}
V = len(vocab)


def encode(text: str) -> torch.Tensor:
    """문장 하나의 토큰 id (L_i,)를 돌려줍니다. 단어마다 id가 하나입니다."""
    return torch.tensor([vocab.get(word, UNK) for word in text.split()])


print(f"어휘: {V}개, {vocab['멋진']=}, {vocab['지루하다']=}")
print(f"encode('정말 멋진 영화 추천') = {encode('정말 멋진 영화 추천').tolist()}  (추천은 <unk>)")
assert encode("정말 멋진 영화 추천").shape == (4,)
assert encode("정말 멋진 영화 추천")[-1] == UNK

# %%
# 데이터셋은 ``(토큰 id, 레이블)`` 쌍의 리스트이고, id 텐서의 길이는 문장마다 다릅니다.
dataset = [(encode(text), torch.tensor(label)) for text, label in sentences]
lengths_all = [len(ids) for ids, _ in dataset]
print(f"문장 길이: {lengths_all}")
assert all(
    ids.shape == (len(text.split()),)
    for (ids, _), (text, _) in zip(dataset, sentences, strict=True)
)

# %%
# 기본 collate는 길이가 다른 문장을 배치로 묶지 못합니다
# -------------------------------------------------------
# ``collate_fn``\ 을 주지 않은 ``DataLoader``\ 는 배치의 샘플들을 ``torch.stack``\ 으로 쌓는데,
# ``torch.stack``\ 은 크기가 모두 같은 텐서만 받습니다(오류 메시지 사전의 `DataLoader가 길이가
# 다른 시퀀스를 쌓지 못함 <../../errors.html#error-collate-unequal-lengths>`__).
from torch.utils.data import DataLoader

try:
    next(iter(DataLoader(dataset, batch_size=4)))
except RuntimeError as err:  # 처음 네 문장은 단어가 3, 6, 2, 4개
    message = str(err)
else:
    raise AssertionError("기본 collate가 길이가 다른 문장을 받아들였습니다")
print(message)
assert message.startswith("stack expects each tensor to be equal size")

# %%
# 패딩하고 길이를 함께 돌려주는 ``collate_fn``
# ---------------------------------------------
# ``pad_sequence``\ 는 id 텐서들을 ``PAD``\ 로 채워 ``(N, L_max)``\ 로 만듭니다. 길이(lengths)도
# 배치와 함께 넘겨야 합니다. 길이가 없으면 나중에 어느 타임 스텝이 실제 값이고 어느 것이
# 패딩인지 아무도 알 수 없습니다.
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence


def collate(batch: list[tuple[torch.Tensor, torch.Tensor]]):
    """(ids, label) 리스트를 ids (N, L_max), lengths (N,), labels (N,)로 묶습니다."""
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
# ``padding_idx=0``: 패딩 토큰의 임베딩은 0입니다
# ------------------------------------------------
# ``nn.Embedding``\ 은 ``(N, L_max)`` id를 ``(N, L_max, E)`` 벡터로 바꿉니다. ``padding_idx=PAD``\ 를
# 주면 패딩 토큰의 행은 0에서 시작하고 기울기(gradient)를 받지 않으므로, 학습하는 동안에도 패딩이
# 어떤 의미를 갖게 되는 일이 없습니다.
E, H_out, D, C = 8, 16, 2, 2
embedding = nn.Embedding(V, E, padding_idx=PAD)
vectors = embedding(ids)
print(f"embedding(ids): {tuple(vectors.shape)}  (N, L_max, E)")
print(f"<pad> 행이 모두 0: {bool((embedding.weight[PAD] == 0).all())}")
assert vectors.shape == (N, L_max, E)
assert torch.equal(vectors[2, lengths[2] :], torch.zeros(L_max - lengths[2], E))

# %%
# 패킹, 그리고 양방향 LSTM이 돌려주는 것
# --------------------------------------
# ``pack_padded_sequence``\ 는 길이를 받습니다(CPU에 있어야 하고, 섞인 배치는 정렬되어 있지
# 않으므로 ``enforce_sorted=False``\ 를 줍니다). 패킹된(packed) 출력을 다시 패딩하면
# ``(N, L_max, D * H_out)``\ 이고, ``h_n``\ 은 ``(D * num_layers, N, H_out)``\ 이며 정방향의 마지막
# 은닉 상태가 먼저 옵니다.
lstm = nn.LSTM(E, H_out, batch_first=True, bidirectional=True)
packed = pack_padded_sequence(vectors, lengths, batch_first=True, enforce_sorted=False)
packed_out, (h_n, c_n) = lstm(packed)
output, _ = pad_packed_sequence(packed_out, batch_first=True)
print(f"output: {tuple(output.shape)}  (N, L_max, D * H_out)")
print(f"h_n:    {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert output.shape == (N, L_max, D * H_out)
assert h_n.shape == c_n.shape == (D * lstm.num_layers, N, H_out)

# %%
# 함정: 패딩 자리를 읽기
# ----------------------
# ``output[:, -1]``\ 은 "마지막 타임 스텝"처럼 보이고, 가장 긴 문장에서는 실제로 그렇습니다.
# 짧은 문장에서는 마지막 열이 패딩이고 ``pad_packed_sequence``\ 는 패딩 자리를 0으로 채우므로,
# ``output[:, -1]``\ 을 읽는 분류기는 그 문장에 대해 아무것도 보지 못합니다. 배치에서 가장 짧은
# 문장을 보겠습니다.
i = int(lengths.argmin())
print(f"문장 {i}: 타임 스텝 {L_max}개 중 실제 값은 {lengths[i]}개")
print(f"output[{i}, -1]이 모두 0: {bool((output[i, -1] == 0).all())}")
assert (output[i, -1] == 0).all()

# %%
# 정방향의 실제 마지막 타임 스텝은 ``lengths - 1``\ 에 있습니다. 역방향은 문장을 끝에서부터
# 읽으므로 마지막 타임 스텝이 0번 위치에 있습니다. 이 둘을 합친 것이 정확히 마지막 레이어의
# ``h_n``\ 이고, 그래서 분류기는 ``h_n``\ 을 읽습니다.
last_forward = output[torch.arange(N), lengths - 1, :H_out]  # (N, H_out)
last_backward = output[:, 0, H_out:]  # (N, H_out)
print(f"last_forward:  {tuple(last_forward.shape)}  (N, H_out)")
print(f"h_n[-2](정방향)과 같음: {torch.equal(last_forward, h_n[-2])}")
print(f"h_n[-1](역방향)과 같음: {torch.equal(last_backward, h_n[-1])}")
print(f"output[:, -1, :H_out]이 h_n[-2]와 같음: {torch.equal(output[:, -1, :H_out], h_n[-2])}")
assert last_forward.shape == last_backward.shape == (N, H_out)
assert torch.equal(last_forward, h_n[-2])
assert torch.equal(last_backward, h_n[-1])
assert not torch.equal(output[:, -1, :H_out], h_n[-2])

# %%
# 패킹하지 않으면 패딩까지 실제로 읽습니다
# ----------------------------------------
# 패딩된 벡터를 그대로 주면 LSTM은 모든 문장에 대해 ``L_max``\ 스텝을 진행합니다. 오류도 없고
# 모양도 같지만, 짧은 문장의 정방향 마지막 은닉 상태는 이제 0을 읽고 난 뒤의 상태이고, 역방향은
# 패딩에서 출발합니다. 패딩이 없는 가장 긴 문장만 정방향 상태가 그대로입니다.
_, (h_n_padded, _) = lstm(vectors)
assert h_n_padded.shape == h_n.shape
for n in range(N):
    same = torch.allclose(h_n_padded[-2, n], h_n[-2, n])
    print(f"문장 {n}(길이 {lengths[n]}): 패킹 없이도 정방향 h_n이 같음: {same}")
    assert same == bool(lengths[n] == L_max)

# %%
# 아래 그림은 이 배치의 출력 벡터마다 크기(노름)를 그린 것입니다. 왼쪽은 정방향 절반, 오른쪽은
# 역방향 절반입니다. 패딩 열은 비어 있고, 빨간 상자는 ``h_n``\ 을 이루는 타임 스텝이며, 마지막
# 열이 ``output[:, -1]``\ 이 읽는 자리입니다.
import matplotlib.pyplot as plt

norms = output.detach().reshape(N, L_max, D, H_out).norm(dim=-1)  # (N, L_max, D)
fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), layout="constrained", sharey=True)
for d, (ax, name) in enumerate(zip(axes, ["정방향", "역방향"], strict=True)):
    image = ax.imshow(norms[:, :, d], cmap="viridis", vmin=0, aspect="auto")
    steps = lengths - 1 if d == 0 else torch.zeros(N, dtype=torch.long)
    for n in range(N):
        ax.add_patch(plt.Rectangle((steps[n] - 0.5, n - 0.5), 1, 1, fill=False, ec="red", lw=2))
    ax.axvline(L_max - 1.5, color="white", ls="--")
    ax.set_title(f"{name} 절반: |output[n, t]|, 빨간 상자 = h_n")
    ax.set_xlabel("타임 스텝 t (점선 오른쪽: output[:, -1])")
    ax.set_xticks(range(L_max))
    ax.set_yticks(range(N))
axes[0].set_ylabel("문장 n")
fig.colorbar(image, ax=axes, label="벡터 노름")
plt.show()

# %%
# 모델 전체
# ---------
# 같은 단계를 모듈 하나에 담았습니다. 분류기는 두 방향의 마지막 은닉 상태를 이어 붙인
# ``(N, D * H_out)``\ 을 읽고 ``(N, C)`` 점수를 돌려줍니다.


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
# 샘플을 섞는 로더로 여덟 문장을 서른 번 학습합니다. ``CrossEntropyLoss``\ 는 ``(N, C)`` 점수와
# ``(N,)`` 레이블을 받습니다. 여덟 문장을 셋씩 묶으면 에포크마다 마지막 배치는 두 문장이지만,
# 모델에는 ``N``\ 에 묶인 곳이 없습니다. 학습을 마친 모델은 여덟 문장의 레이블을 모두 맞히고,
# 임베딩의 ``<pad>`` 행은 여전히 0입니다.
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
print(f"나온 배치 크기: {sorted(batch_sizes)}")
print(f"<pad> 임베딩이 여전히 모두 0: {bool((model.embedding.weight[PAD] == 0).all())}")
assert sorted(batch_sizes) == [2, 3]
assert (model.embedding.weight[PAD] == 0).all()

all_ids, all_lengths, all_labels = collate(dataset)
with torch.no_grad():
    predicted = model(all_ids, all_lengths).argmax(dim=1)
print(f"예측: {predicted.tolist()}")
print(f"레이블: {all_labels.tolist()}")
assert predicted.shape == all_labels.shape == (len(dataset),)
assert torch.equal(predicted, all_labels)

fig, ax = plt.subplots(figsize=(6, 2.8), layout="constrained")
ax.plot(losses)
ax.set_xlabel("학습 스텝")
ax.set_ylabel("교차 엔트로피 손실")
ax.set_title("여덟 문장의 학습 손실")
plt.show()

# %%
# 더 보기
# -------
# - ``PackedSequence`` 자체는 :ref:`example-packed-sequences`\ 에서, 역방향이 0번 스텝에서 끝나는
#   이유는 :ref:`example-bidirectional`\ 에서 설명합니다.
# - 이 LSTM을 이 배치의 ``N``, ``L_max``\ 와 함께 `모양 계산기
#   <../../calculator.html?mode=LSTM&input_size=8&hidden_size=16&batch_first=1&bidirectional=1
#   &batch=4&seq_len=6>`__\ 에서 확인해 보십시오.
# - PyTorch 문서: `nn.Embedding
#   <https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html>`_, `pad_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pad_sequence.html>`_,
#   `DataLoader의 collate_fn
#   <https://pytorch.org/docs/stable/data.html#dataloader-collate-fn>`_.
