using Ledgerline.FreshBooks.Tests.Support;
using System.Net;
using System.Text;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Webhooks;
using NSubstitute;

namespace Ledgerline.FreshBooks.Tests.Webhooks;

public sealed class EventsApiResponseTests
{
    [Fact]
    public void ToException_OldErrnoShapeWithDetailLines_IsValidationErrorPerField()
    {
        // The events service's 422 as the Python SDK's fixture shows it.
        const string body = """{"errno":422,"message":"The request was well-formed but was unable to be followed due to semantic errors.","details":["event: Value error, Unrecognized event.","uri: Input should be a valid URL, relative URL without a base"]}""";

        var error = Assert.IsType<LedgerValidationException>(ToException(HttpStatusCode.UnprocessableEntity, body));

        Assert.Equal(["event", "uri"], error.Errors.Select(e => e.Field));
        Assert.Equal("Value error, Unrecognized event.", error.Errors[0].Message);
        Assert.Equal(("FreshBooks", "422", 422), (error.Provider, error.ProviderCode, error.StatusCode));
    }

    [Fact]
    public void ToException_GoogleRpcShapeWithFieldViolations_IsValidationErrorPerField()
    {
        const string body = """{"code":3,"message":"Invalid data in this request.","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"event","description":"Unrecognized event."}]},{"@type":"type.googleapis.com/google.rpc.Help","links":[]}]}""";

        var error = Assert.IsType<LedgerValidationException>(ToException(HttpStatusCode.BadRequest, body));

        var field = Assert.Single(error.Errors);
        Assert.Equal(("event", "Unrecognized event."), (field.Field, field.Message));
        Assert.Equal("3", error.ProviderCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"code":5,"message":"Requested resource could not be found.","details":[]}""", typeof(LedgerlineException))]
    [InlineData(HttpStatusCode.NotFound, """{"errno":404,"message":"Requested resource could not be found."}""", typeof(LedgerlineException))]
    [InlineData(HttpStatusCode.Unauthorized, """{"errno":401,"message":"invalid_token: The request token failed to authenticate or validate."}""", typeof(ReauthorizationRequiredException))]
    [InlineData(HttpStatusCode.Forbidden, """{"error":"insufficient_scope"}""", typeof(PermissionDeniedException))]
    [InlineData(HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests"}""", typeof(RateLimitedException))]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", typeof(ProviderUnavailableException))]
    public void ToException_EachStatus_MapsToItsExceptionKind(HttpStatusCode status, string body, Type expected)
    {
        var error = ToException(status, body);

        Assert.IsType(expected, error);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal("FreshBooks", error.Provider);
    }

    [Fact]
    public void ReadResult_SuccessWithoutEnvelope_IsInvalidProviderResponse()
    {
        var response = new FreshBooksResponse(Call, 200, Encoding.UTF8.GetBytes("""{"callback":{}}"""));

        var invalid = Assert.Throws<InvalidProviderResponseException>(() => EventsApiResponse.ReadResult(response));

        Assert.Equal("""{"callback":{}}""", invalid.BodyExcerpt);
    }

    [Fact]
    public void ReadCallback_SdkAndPipedreamIdSpellings_BothRead()
    {
        using var sdk = System.Text.Json.JsonDocument.Parse("""{"callbackid":123,"verified":true,"uri":"https://example.test/hook","event":"invoice.create","updated_at":"2017-08-23T11:45:09Z"}""");
        using var other = System.Text.Json.JsonDocument.Parse("""{"id":"9","verified":false,"uri":"https://example.test/hook","event":"time_entry"}""");

        var a = EventsApiResponse.ReadCallback(sdk.RootElement, "");
        var b = EventsApiResponse.ReadCallback(other.RootElement, "");

        Assert.Equal(("123", true, new LedgerChangeTopic(EntityKind.Invoice, ChangeKind.Created)), (a.Id, a.Verified, a.Topic));
        Assert.Equal(new DateTimeOffset(2017, 8, 23, 11, 45, 9, TimeSpan.Zero), a.UpdatedAt);
        Assert.Equal(("9", false, new LedgerChangeTopic(EntityKind.TimeEntry)), (b.Id, b.Verified, b.Topic));
    }

    private static FreshBooksCall Call => FreshBooksCall.About(FreshBooksCall.Callback, "create", "conn-1");

    /// <summary>The events service's errors go through the one error table, as a callback call.</summary>
    private static LedgerlineException ToException(HttpStatusCode status, string body) =>
        FreshBooksErrorTable.FromResponse(Call, (int)status, null, Encoding.UTF8.GetBytes(body), DateTimeOffset.UnixEpoch);
}

