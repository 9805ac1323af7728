"""Synchronisation with the provincial system (outer layer: may import counter_app, never the reverse).

Protocol (API /api/v1, OpenAPI at /openapi.json, served by ``sync.server``):

* ``POST /workstations`` enrols a counter and returns its own random bearer token
  (stored hashed, revocable); every other call needs ``Authorization: Bearer``.
* Files first: ``GET|HEAD /files/{sha256}`` says which byte ranges the server holds,
  ``PUT /files/{sha256}`` with ``Content-Range`` stores a range; the finished file is
  verified by SHA-256.
* ``POST /ops``: outbox ops, each with its ``op_id`` idempotency key. Applied once, in
  ``seq`` order per dossier; a repeat returns the first stored result. Outcomes:
  applied / rejected (reason; the counter parks it) / deferred (retry later).
* ``GET /changes?cursor=N``: province changes for the counter's office — processing
  status (``dossier.status``) — and for every office — catalogue versions
  (``catalog.version``) and holiday calendar overrides (``calendar.overrides``),
  published with ``counter-app server publish-catalog|publish-calendar FILE``; the
  counter stores them and the cursor in one transaction (``pull``, ``feed_apply``).
* ``POST /code-blocks``: numbers 0001–0999 per agency and day, never overlapping; the
  worker keeps blocks for today and the next working day (``code_blocks``).
* ``PUT /files`` accepts ``Content-Encoding: gzip|deflate`` (the uploader compresses
  chunks when that saves ≥ 10 %).
* National portal: ``national_export`` maps the server's dossiers to ``DongBoHoSoMC``
  bodies (``counter-app server export-national --out FILE``).

Client side: ``client`` (HTTP, retries), ``uploads`` (resumable files), ``push`` and
``pull`` (one direction each), ``outbox_worker`` (rounds, background thread),
``status`` and ``cli`` (``counter-app server``, ``counter-app sync``).
"""
