using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Ledgerline.Http;
using Ledgerline.Xero.Http;
using Polly;

namespace Ledgerline.Xero.Errors;

/// <summary>
/// The one table from Xero's answers (and failures to answer) to Ledgerline's exception family. Every exception it makes
/// carries <c>Provider = "Xero"</c>, the HTTP status and Xero's own code and message.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>400 <c>ValidationException</c></term><description><see cref="LedgerValidationException"/>, one
/// <see cref="FieldError"/> per distinct message and field of the failed element (<see cref="ValidationFields"/>): a
/// message on a line, or quoting a line's tax rate, on that line's field (<c>Lines[0].Taxes[0].TaxRateId</c>); others on
/// the canonical field the message is about where it is recognisable (<see cref="CanonicalField"/>), else the record as
/// a whole (empty field).</description></item>
/// <item><term>400 <c>PostDataInvalidException</c> naming a value (<c>Path 'Invoices[0].LineItems[1].UnitAmount'</c>)</term><description><see cref="LedgerValidationException"/> on the canonical field the path maps to (<see cref="CanonicalPath"/>, e.g. <c>Lines[1].UnitPrice</c>): a value Xero could not take (too long, too large).</description></item>
/// <item><term>400 other (<c>PostDataInvalidException</c>, <c>QueryParseException</c>)</term><description><see cref="LedgerlineException"/> with Xero's type as the code: the request itself was wrong.</description></item>
/// <item><term>401 <c>AuthorizationUnsuccessful</c></term><description><see cref="PermissionDeniedException"/>: the grant lacks the operation's scope, named in <see cref="PermissionDeniedException.RequiredScope"/> (<see cref="XeroCall.Scope"/>).</description></item>
/// <item><term>401 otherwise (<c>TokenExpired</c>, <c>AuthenticationUnsuccessful</c>)</term><description><see cref="ReauthorizationRequiredException"/>.</description></item>
/// <item><term>403</term><description><see cref="ReauthorizationRequiredException"/>: the organisation named by the connection's tenant id is not (or no longer) connected to the app.</description></item>
/// <item><term>404</term><description><see cref="RecordNotFoundException"/> (Xero's body is plain text).</description></item>
/// <item><term>409 on a write with an idempotency key</term><description><see cref="IdempotencyKeyConflictException"/>: the key was used for another request, or that request is still running.</description></item>
/// <item><term>429</term><description><see cref="RateLimitedException"/> with <c>Retry-After</c>; <see cref="LedgerlineException.ProviderCode"/> is the limit Xero names in <c>X-Rate-Limit-Problem</c> (<c>minute</c>, <c>day</c>, <c>appminute</c>, <c>concurrent</c>).</description></item>
/// <item><term>5xx, transport error, timeout</term><description>reads: <see cref="ProviderUnavailableException"/>; writes: <see cref="OutcomeUnknownException"/> (never retried; <see cref="OutcomeUnknownException.IdempotencyKeySent"/> says whether a repeat with the same key is safe), except a failure to connect at all, which cannot have written anything.</description></item>
/// <item><term>2xx that cannot be read</term><description>reads: <see cref="InvalidProviderResponseException"/>; writes: <see cref="OutcomeUnknownException"/> with it as the inner exception (Xero wrote something; what is not known).</description></item>
/// <item><term>anything else</term><description><see cref="LedgerlineException"/> with Xero's code and message.</description></item>
/// </list>
/// </remarks>
internal static partial class XeroErrorTable
{
    /// <summary>The most characters of a body kept in an exception.</summary>
    public const int MaxExcerptLength = 512;

    /// <summary>The header in which Xero names the rate limit a 429 hit.</summary>
    public const string RateLimitProblemHeader = "X-Rate-Limit-Problem";

    private const string Provider = XeroRequest.ProviderName;

