r"""
.. _example-models-attention:

인코더 출력 위의 어텐션
=======================

:ref:`example-models-seq2seq`\ 의 연결 방법은 입력 시퀀스 전체를 은닉 상태(hidden state) 하나로
압축합니다. 어텐션(attention)을 쓰면 디코더가 스텝마다 인코더의 출력 *전부*\ 를 다시 볼 수
있습니다. 입력의 각 타임 스텝을 디코더의 현재 상태와 비교해 어텐션 점수(attention score)를
매기고, 소프트맥스(softmax)로 가중치를 만든 뒤, 인코더 출력의 가중합인 *문맥 벡터*\ (context
vector)를 구합니다.

여기서 다루는 것은 모두 모양입니다. 소프트맥스를 어느 축으로 계산하는지, 패딩(padding)된
스텝을 어디서 가리는지, ``torch.bmm``\ 이 무엇을 요구하는지, 인코더가 시간 우선(time-first)이면
무엇이 바뀌는지입니다. 기호는 ``N`` 배치 크기, ``L`` 가장 긴 입력 길이, ``H_in`` 입력 특성 수,
``H`` 인코더의 은닉 상태 크기, ``D`` 방향 수(2), ``A`` 덧셈 점수에 쓰는 은닉 레이어의
크기입니다.
"""

# %%
# 패딩된 배치의 인코더 출력
# -------------------------
# 길이가 다른 입력 시퀀스 세 개를 패딩하고 패킹(packing)해 양방향 GRU에 넣습니다. ``enc_out``\ 은
# ``(N, L, D * H)``\ 이고 패딩된 스텝은 0입니다.
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
mask = torch.arange(L) < lengths[:, None]  # 실제 스텝에서 True

print(f"enc_out: {tuple(enc_out.shape)}  (N, L, D * H)")
print(f"mask:    {tuple(mask.shape)}  (N, L)")
assert enc_out.shape == (N, L, D * H)
assert mask.shape == (N, L)
assert torch.equal(enc_out[~mask], torch.zeros(int((~mask).sum()), D * H))

# %%
# 쿼리(query)는 디코더의 현재 은닉 상태로, 시퀀스마다 벡터 하나입니다. 내적 점수를 쓰려면
# 인코더 출력과 특성 수가 같아야 하므로 ``D * H``\ 입니다.
query = torch.randn(N, D * H)
print(f"query: {tuple(query.shape)}  (N, D * H)")
assert query.shape == (N, D * H)

# %%
# ``bmm``\ 으로 내적 점수 구하기
# ------------------------------
# ``torch.bmm``\ 은 행렬 배치 두 개, ``(N, n, m)``\ 과 ``(N, m, p)``\ 를 곱합니다. 두 인자 모두
# 3차원이어야 하므로 쿼리를 열 벡터 ``(N, D * H, 1)``\ 로 바꿔야 합니다. 2차원 쿼리를 그대로
# 넘기면 오류가 납니다.
try:
    torch.bmm(enc_out, query)
except RuntimeError as err:  # bmm은 3차원 텐서만 받습니다
    message = str(err)
else:
    raise AssertionError("bmm accepted a 2-D query")
print(message)
assert message == "batch2 must be a 3D tensor"

# %%
# 열 벡터로 바꾸면 시퀀스마다 ``(L, D * H)`` 출력과 ``(D * H, 1)`` 쿼리를 곱해 스텝마다 점수
# 하나가 나옵니다.
scores_dot = torch.bmm(enc_out, query.unsqueeze(2)).squeeze(2)
print(f"bmm(enc_out, query.unsqueeze(2)): {tuple(torch.bmm(enc_out, query.unsqueeze(2)).shape)}")
print(f"scores_dot: {tuple(scores_dot.shape)}  (N, L)")
assert scores_dot.shape == (N, L)
assert torch.allclose(scores_dot, (enc_out * query[:, None, :]).sum(dim=2), atol=1e-6)

