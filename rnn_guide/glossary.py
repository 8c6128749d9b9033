"""The site's glossary as data: one row per concept, in both languages.

This module is the single source of truth for the words the site uses. Three outputs read it:

* the glossary pages ``docs/{ko,en}/glossary.md`` (the ``rnn-glossary`` directive of
  :mod:`rnn_guide.sphinxext.glossary_page` renders every section and row at build time);
* the Korean search (:mod:`rnn_guide.sphinxext.search_ko`), which rewrites the words other Korean
  sources use (:attr:`Term.other_words`) into the site's words, both when the index is built
  and when a reader types a query (:func:`search_synonyms`);
* the tests, which compare both with this table.

>>> term("hidden state").korean
'은닉 상태'
>>> term("hidden state").other_words
('히든 스테이트',)
>>> sorted(len(section.terms) for section in SECTIONS)[-1] > 10
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "SECTIONS",
    "Section",
    "Term",
    "korean_words",
    "search_synonyms",
    "term",
    "terms",
]


@dataclass(frozen=True)
class Term:
    """One concept: its English and Korean names, the code that shows it, a note, other words.

    ``other_words`` are what other Korean sources (blogs, books, translated docs) call the same
    thing; readers search with them. A phrase is written with as many words as ``korean`` (each
    word stands for the word at the same place: 히든 스테이트 → 은닉 상태) or as a single word
    (타임스텝 → 타임 스텝).
    """

    english: str
    korean: str
    code: tuple[str, ...] = ()
    note_ko: str = ""
    note_en: str = ""
    other_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A group of terms with a heading (``key`` is its anchor in both languages)."""

    key: str
    title_ko: str
    title_en: str
    terms: tuple[Term, ...]
    intro_ko: str = ""
    intro_en: str = ""


