"""``rnn-guide shapes``: the shapes of your own configuration, checked by a real forward pass.

Exit status: 0 on success, 2 for a refused configuration or bad arguments (a short message on
stderr, in the chosen language), 1 if the formulas and the forward pass disagree or torch
refuses something rnn_guide accepted (both would be bugs in rnn_guide).

>>> main(["shapes", "LSTM", "--input-size", "3", "--hidden-size", "4", "--proj-size", "4"])
2

(the message went to stderr: ``rnn-guide: error: --proj-size (4) must be smaller than
--hidden-size (4): ...``). Refusals never import torch, so they are instant.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import NoReturn

from rnn_guide.argparse_lang import argparse_language
from rnn_guide.config import MODES, ConfigError, RNNConfig
from rnn_guide.errors import Arg, GuideError, Lang
from rnn_guide.messages import LANGS, detect_lang, text
from rnn_guide.shapes import DEFAULT_BATCH, DEFAULT_SEQ_LEN, InputSpec, ShapeReport

__all__ = ["JSON_KEYS", "PROG", "build_parser", "format_json", "format_table", "main"]

PROG = "rnn-guide"
"""Program name used in messages (the console script; ``python -m rnn_guide`` is the same)."""

JSON_KEYS = ("input", "output", "h_n", "c_n", "packed_data", "batch_sizes")
"""Tensor keys of the ``--json`` object, besides ``parameters``, ``symbols`` and ``torch``."""

_PARAM_NAME = re.compile(r"^(weight|bias)_(ih|hh|hr)(?:_l\d+)?(_reverse)?$")
_GATES = {"LSTM": "i,f,g,o", "GRU": "r,z,n"}


class _UsageError(Exception):
    """Raised instead of argparse's print-and-exit, so the message can be localized."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """Build the argument parser, with help text in ``lang``.

    Numbers are parsed as strings here and converted by :func:`main`, so every refusal
    comes with a message in the chosen language.
    """
    parser = _Parser(prog=PROG, description=text("help_description", lang), allow_abbrev=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    shapes = commands.add_parser(
        "shapes",
        help=text("help_shapes", lang),
        description=text("help_description", lang),
        epilog=text("help_epilog", lang),
        allow_abbrev=False,
    )
    shapes.add_argument("mode", metavar="{" + ",".join(MODES) + "}", help=text("help_mode", lang))
    shapes.add_argument("--input-size", help=text("help_input_size", lang), metavar="N")
    shapes.add_argument("--hidden-size", help=text("help_hidden_size", lang), metavar="N")
    shapes.add_argument("--num-layers", help=text("help_num_layers", lang), metavar="N")
    for flag in ("bidirectional", "batch_first"):
        shapes.add_argument(
            "--" + flag.replace("_", "-"),
            action="store_true",
            default=None,
            help=text(f"help_{flag}", lang),
        )
    shapes.add_argument("--proj-size", help=text("help_proj_size", lang), metavar="N")
    shapes.add_argument("--no-bias", action="store_true", help=text("help_no_bias", lang))
    shapes.add_argument(
        "--nonlinearity", metavar="{tanh,relu}", help=text("help_nonlinearity", lang)
    )
    shapes.add_argument("--dropout", metavar="P", help=text("help_dropout", lang))
    shapes.add_argument(
        "--seq-len", metavar="L", help=text("help_seq_len", lang, default=DEFAULT_SEQ_LEN)
    )
    shapes.add_argument(
        "--batch", help=text("help_batch", lang, default=DEFAULT_BATCH), metavar="N"
    )
    shapes.add_argument("--unbatched", action="store_true", help=text("help_unbatched", lang))
    shapes.add_argument("--lengths", metavar="3,7,1,5", help=text("help_lengths", lang))
    shapes.add_argument(
        "--no-enforce-sorted", action="store_true", help=text("help_no_enforce_sorted", lang)
    )
    shapes.add_argument("--with-h0", action="store_true", help=text("help_with_h0", lang))
    shapes.add_argument("--json", action="store_true", help=text("help_json", lang))
    shapes.add_argument("--lang", metavar="{en,ko}", help=text("help_lang", lang))
    from rnn_guide.trace_cli import add_trace_parser  # parsed by rnn_guide.trace_cli.main

    add_trace_parser(commands, lang)
    return parser


def _lang_from_argv(argv: Sequence[str]) -> str | None:
    """Find ``--lang`` before parsing, so that parsing errors are already localized."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _int(raw: str | None, name: str) -> int | None:
    if raw is None:
        return None
    try:
        return int(raw.strip())
    except ValueError:
        raise GuideError("cli_not_int", name=Arg(name), value=raw) from None


