"""``python -m chancery_common.healthcheck SERVICE``: exit 0 when the service answers
its ``ping`` RPC within the timeout. Container healthchecks and the local runner use it."""
import argparse
import logging
import os
import sys

from nameko.standalone.rpc import ClusterRpcProxy

# a proxy closed right after one call still receives the broker's publish confirms
logging.getLogger("amqp").setLevel(logging.ERROR)


def ping(service, amqp_uri, timeout=5.0):
    with ClusterRpcProxy({"AMQP_URI": amqp_uri}, timeout=timeout) as cluster:
        return getattr(cluster, service).ping() == "pong"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("service")
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args(argv)
    amqp_uri = os.environ.get("AMQP_URI", "pyamqp://guest:guest@127.0.0.1:5672/")
    try:
        ok = ping(args.service, amqp_uri, args.timeout)
    except Exception as exc:  # any failure means unhealthy; say why
        print(f"{args.service}: unhealthy: {exc!r}", file=sys.stderr)
        return 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
