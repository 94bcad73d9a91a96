// JS heap of a page, read through the Chrome DevTools Protocol after a forced garbage collection,
// so what is measured is what the page keeps, not what it has not yet collected.
import { newSession, waitForCards } from './browser.mjs';
import { summarize } from './stats.mjs';

export async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  return used.value / 1e6;
}

/**
 * A long session: the dashboard left open while the simulator's clock runs fast (the deck server at `url`
 * is started with SIM_SPEED=600), so a minute of real time is ten hours of backups, GC and polling data.
 */
export async function measureLongSession(browser, url, state, stores, seconds, speed) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.goto('/');
  await waitForCards(page, stores);
  await page.waitForTimeout(2000);
  const start = await heapUsed(page);
  const samples = [];
  const step = Math.max(5, Math.floor(seconds / 6));
  for (let t = 0; t < seconds; t += step) {
    await page.waitForTimeout(Math.min(step, seconds - t) * 1000);
    samples.push(await heapUsed(page));
  }
  const end = samples.at(-1);
  await context.close();
  const simHours = ((seconds * speed) / 3600).toFixed(1);
  return [
    {
      ...summarize(
        `memory: JS heap used after a long session (dashboard open ${seconds} s real at SIM_SPEED=${speed} = ${simHours} h simulated; value = last sample, min/max over the samples, floor = after load in the same page)`,
        'MB',
        samples,
        { floor: Number(start.toFixed(2)) },
        2,
      ),
      value: Number(end.toFixed(2)),
    },
  ];
}
