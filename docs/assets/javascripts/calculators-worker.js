/*
 * The calculator engine: Pyodide and the `calculators` Python package, started
 * once and kept for the whole visit. Messages in: {type: "start", packageURL},
 * {type: "call", id, fn, slug, inputs, today} where fn is a function of
 * calculators.web. Messages out: progress, ready, failed, and
 * {type: "answer", id, answer} with that function's JSON answer.
 */
const CALLABLE = new Set(["run", "calendar"]);
const pyodideHome = new URL("../pyodide/", import.meta.url).href;
const APP_DIR = "/home/pyodide/app";
let engine = null;

function start(packageURL) {
  engine ??= (async () => {
    postMessage({ type: "progress", message: "Downloading the calculator engine…" });
    const { loadPyodide } = await import(`${pyodideHome}pyodide.mjs`);
    const pyodide = await loadPyodide({ indexURL: pyodideHome });
    postMessage({ type: "progress", message: "Loading the calculators…" });
    const response = await fetch(packageURL, { cache: "no-cache" });
    if (!response.ok) throw new Error(`the calculators package answered ${response.status}`);
    pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: APP_DIR });
    pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(APP_DIR)})`);
    return pyodide.pyimport("calculators.web");
  })();
  engine.then(
    () => postMessage({ type: "ready" }),
    (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
  );
}

onmessage = async ({ data }) => {
  if (data.type === "start") start(data.packageURL);
  else if (data.type === "call" && CALLABLE.has(data.fn)) {
    const web = await engine;
    const answer = JSON.parse(web[data.fn](data.slug, JSON.stringify(data.inputs), data.today));
    postMessage({ type: "answer", id: data.id, answer });
  }
};
