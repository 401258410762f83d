// The service's HTTP API as the page uses it. The API key travels only in the X-API-Key header.

/** An error answer of the API (RFC 7807 problem details), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, title, detail, errors = []) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  /** A sentence for people: what went wrong and, where the server said, what to do. */
  describe() {
    const lead = {
      0: 'The service could not be reached',
      401: 'Your API key was not accepted',
      403: 'Your API key may not do this',
      404: 'Not found',
      413: 'File too large',
      415: 'Unsupported file type',
    }[this.status] || this.title || `Request failed (${this.status})`;
    const parts = [lead];
    if (this.detail && this.detail !== lead) parts.push(this.detail);
    for (const e of this.errors) parts.push(`${e.field}: ${e.message}`);
    return parts.join(' — ') + (this.status ? ` (HTTP ${this.status})` : '');
  }
}

async function problemOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall back to the status line
  }
  return problemFromBody(response.status, body, response.statusText);
}

function problemFromBody(status, body, statusText) {
  if (body && typeof body === 'object') {
    return new ApiError(status, String(body.title || statusText || ''), body.detail ? String(body.detail) : '',
      Array.isArray(body.errors) ? body.errors.map(e => ({field: String(e.field), message: String(e.message)})) : []);
  }
  return new ApiError(status, statusText || '', '');
}

export class Api {
  constructor(key, base = '') {
    this.key = key;
    this.base = base;
  }

  async request(method, path, body) {
    const headers = {'X-API-Key': this.key, 'Accept': 'application/json, application/problem+json'};
    const init = {method, headers, cache: 'no-store', credentials: 'omit'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(this.base + path, init);
    } catch (e) {
      throw new ApiError(0, 'Network error', String(e.message || e));
    }
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return null;
    return response.json();
  }

  listDocuments(page = 0, size = 100) {
    return this.request('GET', `/api/v1/documents?page=${page}&size=${size}`);
  }

  deleteDocument(id) {
    return this.request('DELETE', `/api/v1/documents/${encodeURIComponent(id)}`);
  }

  contentUrl(id) {
    return this.request('GET', `/api/v1/documents/${encodeURIComponent(id)}/content-url`);
  }

  search(query, k = 10) {
    return this.request('POST', '/api/v1/search', {query, k});
  }

  /**
   * Uploads one file with XMLHttpRequest, whose upload events report progress (fetch has none).
   * Resolves with the accepted document; rejects with an ApiError.
   */
  upload(file, course, onProgress) {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (course) form.append('course', course);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.base + '/api/v1/documents');
      xhr.setRequestHeader('X-API-Key', this.key);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.responseType = 'text';
      xhr.upload.addEventListener('progress', e => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      });
      xhr.addEventListener('load', () => {
        let body = null;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          body = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(1);
          resolve(body);
        } else {
          reject(problemFromBody(xhr.status, body, xhr.statusText));
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, 'Network error',
        'The upload was interrupted; the server may have refused it (a file over its size limit, say)')));
      xhr.send(form);
    });
  }
}
