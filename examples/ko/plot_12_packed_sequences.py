r"""
.. _example-packed-sequences:

길이가 다른 시퀀스의 배치: 패딩과 패킹
======================================

실제 배치에 담긴 시퀀스들의 길이가 모두 같은 경우는 드뭅니다. 텐서는 직사각형이어야 하므로 짧은
시퀀스는 가장 긴 길이 ``L_max``\ 까지 패딩(padding)으로 채웁니다. 하지만 패딩만으로는 부족합니다.
RNN은 패딩 위로도 계속 타임 스텝을 진행하고, 그러는 동안 마지막 은닉 상태(hidden state)
``h_n``\ 이 실제 값에서 멀어집니다. 패킹(packing)은 각 시퀀스가 어디서 끝나는지 RNN에 알려 줍니다.

필요한 도구는 ``torch.nn.utils.rnn``\ 에 있습니다. ``pad_sequence``\ 는 패딩된 배치를 만들고,
``pack_padded_sequence``\ 는 그것을 패킹된 시퀀스(packed sequence), 즉 ``PackedSequence``\ 로
바꾸며, ``pad_packed_sequence``\ 는 RNN이 내놓은 패킹된 출력을 다시 패딩된 텐서로 되돌립니다.
기호는 ``N`` 배치 크기, ``L_max`` 가장 긴 시퀀스 길이, ``H_in`` 입력 특성 수, ``H_out`` 은닉 상태
크기, ``D`` 방향 수(여기서는 1)입니다.
"""

# %%
# 길이가 서로 다른 시퀀스 세 개
# -----------------------------
# 시퀀스마다 길이 ``L_i``\ 가 다르고, 각각 ``(L_i, H_in)`` 텐서입니다. ``batch_first=True``\ 를
# 준 ``pad_sequence``\ 는 이들을 ``(N, L_max, H_in)``\ 으로 쌓고, 모자란 타임 스텝은
# ``padding_value``\ (기본값 0)로 채웁니다.
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

H_in, H_out, D = 4, 6, 1
lengths = torch.tensor([5, 2, 4])  # 시퀀스마다 길이 하나, 일부러 정렬하지 않은 순서
seqs = [torch.randn(int(n), H_in) for n in lengths]  # 각각 (L_i, H_in)
N, L_max = len(seqs), int(lengths.max())

padded = pad_sequence(seqs, batch_first=True)
for i, s in enumerate(seqs):
    print(f"시퀀스 {i}: {tuple(s.shape)}  (L_i, H_in)")
print(f"padded:   {tuple(padded.shape)}  (N, L_max, H_in)")
assert all(s.shape == (n, H_in) for s, n in zip(seqs, lengths.tolist(), strict=True))
assert padded.shape == (N, L_max, H_in)

# %%
# ``batch_first=True``\ 가 없으면 ``pad_sequence``\ 는 순환 모듈의 기본 축 순서와 마찬가지로
# 시간 축을 맨 앞에 둡니다.
print(f"pad_sequence(seqs): {tuple(pad_sequence(seqs).shape)}  (L_max, N, H_in)")
assert pad_sequence(seqs).shape == (L_max, N, H_in)

# %%
# 어느 타임 스텝이 실제 데이터인지는 길이로 계산한 마스크(mask)로 나타냅니다. 시퀀스 ``i``\ 의
# 타임 스텝 ``t``\ 는 ``t < lengths[i]``\ 일 때 실제 값이고, ``padded``\ 의 나머지는 모두 0입니다.
mask = torch.arange(L_max) < lengths[:, None]
print(f"mask: {tuple(mask.shape)}  (N, L_max)")
print(mask.int())
assert mask.shape == (N, L_max)
assert torch.equal(padded[~mask], torch.zeros(int((~mask).sum()), H_in))

# %%
# ``enforce_sorted=True``\ 는 긴 시퀀스부터 놓여 있어야 합니다
# -------------------------------------------------------------
# ``pack_padded_sequence``\ 는 기본적으로 가장 긴 시퀀스가 맨 앞에 있다고 가정합니다. 우리 길이는
# 그 순서가 아니므로 PyTorch가 오류를 냅니다.
try:
    pack_padded_sequence(padded, lengths, batch_first=True)
