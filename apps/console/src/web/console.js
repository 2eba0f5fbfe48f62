// @ts-check
// The page: one EventSource on /api/stream brings a new view every refresh; each section is
// drawn again from it. "Filter by key" and "follow an order" ask the console for one key.
import { clock, h, show, table } from './dom.js';

/** @typedef {import('../domain/console-view.ts').ConsoleView} ConsoleView */
/** @typedef {import('../domain/record-summary.ts').RecordSummary} RecordSummary */
/** @typedef {import('../console-model.ts').SagaView} SagaView */

/** @type {ConsoleView | undefined} */
let view;
/** @type {ConsoleView | undefined} */
let previous;
/** The key being filtered by, and the order being followed. */
let filterKey = '';
let followed = '';

const topicSelect = /** @type {HTMLSelectElement} */ (document.getElementById('events-topic'));

function connect() {
  const source = new EventSource('/api/stream');
  source.onopen = () => setConnection('live', 'live');
  source.onerror = () => setConnection('lost', 'connection lost, retrying…');
  source.onmessage = (message) => {
    previous = view;
    view = /** @type {ConsoleView} */ (JSON.parse(message.data));
    if (view.at === undefined) return;
    render(view);
  };
}

/** @param {string} state @param {string} text */
function setConnection(state, text) {
  const badge = document.getElementById('connection');
  if (!badge) return;
  badge.className = `badge ${state}`;
  badge.textContent = text;
}

/** @param {ConsoleView} current */
function render(current) {
  show('updated', `updated ${clock(current.at)} UTC`);
  const problems = document.getElementById('problems');
  if (problems) {
    problems.hidden = current.problems.length === 0;
    problems.textContent = current.problems.join(' · ');
  }
  renderBrokers(current);
  renderQuorum(current);
  renderTopics(current);
  renderGroups(current);
  renderTimeline(current);
  renderEvents(current);
  if (followed) void follow(followed);
  show('recent-orders', 'recent: ', ...current.recentOrders.slice(0, 5).flatMap((id) => [orderLink(id), ' ']));
}

/** @param {ConsoleView} current */
function renderBrokers(current) {
  const rows = current.brokers.map((broker) =>
    h(
      'tr',
      { 'data-broker': broker.nodeId, 'data-state': broker.up ? 'up' : 'down' },
      h('td', {}, broker.nodeId),
      h('td', { class: 'mono' }, broker.address ?? '?'),
      h('td', { class: broker.up ? 'up' : 'down' }, broker.up ? 'up' : 'down'),
      h(
        'td',
        { class: 'muted' },
        broker.registered ? 'in cluster metadata' : 'not in cluster metadata',
        ' · ',
        broker.reachable ? 'port answers' : 'port does not answer',
      ),
    ),
  );
  show('brokers', table(['id', 'address', 'state', 'why'], rows, { 'data-testid': 'brokers' }));
}

/** @param {ConsoleView} current */
function renderQuorum(current) {
  const quorum = current.quorum;
  if (!quorum.known) {
    show('quorum', h('p', { class: 'error', 'data-testid': 'quorum-unknown' }, `Cannot be shown now: ${quorum.error}`));
    return;
  }
  const rows = quorum.voters.map((voter) =>
    h(
      'tr',
      { 'data-voter': voter.replicaId },
      h('td', {}, voter.replicaId),
      h(
        'td',
        { class: voter.replicaId === quorum.leaderId ? 'leader' : '' },
        voter.replicaId === quorum.leaderId ? 'leader (active controller)' : 'follower',
      ),
      h('td', {}, voter.logEndOffset),
      h('td', { class: voter.behind > 0 ? 'shrunk' : '' }, voter.behind),
      h('td', {}, voter.lastFetchMsAgo === undefined ? '—' : `${(voter.lastFetchMsAgo / 1000).toFixed(1)} s ago`),
    ),
  );
  show(
    'quorum',
    table(['voter', 'role', 'log end', 'behind', 'last fetch'], rows, {
      'data-testid': 'quorum',
      'data-leader': String(quorum.leaderId),
    }),
    h(
      'p',
      { class: 'muted' },
      `Leader ${quorum.leaderId}, epoch ${quorum.leaderEpoch}, high watermark ${quorum.highWatermark}. ${quorum.observers.length} observers.`,
    ),
  );
}

