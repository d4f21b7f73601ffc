using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Ledgerline.FreshBooks.Http;
using Polly;
using Polly.RateLimiting;

namespace Ledgerline.FreshBooks.Errors;

/// <summary>
/// The one table from FreshBooks' answers (and failures to answer) to Ledgerline's exception family. Every exception it
/// makes carries <c>Provider = "FreshBooks"</c>, the HTTP status and FreshBooks' own code and message.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>401</term><description><see cref="ReauthorizationRequiredException"/> (the auth handler has already tried one forced refresh).</description></item>
/// <item><term>403</term><description><see cref="PermissionDeniedException"/>, with the required scope parsed from <c>insufficient_scope</c>.</description></item>
/// <item><term>errno 1011</term><description><see cref="RecordDeletedException"/>.</description></item>
/// <item><term>404, errno 1012</term><description><see cref="RecordNotFoundException"/> for the object FreshBooks names (a payment's unknown invoice is an Invoice).</description></item>
/// <item><term>400, 422</term><description><see cref="LedgerValidationException"/> with FreshBooks' fields mapped to canonical names where known.</description></item>
/// <item><term>429</term><description><see cref="RateLimitedException"/> with <c>Retry-After</c> (seconds or HTTP date).</description></item>
/// <item><term>5xx, transport error, timeout</term><description>reads: <see cref="ProviderUnavailableException"/>; writes: <see cref="OutcomeUnknownException"/> (never retried), except a failure to connect at all, which cannot have written anything.</description></item>
/// <item><term>unreadable body</term><description><see cref="InvalidProviderResponseException"/> with the status and a bounded excerpt.</description></item>
/// <item><term>anything else</term><description><see cref="LedgerlineException"/> with the provider's code and message.</description></item>
/// </list>
/// Calls about no record (<see cref="FreshBooksCall.About"/>) use the same rows, except that a 404 or 1012 is a
/// <see cref="LedgerlineException"/> (there is no record kind to name), a 5xx or lost answer to a write is a
/// <see cref="ProviderUnavailableException"/> saying the outcome is unknown (the canonical
/// <see cref="OutcomeUnknownException"/> names a record kind), a 401 before any connection exists (identity while
/// connecting or importing tokens) is a <see cref="ReauthorizationRequiredException"/> with an empty
/// <see cref="ReauthorizationRequiredException.ConnectionId"/>, and the token endpoint reads its OAuth
/// <c>error</c>: <c>invalid_grant</c> is the internal <c>TokenEndpointException</c> the token manager and the connector
/// turn into their own answers, <c>unauthorized_client</c>, <c>invalid_scope</c> and <c>access_denied</c> are
/// <see cref="PermissionDeniedException"/>, and any other refusal (<c>invalid_client</c>, <c>invalid_request</c>, …) is a
/// <see cref="LedgerlineException"/>; a token endpoint body is never quoted.
/// </remarks>
internal static class FreshBooksErrorTable
{
    /// <summary>The most characters of a body kept in an exception.</summary>
    public const int MaxExcerptLength = 512;

    private const string Provider = FreshBooksRequest.ProviderName;