except RuntimeError as err:  # enforce_sorted=True가 기본값
    message = str(err)
else:
    raise AssertionError("torch가 enforce_sorted=True에서 정렬되지 않은 길이를 패킹했습니다")
print(f"RuntimeError: {message}")
assert message.startswith("`lengths` array must be sorted in decreasing order")

# %%
# 메시지의 "decreasing"은 같은 길이를 허용합니다. 길이가 같은 시퀀스가 나란히 있어도 됩니다.
packed_ties = pack_padded_sequence(torch.zeros(3, 4, H_in), [4, 4, 2], batch_first=True)
print(f"길이 [4, 4, 2]를 패킹함: batch_sizes {packed_ties.batch_sizes.tolist()}")
assert packed_ties.batch_sizes.tolist() == [3, 3, 2, 2]

# %%
# 방법은 둘입니다. 배치를 직접 정렬하거나, ``enforce_sorted=False``\ 를 넘겨 PyTorch가 정렬하게
# 하는 것입니다. 후자는 순열을 ``sorted_indices``\ 에 기억해 두었다가 결과를 돌려줄 때 원래
# 순서로 되돌립니다. 직접 정렬한 배치에는 순열이 없고(``sorted_indices``\ 가 ``None``), 결과도
# 정렬한 순서 그대로 나옵니다. 메시지에 적힌 대로, 기본값이 의미 있는 경우는 ONNX로 내보낼
# 때뿐입니다.
#
# ``lengths``\ 는 파이썬 리스트여도 되고 텐서여도 됩니다. 텐서라면 ``padded``\ 가 GPU에 있더라도
# CPU에 있어야 합니다(``pack_padded_sequence``\ 는 길이를 호스트에서 읽습니다).
sorted_lengths, order = lengths.sort(descending=True)
packed_sorted = pack_padded_sequence(padded[order], sorted_lengths, batch_first=True)
packed = pack_padded_sequence(padded, lengths.tolist(), batch_first=True, enforce_sorted=False)

print(f"정렬한 길이: {sorted_lengths.tolist()}, 순서: {order.tolist()}")
print(f"packed.sorted_indices: {packed.sorted_indices.tolist()}")
print(f"packed_sorted.sorted_indices: {packed_sorted.sorted_indices}")
assert torch.equal(packed.sorted_indices, order)
assert torch.equal(packed.data, packed_sorted.data)

# %%
# ``PackedSequence``\ 의 속
# -------------------------
# ``.data``\ 에는 실제 타임 스텝만 들어 있습니다. ``H_in``\ 개 특성으로 된 행이 ``sum(lengths)``\ 개
# 있고, 타임 스텝 순서로 저장됩니다. 먼저 모든 시퀀스의 0번 스텝, 다음에 아직 끝나지 않은
# 시퀀스들의 1번 스텝, 이런 식입니다. ``.batch_sizes``\ 는 스텝마다 아직 진행 중인 시퀀스 수이고,
# 마스크를 배치 방향으로 더한 값과 같습니다.
print(f"packed.data:        {tuple(packed.data.shape)}  (sum(lengths), H_in)")
print(f"packed.batch_sizes: {packed.batch_sizes.tolist()}  스텝마다 하나씩, 모두 L_max개")
assert packed.data.shape == (int(lengths.sum()), H_in)
assert packed.batch_sizes.shape == (L_max,)
assert torch.equal(packed.batch_sizes, mask.sum(dim=0))

# %%
# 아래 그림은 위의 텐서로 두 가지 저장 방식을 그린 것입니다. 왼쪽은 패딩된 배치와 그 마스크이고, 오른쪽은
# ``packed.data``\ 의 행을 저장된 순서대로 놓고 각 행이 어느 시퀀스의 몇 번째 스텝에서 왔는지
# 적은 것입니다(시퀀스 번호 텐서와 스텝 번호 텐서를 같은 방식으로 패킹해 알아냈습니다). 굵은
# 선은 ``.data``\ 를 ``batch_sizes``\ 묶음으로 나눕니다.
import matplotlib.pyplot as plt
import numpy as np

