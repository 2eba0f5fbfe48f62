import { openShellSession } from './shell-session.ts';

describe("a reader's shell session", () => {
  it('keeps variables from one script to the next, and gives the text without terminal colours', async () => {
    const session = openShellSession({ cwd: process.cwd(), env: { PATH: process.env['PATH'], FORCE_COLOR: '1' } });
    try {
      await session.run('GREETING=hello', 5_000);
      const result = await session.run(
        `printf '\\033[33m%s\\033[39m\\n' "$GREETING"; node -e "console.dir({ ok: true })"`,
        10_000,
      );
      expect(result).toEqual({ output: 'hello\n{ ok: true }\n', status: 0, timedOut: false });
    } finally {
      await session.close();
    }
  });
});
