using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewPayment"/>. That its currency is the invoice's is checked by the provider, which knows the invoice.</summary>
internal sealed class NewPaymentValidator : LedgerlineValidator<NewPayment>
{
    public NewPaymentValidator()
    {
        RuleFor(p => p.InvoiceId).NotEmpty().MaximumLength(InputLimits.Id).WellFormed();
        RuleFor(p => p.Amount).PositiveMoney().InMinorUnits();
        RuleFor(p => p.Date).SetDate();
        RuleFor(p => p.Method).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(p => p.Note).MaximumLength(InputLimits.Text).WellFormed();
    }
}

/// <summary>Validates <see cref="PaymentChanges"/>: what is set follows the <see cref="NewPayment"/> rules.</summary>
internal sealed class PaymentChangesValidator : LedgerlineValidator<PaymentChanges>
{
    public PaymentChangesValidator()
    {
        RuleFor(p => p.Amount!.Value).PositiveMoney().InMinorUnits().OverridePropertyName(nameof(PaymentChanges.Amount)).When(p => p.Amount is not null);
        RuleFor(p => p.Date).SetDate();
        RuleFor(p => p.Method).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(p => p.Note).MaximumLength(InputLimits.Text).WellFormed();
    }
}
