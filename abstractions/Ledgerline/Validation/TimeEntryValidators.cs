using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewTimeEntry"/>.</summary>
internal sealed class NewTimeEntryValidator : LedgerlineValidator<NewTimeEntry>
{
    public NewTimeEntryValidator()
    {
        RuleFor(t => t.StartedAt).Started();
        RuleFor(t => t.Duration).Duration();
        RuleFor(t => t.ContactId).OptionalId();
        RuleFor(t => t.ProjectId).OptionalId();
        RuleFor(t => t.TaskId).OptionalId();
        RuleFor(t => t.UserId).OptionalId();
        RuleFor(t => t.Note).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="TimeEntryChanges"/>: what is set follows the <see cref="NewTimeEntry"/> rules.</summary>
internal sealed class TimeEntryChangesValidator : LedgerlineValidator<TimeEntryChanges>
{
    public TimeEntryChangesValidator()
    {
        RuleFor(t => t.StartedAt!.Value).Started().OverridePropertyName(nameof(TimeEntryChanges.StartedAt)).When(t => t.StartedAt is not null);
        RuleFor(t => t.Duration!.Value).Duration().OverridePropertyName(nameof(TimeEntryChanges.Duration)).When(t => t.Duration is not null);
        RuleFor(t => t.TaskId).OptionalId();
        RuleFor(t => t.Note).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Time entry rules shared by drafts and changes.</summary>
internal static class TimeEntryRules
{
    public static IRuleBuilderOptions<T, DateTimeOffset> Started<T>(this IRuleBuilder<T, DateTimeOffset> rule) =>
        rule.Must(s => s != default)
            .WithMessage("'StartedAt' is not set (it is default(DateTimeOffset)); give the instant the work started.")
            .WithErrorCode("DateRequired");

    public static IRuleBuilderOptions<T, TimeSpan> Duration<T>(this IRuleBuilder<T, TimeSpan> rule) =>
        rule.Must(d => d > TimeSpan.Zero && d < TimeSpan.FromHours(24))
            .WithMessage((_, d) => string.Create(
                CultureInfo.InvariantCulture, $"'Duration' must be more than zero and less than 24 hours; it is {d:c}. Log longer work as several entries."))
            .WithErrorCode("DurationOutOfRange")
            .Must(d => d.Ticks % TimeSpan.TicksPerSecond == 0)
            .WithMessage((_, d) => string.Create(
                CultureInfo.InvariantCulture, $"'Duration' must be whole seconds (providers store seconds); it is {d:c}. Round it, e.g. TimeSpan.FromSeconds(Math.Round(d.TotalSeconds))."))
            .WithErrorCode("DurationNotWholeSeconds");
}
