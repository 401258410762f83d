// The authors' page: sign in with an API key, upload lessons, watch them get indexed, search them.
import {Api, ApiError} from './api.js';
import {describeHit, renderSnippet} from './snippet.js';

const KEY_STORAGE = 'bmo-learning.api-key';
const POLL_BUSY_MS = 1000;   // while something is pending or processing
const POLL_IDLE_MS = 5000;
const UPLOADS_AT_ONCE = 3;

const $ = id => document.getElementById(id);
const state = {api: null, statuses: new Map(), pollTimer: null, uploading: 0, contentUrls: new Map()};

// ------------------------------------------------------------------------------------------ announcements

function announce(message) {
  const line = document.createElement('p');
  line.textContent = message;
  $('announcer').append(line);
  // Keep the live region short; screen readers have read the old lines already.
  while ($('announcer').childElementCount > 5) $('announcer').firstElementChild.remove();
}

// ------------------------------------------------------------------------------------------------ session

async function signIn(key, {quiet = false} = {}) {
  const api = new Api(key);
  $('sign-in-button').disabled = true;
  $('sign-in-error').textContent = '';
  try {
    const page = await api.listDocuments(0, 100);
    sessionStorage.setItem(KEY_STORAGE, key);
    state.api = api;
    $('api-key').value = '';
    $('sign-in').hidden = true;
    $('workspace').hidden = false;
    $('session-bar').hidden = false;
    renderDocuments(page.items, {announceChanges: false});
    schedulePoll();
    if (!quiet) {
      announce('Signed in');
      $('upload-heading').setAttribute('tabindex', '-1');
      $('upload-heading').focus();
    }
  } catch (e) {
    sessionStorage.removeItem(KEY_STORAGE);
    showSignedOut(e instanceof ApiError ? e.describe() : String(e));
  } finally {
    $('sign-in-button').disabled = false;
  }
}

function signOut(reason = '') {
  sessionStorage.removeItem(KEY_STORAGE);
  state.api = null;
  clearTimeout(state.pollTimer);
  state.statuses.clear();
  state.contentUrls.clear();
  $('documents-body').replaceChildren();
  $('uploads').replaceChildren();
  $('search-results').replaceChildren();
  $('search-summary').textContent = '';
  showSignedOut(reason);
  announce(reason || 'Signed out');
}

function showSignedOut(reason) {
  $('workspace').hidden = true;
  $('session-bar').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = reason;
  $('api-key').focus();
}

