"""The published command-line contract: output, JSON, languages, exit codes and refusals."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import rnn_guide.run
from rnn_guide.cli import main
from rnn_guide.shapes import expected_shapes

ROOT = Path(__file__).resolve().parent.parent
HANGUL = re.compile("[가-힣]")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Tests choose the language explicitly; the default comes from the locale."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["shapes", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys, *argv: str) -> dict:
    status, out, _ = run(capsys, *argv, "--json")
    assert status == 0
    return json.loads(out)


def test_table_in_english(capsys):
    status, out, err = run(
        capsys, "LSTM", "--input-size", "4", "--hidden-size", "8", "--num-layers", "2",
        "--bidirectional", "--proj-size", "3",
    )  # fmt: skip
    assert status == 0
    assert out.startswith("module: nn.LSTM(4, 8, num_layers=2, bidirectional=True, proj_size=3)\n")
    assert "symbols: N=3, L=5, D=2, num_layers=2, H_in=4, H_cell=8, P=3, H_out=3" in out
    rows = {line.split()[0]: line for line in out.splitlines() if line}
    assert "(L, N, D*H_out)" in rows["output"]
    assert "(5, 3, 6)" in rows["output"]
    assert "(D*num_layers, N, H_out)   (4, 3, 3)" in rows["h_n"]
    assert "(4, 3, 8)" in rows["c_n"]
    assert "(4*H_cell, D*H_out)  (32, 6)" in rows["weight_ih_l1"]
    assert "(P, H_cell)          (3, 8)" in rows["weight_hr_l1_reverse"]
    assert "verified: the formula and a real forward pass agree (torch" in out
    assert not err


def test_table_in_korean(capsys):
    status, out, _ = run(capsys, "GRU", "--input-size", "2", "--hidden-size", "4", "--lang", "ko")
    assert status == 0
    assert out.startswith("모듈: nn.GRU(2, 4)\n입력: 배치 크기 N=3, 시퀀스 길이 L=5")
    assert "텐서" in out
    assert "마지막 레이어의 타임 스텝별 은닉 상태" in out
    assert "검증: 공식으로 계산한 모양과 실제 순전파의 모양이 일치합니다" in out
    assert "숨겨진" not in out


def test_korean_columns_are_aligned_by_display_width(capsys):
    _, out, _ = run(capsys, "GRU", "--input-size", "2", "--hidden-size", "4", "--lang", "ko")
    header, rule = out.splitlines()[4:6]
    assert header.startswith("텐서    기호로 쓴 모양")  # 텐서 is four columns wide, like "----"
    assert rule.startswith("------  ")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "모듈:"),
        ({"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "모듈:"),
        ({"LC_ALL": "C.UTF-8", "LANG": "ko_KR.UTF-8"}, "module:"),
        ({"LC_MESSAGES": "ko_KR.UTF-8"}, "모듈:"),
        ({}, "module:"),
    ],
)
def test_language_defaults_to_the_locale(capsys, monkeypatch, env, expected):
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    _, out, _ = run(capsys, "RNN", "--input-size", "2", "--hidden-size", "3")
    assert out.startswith(expected)


def test_lang_option_beats_the_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    _, out, _ = run(capsys, "RNN", "--input-size", "2", "--hidden-size", "3", "--lang", "en")
    assert out.startswith("module:")


def test_json_object(capsys):
    data = run_json(capsys, "LSTM", "--input-size", "4", "--hidden-size", "6", "--batch-first",
                    "--batch", "2", "--seq-len", "7")  # fmt: skip
    assert list(data) == [
        "input", "output", "h_n", "c_n", "packed_data", "batch_sizes", "parameters", "symbols", "torch",
    ]  # fmt: skip
    assert data["input"] == [2, 7, 4]
    assert data["output"] == [2, 7, 6]
    assert data["h_n"] == [1, 2, 6]
    assert data["c_n"] == [1, 2, 6]
    assert data["packed_data"] is None
    assert data["batch_sizes"] is None
    assert data["parameters"] == {
        "weight_ih_l0": [24, 4], "weight_hh_l0": [24, 6], "bias_ih_l0": [24], "bias_hh_l0": [24],
    }  # fmt: skip
    assert data["symbols"]["output"] == "(N, L, D*H_out)"
    assert data["symbols"]["packed_data"] is None
    assert data["torch"].startswith("2.")


def test_json_packed(capsys):
    data = run_json(capsys, "GRU", "--input-size", "3", "--hidden-size", "5", "--bidirectional",
                    "--batch", "4", "--seq-len", "9", "--lengths", "3,7,1,5", "--no-enforce-sorted")  # fmt: skip
    assert data["packed_data"] == [16, 3]
    assert data["batch_sizes"] == [4, 3, 3, 2, 2, 1, 1]
    assert data["output"] == [7, 4, 10]  # after pad_packed_sequence: max(lengths), not --seq-len
    assert data["input"] == [9, 4, 3]
    assert data["h_n"] == [2, 4, 5]
    assert data["symbols"]["output"] == "(max(lengths), N, D*H_out)"


def test_equal_lengths_side_by_side_are_sorted_enough(capsys):
    """torch's "decreasing order" means non-increasing: ties pass with enforce_sorted on."""
    data = run_json(capsys, "GRU", "--input-size", "3", "--hidden-size", "5", "--batch", "3",
                    "--seq-len", "5", "--lengths", "5,3,3")  # fmt: skip
    assert data["batch_sizes"] == [3, 3, 3, 1, 1]


