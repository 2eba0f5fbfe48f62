import { mirrorIn } from './debian-mirror.ts';

describe('the Debian mirror of the host, read from apt sources', () => {
  it('reads a one-line `deb` entry, options in brackets included', () => {
    expect(mirrorIn('# comment\ndeb [arch=amd64] http://mirror.example/debian bookworm main\n')).toBe(
      'http://mirror.example/debian',
    );
  });

  it('reads a deb822 `URIs:` entry and passes over the security archive', () => {
    const text =
      'Types: deb\nURIs: http://mirror.example/debian-security\nSuites: bookworm-security\n\nTypes: deb\nURIs: http://mirror.example/debian\n';
    expect(mirrorIn(text)).toBe('http://mirror.example/debian');
  });

  it('finds nothing in a file without Debian archives', () => {
    expect(mirrorIn('deb-src http://mirror.example/debian bookworm main\n')).toBeUndefined();
  });
});
