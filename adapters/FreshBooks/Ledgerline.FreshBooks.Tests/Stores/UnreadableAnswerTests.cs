using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Tests.Mapping;
using Ledgerline.FreshBooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// Real sandbox answers, changed on their way in by <see cref="AnswerMutator"/>: whatever FreshBooks sends, the stores
/// answer with a record or a <see cref="LedgerlineException"/> (here <see cref="InvalidProviderResponseException"/>), never
/// another exception, and provider text stays bounded in the exception and in the log.
/// </summary>
public sealed class UnreadableAnswerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(SandboxLedgerFixture Fixture, AnswerMutator Mutator, ILedger Ledger)> StartAsync(FakeLogCollector? logs = null)
    {
        AnswerMutator? mutator = null;
        var fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0, services: s =>
        {
            mutator = AnswerMutator.Install(s);
            if (logs is not null)
            {
                s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
            }
        });
        fixture.Sandbox.Data.SeedDefaultData(fixture.AccountId);
        return (fixture, mutator!, await fixture.OpenAsync());
    }

    /// <summary>A JSON rewrite of the body, sent with a matching Content-Length.</summary>
    private static Func<byte[], HttpContent?> Rewrite(Action<JsonNode> rewrite) => body =>
    {
        var root = JsonNode.Parse(body)!;
        rewrite(root);
        return AnswerMutator.Json(Encoding.UTF8.GetBytes(root.ToJsonString()));
    };

    private static async Task<string> FirstIdAsync<T>(IAsyncEnumerable<T> records)
        where T : LedgerRecord
    {
        await foreach (var record in records)
        {
            return record.Id;
        }

        throw new InvalidOperationException("The sandbox holds none.");
    }

    [Fact]
    public async Task GetAsync_InvoiceLinesMissingThoughIncluded_InvalidProviderResponse()
    {
        var (fixture, mutator, ledger) = await StartAsync();
        await using var _ = fixture;
        using var __ = mutator;
        var id = await FirstIdAsync(ledger.Invoices.ListAsync(new InvoiceQuery(), Ct));
        mutator.PathFragment = "/invoices/invoices/" + id;
        mutator.Mutate = Rewrite(root => root["response"]!["result"]!["invoice"]!.AsObject().Remove("lines"));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Invoices.GetAsync(id, Ct));

        Assert.Contains("lines", invalid.Message, StringComparison.Ordinal);
        Assert.Contains(fixture.RequestsTo("/accounting/").Where(r => r.Path.EndsWith("/invoices/invoices/" + id, StringComparison.Ordinal)),
            r => r.Query.Contains("include%5B%5D=lines", StringComparison.Ordinal) || r.Query.Contains("include[]=lines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_NullAmongTheLines_InvalidProviderResponseNotNullReference()
    {
        var (fixture, mutator, ledger) = await StartAsync();
        await using var _ = fixture;
        using var __ = mutator;
        mutator.PathFragment = "/invoices/invoices";
        mutator.Mutate = Rewrite(root =>
        {
            foreach (var invoice in root["response"]!["result"]!["invoices"]!.AsArray())
            {
                invoice!["lines"]!.AsArray().Add(null);
            }
        });

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var invoice in ledger.Invoices.ListAsync(new InvoiceQuery(), Ct))
            {
                Assert.Fail($"Invoice {invoice.Id} was read.");
            }
        });

        Assert.Contains("lines[", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(1, mutator.Mutated);
    }

    [Fact]
    public async Task GetAsync_UpdatedAtTheEndOfTime_InvalidProviderResponseNotArgumentOutOfRange()
    {
        var (fixture, mutator, ledger) = await StartAsync();
        await using var _ = fixture;
        using var __ = mutator;
        var id = await FirstIdAsync(ledger.Contacts.ListAsync(new ContactQuery(), Ct));
        mutator.PathFragment = "/users/clients/" + id;
        mutator.Mutate = Rewrite(root => root["response"]!["result"]!["client"]!["updated"] = "9999-12-31 23:59:59");

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(id, Ct));

        Assert.Contains("9999-12-31 23:59:59", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_InvalidUtf8ByteInsideAString_InvalidProviderResponse()
    {
        var (fixture, mutator, ledger) = await StartAsync();
        await using var _ = fixture;
        using var __ = mutator;
        var id = await FirstIdAsync(ledger.Contacts.ListAsync(new ContactQuery(), Ct));
        mutator.PathFragment = "/users/clients/" + id;
        mutator.Mutate = body =>
        {
            var text = Encoding.UTF8.GetString(body);
            var at = Encoding.UTF8.GetByteCount(text[..(text.IndexOf("\"organization\":\"", StringComparison.Ordinal) + "\"organization\":\"".Length)]);
            return AnswerMutator.Json([.. body[..at], 0xFF, .. body[at..]]);
        };

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(id, Ct));

        Assert.Equal(200, invalid.StatusCode);
        Assert.Equal(1, mutator.Mutated);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_BodyOverTheSizeLimit_InvalidProviderResponseNotHttpRequestException(bool declared)
    {
        var (fixture, mutator, ledger) = await StartAsync();
        await using var _ = fixture;
        using var __ = mutator;
        var id = await FirstIdAsync(ledger.Contacts.ListAsync(new ContactQuery(), Ct));
        mutator.PathFragment = "/users/clients/" + id;
        mutator.Mutate = body => new OversizedContent(body, FreshBooksResponseBody.MaxBytes + 1L, declared);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Contacts.GetAsync(id, Ct));

        Assert.Equal(200, invalid.StatusCode);
        Assert.Contains("larger", invalid.Message, StringComparison.Ordinal);
        RequiredValueTests.AssertBounded(invalid);
    }

    [Fact]
    public async Task GetAsync_TenMegabyteJunkAmount_ExceptionAndLogBounded()
    {
        var logs = new FakeLogCollector();
        var (fixture, mutator, ledger) = await StartAsync(logs);
        await using var _ = fixture;
        using var __ = mutator;
        var id = await FirstIdAsync(ledger.Payments.ListAsync(new PaymentQuery(), Ct));
        var junk = new string('9', 10 * 1024 * 1024) + "x";
        mutator.PathFragment = "/payments/payments/" + id;
        mutator.Mutate = Rewrite(root => root["response"]!["result"]!["payment"]!["amount"]!["amount"] = junk);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Payments.GetAsync(id, Ct));

        RequiredValueTests.AssertBounded(invalid);
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Warning && ReferenceEquals(r.Exception, invalid));
        foreach (var record in records)
        {
            var logged = record.Message.Length + (record.Exception?.ToString().Length ?? 0);
            Assert.True(logged <= 16 * 1024, $"{record.Level} log line of {logged.ToString(CultureInfo.InvariantCulture)} characters: {record.Message[..Math.Min(200, record.Message.Length)]}");
        }
    }

    [Fact]
    public async Task GetAsync_ErrorAnswerWithTenMegabyteTexts_ProviderTextsExceptionAndLogBounded()
    {
        var logs = new FakeLogCollector();
        var (fixture, mutator, ledger) = await StartAsync(logs);
        await using var _ = fixture;
        using var __ = mutator;
        var id = await FirstIdAsync(ledger.Contacts.ListAsync(new ContactQuery(), Ct));
        var junk = new string('m', 10 * 1024 * 1024);
        var kilobyte = junk[..1024];
        var errors = new JsonArray { new JsonObject { ["errno"] = "1" + kilobyte, ["field"] = "f" + kilobyte, ["message"] = junk, ["object"] = "client", ["value"] = junk[..(1024 * 1024)] } };
        for (var i = 0; i < 100; i++)
        {
            errors.Add(new JsonObject { ["errno"] = "1", ["field"] = "f" + kilobyte, ["message"] = kilobyte });
        }

        mutator.PathFragment = "/users/clients/" + id;
        mutator.Status = HttpStatusCode.UnprocessableEntity;
        mutator.Mutate = _ => AnswerMutator.Json(Encoding.UTF8.GetBytes(new JsonObject { ["response"] = new JsonObject { ["errors"] = errors } }.ToJsonString()));

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Contacts.GetAsync(id, Ct));

        RequiredValueTests.AssertBounded(refused);
        Assert.True(refused.ProviderMessage!.Length <= 1024);
        Assert.True(refused.ProviderCode!.Length <= 1024);
        Assert.InRange(refused.Errors.Count, 1, 10);
        Assert.All(refused.Errors, e => Assert.True(e.Field.Length + e.Message.Length + (e.Code?.Length ?? 0) <= 2048));
        Assert.All(logs.GetSnapshot(), r => Assert.True(r.Message.Length + (r.Exception?.ToString().Length ?? 0) <= 16 * 1024, r.Level.ToString()));
    }

    /// <summary>The real body followed by filler up to <c>length</c> bytes, produced lazily; declared (Content-Length) or chunked.</summary>
    private sealed class OversizedContent(byte[] start, long length, bool declared) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(start);
            var filler = new byte[64 * 1024];
            Array.Fill(filler, (byte)' ');
            for (var left = length - start.Length; left > 0; left -= filler.Length)
            {
                await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, left)));
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return declared;
        }
    }
}
