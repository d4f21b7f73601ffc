using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewTaxRate"/>.</summary>
internal sealed class NewTaxRateValidator : LedgerlineValidator<NewTaxRate>
{
    public NewTaxRateValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(t => t.Percent).InclusiveBetween(0m, 100m);
        RuleFor(t => t.RegistrationNumber).MaximumLength(InputLimits.Name).WellFormed();
    }
}

/// <summary>Validates <see cref="TaxRateChanges"/>: what is set follows the <see cref="NewTaxRate"/> rules.</summary>
internal sealed class TaxRateChangesValidator : LedgerlineValidator<TaxRateChanges>
{
    public TaxRateChangesValidator()
    {
        RuleFor(t => t.Name)
            .Must(n => n is null || !string.IsNullOrWhiteSpace(n))
            .WithMessage("'Name' cannot be cleared; a tax rate needs a name.")
            .WithErrorCode("NameRequired")
            .MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(t => t.Percent).InclusiveBetween(0m, 100m);
        RuleFor(t => t.RegistrationNumber).MaximumLength(InputLimits.Name).WellFormed();
    }
}

/// <summary>Validates <see cref="TaxRateQuery"/>.</summary>
internal sealed class TaxRateQueryValidator : RecordQueryValidator<TaxRateQuery>
{
    public TaxRateQueryValidator() => RuleFor(q => q.NameContains).NotBlankFilter().MaximumLength(InputLimits.Name).WellFormed();
}
