import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';

/** `output` is the text a reader reads: colours and other terminal escapes are taken out. */
export type ShellResult = { readonly output: string; readonly status: number; readonly timedOut: boolean };

/** One reader's terminal: a bash that keeps its variables and functions from block to block. */
export type ShellSession = {
  /** Runs a script in this shell after the ones before it; stdout and stderr together. */
  run(script: string, timeoutMs: number): Promise<ShellResult>;
  /** Ends the shell and everything it started. */
  close(): Promise<void>;
};

/**
 * A bash reading scripts from a pipe. Each script runs as a `{ ...; }` group in the shell
 * itself (so `ORDER=...` stays set for the next one), with stdin from /dev/null (so no command
 * in it reads the scripts after it), followed by a marker line with its exit status. The shell
 * leads its own process group: a script that hangs is ended with everything it started.
 */
export function openShellSession(options: { cwd: string; env: NodeJS.ProcessEnv }): ShellSession {
  const shell = spawn('bash', ['--noprofile', '--norc'], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
  let received = '';
  let onData: (() => void) | undefined;
  for (const stream of [shell.stdout, shell.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      onData?.();
    });
  }
  let queue: Promise<unknown> = Promise.resolve();
  const killGroup = () => {
    try {
      process.kill(-(shell.pid ?? 0), 'SIGKILL');
    } catch {
      // the whole group is gone already
    }
  };
  const endGroup = async () => {
    killGroup();
    await exited;
  };

  const runNow = (script: string, timeoutMs: number) =>
    new Promise<ShellResult>((resolve) => {
      const marker = `__docs_test_${randomUUID()}__`;
      const done = new RegExp(`\\n${marker} (\\d+)\\n`);
      received = '';
      // Tools colour their output when FORCE_COLOR is set (Nx sets it for every task), as in a
      // reader's terminal; what a page promises is the text.
      const finish = (result: ShellResult) => {
        clearTimeout(timer);
        onData = undefined;
        resolve({ ...result, output: stripVTControlCharacters(result.output) });
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        void endGroup();
      }, timeoutMs);
      onData = () => {
        const end = done.exec(received);
        if (end) finish({ output: received.slice(0, end.index), status: Number(end[1]), timedOut: false });
      };
      void exited.then(() => finish({ output: received, status: shell.exitCode ?? -1, timedOut }));
      shell.stdin.write(`{\n${script}\n} </dev/null 2>&1; printf '\\n%s %s\\n' '${marker}' "$?"\n`);
    });

  return {
    run(script, timeoutMs) {
      const result = queue.then(() => runNow(script, timeoutMs));
      queue = result;
      return result;
    },
    async close() {
      await queue.catch(() => undefined);
      shell.stdin.end('exit\n');
      const killer = setTimeout(() => void endGroup(), 5_000);
      await exited;
      clearTimeout(killer);
      killGroup(); // what the scripts left running in the background
    },
  };
}
