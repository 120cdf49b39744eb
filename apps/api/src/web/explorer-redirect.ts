import type { NextFunction, Request, Response } from 'express';

/**
 * A person opening /graphql in a browser is sent to the explorer at /graphiql. Only a plain page
 * visit (GET, HTML preferred, no `query` parameter) is taken; GraphQL GET requests go on to Apollo.
 */
export function explorerOnBrowserVisit(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' || req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') {
    return next();
  }
  res.redirect(302, '/graphiql');
}
