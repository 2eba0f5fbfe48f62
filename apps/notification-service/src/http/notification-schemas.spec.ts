import { ListNotificationsQuery } from './notification-schemas.ts';

describe('ListNotificationsQuery', () => {
  it('defaults to the first 50', () => {
    expect(ListNotificationsQuery.parse({})).toEqual({ limit: 50, offset: 0 });
  });

  it('takes the numbers of a query string and both filters', () => {
    const orderId = '0195f0a0-0000-7000-8000-0000000000a1';
    const customerId = '0195f0a0-0000-7000-8000-0000000000c1';
    expect(ListNotificationsQuery.parse({ orderId, customerId, limit: '200', offset: '10' })).toEqual({
      orderId,
      customerId,
      limit: 200,
      offset: 10,
    });
  });

  it.each([
    [{ limit: '201' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ orderId: 'not-a-uuid' }, 'orderId'],
    [{ customerId: '42' }, 'customerId'],
  ])('refuses %j, naming %s', (query, field) => {
    expect(ListNotificationsQuery.safeParse(query).error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
