"""The S3-compatible object store as the services reach it: a client made from the service's
config, the calls every service makes alike (make sure the bucket exists, remove an object,
ask whether one exists, copy one inside the store, list keys, a short-lived download link;
each timed, chancery_s3_operation_duration_seconds; the sweep of objects no record names),
and the nameko dependency that hands a service its store and answers /readyz for it.

A service subclasses ``Bucket`` with what it alone does (documents: staging and checksums;
jobs: result files and their download links; texts: reading originals, writing derived
files) and names that class in its ``ObjectStorage`` dependency.
"""
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from minio import Minio
from minio.commonconfig import CopySource
from minio.error import S3Error
from nameko.extensions import DependencyProvider

from .metrics import measured_s3

MISSING = ("NoSuchKey", "NoSuchObject")


def client_from_config(config):
    """A minio client for the store the config names (S3_ENDPOINT, keys, S3_SECURE, S3_REGION)."""
    return Minio(config["S3_ENDPOINT"], access_key=config["S3_ACCESS_KEY"], secret_key=config["S3_SECRET_KEY"],
                 secure=str(config.get("S3_SECURE", "false")).lower() in ("1", "true", "yes"),
                 region=config.get("S3_REGION") or None)


class Bucket:
    """One bucket of the store."""

    def __init__(self, client, bucket):
        self.client = client
        self.bucket = bucket

    @classmethod
    def from_config(cls, config):
        return cls(client_from_config(config), config["S3_BUCKET"])

    def presigned_get(self, key, filename, content_type, inline=True, expires=timedelta(minutes=5)):
        """A short-lived link that reads the object as ``filename`` (shown in the browser when
        ``inline``, else downloaded), the name given in ASCII and in UTF-8 (RFC 6266)."""
        disposition = "inline" if inline else "attachment"
        ascii_name = filename.replace('"', "").encode("ascii", "replace").decode()
        return self.client.presigned_get_object(self.bucket, key, expires=expires, response_headers={
            "response-content-type": content_type,
            "response-content-disposition": f"{disposition}; filename=\"{ascii_name}\"; "
                                            f"filename*=UTF-8''{quote(filename)}"})

    @measured_s3("ensure_bucket")
    def ensure_bucket(self):
        if not self.client.bucket_exists(self.bucket):
            try:
                self.client.make_bucket(self.bucket)
            except S3Error as exc:  # another process made it first
                if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise

    @measured_s3("remove")
    def remove(self, key):
        """Remove an object; one already gone is no error (a sweep may run twice)."""
        self.client.remove_object(self.bucket, key)

    @measured_s3("copy")
    def copy(self, source_key, target_key):
        """Copy an object inside the store (the bytes never pass through the service)."""
        self.client.copy_object(self.bucket, target_key, CopySource(self.bucket, source_key))

    def keys(self, prefix):
        """(key, last modified) of every object under ``prefix``."""
        for obj in self.client.list_objects(self.bucket, prefix=prefix, recursive=True):
            yield obj.object_name, obj.last_modified

    def sweep_unnamed(self, prefix, named_among, older_than=timedelta(days=1), batch_size=500):
        """Remove the objects under ``prefix`` older than ``older_than`` that no record names:
        written by a process that died (or failed) before the transaction naming them committed.
        ``named_among(keys)``: those of ``keys`` a record names. The grace period must be far
        longer than any write takes from the object to its commit. Returns how many went."""
        cutoff = datetime.now(timezone.utc) - older_than
        removed, batch = 0, []

        def flush():
            nonlocal removed
            named = set(named_among(batch))
            for key in batch:
                if key not in named:
                    self.remove(key)
                    removed += 1
            batch.clear()

        for key, modified in self.keys(prefix):
            if modified is not None and modified < cutoff:
                batch.append(key)
                if len(batch) >= batch_size:
                    flush()
        if batch:
            flush()
        return removed

    @measured_s3("exists")
    def exists(self, key):
        try:
            self.client.stat_object(self.bucket, key)
            return True
        except S3Error as exc:
            if exc.code in MISSING:
                return False
            raise


class ObjectStorage(DependencyProvider):
    """The service's ``Bucket`` (``bucket_class``); with ``makes_bucket`` it makes sure the bucket
    exists when the service starts (documents and jobs write first; texts only reads originals)."""

    bucket_class = Bucket
    makes_bucket = True

    def setup(self):
        self.storage = self.bucket_class.from_config(self.container.config)

    def start(self):
        if self.makes_bucket:
            self.storage.ensure_bucket()

    def check_ready(self):
        """For /readyz: the object store answers and has the bucket."""
        if not self.storage.client.bucket_exists(self.storage.bucket):
            raise RuntimeError(f"the bucket {self.storage.bucket} does not exist")

    def get_dependency(self, worker_ctx):
        return self.storage
