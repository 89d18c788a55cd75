// Dates as each language types them: what a field shows and what it reads back.
import assert from "node:assert/strict";
import { test } from "node:test";

import { longDate, typedDates } from "../../browser/dates.js";

const iso = typedDates("{year}-{month:02}-{day:02}");
const dayFirst = typedDates("{day:02}/{month:02}/{year}");

test("a link's ISO date shows the language's way", () => {
  assert.equal(iso.show("2026-3-2"), "2026-03-02");
  assert.equal(dayFirst.show("2026-10-14"), "14/10/2026");
  assert.equal(dayFirst.show("not a date"), "not a date");
});

test("a whole date is as long as the language writes one", () => {
  assert.equal(iso.length, 10);
  assert.equal(dayFirst.length, 10);
});

test("three plain numbers read as the language orders them, ISO everywhere", () => {
  assert.equal(dayFirst.read("14/10/2026"), "2026-10-14");
  assert.equal(dayFirst.read(" 1.2.2026 "), "2026-02-01");
  assert.equal(dayFirst.read("14 10 2026"), "2026-10-14");
  assert.equal(dayFirst.read("2026-10-14"), "2026-10-14");
  assert.equal(iso.read("2026-3-2"), "2026-03-02");
});

test("anything else is left for the engine to read or explain", () => {
  for (const text of ["14 Oct 2026", "14/10/26", "14/10", "", "2026-10-140", "31/02/2026x"]) {
    assert.equal(dayFirst.read(text), null, text);
  }
  assert.equal(dayFirst.read("31/02/2026"), "2026-02-31"); // the engine says February has 28 days
});

test("a message's date is in words, a month's first day the language's way", () => {
  assert.equal(longDate("2026-03-02", "1", "en"), "2 March 2026");
  assert.equal(longDate("2026-08-01", "1er", "fr"), "1er août 2026");
  assert.equal(longDate("2026-08-01", "1º", "pt-BR"), "1º de agosto de 2026");
});
