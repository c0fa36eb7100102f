"""Constants in one place: paths, dataset names, API limits, sandbox addresses and credentials."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = ROOT / "state"
SQL_DIR = ROOT / "sql"
DUCKDB_FILE = STATE_DIR / "customer_sync.duckdb"
PARSE_CACHE_FILE = STATE_DIR / "parsed_models.json"  # pipelines/models/parsecache.py
PIPELINES_DIR = STATE_DIR / "dlt"  # dlt's working dir (incremental cursors live in dlt state)

# Raw datasets (one per system) and the sync-state schema in the DuckDB file.
DATASETS = {"exact": "raw_exact", "wave": "raw_wave", "custompms": "raw_custompms"}
SYNC_SCHEMA = "sync"
# The transform writes wide model tables; DuckDB's DICT_FSST string compression makes those writes
# several times slower, so the model runner disables it. It is the only string compression this storage
# version writes, so the models' strings are stored uncompressed: at 100,000 records per system a full
# run left a 1.1 GB file instead of 0.26 GB, and took 1.3-3.3 s less (of 12-16 s). The sync tables a first
# sync fills (links, property_history) say in their DDL which columns stay uncompressed and are written with
# compression on (runner.compressed_writes): the file is then 0.90 GB.
TRANSFORM_DISABLED_COMPRESSION = "dict_fsst"

# Exact Online (exact-online-api.md)
EXACT_PAGE_SIZE = 60
EXACT_SYNC_PAGE_SIZE = 1000
EXACT_MINUTE_LIMIT = 60
EXACT_DAY_LIMIT = 5000
EXACT_TOKEN_TTL = 600
EXACT_REFRESH_SLACK = 60  # refresh only when fewer seconds than this remain (expiry counted from the request)
EXACT_TOKEN_MIN_INTERVAL = 570  # Exact refuses a token call within 9 min 30 s of the last one
EXACT_TOKEN_STAMP_ALLOWANCE = 15  # Exact stamps a token call on arrival, up to this long after we sent it
EXACT_TOKEN_CALLS_PER_DAY = 200  # per app and user; resets at 00:00 UTC (unconfirmed)
EXACT_REFRESH_TOKEN_DAYS = 30  # an unused refresh token expires after this
EXACT_REFRESH_TOKEN_WARN_DAYS = 25  # `doctor` warns from this age on
EXACT_ERROR_LIMIT = 10  # more errors (400/401/403/404) than this per division and endpoint in an hour block it
EXACT_ERROR_WINDOW = 3600
EXACT_ERROR_BUDGET = 9  # the client sends nothing more to an endpoint once this many errors are in the hour
EXACT_BLOCK_SECONDS = 3600  # how long a 403 or a 429 without rate-limit headers stops calls to a division
EXACT_ACCOUNT_ENTITY_TYPE = 2  # sync/Deleted EntityType for Accounts
# sources.exact.country -> base URL (when sources.exact.base_url is not set)
EXACT_BASE_URLS = {
    country: f"https://start.exactonline.{country}" for country in ("nl", "be", "de", "fr", "es", "co.uk", "com")
}
EXACT_AUTH_PATH = "/api/oauth2/auth"
EXACT_TOKEN_PATH = "/api/oauth2/token"

# Wave
WAVE_PAGE_SIZE = 100
WAVE_OVERLAP_SECONDS = 5  # re-read this much before the cursor so a boundary edit is never missed
# patches marked in_flight, then sent one after another, then recorded, per outbox transaction: the
# bookkeeping reads the outbox and the ledger whole, so per patch it was ~90% of a big push's time
WAVE_PUSH_BATCH = 50
# OAuth (wave-auth.md): authorize and token endpoints live on another host than the GraphQL API
WAVE_OAUTH_URL = "https://api.waveapps.com"
WAVE_AUTHORIZE_PATH = "/oauth2/authorize/"
WAVE_TOKEN_PATH = "/oauth2/token/"
WAVE_SCOPES = ("business:read", "customer:read", "customer:write", "offline_access")
WAVE_REFRESH_MARGIN = 300  # refresh an OAuth access token (about two hours) when fewer seconds remain

# `connect`: the loopback address the OAuth redirect comes back to (must match the app registration)
CONNECT_REDIRECT_URI = "http://127.0.0.1:8765/callback"
CONNECT_TIMEOUT = 300  # seconds to wait for the browser to come back

# CustomPMS
CUSTOMPMS_PAGE_SIZE = 500

# Readers fetch this many pages ahead of the page being processed (pipelines/pages.py): enough to ride
# out the pauses while a batch goes to dlt (every ~10,000 rows), small enough to hold in memory.
PREFETCH_PAGES = 64

# Retries (pipelines/retry.py): one policy for the three clients
RETRY_MAX = 5  # repeats after a 5xx, a timeout or a dropped connection
RETRY_MAX_THROTTLED = 10  # repeats after a 429
RETRY_BACKOFF_BASE = 0.5  # seconds; doubled per repeat, "equal jitter"
RETRY_BACKOFF_CAP = 30.0
RETRY_MAX_WAIT = 120.0  # a server asking for a longer wait than this ends the call instead
THROTTLE_BUDGET_SECONDS = 1800.0  # the total a client waits on 429s in one run (Exact: up to 60 s each)

# Sandbox: ports, and credentials that only the emulators accept.
SANDBOX_HOST = "127.0.0.1"
SANDBOX_PORTS = {"exact": 8751, "wave": 8752, "custompms": 8753}
SANDBOX_DATA_FILE = STATE_DIR / "sandbox" / "data.json"
SANDBOX_PID_FILE = STATE_DIR / "sandbox" / "sandbox.pid"
SANDBOX_EXACT_CLIENT_ID = "sandbox-client"
SANDBOX_EXACT_CLIENT_SECRET = "sandbox-secret"
SANDBOX_EXACT_REFRESH_TOKEN = "sandbox-refresh-token"
SANDBOX_WAVE_TOKEN = "sandbox-wave-token"
SANDBOX_WAVE_CLIENT_ID = "sandbox-wave-client"
SANDBOX_WAVE_CLIENT_SECRET = "sandbox-wave-secret"
SANDBOX_CUSTOMPMS_KEY = "sandbox-custompms-key"

# The state file and the run lock: how long a command waits for another process to let go of them
# before it refuses (exit 2, naming the holder), and how often it looks again.
LOCK_WAIT_SECONDS = 5.0
LOCK_POLL_SECONDS = 0.1

# Quarantine and push: how much of an offending value a row shows, and how often push resends the
# rest of an operation a target rejected (each round strips what the last answer blamed).
QUARANTINE_VALUE_CHARS = 200
RESEND_ROUNDS = 3
