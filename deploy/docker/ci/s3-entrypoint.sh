#!/bin/sh
# Accepts MinIO's `server DIR [--console-address ADDR]` and runs SeaweedFS's S3 on :9000.
set -eu
[ "${1:-}" = server ] || { echo "usage: server DIR [--console-address ADDR]" >&2; exit 2; }
data=${2:-/data}
export AWS_ACCESS_KEY_ID="${MINIO_ROOT_USER:?MINIO_ROOT_USER is required}"
export AWS_SECRET_ACCESS_KEY="${MINIO_ROOT_PASSWORD:?MINIO_ROOT_PASSWORD is required}"
exec weed mini -dir="$data" -ip=127.0.0.1 -ip.bind=0.0.0.0 -admin.ui=false -webdav=false \
  -s3.port.iceberg=0 -s3.port.lance=0 -s3.port=9000
