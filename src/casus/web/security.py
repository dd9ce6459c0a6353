"""Who may talk to the server: loopback by default, a token for anything wider.

- Without a token the server only answers requests addressed to a loopback name, so a
  web page elsewhere cannot reach it by DNS rebinding.
- With a token (``--token`` or ``CASUS_TOKEN``) every request must carry it: an
  ``Authorization: Bearer`` or ``X-Casus-Token`` header, or the cookie set by opening
  any page once with ``?token=...``.
- A state-changing request from a browser must come from the app's own pages (its
  ``Origin`` matches), so another site cannot post articles into the store.
- Every response carries a Content-Security-Policy that allows only the app's own
  scripts: even a missed escape could not run an article's script.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from casus.web.errors import respond

COOKIE = "casus_token"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_name(header: str) -> str:
    return urlsplit(f"//{header}").hostname or ""


def _presented(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-casus-token") or request.cookies.get(COOKIE)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:
        return request.headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")
    return urlsplit(origin).netloc == request.headers.get("host", "")


def install(app: FastAPI, token: str | None) -> None:
    Next = Callable[[Request], Awaitable[Response]]

    @app.middleware("http")
    async def guard(request: Request, call_next: Next) -> Response:
        refused = _refusal(request, token)
        if isinstance(refused, Response):
            return refused
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _refusal(request: Request, token: str | None) -> Response | None:
    if token is None and not is_loopback(_host_name(request.headers.get("host", ""))):
        return respond(request, 403, "this server answers only on a loopback address; "
                                     "restart it with --token to serve other hosts")
    if token is not None:
        offered = request.query_params.get("token")
        if offered is not None and request.method == "GET" and hmac.compare_digest(
                offered.encode(), token.encode()):
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            redirect = RedirectResponse(target, status_code=303)
            redirect.set_cookie(COOKIE, token, httponly=True, samesite="strict")
            return redirect
        presented = _presented(request)
        if presented is None or not hmac.compare_digest(presented.encode(), token.encode()):
            return respond(request, 401, "a token is required: send 'Authorization: Bearer "
                                         "TOKEN' or open any page once with ?token=TOKEN")
    if request.method not in SAFE_METHODS and not _same_origin(request):
        return respond(request, 403, "cross-site request refused")
    return None
