"""rnn-guide explain: every catalogue message, with the reader's own numbers, is explained."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from rnn_guide.catalogue import ENTRIES, ENTRY_IDS, Entry
from rnn_guide.explain import explain, main
from rnn_guide.sphinxext.catalogue import run_all


def _other_numbers(item: Entry, message: str) -> str:
    """The message with the numbers the entry reads changed, as a reader's own would be."""
    match = item.search(message)
    assert match is not None, message
    spans = sorted(
        (match.span(name) for name in match.groupdict() if match.group(name) and name != "index"),
        reverse=True,
    )
    for begin, end in spans:
        changed = re.sub(r"\d+", lambda m: str(int(m.group(0)) * 7 + 3), message[begin:end])
        message = message[:begin] + changed + message[end:]
    return message


@pytest.mark.parametrize("item", ENTRIES, ids=ENTRY_IDS)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_explain_every_message_with_other_numbers(item, lang):
    message = _other_numbers(item, run_all()[item.id].message)
    result = explain(message, lang)
    assert result is not None, message
    assert result.entry_id == item.id, message
    assert result.url == f"errors.html#error-{item.id}"
    for value in result.numbers.values():  # read from the reader's message
        assert value in message
    if item.reading is not None:  # and put into the explanation
        assert any(value in result.meaning for value in result.numbers.values())
    assert json.loads(result.to_json())["entry_id"] == item.id


def test_numbers_are_read_into_the_meaning():
    result = explain("input.size(-1) must be equal to input_size. Expected 300, got 100")
    assert result is not None
    assert "100 features" in result.meaning
    assert "input_size=300" in result.meaning


def test_command_line_argument_stdin_and_json(capsys):
    assert main(["explain", "--json", "Expected hidden size (2, 4, 256), got (2, 64, 256)"]) == 0
    assert json.loads(capsys.readouterr().out)["entry_id"] == "hidden-size-mismatch"
    done = subprocess.run(
        [sys.executable, "-m", "rnn_guide", "explain", "--lang", "ko"],
        input="RuntimeError: Cannot pack empty tensors.\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "pack-empty-batch" in done.stdout


@pytest.mark.parametrize("argv", [["explain", "KeyError: 'foo'"], ["explain", "--lang", "fr", "x"]])
def test_no_match_is_one_line_exit_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
