"""Token files: a kill between the temp file's fsync and the rename loses nothing; leftovers that
hold nothing usable are dropped; a damaged file is named, with `make connect` as the way out."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from pipelines import settings
from pipelines.exact.client import ExactClient
from pipelines.exact.tokens import TokenFileError, TokenSet, TokenStore
from pipelines.wave.auth import WaveTokens
from pipelines.wave.client import WaveAuthError

DIE_IN_THE_WRITE_WINDOW = textwrap.dedent(
    """
    import os, signal, sys
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(src).endswith(".tmp") and str(dst) == sys.argv[2]:
            os.kill(os.getpid(), signal.SIGKILL)  # the temp file is written and fsynced, not yet renamed
        return real_replace(src, dst, *args, **kwargs)

    os.replace = replace
    from pipelines.exact.client import ExactClient
    ExactClient(sys.argv[1], "sandbox-client", "sandbox-secret", None, sys.argv[2]).current_division()
    """
)


def _client(project, **kwargs) -> ExactClient:
    return ExactClient(project.servers["exact"].url, settings.SANDBOX_EXACT_CLIENT_ID,
                       settings.SANDBOX_EXACT_CLIENT_SECRET, settings.SANDBOX_EXACT_REFRESH_TOKEN,
                       project.exact_tokens, **kwargs)


def test_a_kill_between_fsync_and_rename_keeps_the_chain(project):
    with _client(project) as first:
        assert first.current_division() == 101
    spent_by_the_kill = json.loads(project.exact_tokens.read_text())["refresh_token"]

    # the access token expires; a process refreshes (Exact rotates) and is killed in the write window
    project.clock.advance(settings.EXACT_TOKEN_TTL + 1)
    killed = subprocess.run([sys.executable, "-c", DIE_IN_THE_WRITE_WINDOW, project.servers["exact"].url,
                             str(project.exact_tokens)], capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    leftovers = list(project.exact_tokens.parent.glob(".exact_tokens.json.*.tmp"))
    assert len(leftovers) == 1
    assert json.loads(project.exact_tokens.read_text())["refresh_token"] == spent_by_the_kill
    assert spent_by_the_kill not in project.exact.refresh_tokens  # the main file's token is dead now
    only_valid = json.loads(leftovers[0].read_text())["refresh_token"]
    assert only_valid in project.exact.refresh_tokens

    # the next run finds the temp file, takes it, and the chain lives on (no invalid_grant)
    project.clock.advance(settings.EXACT_TOKEN_TTL + 1)
    with _client(project) as rerun:
        assert rerun.current_division() == 101
        assert rerun.token_calls == 1  # refreshed from the recovered token
    assert not list(project.exact_tokens.parent.glob(".exact_tokens.json.*.tmp"))
    assert stat.S_IMODE(os.stat(project.exact_tokens).st_mode) == 0o600
    current = json.loads(project.exact_tokens.read_text())["refresh_token"]
    assert current != only_valid and current in project.exact.refresh_tokens


def _leave_temp(path, text: str, mtime_ns: int | None = None):
    tmp = path.with_name(f".{path.name}.leftover.tmp")
    tmp.write_text(text)
    if mtime_ns is not None:
        os.utime(tmp, ns=(mtime_ns, mtime_ns))
    return tmp


def test_incomplete_and_older_temp_files_are_dropped_and_a_newer_complete_one_wins(tmp_path):
    store = TokenStore(tmp_path / "exact_tokens.json")
    store.save(TokenSet("access-1", "refresh-1", 100.0))
    main_mtime = store.path.stat().st_mtime_ns

    half_written = _leave_temp(store.path, '{"access_token": "access-2", "refresh_tok')  # killed mid-write
    assert store.load().refresh_token == "refresh-1" and not half_written.exists()

    older = _leave_temp(store.path, json.dumps({"refresh_token": "refresh-0", "expires_at": 1}), main_mtime - 10**9)
    assert store.load().refresh_token == "refresh-1" and not older.exists()

    newer = _leave_temp(store.path, json.dumps({"access_token": "access-2", "refresh_token": "refresh-2",
                                                "expires_at": 200.0}), main_mtime + 10**9)
    assert store.load().refresh_token == "refresh-2" and not newer.exists()
    assert json.loads(store.path.read_text())["refresh_token"] == "refresh-2"


def test_a_temp_file_without_a_main_file_is_recovered(tmp_path):
    store = TokenStore(tmp_path / "wave_tokens.json", system="wave")
    _leave_temp(store.path, json.dumps({"access_token": "a", "refresh_token": "r", "expires_at": 5}))
    assert store.load().refresh_token == "r" and store.path.exists()


@pytest.mark.parametrize("content, why", [
    ('{"refresh_token": "r", "access_token": "tok-123456789', "not JSON"),
    ('["refresh-token-in-a-list"]', "not a JSON object"),
    ('{"access_token": "tok-123456789"}', "no refresh_token"),
    ('{"refresh_token": "tok-123456789", "expires_at": "soon"}', "expires_at is not a number"),
])
def test_a_damaged_token_file_is_named_with_make_connect(tmp_path, content, why):
    path = tmp_path / "exact_tokens.json"
    path.write_text(content)
    with pytest.raises(TokenFileError) as error:
        TokenStore(path).load()
    message = str(error.value)
    assert str(path) in message and why in message and "make connect SYSTEM=exact" in message
    assert "tok-123456789" not in message and "refresh-token-in-a-list" not in message


def test_extract_with_a_damaged_exact_token_file_says_which_file_and_what_to_run(project):
    project.exact_tokens.write_text('{"refresh_token": "abc-secret-looking-value", ')
    extracted = project.cli("extract")
    assert extracted.returncode == 1  # the other systems were extracted; Exact needs a person
    message = "".join(extracted.stderr.split())  # rich folds long lines (and the long path) at 80 columns
    assert f"theExactOnlinetokenfile{project.exact_tokens}isdamaged" in message
    assert "makeconnectSYSTEM=exact" in message and "abc-secret-looking-value" not in message
    assert project.sql("select count(*) from raw_wave.customers")[0][0] == 3


def test_a_damaged_wave_token_file_names_make_connect_for_wave(project):
    project.wave_tokens.write_text("not json at all")
    tokens = WaveTokens(project.env["SOURCES__WAVE__OAUTH_URL"], settings.SANDBOX_WAVE_CLIENT_ID,
                        settings.SANDBOX_WAVE_CLIENT_SECRET, project.wave_tokens)
    with pytest.raises(TokenFileError, match="the Wave token file .* is damaged .*make connect SYSTEM=wave"):
        tokens()
    project.wave_tokens.unlink()
    with pytest.raises(WaveAuthError, match="Wave is not connected .*make connect SYSTEM=wave"):
        tokens()
