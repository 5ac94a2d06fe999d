"""Moving file bytes between the browser and object storage without holding them in memory.

Uploads come two ways. A request whose body is the file itself (``application/octet-stream``
with a ``Content-Length``) is streamed as it arrives to the presigned URL the documents
service hands out (the file's final key): receiving from the client and sending to S3
overlap, nothing is spooled. A multipart form (the browser's) is spooled by werkzeug to a
temporary file on disk and streamed from there. Either way the bytes are hashed (SHA-256
and MD5) on the way, and the service attaches the object after checking its size and ETag
against those hashes. Downloads: the stored object is streamed back in chunks.

``timeout`` bounds each transfer to or from S3 (``UPLOAD_TIMEOUT``); the attach that follows
an upload is a call of its own, bounded by ``ATTACH_TIMEOUT``: it fails at once when no
documents instance runs, and the service does not attach after the gateway stopped waiting,
so an upload the client was told failed never shows up later (docs/reliability.md).
"""
import hashlib
import os
import queue
import threading

import requests
from flask import Response, current_app, stream_with_context

from chancery_common.errors import InvalidInput

from . import rpc

CHUNK = 64 * 1024
# the spooled file is read in blocks of this size; each is sent and hashed once
BLOCK = 1024 * 1024
# blocks read but not yet hashed (bounds the memory an upload takes: 8 MB)
PENDING_BLOCKS = 8


def file_size(storage):
    stream = storage.stream
    position = stream.tell()
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(position)
    return size


class Digests(threading.Thread):
    """SHA-256 and MD5 of the blocks fed to it, computed on a thread of its own.

    hashlib releases the GIL on large buffers, so hashing a block overlaps with sending
    the next one: the upload costs little more than the PUT itself.
    """

    def __init__(self):
        super().__init__(name="upload-digests", daemon=True)
        self._blocks = queue.Queue(maxsize=PENDING_BLOCKS)
        self._sha256 = hashlib.sha256()
        self._md5 = hashlib.md5(usedforsecurity=False)  # an integrity check, compared with the S3 ETag
        self._size = 0

    def run(self):
        while (block := self._blocks.get()) is not None:
            self._sha256.update(block)
            self._md5.update(block)
            self._size += len(block)

    def feed(self, block):
        self._blocks.put(block)

    def finish(self):
        """Wait for the last block; the claim the documents service verifies the object with."""
        self._blocks.put(None)
        self.join()
        return {"size": self._size, "sha256": self._sha256.hexdigest(), "md5": self._md5.hexdigest()}


class IncompleteBody(Exception):
    def __init__(self, received, expected):
        super().__init__(f"the upload ended after {received} of {expected} bytes")
        self.received, self.expected = received, expected


class HashingReader:
    """A stream of a known size as a request body: every block read to be sent is also hashed.

    A stream that ends before its size (a client that hung up) raises ``IncompleteBody``,
    which aborts the PUT: S3 never stores a short object under the final key."""

    def __init__(self, stream, size, digests):
        self._stream = stream
        self._size = size
        self._digests = digests
        self._block = b""
        self._offset = 0
        self._read = 0

    def __len__(self):
        # requests sends a body with a length as Content-Length, in blocks, never whole
        return self._size

    def read(self, size=-1):
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(BLOCK), b""))
        if self._offset >= len(self._block):
            self._block = self._stream.read(min(BLOCK, self._size - self._read))
            self._offset = 0
            self._read += len(self._block)
            if self._block:
                self._digests.feed(self._block)
            elif self._read < self._size:
                raise IncompleteBody(self._read, self._size)
        piece = self._block[self._offset:self._offset + size]
        self._offset += len(piece)
        return piece


def upload(actor, document_id, storage, max_bytes, timeout, file_id=None):
    """Store an uploaded multipart file as a new file (or version) of the document; returns the version."""
    if storage is None or not storage.filename:
        raise InvalidInput("Invalid input: file", {"file": ["Choose a file to upload."]})
    size = file_size(storage)
    _check_size(size, max_bytes, "file")
    storage.stream.seek(0)
    return _store(actor, document_id, storage.stream, size, storage.filename, timeout, file_id)


def upload_body(actor, document_id, stream, size, filename, max_bytes, timeout, file_id=None):
    """Store a request body that is the file itself, streamed to S3 as it arrives.

    A body refused before it is sent on (no name, too large) is read to its end and dropped,
    so the client, still sending, gets the answer rather than a closed connection (bodies over
    the gateway's request limit are refused with 413 on their headers alone)."""
    try:
        if not (filename or "").strip():
            raise InvalidInput("Invalid input: filename", {"filename": [
                "Name the file (query parameter filename) when the request body is the file itself."]})
        if size is None:
            raise InvalidInput("Invalid input: Content-Length", {"Content-Length": [
                "Send the file's length in Content-Length (chunked uploads are not accepted)."]})
        _check_size(size, max_bytes, "body")
    except InvalidInput:
        while stream.read(BLOCK):
            pass
        raise
    return _store(actor, document_id, stream, size, filename, timeout, file_id, "body")


def _check_size(size, max_bytes, field):
    if size == 0:
        raise InvalidInput(f"Invalid input: {field}", {field: ["The file is empty."]})
    if size > max_bytes:
        raise InvalidInput(f"Invalid input: {field}", {field: [
            f"The file is {size} bytes; the limit is {max_bytes} bytes."]})


def _store(actor, document_id, stream, size, filename, timeout, file_id, field="file"):
    """PUT a stream of a checked size to a new upload ticket's URL and attach it."""
    ticket = rpc.call("documents", "start_upload", actor, document_id)
    try:
        claimed = put_hashed(ticket["url"], stream, size, timeout)
    except IncompleteBody as exc:
        raise InvalidInput(f"Invalid input: {field}", {field: [str(exc).capitalize() + "."]}) from None
    if claimed["size"] != size:
        raise rpc.ServiceUnavailable.of("object storage", f"sent {claimed['size']} of {size} bytes")
    attachment = {"upload_id": ticket["upload_id"], "filename": filename, **claimed}
    if file_id is not None:
        attachment["file_id"] = str(file_id)
    return rpc.call("documents", "attach_file", actor, document_id, attachment,
                    timeout=current_app.config["CHANCERY"].attach_timeout, require_running=True)


def put_hashed(url, stream, size, timeout):
    """PUT the stream to a presigned URL, hashing it as it goes; returns its size, SHA-256 and MD5."""
    digests = Digests()
    digests.start()
    try:
        response = requests.put(url, data=HashingReader(stream, size, digests),
                                headers={"Content-Length": str(size)}, timeout=timeout)
    except requests.RequestException as exc:
        raise rpc.ServiceUnavailable.of("object storage", str(exc)) from None
    finally:
        claimed = digests.finish()
    if response.status_code >= 300:
        raise rpc.ServiceUnavailable.of("object storage", f"upload refused ({response.status_code})")
    return claimed


def read_stored(url, timeout):
    """A stored object opened for streaming from its presigned ``url``: (the response, its bytes
    as a generator that closes the response when done); ServiceUnavailable when object storage
    does not answer or refuses."""
    try:
        upstream = requests.get(url, stream=True, timeout=timeout)
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
    return upstream, body()


def download(actor, document_id, version_id, inline, timeout, variant=None):
    """A streamed response with one stored version of a document's file, or (``variant``) its
    searchable PDF or thumbnail."""
    info = rpc.call("documents", "file_download", actor, document_id, version_id, inline, variant)
    upstream, body = read_stored(info["url"], timeout)

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
    return Response(stream_with_context(body), mimetype=info["content_type"], headers=headers)
