"""Build the Korean and English sites: ``python docs/build.py [--fresh] [sphinx options]``.

``python docs/build.py --compare A B`` checks that two built trees are byte-identical.

``python docs/build.py --fast`` builds the prose only, for writing: nothing is executed (no
example, no page, no calculator sweep), both languages at once, into ``docs/_build/fast``,
from a mirror of the sources in ``docs/_build/fast-src`` (sphinx-gallery writes its generated
pages beside the sources, and those of the real build must not be replaced by output-less ones).
The mirror keeps file times, so the next ``--fast`` build reads only what changed.

``nox -s docs`` runs this in its virtual environment; the benchmark runs it too. Both trees are
built at once, one process per language (two cores, one each), into ``docs/_build/html/{ko,en}``,
and the root page that picks the reader's language is copied beside them, with the Korean
tree's ``404.html`` (sphinx-notfound-page's, whose links work at any depth) as the site's
``/404.html``: GitHub Pages and Read the Docs serve that one for every missing address. Outputs
are reused only while they are current (see ``rnn_guide/sphinxext/freshness.py``); ``--fresh``
removes every generated page and cache first.

On failure the whole HTML tree is removed, so nothing half-built is ever served, and the exit
message names the language; the prefixed lines above it name the failing example or page.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
BUILD = DOCS / "_build"
HTML = BUILD / "html"
#: Where Sphinx writes each language before it is published to ``HTML / lang``. myst-nb puts
#: its executed notebooks beside the output folder, so each language gets a folder of its own
#: and nothing but the pages reaches the published tree.
SPHINX_OUT = BUILD / "sphinx"
LANGS = ("ko", "en")  # Korean first: most readers read Korean
#: Installed packages whose versions can change a page.
PACKAGES = (
    "torch", "numpy", "matplotlib", "sphinx", "sphinx-gallery", "myst-nb", "myst-parser",
    "furo", "sphinx-copybutton", "docutils", "ipykernel",
    "sphinx-sitemap", "sphinxext-opengraph", "sphinx-notfound-page",
    "keras", "onnx", "onnxscript", "onnxruntime",  # the "Building models" examples 7 and 8
)  # fmt: skip
#: Settings that can change a page.
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "RNN_GUIDE_SITE_URL")


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


def input_files(lang: str) -> list[Path]:
    """Every file one language tree is built from (sources, examples, extension, theme files)."""
    generated = {DOCS / code / "auto_examples" for code in LANGS}
    roots = [DOCS / lang, ROOT / "examples" / lang, ROOT / "rnn_guide", DOCS / "_templates"]
    roots += [DOCS / "_static", DOCS / "locales", DOCS / "_root"]
    files = [DOCS / "conf.py", DOCS / "matplotlibrc"]
    for root in roots:
        files += [
            path
            for path in root.rglob("*")
            if path.is_file()
            and path.suffix not in {".pyc", ".mo"}
            and not any(parent in generated for parent in path.parents)
        ]
    return sorted(files)


def input_digest(lang: str, extra: tuple[str, ...]) -> str:
    """A digest of everything that can change one language tree."""
    digest = hashlib.sha256()
    for path in input_files(lang):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}={_version(package)}\0".encode())
    for name in ENVIRONMENT:
        digest.update(f"{name}={os.environ.get(name, '')}\0".encode())
    digest.update("\0".join(extra).encode())
    return digest.hexdigest()


def _stamp(lang: str) -> Path:
    return BUILD / f"inputs-{lang}.sha256"


def up_to_date(lang: str, extra: tuple[str, ...]) -> bool:
    """Whether the built tree of ``lang`` was made from exactly the current inputs."""
    stamp = _stamp(lang)
    built = (HTML / lang / "index.html").exists() and stamp.exists()
    return built and stamp.read_text(encoding="utf-8") == input_digest(lang, extra)


def clean_generated() -> None:
    """Remove every generated page and cache: the next build executes everything."""
    shutil.rmtree(BUILD, ignore_errors=True)
    for lang in LANGS:
        shutil.rmtree(DOCS / lang / "auto_examples", ignore_errors=True)


def sphinx_command(lang: str, *extra: str) -> list[str]:
    """The sphinx-build command line for one language tree."""
    return [
        sys.executable, "-m", "sphinx",
        "-b", "html",
        "-c", str(DOCS),
        "-d", str(BUILD / "doctrees" / lang),
        "-n", "-W", "--keep-going", "-T",
        *extra,
        str(DOCS / lang),
        str(SPHINX_OUT / lang / "html"),
    ]  # fmt: skip


def _stream(lang: str, process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        print(f"[{lang}] {line}", end="", flush=True)


def run_languages(commands: dict[str, list[str]], env: dict[str, str]) -> list[str]:
    """Run one Sphinx command per language at once; return the languages that failed.

    Each line of output is printed with its language in front (``[ko] ...``).
    """
    processes = {
        lang: subprocess.Popen(
            command,
            env={**env, "RNN_GUIDE_LANG": lang},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for lang, command in commands.items()
    }
    threads = [threading.Thread(target=_stream, args=item) for item in processes.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [lang for lang, process in processes.items() if process.wait() != 0]


def build(*extra: str) -> list[str]:
    """Build both languages at once; return the languages that failed.

    A language whose inputs (:func:`input_digest`) are unchanged since its last successful
    build is not rebuilt at all. Each build keeps torch to one thread: the examples are tiny,
    and two builds on two cores with several threads each only fight over them.
    """
    env = {
        **os.environ,
        "MPLBACKEND": "Agg",
        "MATPLOTLIBRC": str(DOCS / "matplotlibrc"),
        "OMP_NUM_THREADS": "1",
        "PYTHONUNBUFFERED": "1",
        # The executed pages' kernels import this checkout's rnn_guide, not an installed copy
        # (an editable install of another worktree would otherwise print its outputs).
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    digests = {lang: input_digest(lang, extra) for lang in LANGS}
    stale = [lang for lang in LANGS if not up_to_date(lang, extra)]
    for lang in LANGS:
        if lang not in stale:
            print(f"[{lang}] up to date: no input changed since the last build")
    for lang in stale:
        _stamp(lang).unlink(missing_ok=True)
    failed = run_languages({lang: sphinx_command(lang, *extra) for lang in stale}, env)
    if failed:
        shutil.rmtree(HTML, ignore_errors=True)
        for lang in LANGS:
            _stamp(lang).unlink(missing_ok=True)
        return failed
    for lang in stale:
        shutil.rmtree(HTML / lang, ignore_errors=True)
        shutil.copytree(SPHINX_OUT / lang / "html", HTML / lang)
    shutil.copytree(DOCS / "_root", HTML, dirs_exist_ok=True)
    shutil.copyfile(HTML / LANGS[0] / "404.html", HTML / "404.html")
    for lang in stale:
        _stamp(lang).write_text(digests[lang], encoding="utf-8")
    return []


FAST = BUILD / "fast"
FAST_SRC = BUILD / "fast-src"
#: Sphinx settings of the prose-only build: execute nothing, skip the sweep.
FAST_SETTINGS = ("-D", "plot_gallery=0", "-D", "nb_execution_mode=off", "-D", "rnn_guide_sweep=0")


def mirror(source: Path, target: Path, generated: tuple[str, ...]) -> None:
    """Make ``target`` a copy of ``source`` (file times kept), leaving ``generated`` names alone.

    Files that are the same size and time are not copied again, and files gone from the
    source are removed, so Sphinx sees exactly what changed.
    """
    wanted = set()
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if any(part in generated for part in relative.parts) or path.is_dir():
            continue
        wanted.add(relative)
        copy = target / relative
        stat = path.stat()
        if copy.exists() and (copy.stat().st_mtime_ns, copy.stat().st_size) == (
            stat.st_mtime_ns,
            stat.st_size,
        ):
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
    if target.exists():
        for path in target.rglob("*"):
            relative = path.relative_to(target)
            kept = any(part in generated for part in relative.parts)
            if path.is_file() and relative not in wanted and not kept:
                path.unlink()


def build_fast(*extra: str) -> list[str]:
    """The prose-only build of both languages at once; return the languages that failed."""
    generated = ("_build", "auto_examples", "__pycache__")
    mirror(DOCS, FAST_SRC / "docs", generated)
    mirror(ROOT / "examples", FAST_SRC / "examples", generated)
    docs = FAST_SRC / "docs"
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONUNBUFFERED": "1", "OMP_NUM_THREADS": "1"}
    env["RNN_GUIDE_PROSE_ONLY"] = "1"  # conf.py: no social cards
    # Warnings are shown, not fatal: with nothing executed, glued outputs are missing.
    doctrees = BUILD / "fast-doctrees"
    sphinx = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(docs)]
    options = ["-n", "--keep-going", "-T", "-q", *FAST_SETTINGS, *extra]
    commands = {
        lang: [*sphinx, "-d", str(doctrees / lang), *options, str(docs / lang), str(FAST / lang)]
        for lang in LANGS
    }
    return run_languages(commands, env)


def tree_differences(first: Path, second: Path) -> list[str]:
    """Paths present in one tree only, or whose bytes differ (for the reproducibility check)."""
    a = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    b = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    differences = [f"only in {first}: {p}" for p in sorted(a - b)]
    differences += [f"only in {second}: {p}" for p in sorted(b - a)]
    differences += [
        f"differs: {p}"
        for p in sorted(a & b)
        if (first / p).read_bytes() != (second / p).read_bytes()
    ]
    return differences


def main(argv: list[str]) -> int:
    """Command-line entry point (``--compare A B`` compares two built trees instead)."""
    if argv[:1] == ["--compare"] and len(argv) == 3:
        differences = tree_differences(Path(argv[1]), Path(argv[2]))
        for line in differences[:40]:
            print(line, file=sys.stderr)
        if differences:
            print(
                f"{len(differences)} differences: two clean builds of the same sources differ "
                "(timings, absolute paths, random values or dates in pages?)",
                file=sys.stderr,
            )
            return 1
        files = sum(1 for path in Path(argv[2]).rglob("*") if path.is_file())
        print(f"The two trees are byte-identical ({files} files).")
        return 0
    extra = list(argv)
    if "--fast" in extra:
        extra.remove("--fast")
        failed = build_fast(*extra)
        if failed:
            print(f"\nThe prose-only build failed for {', '.join(failed)}.", file=sys.stderr)
            return 1
        print(f"\nBuilt {FAST}/ko/ and {FAST}/en/ (prose only: nothing executed).")
        return 0
    if "--fresh" in extra:
        extra.remove("--fresh")
        clean_generated()
    failed = build(*extra)
    if failed:
        where = " and ".join(f"docs/{lang}, examples/{lang}" for lang in failed)
        print(
            f"\nThe docs build failed for {', '.join(failed)} ({where}): the "
            f"[{failed[0]}] lines above name the failing example or page. "
            "Nothing was left in docs/_build/html.",
            file=sys.stderr,
        )
        return 1
    print(f"\nBuilt {HTML}/index.html, {HTML}/ko/ and {HTML}/en/.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
