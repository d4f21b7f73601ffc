using Ledgerline.Validation;
using static Ledgerline.Tests.Validation.ValidatorAssert;

namespace Ledgerline.Tests.Validation;

public sealed class ContactValidatorTests
{
    private readonly NewContactValidator _draft = new();
    private readonly ContactChangesValidator _changes = new();

    public static TheoryData<NewContact> OneIdentity =>
    [
        new NewContact { FirstName = "Ada" },
        new NewContact { LastName = "Lovelace" },
        new NewContact { Organization = "Engines" },
        new NewContact { Email = "ada@example.com" },
    ];

    [Theory]
    [MemberData(nameof(OneIdentity))]
    public void NewContact_AnyOneOfTheFour_IsValid(NewContact draft) => Valid(_draft, draft);

    [Fact]
    public void NewContact_AllBlank_FailsOnOrganizationNamingAllFour()
    {
        var failure = FailsOn(_draft, new NewContact { FirstName = " ", LastName = "", Notes = "only notes" }, "Organization");

        foreach (var field in new[] { "FirstName", "LastName", "Organization", "Email" })
        {
            Assert.Contains(field, failure.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("ada@example")]
    [InlineData("ada @example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@@example.com")]
    [InlineData("  ")]
    public void NewContact_InvalidEmail_FailsOnEmail(string email)
    {
        var failure = FailsOn(_draft, new NewContact { Organization = "X", Email = email }, "Email");

        Assert.Contains("e-mail", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+ledger@mail.example.co.uk")]
    public void NewContact_ValidEmail_IsValid(string email) => Valid(_draft, new NewContact { Email = email });

    [Fact]
    public void NewContact_DefaultCurrency_FailsOnCurrency() =>
        FailsOn(_draft, new NewContact { Organization = "X", Currency = default(CurrencyCode) }, "Currency");

    [Fact]
    public void NewContact_RealCurrency_IsValid() =>
        Valid(_draft, new NewContact { Organization = "X", Currency = CurrencyCode.EUR });

    [Fact]
    public void NewContact_TooLongName_FailsOnFirstName() =>
        FailsOn(_draft, new NewContact { FirstName = new string('a', 201) }, "FirstName");

    [Fact]
    public void NewContact_TooLongOrganization_FailsOnOrganization() =>
        FailsOn(_draft, new NewContact { Organization = new string('a', 201) }, "Organization");

    [Fact]
    public void NewContact_TwoPhonesOfOneKind_FailsOnPhones()
    {
        var failure = FailsOn(_draft, new NewContact
        {
            Organization = "X",
            Phones = [new ContactPhone(PhoneKind.Mobile, "1"), new ContactPhone(PhoneKind.Business, "2"), new ContactPhone(PhoneKind.Mobile, "3")],
        }, "Phones");

        Assert.Contains("Mobile", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NewContact_OnePhonePerKind_IsValid() => Valid(_draft, new NewContact
    {
        Organization = "X",
        Phones = [new ContactPhone(PhoneKind.Mobile, "1"), new ContactPhone(PhoneKind.Business, "2"), new ContactPhone(PhoneKind.Fax, "3")],
    });

    [Fact]
    public void NewContact_BlankPhoneNumber_FailsOnThatNumber() =>
        FailsOn(_draft, new NewContact
        {
            Organization = "X",
            Phones = [new ContactPhone(PhoneKind.Mobile, "1"), new ContactPhone(PhoneKind.Home, " ")],
        }, "Phones[1].Number");

    [Fact]
    public void NewContact_UnknownPhoneKind_FailsOnKind() =>
        FailsOn(_draft, new NewContact { Organization = "X", Phones = [new ContactPhone((PhoneKind)42, "1")] }, "Phones[0].Kind");

    [Fact]
    public void NewContact_NullPhones_FailsOnPhones() =>
        FailsOn(_draft, new NewContact { Organization = "X", Phones = null! }, "Phones");

    [Fact]
    public void NewContact_TooLongStreet_FailsOnBillingAddressStreet() =>
        FailsOn(_draft, new NewContact { Organization = "X", BillingAddress = new PostalAddress { Street = new string('s', 201) } }, "BillingAddress.Street");

    [Fact]
    public void ContactChanges_Nothing_IsValid() => Valid(_changes, new ContactChanges());

    [Fact]
    public void ContactChanges_EmptyEmail_ClearsAndIsValid() => Valid(_changes, new ContactChanges { Email = string.Empty, FirstName = string.Empty });

    [Fact]
    public void ContactChanges_InvalidEmail_FailsOnEmail() => FailsOn(_changes, new ContactChanges { Email = "nope" }, "Email");

    [Fact]
    public void ContactChanges_DefaultCurrency_FailsOnCurrency() =>
        FailsOn(_changes, new ContactChanges { Currency = default(CurrencyCode) }, "Currency");

    [Fact]
    public void ContactChanges_DuplicatePhoneKinds_FailsOnPhones() =>
        FailsOn(_changes, new ContactChanges { Phones = [new ContactPhone(PhoneKind.Fax, "1"), new ContactPhone(PhoneKind.Fax, "2")] }, "Phones");

    [Fact]
    public void ContactChanges_BlankPhoneNumber_FailsOnNumber() =>
        FailsOn(_changes, new ContactChanges { Phones = [new ContactPhone(PhoneKind.Fax, "")] }, "Phones[0].Number");

    [Fact]
    public void ContactChanges_TooLongNotes_FailsOnNotes() =>
        FailsOn(_changes, new ContactChanges { Notes = new string('n', 10_001) }, "Notes");
}
