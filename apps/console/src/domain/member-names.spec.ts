import { nameMember, type InstanceStatus } from './member-names.ts';

const instances: InstanceStatus[] = [
  {
    label: 'inventory-service#1',
    url: 'http://127.0.0.1:3001',
    member: { groupId: 'inventory-service', memberId: 'inventory-service-1-aaa' },
    error: undefined,
  },
  { label: 'inventory-service#2', url: 'http://127.0.0.1:3011', member: undefined, error: 'connect ECONNREFUSED' },
];

describe('naming a group member as the instance it is', () => {
  it('uses the instance whose /status reports that member id, with a link to it', () => {
    expect(
      nameMember(
        'inventory-service',
        { memberId: 'inventory-service-1-aaa', clientId: 'inventory-service-1', clientHost: '/127.0.0.1' },
        instances,
      ),
    ).toEqual({
      name: 'inventory-service#1',
      statusUrl: 'http://127.0.0.1:3001/status',
      by: 'status',
    });
  });

  it('does not take a member of another group with the same id for it', () => {
    expect(
      nameMember(
        'notification-service',
        { memberId: 'inventory-service-1-aaa', clientId: 'x', clientHost: '/10.0.0.5' },
        instances,
      ).by,
    ).toBe('none');
  });

  it("falls back to the client id's instance number, saying so, when /status does not tell", () => {
    expect(
      nameMember(
        'inventory-service',
        { memberId: 'inventory-service-2-bbb', clientId: 'inventory-service-2', clientHost: '/127.0.0.1' },
        instances,
      ),
    ).toEqual({
      name: 'inventory-service#2',
      statusUrl: 'http://127.0.0.1:3011/status',
      by: 'client-id',
    });
  });

  it('shows client id and host of a member it cannot place', () => {
    expect(
      nameMember(
        'inventory-service',
        { memberId: 'inventory-service-ccc', clientId: 'inventory-service', clientHost: '/172.18.0.7' },
        instances,
      ),
    ).toEqual({
      name: 'inventory-service @ 172.18.0.7',
      statusUrl: undefined,
      by: 'none',
    });
  });
});
