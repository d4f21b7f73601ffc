using Ledgerline.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Tests.Connections;

/// <summary>
/// One rule for connection ids, shared by the ledger factory, every adapter (their own tests show it on the connectors)
/// and the connection stores: an id that would show as another id in a log, break a log line, or not survive UTF-8
/// storage is refused as input, typed, before anything is stored.
/// </summary>
public sealed class ConnectionIdRuleTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> RefusedIds => new()
    {
        { " ", "BlankId" },
        { "tenant\u200B", "MalformedId" },
        { "\uFEFFtenant", "MalformedId" },
        { "ten\u00ADant", "MalformedId" },
        { "tenant\n2", "MalformedId" },
        { "tenant\r", "MalformedId" },
        { "ten\tant", "MalformedId" },
        { "tenant\0", "MalformedId" },
        { "tenant\u0085", "MalformedId" },
        { "tenant\u2028", "MalformedId" },
        { "tenant\uD800", "MalformedId" },
        { "\uDC00tenant", "MalformedId" },
        { "tenant\uDC00\uD800", "MalformedId" },
        { "tenant\U000E0001", "MalformedId" },
        { "tenant-42\U000E0020", "MalformedId" },
        { "ten\U0001D173ant", "MalformedId" },
        { "10k", "IdTooLong" },
        { "257", "IdTooLong" },
    };

    [Theory]
    [MemberData(nameof(RefusedIds))]
    public void Check_IdThatIsNotVisibleSingleLineText_RefusedWithItsCodeNeverQuotingIt(string id, string code)
    {
        var value = Expand(id);

        var error = ConnectionIdRule.Check(value);

        Assert.Equal(("connectionId", code), (error?.Field, error?.Code));
        Assert.DoesNotContain("tenant", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenant-42")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("customer 42 / FreshBooks")]
    [InlineData("клиент-7")]
    [InlineData("客户-7")]
    [InlineData("shop-\U0001F3E2")]
    [InlineData("256")]
    public void Check_OrdinaryIds_Accepted(string id) => Assert.Null(ConnectionIdRule.Check(Expand(id)));

    [Theory]
    [MemberData(nameof(RefusedIds))]
    public void FactoryOpen_MalformedId_RefusedTypedBeforeTheProviderOpens(string id, string code)
    {
        using var provider = new ServiceCollection().AddLedgerline().AddInMemory().Services.BuildServiceProvider();

        var refused = Assert.Throws<LedgerValidationException>(() => provider.GetRequiredService<ILedgerFactory>().Open("InMemory", Expand(id)));

        Assert.Equal(("connectionId", code), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
    }

    [Theory]
    [InlineData("tenant\n2", "MalformedId")]
    [InlineData("tenant\u200B", "MalformedId")]
    [InlineData("10k", "IdTooLong")]
    public async Task SaveAsync_MalformedId_InMemoryAndSqliteStoresRefuseTypedAndStoreNothing(string id, string code)
    {
        var directory = Directory.CreateTempSubdirectory("ledgerline-ids-").FullName;
        try
        {
            await using var services = new ServiceCollection().AddLedgerlineSqliteConnections(Path.Combine(directory, "ids.db")).BuildServiceProvider();
            IConnectionStore[] stores = [new InMemoryConnectionStore(), services.GetRequiredService<IConnectionStore>()];
            foreach (var store in stores)
            {
                var connection = new LedgerConnection { Id = Expand(id), Provider = "Test" };

                var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => store.SaveAsync(connection, Cancellation));

                Assert.Equal(("connection.Id", code), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
                Assert.Null(await store.GetAsync(connection.Id, Cancellation));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task InMemoryStore_NullOrBlankId_RefusedAsBlankIdOnEveryMethod(string? id)
    {
        var store = new InMemoryConnectionStore();
        var connection = new LedgerConnection { Id = id!, Provider = "Test" };

        LedgerValidationException[] refused =
        [
            await Assert.ThrowsAsync<LedgerValidationException>(() => store.SaveAsync(connection, Cancellation)),
            await Assert.ThrowsAsync<LedgerValidationException>(() => store.TryUpdateAsync(connection, 1, Cancellation)),
            await Assert.ThrowsAsync<LedgerValidationException>(() => store.GetAsync(id!, Cancellation)),
            await Assert.ThrowsAsync<LedgerValidationException>(() => store.DeleteAsync(id!, Cancellation)),
        ];

        Assert.Equal(
            [("connection.Id", "BlankId"), ("connection.Id", "BlankId"), ("connectionId", "BlankId"), ("connectionId", "BlankId")],
            refused.Select(e => (Assert.Single(e.Errors).Field, e.Errors[0].Code)));
    }

    private static string Expand(string id) => id switch
    {
        "10k" => new string('t', 10_000),
        "257" => new string('t', ConnectionIdRule.MaxLength + 1),
        "256" => new string('t', ConnectionIdRule.MaxLength),
        _ => id,
    };
}