@pytest.mark.parametrize(
    ("mode", "c_n"), [("RNNCell", None), ("LSTMCell", [3, 4]), ("GRUCell", None)]
)
def test_json_cells(capsys, mode, c_n):
    data = run_json(capsys, mode, "--input-size", "2", "--hidden-size", "4", "--with-h0")
    assert data["input"] == [3, 2]
    assert data["output"] == [3, 4]  # h'
    assert data["h_n"] is None
    assert data["c_n"] == c_n


def test_json_unbatched_cell(capsys):
    data = run_json(capsys, "LSTMCell", "--input-size", "2", "--hidden-size", "4", "--unbatched")
    assert (data["input"], data["output"], data["c_n"]) == ([2], [4], [4])


def test_batch_zero(capsys):
    data = run_json(capsys, "LSTM", "--input-size", "2", "--hidden-size", "4", "--batch", "0")
    assert (data["output"], data["h_n"]) == ([5, 0, 4], [1, 0, 4])


def test_dropout_with_one_layer_succeeds_with_a_note(capsys):
    status, out, err = run(
        capsys, "GRU", "--input-size", "2", "--hidden-size", "3", "--dropout", "0.5"
    )
    assert status == 0
    note = [line for line in out.splitlines() if line.startswith("note:")]
    assert len(note) == 1
    assert "dropout acts between stacked layers" in note[0]
    assert "non-zero dropout expects num_layers greater than 1" in note[0]  # torch's own words
    assert not err
    status, out, err = run(capsys, "GRU", "--input-size", "2", "--hidden-size", "3",
                           "--dropout", "0.5", "--json", "--lang", "ko")  # fmt: skip
    assert status == 0
    json.loads(out)  # stdout stays pure JSON
    assert err.startswith("rnn-guide: 참고: 드롭아웃은")


