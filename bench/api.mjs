// A small PBS API client for the deck server's simulator: ticket login, cookie, CSRF header, timings.

export async function login(url, username = 'root@pam', password = 'demo') {
  const res = await fetch(`${url}/api2/json/access/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  if (!res.ok) throw new Error(`login: HTTP ${res.status} ${await res.text()}`);
  const { data } = await res.json();
  return { cookie: `PBSAuthCookie=${encodeURIComponent(data.ticket)}`, csrf: data.CSRFPreventionToken };
}

/** One API call; `ms` is the wall time from sending to the whole body read. */
export async function call(url, auth, method, path, form) {
  const headers = { cookie: auth.cookie };
  if (method !== 'GET') {
    headers.CSRFPreventionToken = auth.csrf;
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const t0 = performance.now();
  const res = await fetch(`${url}/api2/json${path}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : new URLSearchParams(form ?? {}).toString(),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, ms, text, bytes: Buffer.byteLength(text), data: json?.data };
}

export async function simControl(url, action, body) {
  const res = await fetch(`${url}/__sim/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/__sim/${action}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export async function stores(url, auth) {
  const r = await call(url, auth, 'GET', '/admin/datastore');
  return r.data.map((d) => d.store);
}
