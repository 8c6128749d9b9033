"""The shape calculator answers like torch: every sweep entry, in both languages, in chromium.

The build writes ``_static/calculator-sweep.json`` (rnn_guide.sweep: real forward passes for the
valid queries, rnn_guide's validation for the others). Here one page per language is given each
query in turn (through the address bar, as the back button would) and every hook is compared:
the numeric and symbolic shapes, the parameters in torch's order, the constructor call, torch's
dropout note, and for refusals the message code and the exact message of rnn_guide's template in
the page's language. The diagram is checked for every query too: its blocks' axis labels are the
sweep's shapes, its model is rnn_guide.diagram's, the slices it marks equal are the ones real
tensors show equal (rnn_guide.diagram.torch_equal_slices), and its text alternative is
rnn_guide.diagram.describe's.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import runpy
import warnings
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from rnn_guide.cli import _describe_input, _tensor_meaning
from rnn_guide.config import MODES
from rnn_guide.diagram import describe, diagram_model, torch_equal_slices
from rnn_guide.errors import GuideError
from rnn_guide.messages import text
from rnn_guide.shapes import expected_shapes
from rnn_guide.sweep import (
    QUERY_KEYS,
    SHAPE_KEYS,
    applicable_keys,
    parse_query,
    query_string,
    tensor_shape,
)

pytestmark = pytest.mark.site

LANGS = ("en", "ko")
SHAPES = SHAPE_KEYS  # the rows of the tensor table, packed ones included
BLOCKS = ("input", "output", "h_n", "c_n")  # the tensors the diagram draws
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Everything the page shows for the current query, read in one round trip.
COLLECT_JS = """() => {
  const visible = (node) => !!node && node.getClientRects().length > 0
    && getComputedStyle(node).visibility !== "hidden";
  const read = (selector) => {
    const node = document.querySelector(selector);
    return visible(node) && node.textContent !== "" ? node.textContent : null;
  };
  const out = { shapes: {}, symbols: {}, meanings: {} };
  for (const key of SHAPE_KEYS) {
    out.shapes[key] = read(`[data-shape="${key}"]`);
    out.symbols[key] = read(`[data-symbol="${key}"]`);
    out.meanings[key] = read(`[data-tensor="${key}"] td:last-child`);
  }
  out.input = read("[data-input]");
  const errors = [...document.querySelectorAll("[data-error]")].filter(visible);
  out.errors = errors.map((node) => [node.getAttribute("data-error"), node.textContent]);
  out.parameters = [...document.querySelectorAll("[data-param]")].filter(visible)
    .map((row) => [row.dataset.param, row.querySelector("[data-param-shape]").textContent]);
  out.notes = [...document.querySelectorAll("[data-note]")].filter(visible)
    .map((node) => node.textContent);
  out.call = read("[data-call]");
  out.symbol_values = read("[data-symbol-values]");
  out.snippet = read("[data-snippet]");
  const figure = document.querySelector("#rnn-calculator figure.rnn-diagram");
  out.diagram = null;
  if (visible(figure) && figure.querySelector("svg")) {
    const blocks = {};
    for (const block of figure.querySelectorAll("svg [data-block]")) {
      const axes = [...block.querySelectorAll("[data-axis]")]
        .sort((a, b) => a.dataset.axis - b.dataset.axis)
        .map((node) => node.textContent);
      blocks[block.dataset.block] = axes;
    }
    const marks = {};
    for (const node of figure.querySelectorAll("svg [data-equal]")) {
      (marks[node.dataset.equal] = marks[node.dataset.equal] || []).push(node.dataset.side);
    }
    const staircase = figure.querySelector('svg [data-block="batch_sizes"] .rnn-d-title');
    out.diagram = {
      blocks,
      staircase: staircase ? staircase.textContent : null,
      marks,
      legend: [...figure.querySelectorAll("svg [data-equal-text]")].map((n) => n.textContent),
      text: figure.querySelector("[data-diagram-text]").textContent,
      model: figure.rnnDiagram.model,
      aria: figure.querySelector("svg").getAttribute("aria-label"),
    };
  }
  return out;
}"""
COLLECT_JS = COLLECT_JS.replace("SHAPE_KEYS", json.dumps(list(SHAPE_KEYS)))
COLLECT = COLLECT_JS


def through_address_bar(read: str) -> str:
    """A page function of a list of queries that puts each in the address bar the way a
    reader's back button would (the page reads its state from location.search on popstate,
    with the same code as on load) and returns what ``read`` (a JavaScript function) gives."""
    return (
        "(queries) => { const read = "
        + read
        + """;
  return queries.map((query) => {
    history.replaceState(null, "", location.pathname + "?" + query);
    window.dispatchEvent(new PopStateEvent("popstate"));
    return read();
  });
}"""
    )


RUN_QUERIES = through_address_bar(COLLECT_JS)
SNIPPETS = through_address_bar("() => document.querySelector('[data-snippet]').innerText")


def fmt(shape: list[int]) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def cap(value: str) -> str:
    return value[:1].upper() + value[1:]


@pytest.fixture(scope="module")
def sweep(site: Path) -> list[dict]:
    files = [site / lang / "_static" / "calculator-sweep.json" for lang in LANGS]
    for path in files:
        assert path.exists(), f"{path} is missing: the build writes it (rnn_guide.sphinxext)"
    assert files[0].read_bytes() == files[1].read_bytes(), "the two trees disagree"
    entries = json.loads(files[0].read_text(encoding="utf-8"))
    assert len(entries) >= 500
    return entries


def url(base_url: str, lang: str, query: dict[str, str] | None = None) -> str:
    return f"{base_url}/{lang}/calculator.html" + (f"?{query_string(query)}" if query else "")


AXIS_DECORATION = re.compile(r"^↔ | [→↓]$")


def torch_truth(entry: dict) -> tuple[dict, list[str]]:
    """rnn_guide.diagram's model of a valid entry, and the equal slices real tensors show."""
    cfg, spec = parse_query(entry["query"])
    return diagram_model(cfg, spec), torch_equal_slices(cfg, spec)


