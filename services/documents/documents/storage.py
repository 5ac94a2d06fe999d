"""Electronic copies in S3-compatible object storage (MinIO, SeaweedFS, AWS S3).

Only this service holds the storage credentials. Uploads arrive through a short-lived
presigned URL straight at their final key under the document's prefix; ``attach`` verifies
the object (size and the uploader's MD5 against the server's ETag, or a full re-read when
the ETag is not a plain MD5; type sniffed from the first bytes) and records it, so the
bytes are written once. Downloads go out through presigned GET URLs.
"""
import hashlib
import re
from datetime import timedelta, datetime, timezone

import filetype
from minio.error import S3Error

from chancery_common import object_store
from chancery_common.metrics import measured_s3

CHUNK = 1024 * 1024
SNIFF_BYTES = 8192
# where uploads were staged before they were written to their final key (tickets issued
# by an older release are still honoured, and the area is still swept)
STAGING_PREFIX = "staging/"
# the ETag of an object stored by one plain PUT is the hex MD5 of its bytes on MinIO,
# SeaweedFS and AWS S3 (not for multipart uploads: "<md5>-<parts>", nor under SSE-KMS)
PLAIN_MD5_ETAG = re.compile(r"^[0-9a-f]{32}$")


class StagedObject:
    def __init__(self, size, sha256, content_type):
        self.size = size
        self.sha256 = sha256
        self.content_type = content_type


class ObjectInfo:
    """What the server says about an object without reading it: its size and ETag."""

    def __init__(self, size, etag):
        self.size = size
        self.etag = (etag or "").strip('"').lower()

    @property
    def md5(self):
        """The object's MD5 (hex) when its ETag is one, else None (the bytes must be re-read)."""
        return self.etag if PLAIN_MD5_ETAG.match(self.etag) else None


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_content_type(head):
    """The content type from the first bytes, never from the file name."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if head.startswith(OLE_MAGIC):  # a compound file (Outlook message, older Office) not named further
        return "application/x-ole-storage"
    if not head:
        return "application/octet-stream"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the sniffing boundary is still text
        if exc.reason != "unexpected end of data":
            return "application/octet-stream"
    if b"\x00" in head:
        return "application/octet-stream"
    return "text/plain"


class Storage(object_store.Bucket):
    def presigned_put(self, key, expires=timedelta(minutes=10)):
        # short: the URL names the file's final key, and the gateway asks for it only once the
        # whole file has reached it, so the PUT follows at once
        return self.client.presigned_put_object(self.bucket, key, expires=expires)

    @measured_s3("inspect")
    def inspect(self, key):
        """Size, SHA-256 and sniffed type of an object, read as a stream; None if absent."""
        try:
            response = self.client.get_object(self.bucket, key)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject"):
                return None
            raise
        digest = hashlib.sha256()
        size = 0
        head = b""
        try:
            for chunk in response.stream(CHUNK):
                if len(head) < SNIFF_BYTES:
                    head += chunk[: SNIFF_BYTES - len(head)]
                digest.update(chunk)
                size += len(chunk)
        finally:
            response.close()
            response.release_conn()
        return StagedObject(size, digest.hexdigest(), sniff_content_type(head))

    @measured_s3("stat")
    def stat(self, key):
        """The size and ETag of an object (no bytes read); None if absent."""
        try:
            found = self.client.stat_object(self.bucket, key)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject"):
                return None
            raise
        return ObjectInfo(found.size, found.etag)

    @measured_s3("read")
    def read(self, key, limit):
        """At most ``limit`` bytes of an object, from its start."""
        response = self.client.get_object(self.bucket, key, length=limit)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def checksum(self, key):
        """The SHA-256 and size of a stored object, re-read as a stream; None if it is gone."""
        staged = self.inspect(key)
        return None if staged is None else (staged.sha256, staged.size)

    def stale_staged_keys(self, older_than=timedelta(days=1)):
        cutoff = datetime.now(timezone.utc) - older_than
        for obj in self.client.list_objects(self.bucket, prefix=STAGING_PREFIX, recursive=True):
            if obj.last_modified is not None and obj.last_modified < cutoff:
                yield obj.object_name


class ObjectStorage(object_store.ObjectStorage):
    bucket_class = Storage
