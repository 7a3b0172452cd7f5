import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * Parses JSON bodies up to a limit; a larger body is refused with 413 and a GraphQL-shaped error
 * that names the limit. Create the app with `bodyParser: false` so this is the only JSON parser.
 */
export function useJsonBodyLimit(app: INestApplication, limitBytes: number): void {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.use(express.json({ limit: limitBytes }));
  http.use(express.urlencoded({ extended: false, limit: 64 * 1024 }));
  http.use(
    (
      error: { type?: string; length?: number } | undefined,
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (error?.type !== 'entity.too.large') return next(error);
      res.status(413).json({
        errors: [
          {
            message: `Request body is ${error.length ?? 'more than'} bytes; the limit is ${limitBytes} bytes`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes },
          },
        ],
      });
    },
  );
}