/** @param {ConsoleView} current */
function renderTopics(current) {
  const blocks = current.topics.map((topic) => {
    const before = previous?.topics.find((candidate) => candidate.name === topic.name);
    const rows = topic.partitions.map((partition) => {
      const was = before?.partitions.find((candidate) => candidate.partition === partition.partition);
      const moved = was !== undefined && was.leader !== partition.leader;
      const shrunk = partition.isr.length < partition.replicas.length;
      return h(
        'tr',
        {
          'data-topic': topic.name,
          'data-partition': partition.partition,
          'data-leader': partition.leader,
          class: moved ? 'changed' : '',
        },
        h('td', {}, partition.partition),
        h('td', { class: partition.leader < 0 ? 'down' : 'leader' }, partition.leader < 0 ? 'none' : partition.leader),
        h('td', {}, partition.replicas.join(',')),
        h('td', { class: shrunk ? 'shrunk' : '' }, partition.isr.join(',')),
        h('td', {}, partition.logStart ?? '?'),
        h('td', {}, partition.logEnd ?? '?'),
        h('td', {}, partition.recordsPerSecond === undefined ? '' : partition.recordsPerSecond.toFixed(1)),
      );
    });
    return h(
      'div',
      {},
      h('h3', {}, topic.name, topic.error ? h('span', { class: 'error' }, ` (${topic.error})`) : ''),
      table(['partition', 'leader', 'replicas', 'ISR', 'log start', 'log end', 'records/s'], rows),
    );
  });
  show('topics', ...blocks);
}

/** @param {ConsoleView} current */
function renderGroups(current) {
  const cards = current.groups.map((group) => {
    const stuck = group.members.flatMap((member) => member.stuck.map((partition) => ({ member, partition })));
    return h(
      'div',
      { class: 'group', 'data-group': group.groupId, 'data-members': group.members.length },
      h(
        'h3',
        {},
        group.groupId,
        h(
          'span',
          { class: 'muted' },
          ` ${group.state} · ${group.members.length} members · lag ${group.totalLag}`,
          group.uncommitted > 0 ? ` (+ ${group.uncommitted} partitions never committed: lag unknown)` : '',
        ),
        stuck.length > 0 ? h('span', { class: 'error' }, ` · ${stuck.length} stuck`) : '',
      ),
      table(
        ['member (instance)', 'partitions held', 'partition: committed / end (lag)'],
        group.members.map((member) =>
          h(
            'tr',
            { 'data-member': member.name, 'data-partitions': member.partitions.length },
            h(
              'td',
              { title: `member id ${member.memberId}, client id ${member.clientId}, host ${member.clientHost}` },
              member.statusUrl ? h('a', { href: member.statusUrl, target: '_blank' }, member.name) : member.name,
              member.by === 'client-id' ? h('span', { class: 'muted' }, ' (from its client id)') : '',
            ),
            h('td', {}, member.partitions.map((held) => `${held.topic}[${held.partition}]`).join(' ')),
            h(
              'td',
              { class: 'mono' },
              member.partitions
                .map((held) => `${held.partition}: ${held.committed ?? '—'}/${held.logEnd} (${held.lag ?? '?'})`)
                .join('  '),
            ),
          ),
        ),
      ),
      // A record that keeps waiting (a held lock, a long outage): what the instance's /status says.
      ...stuck.map(({ member, partition }) =>
        h(
          'p',
          { class: 'error stuck', 'data-stuck': `${partition.topic}[${partition.partition}]` },
          `stuck: ${partition.topic}[${partition.partition}]@${partition.offset} on ${member.name}, waiting since ${partition.since} (${partition.code}: ${partition.message})`,
        ),
      ),
      group.error ? h('p', { class: 'error' }, group.error) : '',
    );
  });
  show('groups', ...cards);
}

