"""Quarter-end burst: focal points log in once, then enter figures for the new quarter and
post task progress, as fast as the server answers. Every submission the server accepts is
appended to ACCEPTED (JSONL) so run.py can prove it reached the database.

Inputs (environment): LOAD_PLAN (JSON written by run.py), LOAD_ACCEPTED (JSONL to append),
LOAD_PASSWORD; LOAD_PAUSE ("1-3": each person pauses 1 to 3 s between actions, as people do;
absent or "0": no pause, the stress run).
"""

import itertools
import json
import os
import random
import re
import threading

from locust import HttpUser, between, constant, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115
PASSWORD = os.environ["LOAD_PASSWORD"]
PERIOD = PLAN["period"]
_PAUSE = os.environ.get("LOAD_PAUSE", "0")
_people = itertools.count()
_lock = threading.Lock()
_out = open(os.environ["LOAD_ACCEPTED"], "a", encoding="utf-8")  # noqa: SIM115


def accepted(row: dict) -> None:
    with _lock:
        _out.write(json.dumps(row) + "\n")
        _out.flush()


@events.quitting.add_listener
def _close(**_kw):
    _out.close()


def _version(html: str, name: str) -> int:
    match = re.search(rf'name="{re.escape(name)}" value="(\d+)"', html)
    return int(match.group(1)) if match else 0


def _wait_time():
    if _PAUSE in ("", "0"):
        return constant(0)
    low, high = (float(x) for x in _PAUSE.split("-"))
    return between(low, high)


class FocalPoint(HttpUser):
    wait_time = _wait_time()

    def on_start(self):
        self.me = PLAN["people"][next(_people) % len(PLAN["people"])]
        self.seq = 0
        self.rnd = random.Random(self.me["username"])
        # every edit sends the version it was made on (optimistic locking): 0 for a figure not
        # yet entered; afterwards the version the server's answer carries
        self.figure_versions = {}
        self.task_versions = dict(self.me.get("task_versions", {}))
        self.client.get("/dang-nhap/", name="login page")
        resp = self.client.post("/dang-nhap/", {
            "username": self.me["username"], "password": PASSWORD,
            "csrfmiddlewaretoken": self.client.cookies["csrftoken"]},
            name="login", allow_redirects=False)
        if resp.status_code != 302:
            raise RuntimeError(f"login of {self.me['username']} failed: {resp.status_code}")

    def _headers(self):
        return {"X-CSRFToken": self.client.cookies["csrftoken"], "HX-Request": "true",
                "Referer": self.host + "/"}

    @task(3)
    def enter_figure(self):
        self.seq += 1
        indicator = self.rnd.choice(self.me["indicators"])
        value = self.me["index"] * 1_000_000 + self.seq
        prefix = f"i{indicator}"
        url = f"/so-lieu/nhap/{self.me['unit']}/{PERIOD}/{indicator}/"
        with self.client.post(url, {f"{prefix}-value": str(value), f"{prefix}-note": "tải thử",
                                    f"{prefix}-change": "",
                                    f"{prefix}-version": self.figure_versions.get(indicator, 0)},
                              headers=self._headers(), name="save figure",
                              catch_response=True) as resp:
            if resp.status_code == 200:
                self.figure_versions[indicator] = _version(resp.text, f"{prefix}-version")
                accepted({"kind": "figure", "unit": self.me["unit"], "indicator": indicator,
                          "value": value, "user": self.me["username"]})
                resp.success()
            else:
                resp.failure(f"{resp.status_code}: {resp.text[:200]}")

    @task(2)
    def post_progress(self):
        self.seq += 1
        task_id = self.rnd.choice(self.me["tasks"])
        note = f"load {self.me['username']} #{self.seq}"
        with self.client.post(f"/nhiem-vu/{task_id}/cap-nhat/",
                              {"percent": str(self.rnd.randint(0, 100)), "note": note,
                               "version": self.task_versions.get(str(task_id), 1)},
                              headers=self._headers(), name="post progress",
                              catch_response=True) as resp:
            if resp.status_code == 200:
                self.task_versions[str(task_id)] = _version(resp.text, "version")
                accepted({"kind": "progress", "task": task_id, "note": note})
                resp.success()
            else:
                resp.failure(f"{resp.status_code}: {resp.text[:200]}")
