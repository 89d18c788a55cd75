/*
 * Make the engine's memory snapshot: Pyodide started and the calculators imported,
 * then its memory saved, so that a reader's browser skips Python's start-up.
 * Run by engine.py at build time, which packs the output for the browser:
 *   node engine-snapshot.mjs <pyodide folder> <calculators.zip> <output>
 * Pyodide stamps its build id into the snapshot and refuses one from another build;
 * the zip's SHA-256 is kept inside as `calculators_zip_sha256` so the browser can
 * check the snapshot holds the very package served beside it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// Where calculators-worker.js unpacks the package too: files written here are not
// part of the snapshot, only the modules already imported from them are.
const APP_DIR = "/home/pyodide/app";

const [pyodideDir, packagePath, output] = process.argv.slice(2);
try {
  const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
  const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, _makeSnapshot: true });
  const bundle = new Uint8Array(readFileSync(packagePath));
  pyodide.unpackArchive(bundle, "zip", { extractDir: APP_DIR });
  const digest = Buffer.from(await crypto.subtle.digest("SHA-256", bundle)).toString("hex");
  pyodide.runPython(`
import gc, sys
sys.path.insert(0, ${JSON.stringify(APP_DIR)})
import calculators.web
calculators_zip_sha256 = ${JSON.stringify(digest)}
gc.collect()
`);
  writeFileSync(output, pyodide.makeMemorySnapshot());
} catch (error) {
  // Node would print the whole minified line it failed in; the message is what helps.
  console.error(error?.message ?? error);
  process.exitCode = 1;
}
