# Sourced by .ci/run: makes a Docker engine answer, so the Docker suites run (CI requires them).
# Nothing here runs on a developer's machine: `npm test` never installs system packages; it
# runs the Docker suites where an engine answers and skips them, saying why, where none does.
#
# On a fresh CI machine (root, Debian): the Docker CLI on PATH may have no engine behind it.
# Debian's docker.io (engine + its own client, /usr/bin/docker) and docker-compose (v1) are
# installed, dockerd is started in the background, and this waits until it answers.

orderflow_engine_answers() { timeout 10 docker info > /dev/null 2>&1; }

if ! orderflow_engine_answers; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
    echo "No Docker engine answers, and this is not root on Debian: start Docker, then run again." >&2
    exit 1
  fi
  # Debian's docker.io puts the engine in /usr/sbin (the client in /usr/bin).
  if [ ! -x /usr/sbin/dockerd ] || ! command -v docker-compose > /dev/null || ! command -v debootstrap > /dev/null; then
    echo "Installing Docker (docker.io, docker-compose) and debootstrap from Debian's packages..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap > /dev/null
  fi
  if ! pgrep -x dockerd > /dev/null; then
    echo "Starting dockerd (log: /var/log/orderflow-dockerd.log)..." >&2
    nohup /usr/sbin/dockerd > /var/log/orderflow-dockerd.log 2>&1 &
  fi
  # Wait while dockerd runs; one that died (bad flag, missing binary) ends the wait at once.
  for _ in $(seq 1 60); do
    orderflow_engine_answers && break
    pgrep -x dockerd > /dev/null || break
    sleep 1
  done
  if ! orderflow_engine_answers; then
    echo "dockerd did not answer; the end of /var/log/orderflow-dockerd.log:" >&2
    tail -20 /var/log/orderflow-dockerd.log >&2
    exit 1
  fi
fi
command -v debootstrap > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null; }
# On cgroup v1 with the tests' own processes in the root cgroup (as on these machines), the
# kernel weighs all containers together like ONE process against every busy host process:
# with a Kafka cluster, jest and tsc busy on the host, a container's JVM got a few percent of a
# core and needed minutes to start. A larger weight for the docker group gives the containers
# their fair part while both run. (cgroup v2 machines with systemd slices do not need this.)
if [ -d /sys/fs/cgroup/cpu ] && [ -w /sys/fs/cgroup/cpu ]; then
  mkdir -p /sys/fs/cgroup/cpu/docker && echo 8192 > /sys/fs/cgroup/cpu/docker/cpu.shares || true
fi
echo "Docker: $(docker info --format 'engine {{.ServerVersion}}')" >&2
