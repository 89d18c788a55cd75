/* global DEPLOY, self, caches, clients, fetch, Response, URL, crypto */
/*
 * The guide's service worker: guide/service_worker.py writes it at the site's root with
 * DEPLOY in front (the deploy's version, every file's path, size and digest, what "Save
 * the whole guide" fetches per language, and the engine's files).
 *
 * It keeps, in one cache per deploy, every page the reader opened and the engine once
 * the browser has it, and answers from that cache first. It keeps a file only if its
 * bytes are this deploy's (the digest), so one cache never holds two deploys. A new
 * deploy's worker takes the previous cache's files that did not change, fetches the
 * changed ones the reader had, takes over at once and deletes the old cache; a page
 * opened before it is stale: its requests are refused, so the reader's next navigation
 * loads a whole page of the new deploy (guide-offline.js makes it a full one).
 * It answers only its own origin's requests, and fetches nothing elsewhere.
 */
const PREFIX = "guide-";
const CACHE = `${PREFIX}${DEPLOY.version}`;
const STALE = "/__stale-clients__";
const ENGINE_WORKER = "assets/javascripts/calculators-worker.js";
const scope = new URL(self.registration.scope);
/** path from the scope → [size, digest] */
const FILES = new Map(DEPLOY.files.map(([path, size, sum]) => [path, [size, sum]]));
const stale = new Set();
let staleRead = null;
const foreign = new Set(); // pages this worker got from a newer deploy: network only

/** The file a same-origin URL names ("x/" is "x/index.html"), or null if not ours. */
function fileOf(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  let path = decodeURIComponent(url.pathname.slice(scope.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return FILES.has(path) ? path : null;
}

/** The URL a file is kept under: a page by its folder, without query or fragment. */
function keyOf(path) {
  return new URL(path.replace(/(^|\/)index\.html$/, "$1"), scope).href;
}

async function digest(buffer) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whether ``response``'s bytes are this deploy's ``path``. */
async function ours(path, response) {
  const body = await response.arrayBuffer();
  return body.byteLength === FILES.get(path)[0] && (await digest(body)) === FILES.get(path)[1];
}

/** Whether this worker still speaks for the site (not replaced by a newer deploy's). */
const current = () => self.serviceWorker?.state !== "redundant";

/** This deploy's cache; never reopened (so made again) by a replaced worker. */
const ownCache = () => (current() ? caches.open(CACHE) : Promise.reject(new Error("a newer deploy took over")));

/** Keep ``response`` (a fresh one) for ``path`` if it is this deploy's; whether it was. */
async function keep(cache, path, response) {
  if (!current()) return false; // a replaced worker's late work would bring its cache back
  if (!response?.ok || response.type !== "basic" || !(await ours(path, response.clone()))) return false;
  await cache.put(keyOf(path), new Response(response.body, response));
  return true;
}

async function isStale(clientId) {
  if (!clientId) return false;
  staleRead ??= ownCache()
    .then((cache) => cache.match(new URL(STALE, scope.origin).href))
    .then((found) => (found ? found.json() : []))
    .then((ids) => ids.forEach((id) => stale.add(id)))
    .catch(() => {});
  await staleRead;
  return stale.has(clientId);
}

self.addEventListener("install", (event) => {
  event.waitUntil(carryOver().then(() => self.skipWaiting()));
});

/** The previous deploys' kept files, as this deploy's: unchanged ones copied, changed ones fetched. */
async function carryOver() {
  const cache = await caches.open(CACHE);
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const path = fileOf(new URL(request.url));
      if (!path || (await cache.match(keyOf(path)))) continue;
      const copied = await keep(cache, path, await old.match(request));
      if (!copied) await keep(cache, path, await fetch(keyOf(path), { cache: "no-cache" }).catch(() => null));
    }
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      if (older.length) {
        // Every page and worker open now was loaded from an older deploy.
        const open = await clients.matchAll({ includeUncontrolled: true, type: "all" });
        open.forEach((client) => stale.add(client.id));
        const cache = await ownCache();
        await cache.put(new URL(STALE, scope.origin).href, new Response(JSON.stringify([...stale])));
      }
      await Promise.all(older.map((name) => caches.delete(name)));
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return; // never another site's
  event.respondWith(answer(event, request, fileOf(url)));
});

