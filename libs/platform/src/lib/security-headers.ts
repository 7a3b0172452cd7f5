import type { INestApplication } from '@nestjs/common';
import type express from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of everything the api (and embedded mode) serves, the portal
 * included: scripts only from this origin (no inline script, no eval), styles from this origin
 * plus inline ones (Angular injects component styles at run time), no frames, no plugins, and
 * connections (GraphQL over HTTP and WebSocket) only to this origin.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Security headers on every HTTP response (helmet): CSP as above, HSTS, no sniffing, no framing,
 * no referrer across origins, and no `X-Powered-By`.
 */
export function useSecurityHeaders(app: INestApplication): void {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: Object.fromEntries(
          Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]]),
        ),
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
}

/**
 * Cross-origin requests: none unless `origins` names them (CORS_ORIGINS); then only those
 * origins, with the methods and headers the GraphQL API uses.
 */
export function useCors(app: INestApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-api-key'],
    credentials: false,
    maxAge: 600,
  });
}
