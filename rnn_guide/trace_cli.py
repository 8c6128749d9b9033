"""``rnn-guide trace``: every submodule of your own model, traced by one real forward pass.

``rnn-guide trace MODULE:CALLABLE --input SHAPE[,DTYPE] ...`` imports ``MODULE`` (a module
name, or a path to a ``.py`` file), calls ``CALLABLE`` with no arguments to build the model,
makes one input per ``--input`` and prints :func:`rnn_guide.tracing.format_trace`. The module
is imported and executed: this runs your own code, so trace only code you trust.

Input specs (one ``--input`` per positional argument of ``forward``):

* ``32,10,64``: a float32 tensor of that shape, drawn from a seeded normal distribution;
* ``32,10,long``: int64 token ids from 0 to the smallest ``num_embeddings`` of the model's
  embeddings minus 1 (from 1 when an embedding uses ``padding_idx=0``); other dtypes:
  ``float``, ``float64``/``double``, ``float16``/``half``, ``bfloat16``, ``int``/``int32``,
  ``bool``;
* ``32,lengths``: 32 sequence lengths for ``pack_padded_sequence``, longest first, from the
  sequence length of the first input down to 1 (the first input's axis of size 32 is the batch,
  its other leading axis the time steps); ``lengths=10,7,3`` gives the values.

Exit status: 0 traced; 1 the forward pass raised (the trace up to there is printed);
2 a bad ``MODULE:CALLABLE``, a callable that does not return an ``nn.Module``, or an input
spec that cannot be parsed (one line on stderr).

>>> parse_input("32,10,long")
InputArg(shape=(32, 10), dtype='int64', values=None)
>>> parse_input("lengths=5,3,3")
InputArg(shape=(3,), dtype='lengths', values=(5, 3, 3))
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rnn_guide.argparse_lang import argparse_language
from rnn_guide.errors import Lang
from rnn_guide.messages import text

if TYPE_CHECKING:
    import torch
    from torch import nn

__all__ = [
    "DTYPES",
    "InputArg",
    "TraceArgError",
    "add_arguments",
    "add_trace_parser",
    "dump_json",
    "load_callable",
    "main",
    "make_inputs",
    "parse_input",
]

PROG = "rnn-guide"

DTYPES: dict[str, str] = {
    "float": "float32",
    "float32": "float32",
    "double": "float64",
    "float64": "float64",
    "half": "float16",
    "float16": "float16",
    "bfloat16": "bfloat16",
    "long": "int64",
    "int64": "int64",
    "int": "int32",
    "int32": "int32",
    "bool": "bool",
}
"""The dtype names ``--input`` accepts, and the torch dtype each means."""

_TEXT: dict[str, tuple[str, str]] = {
    "help_trace": (
        "trace every submodule of your own model (runs your code)",
        "여러분의 모델에 있는 모든 하위 모듈을 추적 (여러분의 코드를 실행함)",
    ),
    "help_description": (
        (
            "Build your model by calling MODULE:CALLABLE, run one real forward pass on inputs "
            "made from the --input shapes, and print every submodule in call order with its "
            "input and output shapes; recurrent layers and cells get output, h_n and c_n "
            "named with their symbolic shapes. This imports and executes MODULE and the "
            "model's code: trace only code you trust."
        ),
        (
            "MODULE:CALLABLE을 호출해 모델을 만들고, --input 모양으로 만든 입력으로 실제 순전파를 "
            "한 번 실행한 뒤, 모든 하위 모듈을 호출 순서대로 입력과 출력 모양과 함께 출력합니다. "
            "순환 레이어와 셀은 output, h_n, c_n에 이름을 붙여 기호로 쓴 모양과 함께 보여 줍니다. "
            "이 명령은 MODULE과 모델의 코드를 가져와 실행하므로 믿을 수 있는 코드만 추적하십시오."
        ),
    ),
    "help_epilog": (
        (
            "Input specs: 32,10,64 (float32); 32,10,long (token ids below the smallest "
            "num_embeddings); 32,lengths (lengths for packing, the longest equal to the first "
            "input's sequence length); lengths=10,7,3. Exit status: 0 traced; 1 the forward "
            "pass raised (the trace up to the failing module is printed); 2 refused arguments."
        ),
        (
            "입력 지정: 32,10,64 (float32), 32,10,long (가장 작은 num_embeddings보다 작은 토큰 "
            "번호), 32,lengths (패킹에 쓸 길이, 가장 긴 길이는 첫 입력의 시퀀스 길이), "
            "lengths=10,7,3. 종료 상태: 0 성공, 1 순전파 중 오류(오류가 난 모듈까지의 추적을 "
            "출력), 2 잘못된 인자."
        ),
    ),
    "help_target": (
        "module name or .py file, and the callable that returns the model (runs your code)",
        "모듈 이름 또는 .py 파일과, 모델을 돌려주는 호출 가능 객체 (여러분의 코드를 실행함)",
    ),
    "help_input": (
        "one positional input of forward: shape, optionally ,dtype or ,lengths (repeatable)",
        "forward의 위치 인자 하나: 모양, 필요하면 ,dtype 또는 ,lengths (여러 번 지정 가능)",
    ),
    "help_json": ("print one JSON object instead of tables", "표 대신 JSON 객체 하나를 출력"),
    "help_lang": (
        "output language (default from the locale)",
        "출력 언어 (기본값은 로캘에서 결정)",
    ),
    # One-line refusals.
    "usage": (
        "{detail}. Run '{prog} trace --help' for the options.",
        "명령줄 인자가 올바르지 않습니다: {detail}. 사용법은 '{prog} trace --help'로 확인하십시오.",
    ),
    "target_format": (
        (
            "'{value}' is not MODULE:CALLABLE. Give a module name or a .py file, a colon, and "
            "the function or class that builds your model, e.g. mymodels:build_model"
        ),
        (
            "'{value}'은(는) MODULE:CALLABLE 형식이 아닙니다. 모듈 이름이나 .py 파일, 콜론, 모델을 "
            "만드는 함수나 클래스 이름을 차례로 쓰십시오. 예: mymodels:build_model"
        ),
    ),
    "file_missing": (
        "no file {path}. Check the path, relative to the current folder {cwd}",
        "{path} 파일이 없습니다. 현재 폴더 {cwd} 기준으로 경로를 확인하십시오",
    ),
    "module_missing": (
        (
            "cannot import module '{module}': not found. Run from the folder that contains it, "
            "or give the path of the .py file"
        ),
        (
            "'{module}' 모듈을 가져올 수 없습니다: 찾을 수 없습니다. 그 모듈이 있는 폴더에서 "
            "실행하거나 .py 파일의 경로를 지정하십시오"
        ),
    ),
    "import_failed": (
        "importing {module} raised {error}: {message}",
        "{module}을(를) 가져오는 중 {error} 오류가 발생했습니다: {message}",
    ),
    "attr_missing": (
        "{module} has no '{name}'. Check the spelling of the callable after the colon",
        "{module}에 '{name}'이(가) 없습니다. 콜론 뒤의 이름을 확인하십시오",
    ),
    "not_callable": (
        (
            "{target} is a value of type {kind}, not a function or class. Name the callable "
            "that builds the model"
        ),
        (
            "{target}은(는) {kind} 값이며 함수나 클래스가 아닙니다. 모델을 만드는 호출 가능 "
            "객체를 지정하십시오"
        ),
    ),
    "build_failed": (
        "calling {target}() raised {error}: {message}. It must build the model with no arguments",
        (
            "{target}()을 호출하는 중 {error} 오류가 발생했습니다: {message}. 인자 없이 모델을 "
            "만들 수 있어야 합니다"
        ),
    ),
    "not_module": (
        "{target}() returned a value of type {kind}, not an nn.Module. Return the model itself",
        "{target}()이 nn.Module이 아닌 {kind} 값을 돌려주었습니다. 모델 객체를 돌려주십시오",
    ),
    "input_bad": (
        (
            "--input '{value}' is not a shape: give whole numbers separated by commas, "
            "optionally ending in a dtype ({dtypes}) or 'lengths', e.g. --input 32,10,long"
        ),
        (
            "--input '{value}'은(는) 모양이 아닙니다. 쉼표로 구분한 정수를 쓰고, 필요하면 끝에 "
            "dtype({dtypes})이나 'lengths'를 붙이십시오. 예: --input 32,10,long"
        ),
    ),
    "input_dtype": (
        "--input '{value}': unknown dtype '{dtype}'. Use one of {dtypes}, or 'lengths'",
        "--input '{value}': 알 수 없는 dtype '{dtype}'입니다. {dtypes} 또는 'lengths' 중 하나를 쓰십시오",
    ),
    "lengths_shape": (
        (
            "--input '{value}': lengths take one number, the batch size, e.g. --input 32,lengths, "
            "or the values, e.g. --input lengths=10,7,3"
        ),
        (
            "--input '{value}': 길이에는 배치 크기 하나만 씁니다(예: --input 32,lengths). 값을 "
            "직접 주려면 --input lengths=10,7,3처럼 쓰십시오"
        ),
    ),
    "lengths_values": (
        "--input '{value}': lengths must be whole numbers from 1 up, e.g. lengths=10,7,3",
        "--input '{value}': 길이는 1 이상의 정수여야 합니다. 예: lengths=10,7,3",
    ),
    "lengths_no_sequence": (
        (
            "--input '{value}': no earlier input has an axis of {batch} sequences, so the "
            "sequence length is unknown. Put the sequences' --input first, or give the values: "
            "--input lengths=10,7,3"
        ),
        (
            "--input '{value}': 앞선 입력 중 크기가 {batch}인 축이 있는 입력이 없어 시퀀스 길이를 "
            "알 수 없습니다. 시퀀스 입력의 --input을 먼저 쓰거나 --input lengths=10,7,3처럼 값을 "
            "직접 주십시오"
        ),
    ),
}


def _t(key: str, lang: Lang, **params: object) -> str:
    pair = _TEXT[key]
    return (pair[1] if lang == "ko" else pair[0]).format(**params)


class TraceArgError(ValueError):
    """A refused argument of ``rnn-guide trace``: a message key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        """Keep the key and parameters; ``str()`` is the English message."""
        self.key = key
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: Lang) -> str:
        """The one-line message in ``lang``."""
        return _t(self.key, lang, **self.params)


