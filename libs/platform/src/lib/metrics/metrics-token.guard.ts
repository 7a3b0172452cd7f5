import { createHash, timingSafeEqual } from 'node:crypto';
import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';

/** Injection token of the configured metrics token (a string, or undefined for none). */
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * When a metrics token is configured, `/metrics` answers only a scrape that sends it as
 * `Authorization: Bearer <token>` (compared in constant time). Without one, it is open, for a
 * scraper on a private network.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(METRICS_TOKEN) token: string | undefined) {
    this.expected = token ? digest(token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === null) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>()
      .headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
    if (match?.[1] && timingSafeEqual(digest(match[1]), this.expected)) return true;
    throw new UnauthorizedException('metrics need the bearer token configured in METRICS_TOKEN');
  }
}
