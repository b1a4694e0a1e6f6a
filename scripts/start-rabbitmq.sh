#!/usr/bin/env bash
# Starts a throwaway RabbitMQ broker for the tests (installing Debian's rabbitmq-server if it is missing) on a
# free port, with its data and logs in a temp folder, and exports PERSONALIZATION_TEST_RABBITMQ, an AMQP URI
# for it. Source it: `. scripts/start-rabbitmq.sh`. The broker stops by itself when the shell that sourced
# this exits (or call stop_test_rabbitmq). If RabbitMQ cannot be installed or started, the variable stays
# unset and the RabbitMQ tests skip, saying why.

rmq_server=/usr/lib/rabbitmq/bin/rabbitmq-server
rmq_ctl=/usr/lib/rabbitmq/bin/rabbitmqctl
if [ ! -x "$rmq_server" ]; then
  echo "Installing RabbitMQ from Debian's packages..."
  # No service manager here: keep the package's post-install step from starting a broker of its own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d 2>/dev/null && chmod +x /usr/sbin/policy-rc.d 2>/dev/null
  (apt-get -o DPkg::Lock::Timeout=120 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq rabbitmq-server) >/dev/null 2>&1
  rm -f /usr/sbin/policy-rc.d
fi

rmq_free_port() {
  for candidate in $(seq "$1" "$2"); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
}

if [ -x "$rmq_server" ]; then
  rmq_dir=$(mktemp -d /tmp/op-rabbitmq-XXXXXX)
  chmod 755 "$rmq_dir"
  # Below Linux's ephemeral range, as for PostgreSQL (scripts/start-postgres.sh says why).
  rmq_port=$(rmq_free_port 25672 25772)
  rmq_dist_port=$(rmq_free_port 25773 25872)
  export RABBITMQ_NODENAME="op-test-$$@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$rmq_port"
  export RABBITMQ_DIST_PORT="$rmq_dist_port"
  export RABBITMQ_MNESIA_BASE="$rmq_dir/mnesia"
  export RABBITMQ_LOG_BASE="$rmq_dir/log"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$rmq_dir/enabled_plugins"
  export RABBITMQ_PID_FILE="$rmq_dir/rabbitmq.pid"
  export HOME="${HOME:-/root}"
  echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  "$rmq_server" >"$rmq_dir/server.out" 2>&1 &
  rmq_pid=$!
  # `rabbitmqctl wait` returns once the broker is running (about 10 s), or fails if it died.
  if timeout 90 "$rmq_ctl" -n "$RABBITMQ_NODENAME" wait --timeout 60 "$RABBITMQ_PID_FILE" >/dev/null 2>&1; then
    export PERSONALIZATION_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$rmq_port/"
    echo "RabbitMQ $("$rmq_ctl" -n "$RABBITMQ_NODENAME" version 2>/dev/null) on 127.0.0.1:$rmq_port for the tests"
  else
    echo "RabbitMQ did not start; the RabbitMQ tests will be skipped. Its output:"
    tail -n 20 "$rmq_dir/server.out"
  fi

  stop_test_rabbitmq() {
    "$rmq_ctl" -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || kill "$rmq_pid" 2>/dev/null
    rm -rf "$rmq_dir"
  }
  # Stop the broker when the shell that sourced this script goes away, whatever its own EXIT trap does.
  rmq_owner=$$
  (
    while kill -0 "$rmq_owner" 2>/dev/null; do sleep 2; done
    "$rmq_ctl" -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || kill "$rmq_pid" 2>/dev/null
    rm -rf "$rmq_dir"
  ) >/dev/null 2>&1 &
else
  echo "RabbitMQ is not installed and could not be; the RabbitMQ tests will be skipped."
fi
