import type { Activity } from './activity-form';

/** An activity as the API answers it, for the screens' tests. */
export function anActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'a1',
    version: 3,
    kind: 'MEETING',
    status: 'HELD',
    title: { th: 'หารือกับลาซาด้า', en: 'Meeting with Lazada', zh: null },
    startsOn: '2019-12-16',
    endsOn: '2019-12-17',
    location: { venue: 'Lazada HQ', city: 'Shanghai', country: 'CN' },
    program: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null } },
    organizers: [{ id: 'o1', name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs', zh: null } }],
    participants: [{ name: { th: 'สมชาย ใจดี', en: 'Somchai Jaidee', zh: null }, position: { th: 'ผู้จัดการ', en: 'Manager', zh: null }, organization: { id: 'o2', name: { th: 'ลาซาด้า', en: 'Lazada', zh: null } } }],
    topics: ['OTOP', 'e-commerce'],
    summary: 'Agreed to list 50 OTOP products.',
    outcomes: [
      { id: 'x1', version: 1, kind: 'ORDERS', amount: '10000000.00', currency: 'THB', quantity: null, description: 'First orders', voided: false },
      { id: 'x2', version: 2, kind: 'ORDERS', amount: '999.00', currency: 'THB', quantity: null, description: 'Typed twice', voided: true },
    ],
    followUps: [
      { id: 'f1', version: 1, description: 'Send the product list', dueOn: '2020-01-15', status: 'OPEN', owner: { id: 'o2', name: { th: 'ลาซาด้า', en: 'Lazada', zh: null } } },
      { id: 'f2', version: 2, description: 'Book the hall', dueOn: null, status: 'DONE', owner: null },
    ],
    ...overrides,
  };
}