    /// <summary>Translates an error answer.</summary>
    public static LedgerlineException FromResponse(XeroCall call, int status, HttpResponseHeaders? headers, ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var error = XeroErrorBody.Parse(body);
        var code = error?.Code;
        var message = error?.Message ?? PlainText(body);

        if (status == 429)
        {
            var limit = headers is not null && headers.TryGetValues(RateLimitProblemHeader, out var values) ? Bounded(values.FirstOrDefault()) : null;
            return new RateLimitedException(RetryAfterHeader.Wait(headers, now))
            {
                Provider = Provider, StatusCode = status, ProviderCode = limit, ProviderMessage = limit is null ? null : $"Xero's {limit} limit was hit.",
            };
        }

        if (status >= 500)
        {
            return call.IsWrite
                ? new OutcomeUnknownException(call.Entity, call.Operation, call.OperationId,
                    $"it was sent and Xero answered HTTP {status}, a server error that does not say whether the {call.Operation} took effect{AndDoneBefore(call)}")
                {
                    Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message, RecordId = call.RecordId, SentAt = call.SentAt,
                    IdempotencyKeySent = call.IdempotencyKey is not null,
                }
                : new ProviderUnavailableException($"Xero failed {call.Operation} {call.Entity} with HTTP {status}.")
                {
                    Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
                };
        }

        if (status == 401 && code == "AuthorizationUnsuccessful")
        {
            var scope = call.Scope;
            return new PermissionDeniedException(
                $"Xero refused {call.Operation} {call.Entity} with AuthorizationUnsuccessful: the token of connection '{call.ConnectionId}' lacks " +
                $"the scope '{scope.Broad}'{(scope.Granular is null ? "" : $" (or granular '{scope.Granular}')")} the call needs. Add '{scope.Broad}' to " +
                $"{nameof(XeroOptions)}.{nameof(XeroOptions.Scopes)} and connect again.", scope.Broad)
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 401)
        {
            return new ReauthorizationRequiredException(call.ConnectionId,
                $"Xero refused the credentials of connection '{call.ConnectionId}'; the user must connect again.")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 403)
        {
            return new ReauthorizationRequiredException(call.ConnectionId,
                $"Xero refused the organisation of connection '{call.ConnectionId}': it is not connected to the app (any more); connect it again.")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 404)
        {
            return new RecordNotFoundException(call.Entity, call.RecordId ?? string.Empty)
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 409 && call.IdempotencyKey is not null)
        {
            return new IdempotencyKeyConflictException(call.Entity, call.Operation,
                $"Xero refused the idempotency key of this {call.Operation} of {EntityNames.WithArticle(call.Entity)}: it was already used for a different request, " +
                "or that request is still being processed. " +
                (call.DoneBefore is null ? "Nothing was done by this call" : $"The {call.Operation} was not done, but {call.DoneBefore}") +
                "; use a new key for a new input.")
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = Bounded(message),
            };
        }

        if (status == 400 && code == "ValidationException")
        {
            var fields = ValidationFields(call.Entity, error!);
            return new LedgerValidationException(AndDoneBefore(call, fields.Count > 0 ? fields : [new FieldError(string.Empty, message ?? "Xero refused the input.", code)]))
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        if (status == 400 && error is { ModelState.Count: > 0 })
        {
            // The Projects API's shape: field paths (model.Duration) rather than a code; each becomes the canonical field.
            var fields = error.ModelState.Select(f => new FieldError(ProjectsField(call.Entity, f.Key), f.Value, f.Key)).ToArray();
            return new LedgerValidationException(fields) { Provider = Provider, StatusCode = status, ProviderMessage = message };
        }

        if (status == 400 && code == "PostDataInvalidException" && message is not null &&
            WirePath().Match(message) is { Success: true } named && CanonicalPath(call.Entity, named.Groups["path"].Value) is { } field)
        {
            return new LedgerValidationException(AndDoneBefore(call, [new FieldError(field, Bounded(message)!, code)]))
            {
                Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
            };
        }

        return new LedgerlineException($"Xero refused {call.Operation} {call.Entity} (HTTP {status}): {message}{AndDoneBefore(call)}")
        {
            Provider = Provider, StatusCode = status, ProviderCode = code, ProviderMessage = message,
        };
    }

