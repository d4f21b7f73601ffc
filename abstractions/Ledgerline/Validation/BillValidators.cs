using System.Globalization;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewBill"/>: a vendor, one currency for every line, a due date not before the bill's date.</summary>
internal sealed class NewBillValidator : LedgerlineValidator<NewBill>
{
    public NewBillValidator()
    {
        RuleFor(b => b.VendorId).NotEmpty().WithMessage("A bill needs a vendor: set VendorId.").MaximumLength(InputLimits.Id);
        RuleFor(b => b.Currency).KnownCurrency();
        RuleFor(b => b.IssueDate).SetDate();
        RuleFor(b => b.DueDate)
            .SetDate()
            .Must((bill, due) => due is not { } d || d >= bill.IssueDate)
            .WithMessage((bill, due) => BillRules.DueBeforeIssue(due, bill.IssueDate))
            .WithErrorCode("DueBeforeIssue");
        RuleFor(b => b.Number).MaximumLength(InputLimits.Name);
        RuleFor(b => b.Lines)
            .NotNull().WithMessage("A bill needs at least one line.")
            .NotEmpty().WithMessage("A bill needs at least one line.");
        RuleForEach(b => b.Lines)
            .NotNull()
            .SetValidator((bill, _) => new NewBillLineValidator(bill.Currency.IsDefault ? null : bill.Currency, $"the bill Currency is {bill.Currency}"));
        RuleFor(b => b.Notes).MaximumLength(InputLimits.Text);
    }
}

/// <summary>Validates <see cref="BillChanges"/>: what is set follows the <see cref="NewBill"/> rules.</summary>
internal sealed class BillChangesValidator : LedgerlineValidator<BillChanges>
{
    public BillChangesValidator()
    {
        RuleFor(b => b.Number).MaximumLength(InputLimits.Name);
        RuleFor(b => b.IssueDate).SetDate();
        RuleFor(b => b.DueDate)
            .SetDate()
            .Must((changes, due) => changes.IssueDate is not { } issue || due is not { } d || d >= issue)
            .WithMessage((changes, due) => BillRules.DueBeforeIssue(due, changes.IssueDate!.Value))
            .WithErrorCode("DueBeforeIssue");
        RuleFor(b => b.Lines!)
            .NotEmpty()
            .WithMessage("A bill needs at least one line; leave Lines null to keep the current lines.")
            .When(b => b.Lines is not null);
        RuleForEach(b => b.Lines!)
            .NotNull()
            .SetValidator((changes, _) => changes.Lines is [{ UnitPrice.Currency: { IsDefault: false } first }, ..]
                ? new NewBillLineValidator(first, $"Lines[0] is in {first} and all lines of a bill share one currency")
                : new NewBillLineValidator(null, string.Empty));
        RuleFor(b => b.Notes).MaximumLength(InputLimits.Text);
    }
}

/// <summary>Validates one <see cref="NewBillLine"/>, optionally against the bill's currency.</summary>
internal sealed class NewBillLineValidator : LedgerlineValidator<NewBillLine>
{
    public NewBillLineValidator(CurrencyCode? expectedCurrency, string expectedSource)
    {
        RuleFor(l => l.Description).NotEmpty().MaximumLength(InputLimits.Text);
        RuleFor(l => l.Quantity).GreaterThanOrEqualTo(0m);
        RuleFor(l => l.CategoryId).OptionalId();
        RuleFor(l => l.UnitPrice)
            .Must(p => !p.Currency.IsDefault)
            .WithMessage("'UnitPrice' has no currency; create it as new Money(amount, currency) in the bill currency.")
            .WithErrorCode("CurrencyRequired")
            .Must(p => expectedCurrency is not { } expected || p.Currency == expected)
            .WithMessage((_, p) => $"The unit price is in {p.Currency} but {expectedSource}; Ledgerline never converts currencies.")
            .WithErrorCode("CurrencyMismatch")
            .Must(p => p.Amount >= 0m)
            .WithMessage((_, p) => $"'UnitPrice' must not be negative; it is {p}.")
            .WithErrorCode("NegativeAmount");
        RuleFor(l => l.Taxes)
            .NotNull()
            .Must(t => t.Count <= InvoiceRules.MaxTaxesPerLine)
            .WithMessage((_, t) => $"A line takes at most {InvoiceRules.MaxTaxesPerLine} taxes; it has {t.Count}.")
            .WithErrorCode("TooManyTaxes");
        RuleForEach(l => l.Taxes).NotNull().ChildRules(tax =>
        {
            tax.RuleFor(t => t.Name).NotEmpty().MaximumLength(InputLimits.Name);
            tax.RuleFor(t => t.Percent).InclusiveBetween(0m, 100m);
            tax.RuleFor(t => t.TaxRateId).OptionalId();
        });
    }
}

/// <summary>Validates <see cref="BillQuery"/>.</summary>
internal sealed class BillQueryValidator : RecordQueryValidator<BillQuery>
{
    public BillQueryValidator()
    {
        RuleFor(q => q.VendorId).NotBlankFilter().MaximumLength(InputLimits.Id);
        RuleFor(q => q.Statuses)
            .Must(s => s is null || s.Count > 0)
            .WithMessage("'Statuses' is empty, which selects nothing; leave it null to list every status.")
            .WithErrorCode("StatusesEmpty")
            .Must(s => s is null || s.All(Enum.IsDefined))
            .WithMessage("'Statuses' holds a value that is not a BillStatus.")
            .WithErrorCode("UnknownStatus");
        DateRange(q => q.IssueDate);
        DateRange(q => q.DueDate);
    }
}

/// <summary>Validates <see cref="NewBillPayment"/>.</summary>
internal sealed class NewBillPaymentValidator : LedgerlineValidator<NewBillPayment>
{
    public NewBillPaymentValidator()
    {
        RuleFor(p => p.BillId).NotEmpty().MaximumLength(InputLimits.Id);
        RuleFor(p => p.Amount).PositiveMoney();
        RuleFor(p => p.Date).SetDate();
        RuleFor(p => p.Method).MaximumLength(InputLimits.Name);
        RuleFor(p => p.Note).MaximumLength(InputLimits.Text);
    }
}

/// <summary>Validates <see cref="BillPaymentChanges"/>.</summary>
internal sealed class BillPaymentChangesValidator : LedgerlineValidator<BillPaymentChanges>
{
    public BillPaymentChangesValidator()
    {
        RuleFor(p => p.Amount!.Value).PositiveMoney().OverridePropertyName(nameof(BillPaymentChanges.Amount)).When(p => p.Amount is not null);
        RuleFor(p => p.Date).SetDate();
        RuleFor(p => p.Method).MaximumLength(InputLimits.Name);
        RuleFor(p => p.Note).MaximumLength(InputLimits.Text);
    }
}

/// <summary>Validates <see cref="BillPaymentQuery"/>.</summary>
internal sealed class BillPaymentQueryValidator : RecordQueryValidator<BillPaymentQuery>
{
    public BillPaymentQueryValidator()
    {
        RuleFor(q => q.BillId).NotBlankFilter().MaximumLength(InputLimits.Id);
        DateRange(q => q.Date);
    }
}

/// <summary>Bill rules shared by drafts and changes.</summary>
internal static class BillRules
{
    public static string DueBeforeIssue(DateOnly? due, DateOnly issue) => string.Create(
        CultureInfo.InvariantCulture,
        $"DueDate {due:yyyy-MM-dd} is before IssueDate {issue:yyyy-MM-dd}; a bill cannot be due before its date.");
}
