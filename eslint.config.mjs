// The project's JavaScript: browser pages, the engine's module worker, and Node build scripts.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser, document$: "readonly" } },
  },
  {
    // The calculators' page script, in modules of one job each, joined at build (guide/browser.py).
    files: ["browser/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser, document$: "readonly" } },
  },
  {
    // The engine's module worker, joined the same way.
    files: ["browser/worker/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: ["guide/**/*.mjs", ".ci/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: "error",
      "prefer-const": "error",
    },
  },
];
