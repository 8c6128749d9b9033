"""English and Korean text: error messages, table labels and one-line meanings.

Korean text uses 합니다체 and the site's glossary (텐서, 모양, 은닉 상태, 셀 상태, 입력 특성 수,
은닉 상태 크기, 레이어, 배치, 시퀀스 길이, 타임 스텝, 양방향, 정방향/역방향, 드롭아웃, 투영,
패딩, 패킹된 시퀀스, 배치 차원이 없는 입력, 순전파, 가중치/편향, 게이트). Parameter names such
as ``batch_first`` stay untranslated.

>>> detect_lang({"LANG": "ko_KR.UTF-8"}), detect_lang({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"})
('ko', 'en')
>>> text("verified", "ko", torch="2.13.0")
'검증: 공식으로 계산한 모양과 실제 순전파의 모양이 일치합니다 (torch 2.13.0).'
"""

from __future__ import annotations

from collections.abc import Mapping

from rnn_guide.errors import Arg, Lang, Spelled, Style

__all__ = ["LANGS", "detect_lang", "error_codes", "error_text", "label", "text"]

LANGS: tuple[Lang, ...] = ("en", "ko")
"""Supported languages."""

# What each sized argument measures, used as ``{label}`` in messages.
_LABELS: dict[str, tuple[str, str]] = {
    "input_size": ("number of input features", "입력 특성 수"),
    "hidden_size": ("hidden state size", "은닉 상태 크기"),
    "num_layers": ("number of layers", "레이어 수"),
    "proj_size": ("projection size", "투영 크기"),
    "batch": ("batch size", "배치 크기"),
    "seq_len": ("sequence length", "시퀀스 길이"),
}

_MODULES = "RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell"

