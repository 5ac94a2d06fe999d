# Stands in for the official python:3.11-slim image where no public image registry can be
# reached: Debian's Python 3.11 in a virtual environment first on PATH, so `python`, `pip`
# and the installed commands behave as in the official image. Built by scripts/compose-test.
ARG BASE_IMAGE=debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /usr/local/python
# pip and Python use Debian's trust store (with the machine's own authorities, if any).
ENV PATH=/usr/local/python/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    LANG=C.UTF-8
CMD ["python3"]
