"""The background worker: ``tiendo worker`` (management/commands/worker.py) runs
``run.run_once`` in a loop. It stands above every app whose jobs it runs; no app imports it."""