@dataclass(frozen=True)
class InputArg:
    """One ``--input``: a shape and a dtype (a torch dtype name, or ``"lengths"``)."""

    shape: tuple[int, ...]
    dtype: str
    values: tuple[int, ...] | None = None


def _dtype_list() -> str:
    return ", ".join(DTYPES)


def parse_input(raw: str) -> InputArg:
    """Parse one ``--input`` spec.

    Raises:
        TraceArgError: With a one-line message naming the spec and the fix.

    >>> parse_input("5,3")
    InputArg(shape=(5, 3), dtype='float32', values=None)
    >>> parse_input("4,lengths")
    InputArg(shape=(4,), dtype='lengths', values=None)
    >>> parse_input("5,x3")
    Traceback (most recent call last):
        ...
    rnn_guide.trace_cli.TraceArgError: --input '5,x3': unknown dtype 'x3'. Use one of float, float32, double, float64, half, float16, bfloat16, long, int64, int, int32, bool, or 'lengths'
    """
    spec = raw.strip().replace(" ", "")
    if spec.startswith("lengths="):
        try:
            values = tuple(int(part) for part in spec.removeprefix("lengths=").split(","))
        except ValueError:
            raise TraceArgError("lengths_values", value=raw) from None
        if min(values) < 1:
            raise TraceArgError("lengths_values", value=raw)
        return InputArg((len(values),), "lengths", values)
    parts = spec.split(",")
    dtype = "float32"
    if parts and parts[-1] and not parts[-1].isdigit():
        name = parts.pop().lower()
        if name == "lengths":
            if len(parts) != 1 or not parts[0].isdigit() or int(parts[0]) < 1:
                raise TraceArgError("lengths_shape", value=raw)
            return InputArg((int(parts[0]),), "lengths")
        if name not in DTYPES:
            if not any(ch.isalpha() for ch in name):
                raise TraceArgError("input_bad", value=raw, dtypes=_dtype_list())
            raise TraceArgError("input_dtype", value=raw, dtype=name, dtypes=_dtype_list())
        dtype = DTYPES[name]
    if not parts or not all(part.isdigit() for part in parts):
        raise TraceArgError("input_bad", value=raw, dtypes=_dtype_list())
    return InputArg(tuple(int(part) for part in parts), dtype)