def check_diagram(entry: dict, diagram: dict | None, truth: tuple[dict, list[str]], lang: str):
    """Every difference between the drawn diagram and the sweep entry, torch and rnn_guide."""
    if diagram is None:
        return ["no diagram for a valid query"]
    problems = []
    model, equal = truth
    want_blocks = {
        key: [
            f"{sym.replace('*', '·')} = {size}"
            for sym, size in zip(
                entry["symbols"][key][1:-1].split(", "), entry["shapes"][key], strict=True
            )
        ]
        for key in BLOCKS
        if entry["shapes"][key] is not None
    }
    drawn = {
        key: [AXIS_DECORATION.sub("", label) for label in labels]
        for key, labels in diagram["blocks"].items()
        if key != "batch_sizes"  # the staircase, checked below
    }
    if drawn != want_blocks:
        problems.append(f"diagram axes: drawn {drawn}, torch {want_blocks}")
    sizes = entry["batch_sizes"]
    staircase = f"batch_sizes ({', '.join(map(str, sizes))})" if sizes else None
    if diagram["staircase"] != staircase:
        problems.append(f"staircase: drawn {diagram['staircase']!r}, torch {staircase!r}")
    if diagram["model"] != model:
        problems.append(f"diagram model: page {diagram['model']}, rnn_guide {model}")
    marked = {text: sorted(set(sides)) for text, sides in diagram["marks"].items()}
    if marked != {text: ["h_n", "output"] for text in equal}:
        problems.append(f"equal slices: marked {marked}, torch {equal}")
    if [line.split("  (")[0] for line in diagram["legend"]] != equal:
        problems.append(f"equal slices named {diagram['legend']}, torch {equal}")
    if diagram["text"] != describe(model, lang):
        problems.append(f"text alternative: {diagram['text']!r} != {describe(model, lang)!r}")
    if not diagram["aria"] or entry["call"] not in diagram["aria"]:
        problems.append(f"the picture's label lacks the call: {diagram['aria']!r}")
    return problems


