"""The casus web app and HTTP API (``casus serve``): FastAPI, server-rendered pages,
every asset vendored so it works with no network."""

from casus.web.app import create_app

__all__ = ["create_app"]
