r"""
.. _example-models-keras:

Keras에서 넘어올 때: 두 라이브러리의 같은 LSTM
==============================================

Keras와 PyTorch는 순환 레이어(recurrent layer)를 다르게 기술합니다. Keras는 항상 배치
우선(batch-first)이고, 레이어가 무엇을 돌려줄지 플래그(``return_sequences``,
``return_state``)로 고릅니다. PyTorch는 언제나 ``output``\ 과 ``(h_n, c_n)``\ 을 모두 돌려주고,
고르는 일은 인덱싱에 맡깁니다. Keras는 ``stateful=True``\ 로 호출 사이에 상태를 유지하지만,
PyTorch는 상태를 사용자에게 돌려줍니다.

Keras 3은 여러 백엔드에서 돌아가고 그중 하나가 PyTorch이므로, 이 페이지는 두 쪽을 같은
프로세스에서 실행합니다. Keras LSTM의 가중치(weight)를 ``nn.LSTM``\ 에 복사해 출력이 같은지
확인하고, 이어서 ``stateful``, ``go_backwards``, ``Bidirectional(merge_mode=...)``\ 을
PyTorch로 옮깁니다.

**이 예제에는 torch, NumPy, Matplotlib 외에 Keras 3이 필요합니다**: ``pip install
keras==3.15.1``\ (이 페이지를 출력한 버전이며, 노트북의 첫 셀에도 같은 내용이 있습니다). 기호는
``N`` 배치 크기, ``L`` 시퀀스 길이, ``H_in`` 입력 특성 수, ``H`` 은닉 상태 크기입니다.
"""

# %%
# torch 백엔드에서 Keras 실행하기
# -------------------------------
# Keras는 처음 import될 때 한 번만 ``KERAS_BACKEND``\ 를 읽으므로 import 전에 변수를 설정합니다.
# ``keras.utils.set_random_seed``\ 는 Python, NumPy, 백엔드의 난수 생성기에 시드를 줍니다.

# %pip install torch==2.13.0 numpy matplotlib keras==3.15.1  # 노트북에서는 주석을 풀어 설치합니다
import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
from torch import nn

keras.utils.set_random_seed(0)
torch.manual_seed(0)
print(f"Keras 백엔드: {keras.backend.backend()}")
assert keras.backend.backend() == "torch"

N, L, H_in, H = 3, 5, 4, 6
x = torch.randn(N, L, H_in)  # Keras의 축 순서는 PyTorch의 batch_first=True와 같습니다
print(f"x: {tuple(x.shape)}  (N, L, H_in)")
assert x.shape == (N, L, H_in)

# %%
# ``return_sequences``\ 와 ``return_state``
# -----------------------------------------
# 두 플래그를 모두 켜면 Keras는 텐서 세 개를 돌려줍니다. 은닉 상태(hidden state)의 시퀀스와,
# 마지막 은닉 상태와 셀 상태(cell state)이며 뒤의 둘은 ``(N, H)``\ 입니다. ``return_sequences``\ 가
# 없으면 첫 번째 텐서는 마지막 스텝뿐인 ``(N, H)``\ 입니다. torch 백엔드에서는 모두 torch
# 텐서입니다.
k_lstm = keras.layers.LSTM(H, return_sequences=True, return_state=True)
k_seq, k_h, k_c = k_lstm(x)
k_last = keras.layers.LSTM(H)(x)  # 두 플래그 모두 False(기본값): 마지막 스텝만
print(f"return_sequences=True:  {tuple(k_seq.shape)}  (N, L, H), {type(k_seq).__name__}")
print(f"return_state=True:      h {tuple(k_h.shape)}, c {tuple(k_c.shape)}  (N, H)")
print(f"return_sequences=False: {tuple(k_last.shape)}  (N, H)")
assert isinstance(k_seq, torch.Tensor)
assert k_seq.shape == (N, L, H)
assert k_h.shape == k_c.shape == k_last.shape == (N, H)

