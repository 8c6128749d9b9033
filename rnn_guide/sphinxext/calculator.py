"""The shape calculator page: its script, its messages, and the sweep that checks it.

* On the page ``calculator`` (``docs/<lang>/calculator.md``) the extension adds
  ``calculator.css``, ``calculator.js`` and a ``<script type="application/json"
  id="rnn-calculator-messages">`` holding rnn_guide's message templates in the page's language
  (:func:`page_data`), so the page formats its refusals with the same templates and parameters
  as rnn_guide, and has no second copy of their wording.
* At the end of every HTML build it runs :func:`rnn_guide.sweep.run_sweep` (several hundred
  queries through real forward passes and through validation) and writes the results to
  ``_static/calculator-sweep.json``, which the browser test compares with the page.
* The calculator draws its tensors (``rnn-diagram.js``, :mod:`rnn_guide.diagram`). The same
  drawing appears on other pages through the ``rnn-diagram`` directive::

      ```{rnn-diagram}
      :query: mode=GRU&num_layers=3&bidirectional=1&lengths=5,4,1
      ```

  ``query`` is a calculator query string (:func:`rnn_guide.sweep.parse_query`; ``lengths``
  and ``enforce_sorted`` make the batch packed), and the figure links to the calculator with
  the same query. At build time the directive checks
  the configuration with a real forward pass (:func:`rnn_guide.run.verified_shapes`) and the
  marked equal slices against real tensors (:func:`rnn_guide.diagram.torch_equal_slices`),
  failing the build if either disagrees, and writes the diagram model as JSON next to its
  text alternative (:func:`rnn_guide.diagram.describe`), so the page says what the picture
  shows even without JavaScript.

  Why one renderer in JavaScript: the calculator must draw in the browser anyway, and a
  second renderer (in Python, or node run at build time, which Read the Docs lacks) would be
  a second drawing to keep equal. The build-time pages therefore embed the model and run the
  calculator's renderer; only the text alternative is also written in Python, and the
  browser test checks that both texts agree for every configuration of the sweep.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from rnn_guide import diagram as diagram_module
from rnn_guide.config import CELL_MODES, MODES
from rnn_guide.errors import Lang
from rnn_guide.messages import error_codes, error_text, label, text
from rnn_guide.shapes import DEFAULT_BATCH, DEFAULT_SEQ_LEN
from rnn_guide.sweep import (
    DEFAULT_QUERY,
    QUERY_KEYS,
    parse_query,
    run_sweep,
    sweep_json,
    sweep_queries,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "PAGE",
    "SWEEP_FILE",
    "DiagramDirective",
    "diagram_html",
    "note_inputs",
    "page_data",
    "script_json",
    "setup_calculator",
    "template",
]

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
    "help_calc_lengths",
    "help_enforce_sorted",
    "in_packed",
    "m_input_packed",
    "m_packed_data",
    "m_batch_sizes",
    "m_packed_output_data",
    "m_output_packed",
    "n_values",
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
        "diagram": diagram_module.diagram_texts(lang),
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
    lang: Lang = "ko" if app.config.language == "ko" else "en"
    if pagename == PAGE:
        app.add_css_file("calculator.css")
        app.add_css_file("rnn-diagram.css")
        app.add_js_file(
            None,
            body=script_json(page_data(lang)),
            type="application/json",
            id="rnn-calculator-messages",
        )
        app.add_js_file("rnn-diagram.js", loading_method="defer")
        app.add_js_file("calculator.js", loading_method="defer")
    elif 'class="rnn-diagram"' in str(context.get("body", "")):
        app.add_css_file("rnn-diagram.css")
        app.add_js_file("rnn-diagram.js", loading_method="defer")


def diagram_html(query: str, lang: Lang, *, ident: str, href: str) -> str:
    """The figure for one configuration: model as JSON, text alternative, calculator link.

    Raises:
        rnn_guide.errors.GuideError: If the configuration is refused.
        rnn_guide.run.ShapeMismatchError: If torch's shapes disagree with the formulas.
        ValueError: If the marked equal slices are not the ones torch finds equal.
    """
    from urllib.parse import parse_qsl

    from rnn_guide.run import verified_shapes

    cfg, spec = parse_query(dict(parse_qsl(query, keep_blank_values=True)))
    verified_shapes(cfg, spec)
    model = diagram_module.diagram_model(cfg, spec)
    marked = [e["text"] for e in model["equal"]]
    measured = diagram_module.torch_equal_slices(cfg, spec)
    if marked != measured:
        raise ValueError(f"the diagram marks {marked}, torch finds {measured}")
    data = script_json({"model": model, "texts": diagram_module.diagram_texts(lang)})
    words = diagram_module.describe(model, lang)
    link = "계산기에서 열기" if lang == "ko" else "Open in the calculator"
    return (
        f'<figure class="rnn-diagram" data-query="{escape(query)}">\n'
        '<div class="rnn-diagram-canvas"></div>\n'
        f'<figcaption class="rnn-diagram-text" data-diagram-text="" id="{ident}">'
        f"{escape(words)} "
        f'<a class="rnn-diagram-link" href="{escape(href)}">{link}</a></figcaption>\n'
        f'<script type="application/json" class="rnn-diagram-data">{data}</script>\n'
        "</figure>\n"
    )


class DiagramDirective(SphinxDirective):
    """``rnn-diagram``: the calculator's drawing of one configuration, checked at build time."""

    has_content = False
    option_spec = {  # noqa: RUF012 (docutils' interface)
        "query": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        """Check the configuration against torch and return the figure as raw HTML."""
        query = self.options.get("query", "")
        lang: Lang = "ko" if self.config.language == "ko" else "en"
        note_inputs(self.env)
        serial = self.env.new_serialno("rnn-diagram")
        depth = self.env.docname.count("/")
        href = "../" * depth + "calculator.html?" + query
        try:
            html = diagram_html(query, lang, ident=f"rnn-diagram-text-{serial}", href=href)
        except Exception as err:  # a refused or wrong diagram fails the build, naming it
            raise self.error(f"rnn-diagram {query!r}: {err}") from err
        return [nodes.raw("", html, format="html")]


def _write_sweep(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not app.config.rnn_guide_sweep:
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / SWEEP_FILE).write_text(sweep_json(run_sweep()), encoding="utf-8")


def note_inputs(env: BuildEnvironment) -> None:
    """Make the page being read depend on the rnn_guide modules its figures and data come from.

    The calculator's messages and the diagrams are written from these modules at build time,
    so a change to one of them rewrites the pages that show them (Sphinx compares the files'
    times), and only those pages.
    """
    for module in ("diagram", "shapes", "sweep", "config", "messages", "errors", "run"):
        env.note_dependency(str(Path(__file__).parents[1] / f"{module}.py"))
    env.note_dependency(__file__)  # this extension's own HTML and page data


def _note_calculator_inputs(app: Sphinx, doctree: nodes.document) -> None:
    if app.env.docname == "calculator":
        note_inputs(app.env)


def setup_calculator(app: Sphinx) -> None:
    """Register the calculator's page assets, the diagram directive and the build-time sweep."""
    app.add_directive("rnn-diagram", DiagramDirective)
    app.connect("doctree-read", _note_calculator_inputs)
    app.connect("html-page-context", _page_context)
    # The prose-only build (docs/build.py --fast) skips the sweep: only the browser test reads it.
    app.add_config_value("rnn_guide_sweep", True, "html", types=frozenset({bool}))
    app.connect("build-finished", _write_sweep)
