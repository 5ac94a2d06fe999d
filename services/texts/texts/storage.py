"""The object store as the texts service uses it: read an original to a local file, store a
derived file (a searchable PDF, a thumbnail) under ``derived/``. Originals are only read."""
import hashlib

from chancery_common import object_store
from chancery_common.metrics import measured_s3

CHUNK = 1024 * 1024
DERIVED_PREFIX = "derived/"


class Storage(object_store.Bucket):
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


class ObjectStorage(object_store.ObjectStorage):
    """The documents' bucket, which texts only reads from and adds derived files to (it never makes it)."""
    bucket_class = Storage
    makes_bucket = False
