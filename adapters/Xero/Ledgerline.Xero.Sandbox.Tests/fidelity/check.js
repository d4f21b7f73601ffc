'use strict';
// Drives the unmodified official Xero Node SDK (xero-node 20.0.0) against a running Ledgerline Xero sandbox, following
// the recipe in the shared Xero reference (§14): OpenID discovery against the sandbox, the consent page scripted like a
// user, the code exchange with id_token validation, rotation, then the Accounting API through the SDK's own models.
// Usage: XERO_SANDBOX_URL=http://127.0.0.1:5090 node check.js
// Prints one line per check and exits non-zero on the first failure.
const assert = require('node:assert/strict');
const { XeroClient, BankTransaction, Contact, CreditNote, Invoice, LineAmountTypes, Payment, QuoteLineAmountTypes, QuoteStatusCodes } = require('xero-node');
const { Issuer } = require('openid-client'); // the copy xero-node uses (npm hoists one)
const axios = require('axios'); // the CommonJS instance xero-node uses, for its hard-coded connections URL

const base = (process.env.XERO_SANDBOX_URL || '').replace(/\/$/, '');
if (!base) {
  console.error('Set XERO_SANDBOX_URL to the sandbox base URL.');
  process.exit(2);
}

const clientId = process.env.SANDBOX_CLIENT_ID || 'LEDGERLINESANDBOXCLIENT0000000001';
const clientSecret = process.env.SANDBOX_CLIENT_SECRET || 'ledgerline-xero-sandbox-secret';
const redirectUri = 'http://localhost:5555/callback';
const tag = Date.now().toString(36);

async function step(name, fn) {
  try {
    const result = await fn();
    console.log(`ok   ${name}`);
    return result;
  } catch (err) {
    // xero-node rejects API errors with a JSON string.
    console.log(`FAIL ${name}: ${err && err.stack ? err.stack : typeof err === 'string' ? err.slice(0, 2000) : JSON.stringify(err)}`);
    process.exit(1);
  }
}

