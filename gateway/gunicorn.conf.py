"""gunicorn settings for the gateway: threads, not eventlet (gunicorn 26+ has no eventlet
worker). Each worker process builds its own RPC proxies after the fork."""
import os

bind = os.environ.get("CHANCERY_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("CHANCERY_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("CHANCERY_THREADS", "8"))
timeout = int(os.environ.get("CHANCERY_WORKER_TIMEOUT", "120"))
graceful_timeout = 10
# Idle keep-alive connections stay open longer than a client pauses between requests, so a
# client never reuses a socket at the moment the server closes it (a reset POST).
keepalive = int(os.environ.get("CHANCERY_KEEPALIVE", "75"))
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


def post_fork(server, worker):
    from chancery_gateway import rpc
    rpc.reset_after_fork()