def check_entry(entry: dict, shown: dict, lang: str, truth=None) -> list[str]:
    """Every difference between the sweep entry and what the page shows."""
    problems = []
    if entry["valid"] and truth is not None:
        problems += check_diagram(entry, shown["diagram"], truth, lang)
    if entry["valid"]:
        if shown["errors"]:
            problems.append(f"refused a valid query: {shown['errors']}")
        for key in SHAPES:
            want = entry["shapes"][key]
            if shown["shapes"][key] != (fmt(want) if want is not None else None):
                problems.append(f"{key}: page {shown['shapes'][key]}, torch {want}")
            if shown["symbols"][key] != entry["symbols"][key]:
                problems.append(
                    f"{key} symbols: {shown['symbols'][key]} != {entry['symbols'][key]}"
                )
        cfg, spec = parse_query(entry["query"])
        report = expected_shapes(cfg, spec)
        meanings = {
            key: _tensor_meaning(key, cfg, spec, report, lang) if entry["shapes"][key] else None
            for key in SHAPES
        }
        if shown["meanings"] != meanings:
            problems.append(f"meanings: page {shown['meanings']}, rnn_guide {meanings}")
        if shown["input"] != _describe_input(cfg, spec, lang):
            problems.append(
                f"input: page {shown['input']!r}, rnn_guide {_describe_input(cfg, spec, lang)!r}"
            )
        want_params = [[name, fmt(shape)] for name, shape in entry["parameters"].items()]
        if shown["parameters"] != want_params:
            problems.append(f"parameters: page {shown['parameters']}, torch {want_params}")
        if shown["call"] != entry["call"]:
            problems.append(f"call: {shown['call']} != {entry['call']}")
        values = ", ".join(f"{k}={v}" for k, v in entry["symbol_values"].items())
        if shown["symbol_values"] != values:
            problems.append(f"symbols: {shown['symbol_values']} != {values}")
        notes = [
            f"{cap(text('note_prefix', lang))}: {text('note_dropout', lang, warning=warning)}"
            for warning in entry["notes"]
        ]
        if shown["notes"] != notes:
            problems.append(f"notes: {shown['notes']} != {notes}")
        if not shown["snippet"] or entry["call"] not in shown["snippet"]:
            problems.append("the PyTorch snippet lacks the constructor call")
    else:
        if shown["errors"] != [[entry["error_code"], entry["messages"][lang]]]:
            problems.append(f"refusal: page {shown['errors']}, rnn_guide {entry['error_code']}")
        if lang == "ko" and shown["errors"] and not HANGUL.search(shown["errors"][0][1]):
            problems.append("the Korean page explains in English")
        shapes = [key for key in SHAPES if shown["shapes"][key] is not None]
        if shapes or shown["parameters"] or shown["notes"]:
            problems.append(f"an invalid query still shows shapes {shapes}")
        if shown["diagram"] is not None:
            problems.append("an invalid query still shows a diagram")
    return problems


@pytest.fixture(scope="module")
def truths(sweep) -> dict[str, tuple[dict, list[str]]]:
    """For each valid entry: rnn_guide.diagram's model, and torch's equal slices."""
    return {query_string(entry["query"]): torch_truth(entry) for entry in sweep if entry["valid"]}