/** @param {readonly import('../domain/rebalance-timeline.ts').MemberView[]} members */
const assignment = (members) =>
  members
    .map(
      (member) =>
        `${member.name}: ${
          Object.entries(member.partitions)
            .map(([topic, partitions]) => `${topic}[${partitions.join(',')}]`)
            .join(' ') || 'nothing'
        }`,
    )
    .join('; ') || 'no members';

/** @param {ConsoleView} current */
function renderTimeline(current) {
  if (current.timeline.length === 0) {
    show(
      'timeline',
      h('li', { class: 'muted' }, 'No rebalance since the console started. Start or stop an instance to see one.'),
    );
    return;
  }
  show(
    'timeline',
    ...current.timeline.map((entry) =>
      h(
        'li',
        {
          'data-testid': 'rebalance',
          'data-group': entry.groupId,
          'data-left': entry.left.join(','),
          'data-joined': entry.joined.join(','),
        },
        h('strong', {}, `${clock(entry.startedAt)}–${clock(entry.settledAt)} ${entry.groupId}`),
        entry.joined.length > 0 ? ` joined: ${entry.joined.join(', ')}.` : '',
        entry.left.length > 0 ? ` left: ${entry.left.join(', ')}.` : '',
        h('br'),
        h('span', { class: 'muted' }, `before: ${assignment(entry.before)}`),
        h('br'),
        h('span', {}, `after: ${assignment(entry.after)}`),
      ),
    ),
  );
}

/** @param {ConsoleView} current */
function renderEvents(current) {
  const names = current.records.map((topic) => topic.topic);
  if (topicSelect.options.length !== names.length)
    topicSelect.replaceChildren(...names.map((name) => h('option', { value: name }, name)));
  if (filterKey) return; // the key's records are drawn by filterByKey()
  const topic = current.records.find((candidate) => candidate.topic === (topicSelect.value || 'orders'));
  const records = (topic?.partitions ?? []).flatMap((partition) => [...partition.records].reverse().slice(0, 4));
  show('events', recordTable(records, `latest records of ${topic?.topic ?? '?'} (up to 4 per partition)`));
}

/** @param {readonly RecordSummary[]} records @param {string} caption */
function recordTable(records, caption) {
  const rows = records.map((record) =>
    h(
      'tr',
      {
        'data-record-key': record.key ?? '',
        'data-partition': record.partition,
        'data-event-type': record.eventType ?? '',
      },
      h('td', {}, record.topic),
      h('td', {}, record.partition),
      h('td', {}, record.offset),
      h('td', { class: 'mono' }, record.key ? orderLink(record.key) : 'null'),
      h('td', {}, record.eventType ?? '?'),
      h('td', {}, record.size),
      h('td', {}, clock(record.timestamp)),
      h(
        'td',
        { class: 'mono muted' },
        Object.entries(record.headers)
          .filter(([name]) => name !== 'event-type')
          .map(([name, value]) => `${name}=${value}`)
          .join(' '),
      ),
    ),
  );
  return h(
    'div',
    {},
    h('p', { class: 'muted' }, caption),
    table(['topic', 'partition', 'offset', 'key', 'event type', 'bytes', 'timestamp (UTC)', 'headers'], rows, {
      'data-testid': 'records',
    }),
  );
}

/** @param {string} id */
function orderLink(id) {
  return h(
    'a',
    { class: 'order', href: `#follow=${id}`, onclick: (event) => (event.preventDefault(), void follow(id)) },
    id,
  );
}

