// Run by npm's `prepare` (npm ci, npm install): points git at the repository's own hooks in
// .githooks (commit-msg keeps subjects to 72 characters), and `git blame` past the commits
// listed in .git-blame-ignore-revs (formatting only). Outside a git checkout (a Docker build,
// an unpacked tarball) there is nothing to do.
import { execFileSync } from 'node:child_process';

try {
  execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' });
  execFileSync('git', ['config', 'core.hooksPath', '.githooks'], { stdio: 'ignore' });
  execFileSync('git', ['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs'], { stdio: 'ignore' });
} catch {
  // not a git checkout, or no git: no hooks to install
}
