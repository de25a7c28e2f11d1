"""Benchmarks and research code, run as ``python benchmarks/<name>.py``; tiendo never imports it."""
