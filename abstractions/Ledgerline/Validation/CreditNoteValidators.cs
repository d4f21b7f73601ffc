using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewCreditNote"/>: the invoice rules for contact, currency and lines.</summary>
internal sealed class NewCreditNoteValidator : LedgerlineValidator<NewCreditNote>
{
    public NewCreditNoteValidator()
    {
        RuleFor(c => c.ContactId).NotEmpty().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(c => c.Currency).KnownCurrency();
        RuleFor(c => c.IssueDate).SetDate();
        RuleFor(c => c.Number).InvoiceNumber();
        RuleFor(c => c.Lines)
            .NotNull().WithMessage("A credit note needs at least one line.")
            .NotEmpty().WithMessage("A credit note needs at least one line.");
        RuleForEach(c => c.Lines)
            .NotNull()
            .SetValidator((note, _) => new NewInvoiceLineValidator(
                note.Currency.IsDefault ? null : note.Currency, $"the credit note Currency is {note.Currency}", newDocument: true));
        RuleFor(c => c.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="CreditNoteChanges"/>: what is set follows the <see cref="NewCreditNote"/> rules.</summary>
internal sealed class CreditNoteChangesValidator : LedgerlineValidator<CreditNoteChanges>
{
    public CreditNoteChangesValidator()
    {
        RuleFor(c => c.Number).InvoiceNumber();
        RuleFor(c => c.IssueDate).SetDate();
        RuleFor(c => c.UnitPricesIncludeTax)
            .Null()
            .WithMessage("UnitPricesIncludeTax changes only together with Lines: changing it alone would re-price the current lines, so give every line again.")
            .WithErrorCode("LinesRequiredForTaxInclusion")
            .When(c => c.Lines is null);
        RuleFor(c => c.Lines!)
            .NotEmpty()
            .WithMessage("A credit note needs at least one line; leave Lines null to keep the current lines.")
            .DistinctLineIds(l => l?.Id)
            .When(c => c.Lines is not null);
        RuleForEach(c => c.Lines!)
            .NotNull()
            .SetValidator((changes, _) => changes.Lines is [{ UnitPrice.Currency: { IsDefault: false } first }, ..]
                ? new NewInvoiceLineValidator(first, $"Lines[0] is in {first} and all lines of a credit note share one currency", newDocument: false)
                : new NewInvoiceLineValidator());
        RuleFor(c => c.Notes).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="NewCreditAllocation"/>; what it may not exceed (credit remaining, amount due) the provider checks.</summary>
internal sealed class NewCreditAllocationValidator : LedgerlineValidator<NewCreditAllocation>
{
    public NewCreditAllocationValidator()
    {
        RuleFor(a => a.InvoiceId).NotEmpty().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(a => a.Amount).PositiveMoney().InMinorUnits();
        RuleFor(a => a.Date).SetDate();
    }
}

/// <summary>Validates <see cref="CreditNoteQuery"/>.</summary>
internal sealed class CreditNoteQueryValidator : RecordQueryValidator<CreditNoteQuery>
{
    public CreditNoteQueryValidator()
    {
        RuleFor(q => q.ContactId).NotBlankFilter().MaximumLength(InputLimits.Id).WellFormed();
        StatusSet(q => q.Statuses);
        DateRange(q => q.IssueDate);
    }
}
