"""Running the app: checks on where it may listen, then uvicorn.

Loopback by default. Any other address serves the database to the network, so it needs
a token; the CLI refuses to start without one.
"""

from __future__ import annotations

import logging

from casus.config import Settings
from casus.errors import UsageError
from casus.web import discovery
from casus.web.security import is_loopback


def check_bind(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise UsageError(f"--host {host} would serve the database to other machines; give "
                         "--token TOKEN (or set CASUS_TOKEN) so every request must carry it")
    if token is not None and len(token) < 12:
        raise UsageError("the token is too short; use at least 12 characters")


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          settings: Settings | None = None, log_level: str = "info",
          data: str | None = None) -> None:
    """Open ``db`` (creating it if needed) - or the Parquet dataset ``data``, read-only -
    serve until interrupted, then close it."""
    import uvicorn

    from casus.web.app import create_app
    from casus.web.database import Database

    check_bind(host, token)
    source = Database.from_dataset(data) if data else db
    app = create_app(source, token=token, settings=settings)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}"
    if not data:
        discovery.announce(db, url)
    logging.getLogger("casus.web").info("serving %s at %s (API docs at %s/docs)", db, url, url)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
    finally:
        discovery.withdraw(db)
