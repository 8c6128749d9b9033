r"""
.. _example-models-seq2seq:

인코더–디코더: 양방향 인코더와 디코더 잇기
==========================================

시퀀스-투-시퀀스(sequence-to-sequence) 모델은 *인코더*\ (encoder)로 입력 시퀀스를 읽고,
인코더의 마지막 은닉 상태(hidden state)에서 출발하는 *디코더*\ (decoder)로 타깃(target) 시퀀스를
씁니다. 인코더는 흔히 양방향(bidirectional)이고 여러 레이어를 쌓은(stacked) 구조입니다. 디코더는
한 타임 스텝씩 써 나가므로 미래를 읽을 수 없어 양방향이 될 수 없고, 그래서 인코더의 ``h_n``\ 이
그대로는 디코더에 맞지 않습니다.

이 예제는 그 실수를 실제로 저지른 뒤, 인코더의 ``h_n``\ 을 디코더의 ``h_0``\ 으로 잇는 세
가지 방법을 만들고, 마지막으로 티처 포싱(teacher forcing)을 한 타임 스텝씩 실행합니다. 기호는
``N`` 배치 크기, ``L_src``\ 와 ``L_tgt`` 입력과 타깃 시퀀스 길이, ``H_in`` 입력 특성 수, ``H``
인코더의 은닉 상태 크기, ``D`` 인코더의 방향 수(2), ``V`` 타깃 어휘 크기, ``E`` 타깃 임베딩
크기입니다.
"""

# %%
# 2레이어 양방향 인코더
# ---------------------
# 두 네트워크 모두 GRU입니다. 은닉 상태가 하나뿐이라 아래의 연결 방법이 모두 텐서 하나로
# 끝납니다. (LSTM은 ``h_n``\ 과 ``c_n``\ 에 같은 연결을 두 번 해야 합니다. 페이지 끝을 보십시오.)
import torch
from torch import nn

torch.manual_seed(0)

N, L_src, L_tgt = 3, 7, 5  # 배치 크기, 입력 길이, 출력 길이
H_in, H, num_layers, D = 4, 6, 2, 2  # 입력 특성 수, 인코더 은닉 상태 크기, 레이어 수, 방향 수
V, E = 10, 5  # 출력 어휘 크기, 출력 임베딩 크기

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
# 디코더는 출력 토큰을 임베딩(embedding)으로 읽고, 레이어 수는 같지만 방향은 하나입니다.
# 그래서 ``h_0``\ 은 ``(num_layers, N, H_dec)``\ 여야 합니다.
embed = nn.Embedding(V, E)
decoder = nn.GRU(E, H, num_layers=num_layers, batch_first=True)
head = nn.Linear(H, V)

target = torch.randint(1, V, (N, L_tgt))  # 토큰 id. 0은 아래에서 시작 토큰으로 씁니다
y0 = embed(torch.zeros(N, 1, dtype=torch.long))  # 모든 시퀀스의 시작 토큰
print(f"target: {tuple(target.shape)}  (N, L_tgt)")
print(f"y0:     {tuple(y0.shape)}  (N, 1, E), 디코더의 한 스텝")
assert target.shape == (N, L_tgt)
assert y0.shape == (N, 1, E)

# %%
# ``h_n``\ 이 맞지 않는 이유
# --------------------------
# ``h_n``\ 에는 레이어와 방향마다 한 행씩, 모두 ``num_layers * D``\ 개 행이 있습니다. 디코더는
# ``num_layers``\ 개를 기대합니다. PyTorch는 순전파(forward pass) 전에 은닉 상태의 모양을
# 확인합니다.
try:
    decoder(y0, h_n)
except RuntimeError as err:  # 디코더는 num_layers개 행을 기대하는데 h_n은 num_layers * D개
    message = str(err)
else:
    raise AssertionError("the decoder accepted the encoder's h_n")
print(message)
assert message.startswith("Expected hidden size")

