"""The object store as the texts service uses it: read an original to a local file, store a
derived file (a searchable PDF, a thumbnail) under ``derived/``. Originals are only read."""
import hashlib

from minio import Minio
from nameko.extensions import DependencyProvider

from chancery_common.metrics import measured_s3

CHUNK = 1024 * 1024
DERIVED_PREFIX = "derived/"


class Storage:
    def __init__(self, client, bucket):
        self.client = client
        self.bucket = bucket

    def download(self, key, path):
        """Write the object to ``path``; returns its size."""
        with measured_s3("read"):
            response = self.client.get_object(self.bucket, key)
            size = 0
            try:
                with open(path, "wb") as out:
                    for chunk in response.stream(CHUNK):
                        out.write(chunk)
                        size += len(chunk)
            finally:
                response.close()
                response.release_conn()
        return size

    def upload(self, key, path, content_type):
        """Store a derived file; returns what the event says of it (key, type, size, SHA-256)."""
        if not key.startswith(DERIVED_PREFIX):
            raise ValueError(f"{key}: only derived files are written, never an original")
        digest, size = hashlib.sha256(), 0
        with open(path, "rb") as source:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
        with measured_s3("put"):
            self.client.fput_object(self.bucket, key, str(path), content_type=content_type)
        return {"key": key, "content_type": content_type, "size": size, "sha256": digest.hexdigest()}


def storage_from_config(config):
    client = Minio(
        config["S3_ENDPOINT"], access_key=config["S3_ACCESS_KEY"], secret_key=config["S3_SECRET_KEY"],
        secure=str(config.get("S3_SECURE", "false")).lower() in ("1", "true", "yes"),
        region=config.get("S3_REGION") or None,
    )
    return Storage(client, config["S3_BUCKET"])


class ObjectStorage(DependencyProvider):
    def setup(self):
        self.storage = storage_from_config(self.container.config)

    def check_ready(self):
        """For /readyz: the object store answers and has the documents' bucket."""
        if not self.storage.client.bucket_exists(self.storage.bucket):
            raise RuntimeError(f"the bucket {self.storage.bucket} does not exist")

    def get_dependency(self, worker_ctx):
        return self.storage
