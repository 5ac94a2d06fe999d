"""Health checks from the command line.

``python -m chancery_common.healthcheck SERVICE``: exit 0 when the service answers its
``ping`` RPC within the timeout. Any instance may answer: it says the service is reachable
over the broker (the local runner and the fault suite use it).

``python -m chancery_common.healthcheck --http /readyz`` (or ``/livez``): exit 0 when
*this* instance answers 200 on its own HTTP port (``CHANCERY_HTTP_PORT``, see
``chancery_common.observability``). Container healthchecks use it, so that a live replica
never answers for a dead one."""
import argparse
import logging
import os
import sys
import urllib.error
import urllib.request


def ping(service, amqp_uri, timeout=5.0):
    # imported here: a container healthcheck (--http) starts no more than it needs, every
    # few seconds in every container
    from nameko.standalone.rpc import ClusterRpcProxy

    # a proxy closed right after one call still receives the broker's publish confirms
    logging.getLogger("amqp").setLevel(logging.ERROR)
    with ClusterRpcProxy({"AMQP_URI": amqp_uri}, timeout=timeout) as cluster:
        return getattr(cluster, service).ping() == "pong"


def instance(path, port, timeout=5.0):
    """(ok, what it said) of GET http://127.0.0.1:PORT/PATH."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
            return response.status == 200, response.read(2000).decode(errors="replace")
    except urllib.error.HTTPError as error:  # 503: not ready, naming what does not answer
        return False, f"HTTP {error.code}: {error.read(2000).decode(errors='replace')}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("service", nargs="?", help="ask any instance of SERVICE over the broker")
    parser.add_argument("--http", metavar="PATH", choices=("/livez", "/readyz"),
                        help="ask this instance on CHANCERY_HTTP_PORT instead")
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args(argv)
    if bool(args.service) == bool(args.http):
        parser.error("give either SERVICE or --http PATH")
    if args.http:
        port = os.environ.get("CHANCERY_HTTP_PORT", "0")
        if not port.isdigit() or int(port) == 0:
            print(f"CHANCERY_HTTP_PORT is {port!r}: this instance serves no {args.http}", file=sys.stderr)
            return 1
        try:
            ok, said = instance(args.http, int(port), args.timeout)
        except Exception as exc:  # refused, timed out: the instance does not answer
            ok, said = False, repr(exc)
        if not ok:
            print(f"{args.http} on port {port}: {said}", file=sys.stderr)
        return 0 if ok else 1
    amqp_uri = os.environ.get("AMQP_URI", "pyamqp://guest:guest@127.0.0.1:5672/")
    try:
        ok = ping(args.service, amqp_uri, args.timeout)
    except Exception as exc:  # any failure means unhealthy; say why
        print(f"{args.service}: unhealthy: {exc!r}", file=sys.stderr)
        return 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
