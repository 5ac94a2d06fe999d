"""Result files in S3-compatible object storage, under ``jobs/<job id>/`` of the bucket the
documents service uses (its sweeps look only under ``documents/`` and ``staging/``).

A worker writes the file to a temporary file on its disk (memory stays flat whatever the
size), uploads it once it is complete, and the gateway streams it back through a short-lived
presigned GET URL (signed here, no call to the store). The expiry sweep removes it. Every
call to the store is timed (chancery_s3_operation_duration_seconds).
"""
from datetime import timedelta
from urllib.parse import quote

from minio import Minio
from minio.error import S3Error
from nameko.extensions import DependencyProvider

from chancery_common.metrics import measured_s3

PREFIX = "jobs/"


def result_key(job_id, filename):
    return f"{PREFIX}{job_id}/{filename}"


class ResultStorage:
    def __init__(self, client, bucket):
        self.client = client
        self.bucket = bucket

    @measured_s3("ensure_bucket")
    def ensure_bucket(self):
        if not self.client.bucket_exists(self.bucket):
            try:
                self.client.make_bucket(self.bucket)
            except S3Error as exc:  # another process made it first
                if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise

    @measured_s3("put")
    def put_file(self, key, path, content_type):
        self.client.fput_object(self.bucket, key, str(path), content_type=content_type)

    def presigned_get(self, key, filename, content_type, expires=timedelta(minutes=5)):
        ascii_name = filename.replace('"', "").encode("ascii", "replace").decode()
        return self.client.presigned_get_object(self.bucket, key, expires=expires, response_headers={
            "response-content-type": content_type,
            "response-content-disposition": f"attachment; filename=\"{ascii_name}\"; "
                                            f"filename*=UTF-8''{quote(filename)}"})

    @measured_s3("remove")
    def remove(self, key):
        """Remove an object; one already gone is no error (the sweep may run twice)."""
        self.client.remove_object(self.bucket, key)

    @measured_s3("exists")
    def exists(self, key):
        try:
            self.client.stat_object(self.bucket, key)
            return True
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchObject"):
                return False
            raise


def storage_from_config(config):
    client = Minio(config["S3_ENDPOINT"], access_key=config["S3_ACCESS_KEY"], secret_key=config["S3_SECRET_KEY"],
                   secure=str(config.get("S3_SECURE", "false")).lower() in ("1", "true", "yes"),
                   region=config.get("S3_REGION") or None)
    return ResultStorage(client, config["S3_BUCKET"])


class ObjectStorage(DependencyProvider):
    def setup(self):
        self.storage = storage_from_config(self.container.config)

    def start(self):
        self.storage.ensure_bucket()

    def check_ready(self):
        """For /readyz: the object store answers and has the bucket."""
        if not self.storage.client.bucket_exists(self.storage.bucket):
            raise RuntimeError(f"the bucket {self.storage.bucket} does not exist")

    def get_dependency(self, worker_ctx):
        return self.storage
