-- Documents accepted by the service and the state of their ingestion.
create table documents (
  id            uuid primary key,
  status        text        not null check (status in ('PENDING', 'PROCESSING', 'INDEXED', 'FAILED')),
  origin        text        not null check (origin in ('UPLOAD', 'S3')),
  bucket        text        not null,
  object_key    text        not null,
  file_name     text        not null,
  content_type  text,
  size_bytes    bigint,
  course        text,
  learner_id    text,
  metadata      jsonb       not null default '{}'::jsonb,
  chunk_count   integer,
  attempts      integer     not null default 0,
  last_error    text,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  started_at    timestamptz,
  indexed_at    timestamptz,
  failed_at     timestamptz,
  -- One document per S3 object: ingesting the same object again re-ingests this document.
  constraint documents_object_unique unique (bucket, object_key)
);

create index documents_course_created_idx on documents (course, created_at desc);
create index documents_status_created_idx on documents (status, created_at desc);
create index documents_created_idx on documents (created_at desc, id);