# Error templates: code -> (English, Korean).
_ERRORS: dict[str, tuple[str, str]] = {
    "mode_unknown": (
        f"unknown module {{value}}. Choose one of {_MODULES}.",
        f"알 수 없는 모듈 {{value}}입니다. {_MODULES} 중 하나를 지정하십시오.",
    ),
    "not_int": (
        "{name} must be a whole number, got {value}. Give an integer such as 8.",
        "{name} 값은 정수여야 합니다. 받은 값: {value}. 8처럼 정수를 지정하십시오.",
    ),
    "not_positive": (
        "{name} ({label}) must be greater than zero, got {value}. Give a positive whole number.",
        "{name}({label}) 값은 0보다 커야 합니다. 받은 값: {value}. 양의 정수를 지정하십시오.",
    ),
    "not_bool": (
        "{name} must be True or False, got {value}.",
        "{name} 값은 True 또는 False여야 합니다. 받은 값: {value}.",
    ),
    "dropout_invalid": (
        (
            "{name} must be a number from 0 to 1 (the probability of zeroing an element), "
            "got {value}. Use e.g. {example}, or leave {name} out."
        ),
        (
            "드롭아웃 확률 {name} 값은 0 이상 1 이하의 숫자여야 합니다. 받은 값: {value}. "
            "{example}처럼 지정하거나, 드롭아웃이 필요 없으면 {name} 인자를 빼십시오."
        ),
    ),
    "proj_not_lstm": (
        (
            "{name} is only supported by LSTM, not {mode} (torch refuses it even as 0). "
            "Remove {name}, or use LSTM if you need a projection."
        ),
        (
            "{name}(투영)은 LSTM만 지원하며 {mode}에서는 쓸 수 없습니다(0이어도 torch가 오류를 냅니다). "
            "{name} 인자를 빼거나, 투영이 필요하면 LSTM을 사용하십시오."
        ),
    ),
    "proj_negative": (
        "{name} must be 0 (no projection) or a positive whole number, got {value}.",
        "{name} 값은 0(투영 없음) 또는 양의 정수여야 합니다. 받은 값: {value}.",
    ),
    "proj_too_large": (
        (
            "{name} ({value}) must be smaller than {hidden_name} ({hidden}): the projection "
            "shrinks the hidden state. Use a value below {hidden}, or 0 for no projection."
        ),
        (
            "{name} 값({value})은 {hidden_name} 값({hidden})보다 작아야 합니다. 투영은 은닉 상태를 "
            "더 작게 줄이는 연산입니다. {hidden}보다 작은 값을 지정하거나, 투영을 쓰지 않으려면 "
            "0을 지정하십시오."
        ),
    ),
    "nonlinearity_unsupported": (
        (
            "{mode} takes no nonlinearity: its gates use fixed sigmoid and tanh activations. "
            "Remove {name}; only RNN and RNNCell accept tanh or relu."
        ),
        (
            "{mode} 모듈에는 nonlinearity 인자가 없습니다. 게이트의 활성화 함수(시그모이드와 tanh)가 "
            "정해져 있기 때문입니다. {name} 인자를 빼십시오. tanh나 relu를 고를 수 있는 모듈은 "
            "RNN과 RNNCell뿐입니다."
        ),
    ),
    "nonlinearity_unknown": (
        "unknown nonlinearity {value}. Choose 'tanh' or 'relu'.",
        "알 수 없는 nonlinearity {value}입니다. 'tanh' 또는 'relu'를 지정하십시오.",
    ),
    "cell_arg": (
        (
            "{mode} is a single cell that computes one time step of one layer, so it takes no "
            "{name}. Remove it, or use {layer} for several layers, directions or time steps."
        ),
        (
            "{mode} 모듈은 한 레이어의 타임 스텝 하나만 계산하는 셀이므로 {name} 인자를 받지 "
            "않습니다. 이 인자를 빼거나, 여러 레이어나 양방향, 여러 타임 스텝이 필요하면 {layer} "
            "모듈을 사용하십시오."
        ),
    ),
    "seq_len_missing": (
        "{mode} reads whole sequences: give the number of time steps, e.g. {example}.",
        "{mode} 모듈은 시퀀스 전체를 읽습니다. {example}처럼 시퀀스 길이를 지정하십시오.",
    ),
    "seq_len_positive": (
        (
            "{name} ({label}) must be at least 1, got {value}: torch refuses sequences without "
            "time steps."
        ),
        (
            "{name}({label}) 값은 1 이상이어야 합니다. 받은 값: {value}. torch는 타임 스텝이 없는 "
            "시퀀스를 받지 않습니다."
        ),
    ),
    "batch_negative": (
        (
            "{name} ({label}) cannot be negative, got {value}. Use 0 or more, or {unbatched} for "
            "one sequence without a batch dimension."
        ),
        (
            "{name}({label}) 값은 음수일 수 없습니다. 받은 값: {value}. 0 이상을 지정하거나, "
            "배치 차원이 없는 입력이면 {unbatched} 설정을 사용하십시오."
        ),
    ),
    "lengths_unbatched": (
        (
            "{lengths} needs a batch: a packed sequence holds several sequences, but {unbatched} "
            "means one sequence without a batch dimension. Remove {lengths}, or give a batch "
            "size with one length per sequence."
        ),
        (
            "{lengths} 인자는 배치가 있어야 쓸 수 있습니다. 패킹된 시퀀스는 여러 시퀀스를 담지만 "
            "{unbatched} 설정은 배치 차원이 없는 입력 하나를 뜻합니다. {lengths} 인자를 빼거나, "
            "배치 크기를 지정하고 시퀀스마다 길이를 하나씩 주십시오."
        ),
    ),
    "lengths_empty": (
        (
            "{lengths} is empty: torch cannot pack a batch with no sequences. Give at least one "
            "length, or remove {lengths}."
        ),
        (
            "{lengths} 인자가 비어 있습니다. torch는 시퀀스가 하나도 없는 배치를 패킹할 수 "
            "없습니다. 길이를 하나 이상 주거나 {lengths} 인자를 빼십시오."
        ),
    ),
    "lengths_count": (
        (
            "{lengths} has {count} values but the batch has {batch} sequences. Give exactly one "
            "length per sequence, or change {batch_name}."
        ),
        (
            "{lengths} 인자에는 길이가 {count}개 있지만 배치 크기는 {batch}입니다. 시퀀스마다 "
            "길이를 정확히 하나씩 주거나 {batch_name} 값을 바꾸십시오."
        ),
    ),
    "length_positive": (
        (
            "every length in {lengths} must be at least 1, got {value}: torch cannot pack an "
            "empty sequence. Drop empty sequences from the batch."
        ),
        (
            "{lengths} 인자의 길이는 모두 1 이상이어야 합니다. 받은 값: {value}. torch는 빈 "
            "시퀀스를 패킹할 수 없으므로 빈 시퀀스는 배치에서 빼십시오."
        ),
    ),
    "length_too_long": (
        (
            "a length of {value} in {lengths} exceeds {seq_len} ({limit}): a sequence cannot be "
            "longer than the padded input (torch would build a broken packed sequence). Raise "
            "{seq_len} to at least {value}, or shorten that length."
        ),
        (
            "{lengths} 인자의 길이는 {seq_len} 값({limit}) 이하여야 하는데 {value}인 길이가 "
            "있습니다. 시퀀스는 패딩된 입력보다 길 수 없습니다(torch는 이때 잘못된 패킹된 "
            "시퀀스를 만듭니다). {seq_len} 값을 {value} 이상으로 늘리거나 그 길이를 줄이십시오."
        ),
    ),
    "lengths_unsorted": (
        (
            "{lengths} must be non-increasing, longest first (like 7,5,5,1: equal lengths are "
            "fine) while enforce_sorted is on (the default), got {value}. Sort them longest "
            "first, or pass {no_enforce} so torch sorts the batch and restores its order."
        ),
        (
            "enforce_sorted가 켜져 있으면(기본값) {lengths} 인자는 7,5,5,1처럼 긴 것부터 놓여야 "
            "합니다(같은 길이는 나란히 와도 됩니다). 받은 값: {value}. 길이를 긴 것부터 "
            "정렬하거나, {no_enforce} 인자를 지정해 torch가 배치를 정렬했다가 원래 순서로 "
            "되돌리게 하십시오."
        ),
    ),
    "enforce_sorted_without_lengths": (
        "{no_enforce} only applies to packed input. Add {lengths}, or remove {no_enforce}.",
        (
            "{no_enforce} 인자는 패킹된 시퀀스 입력에만 적용됩니다. {lengths} 인자를 추가하거나 "
            "{no_enforce} 인자를 빼십시오."
        ),
    ),
    "cell_input_arg": (
        (
            "{mode} is a single cell that takes one time step, so {name} does not apply. Remove "
            "it, or use {layer} to process whole sequences."
        ),
        (
            "{mode} 모듈은 타임 스텝 하나만 받는 셀이므로 {name} 인자는 적용되지 않습니다. 이 "
            "인자를 빼거나, 시퀀스 전체를 처리하려면 {layer} 모듈을 사용하십시오."
        ),
    ),
    # Command-line parsing.
    "cli_not_int": (
        "{name} expects a whole number, got '{value}'. Example: {name} 8.",
        "{name} 인자에는 정수를 지정해야 합니다. 받은 값: '{value}'. 예: {name} 8",
    ),
    "cli_not_number": (
        "{name} expects a number from 0 to 1, got '{value}'. Example: {name} 0.2.",
        (
            "{name} 인자에는 0 이상 1 이하의 숫자를 지정해야 합니다. 받은 값: '{value}'. "
            "예: {name} 0.2"
        ),
    ),
    "cli_bad_lengths": (
        "{name} expects whole numbers separated by commas, such as 7,5,3, got '{value}'.",
        "{name} 인자에는 7,5,3처럼 쉼표로 구분한 정수를 지정해야 합니다. 받은 값: '{value}'.",
    ),
    "cli_missing": (
        "missing {name} ({label}). Example: {prog} shapes LSTM --input-size 4 --hidden-size 8",
        "{name}({label}) 인자가 없습니다. 예: {prog} shapes LSTM --input-size 4 --hidden-size 8",
    ),
    "cli_batch_and_unbatched": (
        (
            "--batch and --unbatched exclude each other. Use --batch N for a batch of N "
            "sequences, or --unbatched for one sequence without a batch dimension."
        ),
        (
            "--batch와 --unbatched는 함께 쓸 수 없습니다. 시퀀스 N개짜리 배치에는 --batch N을, "
            "배치 차원이 없는 입력에는 --unbatched를 사용하십시오."
        ),
    ),
    "cli_usage": (
        "{detail}. Run '{prog} shapes --help' for the options.",
        (
            "명령줄 인자가 올바르지 않습니다: {detail}. 사용법은 '{prog} shapes --help'로 "
            "확인하십시오."
        ),
    ),
    "cli_no_command": (
        "missing command. Try: {prog} shapes LSTM --input-size 4 --hidden-size 8",
        "명령이 없습니다. 예: {prog} shapes LSTM --input-size 4 --hidden-size 8",
    ),
}