# %%
# 오류 목록의 `h_0의 모양이 틀림 <../../errors.html#error-hidden-size-mismatch>`__\ 에서 이
# 메시지를 설명합니다. 연결하기 전에 첫 번째 축을 두 부분으로 나눕니다. 이 축은 레이어 순서로 놓이고,
# 레이어 안에서는 정방향이 먼저이므로 ``view(num_layers, D, N, H)``\ 는 ``[레이어, 방향]``\ 이
# 됩니다. 마지막 레이어의 정방향 상태는 마지막 스텝에서 ``enc_out``\ 의 정방향 절반이고,
# 역방향 상태는 0번 스텝에서 역방향 절반입니다.
h_split = h_n.view(num_layers, D, N, H)
print(f"h_n.view(num_layers, D, N, H): {tuple(h_split.shape)}")
assert h_split.shape == (num_layers, D, N, H)
assert torch.equal(h_split[-1, 0], enc_out[:, -1, :H])
assert torch.equal(h_split[-1, 1], enc_out[:, 0, H:])
print("h_split[-1, 0]은 enc_out[:, -1, :H], h_split[-1, 1]은 enc_out[:, 0, H:]입니다")

# %%
# 연결 1: 두 방향을 더하기
# ------------------------
# 레이어마다 두 방향을 더하면 특성이 ``H``\ 개로 유지됩니다. 매개변수가 없고, 디코더의 은닉 상태
# 크기가 인코더와 같아야 합니다.
h0_sum = h_split.sum(dim=1)
print(f"h0_sum: {tuple(h0_sum.shape)}  (num_layers, N, H)")
assert h0_sum.shape == (num_layers, N, H)
assert torch.equal(h0_sum, h_n[0::2] + h_n[1::2])  # 짝수 행은 정방향, 홀수 행은 역방향

out_sum, h_sum = decoder(y0, h0_sum)
print(f"디코더 출력: {tuple(out_sum.shape)}  (N, 1, H)")
assert out_sum.shape == (N, 1, H)

# %%
# 연결 2: 이어 붙인 뒤 Linear 레이어
# ----------------------------------
# 두 방향을 나란히 붙이면 레이어마다 특성이 ``D * H``\ 개가 됩니다. 합치기 전에 방향 축을 특성
# 축 옆으로 옮깁니다. ``permute(0, 2, 1, 3)``\ 으로 ``(num_layers, N, D, H)``\ 를 만들고
# ``reshape``\ 로 마지막 두 축을 합칩니다. 그다음 학습되는 ``Linear``\ 가 ``D * H``\ 를 원하는
# 디코더 크기 ``H_dec``\ 로 바꿉니다.
h_cat = h_split.permute(0, 2, 1, 3).reshape(num_layers, N, D * H)
print(f"h_cat: {tuple(h_cat.shape)}  (num_layers, N, D * H)")
assert h_cat.shape == (num_layers, N, D * H)
assert torch.equal(h_cat[:, :, :H], h_split[:, 0])  # 정방향 절반
assert torch.equal(h_cat[:, :, H:], h_split[:, 1])  # 역방향 절반

H_dec = 8
bridge = nn.Linear(D * H, H_dec)
h0_linear = torch.tanh(bridge(h_cat))
decoder_8 = nn.GRU(E, H_dec, num_layers=num_layers, batch_first=True)
out_linear, _ = decoder_8(y0, h0_linear)
print(f"h0_linear: {tuple(h0_linear.shape)}  (num_layers, N, H_dec)")
print(f"디코더 출력: {tuple(out_linear.shape)}  (N, 1, H_dec)")
assert h0_linear.shape == (num_layers, N, H_dec)
assert out_linear.shape == (N, 1, H_dec)

# %%
# 연결 3: 레이어별 reshape, 두 배 넓은 디코더
# -------------------------------------------
# 디코더의 은닉 상태 크기가 ``D * H``\ 라면 ``h_cat``\ 을 손대지 않고 그대로 넣을 수도 있습니다.
# 매개변수는 없지만 연산 순서가 중요합니다. 한 줄로 끝내고 싶은 ``h_n.view(num_layers, N, D *
# H)``\ 는 모양은 맞지만 내용이 틀립니다. 메모리에 놓인 순서대로 행을 읽기 때문에, 각
# "레이어"가 서로 다른 시퀀스의 조각을 받습니다.
h_wrong = h_n.view(num_layers, N, D * H)
print(f"h_n.view(num_layers, N, D * H): {tuple(h_wrong.shape)}, h_cat과 같은 모양")
print("h_cat과 값이 같은가:", torch.equal(h_wrong, h_cat))
assert h_wrong.shape == h_cat.shape
assert not torch.equal(h_wrong, h_cat)