# %%
# 덧셈 점수
# ---------
# 덧셈(Bahdanau) 어텐션은 인코더 출력과 쿼리를 작은 레이어에 통과시킵니다:
# ``v · tanh(W_enc h_s + W_dec q)``. 쿼리를 투영한 결과에 크기 1인 시간 축을 붙여
# ``(N, 1, A)``\ 로 만들면 인코더 쪽 ``(N, L, A)``\ 에 브로드캐스팅(broadcasting)됩니다. 쿼리가
# ``D * H``\ 와 같을 필요가 없어서, 여기서는 디코더 상태의 특성이 ``H_dec``\ 개입니다.
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
# 패딩된 스텝 가리기
# ------------------
# 패딩된 스텝의 출력은 0이라서 내적 점수도 정확히 0입니다. "없음"이 아닙니다. 소프트맥스는
# 그런 스텝에도 다른 스텝처럼 가중치를 줍니다.
unmasked = torch.softmax(scores_dot, dim=1)
print(f"가중치가 0보다 큰 패딩 스텝: {int((unmasked[~mask] > 0).sum())}개 / {int((~mask).sum())}개")
assert (unmasked[~mask] > 0).all()

# %%
# 소프트맥스 전에 패딩 위치를 ``-inf``\ 로 채웁니다. ``exp(-inf)``\ 는 0이므로 패딩은 가중치를
# 받지 않고, 각 행은 실제 스텝만으로 합이 1이 됩니다. 소프트맥스는 입력 시퀀스 축 ``dim=1``\ 로
# 계산합니다. ``dim=0``\ 이면 서로 다른 시퀀스끼리 비교하게 됩니다.
weights_dot = torch.softmax(scores_dot.masked_fill(~mask, float("-inf")), dim=1)
weights_add = torch.softmax(scores_add.masked_fill(~mask, float("-inf")), dim=1)
print(f"weights_dot: {tuple(weights_dot.shape)}  (N, L)")
print(f"가중치가 0보다 큰 패딩 스텝: {int((weights_dot[~mask] > 0).sum())}개")
print("모든 행의 합이 1인가:", torch.allclose(weights_dot.sum(dim=1), torch.ones(N)))
assert weights_dot.shape == weights_add.shape == (N, L)
assert torch.equal(weights_dot[~mask], torch.zeros(int((~mask).sum())))
assert torch.equal(weights_add[~mask], torch.zeros(int((~mask).sum())))
assert torch.allclose(weights_dot.sum(dim=1), torch.ones(N))

# %%
# 문맥 벡터
# ---------
# 가중치를 행 벡터 ``(N, 1, L)``\ 로 바꿔 ``(N, L, D * H)``\ 와 ``bmm``\ 하면 인코더 출력의
# 가중합 ``(N, 1, D * H)``\ 가 나옵니다. 시퀀스마다 인코더 출력 하나 크기의 문맥 벡터입니다.
# 보통의 디코더는 이를 자기 상태와 이어 붙인 뒤 출력 헤드(head)에 넣습니다.
context = torch.bmm(weights_dot.unsqueeze(1), enc_out).squeeze(1)
print(f"weights_dot.unsqueeze(1): {tuple(weights_dot.unsqueeze(1).shape)}  (N, 1, L)")
print(f"context: {tuple(context.shape)}  (N, D * H)")
assert context.shape == (N, D * H)
assert torch.allclose(context, (weights_dot.unsqueeze(2) * enc_out).sum(dim=1), atol=1e-6)

combined = torch.cat((context, query), dim=1)
print(f"torch.cat((context, query), dim=1): {tuple(combined.shape)}  (N, 2 * D * H)")
assert combined.shape == (N, 2 * D * H)

# %%
# 아래 그림은 ``weights_dot``\ 과 ``weights_add``\ 로 두 가지 가중치를 그린 것입니다. ×
# 표시가 있는 칸은 패딩입니다. 가중치가 0이고, 모든 행의 합은 1입니다.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(8, 2.8), layout="constrained", sharey=True)
for ax, (title, weights) in zip(axes, [("내적", weights_dot), ("덧셈", weights_add)], strict=True):
    image = ax.imshow(weights.detach().numpy(), cmap="viridis", vmin=0, vmax=1, aspect="auto")
    for i, t in (~mask).nonzero().tolist():
        ax.text(t, i, "×", ha="center", va="center", color="white")
    ax.set_title(f"{title} 가중치 {tuple(weights.shape)} (N, L)")
    ax.set_xlabel("입력 스텝")
    ax.set_xticks(range(L))
    ax.set_yticks(range(N))
