"""The object store as the intake service uses it: the files it took in are written under
``intake/<item>/<file>`` in the documents' bucket, shown to reviewers through short-lived
links, and copied to the key the documents service gives an upload when an item is
registered (a copy inside the store: the bytes never pass through a service)."""
import io

from chancery_common import object_store
from chancery_common.metrics import measured_s3

PREFIX = "intake/"


class Storage(object_store.Bucket):
    @measured_s3("put")
    def put(self, key, data, content_type):
        if not key.startswith(PREFIX):
            raise ValueError(f"{key}: the intake service writes only under {PREFIX}")
        self.client.put_object(self.bucket, key, io.BytesIO(data), len(data), content_type=content_type)


class ObjectStorage(object_store.ObjectStorage):
    bucket_class = Storage
