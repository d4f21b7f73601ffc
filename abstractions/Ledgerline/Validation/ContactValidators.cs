using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Validates <see cref="NewContact"/>.</summary>
internal sealed class NewContactValidator : LedgerlineValidator<NewContact>
{
    public const string IdentityMessage =
        "A contact needs at least one of FirstName, LastName, Organization or Email; all four are blank.";

    public NewContactValidator()
    {
        RuleFor(c => c.Organization)
            .Must((contact, _) => HasIdentity(contact))
            .WithMessage(IdentityMessage)
            .WithErrorCode("ContactIdentityRequired");
        RuleFor(c => c.FirstName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(c => c.LastName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(c => c.Organization).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(c => c.Email).Email().When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Currency).KnownCurrency();
        RuleFor(c => c.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(c => c.Phones).NotNull().OnePerKind();
        RuleForEach(c => c.Phones!).Phone();
        RuleFor(c => c.BillingAddress!).SetValidator(new PostalAddressValidator()).When(c => c.BillingAddress is not null);
    }

    private static bool HasIdentity(NewContact contact) =>
        !string.IsNullOrWhiteSpace(contact.FirstName) || !string.IsNullOrWhiteSpace(contact.LastName) ||
        !string.IsNullOrWhiteSpace(contact.Organization) || !string.IsNullOrWhiteSpace(contact.Email);
}

/// <summary>Validates <see cref="ContactChanges"/>: what is set follows the <see cref="NewContact"/> rules; an empty string clears.</summary>
internal sealed class ContactChangesValidator : LedgerlineValidator<ContactChanges>
{
    public ContactChangesValidator()
    {
        RuleFor(c => c.FirstName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(c => c.LastName).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(c => c.Organization).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(c => c.Email).Email().When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Currency).KnownCurrency();
        RuleFor(c => c.Notes).MaximumLength(InputLimits.Text).WellFormed();
        RuleFor(c => c.Phones!).OnePerKind().When(c => c.Phones is not null);
        RuleForEach(c => c.Phones!).Phone();
        RuleFor(c => c.BillingAddress!).SetValidator(new PostalAddressValidator()).When(c => c.BillingAddress is not null);
    }
}

/// <summary>Validates a <see cref="PostalAddress"/>: each part has a sensible length.</summary>
internal sealed class PostalAddressValidator : LedgerlineValidator<PostalAddress>
{
    public PostalAddressValidator()
    {
        RuleFor(a => a.Street).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(a => a.Street2).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(a => a.City).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(a => a.Region).MaximumLength(InputLimits.Name).WellFormed();
        RuleFor(a => a.PostalCode).MaximumLength(InputLimits.PostalCode).WellFormed();
        RuleFor(a => a.Country).MaximumLength(InputLimits.Name).WellFormed();
    }
}

/// <summary>Contact rules shared by drafts and changes.</summary>
internal static class ContactRules
{
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(CommonRules.IsEmailAddress)
            .WithMessage("'{PropertyValue}' is not a valid e-mail address (expected e.g. ada@example.com).")
            .WithErrorCode("InvalidEmail");

    public static IRuleBuilderOptions<T, IReadOnlyList<ContactPhone>> OnePerKind<T>(this IRuleBuilder<T, IReadOnlyList<ContactPhone>> rule) =>
        rule.Must(phones => phones.Where(p => p is not null).GroupBy(p => p.Kind).All(g => g.Count() == 1))
            .WithMessage(
                (_, phones) => "At most one phone number per kind is allowed; repeated: " +
                    string.Join(", ", phones.Where(p => p is not null).GroupBy(p => p.Kind).Where(g => g.Count() > 1).Select(g => g.Key)) + ".")
            .WithErrorCode("DuplicatePhoneKind");

    public static void Phone<T>(this IRuleBuilderInitialCollection<T, ContactPhone> rule) =>
        rule.NotNull().ChildRules(phone =>
        {
            phone.RuleFor(p => p.Kind).IsInEnum();
            phone.RuleFor(p => p.Number)
                .NotEmpty().WithMessage("A phone number must not be blank; leave the phone out instead.")
                .MaximumLength(InputLimits.Phone).WellFormed();
        });
}
