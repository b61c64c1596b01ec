#!/bin/sh
# Smoke test of the running sample server: healthy, at the level uplevel applied, and
# still answering with the team's own greeting (the customised configuration survived).
set -eu
: "${SAMPLE_URL:?SAMPLE_URL must point at the running server}"
node -e '
const [url, level] = process.argv.slice(1);
fetch(url + "/health").then(async (res) => {
  const body = await res.json();
  const fail = (m) => { console.error("smoke: " + m + " (got " + JSON.stringify(body) + ")"); process.exit(1); };
  if (res.status !== 200 || body.status !== "ok") fail("server is not healthy");
  if (level && String(body.level) !== level) fail("server runs level " + body.level + ", expected " + level);
  if (body.greeting !== "Hello from the ACME operations team") fail("the customised greeting was lost");
  // The security fix SAMPLE-SEC-1 arrived at level 2.
  const hardened = body.level >= 2;
  if (hardened && res.headers.get("x-content-type-options") !== "nosniff") fail("security headers are missing");
  console.log("smoke: ok, level " + body.level + ", greeting kept" + (hardened ? ", security headers present" : ""));
}).catch((e) => { console.error("smoke: " + e.message); process.exit(1); });
' "$SAMPLE_URL" "${UPLEVEL_LEVEL:-}"
