'use strict';
// Drives the unmodified official FreshBooks Node SDK (@freshbooks/api) against a running Ledgerline sandbox.
// Usage: FRESHBOOKS_API_URL=http://127.0.0.1:5080 FRESHBOOKS_AUTH_URL=http://127.0.0.1:5080 node check.js
// Prints one line per check and exits non-zero on the first failure.
const http = require('node:http');
const assert = require('node:assert/strict');
const { Client } = require('@freshbooks/api');
const { IncludesQueryBuilder, SearchQueryBuilder, PaginationQueryBuilder } = require('@freshbooks/api/dist/models/builders');

const apiUrl = process.env.FRESHBOOKS_API_URL;
if (!apiUrl || !process.env.FRESHBOOKS_AUTH_URL) {
  console.error('Set FRESHBOOKS_API_URL and FRESHBOOKS_AUTH_URL to the sandbox base URL.');
  process.exit(2);
}

const clientId = process.env.SANDBOX_CLIENT_ID || 'ledgerline-sandbox';
const clientSecret = process.env.SANDBOX_CLIENT_SECRET || 'ledgerline-sandbox-secret';
const redirectUri = 'http://127.0.0.1:9/callback';
const tag = Date.now().toString(36);

async function step(name, fn) {
  try {
    const result = await fn();
    console.log(`ok   ${name}`);
    return result;
  } catch (err) {
    console.log(`FAIL ${name}: ${err && err.stack ? err.stack : err}`);
    if (err && err.errors) console.log(JSON.stringify(err.errors));
    process.exit(1);
  }
}