    /// <summary>Translates an error answer (a non-success status, or a success carrying an error list).</summary>
    public static LedgerlineException FromResponse(FreshBooksCall call, int status, HttpResponseHeaders? headers, ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var error = ProviderError.Parse(body);
        var recognised = error is { Recognised: true };
        var code = error?.Code;
        var message = error?.Message;

        if (status == 429)
        {
            return new RateLimitedException(RetryAfter(headers, now)) { Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message };
        }

        if (status >= 500)
        {
            return call is { IsWrite: true, Entity: { } written }
                ? new OutcomeUnknownException(written, call.Operation, call.OperationId,
                    $"it was sent and FreshBooks answered HTTP {status}, a server error that does not say whether the {call.Operation} took effect")
                {
                    Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message, RecordId = call.RecordId, SentAt = call.SentAt,
                }
                : new ProviderUnavailableException(
                    $"FreshBooks failed {call.Operation} {call.Target} with HTTP {status}.{(call.IsWrite ? " Whether it took effect is unknown." : string.Empty)}")
                {
                    Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
                };
        }

        if (call.Subject == FreshBooksCall.TokenEndpoint)
        {
            return TokenRefusal(call, status, error, body);
        }

        if (status == 401 && call.ConnectionId.Length == 0)
        {
            // No connection exists yet (identity while connecting or importing tokens): no id to name, and no refresh to try.
            return new ReauthorizationRequiredException(string.Empty,
                $"FreshBooks refused the access token ({call.Operation} {call.Target}): it has expired, was revoked, or is not one FreshBooks issued. " +
                "Nothing was stored; the user must connect (authorize) again.")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 401)
        {
            return new ReauthorizationRequiredException(call.ConnectionId,
                $"FreshBooks refused the credentials of connection '{call.ConnectionId}' even after a token refresh; the user must connect again.")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 403)
        {
            var scope = error?.RequiredScope;
            return new PermissionDeniedException(
                scope is null
                    ? $"FreshBooks refused {call.Operation} {call.Target}: the connection lacks a permission."
                    : $"FreshBooks refused {call.Operation} {call.Target}: the connection lacks the scope '{scope}'. Connect again requesting it.",
                scope)
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (code == "1011" && (EntityOfField(error?.Field) ?? EntityOf(error?.Object) ?? call.Entity) is { } deleted)
        {
            var entity = deleted;
            var id = entity == call.Entity ? call.RecordId ?? error?.Value : error?.Value ?? call.RecordId;
            return new RecordDeletedException(entity, id ?? string.Empty)
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (code == "1012" && error?.Field is "categoryid")
        {
            return new LedgerValidationException([new FieldError(nameof(NewExpense.CategoryId), message ?? "Category not found.", code)])
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if ((status == 404 || code == "1012") && (EntityOfField(error?.Field) ?? EntityOf(error?.Object) ?? call.Entity) is { } missing)
        {
            var entity = missing;
            var id = entity == call.Entity ? call.RecordId ?? error?.Value : error?.Value ?? call.RecordId;
            return new RecordNotFoundException(entity, id ?? string.Empty)
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (!recognised)
        {
            return Invalid(call, status, body, "FreshBooks answered an error whose body could not be read");
        }

        if (status == 404 && call.Entity is null)
        {
            return new LedgerlineException($"FreshBooks found no {call.Target} for {call.Operation} (HTTP 404): {message}")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status is 400 or 422 || error!.Fields.Count > 0)
        {
            var fields = error!.Fields.Count > 0
                ? error.Fields.Select(f => new FieldError(call.Entity is { } entity ? CanonicalField(entity, f.Field) : f.Field, f.Message, f.Code ?? code)).ToArray()
                : [new FieldError(string.Empty, message ?? "FreshBooks refused the input.", code)];
            return new LedgerValidationException(fields) { Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message };
        }

        return new LedgerlineException($"FreshBooks refused {call.Operation} {call.Target} (HTTP {status}): {message}")
        {
            Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
        };
    }

    /// <summary>The token endpoint's refusals, by OAuth <c>error</c> (429 and 5xx are already handled like any call's).</summary>
    private static LedgerlineException TokenRefusal(FreshBooksCall call, int status, ProviderError? error, ReadOnlyMemory<byte> body)
    {
        var code = error?.Code;
        var message = error?.Message;
        if (error is not { Recognised: true } || code is null)
        {
            return Invalid(call, status, body, "FreshBooks' token endpoint refused the request with a body that is not an OAuth error");
        }

        if (code == Auth.TokenEndpointException.InvalidGrant)
        {
            return Auth.TokenEndpointException.Create(status, code, message);
        }

        if (code is "unauthorized_client" or "invalid_scope" or "access_denied")
        {
            return new PermissionDeniedException($"FreshBooks' token endpoint refused the application ({code}): {message}")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        var hint = code == "invalid_client" ? " Check FreshBooksOptions.ClientId, ClientSecret and RedirectUri." : string.Empty;
        return new LedgerlineException($"FreshBooks' token endpoint refused the request ({code}): {message}.{hint}")
        {
            Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
        };
    }

    /// <summary>Translates a failure to get an answer: a transport error, a timeout or a resilience rejection.</summary>
    public static LedgerlineException FromTransport(FreshBooksCall call, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is RateLimiterRejectedException rejected)
        {
            return new RateLimitedException(rejected.RetryAfter, exception) { Provider = Provider };
        }

        // Nothing left the machine when the connection could not even be opened, so a write cannot have happened.
        var neverSent = exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
            || exception is Polly.CircuitBreaker.BrokenCircuitException;
        return neverSent
            ? new ProviderUnavailableException($"FreshBooks could not be reached for {call.Operation} {call.Target}; nothing was sent.", exception) { Provider = Provider }
            : Unavailable(call, $"No answer was read from FreshBooks ({Describe(exception)}).", exception);
    }

    /// <summary>Whether an exception thrown while sending is a failure to get an answer (rather than a bug or a cancellation).</summary>
    public static bool IsTransport(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        HttpRequestException or IOException or TimeoutException or ExecutionRejectedException => true,
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// A body that is not JSON, is cut short, or has the wrong envelope: <see cref="InvalidProviderResponseException"/>.
    /// For a write of a record whose success answer (2xx) cannot be read, FreshBooks did the write but what it did is not
    /// known, so the error is <see cref="OutcomeUnknownException"/> with the <see cref="InvalidProviderResponseException"/>
    /// (and its bounded excerpt) as its inner exception.
    /// </summary>
    public static LedgerlineException Invalid(FreshBooksCall call, int status, ReadOnlyMemory<byte> body, string reason, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var invalid = new InvalidProviderResponseException(
            $"{reason} ({call.Operation} {call.Target}, HTTP {status}).", call.MayQuoteBody ? Excerpt(body) : null, inner)
        {
            Provider = Provider,
            StatusCode = status,
        };
        return call is { IsWrite: true, Entity: { } written } && status is >= 200 and < 300
            ? new OutcomeUnknownException(written, call.Operation, call.OperationId,
                $"it was sent and FreshBooks answered HTTP {status}, but the answer could not be read, so what was written is not known", invalid)
            {
                Provider = Provider, StatusCode = status, RecordId = call.RecordId, SentAt = call.SentAt, ProviderMessage = invalid.Message,
            }
            : invalid;
    }

    /// <summary>The first <see cref="MaxExcerptLength"/> characters of a body, for diagnosis. Bodies never hold the bearer.</summary>
    public static string? Excerpt(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var slice = body.Span[..Math.Min(body.Length, MaxExcerptLength * 4)];
        var text = Encoding.UTF8.GetString(slice);
        return text.Length <= MaxExcerptLength ? text : text[..MaxExcerptLength];
    }

    /// <summary>The wait a 429 asks for, from <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static LedgerlineException Unavailable(FreshBooksCall call, string reason, Exception? inner) =>
        call is { IsWrite: true, Entity: { } written }
            ? new OutcomeUnknownException(written, call.Operation, call.OperationId, inner)
            {
                Provider = Provider,
                RecordId = call.RecordId,
                SentAt = call.SentAt,
                ProviderMessage = reason,
            }
            : new ProviderUnavailableException(
                $"FreshBooks is unavailable for {call.Operation} {call.Target}: {reason}{(call.IsWrite ? " Whether it took effect is unknown." : string.Empty)}", inner)
            {
                Provider = Provider,
            };

    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => http.HttpRequestError.ToString(),
        OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timed out",
        _ => exception.GetType().Name,
    };

    /// <summary>The entity a reference field points at: an unknown <c>customerid</c> on an invoice is a missing contact.</summary>
    private static EntityKind? EntityOfField(string? field) => field switch
    {
        "customerid" or "clientid" or "client_id" or "userid" => EntityKind.Contact,
        "invoiceid" => EntityKind.Invoice,
        "logid" => EntityKind.Payment,
        "expenseid" => EntityKind.Expense,
        "taxid" or "tax1" or "tax2" => EntityKind.TaxRate,
        "itemid" => EntityKind.Item,
        "estimateid" => EntityKind.Estimate,
        "creditid" => EntityKind.CreditNote,
        "vendorid" => EntityKind.Vendor,
        "billid" => EntityKind.Bill,
        _ => null,
    };

    private static EntityKind? EntityOf(string? freshBooksObject) => freshBooksObject?.ToLowerInvariant() switch
    {
        "client" or "user" => EntityKind.Contact,
        "invoice" => EntityKind.Invoice,
        "payment" => EntityKind.Payment,
        "expense" => EntityKind.Expense,
        "time_entry" or "timeentry" => EntityKind.TimeEntry,
        "tax" => EntityKind.TaxRate,
        "item" => EntityKind.Item,
        "project" => EntityKind.Project,
        "estimate" => EntityKind.Estimate,
        "credit_note" or "credit" => EntityKind.CreditNote,
        "bill_vendor" or "vendor" => EntityKind.Vendor,
        "bill" => EntityKind.Bill,
        "bill_payment" => EntityKind.BillPayment,
        _ => null,
    };

    /// <summary>FreshBooks' field names as the canonical input's property paths, where they correspond.</summary>
    internal static string CanonicalField(EntityKind entity, string field) => LineField(field) ?? field switch
    {
        "fname" => nameof(NewContact.FirstName),
        "lname" => nameof(NewContact.LastName),
        "organization" => nameof(NewContact.Organization),
        "email" => nameof(NewContact.Email),
        "currency_code" => nameof(NewInvoice.Currency),
        "name" or "title" => nameof(NewItem.Name),
        "description" => nameof(NewItem.Description),
        "amount" when entity == EntityKind.TaxRate => nameof(NewTaxRate.Percent),
        "number" when entity == EntityKind.TaxRate => nameof(NewTaxRate.RegistrationNumber),
        "compound" => nameof(NewTaxRate.IsCompound),
        "sku" => nameof(NewItem.Code),
        "unit_cost" => nameof(NewItem.UnitPrice),
        "inventory" => nameof(NewItem.QuantityOnHand),
        "tax1" or "tax2" => nameof(NewItem.TaxRateIds),
        "note" when entity == EntityKind.TimeEntry => nameof(NewTimeEntry.Note),
        "note" when entity == EntityKind.Payment => nameof(NewPayment.Note),
        "note" when entity == EntityKind.BillPayment => nameof(NewBillPayment.Note),
        "note" or "notes" => nameof(NewInvoice.Notes),
        "customerid" or "clientid" or "client_id" or "userid" when entity != EntityKind.Contact => nameof(NewInvoice.ContactId),
        "create_date" => nameof(NewInvoice.IssueDate),
        "due_offset_days" or "due_date" => nameof(NewInvoice.DueDate),
        "invoice_number" => nameof(NewInvoice.Number),
        "discount_value" => nameof(NewInvoice.DiscountPercent),
        "lines" => nameof(NewInvoice.Lines),
        "terms" => nameof(NewInvoice.Terms),
        "invoiceid" => nameof(NewPayment.InvoiceId),
        "amount" => nameof(NewPayment.Amount),
        "date" => nameof(NewPayment.Date),
        "type" when entity == EntityKind.Payment => nameof(NewPayment.Method),
        "vendor" => nameof(NewExpense.Vendor),
        "categoryid" => nameof(NewExpense.CategoryId),
        "started_at" => nameof(NewTimeEntry.StartedAt),
        "duration" => nameof(NewTimeEntry.Duration),
        "project_id" => nameof(NewTimeEntry.ProjectId),
        "billable" => nameof(NewTimeEntry.Billable),
        "estimate_number" => nameof(NewEstimate.Number),
        "credit_number" => nameof(NewCreditNote.Number),
        // A credit payment refused on creditid names a credit note of another client than the invoice's.
        "creditid" when entity == EntityKind.CreditNote => nameof(NewCreditAllocation.InvoiceId),
        "vendor_name" => nameof(NewVendor.Name),
        "primary_contact_first_name" => nameof(NewVendor.FirstName),
        "primary_contact_last_name" => nameof(NewVendor.LastName),
        "primary_contact_email" => nameof(NewVendor.Email),
        "vendorid" => nameof(NewBill.VendorId),
        "bill_number" => nameof(NewBill.Number),
        "issue_date" => nameof(NewBill.IssueDate),
        "billid" => nameof(NewBillPayment.BillId),
        "paid_date" => nameof(NewBillPayment.Date),
        "payment_type" => nameof(NewBillPayment.Method),
        _ => field,
    };

    /// <summary>
    /// A field of one line, <c>lines[2].unit_cost</c>, as the canonical path <c>Lines[2].UnitPrice</c> (lines are written
    /// one for one, in order); a member with no canonical counterpart names the line as a whole. <see langword="null"/>
    /// when the field is not a line's.
    /// </summary>
    private static string? LineField(string field)
    {
        const string Prefix = "lines[";
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (!field.StartsWith(Prefix, StringComparison.Ordinal) || close <= Prefix.Length ||
            !int.TryParse(field.AsSpan(Prefix.Length, close - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{nameof(NewInvoice.Lines)}[{index}]");
        var member = field.Length > close + 2 && field[close + 1] == '.' ? field[(close + 2)..] : null;
        return member switch
        {
            "name" => $"{line}.{nameof(NewInvoiceLine.Name)}",
            "description" => $"{line}.{nameof(NewInvoiceLine.Description)}",
            "qty" or "quantity" => $"{line}.{nameof(NewInvoiceLine.Quantity)}",
            "unit_cost" or "unit_cost.amount" => $"{line}.{nameof(NewInvoiceLine.UnitPrice)}",
            "taxName1" or "taxName2" or "taxAmount1" or "taxAmount2" or "tax_name1" or "tax_name2" or "tax_percent1" or "tax_percent2"
                => $"{line}.{nameof(NewInvoiceLine.Taxes)}",
            "categoryid" => $"{line}.{nameof(NewBillLine.CategoryId)}",
            _ => line,
        };
    }
}
