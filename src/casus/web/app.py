"""The web app: ``create_app`` wires the database, the ingest writer, security and routes.

A thin shell over ``casus.store.analytics`` and the ingest code: no SQL and no analysis
here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from casus import __version__
from casus.config import Settings
from casus.events.ontology import QUAD_CLASS_NAMES, table
from casus.web import api, errors, pages, security
from casus.web.database import Database
from casus.web.ingest import IngestService
from casus.web.reader import sentence_parts

WEB_DIR = Path(str(resources.files("casus.web")))


def goldstein_class(value: float | None) -> str:
    """A CSS class from conflict (-10) to cooperation (+10); styles, not inline colours."""
    if value is None:
        return "gs-0"
    steps = ((-7, "gs-n3"), (-4, "gs-n2"), (-0.01, "gs-n1"), (0.01, "gs-0"), (4, "gs-p1"),
             (7, "gs-p2"))
    return next((name for limit, name in steps if value < limit), "gs-p3")


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    env = templates.env
    env.autoescape = True  # every template, whatever its name: article text is hostile
    env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    env.filters["gs"] = goldstein_class
    roots = {c.code: c.label for c in table().values() if len(c.code) == 2}
    env.globals.update(
        version=__version__, roots=roots, sentence_parts=sentence_parts, quads=QUAD_CLASS_NAMES,
        plovers=sorted({c.plover for c in table().values() if c.plover}),
        safe_url=lambda url: url if isinstance(url, str) and url.lower().startswith(
            ("http://", "https://")) else None,
    )
    return templates


def create_app(db: str | Path | Database, *, token: str | None = None,
               settings: Settings | None = None) -> FastAPI:
    """The ASGI app over one database file, which it opens read-write and owns."""
    settings = settings or Settings.load()
    database = db if isinstance(db, Database) else Database(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.ingest.close()
        database.close()

    app = FastAPI(title="casus", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Sourced, queryable event data: the CONTRACT.md routes for "
                              "scripts, the views the pages draw, and ingest by upload.")
    app.state.db = database
    app.state.ingest = IngestService(database, settings)
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    errors.install(app)
    security.install(app, token)
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def app_info(app: FastAPI) -> dict[str, Any]:
    return {"db": app.state.db.path, "generation": app.state.db.generation}