SECTIONS: tuple[Section, ...] = (
    Section(
        "tensors-and-axes",
        "텐서와 축",
        "Tensors and axes",
        (
            Term("tensor", "텐서", ("torch.Tensor",)),
            Term(
                "shape",
                "모양",
                (".shape", "torch.Size"),
                "`.shape`와 `torch.Size`는 코드 그대로 씁니다. 다른 자료에서는 shape를 차원이라고도 "
                "부르지만, 이 사이트에서 차원은 축의 개수를 말합니다.",
                "`.shape` and `torch.Size` stay as code. Other sources also call a shape 차원; "
                "here 차원 is the number of axes.",
                ("shape", "형태", "차원"),
            ),
            Term(
                "dimension",
                "차원",
                ("x.dim()",),
                "축의 개수를 말할 때 씁니다(3차원 입력).",
                "Used for the number of axes (a 3-D input).",
            ),
            Term(
                "axis",
                "축",
                (),
                "특정 위치의 차원을 가리킬 때 씁니다(배치 축, 마지막 축).",
                "Used for one of the dimensions (the batch axis, the last axis).",
            ),
            Term(
                "layout, axis order",
                "축 순서",
                ("(L, N, H_in)", "(N, L, H_in)"),
                "어느 축이 배치이고 어느 축이 시간인지를 말합니다. 배치라고 쓰지 않습니다.",
                "Which axis is the batch and which one is time; never called 배치.",
                ("레이아웃",),
            ),
            Term(
                "time-first, sequence-first",
                "시간 우선",
                ("batch_first=False",),
                "PyTorch의 기본 축 순서입니다.",
                "PyTorch's default layout.",
            ),
            Term("batch-first", "배치 우선", ("batch_first=True",)),
            Term(
                "batch",
                "배치",
                (),
                "한 번에 처리하는 시퀀스 묶음만 가리킵니다.",
                "Only the group of sequences processed at once.",
            ),
            Term("batch size", "배치 크기", ("N",), other_words=("batch_size",)),
            Term(
                "unbatched input",
                "배치 차원이 없는 입력",
                ("(L, H_in)",),
                "모든 모양에서 `N`이 빠집니다.",
                "Every shape loses its `N`.",
            ),
            Term("sequence", "시퀀스"),
            Term("sequence length", "시퀀스 길이", ("L",), other_words=("seq_length", "seq_len")),
            Term(
                "time step",
                "타임 스텝",
                (),
                "시간 축 위의 한 위치입니다.",
                "One position along the time axis.",
                ("타임스텝", "시점"),
            ),
            Term(
                "feature",
                "특성",
                (),
                "타임 스텝 하나에 들어가는 벡터의 성분 하나입니다.",
                "One component of the vector fed in at one time step.",
                ("피처", "feature"),
            ),
            Term(
                "number of input features",
                "입력 특성 수",
                ("H_in", "input_size"),
                "타임 스텝 하나에 들어가는 벡터의 길이입니다.",
                "The length of the vector fed in at one time step.",
                ("입력 피처 수",),
            ),
        ),
    ),
    Section(
        "recurrent-layers",
        "순환 레이어",
        "Recurrent layers",
        (
            Term(
                "recurrent layer",
                "순환 레이어",
                ("nn.RNN", "nn.LSTM", "nn.GRU"),
                other_words=("순환층",),
            ),
            Term(
                "layer",
                "레이어",
                ("num_layers",),
                'stacked RNN은 "여러 레이어를 쌓은(stacked) RNN"으로 씁니다.',
                "A stacked RNN is written 여러 레이어를 쌓은(stacked) RNN.",
                ("계층", "층", "은닉층"),
            ),
            Term(
                "cell",
                "셀",
                ("nn.RNNCell", "nn.LSTMCell", "nn.GRUCell"),
                "한 레이어의 한 타임 스텝만 계산하는 모듈입니다. LSTM의 셀 상태와는 다른 말입니다.",
                "A module for one time step of one layer; not the LSTM's cell state.",
            ),
            Term(
                "hidden state",
                "은닉 상태",
                ("h",),
                'hidden은 직역하지 않고 "은닉"으로 옮깁니다.',
                '"Hidden" is translated as 은닉, never literally.',
                ("히든 스테이트",),
            ),
            Term(
                "hidden unit",
                "은닉 유닛",
                (),
                "은닉 상태 벡터의 성분 하나입니다. `hidden_size`는 은닉 유닛의 수입니다.",
                "One component of the hidden state vector; `hidden_size` counts them.",
                ("히든 유닛", "은닉 뉴런"),
            ),
            Term(
                "initial hidden state",
                "초기 은닉 상태",
                ("h_0",),
                "넘기지 않으면 0으로 시작합니다.",
                "Zeros when not given.",
            ),
            Term("final hidden state", "마지막 은닉 상태", ("h_n",)),
            Term(
                "hidden size",
                "은닉 상태 크기",
                ("H_out", "hidden_size"),
                "벡터 하나의 길이이지, 은닉 상태의 개수가 아닙니다.",
                "The length of one vector, not a number of hidden states.",
                ("히든 스테이트 사이즈", "hidden_dim"),
            ),
            Term(
                "cell state",
                "셀 상태",
                ("c_0", "c_n", "H_cell"),
                "LSTM에만 있습니다.",
                "LSTM only.",
                ("셀 스테이트",),
            ),
            Term(
                "gate",
                "게이트",
                (),
                "LSTM: 입력 게이트 `i`, 망각 게이트 `f`, 셀 후보 `g`, 출력 게이트 `o`. "
                "GRU: 리셋 게이트 `r`, 업데이트 게이트 `z`, 새 후보 `n`.",
                "LSTM: input gate `i` (입력 게이트), forget gate `f` (망각 게이트), cell "
                "candidate `g` (셀 후보), output gate `o` (출력 게이트). GRU: reset gate `r` "
                "(리셋 게이트), update gate `z` (업데이트 게이트), new candidate `n` (새 후보).",
            ),
            Term(
                "projection",
                "투영",
                ("P", "proj_size", "weight_hr_l0"),
                "LSTM에만 있습니다.",
                "LSTM only.",
                ("프로젝션",),
            ),
            Term("bidirectional", "양방향", ("bidirectional=True",)),
            Term(
                "number of directions",
                "방향 수",
                ("D",),
                "양방향이면 2, 아니면 1입니다.",
                "2 if bidirectional, else 1.",
            ),
            Term(
                "forward direction",
                "정방향",
                (),
                "시퀀스를 처음부터 읽는 방향입니다.",
                "Reads the sequence from the start.",
            ),
            Term(
                "backward direction",
                "역방향",
                ("_reverse",),
                "시퀀스를 끝에서부터 읽는 방향입니다.",
                "Reads the sequence from the end.",
            ),
            Term("dropout", "드롭아웃", ("dropout",), other_words=("드랍아웃",)),
            Term(
                "activation, nonlinearity",
                "활성화 함수, 비선형 함수",
                ("nonlinearity",),
            ),
            Term("forward pass", "순전파", ("module(x)",), other_words=("포워드",)),
            Term("training mode", "학습 모드", ("module.train()",)),
            Term("evaluation mode", "평가 모드", ("module.eval()",)),
        ),
    ),
    Section(
        "arguments-and-parameters",
        "인자와 매개변수",
        "Arguments and parameters",
        (
            Term(
                "argument",
                "인자",
                ("input_size", "hidden_size", "…"),
                "모듈을 만들 때(생성자 인자)나 호출할 때 넘기는 값입니다. 인자 안내 페이지가 모두 다룹니다.",
                "A value passed when you build the module (constructor argument) or call it; the "
                "argument reference covers them all.",
                ("인수",),
            ),
            Term(
                "parameter",
                "매개변수",
                ("named_parameters()",),
                "모듈이 학습하는 텐서, 곧 가중치와 편향입니다.",
                "A tensor the module learns: its weights and biases.",
                ("파라미터",),
            ),
            Term("weight", "가중치", ("weight_ih_l0", "weight_hh_l0")),
            Term("bias", "편향", ("bias_ih_l0", "bias_hh_l0"), other_words=("바이어스",)),
            Term("default", "기본값"),
        ),
        intro_ko="PyTorch 한국어 튜토리얼(tutorials-kr)의 관례를 따라 argument는 인자, parameter는 "
        "매개변수로 옮깁니다. 그래서 `nn.RNN(4, 6)`에 넘기는 `input_size`와 `hidden_size`는 인자이고, "
        "`named_parameters()`가 돌려주는 가중치와 편향은 매개변수입니다. 한 낱말이 두 가지를 가리키지 "
        "않도록, 이 사이트에서 매개변수는 모듈이 학습하는 텐서만 뜻합니다.",
        intro_en="After the Korean PyTorch tutorials (tutorials-kr), argument is 인자 and "
        "parameter is 매개변수: `input_size` and `hidden_size` passed to `nn.RNN(4, 6)` are "
        "arguments (인자); the weights and biases `named_parameters()` returns are parameters "
        "(매개변수). On this site 매개변수 means only the tensors a module learns.",
    ),
    Section(
        "sequences-of-different-lengths",
        "길이가 다른 시퀀스",
        "Sequences of different lengths",
        (
            Term("padding", "패딩", ("pad_sequence",)),
            Term("packing", "패킹", ("pack_padded_sequence",)),
            Term("packed sequence", "패킹된 시퀀스", ("PackedSequence",)),
            Term(
                "lengths",
                "길이",
                ("lengths", "sum(lengths)", "max(lengths)"),
                "시퀀스마다 패딩을 뺀 실제 길이입니다.",
                "The real length of each sequence, without padding.",
            ),
            Term(
                "mask",
                "마스크",
                (),
                "어느 타임 스텝이 실제 데이터인지 표시하는 텐서입니다.",
                "A tensor that marks which time steps hold real data.",
            ),
        ),
    ),
    Section(
        "from-hidden-states-to-predictions",
        "은닉 상태에서 예측으로",
        "From hidden states to predictions",
        (
            Term(
                "head",
                "헤드",
                ("nn.Linear",),
                "은닉 상태를 예측값으로 바꾸는 레이어입니다.",
                "The layer that turns hidden states into predictions.",
                ("출력층",),
            ),
            Term(
                "many-to-one",
                "다대일",
                (),
                "시퀀스마다 예측값 하나를 냅니다. 처음 나올 때 다대일(many-to-one)로 씁니다.",
                "One prediction per sequence. Written 다대일(many-to-one) on first use.",
            ),
            Term(
                "many-to-many",
                "다대다",
                (),
                "타임 스텝마다 예측값 하나를 냅니다. 처음 나올 때 다대다(many-to-many)로 씁니다.",
                "One prediction per time step. Written 다대다(many-to-many) on first use.",
            ),
            Term("prediction", "예측값"),
            Term(
                "logit",
                "로짓",
                (),
                "소프트맥스를 거치기 전의 점수입니다. 처음 나올 때 로짓(logit)으로 씁니다.",
                "A score before the softmax. Written 로짓(logit) on first use.",
                ("logit",),
            ),
            Term(
                "target",
                "타깃",
                (),
                "손실을 계산할 때 예측값과 비교하는 값입니다. 처음 나올 때 타깃(target)으로 씁니다.",
                "What the loss compares a prediction with. Written 타깃(target) on first use.",
                ("타겟", "정답"),
            ),
            Term(
                "label",
                "레이블",
                (),
                "분류에서 타깃으로 쓰는 클래스 번호입니다.",
                "A class index, the target of a classifier.",
                ("라벨",),
            ),
            Term("number of classes", "클래스 수", ("C",), other_words=("num_classes",)),
            Term("loss", "손실", (), other_words=("로스",)),
        ),
    ),
    Section(
        "this-site",
        "이 사이트",
        "This site",
        (
            Term("example", "예제"),
            Term("example gallery", "예제 갤러리"),
            Term("download", "내려받기", (), other_words=("다운로드",)),
        ),
    ),
)

