import { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { settingsOf } from './settings.ts';

const schema = z
  .object({ sessionTimeoutMs: z.number().int().positive(), heartbeatIntervalMs: z.number().int().positive() })
  .refine((settings) => settings.heartbeatIntervalMs < settings.sessionTimeoutMs, {
    path: ['heartbeatIntervalMs'],
    message: 'must be below sessionTimeoutMs',
  });
const defaults = { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 3_000 };

describe('settingsOf', () => {
  it('puts the options a caller set over the defaults; undefined keeps the default; other keys stay out', () => {
    expect(
      settingsOf('runner', schema, defaults, { sessionTimeoutMs: 6_000, heartbeatIntervalMs: undefined, kafka: {} }),
    ).toEqual({
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 3_000,
    });
  });

  it('refuses bad settings at once, naming the component and each field', () => {
    expect(() => settingsOf('runner', schema, defaults, { sessionTimeoutMs: 2_000 })).toThrow(ConfigError);
    expect(() => settingsOf('runner', schema, defaults, { sessionTimeoutMs: 2_000 })).toThrow(
      'runner heartbeatIntervalMs: must be below sessionTimeoutMs',
    );
    expect(() => settingsOf('runner', schema, defaults, { sessionTimeoutMs: -1 })).toThrow('runner sessionTimeoutMs:');
  });
});
