/** The answer: the verdict first, then the dates, the notes and the reader's own dates. */

import { el, icon } from "./dom.js";
import { order } from "./store.js";
export const answering = {
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
        el("span", { class: "calc__verdict-days" }, verdict.days_short),
      ),
      el("p", { class: "calc__verdict-label" }, verdict.label),
      el("p", { class: "calc__verdict-action" }, verdict.action),
      verdict.sooner.map((line) => el("p", { class: "calc__verdict-sooner" }, line)),
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
  },

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
  },

  step(step, advice = false) {
    return [
      el("span", { class: "calc__label" }, step.label),
      el("span", { class: "calc__date" }, el("time", { dateTime: step.date }, step.when_text)),
      el("span", { class: "calc__when" }, step.when),
      el("span", { class: "calc__rule" }, this.line(step.rule_line)),
      advice && step.advice && el("span", { class: "calc__advice" }, step.advice),
      step.others.map((other) => el("span", { class: "calc__disagree" }, this.line(other))),
    ];
  },

  notes(result) {
    return result.notes.map((note) =>
      el(
        "div",
        { class: `admonition ${note.kind === "warning" ? "warning" : "note"} calc__note` },
        el("p", {}, this.line(note)),
      ),
    );
  },

  footer(result) {
    return el(
      "p",
      { class: "calc__today" },
      result.counted_from,
      " ",
      el("span", { class: "calc__trust" }, result.trust),
    );
  },

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
  },

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
  },

  /* The pinned verdict: while the reader edits, the answer stays on screen. */

  watchPin() {
    this.cardVisible = false;
    this.observer = new IntersectionObserver((entries) => {
      this.cardVisible = entries.some((entry) => entry.isIntersecting);
      this.placePin();
    });
  },

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
  },

  placePin() {
    this.pin.hidden = !this.result || this.root.dataset.mode === "answered" || this.cardVisible;
  },
};
