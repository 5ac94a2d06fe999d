"""Result files in S3-compatible object storage, under ``jobs/<job id>/`` of the bucket the
documents service uses (its sweeps look only under ``documents/`` and ``staging/``).

A worker writes the file to a temporary file on its disk (memory stays flat whatever the
size), uploads it once it is complete, and the gateway streams it back through a short-lived
presigned GET URL (signed here, no call to the store). The expiry sweep removes it. Every
call to the store is timed (chancery_s3_operation_duration_seconds).
"""
from datetime import timedelta

from chancery_common import object_store
from chancery_common.metrics import measured_s3

PREFIX = "jobs/"


def result_key(job_id, filename):
    return f"{PREFIX}{job_id}/{filename}"


class ResultStorage(object_store.Bucket):
    @measured_s3("put")
    def put_file(self, key, path, content_type):
        self.client.fput_object(self.bucket, key, str(path), content_type=content_type)

    def presigned_get(self, key, filename, content_type, expires=timedelta(minutes=5)):
        """A result file is downloaded, never shown in the browser."""
        return super().presigned_get(key, filename, content_type, inline=False, expires=expires)


class ObjectStorage(object_store.ObjectStorage):
    bucket_class = ResultStorage
