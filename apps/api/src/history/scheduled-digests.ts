import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { digestDocument, takeHistoryDigest, type LogHashes } from '@tracker/audit';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { LOGGER, type Logger } from '../logging/logger';
import { LOG_HASHES } from './history.providers';

const DEFAULT_INTERVAL_MS = 60 * 60_000;

/**
 * With DIGEST_DIR set, a history digest is written there at start and then every
 * DIGEST_INTERVAL_MINUTES (default 60) whenever new events were stored, so keeping digests
 * needs no one to remember. The folder is only as safe as the machine it is on: point it at a
 * mount the database's administrators cannot write (or copy the files off), since a digest
 * proves something only while it is out of reach of whoever could rewrite the events.
 *
 * One file per digest, `history-digest-<position>.json`, written whole (a temporary name, then
 * a rename) so a reader never sees half a document. Run it in one api process, not every
 * replica: each would write the same digests.
 */
@Injectable()
export class ScheduledDigests implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private lastPosition: bigint | undefined;

  constructor(
    @Inject(API_OPTIONS) private readonly options: ResolvedApiOptions,
    @Inject(LOG_HASHES) private readonly hashes: LogHashes,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.digestDir) return;
    const every = this.options.digestIntervalMs ?? DEFAULT_INTERVAL_MS;
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
    this.tick();
    this.logger.info({ digestDir: resolve(this.options.digestDir), everyMinutes: every / 60_000 }, 'history digests scheduled');
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
  }

  private tick(): void {
    // A slow digest (a very large store) is not started twice.
    this.writing ??= this.write()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'history digest not written; trying again at the next interval'))
      .finally(() => (this.writing = undefined));
  }

  private async write(): Promise<void> {
    const digest = await takeHistoryDigest(this.hashes, () => new Date());
    if (digest.position === this.lastPosition) return; // nothing new since the last one
    const dir = resolve(this.options.digestDir as string);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `history-digest-${digest.position}.json`);
    await writeFile(`${file}.partial`, digestDocument(digest));
    await rename(`${file}.partial`, file);
    this.lastPosition = digest.position;
    this.logger.info({ file, position: digest.position.toString(), eventCount: digest.eventCount }, 'history digest written');
  }
}
