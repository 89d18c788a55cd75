/*
 * Build the engine's files from the pinned Pyodide, with Node, at build time:
 *   node engine-build.mjs <pyodide folder> <calculators.zip> <output folder> <runtime copy>
 * writes the runtime's Brotli copy to <runtime copy> unless it is there already (it
 * depends on Pyodide alone, and is most of the build's time), and into the output folder:
 *   python_stdlib.zip  only the standard library the engine imports, compiled and
 *                      without docstrings or line tables, so no compiling on the
 *                      reader's phone; stored, not deflated, so that its Brotli copy
 *                      (a fifth of Pyodide's zip) compresses across modules;
 *   pyodide-lock.json  the lock without packages (the calculators need none);
 *   *.br               Brotli copies of that library and the package (and the runtime): a
 *                      fifth to two fifths smaller than a host's gzip or a deflated zip,
 *                      and bytes are what a phone's download time is made of;
 *   memory             a snapshot of the started engine with the calculators imported.
 * Before the snapshot, a fresh engine started on the trimmed library runs every
 * calculator, so a module missing from the cut fails the build, not the reader; it
 * fails before any Brotli copy is made, which takes longer than the rest.
 * Pyodide stamps its build id into the snapshot; the zip's SHA-256 is kept inside as
 * `calculators_zip_sha256` so the browser can check it holds the package served beside it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { pathToFileURL } from "node:url";

// A neutral environment: nothing of the build machine (paths, user) enters the engine.
const ENV = { HOME: "/home/pyodide", USER: "pyodide", LANG: "C.UTF-8" };
// Emscripten names the program after the script Node runs, and Python keeps that name
// (sys.executable, the "_" variable) in the snapshot: the name a browser's start gives.
process.argv[1] = "./this.program";

// The engine is set up and asked as the pages do, through the one bridge the worker and
// the offline page use (a plain script that defines globalThis.calculatorsBridge).
await import(new URL("../docs/assets/javascripts/calculators-bridge.js", import.meta.url).href);
const bridge = globalThis.calculatorsBridge;

// Every calculator, both functions, every language and the refusals, as pages ask them.
const REQUESTS = `
import json
import calculators
from calculators.words import LANGUAGES
samples = {"date": "2026-03-02", "days": "5"}
requests = []
for slug, calculator in calculators.CALCULATORS.items():
    inputs = {
        spec.name: samples.get(spec.kind) or spec.choices[0].value
        for spec in calculator.inputs
        if spec.name != "rejected"  # a dispute is resolved or rejected, not both
    }
    for fn, lang in zip(("run", "calendar") * len(LANGUAGES), LANGUAGES):
        for today in ("2026-03-10", "2026-01-01", "not a date"):
            requests.append({"fn": fn, "slug": slug, "inputs": inputs, "today": today,
                             "label": "x", "lang": lang, "answers": today == "2026-03-10"})
    requests.append({"fn": "run", "slug": slug, "inputs": {"shipped": "2026-02-30"}, "today": "2026-03-10"})
json.dumps(requests)
`;

const [pyodideDir, packagePath, output, runtimeCopy] = process.argv.slice(2);
const indexURL = `${pyodideDir}/`;
const bundle = new Uint8Array(readFileSync(packagePath));

async function engine(options = {}) {
  const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
  const pyodide = await loadPyodide({ indexURL, env: ENV, ...options });
  const web = bridge.setup(pyodide, bundle);
  for (const [id, request] of JSON.parse(pyodide.runPython(REQUESTS)).entries()) {
    const reply = await bridge.reply(web, { ...request, id });
    if (reply.error) throw new Error(`${request.slug} ${request.fn}: ${reply.error}`);
    if (request.answers && !reply.answer.ok) {
      throw new Error(`${request.slug} ${request.fn}: ${JSON.stringify(reply.answer)}`);
    }
  }
  web.call("{not json");
  web.destroy();
  return pyodide;
}

/** The standard library the engine imported, compiled in the engine's own Python. */
function trimmedLibrary(pyodide) {
  pyodide.FS.writeFile("/tmp/stdlib.zip", new Uint8Array(readFileSync(`${pyodideDir}/python_stdlib.zip`)));
  pyodide.runPython(`
import importlib.util, marshal, sys, types, zipfile

def stripped(code):
    consts = tuple(stripped(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

def module(name):
    return name[:-3].replace("/", ".").removesuffix(".__init__")

imported = set(sys.modules)
source = zipfile.ZipFile("/tmp/stdlib.zip")
with zipfile.ZipFile("/tmp/trimmed.zip", "w", zipfile.ZIP_STORED) as trimmed:
    for name in sorted(source.namelist()):
        if name.endswith(".py") and module(name) in imported:
            code = compile(source.read(name), name, "exec", optimize=2, dont_inherit=True)
            entry = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
            header = importlib.util.MAGIC_NUMBER + bytes(12)
            trimmed.writestr(entry, header + marshal.dumps(stripped(code)))
`);
  return pyodide.FS.readFile("/tmp/trimmed.zip");
}

/** ``data`` in Brotli at its smallest: the build pays the time once, every reader gains. */
function brotli(data) {
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  };
  return brotliCompressSync(data, { params });
}

try {
  mkdirSync(output, { recursive: true });
  const library = trimmedLibrary(await engine());
  writeFileSync(`${output}/python_stdlib.zip`, library);
  const lock = JSON.parse(readFileSync(`${pyodideDir}/pyodide-lock.json`, "utf8"));
  writeFileSync(`${output}/pyodide-lock.json`, JSON.stringify({ info: lock.info, packages: {} }));

  const digest = Buffer.from(await crypto.subtle.digest("SHA-256", bundle)).toString("hex");
  const checked = await engine({
    stdLibURL: `${output}/python_stdlib.zip`,
    lockFileURL: `${output}/pyodide-lock.json`,
    _makeSnapshot: true,
  });
  checked.runPython(`calculators_zip_sha256 = ${JSON.stringify(digest)}\nimport gc\ngc.collect()`);
  writeFileSync(`${output}/memory`, checked.makeMemorySnapshot());

  writeFileSync(`${output}/python_stdlib.zip.br`, brotli(library));
  writeFileSync(`${output}/calculators.zip.br`, brotli(bundle));
  if (!existsSync(runtimeCopy)) {
    mkdirSync(dirname(runtimeCopy), { recursive: true });
    const partial = `${runtimeCopy}.${process.pid}`; // another build may be making it too
    writeFileSync(partial, brotli(readFileSync(`${pyodideDir}/pyodide.asm.wasm`)));
    renameSync(partial, runtimeCopy);
  }
} catch (error) {
  // Node would print the whole minified line it failed in; the message is what helps.
  console.error(error?.message ?? error);
  process.exitCode = 1;
}