public sealed class LedgerChangeTypesTests
{
    [Fact]
    public void LedgerChangeTopic_WholeEntityAndOneKind_IncludeWhatTheySay()
    {
        var invoices = new LedgerChangeTopic(EntityKind.Invoice);
        var paid = new LedgerChangeTopic(EntityKind.Payment, ChangeKind.Created);

        Assert.True(invoices.Includes(EntityKind.Invoice, ChangeKind.Deleted));
        Assert.False(invoices.Includes(EntityKind.Contact, ChangeKind.Created));
        Assert.True(paid.Includes(EntityKind.Payment, ChangeKind.Created));
        Assert.False(paid.Includes(EntityKind.Payment, ChangeKind.Updated));
        Assert.Equal(("Invoice", "Payment.Created"), (invoices.ToString(), paid.ToString()));
        Assert.Equal(Enum.GetValues<EntityKind>(), LedgerChangeTopic.All.Select(t => t.Entity));
    }

    [Theory]
    [InlineData(EntityKind.Contact)]
    [InlineData(EntityKind.Invoice)]
    [InlineData(EntityKind.Payment)]
    [InlineData(EntityKind.Expense)]
    [InlineData(EntityKind.TimeEntry)]
    public async Task FetchRecordAsync_EachEntity_ReadsItsOwnStore(EntityKind entity)
    {
        var ledger = SubstituteLedger.Create();

        await ledger.FetchRecordAsync(Change(entity, ChangeKind.Updated), TestContext.Current.CancellationToken);

        await (entity switch
        {
            EntityKind.Contact => ledger.Contacts.Received(1).GetAsync("7", Arg.Any<CancellationToken>()),
            EntityKind.Invoice => ledger.Invoices.Received(1).GetAsync("7", Arg.Any<CancellationToken>()),
            EntityKind.Payment => ledger.Payments.Received(1).GetAsync("7", Arg.Any<CancellationToken>()),
            EntityKind.Expense => ledger.Expenses.Received(1).GetAsync("7", Arg.Any<CancellationToken>()),
            _ => (Task)ledger.TimeEntries.Received(1).GetAsync("7", Arg.Any<CancellationToken>()),
        });
    }

    [Fact]
    public async Task FetchRecordAsync_EntityTheLedgerCannotRead_ReturnsNullWithoutReading()
    {
        var ledger = SubstituteLedger.Create();
        ledger.Capabilities.Returns(new LedgerCapabilities(new Dictionary<EntityKind, StoreCapabilities>()));

        Assert.Null(await ledger.FetchRecordAsync(Change(EntityKind.Bill, ChangeKind.Updated), TestContext.Current.CancellationToken));
        await ledger.Bills.DidNotReceiveWithAnyArgs().GetAsync(default!, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FetchRecordAsync_Deletion_ReturnsNullWithoutReading()
    {
        var ledger = SubstituteLedger.Create();

        Assert.Null(await ledger.FetchRecordAsync(Change(EntityKind.Contact, ChangeKind.Deleted), TestContext.Current.CancellationToken));
        await ledger.Contacts.DidNotReceiveWithAnyArgs().GetAsync(default!, TestContext.Current.CancellationToken);
    }

    private static LedgerChange Change(EntityKind entity, ChangeKind kind) => new()
    {
        Provider = "Test", Entity = entity, Kind = kind, EntityId = "7", AccountId = "A", ReceivedAt = DateTimeOffset.UnixEpoch,
        EventName = "x", DedupeKey = "k",
    };
}
