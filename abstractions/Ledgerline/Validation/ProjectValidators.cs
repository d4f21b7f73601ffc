using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewProject"/>: a name, and a fixed price exactly when the project is billed at one.</summary>
internal sealed class NewProjectValidator : LedgerlineValidator<NewProject>
{
    public NewProjectValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(p => p.ContactId).OptionalId();
        RuleFor(p => p.Description).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(p => p.DueDate).SetDate();
        RuleFor(p => p.BillingMethod)
            .Must(Enum.IsDefined)
            .WithMessage("'BillingMethod' must be FixedPrice, Hourly or Unknown (not stated).")
            .WithErrorCode("UnknownBillingMethod");
        RuleFor(p => p.FixedPrice)
            .NotNull()
            .WithMessage("A fixed-price project needs its FixedPrice.")
            .WithErrorCode("FixedPriceRequired")
            .When(p => p.BillingMethod == ProjectBillingMethod.FixedPrice);
        RuleFor(p => p.FixedPrice)
            .Null()
            .WithMessage("Only a fixed-price project has a FixedPrice; set BillingMethod = FixedPrice or leave it null.")
            .WithErrorCode("FixedPriceNotApplicable")
            .When(p => p.BillingMethod != ProjectBillingMethod.FixedPrice);
        RuleFor(p => p.FixedPrice).NonNegativeMoney();
        RuleFor(p => p.HourlyRate).NonNegativeMoney();
        RuleFor(p => p.Budget).NonNegativeMoney();
    }
}

/// <summary>Validates <see cref="ProjectChanges"/>: what is set follows the <see cref="NewProject"/> rules.</summary>
internal sealed class ProjectChangesValidator : LedgerlineValidator<ProjectChanges>
{
    public ProjectChangesValidator()
    {
        RuleFor(p => p.Name)
            .Must(n => n is null || !string.IsNullOrWhiteSpace(n))
            .WithMessage("'Name' cannot be cleared; a project needs a name.")
            .WithErrorCode("NameRequired")
            .MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(p => p.Description).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(p => p.DueDate).SetDate();
        RuleFor(p => p.FixedPrice).NonNegativeMoney();
        RuleFor(p => p.HourlyRate).NonNegativeMoney();
        RuleFor(p => p.Budget).NonNegativeMoney();
    }
}

/// <summary>Validates <see cref="ProjectQuery"/>.</summary>
internal sealed class ProjectQueryValidator : RecordQueryValidator<ProjectQuery>
{
    public ProjectQueryValidator() => RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
}

/// <summary>Rules projects share.</summary>
internal static class ProjectRules
{
    /// <summary>An amount that, when given, has a currency and is not negative.</summary>
    public static IRuleBuilderOptions<T, Money?> NonNegativeMoney<T>(this IRuleBuilder<T, Money?> rule) => rule.UnitPrice();
}