seq_id = torch.arange(N)[:, None].expand(N, L_max)
step_id = torch.arange(L_max)[None, :].expand(N, L_max)
packed_seq = pack_padded_sequence(seq_id, lengths, batch_first=True, enforce_sorted=False).data
packed_step = pack_padded_sequence(step_id, lengths, batch_first=True, enforce_sorted=False).data

fig, (ax_pad, ax_pack) = plt.subplots(
    1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [L_max, 4]}, layout="constrained"
)
colors = np.where(mask.numpy()[..., None], plt.cm.tab10(seq_id.numpy())[..., :3], 0.92)
ax_pad.imshow(colors, aspect="auto")
for i in range(N):
    for t in range(L_max):
        ax_pad.text(t, i, f"t{t}" if mask[i, t] else "패딩", ha="center", va="center")
ax_pad.set_title(f"padded: {tuple(padded.shape[:2])} (N, L_max)\n색 = 실제 값, 회색 = 패딩")
ax_pad.set_xlabel("타임 스텝")
ax_pad.set_ylabel("시퀀스")
ax_pad.set_yticks(range(N))
ax_pad.set_xticks(range(L_max))

rows = np.arange(len(packed_seq))
ax_pack.barh(rows, 1, color=plt.cm.tab10(packed_seq.numpy()), height=0.9)
for r, (i, t) in enumerate(zip(packed_seq.tolist(), packed_step.tolist(), strict=True)):
    ax_pack.text(0.5, r, f"시퀀스 {i}, t{t}", ha="center", va="center")
ends = packed.batch_sizes.cumsum(0)
for t, (end, size) in enumerate(zip(ends.tolist(), packed.batch_sizes.tolist(), strict=True)):
    ax_pack.axhline(end - 0.5, color="black", lw=2)
    ax_pack.text(1.05, end - size / 2 - 0.5, f"t{t}: {size}", va="center")
ax_pack.set_xlim(0, 1.3)
ax_pack.set_ylim(len(rows) - 0.5, -0.5)
ax_pack.set_xticks([])
ax_pack.set_ylabel("packed.data의 행")
ax_pack.set_title(f"packed.data: {tuple(packed.data.shape)}\nbatch_sizes: 타임 스텝마다의 행 수")
plt.show()

# %%
# 패킹된 배치로 GRU 실행하기
# --------------------------
# 순환 모듈은 ``PackedSequence``\ 를 그대로 받습니다. 출력도 패킹된 채로 나오며, 실제 타임
# 스텝마다 ``D * H_out``\ 개의 특성을 가집니다. ``h_n``\ 은 패킹되지 않은 보통 텐서
# ``(D * num_layers, N, H_out)``\ 이고, 이미 원래의 배치 순서로 돌아와 있습니다.
gru = nn.GRU(input_size=H_in, hidden_size=H_out, batch_first=True)
packed_out, h_n = gru(packed)

print(f"packed_out: {type(packed_out).__name__}, data {tuple(packed_out.data.shape)}")
print(f"h_n:        {tuple(h_n.shape)}  (D * num_layers, N, H_out)")
assert packed_out.data.shape == (int(lengths.sum()), D * H_out)
assert h_n.shape == (D * gru.num_layers, N, H_out)

# %%
# ``pad_packed_sequence``\ 는 패딩된 텐서 ``(N, L_max, D * H_out)``\ 과 길이(CPU에 있는
# ``int64`` 텐서)를 함께 돌려줍니다. 패딩 자리에는 RNN 출력이 아니라 ``padding_value``\ 가
# 들어갑니다.
output, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
print(f"output:      {tuple(output.shape)}  (N, L_max, D * H_out)")
print(f"out_lengths: {out_lengths.tolist()}  {out_lengths.dtype}")
assert output.shape == (N, L_max, D * H_out)
assert torch.equal(out_lengths, lengths)
assert torch.equal(output[~mask], torch.zeros(int((~mask).sum()), D * H_out))