def load_callable(target: str) -> Callable[[], object]:
    """Import ``MODULE:CALLABLE`` and return the callable (this executes the module).

    ``MODULE`` is a module name, found from the current folder first, or a path to a ``.py``
    file. ``CALLABLE`` may be dotted (``Models.build``).

    Raises:
        TraceArgError: If the target is malformed, missing, or raises while imported.
    """
    module_part, colon, attribute = target.rpartition(":")
    if not colon or not module_part or not attribute:
        raise TraceArgError("target_format", value=target)
    if module_part.endswith(".py") or "/" in module_part or os.sep in module_part:
        module = _load_file(Path(module_part))
    else:
        if os.getcwd() not in sys.path and "" not in sys.path:
            sys.path.insert(0, os.getcwd())
        try:
            module = importlib.import_module(module_part)
        except ModuleNotFoundError as err:
            if err.name is not None and module_part.startswith(err.name):
                raise TraceArgError("module_missing", module=module_part) from None
            raise _import_failed(module_part, err) from None
        except Exception as err:  # noqa: BLE001 - the reader's module raised while importing
            raise _import_failed(module_part, err) from None
    found: object = module
    for name in attribute.split("."):
        if not hasattr(found, name):
            raise TraceArgError("attr_missing", module=module_part, name=name)
        found = getattr(found, name)
    if not callable(found):
        raise TraceArgError("not_callable", target=target, kind=type(found).__name__)
    return found


