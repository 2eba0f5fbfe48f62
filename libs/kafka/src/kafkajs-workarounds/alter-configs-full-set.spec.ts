import { alterConfigsFullSet } from './alter-configs-full-set.ts';

describe('the config set AlterConfigs must be sent', () => {
  it('keeps what is set on the topic now, with the wanted values over it', () => {
    const sent = alterConfigsFullSet({ 'segment.bytes': '1048576', 'min.insync.replicas': '1' }, [
      { name: 'min.insync.replicas', value: '2' },
      { name: 'retention.ms', value: '604800000' },
    ]);
    expect(sent).toEqual([
      { name: 'segment.bytes', value: '1048576' },
      { name: 'min.insync.replicas', value: '2' },
      { name: 'retention.ms', value: '604800000' },
    ]);
  });

  it('is the wanted values alone on a topic with nothing set', () => {
    expect(alterConfigsFullSet(undefined, [{ name: 'retention.ms', value: '1' }])).toEqual([
      { name: 'retention.ms', value: '1' },
    ]);
  });
});
