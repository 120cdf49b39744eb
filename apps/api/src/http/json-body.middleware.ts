import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * JSON bodies up to `limitBytes`. Nest's own body parser is off (createApp) so that a body
 * too large is answered here, as JSON with status 413, before Apollo or Nest see it.
 */
export function jsonBody(limitBytes: number) {
  const parse = express.json({ limit: limitBytes });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, type } = error as { status?: number; type?: string };
      const tooLarge = status === 413 || type === 'entity.too.large';
      res.status(tooLarge ? 413 : (status ?? 400)).json({
        errors: [
          {
            message: tooLarge ? `request body is larger than ${limitBytes} bytes` : 'request body is not valid JSON',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    });
  };
}
