import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

// Read once: the page is three small files shipped beside this one (no CDN, no bundler).
const assets = {
  html: readFileSync(join(__dirname, 'assets', 'index.html'), 'utf8'),
  js: readFileSync(join(__dirname, 'assets', 'app.js'), 'utf8'),
  css: readFileSync(join(__dirname, 'assets', 'app.css'), 'utf8'),
};

// Everything from this origin only: the page works offline and nothing else can be injected.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The GraphQL explorer at GET /graphiql (public: the token is pasted into the page). */
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', PAGE_CSP)
  @Header('x-content-type-options', 'nosniff')
  page(): string {
    return assets.html;
  }

  @Get('app.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('x-content-type-options', 'nosniff')
  script(): string {
    return assets.js;
  }

  @Get('app.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('x-content-type-options', 'nosniff')
  style(): string {
    return assets.css;
  }
}

/**
 * A browser opening /graphql itself gets the explorer too. Only a plain page visit (GET,
 * HTML preferred, no `query` parameter) is taken; GraphQL GET requests go on to Apollo.
 */
export function graphiqlOnBrowserVisit(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' || req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') {
    return next();
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', PAGE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(assets.html);
}