    /// <summary>The clause saying what the call already changed (<see cref="XeroCall.DoneBefore"/>), or nothing.</summary>
    private static string AndDoneBefore(XeroCall call) => call.DoneBefore is null ? string.Empty : $"; {call.DoneBefore}";

    /// <summary>
    /// Xero's field errors and, when the call already changed something, a form-level entry (field <c>""</c>, code
    /// <c>DoneBefore</c>) saying what, so the exception's message says it too.
    /// </summary>
    private static IReadOnlyList<FieldError> AndDoneBefore(XeroCall call, IReadOnlyList<FieldError> fields) =>
        call.DoneBefore is null ? fields : [.. fields, new FieldError(string.Empty, call.DoneBefore, "DoneBefore")];

    /// <summary>Translates a failure to get an answer: a transport error, a timeout or a resilience rejection.</summary>
    public static LedgerlineException FromTransport(XeroCall call, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(exception);

        // Nothing left the machine when the connection could not even be opened, so a write cannot have happened.
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return new ProviderUnavailableException($"Xero could not be reached for {call.Operation} {call.Entity}; nothing was sent.", exception) { Provider = Provider };
        }

        var reason = $"No answer was read from Xero ({Describe(exception)}).";
        return call.IsWrite
            ? new OutcomeUnknownException(call.Entity, call.Operation, call.OperationId, "it was sent but no answer was read" + AndDoneBefore(call), exception)
            {
                Provider = Provider, RecordId = call.RecordId, SentAt = call.SentAt, ProviderMessage = reason,
                IdempotencyKeySent = call.IdempotencyKey is not null,
            }
            : new ProviderUnavailableException($"Xero is unavailable for {call.Operation} {call.Entity}: {reason}", exception) { Provider = Provider };
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
    /// A body that is not JSON, has the wrong envelope, or holds a record that cannot be read:
    /// <see cref="InvalidProviderResponseException"/> with a bounded excerpt. For a write whose success answer (2xx)
    /// cannot be read, Xero did the write but what it did is not known, so the error is
    /// <see cref="OutcomeUnknownException"/> with the <see cref="InvalidProviderResponseException"/> as its inner exception.
    /// </summary>
    public static LedgerlineException Invalid(XeroCall call, int status, ReadOnlyMemory<byte> body, string reason, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var invalid = new InvalidProviderResponseException($"{Bounded(reason)} ({call.Operation} {call.Entity}, HTTP {status}).", Excerpt(body), inner)
        {
            Provider = Provider,
            StatusCode = status,
        };
        return call.IsWrite && status is >= 200 and < 300 ? Unreadable(call, status, invalid) : invalid;
    }

    /// <summary>A write Xero answered with success, in an answer that cannot be read.</summary>
    private static OutcomeUnknownException Unreadable(XeroCall call, int status, InvalidProviderResponseException invalid) =>
        new(call.Entity, call.Operation, call.OperationId,
            $"it was sent and Xero answered HTTP {status}, but the answer could not be read, so what was written is not known", invalid)
        {
            Provider = Provider, StatusCode = status, RecordId = call.RecordId, SentAt = call.SentAt, ProviderMessage = invalid.Message,
        };

    /// <summary>The first <see cref="MaxExcerptLength"/> characters of a body, for diagnosis. Bodies never hold the bearer.</summary>
    public static string? Excerpt(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var slice = body.Span[..Math.Min(body.Length, MaxExcerptLength * 4)];
        return Bounded(Encoding.UTF8.GetString(slice));
    }

