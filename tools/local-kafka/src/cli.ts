/**
 * The local Kafka cluster from the command line:
 *
 *   npm run kafka:up                      start 3 brokers (fetches Kafka on first run)
 *   npm run kafka:status                  nodes, active controller, topics
 *   npm run kafka:down [-- --wipe]        stop them (and delete all data)
 *   npm run kafka -- stop|kill|pause|resume|start <node-id>    fault injection
 *   npm run kafka -- kafka-topics --describe --topic orders    any Kafka CLI tool
 *   npm run kafka -- replay-dead-letters --topic orders.inventory-service.dlt [--event-id <id>]
 *
 * `--profile test` acts on the cluster of `npm test` instead of the dev one (KAFKA_PROFILE=test
 * does the same for every command, as the docs test does). With KAFKA_BROKERS set, the Kafka
 * CLI tools talk to that cluster (e.g. the docker compose one).
 *
 *   node tools/local-kafka/src/cli.ts secrets --dir /secrets --hosts kafka-1,localhost --ips 127.0.0.1
 *
 * makes the secured compose variant's CA, keys, passwords and scripts (its kafka-secrets service).
 */
import { parseArgs } from 'node:util';
import { ensureDependencies } from './dependencies.ts';

// Before ensureDependencies only the `secrets` command: it runs in a container whose
// node_modules the image installed. Every other command first makes sure node_modules is
// there, since that is where npm links @orderflow/kafka-cluster (and its kafkajs).
if (process.argv[2] !== 'secrets') ensureDependencies((line) => console.log(line));
const {
  KAFKA_CLI_TOOLS,
  LocalKafkaCluster,
  LocalKafkaError,
  bootstrapServers,
  clusterLayout,
  kafkaVersion,
  runKafkaTool,
} = await import('@orderflow/kafka-cluster');

const USAGE = `usage: cli.ts <command> [--profile dev|test]
  install                 npm ci, if node_modules is missing or older than package-lock.json
  up                      start the 3-node cluster and wait until it is healthy
  down [--wipe]           stop it; --wipe also deletes its data
  status                  show nodes, the active controller and topics
  stop|kill|pause|resume|start <node-id>
  <kafka-tool> [args...]  one of: ${Object.keys(KAFKA_CLI_TOOLS).join(', ')}
  replay-dead-letters --topic <topic>.<group>.dlt [--event-id <id>]...
                          put dead-lettered records back on their topic: key, value,
                          timestamp and headers as they were (all, or those event ids)
  secrets --dir <dir> --hosts <name,...> [--ips <address,...>] [--owner <uid>]
                          the secured docker compose variant's secrets (docker-compose.secure.yml)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (KAFKA_CLI_TOOLS[command] ?? KAFKA_CLI_TOOLS[`kafka-${command}`]) {
    return runToolCommand(command, rest);
  }
  if (command === 'secrets') return secretsCommand(rest);
  if (command === 'replay-dead-letters') return replayCommand(rest);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      profile: { type: 'string', default: process.env['KAFKA_PROFILE'] ?? 'dev' },
      wipe: { type: 'boolean', default: false },
    },
  });
  if (command === 'install') return 0;
  const cluster = new LocalKafkaCluster({ profile: values.profile, log: (line) => console.log(line) });
  const nodeId = Number(positionals[0]);

  switch (command) {
    case 'up': {
      const started = Date.now();
      const brokers = await cluster.up();
      console.log(`Kafka ${kafkaVersion()} is up (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      console.log(`Bootstrap servers: ${brokers.join(',')}`);
      return 0;
    }
    case 'down':
      await cluster.down({ wipe: values.wipe });
      console.log(`Stopped the ${cluster.layout.profile} cluster${values.wipe ? ' and deleted its data' : ''}.`);
      return 0;
    case 'status': {
      const { printStatus } = await import('./cluster-status.ts');
      await printStatus(cluster);
      return 0;
    }
    case 'stop':
    case 'kill':
    case 'pause':
    case 'resume':
    case 'start': {
      if (!cluster.layout.nodeIds.includes(nodeId)) {
        console.error(`Give a node id: one of ${cluster.layout.nodeIds.join(', ')}`);
        return 1;
      }
      const actions = {
        stop: () => cluster.stopBroker(nodeId),
        kill: () => cluster.killBroker(nodeId),
        pause: () => cluster.pauseBroker(nodeId),
        resume: () => cluster.resumeBroker(nodeId),
        start: () => cluster.startBroker(nodeId),
      };
      await actions[command]();
      console.log(`${command}: node ${nodeId} is now ${cluster.nodes().find((n) => n.id === nodeId)?.state}`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 1;
  }
}

async function runToolCommand(tool: string, args: string[]): Promise<number> {
  const external = process.env['KAFKA_BROKERS'];
  const brokers = external
    ? external.split(',')
    : bootstrapServers(clusterLayout(process.env['KAFKA_PROFILE'] ?? 'dev'));
  return runKafkaTool(tool, args, brokers, { inherit: true }).status;
}

/** Dead-lettered records back onto their topic, for the groups to handle again (docs/11). */
async function replayCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      topic: { type: 'string' },
      'event-id': { type: 'string', multiple: true },
      profile: { type: 'string', default: process.env['KAFKA_PROFILE'] ?? 'dev' },
    },
  });
  if (!values.topic?.endsWith('.dlt')) {
    console.error(`replay-dead-letters needs --topic <topic>.<group>.dlt.\n${USAGE}`);
    return 1;
  }
  const external = process.env['KAFKA_BROKERS'];
  const brokers = external ? external.split(',') : bootstrapServers(clusterLayout(values.profile));
  const { Kafka, logLevel } = await import('kafkajs');
  const { replayDeadLetters } = await import('./replay-dead-letters.ts');
  const replayed = await replayDeadLetters({
    kafka: new Kafka({ clientId: 'replay-dead-letters', brokers, logLevel: logLevel.ERROR }),
    deadLetterTopic: values.topic,
    ...(values['event-id'] ? { eventIds: values['event-id'] } : {}),
    log: (line) => console.log(line),
  });
  console.log(`Replayed ${replayed.length} record(s) from ${values.topic}.`);
  return 0;
}

/**
 * The secrets of docker-compose.secure.yml, into its volume: the Dockerfile's kafka-secrets
 * stage runs this. --owner gives the files to that uid (the containers' user; needs root).
 */
async function secretsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: 'string' },
      hosts: { type: 'string' },
      ips: { type: 'string', default: '' },
      owner: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.dir || !values.hosts) {
    console.error(`secrets needs --dir and --hosts.\n${USAGE}`);
    return 1;
  }
  const list = (value: string) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const hosts = { dnsNames: list(values.hosts), ipAddresses: list(values.ips) };
  const { writeComposeSecrets } = await import('./secure/compose-secrets.ts');
  const { newCertificates } = await writeComposeSecrets({
    dir: values.dir,
    hosts,
    ...(values.owner === undefined ? {} : { owner: Number(values.owner) }),
  });
  console.log(
    newCertificates
      ? `Made a new CA and broker certificate for ${[...hosts.dnsNames, ...hosts.ipAddresses].join(', ')}, and a password per user, in ${values.dir}.`
      : `Kept the CA, the broker certificate and the passwords already in ${values.dir}.`,
  );
  console.log(
    `Wrote the users' client properties and password files, the brokers' security settings and grant-access.sh${values.owner === undefined ? '' : `, owned by uid ${values.owner}`}.`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof LocalKafkaError) {
      console.error(`error: ${error.message}\nhint: ${error.hint}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
