import { lstat, readlink, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Removes a test's data folder and, as root, the cluster its `pg` symlink points to (outside
 * the folder, under /var/lib/tracker-postgres/clusters: see startDatabase). Stop the server first.
 */
export async function removeDataDir(dataDir: string): Promise<void> {
  const link = join(dataDir, 'pg');
  const found = await lstat(link).catch(() => undefined);
  if (found?.isSymbolicLink()) {
    const cluster = resolve(dataDir, await readlink(link));
    await rm(cluster, { recursive: true, force: true });
    await rm(`${cluster}.data-dir`, { force: true });
  }
  await rm(dataDir, { recursive: true, force: true });
}
