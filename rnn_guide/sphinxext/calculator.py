"""The shape calculator page: its script, its messages, and the sweep that checks it.

* On the page ``calculator`` (``docs/<lang>/calculator.md``) the extension adds
  ``calculator.css``, ``calculator.js`` and a ``<script type="application/json"
  id="rnn-calculator-messages">`` holding rnn_guide's message templates in the page's language
  (:func:`page_data`), so the page formats its refusals with the same templates and parameters
  as rnn_guide, and has no second copy of their wording.
* At the end of every HTML build it runs :func:`rnn_guide.sweep.run_sweep` (several hundred
  queries through real forward passes and through validation) and writes the results to
  ``_static/calculator-sweep.json``, which the browser test compares with the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rnn_guide.config import CELL_MODES, MODES
from rnn_guide.errors import Lang
from rnn_guide.messages import error_codes, error_text, label, text
from rnn_guide.shapes import DEFAULT_BATCH, DEFAULT_SEQ_LEN
from rnn_guide.sweep import DEFAULT_QUERY, QUERY_KEYS, run_sweep, sweep_json, sweep_queries

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["PAGE", "SWEEP_FILE", "page_data", "script_json", "setup_calculator", "template"]

PAGE = "calculator"
"""The document name of the calculator page in each language tree."""

SWEEP_FILE = "calculator-sweep.json"
"""The sweep's results, written to ``<outdir>/_static/``."""

# Sized arguments that have a {label} in messages.
_LABELLED = ("input_size", "hidden_size", "num_layers", "proj_size", "batch", "seq_len")

# Texts of rnn_guide.messages the page uses besides the error templates.
_TEXT_KEYS = (
    "error_prefix",
    "note_prefix",
    "note_dropout",
    "heading_module",
    "heading_input",
    "heading_symbols",
    "heading_parameters",
    "col_tensor",
    "col_symbolic",
    "col_shape",
    "col_meaning",
    "col_parameter",
    "no_parameters",
    "in_batched",
    "in_unbatched",
    "in_cell_batched",
    "in_cell_unbatched",
    "in_h0_zeros",
    "m_input_time_first",
    "m_input_batch_first",
    "m_input_unbatched",
    "m_output",
    "m_output_bi",
    "m_h_n",
    "m_h_n_bi",
    "m_c_n",
    "m_c_n_bi",
    "m_cell_input",
    "m_cell_input_unbatched",
    "m_cell_output",
    "m_cell_c",
    "p_weight_ih",
    "p_weight_hh",
    "p_bias_ih",
    "p_bias_hh",
    "p_weight_hr",
    "p_gates",
    "p_reverse",
    "help_mode",
    "help_input_size",
    "help_hidden_size",
    "help_num_layers",
    "help_bidirectional",
    "help_batch_first",
    "help_proj_size",
    "help_nonlinearity",
    "help_dropout",
    "help_seq_len",
    "help_batch",
    "help_unbatched",
)

_FIELD = re.compile(r"\{(\w+)\}")


def template(render: Callable[[dict[str, str]], object]) -> str:
    """Recover a message template by rendering it with each parameter as its own placeholder.

    ``render(params)`` wraps :func:`rnn_guide.messages.error_text` or
    :func:`~rnn_guide.messages.text`; every parameter it asks for is given as ``"{name}"``, so
    the result is the template itself, which the page formats with the same parameters.

    >>> template(lambda params: text("verified", "ko", **params))
    '검증: 공식으로 계산한 모양과 실제 순전파의 모양이 일치합니다 (torch {torch}).'
    """
    params: dict[str, str] = {}
    for _ in range(20):
        try:
            result = str(render(params))
        except KeyError as missing:
            name = str(missing.args[0])
            params[name] = "{" + name + "}"
            continue
        if "{" in _FIELD.sub("", result) or "}" in _FIELD.sub("", result):
            raise ValueError(f"template with literal braces: {result!r}")
        return result
    raise ValueError("template asks for too many parameters")  # pragma: no cover


def _torch_dropout_warning() -> str:
    """The warning torch gives for dropout with one layer, with ``{dropout}`` and ``{num_layers}``."""
    from rnn_guide.config import RNNConfig
    from rnn_guide.run import build_module

    _, notes = build_module(RNNConfig("RNN", 1, 1, dropout=0.5))
    warning = next(note for note in notes if note.startswith("dropout option"))
    for old, new in (
        ("dropout=0.5", "dropout={dropout}"),
        ("num_layers=1", "num_layers={num_layers}"),
    ):
        if warning.count(old) != 1:
            raise RuntimeError(f"torch's dropout warning changed: {warning!r}")
        warning = warning.replace(old, new)
    return warning


def page_data(lang: Lang) -> dict[str, object]:
    """Everything the calculator page needs from rnn_guide, in ``lang``.

    Error templates by code, the labels of sized arguments, the texts of :data:`_TEXT_KEYS`,
    torch's dropout warning, the query keys, the modes and the defaults of absent keys.

    >>> data = page_data("ko")
    >>> data["errors"]["proj_too_large"].startswith("{name} 값({value})은 {hidden_name}")
    True
    >>> data["labels"]["hidden_size"], data["defaults"]["mode"]
    ('은닉 상태 크기', 'LSTM')
    """
    import torch

    def error_template(code: str) -> str:
        return template(lambda params: error_text(code, lang, "python", params))

    def text_template(key: str) -> str:
        return template(lambda params: text(key, lang, **params))

    errors = {code: error_template(code) for code in error_codes()}
    texts = {key: text_template(key) for key in _TEXT_KEYS}
    texts["help_batch"] = texts["help_batch"].replace("{default}", str(DEFAULT_BATCH))
    texts["help_seq_len"] = texts["help_seq_len"].replace("{default}", str(DEFAULT_SEQ_LEN))
    return {
        "lang": lang,
        "torch": str(torch.__version__).split("+")[0],
        "sweep_size": len(sweep_queries()),
        "keys": list(QUERY_KEYS),
        "modes": list(MODES),
        "cell_modes": list(CELL_MODES),
        "defaults": dict(DEFAULT_QUERY),
        "errors": errors,
        "labels": {name: label(name, lang) for name in _LABELLED},
        "text": texts,
        "torch_warnings": {"dropout": _torch_dropout_warning()},
    }


def script_json(data: object) -> str:
    r"""JSON that is safe inside ``<script>``: no ``<``, ``>`` or ``&`` characters.

    >>> script_json({"a": "</script>"})
    '{"a": "\\u003c/script\\u003e"}'
    """
    dumped = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return dumped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if pagename != PAGE:
        return
    lang: Lang = "ko" if app.config.language == "ko" else "en"
    app.add_css_file("calculator.css")
    app.add_js_file(
        None,
        body=script_json(page_data(lang)),
        type="application/json",
        id="rnn-calculator-messages",
    )
    app.add_js_file("calculator.js", loading_method="defer")


def _write_sweep(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / SWEEP_FILE).write_text(sweep_json(run_sweep()), encoding="utf-8")


def setup_calculator(app: Sphinx) -> None:
    """Register the calculator's page assets and the build-time sweep."""
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _write_sweep)
