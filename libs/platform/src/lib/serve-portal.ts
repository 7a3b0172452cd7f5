import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const API_PREFIXES = ['/graphql', '/health', '/metrics', '/unsubscribe'];

/**
 * Serves the built portal beside the API, so the portal and GraphQL share one URL.
 * Unknown paths outside the API fall back to index.html for the portal's client-side routes.
 */
export function servePortal(app: INestApplication, directory: string): boolean {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) return false;
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.use(express.static(directory, { index: 'index.html', maxAge: '1h' }));
  http.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
    res.sendFile(index);
  });
  return true;
}
