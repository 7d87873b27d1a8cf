// Browser test of the dossier web UI (see run.sh).
import { chromium } from "playwright-core";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import assert from "node:assert/strict";

const base = process.env.BASE;
const corpus = process.env.CORPUS;
const shots = new URL("./artifacts/", import.meta.url).pathname;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run"],
});
const errors = [];
let failed = false;
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed = true;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });

  await step("ingest the example corpus through the form", async () => {
    await page.goto(`${base}/ingest`);
    const files = readdirSync(corpus).filter((f) => /^\d/.test(f)).map((f) => join(corpus, f));
    await page.setInputFiles("#files", files);
    await page.click("form.ingest button[type=submit]");
    await page.waitForSelector("#ingest-result .ok", { timeout: 60000 });
    const text = await page.textContent("#ingest-result .ok");
    assert.match(text, /[1-9]\d* new/, text);
    await page.screenshot({ path: shots + "01-ingest.png", fullPage: true });
  });

  let storyURL = "";
  await step("story list, newest first", async () => {
    await page.goto(`${base}/`);
    const cards = await page.locator("ol.cards > li.card").count();
    assert.ok(cards >= 2, `stories: ${cards}`);
    await page.screenshot({ path: shots + "02-stories.png", fullPage: true });
    // open the story with the most articles
    const sizes = await page.$$eval("ol.cards > li.card", (els) => els.map((el) => [
      el.querySelector("h2 a").getAttribute("href"), parseInt(el.querySelector(".meta span:nth-child(2)").textContent, 10)]));
    sizes.sort((a, b) => b[1] - a[1]);
    storyURL = sizes[0][0];
  });

  await step("story page: dossier sections and timeline chart", async () => {
    await page.goto(base + storyURL);
    for (const h of ["Summary", "Timeline", "Quotes", "Source coverage", "Articles"]) {
      assert.ok(await page.getByRole("heading", { name: h, exact: true }).isVisible(), `section ${h}`);
    }
    await page.waitForSelector("#timeline-chart .vis-item", { timeout: 10000 });
    await page.screenshot({ path: shots + "03-story.png", fullPage: true });
  });

  await step("a summary citation opens its sentence highlighted", async () => {
    const cite = page.locator(".summary a.cite").first();
    const quoted = (await cite.getAttribute("title")).trim();
    await cite.click();
    await page.waitForURL(/\/articles\/\d+#s=\d+-\d+$/);
    const hl = page.locator(".text .s.cited").first();
    await hl.waitFor();
    assert.ok(await hl.isVisible());
    const text = (await page.locator(".text .s.cited").allTextContents()).join(" ");
    assert.ok(text.replace(/\s+/g, " ").includes(quoted.replace(/\s+/g, " ").slice(0, 40)), `highlighted "${text}" vs cited "${quoted}"`);
    const box = await hl.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 900, "highlight scrolled into view");
    await page.screenshot({ path: shots + "04-citation.png" });
  });

  await step("entity page: roles, quotes, co-occurrence graph", async () => {
    const ent = page.locator(".side .actors a").first();
    if ((await ent.count()) === 0) {
      console.log("     (no entities found by the pipeline: skipped)");
      return;
    }
    await ent.click();
    await page.waitForURL(/\/entities\//);
    assert.ok(await page.getByRole("heading", { name: "Mentioned with" }).isVisible());
    await page.waitForSelector("#cograph canvas", { timeout: 10000 });
    await page.screenshot({ path: shots + "09-entity.png", fullPage: true });
    await page.goBack();
  });

  await step("search from the top bar, with facets", async () => {
    await page.fill("#topq", "ceasefire");
    await page.press("#topq", "Enter");
    await page.waitForURL(/\/search\?q=ceasefire/);
    const hits = await page.locator(".hits li.card").count();
    assert.ok(hits >= 1, `hits: ${hits}`);
    assert.ok(await page.locator(".hits mark").first().isVisible(), "matched terms marked");
    const facet = page.locator(".facets ul").first().locator("a").first();
    await facet.click();
    await page.waitForURL(/source=/);
    assert.ok((await page.locator(".hits li.card").count()) >= 1);
    await page.screenshot({ path: shots + "05-search.png", fullPage: true });
  });

  await step("keyboard: skip link first, then navigation", async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "dossier");
  });

  await step("phone width: story and article pages", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const p = await phone.newPage();
    p.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    await p.goto(base + storyURL);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `horizontal overflow ${overflow}px`);
    await p.screenshot({ path: shots + "06-phone-story.png", fullPage: true });
    await p.goto(`${base}/articles/1`);
    await p.screenshot({ path: shots + "07-phone-article.png", fullPage: true });
    await phone.close();
  });

  await step("feeds: subscribe through the form, polled in the background, health shown", async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>E2E Gazette</title><link>http://gazette.example/</link>
<item><title>Harbour reopens after storm</title><link>http://gazette.example/1</link><pubDate>Wed, 18 Mar 2026 09:00:00 GMT</pubDate>
<description>The harbour of Orsk reopened on Wednesday after a storm closed it for two days, port officials said.</description></item></channel></rss>`;
    const feedSrv = createServer((req, res) => {
      if (req.url === "/feed.xml") { res.writeHead(200, { "Content-Type": "application/rss+xml", "ETag": '"e2e"' }); res.end(rss); }
      else { res.writeHead(404); res.end(); }
    });
    await new Promise((ok) => feedSrv.listen(0, "127.0.0.1", ok));
    const feedURL = `http://127.0.0.1:${feedSrv.address().port}/feed.xml`;
    const badURL = `http://127.0.0.1:${feedSrv.address().port}/missing.xml`;
    try {
      for (const u of [feedURL, badURL]) {
        await page.goto(`${base}/feeds`);
        await page.fill("input[name=url]", u);
        await page.click("form.filters button[type=submit]");
        await page.waitForSelector("p.note");
      }
      // the poller looks for due feeds every 5 s
      let ok = false;
      for (let i = 0; i < 30 && !ok; i++) {
        await page.waitForTimeout(1000);
        await page.goto(`${base}/feeds`);
        ok = (await page.locator(".health.good").count()) === 1 && (await page.locator(".health.bad").count()) === 1;
      }
      assert.ok(ok, "one healthy and one failing feed");
      assert.ok((await page.locator("text=E2E Gazette").count()) === 1, "feed title shown");
      await page.screenshot({ path: shots + "08-feeds.png", fullPage: true });
      await page.goto(`${base}/search?q=harbour+storm`);
      assert.ok((await page.locator(".hits li.card").count()) >= 1, "the feed's article is searchable");
    } finally {
      feedSrv.close();
    }
  });

  await step("no script errors on any page", async () => {
    assert.deepEqual(errors, []);
  });
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
