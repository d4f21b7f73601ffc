using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewItem"/>.</summary>
internal sealed class NewItemValidator : LedgerlineValidator<NewItem>
{
    /// <summary>FreshBooks' limit (<c>tax1</c>, <c>tax2</c>), adopted by every provider.</summary>
    public const int MaxTaxes = 2;

    public NewItemValidator()
    {
        RuleFor(i => i.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(i => i.Code).OptionalText(InputLimits.Name);
        RuleFor(i => i.Description).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(i => i.UnitPrice).UnitPrice();
        RuleFor(i => i.TaxRateIds).TaxRateIds(MaxTaxes);
    }
}

/// <summary>Validates <see cref="ItemChanges"/>: what is set follows the <see cref="NewItem"/> rules.</summary>
internal sealed class ItemChangesValidator : LedgerlineValidator<ItemChanges>
{
    public ItemChangesValidator()
    {
        RuleFor(i => i.Name)
            .Must(n => n is null || !string.IsNullOrWhiteSpace(n))
            .WithMessage("'Name' cannot be cleared; an item needs a name.")
            .WithErrorCode("NameRequired")
            .MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(i => i.Code).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(i => i.Description).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(i => i.UnitPrice).UnitPrice();
        RuleFor(i => i.TaxRateIds!).TaxRateIds(NewItemValidator.MaxTaxes).When(i => i.TaxRateIds is not null);
    }
}

/// <summary>Validates <see cref="ItemQuery"/>.</summary>
internal sealed class ItemQueryValidator : RecordQueryValidator<ItemQuery>
{
    public ItemQueryValidator()
    {
        RuleFor(q => q.Code).NotBlankFilter().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(q => q.NameContains).NotBlankFilter().MaximumLength(InputLimits.Name).WellFormed();
    }
}

/// <summary>Rules items share between drafts and changes.</summary>
internal static class ItemRules
{
    /// <summary>Optional text that, when given, is not blank.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(v => v is null || !string.IsNullOrWhiteSpace(v))
            .WithMessage("'{PropertyName}' must not be blank; leave it null instead.")
            .WithErrorCode("Blank")
            .MaximumLength(maxLength).WellFormed();

    /// <summary>A price that, when given, has a currency and is not negative.</summary>
    public static IRuleBuilderOptions<T, Money?> UnitPrice<T>(this IRuleBuilder<T, Money?> rule) =>
        rule.Must(p => p is not { Currency.IsDefault: true })
            .WithMessage("'{PropertyName}' has no currency; create it as new Money(amount, CurrencyCode.USD).")
            .WithErrorCode("CurrencyRequired")
            .Must(p => p is not { Amount: < 0m })
            .WithMessage((_, p) => $"'{{PropertyName}}' must not be negative; it is {p}.")
            .WithErrorCode("NegativeAmount");

    /// <summary>At most <paramref name="max"/> distinct, non-blank tax rate ids.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> TaxRateIds<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, int max) =>
        rule.NotNull()
            .Must(ids => ids.Count <= max)
            .WithMessage((_, ids) => $"An item takes at most {max} tax rates; it has {ids.Count}.")
            .WithErrorCode("TooManyTaxes")
            .Must(ids => ids.All(id => !string.IsNullOrWhiteSpace(id) && id.Length <= InputLimits.Id))
            .WithMessage("'{PropertyName}' holds a blank or over-long id.")
            .WithErrorCode("BlankId")
            .Must(ids => ids.Distinct(StringComparer.Ordinal).Count() == ids.Count)
            .WithMessage("'{PropertyName}' names the same tax rate twice.")
            .WithErrorCode("DuplicateTax");
}
