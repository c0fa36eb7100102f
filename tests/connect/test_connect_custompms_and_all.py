"""`connect custompms` (one call with the key, good and bad) and `connect all` in one run."""

from __future__ import annotations

import json

from connectkit import approve

from pipelines import settings


def test_a_working_key_says_what_it_sees(project):
    code, output = project.connect("custompms").finish()
    assert code == 0, output
    assert f"the API key works at {project.servers['custompms'].url}; it sees at least one customer" in output
    assert settings.SANDBOX_CUSTOMPMS_KEY not in output


def test_a_refused_key_says_so_and_where_to_put_a_good_one(project):
    project.env["SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY"] = "a-revoked-custompms-key"
    code, output = project.connect("custompms").finish()
    assert code == 1
    assert "refused the API key (401" in output and "sources.custompms.credentials.api_key" in output
    assert "a-revoked-custompms-key" not in output


def test_all_connects_the_three_in_one_run(project):
    run = project.connect()  # `make connect` without SYSTEM
    assert approve(run.authorize_url()).status_code == 200  # Exact; Wave uses the configured full token
    code, output = run.finish()
    assert code == 0, output
    assert "Exact Online: connected" in output and json.loads(project.exact_tokens.read_text())["refresh_token"]
    assert "Wave: the configured full access token works" in output and "2 business(es)" in output
    assert "CustomPMS: the API key works" in output


def test_all_reports_the_worst_outcome(project):
    project.env["SOURCES__CUSTOMPMS__CREDENTIALS__API_KEY"] = "a-revoked-custompms-key"
    run = project.connect("all")
    approve(run.authorize_url())
    code, output = run.finish()
    assert code == 1 and "Exact Online: connected" in output and "refused the API key" in output
