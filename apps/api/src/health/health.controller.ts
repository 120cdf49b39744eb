import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsService } from '../metrics/metrics.service';
import { ReadinessService } from './readiness.service';

/** Liveness, readiness and Prometheus metrics; public (no token), outside GraphQL. */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metrics: MetricsService,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('health')
  @Header('cache-control', 'no-store')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Every connection the api reads through answers (503 when one does not), with each projection's lag. */
  @Get('ready')
  @Header('cache-control', 'no-store')
  async ready(@Res() res: Response): Promise<void> {
    const readiness = await this.readiness.check();
    res.status(readiness.status === 'ok' ? 200 : 503).json(readiness);
  }

  @Get('metrics')
  async metricsText(@Res() res: Response): Promise<void> {
    // Refresh the lag gauge at scrape time; a database outage keeps the last values.
    await this.readiness.projectionLag().catch(() => undefined);
    res.setHeader('content-type', this.metrics.registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await this.metrics.registry.metrics());
  }
}