async function consent(url) {
  // The consent page is HTML with a form; a scripted user posts decision=allow and reads the redirect.
  const page = await fetch(url);
  assert.equal(page.status, 200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(m[1], m[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  form.set('decision', 'allow');
  const action = new URL(html.match(/<form method="post" action="([^"]+)"/)[1], url);
  const res = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(res.status, 302);
  const location = new URL(res.headers.get('location'));
  return location.searchParams.get('code');
}

async function main() {
  const fb = new Client(clientId, { clientSecret, redirectUri });
  const authUrl = fb.getAuthRequestUrl(['user:profile:read', 'user:clients:read', 'user:clients:write', 'user:invoices:read',
    'user:invoices:write', 'user:payments:read', 'user:payments:write', 'user:expenses:read', 'user:billable_items:read',
    'user:billable_items:write', 'user:taxes:read', 'user:taxes:write', 'user:time_entries:read', 'user:time_entries:write',
    'user:projects:read', 'user:projects:write', 'user:credit_notes:read', 'user:credit_notes:write', 'user:bills:read',
    'user:bills:write', 'user:bill_vendors:read', 'user:bill_vendors:write', 'user:bill_payments:read', 'user:bill_payments:write']);
  const code = await step('consent page -> code', () => consent(authUrl));
  const tokens = await step('getAccessToken', async () => {
    const t = await fb.getAccessToken(code);
    assert.ok(t.accessToken && t.refreshToken);
    assert.ok(t.accessTokenExpiresAt > new Date());
    return t;
  });
  await step('refreshAccessToken (rotation)', async () => {
    const t = await fb.refreshAccessToken();
    assert.notEqual(t.refreshToken, tokens.refreshToken);
  });

  const me = await step('users.me', async () => {
    const { data } = await fb.users.me();
    assert.equal(data.businessMemberships.length, 2);
    assert.equal(data.businessMemberships[0].business.accountId.length > 0, true);
    return data;
  });
  const accountId = me.businessMemberships[0].business.accountId;
  const businessId = me.businessMemberships[0].business.id;

  const clientList = await step('clients.list (paging)', async () => {
    const { data } = await fb.clients.list(accountId, [new PaginationQueryBuilder().page(1).perPage(2)]);
    assert.equal(data.pages.size, 2);
    assert.ok(data.pages.total >= 3);
    assert.equal(data.clients.length, 2);
    return data;
  });
  const created = await step('clients.create', async () => {
    const { data } = await fb.clients.create({ email: `node-sdk-${tag}@example.test`, organization: `Node SDK ${tag}`, fName: 'Nod', lName: 'E' }, accountId);
    assert.equal(data.organization, `Node SDK ${tag}`);
    assert.ok(data.updated instanceof Date && !isNaN(data.updated));
    return data;
  });
  await step('clients.single + update + search', async () => {
    const { data } = await fb.clients.single(accountId, created.id);
    assert.equal(data.email, `node-sdk-${tag}@example.test`);
    const upd = await fb.clients.update({ note: 'from node' }, accountId, created.id);
    assert.equal(upd.data.note, 'from node');
    const found = await fb.clients.list(accountId, [new SearchQueryBuilder().like('organization_like', `Node SDK ${tag}`)]);
    assert.equal(found.data.clients.length, 1);
  });
  await step('clients.single unknown -> SDK error', async () => {
    await assert.rejects(() => fb.clients.single(accountId, 99999999), (err) => {
      assert.equal(err.statusCode, '404');
      assert.equal(err.message, 'Client not found.');
      return true;
    });
  });

  const invoice = await step('invoices.create with lines', async () => {
    const { data } = await fb.invoices.create({
      customerId: created.id,
      createDate: new Date(),
      dueOffsetDays: 30,
      discountValue: '10',
      lines: [
        { name: 'Design', qty: 1, unitCost: { amount: '20.00', code: 'USD' }, taxName1: 'HST', taxAmount1: '13' },
        { name: 'Hosting', qty: 2, unitCost: { amount: '12.00', code: 'USD' } },
      ],
    }, accountId);
    assert.equal(data.amount.amount, '41.94');
    return data;
  });
  await step('invoices.single include lines + markAsSent', async () => {
    const { data } = await fb.invoices.single(accountId, invoice.id, [new IncludesQueryBuilder().includes('lines')]);
    assert.equal(data.lines.length, 2);
    const sent = await fb.invoices.update(accountId, invoice.id, { actionMarkAsSent: true });
    assert.equal(sent.data.v3Status, 'sent');
  });
  await step('payments.create -> invoice partial', async () => {
    const { data } = await fb.payments.create(accountId, { invoiceId: invoice.id, amount: { amount: '20.00' }, date: new Date('2025-03-05T12:00:00Z'), type: 'Check' });
    assert.equal(data.amount.amount, '20.00');
    const inv = await fb.invoices.single(accountId, invoice.id);
    assert.equal(inv.data.paymentStatus, 'partial');
    assert.equal(inv.data.outstanding.amount, '21.94');
    const list = await fb.payments.list(accountId);
    assert.ok(list.data.payments.length >= 2);
  });
  await step('invoices.list + delete', async () => {
    const { data } = await fb.invoices.list(accountId, [new SearchQueryBuilder().equals('customerid', created.id)]);
    assert.equal(data.invoices.length, 1);
    const del = await fb.invoices.delete(accountId, invoice.id);
    assert.equal(del.data.visState, 1);
  });
  await step('expenses + categories', async () => {
    const cats = await fb.expenseCategories.list(accountId);
    assert.ok(cats.data.categories.length > 5);
    const { data } = await fb.expenses.list(accountId);
    assert.ok(data.expenses.length >= 1);
    assert.equal(typeof data.expenses[0].amount.amount, 'string');
  });
  await step('items (the SDK has no taxes resource)', async () => {
    const item = await fb.items.create(accountId, { name: 'Node widget', unitCost: { amount: '5.00', code: 'USD' }, qty: 2 });
    assert.equal(item.data.name, 'Node widget');
    const items = await fb.items.list(accountId);
    assert.ok(items.data.items.length >= 3);
  });
  await step('billVendors + bills + billPayments', async () => {
    const vendor = await fb.billVendors.create({ vendorName: `Node vendor ${tag}`, currencyCode: 'USD', is1099: false, language: 'en' }, accountId);
    assert.ok(vendor.data.vendorId > 0);
    const cats = await fb.expenseCategories.list(accountId);
    const categoryId = cats.data.categories[0].categoryId;
    const bill = await fb.bills.create({
      vendorId: vendor.data.vendorId, issueDate: new Date('2099-01-01T12:00:00Z'), dueOffsetDays: 39, currencyCode: 'USD', language: 'en',
      lines: [
        { categoryId, description: 'Toner', quantity: 1, unitCost: { amount: '125.00', code: 'USD' } },
        { categoryId, description: 'Paper', quantity: 2, unitCost: { amount: '125.00', code: 'USD' } },
      ],
    }, accountId);
    assert.equal(bill.data.totalAmount.amount, '375.00');
    assert.equal(bill.data.status, 'unpaid');
    assert.equal(bill.data.lines.length, 2);
    const pay = await fb.billPayments.create({ billId: bill.data.id, amount: { amount: '100.00', code: 'USD' }, paymentType: 'Check',
      paidDate: new Date('2099-01-02T12:00:00Z'), note: '' }, accountId);
    assert.equal(pay.data.amount.amount, '100.00');
    const partial = await fb.bills.single(accountId, bill.data.id);
    assert.equal(partial.data.status, 'partial');
    assert.equal(partial.data.outstanding.amount, '275.00');
    const edited = await fb.billPayments.update({ amount: { amount: '375.00', code: 'USD' } }, accountId, pay.data.id);
    assert.equal(edited.data.amount.amount, '375.00');
    assert.equal((await fb.bills.single(accountId, bill.data.id)).data.status, 'paid');
    const removed = await fb.billPayments.delete(accountId, pay.data.id);
    assert.equal(removed.data.visState, 1);
    const archived = await fb.bills.archive(accountId, bill.data.id);
    assert.equal(archived.data.visState, 2);
    const deleted = await fb.bills.delete(accountId, bill.data.id);
    assert.equal(deleted.data.visState, 1);
    const vendors = await fb.billVendors.list(accountId);
    assert.ok(vendors.data.bill_vendors.length >= 1);
    const gone = await fb.billVendors.delete(accountId, vendor.data.vendorId);
    assert.equal(gone.data.visState, 1);
  });
  await step('creditNotes (the SDK wraps one credit note in credit_notes)', async () => {
    // The SDK also reads a single credit note from credit_notes, so its parse of the (faithful) credit_note answer fails;
    // the list, which uses the right key, shows the sandbox accepted the SDK's request.
    await fb.creditNotes.create({ clientId: created.id, creditType: 'goodwill', createDate: new Date('2025-03-01T12:00:00Z'),
      lines: [{ name: 'Refund', qty: 1, unitCost: { amount: '5.00', code: 'USD' } }] }, accountId).catch(() => null);
    const { data } = await fb.creditNotes.list(accountId, [new SearchQueryBuilder().equals('clientid', created.id)]);
    assert.equal(data.creditNotes.length, 1);
    assert.equal(data.creditNotes[0].amount.amount, '5.00');
    assert.equal(data.creditNotes[0].creditType, 'goodwill');
  });
  await step('timeEntries list/create/delete', async () => {
    const list = await fb.timeEntries.list(businessId);
    assert.ok(list.data.timeEntries.length >= 1);
    const te = await fb.timeEntries.create({ isLogged: true, duration: 600, note: 'node', startedAt: new Date('2025-03-02T10:00:00Z') }, businessId);
    assert.equal(te.data.duration, 600);
    await fb.timeEntries.delete(businessId, te.data.id);
  });
  await step('projects list/create/single/update/delete', async () => {
    const list = await fb.projects.list(businessId);
    assert.ok(list.data.projects.length >= 1);
    const p = await fb.projects.create({ title: 'Node project' }, businessId);
    const single = await fb.projects.single(businessId, p.data.id);
    assert.equal(single.data.title, 'Node project');
    await fb.projects.update({ title: 'Node project 2' }, businessId, p.data.id);
    await fb.projects.delete(businessId, p.data.id);
  });

  await step('callbacks create/verify/list/delete with a signed delivery', async () => {
    const received = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { received.push({ body: new URLSearchParams(body), signature: req.headers['x-freshbooks-hmac-sha256'] }); res.end('ok'); });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    try {
      const uri = `http://127.0.0.1:${server.address().port}/hook`;
      const cb = await fb.callbacks.create({ event: 'client.create', uri }, accountId);
      const waitFor = async (pred) => {
        for (let i = 0; i < 200; i++) { const hit = received.find(pred); if (hit) return hit; await new Promise((r) => setTimeout(r, 25)); }
        throw new Error('webhook not received');
      };
      const verification = await waitFor((r) => r.body.get('verifier'));
      const verified = await fb.callbacks.verify(accountId, cb.data.callbackId, verification.body.get('verifier'));
      assert.equal(verified.data.verified, true);
      const list = await fb.callbacks.list(accountId);
      assert.ok(list.data.callbacks.length >= 1);
      await fb.clients.create({ organization: 'Hooked' }, accountId);
      const event = await waitFor((r) => r.body.get('name') === 'client.create');
      assert.ok(event.signature);
      await fb.callbacks.delete(accountId, cb.data.callbackId);
    } finally {
      server.close();
    }
  });
  console.log('all checks passed');
}

main().catch((err) => { console.log(`FAIL ${err && err.stack ? err.stack : err}`); process.exit(1); });
