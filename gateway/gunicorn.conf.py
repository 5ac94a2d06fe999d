"""gunicorn settings for the gateway: threads, not eventlet (gunicorn 26+ has no eventlet
worker). Each worker process builds its own RPC proxies after the fork."""
import glob
import os
import tempfile

# Prometheus metrics of all workers, summed at /metrics (prometheus-client's multiprocess
# mode): set before any worker imports prometheus_client; the last run's files are removed
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="chancery-gateway-metrics-")
os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)
for _old in glob.glob(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], "*.db")):
    os.remove(_old)

# one address or several, comma-separated: a replica of the local runner listens on the public
# port it shares with the other gateway processes (SO_REUSEPORT, CHANCERY_REUSE_PORT=true: the
# kernel spreads connections over them) and on a port of its own (its /metrics, its /healthz)
bind = [address.strip() for address in os.environ.get("CHANCERY_BIND", "127.0.0.1:8000").split(",") if address.strip()]
reuse_port = os.environ.get("CHANCERY_REUSE_PORT", "false").lower() == "true"
workers = int(os.environ.get("CHANCERY_WORKERS", "2"))
worker_class = "gthread"
# more threads than admitted requests (ADMITTED_REQUESTS, 8): the others wait for a place
# in admission.py, measured and bounded by QUEUE_BUDGET_SECONDS, not unseen in gunicorn's queue
threads = int(os.environ.get("CHANCERY_THREADS", "32"))
timeout = int(os.environ.get("CHANCERY_WORKER_TIMEOUT", "120"))
graceful_timeout = 10
# Idle keep-alive connections stay open longer than a client pauses between requests, so a
# client never reuses a socket at the moment the server closes it (a reset POST).
keepalive = int(os.environ.get("CHANCERY_KEEPALIVE", "75"))
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# gunicorn's own lines in the format of every other line (chancery_common.logs: JSON unless on
# a terminal); an access line's request_id is the X-Request-ID the gateway answered with
_handler = {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stdout"}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": {"()": "chancery_common.logs.make_formatter"}},
    "filters": {"context": {"()": "chancery_common.logs.ContextFilter", "service": "gateway"},
                "answered": {"()": "chancery_gateway.observability.AnsweredRequestId"}},
    "handlers": {"console": {**_handler, "filters": ["context"]},
                 "access": {**_handler, "filters": ["context", "answered"]}},
    "loggers": {"gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
                "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False}},
}

def post_fork(server, worker):
    from chancery_gateway import rpc
    rpc.reset_after_fork()


def child_exit(server, worker):
    from prometheus_client import multiprocess
    multiprocess.mark_process_dead(worker.pid)