def _import_failed(module: str, err: BaseException) -> TraceArgError:
    message = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return TraceArgError("import_failed", module=module, error=type(err).__name__, message=message)


def _load_file(path: Path) -> object:
    if not path.is_file():
        raise TraceArgError("file_missing", path=path, cwd=os.getcwd())
    name = path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise TraceArgError("file_missing", path=path, cwd=os.getcwd())
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.resolve().parent))  # as `python path/to/file.py` would
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # noqa: BLE001 - the reader's file raised while running
        raise _import_failed(str(path), err) from None
    return module


def build_model(target: str) -> nn.Module:
    """Load ``MODULE:CALLABLE``, call it with no arguments and check it returned a module.

    Raises:
        TraceArgError: For a bad target, a callable that raises, or a result that is not an
            ``nn.Module``.
    """
    from torch import nn

    factory = load_callable(target)
    try:
        model = factory()
    except Exception as err:  # noqa: BLE001 - the reader's factory raised
        message = str(err).strip().splitlines()[0] if str(err).strip() else ""
        raise TraceArgError(
            "build_failed", target=target, error=type(err).__name__, message=message
        ) from None
    if not isinstance(model, nn.Module):
        raise TraceArgError("not_module", target=target, kind=type(model).__name__)
    return model


def _token_range(model: nn.Module) -> tuple[int, int]:
    """Token ids valid for every embedding of the model: ``[low, high)``."""
    from torch import nn

    embeddings = [m for m in model.modules() if isinstance(m, (nn.Embedding, nn.EmbeddingBag))]
    if not embeddings:
        return 0, 2
    high = min(m.num_embeddings for m in embeddings)
    low = 1 if high > 1 and any(m.padding_idx == 0 for m in embeddings) else 0
    return low, high