axes[0].set_ylabel("시퀀스")
fig.colorbar(image, ax=axes, label="어텐션 가중치")
plt.show()

# %%
# 시간 우선 인코더 출력
# ---------------------
# ``batch_first=True``\ 가 없으면 인코더 출력은 ``(L, N, D * H)``\ 입니다. ``bmm``\ 은 첫 번째
# 축을 배치로 보므로 입력 스텝과 쿼리를 짝지으려 하고, 결국 오류가 납니다.
enc_out_seq, _ = pad_packed_sequence(
    encoder(pack_padded_sequence(padded.transpose(0, 1), lengths, enforce_sorted=False))[0]
)
print(f"enc_out_seq: {tuple(enc_out_seq.shape)}  (L, N, D * H)")
assert enc_out_seq.shape == (L, N, D * H)
try:
    torch.bmm(enc_out_seq, query.unsqueeze(2))
except RuntimeError as err:  # 배치 축이 다릅니다: 입력 스텝 L개와 쿼리 N개
    message = str(err)
else:
    raise AssertionError("bmm accepted sequence-first outputs")
print(message)
assert message.startswith("Expected size for first two dimensions of batch2 tensor")

# %%
# ``L``\ 과 ``N``\ 이 같았다면 오류 없이 엉뚱한 시퀀스의 점수가 나왔을 것입니다.
# ``transpose(0, 1)``\ 로 배치 축을 앞으로 옮기거나, ``einsum``\ 으로 축에 이름을 붙이십시오.
# ``einsum``\ 은 어느 축 순서인지만 알려 주면 두 축 순서 모두에 쓸 수 있습니다.
scores_seq = torch.bmm(enc_out_seq.transpose(0, 1), query.unsqueeze(2)).squeeze(2)
scores_einsum = torch.einsum("lnf,nf->nl", enc_out_seq, query)
print(f"시간 우선 출력으로 구한 점수: {tuple(scores_seq.shape)}  (N, L)")
assert scores_seq.shape == scores_einsum.shape == (N, L)
assert torch.allclose(scores_seq, scores_dot, atol=1e-6)
assert torch.allclose(scores_einsum, scores_dot, atol=1e-6)
print("배치 우선 인코더의 점수와 같은가:", torch.allclose(scores_seq, scores_dot, atol=1e-6))

# %%
# 모델 전체
# ---------
# 패킹된 시퀀스를 읽는 인코더, 마스크, 덧셈 어텐션을 모듈 하나에 담았습니다. 패딩한 소스와 그
# 길이, 디코더의 상태를 받아 문맥 벡터와 어텐션 가중치를 돌려줍니다. 이 페이지의 가중치를 불러오면
# 모듈이 내는 어텐션 가중치는 ``weights_add``\ 와 같습니다. :ref:`추적 페이지 <trace-gallery-models>`\ 는
# 이 모델을 추적합니다. 인코더 행에는 패킹된 데이터와 ``batch_sizes``\ 가, ``W_enc``, ``W_dec``,
# ``v`` 행에는 점수를 만드는 텐서의 모양이 나옵니다.


class AdditiveAttention(nn.Module):
    """패킹된 시퀀스를 읽는 양방향 GRU 인코더와, 디코더 상태 하나에 대한 덧셈 어텐션."""

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
print("weights_add와 같은가:", torch.allclose(weights, weights_add, atol=1e-6))
assert context_add.shape == (N, D * H)
assert weights.shape == (N, L)
assert torch.allclose(weights, weights_add, atol=1e-6)

# %%
# 더 보기
# -------
# - 패딩, 패킹, 마스크는 :ref:`example-packed-sequences`\ 에 있습니다.
# - ``batch_first``\ 와 은닉 상태의 고정된 축 순서는 :ref:`example-batch-axis`\ 에 있습니다.
# - PyTorch 공식 문서의 `torch.bmm <https://pytorch.org/docs/stable/generated/torch.bmm.html>`_,
#   `torch.nn.functional.softmax
#   <https://pytorch.org/docs/stable/generated/torch.nn.functional.softmax.html>`_.
# - 인코더를 `모양 계산기 <../../calculator.html?mode=GRU&input_size=4&hidden_size=6
#   &bidirectional=1&batch_first=1&batch=3&seq_len=7>`__\ 에서 확인해 보십시오.
