using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Tests.Mapping;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// Fuzzes the adapter's reading with real sandbox answers: every read of every store, against answers changed on their way
/// in (a field dropped, nulled, of the wrong type, huge, an extreme date or number, invalid UTF-8, a null array element,
/// the body truncated, cut short or oversized; one in eight also as an error status, so error bodies are read too). Whatever arrives, the adapter itself (no pipeline safety net) answers with
/// records or a bounded <see cref="LedgerlineException"/>; any other exception fails the test, printing the mutation.
/// Deterministic (fixed seed); each answer is at most a few MB, so time and memory stay bounded.
/// </summary>
public sealed class AnswerFuzzTests
{
    private const int Seed = 14_2026;
    private const int Mutations = 3000;

    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_ThousandsOfMutatedSandboxAnswers_OnlyRecordsOrBoundedLedgerlineExceptions()
    {
        AnswerMutator? installed = null;
        await using var fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0, services: s => installed = AnswerMutator.Install(s));
        using var mutator = installed!;
        fixture.Sandbox.Data.SeedDefaultData(fixture.AccountId);
        var ledger = await fixture.OpenRawAsync();
        var targets = await TargetsAsync(ledger);
        var random = new Random(Seed);
        var escapes = new List<string>();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < Mutations; i++)
        {
            var target = targets[random.Next(targets.Count)];
            var mutation = new Mutation((Kind)random.Next(Enum.GetValues<Kind>().Length), random.Next());
            mutator.PathFragment = target.Path;
            mutator.Mutate = mutation.Apply;
            mutator.Status = mutation.Status;
            string outcome;
            try
            {
                await target.Read(Ct);
                outcome = "read";
            }
            catch (LedgerlineException exception)
            {
                outcome = exception.GetType().Name;
                try
                {
                    RequiredValueTests.AssertBounded(exception);
                }
                catch (Exception unbounded) when (unbounded is Xunit.Sdk.XunitException)
                {
                    escapes.Add($"#{i} {target.Name} {mutation}: unbounded {exception.GetType().Name}: {unbounded.Message}");
                }
            }
            catch (OperationCanceledException)
            {
                Ct.ThrowIfCancellationRequested();
                outcome = "cancelled";
            }
            catch (Exception exception)
            {
                outcome = "escaped";
                escapes.Add($"#{i} {target.Name} {mutation}: {exception.GetType().FullName}: {Cut(exception.Message)}\n{Cut(exception.StackTrace)}");
                kinds.Add($"{target.Name} {exception.GetType().Name} {exception.StackTrace?.Split('\n')[0].Trim()}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var summary = string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Mutations} mutations (seed {Seed}): {summary}");
        Assert.True(escapes.Count == 0,
            $"{escapes.Count} of {Mutations} mutations escaped ({summary}):\n{string.Join("\n", escapes.Take(5))}\nAll escapes by place:\n{string.Join("\n", kinds.Order(StringComparer.Ordinal))}");
        // The mutations reached the adapter, and some answers still read (a mutation of a field no one maps).
        Assert.True(mutator.Mutated >= Mutations, summary);
        Assert.True(outcomes.GetValueOrDefault("read") > 0 && outcomes.GetValueOrDefault(nameof(InvalidProviderResponseException)) > Mutations / 4, summary);
    }

    /// <summary>Every read the adapter offers (get and full listing of each store), on records created through it.</summary>
    private static async Task<IReadOnlyList<Target>> TargetsAsync(ILedger ledger)
    {
        var day = new DateOnly(2024, 3, 1);
        var contact = await First(ledger.Contacts.ListAsync(new ContactQuery(), Ct));
        var vendor = await ledger.Vendors.CreateAsync(new NewVendor { Name = "Fuzz Paper Co.", Currency = Usd }, Ct);
        var bill = await ledger.Bills.CreateAsync(new NewBill
        {
            VendorId = vendor.Id, Currency = Usd, IssueDate = day, DueDate = day.AddDays(30),
            Lines = [new NewBillLine { Description = "Paper", Quantity = 2m, UnitPrice = new Money(12.50m, Usd), Taxes = [new LineTax("GST", 5m)] }],
        }, Ct);
        var lines = new[] { new NewInvoiceLine { Name = "Work", Quantity = 2m, UnitPrice = new Money(10.00m, Usd), Taxes = [new LineTax("HST", 13m)] } };
        var estimate = await ledger.Estimates.CreateAsync(new NewEstimate
        {
            ContactId = contact.Id, Currency = Usd, IssueDate = day, DiscountPercent = 10m, Lines = lines,
        }, Ct);
        var credit = await ledger.CreditNotes.CreateAsync(new NewCreditNote { ContactId = contact.Id, Currency = Usd, IssueDate = day, Lines = lines }, Ct);

        var invoice = await First(ledger.Invoices.ListAsync(new InvoiceQuery(), Ct));
        var payment = await First(ledger.Payments.ListAsync(new PaymentQuery(), Ct));
        var expense = await First(ledger.Expenses.ListAsync(new ExpenseQuery(), Ct));
        var item = await First(ledger.Items.ListAsync(new ItemQuery(), Ct));
        var tax = await First(ledger.TaxRates.ListAsync(new TaxRateQuery(), Ct));
        var project = await First(ledger.Projects.ListAsync(new ProjectQuery(), Ct));
        var entry = await First(ledger.TimeEntries.ListAsync(new TimeEntryQuery(), Ct));

        return
        [
            .. Both("contact", "/users/clients", contact.Id, ledger.Contacts, new ContactQuery()),
            .. Both("invoice", "/invoices/invoices", invoice.Id, ledger.Invoices, new InvoiceQuery()),
            .. Both("payment", "/payments/payments", payment.Id, ledger.Payments, new PaymentQuery()),
            .. Both("expense", "/expenses/expenses", expense.Id, ledger.Expenses, new ExpenseQuery()),
            .. Both("item", "/items/items", item.Id, ledger.Items, new ItemQuery()),
            .. Both("tax", "/taxes/taxes", tax.Id, ledger.TaxRates, new TaxRateQuery()),
            .. Both("project", "/project", project.Id, ledger.Projects, new ProjectQuery()),
            .. Both("time entry", "/time_entries", entry.Id, ledger.TimeEntries, new TimeEntryQuery()),
            .. Both("estimate", "/estimates/estimates", estimate.Id, ledger.Estimates, new EstimateQuery()),
            .. Both("credit note", "/credit_notes/credit_notes", credit.Id, ledger.CreditNotes, new CreditNoteQuery()),
            .. Both("vendor", "/bill_vendors/bill_vendors", vendor.Id, ledger.Vendors, new VendorQuery()),
            .. Both("bill", "/bills/bills", bill.Id, ledger.Bills, new BillQuery()),
        ];
    }

    private static Target[] Both<T, TNew, TChanges, TQuery>(string name, string path, string id, ILedgerStore<T, TNew, TChanges, TQuery> store, TQuery query)
        where T : LedgerRecord
        where TNew : class
        where TChanges : class
        where TQuery : RecordQuery<T> =>
    [
        new("get " + name, path + "/", async t => await store.GetAsync(id, t)),
        new("list " + name, path, async t =>
        {
            await foreach (var _ in store.ListAsync(query, t))
            {
            }
        }),
    ];

    private static async Task<T> First<T>(IAsyncEnumerable<T> records)
    {
        await foreach (var record in records)
        {
            return record;
        }

        throw new InvalidOperationException($"The sandbox holds no {typeof(T).Name}.");
    }

    private static string Cut(string? text) => text is null ? string.Empty : text.Length <= 1500 ? text : text[..1500] + "…";

    /// <summary>A read of one store, and the path fragment of the answers it reads.</summary>
    private sealed record Target(string Name, string Path, Func<CancellationToken, Task> Read);

    private enum Kind
    {
        Drop,
        Null,
        WrongType,
        EmptyString,
        HugeString,
        ExtremeDate,
        ExtremeNumber,
        NullArrayElement,
        InvalidUtf8,
        Truncated,
        CutShort,
        Oversized,
    }

    /// <summary>One change to an answer, chosen from its own seed so that it can be told (and replayed) exactly.</summary>
    private sealed class Mutation(Kind kind, int seed)
    {
        private static readonly string[] Dates =
        [
            "9999-12-31 23:59:59", "0001-01-01 00:00:00", "0000-00-00 00:00:00", "2024-02-30", "9999-12-31T23:59:59-12:00",
            "0001-01-01T00:00:00+14:00", "yesterday", "2024-13-01", "1970-01-01T00:00:00Z", "2024-11-03 01:30:00", "",
        ];

        private static readonly JsonNode?[] Numbers =
        [
            JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue),
            JsonNode.Parse("1e400"), JsonNode.Parse("-79228162514264337593543950336"), JsonNode.Parse("0.0000000000000000000000000001"),
            JsonValue.Create("79228162514264337593543950335"), JsonValue.Create("NaN"), JsonValue.Create("-0"), JsonValue.Create(1.5),
            JsonValue.Create("1e10"), JsonNode.Parse("18446744073709551616"),
        ];

        /// <summary>
        /// Error statuses an answer may come with instead (401 aside: it would mark the connection for reauthorization and
        /// end the run), so that error bodies are mutated too.
        /// </summary>
        private static readonly HttpStatusCode[] Statuses =
        [
            HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Conflict,
            HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable,
        ];

        private string _detail = string.Empty;

        /// <summary>One answer in eight comes with an error status.</summary>
        public HttpStatusCode? Status { get; } = new Random(seed ^ 0x5A5A).Next(8) == 0 ? Statuses[new Random(seed).Next(Statuses.Length)] : null;

        public HttpContent? Apply(byte[] body)
        {
            var random = new Random(seed);
            switch (kind)
            {
                case Kind.InvalidUtf8:
                    return InvalidUtf8(body, random);
                case Kind.Truncated:
                    var cut = random.Next(body.Length);
                    _detail = $"at byte {cut} of {body.Length}";
                    return AnswerMutator.Json(body[..cut]);
                case Kind.CutShort:
                    var sent = random.Next(1, body.Length);
                    _detail = $"after byte {sent} of {body.Length}";
                    return new CutShortContent(body, sent);
                case Kind.Oversized:
                    _detail = "Content-Length beyond the limit";
                    return new OversizedContent(FreshBooksResponseBody.MaxBytes + 1L + random.Next(1000));
            }

            var root = JsonNode.Parse(body)!;
            var nodes = new List<(JsonNode? Parent, string Key, JsonNode? Node)>();
            Walk(root, nodes);
            if (kind == Kind.NullArrayElement)
            {
                var arrays = nodes.Where(n => n.Node is JsonArray).ToArray();
                if (arrays.Length > 0)
                {
                    var (_, key, node) = arrays[random.Next(arrays.Length)];
                    var array = node!.AsArray();
                    var at = random.Next(array.Count + 1);
                    array.Insert(at, null);
                    _detail = $"{key}[{at}] = null";
                    return AnswerMutator.Json(Encoding.UTF8.GetBytes(root.ToJsonString()));
                }
            }

            var (parent, name, value) = nodes[random.Next(nodes.Count)];
            var replacement = kind switch
            {
                Kind.Null or Kind.NullArrayElement => null,
                Kind.WrongType => WrongType(value, random),
                Kind.EmptyString => JsonValue.Create(string.Empty),
                Kind.HugeString => JsonValue.Create(new string((char)('a' + random.Next(26)), random.Next(4) switch { 0 => 1024, 1 => 64 * 1024, 2 => 512 * 1024, _ => 2 * 1024 * 1024 })),
                Kind.ExtremeDate => JsonValue.Create(Dates[random.Next(Dates.Length)]),
                Kind.ExtremeNumber => Numbers[random.Next(Numbers.Length)]?.DeepClone(),
                _ => null,
            };
            var shown = replacement is null ? "null" : replacement.ToJsonString() is { Length: > 40 } text ? text[..40] + $"…({text.Length} chars)" : replacement.ToJsonString();
            switch (parent)
            {
                case JsonObject obj when kind == Kind.Drop:
                    obj.Remove(name);
                    _detail = $"drop {name}";
                    break;
                case JsonObject obj:
                    obj[name] = replacement;
                    _detail = $"{name} = {shown}";
                    break;
                case JsonArray array:
                    var index = int.Parse(name, CultureInfo.InvariantCulture);
                    if (kind == Kind.Drop)
                    {
                        array.RemoveAt(index);
                        _detail = $"drop element {index}";
                    }
                    else
                    {
                        array[index] = replacement;
                        _detail = $"element {index} = {shown}";
                    }

                    break;
                default:
                    _detail = "whole body = " + shown;
                    return AnswerMutator.Json(Encoding.UTF8.GetBytes(replacement?.ToJsonString() ?? "null"));
            }

            return AnswerMutator.Json(Encoding.UTF8.GetBytes(root.ToJsonString()));
        }

        public override string ToString() => $"{kind} (seed {seed}){(Status is { } status ? " as HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture) : string.Empty)} {_detail}";

        private static void Walk(JsonNode? node, List<(JsonNode? Parent, string Key, JsonNode? Node)> into)
        {
            if (into.Count == 0)
            {
                into.Add((null, "$", node));
            }

            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToArray())
                    {
                        into.Add((obj, key, child));
                        Walk(child, into);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        into.Add((array, i.ToString(CultureInfo.InvariantCulture), array[i]));
                        Walk(array[i], into);
                    }

                    break;
            }
        }

        private static JsonNode? WrongType(JsonNode? value, Random random)
        {
            JsonNode?[] options = [new JsonObject(), new JsonArray(), JsonValue.Create(true), JsonValue.Create(12.5), JsonValue.Create("x"), JsonValue.Create(7)];
            var kind = value?.GetValueKind();
            var candidates = options.Where(o => o!.GetValueKind() != kind).ToArray();
            return candidates[random.Next(candidates.Length)];
        }

        private HttpContent InvalidUtf8(byte[] body, Random random)
        {
            byte[][] junk = [[0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]];
            var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] == (byte)'"').ToArray();
            var at = quotes[random.Next(quotes.Length)] + 1;
            var bad = junk[random.Next(junk.Length)];
            _detail = $"{Convert.ToHexString(bad)} after the quote at byte {at - 1}";
            return AnswerMutator.Json([.. body[..at], .. bad, .. body[at..]]);
        }
    }

    /// <summary>Declares the whole body but stops part way with a transport error, as a dropped connection does.</summary>
    private sealed class CutShortContent(byte[] body, int sent) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new CutShortStream(body, sent));
    }

    private sealed class CutShortStream(byte[] body, int sent) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => body.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= sent)
            {
                throw new IOException("The connection was reset.");
            }

            var n = Math.Min(count, sent - _position);
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Declares more than the adapter reads; nothing is materialised unless it is read.</summary>
    private sealed class OversizedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var filler = new byte[64 * 1024];
            for (var left = length; left > 0; left -= filler.Length)
            {
                await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, left)));
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }
    }
}