# %%
# ``total_length=``\ 를 주면 정해진 길이까지 더 패딩합니다. 예를 들어 더 긴 길이로 패딩해 둔
# 타깃(target)과 길이를 맞출 때 씁니다. 가장 긴 시퀀스보다 짧게 줄 수는 없습니다.
total_length = 7
output_fixed, _ = pad_packed_sequence(packed_out, batch_first=True, total_length=total_length)
print(f"output_fixed: {tuple(output_fixed.shape)}  (N, total_length, D * H_out)")
assert output_fixed.shape == (N, total_length, D * H_out)
try:
    pad_packed_sequence(packed_out, batch_first=True, total_length=L_max - 2)
except ValueError as err:  # total_length는 늘리기만 하고 자르지는 않음
    message = str(err)
else:
    raise AssertionError("pad_packed_sequence가 가장 긴 시퀀스보다 짧게 잘랐습니다")
print(f"ValueError: {message}")
assert message.startswith("Expected total_length to be at least the length of the longest")

# %%
# 패킹 없이 패딩만 하면 ``h_n``\ 이 달라집니다
# --------------------------------------------
# 패딩된 텐서를 GRU에 그대로 넣으면 모든 시퀀스에 대해 ``L_max``\ 개 스텝을 모두 진행합니다.
# 모양은 같지만, 짧은 시퀀스의 은닉 상태는 GRU가 0을 읽는 동안에도 계속 바뀌므로, 그 ``h_n``\ 은
# 더 이상 마지막 실제 스텝 직후의 상태가 아닙니다. 패딩이 없는 가장 긴 시퀀스만 일치합니다.
_, h_n_padded = gru(padded)
print(f"h_n_padded: {tuple(h_n_padded.shape)}  h_n과 같은 모양")
assert h_n_padded.shape == h_n.shape
for i in range(N):
    same = torch.allclose(h_n[:, i], h_n_padded[:, i])
    print(f"시퀀스 {i} (길이 {lengths[i]}): 패킹한 h_n과 패딩만 한 h_n이 같은가: {same}")
    assert same == (lengths[i] == L_max)

# %%
# 맞는 쪽은 패킹한 결과입니다. 패딩 없이 시퀀스를 하나씩 따로 실행한 결과와 일치합니다.
for i, s in enumerate(seqs):
    _, h_alone = gru(s.unsqueeze(0))  # (1, L_i, H_in): 시퀀스 하나짜리 배치
    same = torch.allclose(h_n[:, i], h_alone[:, 0])
    print(f"시퀀스 {i}: 패킹한 h_n과 따로 실행한 결과가 같은가: {same}")
    assert same

# %%
# ``pack_sequence``, 직접 넘긴 ``h_0``, ``batch_first``
# -----------------------------------------------------
# ``pack_sequence``\ 는 시퀀스 리스트를 먼저 패딩하지 않고 바로 패킹하며, 결과는 같은
# ``PackedSequence``\ 입니다.
from torch.nn.utils.rnn import pack_sequence

packed_list = pack_sequence(seqs, enforce_sorted=False)
print(f"pack_sequence(seqs).data: {tuple(packed_list.data.shape)}  (sum(lengths), H_in)")
assert torch.equal(packed_list.data, packed.data)
assert torch.equal(packed_list.batch_sizes, packed.batch_sizes)

# %%
# ``enforce_sorted=False``\ 일 때 직접 넘기는 ``h_0``\ 은 시퀀스와 마찬가지로 *원래* 배치 순서를
# 따릅니다. ``h_0[:, i]``\ 가 시퀀스 ``i``\ 의 출발점입니다. PyTorch가 배치와 함께 정렬했다가
# ``h_n``\ 을 원래 순서로 되돌립니다.
h_0 = torch.randn(D * gru.num_layers, N, H_out)
_, h_n_given = gru(packed_list, h_0)
for i, s in enumerate(seqs):
    _, h_alone = gru(s.unsqueeze(0), h_0[:, i : i + 1])
    same = torch.allclose(h_n_given[:, i], h_alone[:, 0], atol=1e-6)  # float32 반올림 오차
    print(f"시퀀스 {i}이 h_0[:, {i}]에서 출발하는가: {same}")
    assert same