# %%
# PyTorch는 이 모두를 한꺼번에 돌려줍니다. 상태에는 ``num_layers * D``\ 개 행으로 된 맨 앞
# 축이 있고, 여기서는 한 행입니다. ``h_n[-1]``\ 이 Keras의 ``h``\ 이고, ``output[:, -1]``\ 이
# ``return_sequences=False``\ 일 때 Keras의 출력입니다.
t_lstm = nn.LSTM(H_in, H, batch_first=True)
output, (h_n, c_n) = t_lstm(x)
print(f"output: {tuple(output.shape)}  (N, L, H)        Keras: return_sequences=True")
print(f"h_n:    {tuple(h_n.shape)}  (1, N, H), h_n[-1] Keras: return_state=True")
print(f"output[:, -1]: {tuple(output[:, -1].shape)}  (N, H)  Keras: return_sequences=False")
assert output.shape == (N, L, H)
assert h_n.shape == c_n.shape == (1, N, H)
assert torch.equal(output[:, -1], h_n[-1])

# %%
# Keras의 상태는 ``(N, H)``\ 이므로 레이어 축 없이 PyTorch에 ``(h_0, c_0)``\ 으로 넘기면
# 오류가 납니다. ``unsqueeze(0)``\ 으로 축을 붙이십시오. 오류 목록에서는
# `차원이 틀린 은닉 상태 <../../errors.html#error-lstm-hx-cx-rank-batched>`__\ 에서 다룹니다.
try:
    t_lstm(x, (k_h, k_c))
except RuntimeError as err:  # PyTorch는 (num_layers * D, N, H)를 원하는데 Keras는 (N, H)
    message = str(err)
else:
    raise AssertionError("nn.LSTM accepted 2-D states for a 3-D input")
print(message)
assert message.startswith("For batched 3-D input, hx and cx should also be 3-D")
_, (h_next, _) = t_lstm(x, (k_h.unsqueeze(0), k_c.unsqueeze(0)))
print(f"k_h.unsqueeze(0): {tuple(k_h.unsqueeze(0).shape)}  (1, N, H), 통과")
assert h_next.shape == (1, N, H)

# %%
# 가중치: 커널 하나와 행렬 둘, 편향 하나와 편향 둘
# ------------------------------------------------
# Keras는 ``kernel`` ``(H_in, 4 * H)``, ``recurrent_kernel`` ``(H, 4 * H)``, 그리고 편향(bias)
# 하나 ``bias`` ``(4 * H,)``\ 를 저장합니다. PyTorch는 그 전치인 ``weight_ih_l0``
# ``(4 * H, H_in)``\ 과 ``weight_hh_l0`` ``(4 * H, H)``\ 를 저장하고, 편향은 *두 개*\ 를 두어 항상
# 더해서 씁니다.
kernel, recurrent_kernel, bias = k_lstm.get_weights()  # NumPy 배열
for name, array in [("kernel", kernel), ("recurrent_kernel", recurrent_kernel), ("bias", bias)]:
    print(f"Keras {name}: {array.shape}")
for name, param in t_lstm.named_parameters():
    print(f"PyTorch {name}: {tuple(param.shape)}")
assert kernel.shape == (H_in, 4 * H)
assert recurrent_kernel.shape == (H, 4 * H)
assert bias.shape == (4 * H,)
assert t_lstm.weight_ih_l0.shape == (4 * H, H_in)
assert t_lstm.weight_hh_l0.shape == (4 * H, H)
assert t_lstm.bias_ih_l0.shape == t_lstm.bias_hh_l0.shape == (4 * H,)

