"""Telling other casus commands that a server owns a database, and where it listens.

DuckDB lets one process write a file, so while ``casus serve`` runs, ``casus ingest``
on the same file cannot open it. The server leaves a small note beside the database
(``<db>.server.json``: pid and URL) so the CLI can say what to do instead of only
"the database is in use": send the articles through the running server.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SUFFIX = ".server.json"


def note_path(db: str | Path) -> Path:
    return Path(f"{db}{SUFFIX}")


def announce(db: str | Path, url: str) -> Path:
    """Write the note for this process; the operator chose ``db``, never a request."""
    path = note_path(db)
    path.write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")
    return path


def withdraw(db: str | Path) -> None:
    path = note_path(db)
    try:
        if json.loads(path.read_text("utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def running_server(db: str | Path) -> dict[str, Any] | None:
    """The live server that owns ``db`` (``{"pid", "url"}``), if there is one."""
    try:
        info = json.loads(note_path(db).read_text("utf-8"))
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if isinstance(info.get("url"), str) else None


def locked_hint(db: str | Path) -> str | None:
    """What to tell a user whose command found ``db`` locked by a running server."""
    info = running_server(db)
    if info is None:
        return None
    url = info["url"].rstrip("/")
    return (f"a casus server (pid {info['pid']}) owns {db}; send the articles through it: "
            f"curl -F files=@ARTICLE {url}/api/ingest?wait=600 (or upload them at "
            f"{url}/ingest), or stop the server first")
