// The public API of @orderflow/dev-stack: the whole system as local processes, for
// `npm start` and for the end-to-end tests.
export { formatLogLine } from './format-log-line.ts';
export { assertPortsFree } from './ports.ts';
export { startServiceProcess, waitUntilReady, type ServiceProcess } from './service-process.ts';
export { startStack, type Stack, type StackOptions } from './start-stack.ts';
export { parseStackShape, planStack, standardPorts, type ServiceProcessSpec, type StackShape } from './stack-plan.ts';
export { takeStackLock } from './stack-lock.ts';