decoder_wide = nn.GRU(E, D * H, num_layers=num_layers, batch_first=True)
out_wide, _ = decoder_wide(y0, h_cat)
print(f"디코더 출력: {tuple(out_wide.shape)}  (N, 1, D * H)")
assert out_wide.shape == (N, 1, D * H)

# %%
# 그림으로 보면 차이가 드러납니다. ``h_n``\ 의 각 원소를 그 원소가 속한 시퀀스 번호로 바꾸고,
# 같은 ``permute``/``reshape``\ 와 그냥 ``view``\ 를 그 텐서에 적용했습니다. 올바른 연결은
# 디코더 상태의 각 행을 한 시퀀스 안에 두지만, 그냥 ``view``\ 는 한 행 안에 여러 시퀀스를
# 섞습니다.
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
    ax.set_xlabel("특성 (정방향 | 역방향)")
    ax.axvline(H - 0.5, color="white", lw=2)
    ax.set_yticks(range(num_layers * N))
    ax.set_yticklabels([f"레이어 {r // N}, 시퀀스 {r % N}" for r in range(num_layers * N)])
axes[0].set_ylabel("디코더 h_0의 행")
fig.suptitle("색 = 값이 온 시퀀스")
plt.show()

# %%
# 티처 포싱, 한 스텝씩
# --------------------
# 학습할 때 디코더는 자기 예측값(prediction)을 읽지 않습니다. 스텝 ``t``\ 에서 스텝 ``t - 1``\ 의
# *타깃* 토큰을 읽습니다(0번 스텝에서는 시작 토큰). 스텝마다 길이가 1인 시퀀스의 배치
# ``(N, 1, E)``\ 를 넣으면 ``(N, 1, H)``\ 가 나오고, 헤드(head)가 이를 ``(N, 1, V)`` 로짓(logit)으로
# 바꿉니다. 루프는 연결 1에서 시작합니다.
decoder_in = torch.cat((torch.zeros(N, 1, dtype=torch.long), target[:, :-1]), dim=1)
print(f"decoder_in: {tuple(decoder_in.shape)}  (N, L_tgt), 타깃을 오른쪽으로 한 칸 민 것")
assert decoder_in.shape == (N, L_tgt)

