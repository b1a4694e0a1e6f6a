namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// The schema as numbered migrations, applied by the first silo that starts (under an advisory lock, so
/// silos starting together do not race). A database newer than the build is refused.
/// </summary>
internal static class PostgreSqlSchema
{
    public const string Name = "personalization";

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE personalization.cluster (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE personalization.silos (
            silo_id text PRIMARY KEY, address text NOT NULL, started_at timestamptz NOT NULL,
            heartbeat_at timestamptz NOT NULL, status text NOT NULL);
        CREATE TABLE personalization.partition_leases (
            partition int PRIMARY KEY, owner text NULL, epoch bigint NOT NULL, expires_at timestamptz NOT NULL,
            next_position bigint NOT NULL DEFAULT 0);
        CREATE TABLE personalization.lease_history (
            partition int NOT NULL, epoch bigint NOT NULL, owner text NOT NULL, acquired_at timestamptz NOT NULL,
            PRIMARY KEY (partition, epoch));
        CREATE TABLE personalization.journal (
            partition int NOT NULL, position bigint NOT NULL, stream_id text NOT NULL, sequence bigint NOT NULL,
            event_type text NOT NULL, timestamp bigint NOT NULL, payload bytea NOT NULL,
            PRIMARY KEY (partition, position));
        CREATE UNIQUE INDEX journal_stream ON personalization.journal (stream_id, sequence);
        CREATE TABLE personalization.snapshots (
            stream_id text PRIMARY KEY, partition int NOT NULL, version bigint NOT NULL, state bytea NOT NULL,
            written_at timestamptz NOT NULL);
        CREATE TABLE personalization.reminders (
            grain_id text NOT NULL, name text NOT NULL, partition int NOT NULL, due_at bigint NOT NULL,
            period_ms bigint NULL, PRIMARY KEY (grain_id, name));
        CREATE INDEX reminders_due ON personalization.reminders (partition, due_at);
        CREATE TABLE personalization.projection_checkpoints (
            projection text NOT NULL, partition int NOT NULL, position bigint NOT NULL,
            PRIMARY KEY (projection, partition));

        -- One round trip per append. The lease row is updated first: that checks the fencing token and
        -- locks the row until commit, so appends to a partition commit in the order of the positions they
        -- take, and a take-over waits for appends in flight. Errors: PL001 lease lost, PJ001 conflict.
        CREATE FUNCTION personalization.append_events(
            p_partition int, p_epoch bigint, p_stream text, p_expected bigint,
            p_types text[], p_timestamps bigint[], p_payloads bytea[]) RETURNS bigint
        LANGUAGE plpgsql AS $$
        DECLARE
            v_count int := cardinality(p_types);
            v_last bigint;
            v_current bigint;
        BEGIN
            UPDATE personalization.partition_leases SET next_position = next_position + v_count
                WHERE partition = p_partition AND epoch = p_epoch
                RETURNING next_position INTO v_last;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'partition % is not held with epoch %', p_partition, p_epoch USING ERRCODE = 'PL001';
            END IF;
            SELECT COALESCE(MAX(sequence), 0) INTO v_current FROM personalization.journal WHERE stream_id = p_stream;
            IF v_current <> p_expected THEN
                RAISE EXCEPTION 'stream % is at % not %', p_stream, v_current, p_expected USING ERRCODE = 'PJ001';
            END IF;
            INSERT INTO personalization.journal (partition, position, stream_id, sequence, event_type, timestamp, payload)
                SELECT p_partition, v_last - v_count + i, p_stream, p_expected + i, p_types[i], p_timestamps[i], p_payloads[i]
                FROM generate_subscripts(p_types, 1) AS i;
            RETURN v_last;
        END $$;
        """,
        """
        -- The outbox's sequence is taken under one row lock held to commit, so sequences become visible in
        -- commit order across every silo (a reader resuming after N misses nothing) and are never reused.
        CREATE TABLE personalization.outbox_sequence (id int PRIMARY KEY, last bigint NOT NULL);
        INSERT INTO personalization.outbox_sequence (id, last) VALUES (1, 0);
        CREATE TABLE personalization.outbox (
            sequence bigint PRIMARY KEY, message_id text NOT NULL UNIQUE, type text NOT NULL, key text NOT NULL,
            partition int NOT NULL, occurred_at bigint NOT NULL, withheld boolean NOT NULL, payload bytea NOT NULL);
        CREATE INDEX outbox_occurred ON personalization.outbox (occurred_at);
        CREATE TABLE personalization.delivery_cursors (subscriber text PRIMARY KEY, position bigint NOT NULL);
        CREATE TABLE personalization.deliveries (
            subscriber text NOT NULL, sequence bigint NOT NULL, message_id text NOT NULL, type text NOT NULL,
            lane int NOT NULL, status text NOT NULL, attempts int NOT NULL, next_attempt_at bigint NOT NULL,
            queued_at bigint NOT NULL, updated_at bigint NOT NULL, last_status_code int NULL, last_error text NULL,
            PRIMARY KEY (subscriber, sequence));
        CREATE INDEX deliveries_status ON personalization.deliveries (subscriber, status, sequence);
        CREATE TABLE personalization.delivery_attempts (
            id bigserial PRIMARY KEY, subscriber text NOT NULL, sequence bigint NOT NULL, attempt int NOT NULL,
            at bigint NOT NULL, duration_ms bigint NOT NULL, status_code int NULL, error text NULL);
        CREATE INDEX delivery_attempts_delivery ON personalization.delivery_attempts (subscriber, sequence, id);
        CREATE TABLE personalization.watch_index (
            topic text NOT NULL, watcher text NOT NULL, partition int NOT NULL, at bigint NOT NULL,
            PRIMARY KEY (topic, watcher));
        CREATE INDEX watch_index_topic ON personalization.watch_index (topic, at);
        CREATE INDEX watch_index_at ON personalization.watch_index (at);
        """,
    ];
}