# %%
# 두 라이브러리는 네 게이트(gate)를 같은 순서로 쌓습니다. Keras는 ``i, f, c, o``, PyTorch는
# ``i, f, g, o``\ 라고 부르는데, ``c``\ 와 ``g``\ 는 같은 셀 후보입니다. 편향을 보면 알 수
# 있습니다. Keras는 망각 게이트의 편향을 1로 시작하고(``unit_forget_bias=True``), 그 값이
# PyTorch가 ``f``\ 를 두는 두 번째 블록에 있습니다.
gate_bias = torch.from_numpy(bias).view(4, H)  # 게이트마다 한 행
print("Keras 편향의 게이트 블록별로 모두 1인가:", (gate_bias == 1).all(dim=1).tolist())
assert (gate_bias == 1).all(dim=1).tolist() == [False, True, False, False]

# %%
# Keras 커널을 전치하지 않고 복사하면 맞지 않습니다.
try:
    with torch.no_grad():
        t_lstm.weight_ih_l0.copy_(torch.from_numpy(kernel))
except RuntimeError as err:  # (H_in, 4 * H)는 (4 * H, H_in)으로 브로드캐스팅되지 않습니다
    message = str(err)
else:
    raise AssertionError("copy_ accepted the untransposed kernel")
print(message)
assert message.startswith("The size of tensor a")

# %%
# 전치해서 복사하고, Keras의 편향은 ``bias_ih_l0``\ 에 넣고 ``bias_hh_l0``\ 은 0으로 두면 두
# 레이어가 같은 값을 계산합니다.
with torch.no_grad():
    t_lstm.weight_ih_l0.copy_(torch.from_numpy(kernel.T))
    t_lstm.weight_hh_l0.copy_(torch.from_numpy(recurrent_kernel.T))
    t_lstm.bias_ih_l0.copy_(torch.from_numpy(bias))
    t_lstm.bias_hh_l0.zero_()
    output, (h_n, c_n) = t_lstm(x)

print("output이 Keras의 시퀀스와 같은가:", torch.allclose(output, k_seq, atol=1e-6))
same_states = torch.allclose(h_n[-1], k_h, atol=1e-6) and torch.allclose(c_n[-1], k_c, atol=1e-6)
print("h_n[-1], c_n[-1]이 Keras의 h, c와 같은가:", same_states)
assert torch.allclose(output, k_seq, atol=1e-6)
assert torch.allclose(h_n[-1], k_h, atol=1e-6)
assert torch.allclose(c_n[-1], k_c, atol=1e-6)

# %%
# 편향을 PyTorch의 두 편향에 모두 복사하면 두 번 더해져 출력이 달라집니다.
with torch.no_grad():
    t_lstm.bias_hh_l0.copy_(torch.from_numpy(bias))
    doubled, _ = t_lstm(x)
    t_lstm.bias_hh_l0.zero_()
print("편향을 두 곳에 넣으면 같은가:", torch.allclose(doubled, k_seq, atol=1e-6))
assert not torch.allclose(doubled, k_seq, atol=1e-6)

# %%
# 아래 그림은 게이트 블록별 편향과, 첫 번째 시퀀스에서 은닉 유닛 세 개의 시간에 따른 값을 두
# 라이브러리로 그린 것입니다.
import matplotlib.pyplot as plt

fig, (ax_bias, ax_out) = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
ax_bias.imshow(gate_bias.numpy(), cmap="Greys", vmin=0, vmax=1, aspect="auto")
ax_bias.set_yticks(range(4), ["i", "f", "c = g", "o"])
ax_bias.set_xlabel("은닉 유닛")
ax_bias.set_title(f"Keras 편향 {bias.shape}을 (4, H)로\n검정 = 1 (unit_forget_bias)")
for unit in range(3):
    ax_out.plot(k_seq[0, :, unit].detach().numpy(), lw=4, alpha=0.4, color=f"C{unit}")
    ax_out.plot(output[0, :, unit].numpy(), "o--", color=f"C{unit}", label=f"유닛 {unit}")
ax_out.set_xlabel("타임 스텝")
ax_out.set_title("시퀀스 0, 은닉 유닛 세 개\nKeras(굵은 선), nn.LSTM(점선)")
ax_out.legend(fontsize="small")
plt.show()


