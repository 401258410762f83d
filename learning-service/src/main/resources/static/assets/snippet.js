// Search hits rendered as DOM nodes: server text only ever becomes text nodes, never markup.

/** The one tag the server uses to mark matched words in a snippet ("html-mark"); anything else is text. */
const MARK_OPEN = /<(mark)>/i;

/**
 * Appends the hit's snippet to `parent`: the server's highlighted snippet when it has one (its marker
 * tags become <mark> elements, everything else is text), else the hit's text with the query's words
 * marked here.
 */
export function renderSnippet(parent, hit, query) {
  const snippet = hit.snippet;
  if (typeof snippet === 'string' && snippet.length > 0) {
    appendMarked(parent, snippet);
  } else {
    appendQueryMarked(parent, shorten(String(hit.text ?? ''), 360), query);
  }
}

/** Splits on <mark>…</mark> pairs; entities the server escaped are decoded as text. */
function appendMarked(parent, snippet) {
  let rest = snippet;
  while (rest.length > 0) {
    const open = MARK_OPEN.exec(rest);
    if (!open) {
      parent.append(decodeEntities(rest));
      return;
    }
    const close = new RegExp(`</${open[1]}>`, 'i');
    const after = rest.slice(open.index + open[0].length);
    const end = close.exec(after);
    if (!end) {
      parent.append(decodeEntities(rest));
      return;
    }
    if (open.index > 0) parent.append(decodeEntities(rest.slice(0, open.index)));
    const mark = document.createElement('mark');
    mark.textContent = decodeEntities(after.slice(0, end.index));
    parent.append(mark);
    rest = after.slice(end.index + end[0].length);
  }
}

const NAMED = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

/**
 * Undoes the server's HTML escaping (named entities and numeric ones such as Lucene's {@code &#44;} and
 * {@code &#x27;}); the result only ever becomes a text node.
 */
function decodeEntities(text) {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi, (m, dec, hex, name) => {
    if (name) return NAMED[name.toLowerCase()];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function appendQueryMarked(parent, text, query) {
  const words = [...new Set(String(query).toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || [])];
  if (words.length === 0) {
    parent.append(text);
    return;
  }
  const escaped = words.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    parent.append(mark);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

function shorten(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max).replace(/\s\S*$/, '') + ' …';
}

/** Title, section (heading path) and page range of a hit, from today's fields or search-core's. */
export function describeHit(hit) {
  const meta = hit.metadata || {};
  const source = String(hit.source_uri || '');
  const fileName = decodeURIComponent(source.slice(source.lastIndexOf('/') + 1)) || 'Untitled';
  const title = hit.title || meta.title || fileName;
  const section = hit.heading_path || meta.heading_path || '';
  const page = hit.page ?? hit.page_start ?? (meta.page ? Number(meta.page) : null);
  const pageEnd = hit.page_end ?? (meta.page_end ? Number(meta.page_end) : null);
  const isPdf = /\.pdf$/i.test(fileName) || hit.content_type === 'application/pdf';
  return {title, section, page, pageEnd, fileName, isPdf, documentId: hit.document_id || meta.service_document_id};
}