_WORD = re.compile(r"\w+")


def terms() -> tuple[Term, ...]:
    """Every term, in the order of the glossary.

    >>> terms()[0].english, terms()[0].korean
    ('tensor', '텐서')
    """
    return tuple(row for section in SECTIONS for row in section.terms)


def term(english: str) -> Term:
    """The term whose English name is ``english``.

    >>> term("logit").korean
    '로짓'
    >>> term("hiden state")  # codespell:ignore hiden
    Traceback (most recent call last):
    ...
    KeyError: "rnn_guide.glossary: no term 'hiden state'"
    """
    for row in terms():
        if row.english == english:
            return row
    raise KeyError(f"rnn_guide.glossary: no term {english!r}")


def korean_words() -> frozenset[str]:
    """Every word of the site's own Korean terms (never rewritten by the search).

    >>> {"차원", "상태", "레이어"} <= korean_words(), "히든" in korean_words()
    (True, False)
    """
    return frozenset(word for row in terms() for word in _WORD.findall(row.korean))


def search_synonyms() -> dict[str, tuple[str, ...]]:
    """Map each other source's word to the site's word(s) it stands for, for the search.

    A phrase with as many words as the Korean term maps word by word; a single word maps to the
    whole term. Words that are themselves site terms (차원) are left alone, so a search for
    them keeps finding exactly the pages that use them; so are code names (``batch_size``, the
    blog's names: shown in the glossary, searched as written); words mapping to themselves are
    left out. Two rows that disagree about a word are an error.

    >>> synonyms = search_synonyms()
    >>> synonyms["히든"], synonyms["스테이트"], synonyms["타임스텝"], synonyms["shape"]
    (('은닉',), ('상태',), ('타임', '스텝'), ('모양',))
    >>> "차원" in synonyms, "유닛" in synonyms, "batch_size" in synonyms
    (False, False, False)
    """
    site_words = korean_words()
    mapping: dict[str, tuple[str, ...]] = {}
    for row in terms():
        target = tuple(_WORD.findall(row.korean))
        for phrase in row.other_words:
            words = _WORD.findall(phrase)
            if len(words) == len(target):
                pairs = [(word, (site,)) for word, site in zip(words, target, strict=True)]
            elif len(words) == 1:
                pairs = [(words[0], target)]
            else:
                raise ValueError(
                    f"rnn_guide.glossary: {phrase!r} (other word for {row.korean!r}) needs "
                    f"{len(target)} words or one"
                )
            for word, site in pairs:
                if word in site_words or "_" in word or site == (word,):
                    continue
                if mapping.get(word, site) != site:
                    raise ValueError(
                        f"rnn_guide.glossary: {word!r} stands for both {mapping[word]} and {site}"
                    )
                mapping[word] = site
    return mapping