# %%
# 패킹된 시퀀스 입력에는 모듈의 ``batch_first``\ 가 적용되지 않습니다. ``PackedSequence``\ 에는
# 순서를 정할 배치 축이나 시간 축이 없기 때문입니다(``pad_packed_sequence``\ 는 자기
# ``batch_first``\ 인자를 따로 받습니다). 같은 가중치를 ``batch_first=False``\ 로 만든 모듈에
# 넣어도 결과가 같습니다.
gru_time_first = nn.GRU(input_size=H_in, hidden_size=H_out)
gru_time_first.load_state_dict(gru.state_dict())
packed_out_tf, h_n_tf = gru_time_first(packed)
same_output = torch.equal(packed_out_tf.data, packed_out.data)
print(
    "batch_first=False: 패킹된 출력이 같은가:",
    same_output,
    " h_n이 같은가:",
    torch.equal(h_n_tf, h_n),
)
assert same_output
assert torch.equal(h_n_tf, h_n)

# %%
# 시퀀스마다 마지막 실제 출력
# ---------------------------
# ``output[:, -1]``\ 은 *패딩 기준*\ 의 마지막 스텝이라서, 짧은 시퀀스에서는 패딩 자리입니다.
# 시퀀스 ``i``\ 의 마지막 실제 스텝은 인덱스 ``lengths[i] - 1``\ 에 있습니다. 고급 인덱싱(advanced
# indexing)으로 시퀀스마다 스텝 하나씩 고르면 ``(N, D * H_out)``\ 이 됩니다. 단방향 RNN에서는
# 이것이 마지막 레이어의 마지막 은닉 상태 ``h_n[-1]``\ 과 정확히 같습니다.
last = output[torch.arange(N), out_lengths - 1]
print(f"마지막 실제 출력: {tuple(last.shape)}  (N, D * H_out)")
print("h_n[-1]과 같은가:", torch.equal(last, h_n[-1]))
print("output[:, -1]과 h_n[-1]이 같은가:", torch.equal(output[:, -1], h_n[-1]))
assert last.shape == (N, D * H_out)
assert torch.equal(last, h_n[-1])
assert not torch.equal(output[:, -1], h_n[-1])

# %%
# ``bidirectional=True``\ 라면 이 방법은 ``output``\ 의 정방향 절반에만 통합니다. 역방향은 각
# 시퀀스를 마지막 실제 스텝에서 0번 스텝 쪽으로 읽으므로, 역방향의 마지막 상태는 0번 스텝에
# 있습니다(:ref:`example-bidirectional` 참고).

# %%
# 더 보기
# -------
# - PyTorch 공식 문서의 `pad_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pad_sequence.html>`_,
#   `pack_padded_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pack_padded_sequence.html>`_,
#   `pad_packed_sequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.pad_packed_sequence.html>`_,
#   `PackedSequence
#   <https://pytorch.org/docs/stable/generated/torch.nn.utils.rnn.PackedSequence.html>`_,
#   `torch.nn.GRU <https://pytorch.org/docs/stable/generated/torch.nn.GRU.html>`_.
# - :ref:`example-cells`\ 에서는 타임 스텝마다 한 번씩 호출하며 시간 축을 직접 따라갑니다.
# - ``N``\ 개 시퀀스, ``L_max`` 스텝으로 이 GRU를 `모양 계산기 <../calculator.html?mode=GRU
#   &input_size=4&hidden_size=6&batch_first=1&batch=3&seq_len=5>`__\ 에서 확인해 보십시오. 계산기의
#   ``output``\ 은 ``pad_packed_sequence``\ 가 돌려주는 패딩된 텐서의 모양입니다.
