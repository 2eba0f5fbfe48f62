import { publishedHostPort } from './compose-project.ts';

// What `docker compose port` / `docker-compose port` print, read without Docker: the Docker
// suite finds inventory-service's instances (free host ports) through it.
describe('publishedHostPort', () => {
  it('reads the port of a loopback binding, the file default, as of every other address', () => {
    expect(publishedHostPort('127.0.0.1:49153\n')).toBe(49153);
    expect(publishedHostPort('0.0.0.0:49153')).toBe(49153);
    expect(publishedHostPort(':::49153')).toBe(49153);
    expect(publishedHostPort('[::1]:49153')).toBe(49153);
  });

  it('reads the first line only, when there are more', () => {
    expect(publishedHostPort('127.0.0.1:49153\n[::1]:49154\n')).toBe(49153);
  });

  it('finds no port where none is published', () => {
    expect(publishedHostPort('')).toBeUndefined();
    expect(publishedHostPort('None')).toBeUndefined(); // compose v1, for a port not published
    expect(publishedHostPort(':0')).toBeUndefined();
    expect(publishedHostPort('127.0.0.1:')).toBeUndefined();
    expect(publishedHostPort('no port')).toBeUndefined();
  });
});
