#!/usr/bin/env bash
# Installs Request Tracker 5 (SQLite) for the connector tests, non-interactively and idempotently.
# It is only ever served on 127.0.0.1 by the tests (tests/support/rt.ts) and never sends mail.
# Needs root and the Debian archive; takes about a minute the first time, a second afterwards.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "install-request-tracker: run as root (it installs Debian packages)." >&2
  exit 2
fi

SITE_CONFIG=/etc/request-tracker5/RT_SiteConfig.d/90-triage-tests.pm

if ! dpkg-query -W -f='${Status}' request-tracker5 2>/dev/null | grep -q 'install ok installed' \
  || ! dpkg-query -W -f='${Status}' rt5-db-sqlite 2>/dev/null | grep -q 'install ok installed'; then
  # Answers for the package's questions: SQLite through dbconfig-common, a random root password
  # (nobody logs in as root; the tests use a least-privilege user and a token).
  root_password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
  debconf-set-selections <<PRESEED
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/initial-root-password password ${root_password}
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
PRESEED
  echo "install-request-tracker: installing request-tracker5 (about a minute)…" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
    request-tracker5 rt5-db-sqlite rt5-clients >/dev/null
fi

# Loopback only, no web path prefix, and mail goes to an mbox file instead of the local MTA.
# The port is given at start; RT's links use WebBaseURL, which the tests override per run.
install -d -o root -g www-data -m 0750 /etc/request-tracker5/RT_SiteConfig.d
cat >"$SITE_CONFIG" <<'PERL'
Set($WebDomain, '127.0.0.1');
Set($WebPath, '');
Set($MailCommand, 'mbox');
Set($LogToSTDERR, 'warning');
Set($LogToSyslog, undef);
1;
PERL
chown root:www-data "$SITE_CONFIG"
chmod 0640 "$SITE_CONFIG"
echo "install-request-tracker: Request Tracker 5 is ready." >&2
