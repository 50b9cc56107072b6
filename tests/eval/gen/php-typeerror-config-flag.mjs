#!/usr/bin/env node
// World: a Laravel package's global middleware dies with "PHP Fatal error:
// Uncaught TypeError" after a framework minor upgrade (11.8.2 -> 11.9.0);
// `##` headings (Description, Error, Steps to reproduce, Environment); the
// owner explains the cause and gives a config flag as a workaround, which the
// reporter confirms; fixed by a merged pull whose body starts "Fixes #412".
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'tessellate-php/quota-guard';

const body = `## Description

After upgrading laravel/framework from 11.8.2 to 11.9.0, every request that goes through the quota middleware fails with a fatal TypeError. Rolling the framework back to 11.8.2 makes it go away again, so something in the minor release changed what our middleware receives.

## Error

\`\`\`
PHP Fatal error:  Uncaught TypeError: Tessellate\\QuotaGuard\\Http\\QuotaMiddleware::resolveKey(): Argument #1 ($route) must be of type Illuminate\\Routing\\Route, null given, called in /var/www/app/vendor/tessellate-php/quota-guard/src/Http/QuotaMiddleware.php on line 58 and defined in /var/www/app/vendor/tessellate-php/quota-guard/src/Http/QuotaMiddleware.php:91
Stack trace:
#0 /var/www/app/vendor/tessellate-php/quota-guard/src/Http/QuotaMiddleware.php(58): Tessellate\\QuotaGuard\\Http\\QuotaMiddleware->resolveKey(NULL, Object(Illuminate\\Http\\Request))
#1 /var/www/app/vendor/laravel/framework/src/Illuminate/Pipeline/Pipeline.php(183): Tessellate\\QuotaGuard\\Http\\QuotaMiddleware->handle(Object(Illuminate\\Http\\Request), Object(Closure))
#2 /var/www/app/vendor/laravel/framework/src/Illuminate/Foundation/Http/Kernel.php(175): Illuminate\\Pipeline\\Pipeline->then(Object(Closure))
#3 /var/www/app/public/index.php(17): Illuminate\\Foundation\\Http\\Kernel->handle(Object(Illuminate\\Http\\Request))
#4 {main}
  thrown in /var/www/app/vendor/tessellate-php/quota-guard/src/Http/QuotaMiddleware.php on line 91
\`\`\`

## Steps to reproduce

1. Create a fresh Laravel 11.9.0 app and require tessellate-php/quota-guard 2.3.0
2. Register the middleware globally in bootstrap/app.php with \`$middleware->append(QuotaMiddleware::class);\`
3. Start the dev server and request any page, e.g. \`curl -i http://localhost:8000/up\`

## Environment

- PHP 8.3.7 (fpm, Debian bookworm image)
- laravel/framework 11.9.0 (upgraded from 11.8.2)
- tessellate-php/quota-guard 2.3.0 via composer
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 412,
          title: 'Uncaught TypeError in QuotaMiddleware::resolveKey() after upgrading to Laravel 11.9',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'jonas-vrielink',
          labels: ['bug', 'laravel-11'],
          created_at: '2026-05-06T08:41:00Z',
          closed_at: '2026-05-14T17:20:00Z',
          comments: [
            comment('mireille-okafor', 'OWNER', '2026-05-06T12:15:00Z',
              `Thanks for the clean report. 11.9 runs global middleware before route matching now (part of their early-exit pipeline change), so \`$request->route()\` is still null when our middleware is appended globally. \`resolveKey()\` is declared with a non-nullable \`Route\` parameter, hence the TypeError. Route-level registration is not affected because by then a route has been matched.

Until a release is out, set the defer flag in the package config. It makes quota-guard register itself on the \`web\` and \`api\` groups instead of globally:

\`\`\`php
// config/quota-guard.php
'defer_to_route' => true,
\`\`\`

If you have not published the config, \`QUOTA_GUARD_DEFER_TO_ROUTE=true\` in \`.env\` does the same.`),
            comment('jonas-vrielink', 'NONE', '2026-05-06T15:02:00Z',
              `Setting defer_to_route to true did it, requests go through again and the limits still apply. Thanks!`),
            comment('pelle-sandqvist', 'NONE', '2026-05-09T10:48:00Z',
              `Same crash here on 11.9.1, the .env variant works for us as well.`),
            comment('mireille-okafor', 'OWNER', '2026-05-12T09:30:00Z',
              `The proper fix is up in #418, it should land in 2.3.1.`),
          ],
          events: [
            { type: 'labeled', actor: 'mireille-okafor', created_at: '2026-05-06T12:16:00Z', label: 'laravel-11' },
            { type: 'closed', actor: 'mireille-okafor', created_at: '2026-05-14T17:20:00Z', closer: `${REPO}#418` },
          ],
        }),
        pull({
          number: 418,
          title: 'Handle a missing route in QuotaMiddleware',
          body: `Fixes #412

\`resolveKey()\` now takes a nullable route and falls back to the request method and path when no route has been matched yet, so the middleware works both globally and per route on Laravel 11.9 and later. A new feature test runs the middleware before routing to keep it that way.`,
          state: 'closed',
          author: 'mireille-okafor',
          author_association: 'OWNER',
          created_at: '2026-05-12T09:05:00Z',
          closed_at: '2026-05-14T17:20:00Z',
          merged: true,
          head: 'fix/nullable-route',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
