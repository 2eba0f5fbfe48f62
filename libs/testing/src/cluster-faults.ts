/**
 * Fault injection for the test cluster: what a suite does to brokers to prove the system
 * survives it. One interface, two implementations, so a suite that stops brokers runs
 * against either cluster:
 *
 * - local-cluster-faults.ts: the JVM processes of the local cluster, through signals
 *   (SIGTERM, SIGKILL, SIGSTOP, SIGCONT);
 * - containers/container-cluster-faults.ts: the containers of the testcontainers cluster,
 *   through the Docker engine (docker stop, kill, pause, unpause, start).
 *
 * Nodes are numbered 1, 2, 3; each is a broker and a KRaft controller.
 */
export interface ClusterFaults {
  /** The cluster's nodes; `id` is the broker id (node.id) a partition's leader and ISR name. */
  nodes(): readonly { readonly id: number }[];
  /** Controlled shutdown: the broker hands its partition leaderships over, then exits. */
  stopBroker(id: number): Promise<void>;
  /** A crash: no controlled shutdown, the other brokers notice by missed heartbeats. */
  killBroker(id: number): Promise<void>;
  /** A hung broker (long GC pause, frozen VM): alive but silent, until resumeBroker. */
  pauseBroker(id: number): Promise<void>;
  resumeBroker(id: number): Promise<void>;
  /** Starts one stopped node again and waits until it is registered with the cluster. */
  startBroker(id: number): Promise<void>;
  /**
   * Every node running again (stopped ones start together: with all three down, one alone
   * cannot form the KRaft quorum), then waits until all brokers replicate.
   */
  restore(): Promise<void>;
  /**
   * Waits until every partition of every topic (or of `topics` only) has its full in-sync
   * replica set. Naming the topics that matter is much quicker on a cluster holding many.
   */
  waitForFullIsr(timeoutMs?: number, topics?: readonly string[]): Promise<void>;
}
