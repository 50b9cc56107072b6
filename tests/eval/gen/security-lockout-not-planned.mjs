#!/usr/bin/env node
// World: a security-hardening feature request (rate limiting and account
// lockout for the login endpoint) with "## Summary" and "## Proposal"
// sections; a "+1"; the owner explains why it will not be built (lockouts
// as a denial-of-service tool, per-IP limits behind a proxy) and
// recommends an nginx limit_req configuration plus TOTP for admins;
// closed as not planned. No error, no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'kestrelworks/wikiloft';

const body = `## Summary

WikiLoft's \`/login\` endpoint accepts unlimited password attempts. On our public instance we see a few thousand failed logins a day from rotating IP addresses. It would be good if WikiLoft itself limited attempts per account and per IP, and locked an account for a while after repeated failures, so that every installation is protected out of the box.

## Proposal

- \`auth.login_rate_limit\`: attempts per minute per IP
- \`auth.lockout_after\`: failed attempts before an account is locked, with \`auth.lockout_duration\`
- a log line when an account gets locked, so that fail2ban-style tools can react

We run WikiLoft 1.14.2 behind nginx on a small VPS.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 311,
          title: 'Built-in rate limiting and account lockout for /login',
          body,
          state: 'closed',
          state_reason: 'not_planned',
          author: 'mirela-szabo',
          labels: ['enhancement', 'security'],
          created_at: '2026-01-20T19:34:00Z',
          closed_at: '2026-01-26T10:15:00Z',
          comments: [
            comment('farid-nouri', 'NONE', '2026-01-21T06:50:00Z',
              `+1, we get the same background noise on our instance.`),
            comment('aurelio-brandt', 'OWNER', '2026-01-26T10:12:00Z',
              `Thanks for the careful write-up. We discussed this among the maintainers and decided not to build rate limiting or lockouts into WikiLoft. Per-account lockouts turn into a denial-of-service tool: anyone who knows a username can keep that person locked out indefinitely. A per-IP limiter inside the app only sees the proxy's address in most deployments, so getting it right depends on trusting forwarded headers, which is a source of bugs of its own. The reverse proxy in front of WikiLoft is the better place for this, and it already does it well.

What we recommend instead is limiting /login in the proxy and turning on two-factor for admins:

\`\`\`nginx
limit_req_zone $binary_remote_addr zone=wikiloft_login:10m rate=5r/m;

server {
    location = /login {
        limit_req zone=wikiloft_login burst=5 nodelay;
        proxy_pass http://127.0.0.1:8080;
    }
}
\`\`\`

plus \`auth.require_totp_for: [admin]\` in wikiloft.yml. Failed logins are already logged at warn level with the client address, so fail2ban works with the existing log. We'll add all of this to the hardening guide.`),
          ],
          events: [
            { type: 'labeled', actor: 'aurelio-brandt', created_at: '2026-01-22T09:00:00Z', label: 'security' },
            { type: 'closed', actor: 'aurelio-brandt', created_at: '2026-01-26T10:15:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
