/**
 * The environment a service process gets from `npm start`: what Node and the OS need from the
 * shell (PATH, HOME, locale, temp folder, CA files), then the settings the launcher chose. Not
 * the rest of the shell: a service reads its config from variables with common names (HOST,
 * PORT, DATABASE_URL, …), and a shell's own `HOST` (tcsh sets it to the machine's name; someone
 * may have exported `HOST=0.0.0.0`) would break the config check or open every service to the
 * network while the banner says loopback.
 */
const fromTheShell =
  /^(PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|NODE_OPTIONS|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;

export function serviceEnvironment(
  shell: NodeJS.ProcessEnv,
  settings: Readonly<Record<string, string>>,
): Record<string, string> {
  const kept = Object.entries(shell).filter(
    (entry): entry is [string, string] => fromTheShell.test(entry[0]) && entry[1] !== undefined,
  );
  return { ...Object.fromEntries(kept), ...settings };
}

/** Where the services listen: loopback, unless ORDERFLOW_HOST says otherwise (say 0.0.0.0 on a VM). */
export function stackHost(shell: NodeJS.ProcessEnv): string {
  return shell['ORDERFLOW_HOST'] || '127.0.0.1';
}

/** The banner's line about it, true either way. */
export function listeningLine(host: string): string {
  return ['127.0.0.1', 'localhost', '::1'].includes(host)
    ? `The services listen on ${host} only.`
    : `The services listen on ${host} (ORDERFLOW_HOST): other machines can reach them, with no login.`;
}
