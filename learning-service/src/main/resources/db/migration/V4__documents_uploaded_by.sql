-- Who uploaded or ingested each document (the API key's id); null for documents the service queued itself
-- or recorded before documents had owners (shared: readable by every user, changed by admins).
alter table documents add column uploaded_by text;

create index documents_uploaded_by_created_idx on documents (uploaded_by, created_at desc);
