using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledgerline.Validation;

/// <summary>Registers the canonical validators that every provider's input passes through.</summary>
internal static class LedgerlineValidators
{
    /// <summary>Adds one singleton <see cref="IValidator{T}"/> per canonical input; calling it again adds nothing.</summary>
    public static void Register(IServiceCollection services)
    {
        services.TryAddSingleton<IValidator<NewContact>, NewContactValidator>();
        services.TryAddSingleton<IValidator<ContactChanges>, ContactChangesValidator>();
        services.TryAddSingleton<IValidator<ContactQuery>, ContactQueryValidator>();

        services.TryAddSingleton<IValidator<NewInvoice>, NewInvoiceValidator>();
        // Built on first use like the others, not while registering: building a validator is FluentValidation's first use,
        // a few hundred methods to compile that an app which only lists would pay for at AddLedgerline.
        services.TryAddSingleton<IValidator<NewInvoiceLine>>(static _ => new NewInvoiceLineValidator());
        services.TryAddSingleton<IValidator<InvoiceChanges>, InvoiceChangesValidator>();
        services.TryAddSingleton<IValidator<InvoiceQuery>, InvoiceQueryValidator>();

        services.TryAddSingleton<IValidator<NewPayment>, NewPaymentValidator>();
        services.TryAddSingleton<IValidator<PaymentChanges>, PaymentChangesValidator>();
        services.TryAddSingleton<IValidator<PaymentQuery>, PaymentQueryValidator>();

        services.TryAddSingleton<IValidator<NewExpense>, NewExpenseValidator>();
        services.TryAddSingleton<IValidator<ExpenseChanges>, ExpenseChangesValidator>();
        services.TryAddSingleton<IValidator<ExpenseQuery>, ExpenseQueryValidator>();

        services.TryAddSingleton<IValidator<NewTimeEntry>, NewTimeEntryValidator>();
        services.TryAddSingleton<IValidator<TimeEntryChanges>, TimeEntryChangesValidator>();
        services.TryAddSingleton<IValidator<TimeEntryQuery>, TimeEntryQueryValidator>();

        services.TryAddSingleton<IValidator<NewItem>, NewItemValidator>();
        services.TryAddSingleton<IValidator<ItemChanges>, ItemChangesValidator>();
        services.TryAddSingleton<IValidator<ItemQuery>, ItemQueryValidator>();

        services.TryAddSingleton<IValidator<NewTaxRate>, NewTaxRateValidator>();
        services.TryAddSingleton<IValidator<TaxRateChanges>, TaxRateChangesValidator>();
        services.TryAddSingleton<IValidator<TaxRateQuery>, TaxRateQueryValidator>();

        services.TryAddSingleton<IValidator<NewEstimate>, NewEstimateValidator>();
        services.TryAddSingleton<IValidator<EstimateChanges>, EstimateChangesValidator>();
        services.TryAddSingleton<IValidator<EstimateQuery>, EstimateQueryValidator>();

        services.TryAddSingleton<IValidator<NewCreditNote>, NewCreditNoteValidator>();
        services.TryAddSingleton<IValidator<CreditNoteChanges>, CreditNoteChangesValidator>();
        services.TryAddSingleton<IValidator<CreditNoteQuery>, CreditNoteQueryValidator>();
        services.TryAddSingleton<IValidator<NewCreditAllocation>, NewCreditAllocationValidator>();

        services.TryAddSingleton<IValidator<NewVendor>, NewVendorValidator>();
        services.TryAddSingleton<IValidator<VendorChanges>, VendorChangesValidator>();
        services.TryAddSingleton<IValidator<VendorQuery>, VendorQueryValidator>();

        services.TryAddSingleton<IValidator<NewBill>, NewBillValidator>();
        services.TryAddSingleton<IValidator<BillChanges>, BillChangesValidator>();
        services.TryAddSingleton<IValidator<BillQuery>, BillQueryValidator>();

        services.TryAddSingleton<IValidator<NewBillPayment>, NewBillPaymentValidator>();
        services.TryAddSingleton<IValidator<BillPaymentChanges>, BillPaymentChangesValidator>();
        services.TryAddSingleton<IValidator<BillPaymentQuery>, BillPaymentQueryValidator>();

        services.TryAddSingleton<IValidator<NewProject>, NewProjectValidator>();
        services.TryAddSingleton<IValidator<ProjectChanges>, ProjectChangesValidator>();
        services.TryAddSingleton<IValidator<ProjectQuery>, ProjectQueryValidator>();
    }
}