@pytest.mark.xdist_group("calculator-sweep")  # both languages share one worker's `truths`
@pytest.mark.parametrize("lang", LANGS)
def test_every_sweep_entry(new_page, base_url, sweep, truths, outside_requests, lang):
    """One page per language takes every query in turn: no page load per configuration."""
    page = new_page(locale="ko-KR" if lang == "ko" else "en-US")
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    failures = []

    def check(entry: dict, shown: dict, how: str) -> None:
        truth = truths.get(query_string(entry["query"]))
        problems = check_entry(entry, shown, lang, truth)
        failures.extend(f"{how} {query_string(entry['query'])}: {p}" for p in problems)

    # The page opens with a query in its address (the code path of a shared link)...
    first = next(entry for entry in sweep if entry["valid"] and entry["query"].get("num_layers"))
    page.goto(url(base_url, lang, first["query"]), wait_until="domcontentloaded")
    check(first, page.evaluate(COLLECT), "load")
    assert page.evaluate("document.documentElement.lang") == lang
    # ...and then takes every query through its address bar, in the same page.
    for start in range(0, len(sweep), 100):
        chunk = sweep[start : start + 100]
        shown = page.evaluate(RUN_QUERIES, [query_string(entry["query"]) for entry in chunk])
        for entry, seen in zip(chunk, shown, strict=True):
            check(entry, seen, "address bar")
    assert len(loads) == 1, f"the sweep loaded the page {len(loads)} times"
    assert not failures, f"{len(failures)} differences, e.g.:\n" + "\n".join(failures[:25])
    assert outside_requests == []


