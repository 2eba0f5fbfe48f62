export const customer = { customerId: '0195f0a0-0000-7000-8000-00000000c001', email: 'ada@example.com' };
