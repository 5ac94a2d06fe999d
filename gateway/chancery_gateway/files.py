"""Moving file bytes between the browser and object storage without holding them in memory.

Uploads: werkzeug spools a multipart file to a temporary file on disk; it is streamed
from there to the presigned URL the documents service hands out, then the service
verifies and attaches it. Downloads: the stored object is streamed back in chunks.
"""
import os

import requests
from flask import Response, stream_with_context

from chancery_common.errors import InvalidInput

from . import rpc

CHUNK = 64 * 1024


def file_size(storage):
    stream = storage.stream
    position = stream.tell()
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(position)
    return size


def upload(actor, document_id, storage, max_bytes, timeout, file_id=None):
    """Store an uploaded file as a new file (or version) of the document; returns the version."""
    if storage is None or not storage.filename:
        raise InvalidInput("Invalid input: file", {"file": ["Choose a file to upload."]})
    size = file_size(storage)
    if size == 0:
        raise InvalidInput("Invalid input: file", {"file": ["The file is empty."]})
    if size > max_bytes:
        raise InvalidInput("Invalid input: file", {"file": [
            f"The file is {size} bytes; the limit is {max_bytes} bytes."]})
    ticket = rpc.call("documents", "start_upload", actor, document_id)
    storage.stream.seek(0)
    try:
        # a file object with a known length is sent in blocks, not read into memory
        response = requests.put(ticket["url"], data=storage.stream,
                                headers={"Content-Length": str(size)}, timeout=timeout)
    except requests.RequestException as exc:
        raise rpc.ServiceUnavailable("object storage", str(exc)) from None
    if response.status_code >= 300:
        raise rpc.ServiceUnavailable("object storage", f"upload refused ({response.status_code})")
    attachment = {"upload_id": ticket["upload_id"], "filename": storage.filename}
    if file_id is not None:
        attachment["file_id"] = str(file_id)
    return rpc.call("documents", "attach_file", actor, document_id, attachment, timeout=timeout)


def download(actor, document_id, version_id, inline, timeout):
    """A streamed response with one stored version of a document's file."""
    info = rpc.call("documents", "file_download", actor, document_id, version_id, inline)
    try:
        upstream = requests.get(info["url"], stream=True, timeout=timeout)
    except requests.RequestException as exc:
        raise rpc.ServiceUnavailable("object storage", str(exc)) from None
    if upstream.status_code != 200:
        upstream.close()
        raise rpc.ServiceUnavailable("object storage", f"read refused ({upstream.status_code})")

    def body():
        try:
            yield from upstream.iter_content(CHUNK)
        finally:
            upstream.close()

    headers = {
        "Content-Length": str(info["size"]),
        "Content-Disposition": upstream.headers.get("Content-Disposition", "attachment"),
        "ETag": f'"{info["sha256"]}"',
        "X-Content-SHA256": info["sha256"],
        "X-Content-Type-Options": "nosniff",
        # a stored file never runs scripts in our origin
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        "Cache-Control": "private, max-age=300",
    }
    return Response(stream_with_context(body()), mimetype=info["content_type"], headers=headers)
