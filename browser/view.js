/** A calculator on its page: the form, the answer and what to keep, drawn from its declaration. */

import { keeping } from "./actions.js";
import { answering } from "./answer.js";
import { typedDates } from "./dates.js";
import { el } from "./dom.js";
import { ask, engine } from "./engine.js";
import { asking } from "./form.js";
import { order } from "./store.js";

export class View {
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
    const drawn = JSON.stringify(result);
    const unchanged = result && drawn === this.drawn;
    this.result = result;
    this.drawn = drawn;
    this.status.dataset.prompt = prompt ? "true" : "";
    this.showEngine(prompt);
    // The same answer again (a field left, the same date retyped) is not redrawn: that
    // would replace the link or button the reader is tapping between finger down and up,
    // close what they opened, and have screen readers read the whole answer out again.
    if (unchanged) return;
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
}

// Its methods, one file for each part of the job.
Object.assign(View.prototype, asking, answering, keeping);
