import express, { type NextFunction, type Request, type Response } from 'express';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** body-parser's error types, as the client should hear them (status, reason, message). */
function describe(error: { status?: number; type?: string; message?: string }, limitBytes: number) {
  switch (error.type) {
    case 'entity.too.large':
      return { status: 413, reason: 'BODY_TOO_LARGE', message: `request body is larger than ${limitBytes} bytes` };
    case 'entity.parse.failed':
      return { status: 400, reason: 'BODY_NOT_JSON', message: 'request body is not valid JSON' };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, reason: 'UNSUPPORTED_ENCODING', message: `${error.message}: send UTF-8 JSON` };
    default:
      // An aborted or mis-sized body; anything body-parser calls a 5xx stays one.
      return (error.status ?? 400) >= 500
        ? { status: error.status ?? 500, reason: undefined, message: 'request body could not be read' }
        : { status: error.status ?? 400, reason: 'BODY_UNREADABLE', message: 'request body could not be read' };
  }
}

/**
 * JSON bodies up to `limitBytes`. Nest's own body parser is off (createApp) so that a body
 * too large is answered here, as JSON with status 413, before Apollo or Nest see it.
 *
 * The error is a GraphQL response with a contract code (BAD_USER_INPUT; `reason` says which),
 * in the media type the client asked for (GraphQL over HTTP: application/graphql-response+json
 * when accepted, else application/json), like Apollo's own answers.
 */
export function jsonBody(limitBytes: number) {
  const parse = express.json({ limit: limitBytes });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, reason, message } = describe(error as { status?: number; type?: string; message?: string }, limitBytes);
      const code = status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT';
      const mediaType = req.accepts(['application/json', GRAPHQL_RESPONSE]) || 'application/json';
      res
        .status(status)
        .type(`${mediaType}; charset=utf-8`)
        .send(JSON.stringify({ errors: [{ message, extensions: reason ? { code, reason } : { code } }] }));
    });
  };
}
