using FluentValidation.Results;

namespace Ledgerline.Pipeline;

/// <summary>
/// Refuses, before the provider sees the call: operations and filters the store does not support, missing ids, and
/// drafts, changes and queries that fail the entity's validators. So providers receive only valid input and supported
/// calls, and every provider refuses the same bad input the same way.
/// </summary>
internal sealed class GuardMiddleware(IReadOnlyDictionary<EntityKind, EntityValidators> validators) : StoreMiddleware
{
    public override ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        Check(request);
        return next(request, cancellationToken);
    }

    // The store and the logging middleware enumerate lazily, so a refusal here still surfaces on enumeration.
    public override IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
    {
        Check(request);
        return next(request, cancellationToken);
    }

    private void Check(StoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Capabilities.Supports(request.RequiredCapability))
        {
            throw new OperationNotSupportedException(request.ProviderName, request.Entity, request.RequiredCapability.ToString());
        }

        if (request.IdempotencyKey is { } key)
        {
            CheckIdempotencyKey(request, key);
        }

        switch (request.Operation)
        {
            case StoreOperation.Get or StoreOperation.Archive or StoreOperation.Restore or StoreOperation.Delete
                or StoreOperation.MarkSent or StoreOperation.Void or StoreOperation.Accept or StoreOperation.Decline or StoreOperation.ConvertToInvoice:
                RequireId(request.Id);
                break;
            case StoreOperation.Create:
                Validate(request.Input, For(request)?.Draft, "draft");
                RefuseTaxInclusivePrices(request);
                break;
            case StoreOperation.Update:
                RequireId(request.Id);
                Validate(request.Input, For(request)?.Changes, "changes");
                RefuseTaxInclusivePrices(request);
                break;
            case StoreOperation.Allocate:
                RequireId(request.Id);
                Validate(request.Input, For(request)?.Action, "allocation");
                break;
            case StoreOperation.List or StoreOperation.ListPage:
                Validate(request.Query, For(request)?.Query, "query");
                CheckFilters(request);
                break;
        }
    }

    private EntityValidators? For(StoreRequest request) => validators.GetValueOrDefault(request.Entity);

    private static void CheckFilters(StoreRequest request)
    {
        var query = request.Query!;
        var capabilities = request.Capabilities;
        foreach (var filter in query.GetAppliedFilters())
        {
            if (filter.Name == nameof(RecordQuery.States))
            {
                if ((query.States & ~capabilities.QueryableStates) != 0)
                {
                    throw new OperationNotSupportedException(request.ProviderName, request.Entity, $"listing {query.States} records");
                }
            }
            else if (!capabilities.Filters.Contains(filter.Name))
            {
                throw new OperationNotSupportedException(request.ProviderName, request.Entity, $"the {filter.Name} filter");
            }
        }
    }

    // A provider that cannot honour a key refuses it rather than create without it: the application would take a retry
    // for safe and make a duplicate.
    private static void CheckIdempotencyKey(StoreRequest request, string key)
    {
        if (request.Operation is not (StoreOperation.Create or StoreOperation.Allocate) || !request.Capabilities.HonoursIdempotencyKey(request.RequiredCapability))
        {
            throw new OperationNotSupportedException(request.ProviderName, request.Entity, $"idempotency keys on {request.RequiredCapability}");
        }

        if (CreateOptions.CheckIdempotencyKey(key) is { } problem)
        {
            throw new LedgerValidationException([new FieldError(nameof(CreateOptions.IdempotencyKey), problem, "InvalidIdempotencyKey")]);
        }
    }

    /// <summary>
    /// Unit prices that include tax only reach a store that declares <see cref="StoreCapabilities.TaxInclusivePrices"/>;
    /// elsewhere they are refused as the provider would have to convert or drop them.
    /// </summary>
    private static void RefuseTaxInclusivePrices(StoreRequest request)
    {
        var asked = request.Input is NewInvoice { UnitPricesIncludeTax: true } or InvoiceChanges { UnitPricesIncludeTax: true }
            or NewBill { UnitPricesIncludeTax: true } or BillChanges { UnitPricesIncludeTax: true }
            or NewCreditNote { UnitPricesIncludeTax: true } or CreditNoteChanges { UnitPricesIncludeTax: true }
            or NewEstimate { UnitPricesIncludeTax: true } or EstimateChanges { UnitPricesIncludeTax: true };
        if (asked && !request.Capabilities.TaxInclusivePrices)
        {
            throw new LedgerValidationException([new FieldError(
                nameof(NewInvoice.UnitPricesIncludeTax),
                $"{request.ProviderName} keeps unit prices before tax only; give prices without tax and leave UnitPricesIncludeTax false.",
                "NotSupportedByProvider")])
            {
                Provider = request.ProviderName,
            };
        }
    }

    private static void RequireId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new LedgerValidationException([new FieldError("id", "An id is required.", "Required")]);
        }
    }

    private static void Validate(object? input, Func<object, ValidationResult>? validator, string name)
    {
        if (input is null)
        {
            throw new LedgerValidationException([new FieldError(name, $"The {name} is required.", "Required")]);
        }

        if (validator?.Invoke(input) is { IsValid: false } result)
        {
            throw new LedgerValidationException(
                result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage, e.ErrorCode)).ToArray());
        }
    }
}
