-- The ETag of the S3 object as it was when the document was last queued: re-ingesting a prefix skips
-- objects whose ETag (and requested metadata) did not change since they were indexed.
alter table documents add column etag text;