function unescapeHtml(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function consent(url) {
  // The consent page is HTML with a form; a scripted user keeps every organisation checked and allows.
  const page = await fetch(url);
  assert.equal(page.status, 200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], unescapeHtml(m[2]));
  const tenants = [...html.matchAll(/name="tenant" value="([0-9a-f-]{36})" checked/g)].map(m => m[1]);
  assert.equal(tenants.length, 2, 'two organisations offered');
  for (const t of tenants) form.append('tenant', t);
  form.set('decision', 'allow');
  const answer = await fetch(new URL('/identity/connect/authorize', base), { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(answer.status, 302);
  return answer.headers.get('location');
}

(async () => {
  const scopes = 'openid profile email accounting.transactions accounting.contacts accounting.settings offline_access'.split(' ');
  const xero = new XeroClient({ clientId, clientSecret, redirectUris: [redirectUri], scopes, state: 'st-' + tag });

  await step('OpenID discovery and the SDK consent URL', async () => {
    const issuer = await Issuer.discover(base);
    xero.openIdClient = new issuer.Client({ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] });
    const url = await xero.buildConsentUrl();
    assert.ok(url.startsWith(base + '/identity/connect/authorize?'), url);
    xero.consentUrl = url;
  });

  await step('consent, code exchange and id_token validation (apiCallback)', async () => {
    const callback = await consent(xero.consentUrl);
    const tokenSet = await xero.apiCallback(callback);
    assert.equal(tokenSet.token_type, 'Bearer');
    assert.equal(tokenSet.claims().email, 'sandy@ledgerline.test');
    assert.ok(tokenSet.refresh_token);
  });

  await step('refresh rotation through openid-client (refreshToken)', async () => {
    const before = xero.readTokenSet().refresh_token;
    const tokenSet = await xero.refreshToken();
    assert.notEqual(tokenSet.refresh_token, before);
    assert.ok(tokenSet.expires_in > 1700);
  });

  // The SDK hard-codes api.xero.com and identity.xero.com for these calls; point them at the sandbox.
  axios.interceptors.request.use(config => {
    config.url = config.url.replace('https://api.xero.com', base).replace('https://identity.xero.com', base);
    return config;
  });
  xero.accountingApi.basePath = `${base}/api.xro/2.0`;

  const tenants = await step('tenants from GET /connections (updateTenants)', async () => {
    const list = await xero.updateTenants(false);
    assert.equal(list.length, 2);
    return list;
  });
  const nz = tenants.find(t => t.tenantName.endsWith('NZ')).tenantId;
  const au = tenants.find(t => t.tenantName.endsWith('AU')).tenantId;

  await step('refreshWithRefreshToken (the SDK\'s direct token request)', async () => {
    const refreshed = await xero.refreshWithRefreshToken(clientId, clientSecret, xero.readTokenSet().refresh_token);
    assert.ok(refreshed.access_token);
  });

  const api = xero.accountingApi;
  await step('organisations per tenant', async () => {
    const { body } = await api.getOrganisations(nz);
    assert.equal(body.organisations[0].baseCurrency, 'NZD');
    const other = await api.getOrganisations(au);
    assert.equal(other.body.organisations[0].baseCurrency, 'AUD');
  });

  const contact = await step('contacts: create, update, read by id, filter and page', async () => {
    const created = await api.createContacts(nz, { contacts: [{ name: `Fidelity ${tag}`, emailAddress: `fidelity-${tag}@example.test` }] });
    const c = created.body.contacts[0];
    assert.ok(c.contactID);
    assert.equal(c.contactStatus, Contact.ContactStatusEnum.ACTIVE);
    await api.updateContact(nz, c.contactID, { contacts: [{ contactID: c.contactID, accountNumber: `ACC-${tag}` }] });
    const read = await api.getContact(nz, c.contactID);
    assert.equal(read.body.contacts[0].accountNumber, `ACC-${tag}`);
    assert.ok(read.body.contacts[0].updatedDateUTC instanceof Date);
    const filtered = await api.getContacts(nz, undefined, `Name=="Fidelity ${tag}"`, 'Name ASC', undefined, 1);
    assert.equal(filtered.body.contacts.length, 1);
    assert.equal(filtered.body.pagination.itemCount, 1);
    return c;
  });

  const invoice = await step('invoices: Exclusive and Inclusive with Xero\'s totals', async () => {
    const lines = [{ description: 'Consulting', quantity: 2, unitAmount: 10, accountCode: '200' }, { description: 'Travel', quantity: 1, unitAmount: 33.33, accountCode: '200' }];
    const created = await api.createInvoices(nz, {
      invoices: [
        { type: Invoice.TypeEnum.ACCREC, contact: { contactID: contact.contactID }, date: '2026-11-01', dueDate: '2026-12-01', lineAmountTypes: LineAmountTypes.Exclusive, status: Invoice.StatusEnum.AUTHORISED, lineItems: lines },
        { type: Invoice.TypeEnum.ACCREC, contact: { contactID: contact.contactID }, date: '2026-11-01', lineAmountTypes: LineAmountTypes.Inclusive, lineItems: [{ description: 'Gift', quantity: 1, unitAmount: 20, accountCode: '200' }] },
      ],
    });
    const [exclusive, inclusive] = created.body.invoices;
    assert.equal(exclusive.subTotal, 53.33);
    assert.equal(exclusive.totalTax, 8);
    assert.equal(exclusive.total, 61.33);
    assert.equal(exclusive.status, Invoice.StatusEnum.AUTHORISED);
    assert.equal(inclusive.total, 20);
    assert.equal(inclusive.totalTax, 2.61);
    assert.equal(inclusive.subTotal, 17.39);
    const deleted = await api.updateInvoice(nz, inclusive.invoiceID, { invoices: [{ invoiceID: inclusive.invoiceID, status: Invoice.StatusEnum.DELETED }] });
    assert.equal(deleted.body.invoices[0].status, Invoice.StatusEnum.DELETED);
    return exclusive;
  });

  await step('invoices: read, unitdp=4, Statuses filter and paging', async () => {
    const one = await api.getInvoice(nz, invoice.invoiceID, 4);
    assert.equal(one.body.invoices[0].lineItems[1].unitAmount, 33.33);
    const page = await api.getInvoices(nz, undefined, undefined, 'Date DESC', undefined, undefined, [contact.contactID], ['AUTHORISED', 'DELETED'], 1);
    assert.equal(page.body.invoices.length, 2);
    assert.ok(page.body.invoices[0].lineItems.length > 0);
  });

  await step('payments: create, invoice paid, delete reopens', async () => {
    const created = await api.createPayment(nz, { invoice: { invoiceID: invoice.invoiceID }, account: { code: '090' }, date: '2026-11-10', amount: 61.33 });
    const payment = created.body.payments[0];
    assert.equal(payment.status, Payment.StatusEnum.AUTHORISED);
    assert.equal((await api.getInvoice(nz, invoice.invoiceID)).body.invoices[0].status, Invoice.StatusEnum.PAID);
    await api.deletePayment(nz, payment.paymentID, { status: 'DELETED' });
    assert.equal((await api.getInvoice(nz, invoice.invoiceID)).body.invoices[0].status, Invoice.StatusEnum.AUTHORISED);
    const list = await api.getPayments(nz, undefined, undefined, undefined, 1);
    assert.ok(list.body.payments.some(p => p.paymentID === payment.paymentID && p.status === Payment.StatusEnum.DELETED));
  });

  await step('tax rates and accounts', async () => {
    const rates = await api.getTaxRates(au, 'TaxType=="OUTPUT"');
    assert.equal(rates.body.taxRates[0].effectiveRate, 10);
    const accounts = await api.getAccounts(nz, undefined, 'Type=="BANK"');
    assert.deepEqual(accounts.body.accounts.map(a => a.code), ['090', '091', '092']);
  });

  await step('tax rates: create a compound rate, rename it, delete it', async () => {
    const created = await api.createTaxRates(nz, { taxRates: [{ name: `Fidelity ${tag}`, reportTaxType: 'OUTPUT', taxComponents: [{ name: 'Levy', rate: 2.5, isCompound: true }] }] });
    const rate = created.body.taxRates[0];
    assert.match(rate.taxType, /^TAX\d{3}$/);
    assert.equal(rate.effectiveRate, 2.5);
    assert.equal(rate.taxComponents[0].isCompound, true);
    const renamed = await api.updateTaxRate(nz, { taxRates: [{ taxType: rate.taxType, name: `Fidelity ${tag} renamed` }] });
    assert.equal(renamed.body.taxRates[0].name, `Fidelity ${tag} renamed`);
    const deleted = await api.updateTaxRate(nz, { taxRates: [{ taxType: rate.taxType, status: 'DELETED' }] });
    assert.equal(deleted.body.taxRates[0].status, 'DELETED');
  });

  await step('bank transactions: an Inclusive SPEND (an expense), paged list, delete', async () => {
    const created = await api.createBankTransactions(nz, {
      bankTransactions: [{
        type: BankTransaction.TypeEnum.SPEND, contact: { contactID: contact.contactID }, bankAccount: { code: '090' }, date: '2026-11-05',
        lineAmountTypes: LineAmountTypes.Inclusive, lineItems: [{ description: 'Stationery', quantity: 1, unitAmount: 23, accountCode: '429' }],
      }],
    });
    const spend = created.body.bankTransactions[0];
    assert.equal(spend.total, 23);
    assert.equal(spend.totalTax, 3);
    assert.equal(spend.status, BankTransaction.StatusEnum.AUTHORISED);
    const page = await api.getBankTransactions(nz, undefined, 'Type=="SPEND"', undefined, 1);
    assert.ok(page.body.bankTransactions.some(t => t.bankTransactionID === spend.bankTransactionID));
    const deleted = await api.updateBankTransaction(nz, spend.bankTransactionID, { bankTransactions: [{ bankTransactionID: spend.bankTransactionID, status: BankTransaction.StatusEnum.DELETED }] });
    assert.equal(deleted.body.bankTransactions[0].status, BankTransaction.StatusEnum.DELETED);
  });

  await step('items: create, read, use on an invoice line, delete', async () => {
    const created = await api.createItems(nz, { items: [{ code: `FID-${tag}`, name: 'Fidelity item', description: 'Fidelity item', salesDetails: { unitPrice: 12.5, accountCode: '200' } }] });
    const item = created.body.items[0];
    assert.equal((await api.getItem(nz, item.itemID)).body.items[0].salesDetails.unitPrice, 12.5);
    const inv = await api.createInvoices(nz, { invoices: [{ type: Invoice.TypeEnum.ACCREC, contact: { contactID: contact.contactID }, lineItems: [{ itemCode: item.code, quantity: 2 }] }] });
    assert.equal(inv.body.invoices[0].subTotal, 25);
    await api.deleteItem(nz, item.itemID);
    assert.ok(!(await api.getItems(nz)).body.items.some(i => i.itemID === item.itemID));
  });

  await step('credit notes: create, allocate to an invoice, read both, page', async () => {
    const inv = await api.createInvoices(nz, { invoices: [{ type: Invoice.TypeEnum.ACCREC, contact: { contactID: contact.contactID }, date: '2026-11-01', status: Invoice.StatusEnum.AUTHORISED, lineItems: [{ description: 'Work', quantity: 1, unitAmount: 100, accountCode: '200' }] }] });
    const invoiceID = inv.body.invoices[0].invoiceID;
    const created = await api.createCreditNotes(nz, {
      creditNotes: [{ type: CreditNote.TypeEnum.ACCRECCREDIT, contact: { contactID: contact.contactID }, date: '2026-11-02', status: CreditNote.StatusEnum.AUTHORISED, lineItems: [{ description: 'Goodwill', quantity: 1, unitAmount: 20, accountCode: '200' }] }],
    });
    const note = created.body.creditNotes[0];
    assert.equal(note.total, 23);
    assert.equal(note.remainingCredit, 23);
    const allocated = await api.createCreditNoteAllocation(nz, note.creditNoteID, { allocations: [{ invoice: { invoiceID }, amount: 10, date: '2026-11-03' }] });
    assert.equal(allocated.body.allocations[0].amount, 10);
    const read = (await api.getCreditNote(nz, note.creditNoteID)).body.creditNotes[0];
    assert.equal(read.remainingCredit, 13);
    assert.equal(read.allocations[0].invoice.invoiceID, invoiceID);
    const settled = (await api.getInvoice(nz, invoiceID)).body.invoices[0];
    assert.equal(settled.amountCredited, 10);
    assert.equal(settled.amountDue, 105);
    const page = await api.getCreditNotes(nz, undefined, 'Status=="AUTHORISED"', undefined, 1);
    assert.ok(page.body.creditNotes.some(c => c.creditNoteID === note.creditNoteID));
    assert.equal(page.body.pagination.page, 1);
  });

  await step('quotes: create with a discount, send, accept, filter, invoice, refuse an illegal transition', async () => {
    const created = await api.createQuotes(nz, {
      quotes: [{ contact: { contactID: contact.contactID }, date: '2026-11-01', expiryDate: '2026-11-30', lineAmountTypes: QuoteLineAmountTypes.EXCLUSIVE, title: 'Fidelity quote', terms: 'Valid 30 days',
        lineItems: [{ description: 'Design', quantity: 3, unitAmount: 33.33, discountRate: 10, accountCode: '200' }] }],
    });
    const quote = created.body.quotes[0];
    assert.match(quote.quoteNumber, /^QU-\d{4}$/);
    assert.equal(quote.status, QuoteStatusCodes.DRAFT);
    assert.equal(quote.lineAmountTypes, QuoteLineAmountTypes.EXCLUSIVE);
    assert.equal(quote.lineItems[0].lineAmount, 89.99);
    assert.equal(quote.subTotal, 89.99);
    assert.equal(quote.totalTax, 13.5);
    assert.equal(quote.total, 103.49);
    assert.equal(quote.totalDiscount, 10);
    const sent = await api.updateQuote(nz, quote.quoteID, { quotes: [{ contact: { contactID: contact.contactID }, date: '2026-11-01', status: QuoteStatusCodes.SENT }] });
    assert.equal(sent.body.quotes[0].status, QuoteStatusCodes.SENT);
    const accepted = await api.updateQuote(nz, quote.quoteID, { quotes: [{ contact: { contactID: contact.contactID }, date: '2026-11-01', status: QuoteStatusCodes.ACCEPTED }] });
    assert.equal(accepted.body.quotes[0].status, QuoteStatusCodes.ACCEPTED);
    const listed = await api.getQuotes(nz, undefined, '2026-11-01', '2026-11-01', undefined, undefined, contact.contactID, 'ACCEPTED', 1, undefined, quote.quoteNumber);
    assert.deepEqual(listed.body.quotes.map(q => q.quoteID), [quote.quoteID]);
    assert.equal(listed.body.quotes[0].lineItems.length, 1);
    const read = (await api.getQuote(nz, quote.quoteID)).body.quotes[0];
    assert.equal(read.title, 'Fidelity quote');
    assert.equal(read.terms, 'Valid 30 days');
    const invoice = await api.createInvoices(nz, { invoices: [{ type: Invoice.TypeEnum.ACCREC, contact: { contactID: contact.contactID }, reference: read.quoteNumber, lineItems: read.lineItems.map(l => ({ description: l.description, quantity: l.quantity, unitAmount: l.unitAmount, discountRate: l.discountRate, accountCode: l.accountCode, taxType: l.taxType })) }] });
    assert.equal(invoice.body.invoices[0].total, read.total);
    const invoiced = await api.updateQuote(nz, quote.quoteID, { quotes: [{ contact: { contactID: contact.contactID }, date: '2026-11-01', status: QuoteStatusCodes.INVOICED }] });
    assert.equal(invoiced.body.quotes[0].status, QuoteStatusCodes.INVOICED);
    try {
      await api.updateQuote(nz, quote.quoteID, { quotes: [{ contact: { contactID: contact.contactID }, date: '2026-11-01', status: QuoteStatusCodes.DRAFT }] });
      assert.fail('expected a 400');
    } catch (err) {
      const e = typeof err === 'string' ? JSON.parse(err) : err;
      assert.equal(e.response.statusCode, 400);
      assert.equal(e.body.Type, 'ValidationException');
    }
  });

  await step('validation errors arrive as the SDK\'s error', async () => {
    try {
      await api.createContacts(nz, { contacts: [{ name: `Fidelity ${tag}` }] });
      assert.fail('expected a 400');
    } catch (err) {
      const e = typeof err === 'string' ? JSON.parse(err) : err;
      assert.equal(e.response.statusCode, 400);
      assert.equal(e.body.Type, 'ValidationException');
      assert.match(e.body.Elements[0].ValidationErrors[0].Message, /already assigned to another contact/);
    }
  });

  await step('disconnect a tenant, then revoke', async () => {
    await xero.disconnect(tenants.find(t => t.tenantId === au).id);
    assert.equal((await xero.updateTenants(false)).length, 1);
    await xero.revokeToken();
  });

  console.log('all checks passed');
})();
