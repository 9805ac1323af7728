#!/usr/bin/env bash
# Install what is needed, start the services the tests use, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -p no:cacheprovider "$@"
# The sync, LAN-queue, server-database, encryption and backup benchmarks print their
# figures in every run (short settings; the full-size runs are in the README). They
# assert nothing: figures, not pass/fail.
echo "== benchmarks (figures only) =="
.venv/bin/python bench/bench_sync.py --dossiers 6 --attachment-kb 256 --workstations 20 --ops 50
.venv/bin/python bench/bench_queue_lan.py
.venv/bin/python bench/bench_sync_server_db.py --workstations 20 --ops 40
.venv/bin/python bench/bench_encryption.py 80
.venv/bin/python bench/bench_backup.py --size-mb 100
