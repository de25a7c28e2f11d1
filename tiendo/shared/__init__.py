"""Django-aware helpers that every app's views and services share: the period a page shows,
safe redirects, upload checks, .xlsx responses and the translation of ``tiendo.lib``'s errors.

It sits just above ``tiendo.lib`` (which imports no Django) and below every app: it imports
Django and ``tiendo.lib`` only, so any app may use it without an import cycle.
"""
