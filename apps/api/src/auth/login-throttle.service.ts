import { Inject, Injectable } from '@nestjs/common';
import { LimitError } from '@app/shared/contracts/errors';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { REDIS } from '@app/server/redis/redis.module';
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
/** S-17: 5 consecutive failures lock an account's logins for 15 min. */
const ACCOUNT_FAILURES = 5;
/** S-17: more than 20 failures from one IP in 15 min → 429. */
const IP_FAILURES = 20;

/**
 * Failed-login counters in Redis, shared by every api process. Accounts are keyed by the
 * typed email whether or not it exists, so a lock never reveals an account.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const common = { storeClient: redis, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    this.byAccount = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login:account`, points: ACCOUNT_FAILURES });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login:ip`, points: IP_FAILURES });
  }

  /** Throws LimitError (429 with Retry-After) when either counter is exhausted. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [ipState, accountState] = await Promise.all([this.byIp.get(ip), this.byAccount.get(email)]);
    if (ipState && ipState.consumedPoints >= IP_FAILURES) {
      throw new LimitError('Too many failed logins from this address; try again later', ipState.msBeforeNext / 1000);
    }
    if (accountState && accountState.consumedPoints >= ACCOUNT_FAILURES) {
      throw new LimitError('Too many failed logins for this account; try again later', accountState.msBeforeNext / 1000);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.byIp.penalty(ip, 1), this.byAccount.penalty(email, 1)]);
  }

  /** A success ends the account's run of consecutive failures (the IP count stays). */
  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }
}
