'use strict';
// The official FreshBooks Node SDK's own page loop over every invoice, as a Node integration writes it: invoices.list
// with page N, 100 per page, include[]=lines, until `pages` says stop. Run by the export-process benchmark against the
// Ledgerline FreshBooks sandbox (never FreshBooks itself):
//   FRESHBOOKS_API_URL=http://127.0.0.1:PORT SANDBOX_ACCESS_TOKEN=… SANDBOX_ACCOUNT_ID=… node sdk-export.js
// Prints one JSON line: invoices and distinct ids listed, pages, the loop's wall time (process.hrtime, around the loop
// only), the time to load the SDK, the process CPU time during the loop and the peak resident set.
const started = process.hrtime.bigint();
const { Client } = require('@freshbooks/api');
const { IncludesQueryBuilder, PaginationQueryBuilder } = require('@freshbooks/api/dist/models/builders');
const loaded = process.hrtime.bigint();

const apiUrl = process.env.FRESHBOOKS_API_URL;
const accessToken = process.env.SANDBOX_ACCESS_TOKEN;
const accountId = process.env.SANDBOX_ACCOUNT_ID;
if (!apiUrl || !accessToken || !accountId) {
  console.error('Set FRESHBOOKS_API_URL, SANDBOX_ACCESS_TOKEN and SANDBOX_ACCOUNT_ID.');
  process.exit(2);
}
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(apiUrl)) {
  console.error('This benchmark only runs against a loopback sandbox.');
  process.exit(2);
}

async function main() {
  const fb = new Client('ledgerline-sandbox', { accessToken, apiUrl });
  const ids = new Set();
  let invoices = 0;
  let pages = 0;
  let requests = 0;
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let page = 1; ; page++) {
    const { data } = await fb.invoices.list(accountId, [
      new PaginationQueryBuilder().page(page).perPage(100),
      new IncludesQueryBuilder().includes('lines'),
    ]);
    requests++;
    for (const invoice of data.invoices) {
      invoices++;
      ids.add(invoice.id);
    }
    pages = data.pages.pages;
    if (page >= pages) break;
  }
  const t1 = process.hrtime.bigint();
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({
    invoices,
    distinct: ids.size,
    pages,
    requests,
    loopMs: Number(t1 - t0) / 1e6,
    loadMs: Number(loaded - started) / 1e6,
    cpuMs: (used.user + used.system) / 1e3,
    maxRssKiB: process.resourceUsage().maxRSS,
  }));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