    /// <summary>
    /// The field errors of a <c>ValidationException</c>, each reported once. A message Xero put on a line, or one that
    /// quotes the <c>TaxType</c> (or, on bills and expenses, the <c>AccountCode</c>) a line was sent with, is on that
    /// line's field (<c>Lines[1].Taxes[0].TaxRateId</c>); any other message is on the field its wording names
    /// (<see cref="CanonicalField"/>).
    /// </summary>
    internal static IReadOnlyList<FieldError> ValidationFields(EntityKind entity, XeroErrorBody error)
    {
        const string Code = "ValidationException";
        var fields = new List<FieldError>();
        foreach (var line in error.Lines)
        {
            fields.AddRange(line.Messages.Select(m => new FieldError(LineField(entity, line, m) ?? CanonicalField(entity, m), m, Code)));
        }

        foreach (var message in error.ValidationMessages)
        {
            if (error.Lines.Any(l => l.Messages.Contains(message, StringComparer.Ordinal)))
            {
                continue;
            }

            var named = error.Lines.Where(l => Quotes(message, l)).Select(l => LineField(entity, l, message)).OfType<string>().ToList();
            fields.AddRange(named.Count > 0
                ? named.Select(field => new FieldError(field, message, Code))
                : [new FieldError(CanonicalField(entity, message), message, Code)]);
        }

        // Xero repeats a line's message for every line it is about, and on the element as well as on the line.
        return [.. fields.Distinct()];

        static bool Quotes(string message, XeroErrorLine line) =>
            (line.TaxType is { Length: > 0 } tax && message.Contains($"TaxType code '{tax}'", StringComparison.OrdinalIgnoreCase)) ||
            (line.AccountCode is { Length: > 0 } account && message.Contains($"Account code '{account}'", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The canonical field of a message about one line, where Ledgerline writes what it names from one field; null otherwise.</summary>
    private static string? LineField(EntityKind entity, XeroErrorLine line, string message)
    {
        bool Says(string text) => message.Contains(text, StringComparison.OrdinalIgnoreCase);
        var lines = entity is EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate;
        if (Says("TaxType") && line.TaxType is not null)
        {
            return LineTaxPath(entity, line.Index);
        }

        if (Says("TaxType"))
        {
            // Sent without a tax: Xero applied its account's default, which the line's taxes can replace.
            return lines ? $"{nameof(NewInvoice.Lines)}[{line.Index}].{nameof(NewInvoiceLine.Taxes)}" : null;
        }

        if (Says("Account code") && LineAccountPath(entity, line.Index) is { } account)
        {
            return account;
        }

        return lines ? $"{nameof(NewInvoice.Lines)}[{line.Index}]" : null;
    }

    /// <summary>
    /// The canonical field of the tax rate of line <paramref name="index"/>: Xero's one <c>TaxType</c> of a line is the
    /// line's first tax's <see cref="LineTax.TaxRateId"/> (an expense's first tax's, for its one line).
    /// </summary>
    internal static string? LineTaxPath(EntityKind entity, int index) => entity switch
    {
        EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate =>
            $"{nameof(NewInvoice.Lines)}[{index}].{nameof(NewInvoiceLine.Taxes)}[0].{nameof(LineTax.TaxRateId)}",
        EntityKind.Expense when index == 0 => $"{nameof(NewExpense.Taxes)}[0].{nameof(ExpenseTax.TaxRateId)}",
        _ => null,
    };

    /// <summary>The canonical field a line's <c>AccountCode</c> is written from: a bill line's category, an expense's; null where it is the adapter's option.</summary>
    private static string? LineAccountPath(EntityKind entity, int index) => entity switch
    {
        EntityKind.Bill => $"{nameof(NewBill.Lines)}[{index}].{nameof(NewBillLine.CategoryId)}",
        EntityKind.Expense when index == 0 => nameof(NewExpense.CategoryId),
        _ => null,
    };

    /// <summary>
    /// The canonical input field a Xero validation message is about, where the message says so recognisably; the empty
    /// string (the record as a whole) otherwise. Xero's messages name no field, so this reads their wording.
    /// </summary>
    internal static string CanonicalField(EntityKind entity, string message)
    {
        bool Says(string text) => message.Contains(text, StringComparison.OrdinalIgnoreCase);
        return entity switch
        {
            EntityKind.Item when Says("Item code") => nameof(NewItem.Code),
            EntityKind.Item when Says("TaxType") => nameof(NewItem.TaxRateIds),
            EntityKind.TaxRate when Says("name") => nameof(NewTaxRate.Name),
            EntityKind.TaxRate when Says("component") => nameof(NewTaxRate.Percent),
            EntityKind.Expense when Says("currency") => nameof(NewExpense.Amount),
            EntityKind.Expense when Says("TaxType") => nameof(NewExpense.Taxes),
            EntityKind.Expense when Says("Account code") => nameof(NewExpense.CategoryId),
            EntityKind.Expense when Says("contact") => nameof(NewExpense.Vendor),
            EntityKind.Contact when Says("contact name") => nameof(NewContact.Organization),
            EntityKind.Contact when Says("email") => nameof(NewContact.Email),
            EntityKind.Contact when Says("currency") => nameof(NewContact.Currency),
            EntityKind.Vendor when Says("contact name") => nameof(NewVendor.Name),
            EntityKind.Vendor when Says("email") => nameof(NewVendor.Email),
            EntityKind.Vendor when Says("currency") => nameof(NewVendor.Currency),
            EntityKind.Invoice or EntityKind.Bill when Says("Invoice #") || Says("invoice number") => nameof(NewInvoice.Number),
            EntityKind.Invoice when Says("contact") => nameof(NewInvoice.ContactId),
            EntityKind.Bill when Says("contact") => nameof(NewBill.VendorId),
            EntityKind.Invoice or EntityKind.Bill when Says("due date") => nameof(NewInvoice.DueDate),
            EntityKind.Invoice or EntityKind.Bill when Says("currency") => nameof(NewInvoice.Currency),
            EntityKind.Invoice or EntityKind.Bill when Says("TaxType") || Says("Account code") || Says("line") => nameof(NewInvoice.Lines),
            EntityKind.CreditNote when Says("date") => nameof(NewCreditAllocation.Date),
            EntityKind.CreditNote when Says("number") => nameof(NewCreditNote.Number),
            EntityKind.CreditNote when Says("amount") => nameof(NewCreditAllocation.Amount),
            EntityKind.CreditNote when Says("invoice") => nameof(NewCreditAllocation.InvoiceId),
            EntityKind.CreditNote when Says("contact") => nameof(NewCreditNote.ContactId),
            EntityKind.CreditNote when Says("currency") => nameof(NewCreditNote.Currency),
            EntityKind.CreditNote when Says("TaxType") || Says("Account code") || Says("line") || Says("Discount") => nameof(NewCreditNote.Lines),
            EntityKind.Estimate when Says("expiry") => nameof(NewEstimate.ExpiryDate),
            EntityKind.Estimate when Says("number") => nameof(NewEstimate.Number),
            EntityKind.Estimate when Says("contact") => nameof(NewEstimate.ContactId),
            EntityKind.Estimate when Says("currency") => nameof(NewEstimate.Currency),
            EntityKind.Estimate when Says("TaxType") || Says("Account code") || Says("line") || Says("Discount") => nameof(NewEstimate.Lines),
            EntityKind.Payment when Says("amount") => nameof(NewPayment.Amount),
            EntityKind.Payment when Says("invoice") || Says("document") => nameof(NewPayment.InvoiceId),
            EntityKind.Payment when Says("date") => nameof(NewPayment.Date),
            _ => string.Empty,
        };
    }

    /// <summary>
    /// The canonical field of a Projects API <c>modelState</c> key (<c>model.Name</c>, <c>model.Duration</c>, …; matched
    /// without case); a key Ledgerline does not know names no field (empty).
    /// </summary>
    internal static string ProjectsField(EntityKind entity, string key)
    {
        var member = key.StartsWith("model.", StringComparison.OrdinalIgnoreCase) ? key["model.".Length..] : key;
        bool Is(string name) => string.Equals(member, name, StringComparison.OrdinalIgnoreCase);
        return entity switch
        {
            EntityKind.Project when Is("Name") => nameof(NewProject.Name),
            EntityKind.Project when Is("ContactId") => nameof(NewProject.ContactId),
            EntityKind.Project when Is("DeadlineUtc") => nameof(NewProject.DueDate),
            EntityKind.Project when Is("EstimateAmount") => nameof(NewProject.Budget),
            EntityKind.Project when Is("Status") => nameof(ProjectChanges.IsComplete),
            EntityKind.TimeEntry when Is("Duration") => nameof(NewTimeEntry.Duration),
            EntityKind.TimeEntry when Is("DateUtc") => nameof(NewTimeEntry.StartedAt),
            EntityKind.TimeEntry when Is("TaskId") => nameof(NewTimeEntry.TaskId),
            EntityKind.TimeEntry when Is("UserId") => nameof(NewTimeEntry.UserId),
            EntityKind.TimeEntry when Is("Description") => nameof(NewTimeEntry.Note),
            _ => string.Empty,
        };
    }

    /// <summary>
    /// The canonical input path of a value Xero names by its JSON path in a <c>PostDataInvalidException</c>
    /// (<c>Invoices[0].Reference</c> → <c>Notes</c>, <c>Invoices[0].LineItems[2].UnitAmount</c> → <c>Lines[2].UnitPrice</c>),
    /// where the adapter writes that value from one canonical field; <see langword="null"/> otherwise (the error stays
    /// the request's as a whole). Lines are written one for one, in order.
    /// </summary>
    internal static string? CanonicalPath(EntityKind entity, string wirePath)
    {
        var path = EnvelopePrefix().Replace(wirePath, string.Empty, 1);
        if (LinePath().Match(path) is { Success: true } line)
        {
            var index = int.Parse(line.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var lines = $"{nameof(NewInvoice.Lines)}[{index}]";
            return (entity, line.Groups["member"].Value) switch
            {
                (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate, "Quantity") => $"{lines}.{nameof(NewInvoiceLine.Quantity)}",
                (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate, "UnitAmount") => $"{lines}.{nameof(NewInvoiceLine.UnitPrice)}",
                (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate, "LineItemID") => $"{lines}.{nameof(NewInvoiceLine.Id)}",
                (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate or EntityKind.Expense, "TaxType") => LineTaxPath(entity, index),
                (EntityKind.Bill, "Description") => $"{lines}.{nameof(NewBillLine.Description)}",
                (EntityKind.Bill or EntityKind.Expense, "AccountCode") => LineAccountPath(entity, index),

                // Xero's line description is the line's name and description joined: the line as a whole.
                (EntityKind.Invoice or EntityKind.CreditNote or EntityKind.Estimate, "Description") => lines,
                (EntityKind.Invoice or EntityKind.Estimate, "DiscountRate") => nameof(NewInvoice.DiscountPercent),

                // An expense is one line: its amount and tax amount.
                (EntityKind.Expense, "UnitAmount") when index == 0 => nameof(NewExpense.Amount),
                (EntityKind.Expense, "TaxAmount") when index == 0 => $"{nameof(NewExpense.Taxes)}[0].{nameof(ExpenseTax.Amount)}",
                _ => null,
            };
        }

        return (entity, path) switch
        {
            (EntityKind.Invoice or EntityKind.CreditNote or EntityKind.Estimate, "Contact" or "Contact.ContactID") => nameof(NewInvoice.ContactId),
            (EntityKind.Bill, "Contact" or "Contact.ContactID") => nameof(NewBill.VendorId),
            (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote, "Reference") => nameof(NewInvoice.Notes),
            (EntityKind.Invoice or EntityKind.Bill, "InvoiceNumber") => nameof(NewInvoice.Number),
            (EntityKind.CreditNote, "CreditNoteNumber") => nameof(NewCreditNote.Number),
            (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote, "Date") => nameof(NewInvoice.IssueDate),
            (EntityKind.Invoice or EntityKind.Bill, "DueDate") => nameof(NewInvoice.DueDate),
            (EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate, "CurrencyCode") => nameof(NewInvoice.Currency),
            (EntityKind.Estimate, "QuoteNumber") => nameof(NewEstimate.Number),
            (EntityKind.Estimate, "Date") => nameof(NewEstimate.IssueDate),
            (EntityKind.Estimate, "ExpiryDate") => nameof(NewEstimate.ExpiryDate),
            (EntityKind.Estimate, "Summary") => nameof(NewEstimate.Notes),
            (EntityKind.Estimate, "Terms") => nameof(NewEstimate.Terms),
            (EntityKind.Expense, "Date") => nameof(NewExpense.Date),
            (EntityKind.Expense, "Reference") => nameof(NewExpense.Notes),
            (EntityKind.Expense, "Contact" or "Contact.Name") => nameof(NewExpense.Vendor),
            (EntityKind.Item, "Code") => nameof(NewItem.Code),
            (EntityKind.Item, "Name") => nameof(NewItem.Name),
            (EntityKind.Item, "Description") => nameof(NewItem.Description),
            (EntityKind.Item, "SalesDetails.UnitPrice") => nameof(NewItem.UnitPrice),
            (EntityKind.Item, "SalesDetails.TaxType") => $"{nameof(NewItem.TaxRateIds)}[0]",
            (EntityKind.Contact, "Name") => nameof(NewContact.Organization),
            (EntityKind.Vendor, "Name") => nameof(NewVendor.Name),
            (EntityKind.Contact or EntityKind.Vendor, "FirstName") => nameof(NewContact.FirstName),
            (EntityKind.Contact or EntityKind.Vendor, "LastName") => nameof(NewContact.LastName),
            (EntityKind.Contact or EntityKind.Vendor, "EmailAddress") => nameof(NewContact.Email),
            (EntityKind.Contact or EntityKind.Vendor, "DefaultCurrency") => nameof(NewContact.Currency),
            (EntityKind.Payment, "Amount") => nameof(NewPayment.Amount),
            (EntityKind.Payment, "Date") => nameof(NewPayment.Date),
            (EntityKind.Payment, "Reference") => nameof(NewPayment.Note),
            (EntityKind.Payment, "Invoice" or "Invoice.InvoiceID") => nameof(NewPayment.InvoiceId),
            _ => null,
        };
    }

    /// <summary>The JSON path Xero names in a <c>PostDataInvalidException</c> message.</summary>
    [GeneratedRegex(@"Path '(?<path>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WirePath();

    /// <summary>The plural envelope's element (<c>Invoices[0].</c>) in front of a record's member.</summary>
    [GeneratedRegex(@"^[A-Za-z]+\[\d+\]\.", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnvelopePrefix();

    /// <summary>A member of one line, <c>LineItems[2].UnitAmount</c>.</summary>
    [GeneratedRegex(@"^LineItems\[(?<index>\d{1,6})\]\.(?<member>[A-Za-z]+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinePath();

    private static string? PlainText(ReadOnlyMemory<byte> body) => body.IsEmpty ? null : Excerpt(body);

    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => http.HttpRequestError.ToString(),
        OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timed out",
        _ => exception.GetType().Name,
    };

    private static string? Bounded(string? text) => text is { Length: > MaxExcerptLength } ? text[..MaxExcerptLength] : text;
}
