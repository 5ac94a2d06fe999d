"""An intake item's file (or its thumbnail or searchable PDF) streamed from object storage,
so the review page shows it from this origin (pdf.js, an image) as the document card does."""
import requests
from flask import Response, current_app, stream_with_context

from . import rpc
from .files import CHUNK


def stream(actor, item_id, file_id, variant="original"):
    info = rpc.call("intake", "file_link", actor, str(item_id), str(file_id), {"variant": variant})
    try:
        upstream = requests.get(info["url"], stream=True, timeout=current_app.config["CHANCERY"].upload_timeout)
    except requests.RequestException as exc:
        raise rpc.ServiceUnavailable.of("object storage", str(exc)) from None
    if upstream.status_code != 200:
        upstream.close()
        raise rpc.ServiceUnavailable.of("object storage", f"read refused ({upstream.status_code})")

    def body():
        try:
            yield from upstream.iter_content(CHUNK)
        finally:
            upstream.close()

    headers = {
        "Content-Disposition": upstream.headers.get("Content-Disposition", "inline"),
        "X-Content-Type-Options": "nosniff",
        # a received file never runs scripts in our origin
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        "Cache-Control": "private, max-age=300",
    }
    if upstream.headers.get("Content-Length"):
        headers["Content-Length"] = upstream.headers["Content-Length"]
    return Response(stream_with_context(body()), mimetype=info["content_type"], headers=headers)
