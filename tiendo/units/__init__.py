"""Changes to the organisation: create, merge and rename units, assign roles — each written
with its audit entry — and their admin pages.

``tiendo.orgs`` holds who is who and who sees what, and imports no other app; the writes,
which go through ``tiendo.audit``, live here, one layer up.
"""
