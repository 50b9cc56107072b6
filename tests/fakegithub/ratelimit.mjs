// Primary rate limits, one hourly window per (caller, resource) as GitHub keeps
// them: `core` counts REST requests, `graphql` counts query points. Callers are
// told apart by token; all anonymous callers share one bucket (GitHub counts
// them per IP, and every test client is 127.0.0.1).

const WINDOW_SECONDS = 3600;

export class RateLimits {
  // `limit`: requests (or points) per hour; null picks GitHub's defaults:
  // 5000 with a token, 60 without.
  constructor({ limit = null, now = () => Date.now() } = {}) {
    this.limit = limit;
    this.now = now;
    this.buckets = new Map();
  }

  bucket(token, resource) {
    const key = `${resource}\u0000${token ?? ''}`;
    const nowSeconds = Math.floor(this.now() / 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || nowSeconds >= bucket.reset) {
      const limit = this.limit ?? (token ? 5000 : 60);
      bucket = { resource, limit, used: 0, reset: nowSeconds + WINDOW_SECONDS };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  static remaining(bucket) {
    return Math.max(0, bucket.limit - bucket.used);
  }

  // Charges `cost` if it fits; returns false (charging nothing) if it does not.
  static charge(bucket, cost) {
    if (bucket.used + cost > bucket.limit) return false;
    bucket.used += cost;
    return true;
  }

  static headers(bucket) {
    return {
      'X-RateLimit-Limit': String(bucket.limit),
      'X-RateLimit-Remaining': String(RateLimits.remaining(bucket)),
      'X-RateLimit-Reset': String(bucket.reset),
      'X-RateLimit-Used': String(bucket.used),
      'X-RateLimit-Resource': bucket.resource,
    };
  }

  // The body of GET /rate_limit and GraphQL's rateLimit come from the same buckets.
  static summary(bucket) {
    return { limit: bucket.limit, used: bucket.used, remaining: RateLimits.remaining(bucket), reset: bucket.reset };
  }
}
