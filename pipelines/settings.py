"""Constants in one place: paths, dataset names, API limits, sandbox addresses and credentials."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = ROOT / "state"
SQL_DIR = ROOT / "sql"
DUCKDB_FILE = STATE_DIR / "customer_sync.duckdb"
PIPELINES_DIR = STATE_DIR / "dlt"  # dlt's working dir (incremental cursors live in dlt state)

# Raw datasets (one per system) and the sync-state schema in the DuckDB file.
DATASETS = {"exact": "raw_exact", "wave": "raw_wave", "custompms": "raw_custompms"}
SYNC_SCHEMA = "sync"
# The transform writes wide model tables; DuckDB's DICT_FSST string compression makes those writes
# several times slower for little space, so the model runner disables it (dictionary, FSST remain).
TRANSFORM_DISABLED_COMPRESSION = "dict_fsst"

# Exact Online (exact-online-api.md)
EXACT_PAGE_SIZE = 60
EXACT_SYNC_PAGE_SIZE = 1000
EXACT_MINUTE_LIMIT = 60
EXACT_DAY_LIMIT = 5000
EXACT_TOKEN_TTL = 600
EXACT_REFRESH_MARGIN = 30  # refresh only when fewer seconds than this remain
EXACT_ACCOUNT_ENTITY_TYPE = 2  # sync/Deleted EntityType for Accounts

# Wave
WAVE_PAGE_SIZE = 100
WAVE_OVERLAP_SECONDS = 5  # re-read this much before the cursor so a boundary edit is never missed

# CustomPMS
CUSTOMPMS_PAGE_SIZE = 500

# Sandbox: ports, and credentials that only the emulators accept.
SANDBOX_HOST = "127.0.0.1"
SANDBOX_PORTS = {"exact": 8751, "wave": 8752, "custompms": 8753}
SANDBOX_DATA_FILE = STATE_DIR / "sandbox" / "data.json"
SANDBOX_PID_FILE = STATE_DIR / "sandbox" / "sandbox.pid"
SANDBOX_EXACT_CLIENT_ID = "sandbox-client"
SANDBOX_EXACT_CLIENT_SECRET = "sandbox-secret"
SANDBOX_EXACT_REFRESH_TOKEN = "sandbox-refresh-token"
SANDBOX_WAVE_TOKEN = "sandbox-wave-token"
SANDBOX_CUSTOMPMS_KEY = "sandbox-custompms-key"
