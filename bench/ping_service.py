"""A nameko service that only answers ``ping``: what nameko itself costs per RPC.

Run by the benchmark beside the real services, with the staff service's settings, so the
gap between it and ``staff.ping`` is what the project's own service code adds.
"""
from nameko.rpc import rpc


class BenchPingService:
    name = "bench_ping"

    @rpc
    def ping(self):
        return "pong"