def _required_int(raw: str | None, name: str) -> int:
    value = _int(raw, name)
    if value is None:
        raise GuideError("cli_missing", name=Arg(name), prog=PROG)
    return value


def _float(raw: str | None, name: str) -> float | None:
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        raise GuideError("cli_not_number", name=Arg(name), value=raw) from None


def _lengths(raw: str | None) -> tuple[int, ...] | None:
    if raw is None:
        return None
    try:
        return tuple(int(part) for part in raw.split(","))
    except ValueError:
        raise GuideError("cli_bad_lengths", name=Arg("lengths"), value=raw) from None


def _config_and_spec(args: argparse.Namespace) -> tuple[RNNConfig, InputSpec]:
    """Turn parsed arguments into a validated configuration and input description."""
    if args.mode not in MODES:
        raise ConfigError("mode_unknown", value=repr(args.mode))
    cfg = RNNConfig(
        args.mode,
        input_size=_required_int(args.input_size, "input_size"),
        hidden_size=_required_int(args.hidden_size, "hidden_size"),
        num_layers=_int(args.num_layers, "num_layers"),
        bias=not args.no_bias,
        batch_first=args.batch_first,
        dropout=_float(args.dropout, "dropout"),
        bidirectional=args.bidirectional,
        proj_size=_int(args.proj_size, "proj_size"),
        nonlinearity=args.nonlinearity,
    )
    if args.unbatched and args.batch is not None:
        raise GuideError("cli_batch_and_unbatched")
    batch = _int(args.batch, "batch")
    seq_len = _int(args.seq_len, "seq_len")
    spec = InputSpec(
        batch=None if args.unbatched else (DEFAULT_BATCH if batch is None else batch),
        seq_len=DEFAULT_SEQ_LEN if seq_len is None and not cfg.is_cell else seq_len,
        lengths=_lengths(args.lengths),
        enforce_sorted=not args.no_enforce_sorted,
        with_h0=args.with_h0,
    )
    spec.check_fits(cfg)
    return cfg, spec