# argv after "shapes", and words the English message must contain (what is wrong, how to fix).
BAD = [
    (["LSTM", "--input-size", "3", "--hidden-size", "4", "--proj-size", "4"], ["smaller than --hidden-size", "0 for no projection"]),
    (["LSTM", "--input-size", "3", "--hidden-size", "4", "--proj-size", "9"], ["smaller than --hidden-size"]),
    (["LSTM", "--input-size", "3", "--hidden-size", "4", "--proj-size", "-1"], ["--proj-size must be 0"]),
    (["RNN", "--input-size", "3", "--hidden-size", "4", "--proj-size", "2"], ["only supported by LSTM", "Remove --proj-size"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--proj-size", "0"], ["only supported by LSTM"]),
    (["LSTM", "--input-size", "3", "--hidden-size", "4", "--nonlinearity", "relu"], ["Remove --nonlinearity"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--nonlinearity", "tanh"], ["Remove --nonlinearity"]),
    (["RNN", "--input-size", "3", "--hidden-size", "4", "--nonlinearity", "sigmoid"], ["Choose 'tanh' or 'relu'"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--dropout", "1.5"], ["from 0 to 1", "--dropout 0.2"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--dropout", "-0.1"], ["from 0 to 1"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--dropout", "nan"], ["from 0 to 1"]),
    (["GRU", "--input-size", "0", "--hidden-size", "4"], ["--input-size", "greater than zero"]),
    (["GRU", "--input-size", "3", "--hidden-size", "-2"], ["--hidden-size", "greater than zero"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--num-layers", "0"], ["--num-layers", "greater than zero"]),
    (["GRUCell", "--input-size", "3", "--hidden-size", "0"], ["--hidden-size", "greater than zero"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--batch", "-1"], ["cannot be negative", "--unbatched"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--seq-len", "0"], ["--seq-len", "at least 1"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", "3,0,2"], ["at least 1"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", "9,3,1"], ["exceeds --seq-len (5)", "Raise --seq-len to at least 9"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", "3,2"], ["2 values but the batch has 3"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--batch", "2", "--lengths", "3,2,1"], ["3 values but the batch has 2"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", "3", "--unbatched"], ["--lengths needs a batch", "Remove --lengths"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", "2,5,3"], ["non-increasing", "7,5,5,1", "--no-enforce-sorted"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--no-enforce-sorted"], ["only applies to packed input"]),
    (["LSTMCell", "--input-size", "3", "--hidden-size", "4", "--num-layers", "2"], ["takes no --num-layers", "use LSTM"]),
    (["LSTMCell", "--input-size", "3", "--hidden-size", "4", "--num-layers", "1"], ["takes no --num-layers"]),
    (["GRUCell", "--input-size", "3", "--hidden-size", "4", "--bidirectional"], ["takes no --bidirectional"]),
    (["RNNCell", "--input-size", "3", "--hidden-size", "4", "--batch-first"], ["takes no --batch-first"]),
    (["RNNCell", "--input-size", "3", "--hidden-size", "4", "--dropout", "0.1"], ["takes no --dropout"]),
    (["GRUCell", "--input-size", "3", "--hidden-size", "4", "--seq-len", "4"], ["--seq-len does not apply"]),
    (["GRUCell", "--input-size", "3", "--hidden-size", "4", "--lengths", "1,1,1"], ["--lengths does not apply"]),
    (["GRU", "--input-size", "abc", "--hidden-size", "4"], ["--input-size expects a whole number", "'abc'"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4.5"], ["--hidden-size expects a whole number"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--batch", "two"], ["--batch expects a whole number"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--seq-len", "5s"], ["--seq-len expects a whole number"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--dropout", "half"], ["--dropout expects a number"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", "3,a,1"], ["comma", "'3,a,1'"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lengths", ""], ["comma"]),
    (["GRU", "--hidden-size", "4"], ["missing --input-size"]),
    (["GRU", "--input-size", "3"], ["missing --hidden-size"]),
    (["Transformer", "--input-size", "3", "--hidden-size", "4"], ["unknown module 'Transformer'", "LSTMCell"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--batch", "2", "--unbatched"], ["exclude each other"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--bogus"], ["unrecognized arguments: --bogus", "--help"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--batch"], ["expected one argument"]),
    (["GRU", "--input-size", "3", "--hidden-size", "4", "--lang", "fr"], ["--lang 'fr'"]),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "words"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_refused_cleanly(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("rnn-guide: error: ")
    assert err.count("\n") == 1, "one short line"
    assert "Traceback" not in err
    for word in words:
        assert word in err
    if "--lang" in argv:
        return
    status, out, err = run(capsys, *argv, "--lang", "ko")
    assert status == 2
    assert err.startswith("rnn-guide: 오류: ")
    assert HANGUL.search(err.removeprefix("rnn-guide: 오류: "))
    assert "Traceback" not in err


def test_missing_command(capsys):
    assert main([]) == 2
    assert "missing command" in capsys.readouterr().err


def test_help_documents_the_defaults(capsys):
    assert main(["shapes", "--help"]) == 0
    out = capsys.readouterr().out
    assert "sequence length L (default 5" in out
    assert "batch size N (default 3)" in out
    assert "{RNN,LSTM,GRU,RNNCell,LSTMCell,GRUCell}" in out
    assert main(["shapes", "--help", "--lang", "ko"]) == 0
    assert "시퀀스 길이 L (기본값 5" in capsys.readouterr().out


def test_disagreement_exits_1(capsys, monkeypatch):
    def wrong(cfg, spec):
        report = expected_shapes(cfg, spec)
        return report.__class__(**{**report.__dict__, "h_n": (7, 7, 7)})

    monkeypatch.setattr(rnn_guide.run, "expected_shapes", wrong)
    status, out, err = run(capsys, "GRU", "--input-size", "2", "--hidden-size", "3")
    assert status == 1
    assert out == ""
    assert "disagree" in err
    assert "h_n: formula (7, 7, 7), forward pass (1, 3, 3)" in err


def test_torch_refusing_what_we_accept_exits_1(capsys, monkeypatch):
    def refuse(cfg, spec, **kwargs):
        raise RuntimeError("Expected something else")

    monkeypatch.setattr(rnn_guide.run, "run_forward", refuse)
    status, _, err = run(capsys, "GRU", "--input-size", "2", "--hidden-size", "3", "--lang", "ko")
    assert status == 1
    assert "rnn_guide의 버그" in err
    assert "RuntimeError: Expected something else" in err


def _subprocess(*argv: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": lang}
    return subprocess.run(
        [sys.executable, "-m", "rnn_guide", "shapes", *argv],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip


def test_real_process_refuses_cleanly():
    result = _subprocess("LSTM", "--input-size", "3", "--hidden-size", "4", "--proj-size", "4",
                         lang="ko_KR.UTF-8")  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("rnn-guide: 오류: --proj-size 값(4)은 --hidden-size 값(4)보다")
    assert "Traceback" not in result.stderr


def test_real_process_answers():
    result = _subprocess("GRU", "--input-size", "3", "--hidden-size", "4", "--unbatched", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["input"], data["output"], data["h_n"]) == ([5, 3], [5, 4], [1, 4])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_docs_page_runs_the_commands_it_shows(lang):
    """Each ```console block of docs/<lang>/cli.md is the command the next cell executes."""
    page = (ROOT / "docs" / lang / "cli.md").read_text(encoding="utf-8")
    shown = re.findall(r"```console\n\$ (.+)\n```", page)
    executed = re.findall(r'^show\("(.+)"\)$', page, flags=re.MULTILINE)
    assert shown
    assert shown == executed
    for command in shown:
        argv = shlex.split(command)
        assert argv[:3] == ["python", "-m", "rnn_guide"]
    assert not re.search(r"\(\d+(, \d+)*,?\)", re.sub(r"```.*?```", "", page, flags=re.DOTALL)), (
        "shape numbers belong in executed output, not in the prose"
    )


def test_large_configuration_says_where_it_ran(capsys):
    status, out, err = run(capsys, "GRU", "--input-size", "8192", "--hidden-size", "8192",
                           "--batch", "1", "--seq-len", "2", "--json")  # fmt: skip
    assert status == 0
    assert json.loads(out)["output"] == [2, 1, 8192]
    assert "meta device" in err


ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments:",
    "options:",
    "show this help message and exit",
)
ARGPARSE_KOREAN = ("사용법: ", "위치 인자:", "옵션:", "이 도움말을 출력하고 종료")
HELP_COMMANDS = [["--help"], ["shapes", "--help"], ["trace", "--help"], ["explain", "--help"]]


@pytest.mark.parametrize("argv", HELP_COMMANDS, ids=" ".join)
def test_help_headings_are_korean_with_lang_ko(capsys, argv):
    assert main([*argv, "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    for korean in ARGPARSE_KOREAN:
        assert korean in out, f"{argv}: no {korean!r} in\n{out}"
    for english in ARGPARSE_ENGLISH:
        assert english not in out, f"{argv}: argparse's English {english!r} in\n{out}"


@pytest.mark.parametrize("argv", HELP_COMMANDS, ids=" ".join)
def test_help_headings_follow_a_korean_locale(capsys, monkeypatch, argv):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("사용법: rnn-guide")
    assert "옵션:" in out
    assert "options:" not in out


@pytest.mark.parametrize("argv", HELP_COMMANDS, ids=" ".join)
def test_help_headings_stay_english_otherwise(capsys, argv):
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: rnn-guide")
    for english in ARGPARSE_ENGLISH:
        assert english in out
    assert not HANGUL.search(out.split("\n\n")[0]), "the usage line is English"


def test_korean_run_leaves_argparse_english(capsys):
    import argparse

    assert main(["shapes", "--help", "--lang", "ko"]) == 0
    capsys.readouterr()
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


@pytest.mark.parametrize(
    ("argv", "korean"),
    [
        (["shapes", "GRU", "--input-size", "3", "--hidden-size", "4", "--bogus"], "알 수 없는 인자: --bogus"),
        (["shapes", "GRU", "--input-size", "3", "--hidden-size", "4", "--batch"], "--batch 인자: 값 하나가 필요합니다"),
        (["shapes"], "다음 인자가 필요합니다: {RNN,"),
        (["trace"], "다음 인자가 필요합니다: MODULE:CALLABLE"),
        (["bogus"], "고를 수 없는 값입니다: 'bogus'"),
    ],
)  # fmt: skip
def test_argparse_usage_errors_are_korean(capsys, argv, korean):
    assert main([*argv, "--lang", "ko"]) == 2
    err = capsys.readouterr().err
    assert korean in err, err
    assert not re.search(r"unrecognized|required|expected|invalid choice", err), err


def test_every_argparse_text_for_the_reader_has_korean():
    """A Python whose argparse says something new fails here instead of printing English."""
    import argparse
    import inspect

    from rnn_guide.argparse_lang import KOREAN

    source = inspect.getsource(argparse)
    found = set(re.findall(r"\b_\(\s*'([^']*)'\s*\)", source))
    found |= set(re.findall(r'\b_\(\s*"([^"]*)"\s*\)', source))
    found = {text.encode("ascii").decode("unicode_escape") for text in found}  # "\\n" in the source
    for_developers = {  # raised at a programming error, never by a reader's command line
        ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
        'argument "-" with mode %r', "cannot merge actions - two groups are named %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r", "invalid conflict_resolution value: %r",
        "mutually exclusive arguments must be optional", "cannot have multiple subparser arguments",
        "%r is not callable", "invalid option string %(option)r: ",
        "'required' is an invalid argument for positionals",
    }  # fmt: skip
    untranslated = sorted(found - set(KOREAN) - for_developers)
    assert not untranslated, f"add these to rnn_guide.argparse_lang.KOREAN: {untranslated}"
    assert {"usage: ", "positional arguments", "options"} <= found, "argparse changed its texts"
