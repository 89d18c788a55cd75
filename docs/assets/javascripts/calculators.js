/*
 * Draws every calculator on a page from the declaration its Python module makes (the
 * build puts it in data-declaration, words included), and asks the Python package,
 * running in Pyodide inside one Web Worker, for the answer. No calculation and no
 * wording happens here: this file only draws what Python says and forwards input.
 *
 * The reader's dates travel with them for the whole visit, from one calculator to the
 * next, and in the page's link after the "#", which browsers never send to a server.
 * They are kept on the device only if the reader asks for it.
 */
(() => {
  "use strict";

  const assets = new URL("..", document.currentScript.src);
  // Pyodide does not always reject when its files fail to load, so after this long
  // the reader is told, and pointed to the page's static table meanwhile.
  const PATIENCE_MS = 10_000;
  const STORAGE_KEY = "aliexpress-guide:order";
  const TICKS_KEY = "aliexpress-guide:evidence";
  // The ticked items' words, for the case summary on another page; kept with the ticks.
  const EVIDENCE_KEY = "aliexpress-guide:evidence-words";
  // Each state's icon, named for what it shows: a clock to wait, a calendar with its day
  // marked to act by a date (never a tick, which reads "done"), a warning, a cross.
  const ICONS = {
    wait: ["clock", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 5v5.4l3.6 2.1-1 1.7L11 13.6V7h2Z"],
    act: [
      "calendar",
      "M17 12h-5v5h5v-5ZM16 1v2H8V1H6v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2h-1V1h-2Zm3 18H5V8h14v11Z",
    ],
    urgent: ["warning", "M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z"],
    late: [
      "cross",
      "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm5 13.6L15.6 17 12 13.4 8.4 17 " +
        "7 15.6 10.6 12 7 8.4 8.4 7l3.6 3.6L15.6 7 17 8.4 13.4 12l3.6 3.6Z",
    ],
  };

  /* The engine: one worker for the whole visit; every question to it gets an answer. */
  const engine = { worker: null, state: "idle", reason: "", views: new Set(), waiting: new Map(), next: 0 };

  function startEngine() {
    if (engine.worker) return;
    setEngine("loading");
    // The offline build, opened from disk, runs the engine on the page instead. A
    // calculator page's head may already have started the worker (partials/engine.html).
    engine.worker =
      window.calculatorsInlineEngine?.() ??
      window.calculatorsWorker ??
      new Worker(new URL("javascripts/calculators-worker.js", assets), { type: "module" });
    engine.worker.onmessage = ({ data }) => {
      if (data.type === "ready") setEngine("ready");
      else if (data.type === "failed") failEngine(data.message);
      else if (data.type === "answer") {
        if (data.error) console.error(`The calculator engine could not answer: ${data.error}`);
        settle(data.id, data.answer ?? { ok: false, error: true, problems: {} });
      }
    };
    engine.worker.onerror = (event) => failEngine(event.message || "the engine's script did not load");
    if (engine.worker.missing) failEngine("the engine's script did not load");
    engine.worker.postMessage({ type: "start" });
    setTimeout(() => engine.state === "loading" && setEngine("slow"), engine.worker.patienceMs ?? PATIENCE_MS);
  }

  function failEngine(reason) {
    console.error(`The calculator engine failed: ${reason}`);
    setEngine("failed");
    for (const id of [...engine.waiting.keys()]) settle(id, { ok: false, failed: true, problems: {} });
  }

  function setEngine(state) {
    engine.state = state;
    engine.views.forEach((view) => view.showEngine());
  }

  function settle(id, answer) {
    engine.waiting.get(id)?.(answer);
    engine.waiting.delete(id);
  }

  /** Call a function of calculators.web in the worker; always settles, with its JSON answer. */
  function ask(fn, slug, inputs, extra = {}) {
    if (engine.state === "failed") return Promise.resolve({ ok: false, failed: true, problems: {} });
    const id = ++engine.next;
    const lang = document.documentElement.lang || "en";
    engine.worker.postMessage({ type: "call", id, fn, slug, inputs, today: localToday(), lang, ...extra });
    return new Promise((resolve) => engine.waiting.set(id, resolve));
  }

  function localToday() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  /* The reader's order: every fact they gave, kept for the visit, on the device if asked. */
  const order = {
    facts: new Map(),
    remembered: false,
    known: new Set(),

    load() {
      const saved = readSaved(STORAGE_KEY, (value) => value?.constructor === Object);
      if (!saved) return;
      this.replace(Object.entries(saved));
      this.remembered = true;
    },
    replace(entries) {
      this.facts = new Map(entries.filter(([, value]) => typeof value === "string" && value !== ""));
    },
    set(name, value) {
      if (value === "") this.facts.delete(name);
      else this.facts.set(name, value);
      this.save();
    },
    save() {
      if (this.remembered)
        storage((store) => store.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(this.facts))));
    },
    remember(on) {
      this.remembered = on;
      if (on) this.save();
      else storage((store) => [STORAGE_KEY, TICKS_KEY, EVIDENCE_KEY].forEach((key) => store.removeItem(key)));
    },
    /** The order as a link's fragment: #shipped=2026-03-02&carrier=DHL */
    fragment() {
      return this.facts.size ? `#${new URLSearchParams([...this.facts])}` : "";
    },
    fromFragment(hash) {
      const params = new URLSearchParams(hash.slice(1));
      return [...params].filter(([name, value]) => this.known.has(name) && value !== "");
    },
  };

  /** Copy text for the reader; where the browser refuses, select it for Ctrl+C instead. */
  async function copyText(text, node) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      if (node.select) node.select();
      else getSelection().selectAllChildren(node);
      return false;
    }
  }

  /** Run something against localStorage, which embeds in strict browsers may not reach. */
  function storage(use) {
    try {
      return use(window.localStorage);
    } catch {
      return null;
    }
  }

  /**
   * What this script saved under ``key``, if it is there and ``fits``. Saved data that
   * cannot be read (edited by hand, or by another version of this script) is dropped, with a line saying so,
   * rather than stopping the page on every visit.
   */
  function readSaved(key, fits) {
    const text = storage((store) => store.getItem(key));
    if (text === null) return null;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (fits(value)) return value;
    console.warn(`Dropped what this site saved as ${key} on this device: it could not be read.`);
    storage((store) => store.removeItem(key));
    return null;
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key in node && !key.startsWith("aria") && !key.startsWith("data")) node[key] = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
    return node;
  }

  function icon(state) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "calc__icon");
    const [shape, drawing] = ICONS[state];
    svg.dataset.icon = shape;
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", drawing);
    svg.append(path);
    return svg;
  }

  /**
   * Dates as the page's language types them, from the engine's pattern ("{day:02}/{month:02}/{year}"):
   * ``show`` turns a link's ISO date into what the field shows, ``read`` turns what the reader
   * typed back into ISO when its three numbers are plain, and otherwise leaves it to the
   * engine, which reads dates in words too and says what is wrong.
   */
  function typedDates(pattern) {
    const parts = [...pattern.matchAll(/\{(\w+)/g)].map((match) => match[1]);
    const pad = (number) => number.padStart(2, "0");
    return {
      /** How long a whole date is, typed this way ("14/10/2026": 10). */
      length: pattern.replace(/\{(\w+)[^}]*\}/g, (_, name) => (name === "year" ? "0000" : "00")).length,
      show(iso) {
        const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
        if (!match) return iso;
        const said = { year: match[1], month: pad(match[2]), day: pad(match[3]) };
        return pattern.replace(/\{(\w+)[^}]*\}/g, (_, name) => said[name]);
      },
      read(text) {
        const numbers = text.trim().split(/\s*[-/. ]\s*/);
        if (numbers.length !== 3 || !numbers.every((number) => /^\d{1,4}$/.test(number))) return null;
        const iso = /^\d{4}$/.test(numbers[0]) ? ["year", "month", "day"] : parts;
        const said = Object.fromEntries(iso.map((name, index) => [name, numbers[index]]));
        if (!/^\d{4}$/.test(said.year) || said.day.length > 2 || said.month.length > 2) return null;
        return `${said.year}-${pad(said.month)}-${pad(said.day)}`;
      },
    };
  }

  class View {
    constructor(root) {
      this.root = root;
      this.declaration = JSON.parse(root.dataset.declaration);
      this.ui = this.declaration.ui;
      this.dates = typedDates(this.ui.dates.typed);
      this.slug = this.declaration.slug;
      this.sourcesURL = new URL(root.dataset.sources, location.href);
      this.beyondURL = new URL(root.dataset.beyond, location.href);
      this.rightsURL = new URL(root.dataset.rights, location.href);
      this.fields = new Map();
      this.shown = new Set(); // fields whose problems may be shown: left, completed or submitted
      this.edited = false;
      this.latest = 0;
      this.result = null;
      this.declaration.facts.forEach((name) => order.known.add(name));
      this.draw();
      this.restore();
      this.update();
    }

    /* Drawing the form from the declaration. */

    draw() {
      const form = el("form", { class: "calc__form", noValidate: true, "aria-label": this.declaration.title });
      // Problems, listed at the top of the form once the reader asks for the answer, each
      // a link to its field (the GOV.UK error summary).
      this.problems = el("div", {
        class: "calc__problems",
        tabIndex: -1,
        hidden: true,
        "aria-labelledby": `calc-${this.slug}-problems`,
      });
      form.append(this.problems);
      const sections = this.declaration.sections.length
        ? this.declaration.sections
        : [{ title: "", names: this.declaration.inputs.map((input) => input.name) }];
      sections.forEach((section, index) => {
        const inputs = this.declaration.inputs.filter((input) => section.names.includes(input.name));
        const fields = inputs.map((input) => this.field(input));
        if (index === 0) form.append(...fields);
        else form.append(el("details", { class: "calc__more" }, el("summary", {}, section.title), ...fields));
      });
      form.append(
        el(
          "p",
          { class: "calc__submit" },
          el("button", { type: "submit", class: "md-button md-button--primary" }, this.ui.submit),
        ),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.fields.forEach((_, name) => this.shown.add(name));
        this.update({ submitted: true });
      });
      this.form = form;
      this.summary = el("div", { class: "calc__given", hidden: true });
      this.status = el("p", { class: "calc__status", role: "status" });
      this.output = el("div", { class: "calc__output", "aria-live": "polite" });
      this.actions = el("div", { class: "calc__actions", hidden: true });
      this.pin = el("a", { class: "calc__pin", href: `#calc-${this.slug}-verdict`, hidden: true });
      this.root.replaceChildren(this.form, this.summary, this.status, this.output, this.actions, this.pin);
      this.root.dataset.mounted = "true";
      this.root.dataset.mode = "asking";
      this.watchPin();
      this.showEngine();
    }

    field(input) {
      const id = `calc-${this.slug}-${input.name}`;
      const date = input.kind === "date";
      const help = el("p", { class: "calc__help", id: `${id}-help` }, input.help);
      const hint = date && el("p", { class: "calc__help calc__hint", id: `${id}-hint` }, this.ui.dates.hint);
      const error = el("p", { class: "calc__error", id: `${id}-error`, hidden: true });
      const described = `${id}-error ${id}-help${date ? ` ${id}-hint` : ""}`;
      const optional = !input.required && el("span", { class: "calc__optional" }, ` ${this.ui.optional}`);
      let wrapper;
      let control;
      if (input.kind === "choice" && input.choices.length <= 4) {
        const radios = input.choices.map((choice) =>
          el(
            "label",
            { class: "calc__radio" },
            el("input", { type: "radio", name: input.name, value: choice.value }),
            ` ${choice.label}`,
          ),
        );
        control = { radios: radios.map((label) => label.firstChild) };
        wrapper = el(
          "fieldset",
          { class: "calc__field calc__field--choices", "aria-describedby": described, id },
          el("legend", {}, input.label, optional),
          help,
          error,
          el("div", { class: "calc__radios" }, radios),
        );
      } else {
        control = this.control(input, id, described);
        wrapper = el(
          "div",
          { class: `calc__field calc__field--${input.kind}` },
          el("label", { htmlFor: id }, input.label, optional),
          help,
          hint,
          error,
          control,
        );
      }
      const field = { input, wrapper, error, control };
      this.fields.set(input.name, field);
      const changed = (complete) => {
        this.edited = true;
        if (complete) this.shown.add(input.name);
        order.set(input.name, this.value(field));
        this.update();
      };
      wrapper.addEventListener("input", (event) => changed(this.complete(field, event.target)));
      wrapper.addEventListener("change", (event) => changed(this.complete(field, event.target)));
      wrapper.addEventListener("focusout", () => {
        // Leaving a field is when to judge it, even half-typed.
        if (this.value(field) === "") return;
        this.edited = true;
        this.shown.add(input.name);
        this.update();
      });
      return wrapper;
    }

    control(input, id, described) {
      const common = {
        id,
        name: input.name,
        "aria-describedby": described,
        "aria-required": input.required ? "true" : null,
      };
      if (input.kind === "date")
        return el("input", { type: "text", class: "calc__day", autocomplete: "off", ...common });
      if (input.kind === "days")
        return el("input", { type: "number", inputMode: "numeric", min: 0, max: input.max, step: 1, ...common });
      const groups = new Map();
      for (const choice of input.choices) {
        if (!groups.has(choice.group)) groups.set(choice.group, []);
        groups.get(choice.group).push(el("option", { value: choice.value }, choice.label));
      }
      const options = [...groups].flatMap(([group, list]) => (group ? [el("optgroup", { label: group }, list)] : list));
      return el("select", common, el("option", { value: "" }, this.ui.choose), options);
    }

    /** Whether a change leaves the field in a state worth judging at once. */
    complete(field, target) {
      // A date is judged while typed only once it is as long as the language writes one
      // ("2026-03-0" is on its way to the 2nd); leaving the field judges it anyway.
      const whole = target.value.trim().length >= this.dates.length;
      return field.input.kind !== "date" || (whole && this.dates.read(target.value) !== null);
    }

    /** The field's answer: a date as ISO when it reads as one, else what was typed. */
    value(field) {
      if (field.control.radios) return field.control.radios.find((radio) => radio.checked)?.value ?? "";
      const text = field.control.value.trim();
      return (field.input.kind === "date" && this.dates.read(text)) || text;
    }

    setValue(field, value) {
      if (field.control.radios) field.control.radios.forEach((radio) => (radio.checked = radio.value === value));
      else field.control.value = field.input.kind === "date" ? this.dates.show(value) : value;
    }

    /**
     * Whether a field applies, given the other answers (the declaration's shown_if): it is
     * asked once they call for it, and kept while they do not say, if it holds an answer
     * (a link may carry a delivery date without "Has it arrived?"), as Python does.
     */
    applies(field) {
      const condition = field.input.shown_if;
      if (!condition) return true;
      const other = this.fields.get(condition.name);
      const given = other ? this.value(other) : (order.facts.get(condition.name) ?? "");
      if (given === "") return (this.value(field) || order.facts.get(field.input.name) || "") !== "";
      return condition.values.length === 0 || condition.values.includes(given);
    }

    /** Answers that only make sense together, read as the declaration's ``implies`` says. */
    settle() {
      for (const [name, field] of this.fields) {
        for (const [answer, other, meant] of field.input.implies ?? []) {
          if (order.facts.get(name) === answer && order.facts.get(other)) order.facts.set(name, meant);
        }
      }
    }

    /** Fill the form from the link, else from this visit's (or the device's) order. */
    restore() {
      const linked = order.fromFragment(location.hash);
      if (linked.length) order.replace(linked);
      this.settle();
      for (const [name, field] of this.fields) {
        if (!order.facts.has(name)) continue;
        this.setValue(field, order.facts.get(name));
        this.shown.add(name);
        const more = field.wrapper.closest("details");
        if (more) more.open = true; // a section holding an answer is never folded away
      }
      this.restored = order.facts.size > 0;
    }

    /** Everything to send: this form's answers that apply, and the order's other facts. */
    inputs() {
      const inputs = {};
      for (const [name, value] of order.facts) if (!this.fields.has(name)) inputs[name] = value;
      for (const [name, field] of this.fields) {
        field.wrapper.hidden = !this.applies(field);
        // A linked value the field cannot hold (30 February, an unknown carrier) is still
        // sent, so the reader hears what is wrong with it instead of "enter a date".
        const value = this.value(field) || (order.facts.get(name) ?? "");
        if (!field.wrapper.hidden && value !== "") inputs[name] = value;
      }
      return inputs;
    }

    /* Asking the engine, and showing what it says. */

    async update({ submitted = false } = {}) {
      const inputs = this.inputs();
      this.rememberInLink();
      // An empty submit still asks the engine, which names every field it needs.
      if (Object.keys(inputs).length === 0 && !submitted) {
        this.showProblems({});
        this.summarise(false);
        this.show(null, this.ui.prompt);
        return;
      }
      const ticket = ++this.latest;
      if (engine.state !== "ready") this.showEngine();
      const answer = await ask("run", this.slug, inputs);
      if (ticket !== this.latest || !this.root.isConnected) return;
      this.root.dataset.answers = String(Number(this.root.dataset.answers ?? 0) + 1);
      if (answer.failed) return this.showEngine();
      const problems = answer.ok ? {} : { ...answer.problems };
      if (answer.error) problems[""] = this.ui.error;
      this.placeProblems(problems, submitted);
      const visible = this.showProblems(problems);
      this.summarise(submitted);
      if (answer.ok) {
        this.adopt(answer.result.inputs);
        this.show(answer.result);
        if (submitted || (this.restored && !this.edited)) this.answered(submitted);
      } else {
        this.setMode("asking");
        this.show(null, problems[""] ?? (visible ? this.ui.check_fields : this.ui.prompt));
        if (submitted && this.problems.hidden) this.form.querySelector("[aria-invalid=true]")?.focus();
      }
    }

    /** The engine's ISO form of dates typed in words ("14 Oct 2026"), so links keep ISO. */
    adopt(read) {
      for (const [name, field] of this.fields) {
        if (field.input.kind === "date" && read[name] && order.facts.get(name) === this.value(field)) {
          order.facts.set(name, read[name]);
        }
      }
      order.save();
      this.rememberInLink();
    }

    /**
     * A problem about a question not asked yet (the planner's "Enter at least one date",
     * said of the delivery date before "Has it arrived?") is shown under the first empty
     * field of the same kind that is asked, once the reader asks for the answer.
     */
    placeProblems(problems, submitted) {
      for (const [name, field] of this.fields) {
        if (!submitted || !problems[name] || !field.wrapper.hidden) continue;
        const asked = [...this.fields.values()].find(
          (other) => !other.wrapper.hidden && other.input.kind === field.input.kind && this.value(other) === "",
        );
        if (asked && !problems[asked.input.name]) problems[asked.input.name] = problems[name];
        delete problems[name];
      }
    }

    /** The summary of the problems marked in the form, kept up to date once shown. */
    summarise(submitted) {
      const marked = [...this.fields.values()].filter((field) => !field.error.hidden);
      if (marked.length === 0 || (!submitted && this.problems.hidden)) {
        this.problems.hidden = true;
        return;
      }
      const items = marked.map((field) => {
        const target = field.control.radios ? field.control.radios[0] : field.control;
        const link = el(
          "a",
          { href: `#${target.id || field.wrapper.id}` },
          el("span", { class: "calc__problems-field" }, field.input.label),
          field.error.textContent,
        );
        link.addEventListener("click", (event) => {
          // The field, not the link's fragment (which holds the reader's dates): the
          // theme's instant navigation must not see this click either.
          event.preventDefault();
          event.stopPropagation();
          const more = field.wrapper.closest("details");
          if (more) more.open = true;
          (field.control.radios?.find((radio) => radio.checked) ?? target).focus();
          field.wrapper.scrollIntoView({ block: "center" });
        });
        return el("li", {}, link);
      });
      this.problems.replaceChildren(
        el("h2", { class: "calc__problems-head", id: `calc-${this.slug}-problems` }, this.ui.problems),
        el("ul", {}, items),
      );
      this.problems.hidden = false;
      if (submitted) this.problems.focus();
    }

    showProblems(problems) {
      let visible = 0;
      for (const [name, field] of this.fields) {
        const message = this.shown.has(name) && !field.wrapper.hidden ? problems[name] : undefined;
        field.error.textContent = message ?? "";
        field.error.hidden = !message;
        visible += Boolean(message);
        const target = field.control.radios ? field.wrapper : field.control;
        if (message) target.setAttribute("aria-invalid", "true");
        else target.removeAttribute("aria-invalid");
      }
      return visible;
    }

    /** Collapse the form into a line of the reader's dates, the answer right under it. */
    answered(focus) {
      this.setMode("answered");
      if (focus) this.output.querySelector(".calc__verdict")?.focus();
    }

    setMode(mode) {
      this.root.dataset.mode = mode;
      this.form.hidden = mode === "answered";
      this.summary.hidden = mode !== "answered";
      // An answer from a link needs no introduction: it is folded away, so the verdict
      // and its action fit a phone's first screen, and back as soon as the reader edits.
      const linked = mode === "answered" && this.restored && !this.edited;
      this.intro().forEach((paragraph) => (paragraph.hidden = linked));
      this.placePin();
    }

    /** The paragraphs between the page's title and the calculator. */
    intro() {
      const found = [];
      let node = this.root.previousElementSibling;
      for (; node?.tagName === "P"; node = node.previousElementSibling) found.push(node);
      return node?.tagName === "H1" ? found : [];
    }

    show(result, prompt = "") {
      this.result = result;
      this.status.dataset.prompt = prompt ? "true" : "";
      this.showEngine(prompt);
      if (!result) {
        this.output.replaceChildren();
        this.actions.hidden = true;
        this.pin.hidden = true;
        return;
      }
      this.output.replaceChildren(
        this.verdict(result),
        ...this.timeline(result),
        ...this.notes(result),
        this.footer(result),
      );
      this.summary.replaceChildren(...this.given(result));
      this.showActions(result);
      this.showPin(result);
    }

    showEngine(prompt = this.status.dataset.prompt === "true" ? this.status.textContent : "") {
      const { state } = engine;
      this.root.dataset.engine = state;
      const waiting = state !== "ready" && (this.restored || this.edited) && !this.result;
      // Dates from a link: the answer will take the form's place, so the wait is said
      // there, at the top, not under a form the reader has no need to fill in.
      const linked = waiting && state !== "failed" && this.restored && !this.edited;
      let text = prompt;
      if (state === "failed") text = this.ui.failed;
      else if (state === "slow" && waiting) text = this.ui.slow;
      else if (waiting) text = linked ? this.ui.loading_here : this.ui.loading;
      const busy = waiting && state !== "failed";
      this.status.replaceChildren(...(busy ? [el("progress", { "aria-label": this.ui.loading }), " "] : []), text);
      this.status.dataset.state = state === "failed" ? "failed" : busy ? "loading" : prompt ? "prompt" : "";
      this.status.hidden = !text;
      if (linked !== (this.root.firstChild === this.status)) {
        if (linked) this.root.prepend(this.status);
        else this.summary.after(this.status);
      }
    }

    verdict(result) {
      const verdict = result.verdict;
      const id = `calc-${this.slug}-verdict`;
      return el(
        "section",
        { class: "calc__verdict", "data-verdict": verdict.state, id, tabIndex: -1, "aria-labelledby": `${id}-head` },
        el(
          "h2",
          { class: "calc__verdict-head", id: `${id}-head` },
          icon(verdict.state),
          el("span", {}, verdict.state_text),
        ),
        el(
          "p",
          { class: "calc__verdict-when" },
          el("span", { class: "calc__verdict-lead" }, verdict.lead, " "),
          el(
            "time",
            { class: "calc__verdict-date", dateTime: verdict.date, title: verdict.date_text },
            verdict.date_short,
          ),
          " ",
          el("span", { class: "calc__verdict-days" }, verdict.from_today),
        ),
        el("p", { class: "calc__verdict-label" }, verdict.label),
        el("p", { class: "calc__verdict-action" }, verdict.action),
        verdict.more &&
          el(
            "p",
            { class: "calc__next" },
            el("a", { href: new URL("#protection-ended", this.beyondURL).href }, verdict.more),
          ),
        verdict.rights &&
          el(
            "p",
            { class: "calc__next" },
            el("a", { href: new URL(`#${verdict.rights.section}`, this.rightsURL).href }, verdict.rights.text),
          ),
        el(
          "details",
          { class: "calc__why" },
          el("summary", {}, verdict.why_heading),
          el(
            "ul",
            {},
            verdict.why.map((step) => el("li", {}, this.step(step))),
          ),
        ),
      );
    }

    timeline(result) {
      const upcoming = result.deadlines.filter((step) => step.state !== "passed");
      const passed = result.deadlines.filter((step) => step.state === "passed");
      const list = (steps) =>
        el(
          "ol",
          { class: "calc__deadlines" },
          steps.map((step) =>
            el(
              "li",
              { class: `calc__deadline calc__deadline--${step.state}`, "data-key": step.key },
              this.step(step, true),
            ),
          ),
        );
      return [
        ...(upcoming.length > 0 ? [el("h3", { class: "calc__heading" }, this.ui.coming_up), list(upcoming)] : []),
        ...(passed.length > 0
          ? [el("details", { class: "calc__passed" }, el("summary", {}, result.passed_heading), list(passed))]
          : []),
      ];
    }

    step(step, advice = false) {
      return [
        el("span", { class: "calc__label" }, step.label),
        el("span", { class: "calc__date" }, el("time", { dateTime: step.date }, step.when_text)),
        el("span", { class: "calc__when" }, step.when),
        el("span", { class: "calc__rule" }, this.line(step.rule_line)),
        advice && step.advice && el("span", { class: "calc__advice" }, step.advice),
        step.others.map((other) => el("span", { class: "calc__disagree" }, this.line(other))),
      ];
    }

    notes(result) {
      return result.notes.map((note) =>
        el(
          "div",
          { class: `admonition ${note.kind === "warning" ? "warning" : "note"} calc__note` },
          el("p", {}, this.line(note)),
        ),
      );
    }

    footer(result) {
      return el(
        "p",
        { class: "calc__today" },
        result.counted_from,
        " ",
        el("span", { class: "calc__trust" }, result.trust),
      );
    }

    given(result) {
      const asked = result.given.filter((item) => item.asked);
      const carried = result.given.filter((item) => !item.asked);
      const said = (items) => items.map((item) => item.line).join(" · ");
      const change = el("button", { type: "button", class: "md-button calc__change" }, this.ui.change);
      change.addEventListener("click", () => {
        this.setMode("asking");
        this.form.querySelector("input, select")?.focus();
      });
      const lines = [el("p", {}, el("strong", {}, this.ui.your_dates), " ", said(asked), " ", change)];
      if (carried.length) {
        const leave = el("button", { type: "button", class: "md-button calc__leave" }, this.ui.leave_out);
        leave.addEventListener("click", () => {
          carried.forEach((item) => order.set(item.name, ""));
          this.update();
        });
        lines.push(el("p", { class: "calc__carried" }, this.ui.also_counted, " ", said(carried), " ", leave));
      }
      return lines;
    }

    /** A line of text from Python, its {sources} slot filled with links to the Sources page. */
    line(item) {
      const [before, after = ""] = item.text.split("{sources}");
      const links = item.sources.flatMap((source, index) => [
        index ? ", " : "",
        el(
          "a",
          { href: new URL(`#source-${source.key}`, this.sourcesURL).href, title: source.title, class: "calc__source" },
          source.name,
        ),
      ]);
      return item.text.includes("{sources}") ? [before, ...links, after] : [item.text];
    }

    /* The pinned verdict: while the reader edits, the answer stays on screen. */

    watchPin() {
      this.cardVisible = false;
      this.observer = new IntersectionObserver((entries) => {
        this.cardVisible = entries.some((entry) => entry.isIntersecting);
        this.placePin();
      });
    }

    showPin(result) {
      const verdict = result.verdict;
      this.pin.replaceChildren(
        icon(verdict.state),
        el(
          "span",
          { class: "calc__pin-text" },
          el("strong", {}, verdict.state_text),
          ` · ${verdict.date_text} · ${verdict.from_today}`,
        ),
        el("span", { class: "calc__pin-more" }, this.ui.see_answer),
      );
      this.pin.dataset.verdict = verdict.state;
      this.observer.disconnect();
      this.observer.observe(this.output.querySelector(".calc__verdict"));
      this.placePin();
    }

    placePin() {
      this.pin.hidden = !this.result || this.root.dataset.mode === "answered" || this.cardVisible;
    }

    /* Keeping the answer: calendar, link, and (if asked) this device. */

    showActions(result) {
      const label = this.declaration.calendar_label;
      const id = `calc-${this.slug}-label`;
      const labelError = el("p", { class: "calc__error", id: `${id}-error`, hidden: true });
      const labelSaid = el("p", { class: "calc__help calc__label-said", id: `${id}-said`, role: "status" });
      const name = el("input", {
        type: "text",
        id,
        maxLength: 80,
        class: "calc__text",
        autocomplete: "off",
        "aria-describedby": `${id}-error ${id}-said ${id}-help`,
      });
      const calendar = el("button", { type: "button", class: "md-button" }, this.ui.calendar);
      calendar.disabled = result.calendar.count === 0;
      calendar.addEventListener("click", () => this.saveCalendar(name, labelError, labelSaid));
      const link = el("input", {
        type: "text",
        readOnly: true,
        value: location.href,
        class: "calc__link",
        "aria-label": this.ui.link_label,
      });
      const copy = el("button", { type: "button", class: "md-button" }, this.ui.copy_link);
      const said = el("span", { class: "calc__said", role: "status" });
      copy.addEventListener("click", async () => {
        link.select();
        said.textContent = (await copyText(link.value, link)) ? this.ui.copied : this.ui.copy_by_hand;
      });
      const remember = el("input", { type: "checkbox", id: `calc-${this.slug}-remember`, checked: order.remembered });
      const forget = el("button", { type: "button", class: "md-button", hidden: !order.remembered }, this.ui.forget);
      const forgotten = el("span", { role: "status" });
      remember.addEventListener("change", () => {
        order.remember(remember.checked);
        forget.hidden = !remember.checked;
        forgotten.textContent = remember.checked ? "" : this.ui.forgotten;
      });
      forget.addEventListener("click", () => {
        order.remember(false);
        remember.checked = false;
        forget.hidden = true;
        forgotten.textContent = this.ui.forgotten;
      });
      this.actions.replaceChildren(
        el(
          "div",
          { class: "calc__calendar" },
          el("label", { htmlFor: id }, label.label),
          el("p", { class: "calc__help", id: `${id}-help` }, label.help),
          labelError,
          name,
          labelSaid,
          el("p", {}, calendar),
          el("p", { class: "calc__help" }, result.calendar.text),
        ),
        el(
          "p",
          { class: "calc__share" },
          el("label", { htmlFor: `${id}-link` }, this.ui.keep_link),
          " ",
          Object.assign(link, { id: `${id}-link` }),
          " ",
          copy,
          " ",
          said,
        ),
        el(
          "p",
          { class: "calc__remember" },
          el("label", {}, remember, ` ${this.ui.remember}`),
          " ",
          forget,
          " ",
          forgotten,
        ),
        el("p", { class: "calc__privacy" }, this.ui.privacy),
        this.caseSummary(result.summary),
      );
      this.actions.hidden = false;
    }

    /**
     * The case for a bank, PayPal or a consumer body, to copy or print on its own: the
     * engine's text, and the evidence the reader ticked on the checklist, if kept.
     */
    caseSummary(summary) {
      const evidence = readSaved(EVIDENCE_KEY, Array.isArray) ?? [];
      const text = evidence.length
        ? `${summary.text}\n\n${summary.evidence}\n${evidence.map((item) => `- ${item}`).join("\n")}`
        : summary.text;
      const paper = el("pre", { class: "calc__case-text", tabIndex: 0 }, text);
      const said = el("span", { class: "calc__said", role: "status" });
      const copy = el("button", { type: "button", class: "md-button" }, this.ui.copy_summary);
      copy.addEventListener("click", async () => {
        said.textContent = (await copyText(text, paper)) ? this.ui.summary_copied : this.ui.copy_by_hand;
      });
      const print = el("button", { type: "button", class: "md-button" }, this.ui.print_summary);
      print.addEventListener("click", () => {
        paper.parentElement.open = true;
        document.documentElement.dataset.print = "case";
        addEventListener("afterprint", () => delete document.documentElement.dataset.print, { once: true });
        window.print();
      });
      return el(
        "details",
        { class: "calc__case" },
        el("summary", {}, summary.heading),
        el("p", { class: "calc__help" }, this.ui.summary_help),
        paper,
        el("p", { class: "calc__case-buttons" }, copy, " ", print, " ", said),
      );
    }

    rememberInLink() {
      const hash = order.fragment();
      if (hash === location.hash || (!hash && !this.edited)) return;
      history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
      const link = this.actions.querySelector(".calc__link");
      if (link) link.value = location.href;
    }

    /** Save the calendar file; a problem with its name, or what was left out of it, shows under the name. */
    async saveCalendar(name, error, said) {
      const answer = await ask("calendar", this.slug, this.inputs(), { label: name.value });
      const problem = answer.ok ? "" : (answer.problems?.[this.declaration.calendar_label.name] ?? "");
      error.textContent = problem;
      error.hidden = !problem;
      if (problem) name.setAttribute("aria-invalid", "true");
      else name.removeAttribute("aria-invalid");
      said.textContent = answer.said ?? "";
      if (!answer.ok) return;
      const file = new Blob([answer.ics], { type: "text/calendar" });
      const link = el("a", { href: URL.createObjectURL(file), download: `aliexpress-${this.slug}.ics` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }
  }

  /**
   * The message builder (templates page): the reader picks what to write, fills in what
   * they know, and copies the message. Dates come from the order the calculators know.
   */
  class MessageBuilder {
    constructor(root) {
      const declared = JSON.parse(root.dataset.messages);
      Object.assign(this, { root, ui: declared.ui, templates: declared.templates, typed: new Map() });
      this.dates = typedDates(this.ui.dates.typed);
      declared.facts.forEach((name) => order.known.add(name));
      this.blanks = new Map(declared.blanks.map((blank) => [blank.name, blank]));
      const linked = order.fromFragment(location.hash);
      if (linked.length) order.replace(linked);
      const wanted = this.templates.find((template) => `#${template.key}` === location.hash);
      this.draw(wanted ?? this.templates[0]);
      if (wanted) this.root.scrollIntoView();
    }

    draw(first) {
      this.choice = el(
        "select",
        { id: "msg-situation", class: "msg__choice" },
        this.templates.map((template) => el("option", { value: template.key }, template.title)),
      );
      this.choice.value = first.key;
      this.choice.addEventListener("change", () => this.show());
      this.when = el("p", { class: "calc__help", id: "msg-situation-help" });
      this.choice.setAttribute("aria-describedby", "msg-situation-help");
      this.fields = el("div", { class: "msg__fields" });
      this.text = el("div", {
        class: "msg__text",
        id: "msg-text",
        tabIndex: 0,
        role: "textbox",
        "aria-readonly": "true",
        "aria-labelledby": "msg-text-label",
      });
      const copy = el("button", { type: "button", class: "md-button md-button--primary msg__copy" }, this.ui.copy);
      const said = el("p", { class: "msg__said", role: "status" });
      this.gaps = el("p", { class: "msg__gaps", id: "msg-gaps" });
      copy.setAttribute("aria-describedby", "msg-gaps");
      copy.addEventListener("click", async () => {
        const left = this.text.querySelectorAll(".msg__gap").length;
        if (!(await copyText(this.text.textContent, this.text))) said.textContent = this.ui.copy_by_hand;
        else said.textContent = left ? this.ui.copied_gaps[left] : this.ui.copied;
      });
      this.root.replaceChildren(
        el(
          "div",
          { class: "calc__field" },
          el("label", { htmlFor: "msg-situation" }, this.ui.situation),
          this.when,
          this.choice,
        ),
        el("p", { class: "calc__help" }, this.ui.blanks),
        this.fields,
        el("p", { class: "msg__label", id: "msg-text-label" }, this.ui.message),
        this.text,
        this.gaps,
        copy,
        said,
      );
      this.root.dataset.mounted = "true";
      this.show();
    }

    template() {
      return this.templates.find((template) => template.key === this.choice.value);
    }

    show() {
      const template = this.template();
      this.when.textContent = template.when;
      this.fields.replaceChildren(...template.blanks.map((name) => this.field(this.blanks.get(name))));
      this.write();
    }

    field(blank) {
      const id = `msg-${blank.name}`;
      const date = blank.kind === "date";
      const known = date ? this.dates.show(order.facts.get(blank.name) ?? "") : "";
      const value = this.typed.get(blank.name) ?? known;
      const control =
        blank.kind === "long"
          ? el("textarea", { id, rows: 3, value })
          : el("input", {
              id,
              type: "text",
              value,
              ...(date && { class: "calc__day", autocomplete: "off", "aria-describedby": `${id}-hint` }),
            });
      control.addEventListener("input", () => {
        this.typed.set(blank.name, control.value);
        const iso = date && this.dates.read(control.value);
        if (iso && order.known.has(blank.name)) order.set(blank.name, iso);
        this.write();
      });
      const hint = date && el("p", { class: "calc__help", id: `${id}-hint` }, this.ui.dates.hint);
      return el("div", { class: "calc__field" }, el("label", { htmlFor: id }, blank.label), hint, control);
    }

    /** The message with what the reader gave; each gap left is marked, and counted. */
    write() {
      const pieces = this.template().text.split(/\{(\w+)\}/);
      let left = 0;
      this.text.replaceChildren(
        ...pieces.map((piece, index) => {
          if (index % 2 === 0) return piece;
          const text = this.fields.querySelector(`#msg-${piece}`)?.value.trim() ?? "";
          if (!text) {
            left += 1;
            return el("mark", { class: "msg__gap" }, `[${this.blanks.get(piece).label}]`);
          }
          const iso = this.blanks.get(piece).kind === "date" && this.dates.read(text);
          return iso ? longDate(iso, this.ui.first_day) : text;
        }),
      );
      this.gaps.textContent = left ? this.ui.left[left] : this.ui.filled;
    }
  }

  /** A date in a message to someone else: in words, in the page's language. */
  function longDate(iso, firstDay = "1") {
    const [year, month, day] = iso.split("-").map(Number);
    const lang = document.documentElement.lang || "en";
    const text = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(new Date(year, month - 1, day));
    // A month's first day as the engine's words say it ("1er août", "1º de agosto").
    return day === 1 ? text.replace(/(^|\s)1(?=\s)/, `$1${firstDay}`) : text;
  }

  /**
   * The evidence checklist, to tick on a phone: how much is collected (in view while
   * scrolling), only the items that fit what happened to the order (each list says whom
   * it is for in data-for), and the ticks kept on the device only if the reader asks (the
   * same choice as for the order).
   */
  function tickable(progress) {
    const words = JSON.parse(progress.dataset.checklist);
    const items = [...document.querySelectorAll(".checklist li")];
    const boxes = items.map((item, index) => {
      const box = el("input", { type: "checkbox", class: "checklist__box" });
      item.replaceChildren(el("label", {}, box, el("span", {}, ...item.childNodes)));
      box.dataset.index = index;
      return box;
    });
    const saved = new Set(readSaved(TICKS_KEY, Array.isArray) ?? []);
    boxes.forEach((box, index) => (box.checked = saved.has(index)));
    const count = el("p", { class: "checklist__count", role: "status" });
    const remember = el("input", { type: "checkbox", id: "checklist-remember", checked: order.remembered });
    const told = words.from_order.find(([, fact, values]) =>
      values.length ? values.includes(order.facts.get(fact)) : order.facts.has(fact),
    );
    const radios = Object.entries(words.situations).map(([value, label]) =>
      el(
        "label",
        { class: "calc__radio" },
        el("input", { type: "radio", name: "checklist-situation", value, checked: value === (told?.[0] ?? "all") }),
        ` ${label}`,
      ),
    );
    const showing = el("p", { class: "calc__help", id: "checklist-showing" }, words.showing);
    const situation = el(
      "fieldset",
      { class: "calc__field calc__field--choices", "aria-describedby": "checklist-showing" },
      el("legend", {}, words.situation),
      el("div", { class: "calc__radios" }, radios),
      showing,
    );
    const chosen = () => situation.querySelector("input:checked")?.value ?? "all";
    const fits = (item) => {
      const wanted = item.closest("[data-for]")?.dataset.for.split(" ");
      return chosen() === "all" || !wanted || wanted.includes(chosen());
    };
    const keep = () => {
      items.forEach((item) => item.classList.toggle("checklist__aside", !fits(item)));
      document.querySelectorAll(".md-typeset h2").forEach((heading) => {
        const lists = [];
        for (let next = heading.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling)
          if (next.matches(".checklist")) lists.push(...next.querySelectorAll("li"));
        heading.classList.toggle("checklist__aside", lists.length > 0 && !lists.some(fits));
      });
      const shown = boxes.filter((box) => fits(box.closest("li")));
      const ticked = boxes.filter((box) => box.checked);
      const collected = ticked.map((box) => box.closest("li").textContent.trim().replace(/\s+/g, " "));
      count.textContent = words.count
        .replace("{done}", shown.filter((box) => box.checked).length)
        .replace("{total}", shown.length);
      showing.hidden = chosen() === "all";
      if (order.remembered)
        storage((store) => {
          store.setItem(TICKS_KEY, JSON.stringify(ticked.map((box) => Number(box.dataset.index))));
          store.setItem(EVIDENCE_KEY, JSON.stringify(collected));
        });
      else storage((store) => [TICKS_KEY, EVIDENCE_KEY].forEach((key) => store.removeItem(key)));
    };
    boxes.forEach((box) => box.addEventListener("change", keep));
    situation.addEventListener("change", keep);
    remember.addEventListener("change", () => {
      order.remember(remember.checked);
      keep();
    });
    progress.replaceChildren(
      situation,
      el("p", { class: "calc__remember" }, el("label", {}, remember, ` ${words.remember}`)),
      el("p", { class: "calc__privacy" }, words.privacy),
    );
    progress.before(count);
    progress.dataset.mounted = "true";
    keep();
  }

  /** Links to another calculator carry the order, for builds without instant navigation. */
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link || !order.facts.size || link.hash) return;
    const target = new URL(link.href, location.href);
    if (target.origin === location.origin && /\/calculators\/[a-z-]+(\/|\.html)$/.test(target.pathname)) {
      link.href = `${target.href}${order.fragment()}`;
    }
  });

  /**
   * A link that leads to a calculator with answers set (Markdown writes
   * `{ data-answers="arrived=no" }`, as a fragment would fail the build's anchor check)
   * carries them in its fragment, which the calculator reads as a shared link's.
   */
  function answerLinks() {
    document.querySelectorAll("a[data-answers]").forEach((link) => {
      const target = new URL(link.href, location.href);
      target.hash = link.dataset.answers;
      link.href = target.href;
      link.removeAttribute("data-answers");
    });
  }

  function mountAll() {
    answerLinks();
    document.querySelectorAll(".msg[data-messages]:not([data-mounted])").forEach((root) => new MessageBuilder(root));
    document.querySelectorAll("[data-checklist]:not([data-mounted])").forEach(tickable);
    engine.views.forEach((view) => view.root.isConnected || engine.views.delete(view));
    const roots = document.querySelectorAll(".calc[data-calculator]:not([data-mounted])");
    if (roots.length === 0) return warmUp();
    startEngine();
    roots.forEach((root) => engine.views.add(new View(root)));
  }

  /**
   * While the reader reads a guide page, start the engine in the background, so that the
   * calculator they open next answers at once: only once the page has loaded and the
   * browser is idle, never where it asks to save data or reports a slow connection, and
   * not from disk, where the engine would run on the page itself.
   */
  function warmUp() {
    const connection = navigator.connection;
    const frugal = connection?.saveData || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType);
    if (engine.worker || frugal || window.calculatorsInlineEngine) return;
    const idle = window.requestIdleCallback ?? ((then) => setTimeout(then, 1000));
    const later = () => idle(() => engine.worker || startEngine(), { timeout: 5000 });
    if (document.readyState === "complete") later();
    else window.addEventListener("load", later, { once: true });
  }

  order.load();
  // Material's instant navigation swaps pages without reloading this script, and
  // announces each page on document$ (which stays silent on file://). Mounting
  // twice is harmless: a mounted calculator is marked and skipped.
  window.document$?.subscribe(mountAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
  // The page's head shows the no-JavaScript text again unless this script got this far.
  window.calculatorsRunning = true;
  document.documentElement.classList.add("js");
})();
