using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Tests.Errors;

public sealed class ErrorTableTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static LedgerlineException Translate(int status, string body, FreshBooksCall? call = null, HttpResponseHeaders? headers = null) =>
        FreshBooksErrorTable.FromResponse(call ?? new FreshBooksCall(EntityKind.Contact, "get", "c1", "12345"), status, headers, Encoding.UTF8.GetBytes(body), Now);

    [Fact]
    public void FromResponse_AccountingOldFormatNotFound_RecordNotFoundWithErrno()
    {
        var error = Translate(404, """{"response":{"errors":[{"errno":1012,"field":"userid","message":"Client not found.","object":"client","value":"12345"}]}}""");

        var notFound = Assert.IsType<RecordNotFoundException>(error);
        Assert.Equal(EntityKind.Contact, notFound.Entity);
        Assert.Equal("12345", notFound.Id);
        Assert.Equal("1012", notFound.ProviderCode);
        Assert.Equal("Client not found.", notFound.ProviderMessage);
        Assert.Equal(404, notFound.StatusCode);
        Assert.Equal("FreshBooks", notFound.Provider);
    }

    [Fact]
    public void FromResponse_AccountingNewFormatNotFound_RecordNotFoundWithReason()
    {
        var error = Translate(404, """
            {"code":5,"message":"Request failed with status_code: 404","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",
             "reason":"1012","domain":"accounting.api.freshbooks.com",
             "metadata":{"object":"client","message":"Client not found.","value":"12345","field":"userid"}}]}
            """);

        var notFound = Assert.IsType<RecordNotFoundException>(error);
        Assert.Equal("1012", notFound.ProviderCode);
        Assert.Equal("Client not found.", notFound.ProviderMessage);
    }

    [Fact]
    public void FromResponse_UnknownCustomerOnInvoiceCreate_ContactNotFound()
    {
        var call = new FreshBooksCall(EntityKind.Invoice, "create", "c1");

        var error = Translate(422, """{"response":{"errors":[{"errno":1012,"field":"customerid","message":"Client not found.","object":"invoice","value":"999"}]}}""", call);

        var notFound = Assert.IsType<RecordNotFoundException>(error);
        Assert.Equal(EntityKind.Contact, notFound.Entity);
        Assert.Equal("999", notFound.Id);
    }

    [Fact]
    public void FromResponse_UnknownInvoiceOnPaymentCreate_InvoiceNotFound()
    {
        var call = new FreshBooksCall(EntityKind.Payment, "create", "c1");

        var error = Translate(404, """{"response":{"errors":[{"errno":1012,"field":"invoiceid","message":"Invoice not found.","object":"payment","value":"4242"}]}}""", call);

        var notFound = Assert.IsType<RecordNotFoundException>(error);
        Assert.Equal(EntityKind.Invoice, notFound.Entity);
        Assert.Equal("4242", notFound.Id);
    }

    [Fact]
    public void FromResponse_DeletedResource_RecordDeleted()
    {
        var call = new FreshBooksCall(EntityKind.Invoice, "update", "c1", "77");

        var error = Translate(422, """{"response":{"errors":[{"errno":1011,"field":"invoiceid","message":"This invoice has been deleted.","object":"invoice","value":"77"}]}}""", call);

        var deleted = Assert.IsType<RecordDeletedException>(error);
        Assert.Equal(EntityKind.Invoice, deleted.Entity);
        Assert.Equal("77", deleted.Id);
        Assert.Equal("1011", deleted.ProviderCode);
    }

    [Fact]
    public void FromResponse_AccountingValidation_FieldErrorsWithCanonicalNames()
    {
        var call = new FreshBooksCall(EntityKind.Contact, "create", "c1");

        var error = Translate(422, """{"response":{"errors":[{"errno":1004,"field":"email","message":"Invalid email address.","object":"client","value":"nope"}]}}""", call);

        var invalid = Assert.IsType<LedgerValidationException>(error);
        var field = Assert.Single(invalid.Errors);
        Assert.Equal("Email", field.Field);
        Assert.Equal("Invalid email address.", field.Message);
        Assert.Equal("1004", field.Code);
        Assert.Equal(422, invalid.StatusCode);
    }

    [Fact]
    public void FromResponse_ProjectsValidation_FieldErrorsFromErrorObject()
    {
        var call = new FreshBooksCall(EntityKind.TimeEntry, "create", "c1");

        var error = Translate(422, """{"errno":2001,"error":{"started_at":"field required","__root__":"Logged entries must have a duration"}}""", call);

        var invalid = Assert.IsType<LedgerValidationException>(error);
        Assert.Contains(invalid.Errors, e => e.Field == "StartedAt" && e.Message == "field required");
        Assert.Contains(invalid.Errors, e => e.Field == "__root__");
        Assert.Equal("2001", invalid.ProviderCode);
    }

    [Fact]
    public void FromResponse_EventsValidation_DetailsAsFields()
    {
        var call = new FreshBooksCall(EntityKind.Invoice, "create", "c1");

        var error = Translate(422, """{"errno":422,"message":"The request was well-formed but was unable to be followed due to semantic errors.","details":["event: Value error, Unrecognized event.","uri: Input should be a valid URL, relative URL without a base"]}""", call);

        var invalid = Assert.IsType<LedgerValidationException>(error);
        Assert.Equal(["event", "uri"], invalid.Errors.Select(e => e.Field));
        Assert.Equal("422", invalid.ProviderCode);
    }

    [Fact]
    public void FromResponse_EventsRpcBadRequest_FieldViolations()
    {
        var error = Translate(400, """{"code":3,"message":"Invalid data in this request.","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"event","description":"Unrecognized event."}]},{"@type":"type.googleapis.com/google.rpc.Help","links":[]}]}""");

        var invalid = Assert.IsType<LedgerValidationException>(error);
        Assert.Equal("event", Assert.Single(invalid.Errors).Field);
    }

    [Theory]
    [InlineData("""{"error":"unauthenticated","error_description":"This action requires authentication to continue."}""", "unauthenticated")]
    [InlineData("""{"error":"invalid_token","error_description":"The access token is invalid","state":"unauthorized"}""", "invalid_token")]
    [InlineData("""{"code":16,"message":"Request failed with status_code: 401","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1003","domain":"accounting.api.freshbooks.com","metadata":{"object":"","message":"The server could not verify that you are authorized to access the URL requested.","value":"","field":""}}]}""", "1003")]
    [InlineData("""{"message":"The server could not verify that you are authorized to access the URL requested."}""", null)]
    public void FromResponse_Unauthorized_ReauthorizationRequired(string body, string? code)
    {
        var error = Translate(401, body);

        var reauth = Assert.IsType<ReauthorizationRequiredException>(error);
        Assert.Equal("c1", reauth.ConnectionId);
        Assert.Equal(code, reauth.ProviderCode);
        Assert.Equal(401, reauth.StatusCode);
    }

    [Fact]
    public void FromResponse_InsufficientScope_PermissionDeniedNamingTheScope()
    {
        var error = Translate(403, """{"message":"insufficient_scope: The request requires higher privileges than provided by the access token. Provided: ['user:profile:read user:expenses:read']. Required: ['user:retainers:read']."}""");

        var denied = Assert.IsType<PermissionDeniedException>(error);
        Assert.Equal("user:retainers:read", denied.RequiredScope);
        Assert.Equal("insufficient_scope", denied.ProviderCode);
        Assert.Contains("user:retainers:read", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_ProjectsNotFound_RecordNotFound()
    {
        var call = new FreshBooksCall(EntityKind.TimeEntry, "get", "c1", "9");

        var error = Translate(404, """{"error":"Requested resource could not be found."}""", call);

        var notFound = Assert.IsType<RecordNotFoundException>(error);
        Assert.Equal(EntityKind.TimeEntry, notFound.Entity);
        Assert.Equal("9", notFound.Id);
        Assert.Equal("Requested resource could not be found.", notFound.ProviderMessage);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData(null, null)]
    public void FromResponse_TooManyRequests_RateLimitedWithRetryAfter(string? retryAfter, int? seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        var error = Translate(429, """{"message":"Too Many Requests"}""", headers: response.Headers);

        var limited = Assert.IsType<RateLimitedException>(error);
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, limited.RetryAfter);
        Assert.Equal(429, limited.StatusCode);
    }

    [Fact]
    public void FromResponse_TooManyRequestsWithHttpDate_WaitUntilThatDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(45));

        var limited = Assert.IsType<RateLimitedException>(Translate(429, "", headers: response.Headers));

        Assert.Equal(TimeSpan.FromSeconds(45), limited.RetryAfter);
    }

    [Fact]
    public void FromResponse_ServerErrorOnRead_ProviderUnavailable()
    {
        var error = Translate(503, "<html>Service Unavailable</html>");

        var unavailable = Assert.IsType<ProviderUnavailableException>(error);
        Assert.Equal(503, unavailable.StatusCode);
    }

    [Fact]
    public void FromResponse_ServerErrorOnWrite_OutcomeUnknownWithOperationId()
    {
        var call = new FreshBooksCall(EntityKind.Invoice, "create", "c1") { SentAt = Now };

        var error = Translate(500, """{"response":{"errors":[{"errno":500,"message":"FreshAlchemyUnexpected"}]}}""", call);

        var unknown = Assert.IsType<OutcomeUnknownException>(error);
        Assert.Equal(EntityKind.Invoice, unknown.Entity);
        Assert.Equal("create", unknown.Operation);
        Assert.Equal(call.OperationId, unknown.OperationId);
        Assert.Equal(Now, unknown.SentAt);
        Assert.Equal(500, unknown.StatusCode);
    }

    [Fact]
    public void FromResponse_UnreadableValidationBody_InvalidProviderResponseWithBoundedExcerpt()
    {
        var body = "<html>" + new string('x', 2000) + "</html>";

        var error = Translate(422, body);

        var invalid = Assert.IsType<InvalidProviderResponseException>(error);
        Assert.Equal(422, invalid.StatusCode);
        Assert.NotNull(invalid.BodyExcerpt);
        Assert.Equal(FreshBooksErrorTable.MaxExcerptLength, invalid.BodyExcerpt!.Length);
        Assert.StartsWith("<html>", invalid.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_OnlinePaymentsShape_CodeAndMessageKept()
    {
        var error = Translate(409, """{"error_type":"conflict","message":"Already paid."}""");

        Assert.Equal("conflict", error.ProviderCode);
        Assert.Equal("Already paid.", error.ProviderMessage);
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public void FromTransport_ConnectionRefusedOnWrite_UnavailableBecauseNothingWasSent()
    {
        var call = new FreshBooksCall(EntityKind.Contact, "create", "c1");

        var error = FreshBooksErrorTable.FromTransport(call, new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        Assert.IsType<ProviderUnavailableException>(error);
    }

    [Fact]
    public void FromTransport_ResponseEndedOnWrite_OutcomeUnknown()
    {
        var call = new FreshBooksCall(EntityKind.Contact, "update", "c1", "5");

        var error = FreshBooksErrorTable.FromTransport(call, new HttpRequestException(HttpRequestError.ResponseEnded, "ended"));

        var unknown = Assert.IsType<OutcomeUnknownException>(error);
        Assert.Equal("5", unknown.RecordId);
    }

    [Fact]
    public void IsTransport_CallerCancelled_NotTranslated()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(FreshBooksErrorTable.IsTransport(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.True(FreshBooksErrorTable.IsTransport(new TaskCanceledException("timeout"), CancellationToken.None));
    }

    private static FreshBooksCall Token => FreshBooksCall.About(FreshBooksCall.TokenEndpoint, "refresh");

    [Theory]
    [InlineData(400, "unauthorized_client", typeof(PermissionDeniedException))]
    [InlineData(400, "invalid_scope", typeof(PermissionDeniedException))]
    [InlineData(401, "invalid_client", typeof(LedgerlineException))]
    [InlineData(400, "invalid_request", typeof(LedgerlineException))]
    public void FromResponse_TokenEndpointRefusalOtherThanInvalidGrant_PublicExceptionWithTheOAuthError(int status, string error, Type expected)
    {
        var refused = Translate(status, $$"""{"error":"{{error}}","error_description":"Refused for the test."}""", Token);

        Assert.IsType(expected, refused);
        Assert.True(refused.GetType().IsPublic);
        Assert.Equal((error, "Refused for the test.", status, "FreshBooks"), (refused.ProviderCode, refused.ProviderMessage, refused.StatusCode, refused.Provider));
    }

    [Fact]
    public void FromResponse_TokenEndpointInvalidGrant_StaysTheTokenManagersOwnSignal()
    {
        var refused = Translate(400, """{"error":"invalid_grant","error_description":"The grant is dead."}""", Token);

        var grant = Assert.IsType<Ledgerline.FreshBooks.Auth.TokenEndpointException>(refused);
        Assert.True(grant.IsInvalidGrant);
        Assert.Equal("The grant is dead.", grant.ProviderMessage);
    }

    [Fact]
    public void FromResponse_TokenEndpointBodyNotAnOAuthError_InvalidResponseThatQuotesNothing()
    {
        var refused = Translate(400, "<html>refresh_token=rt-secret</html>", Token);

        var invalid = Assert.IsType<InvalidProviderResponseException>(refused);
        Assert.Null(invalid.BodyExcerpt);
        Assert.DoesNotContain("rt-secret", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_TokenEndpoint429WithHttpDate_RateLimitedWithTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(42));

        var limited = Assert.IsType<RateLimitedException>(Translate(429, """{"error":"slow_down"}""", Token, response.Headers));

        Assert.Equal(TimeSpan.FromSeconds(42), limited.RetryAfter);
    }

    [Fact]
    public void FromResponse_CallAboutNoRecord404_LedgerlineExceptionNamingTheSubject()
    {
        var error = Translate(404, """{"errno":404,"message":"Requested resource could not be found."}""", FreshBooksCall.About(FreshBooksCall.Callback, "delete", "c1", "9"));

        Assert.Equal(typeof(LedgerlineException), error.GetType());
        Assert.Contains("no callback for delete", error.Message, StringComparison.Ordinal);
        Assert.Equal("404", error.ProviderCode);
    }

    [Fact]
    public void FromResponse_CallAboutNoRecordWriteGot503_UnavailableSayingTheOutcomeIsUnknown()
    {
        var error = Translate(503, "<html>down</html>", FreshBooksCall.About(FreshBooksCall.Callback, "create", "c1"));

        var unavailable = Assert.IsType<ProviderUnavailableException>(error);
        Assert.Contains("create callback", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("Whether it took effect is unknown", unavailable.Message, StringComparison.Ordinal);
    }
}
