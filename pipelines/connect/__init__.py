"""`customer-sync connect exact|wave|custompms|all` (`make connect SYSTEM=...`): connecting the real
systems, one person at a keyboard and a browser.

- Exact: OAuth authorization code. The authorize URL (the country's site, or base_url) is printed
  (and opened in a browser when there is a display); the browser comes back to the loopback redirect
  URI, `state` is checked, the code exchanged, and the new token chain written to the token file
  (atomic, 0600). Then it says which divisions the user sees.
- Wave: OAuth authorization code with offline_access (when an OAuth app's client_id/client_secret are
  in the secrets), or a full access token pasted by the person (`--token`, `--token-stdin`), or the
  full access token already configured. Then it lists the businesses the token sees and writes the
  chosen ones into config (`--business ID`, `--all-businesses`, or a numbered choice on a terminal).
- CustomPMS: one call with the configured API key, and what it sees.

Nothing here prints or logs a token, a code or a secret. Exit codes: 0 connected; 1 a flow did not
complete (denied, refused state, timeout, refused credentials: the message says what to do); 2 a
setting is missing or an argument is wrong. With `all`, the worst of the three.
"""

# The package's modules: command (the session, the browser part of OAuth, one flow per system), exact,
# wave, custompms (the flows), redirect (the loopback listener), settings_files (tomlkit writes),
# arguments (the command's options: imported by the CLI's parser, so this file imports nothing).
