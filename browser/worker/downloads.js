/**
 * The engine's downloads: every file from this site only, each given up on when it
 * stalls, and any file the start cannot do without failing the start at once.
 */

// Joined into the worker (guide/browser.py), import.meta.url is the worker's address.
export const assets = new URL("../", import.meta.url);
export const home = new URL("pyodide/", assets);
// A download that waits this long for its next bytes has stalled (a phone that lost its
// signal): it is given up on. Tests shorten it with the worker's address, ?stall-ms=.
export const STALL_MS = Number(new URL(import.meta.url).searchParams.get("stall-ms")) || 15_000;
// The browser's own fetch, for requests that must not be answered from prefetch().
const network = globalThis.fetch.bind(globalThis);

/**
 * ``name`` beside ``base``, as an address on this site's origin, never another: every
 * file the worker asks for, Pyodide's requests included, comes through here.
 */
export function at(name, base = home) {
  const url = new URL(name, base);
  if (url.origin !== assets.origin) {
    throw new Error(`the engine fetches only from its own site, not ${url.origin}`);
  }
  return url.href;
}

export const fileName = (url) => new URL(url).pathname.split("/").pop();

/**
 * Pyodide only logs an engine file it cannot use: after a runtime that does not compile
 * it waits forever, and a standard library cut on the way fails only once Python starts,
 * after the whole runtime has arrived. Such failures reject this instead, and the start
 * races it, so that they are reported as soon as they happen.
 */
let fail;
export const broken = new Promise((_, reject) => {
  fail = reject;
});
broken.catch(() => {}); // raced by the engine (main.js)

/** An engine file that cannot be used, which fails the start. */
export class Failure extends Error {}

/** ``message`` as an error, which also fails the start. */
export function failure(message) {
  const error = new Failure(message);
  fail(error);
  return error;
}

/** ``error`` as one that fails the start (once is enough: later ones change nothing). */
export const fatal = (error) => (error instanceof Failure ? error : failure(error?.message ?? String(error)));

/** ``promise`` of an engine file the start cannot do without: its failure fails the start. */
export function needed(promise) {
  promise.catch(fatal);
  return promise;
}

// When any engine download last made progress.
let progressed = performance.now();

/**
 * ``promise``, or a rejection once it has waited ``limit`` ms for bytes that do not come.
 * A wait that may be queued behind the other engine files (a response not begun yet, a
 * module, whose bytes cannot be watched) is not stalled while they still make progress.
 */
export function patiently(promise, name, { queued = false, limit = STALL_MS } = {}) {
  return new Promise((resolve, reject) => {
    const since = performance.now();
    const check = () => {
      const idle = performance.now() - (queued ? Math.max(since, progressed) : since);
      if (idle < limit) timer = setTimeout(check, limit - idle);
      else reject(new Error(`${name} stalled: nothing came for ${+(limit / 1000).toFixed(1)} s`));
    };
    let timer = setTimeout(check, limit);
    promise.then(
      (value) => {
        clearTimeout(timer);
        progressed = performance.now();
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The module at ``url``, given up on if it stalls. */
export const load = (url) => patiently(import(url), fileName(url), { queued: true });

/**
 * ``url`` from the network, refused unless it answers OK, and dropped, rejecting (or
 * erroring its body), when it stalls; ``limit`` is how long it may wait for bytes.
 */
export async function fetchOk(url, options, limit = STALL_MS) {
  const name = fileName(url);
  const drop = new AbortController();
  const giveUp = (error) => {
    drop.abort(error);
    throw error;
  };
  const response = await patiently(network(url, { ...options, signal: drop.signal }), name, {
    queued: true,
    limit,
  }).catch(giveUp);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(output) {
      const { done, value } = await patiently(reader.read(), name, { limit }).catch(giveUp);
      if (done) output.close();
      else output.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** All of a response's bytes, read here: the browser's arrayBuffer() hides why a body failed. */
export async function bytes(response) {
  const reader = (await response).body.getReader();
  const parts = [];
  for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(part.value);
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}