def _auto_lengths(arg: InputArg, earlier: Sequence[InputArg], raw: str) -> tuple[int, ...]:
    batch = arg.shape[0]
    for other in earlier:
        if other.dtype == "lengths" or len(other.shape) < 2:
            continue
        if other.shape[0] == batch:
            steps = other.shape[1]
        elif other.shape[1] == batch:
            steps = other.shape[0]
        else:
            continue
        if steps < 1:
            break
        return tuple(steps - (i * (steps - 1)) // max(batch - 1, 1) for i in range(batch))
    raise TraceArgError("lengths_no_sequence", value=raw, batch=batch)


def make_inputs(
    model: nn.Module, args: Sequence[InputArg], raw: Sequence[str] | None = None, seed: int = 0
) -> list[torch.Tensor]:
    """Make one tensor per input spec, seeded, leaving the global random state untouched.

    >>> from torch import nn
    >>> model = nn.Embedding(7, 2, padding_idx=0)
    >>> tokens, lengths = make_inputs(model, [parse_input("4,6,long"), parse_input("4,lengths")])
    >>> tokens.dtype, int(tokens.min()) >= 1, int(tokens.max()) < 7, lengths.tolist()
    (torch.int64, True, True, [6, 5, 3, 1])
    """
    import torch

    raw = list(raw) if raw is not None else [str(a) for a in args]
    tensors = []
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        for position, arg in enumerate(args):
            if arg.dtype == "lengths":
                values = arg.values or _auto_lengths(arg, args[:position], raw[position])
                tensors.append(torch.tensor(values, dtype=torch.int64))
                continue
            dtype = getattr(torch, arg.dtype)
            if dtype.is_floating_point:
                tensors.append(torch.randn(arg.shape).to(dtype))
            elif dtype == torch.bool:
                tensors.append(torch.randint(0, 2, arg.shape).bool())
            else:
                low, high = _token_range(model)
                tensors.append(torch.randint(low, high, arg.shape, dtype=dtype))
    return tensors


def add_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The arguments of ``rnn-guide trace``."""
    parser.add_argument("target", metavar="MODULE:CALLABLE", help=_t("help_target", lang))
    parser.add_argument(
        "--input",
        action="append",
        default=[],
        metavar="SHAPE[,DTYPE]",
        help=_t("help_input", lang),
    )
    parser.add_argument("--json", action="store_true", help=_t("help_json", lang))
    parser.add_argument("--lang", metavar="{en,ko}", help=_t("help_lang", lang))


def add_trace_parser(commands: argparse._SubParsersAction[Any], lang: Lang) -> None:
    """Register ``trace`` with the ``rnn-guide`` parser (so its help lists the command)."""
    sub = commands.add_parser(
        "trace",
        help=_t("help_trace", lang),
        description=_t("help_description", lang),
        epilog=_t("help_epilog", lang),
        allow_abbrev=False,
    )
    add_arguments(sub, lang)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser(lang: Lang) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} trace",
        description=_t("help_description", lang),
        epilog=_t("help_epilog", lang),
        allow_abbrev=False,
    )
    add_arguments(parser, lang)
    return parser


def _fail(message: str, lang: Lang) -> int:
    print(f"{PROG}: {text('error_prefix', lang)}: {message}", file=sys.stderr)
    return 2


def dump_json(value: object, indent: str = "") -> str:
    """Indented JSON with every list of numbers (a shape) on one line.

    >>> print(dump_json({"shape": [4, 8, 32], "calls": [{"count": 1}]}))
    {
      "shape": [4, 8, 32],
      "calls": [
        {
          "count": 1
        }
      ]
    }
    """
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {dump_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        items = [inner + dump_json(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main(argv: Sequence[str], lang: Lang) -> int:
    """Run ``rnn-guide trace`` with the arguments after ``trace``; return the exit status.

    ``lang`` is the language already chosen by ``rnn-guide`` (``--lang`` or the locale).
    """
    try:
        with argparse_language(lang):
            args = _parser(lang).parse_args(list(argv))
    except _UsageError as err:
        return _fail(_t("usage", lang, detail=str(err), prog=PROG), lang)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    try:
        inputs = [parse_input(raw) for raw in args.input]
    except TraceArgError as err:
        return _fail(err.render(lang), lang)
    import torch

    from rnn_guide.tracing import format_trace, trace, trace_json

    try:
        model = build_model(args.target)
        tensors = make_inputs(model, inputs, args.input)
    except TraceArgError as err:
        return _fail(err.render(lang), lang)
    model.eval()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        result = trace(model, *tensors)
    if args.json:
        print(dump_json(trace_json(result, lang)))
    else:
        print(format_trace(result, lang))
    return 0 if result.ok else 1
