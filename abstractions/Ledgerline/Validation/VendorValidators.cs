using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewVendor"/>.</summary>
internal sealed class NewVendorValidator : LedgerlineValidator<NewVendor>
{
    public NewVendorValidator()
    {
        RuleFor(v => v.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.FirstName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.LastName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.Email).Email().When(v => !string.IsNullOrEmpty(v.Email));
        RuleFor(v => v.Phone).MaximumLength(InputLimits.Phone).WellFormed();
        RuleFor(v => v.Website).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.AccountNumber).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.Address!).SetValidator(new PostalAddressValidator()).When(v => v.Address is not null);
        RuleFor(v => v.Currency).KnownCurrency();
        RuleFor(v => v.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="VendorChanges"/>: what is set follows the <see cref="NewVendor"/> rules.</summary>
internal sealed class VendorChangesValidator : LedgerlineValidator<VendorChanges>
{
    public VendorChangesValidator()
    {
        RuleFor(v => v.Name)
            .Must(n => n is null || !string.IsNullOrWhiteSpace(n))
            .WithMessage("'Name' cannot be cleared; a vendor needs a name.")
            .WithErrorCode("NameRequired")
            .MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.FirstName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.LastName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.Email).Email().When(v => !string.IsNullOrEmpty(v.Email));
        RuleFor(v => v.Phone).MaximumLength(InputLimits.Phone).WellFormed();
        RuleFor(v => v.Website).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.AccountNumber).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(v => v.Address!).SetValidator(new PostalAddressValidator()).When(v => v.Address is not null);
        RuleFor(v => v.Currency).KnownCurrency();
        RuleFor(v => v.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="VendorQuery"/>.</summary>
internal sealed class VendorQueryValidator : RecordQueryValidator<VendorQuery>
{
    public VendorQueryValidator() => RuleFor(q => q.NameContains).NotBlankFilter().MaximumLength(InputLimits.Name).WellFormed();
}
