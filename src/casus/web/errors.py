"""One JSON shape for every error the API returns, and an HTML page for people.

``{"error": {"status": 422, "code": "invalid_parameter", "message": "...",
"details": [{"param": "since", "message": "..."}]}}`` - whatever failed: validation,
a missing record, a refused token, a store problem or a bug (never a traceback).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from casus.errors import CasusError, StoreLocked

log = logging.getLogger("casus.web")
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "too_large",
         422: "invalid_parameter", 500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error a route raises on purpose, with its status and a one-line message."""

    def __init__(self, status: int, message: str, details: list[dict[str, Any]] | None = None
                 ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details or []


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None
               ) -> dict[str, Any]:
    return {"error": {"status": status, "code": CODES.get(status, "error"),
                      "message": message, "details": details or []}}


def wants_html(request: Request) -> bool:
    """Pages get an HTML error; the API, exports and scripts always get JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/healthz", "/export/", "/static/", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")


def respond(request: Request, status: int, message: str,
            details: list[dict[str, Any]] | None = None) -> Response:
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message,
                                    "details": details or []}, status_code=status)
    return JSONResponse(error_body(status, message, details), status_code=status)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        details.append({"param": ".".join(loc) or None, "message": str(e.get("msg", ""))})
    return details


def install(app: FastAPI) -> None:
    """Route every kind of failure through ``respond``."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        names = ", ".join(sorted({d["param"] or "request" for d in details}))
        return respond(request, 422, f"invalid parameter: {names}", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "")
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, message)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.message, exc.details)

    @app.exception_handler(CasusError)
    async def casus_error(request: Request, exc: CasusError) -> Response:
        status = 503 if isinstance(exc, StoreLocked) else 400
        return respond(request, status, f"{exc.code}: {exc.one_line()}")

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return respond(request, 500, f"internal error ({type(exc).__name__}); see the "
                                     "server log")
