import { Controller, Get, Header, Inject, NotFoundException } from '@nestjs/common';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';

/**
 * The web app's runtime configuration: which issuer to sign in at, as which client, asking for
 * which scope and resource. Read by the app at start, so one bundle serves every deployment.
 */
export interface WebConfig {
  oidc: { authority: string; clientId: string; scope: string; resource: string | null };
}

/** GET /web-config.json: public (it is what the app needs before anyone signs in), never shed. */
@Controller()
export class WebConfigController {
  constructor(@Inject(API_OPTIONS) private readonly options: ResolvedApiOptions) {}

  @Get('web-config.json')
  // Revalidated at each load: a changed issuer reaches browsers at once.
  @Header('cache-control', 'no-cache')
  webConfig(): WebConfig {
    if (!this.options.webConfig) {
      throw new NotFoundException('no issuer configured for the web app: set WEB_OIDC_AUTHORITY (or AUTH_JWKS_ISSUER), or run the development identity provider');
    }
    return this.options.webConfig;
  }
}
