// End-to-end test of dyad's dashboard in headless Chromium.
//
// Starts `dyad demo` (or `dyad serve --db $DYAD_DB`), then, in the browser: loads the page
// and times it, filters the events to one dyad, opens an event and checks that its evidence
// sentence is highlighted in the document, draws the dyad view, the network and the map, and
// checks that a bad filter shows the API's message. Screenshots go to $SHOTS
// (default target/e2e). The page must make no request to another host and log no error.
//
//   DYAD_BIN   the dyad binary (default ../../target/release/dyad)
//   DYAD_DB    serve this store instead of the demo corpus
//   LOAD_BUDGET_MS  the page-load limit (default 1000)
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(here, process.env.DYAD_BIN || "../../target/release/dyad");
const SHOTS = resolve(here, process.env.SHOTS || "../../target/e2e");
const BUDGET = Number(process.env.LOAD_BUDGET_MS || 1000);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(SHOTS, { recursive: true });

function startServer() {
  const args = process.env.DYAD_DB
    ? ["serve", "--db", process.env.DYAD_DB, "--port", "0"]
    : ["demo", "--port", "0"];
  const child = spawn(BIN, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`dyad did not start: ${out}`)), 120000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        ok({ child, base: m[1].replace(/\/$/, "") });
      }
    });
    child.on("exit", (code) => fail(new Error(`dyad exited with ${code}: ${out}`)));
  });
}

async function getJson(base, path) {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res.json();
}

const steps = [];
function step(name) {
  steps.push(name);
  console.log(`- ${name}`);
}

const { child, base } = await startServer();
let browser;
let page;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`external request: ${r.url()}`);
  });

  // 1. Load: from navigation to the first page of events on screen.
  const t0 = Date.now();
  await page.goto(base + "/");
  await page.waitForSelector("#events-table tbody tr.event-row");
  const loadMs = Date.now() - t0;
  const navMs = await page.evaluate(() => performance.now());
  step(`page loaded with its events in ${loadMs} ms (${navMs.toFixed(0)} ms by the page's clock)`);
  assert.ok(loadMs < BUDGET, `page load took ${loadMs} ms, over the ${BUDGET} ms budget`);
  assert.match(await page.textContent("#summary"), /documents · [\d,]+ events/);
  await page.screenshot({ path: `${SHOTS}/events.png` });

  // 2. Filter to the busiest dyad.
  const top = (await getJson(base, "/api/dyads?limit=1")).items[0];
  assert.ok(top, "the store has no dyad");
  const pair = [top.actor1, top.actor2];
  await page.fill("#f-dyad", pair.join(","));
  await page.click("#f-apply");
  await page.waitForFunction((p) => {
    const rows = [...document.querySelectorAll("#events-table tbody tr.event-row")];
    return location.hash.includes("dyad=") && rows.length > 0 && rows.every((r) => {
      const src = r.cells[2].textContent.split(" ")[0];
      const tgt = r.cells[3].textContent.split(" ")[0];
      return p.includes(src) && p.includes(tgt);
    });
  }, pair);
  const expected = await getJson(base, `/api/events?dyad=${pair.join(",")}&limit=50`);
  const rows = await page.$$("#events-table tbody tr.event-row");
  assert.equal(rows.length, expected.items.length, "rows shown differ from the API's page");
  step(`filtered to ${pair.join("–")}: ${rows.length} rows, all between the two`);
  await page.screenshot({ path: `${SHOTS}/events-dyad.png` });

  // 3. Open the first event: its evidence sentence is highlighted in the document.
  const id = await rows[0].getAttribute("data-id");
  await rows[0].click();
  const mark = await page.waitForSelector("#doc-panel:not([hidden]) mark.evidence");
  const event = await getJson(base, `/api/events/${id}`);
  const best = event.reports.find((r) => r.doc === event.doc) || event.reports[0];
  assert.equal((await mark.textContent()).trim(), best.evidence.text.trim(), "the highlight is not the evidence");
  assert.ok(await mark.isVisible(), "the evidence is not on screen");
  const body = await page.textContent("#doc-body");
  assert.ok(body.length > best.evidence.text.length, "the document text is missing");
  step(`event ${id} opened; its evidence is highlighted: "${best.evidence.text.slice(0, 60)}…"`);
  await page.screenshot({ path: `${SHOTS}/document.png` });
  await page.click("#doc-close");

  // 4. The dyad view: quad-coloured bars, the Goldstein line, agreements and figures.
  await page.goto(`${base}/#dyad?a=${pair[0]}&b=${pair[1]}&by=month`);
  await page.waitForSelector("#dyad-bars svg rect.bar");
  const bars = await page.$$eval("#dyad-bars rect.bar", (r) => r.length);
  const points = await page.$$eval("#dyad-goldstein circle", (c) => c.length);
  assert.ok(bars > 0 && points > 0);
  step(`dyad view: ${bars} bars, ${points} Goldstein points`);
  await page.screenshot({ path: `${SHOTS}/dyad.png`, fullPage: true });

  // 5. The network of actors.
  await page.goto(`${base}/#network`);
  await page.waitForSelector("#network svg circle.node");
  const nodes = await page.$$eval("#network circle.node", (c) => c.length);
  assert.ok(nodes >= 2, "the network has fewer than two actors");
  step(`network: ${nodes} actors`);
  await page.screenshot({ path: `${SHOTS}/network.png` });

  // 6. The map, from the bundled outline.
  await page.goto(`${base}/#map`);
  await page.waitForSelector("#map svg circle.place");
  const countries = await page.$$eval("#map svg path", (p) => p.length);
  const places = await page.$$eval("#map svg circle.place", (c) => c.length);
  assert.ok(countries > 100, "the world outline did not load");
  step(`map: ${countries} country outlines, ${places} places`);
  await page.screenshot({ path: `${SHOTS}/map.png` });

  // 7. A bad filter shows the API's message instead of an empty table.
  await page.goto(`${base}/#events?from=yesterday`);
  await page.waitForFunction(() => /from must be a date/.test(document.getElementById("events-status").textContent));
  step("a malformed date filter shows the API's 400 message");
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 400/.test(p)));

  assert.deepEqual(problems, [], "the page logged errors or left this server");
  console.log(JSON.stringify({ ok: true, base, load_ms: loadMs, page_clock_ms: Math.round(navMs), steps: steps.length, screenshots: SHOTS }));
} catch (e) {
  if (page) await page.screenshot({ path: `${SHOTS}/failure.png` }).catch(() => {});
  console.error(`FAILED after: ${steps.join("; ") || "start"}; screenshot ${SHOTS}/failure.png`);
  process.exitCode = 1;
  throw e;
} finally {
  if (browser) await browser.close();
  child.kill("SIGINT");
}