# Other text: key -> (English, Korean).
_TEXT: dict[str, tuple[str, str]] = {
    "error_prefix": ("error", "오류"),
    "n_values": ("{shown} ({count} values)", "{shown} (값 {count}개)"),
    "note_prefix": ("note", "참고"),
    "mismatch": (
        (
            "the shape formula and the real forward pass disagree; this is a bug in rnn_guide, "
            "please report it:"
        ),
        "모양 공식과 실제 순전파 결과가 다릅니다. rnn_guide의 버그이니 제보해 주십시오:",
    ),
    "mismatch_row": (
        "{tensor}: formula {expected}, forward pass {actual}",
        "{tensor}: 공식 {expected}, 순전파 {actual}",
    ),
    "torch_refused": (
        (
            "torch refused an input that rnn_guide accepted; this is a bug in rnn_guide, please "
            "report it. torch said: {detail}"
        ),
        (
            "rnn_guide가 받아들인 입력에서 torch가 오류를 냈습니다. rnn_guide의 버그이니 제보해 "
            "주십시오. torch 메시지: {detail}"
        ),
    ),
    "note_dropout": (
        (
            "dropout acts between stacked layers, so with num_layers=1 it has no effect. "
            "torch warns: {warning}"
        ),
        (
            "드롭아웃은 쌓인 레이어 사이에만 적용되므로 num_layers=1이면 효과가 없습니다. "
            "torch 경고: {warning}"
        ),
    ),
    "note_other": ("torch warns: {warning}", "torch 경고: {warning}"),
    "note_meta": (
        (
            "this configuration would hold about {megabytes} MB of tensors, so the forward pass "
            "ran on torch's meta device: the same torch code, computing shapes without data."
        ),
        (
            "이 설정은 텐서에 약 {megabytes}MB가 필요하므로 순전파를 torch의 meta 디바이스에서 "
            "실행했습니다. torch 코드는 같고, 데이터 없이 모양만 계산합니다."
        ),
    ),
    "heading_module": ("module", "모듈"),
    "heading_input": ("input", "입력"),
    "heading_symbols": ("symbols", "기호"),
    "heading_parameters": ("parameters, in torch's order", "매개변수(torch의 등록 순서)"),
    "col_tensor": ("tensor", "텐서"),
    "col_symbolic": ("symbolic shape", "기호로 쓴 모양"),
    "col_shape": ("shape", "모양"),
    "col_meaning": ("meaning", "의미"),
    "col_parameter": ("parameter", "매개변수"),
    "no_parameters": ("(none)", "(없음)"),
    "verified": (
        "verified: the formula and a real forward pass agree (torch {torch}).",
        "검증: 공식으로 계산한 모양과 실제 순전파의 모양이 일치합니다 (torch {torch}).",
    ),
    # Input description.
    "in_batched": (
        "batch of N={n} sequences, L={l} time steps",
        "배치 크기 N={n}, 시퀀스 길이 L={l}",
    ),
    "in_unbatched": (
        "one sequence without a batch dimension, L={l} time steps",
        "배치 차원이 없는 입력(시퀀스 하나), 시퀀스 길이 L={l}",
    ),
    "in_cell_batched": ("batch of N={n}, one time step", "배치 크기 N={n}, 타임 스텝 하나"),
    "in_cell_unbatched": (
        "one time step without a batch dimension",
        "배치 차원이 없는 입력, 타임 스텝 하나",
    ),
    "in_packed": (
        "packed sequence with lengths {lengths} (enforce_sorted={sorted})",
        "패킹된 시퀀스, 길이 {lengths} (enforce_sorted={sorted})",
    ),
    "in_h0_given": ("initial state {names} given", "초기 상태 {names} 직접 지정"),
    "in_h0_zeros": ("initial state {names} omitted (zeros)", "초기 상태 {names} 생략(0으로 채움)"),
    # One-line meanings of the tensors.
    "m_input_time_first": (
        "features of every sequence at every time step; time steps first (batch_first=False)",
        "시퀀스마다 각 타임 스텝의 입력 특성. 시퀀스 길이 차원이 맨 앞(batch_first=False)",
    ),
    "m_input_batch_first": (
        "features of every sequence at every time step; batch first (batch_first=True)",
        "시퀀스마다 각 타임 스텝의 입력 특성. 배치 차원이 맨 앞(batch_first=True)",
    ),
    "m_input_unbatched": (
        "one sequence without a batch dimension (batch_first does not apply)",
        "배치 차원이 없는 입력: 시퀀스 하나(batch_first는 적용되지 않음)",
    ),
    "m_input_packed": (
        "padded input, before pack_padded_sequence",
        "pack_padded_sequence로 패킹하기 전의 패딩된 입력",
    ),
    "m_packed_data": (
        "packed input .data: the real time steps only, padding removed",
        "패킹된 시퀀스 입력의 .data: 패딩을 빼고 실제 타임 스텝만 모은 텐서",
    ),
    "m_batch_sizes": (
        "sequences still running at each time step: {values}",
        "타임 스텝마다 아직 끝나지 않은 시퀀스 수: {values}",
    ),
    "m_packed_output_data": (
        "the module's packed output .data, one row per real time step",
        "모듈이 내놓은 패킹된 시퀀스 출력의 .data: 실제 타임 스텝마다 한 행",
    ),
    "m_output": (
        "last layer's hidden state at every time step",
        "마지막 레이어의 타임 스텝별 은닉 상태",
    ),
    "m_output_bi": (
        "last layer's hidden state at every time step, forward and backward concatenated",
        "마지막 레이어의 타임 스텝별 은닉 상태, 정방향과 역방향을 이어 붙임",
    ),
    "m_output_packed": (
        "output after pad_packed_sequence: zero padding past each sequence's length",
        "pad_packed_sequence로 되돌린 출력: 각 시퀀스 길이 뒤는 0으로 패딩됨",
    ),
    "m_h_n": ("final hidden state of each layer", "레이어마다의 마지막 은닉 상태"),
    "m_h_n_bi": (
        "final hidden state of each layer and direction (backward ends at time step 0)",
        "레이어와 방향마다의 마지막 은닉 상태(역방향은 타임 스텝 0에서 끝남)",
    ),
    "m_c_n": ("final cell state of each layer", "레이어마다의 마지막 셀 상태"),
    "m_c_n_bi": (
        "final cell state of each layer and direction",
        "레이어와 방향마다의 마지막 셀 상태",
    ),
    "m_h_0": ("initial hidden state you pass", "직접 넘긴 초기 은닉 상태"),
    "m_c_0": ("initial cell state you pass", "직접 넘긴 초기 셀 상태"),
    "m_cell_input": ("input features for one time step", "타임 스텝 하나의 입력 특성"),
    "m_cell_input_unbatched": (
        "input features for one time step, without a batch dimension",
        "배치 차원이 없는 입력: 타임 스텝 하나의 입력 특성",
    ),
    "m_cell_output": ("h': the next hidden state", "h': 다음 은닉 상태"),
    "m_cell_c": ("c': the next cell state", "c': 다음 셀 상태"),
    # Parameter meanings.
    "p_weight_ih": ("input-to-hidden weights", "입력→은닉 가중치"),
    "p_weight_hh": ("hidden-to-hidden weights", "은닉→은닉 가중치"),
    "p_bias_ih": ("input-to-hidden bias", "입력→은닉 편향"),
    "p_bias_hh": ("hidden-to-hidden bias", "은닉→은닉 편향"),
    "p_weight_hr": ("projection weights, H_cell to P", "투영 가중치(H_cell → P)"),
    "p_gates": ("gates {gates} stacked", "게이트 {gates} 순으로 쌓음"),
    "p_reverse": ("backward direction", "역방향"),
    # Command-line help.
    "help_description": (
        (
            "Print the tensor shapes of a PyTorch recurrent layer for your configuration, "
            "computed by formula and checked by a real forward pass."
        ),
        (
            "여러분의 설정에서 PyTorch 순환 레이어가 만드는 텐서 모양을 공식으로 계산하고 실제 "
            "순전파로 검증해 출력합니다."
        ),
    ),
    "help_epilog": (
        (
            "Exit status: 0 done; 2 refused input (message on stderr); 1 the formula and the "
            "forward pass disagree (a bug in rnn_guide)."
        ),
        (
            "종료 상태: 0 성공, 2 잘못된 입력(stderr에 메시지 출력), 1 공식과 순전파 결과가 다름"
            "(rnn_guide의 버그)."
        ),
    ),
    "help_shapes": ("tensor shapes for one configuration", "설정 하나의 텐서 모양"),
    "help_mode": ("the torch.nn module", "torch.nn 모듈"),
    "help_input_size": ("input features H_in (required)", "입력 특성 수 H_in (필수)"),
    "help_hidden_size": ("hidden state size (required)", "은닉 상태 크기 (필수)"),
    "help_num_layers": (
        "stacked layers (default 1; not for cells)",
        "쌓을 레이어 수 (기본값 1, 셀 제외)",
    ),
    "help_bidirectional": (
        "run both directions, D=2 (not for cells)",
        "양방향으로 실행, D=2 (셀 제외)",
    ),
    "help_batch_first": (
        "batch dimension first (not for cells)",
        "배치 차원을 맨 앞에 둠 (셀 제외)",
    ),
    "help_proj_size": ("LSTM projection size P (LSTM only)", "LSTM 투영 크기 P (LSTM 전용)"),
    "help_no_bias": ("no bias vectors (bias=False)", "편향 없이 생성 (bias=False)"),
    "help_nonlinearity": (
        "RNN/RNNCell activation (default tanh)",
        "RNN/RNNCell 활성화 함수 (기본값 tanh)",
    ),
    "help_dropout": (
        "dropout between stacked layers (default 0; not for cells)",
        "쌓인 레이어 사이의 드롭아웃 확률 (기본값 0, 셀 제외)",
    ),
    "help_seq_len": (
        "sequence length L (default {default}; not for cells)",
        "시퀀스 길이 L (기본값 {default}, 셀 제외)",
    ),
    "help_batch": ("batch size N (default {default})", "배치 크기 N (기본값 {default})"),
    "help_unbatched": ("input without a batch dimension", "배치 차원이 없는 입력"),
    "help_lengths": (
        "pack the batch with these sequence lengths, comma-separated",
        "쉼표로 구분한 길이로 배치를 패킹된 시퀀스로 만듦",
    ),
    "help_calc_lengths": (
        "one length per sequence, comma-separated, to pack the batch (empty: not packed)",
        "시퀀스마다 길이 하나, 쉼표로 구분. 배치를 패킹된 시퀀스로 만듦 (비우면 패킹하지 않음)",
    ),
    "help_enforce_sorted": (
        "lengths must come longest first; untick to let torch sort them (enforce_sorted=False)",
        "길이를 긴 것부터 적어야 함. 끄면 torch가 정렬함 (enforce_sorted=False)",
    ),
    "help_no_enforce_sorted": (
        "allow unsorted --lengths (enforce_sorted=False)",
        "정렬되지 않은 --lengths 허용 (enforce_sorted=False)",
    ),
    "help_with_h0": ("pass an initial state h_0 (and c_0)", "초기 상태 h_0(과 c_0)을 직접 넘김"),
    "help_json": ("print one JSON object instead of tables", "표 대신 JSON 객체 하나를 출력"),
    "help_lang": (
        "output language (default from the locale)",
        "출력 언어 (기본값은 로캘에서 결정)",
    ),
}


