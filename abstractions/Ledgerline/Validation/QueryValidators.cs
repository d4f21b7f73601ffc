using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>The rules every list query shares: page size, states, <see cref="RecordQuery.UpdatedSince"/>.</summary>
internal abstract class RecordQueryValidator<TQuery> : LedgerlineValidator<TQuery>
    where TQuery : RecordQuery
{
    protected RecordQueryValidator()
    {
        RuleFor(q => q.PageSize).InclusiveBetween(1, RecordQuery.MaxPageSize);
        RuleFor(q => q.States)
            .Must(s => s != RecordStates.None)
            .WithMessage("'States' is None, which selects nothing; use RecordStates.Active (the default), NotDeleted or All.")
            .WithErrorCode("StatesRequired")
            .Must(s => (s & ~RecordStates.All) == 0)
            .WithMessage("'States' has flags that name no state; combine only Active, Archived and Deleted.")
            .WithErrorCode("UnknownStates");
        RuleFor(q => q.UpdatedSince)
            .Must(s => s != default(DateTimeOffset))
            .WithMessage("'UpdatedSince' is default(DateTimeOffset); leave it null to list regardless of changes.")
            .WithErrorCode("DateRequired");
    }

    /// <summary>A status filter that, when set, names at least one status and only known ones.</summary>
    protected void StatusSet<TStatus>(System.Linq.Expressions.Expression<Func<TQuery, IReadOnlySet<TStatus>?>> statuses)
        where TStatus : struct, Enum =>
        RuleFor(statuses)
            .Must(s => s is null || s.Count > 0)
            .WithMessage("'Statuses' is empty, which selects nothing; leave it null to list every status.")
            .WithErrorCode("StatusesEmpty")
            .Must(s => s is null || s.All(Enum.IsDefined))
            .WithMessage($"'Statuses' holds a value that is not a {typeof(TStatus).Name}.")
            .WithErrorCode("UnknownStatus");

    /// <summary>A date range whose start is not after its end.</summary>
    protected void DateRange(System.Linq.Expressions.Expression<Func<TQuery, DateRange?>> range) =>
        RuleFor(range)
            .Must(r => r is not { From: { } from, To: { } to } || from <= to)
            .WithMessage((_, r) => string.Create(
                CultureInfo.InvariantCulture,
                $"'{{PropertyName}}' starts after it ends ({r!.Value.From:yyyy-MM-dd} > {r.Value.To:yyyy-MM-dd}); both ends are inclusive."))
            .WithErrorCode("EmptyRange");
}

/// <summary>Validates <see cref="ContactQuery"/>.</summary>
internal sealed class ContactQueryValidator : RecordQueryValidator<ContactQuery>
{
    public ContactQueryValidator()
    {
        RuleFor(q => q.Email).NotBlankFilter().MaximumLength(InputLimits.Email).WellFormed();
        RuleFor(q => q.OrganizationContains).NotBlankFilter().MaximumLength(InputLimits.Name).WellFormed();
    }
}

/// <summary>Validates <see cref="InvoiceQuery"/>.</summary>
internal sealed class InvoiceQueryValidator : RecordQueryValidator<InvoiceQuery>
{
    public InvoiceQueryValidator()
    {
        RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        StatusSet(q => q.Statuses);
        DateRange(q => q.IssueDate);
        DateRange(q => q.DueDate);
    }
}

/// <summary>Validates <see cref="PaymentQuery"/>.</summary>
internal sealed class PaymentQueryValidator : RecordQueryValidator<PaymentQuery>
{
    public PaymentQueryValidator()
    {
        RuleFor(q => q.InvoiceId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        DateRange(q => q.Date);
    }
}

/// <summary>Validates <see cref="ExpenseQuery"/>.</summary>
internal sealed class ExpenseQueryValidator : RecordQueryValidator<ExpenseQuery>
{
    public ExpenseQueryValidator()
    {
        RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(q => q.CategoryId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        DateRange(q => q.Date);
    }
}

/// <summary>Validates <see cref="TimeEntryQuery"/>.</summary>
internal sealed class TimeEntryQueryValidator : RecordQueryValidator<TimeEntryQuery>
{
    public TimeEntryQueryValidator()
    {
        RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(q => q.ProjectId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(q => q.StartedFrom)
            .Must(s => s != default(DateTimeOffset))
            .WithMessage("'StartedFrom' is default(DateTimeOffset); leave it null for no lower bound.")
            .WithErrorCode("DateRequired");
        RuleFor(q => q.StartedTo)
            .Must(s => s != default(DateTimeOffset))
            .WithMessage("'StartedTo' is default(DateTimeOffset); leave it null for no upper bound.")
            .WithErrorCode("DateRequired")
            .Must((q, to) => q.StartedFrom is not { } from || to is not { } t || from <= t)
            .WithMessage((q, to) => string.Create(
                CultureInfo.InvariantCulture, $"'StartedTo' ({to:O}) is before 'StartedFrom' ({q.StartedFrom:O}); both ends are inclusive."))
            .WithErrorCode("EmptyRange");
    }
}

/// <summary>Query rules shared by several queries.</summary>
internal static class QueryRules
{
    // A blank filter is almost always a bug (an unset variable); silently matching nothing or everything would hide it.
    public static IRuleBuilderOptions<T, string?> NotBlankFilter<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !string.IsNullOrWhiteSpace(v))
            .WithMessage("'{PropertyName}' is blank; leave it null to not filter on it.")
            .WithErrorCode("BlankFilter");
}
