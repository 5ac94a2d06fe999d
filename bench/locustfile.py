"""The staff workload of ``python -m bench workload`` for Locust, against any deployment.

    pip install locust
    CHANCERY_EMAIL=... CHANCERY_PASSWORD=... locust -f bench/locustfile.py --host https://chancery.example

Each simulated employee signs in once, takes the first 200 counterparties it may see, then
sends the mix (agenda 30, directory search 20, registry search 20, counterparty card 20,
approvals inbox 10, unified view 20) with 2.5-7.5 s of thinking between requests
(``CHANCERY_THINK`` seconds on average, 5 by default). Sign in with an account that sees
what your staff see; several accounts: CHANCERY_EMAIL may list them separated by commas.
"""
import itertools
import os
import random

from locust import HttpUser, between, task

THINK = float(os.environ.get("CHANCERY_THINK", "5"))
ACCOUNTS = itertools.cycle(os.environ.get("CHANCERY_EMAIL", "").split(","))
PASSWORD = os.environ.get("CHANCERY_PASSWORD", "")
DIRECTORY_WORDS = os.environ.get("CHANCERY_DIRECTORY_WORDS", "ООО,строй,group").split(",")
REGISTRY_WORDS = os.environ.get("CHANCERY_REGISTRY_WORDS", "договор,поставка,contract,invoice").split(",")


class Employee(HttpUser):
    wait_time = between(0.5 * THINK, 1.5 * THINK)

    def on_start(self):
        email = next(ACCOUNTS)
        answer = self.client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD},
                                  name="sign in")
        answer.raise_for_status()
        page = self.client.get("/api/v1/counterparties/", params={"limit": 200}, name="counterparties")
        items = page.json()["items"] if page.ok else []  # a refusal is counted; the card and view wait for ids
        self.counterparty_ids = [item["id"] for item in items] or [None]

    def counterparty(self):
        return random.choice(self.counterparty_ids)

    @task(30)
    def agenda(self):
        self.client.get("/api/v1/activities/agenda", name="agenda")

    @task(20)
    def directory_search(self):
        self.client.get("/api/v1/counterparties/", params={"search": random.choice(DIRECTORY_WORDS), "limit": 50},
                        name="directory search")

    @task(20)
    def registry_search(self):
        self.client.get("/api/v1/documents/", params={"search": random.choice(REGISTRY_WORDS), "limit": 50},
                        name="registry search")

    @task(20)
    def card(self):
        if (counterparty_id := self.counterparty()) is not None:
            self.client.get(f"/api/v1/counterparties/{counterparty_id}", name="counterparty card")

    @task(10)
    def approvals_inbox(self):
        self.client.get("/api/v1/approvals/tasks", params={"limit": 50}, name="approvals inbox")

    @task(20)
    def view(self):
        if (counterparty_id := self.counterparty()) is not None:
            self.client.get(f"/api/v1/counterparties/{counterparty_id}/overview", name="unified view")
