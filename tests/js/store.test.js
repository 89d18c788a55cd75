// The reader's order as a link carries it: only known facts, never empty ones.
import assert from "node:assert/strict";
import { test } from "node:test";

import { order } from "../../browser/store.js";

test("the order travels in the link's fragment and back", () => {
  order.known = new Set(["shipped", "carrier"]);
  order.replace([
    ["shipped", "2026-03-02"],
    ["carrier", "China Post"],
  ]);
  assert.equal(order.fragment(), "#shipped=2026-03-02&carrier=China+Post");
  assert.deepEqual(order.fromFragment("#shipped=2026-03-02&carrier=China+Post&x=1&carrier2="), [
    ["shipped", "2026-03-02"],
    ["carrier", "China Post"],
  ]);
});

test("an order with nothing in it adds nothing to a link", () => {
  order.replace([["shipped", ""]]);
  assert.equal(order.fragment(), "");
});