# %%
# ``stateful=True``: 직접 들고 다니는 상태
# ----------------------------------------
# stateful Keras 레이어는 마지막 상태를 간직했다가 ``reset_state()``\ 를 부르기 전까지 다음
# 호출을 그 상태에서 시작합니다. PyTorch에서는 ``(h_n, c_n)``\ 을 다음 호출의 ``(h_0, c_0)``\ 으로
# 다시 넘깁니다. 그러면 두 조각으로 자른 시퀀스가 전체 시퀀스를 한 번에 넣은 것과 같은 출력을
# 냅니다.
def keras_lstm(**flags: bool) -> keras.layers.LSTM:
    """위의 가중치를 가진 Keras LSTM."""
    layer = keras.layers.LSTM(H, **flags)
    layer.build((N, L, H_in))
    layer.set_weights([kernel, recurrent_kernel, bias])
    return layer


k_stateful = keras_lstm(return_sequences=True, stateful=True)
k_chunks = torch.cat([k_stateful(x[:, :3]), k_stateful(x[:, 3:])], dim=1)

with torch.no_grad():
    out_1, state = t_lstm(x[:, :3])  # 상태 없음: 새로 만들거나 리셋한 Keras 레이어처럼 0
    out_2, state = t_lstm(x[:, 3:], state)  # 이어서 넘깁니다
t_chunks = torch.cat([out_1, out_2], dim=1)
print(f"두 조각: {tuple(out_1.shape)}, 이어서 {tuple(out_2.shape)}")
print("Keras stateful과 상태를 넘긴 PyTorch가 같은가:", end=" ")
print(torch.allclose(k_chunks, t_chunks, atol=1e-6))
assert out_1.shape == (N, 3, H)
assert out_2.shape == (N, L - 3, H)
assert torch.allclose(k_chunks, t_chunks, atol=1e-6)
assert torch.allclose(t_chunks, output, atol=1e-6)

k_stateful.reset_state()
assert torch.allclose(k_stateful(x[:, :3]), out_1, atol=1e-6)  # 리셋: 다시 0에서 시작

# %%
# ``go_backwards=True``: 시간 축 뒤집기
# -------------------------------------
# Keras의 ``go_backwards``\ 는 시퀀스를 마지막 스텝부터 읽고, 출력도 읽은 순서대로 돌려줍니다.
# PyTorch에서는 입력의 시간 축을 ``x.flip(1)``\ 로 뒤집습니다.
k_backwards = keras_lstm(return_sequences=True, go_backwards=True)(x)
with torch.no_grad():
    t_backwards, _ = t_lstm(x.flip(1))
print(f"go_backwards: {tuple(k_backwards.shape)}, t_lstm(x.flip(1))과 같은가:", end=" ")
print(torch.allclose(k_backwards, t_backwards, atol=1e-6))
assert k_backwards.shape == t_backwards.shape == (N, L, H)
assert torch.allclose(k_backwards, t_backwards, atol=1e-6)

# %%
# ``Bidirectional(merge_mode=...)``
# ---------------------------------
# ``nn.LSTM(bidirectional=True)``\ 는 ``merge_mode="concat"``\ 인 Keras ``Bidirectional``\ 과
# 같습니다. 정방향과 역방향 출력이 나란히 붙은 ``(N, L, 2 * H)``\ 이고, 역방향 절반도 입력의
# 타임 스텝에 맞춰 정렬되어 있습니다. 역방향 가중치는 ``_reverse`` 매개변수에 넣습니다. 나머지
# 모드는 ``view(N, L, 2, H)``\ 와 축소 연산 하나면 됩니다.
backward_layer = keras.layers.LSTM(H)
backward_layer.build((N, L, H_in))
forward_weights = [kernel, recurrent_kernel, bias]
backward_weights = backward_layer.get_weights()  # 새로 초기화된 별도의 가중치


