-- Every backup this service took, with what its object must be (size, SHA-256, index bytes it expands to).
-- A restore checks the download against these values while it streams: whoever can write the backups bucket
-- can rewrite an object and its metadata, but not this table. A backup not recorded here is not restored.
create table backups (
  bucket       text        not null,
  object_key   text        not null,
  kind         text        not null check (kind in ('FULL', 'INCREMENTAL')),
  size_bytes   bigint      not null check (size_bytes >= 0),
  sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
  index_bytes  bigint      not null,
  chunk_count  bigint      not null,
  created_at   timestamptz not null,
  created_by   text,
  primary key (bucket, object_key)
);
