package com.bmo.learning.search.lucene;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.backup.IndexContents;
import com.bmo.learning.search.backup.IndexFileFormat;
import com.bmo.learning.search.backup.InvalidIndexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * How a restore checks a Lucene index directory: one commit, exactly its files, Lucene's own checksum of
 * every file, opens, and what it holds (chunk count, the {@link ContentVersion} of the commit's user data);
 * and whether an {@link IndexWriter} holds its write lock. Pass {@link #INSTANCE} to learning-search's
 * {@code IndexBackups}.
 */
public final class LuceneFileFormat implements IndexFileFormat {

  public static final LuceneFileFormat INSTANCE = new LuceneFileFormat();

  private LuceneFileFormat() {
  }

  @Override
  public IndexContents validate(Path directory, Set<String> expectedFiles) throws InvalidIndexException,
      IOException {
    try (FSDirectory dir = FSDirectory.open(directory)) {
      Files.deleteIfExists(directory.resolve(IndexWriter.WRITE_LOCK_NAME));
      List<IndexCommit> commits = DirectoryReader.listCommits(dir);
      if (commits.size() != 1) {
        throw new InvalidIndexException("the backup holds " + commits.size() + " commits; expected one", null);
      }
      IndexCommit commit = commits.get(0);
      Set<String> commitFiles = new HashSet<>(commit.getFileNames());
      Set<String> present = new HashSet<>(List.of(dir.listAll()));
      if (!present.equals(commitFiles) || (expectedFiles != null && !expectedFiles.equals(commitFiles))) {
        throw new InvalidIndexException("the backup's files " + sorted(present)
            + " are not the files of its commit " + sorted(commitFiles), null);
      }
      for (String name : commitFiles) {
        try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
          CodecUtil.checksumEntireFile(in);
        }
      }
      long chunks;
      try (DirectoryReader reader = DirectoryReader.open(commit)) {
        chunks = reader.numDocs();
      }
      Map<String, String> userData = commit.getUserData();
      String model = userData.get(LuceneSearchIndex.MODEL_KEY);
      ContentVersion version = model == null ? null
          : new ContentVersion(model, String.valueOf(userData.get(LuceneSearchIndex.CHUNKER_KEY)));
      return new IndexContents(chunks, commitFiles.size(), version);
    } catch (InvalidIndexException | IOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidIndexException("the restored index is not valid: " + e, e);
    }
  }

  @Override
  public boolean inUse(Path directory) throws IOException {
    try (FSDirectory dir = FSDirectory.open(directory); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
      return false;
    } catch (LockObtainFailedException e) {
      return true;
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
