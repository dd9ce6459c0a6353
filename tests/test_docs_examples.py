"""Every example in the README and the API docs runs, as written, and does what it says.

Python blocks run in order, one namespace per page, in a scratch folder where the
README's commands have built ./casus.duckdb. Shell blocks: every line that starts with
``casus`` runs through the shell (so ``>`` works) and must exit 0, or the code its
comment names ("exit code 1"). ``casus serve`` is started, must answer /healthz, and
is stopped. Other shell lines (installing, activating the venv) are what CI's own
``scripts/test.sh`` does before this test runs.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

PAGES = ["README.md", "docs/api.md", "docs/spacy.md", "docs/interop.md",
         "docs/dictionaries.md", "docs/web.md", "docs/fusion.md"]
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)
SHELL = ("bash", "console", "sh")


def blocks(page: str) -> list[tuple[str, str]]:
    return FENCE.findall((ROOT / page).read_text("utf-8"))


def casus_lines(code: str) -> list[str]:
    lines = []
    for raw in code.splitlines():
        line = raw.removeprefix("$ ").strip()
        if line.startswith("casus "):
            lines.append(line)
    return lines


def expected_exit(line: str) -> int:
    found = re.search(r"#.*exit code (\d)", line)
    return int(found.group(1)) if found else 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_serve(line: str, cwd: Path, env: dict[str, str]) -> None:
    port = free_port()
    argv = [*shlex.split(line.split("#")[0]), "--port", str(port)]
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert r.status == 200
                    return
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"{line!r} did not start: {proc.stderr.read()}"
                                         if proc.stderr else line) from None
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A folder that looks like the checkout to the examples, with its own database."""
    folder = tmp_path_factory.mktemp("examples") / "checkout"
    folder.mkdir()
    (folder.parent / "shared").symlink_to(SHARED)  # ../shared beside it, as in CI
    for name in ("src", "tests", "gold"):
        (folder / name).symlink_to(ROOT / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASUS_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return folder, env


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_examples_run(page: str, scratch: tuple[Path, dict[str, str]],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder, env = scratch
    found = blocks(page)
    assert found, f"{page} has no examples"
    namespace: dict[str, object] = {"__name__": "__docs__"}
    monkeypatch.chdir(folder)
    ran = 0
    for language, code in found:
        if language == "python":
            exec(compile(code, page, "exec"), namespace)  # noqa: S102 - our own docs
            ran += 1
        elif language in SHELL:
            for line in casus_lines(code):
                if line.startswith("casus serve"):
                    run_serve(line, folder, env)
                else:
                    proc = subprocess.run(line, shell=True, cwd=folder, env=env,
                                          capture_output=True, text=True, timeout=900)
                    assert proc.returncode == expected_exit(line), (
                        f"{page}: {line!r} exited {proc.returncode}: {proc.stderr[-2000:]}")
                ran += 1
    if page != "docs/web.md":  # its other examples are curl calls against a running server
        assert ran > 0


def test_every_page_is_checked() -> None:
    """A new page with examples under docs/ must be added to PAGES (or to this list)."""
    not_examples = {"docs/gold.md", "docs/settings.md"}
    pages = {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")}
    with_code = {p for p in pages if any(lang in ("python", *SHELL) for lang, _ in blocks(p))}
    assert with_code - set(PAGES) - not_examples == set()