def copy_keras_weights(lstm: nn.LSTM, weights: list, suffix: str = "") -> None:
    """Keras LSTM의 [kernel, recurrent_kernel, bias]를 레이어 0의 한 방향에 복사합니다."""
    k, rk, b = (torch.from_numpy(w) for w in weights)
    with torch.no_grad():
        getattr(lstm, f"weight_ih_l0{suffix}").copy_(k.T)
        getattr(lstm, f"weight_hh_l0{suffix}").copy_(rk.T)
        getattr(lstm, f"bias_ih_l0{suffix}").copy_(b)
        getattr(lstm, f"bias_hh_l0{suffix}").zero_()


t_bi = nn.LSTM(H_in, H, batch_first=True, bidirectional=True)
copy_keras_weights(t_bi, forward_weights)
copy_keras_weights(t_bi, backward_weights, suffix="_reverse")
with torch.no_grad():
    bi_out, _ = t_bi(x)
halves = bi_out.view(N, L, 2, H)  # [..., 0, :] 정방향, [..., 1, :] 역방향
print(f"nn.LSTM(bidirectional=True) output: {tuple(bi_out.shape)}  (N, L, 2 * H)")
assert bi_out.shape == (N, L, 2 * H)
assert halves.shape == (N, L, 2, H)


def keras_bidirectional(merge_mode: str | None) -> keras.layers.Bidirectional:
    """같은 두 벌의 가중치를 가진 Keras Bidirectional LSTM."""
    layer = keras.layers.Bidirectional(
        keras.layers.LSTM(H, return_sequences=True), merge_mode=merge_mode
    )
    layer.build((N, L, H_in))
    layer.set_weights(forward_weights + backward_weights)
    return layer


merges = {
    "concat": bi_out,
    "sum": halves.sum(dim=2),
    "mul": halves.prod(dim=2),
    "ave": halves.mean(dim=2),
}
for mode, merged in merges.items():
    k_out = keras_bidirectional(mode)(x)
    same = torch.allclose(k_out, merged, atol=1e-6)
    print(
        f"merge_mode={mode!r:9} Keras {tuple(k_out.shape)}, PyTorch {tuple(merged.shape)}: {same}"
    )
    assert k_out.shape == merged.shape
    assert same

# %%
# ``merge_mode=None``\ 은 두 방향을 따로 돌려줍니다. PyTorch의 ``halves[:, :, 0]``\ 과
# ``halves[:, :, 1]``\ 이고, 각각 ``(N, L, H)``\ 입니다.
k_forward, k_backward = keras_bidirectional(None)(x)
print(f"merge_mode=None: {tuple(k_forward.shape)}, {tuple(k_backward.shape)}  각각 (N, L, H)")
assert k_forward.shape == k_backward.shape == (N, L, H)
assert torch.allclose(k_forward, halves[:, :, 0], atol=1e-6)
assert torch.allclose(k_backward, halves[:, :, 1], atol=1e-6)

# %%
# 더 보기
# -------
# - 양방향 ``output``\ 의 두 절반은 :ref:`example-bidirectional`\ 에 있습니다.
# - ``nn.LSTM``\ 의 모든 매개변수와 게이트 블록은 :ref:`example-parameter-shapes`\ 에 있습니다.
# - Keras 문서의 `LSTM <https://keras.io/api/layers/recurrent_layers/lstm/>`_,
#   `Bidirectional 래퍼 <https://keras.io/api/layers/recurrent_layers/bidirectional/>`_, PyTorch 공식
#   문서의 `torch.nn.LSTM <https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html>`_.
# - ``t_lstm``\ 을 `모양 계산기 <../../calculator.html?mode=LSTM&input_size=4&hidden_size=6
#   &batch_first=1&batch=3&seq_len=5>`__\ 에서, ``t_bi``\ 를 `bidirectional=True인 계산기
#   <../../calculator.html?mode=LSTM&input_size=4&hidden_size=6&batch_first=1&bidirectional=1
#   &batch=3&seq_len=5>`__\ 에서 확인해 보십시오.