h = h0_sum
step_logits = []
for t in range(L_tgt):
    y_t = embed(decoder_in[:, t : t + 1])  # (N, 1): 시간 축을 남겨 둡니다
    out_t, h = decoder(y_t, h)
    logits_t = head(out_t)
    print(
        f"스텝 {t}: y_t {tuple(y_t.shape)}, out_t {tuple(out_t.shape)}, "
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
# 입력을 미리 다 알고 있으므로 학습에는 루프가 필요 없습니다. 한 칸 민 타깃 전체를 한 번에
# 넣어도 같은 점수가 나옵니다. 루프가 필요한 것은 추론할 때로, 스텝 ``t``\ 의 예측값을 스텝
# ``t + 1``\ 에 다시 넣습니다.
out_all, _ = decoder(embed(decoder_in), h0_sum)
logits_all = head(out_all)
print(f"한 번에 호출: {tuple(logits_all.shape)}  (N, L_tgt, V)")
print("스텝별 점수와 같은가:", torch.allclose(logits_all, logits, atol=1e-6))
assert logits_all.shape == logits.shape
assert torch.allclose(logits_all, logits, atol=1e-6)

# %%
# ``nn.CrossEntropyLoss``\ 는 클래스가 1번 축에 있어야 하므로, 타깃 ``(N, L_tgt)``\ 에 맞서
# ``(N, V, L_tgt)``\ 를 넘깁니다.
loss = nn.functional.cross_entropy(logits.transpose(1, 2), target)
print(f"logits.transpose(1, 2): {tuple(logits.transpose(1, 2).shape)}  (N, V, L_tgt)")
print(f"loss: {tuple(loss.shape)}  스칼라")
assert loss.shape == ()

# %%
# LSTM에서의 같은 실수
# --------------------
# LSTM 인코더는 ``(h_n, c_n)``\ 을 돌려주고, 둘 다 ``(num_layers * D, N, H)``\ 입니다. LSTM의
# 메시지는 튜플의 첫 번째 텐서를 ``hidden[0]``\ 이라고 부릅니다(오류 목록의 `크기가 틀린 LSTM
# h_0 <../../errors.html#error-lstm-h0-size-mismatch>`__). 두 텐서를 같은 방법으로 연결합니다.
lstm_encoder = nn.LSTM(H_in, H, num_layers=num_layers, bidirectional=True, batch_first=True)
lstm_decoder = nn.LSTM(E, H, num_layers=num_layers, batch_first=True)
_, (h_n_lstm, c_n_lstm) = lstm_encoder(source)
try:
    lstm_decoder(y0, (h_n_lstm, c_n_lstm))
except RuntimeError as err:  # LSTM은 h_0을 먼저 확인하고 hidden[0]이라고 부릅니다
    message = str(err)
else:
    raise AssertionError("the LSTM decoder accepted the encoder's (h_n, c_n)")
print(message)
assert message.startswith("Expected hidden[0] size")


def sum_directions(state: torch.Tensor) -> torch.Tensor:
    """상태 텐서 하나에 연결 1 적용: (num_layers * D, N, H) -> (num_layers, N, H)."""
    return state.view(num_layers, D, N, H).sum(dim=1)


out_lstm, (h_dec, c_dec) = lstm_decoder(y0, (sum_directions(h_n_lstm), sum_directions(c_n_lstm)))
print(f"LSTM 디코더 출력: {tuple(out_lstm.shape)}, h {tuple(h_dec.shape)}, c {tuple(c_dec.shape)}")
assert out_lstm.shape == (N, 1, H)
assert h_dec.shape == c_dec.shape == (num_layers, N, H)

# %%
# 모델 전체
# ---------
# 인코더, 브리지 1, 그리고 임베딩과 헤드가 딸린 디코더를 모듈 하나에 담았습니다. 소스와 한 칸 민
# 타깃을 받아 ``(N, L_tgt, V)`` 점수를 돌려줍니다. 이 페이지의 가중치를 불러오면 위에서 디코더를
# 한 번에 호출해 얻은 점수와 같습니다. :ref:`추적 페이지 <trace-gallery-models>`\ 는 이 모델을
# 추적하고, 브리지를 뺀 같은 모델도 추적합니다. 브리지가 없으면 추적은 디코더에서 멈추고, 첫
# 절에서 본 메시지가 나옵니다.


class Seq2Seq(nn.Module):
    """양방향 GRU 인코더, 두 방향의 합을 h_0으로 받는 GRU 디코더."""

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
        """브리지 1: (num_layers * 2, N, H)의 두 방향을 더해 (num_layers, N, H)로 만듭니다."""
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
print("한 번에 호출한 점수와 같은가:", torch.allclose(scores, logits_all, atol=1e-6))
assert scores.shape == (N, L_tgt, V)
assert torch.allclose(scores, logits_all, atol=1e-6)

# %%
# 더 보기
# -------
# - 양방향 네트워크의 ``h_n`` 축 순서는 :ref:`example-bidirectional`\ 에 있습니다.
# - PyTorch 공식 문서의 `torch.nn.GRU
#   <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_, `torch.nn.Embedding
#   <https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html>`_.
# - 인코더를 `모양 계산기 <../../calculator.html?mode=GRU&input_size=4&hidden_size=6
#   &num_layers=2&bidirectional=1&batch_first=1&batch=3&seq_len=7>`__\ 에서, 디코더의 한
#   스텝을 `또 다른 계산기 <../../calculator.html?mode=GRU&input_size=5&hidden_size=6
#   &num_layers=2&batch_first=1&batch=3&seq_len=1>`__\ 에서 확인해 보십시오.