def _fmt(shape: Sequence[int]) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _width(cell: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Align columns by display width (Korean characters take two columns)."""
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]

    def line(row: Sequence[str]) -> str:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row[:-1])]
        return "  ".join([*cells, row[-1]]).rstrip()

    rule = ["-" * w for w in widths] + ["-" * _width(header[-1])]
    return [line(header), line(rule), *(line(row) for row in rows)]


def _tensor_meaning(
    name: str, cfg: RNNConfig, spec: InputSpec, report: ShapeReport, lang: Lang
) -> str:
    bi = "_bi" if cfg.bidirectional else ""
    if cfg.is_cell:
        key = {
            "input": "m_cell_input" if spec.is_batched else "m_cell_input_unbatched",
            "output": "m_cell_output",
            "c_n": "m_cell_c",
        }.get(name, f"m_{name}")
    elif name == "input":
        if spec.is_packed:
            key = "m_input_packed"
        elif not spec.is_batched:
            key = "m_input_unbatched"
        else:
            key = "m_input_batch_first" if cfg.is_batch_first else "m_input_time_first"
    elif name == "output":
        key = "m_output_packed" if spec.is_packed else f"m_output{bi}"
    elif name in ("h_n", "c_n"):
        key = f"m_{name}{bi}"
    else:
        key = f"m_{name}"
    values = _short_list(report.batch_sizes, lang, "[{}]", ", ") if report.batch_sizes else None
    return text(key, lang, values=values)


def _short_list(values: Sequence[int], lang: Lang, wrap: str = "{}", sep: str = ",") -> str:
    """``[3, 2, 2, 1]``, or for long lists ``[256, 256, ..., 2, 1] (2000 values)``."""
    if len(values) <= 12:
        return wrap.format(sep.join(map(str, values)))
    shown = wrap.format(sep.join([*map(str, values[:8]), "...", *map(str, values[-3:])]))
    return text("n_values", lang, shown=shown, count=len(values))


def _parameter_meaning(name: str, cfg: RNNConfig, lang: Lang) -> str:
    match = _PARAM_NAME.match(name)
    if match is None:  # pragma: no cover - torch names every parameter this way
        return ""
    kind, link, reverse = match.groups()
    parts = [text(f"p_{kind}_{link}", lang)]
    if link != "hr" and cfg.layer_mode in _GATES:
        parts.append(text("p_gates", lang, gates=_GATES[cfg.layer_mode]))
    if reverse:
        parts.append(text("p_reverse", lang))
    return ", ".join(parts)


def _describe_input(cfg: RNNConfig, spec: InputSpec, lang: Lang) -> str:
    if cfg.is_cell:
        parts = [
            text("in_cell_batched", lang, n=spec.batch)
            if spec.is_batched
            else text("in_cell_unbatched", lang)
        ]
    elif spec.is_batched:
        parts = [text("in_batched", lang, n=spec.batch, l=spec.seq_len)]
    else:
        parts = [text("in_unbatched", lang, l=spec.seq_len)]
    if spec.lengths is not None:
        lengths = _short_list(spec.lengths, lang)
        parts.append(text("in_packed", lang, lengths=lengths, sorted=spec.enforce_sorted))
    names = "(h_0, c_0)" if cfg.has_cell_state else "h_0"
    parts.append(text("in_h0_given" if spec.with_h0 else "in_h0_zeros", lang, names=names))
    return "; ".join(parts)


def format_table(
    cfg: RNNConfig, spec: InputSpec, report: ShapeReport, torch_version: str, lang: Lang
) -> str:
    """Render the report as readable tables: tensors, then parameters, then notes."""
    symbols = ", ".join(f"{k}={v}" for k, v in report.symbol_values.items())
    lines = [
        f"{text('heading_module', lang)}: {cfg.torch_call()}",
        f"{text('heading_input', lang)}: {_describe_input(cfg, spec, lang)}",
        f"{text('heading_symbols', lang)}: {symbols}",
        "",
    ]
    header = [text(f"col_{c}", lang) for c in ("tensor", "symbolic", "shape", "meaning")]
    rows = [
        [name, report.symbols[name], _fmt(shape), _tensor_meaning(name, cfg, spec, report, lang)]
        for name, shape in report.tensors()
    ]
    lines += [*_table(header, rows), "", text("heading_parameters", lang) + ":"]
    header[0] = text("col_parameter", lang)
    rows = [
        [name, report.symbols[name], _fmt(shape), _parameter_meaning(name, cfg, lang)]
        for name, shape in report.parameters
    ]
    lines += _table(header, rows) if rows else [text("no_parameters", lang)]
    lines += ["", text("verified", lang, torch=torch_version)]
    lines += [f"{text('note_prefix', lang)}: {note}" for note in _notes(cfg, spec, report, lang)]
    return "\n".join(lines)


def _notes(cfg: RNNConfig, spec: InputSpec, report: ShapeReport, lang: Lang) -> list[str]:
    """Torch's warnings, explained, and a word on where the forward pass ran if not the CPU."""
    notes = []
    for warning in report.notes:
        key = "note_dropout" if warning.startswith("dropout option adds dropout") else "note_other"
        notes.append(text(key, lang, warning=warning))
    if report.measured_on == "meta":
        from rnn_guide.run import estimated_elements

        megabytes = estimated_elements(cfg, spec) * 4 // 1_000_000
        notes.append(text("note_meta", lang, megabytes=f"{megabytes:,}"))
    return notes


def format_json(report: ShapeReport, torch_version: str) -> str:
    """Render the report as the ``--json`` object (shapes as lists, ``null`` where absent).

    ``batch_sizes`` holds the values of the packed ``batch_sizes`` tensor; ``output`` is the
    padded output for packed input and ``h'`` for cells.
    """
    shapes = {key: getattr(report, key) for key in JSON_KEYS}
    obj: dict[str, object] = {k: list(v) if v is not None else None for k, v in shapes.items()}
    obj["parameters"] = {name: list(shape) for name, shape in report.parameters}
    obj["symbols"] = {key: report.symbols.get(key) for key in JSON_KEYS} | {
        name: report.symbols[name] for name, _ in report.parameters
    }
    obj["torch"] = torch_version
    return _json_lines(obj)


def _json_lines(obj: dict[str, object]) -> str:
    """Indented JSON with each shape on one line, e.g. ``"output": [5, 3, 8]``."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    entries = []
    for key, value in obj.items():
        if isinstance(value, dict) and value:
            inner = ",\n".join(f"    {dump(k)}: {dump(v)}" for k, v in value.items())
            entries.append(f"  {dump(key)}: {{\n{inner}\n  }}")
        else:
            entries.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(entries) + "\n}"


def _fail(message: str, lang: Lang, status: int) -> int:
    print(f"{PROG}: {text('error_prefix', lang)}: {message}", file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 internal disagreement, 2 refused)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["explain"]:  # rnn-guide explain: rnn_guide/explain.py
        from rnn_guide.explain import main as explain_main

        return explain_main(argv)
    chosen = _lang_from_argv(argv)
    lang: Lang = detect_lang(os.environ)
    if chosen is not None:
        if chosen not in LANGS:
            return _fail(_bad_lang_message(chosen, lang), lang, 2)
        lang = "ko" if chosen == "ko" else "en"
    if argv[:1] == ["trace"]:
        from rnn_guide.trace_cli import main as trace_main

        return trace_main(argv[1:], lang)
    try:
        with argparse_language(lang):
            args = build_parser(lang).parse_args(argv)
    except _UsageError as err:
        return _fail(GuideError("cli_usage", detail=str(err), prog=PROG).render(lang), lang, 2)
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    if args.command is None:
        return _fail(GuideError("cli_no_command", prog=PROG).render(lang), lang, 2)
    try:
        cfg, spec = _config_and_spec(args)
    except GuideError as err:
        return _fail(err.render(lang, "cli"), lang, 2)
    return _report(cfg, spec, json_output=args.json, lang=lang)


def _bad_lang_message(value: str, lang: Lang) -> str:
    return GuideError("cli_usage", detail=f"--lang {value!r} (en, ko)", prog=PROG).render(lang)


def _report(cfg: RNNConfig, spec: InputSpec, *, json_output: bool, lang: Lang) -> int:
    import torch

    from rnn_guide.run import ShapeMismatchError, verified_shapes

    try:
        report = verified_shapes(cfg, spec)
    except ShapeMismatchError as err:
        rows = [
            text("mismatch_row", lang, tensor=what, expected=want, actual=got)
            for what, want, got in err.differences
        ]
        return _fail("\n  ".join([text("mismatch", lang), *rows]), lang, 1)
    except (RuntimeError, ValueError, TypeError, IndexError) as err:
        # torch refused something rnn_guide let through.
        return _fail(text("torch_refused", lang, detail=f"{type(err).__name__}: {err}"), lang, 1)
    if json_output:
        print(format_json(report, torch.__version__))
        for note in _notes(cfg, spec, report, lang):
            print(f"{PROG}: {text('note_prefix', lang)}: {note}", file=sys.stderr)
    else:
        print(format_table(cfg, spec, report, torch.__version__, lang))
    return 0
