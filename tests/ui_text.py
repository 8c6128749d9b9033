"""Find English interface text on a Korean page: what a Korean reader should never see.

Code, program output and anything marked with another language (``lang="en"``) are set aside.
What remains must contain Hangul, or be a technical token (an identifier, a file name, a
version, or a name from :data:`TECHNICAL`).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
#: Names that stay in English in Korean prose (products, modules, formats).
TECHNICAL = frozenset(
    w.lower()
    for w in """
    PyTorch torch nn numpy NumPy matplotlib Matplotlib Python Jupyter Sphinx Furo rnn-guide
    RNN LSTM GRU RNNCell LSTMCell GRUCell Linear CPU GPU API CLI JSON zip py ipynb
    float float32 float64 dtype tanh relu ReLU Tensor Size PackedSequence teddylee777 github io
    pytorch-rnn pytorch sphx glr auto examples html N L D H_in H_out H_cell P Out
    """.split()  # noqa: SIM905 (a word list reads better than a literal of 50 strings)
)
#: Code, program output, plots (a figure's alt text is its own titles, drawn by the code) and
#: the API reference's object descriptions (docstrings stay in English, as in the source).
_CODE_SELECTORS = (
    "script, style, pre, code, kbd, samp, .highlight, .sphx-glr-script-out, "
    "math, .math, [lang]:not(html), img.sphx-glr-single-img, img.sphx-glr-multi-img, dl.py"
)
_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


def _is_english(text: str) -> bool:
    text = text.strip()
    if not text or _HANGUL.search(text):
        return False
    if not re.search(r"\s", text) and re.search(r"[./_]|[a-z][A-Z]", text):
        return False  # an address, a path, a dotted name or an identifier (ConfigError)
    words = [w for w in _WORD.findall(text) if w.lower() not in TECHNICAL]
    # an identifier or path such as torch.nn.RNN, batch_first, plot_01.py is technical
    words = [w for w in words if not re.search(r"[_./()\[\]0-9]", w)]
    return bool(words) and not re.fullmatch(r"[\w.\-/]+\.(py|ipynb|zip|html)", text)


def english_interface_text(html: str) -> list[str]:
    """The English pieces of interface text on a (Korean) page, with where they were found."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[str] = []
    for node in soup.select(_CODE_SELECTORS):
        node.decompose()
    for element in soup.find_all(True):
        if not isinstance(element, Tag):
            continue
        for attribute in _ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and _is_english(value):
                found.append(f'<{element.name} {attribute}="{value}">')
    body = soup.body or soup
    for text in body.find_all(string=True):
        if _is_english(str(text)):
            found.append(f"<{text.parent.name if text.parent else '?'}> {str(text).strip()}")
    if soup.title and _is_english(soup.title.get_text()):
        found.append(f"<title> {soup.title.get_text()}")
    return found