async function answer(event, request, path) {
  // A stale page's files are refused; not a navigation from it, which loads a whole page
  // and may carry the stale page's id (browsers differ: w3c/ServiceWorker#1267).
  if (request.mode !== "navigate" && (await isStale(event.clientId))) return Response.error();
  if (foreign.has(event.clientId) || !path || !current()) return fetch(request);
  const cache = await ownCache();
  const hit = await cache.match(keyOf(path));
  if (hit) return hit;
  const response = await fetch(request);
  if (!response.ok || response.type !== "basic") return response;
  if (FILES.get(path)[0] > 1_000_000) {
    // The engine's large files stream on to the page (WebAssembly compiles as it comes).
    event.waitUntil(keep(cache, path, response.clone()).then((kept) => kept || newer()));
    return response;
  }
  const copy = response.clone();
  if (await keep(cache, path, response)) return copy;
  newer();
  if (request.mode === "navigate") {
    // A page of a newer deploy: the reader gets it whole, its files from the network.
    if (event.resultingClientId) foreign.add(event.resultingClientId);
    return copy;
  }
  return Response.error(); // a file of another deploy would make a mixed page
}

/** The network holds a newer deploy: fetch its worker. */
function newer() {
  self.registration.update().catch(() => {});
  return false;
}

/**
 * What writes to the cache, one at a time. A page asks to keep at its first paint and
 * again at load: at once, both would miss the cache and read, hash and store the
 * engine's megabytes twice. After a failure the next one still runs.
 */
let writing = Promise.resolve();
const inTurn = (work) => (writing = writing.catch(() => {}).then(work));

self.addEventListener("message", (event) => {
  const { type, urls, page } = event.data ?? {};
  const reply = event.ports[0];
  const done = (work) => event.waitUntil(work.catch((error) => reply?.postMessage({ error: String(error) })));
  if (type === "keep") done(inTurn(() => keepFromBrowser(urls ?? [])).then(() => reply?.postMessage({ kept: true })));
  else if (type === "status") done(status(page).then((state) => reply?.postMessage(state)));
  else if (type === "save") done(inTurn(() => save(page, reply)));
});

/**
 * The files a page loaded, and the engine if the page started it (its worker's script is
 * among them), from the browser's own cache (never the network: only what the reader
 * already downloaded), if they are this deploy's.
 */
async function keepFromBrowser(urls) {
  const cache = await ownCache();
  const loaded = new Set(urls.map((url) => fileOf(new URL(url, scope))).filter(Boolean));
  const paths = new Set(loaded);
  if (loaded.has(ENGINE_WORKER)) DEPLOY.engine.forEach((index) => paths.add(DEPLOY.files[index][0]));
  for (const path of paths) {
    if (await cache.match(keyOf(path))) continue;
    const cached = await fetch(keyOf(path), { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
    const kept = await keep(cache, path, cached);
    if (!kept && path.endsWith(".html") && loaded.has(path)) {
      await keep(cache, path, await fetch(keyOf(path)).catch(() => null)); // the page itself: small
    }
  }
}

/** The paths "Save the whole guide" fetches for the language of the page at ``page``. */
function toSave(page) {
  const path = new URL(page, scope).pathname.slice(scope.pathname.length);
  const language = Object.keys(DEPLOY.saves)
    .filter((prefix) => path.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return DEPLOY.saves[language ?? ""].map((index) => DEPLOY.files[index][0]);
}

async function status(page) {
  const cache = await ownCache();
  let total = 0;
  let missing = 0;
  for (const path of toSave(page)) {
    const size = FILES.get(path)[0];
    total += size;
    if (!(await cache.match(keyOf(path)))) missing += size;
  }
  return { total, missing, version: DEPLOY.version };
}

/** Fetch what the language's pages, search and engine need that is not kept yet. */
async function save(page, reply) {
  const cache = await ownCache();
  const wanted = [];
  for (const path of toSave(page)) if (!(await cache.match(keyOf(path)))) wanted.push(path);
  const total = wanted.reduce((sum, path) => sum + FILES.get(path)[0], 0);
  let done = 0;
  const queue = [...wanted];
  const fetchOne = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const response = await fetch(keyOf(path), { cache: "no-cache" });
      if (!(await keep(cache, path, response))) {
        newer();
        throw new Error(`${path} is not this deploy's`);
      }
      done += FILES.get(path)[0];
      reply?.postMessage({ progress: done, total });
    }
  };
  await Promise.all([fetchOne(), fetchOne(), fetchOne(), fetchOne()]);
  reply?.postMessage({ saved: true, ...(await status(page)) });
}