def detect_lang(environ: Mapping[str, str]) -> Lang:
    """Pick the language from the locale: ``ko`` if it starts with ``ko``, else ``en``.

    As in POSIX, the first non-empty of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` decides.
    """
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "ko" else pair[0]


def text(key: str, lang: Lang, **params: object) -> str:
    """Return the text ``key`` in ``lang``, formatted with ``params``."""
    return _pick(_TEXT[key], lang).format(**params)


def error_text(code: str, lang: Lang, style: Style, params: Mapping[str, object]) -> str:
    """Render the error template ``code``; :class:`~rnn_guide.errors.Arg` values are spelled."""
    values: dict[str, object] = {
        key: value.spell(style) if isinstance(value, (Arg, Spelled)) else value
        for key, value in params.items()
    }
    name = params.get("name")
    if isinstance(name, Arg) and name.name in _LABELS:
        values["label"] = _pick(_LABELS[name.name], lang)
    return _pick(_ERRORS[code], lang).format(**values)


def error_codes() -> tuple[str, ...]:
    """Return every error code (for tests that check each has both languages)."""
    return tuple(_ERRORS)


def label(name: str, lang: Lang) -> str:
    """Return what the sized argument ``name`` measures, e.g. ``은닉 상태 크기``."""
    return _pick(_LABELS[name], lang)
