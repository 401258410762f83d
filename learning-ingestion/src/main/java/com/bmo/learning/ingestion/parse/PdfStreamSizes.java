package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.IngestionLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Counts what the streams of a PDF inflate to before any text is extracted, and stops at the
 * {@linkplain IngestionLimits#maxDecompressedBytes limit}: PDFBox decodes each stream it reads wholly
 * into memory, so a small file whose streams inflate to gigabytes (a "PDF bomb") would otherwise take
 * that much heap. Counting decodes through PDFBox's own filters into an output that only counts, so it
 * holds no decoded bytes (except between the filters of a chained stream, bounded by the limit).
 *
 * <p>Image streams are left out (text extraction never decodes them); so are image codecs (DCT, JPX,
 * CCITT, JBIG2) at the end of a filter chain. Streams PDFBox cannot decode count as far as they got:
 * extraction copes with damaged streams on its own.
 */
final class PdfStreamSizes {

  private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
      COSName.JPX_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);

  private PdfStreamSizes() {
  }

  /**
   * @return the bytes the non-image streams inflate to, when within {@code maximum}
   * @throws LimitReached when they inflate to more
   */
  static long decompressedSize(PDDocument pdf, long maximum) throws LimitReached {
    COSDocument doc = pdf.getDocument();
    List<COSObjectKey> keys = new ArrayList<>(doc.getXrefTable().keySet());
    // Objects stored directly first: object streams are counted before the objects inside them are read.
    keys.sort(Comparator.comparingInt((COSObjectKey k) -> k.getStreamIndex() < 0 ? 0 : 1)
        .thenComparing(Comparator.naturalOrder()));
    long total = 0;
    for (COSObjectKey key : keys) {
      COSBase base;
      try {
        COSObject object = doc.getObjectFromPool(key);
        base = object == null ? null : object.getObject();
      } catch (RuntimeException e) {
        continue;  // an unreadable object: extraction copes with it, or fails as corrupt
      }
      if (base instanceof COSStream stream && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        total += decodedSize(stream, maximum - total);
      }
    }
    return total;
  }

  /** What one stream decodes to, counting no further than {@code remaining}. */
  private static long decodedSize(COSStream stream, long remaining) throws LimitReached {
    List<COSName> filters;
    try {
      filters = new PDStream(stream).getFilters();
    } catch (RuntimeException e) {
      return 0;
    }
    Counting counted = new Counting(remaining);
    if (filters.isEmpty()) {
      counted.add(stream.getLength());
      return counted.count;
    }
    try (InputStream raw = stream.createRawInputStream()) {
      InputStream input = raw;
      for (int i = 0; i < filters.size() && !IMAGE_CODECS.contains(filters.get(i)); i++) {
        Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
        boolean last = i + 1 == filters.size() || IMAGE_CODECS.contains(filters.get(i + 1));
        if (last) {
          counted.reset();
          filter.decode(input, counted, stream, i);
        } else {
          // Between filters the bytes are kept, as much as the limit allows.
          ByteArrayOutputStream between = new ByteArrayOutputStream();
          counted.reset();
          filter.decode(input, new Tee(counted, between), stream, i);
          input = new ByteArrayInputStream(between.toByteArray());
        }
      }
      return counted.count;
    } catch (LimitReached e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // A damaged or unsupported stream: count what it gave; extraction deals with it.
      return counted.count;
    }
  }

  /** The limit was reached. */
  static final class LimitReached extends IOException {
    private static final long serialVersionUID = 1L;

    LimitReached() {
      super("decompressed size limit reached", null);
    }
  }

  /** Counts and discards; throws {@link LimitReached} past its allowance. */
  private static final class Counting extends OutputStream {
    private final long allowance;
    private long count;

    Counting(long allowance) {
      this.allowance = allowance;
    }

    void reset() {
      count = 0;
    }

    @Override
    public void write(int b) throws IOException {
      add(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      add(len);
    }

    private void add(long n) throws LimitReached {
      count += n;
      if (count > allowance) {
        throw new LimitReached();
      }
    }
  }

  /** Writes to the counter first (so the limit stops it), then to the buffer. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
