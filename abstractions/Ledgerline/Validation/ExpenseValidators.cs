using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewExpense"/>.</summary>
internal sealed class NewExpenseValidator : LedgerlineValidator<NewExpense>
{
    /// <summary>FreshBooks' limit, adopted by every provider.</summary>
    public const int MaxTaxes = 2;

    public NewExpenseValidator()
    {
        RuleFor(e => e.Amount).PositiveMoney();
        RuleFor(e => e.Date).SetDate();
        RuleFor(e => e.Vendor).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(e => e.CategoryId).OptionalId();
        RuleFor(e => e.ContactId).OptionalId();
        RuleFor(e => e.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(e => e.Taxes)
            .NotNull()
            .Must(t => t.Count <= MaxTaxes)
            .WithMessage((_, t) => $"An expense takes at most {MaxTaxes} taxes; it has {t.Count}.")
            .WithErrorCode("TooManyTaxes");
        RuleForEach(e => e.Taxes).NotNull().SetValidator((expense, _) => new ExpenseTaxValidator(expense.Amount.Currency));
    }
}

/// <summary>Validates one <see cref="ExpenseTax"/> against the expense currency.</summary>
internal sealed class ExpenseTaxValidator : LedgerlineValidator<ExpenseTax>
{
    public ExpenseTaxValidator(CurrencyCode expenseCurrency)
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(t => t.Amount)
            .Must(a => a.Currency == expenseCurrency || expenseCurrency.IsDefault)
            .WithMessage((_, a) => $"The tax is in {(a.Currency.IsDefault ? "no currency" : a.Currency.Value)} but the expense Amount is in {expenseCurrency}; a tax is paid in the expense currency.")
            .WithErrorCode("CurrencyMismatch")
            .Must(a => a.Amount >= 0m)
            .WithMessage((_, a) => $"A tax amount must not be negative; it is {a}.")
            .WithErrorCode("NegativeAmount");
        RuleFor(t => t.Percent).InclusiveBetween(0m, 100m);
    }
}

/// <summary>Validates <see cref="ExpenseChanges"/>: what is set follows the <see cref="NewExpense"/> rules.</summary>
internal sealed class ExpenseChangesValidator : LedgerlineValidator<ExpenseChanges>
{
    public ExpenseChangesValidator()
    {
        RuleFor(e => e.Amount!.Value).PositiveMoney().OverridePropertyName(nameof(ExpenseChanges.Amount)).When(e => e.Amount is not null);
        RuleFor(e => e.Date).SetDate();
        RuleFor(e => e.Vendor).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(e => e.CategoryId).OptionalId();
        RuleFor(e => e.ContactId).OptionalId();
        RuleFor(e => e.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}
