/** What the reader can keep of an answer: a calendar, a link, the order, the case summary. */

import { copyText, el } from "./dom.js";
import { ask } from "./engine.js";
import { EVIDENCE_KEY, order, readSaved } from "./store.js";
export const keeping = {
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
  },

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
  },

  rememberInLink() {
    const hash = order.fragment();
    if (hash === location.hash || (!hash && !this.edited)) return;
    history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    const link = this.actions.querySelector(".calc__link");
    if (link) link.value = location.href;
  },

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
  },
};