/** @param {string} key */
async function filterByKey(key) {
  filterKey = key;
  if (!key) return view && renderEvents(view);
  const answer = /** @type {{ records: RecordSummary[] }} */ (
    await (await fetch(`/api/records?key=${encodeURIComponent(key)}`)).json()
  );
  const partitions = new Set(answer.records.map((record) => `${record.topic}[${record.partition}]`));
  show(
    'events',
    recordTable(
      answer.records,
      `${answer.records.length} records with key ${key}: on ${[...partitions].join(' and ') || 'no partition yet'}, in offset order`,
    ),
  );
}

/** @param {string} orderId */
async function follow(orderId) {
  followed = orderId;
  const input = /** @type {HTMLInputElement} */ (document.getElementById('follow-id'));
  if (document.activeElement !== input) input.value = orderId;
  const saga = /** @type {SagaView} */ (await (await fetch(`/api/orders/${encodeURIComponent(orderId)}/saga`)).json());
  if (saga.steps.length === 0) {
    show(
      'saga',
      h(
        'p',
        { class: 'muted' },
        `No events of ${orderId} seen yet (the console remembers the orders it has seen since it started).`,
      ),
    );
    return;
  }
  show(
    'saga',
    h(
      'ol',
      { class: 'saga', 'data-testid': 'saga' },
      ...saga.steps.map((step) =>
        h(
          'li',
          { 'data-event-type': step.eventType ?? '', style: `margin-left: ${step.depth * 1.5}rem` },
          h('strong', {}, step.eventType ?? '?'),
          ` on ${step.topic}[${step.partition}] @${step.offset}, ${clock(step.timestamp)}`,
          step.msSinceCause === undefined
            ? ''
            : h('span', { class: 'muted' }, ` (+${step.msSinceCause} ms after its cause)`),
          ` · written by ${step.headers['source'] ?? '?'}`,
          step.readBy.length > 0
            ? ` · read by ${step.readBy.map((reader) => `${reader.member ?? '?'} (${reader.groupId})`).join(', ')}`
            : '',
          h(
            'div',
            { class: 'muted mono' },
            `correlation ${step.headers['correlation-id'] ?? '?'} · causation ${step.headers['causation-id'] ?? '?'} · event ${step.headers['event-id'] ?? '?'}`,
          ),
        ),
      ),
    ),
  );
}

/** @param {SubmitEvent} event */
async function placeOrder(event) {
  event.preventDefault();
  const form = new FormData(/** @type {HTMLFormElement} */ (event.target));
  const order = {
    customerId: '0195f0a0-0000-7000-8000-00000000c001',
    email: String(form.get('email')),
    items: [{ sku: String(form.get('sku')), quantity: Number(form.get('quantity')) }],
  };
  const answer = await fetch('/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(order),
  });
  const body = /** @type {{ id?: string, detail?: string, status?: string | number }} */ (await answer.json());
  if (answer.status === 201 && body.id) {
    show('placed', 'placed ', orderLink(body.id), ` (${body.status})`);
    document.getElementById('placed')?.setAttribute('data-order-id', body.id);
    void follow(body.id);
  } else {
    show(
      'placed',
      h('span', { class: 'error' }, `not placed (${answer.status}): ${body.detail ?? JSON.stringify(body)}`),
    );
  }
}

document
  .getElementById('place-order')
  ?.addEventListener('submit', (event) => void placeOrder(/** @type {SubmitEvent} */ (event)));
document.getElementById('follow')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = /** @type {HTMLInputElement} */ (document.getElementById('follow-id')).value.trim();
  if (id) void follow(id);
});
document.getElementById('key-filter')?.addEventListener('submit', (event) => {
  event.preventDefault();
  void filterByKey(/** @type {HTMLInputElement} */ (document.getElementById('key')).value.trim());
});
document.getElementById('clear-key')?.addEventListener('click', () => void filterByKey(''));
topicSelect.addEventListener('change', () => view && renderEvents(view));
const hash = /^#follow=(.+)$/.exec(location.hash);
if (hash?.[1]) void follow(decodeURIComponent(hash[1]));
connect();
