import { settingsOf } from '@orderflow/service';
import { consumerRunnerDefaults, consumerRunnerSettingsSchema } from './consumer-runner-options.ts';

const settingsFrom = (options: object) =>
  settingsOf('consumer runner', consumerRunnerSettingsSchema, consumerRunnerDefaults, options);

describe("a consumer runner's settings", () => {
  it('are the defaults, with what a caller set over them', () => {
    expect(settingsFrom({ maxBatchRecords: 50, minBytes: undefined })).toEqual({
      ...consumerRunnerDefaults,
      maxBatchRecords: 50,
    });
  });

  it('refuse a heartbeat that is not below the session timeout', () => {
    expect(() => settingsFrom({ sessionTimeoutMs: 3_000 })).toThrow(
      'consumer runner heartbeatIntervalMs: must be below sessionTimeoutMs',
    );
  });

  it('refuse a backoff whose cap is below its start, and a batch of no records', () => {
    expect(() => settingsFrom({ outageBackoff: { initialMs: 5_000, maxMs: 500 } })).toThrow(
      'consumer runner outageBackoff.maxMs: must be at least initialMs',
    );
    expect(() => settingsFrom({ maxBatchRecords: 0 })).toThrow('consumer runner maxBatchRecords:');
  });

  it('refuse a stuck bound that is not a whole, positive number of ms', () => {
    expect(() => settingsFrom({ stuckAfterMs: 0 })).toThrow('consumer runner stuckAfterMs:');
    expect(() => settingsFrom({ stuckAfterMs: 2.5 })).toThrow('consumer runner stuckAfterMs:');
  });
});
