/*
 * Draws every calculator on a page from the inputs its Python module declares
 * (the build puts the declaration in data-declaration), and asks the Python
 * package, running in Pyodide inside one Web Worker, for the answer.
 * No calculation happens here: this file only draws and forwards.
 *
 * The reader's dates stay in this tab. A shareable link keeps them after the
 * "#", which browsers never send to a server.
 */
(() => {
  "use strict";

  const assets = new URL("..", document.currentScript.src);
  // Pyodide does not always reject when its files fail to load, so stop waiting
  // silently after this long and point the reader to the page's static table.
  const PATIENCE_MS = 10_000;
  const WORKER_MISSING = "the engine's script did not load";
  const engine = { worker: null, state: "idle", detail: "", views: new Set(), waiting: new Map(), next: 0 };

  function startEngine() {
    if (engine.worker) return;
    setEngine("loading", "Loading the calculator engine (Python in your browser)…");
    // The offline build, opened from disk, runs the engine on the page instead. A
    // calculator page's head may already have started the worker (partials/engine.html).
    engine.worker =
      window.calculatorsInlineEngine?.() ??
      window.calculatorsWorker ??
      new Worker(new URL("javascripts/calculators-worker.js", assets), { type: "module" });
    engine.worker.onmessage = ({ data }) => {
      if (data.type === "progress") {
        if (engine.state === "loading") setEngine("loading", data.message);
      } else if (data.type === "ready") setEngine("ready", "");
      else if (data.type === "failed") failEngine(data.message);
      else if (data.type === "answer") {
        engine.waiting.get(data.id)?.(data.answer);
        engine.waiting.delete(data.id);
      }
    };
    engine.worker.onerror = (event) => failEngine(event.message || WORKER_MISSING);
    if (engine.worker.missing) failEngine(WORKER_MISSING);
    engine.worker.postMessage({ type: "start" });
    setTimeout(() => {
      if (engine.state !== "loading") return;
      setEngine(
        "slow",
        "The calculator is taking unusually long to start: the connection may be slow, or this " +
          "browser may be blocking it. Your dates will appear here if it finishes starting; " +
          "until then, the table on this page gives the same rules.",
      );
    }, engine.worker.patienceMs ?? PATIENCE_MS);
  }

  function failEngine(reason) {
    setEngine(
      "failed",
      "The calculator could not start in this browser, so it cannot show your dates. " +
        "The table on this page gives the same rules: add the days to your own date. " +
        `(Reason: ${reason})`,
    );
  }

  function setEngine(state, detail) {
    Object.assign(engine, { state, detail });
    engine.views.forEach((view) => view.showEngine());
  }

  /** Call a function of calculators.web in the worker; resolves to its JSON answer. */
  function ask(fn, slug, inputs) {
    const id = ++engine.next;
    engine.worker.postMessage({ type: "call", id, fn, slug, inputs, today: localToday() });
    return new Promise((resolve) => engine.waiting.set(id, resolve));
  }

  function localToday() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "class") node.className = value;
      else if (key in node && !key.startsWith("aria") && !key.startsWith("data")) node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
    return node;
  }

  const STATE_WORDS = { passed: "Passed", today: "Today", upcoming: "" };

  class View {
    constructor(root) {
      this.root = root;
      this.declaration = JSON.parse(root.dataset.declaration);
      this.sourcesURL = new URL(root.dataset.sources, location.href);
      this.touched = new Set();
      this.latest = 0;
      this.fields = new Map();
      this.draw();
      this.restoreFromLink();
      this.update();
    }

    draw() {
      const slug = this.declaration.slug;
      const form = el("form", { class: "calc__form", noValidate: true, "aria-label": this.declaration.title });
      for (const input of this.declaration.inputs) {
        const id = `calc-${slug}-${input.name}`;
        const control =
          input.kind === "date"
            ? el("input", { type: "date", id, name: input.name, min: input.min, max: input.max })
            : el(
                "select",
                { id, name: input.name },
                el("option", { value: "" }, "Choose…"),
                ...input.choices.map((choice) => el("option", { value: choice.value }, choice.label)),
              );
        if (input.required) control.setAttribute("aria-required", "true");
        control.setAttribute("aria-describedby", `${id}-error ${id}-help`);
        const error = el("p", { class: "calc__error", id: `${id}-error`, hidden: true });
        const label = el("label", { htmlFor: id }, input.label, !input.required && el("span", { class: "calc__optional" }, " (if you have it)"));
        form.append(
          el("div", { class: "calc__field" }, label, control, error, el("p", { class: "calc__help", id: `${id}-help` }, input.help)),
        );
        this.fields.set(input.name, { control, error });
        const touch = () => {
          this.touched.add(input.name);
          this.update();
        };
        control.addEventListener("input", touch);
        control.addEventListener("change", touch);
      }
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.fields.forEach((_, name) => this.touched.add(name));
        this.update();
      });
      this.engineLine = el("p", { class: "calc__engine", role: "status" });
      this.output = el("div", { class: "calc__output", "aria-live": "polite", "aria-atomic": "true" });
      this.actions = el("div", { class: "calc__actions", hidden: true });
      this.root.replaceChildren(form, this.engineLine, this.output, this.actions);
      this.root.dataset.mounted = "true";
      this.showEngine();
    }

    /** Fill the form from a shared link: #shipped=2026-03-02&carrier=DHL */
    restoreFromLink() {
      const params = new URLSearchParams(location.hash.slice(1));
      for (const [name, { control }] of this.fields) {
        if (!params.has(name)) continue;
        control.value = params.get(name);
        this.touched.add(name);
      }
    }

    values() {
      return Object.fromEntries([...this.fields].map(([name, field]) => [name, field.control.value]));
    }

    rememberInLink(inputs) {
      const filled = Object.entries(inputs).filter(([, value]) => value !== "");
      const hash = filled.length ? `#${new URLSearchParams(filled)}` : "";
      if (hash !== location.hash) history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    }

    showEngine() {
      const { state, detail } = engine;
      this.root.dataset.engine = state;
      this.engineLine.replaceChildren(
        ...(state === "loading" ? [el("progress", { "aria-label": "Loading the calculator engine" }), " "] : []),
        detail,
      );
      this.engineLine.hidden = state === "ready";
    }

    async update() {
      const inputs = this.values();
      if (this.touched.size) this.rememberInLink(inputs);
      if (engine.state === "failed") return;
      if (Object.values(inputs).every((value) => value === "") && this.touched.size === 0) {
        this.output.replaceChildren(el("p", { class: "calc__prompt" }, "Enter your dates to see your deadlines."));
        this.actions.hidden = true;
        return;
      }
      const ticket = ++this.latest;
      const answer = await ask("run", this.declaration.slug, inputs);
      if (ticket !== this.latest || !this.root.isConnected) return;
      this.showProblems(answer.ok ? {} : answer.problems);
      if (answer.ok) this.showResult(answer.result);
      else this.showPending(answer.problems);
    }

    showProblems(problems) {
      for (const [name, { control, error }] of this.fields) {
        const message = this.touched.has(name) ? problems[name] : undefined;
        error.textContent = message ?? "";
        error.hidden = !message;
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }

    showPending(problems) {
      const missing = this.declaration.inputs.filter((input) => problems[input.name]).map((input) => input.label);
      const general = problems[""];
      this.actions.hidden = true;
      this.output.replaceChildren(
        el("p", { class: "calc__prompt" }, general ?? `To see your deadlines, check: ${missing.join(", ")}.`),
      );
    }

    showResult(result) {
      this.output.replaceChildren(
        el("p", { class: `calc__summary calc__summary--${result.status}` }, result.summary),
        el("p", { class: "calc__given" }, result.given.map((item) => `${item.label}: ${item.text}`).join(" · ")),
        el("ol", { class: "calc__deadlines" }, ...result.deadlines.map((deadline) => this.deadline(deadline))),
        ...result.notes.map((note) =>
          el(
            "div",
            { class: `admonition ${note.kind === "warning" ? "warning" : "note"} calc__note` },
            el("p", {}, note.text, ...(note.sources.length ? [" (", ...this.cite(note.sources), ")"] : [])),
          ),
        ),
        el("p", { class: "calc__today" }, `Counted from today, ${result.today_text}.`),
      );
      this.showActions(result);
    }

    deadline(deadline) {
      const when = deadline.earliest
        ? [el("time", { dateTime: deadline.earliest }, deadline.earliest_text), " to ", el("time", { dateTime: deadline.date }, deadline.date_text)]
        : [el("time", { dateTime: deadline.date }, deadline.date_text)];
      return el(
        "li",
        { class: `calc__deadline calc__deadline--${deadline.state}`, "data-key": deadline.key },
        el("span", { class: "calc__label" }, deadline.label),
        el("span", { class: "calc__date" }, ...when),
        el("span", { class: "calc__when" }, STATE_WORDS[deadline.state] ? `${STATE_WORDS[deadline.state]} · ` : "", deadline.from_today),
        el("span", { class: "calc__rule" }, `${deadline.rule} · `, ...this.cite(deadline.sources)),
        deadline.advice && el("span", { class: "calc__advice" }, deadline.advice),
        ...deadline.others.map((other) =>
          el(
            "span",
            { class: "calc__disagree" },
            `Sources disagree: ${other.rule} (`,
            ...this.cite(other.sources),
            `) gives ${other.date_text}. This plan keeps the safer date above.`,
          ),
        ),
      );
    }

    showActions(result) {
      const upcoming = result.deadlines.filter((deadline) => deadline.state !== "passed").length;
      const calendar = el("button", { type: "button", class: "md-button" }, "Add to my calendar (.ics)");
      calendar.disabled = upcoming === 0;
      calendar.addEventListener("click", () => this.saveCalendar());
      const link = el("input", { type: "text", readOnly: true, value: location.href, class: "calc__link", "aria-label": "Link to these dates" });
      const copy = el("button", { type: "button", class: "md-button" }, "Copy link");
      const said = el("span", { class: "calc__said", role: "status" });
      copy.addEventListener("click", async () => {
        link.select();
        try {
          await navigator.clipboard.writeText(link.value);
          said.textContent = "Link copied.";
        } catch {
          said.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link.";
        }
      });
      this.actions.replaceChildren(
        el("p", {}, calendar, " ", upcoming ? `${upcoming} upcoming, each with a reminder two days before.` : "Every date has passed."),
        el("p", { class: "calc__share" }, el("span", {}, "Come back to these dates later: "), link, " ", copy, " ", said),
        el("p", { class: "calc__privacy" }, "Your dates stay in this browser. The link keeps them after the # sign, which is never sent to any server."),
      );
      this.actions.hidden = false;
    }

    async saveCalendar() {
      const answer = await ask("calendar", this.declaration.slug, this.values());
      if (!answer.ok) return;
      const file = new Blob([answer.ics], { type: "text/calendar" });
      const link = el("a", { href: URL.createObjectURL(file), download: `aliexpress-${this.declaration.slug}.ics` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }

    cite(sources) {
      const links = sources.flatMap((source, index) => [
        index ? ", " : "",
        el("a", { href: new URL(`#source-${source.key}`, this.sourcesURL).href, title: source.title }, source.key),
      ]);
      return [sources.length > 1 ? "sources " : "source ", ...links];
    }
  }

  function mountAll() {
    engine.views.forEach((view) => view.root.isConnected || engine.views.delete(view));
    const roots = document.querySelectorAll(".calc[data-calculator]:not([data-mounted])");
    if (roots.length === 0) return;
    startEngine();
    roots.forEach((root) => engine.views.add(new View(root)));
  }

  // Material's instant navigation swaps pages without reloading this script, and
  // announces each page on document$ (which stays silent on file://). Mounting
  // twice is harmless: a mounted calculator is marked and skipped.
  window.document$?.subscribe(mountAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