/** Any 401 after sign-in means the key stopped working (revoked, rotated): back to the sign-in form. */
function handleAuthLoss(e) {
  if (e instanceof ApiError && e.status === 401) {
    signOut(e.describe());
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------- documents

function schedulePoll() {
  clearTimeout(state.pollTimer);
  if (!state.api) return;
  const busy = state.uploading > 0
    || [...state.statuses.values()].some(s => s === 'PENDING' || s === 'PROCESSING');
  state.pollTimer = setTimeout(refreshDocuments, busy ? POLL_BUSY_MS : POLL_IDLE_MS);
}

async function refreshDocuments() {
  if (!state.api) return;
  try {
    const page = await state.api.listDocuments(0, 100);
    $('documents-error').textContent = '';
    renderDocuments(page.items, {announceChanges: true});
  } catch (e) {
    if (handleAuthLoss(e)) return;
    $('documents-error').textContent = e instanceof ApiError ? e.describe() : String(e);
  }
  schedulePoll();
}

function renderDocuments(items, {announceChanges}) {
  const body = $('documents-body');
  const existing = new Map([...body.rows].map(tr => [tr.dataset.id, tr]));
  const seen = new Map();
  const rows = items.map(doc => {
    const before = state.statuses.get(doc.id);
    if (announceChanges && before && before !== doc.status) {
      announce(`${doc.file_name}: ${doc.status}${doc.status === 'FAILED' && doc.error ? ' — ' + doc.error : ''}`);
    }
    seen.set(doc.id, doc.status);
    // Unchanged rows stay the same nodes: no flicker, and screen readers and focus keep their place.
    const row = existing.get(doc.id);
    return row && row.dataset.version === version(doc) ? row : documentRow(doc);
  });
  state.statuses = seen;
  const focused = document.activeElement;
  const focusedId = focused && body.contains(focused) ? focused.dataset.id : null;
  const same = rows.length === body.rows.length && rows.every((row, i) => body.rows[i] === row);
  if (!same) body.replaceChildren(...rows);
  if (focusedId && document.activeElement !== focused) {
    body.querySelector(`button[data-id="${CSS.escape(focusedId)}"]`)?.focus();
  }
  $('documents-table').hidden = items.length === 0;
  $('documents-empty').hidden = items.length > 0;
}

function version(doc) {
  return `${doc.status}|${doc.updated_at}|${doc.chunk_count ?? ''}`;
}

function documentRow(doc) {
  const tr = document.createElement('tr');
  tr.dataset.id = doc.id;
  tr.dataset.status = doc.status;
  tr.dataset.version = version(doc);
  const file = cell(doc.file_name, 'file');
  const course = cell(doc.course || '—');
  const status = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = `status status-${doc.status}`;
  badge.textContent = doc.status;
  status.append(badge);
  if (doc.status === 'FAILED' && doc.error) {
    const why = document.createElement('span');
    why.className = 'failure';
    why.textContent = doc.error;
    status.append(why);
  }
  const chunks = cell(doc.chunk_count ?? '—');
  const updated = cell(doc.updated_at ? new Date(doc.updated_at).toLocaleString() : '');
  const actions = document.createElement('td');
  const del = document.createElement('button');
  del.type = 'button';
  del.className = 'danger';
  del.textContent = 'Delete';
  del.dataset.id = doc.id;
  del.setAttribute('aria-label', `Delete ${doc.file_name}`);
  del.addEventListener('click', () => deleteDocument(doc, del));
  actions.append(del);
  tr.append(file, course, status, chunks, updated, actions);
  return tr;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className) td.className = className;
  return td;
}

async function deleteDocument(doc, button) {
  button.disabled = true;
  try {
    await state.api.deleteDocument(doc.id);
    announce(`Deleted ${doc.file_name}`);
    const row = button.closest('tr');
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    state.statuses.delete(doc.id);
    (next?.querySelector('button') || $('refresh')).focus();
    if (!$('documents-body').childElementCount) {
      $('documents-table').hidden = true;
      $('documents-empty').hidden = false;
    }
  } catch (e) {
    if (handleAuthLoss(e)) return;
    button.disabled = false;
    $('documents-error').textContent = `Could not delete ${doc.file_name}: ${e instanceof ApiError ? e.describe() : e}`;
  }
}

// ------------------------------------------------------------------------------------------------ uploads

function queueUploads(files) {
  if (!state.api || files.length === 0) return;
  const course = $('course').value.trim();
  const pending = [...files].map(file => ({file, row: uploadRow(file)}));
  announce(`${pending.length} file${pending.length === 1 ? '' : 's'} queued for upload`);
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      await uploadOne(next.file, next.row, course);
    }
  };
  for (let i = 0; i < Math.min(UPLOADS_AT_ONCE, pending.length); i++) worker();
}

function uploadRow(file) {
  const li = document.createElement('li');
  li.dataset.fileName = file.name;
  li.dataset.state = 'queued';
  const name = document.createElement('span');
  name.className = 'upload-name';
  name.textContent = file.name;
  const progress = document.createElement('progress');
  progress.max = 100;
  progress.value = 0;
  progress.setAttribute('aria-label', `Upload progress of ${file.name}`);
  const status = document.createElement('span');
  status.className = 'upload-state';
  status.textContent = 'Waiting';
  li.append(name, progress, status);
  $('uploads').prepend(li);
  return li;
}

async function uploadOne(file, li, course) {
  const progress = li.querySelector('progress');
  const status = li.querySelector('.upload-state');
  li.dataset.state = 'uploading';
  state.uploading++;
  schedulePoll();
  try {
    const accepted = await state.api.upload(file, course, fraction => {
      const percent = Math.round(fraction * 100);
      progress.value = percent;
      li.dataset.progress = String(percent);
      status.textContent = `Uploading ${percent}%`;
    });
    li.dataset.state = 'done';
    li.dataset.documentId = accepted.id;
    progress.value = 100;
    status.textContent = `Uploaded — ingestion ${accepted.status}`;
    announce(`${file.name} uploaded; ingestion queued`);
    refreshDocuments();
  } catch (e) {
    li.dataset.state = 'failed';
    status.classList.add('error');
    const message = e instanceof ApiError ? e.describe() : String(e);
    status.textContent = message;
    announce(`${file.name} was not uploaded: ${message}`);
    handleAuthLoss(e);
  } finally {
    state.uploading--;
  }
}

function wireUploads() {
  const zone = $('drop-zone');
  const input = $('file-input');
  zone.addEventListener('click', () => input.click());
  zone.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  input.addEventListener('change', () => {
    queueUploads(input.files);
    input.value = '';
  });
  zone.addEventListener('dragover', e => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('dragging');
    queueUploads(e.dataTransfer.files);
  });
  // A file dropped next to the zone must not navigate away from the page.
  window.addEventListener('dragover', e => e.preventDefault());
  window.addEventListener('drop', e => e.preventDefault());
}

