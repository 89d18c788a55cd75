// The engine worker's downloads: a stall is given up on, a Brotli copy that breaks off
// is finished from the plain file, and a damaged copy is reported, not decoded wrongly.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, mock, test } from "node:test";
import { brotliCompressSync } from "node:zlib";

import { unpacked, unpacking } from "../../browser/worker/brotli.js";
import { at, bytes, fetchOk, patiently } from "../../browser/worker/downloads.js";

const flush = () => new Promise((resolve) => setImmediate(resolve));

/**
 * setTimeout and performance.now under the test's hand, so that no wait depends on how
 * busy the machine is. Node 20's mock timers leave performance.now alone, so it reads the
 * mocked Date, which moves with the timers.
 */
function fakeClock(t) {
  mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 });
  performance.now = () => Date.now();
  t.after(() => {
    mock.timers.reset();
    delete performance.now;
  });
  return {
    async tick(ms) {
      mock.timers.tick(ms);
      await flush();
    },
  };
}

/** Whether ``promise`` has settled yet, without waiting for it. */
async function settled(promise) {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await flush();
  return done;
}

const never = new Promise(() => {});

test("a wait for bytes that do not come is given up on after its limit, naming the file", async (t) => {
  const clock = fakeClock(t);
  const waiting = patiently(never, "pyodide.asm.wasm.br", { limit: 2000 });
  await clock.tick(1999);
  assert.equal(await settled(waiting), false);
  await clock.tick(2);
  await assert.rejects(waiting, { message: "pyodide.asm.wasm.br stalled: nothing came for 2 s" });
});

test("a wait queued behind other downloads lasts as long as they make progress", async (t) => {
  const clock = fakeClock(t);
  const queued = patiently(never, "pyodide.asm.mjs", { queued: true, limit: 1000 });
  for (let k = 0; k < 5; k++) {
    await clock.tick(600);
    await patiently(Promise.resolve(), "pyodide.asm.wasm.br");
  }
  await clock.tick(999);
  assert.equal(await settled(queued), false);
  await clock.tick(2);
  await assert.rejects(queued, /pyodide\.asm\.mjs stalled/);
});

test("the engine asks only its own site for files", () => {
  assert.equal(at("pyodide.asm.wasm"), new URL("../../browser/pyodide/pyodide.asm.wasm", import.meta.url).href);
  assert.throws(() => at("https://cdn.example/pyodide.asm.wasm"), {
    message: "the engine fetches only from its own site, not https://cdn.example",
  });
});

// A site on a loopback port whose files answer, fail or stall as each test needs.
// Numbers that do not repeat: Brotli gives them out as it reads, not all at the end.
const plain = Buffer.from(Array.from({ length: 20_000 }, (_, k) => `${k} ${Math.sin(k)}\n`).join(""));
const packed = brotliCompressSync(plain);
const routes = new Map();
const asked = [];
let server;
let site;

before(async () => {
  server = createServer((request, response) => {
    asked.push(request.url);
    const route = routes.get(request.url);
    if (route) route(response);
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test("a file that is not there is refused with its address and status", async () => {
  await assert.rejects(fetchOk(`${site}/gone/pyodide.mjs`), { message: "/gone/pyodide.mjs answered 404" });
});

test("a body that stops coming is given up on, and its download dropped", async () => {
  let dropped;
  const closed = new Promise((resolve) => (dropped = resolve));
  routes.set("/stalls/pyodide.asm.wasm", (response) => {
    response.on("close", dropped);
    response.writeHead(200).write(plain.subarray(0, 1000));
  });
  await assert.rejects(bytes(fetchOk(`${site}/stalls/pyodide.asm.wasm`, {}, 200)), {
    message: "pyodide.asm.wasm stalled: nothing came for 0.2 s",
  });
  await closed;
});

test("without a Brotli copy the plain file is used", async (t) => {
  t.mock.method(console, "warn", () => {});
  routes.set("/plain/python_stdlib.zip", (response) => response.writeHead(200).end(plain));
  const got = await bytes(unpacked(`${site}/plain/python_stdlib.zip`));
  assert.deepEqual(Buffer.from(got), plain);
  assert.ok(asked.includes("/plain/python_stdlib.zip.br"));
});

test("a Brotli copy that breaks off is finished from the plain file, without repeating a byte", async (t) => {
  const warned = t.mock.method(console, "warn", () => {});
  let breakOff;
  routes.set("/breaks/python_stdlib.zip.br", (response) => {
    response.writeHead(200, { "Content-Encoding": "br" }).write(packed.subarray(0, packed.length / 2));
    breakOff = () => response.destroy();
  });
  routes.set("/breaks/python_stdlib.zip", (response) => response.writeHead(200).end(plain));
  const reader = (await unpacked(`${site}/breaks/python_stdlib.zip`)).body.getReader();
  const first = await reader.read(); // from the copy, before it breaks off
  assert.ok(first.value.length > 0);
  breakOff();
  const parts = [first.value];
  for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(part.value);
  assert.deepEqual(Buffer.concat(parts), plain);
  assert.ok(asked.includes("/breaks/python_stdlib.zip"));
  assert.match(warned.mock.calls.at(-1).arguments[0], /fetching the plain python_stdlib\.zip/);
});

/** The pinned decoder the build copies beside the runtime (guide/engine.py). */
async function decoder() {
  const pkg = new URL("../../node_modules/brotli-dec-wasm/pkg/", import.meta.url);
  const module = await import(new URL("brotli_dec_wasm.js", pkg));
  await module.default({
    module_or_path: await WebAssembly.compile(readFileSync(new URL("brotli_dec_wasm_bg.wasm", pkg))),
  });
  return module;
}

/** ``data`` in small pieces through the worker's unpacking, as a download gives them. */
async function unpack(data) {
  const pieces = [];
  for (let start = 0; start < data.length; start += 4096) pieces.push(data.subarray(start, start + 4096));
  const body = new Blob(pieces).stream().pipeThrough(unpacking(await decoder(), `${site}/pyodide.asm.wasm`));
  return Buffer.from(await new Response(body).arrayBuffer());
}

test("a Brotli copy is unpacked piece by piece", async () => {
  assert.deepEqual(await unpack(packed), plain);
});

test("a damaged or cut Brotli copy is reported, never used", async () => {
  await assert.rejects(
    unpack(Buffer.from("not Brotli at all, just text")),
    /^Error: pyodide\.asm\.wasm\.br is damaged/,
  );
  await assert.rejects(unpack(packed.subarray(0, packed.length - 100)), {
    message: "pyodide.asm.wasm.br is cut short",
  });
});