def test_snippets_print_the_shapes_they_promise(new_page, base_url, sweep, tmp_path):
    """Run the copied code of a sample of configurations: its comments are what torch prints."""
    page = new_page()
    valid = [entry for entry in sweep if entry["valid"]]
    packed = [entry for entry in valid if entry["batch_sizes"]]
    sample = valid[:: max(1, len(valid) // 24)] + packed[:: max(1, len(packed) // 6)]
    page.goto(url(base_url, "en", sample[0]["query"]), wait_until="domcontentloaded")
    first = page.locator("[data-snippet]").inner_text()  # as opened from a link...
    snippets = page.evaluate(SNIPPETS, [query_string(entry["query"]) for entry in sample])
    assert snippets[0] == first  # ...and as the address bar gives it, the way the rest come
    for entry, snippet in zip(sample, snippets, strict=True):
        script = tmp_path / "snippet.py"
        script.write_text(snippet, encoding="utf-8")
        printed = io.StringIO()
        with warnings.catch_warnings(), contextlib.redirect_stdout(printed):
            warnings.simplefilter("ignore")  # torch's dropout warning, shown on the page as a note
            runpy.run_path(str(script))
        lines = printed.getvalue().splitlines()
        promised = re.findall(
            r"# (torch\.Size\(\[.*\]\)|\[[0-9, ]*\])$", snippet, flags=re.MULTILINE
        )  # shapes, and a packed batch's batch_sizes
        assert lines[: len(promised)] == promised, snippet
        params = [f"{name} {fmt(shape)}" for name, shape in entry["parameters"].items()]
        assert lines[len(promised) :] == params, snippet


def current_url(page) -> str:
    """The address bar now (``page.url`` follows history.replaceState only eventually)."""
    return page.evaluate("location.href")


def url_query(page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(current_url(page)).query, keep_blank_values=True))


def assert_written_url_is_the_contract(page) -> dict[str, str]:
    """Keys in contract order, only those of the mode; valid URL when the form is valid.

    What the page shows is read in one round trip (:data:`COLLECT`, as in the sweep).
    """
    shown = page.evaluate("() => [location.href, (" + COLLECT + ")()]")
    pairs = parse_qsl(urlsplit(shown[0]).query, keep_blank_values=True)
    query = dict(pairs)
    keys = [key for key, _ in pairs]
    assert keys == sorted(keys, key=QUERY_KEYS.index), keys
    assert set(query) <= set(applicable_keys(query["mode"])), query
    refusals = [code for code, _ in shown[1]["errors"] if code]
    try:
        cfg, spec = parse_query(query)
    except GuideError as err:
        refusal = err.code
    else:
        refusal = None
    assert refusals == ([refusal] if refusal else []), (query, refusals)
    if refusal is not None:
        return query
    report = expected_shapes(cfg, spec)
    for key in SHAPES:
        want = tensor_shape(report, key)
        assert shown[1]["shapes"][key] == (fmt(list(want)) if want is not None else None), (
            key,
            query,
        )
    return query


@pytest.mark.parametrize("lang", LANGS)
def test_form_writes_the_url_keys(new_page, base_url, lang):
    page = new_page()
    page.goto(url(base_url, lang))
    assert page.locator("[data-shape='output']").inner_text() == "(5, 3, 20)"

    page.select_option("#rnn-calc-mode", "GRU")
    assert assert_written_url_is_the_contract(page) == {
        "mode": "GRU",
        "input_size": "10",
        "hidden_size": "20",
        "batch": "3",
        "seq_len": "5",
    }
    page.fill("#rnn-calc-num_layers", "2")
    page.check("#rnn-calc-bidirectional")
    page.check("#rnn-calc-batch_first")
    page.fill("#rnn-calc-dropout", "0.3")
    query = assert_written_url_is_the_contract(page)
    assert {
        "num_layers": "2",
        "bidirectional": "1",
        "batch_first": "1",
        "dropout": "0.3",
    }.items() <= query.items()
    assert page.locator("[data-shape='output']").inner_text() == "(3, 5, 40)"

    page.select_option("#rnn-calc-mode", "GRUCell")  # a cell: none of the layer keys
    assert assert_written_url_is_the_contract(page) == {
        "mode": "GRUCell",
        "input_size": "10",
        "hidden_size": "20",
        "batch": "3",
    }
    assert page.locator("[data-shape='h_n']").count() == 0
    assert not page.locator("#rnn-calc-num_layers").is_visible()

    page.select_option("#rnn-calc-mode", "LSTM")  # the form remembers the layer settings
    page.fill("#rnn-calc-proj_size", "5")
    query = assert_written_url_is_the_contract(page)
    assert query["proj_size"] == "5"
    assert query["num_layers"] == "2"
    assert page.locator("[data-shape='c_n']").inner_text() == "(4, 3, 20)"

    page.select_option("#rnn-calc-mode", "GRU")
    assert "proj_size" not in assert_written_url_is_the_contract(page)
    page.select_option("#rnn-calc-mode", "RNN")
    page.select_option("#rnn-calc-nonlinearity", "relu")
    assert assert_written_url_is_the_contract(page)["nonlinearity"] == "relu"
    page.select_option("#rnn-calc-mode", "LSTM")
    assert "nonlinearity" not in assert_written_url_is_the_contract(page)

    page.fill("#rnn-calc-lengths", "2,5,3")  # a packed batch, unsorted: refused...
    assert page.locator("[data-error='lengths_unsorted']").is_visible()
    page.uncheck("#rnn-calc-enforce_sorted")  # ...until torch may sort it
    query = assert_written_url_is_the_contract(page)
    assert {"lengths": "2,5,3", "enforce_sorted": "0"}.items() <= query.items()
    assert page.locator("[data-shape='packed_data']").inner_text() == "(10, 10)"
    drawn = "document.querySelector('#rnn-calculator figure.rnn-diagram').rnnDiagram.model"
    assert page.evaluate(drawn + ".batch_sizes") == ["3", "3", "2", "1", "1"]  # the staircase
    page.fill("#rnn-calc-lengths", "")
    page.check("#rnn-calc-enforce_sorted")
    assert page.locator("[data-shape='packed_data']").count() == 0

    page.uncheck("#rnn-calc-bias")
    page.check("#rnn-calc-unbatched")
    query = assert_written_url_is_the_contract(page)
    assert query["bias"] == "0"
    assert query["unbatched"] == "1"
    assert "batch" not in query

    page.fill("#rnn-calc-proj_size", "20")  # refused: the URL keeps what the form says
    assert assert_written_url_is_the_contract(page)["proj_size"] == "20"
    assert page.locator("[data-error='proj_too_large']").is_visible()

    written = current_url(page)  # a written URL opens the same answer
    page.fill("#rnn-calc-proj_size", "3")
    shown = page.evaluate(COLLECT)
    page.goto(current_url(page))
    assert page.evaluate(COLLECT) == shown
    assert written != current_url(page)


@pytest.mark.parametrize("lang", LANGS)
def test_random_edits_keep_the_url_contract(new_page, base_url, lang):
    """A seeded walk through the form: after every edit the URL and the page agree with Python."""
    rng = random.Random(8)
    page = new_page()
    page.goto(url(base_url, lang))
    texts = {
        "input_size": ["1", "3", "0", "x"],
        "hidden_size": ["2", "5", "-1"],
        "num_layers": ["", "1", "3", "2.5"],
        "proj_size": ["", "0", "1", "9"],
        "dropout": ["", "0", "0.5", "2"],
        "batch": ["", "0", "4", "-1"],
        "seq_len": ["", "1", "6", "0"],
        "lengths": ["", "5,3,2", "2,5,3", "3,3", "4,1,1,1", "1,x"],
    }
    for _ in range(60):
        mode = url_query(page).get("mode", "LSTM")
        choice = rng.choice(["mode", "check", "nonlinearity", *texts])
        if choice == "mode":
            page.select_option("#rnn-calc-mode", rng.choice(MODES))
        elif choice == "check":
            key = rng.choice(
                ["bias", "batch_first", "bidirectional", "unbatched", "enforce_sorted"]
            )
            if key in applicable_keys(mode):
                page.locator(f"#rnn-calc-{key}").click()
        elif choice == "nonlinearity":
            if "nonlinearity" in applicable_keys(mode):
                page.select_option("#rnn-calc-nonlinearity", rng.choice(["", "tanh", "relu"]))
        elif choice in applicable_keys(mode) and page.locator(f"#rnn-calc-{choice}").is_enabled():
            page.fill(f"#rnn-calc-{choice}", rng.choice(texts[choice]))
        assert_written_url_is_the_contract(page)


@pytest.mark.parametrize("lang", LANGS)
def test_keys_that_do_not_apply_are_shown_then_dropped(new_page, base_url, lang):
    page = new_page()
    page.goto(url(base_url, lang, {"mode": "GRUCell", "num_layers": "2"}))
    error = page.locator("[data-error='cell_arg']")
    assert error.is_visible()
    assert page.locator("#rnn-calc-num_layers").is_visible()  # the culprit is in sight
    page.fill("#rnn-calc-hidden_size", "6")
    assert not error.is_visible()
    assert "num_layers" not in url_query(page)
    assert page.locator("[data-shape='output']").inner_text() == "(3, 6)"


@pytest.mark.parametrize(("lang", "copied"), [("ko", "복사했습니다!"), ("en", "Copied!")])
def test_copy_button_copies_the_snippet(browser, base_url, lang, copied):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(url(base_url, lang, {"mode": "LSTM", "proj_size": "4", "bidirectional": "1"}))
        button = page.locator("button.rnn-calc-copy")
        button.click()
        clipboard = page.evaluate("navigator.clipboard.readText()")
        assert clipboard == page.locator("[data-snippet]").text_content()
        assert "lstm = nn.LSTM(10, 20, bidirectional=True, proj_size=4)" in clipboard
        assert button.inner_text() == copied
    finally:
        context.close()


# The page's width, and the left and right edges of each field, refusal and code block shown.
WIDTHS = through_address_bar("""() => [
  document.documentElement.scrollWidth,
  [...document.querySelectorAll(".rnn-calc-field, .rnn-calc-error, pre.rnn-calc-code")]
    .map((node) => [node, node.getBoundingClientRect()])
    .filter(([node, box]) => box.width > 0 && box.height > 0
      && getComputedStyle(node).visibility !== "hidden")
    .map(([node, box]) => [node.className, box.left, box.right]),
]""")


@pytest.mark.parametrize("lang", LANGS)
def test_phone_width_has_no_horizontal_overflow(new_page, base_url, lang):
    page = new_page(width=390, height=844)
    queries = [
        {},
        {"mode": "LSTM", "num_layers": "3", "bidirectional": "1", "proj_size": "7"},
        {"mode": "GRU", "dropout": "0.5", "input_size": "123456789012345678901234567890"},
        {"mode": "LSTM", "proj_size": "40"},  # a long refusal
        {"mode": "LSTMCell", "batch_first": "1"},
    ]
    page.goto(url(base_url, lang, queries[0]))
    for query, (width, boxes) in zip(
        queries, page.evaluate(WIDTHS, [query_string(query) for query in queries]), strict=True
    ):
        assert width <= 390, f"{query}: the page is {width}px wide"
        for name, left, right in boxes:
            assert left >= 0, (query, name, left)
            assert right <= 390, (query, name, right)


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_localhost(new_page, base_url, outside_requests, lang):
    page = new_page()
    page.goto(url(base_url, lang, {"mode": "RNN", "nonlinearity": "relu"}))
    page.wait_for_load_state("networkidle")
    page.fill("#rnn-calc-hidden_size", "7")
    page.wait_for_load_state("networkidle")
    assert outside_requests == []


@pytest.mark.parametrize("lang", LANGS)
def test_page_speaks_its_language(new_page, base_url, lang):
    page = new_page()
    page.goto(url(base_url, lang))
    data = json.loads(page.locator("#rnn-calculator-messages").text_content())
    assert data["lang"] == lang
    assert page.locator("h1").inner_text() == (
        "모양 계산기" if lang == "ko" else "Shape calculator"
    )
    form = page.locator("form.rnn-calc-form").inner_text()
    assert bool(HANGUL.search(form)) == (lang == "ko")
    assert page.locator("noscript").count() == 1


# What the tests read of each drawn figure of a page, in one round trip.
FIGURES = """() => [...document.querySelectorAll("figure.rnn-diagram")].map((figure) => ({
  data: figure.querySelector("script.rnn-diagram-data").textContent,
  query: figure.getAttribute("data-query"),
  href: figure.querySelector("a.rnn-diagram-link").getAttribute("href"),
  caption: figure.querySelector("[data-diagram-text]").innerText,
  drawn: [...figure.querySelectorAll("svg [data-block]")].map((block) => [block.dataset.block,
    [...block.querySelectorAll("[data-axis]")].sort((x, y) => x.dataset.axis - y.dataset.axis)
      .map((node) => node.textContent)]),
  marks: [...figure.querySelectorAll("svg [data-equal]")].map((node) => node.dataset.side),
  left: figure.getBoundingClientRect().left,
  right: figure.getBoundingClientRect().right,
}))"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_name", ["start", "cheatsheet"])
def test_build_time_diagrams_are_the_calculators(new_page, base_url, lang, page_name):
    """Pages draw their configurations with the calculator's renderer, words from rnn_guide;
    each figure's link opens the calculator on the same configuration, drawn the same."""
    page = new_page(width=390, height=844)
    page.goto(f"{base_url}/{lang}/{page_name}.html")
    figures = page.evaluate(FIGURES)
    assert len(figures) >= 1
    links: list[tuple[str, dict]] = []
    for figure in figures:
        model = json.loads(figure["data"])["model"]
        cfg, spec = parse_query(dict(parse_qsl(figure["query"])))
        assert model == diagram_model(cfg, spec)
        links.append((figure["href"], model))
        assert [e["text"] for e in model["equal"]] == torch_equal_slices(cfg, spec)
        assert figure["caption"].startswith(describe(model, lang))
        assert bool(HANGUL.search(figure["caption"])) == (lang == "ko")
        want = [
            [
                block["name"],
                [axis["symbol"].replace("*", "·") + " = " + axis["size"] for axis in block["axes"]],
            ]
            for block in model["blocks"]
        ]
        drawn = [
            [name, [AXIS_DECORATION.sub("", x) for x in axes]] for name, axes in figure["drawn"]
        ]
        assert [d for d in drawn if d[0] != "batch_sizes"] == want
        assert {"output", "h_n"} <= set(figure["marks"])
        assert figure["left"] >= 0
        assert figure["right"] <= 390
    assert any(model["lengths"] for _, model in links) == (page_name == "cheatsheet")
    for href, model in links:
        page.goto(f"{base_url}/{lang}/{href}")
        calculator = page.locator("#rnn-calculator figure.rnn-diagram")
        assert calculator.evaluate("(f) => f.rnnDiagram.model") == model, href


# Every text of a drawn diagram: inside the picture, and clear of the other texts and of the
# numbered badges (a badge over a sheet label hid its index; phone titles ran off the edge).
DIAGRAM_COLLISIONS_JS = """(f) => {
  const svg = f.querySelector("svg");
  const view = svg.viewBox.baseVal;
  const box = (n) => { const b = n.getBBox(); return { n, x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height }; };
  const texts = [...svg.querySelectorAll("text")].filter((n) => n.textContent.trim()
    && !n.classList.contains("rnn-d-badge-text")).map(box);
  const badges = [...svg.querySelectorAll(".rnn-d-badge")].map(box);
  const cut = (a) => a.x < -0.5 || a.r > view.width + 0.5 || a.y < -0.5 || a.b > view.height + 0.5;
  // Glyph boxes include the line's ascent and descent; shrink them by 2px before comparing.
  const hit = (a, c) => a.x + 2 < c.r - 2 && c.x + 2 < a.r - 2 && a.y + 2 < c.b - 2 && c.y + 2 < a.b - 2;
  const problems = texts.filter(cut).map((a) => "cut: " + a.n.textContent);
  texts.forEach((a, i) => {
    for (const c of texts.slice(i + 1)) if (hit(a, c)) problems.push(a.n.textContent + " / " + c.n.textContent);
    for (const c of badges) if (hit(a, c)) problems.push(a.n.textContent + " / badge");
  });
  return problems;
}"""

CROWDED = [
    {
        "mode": "GRU",
        "input_size": "100000",
        "hidden_size": "123456789",
        "num_layers": "40",
        "bidirectional": "1",
        "batch_first": "1",
        "batch": "65536",
        "seq_len": "1000000",
    },
    {
        "mode": "LSTM",
        "input_size": "4",
        "hidden_size": "8",
        "num_layers": "2",
        "bidirectional": "1",
        "proj_size": "6",
        "batch": "3",
        "seq_len": "5",
    },
    {"mode": "LSTM", "unbatched": "1", "seq_len": "5"},
    {"mode": "LSTMCell"},
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [390, 1280])
def test_diagram_texts_are_not_cut_or_covered(new_page, base_url, lang, width):
    page = new_page(width=width, height=844)
    page.goto(url(base_url, lang, CROWDED[0]))
    collisions = page.evaluate(
        through_address_bar(
            "() => (" + DIAGRAM_COLLISIONS_JS + ")"
            "(document.querySelector('#rnn-calculator figure.rnn-diagram'))"
        ),
        [query_string(query) for query in CROWDED],
    )
    for query, found in zip(CROWDED, collisions, strict=True):
        assert found == [], query
    for page_name in ("start", "cheatsheet"):
        page.goto(f"{base_url}/{lang}/{page_name}.html")
        drawn = page.locator("figure.rnn-diagram")
        for i in range(drawn.count()):
            assert drawn.nth(i).evaluate(DIAGRAM_COLLISIONS_JS) == [], (page_name, i)