// ------------------------------------------------------------------------------------------------- search

async function search(query) {
  const results = $('search-results');
  $('search-error').textContent = '';
  if (!query) {
    $('search-error').textContent = 'Type what a learner would ask.';
    $('query').focus();
    return;
  }
  $('search-button').disabled = true;
  try {
    const answer = await state.api.search(query, 10);
    const hits = answer.hits || [];
    results.replaceChildren(...hits.map(hit => resultItem(hit, query)));
    $('search-summary').textContent = hits.length === 0
      ? `No results for “${query}”.` : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”.`;
  } catch (e) {
    if (handleAuthLoss(e)) return;
    results.replaceChildren();
    $('search-summary').textContent = '';
    $('search-error').textContent = e instanceof ApiError ? e.describe() : String(e);
  } finally {
    $('search-button').disabled = false;
  }
}

function resultItem(hit, query) {
  const info = describeHit(hit);
  const li = document.createElement('li');
  li.className = 'result';
  const title = document.createElement('h3');
  title.textContent = info.title;
  const where = document.createElement('p');
  where.className = 'where';
  const parts = [];
  if (info.section) parts.push(`Section: ${info.section}`);
  if (info.page != null) {
    parts.push(info.pageEnd != null && info.pageEnd !== info.page ? `Pages ${info.page}–${info.pageEnd}` : `Page ${info.page}`);
  }
  if (info.fileName && info.fileName !== info.title) parts.push(info.fileName);
  where.textContent = parts.join(' · ');
  const snippet = document.createElement('p');
  snippet.className = 'snippet';
  renderSnippet(snippet, hit, query);
  li.append(title, where, snippet);
  if (info.documentId) {
    const link = document.createElement('a');
    link.className = 'open-original';
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = info.isPdf && info.page != null ? `Open PDF at page ${info.page}` : 'Open the original file';
    link.setAttribute('aria-label', `${link.textContent}: ${info.title}`);
    link.dataset.documentId = info.documentId;
    link.dataset.fragment = info.isPdf && info.page != null ? `#page=${info.page}` : '';
    link.href = '#';
    link.addEventListener('click', e => openOriginal(e, link));
    prepareLink(link);
    li.append(link);
  }
  return li;
}

/** Fetches (or reuses, while it has a minute left) a presigned URL for the link's document. */
async function contentUrl(documentId) {
  const cached = state.contentUrls.get(documentId);
  if (cached && Date.parse(cached.expires_at) - Date.now() > 60_000) return cached;
  const fresh = await state.api.contentUrl(documentId);
  state.contentUrls.set(documentId, fresh);
  return fresh;
}

async function prepareLink(link) {
  try {
    const u = await contentUrl(link.dataset.documentId);
    link.href = u.url + link.dataset.fragment;
    link.dataset.expiresAt = u.expires_at;
  } catch (e) {
    if (handleAuthLoss(e)) return;
    link.removeAttribute('href');
    link.setAttribute('aria-disabled', 'true');
    link.textContent = `Original unavailable: ${e instanceof ApiError ? e.describe() : e}`;
  }
}

/** A link whose URL has expired (results left open for minutes) gets a fresh one before it opens. */
async function openOriginal(event, link) {
  const expiresAt = Date.parse(link.dataset.expiresAt || '');
  if (expiresAt && expiresAt - Date.now() > 15_000) return;  // the browser follows the fresh href
  event.preventDefault();
  const tab = window.open('about:blank', '_blank');
  try {
    const u = await contentUrl(link.dataset.documentId);
    link.href = u.url + link.dataset.fragment;
    link.dataset.expiresAt = u.expires_at;
    if (tab) {
      tab.opener = null;
      tab.location.href = link.href;
    }
  } catch (e) {
    tab?.close();
    if (!handleAuthLoss(e)) $('search-error').textContent = e instanceof ApiError ? e.describe() : String(e);
  }
}

// ------------------------------------------------------------------------------------------------- start

function start() {
  $('sign-in-form').addEventListener('submit', e => {
    e.preventDefault();
    const key = $('api-key').value.trim();
    if (!key) {
      $('sign-in-error').textContent = 'Enter your API key.';
      $('api-key').focus();
      return;
    }
    signIn(key);
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('refresh').addEventListener('click', () => refreshDocuments());
  $('search-form').addEventListener('submit', e => {
    e.preventDefault();
    search($('query').value.trim());
  });
  wireUploads();
  const saved = sessionStorage.getItem(KEY_STORAGE);
  if (saved) {
    signIn(saved, {quiet: true});
  } else {
    $('api-key').focus();
  }
}

start();
